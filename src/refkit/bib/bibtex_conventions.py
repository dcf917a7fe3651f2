"""The two BibTeX conventions a user can ask for, as tables: model -> classic BibTeX, model -> biblatex.

``bibtex`` (for ``.bst`` styles: plain, natbib's plainnat, IEEEtran, ...):
  ``year`` + ``month`` (as the macros jan..dec), ``journal``, ``address``, ``institution`` for reports,
  ``school`` for theses, ``@techreport``/``@phdthesis``/``@mastersthesis``, ``@misc`` for web pages with the
  link in ``howpublished = {\\url{...}}`` (what plain.bst prints), the access date appended to ``note``
  ("Accessed 2024-05-01", since classic styles have no ``urldate`` and print ``note``), arXiv ids as
  ``eprint`` + ``archiveprefix`` + ``primaryclass`` (the natbib/arXiv convention).
  A day, the end of a date range and "circa" have no classic field: they are reported as lost.
  Fields with no classic name but a biblatex one (``eventtitle``, ``origdate``, ``pagetotal``, ...) are
  written under that name: BibTeX ignores them, biber and refkit read them back.
``biblatex``:
  ``date`` (ISO 8601/EDTF: ranges, ``~`` for circa), ``journaltitle``, ``location``, ``institution``,
  ``urldate``, ``@online``, ``@report``, ``@thesis`` + ``type`` (the genre as written), ``entrysubtype`` for
  magazine and newspaper articles, ``eprint`` + ``eprinttype`` + ``eprintclass``.

Either way, every CSL variable, name role or date with no field in the convention is returned as a
:class:`Problem` (rule ``lost-<variable>``), never dropped in silence.
"""

from __future__ import annotations

import re

from refkit.bib import latex
from refkit.bib.bibtex import CSL_TO_TYPE, VERBATIM
from refkit.errors import Problem
from refkit.model import Reference

FIELD_ORDER = ["author", "editor", "translator", "bookauthor", "year", "month", "date", "title", "journal",
               "journaltitle", "booktitle", "series", "edition", "volume", "number", "issue", "pages",
               "address", "location", "publisher", "institution", "school", "organization", "type",
               "howpublished", "url", "urldate", "doi", "eprint", "eprinttype", "archiveprefix", "eprintclass",
               "primaryclass", "isbn", "issn", "language", "note"]
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_ARTICLE = ("article-journal", "article-magazine", "article-newspaper", "article", "review", "review-book")
_WEB = ("webpage", "post", "post-weblog")
TYPES = {
    "bibtex": {
        **dict.fromkeys(_ARTICLE, "article"), "book": "book", "chapter": "incollection",
        "entry-encyclopedia": "incollection", "entry-dictionary": "incollection", "entry": "incollection",
        "paper-conference": "inproceedings", "report": "techreport", "thesis": "phdthesis",
        "manuscript": "unpublished", "speech": "unpublished", "pamphlet": "booklet", "document": "misc",
        **dict.fromkeys(_WEB, "misc"),
    },
    # biblatex: the default writer's own map (bibtex.CSL_TO_TYPE) and the types it leaves to misc
    "biblatex": {
        **CSL_TO_TYPE, "review": "review", "review-book": "article", "entry": "inreference", "document": "misc",
        "motion_picture": "movie", "song": "music", "legislation": "legislation", "legal_case": "jurisdiction",
        "personal_communication": "letter", "speech": "unpublished", "graphic": "artwork", "treaty": "legal",
    },
}
# CSL variable -> field, the same in both conventions (the type-dependent ones are in _field_for)
COMMON = {
    "title": "title", "collection-title": "series", "edition": "edition", "volume": "volume",
    "genre": "type", "medium": "howpublished", "URL": "url", "DOI": "doi", "ISBN": "isbn", "ISSN": "issn",
    "language": "language", "note": "note", "abstract": "abstract", "keyword": "keywords",
    "event-title": "eventtitle", "event-place": "venue", "title-short": "shorttitle",
    "chapter-number": "chapter", "version": "version", "number-of-pages": "pagetotal",
    "number-of-volumes": "volumes", "container-title-short": "shortjournal", "PMID": "pmid", "PMCID": "pmcid",
    "eprint": "eprint", "original-title": "origtitle", "original-publisher": "origpublisher",
    "original-publisher-place": "origlocation", "status": "pubstate", "page": "pages",
}
NAMES = {"author": "author", "editor": "editor", "translator": "translator", "container-author": "bookauthor"}
DATES = {"original-date": "origdate", "event-date": "eventdate"}
# field renames between the conventions, for fields kept raw in Reference.extra
TO_BIBLATEX = {"archiveprefix": "eprinttype", "primaryclass": "eprintclass", "journal": "journaltitle",
               "address": "location", "school": "institution", "annote": "annotation"}
TO_BIBTEX = {v: k for k, v in TO_BIBLATEX.items() if k != "school"}
_PHD = re.compile(r"ph\.?\s?d|doctor|dissertation|habilitation", re.I)
_MASTER = re.compile(r"master|m\.?\s?sc|\bm\.?a\b|\bmathesis|diplom", re.I)
DEFAULT_GENRES = {"phd thesis", "master's thesis", "master’s thesis", "phdthesis", "mathesis", "mastersthesis"}
# biblatex's localisation keys for genres, by their English words (biblatex prints them localised)
GENRE_KEYS = {"PhD thesis": "phdthesis", "Master's thesis": "mathesis", "Master’s thesis": "mathesis",
              "Candidate thesis": "candthesis", "technical report": "techreport", "research report": "resreport"}
_CHAPTERLIKE = ("incollection", "inproceedings", "inreference", "inbook")


def _field_for(csl: str, ref: Reference, etype: str, conv: str) -> str:
    """The field a CSL variable goes to, where that depends on the convention or the entry type."""
    classic = conv == "bibtex"
    if csl == "container-title":  # a chapter's book, else the journal (or website, series of reports, ...)
        if etype in _CHAPTERLIKE:
            return "maintitle" if "volume-title" in ref.fields else "booktitle"
        return "journal" if classic else "journaltitle"
    if csl == "volume-title":  # one volume of a multi-volume work (biblatex's maintitle + title/booktitle)
        return "booktitle" if etype in _CHAPTERLIKE else "title"
    if csl == "title" and "volume-title" in ref.fields and etype not in _CHAPTERLIKE:
        return "maintitle"
    if csl == "jurisdiction":
        return "address" if classic else "location"
    if csl == "publisher":
        if etype in ("techreport", "report") or (etype == "thesis" and not classic):
            return "institution"
        if etype in ("phdthesis", "mastersthesis"):
            return "school"
        return "organization" if etype == "online" else "publisher"
    if csl == "publisher-place":
        return "address" if classic else "location"
    if csl == "issue":
        return "number" if etype in ("article", "periodical") or classic else "issue"
    if csl in ("number", "collection-number"):
        return "number"
    if csl == "authority":
        return "organization"
    if csl == "annote":
        return "annote" if classic else "annotation"
    return COMMON.get(csl, "")


def _lost(ref: Reference, conv: str, what: str, rule: str) -> Problem:
    name = "classic BibTeX" if conv == "bibtex" else "biblatex"
    return Problem(f"{ref.id}: {name} has no place for {what}; dropped", ref.source, ref.line,
                   rule=f"lost-{rule}", key=ref.id)


def _entry_type(ref: Reference, conv: str, out: dict[str, str]) -> str:
    etype = TYPES[conv].get(ref.type, "misc")
    genre = ref.fields.get("genre", "")
    if ref.type == "thesis":
        master = bool(_MASTER.search(genre)) and not _PHD.search(genre)
        if conv == "bibtex":
            etype = "mastersthesis" if master else "phdthesis"
        elif genre:  # a localisation key where biblatex has one for it (it prints it localised), else as written
            out["type"] = GENRE_KEYS.get(genre, latex.encode(genre))
    elif conv == "biblatex" and genre in GENRE_KEYS and ref.type == "report":
        out["type"] = GENRE_KEYS[genre]
    if conv == "biblatex" and ref.type in ("article-magazine", "article-newspaper"):
        out["entrysubtype"] = ref.type.split("-")[1]
    return etype


def to_fields(ref: Reference, conv: str) -> tuple[str, dict[str, str], list[Problem]]:
    """(entry type, {field: raw BibTeX value}, problems for what ``conv`` cannot hold)."""
    from refkit.bib.bibtex_writer import _name_to_bibtex

    if conv not in TYPES:
        raise ValueError(f"unknown BibTeX convention {conv!r}")
    classic = conv == "bibtex"
    lost: list[Problem] = []
    out: dict[str, str] = {}
    etype = _entry_type(ref, conv, out)
    if ref.type not in TYPES[conv] and ref.type != "misc":
        lost.append(_lost(ref, conv, f"the CSL type {ref.type!r} (written as @{etype})", "type"))
    for csl, names in ref.names.items():
        if not names:
            continue
        if csl in NAMES:
            out[NAMES[csl]] = " and ".join(_name_to_bibtex(n) for n in names)
        else:
            lost.append(_lost(ref, conv, f"the {csl} names", csl))
    done = _dates(ref, conv, out, lost)
    if classic and etype == "misc" and ref.type in _WEB and ref.fields.get("URL") and "medium" not in ref.fields:
        out["howpublished"] = "\\url{" + ref.fields["URL"] + "}"
    for csl, v in ref.fields.items():
        if not v or csl in done or (csl == "genre" and "type" in out):
            continue
        if csl == "genre" and etype in ("phdthesis", "mastersthesis") and v.lower() in DEFAULT_GENRES:
            continue
        if csl == "URL" and out.get("howpublished", "").startswith("\\url{"):
            continue
        bib = _field_for(csl, ref, etype, conv)
        if not bib or bib in out:
            what = f"the CSL variable {csl!r}" + (f" (the {bib} field is taken)" if bib else "")
            lost.append(_lost(ref, conv, what, csl))
            continue
        if bib == "pages":
            v = re.sub(r"\s*[-–—]+\s*", "--", v)
        out[bib] = v if bib in VERBATIM else latex.encode(v)
    renames = TO_BIBTEX if classic else TO_BIBLATEX
    for k, v in ref.extra.items():
        k2 = renames.get(k, k)
        if k2 in out:
            k2 = k
        if k2 in out:
            lost.append(_lost(ref, conv, f"a second {k!r} field", k))
            continue
        out[k2] = v
    return etype, out, lost


def _dates(ref: Reference, conv: str, out: dict[str, str], lost: list[Problem]) -> set[str]:
    """Write the dates into ``out``; returns the CSL variables used up on the way (``note``, in classic)."""
    classic = conv == "bibtex"
    done: set[str] = set()
    for csl, d in ref.dates.items():
        if not (d.start or d.literal):
            continue
        if csl == "issued":
            if not d.start:
                out["year"] = latex.encode(d.literal)
            elif classic:
                out["year"] = d.year_text()
                if len(d.start) > 1 and not d.end:
                    out["month"] = MONTHS[d.start[1] - 1]
                if len(d.start) > 2 and not d.end:
                    lost.append(_lost(ref, conv, f"the day of the date {d.iso()!r} (use --to biblatex)", "day"))
                if d.end and (len(d.start) > 1 or len(d.end) > 1):  # "2020/2021" stays in year
                    lost.append(_lost(ref, conv, f"the date range {d.iso()!r} beyond its years", "date-range"))
                if d.circa:
                    lost.append(_lost(ref, conv, "'circa' on the date", "circa"))
            else:
                out["date"] = d.iso() + ("~" if d.circa else "")
        elif csl == "accessed":
            if classic:
                old = ref.fields.get("note", "")
                out["note"] = (latex.encode(old).rstrip(".") + ". " if old else "") + f"Accessed {d.iso()}"
                done.add("note")
            else:
                out["urldate"] = d.iso()
        elif csl in DATES:
            out[DATES[csl]] = d.iso()
        else:
            lost.append(_lost(ref, conv, f"the date {csl!r}", csl))
    return done
