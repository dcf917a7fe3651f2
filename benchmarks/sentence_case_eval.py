"""How often `sentence_case="auto"` differs from pandoc's sentence casing, word by word.

pandoc lower-cases every unprotected capitalised word of an English title (it writes "portland");
refkit keeps proper nouns. Every differing word is listed so that it can be judged by hand.

Usage: python benchmarks/sentence_case_eval.py [--dir DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
from pathlib import Path

from refkit.bib import bibtex

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("pandoc_agreement", HERE / "pandoc_agreement.py")
assert spec and spec.loader
pa = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pa)


def words(s: str) -> list[str]:
    return re.findall(r"\w+", pa.norm_text(s))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, default=pa.DEFAULT)
    a = ap.parse_args()
    titles = total = same = 0
    for path in sorted(a.dir.glob("*.md")):
        bib, expected = pa.read_case(path)
        refs, _ = bibtex.loads(bib, source=path.name, sentence_case="auto")
        got = {r.id: r.fields.get("title", "") for r in refs}
        for item in expected:
            exp, mine = words(str(item.get("title", ""))), words(got.get(item.get("id", ""), ""))
            if not exp or [w.lower() for w in exp] != [w.lower() for w in mine]:
                continue  # not the same words: not a casing question
            titles += 1
            for e, m in zip(exp, mine, strict=True):
                total += 1
                same += e == m
                if e != m:
                    print(f"{path.name} {item.get('id')}: pandoc {e!r}, refkit {m!r}")
    print(f"{titles} titles, {total} words: refkit and pandoc case {same} the same ({same / max(total, 1):.3f}),"
          f" {total - same} differently")


if __name__ == "__main__":
    main()
