"""The BibTeX/biblatex data model -> the model (CSL variables), with pandoc's mapping as the reference.

Entry types and their aliases, the title families (``title: subtitle. titleaddon``, ``maintitle``,
``booktitle``, ``journaltitle``, ``issuetitle``), names (BibTeX's and biblatex's extended
``family=..., given=...`` form), dates (:mod:`refkit.bib.biblatex_dates`), ``eprint`` links,
``langid`` and localisation keys. Fields the model has no place for are kept raw in
``Reference.extra`` so that writing BibTeX again loses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from refkit.bib import latex
from refkit.bib.biblatex_dates import MONTH_NAMES, parse_date, parse_year
from refkit.model import Date, Name, Reference

TYPE_TO_CSL = {
    "article": "article-journal", "book": "book", "mvbook": "book", "bookinbook": "chapter",
    "booklet": "pamphlet", "collection": "book", "mvcollection": "book", "dataset": "dataset",
    "data": "dataset", "electronic": "webpage", "online": "webpage", "www": "webpage",
    "inbook": "chapter", "incollection": "chapter", "suppbook": "chapter", "suppcollection": "chapter",
    "inreference": "entry-encyclopedia", "inproceedings": "paper-conference", "conference": "paper-conference",
    "manual": "book", "mastersthesis": "thesis", "phdthesis": "thesis", "thesis": "thesis",
    "misc": "document", "patent": "patent", "periodical": "article-journal",
    "suppperiodical": "article-journal", "proceedings": "book", "mvproceedings": "book",
    "reference": "book", "mvreference": "book", "report": "report", "techreport": "report",
    "software": "software", "unpublished": "manuscript", "artwork": "graphic", "image": "graphic",
    "audio": "song", "music": "song", "commentary": "book", "jurisdiction": "legal_case",
    "legislation": "legislation", "legal": "treaty", "letter": "personal_communication",
    "letters": "personal_communication", "movie": "motion_picture", "video": "motion_picture",
    "performance": "speech", "review": "review", "standard": "standard",
    "newsarticle": "article-newspaper",
}
# CSL type -> BibTeX (biblatex names where BibTeX has none; BibTeX styles treat unknowns as misc)
CSL_TO_TYPE = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "article": "article", "book": "book", "chapter": "incollection", "paper-conference": "inproceedings",
    "report": "report", "webpage": "online", "post": "online", "post-weblog": "online",
    "thesis": "thesis", "manuscript": "unpublished", "pamphlet": "booklet", "software": "software",
    "dataset": "dataset", "patent": "patent", "entry-encyclopedia": "inreference",
    "entry-dictionary": "inreference", "periodical": "periodical", "standard": "standard",
}
# plain fields -> CSL variables (the ones not handled by a rule below)
FIELD_TO_CSL = {
    "volume": "volume", "pages": "page", "edition": "edition", "volumes": "number-of-volumes",
    "pagetotal": "number-of-pages", "chapter": "chapter-number", "version": "version",
    "eventtitle": "event-title", "origtitle": "original-title", "venue": "event-place",
    "origpublisher": "original-publisher", "origlocation": "original-publisher-place",
    "abstract": "abstract", "keywords": "keyword", "annotation": "annote", "annote": "annote",
    "library": "call-number", "type": "genre", "shortjournal": "container-title-short",
}
VERBATIM_CSL = {"url": "URL", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "pmid": "PMID",
                "pmcid": "PMCID"}
DATE_FIELDS = {"origdate": "original-date", "eventdate": "event-date"}
NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator",
               "bookauthor": "container-author", "director": "director"}
VERBATIM = {"url", "doi", "file", "eprint", "isbn", "issn", "pmid", "pmcid"}
MONTHS = {m: i for m, i in MONTH_NAMES.items() if len(m) == 3 and m.isascii()}
# fields that only steer biblatex (never printed): not kept in extra either (crossref, xdata, xref and ids
# are: they link entries, which cited --prune and the writers need)
_CONTROL = {"options", "sortkey", "sortname", "sorttitle", "presort",
            "indextitle", "indexsorttitle", "sortyear", "entryset", "execute", "label", "shorthand",
            "langidopts", "entrysubtype", "editortype", "archiveprefix", "primaryclass", "hyphenation"}
CHAPTERLIKE = {"inbook", "incollection", "inproceedings", "inreference", "bookinbook", "suppbook",
               "suppcollection"}
ARTICLELIKE = {"article", "periodical", "suppperiodical", "review"}
BOOKLIKE_NUMBER = {"book", "collection", "proceedings", "reference", "mvbook", "mvcollection",
                   "mvproceedings", "mvreference", "bookinbook", "inbook", "incollection",
                   "inproceedings", "inreference", "suppbook", "suppcollection"}
EPRINT_URLS = {"arxiv": "https://arxiv.org/abs/", "jstor": "https://www.jstor.org/stable/",
               "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/", "googlebooks": "https://books.google.com?id=",
               "hdl": "https://hdl.handle.net/"}
LANGUAGES = {
    "english": "en-US", "american": "en-US", "usenglish": "en-US", "british": "en-GB", "ukenglish": "en-GB",
    "canadian": "en-CA", "australian": "en-AU", "newzealand": "en-NZ", "german": "de-DE",
    "ngerman": "de-DE", "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH",
    "nswissgerman": "de-CH", "french": "fr-FR", "francais": "fr-FR", "italian": "it-IT",
    "spanish": "es-ES", "portuguese": "pt-PT", "brazil": "pt-BR", "brazilian": "pt-BR", "dutch": "nl-NL",
    "danish": "da-DK", "swedish": "sv-SE", "norsk": "nb-NO", "norwegian": "nb-NO", "nynorsk": "nn-NO",
    "finnish": "fi-FI", "polish": "pl-PL", "czech": "cs-CZ", "russian": "ru-RU", "ukrainian": "uk-UA",
    "greek": "el-GR", "latin": "la", "hungarian": "hu-HU", "turkish": "tr-TR", "japanese": "ja-JP",
    "chinese": "zh-CN", "korean": "ko-KR", "catalan": "ca-AD", "croatian": "hr-HR", "slovene": "sl-SI",
    "slovak": "sk-SK", "romanian": "ro-RO", "hebrew": "he-IL", "arabic": "ar", "icelandic": "is-IS",
    "estonian": "et-EE", "latvian": "lv-LV", "lithuanian": "lt-LT", "bulgarian": "bg-BG",
    "serbian": "sr-RS", "basque": "eu", "galician": "gl-ES", "vietnamese": "vi-VN", "persian": "fa-IR",
}
ENGLISH_VARIANTS = {"british": "en-GB", "uk": "en-GB", "american": "en-US", "us": "en-US",
                    "usmax": "en-US", "australian": "en-AU", "newzealand": "en-NZ"}


# ---------------------------------------------------------------- names
def parse_names(value: str) -> list[Name]:
    """A BibTeX name list (LaTeX) -> names; ``and others`` becomes the et-al marker."""
    out: list[Name] = []
    value = value.strip()
    trailing = re.search(r"(?:,\s*|\s+)et\.?\s+al\.?\s*$", value)
    if trailing:  # "Smith, J. et al." -> Smith, J. and others
        value = value[:trailing.start()] + " and others"
    for person in split_multiple_persons_names(value):
        person = re.sub(r"\s+", " ", person.strip())
        if not person:
            continue
        if person.lower() in ("others", "et al.", "et al", r"\bibstring{andothers}"):
            out.append(Name.et_al())
            continue
        if person.startswith("{") and person.endswith("}") and _outer_group(person):
            out.append(Name(literal=latex.strip_braces(latex.decode(person[1:-1]))))
            continue
        if re.match(r"^\s*(?:family|given|prefix|suffix|useprefix)\s*=", person):
            out.append(_extended_name(person))
            continue
        try:
            parts = parse_single_name_into_parts(person, strict=False)
        except InvalidNameError:
            out.append(Name(literal=latex.strip_braces(latex.decode(person))))
            continue

        def j(xs: list[str]) -> str:
            return latex.strip_braces(latex.decode(" ".join(xs)))

        given = j(parts.first)
        given = re.sub(r"(?<=\b[A-Z]\.)(?=[A-Z]\.)", " ", given)  # "J.G." -> "J. G."
        n = Name(family=j(parts.last), given=given, particle=j(parts.von), suffix=j(parts.jr))
        if not n.family and n.given:
            n = Name(family=n.given)
        out.append(n)
    return out


def _extended_name(person: str) -> Name:
    """biblatex's ``family=Smith, given=John, prefix=van, useprefix=true``."""
    parts: dict[str, str] = {}
    for m in re.finditer(r"(\w+)\s*=\s*(\{(?:[^{}]|\{[^{}]*\})*\}|[^,]*)", person):
        v = m.group(2).strip()
        if v.startswith("{") and v.endswith("}"):
            v = v[1:-1]
        parts[m.group(1).lower()] = latex.strip_braces(latex.decode(v))
    return Name(family=parts.get("family", ""), given=parts.get("given", ""),
                particle=parts.get("prefix", ""), suffix=parts.get("suffix", ""))


def _outer_group(s: str) -> bool:
    depth = 0
    for i, ch in enumerate(s):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and i < len(s) - 1:
            return False
    return True


def _literal_list(value: str) -> str:
    """biblatex's literal lists (publisher, location): ``A and B`` -> ``A; B``."""
    items = [latex.decode(x) for x in split_multiple_persons_names(value.strip())]
    return "; ".join(x for x in items if x)


# ---------------------------------------------------------------- titles
def join_title(*parts: tuple[str, str]) -> str:
    """pandoc's concatWith: ``title: subtitle. addon`` without doubling punctuation."""
    out = ""
    for sep, text in parts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif latex.strip_braces(out)[-1:] in "!?.,:;":
            out += " " + text
        else:
            out += sep + " " + text
    return out


def _localised(value: str) -> str:
    """``Resreport`` / ``phdthesis`` (a bare localisation key) -> words."""
    return latex.BIBSTRINGS.get(value.strip().lower(), value)


def _language(fields: dict[str, str]) -> str:
    raw = (fields.get("langid") or fields.get("hyphenation") or "").strip().lower()
    if not raw:
        return latex.decode(fields.get("language", "")) if fields.get("language") else ""
    if raw == "english":
        opts = fields.get("langidopts", "").replace(" ", "").lower()
        m = re.search(r"variant=(\w+)", opts)
        if m and m.group(1) in ENGLISH_VARIANTS:
            return ENGLISH_VARIANTS[m.group(1)]
    return LANGUAGES.get(raw, raw)


def _options(fields: dict[str, str]) -> dict[str, str]:
    out = {}
    for part in fields.get("options", "").split(","):
        k, _, v = part.partition("=")
        if k.strip():
            out[k.strip().lower()] = v.strip().lower() or "true"
    return out


# ---------------------------------------------------------------- the entry
def entry_to_reference(entry_type: str, key: str, raw: dict[str, str], line: int | None = None) -> Reference:
    """One entry (fields as LaTeX, macros expanded, crossrefs resolved) -> a :class:`Reference`."""
    f = {k.lower(): v for k, v in raw.items() if v is not None}
    for alias, name in (("archiveprefix", "eprinttype"), ("primaryclass", "eprintclass"),
                        ("journal", "journaltitle"), ("address", "location"), ("school", "institution"),
                        ("annote", "annotation"), ("key", "sortkey")):
        if alias in f and name not in f:
            f[name] = f[alias]
    et = entry_type.lower()
    used: set[str] = {"archiveprefix", "primaryclass", "journal", "address", "school", "annote", "key"}

    def get(name: str) -> str:
        v = f.get(name, "").strip()
        if v:
            used.add(name)
        return v

    def text(name: str) -> str:
        v = get(name)
        return latex.decode(v) if v else ""

    ref = Reference(id=key, type=_csl_type(et, f), line=line)
    # names
    opts = _options(f)
    for field_name, csl in NAME_FIELDS.items():
        if get(field_name):
            ref.names[csl] = parse_names(f[field_name])
    if f.get("editortype", "").strip().lower() == "director" and "editor" in ref.names:
        ref.names["director"] = ref.names.pop("editor")
    # dates
    _dates(ref, f, used)
    _titles(ref, f, et, text)
    series = text("series")
    if series:
        ref.fields["collection-title"] = (f"{series}{_ordinal(series)} series" if series.isdigit()
                                          else _localised(series))
    # numbers
    number = text("number")
    if number:
        if et in BOOKLIKE_NUMBER:
            ref.fields["collection-number"] = number
        elif et in ARTICLELIKE:
            ref.fields["issue"] = ", ".join(x for x in (number, text("issue")) if x)
        else:
            ref.fields["number"] = number
    elif et in ARTICLELIKE and get("issue"):
        ref.fields["issue"] = text("issue")
    volume, part = text("volume"), text("part")
    if volume or part:
        ref.fields["volume"] = f"{volume}.{part}" if volume and part else volume or part
    # publisher, places
    # publisher-like fields are not split on "and" ("Wiley and Sons"): a deliberate difference from pandoc
    pubs = [text(k) for k in ("institution", "organization", "howpublished", "publisher") if get(k)]
    if pubs and re.match(r"\\url\s*\{", f.get("howpublished", "")):
        hp = latex.decode(f["howpublished"])
        pubs = [p for p in pubs if p != hp]
        if "url" not in f:
            ref.fields["URL"] = re.sub(r"^\\url\s*\{(.*)\}$", r"\1", f["howpublished"].strip())
        else:
            ref.extra["howpublished"] = f["howpublished"]  # a second link: kept raw for check
    if pubs:
        ref.fields["publisher"] = "; ".join(pubs)
    if et == "patent":
        if get("location"):
            ref.fields["jurisdiction"] = "; ".join(_localised(x) for x in _literal_list(f["location"]).split("; "))
    elif get("location"):
        ref.fields["publisher-place"] = _literal_list(f["location"])
    # links and identifiers
    for k, csl in VERBATIM_CSL.items():
        if get(k):
            ref.fields[csl] = re.sub(r"^\\url\s*\{(.*)\}$", r"\1", f[k].strip()).replace("\\_", "_")
    if opts.get("url") == "false" and et != "online":
        ref.fields.pop("URL", None)
    if opts.get("doi") == "false":
        ref.fields.pop("DOI", None)
    eprint, etype = f.get("eprint", "").strip(), f.get("eprinttype", "").strip().lower()
    if eprint and etype in EPRINT_URLS and "URL" not in ref.fields:
        ref.fields["URL"] = EPRINT_URLS[etype] + eprint
    # everything else with a CSL name
    for k, csl in FIELD_TO_CSL.items():
        if csl in ref.fields or not get(k):
            continue
        v = latex.decode(f[k])
        if k == "pages":
            v = re.sub(r"\s*(?:--?|–|—)\s*", "-", v)
        elif k == "type":
            v = _localised(v)
        ref.fields[csl] = v
    notes = [x for x in (text("note") if et != "periodical" else "", text("addendum")) if x]
    if notes:
        ref.fields["note"] = join_title(*((".", n) for n in notes))
    pubstate = text("pubstate")
    if pubstate:
        ref.fields["status"] = _localised(pubstate)
    lang = _language(f)
    if lang:
        ref.fields["language"] = lang
        used.update({"langid", "language", "hyphenation"})
    if et in ("phdthesis", "mastersthesis") and "genre" not in ref.fields:
        ref.fields["genre"] = latex.BIBSTRINGS["phdthesis" if et == "phdthesis" else "mathesis"]
    if et == "misc" and "URL" in ref.fields and "container-title" not in ref.fields \
            and not any(k in f for k in ("publisher", "howpublished", "institution", "organization")):
        ref.type = "webpage"
    ref.fields = {k: v for k, v in ref.fields.items() if v}
    # fields with no CSL place: kept raw for the BibTeX writer and for check
    for k, v in f.items():
        if k not in used and k not in _CONTROL and v.strip():
            ref.extra[k] = v.strip()
    return ref


def _titles(ref: Reference, f: dict[str, str], et: str, text: Callable[[str], str]) -> None:
    """title, volume-title, container-title and title-short, as pandoc builds them."""

    def family(prefix: str, title: str = "title") -> str:
        return join_title(("", text(prefix + title)), (":", text(prefix + "subtitle")),
                          (".", text(prefix + "titleaddon")))

    chapterlike = et in CHAPTERLIKE
    has_main = bool(f.get("maintitle", "").strip())
    container = ""
    if et == "periodical":  # an issue of a journal: the journal is the container of its issue title
        issue = join_title(("", text("issuetitle")), (":", text("issuesubtitle")))
        ref.fields["title"] = issue or family("")
        container = family("") if issue else ""
    elif has_main and not chapterlike:  # one volume of a multi-volume work
        ref.fields["title"] = family("main")
        ref.fields["volume-title"] = family("")
    else:
        ref.fields["title"] = family("")
        if chapterlike and has_main:
            container = family("main")
            ref.fields["volume-title"] = family("book")
        elif chapterlike:
            container = family("book")
    if not container:
        container = family("journal")
    if not container and family("book") != ref.fields.get("title"):
        container = family("book")  # booktitle on a type that has none (@article, @book): kept, not lost
    if container:
        ref.fields["container-title"] = container
    short = text("shorttitle")
    if short and (not has_main or chapterlike):
        ref.fields["title-short"] = short


def _ordinal(n: str) -> str:
    if n.endswith(("11", "12", "13")):
        return "th"
    return {"1": "st", "2": "nd", "3": "rd"}.get(n[-1:], "th")


def _csl_type(et: str, f: dict[str, str]) -> str:
    sub = f.get("entrysubtype", "").strip().lower()
    if et in ("article", "periodical", "suppperiodical") and sub in ("magazine", "newspaper"):
        return f"article-{sub}"
    if et == "unpublished" and any(f.get(k, "").strip() for k in ("eventdate", "eventtitle", "venue")):
        return "speech"
    return TYPE_TO_CSL.get(et, "document")


def _dates(ref: Reference, f: dict[str, str], used: set[str]) -> None:
    for prefix, csl, date_field in (("", "issued", "date"), ("event", "event-date", "eventdate"),
                                    ("orig", "original-date", "origdate"), ("url", "accessed", "urldate")):
        value = f.get(date_field, "").strip()
        d: Date | None = None
        if value:
            used.add(date_field)
            d = parse_date(latex.strip_braces(value)) or parse_year(latex.strip_braces(latex.decode(value)))
        if d is None and f.get(prefix + "year", "").strip():
            used.update({prefix + "year", prefix + "month", prefix + "day", prefix + "endyear"})
            d = parse_year(latex.strip_braces(latex.decode(f[prefix + "year"])), f.get(prefix + "month", ""),
                           f.get(prefix + "day", ""), f.get(prefix + "endyear", ""))
        if d is not None:
            if date_field == "date":
                used.update({"year", "month", "day"})
            ref.dates[csl] = d
