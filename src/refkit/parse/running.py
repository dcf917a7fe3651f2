"""Page furniture inside a reference list: running heads, footers, page numbers and platform stamps that
a PDF's text (``pdftotext``, or :mod:`refkit.parse.pdf` for a text it did not lay out) leaves between
references, found by where they stand (at a page break, alone between blank lines) and by coming back
on other pages. :func:`furniture` gives the indexes of such lines in a list's lines.
"""

from __future__ import annotations

import re
from collections import Counter

from refkit.parse.find import FOLIO_RE, NUMBERED_LINE, PAGE_BREAK


def _mask(text: str) -> str:
    text = re.sub(r"\s{2,}\d{1,5}\s*$|^\s*\d{1,5}\s{2,}", "", text.replace(PAGE_BREAK, ""))  # the page number set apart
    masked = re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))
    # the folio on the outer side of each page: "Cell 187, 1–17, January 18, 2024 15" / "16 Cell 187, ..."
    return re.sub(r"^# (?=[^\W\d_])|(?<=#) #$|(?<=[^\W\d_]) #$", "", masked) if len(masked) > 12 else masked


def _at_break(lines: list[str], i: int) -> bool:
    return PAGE_BREAK in lines[i] or (i > 0 and PAGE_BREAK in lines[i - 1] and not lines[i - 1].strip(PAGE_BREAK + " "))


def _lone_lines(lines: list[str], i: int, step: int) -> set[int]:
    """The lines that stand alone (blank lines on both sides) in a row from line ``i`` on, one way: a page's
    head or foot spread over blank lines ('The Astrophysical Journal, 945:112' / 'Chen et al.' / '17')."""
    out: set[int] = set()
    j = i + step
    while 0 <= j < len(lines) and len(out) < 4:
        t = lines[j].replace(PAGE_BREAK, "").strip()
        if t:
            if not all(k < 0 or k >= len(lines) or not lines[k].replace(PAGE_BREAK, "").strip() or PAGE_BREAK in lines[k]
                       for k in (j - 1, j + 1) if k != j - step) or len(t) > 120:
                break
            out.add(j)
        j += step
    return out


def _stamp_or_head(ln: str) -> bool:
    return bool(_HEADISH.fullmatch(ln.strip()) or _ALWAYS_FURNITURE.match(ln.strip()))


def _foot_block(block: list[str], counts: Counter[str]) -> bool:
    """Two or three lines between blank lines that are a page's head or foot: running heads and stamps,
    or lines that come back elsewhere with a page number among them."""
    return all(_stamp_or_head(ln) or FOLIO_RE.match(ln) or counts[_mask(ln)] >= 2 for ln in block) and (
        all(_stamp_or_head(ln) for ln in block) or any(FOLIO_RE.match(ln) or ln.strip().isdigit() for ln in block))


def _foot_before(lines: list[str], brk: int, counts: Counter[str]) -> range:
    """The page's foot right above a page break: a block of two or three lines between blank lines
    ('https://doi.org/10.1021/jacs.3c04512' / 'J. Am. Chem. Soc. 2023, 145, 14231−14242' / '14241')."""
    e = brk - 1
    while e >= 0 and not lines[e].replace(PAGE_BREAK, "").strip():
        e -= 1
    b = e
    while b - 1 >= 0 and lines[b - 1].replace(PAGE_BREAK, "").strip() and e - b < 3:
        b -= 1
    if e >= 0 and e == b and FOLIO_RE.match(lines[e].replace(PAGE_BREAK, "").strip()):
        # a page number alone, and above it, a blank line apart, the journal's line and the article's own DOI
        e2 = b - 1
        while e2 >= 0 and not lines[e2].replace(PAGE_BREAK, "").strip() and b - e2 <= 2:
            e2 -= 1
        b2 = e2
        while b2 - 1 >= 0 and lines[b2 - 1].replace(PAGE_BREAK, "").strip() and e2 - b2 < 2:
            b2 -= 1
        block = lines[b2:e2 + 1]
        if e2 < b - 1 and b2 > 0 and not lines[b2 - 1].replace(PAGE_BREAK, "").strip() and \
                any(counts[_mask(ln)] >= 2 or _stamp_or_head(ln) for ln in block) and \
                all(counts[_mask(ln)] >= 2 or _stamp_or_head(ln) or _OWN_DOI.match(ln) for ln in block):
            return range(b2, e + 1)
    if e < 0 or b == 0 or e - b >= 3 or lines[b - 1].replace(PAGE_BREAK, "").strip() or e == b:
        return range(0)
    return range(b, e + 1) if _foot_block(lines[b:e + 1], counts) else range(0)


_OWN_DOI = re.compile(r"^\s*(?:DOI:?\s*)?(?:https?://(?:dx\.)?doi\.org/|doi:\s?)?10\.\d{4,9}/\S+\s*$", re.I)


def furniture(lines: list[str], looks_like_start, repeats: bool = True,  # noqa: ANN001
              context: list[str] | None = None) -> set[int]:
    """Indexes of page furniture inside a list: page numbers, and running heads or footers (a line
    next to a page break or blank line that comes back, digits aside, elsewhere in the list or in
    ``context``, the whole text it comes from)."""
    near_break: set[int] = set()
    paged = any(PAGE_BREAK in ln for ln in lines)
    counts = Counter(_mask(ln) for ln in (context or lines) if ln.strip() and len(ln) < 250)  # the whole paper's heads
    exact = Counter(ln.replace(PAGE_BREAK, "").strip() for ln in lines if ln.strip())
    for i, ln in enumerate(lines):
        if paged and PAGE_BREAK in ln:
            near_break.update(j for j in range(i - 3, i + 3) if 0 <= j < len(lines))
            near_break.update(_lone_lines(lines, i, -1) | _lone_lines(lines, i, 1))
            near_break.update(_foot_before(lines, i, counts))
        elif not paged and ln.strip() and (i == 0 or not lines[i - 1].strip()):
            if i + 1 < len(lines) and NUMBERED_LINE.match(lines[i + 1]) and re.search(r"\S\s{3,}\S", ln):
                near_break.add(i)  # "3912      生 态 学 报      43 卷": a laid-out head after a blank line, then "[11] ..."
            j = i  # no form feeds: furniture stands alone between blank lines, or in a block of two or three
            while j + 1 < len(lines) and lines[j + 1].strip() and j - i < 3:
                j += 1
            if j - i < 3 and (j + 1 == len(lines) or not lines[j + 1].strip()):
                block = [lines[k] for k in range(i, j + 1)]
                near_break.update(range(i, j + 1) if j > i and _foot_block(block, counts) else (i,) if j == i else ())
    last = max((i for i, ln in enumerate(lines) if ln.replace(PAGE_BREAK, "").strip()), default=-1)
    if paged and last > 0:
        near_break.update(_lone_lines(lines, last + 1, -1))  # the last page's footer after the last reference
        near_break.update(_foot_before(lines, last + 1, counts))
    if not near_break:  # "Page 31 of 34" stands wherever it stands, a page number after the last reference too
        return {i for i, ln in enumerate(lines) if _PAGE_OF.fullmatch(ln.replace(PAGE_BREAK, "").strip())
                or _ALWAYS_FURNITURE.match(ln.replace(PAGE_BREAK, "").strip())
                or (i == last and i > 0 or i + 1 < len(lines) and _ALWAYS_FURNITURE.match(lines[i + 1].replace(PAGE_BREAK, "").strip()))
                and FOLIO_RE.match(ln.replace(PAGE_BREAK, "").strip())}  # (a page's number above the stamp too)
    out = set()
    for i, ln in enumerate(lines):
        t = ln.replace(PAGE_BREAK, "").strip()
        if not t:
            continue
        if (FOLIO_RE.match(t) or t.isdigit() and len(t) <= 6 and i in near_break) and (
                i in near_break or i == last or len(ln) - len(ln.lstrip()) >= 20):
            out.add(i)  # a page number next to a page break, at the end, or set far to the right
        elif repeats and i in near_break and counts[_mask(ln)] >= 2 and len(t) < 200 and not re.match(r"^\s*(?:\[\d|\d+\.\s)", t) \
                and not (re.search(r"\b10\.\d{4,9}/", t) and not re.search(r"\||(?<![\d./])\d{1,3}\s*/\s*\d{1,3}\s*$", t)
                         and not (exact[t] >= 2 and re.fullmatch(r"(?:https?://\S+|doi:\s?\S+)", t))) \
                and (len(re.findall(r"[^\W\d_]{2,}", t)) >= 2 or _NAME_FOLIO.fullmatch(t)) and (paged or not t.endswith(".")):
            out.add(i)
        elif i in near_break and _NAME_FOLIO.fullmatch(t) and len(ln.replace(PAGE_BREAK, "")) - len(t) >= 20:
            out.add(i)  # "                    Rossi 24": MLA's head set right, its first page above the list
        elif i in near_break and (re.search(r"^\d{1,5}\s{3,}\S|\S\s{3,}\d{1,5}$", t) or re.search(r"\S\s{8,}\S", t) and len(t) < 160
                                  and (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())):
            out.add(i)  # "212        Journal 44 (3)": a folio and a running head, laid out
        elif repeats and paged and _at_break(lines, i) and len(t) < 70 and not re.search(r"[\d.]|[,;:]$|\s(?:and|&|und|et|y|e)$", t) \
                and i + 1 < len(lines) and looks_like_start(lines[i + 1]):
            out.add(i)  # a running head alone at the top of a page, between two references
        elif i in near_break and re.search(r"\b\d{1,4}\s*(?:/|of)\s*\d{1,4}\s*$", t) and not looks_like_start(t):
            out.add(i)  # "... 18 / 21" footers
        elif i in near_break and (_SITE.fullmatch(t) or not re.search(r"\d", t) and len(t.split()) <= 12 and any(
                _SITE.fullmatch(w) and w.count(".") >= 2 for w in t.split())) and (i == 0 or not lines[i - 1].strip()) and (
                i + 1 == len(lines) or not lines[i + 1].strip() or ln.lstrip(" ").startswith(PAGE_BREAK)):
            out.add(i)  # "http://www.ecologica.cn", "ACS Applied Materials & Interfaces www.acsami.org Research Article":
            # the journal's site, alone at a page's head or foot
        elif _PAGE_OF.fullmatch(t) or _ALWAYS_FURNITURE.match(t):
            out.add(i)  # "Page 31 of 34", "Authorized licensed use limited to: ...", wherever they stand
        elif i in near_break and _HEADISH.fullmatch(t) and (not looks_like_start(t) or
                                                             len(re.findall(r"\b[A-Z]{2,}\b", t)) >= 5):
            out.add(i)  # "IEEE TRANSACTIONS ON NEURAL NETWORKS ..., VOL. 35, NO. 4, APRIL 2024"
        elif i in near_break and _AUTHOR_HEAD.fullmatch(t) and not re.search(r"\b(?:1[5-9]|20)\d\d\b", t):
            out.add(i)  # "A. Researcher et al.: Constraining climate sensitivity", a journal's running head
    for i in sorted(k for k in out if _ALWAYS_FURNITURE.match(lines[k].replace(PAGE_BREAK, "").strip())):
        j = i + 1  # JSTOR's stamp, then the next page's head: "Jiří Novotný 95", "94 PHILOSOPHY AND LITERATURE"
        while j < len(lines) and j in out:
            j += 1
        t = lines[j].replace(PAGE_BREAK, "").strip() if j < len(lines) else ""
        if t and (_NAME_FOLIO.fullmatch(t) or re.fullmatch(r"\d{1,4}\s+[^a-z\d]{4,80}|[^a-z\d]{4,80}\s+\d{1,4}", t)):
            out.add(j)
        if i > 0 and FOLIO_RE.match(lines[i - 1].replace(PAGE_BREAK, "").strip()):
            out.add(i - 1)  # the page's number right above the stamp ("21" / "This article is protected by copyright.")
    for i in sorted(out):  # the running head or footer that stands with a page number: "27" / "Soziale Welt 74 (2023)"
        if not FOLIO_RE.match(lines[i].replace(PAGE_BREAK, "").strip()):
            continue
        number = int(d.group()) if (d := re.search(r"\d+", lines[i])) else -1
        for j in (k for dist in range(1, 5) for k in (i - dist, i + dist)):
            if not 0 <= j < len(lines) or j in out or not _alone(lines, j, i, out):
                continue
            t = lines[j].replace(PAGE_BREAK, "").strip()
            pages = re.search(r"\((\d{1,5})\s*[–-]\s*(\d{1,5})\b", t)  # "Közgazdasági Szemle, ... (1021–1046. o.)" by page 1044
            if t and len(t) < 90 and (pages and int(pages.group(1)) <= number <= int(pages.group(2)) or
                                      not (looks_like_start(t) and re.search(r"[,.]", t)) and
                                      not t.endswith((".", ",", ";", ":", "-")) and len(re.findall(r"[^\W\d_]{2,}", t)) >= 1):
                out.add(j)
    for i in sorted(out):  # the article's own DOI right under its journal's foot line ("ISSN ... Ekonomika. 2023" / "DOI: ...")
        if i + 1 < len(lines) and i + 1 not in out and _OWN_DOI.match(lines[i + 1].replace(PAGE_BREAK, "")) and (
                i + 2 >= len(lines) or not lines[i + 2].replace(PAGE_BREAK, "").strip() or i + 2 in out) and \
                not lines[i - 1].replace(PAGE_BREAK, "").strip() if i > 0 else False:
            out.add(i + 1)
    return out


_AUTHOR_HEAD = re.compile(r"(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)[A-Z][\w'’\-]+(?:\s(?:et\s+al\.|and\s+(?:[A-Z]\.\s?)+[A-Z][\w'’\-]+))?"
                          r":\s[^.]{3,90}")
# lines a publisher's platform stamps on every page
# (Wiley's stamp opens with the journal's ISSN, year and issue: "14610248, 2021, 5, Downloaded from https://...")
_ALWAYS_FURNITURE = re.compile(r"(?i)authorized licensed use limited to\b|"
                               r"(?:\d{4}-?\d{3}[\dx],\s*(?:1[5-9]|20)\d\d,\s*[\w-]{1,6},\s*)?downloaded from https?://\S+ (?:on|by|at)\b|"
                               r"this article is protected by copyright\b|electronic copy available at:|"
                               r"this content downloaded from\b|all use subject to https?://about\.jstor\.org|"
                               r"[A-Z][\w .&\-]{2,50}\s\|\s(?:Vol(?:ume)?\.?\s*\d+|\d{4}|[A-Z][a-z]+\s\d{4})\s\|")
# a running head in capitals: 'IEEE TRANSACTIONS ON NEURAL NETWORKS, VOL. 35, NO. 4, APRIL 2024'
_HEADISH = re.compile(r"(?:\d{1,4}\s+)?(?=(?:[^a-z\n]*[A-Z]{2,}){3})[^a-z\n]{12,160}")
_SITE = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?(?:[\w-]+/?)?")
_NAME_FOLIO = re.compile(r"[^\W\d_]{2,}(?:\s[^\W\d_]{2,})?\s+\d{1,4}")  # MLA's running head: "Rossi 24"
_PAGE_OF = re.compile(r"(?i)(?:page|seite|p\.)\s*\d{1,4}\s*(?:/|of|von|sur|de)\s*\d{1,4}")


def _alone(lines: list[str], j: int, folio: int, found: set[int]) -> bool:
    """Line ``j`` stands apart from the text: only blank lines (or page breaks, or furniture already
    found) between it and the page number, and a blank line or the list's edge on its other side."""
    lo, hi = sorted((j, folio))
    if any(lines[k].replace(PAGE_BREAK, "").strip() and k not in found for k in range(lo + 1, hi)):
        return False
    other = j - 1 if j < folio else j + 1
    return not 0 <= other < len(lines) or not lines[other].replace(PAGE_BREAK, "").strip()


# the rest of a reference cut by a figure: "Nat Geosci 1:511–514. https://...", "Comput. Syst., vol. 82, pp. 761–768"
