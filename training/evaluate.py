"""Tag the texts of AnyStyle's gold-dev set, assemble CSL-JSON fields and score them.

    python training/evaluate.py [--model MODEL] [--gold GOLD.jsonl] [--out DIR]

References whose text also occurs in anystyle-core.jsonl (in-sample for the shipped model) are
excluded from the score. Predictions are ``{"id", "fields": Reference.to_csl()}`` lines, scored
with ``score_parse.py --mode lenient --merge-containers``. Nothing here trains on gold-dev.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("REFKIT_SHARED", HERE.parent.parent / "shared"))
sys.path.insert(0, str(HERE.parent / "src"))

from refkit.parse.assemble import assemble  # noqa: E402
from refkit.parse.tagger import load_model, tag  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "anystyle-gold-dev.jsonl")
    ap.add_argument("--core", type=Path, default=SHARED / "corpus" / "anystyle-core.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_parse.py")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "eval")
    ap.add_argument("--strict", action="store_true", help="also print the strict (segment) score")
    a = ap.parse_args(argv)

    a.out.mkdir(parents=True, exist_ok=True)
    core_texts = {json.loads(ln)["text"] for ln in a.core.open(encoding="utf-8") if ln.strip()}
    gold = [json.loads(ln) for ln in a.gold.open(encoding="utf-8") if ln.strip()]
    excluded = [g["id"] for g in gold if g["text"] in core_texts]
    (a.out / "exclude-ids.json").write_text(json.dumps(excluded), encoding="utf-8")

    model = load_model(a.model)
    t0 = time.perf_counter()
    pred_lines, seg_lines = [], []
    for g in gold:
        segs = tag(g["text"], model)
        ref, _conf = assemble(segs, g["text"])
        ref.id = g["id"]
        pred_lines.append(json.dumps({"id": g["id"], "fields": ref.to_csl()}, ensure_ascii=False))
        seg_lines.append(json.dumps({"id": g["id"], "text": g["text"],
                                     "segments": [[s.label, s.text] for s in segs]}, ensure_ascii=False))
    dt = time.perf_counter() - t0
    (a.out / "pred.jsonl").write_text("\n".join(pred_lines) + "\n", encoding="utf-8")
    (a.out / "segments.jsonl").write_text("\n".join(seg_lines) + "\n", encoding="utf-8")
    print(f"tagged and assembled {len(gold)} references in {dt:.2f} s "
          f"({len(gold) / dt:.0f} refs/s); {len(excluded)} in-sample ids excluded from the score")
    cmd = [sys.executable, str(a.scorer), str(a.gold), str(a.out / "pred.jsonl"), "--mode", "lenient",
           "--merge-containers", "--exclude-ids", str(a.out / "exclude-ids.json"),
           "--per-ref", str(a.out / "per-ref.jsonl"), "--json", str(a.out / "score.json")]
    print("$", " ".join(cmd[1:]), flush=True)
    rc = subprocess.call(cmd)
    if a.strict:
        print("\nstrict, tagger segments:", flush=True)
        rc |= subprocess.call([sys.executable, str(a.scorer), str(a.gold), str(a.out / "segments.jsonl"),
                               "--exclude-ids", str(a.out / "exclude-ids.json")])
    return rc


if __name__ == "__main__":
    sys.exit(main())
