"""End-to-end parse score on AnyStyle's gold-dev set, exactly as the issue defines it.

    python benchmarks/eval_gold_dev.py [--model MODEL]

Writes the gold-dev texts one per line, runs `refkit parse --one-per-line --to csl-json` on them
(rules first, the tagger for the rest), turns the CSL-JSON into `{"id", "fields"}` lines and scores
them with ../shared/tools/score_parse.py --mode lenient --merge-containers, leaving out the
references whose text also occurs in anystyle-core.jsonl (in-sample for the shipped model).
Measuring only: nothing here trains on gold-dev. Output goes to benchmarks/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REFKIT_SHARED", ROOT.parent / "shared"))  # ../shared by default
OUT = ROOT / "benchmarks" / "out"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    gold = [json.loads(ln) for ln in (SHARED / "corpus" / "anystyle-gold-dev.jsonl").open(encoding="utf-8")]
    core = {json.loads(ln)["text"] for ln in (SHARED / "corpus" / "anystyle-core.jsonl").open(encoding="utf-8")}
    texts = OUT / "gold-dev.txt"
    texts.write_text("\n".join(" ".join(g["text"].split()) for g in gold) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "refkit", "parse", str(texts), "--one-per-line", "--to", "csl-json"]
    if a.model:
        cmd += ["--model", a.model]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if p.returncode:
        print(p.stderr, file=sys.stderr)
        return p.returncode
    items = json.loads(p.stdout)
    assert len(items) == len(gold), (len(items), len(gold))
    unsure = sum(1 for ln in p.stderr.splitlines() if ": unsure: " in ln or ": not parsed: " in ln)
    pred = OUT / "gold-dev.pred.jsonl"
    pred.write_text("".join(json.dumps({"id": g["id"], "fields": it}, ensure_ascii=False) + "\n"
                            for g, it in zip(gold, items, strict=True)), encoding="utf-8")
    excl = OUT / "gold-dev.in-sample.json"
    excl.write_text(json.dumps([g["id"] for g in gold if g["text"] in core]), encoding="utf-8")
    print(f"refkit parse: {len(gold)} references in {dt:.2f} s (whole command), {unsure} flagged on stderr")
    subprocess.run([sys.executable, str(SHARED / "tools" / "score_parse.py"), str(SHARED / "corpus" /
                    "anystyle-gold-dev.jsonl"), str(pred), "--mode", "lenient", "--merge-containers",
                    "--exclude-ids", str(excl), "--per-ref", str(OUT / "gold-dev.per-ref.jsonl")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
