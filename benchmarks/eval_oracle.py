"""Round-trip score: references printed by citeproc-js, parsed back by refkit, compared field by field.

    python benchmarks/eval_oracle.py [--dir ../shared/format-oracle] [--verbose STYLE] [--json OUT]

For each of the nine styles in ../shared/format-oracle, every line of ``<style>.txt`` (citeproc-js
2.4.63 output; ``<style>.order.json`` gives the item of each line) goes through
``refkit.parse.parse_text(..., one_per_line=True)`` and the result is compared with the CSL-JSON
item in ``items.json``. The items are invented and never trained on (training uses invented
metadata of its own, rendered by refkit's formatter), so this measures unseen items.

Only the fields a style actually prints are scored (a value counts as printed when its normalised
form occurs in the normalised reference). Per reference and field: a true positive when the
prediction matches, a false negative when a printed gold field is missing or wrong, a false
positive when a predicted field is wrong or absent from the gold. Normalisation (see ``norm``):
case, punctuation and spacing folded; names compared as family name + first initial (styles
abbreviate given names); pages by first page and expanded last page ("211-29" == "211-229");
dates by year; edition by number; journal and book container merged.

Also used by tests of the unsure report (``score_item``) and by training/round_trips.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("REFKIT_SHARED", ROOT.parent / "shared"))
STYLES = ["apa", "chicago-author-date", "modern-language-association", "ieee", "harvard-cite-them-right",
          "nlm-citation-sequence", "nature", "american-political-science-association",
          "chicago-notes-bibliography"]
TEXT = ["title", "container-title", "collection-title", "publisher", "publisher-place", "volume", "issue",
        "page", "edition", "DOI", "URL", "ISBN", "genre", "number", "PMID", "PMCID"]
NAMES = ["author", "editor", "translator"]
REPEAT = re.compile(r"^\W*(?:[\u2014\u2013_-]{2,}|(?:Ders|Dies|Dems|Ders\.|Idem|Eadem|Id)\.)")
PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter", "ten",
             "zu", "vom", "zum", "zur", "af", "al", "el", "bin", "ibn"}


def _base(s: str) -> str:
    s = re.sub(r"<[^>]+>", "", s)  # items.json titles carry CSL's rich-text markup
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", s.casefold()).split())


def _pages(s: str) -> str:
    m = re.match(r"\D*?(\w*\d+)(?:\s*[-\u2010-\u2015]+\s*(\w*\d+))?", s)
    if not m:
        return _base(s)
    a, b = m.group(1), m.group(2) or ""
    if b and a.isdigit() and b.isdigit() and len(b) < len(a):
        b = a[: len(a) - len(b)] + b
    return f"{a}-{b}" if b else a


def _edition(s: str) -> str:
    m = re.search(r"\d+", s)
    if m:
        return m.group()
    words = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6"}
    w = _base(s).split()
    return words.get(w[0], _base(s)) if w else ""


def _name_keys(names: list[dict[str, Any]]) -> list[str]:
    out = []
    for n in names:
        if n.get("literal"):
            out.append(_base(n["literal"]))
        elif n.get("family") and re.search(r"[\u3000-\u9fff\uac00-\ud7af]", n["family"]):
            out.append(_base(n["family"] + n.get("given", "")))  # CJK: family and given run together
        elif n.get("family"):
            # particles are placed differently by styles ("van den Berg", "Berg, Jan van den"): left out
            fam = " ".join(w for w in _base(n["family"]).split() if w not in PARTICLES)
            g = " ".join(w for w in _base(n.get("given", "")).split() if w not in PARTICLES)
            out.append(fam + "|" + g[:1])
    return out


def norm(field: str, value: Any) -> str:
    """The normalised form two values of ``field`` are compared in."""
    if field in NAMES:
        return ";".join(sorted(_name_keys(value)))
    if field == "issued":
        parts = value.get("date-parts") if isinstance(value, dict) else None
        if parts and parts[0] and parts[0][0]:
            return str(parts[0][0])
        m = re.search(r"\d{4}", json.dumps(value))
        return m.group() if m else ""
    v = str(value)
    if field == "page":
        return _pages(v)
    if field == "edition":
        return _edition(v)
    if field in ("DOI", "URL"):
        return re.sub(r"^https?://(dx\.)?doi\.org/", "", v.strip().lower()).rstrip("/.")
    if field in ("volume", "issue", "number"):
        return _base(re.sub(r"(?i)^(vol|no|nr|issue)\.?\s*", "", v))
    return _base(v)


def printed(field: str, value: Any, text: str) -> bool:
    """Does the reference text show this gold value (so a parser could find it)?"""
    text = re.sub(r"^\s*(?:\[\d+\]|\d+\.)\s+", "", text)  # the citation number prints no field
    bt = " " + _base(text) + " "
    if field in NAMES:
        if REPEAT.match(text):  # "———." and "Ders." stand for the previous entry's names
            return True
        return any(_base(n.get("family") or n.get("literal") or "") in bt for n in value)
    if field == "issued":
        y = norm(field, value)
        # the year of an access date ("Accessed: Jul. 09, 2013", "[cited 2024 Jan 12]") is not the date
        t = re.sub(r"(?i)(?:accessed|retrieved|viewed|cited|consulted)\b[\w.,:\s]{0,25}?\b(?:1[5-9]|20)\d\d\b", " ", text)
        t = re.sub(r"(?i)https?://\S+|\bdoi:\s*\S+|\b10\.\d{4,}/\S+", " ", t)  # nor a year inside a link
        return bool(y) and y in t
    if field == "page":
        first = _base(re.split(r"[-\u2010-\u2015]", str(value))[0])
        return bool(first) and f" {first} " in bt
    if field in ("DOI", "URL"):
        return norm(field, value) in text.lower()
    if field == "edition":
        return bool(re.search(rf"\b{re.escape(_edition(str(value)))}(?:st|nd|rd|th|\b)", text))
    n = _base(str(value))
    return bool(n) and f" {n} " in bt


def _only_inside_others(field: str, gold: dict[str, Any], text: str) -> bool:
    """A value printed only as part of another field's printed value (the place "Aarhavn" inside the
    publisher "University of Aarhavn") is not printed as a field of its own."""
    if field not in TEXT or not isinstance(gold.get(field), str):
        return False
    if field in ("issue", "number") and isinstance(gold.get("volume"), str) and \
            norm(field, gold[field]) == norm("volume", gold["volume"]) and printed("volume", gold["volume"], text):
        v = norm("volume", gold["volume"])  # volume 11, issue 11, and the style printed "11" once: the volume
        once = " " + _base(re.sub(r"^\s*(?:\[\d+\]|\d+\.)\s+", "", text)) + " "
        return len(re.findall(rf"(?<= ){re.escape(v)}(?= )", once)) < 2
    n = _base(gold[field])
    if len(n) < 4 or not re.search(r"[^\W\d]", n):
        return False  # numbers ("1" inside "1-30") are left to the field's own test
    bt = " " + _base(re.sub(r"^\s*(?:\[\d+\]|\d+\.)\s+", "", text)) + " "
    def count(hay: str) -> int:  # occurrences as whole words, overlaps included ("aarhavn aarhavn")
        return len(re.findall(rf"(?<= ){re.escape(n)}(?= )", hay))

    inside = sum(count(" " + _base(v) + " ") for k, v in gold.items()
                 if k != field and k in TEXT and isinstance(v, str) and _base(v) != n and printed(k, v, text))
    return 0 < count(bt) <= inside


def pred_value(item: dict[str, Any], field: str) -> Any:
    return item.get(field)


def score_item(gold: dict[str, Any], pred: dict[str, Any], text: str) -> dict[str, tuple[int, int, int]]:
    """{field: (tp, fp, fn)} for one reference."""
    out: dict[str, tuple[int, int, int]] = {}
    gold = dict(gold)
    for src, dst in (("event-title", "container-title"), ("event", "container-title"), ("event-place", "publisher-place")):
        # ("event" is CSL 1.0.1's name of "event-title")
        if gold.get(src) and not (gold.get(dst) and printed(dst, gold[dst], text)):
            gold[dst] = gold[src]  # a conference paper's event is its container, the event's place its place
    for field in NAMES + ["issued"] + TEXT:
        g = gold.get(field)
        if field in NAMES and g and not REPEAT.match(text):
            g = [n for n in g if printed(field, [n], text)]
        has_g = bool(g) and printed(field, g, text) and not _only_inside_others(field, gold, text)
        p = pred_value(pred, field)
        short = gold.get(field + "-short") if field == "container-title" else None
        if short and not has_g and printed(field, short, text):
            g, has_g = short, True  # the style printed the abbreviation ("Dev. Econ. Rev."): the value to find
        if field in NAMES and p:
            p = [n for n in p if not (n.get("literal") or "").lower().startswith("et al")
                 and n.get("literal") != "others"]
        has_p = bool(p) and bool(norm(field, p))
        if not has_g and not has_p:
            continue
        cut = field in NAMES and has_p and re.search(r"\bet al\b|…|\.\.\.", text) and len(p) < len(gold.get(field) or [])
        if has_g and has_p and (norm(field, g) == norm(field, p) or cut and norm(field, gold[field][:len(p)]) == norm(
                field, p)):  # "Dąbrowski, F., et al.": the first names in order, whatever the others are called
            out[field] = (1, 0, 0)
        else:
            out[field] = (0, int(has_p), int(has_g))
    return out


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def load_style(d: Path, style: str) -> list[tuple[str, dict[str, Any]]]:
    items = {it["id"]: it for it in json.loads((d / "items.json").read_text(encoding="utf-8"))}
    order = json.loads((d / f"{style}.order.json").read_text(encoding="utf-8"))
    lines = (d / f"{style}.txt").read_text(encoding="utf-8").splitlines()
    return [(line, items[i]) for line, i in zip(lines, order, strict=True)]


def parse_lines(lines: list[str]) -> list[Any]:
    from refkit.parse import parse_text

    res = parse_text("\n".join(lines), one_per_line=True)
    assert len(res) == len(lines), (len(res), len(lines))
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=SHARED / "format-oracle")
    ap.add_argument("--verbose", nargs="*", default=None, help="print the wrong fields of these styles")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    total = [0, 0, 0]
    report: dict[str, Any] = {}
    per_field: dict[str, list[int]] = {}
    for style in STYLES:
        pairs = load_style(a.dir, style)
        res = parse_lines([t for t, _ in pairs])
        st = [0, 0, 0]
        for (text, gold), r in zip(pairs, res, strict=True):
            pred = r.ref.to_csl()
            sc = score_item(gold, pred, text)
            for field, (tp, fp, fn) in sc.items():
                st[0] += tp
                st[1] += fp
                st[2] += fn
                pf = per_field.setdefault(field, [0, 0, 0])
                pf[0] += tp
                pf[1] += fp
                pf[2] += fn
                if a.verbose is not None and (not a.verbose or style in a.verbose) and (fp or fn):
                    print(f"  [{style}] {field}: gold={norm(field, gold.get(field)) if gold.get(field) else '-'!r}"
                          f" pred={norm(field, pred.get(field)) if pred.get(field) else '-'!r}\n      {text[:160]}")
        for i in range(3):
            total[i] += st[i]
        report[style] = f1(*st)
        print(f"{style:40s} F1 {f1(*st):.3f}  (tp {st[0]}, fp {st[1]}, fn {st[2]})")
    print(f"{'overall':40s} F1 {f1(*total):.3f}")
    for field, (tp, fp, fn) in sorted(per_field.items()):
        print(f"    {field:18s} F1 {f1(tp, fp, fn):.3f}  tp {tp:4d} fp {fp:3d} fn {fn:3d}")
    report["overall"] = f1(*total)
    if a.json:
        a.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
