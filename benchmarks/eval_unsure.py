"""How well does the "unsure" report pick out wrong parses? Precision and recall on round trips.

    python benchmarks/eval_unsure.py [--n 60] [--seed 4242] [--sweep]

References: invented items (training/round_trips.item, a seed the training data does not use)
rendered by refkit's formatter through the nine format-oracle styles, plus the oracle's own
citeproc-js output (../shared/format-oracle/<style>.txt). Each is parsed back; an entry is *wrong*
when any printed field is missing or wrong (benchmarks/eval_oracle.score_item), and *flagged* when
``ParsedReference.unsure`` is not empty. Prints recall (share of wrong entries flagged), the
false-flag rate (share of right entries flagged) and precision. Target: recall >= 0.80, false
flags <= 0.10. ``--sweep`` also prints the figures for other MIN_MARGINAL thresholds.
"""

from __future__ import annotations

import argparse
import random
import sys
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "training"))

from eval_oracle import SHARED, STYLES, load_style, score_item  # noqa: E402


def round_trip_pairs(n: int, seed: int) -> list[tuple[str, dict[str, Any], str]]:
    import round_trips

    from refkit.format.api import format_bibliography

    rng = random.Random(seed)
    items = [round_trips.item(rng, i) for i in range(n)]
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for style in STYLES:
            st = round_trips._style(style)
            by_id = {it["id"]: it for it in items}
            for e in format_bibliography(items, st):  # type: ignore[arg-type]
                if e.text.strip():
                    out.append((" ".join(e.text.split()), by_id[e.id], style))
    return out


def oracle_pairs() -> list[tuple[str, dict[str, Any], str]]:
    return [(t, it, s) for s in STYLES for t, it in load_style(SHARED / "format-oracle", s)]


def measure(pairs: list[tuple[str, dict[str, Any], str]]) -> dict[str, float]:
    from refkit.parse import parse_text

    res = parse_text("\n".join(t for t, _, _ in pairs), one_per_line=True)
    assert len(res) == len(pairs)
    wrong = right = flag_wrong = flag_right = 0
    for (text, gold, _), r in zip(pairs, res, strict=True):
        sc = score_item(gold, r.ref.to_csl(), text)
        bad = any(fp or fn for _, fp, fn in sc.values())
        flagged = bool(r.unsure)
        wrong += bad
        right += not bad
        flag_wrong += bad and flagged
        flag_right += (not bad) and flagged
    flagged = flag_wrong + flag_right
    return {"entries": len(pairs), "wrong": wrong, "recall": flag_wrong / wrong if wrong else 1.0,
            "false_flags": flag_right / right if right else 0.0,
            "precision": flag_wrong / flagged if flagged else 1.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--sweep", action="store_true")
    a = ap.parse_args(argv)
    sets = {"round trips (refkit formatter, invented items)": round_trip_pairs(a.n, a.seed),
            "format oracle (citeproc-js)": oracle_pairs()}
    from refkit.parse import review

    grid = ([(m, w) for m in (0.6, 0.75, 0.85) for w in (0.4, 0.5, 0.6, 0.7)] if a.sweep
            else [(review.MIN_MARGINAL, review.MIN_TOKEN)])
    for t, w in grid:
        review.MIN_MARGINAL, review.MIN_TOKEN = t, w
        for name, pairs in sets.items():
            m = measure(pairs)
            print(f"[min marginal {t:.2f}/{w:.2f}] {name}: {m['entries']} entries, {m['wrong']} with a wrong field; "
                  f"flagged {m['recall']:.0%} of the wrong ones, {m['false_flags']:.1%} of the right ones "
                  f"(precision {m['precision']:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
