"""Where a name list ends, whatever style printed it: the edges of the authors the tagger found.

A list never ends in '&' or 'and' ('Okafor, A. N. & Dryland Observatory Network. Daily soil ...'), nor in a
bare capitalised word run into the title ('Nguyen, T. Field Notes on ...'); 'Paul MB Vitányi.' is one name,
names end at 'et al.', '(XENON Collaboration)' is an author, a role's bracket ends the names, and what stands
before a bracketed year that opens a reference is its author. The colon and comma rules of humanities
styles ('Wolfgang J. Mommsen: Das Ringen ...') are in :mod:`refkit.parse.name_edges`.

Pure functions over segments (``tagger.Segment``); :func:`spans.relabel` does the cutting.
"""

from __future__ import annotations

import re

from refkit.parse.clean import is_org_name
from refkit.parse.fields import MONTH_RE, corporate_list
from refkit.parse.lexicon import given_name
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment


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
# names with their initials after them, as planetary science prints them: "Farley K. A. et al.", "Bell J. F. III",
# "Grotzinger J. P. and Milliken R. E."
_ONE_INITIALS_AFTER = r"[A-ZÀ-Þ][\w'’\-]+(?:\s(?:[A-ZÀ-Þ]\.\s?-?)+)(?:\s(?:Jr\.|Sr\.|II|III|IV))?"
_INITIALS_AFTER = re.compile(rf"{_ONE_INITIALS_AFTER}(?:(?:,\s|,?\s(?:and|&)\s){_ONE_INITIALS_AFTER})*(?:,?\set\sal\.)?")
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
    if m and not m.group("role") and _INITIALS_AFTER.fullmatch(m.group("names").strip()):
        return relabel(segs, text, m.start("names"), m.end("names"), "author")  # "Bell J. F. III et al. (2021)"
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
