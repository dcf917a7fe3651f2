"""How many references does the splitter find in a long mixed list, laid out four ways?

    python benchmarks/eval_segmentation.py [--limit N]

The list: the citeproc-js output of the nine format-oracle styles (../shared/format-oracle/<style>.txt)
and AnyStyle's core references (../shared/corpus/anystyle-core.jsonl), shuffled with a fixed seed.
Layouts: one per line (without --one-per-line), hanging indent (wrapped at 72, continuation lines
indented), blank-line separated (wrapped at 72), and wrapped flush at 72 columns with nothing else
to go by. Prints the count found against the true count for each. Measuring only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REFKIT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))

from refkit.parse import split_text  # noqa: E402


def references(limit: int | None) -> list[str]:
    refs: list[str] = []
    oracle = SHARED / "format-oracle"
    for f in sorted(oracle.glob("*.txt")):
        refs += [" ".join(ln.split()) for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    core = SHARED / "corpus" / "anystyle-core.jsonl"
    refs += [" ".join(json.loads(ln)["text"].split()) for ln in core.open(encoding="utf-8")]
    refs = [r for r in refs if len(r) > 20]
    random.Random(7).shuffle(refs)
    return refs[:limit] if limit else refs


def layouts(refs: list[str]) -> dict[str, str]:
    wrap = [textwrap.wrap(r, 72, break_on_hyphens=False) for r in refs]
    return {
        "one per line": "\n".join(refs) + "\n",
        "hanging indent": "\n".join(w[0] + "".join("\n    " + x for x in w[1:]) for w in wrap) + "\n",
        "blank lines": "\n\n".join("\n".join(w) for w in wrap) + "\n",
        "wrapped flush": "\n".join("\n".join(w) for w in wrap) + "\n",
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    a = ap.parse_args()
    refs = references(a.limit)
    for name, text in layouts(refs).items():
        found = len(split_text(text).refs)
        print(f"{name:15} {found:6,} found of {len(refs):,}  ({found / len(refs):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
