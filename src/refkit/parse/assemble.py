"""Turn the tagger's labelled spans into a clean :class:`refkit.model.Reference`.

Each label has a small cleaner: role words and brackets come off names ("In", "(eds.)",
"Translated by"), "pp."/"Vol."/"No." come off numbers, the issue is split from the volume
("36(1)", "Vol. 12, No. 2"), dates and year ranges are parsed, page ranges get one dash, URLs and
DOIs lose line-wrap spaces and prefixes. The CSL type is chosen from which fields are present.

The helpers here that are not specific to tagger output (``strip_role_words``, ``split_volume``,
``clean_edition``, ``clean_isbn``) are candidates for ``refkit.parse.fields``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from pathlib import Path

from refkit.model import Date, Name, Reference
from refkit.parse.fields import (
    DASH,
    MONTH_RE,
    MONTHS,
    clean_doi,
    clean_pages,
    clean_url,
    expand_initials,
    parse_dmy,
    parse_natural_date,
    parse_year,
    split_names,
    squash,
)
from refkit.parse.refine import ARXIV_RE, PMCID_RE, PMID_RE, refine
from refkit.parse.review import calibrate, review
from refkit.parse.tagger import Model, Segment, tag

NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator"}
# identifier label -> (pattern with an "id" group, model field); an arXiv id is the biblatex eprint
# (with eprinttype "arxiv" in ``extra``), PMID and PMCID are CSL variables
IDENTIFIERS = {"arxiv": (ARXIV_RE, "eprint"), "pmid": (PMID_RE, "PMID"), "pmcid": (PMCID_RE, "PMCID")}
TEXT_FIELDS = {
    "title": "title",
    "journal": "container-title",
    "container-title": "container-title",
    "collection-title": "collection-title",
    "publisher": "publisher",
    "location": "publisher-place",
    "genre": "genre",
    "note": "note",
}
# CSL field(s) each tagger label feeds, for confidences

_EDGE = " \t,.;:/"
_REPEATED_AUTHOR = re.compile(r"^[\s\u2014\u2013\u2012_\-]{2,}[.,:]?$")
_ROLE_LEAD = re.compile(
    r"^(?:(?:in|dans|im|en)\s*:?\s+)?(?:(?:edited|translated|compiled|introduced|ed\.?|eds\.?|hrsg\.?|hg\.?"
    r"|herausgegeben|trans\.?|transl\.?|tr\.|trad\.?|traduit|übers\.?|übersetzt|dir\.?|éd\.?|coord\.?)"
    r"(?:\s+(?:fr\.|from\s+the\s+\w+|de\s+l'\w+))?\s*(?:by|von|par|v\.|de)?\s*:?\s+)+",
    re.I,
)
_ROLE_TAIL = re.compile(
    r"[\s,]*[(\[]?\s*(?:\(?(?<![^\W\d_])(?:gen\.\s*)?(?:eds?|edd|editors?|hrsg|hg|hgg|éds?|dirs?|coords?|comps?|trans|transl"
    r"|translators?|tr|trad|übers)\.?\)?\s*)+[)\]]?[\s,.;:]*$",
    re.I,
)
_IN_NAMES = re.compile(r"^\s*(?:in|dans|im|en)\s*:?\s+(?=\S)", re.I)
_IN_LEAD = re.compile(r"^\s*(?i:in|dans|im|en|i)\s*:\s*|^\s*(?:In|Dans|Im|En)\s+|^\s*(?:in|dans|im|en)\s+(?=[A-Z0-9“\"«])",
                      re.U)


def _edge(s: str) -> str:
    return s.strip(_EDGE)


def _unbracket(s: str) -> str:
    s = s.strip()
    while len(s) > 1 and ((s[0], s[-1]) in {("(", ")"), ("[", "]"), ("{", "}")}):
        s = s[1:-1].strip()
    return s


@functools.lru_cache(maxsize=65536)  # a pure function of the string; journal names and the like recur
def clean_text(s: str) -> str:
    """Trim edge punctuation, a wrapping pair of brackets or quotes, and PDF soft hyphens."""
    s = squash(s.replace("\u00ad", ""))
    s = s.strip(" ,;:")
    if s.endswith(".") and not re.search(r"(?:\b[A-Z]|\.\.|\b(?:al|etc|ed|eds|Inc|Ltd|Co|Jr|Sr|St))\.$", s):
        s = s[:-1]
    s = s.strip(" ,;:")
    for o, c in (("(", ")"), ("[", "]"), ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("'", "'"), ("„", "“")):
        if len(s) > 2 and s.startswith(o) and s.endswith(c) and s.count(o) == (2 if o == c else 1):
            s = s[1:-1].strip(" ,;:")
    if s.startswith(("“", "«", "„")) and s.endswith(("”,", "”.", "».", "»,")):
        s = s[1:-2].strip()
    return s


def strip_role_words(s: str) -> str:
    """'In K. Brown (gen. ed.),' -> 'K. Brown'; 'Translated by A. B.' -> 'A. B.'."""
    t = squash(s)
    for _ in range(2):
        before = t
        t = _IN_NAMES.sub("", t)
        t = _ROLE_LEAD.sub("", t)
        t = _ROLE_TAIL.sub("", t)
        t = _unbracket(t.strip(" ,;:"))
        if t == before:  # a second pass would change nothing either
            break
    if t.startswith(("(", "[")) and not re.search(r"[)\]]", t):
        t = t[1:]
    if t.endswith((")", "]")) and not re.search(r"[(\[]", t):
        t = t[:-1]
    t = t.strip(" ,;:")
    if re.search(r"\w{3,}\.$", t) and not re.search(r"\b(?:al|Jr|Sr|Jnr|Snr|Inc|Ltd|Co)\.$", t):
        t = t[:-1]
    return t


_ORG_WORDS = re.compile(
    r"\b(?:organi[sz]ation|association|society|institut[eo]?|university|universit[éy]|department|ministry|"
    r"council|committee|commission|agency|bureau|office|foundation|corporation|company|group|centre|center|"
    r"bank|board|service|national|international|federal|government|nations|union|league|academy|inc|ltd)\b",
    re.I,
)


def _dehyphenate(s: str) -> str:
    """Undo PDF line-wrap hyphens: 'Hethering- ton' -> 'Hetherington', 'Jean- Pierre' -> 'Jean-Pierre'."""
    s = re.sub(r"(\w)[-\u2010\u2011\u00ad]\s+([a-zà-öø-ÿ])", r"\1\2", s)
    return re.sub(r"(\w)([-\u2010\u2011])\s+(\w)", r"\1\2\3", s)


_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_VANCOUVER_NAME = re.compile(
    rf"^(?P<fam>[^\W\d][\w'’\- ]*?)\s+(?P<ini>[{_UP}]{{1,4}})\.?"
    r"(?P<rest>(?:\s+[a-z][a-z\-]{1,10}(?<!\bet)(?<!\band))?)(?:\s+(?P<suffix>Jr|Sr|II|III|IV|2nd|3rd)\.?)?$")
# Initials printed run together ("Halpern SD") are written out ("S. D.") in the model.
EXPAND_INITIALS = True


def _vancouver(m: re.Match[str]) -> Name:
    ini = m.group("ini")
    given = expand_initials(ini) if EXPAND_INITIALS else ini
    rest = m.group("rest").strip()
    particle = ""
    dropping = ""
    if rest and rest.lower() in {"de", "van", "von", "der", "da", "di", "du", "le", "la", "del", "dos"}:
        dropping, rest = rest, ""  # "Montclair P de": a dropping particle printed after the initials
    if rest:
        given = f"{given}-{rest}" if EXPAND_INITIALS else f"{ini} {rest}"
    fam = m.group("fam").strip()
    fw = fam.split(" ")
    while len(fw) > 1 and fw[0].lower() in {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del",
                                            "dos", "ter", "ten"} and fw[0][0].islower():
        particle = (particle + " " + fw.pop(0)).strip()
    return Name(family=" ".join(fw), given=given, particle=particle, dropping=dropping,
                suffix=m.group("suffix") or "")


def _tidy_name(n: Name) -> Name:
    """Trailing dots and commas off family names and off given names that are whole words."""
    n.family = n.family.strip(" ,;:").rstrip(".") if len(n.family.strip(" .")) > 1 else n.family
    g = n.given.strip(" ,;:")
    if g.endswith(".") and len(g.split(" ")[-1]) > 3 and not re.search(r"[A-Z]\.$", g):
        g = g[:-1]
    n.given = g
    n.literal = n.literal.strip(" ,;:")
    return n


_GROUP_WORDS = re.compile(r"\b(?:group|consortium|network|collaboration|collaborative|committee|team|"
                          r"investigators|society|association|council|union|organi[sz]ation|agency|office)\b", re.I)


def _is_org(c: str) -> bool:
    return bool(_ORG_WORDS.search(c) or _GROUP_WORDS.search(c)) and len(c.split()) >= 2


_names_cache: dict[tuple[str, bool], tuple[Name, ...]] = {}


def clean_names(s: str) -> list[Name]:
    """A printed name list (with role words) -> names; corporate names stay literal."""
    key = (s, EXPAND_INITIALS)
    names = _names_cache.get(key)
    if names is None:
        names = tuple(_clean_names(s))
        if len(_names_cache) > 50_000:
            _names_cache.clear()
        _names_cache[key] = names
    return [dataclasses.replace(n) for n in names]  # fresh copies: callers may change them


def _clean_names(s: str) -> list[Name]:
    t = strip_role_words(_dehyphenate(s))
    t = strip_role_words(_IN_NAMES.sub("", t))
    if not t:
        return []
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", t):  # CJK names: family and given run together
        return [Name(literal=c.strip(" .")) for c in re.split(r"[,、，;；]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+|\s*&\s*", t)
                if c.strip(" .")]
    if "," not in t and ";" not in t and _ORG_WORDS.search(t) and not re.search(r"\b(?:and|&)\b", t):
        return [Name(literal=clean_text(t))]
    # Vancouver lists: "Kowalczyk A, Eriksen TB, Zhang W"
    chunks = [c.strip() for c in re.split(r",\s*|\s+(?:and|&)\s+", t.rstrip(".")) if c.strip()]
    others = bool(chunks) and re.fullmatch(r"(?:et\.?\s*al\.?|and others)", chunks[-1], re.I) is not None
    body = chunks[:-1] if others else chunks
    vanc = [_VANCOUVER_NAME.match(c) for c in body]
    orgs = [m is None and _is_org(c) for m, c in zip(vanc, body, strict=True)]
    vanc = [m if m and not (m.group("fam").isupper() and len(m.group("fam")) > 1) else None for m in vanc]
    if body and any(vanc) and all(m or o for m, o in zip(vanc, orgs, strict=True)) and (len(body) > 1 or "," not in t):
        names = []
        for c, m in zip(body, vanc, strict=True):
            names.append(_vancouver(m) if m else Name(literal=clean_text(c)))
        return names + ([Name.et_al()] if others else [])
    names = split_names(t)
    if not names:
        return [Name(literal=clean_text(t))]
    return [_tidy_name(n) for n in names]


_VOL = re.compile(
    r"^\s*(?:(?:vol(?:ume)?s?|bd|band|jg|jahrgang|tome|tomo|t|v|anno|année|year)(?:\.\s*|\s+))?"
    r"(?P<vol>[0-9IVXLCivxlc]+[A-Za-z]?(?:\s*[-\u2013/]\s*\d+)?)(?:\.?\s*(?:Jg|Jahrgang|année|anno|Bd)\b\.?)?"
    r"(?:\s*(?:[(\[]\s*(?P<iss1>[^)\]]+?)\s*[)\]]|[,.:]?\s*(?:heft|issue|number|num|nos|nr|no|iss|n°|nº|h|n|#)(?![a-z])\.?\s*"
    r"(?P<iss2>[\w\u2013/-]+)|,\s*(?P<iss3>\d+(?:\s*[-\u2013/]\s*\d+)?)(?=\s*$|\s*[,:;.]\s*$)))?"
    r"(?P<rest>.*)$",
    re.I,
)
_ISSUE_ONLY = re.compile(r"^\s*(?:heft|issue|number|num|nos|nr|no|iss|n°|nº|h|n|#)(?![a-z])\.?\s*(?P<iss>[\w\u2013/-]+)", re.I)


def split_volume(s: str) -> tuple[str, str, str]:
    """'36(1)' -> ('36', '1', ''); 'Vol. 12, No. 2' -> ('12', '2', ''); '249(3):29-38' -> ('249', '3', '29-38').

    Returns (volume, issue, pages-found-inside).
    """
    t = squash(s).strip(" ,.;:")
    if re.fullmatch(r"\(\s*[\w/\-–]+\s*\)", t):  # APA's "(4)": an issue without a volume
        return ("", t[1:-1].strip(), "")
    t = _unbracket(t) if t.startswith("(") and t.endswith(")") else t.lstrip("(").strip()
    m = _ISSUE_ONLY.match(t)
    if m and not re.match(r"^\s*n\w", t[len(m.group(0)):], re.I):
        rest = t[m.end():]
        vm = re.match(r"\s*[,(]?\s*(?:vol\.?|volume)\s*(\d+)", rest, re.I)
        return (vm.group(1) if vm else "", m.group("iss").strip(" .,"), "")
    m = _VOL.match(t)
    if not m:
        return (_edge(t), "", "")
    vol = m.group("vol")
    iss = (m.group("iss1") or m.group("iss2") or m.group("iss3") or "").strip(" .,")
    rest = (m.group("rest") or "").strip()
    pages = ""
    pm = re.match(rf"^[,:]?\s*(?:pp?\.?\s*)?(\d+(?:\s*[{DASH}]+\s*\d+)?)\s*[,.;]?$", rest)
    if pm:
        pages = re.sub(rf"\s*[{DASH}]+\s*", "-", pm.group(1))
    if re.search(rf"(?i)\(\s*(?:{MONTH_RE}|spring|summer|autumn|fall|winter)", t):
        iss = ""  # Chicago's "3 (November)": the month, not an issue
    if iss and re.match(r"(?i)^(?:no|nr)\.?\s*", iss):
        iss = re.sub(r"(?i)^(?:no|nr)\.?\s*", "", iss)
    if re.fullmatch(r"\d+\s*vols?\.?", t, re.I):
        return (vol, "", "")
    return (vol.replace(" ", ""), iss, pages)


def clean_edition(s: str) -> str:
    """'(2nd ed.).' -> '2'; '5th edn.' -> '5'; 'Rev. ed.' -> 'Rev. ed.'."""
    t = re.sub(r"^[(\[](.*)[)\]][.,;:]*$", r"\1", squash(s).strip(" ,;:")).lstrip("([").strip()
    t = clean_text(t)
    m = re.match(r"^(\d+)\s*(?:st|nd|rd|th|e|ème|er|re|\.|ª|\.ª|a|\.a)?\b", t)
    if m:
        return m.group(1)
    words = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
             "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10"}
    w = t.split(" ")[0].lower() if t else ""
    return words.get(w, t)


def clean_isbn(s: str) -> str:
    t = re.sub(r"(?i)^\s*isbn(?:-1[03])?\s*:?\s*", "", squash(s))
    return t.strip(" ,.;:")


_PAGE_PREFIX = re.compile(r"^(?:pages|page|pp|p|seiten|seite|ss|s|str|стр|c)\.?\s*(?=[\dIVXLCivxlc])", re.I)


def _pages(s: str) -> tuple[str, str]:
    """(page, number-of-pages)."""
    t = squash(s).strip(" ,.;:()[]")
    m = re.fullmatch(r"(\d+)\s*(?:pp|pages|p|S|Seiten|s)\.?", t)
    if m:
        return "", m.group(1)
    t = _PAGE_PREFIX.sub("", t)
    return clean_pages(t), ""


_YMD = re.compile(rf"^\(?((?:1[5-9]|20)\d\d)[a-z]?,?\s+({MONTH_RE})(?:\s+(\d{{1,2}}))?\b")


_REPRINT_YEAR = re.compile(r"^[(\[]((?:1[5-9]|20)\d\d)[)\]]\s*((?:1[5-9]|20)\d\d)[a-z]?\W*$")


def _date(s: str) -> Date | None:
    t = squash(s)
    rep = _REPRINT_YEAR.match(t)  # Chicago's "(1887) 2015": first published 1887, this edition 2015
    if rep:
        return Date(start=(int(rep.group(2)),))
    ymd = _YMD.match(t)  # "2002 Jul 25", "(2023, February 28)"
    if ymd:
        mo = MONTHS[ymd.group(2).rstrip(".").lower()]
        day = int(ymd.group(3)) if ymd.group(3) and 1 <= int(ymd.group(3)) <= 31 else 0
        return Date(start=(int(ymd.group(1)), mo, day) if day else (int(ymd.group(1)), mo))
    y = parse_year(t)
    if y is None:
        lit = clean_text(_unbracket(t.strip(" ,.;:")))
        return Date(literal=lit) if lit else None
    if y.start and not y.end:
        nat = parse_natural_date(t)
        if nat and nat.start and nat.start[0] == y.start[0]:
            return nat
    return y


_COMPACT = re.compile(
    r"^\(?(?P<year>\d{4})[a-z]?\)?\s*[;,]\s*(?P<vol>\d+[A-Za-z]?)(?:\s*\((?P<iss>[^)]+)\))?"
    rf"(?:\s*:\s*(?P<pages>[\w]+(?:\s*[{DASH}]\s*\w+)?))?[\s.,;:]*$"
)


def split_compact(s: str) -> tuple[str, str, str, str] | None:
    """Vancouver's '2018;85(4):12-19.' -> ('2018', '85', '4', '12-19'); None if it is not one."""
    m = _COMPACT.match(squash(s))
    if not m:
        return None
    pages = re.sub(rf"\s*[{DASH}]\s*", "-", m.group("pages") or "")
    return m.group("year"), m.group("vol"), (m.group("iss") or "").strip(), pages


_NUMBER_TAIL = re.compile(r"^(?P<g>.*?)[\s,]*\b(?:No|Nos|Nr|Number|Num|n[°º])\.?\s*(?P<n>[\w][\w\-/.–]*)$", re.I)
_CODE_TAIL = re.compile(r"^(?P<g>[^\d]*?\b(?:paper|report|brief|note|notes|memo|memorandum|document|study|series|"
                        r"bericht|rapport|documento|informe))\s+(?P<n>[A-Z]{0,6}[\s\-]?\d[\w\-/.–]*)$", re.I)


def _container_as_publisher(ref: Reference, labels: set[str], by_label: dict[str, list[Segment]],
                            conf: dict[str, float]) -> None:
    """'Title. Delta Heritage Trust.': a "journal" with no volume, issue, pages, link or day-and-month
    after a title is a book's publisher."""
    f = ref.fields
    if not f.get("container-title") or "publisher" in f or not f.get("title"):
        return
    if labels & {"volume", "pages", "url", "doi", "editor", "container-title"} or "issue" in f:
        return
    issued = ref.dates.get("issued")
    if issued is not None and len(issued.start) > 1:
        return
    segs = by_label.get("journal", [])
    if len(segs) != 1 or re.match(r"(?i)\s*(?:in|dans|im|en)\b", segs[0].text):
        return
    if re.search(r"(?i)\b(?:journal|review|quarterly|bulletin|proceedings|transactions|letters|annals|"
                 r"zeitschrift|revue|rivista|studies|magazine|times|news|gazette|herald|post)\b", f["container-title"]):
        return
    f["publisher"] = f.pop("container-title")
    if "container-title" in conf:
        conf["publisher"] = conf.pop("container-title")
    labels.discard("journal")
    labels.add("publisher")


_CAP_WORDS = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|a\.\s?M\.|am|upon|on|de|del|sur))*"


def _split_publisher_place(ref: Reference) -> None:
    """'Can Tho: Delta Heritage Trust' -> place and publisher; so is 'Institute for X, Cape Town'
    (a place of capitalised words after the last comma) when no place was found."""
    f = ref.fields
    p = f.get("publisher", "")
    if not p or f.get("publisher-place"):
        return
    m = re.fullmatch(rf"({_CAP_WORDS}(?:,\s*[A-Z]{{2}})?)\s*:\s*(.+)", p)
    if m and len(m.group(1)) <= 40:
        f["publisher-place"], f["publisher"] = m.group(1), m.group(2).strip()
        return
    m = re.fullmatch(rf"(.{{4,}}?),\s*({_CAP_WORDS})", p)
    if m and len(m.group(2).split()) <= 3 and not re.search(r"\d", m.group(1)) and not _is_org(m.group(2) + " x") \
            and not re.search(r"(?i)\b(?:and|und|et|press|verlag|books|"
                                                            r"publish\w*|inc|ltd|gmbh|co)\b", m.group(2)):
        f["publisher"], f["publisher-place"] = m.group(1).strip(), m.group(2)


def _tidy_containers(ref: Reference) -> None:
    """'Book, by A. Author' -> 'Book'; a series' number ('Lecture Notes 214', 'Studies; 12') goes to
    collection-number."""
    f = ref.fields
    c = f.get("container-title", "")
    m = re.search(r",?\s+by\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}$", c)
    if m and m.start() > 3:
        f["container-title"] = c[: m.start()].strip(" ,")
    m = re.search(rf",\s*(?:(?:\d{{1,2}}\s+)?{MONTH_RE}(?:\s+\d{{1,2}})?|Spring|Summer|Autumn|Fall|Winter)(?:,?\s+\d{{4}})?$",
                  c := f.get("container-title", ""))
    if m and m.start() > 3:  # Chicago's "Tides Engineering Blog, February 28": the date, not the container
        f["container-title"] = c[: m.start()].strip(" ,")
    s = _unbracket(f.get("collection-title", ""))
    m = re.search(r"[\s,;]+(?:no\.?|nr\.?|vol\.?|bd\.|v\.|n[°º]\.?|#)?:?\s*(\d{1,5})\)?$", s, re.I)
    if m and m.start() > 3 and "collection-number" not in f:
        f["collection-title"] = s[: m.start()].strip(" ,;(")
        f["collection-number"] = m.group(1)


_TITLE_NUMBER = re.compile(r"(?:\.\s+|\s+\()(?P<n>[A-Za-z]{1,6}-?\d[\w/\-]*|\d+[/-]\d+)\)?$")


def _number_off_title(ref: Reference) -> None:
    """'Review of X. NAB-23/114' / 'Review of X (NAB-23/114)': a report number at the end of a title."""
    t = ref.fields.get("title", "")
    m = _TITLE_NUMBER.search(t)
    if m and "number" not in ref.fields and m.start() > 10 and not re.fullmatch(r"(?i)vol\w*|no|\d{4}", m.group("n")):
        ref.fields["title"] = t[: m.start()].strip(" .,")
        ref.fields["number"] = m.group("n")


def _split_genre(ref: Reference) -> None:
    """'Working Paper No. 14' -> genre 'Working Paper', number '14'; 'No. W31877; BLR Working Paper
    Series' -> number 'W31877', collection-title 'BLR Working Paper Series'."""
    g = ref.fields.get("genre", "")
    if not g or "number" in ref.fields:
        return
    parts = [p.strip(" ,.") for p in re.split(r";\s*", g) if p.strip(" ,.")]
    genre: list[str] = []
    for p in parts:
        m = _NUMBER_TAIL.match(p) or _CODE_TAIL.match(p)
        if m and "number" not in ref.fields:
            ref.fields["number"] = m.group("n").strip(" .,")
            if m.group("g").strip(" ,"):
                genre.append(m.group("g").strip(" ,"))
        elif re.search(r"(?i)\bseries\b|\breihe\b", p) and len(parts) > 1 and "collection-title" not in ref.fields:
            ref.fields["collection-title"] = p
        else:
            genre.append(p)
    if genre:
        ref.fields["genre"] = "; ".join(genre)
    else:
        ref.fields.pop("genre", None)


def _choose_type(fields: dict[str, str], labels: set[str], segs: Sequence[Segment]) -> str:
    genre = fields.get("genre", "").lower()
    if re.search(r"thesis|dissertation|diss\.|doctoral|habilitation|mémoire|phd|ph\.d", genre):
        return "thesis"
    if re.search(r"patent", genre):
        return "patent"
    if re.search(r"report|working paper|memo|technical|discussion paper", genre):
        return "report"
    container = fields.get("container-title", "")
    if "journal" in labels:
        return "article-journal"
    if container:
        if re.search(r"(?i)\b(?:proc\.?|proceedings|conference|symposium|workshop|congress|meeting|colloqu)", container):
            return "paper-conference"
        if "editor" in labels or "publisher" in labels or "location" in labels or \
                any(s.label == "container-title" and re.match(r"(?i)\s*(?:in|dans|im)\b", s.text) for s in segs):
            return "chapter"
        if "volume" in labels or "pages" in labels:
            return "article-journal"
        return "chapter"
    if "url" in labels and not ("publisher" in labels or "location" in labels):
        return "webpage"
    if "publisher" in labels or "location" in labels or "isbn" in labels or "edition" in labels:
        return "book"
    return "document"


def assemble(segments: Sequence[Segment], text: str = "", *,
             previous: Reference | None = None) -> tuple[Reference, dict[str, float]]:
    """Build a Reference from labelled segments; returns it with a confidence per CSL field.

    ``previous`` is the reference before this one in the same list: a repeated-author dash
    ("———.") takes its authors.
    """
    ref = Reference()
    conf: dict[str, float] = {}
    by_label: dict[str, list[Segment]] = {}
    segments = refine(segments, text)
    for s in segments:
        by_label.setdefault(s.label, []).append(s)

    def note_conf(field: str, segs: list[Segment]) -> None:
        c = min(s.confidence for s in segs)
        conf[field] = min(conf.get(field, 1.0), c)

    def put(field: str, value: str, segs: list[Segment]) -> None:
        """Set a text field from labelled segments (nothing when the cleaned value is empty)."""
        if value:
            ref.fields[field] = value
            note_conf(field, segs)

    for label, segs in by_label.items():
        raw = [s.text for s in segs]
        if label in NAME_FIELDS:
            names: list[Name] = []
            for r in raw:
                if label == "author" and _REPEATED_AUTHOR.match(r) and previous is not None:
                    names.extend(previous.names.get("author", []))
                    continue
                names.extend(clean_names(r))
            if names:
                ref.names[NAME_FIELDS[label]] = names
                note_conf(NAME_FIELDS[label], segs)
        elif label in TEXT_FIELDS:
            field = TEXT_FIELDS[label]
            vals = []
            for r in raw:
                v = clean_text(r)
                if label in ("journal", "container-title", "collection-title"):
                    v = clean_text(_IN_LEAD.sub("", v))
                if label == "location":
                    v = v.rstrip(":").strip()
                if v:
                    vals.append(v)
            vals = [v for i, v in enumerate(vals) if v.lower() not in {x.lower() for x in vals[:i]}]
            if vals:
                joined = "; ".join(vals)
                ref.fields[field] = f"{ref.fields[field]}; {joined}" if ref.fields.get(field) else joined
                note_conf(field, segs)
        elif label in ("date", "volume") and split_compact(raw[0]):
            year, vol, iss, pages = split_compact(raw[0]) or ("", "", "", "")
            ref.dates.setdefault("issued", Date(start=(int(year),)))
            for k, v in (("volume", vol), ("issue", iss), ("page", pages)):
                if v and k not in ref.fields:
                    ref.fields[k] = v
                    note_conf(k, segs)
            note_conf("issued", segs)
        elif label == "date":
            dates = [x for x in (_date(r) for r in raw) if x is not None]
            dated = [x for x in dates if x.start]
            d = dated[0] if dated else (dates[0] if dates else None)
            if len(dated) > 1 and len({x.start[0] for x in dated}) > 1 and all(
                    len(x.start) == 1 and not x.end for x in dated):
                # "1887. Heritage Reprints, 2015": the original year first, the edition's last
                d = max(dated, key=lambda x: x.start[0])
                ref.dates["original-date"] = min(dated, key=lambda x: x.start[0])
            if d is not None:
                ref.dates["issued"] = d
                note_conf("issued", segs)
        elif label == "volume":
            vol, iss, pages = split_volume(raw[0])
            put("volume", vol, segs)
            put("issue", iss, segs)
            if pages and "pages" not in by_label:
                ref.fields["page"] = pages
                note_conf("page", segs)
        elif label == "pages":
            page, count = _pages(raw[0])
            put("page", page, segs)
            if not page:
                put("number-of-pages", count, segs)
        elif label == "edition":
            put("edition", clean_edition(raw[0]), segs)
        elif label == "url":
            link = re.split(r"\s+[(\[]|\.\s+(?=[A-Z])", " ".join(raw))[0]  # not "(March 9, 2024)" after it
            put("URL", clean_url(re.sub(r"(?i)^\s*(?:url|available\s+(?:at|from)|retrieved\s+from|online)\s*:?\s*",
                                        "", link)), segs)
        elif label == "doi":
            doi = next((d for d in (clean_doi(r) for r in raw) if d), "")
            if not doi and re.match(r"(?i)\s*(?:https?://|www\.)", raw[0]) and "URL" not in ref.fields:
                ref.fields["URL"] = clean_url(raw[0])  # a link the tagger took for a DOI
                note_conf("URL", segs)
                continue
            put("DOI", doi or _edge(re.sub(r"(?i)^\s*doi\s*:?\s*", "", raw[0])), segs)
        elif label == "isbn":
            put("ISBN", clean_isbn(raw[0]), segs)
        elif label in IDENTIFIERS:
            m = IDENTIFIERS[label][0].search(raw[0])
            if m:
                put(IDENTIFIERS[label][1], m.group("id"), segs)
                if label == "arxiv":
                    ref.extra["eprinttype"] = "arxiv"
        elif label == "accessed":
            t = re.sub(r"(?i)^\W*(?:last\s+)?(?:cited|citado|consultado|zitiert|accessed|cité|retrieved|viewed|consulted|"
                       r"abgerufen|zugriff|consulté)(?:\s+(?:on|am|le|el))?\s*:?\s*", "", " ".join(raw))
            t = re.sub(r"(?i),?\s*from\W*$", "", t).strip(" .,;:[]()")
            d = parse_dmy(t) if re.match(r"\d{1,2}[./]\s?\d{1,2}[./]", t) else _date(t)
            if d is not None and d.start:
                ref.dates["accessed"] = d
        elif label == "citation-number":
            n = raw[0].strip().strip("[]().:, ")
            if n:
                ref.fields["citation-number"] = n
                note_conf("citation-number", segs)
    _split_genre(ref)
    _number_off_title(ref)
    _tidy_containers(ref)
    url = ref.fields.get("URL", "")
    if re.match(r"(?i)https?://(?:dx\.)?doi\.org/10\.", url) and "DOI" not in ref.fields:
        ref.fields["DOI"] = clean_doi(ref.fields.pop("URL"))  # a DOI written as a link is the DOI
    vol = ref.fields.get("volume", "")
    if re.fullmatch(r"[A-Z]\d{1,3}|e\d{3,}", vol) and "page" not in ref.fields:  # "A3", article number "e1042"
        ref.fields["page"] = ref.fields.pop("volume")
    if re.fullmatch(rf"(?i){MONTH_RE}|spring|summer|autumn|fall|winter", ref.fields.get("issue", "")):
        ref.fields.pop("issue")  # "217 (December)": the month, not an issue
    labels = set(by_label)
    _container_as_publisher(ref, labels, by_label, conf)
    _split_publisher_place(ref)
    if not ref.fields.get("title") and ref.fields.get("container-title") and "journal" not in labels:
        ref.fields["title"] = ref.fields.pop("container-title")  # "Eds. Book Title. Publisher": the book itself
        labels.discard("container-title")
        if "container-title" in conf:
            conf["title"] = conf.pop("container-title")
    ref.type = _choose_type(ref.fields, labels, segments)
    return ref, calibrate(conf, review(segments, ref))


# Fields whose confidence (mean marginal probability of the tagger's labels) is below this are
# "unsure". On AnyStyle's gold-dev set, 0.8 flags about 9% of the references, and 40% of the
# flagged ones have a field wrong (against 15% of the rest).
LOW_CONFIDENCE = 0.8


def unsure_fields(confidences: dict[str, float], threshold: float = LOW_CONFIDENCE) -> list[str]:
    """The fields whose confidence is below ``threshold``, least sure first."""
    return [k for k, v in sorted(confidences.items(), key=lambda kv: kv[1]) if v < threshold]


def parse_reference(text: str, model: Model | str | Path | None = None, *,
                    previous: Reference | None = None) -> tuple[Reference, dict[str, float], list[Segment]]:
    """Tag one reference string and assemble it: (reference, confidence per field, segments)."""
    segments = tag(text, model)
    ref, conf = assemble(segments, text, previous=previous)
    return ref, conf, segments
