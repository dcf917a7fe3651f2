"""Assemble the tagger's training data in training/out/ (reproducible: fixed seed).

    python training/build_data.py [--seed 5] [--patterns 400] [--synthetic 0]

Sources:
  1. ../shared/corpus/anystyle-core.jsonl: AnyStyle's 1,514 labelled references (BSD-2, see NOTICE).
     Read at build time, never copied into the repository.
  2. training/patterns.py: hand-written references and templates for patterns no CSL style prints
     (PDF line wraps, "Translated by", "[in Persian]", "Available at: ... (Accessed on: ...)", "———").
  3. training/synthetic.py (when --synthetic N > 0): entries rendered through CSL styles with
     citeproc-py, labels recovered from private-use marker characters.
  4. training/grobid.py (--grobid N): GROBID's labelled citations from ../shared/corpus/grobid-citation
     (Apache-2.0, see NOTICE), read at build time.
  5. training/round_trips.py (--round-trips N): invented items rendered by refkit's own formatter
     through the nine format-oracle styles (and a few more), labelled from marker characters.

AnyStyle's gold set (anystyle-gold-dev.jsonl) is the yardstick and is never read here.
Writes training/out/train.jsonl and prints a count per source.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SHARED = Path(os.environ.get("REFKIT_SHARED", HERE.parent.parent / "shared"))  # ../shared beside the repo
CORE = SHARED / "corpus" / "anystyle-core.jsonl"


def _record(segs: list[list[str]], source: str) -> dict:
    segs = [[lab, " ".join(txt.split())] for lab, txt in segs if txt.strip()]
    return {"text": " ".join(t for _, t in segs), "segments": segs, "source": source}


def build(out: Path, seed: int = 5, n_patterns: int = 400, n_synthetic: int = 0,
          core: Path = CORE, core_copies: int = 1, n_grobid: int = 0, n_round_trips: int = 0) -> dict[str, int]:
    import patterns

    if "gold" in core.name:
        raise SystemExit("refusing to train on a gold file")
    rng = random.Random(seed)
    rows: list[dict] = []
    counts: dict[str, int] = {}
    with core.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                rows.append(_record(rec["segments"], "anystyle-core"))
    rows = rows * core_copies  # real data weighs more than generated data
    counts["anystyle-core"] = len(rows)
    hand = [_record(s, "handwritten") for s in patterns.HANDWRITTEN]
    hand += [_record(s, "patterns") for s in patterns.generate(rng, n_patterns)]
    rows += hand
    counts["handwritten+patterns"] = len(hand)
    if n_synthetic:
        import synthetic

        syn = [_record(s, "csl") for s in synthetic.generate(random.Random(seed + 1), n_synthetic)]
        rows += syn
        counts["csl-synthetic"] = len(syn)
    if n_grobid:
        import grobid

        every = grobid.read()
        pick = sorted(random.Random(seed + 3).sample(range(len(every)), min(n_grobid, len(every))))
        gro = [_record(every[i], "grobid") for i in pick]
        rows += gro
        counts["grobid"] = len(gro)
    if n_round_trips:
        import round_trips

        rt = [_record(s, "round-trip") for s in round_trips.generate(random.Random(seed + 2), n_round_trips)]
        rows += rt
        counts["round-trips"] = len(rt)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the tagger's training data.")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--patterns", type=int, default=400)
    ap.add_argument("--synthetic", type=int, default=0)
    ap.add_argument("--grobid", type=int, default=0)
    ap.add_argument("--round-trips", type=int, default=0)
    ap.add_argument("--core", type=Path, default=CORE)
    ap.add_argument("--core-copies", type=int, default=1, help="repeat the real references (weighting)")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "train.jsonl")
    a = ap.parse_args(argv)
    counts = build(a.out, a.seed, a.patterns, a.synthetic, a.core, a.core_copies, a.grobid, a.round_trips)
    for k, v in counts.items():
        print(f"{k:24s} {v:6d}")
    print(f"wrote {sum(counts.values())} references to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
