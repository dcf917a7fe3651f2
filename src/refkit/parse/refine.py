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

from refkit.parse.boundaries import fix_boundaries
from refkit.parse.fields import MONTH_RE
from refkit.parse.lexicon import FAMILY_NAMES, GIVEN_NAMES
from refkit.parse.spans import relabel as _relabel
from refkit.parse.tagger import Segment

ARXIV_RE = re.compile(r"\barXiv\s*:?\s*(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
                      r"(?:\s*\[[\w.\-]+\])?", re.I)
DOI_RE = re.compile(r"(?:\bdoi\s?:\s?|\bDOI\s+|https?://(?:dx\.)?doi\.org/|(?<=[,;] )(?=10\.\d{4,9}/\S+$))"
                    r"10\.\d{4,9}/[^\s\"<>]+?(?=[.,;]?(?:\s|$))", re.I)  # also a bare DOI ending the reference
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
PAGES_ONLY_RE = re.compile(r"(?P<date>(?<![\d.])(?:1[5-9]\d\d|20\d\d))(?:;\s*|:\s+)(?P<pages>\d+\s*[-–]\s*\d+)(?=[.\s]|$)")
SERIES_RE = re.compile(r"\((?=[A-Z])[^()]{4,90}?;\s*(?:no|vol|nr|v|n°)\.?:?\s*\d+[A-Za-z]?\)")
VERSION_RE = re.compile(r"\(?\b(?:Version|Vers\.|Ver\.|[vV]\.)\s?\d+(?:\.\d+)+[a-z]?\)?,?|\(Version\s+\d+\)|"
                        r"(?<=\. )Version\s+\d{1,3}(?=\.\s)")
PRESS_RE = re.compile(r"(?<=[.,] )(?:In press|in press|Forthcoming|forthcoming|Im Druck|sous presse)(?=[.,]|\s*$)|"
                      r"\((?:[Ii]n press|[Ff]orthcoming|[Ii]m Druck|sous presse|en prensa|no prelo|in corso di stampa)\)|"
                      r"\[(?:c\.\s?|ca\.\s?)?(?:1[5-9]\d\d|20\d\d)\??\]|\((?:c\.|ca\.|circa)\s?(?:1[5-9]\d\d|20\d\d)\??\)")
ND_RE = re.compile(r"\((?:n\.\s?d\.|no date|s\.\s?f\.|o\.\s?J\.)(?:\s?-?[a-z])?\)|(?<!\w)n\.\s?d\.-[a-z]\b|"
                   r"(?<=, )(?:n\.\s?d\.|o\.\s?J\.|s\.\s?f\.)(?=\s*$|[\s,.;]+(?:[A-Z(\[]|https?:|$))|"
                   r"(?<=[a-zäöü] )o\.\s?J\.(?=[\s,.;]*$|,\s)")  # historians' "München o. J."
_YEAR_PAIR = re.compile(r"\((?:1[5-9]|20)\d\d[a-z]?\s*/\s*(?:1[5-9]|20)\d\d[a-z]?\)")
WEB_SKIP_RE = re.compile(r"\[(?:Preprint|preprint|Pre-print)\]|\bAdvance online publication\b\.?|\[Online\]\.?\s*Available\s*:?|\[(?:Internet|online|Online|en l[íi]nea|En ligne|Online-Ausgabe)\]|"
                         r"\b(?:Available|Disponible|Disponível|Verfügbar)\s+(?:from|at|online|en|em|unter)\s*:?|"
                         r"\bDisponível em\s*:?|\bURL\s*:(?=\s*(?:https?://|www\.))|\[[Ss]\.\s?[ln]\.\]|"
                         r"\b(?:online\s+)?(?:verfügbar\s+)?unter\s*:?(?=\s*(?:https?://|www\.))|\bIm\s+Internet\s*:", re.I)
_ADATE = (rf"(?:{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+(?:{MONTH_RE}|Okt\.|Dez\.|Mrz\.|Mär\.)\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
          r"\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{4}\s+[A-Z][a-z]{2}\s+\d{1,2})")
ACCESSED_RE = re.compile(
    rf"[(\[]?\b(?:(?:zuletzt|letzter)\s+)?(?:Accessed|Retrieved|Viewed|Consulted|Last accessed|Abgerufen(?:\s+am)?|Zugriff(?:\s+am)?|"
    rf"Consulté\s+le|Consultado(?:\s+el|\s+em)?|Acesso\s+em|Accedido\s+el|Data\s+di\s+accesso|Stand|Zugegriffen(?:\s+am)?|Abruf(?:datum)?(?:\s+am)?|"
    rf"Überprüfungsdatum)(?:\s+on)?\s*:?\s*{_ADATE}"
    rf"[)\]]?(?:,?\s+(?:from|von|de|em)\b)?", re.I)
# a loose-leaf work's or a web page's "as of": "Stand: 99. EL September 2022", "(Stand: 2010)", "Stand: Februar 2023"
STAND_RE = re.compile(rf"[(\[]?\bStand\s*:?\s*(?:\d{{1,3}}\.\s*(?:EL|Erg\.?-?\s?Lfg\.?|Lfg\.|Ergänzungslieferung)\s*,?\s*)?"
                      rf"(?:{MONTH_RE}\s+)?(?:1[5-9]|20)\d\d(?!\d)[)\]]?")
# a lawyer's "(zit.: Bearbeiter, in: Maunz/Dürig, GG)": how the work is cited, a note
CITED_AS_RE = re.compile(r"\(\s*(?:zit(?:iert)?\.?(?:\s+als)?|cited\s+as)\s*:?\s*[^()]{2,120}\)")
# a lawyer's margin number: "Rn. 650", "Rn. C 12", "Rn. 5 ff."
MARGIN_RE = re.compile(r"(?<=[,\s])Rn\.\s*(?:[A-Z]\s)?\d{1,4}(?:\s*[-–]\s*\d{1,4}|\s*f{1,2}\.)?")
CITED_RE = re.compile(r"\[(?:cited|citado|consultado|zitiert|accessed|cité)\b[^\]]{3,40}\]", re.I)


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
    for m in DOI_RE.finditer(text) if "10." in text else ():  # "pp. 386–400, doi:10.1007/..." the tagger put in pages
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if inside and any(s.label != "doi" for s in inside) and not any(
                s.label == "url" and s.start < m.start() and text[s.start:m.start()].strip() for s in inside):
            segs = _relabel(segs, text, m.start(), m.end(), "doi")
    vm = VANC_AUTHORS_RE.match(text) if _VANC_START.match(text) else None
    if vm and _natural_order(vm, text):
        vm = None
    if vm:  # "Larsen F. Afterword. In: ...": the names end at the initials' full stop
        a, b = vm.span("names")
        if any(s.label == "author" and s.start < b for s in segs):
            segs = _relabel(segs, text, a, b, "author")
            nxt = re.match(r"\s*([^.?!]{2,200}[.?!])(?=\s|$)", text[b:])
            over = [s for s in segs if s.start < b + nxt.end(1) and s.end > b + nxt.start(1)] if nxt else []
            if nxt and all(s.label == "author" for s in over):
                segs = _relabel(segs, text, b + nxt.start(1), b + nxt.end(1), "title")
            elif nxt and over and over[0].label == "author" and over[0].end > b + nxt.start(1):
                # "Castellano V. Collected letters, | 1921-1934.": the names' segment ran into the title
                segs = _relabel(segs, text, b + nxt.start(1), over[0].end, "title")
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
    for m in _YEAR_PAIR.finditer(text) if "/" in text else ():  # "Eucken, W. (1952/2004),": two years in one bracket
        segs = _relabel(segs, text, m.start(), m.end(), "date")
    acc = any(k in low for k in ("access", "retriev", "view", "consult", "abgeruf", "zugriff", "zugegriffen", "abruf", "acesso", "accedido",
                                 "stand:", "überprüfungsdatum"))
    for m in ACCESSED_RE.finditer(text) if acc else ():
        segs = _relabel(segs, text, m.start(), m.end(), "accessed")
    for m in CITED_AS_RE.finditer(text) if "zit" in low or "cited as" in low else ():
        segs = _relabel(segs, text, m.start(), m.end(), "note")
    for m in MARGIN_RE.finditer(text) if "Rn." in text else ():
        segs = _relabel(segs, text, m.start(), m.end(), "note")
    for m in STAND_RE.finditer(text) if "Stand" in text else ():
        segs = _relabel(segs, text, m.start(), m.end(), "accessed")
    for m in CITED_RE.finditer(text) if "[" in text else ():
        segs = _relabel(segs, text, m.start(), m.end(), "accessed")
        pm = re.match(r":\s*([A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?)(?=[.\s]|$)", text[m.end():])
        if pm:  # NLM's "[cited 2022 Jul 20]:A3": the pages follow
            segs = _relabel(segs, text, m.end() + pm.start(1), m.end() + pm.end(1), "pages")
    web = "[" in text or any(k in low for k in ("availab", "dispon", "verfügbar", "advance online", "url:", "unter",
                                                 "im internet"))
    for m in WEB_SKIP_RE.finditer(text) if web else ():
        if not any(s.label in ("url", "doi") and s.start < m.end() and m.start() < s.end for s in segs):
            segs = _relabel(segs, text, m.start(), m.end(), "skip")
            pm = re.match(r"\s*:\s*([^,.;:\[\]]{2,80}?)\s*(?=,)", text[m.end():]) if m.group(0).startswith("[") else None
            if pm:  # ABNT's "[S. l.]: Editora X, 2010": no place, then the publisher
                segs = _relabel(segs, text, m.end() + pm.start(1), m.end() + pm.end(1), "publisher")
    segs = fix_boundaries(segs, text, low)
    return _merge(segs, text) if len(segs) != len(segments) or any(
        a is not b for a, b in zip(segs, segments, strict=False)) else segs


def _natural_order(vm: re.Match[str], text: str) -> bool:
    """'Michael T. Anderson.', 'Eric J. Rossetter, Joshua P. Switkes, and ...': given name, middle
    initial, family name, not a Vancouver 'Family I.' followed by the title."""
    names = vm.group("names")
    if re.match(r"\s*(?:&|and\b|und\b|et\b|,)", text[vm.end("names"):]):
        return True  # "ABEILLÉ A. & BARRIER N. (2004).": the list goes on
    if "," in names:
        return False
    nxt = re.match(r"\s*([A-Z][\w'’\-]+)(\s*,|\s+(?:and|&)\s|\s+et\s+al\b|\.)", text[vm.end("names"):])
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
