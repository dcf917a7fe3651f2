"""Round trips on held-out invented items: printed by refkit's formatter, parsed back, scored.

    python benchmarks/eval_heldout.py [--items tests/data/parse/heldout-items.json] [--verbose [STYLE ...]]

The items in ``tests/data/parse/heldout-items.json`` were written for this measurement only: they
are not in the training data (training/round_trips.py invents its own), and the parser's rules were
not tuned on them. Each item is printed in the nine format-oracle styles by ``refkit.format`` (which
prints what citeproc-js prints, see tests/test_format_oracle.py), parsed back with
``refkit.parse.parse_text(..., one_per_line=True)`` and scored field by field exactly as
benchmarks/eval_oracle.py scores citeproc-js's own output. A check that the field rules carry over
to items nobody looked at while writing them.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "training"))

from eval_oracle import STYLES, f1, norm, parse_lines, score_item  # noqa: E402

ITEMS = HERE.parent / "tests" / "data" / "parse" / "heldout-items.json"


def render(items: list[dict[str, Any]], style: str) -> list[tuple[str, dict[str, Any]]]:
    import round_trips

    from refkit.format.api import format_bibliography

    by_id = {it["id"]: it for it in items}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(" ".join(e.text.split()), by_id[e.id]) for e in
                format_bibliography(items, round_trips._style(style))  # type: ignore[arg-type]
                if e.text.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=Path, default=ITEMS)
    ap.add_argument("--verbose", nargs="*", default=None, help="print the wrong fields of these styles")
    a = ap.parse_args(argv)
    items = json.loads(a.items.read_text(encoding="utf-8"))
    total = [0, 0, 0]
    per_field: dict[str, list[int]] = {}
    for style in STYLES:
        pairs = render(items, style)
        res = parse_lines([t for t, _ in pairs])
        st = [0, 0, 0]
        for (text, gold), r in zip(pairs, res, strict=True):
            pred = r.ref.to_csl()
            for field, counts in score_item(gold, pred, text).items():
                pf = per_field.setdefault(field, [0, 0, 0])
                for i in range(3):
                    st[i] += counts[i]
                    pf[i] += counts[i]
                if a.verbose is not None and (not a.verbose or style in a.verbose) and (counts[1] or counts[2]):
                    print(f"  [{style}] {field}: gold={norm(field, gold.get(field)) if gold.get(field) else '-'!r}"
                          f" pred={norm(field, pred.get(field)) if pred.get(field) else '-'!r}\n      {text[:160]}")
        for i in range(3):
            total[i] += st[i]
        print(f"{style:40s} F1 {f1(*st):.3f}  (tp {st[0]}, fp {st[1]}, fn {st[2]})")
    print(f"{'overall':40s} F1 {f1(*total):.3f}  ({len(items)} items x {len(STYLES)} styles)")
    for field, (tp, fp, fn) in sorted(per_field.items()):
        print(f"    {field:18s} F1 {f1(tp, fp, fn):.3f}  tp {tp:4d} fp {fp:3d} fn {fn:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
