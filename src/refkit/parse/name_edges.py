"""Where the names at the head of a reference end.

References whose names end at a colon: German Wikipedia, DIN 1505 and much humanities writing.

    Wolfgang J. Mommsen: Das Ringen um den nationalen Staat. Propyläen, Berlin 1993.
    Michael Wildt, Ulrike Jureit (Hrsg.): Generationen. Hamburger Edition, Hamburg 2005.
    Koselleck, Reinhart: Einleitung. In: Brunner, Otto/Conze, Werner (Hg.): Geschichtliche ...

* Everything before the first ': ' that reads as a list of names is the authors (the editors with
  '(Hrsg.)', '(Hg.)', '(eds.)'), and the title starts after the colon: the tagger sometimes stops at
  the first name ('Wolfgang Jantzen, | Jan Steffens: Title') or runs into the title's first word
  ('Hartmut Rosa: Beschleunigung.').
* A year-like phrase right after such names ('Juli 1914. Eine Bilanz.') opens the title when the
  work is dated later ('Schöningh, Paderborn 2014').

A given name that is also a month's abbreviation ('Krüsken, Jan (2006):') is a name, not a date.

The edges of every other name list are here too (:func:`author_edges`, :func:`names_go_on`,
:func:`names_stop`, :func:`names_before_year`, :func:`collaboration`, :func:`role_groups`): a list
never ends in '&', 'Nguyen, T. Field Notes' is a name and a title, 'Paul MB Vitányi.' is one name,
names end at 'et al.', '(XENON Collaboration)' is an author, a role's bracket ends the names, and what
stands before a bracketed year that opens a reference is its author.

The colon rule acts when the tagger put names at the start, or a title that opens with people's names (a known
given name or an initial first, 'Hartmut Lessing: Beschleunigte Räume'): a title with a colon
('Mental Health: A Report') stays a title. Pure functions over segments; :func:`spans.relabel` does the cutting.
"""

from __future__ import annotations

import re

from refkit.parse.clean import is_org_name
from refkit.parse.fields import MONTH_RE, corporate_list
from refkit.parse.lexicon import PARTICLES, given_name
from refkit.parse.publication import PLACE_WORDS
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

_LEAD = re.compile(r"\s*(?:\[\d{1,4}[a-z]?\]|\d{1,4}\.(?=\s))?\s*")
_ROLE = re.compile(r"\s*\((?:Hrsg|Hg|Hgg|eds?|Eds?|dir|éds?|coords?|a cura di)\.?\)\s*$")
_SEP = re.compile(r"\s*(?:,|/|;|\bund\b|\band\b|&|\bet\b|\bu\.)\s*")
_PARTICLE = PARTICLES | {"zur", "vom", "y", "'t"}
_WORD = re.compile(r"[A-ZÀ-ÞĀ-Ž][^\W\d_]*(?:['’\-][^\W\d_]+)*\.?|[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.)*")


_ARTICLES = {"A", "An", "The", "Der", "Die", "Das", "Ein", "Eine", "Le", "La", "Les", "Un", "Une", "El", "Los", "Las",
             "Il", "Lo", "Gli", "Het", "Een", "On", "In", "Im", "Zur", "Über", "Vom"}
_INITIAL = re.compile(r"[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.)*|[A-Z]{1,3}")


def _name_chunk(chunk: str) -> bool:
    words = chunk.split()
    if not 1 <= len(words) <= 4:
        return False
    caps = 0
    for w in words:
        if w in _PARTICLE:
            continue
        if not _WORD.fullmatch(w) or len(w) > 20 or w in _ARTICLES or w.endswith(".") and not _INITIAL.fullmatch(w):
            return False
        caps += 1
    return caps >= 1 and words[-1] not in _PARTICLE and words[-1].lower() not in PLACE_WORDS


def _opens_with_given(chunk: str) -> bool:
    """'Jan Steffens', 'J. Steffens': a known given name or an initial first."""
    w = chunk.split()[0]
    return bool(_INITIAL.fullmatch(w)) or given_name(w)


_INV = r"[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+)?,\s+[A-ZÀ-Þ][\w'’.\-]*(?:\s+[A-ZÀ-Þ]\.)*"
_INVERTED_LIST = re.compile(rf"{_INV}(?:\s*(?:/|;|\bund\b|&|\bu\.)\s*{_INV})+")


def _corporate_lead(lead: str) -> bool:
    """'Bundeszentrale für politische Bildung', 'Deutsche Forschungsgemeinschaft': a body's name."""
    from refkit.parse.fields import CORPORATE_WORDS, ORG_WORDS

    words = lead.split()
    small = {"für", "of", "for", "der", "des", "die", "und", "and", "the", "de", "du", "la", "le", "y", "e", "et", "del"}
    return 1 <= len(words) <= 8 and not re.search(r"\d|[.!?,;]", lead) and \
        words[0][:1].isupper() and sum(1 for w in words if not w[:1].isupper() and w not in small) <= 1 and \
        bool(CORPORATE_WORDS.search(lead) or ORG_WORDS.search(lead))


def names_before_colon(lead: str) -> bool:
    """Whether ``lead`` (what stands before the first colon) is a list of personal names."""
    lead = _ROLE.sub("", lead).strip()
    if not lead or len(lead) > 160 or re.search(r"\d|[.!?]\s+[a-z]|\b(?:In|in|Im|Dans)\b", lead):
        return False
    chunks = [c for c in _SEP.split(lead) if c.strip()]
    if not chunks or len(chunks) > 14 or not all(_name_chunk(c) for c in chunks):
        return False
    return any(len(c.split()) >= 2 for c in chunks) or len(chunks) >= 2


def names_to_colon(segs: list[Segment], text: str) -> list[Segment]:
    """'Wolfgang Jantzen, | Jan Steffens: Inklusion ...': the names run to the first colon."""
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    colon = text.find(": ", start)
    if colon < 0 or colon - start > 160:
        return segs
    first = next((s for s in segs if s.end > start and s.label not in ("citation-number", "skip")), None)
    if first is None or first.label not in ("author", "editor", "title") or first.start > start + 1:
        return segs
    names = text[start:colon]
    if not names_before_colon(names):
        if first.label in ("author", "title") and first.start <= start + 1 and _corporate_lead(names) and \
                re.match(r"\s+[\"„“«A-ZÀ-Þ]", text[colon + 1:]) and not any(s.label == "author" and s.start > colon for s in segs):
            segs = relabel(segs, text, start, colon + 1, "author")  # "Bundeszentrale für politische Bildung: Title"
            nxt = next((s for s in segs if s.start > colon), None)
            if nxt is not None and nxt.label == "author":
                segs = relabel(segs, text, nxt.start, nxt.end, "title")
        return segs
    if first.label == "title":  # the tagger read the names as the title: only people's names are taken back
        if first.end <= colon or not all(_opens_with_given(c) for c in _SEP.split(_ROLE.sub("", names)) if c.strip()):
            return segs
        first = Segment("author", "", start, start)
    if first.end < colon:  # the tagger stopped early: the names it left out must look like people
        cut = [m.end() for m in _SEP.finditer(names)]
        whole = [start + c for c in cut if start + c >= first.end - 1]  # names that start after its end
        if whole and not all(_opens_with_given(c) for c in _SEP.split(_ROLE.sub("", text[whole[0]:colon])) if c.strip()) \
                and not _INVERTED_LIST.fullmatch(_ROLE.sub("", names).strip()):
            return segs  # "Decker, Frank/Neu, Viola (Hrsg.):" inverted names are names whatever they are
    label = "editor" if _ROLE.search(names) else first.label
    owner = [s for s in segs if s.start < colon + 1 and s.end > start]
    if all(s.label == label for s in owner) and owner[-1].end <= colon + 1:
        return _dated_title(segs, text, colon + 1)
    after = [s for s in segs if s.start <= colon < s.end or s.start > colon]
    segs = relabel(segs, text, start, colon + 1, label)
    if after and after[0].label == label:  # the tagger's names ran past the colon: that part opens the title
        nxt = next((s for s in segs if s.start > colon and s.label == label), None)
        if nxt is not None:
            segs = relabel(segs, text, nxt.start, nxt.end, "title")
    return _dated_title(segs, text, colon + 1)


def _dated_title(segs: list[Segment], text: str, after: int) -> list[Segment]:
    """'Gerd Krumeich: | Juli 1914. | Eine Bilanz. ... 2014.': a date right after the names, not in
    brackets, when a later date remains, is the start of the title."""
    k = next((i for i, s in enumerate(segs) if s.start >= after), None)
    if k is None or segs[k].label != "date" or re.match(r"\s*[(\[]", segs[k].text):
        return segs
    later = [s for s in segs[k + 1:] if s.label == "date"]
    if not later or not re.search(r"[^\W\d]{3}", segs[k].text):
        return segs
    end = segs[k].end
    if k + 1 < len(segs) and segs[k + 1].label == "title":
        end = segs[k + 1].end
    return relabel(segs, text, segs[k].start, end, "title")


_MONTHISH = re.compile(r"\s*(?P<w>[A-Z][a-zà-ÿ]{2,8})\s+(?=[(\[]?(?:1[5-9]|20)\d\d)")


def month_given_name(segs: list[Segment], text: str) -> list[Segment]:
    """'Ditton, Hartmut/Krüsken, | Jan (2006):': the word the tagger took for a month, between an
    inverted name that still waits for its given name and the bracketed year, is that given name."""
    for i, s in enumerate(segs[:-1]):
        nxt = segs[i + 1]
        if s.label in ("author", "editor") and nxt.label == "date" and s.text.rstrip().endswith(","):
            m = _MONTHISH.match(nxt.text)
            if m and (re.match(r"\s*[(\[]", nxt.text[m.end():]) or given_name(m.group("w"))):  # "Deitelhoff, | Nicole 2014:"
                return relabel(segs, text, s.start, nxt.start + m.end("w"), s.label)
        if s.label not in ("author", "editor", "citation-number"):
            break
    return segs


_U_A = re.compile(r"\s+(?:u\.\s?a\.|et\s+al\.)$")
_NEXT_NAME = re.compile(r"\s*(?:[A-ZÀ-Þ]\.?\s+)*(?P<w>[A-ZÀ-Þ][\w'’\-]+)(?:\s+(?:[A-ZÀ-Þ]\.?\s+)*[A-ZÀ-Þ][\w'’\-]+){1,2}"
                        r"(?:,|\s+(?:and|und|u\.|&)\s|\s*\(|:)")


def names_to_comma(segs: list[Segment], text: str) -> list[Segment]:
    """Historians' 'Martin Broszat, Der Staat Hitlers. ..., München 1969.', 'Norbert Frei u. a., Karrieren
    ...': people's names in their natural order (a known given name or a middle initial), then a comma and
    the title. A second name after the comma ('Mary Stone, Paul Kerr and ...') keeps the list going."""
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    comma = text.find(", ", start)
    if comma < 0 or comma - start > 80 or ":" in text[start:comma]:
        return segs
    first = next((s for s in segs if s.end > start and s.label not in ("citation-number", "skip")), None)
    if first is None or first.label not in ("author", "editor") or first.start > start + 1:
        return segs  # only where the tagger saw names at the start
    names = _U_A.sub("", text[start:comma])
    chunks = [c for c in re.split(r"\s+(?:u\.|und|and|&)\s+|\s*/\s*", names) if c.strip()]
    known = [given_name(c.split()[0].rstrip(".")) or len(c.split()) > 1 and
             re.fullmatch(r"[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.)*", c.split()[1]) is not None for c in chunks]
    if not chunks or not all(_name_chunk(c) and len(c.split()) >= 2 and not _INITIAL.fullmatch(c.split()[-1]) and
                             not c.split()[0].isupper() for c in chunks) or not (all(known) or len(chunks) >= 2 and any(known)):
        return segs  # "MOREAU C., LIND T.": family names first, a list ("Anselm X/Lutz Y": one known given name will do)
    after = text[comma + 2:]
    nxt = _NEXT_NAME.match(after)
    if not re.match(r"[\"„“«‚‘A-ZÀ-Þ]", after) or nxt is not None and nxt.group("w") not in _ARTICLES or \
            re.match(r"[A-ZÀ-Þ][\w'’\-]+,?\s+(?:[A-ZÀ-Þ]\.\s*)+[,&(]", after):
        return segs
    segs = relabel(segs, text, start, comma + 1, first.label)
    follow = next((s for s in segs if s.start > comma), None)
    if follow is not None and follow.label == first.label:
        segs = relabel(segs, text, follow.start, follow.end, "title")
    return segs


_SAME_AUTHOR = re.compile(r"\s*(?:Ders|Dies|Idem|Eadem|DERS|DIES)\.,?\s+")


def same_author_lead(segs: list[Segment], text: str) -> list[Segment]:
    """'Ders., Wehlers „Kaiserreich“. Eine ...': the same-author word is the whole author; what follows
    its comma opens the title."""
    m = _SAME_AUTHOR.match(text)
    if not m or not segs or segs[0].label not in ("author", "editor") or segs[0].end <= m.end():
        return segs
    segs = relabel(segs, text, segs[0].start, m.end(), segs[0].label)
    rest = next((s for s in segs if s.start >= m.end()), None)
    if rest is not None and rest.label in ("author", "editor"):
        segs = relabel(segs, text, rest.start, rest.end, "title")
    return segs


_HRSG_AFTER = re.compile(r"(?:^\s*|(?<=\bIn: ))(?P<names>[A-ZÀ-Þ][^.:;()]{1,150}?),\s+(?P<role>Hrsg|Hg|eds?|editors?)\.?\s+(?=[A-ZÄÖÜ„\"“])")


_LEAD_ROLE = re.compile(r"^\s*(?P<names>[A-ZÀ-Þ](?:[^.:;()\d]|(?<=\bu)\.|(?<=\b[A-ZÀ-Þ])\.){2,200}?)\s*(?P<role>\((?:Hrsg|Hg|Hgg|Eds?|eds?)\.?\)[,:.]?)\s")
_NAME_PART = re.compile(r"(?:(?:von|van|de|der|den|zu)\s)?[A-ZÀ-Þ][\w'’\-]*\.?(?:\s(?:von|van|de|der|den|zu|[A-ZÀ-Þ][\w'’\-]*\.?)){0,3}")
_ROLE_END = re.compile(r"(?:\(\s*(?:Hrsg|Hg|Hgg|Eds?|eds?|Red|éds?|dir)\.?\s*\)|,\s*(?:Hrsg|Hg|Hgg|eds?|Eds?)\.)\.?\s*$")


def role_after_names(segs: list[Segment], text: str) -> list[Segment]:
    """Vancouver's German 'Robert Koch-Institut, Hrsg. Gesundheit in ...' and 'In: Richter M, Hurrelmann K,
    Hrsg. Title ...': the names before ', Hrsg.' are the editors; so are leading names that end in
    '(Hrsg.).' or ', Hrsg.' ('van Dyk, S., & Lessenich, S. (Hrsg.). (2009).')."""
    if segs and segs[0].label == "author" and _ROLE_END.search(segs[0].text):
        segs = relabel(segs, text, segs[0].start, segs[0].end, "editor")
    elif len(segs) > 1 and segs[0].label == "author" and segs[1].label == "editor" and _ROLE_END.search(segs[1].text) and \
            not text[segs[0].end:segs[1].start].strip() and re.search(r",\s*$", segs[0].text):
        segs = relabel(segs, text, segs[0].start, segs[1].end, "editor")  # "Jacobs K, ..., Klauber J, | Schwinger A (Hrsg.)."
    lead = _LEAD_ROLE.match(text) if "(H" in text or "(e" in text or "(E" in text else None
    if lead and all(_NAME_PART.fullmatch(c) for c in re.split(r",\s*|\s+(?:u\.|und|and|&)\s+|\s*/\s*", lead.group("names")) if c):
        inside = [s for s in segs if s.start < lead.end("role") and s.end > 0]
        if inside and len(inside) > 1 and all(s.label in ("author", "editor", "title") for s in inside):
            # "Christoph Cornelißen, | Lutz Klinkhammer u. | Wolfgang Schwentker (Hg.), Book": all the editors
            segs = relabel(segs, text, lead.start("names"), lead.end("role"), "editor")
            nxt = next((s for s in segs if s.start >= lead.end("role")), None)
            if nxt is not None and nxt.label in ("container-title", "journal") and not any(s.label == "title" for s in segs):
                segs = relabel(segs, text, nxt.start, nxt.end, "title")
    for m in _HRSG_AFTER.finditer(text) if "Hrsg" in text or "Hg." in text or "ed" in text else ():
        inside = [s for s in segs if s.start < m.end("role") + 1 and m.start("names") < s.end]
        lower = [w for w in m.group("names").split() if w[:1].islower() and w not in _PARTICLE | {"für", "of", "for", "und", "and"}]
        if not inside or lower or any(s.label not in ("author", "editor", "title", "container-title", "note") for s in inside):
            continue  # "Un incontro senese in onore di Pierre Toubert, ed. ...": a title, not names
        end = m.end("role") + (1 if text[m.end("role"):m.end("role") + 1] == "." else 0)
        segs = relabel(segs, text, m.start("names"), end, "editor")
        nxt = next((s for s in segs if s.start >= end), None)
        if nxt is not None and nxt.label == "editor":
            segs = relabel(segs, text, nxt.start, nxt.end, "container-title" if m.start() > 3 else "title")
    return segs


_ROLE_WORD = re.compile(r"(?i)\b(?:eds?|editors?|edited|edd|hrsg|hg|hgg|herausgegeben|dir|dirs|éds?|coord|comp|comps|"
                        r"org|orgs|red|a\s+cura|trans|transl|translated|übers|trad|introd)\b|\(\s*(?:ed|eds|hrsg|hg)\b")


def editor_without_role(segs: list[Segment], text: str) -> list[Segment]:
    """Names that open a reference, taken for editors although no role word stands with them ('ed.',
    'Hrsg.', 'edited by'), are its authors."""
    first = next((s for s in segs if s.label not in ("citation-number", "skip")), None)
    if first is None or first.label != "editor" or first.start > 5:
        return segs
    k = segs.index(first)
    after = segs[k + 1].text if k + 1 < len(segs) else ""
    if _ROLE_WORD.search(first.text) or _ROLE_WORD.match(after.strip()) or any(
            s.label == "author" for s in segs):
        return segs
    return relabel(segs, text, first.start, first.end, "author")


def author_edges(segs: list[Segment], text: str) -> list[Segment]:
    """Where the names end: a name list never ends in '&' or 'and' ('Okafor, A. N. & Dryland
    Observatory Network. Daily soil ...' takes the next sentence), nor in a bare capitalised word
    run into the title ('Nguyen, T. Field Notes on ...'); '(no date b) Field notes' is a date and
    the start of the title."""
    for i, s in enumerate(segs[:-1]):
        nxt = segs[i + 1]
        if s.label == "author" and nxt.label == "title":
            if re.search(r"(?:&|\band|\bund|\bet)\s*$", s.text):
                m = re.match(r"\s*[^.?!\d]{3,80}?\.(?=\s|$)", nxt.text)
                if m:
                    return relabel(segs, text, nxt.start, nxt.start + m.end(), "author")
            caps = re.search(r"(?<=[A-Z]\.)\s+([A-Z][A-Z\d\-]+)\s*$", s.text)
            if caps and re.match(r"\s*(?:\d|[a-z])", nxt.text):  # "Izumi, F. | VESTA | 3 for Three-Dimensional ..."
                return relabel(segs, text, s.start + caps.start(1), s.end, "title")
            m = re.search(r"(?<=[A-Z]\.)\s+([A-Z][a-z]{2,})(?P<comma>,?)\s*$", s.text)
            if m and not re.search(r"[.:;)]\s*$", s.text) and "," in s.text and not s.text[:m.start()].count(","
                                                                                            ) > 1 and not (
                    m.group("comma") and (re.match(r"\s*(?:[A-Z]\.|[A-Z][\w'’\-]+,\s*[A-Z]\.|(?:and|&)\s)", nxt.text) or
                                          not re.fullmatch(r"\s*[^\W\d][\w'’\-]+,\s*(?:[A-Z]\.\s?-?){1,3}", s.text[:m.start()]))):
                return relabel(segs, text, s.start + m.start(1), s.end, "title")  # "Nguyen, T. | Boats, | Canals and ..."
            m = re.search(r"(?:&|\band)\s+[^\W\d][\w'’\-]*(?:\s[^\W\d][\w'’\-]*)?,\s*(?:[A-Z]\.\s?-?){1,3}\s+"
                          r"(?P<rest>(?!(?:Jr|Sr|II|III|IV)\b)[A-Z][\w'’\-]*(?:\s+[^\s&]+){0,10})\s*$", s.text)
            if m:  # "..., Kaplan, L. & Fitzgerald, P. | Climate Ocean: | A Modern Study.": the last name is whole
                return relabel(segs, text, s.start + m.start("rest"), s.end, "title")
            m = re.fullmatch(r"[^,]{2,40},\s*[A-Z][a-z]+(?:\s+[A-Z]\.)+\s+(?P<rest>[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,8}):\s*",
                             s.text)
            if m:  # "Botkin, Daniel B. | Discordant Harmonies: A New Ecology ...": the title's head ends at its colon
                return relabel(segs, text, s.start + m.start("rest"), s.end, "title")
        if s.label == "author" and nxt.label in ("container-title", "journal") and not any(o.label == "title" for o in segs):
            m = re.fullmatch(r"[^\W\d][\w'’\-]+,\s*(?:[A-Z]\.\s?-?){1,3}\s+(?P<rest>(?!(?:Jr|Sr)\b)[A-Z][a-z]{2,}\.)\s*", s.text)
            if m:  # Nature's "Jansen, M. | Polder. | Encyclopedia of water management (2016).": a one-word title
                return relabel(segs, text, s.start + m.start("rest"), s.end, "title")
        if s.label == "author" and (nxt.label == "title" or not any(o.label == "title" for o in segs)):
            m = re.fullmatch(r"(?P<names>[^,&]{2,40},\s*(?:[A-Z]\.\s?-?){1,3})\s+(?P<rest>[A-Z][a-z][^&]*?),?\s*", s.text)
            if m and len(m.group("rest").split()) >= 2 and not re.search(r"\b[A-Z]\.|,\s*(?:and|&|et|und)\b|"
                                                                             r"\b(?:and|&)\s+[A-Z][a-z]+\s+[A-Z]",
                                                                             m.group("rest")):
                return relabel(segs, text, s.start + m.start("rest"), s.end, "title")  # "Nguyen, T. Boats, Canals"
        if s.label in ("author", "date") and (nxt.label == "note" or nxt.label in ("publisher", "journal", "container-title") and
                                              re.match(r"[^.?!]*\b[a-z]{3,}\b[^.?!]*[.?!]\s+\S", nxt.text.strip())) and \
                not any(o.label == "title" for o in segs):  # "Tides and trust. | PsyArXiv.": a title before the server
            m = re.match(r"\s*(?!(?:Accessed|Retrieved|Available|Viewed|Cited|Online|URL)\b)[^\W\d]"
                         r"(?:[^.?!]|\.(?=\S)){2,250}?[.?!](?=\s|$)", nxt.text)
            if m:  # a reference with no title at all: its first sentence after the names or date is the title
                return relabel(segs, text, nxt.start, nxt.start + m.end(), "title")
        if s.label == "author" and nxt.label == "title" and not any(o.label == "date" for o in segs):
            m = re.match(r"\s*\(?(?:1[5-9]\d\d|20\d\d)(?:\s*[-\u2013]\s*(?:1[5-9]\d\d|20\d\d))?\)?\.(?=\s)", nxt.text)
            if m and m.end() < len(nxt.text.rstrip()):  # "Moreau, Claire. 1998–2003. A History of ...": the date
                return relabel(segs, text, nxt.start, nxt.start + m.end(), "date")
        if s.label == "date" and nxt.label == "title":
            m = re.match(r"\s*[(\[][^)\]]{1,30}[)\]][.,:]?\s+(?=[^\W\d])", s.text)
            if m and m.end() < len(s.text):
                return relabel(segs, text, s.start + m.end(), s.end, "title")
            if i and segs[i - 1].label == "date" and re.match(r"\s*[^\W\d]", s.text) and not re.search(
                    rf"\d|(?i:\b(?:{MONTH_RE}|n\.\s?d|no date|spring|summer|fall|autumn|winter|forthcoming|in press)\b)",
                    s.text):  # the rest of a date cut by the "(no date b)" pattern
                return relabel(segs, text, s.start, s.end, "title")
    return segs


_NAMEISH = re.compile(r"\s*((?:(?:[A-Z][\w'’\-]*\.?|[A-Z]{1,3})(?:\s+|,\s*)|(?:and|&)\s+)*?"
                      r"(?:[A-Z]{1,3}\s+[A-Z][\w'’\-]+|[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+))\s*:(?=\s)")


_COLLAB = re.compile(r"\s*\((?:the\s+)?(?P<c>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4}(?:\s+[Cc]ollaboration)?"
                     r"(?:\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4}(?:\s+[Cc]ollaboration)?)?)\)[,.]?")


def collaboration(segs: list[Segment], text: str) -> list[Segment]:
    """Physics' 'E. Aprile et al. (XENON Collaboration), Phys. Rev. Lett. ...': the collaboration is an
    author of its own."""
    for i, s in enumerate(segs):
        if s.label != "author":
            continue
        m = re.search(r"\bet\s?al\.?(?P<rest>" + _COLLAB.pattern + r")\s*$", s.text)
        if m:
            return relabel(segs, text, s.start + m.start("rest"), s.end, "author2")
        if i + 1 < len(segs) and re.search(r"\bet\s?al\.?\s*$", s.text):
            m = _COLLAB.match(segs[i + 1].text)
            if m:
                return relabel(segs, text, segs[i + 1].start, segs[i + 1].start + m.end(), "author2")
    return segs


_ROLE_WORDS = r"(?:Trans|Transl|Ed|Eds|Hrsg|Hg|Éd|Éds|Dir|Comp|Coord)\.?"


def role_groups(segs: list[Segment], text: str) -> list[Segment]:
    """APA's '(F. Larsen, Trans.). Kestrel Books.': the role's bracket ends the names, and what follows
    is the publisher; 'In H. Kimura, The Book' (no role word) names the book's author, not an editor."""
    for i, s in enumerate(segs):
        if s.label in ("translator", "editor"):
            m = re.search(rf"\b{_ROLE_WORDS}\)[.,]?\s+(?=[A-Z])", s.text)
            if m and not any(o.label == "publisher" for o in segs) and re.search(r"[A-Za-z]{3}", s.text[m.end():]):
                return relabel(segs, text, s.start + m.end(), s.end, "publisher")
        if s.label == "editor" and re.match(r"\s*In\s+", s.text) and not re.search(
                rf"(?i)\b(?:{_ROLE_WORDS}|edited|editors?|hrsg|herausgegeben)\b", s.text):
            if i + 1 < len(segs) and segs[i + 1].label in ("container-title", "journal"):
                return relabel(segs, text, s.start, s.end, "container-author")
            m = re.match(r"\s*In\s+(?:[A-Z]\.\s?)+[A-Z][\w'’\-]+(?:,?\s+(?:and|&)\s+(?:[A-Z]\.\s?)+[A-Z][\w'’\-]+)*,"
                         r"\s+(?=[A-Z])", s.text)
            if m and len(s.text) - m.end() > 3:  # "In K. Osei, Harbour songs": the book's author, then the book
                segs = relabel(segs, text, s.start + m.end(), s.end, "container-title")
                return relabel(segs, text, s.start, s.start + m.end(), "container-author")
    return segs


def names_stop(segs: list[Segment], text: str) -> list[Segment]:
    """Names end at 'et al.' ('Chabinyc, M. L. et al., J. Am. Chem. Soc.'); a 'title' that is only a
    year next to a date is part of the date ('2001[1953]')."""
    for i, s in enumerate(segs):
        if s.label == "author":
            m = re.search(r"\bet\s?al\.?,?\s+(?=\S)", s.text)
            if m and i + 1 < len(segs) and re.search(r"[A-Za-z]{2}", s.text[m.end():]):
                return relabel(segs, text, s.start + m.end(), s.end, segs[i + 1].label if segs[i + 1].label != "date"
                               else "journal")
        gm = re.match(r"\s*(?P<g>(?:[A-ZÀ-Þ][a-zà-ÿ'’\-]+|[A-Z]\.)(?:\s+(?:[A-ZÀ-Þ][a-zà-ÿ'’\-]+|[A-Z]\.)){0,2})\.\s+\S",
                      segs[i + 1].text) if s.label == "author" and i + 1 < len(segs) and segs[i + 1].label == "title" and \
            re.fullmatch(r"\s*[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+)?,\s*", s.text) else None
        if gm and not re.search(r"\b(?:The|A|An|On|Of|In|Der|Die|Das|Le|La|Les|El|Il)\b", gm.group("g")) and (
                " " not in s.text.strip() or given_name(gm.group("g").split()[0].rstrip(".")) or gm.group("g")[1] == "." or
                is_org_name(gm.group("g"))) and not given_name(s.text.split()[0]):  # (not "Pierre Bourdieu, | Sozialer Sinn. Kritik ...")
            # "Davis, | Natalie Zemon. Fiction in the Archives": a family name alone, then its given names
            return relabel(segs, text, s.start, segs[i + 1].start + gm.end("g") + 1, "author")
        hm = re.search(r"(?<=[^\W\d]{3})\.\s+(?P<h>[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,2}):\s*$|"
                       r"(?<=[^\W\d]{3}),\s+(?P<h2>[a-z][\w\-]{2,}):\s*$", s.text) \
            if s.label == "author" and i + 1 < len(segs) and segs[i + 1].label == "title" else None
        if hm:  # "..., Kristina Toutanova. | BERT: | Pre-training of ...", "I. Eriksen, smallarea: | Small-area ...":
            # the title's head, not a name
            return relabel(segs, text, s.start + hm.start("h" if hm.group("h") else "h2"), s.end, "title")
        if s.label == "title" and re.fullmatch(r"\s*(?:1[5-9]\d\d|20\d\d)[a-z]?\s*", s.text) and (
                i + 1 < len(segs) and segs[i + 1].label == "date" or i and segs[i - 1].label == "date"):
            return relabel(segs, text, s.start, s.end, "date")
    return segs


_LAST_FAMILIES = re.compile(r"\s*[A-Z][\w'’\-]+(?:,\s*[A-Z][\w'’\-]+)*\s*(?:&|and|und|et)\s*[A-Z][\w'’\-]+[.,]?\s*")


def names_go_on(segs: list[Segment], text: str) -> list[Segment]:
    """'AM Trinkoff, JA Lipscomb, J Geiger-Brown, CL Storr and BA Brady: Perceived ...' and
    'Rudi Cilibrasi and Paul MB Vitányi. Clustering ...': the names the title took back."""
    for i, s in enumerate(segs[:-1]):
        nxt = segs[i + 1]
        if s.label == "author" and nxt.label in ("journal", "container-title", "title", "publisher") and \
                i + 2 < len(segs) and segs[i + 2].label == "date" and s.text.rstrip().endswith(",") and \
                _LAST_FAMILIES.fullmatch(nxt.text):  # "Chiba, Nakanishi, | Fukuda & Yata | 1991"
            return relabel(segs, text, nxt.start, nxt.end, "author")
        if s.label != "author" or nxt.label != "title":
            continue
        m = re.match(r"\s*(?:[A-Z]\.\s?)*[A-Z][\w'’\-]+,?\s+et\s+al\.?(?=\s)", nxt.text)
        if m and m.end() < len(nxt.text.rstrip()):  # "Tom B. | Brown et al. Language Models ..."
            return relabel(segs, text, nxt.start, nxt.start + m.end(), "author")
        if re.search(r",\s*$", s.text) and re.match(r"\s*(?:[A-Z]{1,3}|(?:[A-Z]\.\s?){1,3})\s+[A-Z][\w'’\-]+,", s.text):
            m = _NAMEISH.match(nxt.text)  # initials-first names on both sides of the cut
            if m and len(m.group(1).split()) <= 8 and re.search(r"\b(?:[A-Z]{2,3}|[A-Z]\.)(?=\s)", m.group(1)):
                return relabel(segs, text, nxt.start, nxt.start + m.end(), "author")
        if s.text.rstrip().endswith(",") and re.search(r"\b[^\W\d_][^\W\d_]+(?:\s[A-Z]\.)?\s[^\W\d_][\w'’\-]+,\s*$", s.text):
            m = re.match(r"\s*(?:and\s+)?(?P<g>[^\W\d_][^\W\d_]+)(?P<i>(?:\s[A-Z]\.)*)\s[^\W\d_][\w'’\-]+\.(?=\s)", nxt.text)
            if m and m.end() < len(nxt.text.rstrip()) and (m.group("i") or given_name(m.group("g"))):
                # "Diederik P. Kingma, | Max Welling. Auto-Encoding ...", not "Pierre Bourdieu, | Sozialer Sinn. Kritik ..."
                return relabel(segs, text, nxt.start, nxt.start + m.end(), "author")
        if re.search(r"\b[A-Z][a-z]+\s+[A-Z]{1,3}\s*$", s.text):
            m = re.match(r"\s*[A-Z][\w'’\-]+\.(?=\s)", nxt.text)
            if m and m.end() < len(nxt.text.rstrip()):
                return relabel(segs, text, nxt.start, nxt.start + m.end(), "author")
    return segs


_ONE_GIVEN_FIRST = re.compile(r"(?:\[\d{1,4}\]\s*|\d{1,4}\.\s+)?(?P<name>(?P<given>[A-ZÀ-Þ][a-zà-ÿ]+)(?:\s+[A-Z]\.)*\s+"
                              r"(?:(?:van|von|de|der|da|di|du|le|la)\s+)*[A-ZÀ-Þ][\w'’\-]+\.)\s+(?=[A-Z])")


def one_name_first(segs: list[Segment], text: str) -> list[Segment]:
    """'David L. Donoho. Compressed sensing. IEEE ...', 'Serge Lang. Algebra, volume 211 ...' (natbib's
    .bbl): one given-first name (a known given name) and a full stop open the reference; the tagger cut
    it after the initials or took it for a journal. What follows, up to the next full stop, is the title
    when no title is left."""
    m = _ONE_GIVEN_FIRST.match(text)
    if not m or not given_name(m.group("given")):
        return segs
    inside = [s for s in segs if s.start < m.end("name") and m.start("name") < s.end]
    if not inside or all(s.label == "author" for s in inside) or inside[0].label not in ("author", "journal", "title",
                                                                                          "container-title", "publisher"):
        return segs
    tail = inside[-1]
    segs = relabel(segs, text, m.start("name"), m.end("name"), "author")
    if not any(s.label == "title" for s in segs) and tail.end > m.end("name"):
        t = re.match(r"\s*[^.]{2,200}?(?=[.,]\s|[.,]?$)", text[m.end("name"):tail.end])
        if t:
            segs = relabel(segs, text, m.end("name"), m.end("name") + t.end(), "title")
    return segs


_NAME_BARE_YEAR = re.compile(r"(?P<names>[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+)?,\s+[A-ZÀ-Þ][a-zà-ÿ]+(?:[\s\-][A-ZÀ-Þ][a-zà-ÿ]*\.?)?)"
                             r"\s+(?=(?:1[5-9]\d\d|20\d\d)[a-z]?:?\s+[A-Z\"“‘'])")  # (Mind's "Putnam, Hilary 1975: 'Title'")
_LEAD_BEFORE_YEAR = re.compile(
    r"(?:\[\d+\]\s*|\d{1,3}\.\s+)?(?P<names>[A-ZÀ-Þ](?:[^()\d:]|\([A-ZÄÖÜ][A-Za-zäöü]{1,10}\)){2,160}?(?:\s\([A-ZÄÖÜ][A-Za-zäöü]{1,10}\))?)\s*"
    r"(?P<role>\((?:Hg|Hgg|Hrsg|Ed|Eds|eds|ed|Red|éd|dir)"
    r"\.?\)\.?\s*)?(?=\((?:1[5-9]\d\d|20\d\d|o\.\s?J\.|n\.\s?d\.|s\.\s?f\.|i\.\s?E\.|forthcoming|in\s+press)[a-z]?\)"
    r"(?:\s*[:.,]|\s+(?=[A-Z„\"“‘]))|(?<=\)\s)(?:1[5-9]\d\d|20\d\d)[a-z]?:\s)")  # (or "(Hrsg.) 2008: Title")


def names_before_year(segs: list[Segment], text: str) -> list[Segment]:
    """'Bundesagentur für Arbeit (2020): Title', 'Zentrum für Türkeistudien (Hg.) (1994): Title': what
    stands before the bracketed year that opens a reference is its author (or editor), never a title."""
    pending = re.search(r"\((?:i\.\s?E\.|o\.\s?J\.|im\s+Erscheinen|in\s+Vorbereitung)\)", text[:200])
    if pending:  # "Manow, Philip (i. E.): Title": forthcoming, a date of its own
        segs = relabel(segs, text, pending.start(), pending.end(), "date")
    m = _LEAD_BEFORE_YEAR.match(text)
    aaa = None if m else _NAME_BARE_YEAR.match(text)
    if aaa:  # AAA's "Abu-Lughod, Lila 2002 Do Muslim Women ...": one name and a bare year
        inside = [s for s in segs if s.start < aaa.end("names") and aaa.start("names") < s.end]
        if inside and all(s.label in ("publisher", "location", "note", "title", "container-title", "journal") for s in inside):
            return relabel(segs, text, aaa.start("names"), aaa.end("names"), "author")
    if m and corporate_list(m.group("names")):  # "Bundesministerium für Familie, Senioren, Frauen und Jugend (Hg.)"
        end = m.end("role") if m.group("role") else m.end("names")
        return relabel(segs, text, m.start("names"), end, "editor" if m.group("role") else "author")
    if m and m.group("role") and re.search(r"[,/;]", m.group("names")) and all(
            s.label in ("author", "editor", "title") for s in segs if s.start < m.end("names")):
        segs = relabel(segs, text, m.start("names"), m.end("role"), "editor")  # "Suter, C./Levy, R. (Hg.) (2008):"
        y = re.match(r"\s*\((?:1[5-9]|20)\d\d[a-z]?\)|\s*(?:1[5-9]|20)\d\d[a-z]?(?=:\s)", text[m.end():])
        return relabel(segs, text, m.end(), m.end() + y.end(), "date") if y else segs
    if m:  # "Hegre, Håvard; Joakim Karlsen, | Håvard Strand & Henrik Urdal (forthcoming)": the names run to the year
        lead = [s for s in segs if s.start < m.end("names")]
        if lead and lead[0].label in ("author", "editor") and lead[0].end < m.end("names") and \
                all(s.label in ("author", "editor", "title") for s in lead) and \
                re.fullmatch(r"[\s,;&]*(?:(?:and|und|&)\s+)?(?:[A-ZÀ-Þ][\w'’\-]*\.?\s*(?:,|;|&|and|und)?\s*)+",
                             text[lead[0].end:m.end("names")]):
            segs = relabel(segs, text, lead[0].start, m.end("names"), lead[0].label)
    if not m or any(s.label in ("author", "editor") and s.start < m.end("names") for s in segs) or \
            re.search(r"[^\W\d]{3}\.$", m.group("names")) or not re.search(r"[^\W\d]{3}", text[m.end() + 7:]):
        return segs  # "Proceedings of the Meeting. (2019).": a title, then its year, then nothing
    inside = [s for s in segs if s.start < m.end("names") and m.start("names") < s.end]
    if not inside or any(s.label not in ("title", "container-title", "journal", "publisher", "note", "location") for s in inside):
        return segs  # (a place: "Bellenberg, Gabriele/im Brahm, Grit (2019):" read for "Opladen/Toronto")
    end = m.end("role") if m.group("role") else m.end("names")
    return relabel(segs, text, m.start("names"), end, "editor" if m.group("role") else "author")
