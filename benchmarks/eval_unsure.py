"""How well does the "unsure" report pick out wrong parses? Precision and recall on round trips.

    python benchmarks/eval_unsure.py [--n 60] [--seed 4242] [--sweep] [--reasons] [--missed N]

References: invented items (training/round_trips.item, a seed neither the tagger's training data
nor the review's thresholds were chosen on: those used seeds 7 and 101-104) rendered by refkit's
formatter through the nine format-oracle styles, plus the oracle's own citeproc-js output
(../shared/format-oracle/<style>.txt). Each is parsed back; an entry is *wrong* when any printed
field is missing or wrong (benchmarks/eval_oracle.score_item), and *flagged* when
``ParsedReference.unsure`` is not empty. Prints, overall and per style, recall (share of wrong
entries flagged), the false-flag rate (share of right entries flagged) and precision. Target:
recall >= 0.80, false flags <= 0.10.

``--gold-dev`` also measures it on AnyStyle's gold-dev references (real ones; measuring only,
scored by ../shared/tools/score_parse.py --mode lenient --merge-containers, without the
references that are also in anystyle-core.jsonl).

``--sweep`` prints the figures for other thresholds on the parse's confidence (review.MIN_SEQUENCE);
``--reasons`` counts, per kind of reason, the wrong and right entries it flags; ``--missed N``
prints N wrong entries nothing flagged.

One known artefact of the scorer: an "et al." (or APA's "…") list whose printed family names recur in the
unprinted rest of the gold list (items with two authors called Bauer) counts as wrong although
the parse is right; those entries are counted separately ("et-al artefacts").
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "training"))

from eval_oracle import SHARED, STYLES, load_style, score_item  # noqa: E402

Pair = tuple[str, dict[str, Any], str]


def round_trip_pairs(n: int, seed: int) -> list[Pair]:
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


def oracle_pairs() -> list[Pair]:
    return [(t, it, s) for s in STYLES for t, it in load_style(SHARED / "format-oracle", s)]


def _etal_artefact(gold: dict[str, Any], text: str, bad: list[str]) -> bool:
    """Wrong only in an "et al." or "…" author list whose printed family names recur in the gold list."""
    if bad != ["author"] or not re.search(r"\bet al\b|…", text):
        return False
    fams = [n.get("family", "") for n in gold.get("author", [])]
    return len(fams) != len(set(fams))


def judge(pairs: list[Pair]) -> list[dict[str, Any]]:
    """Parse every pair; one record per entry: style, wrong fields, unsure reasons."""
    from refkit.parse import parse_text

    res = parse_text("\n".join(t for t, _, _ in pairs), one_per_line=True)
    assert len(res) == len(pairs)
    out = []
    for (text, gold, style), r in zip(pairs, res, strict=True):
        sc = score_item(gold, r.ref.to_csl(), text)
        bad = sorted(k for k, (_, fp, fn) in sc.items() if fp or fn)
        out.append({"text": text, "style": style, "bad": bad, "unsure": r.unsure, "ref": r.ref,
                    "artefact": _etal_artefact(gold, text, bad)})
    return out


def figures(recs: list[dict[str, Any]]) -> dict[str, float]:
    wrong = [r for r in recs if r["bad"]]
    right = [r for r in recs if not r["bad"]]
    fw = sum(bool(r["unsure"]) for r in wrong)
    fr = sum(bool(r["unsure"]) for r in right)
    real = [r for r in wrong if not r["artefact"]]
    return {"entries": len(recs), "wrong": len(wrong), "recall": fw / len(wrong) if wrong else 1.0,
            "false_flags": fr / len(right) if right else 0.0,
            "precision": fw / (fw + fr) if fw + fr else 1.0, "artefacts": len(wrong) - len(real),
            "recall_real": sum(bool(r["unsure"]) for r in real) / len(real) if real else 1.0}


def line(name: str, m: dict[str, float]) -> str:
    return (f"{name}: {m['entries']} entries, {m['wrong']} with a wrong field; flagged {m['recall']:.0%} of the "
            f"wrong ones, {m['false_flags']:.1%} of the right ones (precision {m['precision']:.0%}); "
            f"without the {m['artefacts']} et-al artefacts: {m['recall_real']:.0%}")


def _reason_kind(reason: str) -> str:
    return " ".join(re.sub(r"'[^']*'|\"[^\"]*\"|\([^)]*\)", "", reason).split()[:6])


def gold_dev() -> dict[str, float]:
    """Recall and false flags on the gold-dev references (an entry is wrong unless all fields match)."""
    import json

    from refkit.parse import parse_text

    sys.path.insert(0, str(SHARED / "tools"))
    import score_parse

    corpus = SHARED / "corpus"
    gold = [json.loads(ln) for ln in (corpus / "anystyle-gold-dev.jsonl").open(encoding="utf-8")]
    core = {json.loads(ln)["text"] for ln in (corpus / "anystyle-core.jsonl").open(encoding="utf-8")}
    res = parse_text("\n".join(" ".join(g["text"].split()) for g in gold), one_per_line=True)
    assert len(res) == len(gold)
    pred = [{"id": g["id"], "fields": {k: v for k, v in r.ref.to_csl().items() if k != "id"}}
            for g, r in zip(gold, res, strict=True)]
    per: list[dict[str, Any]] = []
    score_parse.score(gold, pred, mode="lenient", merge_containers=True,
                      exclude={g["id"] for g in gold if g["text"] in core}, per_ref=per)
    flagged = {g["id"]: bool(r.unsure) for g, r in zip(gold, res, strict=True)}
    recs = [{"bad": [] if p["exact"] else ["?"], "unsure": flagged[p["id"]], "artefact": False} for p in per]
    return figures(recs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--reasons", action="store_true")
    ap.add_argument("--missed", type=int, default=0)
    ap.add_argument("--gold-dev", action="store_true")
    a = ap.parse_args(argv)
    sets = {f"round trips (refkit formatter, invented items, seed {a.seed})": round_trip_pairs(a.n, a.seed),
            "format oracle (citeproc-js)": oracle_pairs()}
    from refkit.parse import review

    base = review.MIN_SEQUENCE
    for threshold in (-99.0, -1.5, -1.0, -0.7, -0.5) if a.sweep else (base,):
        review.MIN_SEQUENCE = threshold
        for name, pairs in sets.items():
            recs = judge(pairs)
            print(("" if not a.sweep else f"[MIN_SEQUENCE {threshold}] ") + line(name, figures(recs)))
            if a.sweep:
                continue
            for style in STYLES:
                print("    " + line(style, figures([r for r in recs if r["style"] == style])))
            if a.reasons:
                count: collections.Counter[tuple[str, bool]] = collections.Counter()
                for r in recs:
                    for kind in {_reason_kind(u) for u in r["unsure"]}:
                        count[(kind, bool(r["bad"]))] += 1
                for kind in sorted({k for k, _ in count}):
                    print(f"    {count[(kind, True)]:4d} wrong {count[(kind, False)]:4d} right  {kind}")
            missed = [r for r in recs if r["bad"] and not r["unsure"] and not r["artefact"]]
            for r in missed[: a.missed]:
                print(f"  missed [{r['style']}] {', '.join(r['bad'])}: {r['text'][:160]}")
    review.MIN_SEQUENCE = base
    if a.gold_dev:
        print(line("AnyStyle gold-dev (real references, lenient scoring)", gold_dev()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
