"""Prints how fast `refkit parse paper.pdf` reads PDFs: pages per second for the text extraction
(pypdf + layout: columns, margins, indents) and references per second end to end.

    python benchmarks/bench_pdf.py [PDF ...]

Without arguments it reads the real papers in ../shared/realworld/pdf/.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from refkit.parse import parse_document
from refkit.parse.pdf import pdf_to_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REFKIT_SHARED") or ROOT.parent / "shared")


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or sorted((SHARED / "realworld" / "pdf").glob("*.pdf"))
    if not files:
        sys.exit("no PDFs: name some, or run next to ../shared")
    total_pages = total_refs = 0
    t_text = t_all = 0.0
    for f in files:
        data = f.read_bytes()
        numbers: list[int] = []
        t0 = time.perf_counter()
        pdf_to_text(data, f.name, numbers=numbers)
        t1 = time.perf_counter()
        doc = parse_document(data, f.name)
        t2 = time.perf_counter()
        pages = len(set(numbers))
        total_pages += pages
        total_refs += len(doc.parsed)
        t_text += t1 - t0
        t_all += t2 - t1
        print(f"{f.name:>40}: {pages:3} pages, {len(doc.parsed):3} references, text {t1 - t0:.2f} s, "
              f"end to end {t2 - t1:.2f} s")
    print(f"{'all':>40}: {total_pages} pages in {t_text:.2f} s = {total_pages / t_text:.1f} pages/s (text); "
          f"{total_refs} references in {t_all:.2f} s = {total_refs / t_all:.0f} references/s end to end")


if __name__ == "__main__":
    main()
