"""Regenerate the shipped tagger model from scratch, in one command:

    python training/make_model.py

= build_data.py (fixed seed: AnyStyle core x4, hand-written patterns, CSL-rendered synthetic
references, GROBID's labelled citations, round trips through refkit's formatter) -> train.py -> copy to src/refkit/parse/models/tagger.crfsuite
-> evaluate.py (score on the out-of-sample part of gold-dev). Takes a few minutes on one core.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SHIPPED = HERE.parent / "src" / "refkit" / "parse" / "models" / "tagger.crfsuite"

import build_data  # noqa: E402
import evaluate  # noqa: E402
import train  # noqa: E402

# the recipe of the shipped model
SEED = 5
PATTERNS = 400
SYNTHETIC = 5000
CORE_COPIES = 4  # real references weigh more than the generated ones
GROBID = 2000  # a fixed sample of GROBID's ~5,000 (all of them cost gold-dev accuracy)
ROUND_TRIPS = 4000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Regenerate the shipped tagger model.")
    ap.add_argument("--no-eval", action="store_true")
    a = ap.parse_args(argv)
    data = HERE / "out" / "train.jsonl"
    model = HERE / "out" / "tagger.crfsuite"
    counts = build_data.build(data, SEED, PATTERNS, SYNTHETIC, core_copies=CORE_COPIES,
                              n_grobid=GROBID, n_round_trips=ROUND_TRIPS)
    print("training data:", counts, flush=True)
    train.main(["--data", str(data), "-o", str(model)])
    SHIPPED.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(model, SHIPPED)
    print(f"installed {SHIPPED}", flush=True)
    if not a.no_eval:
        return evaluate.main(["--model", str(SHIPPED)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
