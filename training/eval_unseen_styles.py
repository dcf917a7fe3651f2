"""Score the tagger on references rendered through CSL styles it was never trained on.

    python training/eval_unseen_styles.py [--model MODEL] [--n 700] [--seed 99]

The references are made like the synthetic training data (synthetic.py), with other metadata
(another seed) and only synthetic.HELD_OUT_STYLES. A check of how well the tagger carries over
to styles it has not seen; gold-dev (evaluate.py) remains the yardstick.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import evaluate  # noqa: E402
import synthetic  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--n", type=int, default=700)
    ap.add_argument("--seed", type=int, default=99)
    a = ap.parse_args(argv)
    assert not set(synthetic.HELD_OUT_STYLES) & set(synthetic.STYLES)
    out = HERE / "out" / "unseen"
    out.mkdir(parents=True, exist_ok=True)
    gold = out / "unseen-styles.jsonl"
    refs = synthetic.generate(random.Random(a.seed), a.n, styles=synthetic.HELD_OUT_STYLES)
    with gold.open("w", encoding="utf-8") as fh:
        for i, segs in enumerate(refs):
            fh.write(json.dumps({"id": f"unseen-{i}", "text": " ".join(t for _, t in segs), "segments": segs},
                                ensure_ascii=False) + "\n")
    args = ["--gold", str(gold), "--out", str(out)]
    if a.model:
        args += ["--model", a.model]
    return evaluate.main(args)


if __name__ == "__main__":
    sys.exit(main())
