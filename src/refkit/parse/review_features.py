"""The evidence behind the "unsure" report: checks of a parsed reference's shape, each a reason.

:func:`shape_reasons` looks at the labelled segments and the assembled reference and returns
``(field, reason)`` pairs for what a right parse would not show: a field the tagger found twice,
text left over, a value whose shape does not fit its field (a container ending in a day number, a
publisher with a bracket left open, pages with no digit, a family name that is only an initial),
or a type the fields contradict (a book with a page range, an article without a journal).
The checks are general: none depends on a style or on particular items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refkit.model import Name, Reference
from refkit.parse.fields import MONTH_RE
from refkit.parse.tagger import Segment

# labels a reference has once: two segments apart mean the tagger split a field or merged two
SINGLE = {"title", "journal", "date", "volume", "pages", "publisher", "location", "doi", "url", "edition",
          "isbn", "container-title", "citation-number", "genre", "collection-title"}
LABEL_FIELD = {"title": "title", "journal": "container-title", "container-title": "container-title",
               "date": "issued", "volume": "volume", "pages": "page", "publisher": "publisher",
               "location": "publisher-place", "doi": "DOI", "url": "URL", "edition": "edition", "isbn": "ISBN",
               "author": "author", "editor": "editor", "translator": "translator", "note": "note",
               "genre": "genre", "collection-title": "collection-title", "citation-number": "citation-number"}
# a note that says one of these is furniture (an access date, a medium, a language), not a lost field
OK_NOTE = re.compile(
    r"(?i)accessed|retrieved|viewed|cited|consulted|abgerufen|zugriff|consulté|available|verfügbar|online|"
    r"\[?in\s+[A-Z]?[a-z]+\]?|original(?:ly)?|reprint|published|translated|press|forthcoming|abstract|"
    r"unpublished|manuscript|preprint|dataset|software|video|podcast|version|\bv\.?\s?\d|supplement|erratum|"
    r"thesis|dissertation|report|paper|series|\bpp?\.|\bvol|\bno\.|\bissn|\bpmid|\barxiv|\bhttps?:|\bzit(?:iert)?\.|cited\s+as")
MONTH = MONTH_RE
PUBLISHER_WORD = re.compile(r"\b(?:Press|Verlag|Publish\w*|Books|Editions?|Éditions|Inc|Ltd|GmbH)\b")
JOURNAL_WORD = re.compile(r"(?i)\b(?:journal|review|revista|revue|rivista|zeitschrift|quarterly|bulletin|"
                          r"annals|annales|letters|transactions|proceedings|magazine|gazette|acta)\b")
ORG_WORD = re.compile(r"(?i)^(?:statistics|office|bureau|ministry|ministère|department|council|institute|"
                      r"agency|association|society|foundation|commission|committee|organi[sz]ation|group|"
                      r"centre|center|university|library|museum|trust|board|service|world|national|"
                      r"european|international|united|federal|royal)$")
COMMON_WORDS = {"the", "of", "and", "in", "on", "for", "to", "a", "an", "with", "from", "by", "at", "as", "or",
                "is", "are", "was", "new", "paper", "presented", "available", "retrieved", "accessed"}
PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter",
             "ten", "zu", "af", "al", "el", "bin", "ibn", "y", "e", "st", "st."}
_WORD = re.compile(r"\w")


_ND = re.compile(r"(?i)(?<!\w)n\.\s?d\b")

def _name_reasons(field: str, names: list[Name]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for n in names:
        if n.others or n.literal:
            continue
        fam = n.family.split()
        giv = n.given.split()
        if fam and all(re.fullmatch(r"[A-Z]{1,3}|(?:[A-Z]\.\s?-?){1,4}", w) for w in fam):  # not ABNT's "MYERS"
            out.append((field, f"family name {n.family!r} is only initials"))
        elif len(fam) > 1 and re.fullmatch(r"[A-Z]{1,3}|[A-Z]-[A-Z]", fam[-1]):
            out.append((field, f"family name {n.family!r} ends with initials"))
        elif len([w for w in fam if w.lower() not in PARTICLES and w[:1].isupper()]) >= 2 and not re.search(
                r"[-’']", n.family):
            out.append((field, f"family name {n.family!r} has two words"))
        if len(giv) >= 4:
            out.append((field, f"given names {n.given!r} are four words or more"))
        if any(w[:1].islower() and w.lower() not in PARTICLES and len(w) > 1 for w in giv):
            out.append((field, f"given names {n.given!r} hold a lower-case word"))
        if fam and fam[0][:1].islower() and fam[0].lower() not in PARTICLES:
            out.append((field, f"family name {n.family!r} is in lower case"))
        if any(ORG_WORD.match(w) for w in fam + giv):
            out.append((field, f"{n.given} {n.family} looks like an organisation"))
        if any(w.lower() in COMMON_WORDS for w in fam + giv):
            out.append((field, f"{n.given} {n.family} holds a common word"))
        if any(ch.isdigit() for ch in n.family + n.given) or re.search(r"(?<!\w)n\.\s?d\b", n.family + " " + n.given):
            out.append((field, f"{n.given} {n.family} holds a digit"))
    return out


def _two_years(a: str, b: str) -> bool:
    """Two date parts with different years (not "2003 ... August 28" or "1973 ... Forthcoming")."""
    ya, yb = (set(re.findall(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", x)) for x in (a, b))
    return bool(ya and yb and ya != yb)


def segment_reasons(segments: Sequence[Segment]) -> list[tuple[str, str]]:
    """Reasons from the labelled segments alone: a field found twice, leftover text."""
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, s in enumerate(segments):
        lab = s.label
        if not _WORD.search(s.text):
            continue
        nxt = segments[i + 1] if i + 1 < len(segments) else None
        if lab in SINGLE and lab in seen and seen[lab] < i - 1:
            if lab == "volume" and re.match(r"\s*(?:H\.|Heft|Nr\.|No\.|Issue|n[°º])\s*\d", s.text):
                pass  # "49. Jg. (2018), H. 2": the volume, the year, then the issue
            elif lab != "date" or _two_years(segments[seen[lab]].text, s.text):
                out.append((LABEL_FIELD.get(lab, lab), f"two {lab} parts"))
        seen[lab] = i
        if lab == "volume" and re.match(r"\s*\d+\s+vols?\b", s.text, re.I):
            out.append(("volume", f"{s.text.strip()!r} counts volumes"))
        if lab == "edition" and not re.search(r"(?i)\bed|edn|edition|aufl|rev|\d(?:st|nd|rd|th|e)\b", s.text):
            out.append(("edition", f"edition {s.text.strip()!r} does not say edition"))
        if lab == "pages" and re.fullmatch(r"\s*\d{1,2}\W*", s.text) and any(
                t.label == "date" and re.search(MONTH, t.text) for t in segments[max(i - 1, 0):i + 2]):
            out.append(("page", f"pages {s.text.strip()!r} may be the day of a date"))
        if nxt is not None and nxt.label == "date" and lab not in ("date", "pages") and re.match(
                MONTH, nxt.text.strip()) and re.search(r",\s*\d{1,2}[,.]?\s*$", s.text):
            out.append((LABEL_FIELD.get(lab, lab), f"{lab} ends with what may be the day of the date"))
        if lab in ("title", "container-title", "journal") and s.text.rstrip().endswith(":") and nxt is not None \
                and nxt.label in ("publisher", "location", "note", "collection-title", "genre", "title"):
            out.append((LABEL_FIELD[lab], f"{lab} {s.text.strip()[-20:]!r} stops at a colon"))
        if lab == "date" and re.search(r"\d{4}[^;:]*[;:]\s*[A-Za-z]?\d", s.text):
            out.append(("issued", f"date {s.text.strip()!r} holds a number after it"))
        if lab == "date" and not re.search(rf"\d{{4}}|{MONTH}|(?i:n\.\s?d|spring|summer|autumn|fall|winter|press|"
                                          rf"forthcoming|no date|s\.\s?f|o\.\s?J|\d{{1,2}}[./-]\d{{1,2}})", s.text):
            out.append(("issued", f"date {s.text.strip()!r} has no year"))
        if lab == "note" and re.search(r"(?i)\bwebsite\b", s.text):
            out.append(("container-title", f"a site named in a note {s.text.strip()[:40]!r}"))
        if lab == "note" and not OK_NOTE.search(s.text):
            if len(re.findall(r"[^\W\d_]{3,}", s.text)) >= 2 or re.search(r"\d", s.text):
                out.append(("note", f"leftover text {s.text.strip()[:40]!r}"))
    return out


def _abbreviated(name: str) -> bool:
    """'Commun. ACM', 'Astrophys. J.', 'ACM Trans. Comput. Syst.': a journal's abbreviated name, whose full
    stops end words, not sentences."""
    words = name.split()
    dotted = [w for w in words if re.fullmatch(r"[A-Z][a-z]{0,9}\.", w)]
    return bool(dotted) and all(w[:-1].lower() in _ABBREVIATIONS for w in dotted) and \
        all(w[0].isupper() or w in ("of", "and", "&") for w in words)


_ABBREVIATIONS = frozenset("""j am int rev trans proc commun comput syst sci phys chem biol med res lett appl eng soc econ
    math stat psychol astrophys astron geophys ann bull nat acad natl assoc inst mol clin environ ecol evol genet
    neurosci opt mech mater inf theor exp adv conf symp q z anal surv softw netw intell mach learn recognit vis graph
    robot autom electron electr nucl quant stud hist philos polit sociol anthropol ling lit educ manag bus financ
    account leg public nurs pharm dent vet agric nutr biochem biophys microbiol immunol oncol cardiol neurol pediatr
    surg radiol mon not roy astr ser technol ind cogn behav dev sust gen br eur jpn can aust ger fr ital""".split())


def field_reasons(ref: Reference) -> list[tuple[str, str]]:
    """Reasons from the shape of the assembled fields."""
    out: list[tuple[str, str]] = []
    f = ref.fields
    vol = f.get("volume", "")
    if vol and not re.search(r"\d|^[IVXLCDM]+$", vol):
        out.append(("volume", f"volume {vol!r} has no number"))
    elif vol and re.search(r"[;:]|\d\D+\d|\d\.\d", vol):
        out.append(("volume", f"volume {vol!r} holds more than one number"))
    page = f.get("page", "")
    lone = vol if vol and not page else page if page and not vol else ""
    if lone and re.fullmatch(r"\d{1,4}", lone) and "issue" not in f and f.get("container-title") and \
            ref.type in ("article-journal", "article-magazine", "article-newspaper") and not (
                ref.type == "article-newspaper" and len(getattr(ref.dates.get("issued"), "start", ())) == 3):
        which = "volume" if vol else "page"  # "Science Digest, 35.": a volume, or a page with no volume?
        out.append((which, f"a lone number {lone!r} after the journal: volume or page?"))
    if page and (re.match(r"\W", page) or ";" in page):
        out.append(("page", f"pages {page!r} are not a range"))
    if page and not re.search(r"\d|^[ivxlcdm]+(?:\s*[-–]\s*[ivxlcdm]+)?$", page, re.I):
        out.append(("page", f"pages {page!r} have no number"))
    title = f.get("title", "")
    if title and (len(title) < 3 or len(title) > 300):
        out.append(("title", "implausible title length"))
    if title.count("(") != title.count(")") or title.count("[") != title.count("]"):
        out.append(("title", f"title {title[-20:]!r} has a bracket left open"))
    if re.match(r"\d\s+[A-Z][a-z]", title):
        out.append(("title", f"title {title[:20]!r} starts with a lone number (a volume?)"))
    if title and re.fullmatch(r"[\d\W]+", title):
        out.append(("title", f"title {title!r} is only a number"))
    if re.search(r"\[[^\]]+\]$", title):
        out.append(("title", f"title ends with a description {title[title.rindex('['):]!r}"))
    if title[:1] in "“«\"‘" and re.search(r"[”»\"’]\s*[,.;:]?\s+\w", title) and not re.search(r"[“«\"‘]", title[1:]):
        out.append(("title", "text after the quoted title"))
    for k in ("title", "container-title", "publisher", "publisher-place", "collection-title"):
        v = f.get(k, "")
        if v and re.match(r"(?i)(?:in|and|&|ed\.|eds\.)\W*$|(?:in|im|dans)\s+\(", v):
            out.append((k, f"{k} {v[:30]!r} is a connective"))
    cont = f.get("container-title", "")
    if cont and re.search(rf"(?:,\s*[A-Z]?\d{{1,4}}|\s[A-Z]?\d{{1,4}}|\bn\.\s?d\.?|(?<!\d)(?:1[5-9]|20)\d\d|,\s*{MONTH}(?:\s+\d{{1,2}})?)$", cont):
        out.append(("container-title", f"container {cont[-20:]!r} ends with a date or number"))
    if cont and re.search(r"\.\s+[A-Z]", cont) and PUBLISHER_WORD.search(cont.split(". ")[-1]):
        out.append(("container-title", "a publisher inside the container"))
    elif cont and re.search(r"[a-z]{4,}\.\s+[A-Z]", cont) and not _abbreviated(cont):
        # "Encyclopedia of water management. Lowlands Reference" (not "Commun. ACM", "ACM Trans. Comput. Syst.")
        out.append(("container-title", f"container {cont[:30]!r} runs on after a full stop"))
    genre = f.get("genre", "")
    if genre and re.search(r"(?i)\bseries\b|\b(?:no|nos|nr)\b\.?", genre):
        out.append(("genre", f"genre {genre[:30]!r} holds a series"))
    pub = f.get("publisher", "")
    if pub and re.search(r"\d", pub):
        out.append(("publisher", f"publisher {pub!r} holds a number"))
    if pub and re.search(r"\s[a-z]{3,}$", pub) and not re.search(r"\b(?:and|und|et|of|de|für|verlag)$", pub) and \
            not re.search(r"(?i)\bprinted\b|\bprivately\b|\bthe author\b|\bself-published\b", pub):
        out.append(("publisher", f"publisher {pub!r} ends with a lower-case word"))
    for k in ("title", "container-title", "publisher", "collection-title"):
        if "d" in f.get(k, "") and _ND.search(f.get(k, "")):
            out.append((k, f"'n.d.' inside the {k}"))
    if cont and (re.match(r"\W", cont) or re.fullmatch(rf"{MONTH}|(?i:spring|summer|autumn|fall|winter)", cont)):
        out.append(("container-title", f"container {cont[:20]!r} is not a name"))
    if pub and re.search(r"(?<!\bUniv)(?<!\bInst)(?<!\bCorp)(?<!\bDept)(?<!\bAssoc)(?<!\bAcad)(?<!\bPubl)(?<!\bNatl)"
                         r"(?<!\bIntl)(?<!\bSoc)(?<!\bLtd)(?<!\bInc)(?<=[a-z]{3})\.\s+[A-Z]", pub):
        out.append(("publisher", f"publisher {pub[:30]!r} runs on after a full stop"))
    for k in ("title", "container-title", "publisher", "publisher-place"):
        v = f.get(k, "")
        if re.search(r"(?i)\b(?:vol|pp|nos?|iss)\.\s*\d|https?:|www\.|\bdoi\b|\b10\.\d{4,}/|\bURL\b|"
                     r"\bpublished online\b|\bretrieved\b|\bavailable (?:at|from)\b|\baccessed\b", v):
            out.append((k, f"{k} {v[:30]!r} holds a number, page or link marker"))
    if cont and re.match(r"in:?\s", cont):
        out.append(("container-title", f"container {cont[:20]!r} starts with 'in'"))
    for k in ("title", "container-title"):
        v = f.get(k, "")
        if re.search(r"[.?!]\s+In:?\s+[A-Z]", v):
            out.append((k, f"{k} holds 'In' and another title"))
        elif k == "title" and re.search(r"[a-z]{3,}\.\s+[A-Z][a-z]+", v):
            out.append((k, f"{k} runs on after a full stop"))
    place = f.get("publisher-place", "")
    if place and (re.search(r"\d|(?:,\s*|^)pp?\.?$", place) or len(place.split()) > 5 or re.fullmatch(
            rf"{MONTH}|(?i:spring|summer|autumn|fall|winter)", place)):
        out.append(("publisher-place", f"place {place!r} does not look like a place"))
    if pub and JOURNAL_WORD.search(pub) and not PUBLISHER_WORD.search(pub):
        out.append(("publisher", f"publisher {pub!r} is named like a journal"))
    genre = f.get("genre", "")
    if re.search(r"\d", genre) and "number" not in f:
        out.append(("genre", f"genre {genre!r} holds a number"))
    if ";" in genre:
        out.append(("genre", f"genre {genre!r} is two parts"))
    ed = f.get("edition", "")
    if ed and not re.search(r"\d|(?i:first|second|third|fourth|fifth|sixth|revised|new|expanded|rev)", ed):
        out.append(("edition", f"edition {ed!r} is not an edition"))
    issued = ref.dates.get("issued")
    if issued is not None and issued.start and not 1500 <= issued.start[0] <= 2100:
        out.append(("issued", "year out of range"))
    for role in ("author", "editor", "translator"):
        out += _name_reasons(role, ref.names.get(role, []))
    return out


def type_reasons(ref: Reference, labels: set[str]) -> list[tuple[str, str]]:
    """Reasons from a type the fields contradict."""
    out: list[tuple[str, str]] = []
    f = ref.fields
    t = ref.type
    if t == "article-journal" and not f.get("container-title"):
        out.append(("type", "an article without a journal"))
    if t in ("chapter", "paper-conference") and not f.get("container-title"):
        out.append(("type", "a chapter without a book"))
    if t == "book" and re.search(r"\d\s*[-–]\s*\d|^\d+$", f.get("page", "")):
        out.append(("type", "a book with a page range (a chapter without its book?)"))
    if t == "book" and f.get("page") and not f.get("container-title"):
        out.append(("type", "a book with pages"))
    if t == "book" and f.get("URL") and not f.get("publisher-place") and not re.search(
            r"(?i)\b(?:repository|index|archive|zenodo|figshare|dryad|github|gitlab|pypi|cran|dataverse)\b",
            f.get("publisher", "")) and not re.search(r"(?i)\bversion\b|\bv\.?\s?\d|software|data ?set",
                                                       f.get("note", "") + " " + f.get("genre", "")):
        out.append(("type", "a book with a web link and no place (a web page?)"))
    if t == "thesis" and not (f.get("publisher") or f.get("publisher-place")):
        out.append(("type", "a thesis with no school"))
    if "journal" in labels and "publisher" in labels and "volume" not in labels and "pages" not in labels:
        out.append(("type", "a journal with a publisher but no volume or pages"))
    return out


def missing_reasons(segments: Sequence[Segment], ref: Reference) -> list[tuple[str, str]]:
    """Reasons from a field every reference has and this one lacks."""
    out: list[tuple[str, str]] = []
    f = ref.fields
    title = f.get("title", "")
    if not title and not f.get("container-title"):
        out.append(("title", "no title"))
    text = " ".join(s.text for s in segments if s.label not in ("accessed", "url", "doi"))
    if "issued" not in ref.dates and re.search(r"(?<![\d/.])(?:1[5-9]\d\d|20\d\d)(?![\d/])", text):
        out.append(("issued", "a year in the text but no date"))
    elif "issued" not in ref.dates and "accessed" in ref.dates and ref.type not in ("webpage", "post", "post-weblog"):
        out.append(("issued", "an access date but no date of publication"))
    if "page" not in f and any(s.label == "volume" and re.search(r"\d\s*:\s*[A-Za-z]?\d", s.text) for s in segments):
        out.append(("page", "pages printed after the volume but not found"))
    for role in ("author", "editor"):
        names = [n for n in ref.names.get(role, []) if not n.others]
        if any(not n.literal and not n.given and not re.fullmatch(r"(?i)anon(?:ymous|yme|imo|ym)?\.?", n.family)
               for n in names):
            out.append((role, "a name with no given name"))
    return out


def org_and_reasons(segments: Sequence[Segment], ref: Reference) -> list[tuple[str, str]]:
    """An organisation's name cut at its "and" ("Organisation for Economic Co-operation and
    Development" read as an organisation and a person called Development)."""
    text = " ".join(s.text for s in segments if s.label == "author")
    names = ref.names.get("author", [])
    for a, b in zip(names, names[1:], strict=False):
        if a.literal and b.family and not b.literal and not re.search(
                r"(?i)\b(?:group|network|consortium|collaboration|committee|council|team|society|association|"
                r"board|agency|office|institute|foundation|union|organi[sz]ation)$", a.literal) and re.search(
                rf"{re.escape(a.literal)}\s+(?:and|&|und|et)\s+{re.escape(b.family)}\b", text):
            return [("author", f"{a.literal!r} and {b.family!r}: one organisation cut at 'and'?")]
    return []


def name_order_reasons(segments: Sequence[Segment], ref: Reference) -> list[tuple[str, str]]:
    """A family name read before a full given name with no comma between them ("Marta Li" taken as
    family Marta, given Li): in lists that invert only the first name, the rest were misread."""
    out: list[tuple[str, str]] = []
    for role in ("author", "editor"):
        text = " ".join(" ".join(s.text for s in segments if s.label == role).split())
        for n in ref.names.get(role, []):
            giv = n.given.split()
            if n.family and giv and _GIVEN_WORD.fullmatch(giv[0]) and _printed_as(text, f"{n.family} {' '.join(giv)}"):
                out.append((role, f"{n.family}, {n.given}: the family name comes first in print"))
                break
    return out


_GIVEN_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ][\w'’-]*\.?")


def _printed_as(text: str, words: str) -> bool:
    """``words`` occur in ``text`` as whole words (no regex per name: the patterns' cache stays warm)."""
    at = text.find(words)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(words)] if at + len(words) < len(text) else " "
        if not (before.isalnum() or before in "_.") and not (after.isalnum() or after == "_"):
            return True
        at = text.find(words, at + 1)
    return False
