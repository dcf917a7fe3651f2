"""PDF -> plain text laid out for :mod:`refkit.parse.split`.

Text comes from pypdf (chosen over pdfminer.six: on real papers it keeps word spaces where pdfminer
loses them, e.g. LNCS proceedings, and it is 2-3x faster). pypdf hands over each run of text with
its position, so this module rebuilds the lines of each page itself, in reading order:

- two-column pages are read left column first, then right;
- running heads, footers and page numbers (lines at the top or bottom of the page that repeat on
  other pages once digits are masked, or that carry the page's folio) are dropped;
- a hanging indent becomes leading spaces, and a vertical gap larger than the page's usual line
  spacing becomes a blank line, so the splitter sees the layout the reader sees.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from refkit.errors import InputError
from refkit.parse.pdf_layout import (
    Line,
    Part,
    build_lines,
    drop_line_numbers,
    fragments,
    join_parts,
    line_number_columns,
)

PDF_MAGIC = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    """PDF by content: the ``%PDF-`` header near the start (some writers put junk before it)."""
    return PDF_MAGIC in data[:1024]


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]


def _columns(page: Page) -> None:
    """Mark lines of a two-column page as left (0) or right (1) column; of a page in three or more
    columns (ACM's and magazines' layouts) with the number of the column, counted from the left; of a
    page whose lower part is set in two columns under full-width text, 0 above, 1 and 2 below."""
    if _many_columns(page):
        return
    mid = page.width / 2
    right = [ln for ln in page.lines if ln.x >= mid - 0.02 * page.width]
    left = [ln for ln in page.lines if ln.x < mid - 0.1 * page.width]
    if len(right) < 3 or len(left) < 3:
        return
    # a left line that runs past the middle means one column (estimate its width from its length)
    wide = [ln for ln in left if ln.x + 0.45 * ln.size * len(ln.text) > mid + 0.08 * page.width]
    if len(wide) > 0.25 * len(left):
        low = min(ln.y for ln in wide)  # one column above, two below it (a list set in columns under the text)
        below_left = [ln for ln in left if ln.y < low - 1]
        below_right = [ln for ln in right if ln.y < low - 1]
        if len(below_left) >= 3 and len(below_right) >= 3 and len(below_left) + len(below_right) >= 0.3 * len(page.lines):
            for ln in below_left:
                ln.col = 1
            for ln in below_right:
                ln.col = 2
            return
        high = max(ln.y for ln in wide)  # two columns above, one below (a list in columns over an English abstract)
        above_left = [ln for ln in left if ln.y > high + 1]
        above_right = [ln for ln in right if ln.y > high + 1]
        if len(above_left) >= 3 and len(above_right) >= 3 and len(above_left) + len(above_right) >= 0.3 * len(page.lines) \
                and not any(ln.y > high + 1 for ln in wide):
            for ln in above_right:
                ln.col = 1
            for ln in page.lines:
                if ln.y <= high + 1:
                    ln.col = 2
        return
    for ln in right:
        ln.col = 1


def _many_columns(page: Page) -> bool:
    """Three or more columns: the lines start at three or more places a fifth of the page apart or more,
    each taken by many lines, and no line of one runs into the next."""
    lines = page.lines
    if len(lines) < 12:
        return False
    xs = sorted(ln.x for ln in lines)
    clusters: list[list[float]] = [[xs[0]]]
    for x in xs[1:]:
        if x - clusters[-1][-1] > 0.12 * page.width:
            clusters.append([x])
        else:
            clusters[-1].append(x)
    starts = [statistics.mode(round(x) for x in c) for c in clusters if len(c) >= max(4, 0.1 * len(lines))]
    if len(starts) < 3 and not (len(starts) == 2 and starts[1] < 0.48 * page.width):
        return False  # (two columns of a three-column page, the third empty: Science's last page)
    col_of = [max((k for k, x0 in enumerate(starts) if ln.x >= x0 - 0.02 * page.width), default=0) for ln in lines]
    over = sum(1 for ln, k in zip(lines, col_of, strict=True)
               if k + 1 < len(starts) and ln.x + 0.45 * ln.size * len(ln.text) > starts[k + 1] + 0.04 * page.width)
    if over > 0.15 * len(lines):
        return False
    for ln, k in zip(lines, col_of, strict=True):
        ln.col = k
    return True


FOLIO_RE = re.compile(r"^(?:page\s+)?[-–—~]?\s*(\d{1,4})\s*[-–—~]?(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)
EDGE_NUMBER_RE = re.compile(r"^(\d{1,4})\s+\S|\S\s+(\d{1,4})$")


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _margins(pages: list[Page], notes: set[int] | None = None) -> set[int]:
    """ids of lines that are running heads, footers, page numbers or footnotes (the footnotes' ids
    are also put in ``notes`` when it is given)."""
    edges = {p.number: _edge_lines(p) for p in pages}
    cand: dict[int, list[Line]] = {n: e[0] for n, e in edges.items()}
    # the text block: from the highest to the lowest line of the pages' text, edges aside; an edge
    # line outside it is furniture even when it is the only one of its kind (a head of odd pages)
    blocks = [e[1] for e in edges.values() if len(e[1]) >= 4]
    block_top = max((max(ln.y for ln in b) for b in blocks), default=None) if len(blocks) >= 2 else None
    block_bottom = min((min(ln.y for ln in b) for b in blocks), default=None) if len(blocks) >= 2 else None
    drop: set[int] = set()
    masked: Counter[str] = Counter()
    for p in pages:
        for m in {_mask(ln.text) for ln in cand[p.number]}:
            masked[m] += 1
    offsets: Counter[int] = Counter()
    for p in pages:
        for ln in cand[p.number]:
            for n in _edge_numbers(ln.text):
                offsets[n - p.number] += 1
    folio = [o for o, c in offsets.items() if c >= 2 and c >= 0.3 * len(pages)]
    from refkit.parse.find import HEADING_RE
    heads: set[str] = set()
    for p in pages:
        for ln in cand[p.number]:
            t = ln.text.strip()
            head = HEADING_RE.match(re.sub(r"\s*\((?:\d{1,2}\s*/\s*\d{1,2}|cont(?:inued|\.)?|Forts\.)\)\s*$", "", t))
            if head and _mask(t) not in heads:
                heads.add(_mask(t))  # "References (1/2)" on two slides, "References" atop each page: the first stays
                continue
            if len(pages) >= 2 and masked[_mask(t)] >= 2 and len(t) < 200:
                drop.add(id(ln))
            elif FOLIO_RE.match(t) or (len(t) < 120 and any(n - p.number in folio for n in _edge_numbers(t))):
                drop.add(id(ln))
            elif block_top is not None and block_bottom is not None and len(t) < 120 and (
                    ln.y > block_top + 0.3 * ln.size or ln.y < block_bottom - 0.3 * ln.size) and \
                    not re.match(r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.\s)", t):  # a numbered reference is text
                drop.add(id(ln))  # a running head of odd or even pages only, or a footer, set apart
        for ln in _extreme_lines(p):  # a bare page number at the very top or bottom
            if FOLIO_RE.match(ln.text.strip()) and not _attached(p, ln):
                drop.add(id(ln))
    for p in pages:
        found = _footnotes(p, drop)
        drop |= found
        if notes is not None:
            notes |= found
    return drop


def _spacing(page: Page) -> float:
    """The page's usual line spacing: the median gap between successive lines of one column."""
    gaps = []
    for col in sorted({ln.col for ln in page.lines}):
        ys = sorted({round(ln.y, 1) for ln in page.lines if ln.col == col}, reverse=True)
        gaps += [a - b for a, b in zip(ys, ys[1:], strict=False) if a - b > 1.5]
    return statistics.median(gaps) if gaps else 12.0


def _edge_lines(page: Page) -> tuple[list[Line], list[Line]]:
    """The lines above the innermost wide vertical gap among the top three rows of the page, and
    below the one among its bottom three (where running heads, footers and page numbers sit), and
    the page's other lines (its text block)."""
    rows: list[list[Line]] = []
    for ln in sorted(page.lines, key=lambda ln: -ln.y):
        if rows and rows[-1][0].y - ln.y < 2:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    if len(rows) < 4:
        return list(page.lines), []
    usual = _spacing(page)
    inner = [a[0].y - b[0].y for a, b in zip(rows[3:-3], rows[4:-3], strict=False)]
    para = [g for g in inner if g > 1.5 * usual]  # the blank line between paragraphs (or entries) inside the page

    def paragraph_gap(g: float) -> bool:  # a gap like those between the page's own entries is no edge
        return len(para) >= 2 and sum(1 for x in para if abs(x - g) <= 0.12 * g) >= 2

    zones = []
    for seq in (rows, rows[::-1]):
        gaps = [abs(a[0].y - b[0].y) for a, b in zip(seq, seq[1:], strict=False)]
        zone = 0
        if gaps[0] > 1.5 * usual and not paragraph_gap(gaps[0]) or \
                all(len(ln.text) < 60 and not re.search(r"\d", ln.text) for ln in seq[0]):
            zone = 1  # an edge row set apart, or short and without digits (a running title)
        for k in range(min(3, len(gaps)) - 1, -1, -1):
            if gaps[k] > 1.8 * usual and not paragraph_gap(gaps[k]):
                zone = max(zone, k + 1)
                break
        zones.append(zone)
    top, bottom = zones
    edge = [ln for row in rows[:top] + rows[len(rows) - bottom:] for ln in row]
    return edge, [ln for row in rows[top:len(rows) - bottom] for ln in row]


FOOTNOTE_MARK_RE = re.compile(r"^(?:\d{1,3}|[*†‡§¶]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[a-z])\s*(?=\S)")


def _footnotes(page: Page, drop: set[int]) -> set[int]:
    """ids of the footnotes at the foot of the page: a few lines in a smaller font than the page's
    text, set apart from it by a gap, the first starting with a note marker (often a superscript)."""
    from refkit.parse.find import HEADING_RE

    lines = sorted((ln for ln in page.lines if id(ln) not in drop), key=lambda ln: -ln.y)
    if len(lines) < 6:
        return set()
    body = statistics.median(ln.size for ln in lines)
    k = len(lines)
    while k > 0 and lines[k - 1].size < 0.92 * body:
        k -= 1
    if k == len(lines) or len(lines) - k > 12 or len(lines) - k > 0.4 * len(lines):  # a list set small above notes smaller still
        foot = lines[-1].size
        k = len(lines)
        while k > 0 and abs(lines[k - 1].size - foot) < 0.03 * foot:
            k -= 1
        if k and lines[k - 1].size < 1.04 * foot:  # (8.2 pt references over 7.6 pt notes are two sizes)
            return set()
    run = lines[k:]
    if not run or k == 0 or len(run) > 12 or len(run) > 0.4 * len(lines):
        return set()
    above, first = lines[k - 1], run[0]
    spacing = min((a.y - b.y for a, b in zip(run, run[1:], strict=False) if a.y - b.y > 1), default=first.size * 1.2)
    marked = bool(FOOTNOTE_MARK_RE.match(first.text)) or (len(first.parts) > 1 and first.parts[0].size < 0.85 * first.size)
    if not marked or HEADING_RE.match(above.text) or above.y - first.y < 1.3 * spacing:
        return set()
    num = re.match(r"(\d{1,3})[.)]?\s", first.text)
    if num and any(ln.text.startswith((f"{int(num.group(1)) + 1}. ", f"{int(num.group(1)) + 1} ")) for ln in lines[:k]):
        return set()  # "31. Zemla, A. ..." at the foot of a column, "32. ..." atop the next: a list going on, no footnote
    return {id(ln) for ln in run}


def _attached(page: Page, ln: Line) -> bool:
    """A bare number set close to the text beside or below it ('5' / 'Lind K, ...' in a column of
    numbers) belongs to that text; a page number stands apart from it."""
    return any(o is not ln and o.x > ln.x + 1 and 0 < abs(o.y - ln.y) < 1.4 * max(ln.size, o.size) and
               len(o.text.strip()) > 20 for o in page.lines)


def _extreme_lines(page: Page) -> list[Line]:
    """The top and bottom rows of the page (where a lone page number sits even without a gap)."""
    if not page.lines:
        return []
    top, bottom = max(ln.y for ln in page.lines), min(ln.y for ln in page.lines)
    return [ln for ln in page.lines if abs(ln.y - top) < 1 or abs(ln.y - bottom) < 1]


def _edge_numbers(text: str) -> list[int]:
    t = text.strip()
    out = []
    m = re.match(r"^(\d{1,4})(?:\s|$)", t)
    if m:
        out.append(int(m.group(1)))
    m = re.search(r"(?:^|\s)(\d{1,4})$", t)
    if m:
        out.append(int(m.group(1)))
    m = re.search(r"(\d{1,4})\s*(?:/|of)\s*\d{1,4}$", t)
    if m:
        out.append(int(m.group(1)))
    return out


def _page_text(page: Page, drop: set[int]) -> list[list[str]]:
    """The lines of each column of the page."""
    cols: list[list[str]] = []
    for col in sorted({ln.col for ln in page.lines}):
        out: list[str] = []
        lines = [ln for ln in page.lines if ln.col == col and id(ln) not in drop]
        if not lines:
            continue
        lines.sort(key=lambda ln: -ln.y)
        merged: list[Line] = []
        for ln in lines:  # pieces of one line that the stream gave apart
            if merged and abs(merged[-1].y - ln.y) < 0.3 * ln.size:
                a = merged[-1]
                a.parts = sorted(a.parts + ln.parts, key=lambda p: p.x)
                a.text = join_parts(a.parts)
                a.x = min(a.x, ln.x)
                continue
            merged.append(ln)
        body = statistics.median([ln.size for ln in merged])
        left = min(ln.x for ln in merged if ln.size >= 0.8 * body)
        gaps = sorted(a.y - b.y for a, b in zip(merged, merged[1:], strict=False) if a.y - b.y > 0.5 * body)
        # the page's line spacing: the low end of the gaps (paragraph gaps are the larger ones)
        usual = gaps[len(gaps) // 5] if gaps else body * 1.2
        for k, ln in enumerate(merged):
            if k and merged[k - 1].y - ln.y > 1.15 * usual:
                out.append("")
            indent = max(0, round((ln.x - left) / max(body * 0.5, 1.0)))
            out.append(" " * min(indent, 12) + ln.text)
        cols.append(out)
    return cols


def read_pages(data: bytes, name: str = "input") -> list[Page]:
    try:
        import pypdf
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise InputError("reading PDFs needs the pypdf package", hint="pip install pypdf") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise InputError(f"{name} is an encrypted PDF", hint="remove the password first (e.g. qpdf --decrypt)")
        pages = []
        for i, pg in enumerate(reader.pages, 1):
            box = pg.mediabox
            pages.append((i, pg, float(box.width), float(box.height)))
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as e:
        raise InputError(f"{name} is not a readable PDF ({e})", hint="check that the file is complete") from None
    runs: list[list[Part]] = []
    for i, pg, _, _ in pages:
        try:
            runs.append(fragments(pg))
        except Exception as e:  # pypdf raises many kinds on damaged content streams
            raise InputError(f"{name}: cannot read the text of page {i} ({type(e).__name__})",
                             hint="check that the file is complete") from None
    found = [line_number_columns(frags) for frags in runs]
    # a page with few lines keeps the line-number columns found on the others
    known = set().union(*found) if any(found) else set()
    turned = [int(pg.get("/Rotate", 0) or 0) % 180 == 90 for _, pg, _, _ in pages]
    out = [Page(i, w, h, build_lines(drop_line_numbers(frags, cols or known)))
           for (i, _, w, h), frags, cols in zip(pages, runs, found, strict=True)]
    for k, page in enumerate(out):  # a landscape table page set sideways among upright ones (BMJ's "Table 2"):
        if turned[k] and sum(turned) * 2 < len(turned) and 0 < k < len(out) - 1 and any(  # its text, read
                re.match(r"\s*(?:Table|Tabelle|Tableau|Tabla)\s+\d", ln.text) for ln in page.lines[:12]):  # across, is no list's
            out[k] = Page(page.number, page.width, page.height, [])
    return out


def parse_pages(spec: str, count: int) -> list[int]:
    """``--pages`` syntax: "3", "3-5", "7-", "-2", "1,4-6" -> sorted 1-based page numbers."""
    chosen: set[int] = set()
    for part in spec.replace(" ", "").split(","):
        m = re.fullmatch(r"(\d*)-(\d*)|(\d+)", part)
        if not part or not m:
            raise InputError(f"--pages: cannot read {part!r}", hint="use e.g. 5, 3-7, 10- or 1,4-6")
        if m.group(3):
            a = b = int(m.group(3))
        else:
            a = int(m.group(1) or 1)
            b = int(m.group(2) or count)
        if a < 1 or b < a:
            raise InputError(f"--pages: {part!r} is not a page range", hint="pages count from 1")
        chosen.update(range(a, min(b, count) + 1))
    if not chosen:
        raise InputError(f"--pages {spec}: the PDF has only {count} pages", hint=f"choose pages 1-{count}")
    return sorted(chosen)


def pdf_to_text(data: bytes, name: str = "input", pages: str | None = None,
                numbers: list[int] | None = None) -> str:
    """The text of a PDF, one page after another (form feed between pages), laid out for splitting.
    The numbers of the pages given are appended to ``numbers``."""
    all_pages = read_pages(data, name)
    if pages:
        keep = set(parse_pages(pages, len(all_pages)))
        chosen = [p for p in all_pages if p.number in keep]
    else:
        chosen = all_pages
    if not any(p.lines for p in all_pages):
        raise InputError(f"{name} has no text layer (a scanned PDF?)",
                         hint="run OCR on it first (e.g. ocrmypdf), then parse the result")
    for p in all_pages:
        _columns(p)
    drop = _margins(all_pages)
    chunks = []  # one per column: a form feed marks page and column breaks alike
    for p in chosen:
        for col in _page_text(p, drop) or [[]]:
            chunks.append("\n".join(col))
            if numbers is not None:
                numbers.append(p.number)
    return "\n\f".join(chunks)


def footnotes_to_text(data: bytes, name: str = "input", pages: str | None = None,
                      numbers: list[int] | None = None) -> str:
    """The footnotes at the foot of a PDF's pages, in reading order, one printed line a line (a paper
    that cites only in its notes has no reference list: its notes are where the works are). The
    page number of each line is appended to ``numbers``."""
    all_pages = read_pages(data, name)
    keep = set(parse_pages(pages, len(all_pages))) if pages else None
    for p in all_pages:
        _columns(p)
    notes: set[int] = set()
    _margins(all_pages, notes)
    out: list[str] = []
    for p in all_pages:
        if keep is not None and p.number not in keep:
            continue
        for ln in sorted((ln for ln in p.lines if id(ln) in notes), key=lambda ln: (ln.col, -ln.y)):
            out.append(ln.text)
            if numbers is not None:
                numbers.append(p.number)
    return "\n".join(out)
