"""Prints how fast `refkit parse` turns a MIXED 10,000-reference list into BibTeX, end to end.

    python benchmarks/bench_parse.py [N]

The list mixes many styles: the references of ../shared/format-oracle/ (nine CSL styles: APA,
Chicago, MLA, IEEE, Harvard, Nature, Vancouver/NLM, APSA), the reference strings of
../shared/corpus/anystyle-core.jsonl (many fields and languages) and the seed list, shuffled with
a fixed seed and cycled to N. Without ../shared only the seed list is used (and said so). Figures:
finding the references alone (one per line, wrapped at 72 columns with hanging indents, and flush
with nothing but the wrapping to go by: the count found is printed), then end to end (split, parse
every field, keys, BibTeX) one per line and with hanging indents. Long lists are parsed by one
process per CPU (REFKIT_WORKERS=1 for one). Beside the wall-clock rate, the end-to-end lines give the
CPU time of all processes (this one and its workers) and the rate per CPU second: on a machine shared
with other work the wall clock swings with the load, the CPU time much less.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import sys
import textwrap
import time
from pathlib import Path

from refkit.bib import bibtex_writer
from refkit.parse import parse_text
from refkit.parse.split import split_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REFKIT_SHARED") or ROOT.parent / "shared")


def pool() -> tuple[list[str], str]:
    refs = [ln for ln in (ROOT / "data" / "references.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    sources = ["seed"]
    oracle = SHARED / "format-oracle"
    if oracle.is_dir():
        for f in sorted(oracle.glob("*.txt")):
            refs += [re.sub(r"^(?:\[\d+\]|\d+\.)\s+", "", ln.strip())  # numbers would not count up in the mix
                     for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
        sources.append("format-oracle (9 styles)")
    core = SHARED / "corpus" / "anystyle-core.jsonl"
    if core.exists():
        with open(core, encoding="utf-8") as fh:
            refs += [json.loads(line)["text"] for line in fh if line.strip()]
        sources.append("anystyle-core")
    return refs, " + ".join(sources)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    base, sources = pool()
    rng = random.Random(7)
    rng.shuffle(base)
    refs = (base * (n // len(base) + 1))[:n]
    print(f"{n:,} references drawn from {len(base):,} distinct ones ({sources})")
    layouts = (("one per line", "\n".join(refs)),
               ("wrapped at 72, hanging", "\n".join(textwrap.fill(r, 72, subsequent_indent="   ") for r in refs)),
               ("wrapped at 72, flush", "\n".join(textwrap.fill(r, 72) for r in refs)))
    for label, text in layouts:  # finding the references alone (no fields)
        t0 = time.perf_counter()
        found = split_text(text).refs  # without --one-per-line: the lines must be told apart
        dt = time.perf_counter() - t0
        print(f"{label:>24}: split only, {len(found):,} references found in {dt:.2f} s = "
              f"{len(found) / dt:,.0f} references/s")
    for label, text in layouts[:2]:  # end to end: split, parse, keys, BibTeX
        c0 = cpu()
        t0 = time.perf_counter()
        parsed = parse_text(text, one_per_line=label == "one per line")
        out = bibtex_writer.dumps([p.ref for p in parsed])
        dt = time.perf_counter() - t0
        c = cpu() - c0
        print(f"{label:>24}: {len(parsed):,} references found in {dt:.2f} s = {len(parsed) / dt:,.0f} references/s "
              f"({len(out) / 1e6:.1f} MB of BibTeX; {c:.1f} CPU s = {len(parsed) / c:,.0f} references per CPU s)")


def cpu() -> float:
    """CPU seconds used so far by this process and its finished workers."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    main()
