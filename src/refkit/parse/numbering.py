"""Volume, issue and pages the tagger cut apart or gave to a neighbour.

* A numbering word and its number are one field ('vols. 5–7', 'No. 26-27, 2010, 12-19'): the tagger
  sometimes makes the word a volume and the number pages, or leaves the word on the journal
  ('In: Vierteljahrshefte für Zeitgeschichte. Band 12, Nr. 4').
* French spacing puts a space before the colon: 'J. Bot. Soc. Bot. France, 48 : 49-70.' ends with a
  volume and pages, and the place the tagger saw before them belongs to the journal.

Pure functions over segments (``tagger.Segment``); :func:`spans.relabel` does the cutting.
"""

from __future__ import annotations

import re

from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

_NUMBERING = re.compile(
    r"(?<![\w.])(?:[Vv]ols?|[Vv]olumes?|[Vv]|[Nn]os?|[Nn]r|[Nn][°º]|[Hh]eft|[Ii]ssue|[Bb]d|[Jj]g|[Tt]ome|Band|Jahrgang|H(?=\.\s?\d))\.?\s*"
    r"\d+[A-Za-z]?(?:\s*[-\u2013/]\s*\d+)?(?!\d|:\S)")
_SPACED_COLON = re.compile(
    r"(?<=[,.] )(?P<vol>\d{1,4}(?:\s*\(\s*[\w/\-\u2013]{1,9}\s*\))?)\s+:\s+"
    r"(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?)(?=[.,;]?\s*$)")


def numbering_word(segs: list[Segment], text: str) -> list[Segment]:
    """'vols.' | '5–7', 'No.' | '26-27': the word and the number it numbers become one volume."""
    for m in _NUMBERING.finditer(text):
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        tail_only = len(inside) == 1 and re.fullmatch(r"[\s.,;]*", text[m.end():inside[0].end]) is not None and \
            text[inside[0].start:m.start()].rstrip().endswith(",")  # "In: WSI-Mitteilungen, Heft 4/2019,"
        if (len(inside) >= 2 or tail_only) and inside[0].label in ("journal", "container-title") and \
                re.fullmatch(r"(?:.*[.,])?\s*", text[inside[0].start:m.start()], re.S) and \
                all(s.label in ("volume", "pages") for s in inside[1:]):  # "In: Journal. Band | 12, Nr. 4", "Title. Band | 4: Subtitle"
            segs = relabel(segs, text, m.start(), m.end(), "volume")
            continue
        if not inside or any(s.label not in ("volume", "pages") for s in inside):
            continue
        if len(inside) > 1 and inside[0].label == "volume" and inside[0].start <= m.start() or \
                len(inside) == 1 and inside[0].label == "pages" and not re.match(r"(?i)p", inside[0].text.strip()):
            segs = relabel(segs, text, m.start(), m.end(), "volume")
    return segs


def spaced_colon(segs: list[Segment], text: str) -> list[Segment]:
    """'France, 48 : 49-70.': volume and pages at the end, with the journal's last word before them."""
    m = _SPACED_COLON.search(text)
    if not m or any(s.label == "volume" for s in segs):
        return segs
    inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
    if any(s.label not in ("location", "publisher", "pages", "date", "note", "volume") for s in inside):
        return segs
    segs = relabel(segs, text, m.start("vol"), m.end("vol"), "volume")
    segs = relabel(segs, text, m.start("pages"), m.end("pages"), "pages")
    for i, s in enumerate(segs[1:], 1):  # "J. Bot. Soc. Bot." | "France," | "48": the place ends the journal
        if s.label in ("location", "publisher") and segs[i - 1].label == "journal" and i + 1 < len(segs) and \
                segs[i + 1].label == "volume" and not any(o.label == "publisher" for o in segs if o is not s):
            return relabel(segs, text, segs[i - 1].start, s.end, "journal")
    return segs


# OSCOLA, AGLC and the law reviews: "‘Title’ (1960) 3 J L & Econ 1", "(1958) 71 Harv L Rev 630", "(1991) 85(4) AJIL 613"
_LAW_ARTICLE = re.compile(r"\((?P<date>(?:1[5-9]|20)\d\d)\)\s+(?P<vol>\d{1,4}(?:\(\d{1,3}\))?)\s+(?P<journal>[A-Z][A-Za-z.&'’ ]{1,50}?)\s+"
                          r"(?P<pages>\d{1,5}(?:\s*[-\u2013]\s*\d{1,5})?)(?=\s*(?:<|,|\.|;|$))")
# "(3rd edn, OUP 2012)", "(Harvard University Press 1977)": a book's edition, publisher and year in brackets
_LAW_BOOK = re.compile(r"\((?:(?P<edition>\d{1,2}(?:st|nd|rd|th)\s+edn),\s*)?(?P<publisher>[A-Z][^,()\d;]{1,60}?)\s+"
                       r"(?P<date>(?:1[5-9]|20)\d\d)\)(?=\s*(?:<|[.,;]|$))")


# German law journals in footnote style: "..., JZ 1975, S. 297 ff.", "NJW 1974, 1529 (1530)", "JZ 2004, 1 ff."
_DE_LAW_JOURNAL = re.compile(r"(?<=, )(?P<journal>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,5})\s+(?P<date>(?:19|20)\d\d),\s*(?:S\.\s*)?"
                             r"(?P<pages>\d{1,5})(?:\s*\(\d{1,5}(?:\s*f+\.)?\))?(?:\s*f+\.)?(?=\.?\s*$)")


def law_citations(segs: list[Segment], text: str) -> list[Segment]:
    """Law citations put the year in brackets before the volume: '(1960) 3 J L & Econ 1' is year, volume,
    journal and first page; '(3rd edn, OUP 2012)' edition, publisher and year; German footnotes give the
    journal's short name, the year and the first page ('JZ 1975, S. 297 ff.')."""
    m = _DE_LAW_JOURNAL.search(text) if "19" in text or "20" in text else None
    if m and not any(s.label in ("journal", "container-title") and s.start < m.start() for s in segs):
        segs = relabel(segs, text, m.start("journal"), m.end("journal"), "journal")
        segs = relabel(segs, text, m.start("date"), m.end("date"), "date")
        return relabel(segs, text, m.start("pages"), m.end(), "pages")  # with the pinpoint and "ff.", read by the pages
    if "(" not in text:
        return segs
    m = _LAW_ARTICLE.search(text)
    if m and not any(s.label == "volume" for s in segs if s.start < m.start()):
        for g, label in (("date", "date"), ("vol", "volume"), ("journal", "journal"), ("pages", "pages")):
            segs = relabel(segs, text, m.start(g), m.end(g), label)
        return segs
    m = _LAW_BOOK.search(text)
    if m and not any(s.label in ("publisher", "journal", "container-title") for s in segs) and m.start() > 10:
        for g, label in (("edition", "edition"), ("publisher", "publisher"), ("date", "date")):
            if m.group(g):
                segs = relabel(segs, text, m.start(g), m.end(g), label)
    return segs


_ARTICLE_NUMBER = re.compile(r"(?<=[,.] )(?P<word>Article|Art\.\s+no\.|Art\.|Article No\.?|Paper)\s+"
                             r"(?P<n>[A-Za-z]{0,3}\d[\w.\-]*?)(?=[.,;]?(?:\s|$))")


def article_number(segs: list[Segment], text: str) -> list[Segment]:
    """APA's 'Science, 349(6251), Article aac4716.': an article number stands where the pages would; Nature's
    'Nat Commun 13, | 1914 (2022).': a number that looks like a year before the bracketed year is the pages."""
    for i, s in enumerate(segs[1:], 1):
        nm = re.match(r"\s*(\d{1,6})(?=\s+\((?:1[5-9]|20)\d\d[a-z]?\))", s.text) if s.label == "date" else None
        if nm and segs[i - 1].label == "volume" and not any(o.label == "pages" for o in segs):
            return relabel(segs, text, s.start + nm.start(1), s.start + nm.end(1), "pages")
    if "Art" not in text or any(s.label == "pages" and re.search(r"\d", s.text) for s in segs):
        return segs
    m = _ARTICLE_NUMBER.search(text)
    if m and (any(s.label == "volume" and s.end <= m.start() for s in segs) or m.group("word").startswith("Art. no")):
        segs = relabel(segs, text, m.start("word"), m.start("n"), "skip")
        segs = relabel(segs, text, m.start("n"), m.end("n"), "pages")
    return segs


# IEEE's "in Proc. 10th Eur. Conf. Comput. Syst. (EuroSys), Bordeaux, France": the proceedings run to the acronym
_PROCEEDINGS = re.compile(r"(?<=\bin )(?P<c>Proc\.\s[^()\[\]]{3,200}?\((?:[A-Z][\w\-'’&]*\s?)+(?:\s?['’]?\d{2,4})?\))(?=,)")


def ieee_proceedings(segs: list[Segment], text: str) -> list[Segment]:
    """Abbreviated proceedings titles end at their bracketed acronym, not at the first full stop."""
    m = _PROCEEDINGS.search(text) if "Proc." in text else None
    if m:
        inside = [s for s in segs if s.start < m.end("c") and m.start("c") < s.end]
        if inside and all(s.label in ("container-title", "journal", "publisher", "location", "note", "volume")
                          for s in inside):
            segs = relabel(segs, text, m.start("c"), m.end("c"), "container-title")
    return segs


_JAHRGANG = re.compile(r"(?<=[,.] )\d{1,3}\.\s?(?:Jg\.|Jahrgang)(?P<y>\s*\((?:1[5-9]|20)\d\d\))?"
                       r"(?P<h>,?\s*(?:H\.|Heft|Nr\.)\s*\d{1,3}(?:\s*[-/\u2013]\s*\d{1,4})?)?")


def jahrgang(segs: list[Segment], text: str) -> list[Segment]:
    """'In: Neue Praxis, 13. Jg., H. 3, S. 283–293': the ordinal before 'Jg.' is the volume, 'H. 3' the issue;
    ZParl's '49. Jg. (2018), H. 2': the year in brackets between them is the date."""
    for m in _JAHRGANG.finditer(text) if "Jg" in text or "Jahrgang" in text else ():
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if inside and all(s.label in ("note", "volume", "pages", "date", "journal", "container-title") for s in inside) and \
                inside[0].label not in ("journal", "container-title") or inside and inside[0].start >= m.start():
            if not m.group("y"):
                segs = relabel(segs, text, m.start(), m.end(), "volume")
                continue
            segs = relabel(segs, text, m.start(), m.start("y"), "volume")
            segs = relabel(segs, text, m.start("y"), m.end("y"), "date")
            if m.group("h"):
                segs = relabel(segs, text, m.start("h") + len(m.group("h")) - len(m.group("h").lstrip(" ,")), m.end("h"), "volume")
    return segs


# German journals: "in: PVS 26 (1985), H. 4, S. 323–356.", "in: VfZ 25 (1977), S. 739–775."
_VOL_YEAR_ISSUE = re.compile(r"(?<=[\w,] )(?P<vol>\d{1,4})\s+\((?P<date>(?:1[5-9]|20)\d\d)\)"
                             r"(?:,\s*(?P<iss>(?:H\.|Heft|Nr\.|No\.)\s*\d{1,3}(?:\s*[/-]\s*\d{1,3})?)|"
                             r"\s(?P<bare>\d{1,3}(?:\s*[/\u2013-]\s*\d{1,3})?)(?=,\s*S\.\s*\d))?(?=,|\.?\s*$)")


def volume_year_issue(segs: list[Segment], text: str) -> list[Segment]:
    """'PVS 26 (1985), H. 4': the journal's volume, the year in brackets, then the issue ('62 (2012) 5–6, S. 3–9')."""
    m = _VOL_YEAR_ISSUE.search(text) if "(" in text else None
    if not m:
        return segs
    before = [s for s in segs if s.start < m.start("vol") <= s.end or s.end <= m.start("vol")]
    if not before or before[-1].label not in ("journal", "container-title", "note") or any(
            s.label == "date" and s.end <= m.start() and re.search(r"(?:1[5-9]|20)\d\d", s.text) for s in segs):
        return segs  # only after a journal's name, when no year stood earlier
    box = before[-1]
    if box.label == "note":  # "in: PVS 26 (1985)" left as a note: the journal is what stands before the volume
        lead = re.match(r"\s*(?:[Ii]n:?\s+)?", box.text)
        if not lead or not re.match(r"[A-ZÄÖÜ]", box.text[lead.end():]):
            return segs
        segs = relabel(segs, text, box.start + lead.end(), m.start("vol"), "journal")
        if lead.end():
            segs = relabel(segs, text, box.start, box.start + lead.end(), "skip")
    segs = relabel(segs, text, m.start("vol"), m.end("vol"), "volume")
    segs = relabel(segs, text, m.start("date"), m.end("date"), "date")
    if m.group("iss"):
        segs = relabel(segs, text, m.start("iss"), m.end("iss"), "volume")
    if m.group("bare"):  # APuZ's "62 (2012) 5–6, S. 3–9": the issue with no word before it
        segs = relabel(segs, text, m.start("bare"), m.end("bare"), "volume")
    return segs


# historians' "in: HZ 245. 1987, S. 601–623.", "in: GG 28, 2002, S. 574–606.": a journal, its volume, a stop, the year
_VOL_DOT_YEAR = re.compile(r"(?<=[Ii]n: )(?P<j>[A-ZÄÖÜ][^,:;()\d]{1,80}?)\s(?P<vol>\d{1,4})[.,]\s(?P<date>(?:1[5-9]|20)\d\d)"
                           r"(?=,\s*(?:S\.|pp?\.)?\s*\d)")
# "In: Mittelweg 36, Jg. 12, H. 4, S. 80–93.": a journal whose name ends in a number, then its volume by "Jg."
_NAME_NUMBER_JG = re.compile(r"(?<=[Ii]n: )(?P<j>[A-ZÄÖÜ][^,:;()]{1,60}?\s\d{1,4}),\s(?=Jg\.\s*\d)")


def volume_dot_year(segs: list[Segment], text: str) -> list[Segment]:
    m = _VOL_DOT_YEAR.search(text) if "n: " in text else None
    if m:
        segs = relabel(segs, text, m.start("j"), m.end("j"), "journal")
        segs = relabel(segs, text, m.start("vol"), m.end("vol"), "volume")
        return relabel(segs, text, m.start("date"), m.end("date"), "date")
    m = _NAME_NUMBER_JG.search(text) if "Jg." in text else None
    if m:
        return relabel(segs, text, m.start("j"), m.end("j"), "journal")
    return segs
