"""Prints how fast `refkit parse` turns a 10,000-reference list into BibTeX.

    python benchmarks/bench_parse.py [N]

The list is data/references.txt repeated (and wrapped at 72 columns for a second figure), so it
exercises the splitter, the rule-based parser, key assignment and the BibTeX writer end to end.
"""

from __future__ import annotations

import sys
import textwrap
import time
from pathlib import Path

from refkit.bib import bibtex_writer
from refkit.parse import parse_text

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    base = [ln for ln in (ROOT / "data" / "references.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    refs = (base * (n // len(base) + 1))[:n]
    for label, text in (("one per line", "\n".join(refs)),
                        ("wrapped at 72 columns", "\n".join(textwrap.fill(r, 72) for r in refs))):
        t0 = time.perf_counter()
        parsed = parse_text(text)
        out = bibtex_writer.dumps([p.ref for p in parsed])
        dt = time.perf_counter() - t0
        assert len(parsed) == n, (label, len(parsed))
        print(f"{label:>22}: {n:,} references in {dt:.2f} s = {n / dt:,.0f} references/s "
              f"({len(out) / 1e6:.1f} MB of BibTeX)")


if __name__ == "__main__":
    main()
