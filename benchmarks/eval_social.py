"""Field F1 on the invented German and English social-science lists in tests/data/parse/.

    python benchmarks/eval_social.py [--verbose]

Each line of ``social-science-{de,en}.jsonl`` is ``{"text", "gold"}`` (gold as CSL-JSON); the text is
parsed one reference per line and scored field by field with eval_oracle.score_item (only
fields the text prints count). Targets: English >= 0.93, German >= 0.90.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
DATA = HERE.parent / "tests" / "data" / "parse"

from eval_oracle import f1, norm, parse_lines, score_item  # noqa: E402


def score_file(path: Path, verbose: bool = False) -> tuple[float, int]:
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    res = parse_lines([r["text"] for r in rows])
    tot = [0, 0, 0]
    for r, p in zip(rows, res, strict=True):
        pred = p.ref.to_csl()
        for field, sc in score_item(r["gold"], pred, r["text"]).items():
            for i in range(3):
                tot[i] += sc[i]
            if verbose and (sc[1] or sc[2]):
                g = r["gold"].get(field)
                print(f"  {field}: gold={norm(field, g) if g else '-'!r} pred={norm(field, pred[field]) if pred.get(field) else '-'!r}"
                      f"\n      {r['text'][:150]}")
    return f1(*tot), len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    for lang in ("en", "de"):
        f, n = score_file(DATA / f"social-science-{lang}.jsonl", a.verbose)
        print(f"social-science {lang}: {n} references, field F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
