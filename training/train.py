"""Train the tagger on training/out/train.jsonl (see build_data.py) and write a model.

    python training/train.py [--data training/out/train.jsonl] [-o training/out/tagger.crfsuite]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from refkit.parse.training import train_file  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the reference tagger.")
    ap.add_argument("--data", type=Path, nargs="+", default=[HERE / "out" / "train.jsonl"])
    ap.add_argument("-o", "--output", type=Path, default=HERE / "out" / "tagger.crfsuite")
    ap.add_argument("--iterations", type=int, default=None)
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    params = {"max_iterations": a.iterations} if a.iterations else None
    rep = train_file(a.data[0], a.output, extra=a.data[1:], force=True, params=params, progress=print)
    for s in rep.skipped:
        print("skipped:", s)
    print(f"trained on {rep.references} references / {rep.tokens} tokens in {time.perf_counter() - t0:.0f} s;"
          f" {a.output} ({a.output.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
