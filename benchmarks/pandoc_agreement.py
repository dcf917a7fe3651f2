"""Agreement of refkit's biblatex -> CSL mapping with pandoc's, on pandoc's own test cases.

Each case in ../shared/realworld/pandoc-biblatex/ is a biblatex input and the CSL YAML pandoc makes
of it. Agreement is counted on (item, field) pairs over the union of the fields either side has;
titles are compared case-insensitively, markup (nocase spans, emphasis, quote styles) is ignored.

Usage: python benchmarks/pandoc_agreement.py [--dir DIR] [--show] [--field FIELD]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from refkit.bib import bibtex

SHARED = Path(os.environ.get("REFKIT_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
DEFAULT = SHARED / "realworld" / "pandoc-biblatex"
TITLES = {"title", "container-title", "collection-title", "volume-title", "title-short",
          "container-title-short", "event-title", "original-title", "event", "status", "genre"}


def read_case(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """A case file -> (biblatex text, the CSL items pandoc expects)."""
    text = path.read_text(encoding="utf-8")
    body = text.split("```", 2)[1]
    bib, _, out = body.partition("\n^D\n")
    bib = bib.split("\n", 1)[1] if bib.lstrip().startswith("%") else bib
    front = out.split("---", 2)[1] if out.count("---") >= 2 else ""
    data = yaml.load(front, Loader=yaml.BaseLoader) or {}  # every scalar as a string
    return bib, list(data.get("references", []) if isinstance(data, dict) else [])


DATES = {"issued", "accessed", "event-date", "original-date", "submitted"}


def norm_text(s: str, title: bool = False) -> str:
    s = re.sub(r"\[([^\[\]]*)\]\{\.[\w-]+\}", r"\1", s)  # [x]{.nocase}
    s = re.sub(r"<span class=\"nocase\">(.*?)</span>", r"\1", s)
    s = s.replace("{", "").replace("}", "")
    s = re.sub(r"(?<!\\)[*_~^]", "", s)
    s = s.replace("---", "—").replace("--", "–")
    s = re.sub(r"\\(.)", r"\1", s)
    s = s.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u2009": " "}))
    s = " ".join(s.split())
    return s.casefold() if title else s


def norm(field: str, value: Any) -> Any:
    if isinstance(value, list):
        return [norm(field, v) for v in value]
    if isinstance(value, dict):
        return {k: norm(k, v) for k, v in sorted(value.items())}
    if field in DATES:
        return str(value).replace("\\", "")
    return norm_text(str(value), field in TITLES)


def ours(items: list[Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for r in items:
        d = r.to_csl()
        for k, v in r.dates.items():
            d[k] = v.iso()
        out[r.id] = {k.lower(): v for k, v in d.items()}
    return out


def score(folder: Path = DEFAULT) -> tuple[int, int, list[tuple[str, str, str, Any, Any]]]:
    """-> (agreeing pairs, all pairs, [(case, id, field, pandoc's, ours)])."""
    agree = total = 0
    diffs = []
    for path in sorted(folder.glob("*.md")):
        bib, expected = read_case(path)
        refs, _ = bibtex.loads(bib, source=path.name)
        got = ours(refs)
        for item in expected:
            item = {k.lower(): v for k, v in item.items()}
            mine = got.get(item.get("id", ""), {})
            for field in sorted((set(item) | set(mine)) - {"id"}):
                a, b = norm(field, item.get(field, "")), norm(field, mine.get(field, ""))
                total += 1
                if a == b:
                    agree += 1
                else:
                    diffs.append((path.name, item.get("id", ""), field, item.get(field), mine.get(field)))
    return agree, total, diffs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, default=DEFAULT)
    ap.add_argument("--show", action="store_true", help="list every difference")
    ap.add_argument("--field", help="list the differences of one field")
    a = ap.parse_args()
    if not a.dir.is_dir():
        sys.exit(f"no cases at {a.dir}")
    t = time.perf_counter()
    agree, total, diffs = score(a.dir)
    took = time.perf_counter() - t
    if a.show or a.field:
        for case, key, field, exp, got in diffs:
            if not a.field or field == a.field:
                print(f"{case} {key} {field}\n   pandoc: {exp!r}\n   refkit: {got!r}")
    print("differences by field:", dict(Counter(d[2] for d in diffs).most_common()))
    print(f"agreement with pandoc: {agree}/{total} (item, field) pairs = {agree / max(total, 1):.3f} "
          f"({len(list(a.dir.glob('*.md')))} cases, {took:.1f} s)")


if __name__ == "__main__":
    main()
