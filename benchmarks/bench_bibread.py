"""Read speed of the BibTeX/biblatex reader on the largest real file (2,157 entries, with its
@string file), and on every real file; with and without sentence case.

Usage: python benchmarks/bench_bibread.py [--shared DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from refkit.bib import bibtex, latex

SHARED = Path(os.environ.get("REFKIT_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")


def _read(p: Path) -> str:
    return p.read_bytes().decode("utf-8", errors="replace")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    bib = a.shared / "realworld" / "bib"
    big = [(_read(bib / "biber-etc-definitions-strings.bib"), "biber-etc-definitions-strings.bib"),
           (_read(bib / "biber-etc-papers-treewidth.bib"), "biber-etc-papers-treewidth.bib")]
    for mode in ("never", "auto"):
        best = cpu = float("inf")
        for _ in range(a.repeat):
            latex.clear_caches()  # every run starts cold
            t, c = time.perf_counter(), time.process_time()
            refs, problems = bibtex.loads_many(big, sentence_case=mode)
            best = min(best, time.perf_counter() - t)
            cpu = min(cpu, time.process_time() - c)
        print(f"treewidth + strings, sentence_case={mode}: {len(refs)} entries, {len(problems)} problems, "
              f"{best:.2f} s wall, {cpu:.2f} s CPU (best of {a.repeat})")
    t = time.perf_counter()
    n = 0
    files = sorted(bib.glob("*.bib")) + sorted((a.shared / "realworld" / "bbt-import").glob("*.bib"))
    for p in files:
        n += len(bibtex.loads(_read(p), p.name)[0])
    print(f"all {len(files)} real files: {n} entries in {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
