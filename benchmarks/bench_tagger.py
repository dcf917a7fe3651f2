"""Tagger speed: model load time and references per second in one process.

    python benchmarks/bench_tagger.py [--model MODEL] [--n 10000] [--input refs.txt]

Without --input it tags invented references built from a few templates (varied so the feature
cache does not make it look faster than it is).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "training"))


def sample_refs(n: int) -> list[str]:
    import patterns

    rng = random.Random(1)
    out = []
    for segs in patterns.generate(rng, n):
        out.append(" ".join(t for _, t in segs))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--input", type=Path, help="a file with one reference per line")
    a = ap.parse_args(argv)

    # load time in a fresh interpreter (import + open), as a user's first call sees it
    code = ("import time; t=time.perf_counter(); from refkit.parse.tagger import load_model; "
            f"load_model({a.model!r}); print(time.perf_counter()-t)")
    load = float(subprocess.check_output([sys.executable, "-c", code],
                                         env={"PYTHONPATH": str(HERE.parent / "src")}, text=True))
    print(f"model load (import + open, fresh process): {load * 1000:.0f} ms")

    from refkit.parse.assemble import assemble
    from refkit.parse.tagger import load_model, tag

    model = load_model(a.model)
    refs = ([ln.strip() for ln in a.input.read_text(encoding="utf-8").splitlines() if ln.strip()]
            if a.input else sample_refs(a.n))
    tag(refs[0], model)
    t0 = time.perf_counter()
    for r in refs:
        tag(r, model)
    t1 = time.perf_counter()
    for r in refs:
        assemble(tag(r, model), r)
    t2 = time.perf_counter()
    print(f"tag:            {len(refs) / (t1 - t0):7.0f} references/s ({len(refs)} references)")
    print(f"tag + assemble: {len(refs) / (t2 - t1):7.0f} references/s")
    from refkit.parse import parse_text

    t3 = time.perf_counter()
    res = parse_text("\n".join(refs), one_per_line=True)
    t4 = time.perf_counter()
    print(f"parse_text (rules, tagger, assembly, review; one list of {len(res)}): "
          f"{len(res) / (t4 - t3):7.0f} references/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
