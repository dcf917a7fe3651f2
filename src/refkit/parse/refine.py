"""Corrections the tagger's labels get before assembly, from patterns that are certain in print.

Each pass finds a pattern in the reference text and relabels the characters it covers, cutting
segments where needed (a segment is a character range with a label, see ``tagger.Segment``):

* identifiers: ``arXiv:1412.6980``, ``PMID: 12140307``, ``PMCID: PMC1234567``, ``ISBN 978-...``
  get labels of their own (``arxiv``, ``pmid``, ``pmcid``, ``isbn``), wherever the tagger put them;
* Vancouver/NLM's compact block ``2002 Jul 25;347(4):284-7`` becomes date, volume (with the issue)
  and pages;
* web furniture: ``[Internet]``, ``[online]``, ``[cited 2022 Jul 20]``, ``Available from:``,
  ``Disponível em:``, ``Retrieved March 9, 2024, from``, ``Accessed ...`` become ``accessed`` or
  ``skip`` so that they do not stay in a title or container.

Everything here is pure and works on any reference (no style is assumed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refkit.parse.fields import MONTH_RE
from refkit.parse.lexicon import FAMILY_NAMES, GIVEN_NAMES
from refkit.parse.tagger import Segment

ARXIV_RE = re.compile(r"\barXiv\s*:?\s*(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
                      r"(?:\s*\[[\w.\-]+\])?", re.I)
PMID_RE = re.compile(r"\bPMID\s*:?\s*(?P<id>\d{4,9})\b")
PMCID_RE = re.compile(r"\b(?:PMCID\s*:?\s*)?(?P<id>PMC\d{4,9})\b")
ISBN_RE = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*(?P<id>(?:97[89][\s\-]?)?\d[\d\s\-]{7,14}[\dXx])\b")
_SEASON = r"(?:Spring|Summer|Fall|Autumn|Winter)"
COMPACT_RE = re.compile(
    rf"(?P<date>(?<![\d.])(?:1[5-9]\d\d|20\d\d)[a-z]?(?:\s+(?:{MONTH_RE}|{_SEASON})(?:\s*[-–]\s*{MONTH_RE})?"
    rf"(?:\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)?)?)(?:\s*\[[^\]]{{1,40}}\])?\s*"
    r"(?P<vol>;\s*(?:\d+[A-Za-z]?(?:\s*\([^)]{1,20}\))?|\([^)]{1,20}\))(?:\s*(?:Suppl|Pt)\.?\s*\d*)?)"
    r"(?P<pages>\s*:\s*[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–]\s*[A-Za-z]?\d+[A-Za-z]?)?)?"
)
_VNAME = r"(?:[a-z]+\s){0,2}[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+){0,2}\s[A-ZÀ-Þ]{1,4}(?:\s(?:Jr|Sr|[a-z]{2,5}))?"
VANC_AUTHORS_RE = re.compile(rf"^(?:\[\d+\]\s*|\d+\.\s+)?(?P<names>(?:{_VNAME},\s)*{_VNAME}(?:,\set\sal)?\.)(?=\s)")
_VANC_START = re.compile(r"^(?:\[\d+\]\s*|\d+\.\s+)?(?:[a-z]+\s){0,2}[^\W\d][\w'’\-]*(?:\s[^\W\d][\w'’\-]*){0,2}"
                         r"\s[A-ZÀ-Þ]{1,4}\b")
PAGES_ONLY_RE = re.compile(r"(?P<date>(?<![\d.])(?:1[5-9]\d\d|20\d\d));\s*(?P<pages>\d+\s*[-–]\s*\d+)(?=[.\s]|$)")
SERIES_RE = re.compile(r"\((?=[A-Z])[^()]{4,90}?;\s*(?:no|vol|nr|v|n°)\.?:?\s*\d+[A-Za-z]?\)")
VERSION_RE = re.compile(r"\(?\b(?:Version|Vers\.|Ver\.|v\.)\s?\d+(?:\.\d+)+[a-z]?\)?,?|\(Version\s+\d+\)")
PRESS_RE = re.compile(r"(?<=[.,] )(?:In press|in press|Forthcoming|forthcoming|Im Druck|sous presse)(?=[.,])|"
                      r"\[(?:c\.\s?|ca\.\s?)?(?:1[5-9]\d\d|20\d\d)\??\]|\((?:c\.|ca\.|circa)\s?(?:1[5-9]\d\d|20\d\d)\??\)")
ND_RE = re.compile(r"\((?:n\.\s?d\.|no date|s\.\s?f\.|o\.\s?J\.)(?:\s?-?[a-z])?\)|(?<!\w)n\.\s?d\.-[a-z]\b|"
                   r"(?<=, )(?:n\.\s?d\.|o\.\s?J\.|s\.\s?f\.)(?=\s*$|[\s,.;]+(?:[A-Z(\[]|https?:|$))")
WEB_SKIP_RE = re.compile(r"\[(?:Preprint|preprint|Pre-print)\]|\bAdvance online publication\b\.?|\[Online\]\.?\s*Available\s*:?|\[(?:Internet|online|Online|en l[íi]nea|En ligne|Online-Ausgabe)\]|"
                         r"\b(?:Available|Disponible|Disponível|Verfügbar)\s+(?:from|at|online|en|em|unter)\s*:?|"
                         r"\bDisponível em\s*:?", re.I)
_ADATE = (rf"(?:{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{MONTH_RE}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
          r"\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{4}\s+[A-Z][a-z]{2}\s+\d{1,2})")
ACCESSED_RE = re.compile(
    rf"[(\[]?\b(?:Accessed|Retrieved|Viewed|Consulted|Last accessed|Abgerufen(?:\s+am)?|Zugriff(?:\s+am)?|"
    rf"Consulté\s+le|Consultado(?:\s+el)?)(?:\s+on)?\s*:?\s*{_ADATE}[)\]]?(?:,?\s+from\b)?", re.I)
CITED_RE = re.compile(r"\[(?:cited|citado|consultado|zitiert|accessed|cité)\b[^\]]{3,40}\]", re.I)


def _relabel(segments: list[Segment], text: str, start: int, end: int, label: str) -> list[Segment]:
    """Give ``text[start:end]`` the label ``label``, cutting the segments it overlaps."""
    out: list[Segment] = []
    placed = False
    for s in segments:
        if s.end <= start or s.start >= end:
            if s.start >= end and not placed:
                out.append(Segment(label, text[start:end], start, end, 1.0))
                placed = True
            out.append(s)
            continue
        if s.start < start:
            a, b = s.start, start
            out.append(Segment(s.label, text[a:b], a, b, s.confidence))
        if not placed:
            out.append(Segment(label, text[start:end], start, end, 1.0))
            placed = True
        if s.end > end:
            a, b = end, s.end
            out.append(Segment(s.label, text[a:b], a, b, s.confidence))
    if not placed:
        out.append(Segment(label, text[start:end], start, end, 1.0))
    return [s for s in out if s.text.strip()]


def refine(segments: Sequence[Segment], text: str) -> list[Segment]:
    """Apply the certain patterns to tagger output (see the module docstring)."""
    segs = list(segments)
    if not text:
        return segs
    low = text.lower()
    ids = [(rx, lab) for rx, lab, key in ((ARXIV_RE, "arxiv", "arxiv"), (PMCID_RE, "pmcid", "pmc"),
                                          (PMID_RE, "pmid", "pmid"), (ISBN_RE, "isbn", "isbn")) if key in low]
    for rx, label in ids:
        for m in rx.finditer(text):
            if label == "pmcid" and not re.match(r"(?i)PMCID", m.group()) and any(
                    s.label in ("url", "doi") and s.start <= m.start() < s.end for s in segs):
                continue  # a PMC number inside a link stays in the link
            segs = _relabel(segs, text, m.start(), m.end(), label)
    vm = VANC_AUTHORS_RE.match(text) if _VANC_START.match(text) else None
    if vm and _natural_order(vm, text):
        vm = None
    if vm:  # "Larsen F. Afterword. In: ...": the names end at the initials' full stop
        a, b = vm.span("names")
        if any(s.label == "author" and s.start < b for s in segs):
            segs = _relabel(segs, text, a, b, "author")
            nxt = re.match(r"\s*([^.?!]{2,200}[.?!])(?=\s|$)", text[b:])
            if nxt and all(s.label == "author" for s in segs if s.start < b + nxt.end(1) and s.end > b + nxt.start(1)):
                segs = _relabel(segs, text, b + nxt.start(1), b + nxt.end(1), "title")
    semi = ";" in text
    for m in PAGES_ONLY_RE.finditer(text) if semi else ():  # "2021;810-25": a year and pages, no volume
        segs = _relabel(segs, text, m.start("date"), m.end("date"), "date")
        segs = _relabel(segs, text, m.start("pages"), m.end("pages"), "pages")
    for m in COMPACT_RE.finditer(text) if semi else ():
        if PAGES_ONLY_RE.match(text, m.start()):
            continue
        if any(s.label in ("url", "doi", "title") and s.start <= m.start() < s.end and s.confidence > 0.95
               for s in segs) and not m.group("pages"):
            continue
        if re.search(r"(?i)\bn[°º]|\bvol", text[max(0, m.start() - 6):m.start()]):
            continue
        d0, d1 = m.span("date")
        segs = _relabel(segs, text, d0, d1, "date")
        v0, v1 = m.span("vol")
        segs = _relabel(segs, text, v0 + 1 + (len(text[v0 + 1:v1]) - len(text[v0 + 1:v1].lstrip())), v1, "volume")
        if m.group("pages"):
            p0, p1 = m.span("pages")
            p0 = text.index(":", p0) + 1
            while p0 < p1 and text[p0].isspace():
                p0 += 1
            segs = _relabel(segs, text, p0, p1, "pages")
    for m in SERIES_RE.finditer(text) if semi else ():  # Vancouver's "(Lecture Notes in X; no. 214)"
        segs = _relabel(segs, text, m.start(), m.end(), "collection-title")
    for m in VERSION_RE.finditer(text) if ("ver" in low or "v." in low) else ():  # a software or data version is not part of a title or container
        segs = _relabel(segs, text, m.start(), m.end(), "note")
    for m in PRESS_RE.finditer(text) if ("press" in low or "forthcoming" in low or "druck" in low or "[" in text or
                                          "c" in low) else ():  # "In press", "[1750?]", "(forthcoming)" stand where the year would
        segs = _relabel(segs, text, m.start(), m.end(), "date")
    for m in ND_RE.finditer(text) if ("n." in low or "no date" in low or "s." in low or "o." in low) else ():  # "(n.d.-a)", "(no date b)": no date, with a letter
        segs = _relabel(segs, text, m.start(), m.end(), "date")
    acc = any(k in low for k in ("access", "retriev", "view", "consult", "abgeruf", "zugriff"))
    for m in ACCESSED_RE.finditer(text) if acc else ():
        segs = _relabel(segs, text, m.start(), m.end(), "accessed")
    for m in CITED_RE.finditer(text) if "[" in text else ():
        segs = _relabel(segs, text, m.start(), m.end(), "accessed")
        pm = re.match(r":\s*([A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?)(?=[.\s]|$)", text[m.end():])
        if pm:  # NLM's "[cited 2022 Jul 20]:A3": the pages follow
            segs = _relabel(segs, text, m.end() + pm.start(1), m.end() + pm.end(1), "pages")
    web = "[" in text or any(k in low for k in ("availab", "dispon", "verfügbar", "advance online"))
    for m in WEB_SKIP_RE.finditer(text) if web else ():
        if not any(s.label in ("url", "doi") and s.start < m.end() and m.start() < s.end for s in segs):
            segs = _relabel(segs, text, m.start(), m.end(), "skip")
    for m in PP_RE.finditer(text) if "p" in low else ():  # "pp. 2001–2012": pages, whatever the numbers look like
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if inside and all(s.label in ("date", "pages", "volume") for s in inside):
            segs = _relabel(segs, text, m.start(), m.end(), "pages")
    segs = _author_edges(segs, text)
    segs = _title_runs_on(segs, text)
    segs = _title_period(segs, text)
    for m in EDITION_RE.finditer(text) if ("ed" in low or "aufl" in low or "éd" in low) else ():
        inside = [s for s in segs if s.start <= m.start() < s.end]
        if inside and inside[0].label in ("note", "publisher", "location", "volume", "genre", "date"):
            segs = _relabel(segs, text, m.start(), m.end(), "edition")
    for m in DAY_MONTH_RE.finditer(text) if re.search(MONTH_RE, text) else ():
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if inside and all(s.label in ("volume", "date", "journal", "container-title", "pages", "location", "note")
                          for s in inside) and any(s.label == "date" for s in inside):
            segs = _relabel(segs, text, m.start(), m.end(), "date")
    segs = _report_parts(segs, text, low)
    return _merge(segs, text) if len(segs) != len(segments) or any(
        a is not b for a, b in zip(segs, segments, strict=False)) else segs


EDITION_RE = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th|e|er|re|\.)|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Rr]evised|"
                        r"[Ee]xpanded)\s+(?:ed|edn|edition|Aufl|Auflage|éd|édition)\b\.?")
# MLA's "17 May 2020", IEEE's "Jan. 30, 2021": a whole date, not a volume and a month
DAY_MONTH_RE = re.compile(rf"\b(?:\d{{1,2}}\s+{MONTH_RE}\s+(?:1[5-9]\d\d|20\d\d)|{MONTH_RE}\s+\d{{1,2}},\s+(?:1[5-9]\d\d|20\d\d))\b")


def _author_edges(segs: list[Segment], text: str) -> list[Segment]:
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
                    return _relabel(segs, text, nxt.start, nxt.start + m.end(), "author")
            m = re.search(r"(?<=[A-Z]\.)\s+([A-Z][a-z]{2,})\s*$", s.text)
            if m and not re.search(r"[.,:;)]\s*$", s.text) and "," in s.text and not s.text[:m.start()].count(","
                                                                                            ) > 1:
                return _relabel(segs, text, s.start + m.start(1), s.end, "title")
        if s.label in ("author", "date") and nxt.label == "note" and not any(o.label == "title" for o in segs):
            m = re.match(r"\s*(?!(?:Accessed|Retrieved|Available|Viewed|Cited|Online|URL)\b)[^\W\d]"
                         r"(?:[^.?!]|\.(?=\S)){2,250}?[.?!](?=\s|$)", nxt.text)
            if m:  # a reference with no title at all: its first sentence after the names or date is the title
                return _relabel(segs, text, nxt.start, nxt.start + m.end(), "title")
        if s.label == "author" and nxt.label == "title" and not any(o.label == "date" for o in segs):
            m = re.match(r"\s*\(?(?:1[5-9]\d\d|20\d\d)(?:\s*[-\u2013]\s*(?:1[5-9]\d\d|20\d\d))?\)?\.(?=\s)", nxt.text)
            if m and m.end() < len(nxt.text.rstrip()):  # "Moreau, Claire. 1998–2003. A History of ...": the date
                return _relabel(segs, text, nxt.start, nxt.start + m.end(), "date")
        if s.label == "date" and nxt.label == "title":
            m = re.match(r"\s*[(\[][^)\]]{1,30}[)\]][.,:]?\s+(?=[^\W\d])", s.text)
            if m and m.end() < len(s.text):
                return _relabel(segs, text, s.start + m.end(), s.end, "title")
            if i and segs[i - 1].label == "date" and re.match(r"\s*[^\W\d]", s.text) and not re.search(
                    rf"\d|(?i:\b(?:{MONTH_RE}|n\.\s?d|no date|spring|summer|fall|autumn|winter|forthcoming|in press)\b)",
                    s.text):  # the rest of a date cut by the "(no date b)" pattern
                return _relabel(segs, text, s.start, s.end, "title")
    return segs


def _title_runs_on(segs: list[Segment], text: str) -> list[Segment]:
    """'Narrative Voice in Translated Japanese Fiction': a translator (or editor) part with no role
    word that continues a title with no punctuation between them is still the title."""
    for i, s in enumerate(segs):
        if i and s.label in ("translator", "editor") and segs[i - 1].label == "title" and \
                re.search(r"\w$", segs[i - 1].text.rstrip()) and not re.search(
                    r"(?i)\b(?:by|trans|transl|tr|übers|übersetzt|trad|ed|eds|edd|hg|hrsg|dir|éd|comp|coord)\b\.?", s.text) \
                and not re.search(r"(?i)translated\s+by|edited\s+by", s.text):
            segs = _relabel(segs, text, s.start, s.end, "title")
    return segs


PP_RE = re.compile(r"\bpp\.\s*\d+\s*[-\u2013]\s*\d+\b")
_PERIOD_RE = re.compile(r"\s*(1[4-9]\d\d|20\d\d)\s*[-\u2013\u2014]\s*(1[4-9]\d\d|20\d\d)\W*")


def _title_period(segs: list[Segment], text: str) -> list[Segment]:
    """'Collected Letters, 1921-1934. Ponte, 2012': a span of years after a title's comma ends the
    title; it is not the pages, nor the date when the work has a date of its own elsewhere."""
    for i, s in enumerate(segs):
        if i == 0 or s.label not in ("pages", "date"):
            continue
        m = _PERIOD_RE.match(s.text)
        prev = segs[i - 1]
        if not m or int(m.group(1)) >= int(m.group(2)) or not prev.text.rstrip().endswith(","):
            continue
        rest_dated = bool(re.search(r"\b(?:1[5-9]\d\d|20\d\d)\b", s.text[m.end():]))
        if m.end() < len(s.text) and not rest_dated:
            continue
        if s.label == "date" and not rest_dated and not any(o.label == "date" for o in segs[i + 1:]):
            continue
        if prev.label == "journal" and not any(o.label == "title" for o in segs):
            segs = _relabel(segs, text, prev.start, prev.end, "title")
        elif prev.label != "title":
            continue
        segs = _relabel(segs, text, s.start, s.start + len(m.group(0).rstrip()), "title")
    return segs


_CODE = r"[A-Za-z]{0,6}[\-\u2013]?\d[\w./\-\u2013]*"
_NUMBER_PHRASE = re.compile(
    rf"(?i)(?P<g>(?:[A-Z][\w-]*\s+){{0,3}}(?:report|paper|brief|note|memorandum|series|bericht|rapport|documento))?"
    rf"\s*(?:no|nos|nr|number|n[°º])\.?\s*:?\s*(?P<n>{_CODE})")
_BRACKET_GROUP = re.compile(r"\((?P<a>[^();]{2,80});\s*(?P<b>[^();]{2,80})\)")
# "NAB-23/114", "w31877", "CBO-2019-04": a report's code standing alone between separators
_LONE_CODE = re.compile(r"(?<=[.,:]\s)(?P<n>[A-Za-z]{1,6}-\d+(?:[-/]\d+)+|[A-Za-z]{1,6}-\d{2,}|[A-Za-z]{1,2}\d{3,})"
                        r"(?=[.,;]\s|[.,;]?$)")
_GENRE_BRACKET_TAIL = re.compile(r"\[[^\]]{3,40}\][.,]?\s+(?P<place>[A-Z][\w'’.\- ]{1,40}?)\s*:\s*$")


def _report_parts(segs: list[Segment], text: str, low: str) -> list[Segment]:
    """Report numbers get a label of their own ("number"): '(No. W31877; BLR Working Paper Series)',
    '(BLR Working Paper Series; Report no.: W31877)', 'Working paper nos.: 2021-07', a lone code
    such as 'NAB-23/114' where a container, place or pages would be; '[Working paper]. Cape Town:'
    gives its place back."""
    if not re.search(r"\d", text):
        return segs
    for m in _BRACKET_GROUP.finditer(text) if "(" in text else ():
        for num, other in (("a", "b"), ("b", "a")):
            nm = _NUMBER_PHRASE.fullmatch(m.group(num).strip())
            if nm and re.search(r"(?i)\b(?:series|papers?|reports?|reihe|studies|notes)\b", m.group(other)):
                n0 = m.start(num) + (len(m.group(num)) - len(m.group(num).lstrip())) + nm.start("n")
                segs = _relabel(segs, text, m.start(other), m.end(other), "collection-title")
                g0 = m.start(num) + (len(m.group(num)) - len(m.group(num).lstrip()))
                w0 = g0 + nm.end("g") if nm.group("g") else g0
                segs = _relabel(segs, text, w0, n0, "skip")  # "No.", "no.:"
                if nm.group("g"):
                    segs = _relabel(segs, text, g0 + nm.start("g"), g0 + nm.end("g"), "genre")
                segs = _relabel(segs, text, n0, n0 + len(nm.group("n")), "number")
                break
    for s in list(segs):
        if s.label == "genre":
            gm = _GENRE_BRACKET_TAIL.search(s.text)
            if gm:
                segs = _relabel(segs, text, s.start + gm.start("place"), s.end, "location")
    if any(s.label == "number" for s in segs):
        return segs
    for m in _LONE_CODE.finditer(text):
        inside = [s for s in segs if s.start <= m.start() < s.end]
        if inside and inside[0].label in ("pages", "journal", "container-title", "location", "publisher", "note", "genre",
                                          "volume") and not (inside[0].label == "pages" and
                                                             re.fullmatch(r"[eEsSpPaA]?\d+", m.group("n"))):
            pm = re.search(r"(?i)\b(?:no|nr|nos)\.?\s*$", text[:m.start("n")])
            if pm:  # MLA's "no. w31877,"
                segs = _relabel(segs, text, pm.start(), m.start("n"), "skip")
            segs = _relabel(segs, text, m.start("n"), m.end("n"), "number")
            break
    return segs


def _natural_order(vm: re.Match[str], text: str) -> bool:
    """'Michael T. Anderson.', 'Eric J. Rossetter, Joshua P. Switkes, and ...': given name, middle
    initial, family name, not a Vancouver 'Family I.' followed by the title."""
    names = vm.group("names")
    if "," in names:
        return False
    nxt = re.match(r"\s*([A-Z][\w'’\-]+)(\s*,|\s+(?:and|&)\s|\.)", text[vm.end("names"):])
    if not nxt:
        return False
    if nxt.group(2) != ".":
        return True  # the names go on: "Rossetter, Joshua P. ...", "Bobier and J. ..."
    first = re.sub(r"^(?:\[\d+\]\s*|\d+\.\s+)", "", names).split(" ")[0].lower()
    return (first in GIVEN_NAMES and first not in FAMILY_NAMES) or nxt.group(1).lower() in FAMILY_NAMES


def _merge(segs: list[Segment], text: str) -> list[Segment]:
    """Punctuation left between cut segments joins the segment before it; neighbours with the same
    label become one."""
    out: list[Segment] = []
    for s in segs:
        if out and (s.label == out[-1].label or not re.search(r"\w", s.text)):
            prev = out[-1]
            out[-1] = Segment(prev.label, text[prev.start:s.end], prev.start, s.end,
                              min(prev.confidence, s.confidence) if s.label == prev.label else prev.confidence)
            continue
        out.append(s)
    return out
