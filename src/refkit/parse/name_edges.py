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

Historians' given-first names before a comma ('Martin Broszat, Der Staat Hitlers'), 'Ders.,', the editors
before '(Hg.),' and ', Hrsg.' are here too; the edges of every other name list are in
:mod:`refkit.parse.name_lists`.

The colon rule acts when the tagger put names at the start, or a title that opens with people's names (a known
given name or an initial first, 'Hartmut Lessing: Beschleunigte Räume'): a title with a colon
('Mental Health: A Report') stays a title. Pure functions over segments; :func:`spans.relabel` does the cutting.
"""

from __future__ import annotations

import re

from refkit.parse.lexicon import PARTICLES, given_name
from refkit.parse.publication import PLACE_WORDS
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

_LEAD = re.compile(r"\s*(?:\[\d{1,4}[a-z]?\]|\d{1,4}\.(?=\s))?\s*")
_ROLE = re.compile(r"\s*\((?:Hrsg|Hg|Hgg|Begr|eds?|Eds?|dir|éds?|coords?|a cura di)\.?\)\s*$")
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
        body = _ROLE.sub("", names).strip()
        acronym = re.fullmatch(r"[A-ZÄÖÜ][A-Za-zÄÖÜ]{1,7}", body) is not None and sum(c.isupper() for c in body) >= 2
        if first.label in ("author", "title") and first.start <= start + 1 and (_corporate_lead(body) or acronym) and \
                re.match(r"\s+[\"„“«A-ZÀ-Þ]", text[colon + 1:]) and not any(s.label == "author" and s.start > colon for s in segs):
            role = "editor" if _ROLE.search(names) else "author"  # "Bundesministerium des Innern (Hrsg.): Title", "KGSt: Title"
            segs = relabel(segs, text, start, colon + 1, role)  # "Bundeszentrale für politische Bildung: Title"
            nxt = next((s for s in segs if s.start > colon), None)
            if nxt is not None and nxt.label in ("author", "editor", "container-title"):
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
                and not _INVERTED_LIST.fullmatch(_ROLE.sub("", names).strip()) and not re.fullmatch(_INV, _ROLE.sub("", names).strip()):
            return segs  # "Decker, Frank/Neu, Viola (Hrsg.):", "Di Fabio, Udo:": inverted names are names whatever they are
    label = "editor" if _ROLE.search(names) else first.label
    owner = [s for s in segs if s.start < colon + 1 and s.end > start]
    if all(s.label == label for s in owner) and owner[-1].end <= colon + 1:
        return _dated_title(_title_after(segs, text, colon), text, colon + 1)
    after = [s for s in segs if s.start <= colon < s.end or s.start > colon]
    segs = relabel(segs, text, start, colon + 1, label)
    if after and after[0].label == label:  # the tagger's names ran past the colon: that part opens the title
        nxt = next((s for s in segs if s.start > colon and s.label == label), None)
        if nxt is not None:
            segs = relabel(segs, text, nxt.start, nxt.end, "title")
    return _dated_title(_title_after(segs, text, colon), text, colon + 1)


def _title_after(segs: list[Segment], text: str, colon: int) -> list[Segment]:
    """'Kunig, Philip (Hrsg.): | Grundgesetz-Kommentar, Bd. 1': with no title found, what follows the names' colon is it."""
    nxt = next((s for s in segs if s.start > colon), None)
    if nxt is not None and nxt.label in ("author", "publisher") and not any(s.label == "title" for s in segs):
        segs = relabel(segs, text, nxt.start, nxt.end, "title")
    return segs


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


_SAME_AUTHOR = re.compile(r"\s*(?:Ders|Dies|Idem|Eadem|DERS|DIES)\.[,:]?\s+")


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
_ROLE_END = re.compile(r"(?:\(\s*(?:Hrsg|Hg|Hgg|Begr|Eds?|eds?|Red|éds?|dir)\.?\s*\)|,\s*(?:Hrsg|Hg|Hgg|eds?|Eds?)\.)[.:]?\s*$")


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


_WORD_AFTER_INITIALS = re.compile(r"[\w'’\-]+,\s(?:[A-Z]\.\s?-?)+\s*(?P<w>(?!(?:Jr|Sr|Hrsg|Hg|Eds?|eds?|et)\b)[^\W\d_][\w\-+.]*[\w+]):\s*$")


def title_word_after_initials(segs: list[Segment], text: str) -> list[Segment]:
    """Nature's 'Hunter, J. D. Matplotlib: A 2D graphics environment.': the one word between the last
    initials and a colon opens the title ('Matplotlib: ...'), it is no part of the names."""
    first = next((s for s in segs if s.label not in ("citation-number", "skip")), None)
    if first is None or first.label != "author" or ":" not in first.text[-3:]:
        return segs
    m = _WORD_AFTER_INITIALS.search(first.text)
    nxt = next((s for s in segs if s.start >= first.end), None)
    if not m or nxt is None or nxt.label != "title" or given_name(m.group("w")):
        return segs  # ("Lepsius, M. Rainer: Parteiensystem ...": a given name after the initial)
    return relabel(segs, text, first.start + m.start("w"), nxt.end, "title")
