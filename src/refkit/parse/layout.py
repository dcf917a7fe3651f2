"""What kind of list a text is: page-break blank lines inside a flush-wrapped list, a spreadsheet of
references, subheadings between groups, a paragraph of prose between references; ``pdftotext -layout``'s
two columns side by side (:func:`side_by_side`), Oxford Academic's spaced names (:func:`spaced_names`),
numbers glued to the authors (:func:`glued_numbers`). What a page, a mail or a forum puts around the
references is :mod:`refkit.parse.furniture`'s.

Questions the splitter (:mod:`refkit.parse.split`) asks about the lines of a list; pure functions.
"""

from __future__ import annotations

import re
from collections import Counter

from refkit.parse import find
from refkit.parse.raw import Skipped
from refkit.parse.starts import (
    NAME_PERIOD_RE,
    NUMBER_RE,
    STRICT_NAME_RE,
    YEAR_RE,
    ended,
    given_first_start,
    starts_strictly,
)


def blocks_hold_several(body: list[tuple[int, str]]) -> bool:
    """Blank lines that are not the separators: in most blocks of several lines a line after a finished
    sentence starts with authors and a year (a flush-wrapped list with a page break or two in it)."""
    blocks: list[list[str]] = [[]]
    for _, ln in body:
        if ln.strip():
            blocks[-1].append(ln.strip())
        elif blocks[-1]:
            blocks.append([])
    multi = [b for b in blocks if len(b) > 1]
    if not multi:
        return False
    several = sum(1 for b in multi if any(ended(p) and (starts_strictly(s + " " + (b[k + 1] if k + 1 < len(b) else ""))
                                                                   or NAME_PERIOD_RE.match(s) or given_first_start(s))
                                          for k, (p, s) in enumerate(zip(b, b[1:], strict=False), 1)))
    inner = [ln for b in multi for ln in b[:-1]]  # lines a block goes on after
    one_per_line = len(inner) >= 3 and sum(1 for ln in inner if ended(ln)) >= 0.7 * len(inner)
    return several >= max(1, 0.3 * len(multi)) or one_per_line


def _tabs(ln: str) -> int:
    """How many tabs split a row into cells (a row may start with an empty cell)."""
    return ln.strip(" \r\n").count("\t")


def _join_quoted_cells(lines: list[str]) -> None:
    """A spreadsheet cell in quotes with a line break in it ('"Exercise ... (M' / 'smaller effect"') is one cell:
    the row's lines are joined in place."""
    for i, ln in enumerate(lines):
        last = next((c for c in reversed(ln.split("\t")) if c.strip()), "").strip()
        if _tabs(ln) < 2 or not (last.startswith('"') and last.count('"') % 2):
            continue
        k = i
        while lines[i].count('"') % 2 and k + 1 < len(lines) and k - i < 10:
            k += 1
            lines[i] = lines[i].rstrip("\r") + " " + lines[k]
            lines[k] = ""


def table(lines: list[str]) -> int | None:
    """A list pasted from a spreadsheet (columns split by tabs): its columns become a reference's
    sentences in place (``lines`` is changed), and the index of a header row without digits is
    returned (-1 if there is none); None when the text is no table."""
    if sum(1 for ln in lines if _tabs(ln) >= 2) < 3:
        return None
    joined = list(lines)
    _join_quoted_cells(joined)
    rows = [i for i, ln in enumerate(joined) if ln.strip()]
    tabbed = [i for i in rows if _tabs(joined[i]) >= 2]
    if len(tabbed) < 0.7 * len(rows) or Counter(_tabs(joined[i]) for i in tabbed).most_common(1)[0][1] < 0.7 * len(tabbed):
        return None  # (the lines are changed only for a table)
    lines[:] = joined
    first = rows[0]
    header = first if not re.search(r"\d", lines[first]) and len(lines[first].split()) <= 16 else -1
    for i in tabbed:
        cells = [c.strip().strip('"').strip().rstrip(".") for c in lines[i].split("\t")]
        filled = [("doi:" + c if re.fullmatch(r"10\.\d{4,9}/\S+", c) else c)  # a DOI column's bare "10.1007/..."
                  for c in cells if c and c not in ("–", "-", "—")]
        if len(filled) <= 1 and not re.search(r"\b10\.\d{4,}/", lines[i]):
            lines[i] = ""  # a summary row under the table: "Included (Y): 10", "Screened by KS & MJ 2024-03-11"
            continue
        lines[i] = ". ".join(filled) + "."
    return header


def table_in_page(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A table inside a page (a wiki's schedule: 'Date ⇥ Presenter ⇥ Paper ⇥ Slides'): each row keeps only
    the cell that holds a reference; a row with none (the header, 'TBD') is dropped. Not for a text that is
    all table (:func:`table`). Returns the lines and what was taken as (index, text, reason)."""
    rows = [i for i, ln in enumerate(lines) if ln.strip()]
    tabbed = [i for i in rows if lines[i].strip().count("\t") >= 2]  # (tabs inside the row: an outline's indents are none)
    if len(tabbed) < 3 or len(tabbed) >= 0.7 * len(rows):
        return lines, []
    out = list(lines)
    skipped = []
    for i in tabbed:
        cells = [c.strip() for c in lines[i].split("\t")]
        refs = [c for c in cells if len(c) >= 40 and YEAR_RE.search(c) and (
            starts_strictly(c) or given_first_start(c) or NAME_PERIOD_RE.match(c) or STRICT_NAME_RE.match(c))]
        out[i] = refs[0] if refs else ""
        if not refs:
            skipped.append((i, lines[i].strip(), "a table row with no reference"))
    return out, skipped


_GROUP_HEADING = re.compile(r"(?i)(?:cases|statutes|statutes and regulations|regulations|constitutional provisions|treaties|"
                            r"other authorities|rules|court rules|legislation|books|articles|journal articles|book chapters|"
                            r"monographs|primary sources|secondary sources|online sources|web sources|archival sources|"
                            r"monographien|aufsätze|zeitschriftenaufsätze|sammelbände|internetquellen|quellen|"
                            r"sources primaires|sources secondaires|fuentes primarias|fuentes secundarias):?")


def subheading(body: list[tuple[int, str]], k: int) -> bool:
    """A short title-case line with no digits or punctuation that stands alone between blank lines
    (or opens the list), followed by more of the list."""
    t = body[k][1].strip()
    if re.fullmatch(r"\S.{1,40}?\s*共\s*\d+\s*条", t) and k + 1 < len(body):
        return True  # CNKI's groups by database: "中国博士学位论文全文数据库 共2条"
    if _GROUP_HEADING.fullmatch(t) and k + 1 < len(body):
        return True  # "Cases", "Statutes", "Primary sources", "Internetquellen": a group's name, whatever follows
    sec = re.match(r"(?:\d{1,2}(?:\.\d{1,2})*\.?[A-Z]?|[A-Z]|[IVX]{1,4})\.?\s+(?=[A-ZÀ-Þ])", t)
    if sec and k + 1 < len(body) and len(t) <= 60 and not re.search(r"[\d;:()\[\]\"“”]|\.$", t[sec.end():]):
        t = t[sec.end():].replace(",", "")  # a numbered section of the list: "4.A Books and Book Chapters", "4.C Data, Software"
    if not t or len(t) > 50 or re.search(r"[\d.,;:()\[\]\"“”]", t) or k + 1 >= len(body):
        return False
    words = t.split()
    titled = all(w[0].isupper() or w.lower() in ("and", "of", "the", "for", "und", "de", "et", "y", "e") for w in words)
    if len(words) > 6 or not words[0][0].isupper():
        return False
    before = k == 0 or not body[k - 1][1].strip()
    nxt = next((ln for _, ln in body[k + 1:] if ln.strip()), "")
    alone = before and bool(nxt) and not body[k + 1][1].strip()  # blank lines around it: sentence case will do
    if alone or titled and len(words) <= 5 and before and bool(re.search(r"\d", nxt)) and len(nxt.strip()) > 2 * len(t):
        return True
    # "Offentligt tryck" between a finished reference and one starting with authors and a year, at the margin
    prev = next((ln for _, ln in reversed(body[:k]) if ln.strip()), "")
    return len(words) <= 4 and bool(prev.strip()) and ended(prev) and prev.strip()[-1:] in ".)]" and \
        len(nxt) - len(nxt.lstrip()) == len(body[k][1]) - len(body[k][1].lstrip()) and \
        (starts_strictly(nxt.strip()) or nxt.strip()[:1].isupper() and bool(YEAR_RE.search(nxt[:100]))) and \
        len(nxt.strip()) > 3 * len(t)


def note_above(body: list[tuple[int, str]]) -> bool:
    """The list's first line a remark at the margin above references all indented deeper, each one line
    with its year near the start and an ending: IDEAS' 'Full references (including those not matched with
    items on IDEAS)'. (A hanging list's first reference has a year, its next lines no start of their own.)"""
    lines = [ln for _, ln in body if ln.strip()]
    if len(lines) < 3:
        return False
    first = lines[0]
    indent = len(first) - len(first.lstrip())
    return not YEAR_RE.search(first) and not find.CITATION_SIGNS_RE.search(first) and starts_strictly(lines[1].strip()) and \
        all(len(ln) - len(ln.lstrip()) > indent and ln.strip()[:1].isupper() and YEAR_RE.search(ln[:120]) and ended(ln)
            for ln in lines[1:3])


_QUOTED_TITLE = re.compile(r"[\"“]([^\"“”]{10,300})[\"”]")


def _title_key(ln: str) -> str:
    m = _QUOTED_TITLE.search(ln)
    return re.sub(r"[^a-z]", "", m.group(1).lower()) if m else ""


def other_versions(body: list[tuple[int, str]]) -> list[int]:
    """Lines set deeper under a whole reference that are whole references with the same quoted title:
    the other versions of a work IDEAS lists under it (the working paper of the article). Their indexes."""
    out = []
    parent = None
    for k, (_, ln) in enumerate(body):
        if not ln.strip():
            continue
        indent = len(ln) - len(ln.lstrip())
        key = _title_key(ln) if ('"' in ln or "“" in ln) else ""
        if parent is not None and indent > parent[0] and key == parent[1] and YEAR_RE.search(ln[:120]) and ended(ln):
            out.append(k)
            continue
        parent = (indent, key) if key and ended(ln) else None  # (a line holding a whole reference with a quoted title)
    return out


def remarks_and_versions(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Skipped]]:
    """The list without a remark above it (:func:`note_above`) and without the other versions of a work
    set under it (:func:`other_versions`); returns the lines left and what was taken."""
    skipped = []
    if note_above(body):
        k = next(k for k, (_, ln) in enumerate(body) if ln.strip())
        skipped.append(Skipped(body[k][0], body[k][1].strip(), "a remark above the list"))
        body = body[k + 1:]
    if any(ln[:1] in " \t" and ('"' in ln or "“" in ln) for _, ln in body):
        versions = set(other_versions(body))
        skipped += [Skipped(body[k][0], body[k][1].strip(), "another version of the reference above") for k in sorted(versions)]
        body = [b for k, b in enumerate(body) if k not in versions]
    return body, skipped


def paragraph(ln: str) -> bool:
    """A line of running prose: eight words or more, most in lower case, nothing a reference has."""
    words = re.findall(r"[^\W\d_]+", ln)
    return len(words) >= 8 and sum(w[0].islower() for w in words) >= 0.6 * len(words) and \
        not find.CITATION_SIGNS_RE.search(ln) and not YEAR_RE.search(ln)


def blocks_multiline(body: list[tuple[int, str]]) -> bool:
    run = 0
    for _, ln in body:
        if ln.strip():
            run += 1
            if run > 1:
                return True
        else:
            run = 0
    return False


_GLUED_NUMBER_RE = re.compile(r"^(\s*)(\d{1,3})(?=[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:\s[A-Z]{1,3}[,.\s]|,\s))")


def glued_numbers(lines: list[str]) -> list[str]:
    """'1Connolly SJ, Ezekowitz MD, ...': a superscript number that lost its space (a Word or PDF copy) is
    the reference's number when at least three such lines count up from 1; a space is put back."""
    hits = [(k, int(m.group(2))) for k, ln in enumerate(lines) if (m := _GLUED_NUMBER_RE.match(ln))]
    nums = [n for _, n in hits]
    if len(hits) < 3 or nums[0] > 2 or sum(1 for a, b in zip(nums, nums[1:], strict=False) if b == a + 1) < 0.7 * (len(nums) - 1):
        return lines
    out = list(lines)
    expected = nums[0]
    for k, ln in enumerate(out):  # in order, each next number: also "22European Medicines Agency. ..."
        m = re.match(r"(\s*)(\d{1,3})(?=[A-ZÀ-Þ][a-zà-ÿ])", ln)
        if m and int(m.group(2)) == expected:
            out[k] = f"{m.group(1)}{m.group(2)}. {ln[m.end():]}"
            expected += 1
    return out


def _gutter(lines: list[str]) -> int | None:
    """The column at which a page printed by ``pdftotext -layout`` splits into two columns side by side:
    a place blank on (nearly) every line, with text on both sides of it on many lines."""
    rows = [ln.rstrip() for ln in lines if ln.strip()]
    wide = [ln for ln in rows if len(ln) > 60]
    if len(wide) < 8 or sum(1 for ln in rows if len(ln) > 230) >= 2:
        return None  # (paragraphs a line each, as a browser copies them, are no page laid out in columns)
    width = max(len(ln) for ln in rows)
    good: list[tuple[int, float]] = []
    for c in range(int(width * 0.3), int(width * 0.7)):
        blank = sum(1 for ln in rows if len(ln) <= c or ln[c - 1:c + 2] == "   ")
        both = sum(1 for ln in rows if len(ln) > c + 3 and ln[:c].strip() and ln[c:].strip())
        if both >= max(6, 0.3 * len(wide)) and blank >= 0.9 * len(rows):
            good.append((c, blank / len(rows)))
    if not good:
        return None
    top = max(sc for _, sc in good)
    cols = [c for c, sc in good if sc >= top - 0.02]
    return cols[len(cols) // 2]  # the middle of the blank band


def side_by_side(text: str) -> str:
    """Pages that ``pdftotext -layout`` printed with two columns side by side become the left column,
    then the right one (each keeps its own indents: hanging references stay hanging); a line that
    crosses the gutter (a running head, a footer) stays whole, above the columns."""
    pages = text.split("\f")
    out = []
    for page in pages:
        lines = page.split("\n")
        c = _gutter(lines)
        if c is None:
            out.append(page)
            continue
        whole, left, right = [], [], []
        for ln in lines:
            if len(ln.rstrip()) > c and ln[c - 1:c + 2].strip() and ln[:c - 1].strip():
                whole.append(ln.strip())  # crosses the gutter
                continue
            left.append(ln[:c].rstrip())
            right.append(ln[c:].rstrip() if len(ln) > c else "")
        indent = min((len(r) - len(r.lstrip()) for r in right if r.strip()), default=0)
        right = [r[indent:] for r in right]
        out.append("\n".join(whole + left + [""] + right))
    return "\f".join(out)


_OUP_NAME = re.compile(r"(?<![\w,])([A-ZÀ-Þ][\w'’\-]+(?:\s[a-z]{1,3}\s[A-ZÀ-Þ][\w'’\-]+)?) {2,}([A-ZÀ-Þ][\w'’.\- ]*?) ,(?= )")


def spaced_names(text: str) -> str:
    """Oxford Academic's web references, 'Card   David , Krueger   Alan B. , “ Minimum Wages ... ,” American
    Economic Review , 84 ( 1994 ), 772 – 793 .': family and given names set apart by spaces, and spaces
    before every comma and inside quotes and brackets; the usual 'Card, David, Krueger, Alan B., “Minimum ...”'."""
    if len(_OUP_NAME.findall(text)) < 3:
        return text
    out = []
    for ln in text.split("\n"):
        if _OUP_NAME.search(ln) and " , " in ln:
            ln = _OUP_NAME.sub(r"\1, \2,", ln)
            ln = re.sub(r" +([,.;:)”’])", r"\1", ln)
            ln = re.sub(r"([(“‘]) +", r"\1", ln)
            ln = re.sub(r"(\d) ([–-]) (\d)", r"\1\2\3", ln)
            ln = re.sub(r" {2,}", " ", ln)
        out.append(ln)
    return "\n".join(out)


def numbers_alone(lines: list[str]) -> list[str]:
    """'1' / 'Fleming A. On the ...': a list whose numbers stand on lines of their own (set in a column
    beside the entries) gets each number back on its entry's first line, before a page number could be
    taken for one of them. Only numbers that count up from 1 are moved."""
    bare = [i for i, ln in enumerate(lines) if re.fullmatch(r"\d{1,3}", ln.strip(find.PAGE_BREAK + " "))]
    if len(bare) < 3:
        return lines
    run, want = [], 1
    for i in bare:
        if int(lines[i].strip(find.PAGE_BREAK + " ")) == want:
            nxt = next((k for k in range(i + 1, min(len(lines), i + 3)) if lines[k].strip(find.PAGE_BREAK + " ")), None)
            if nxt is not None and re.match(r"\s*[A-ZÀ-Þ(\[]|\s*(?:van|von|de|da|le|la)\s", lines[nxt].lstrip(find.PAGE_BREAK)):
                run.append((i, nxt))
                want += 1
    if len(run) < 3 or len(run) < 0.5 * len(bare):
        return lines
    out = list(lines)
    for i, nxt in run:
        out[nxt] = ("\f" if find.PAGE_BREAK in out[i] else "") + f"{out[i].strip(find.PAGE_BREAK + ' ')}. " + \
            out[nxt].lstrip(find.PAGE_BREAK + " ")
        out[i] = find.PAGE_BREAK if find.PAGE_BREAK in out[i] else ""
    return out


def numbered_headings(numbered: list[tuple[int, str]], nonblank: list[tuple[int, str]]) -> bool:
    """'1. Primary sources' ... '2. Secondary sources' over unnumbered author-year references: the
    numbers count the groups (short lines with no year), not the references."""
    if not all(len(ln.split()) <= 6 and len(ln.strip()) <= 60 and not YEAR_RE.search(ln) and
               not re.search(r"https?:|www\.|\b10\.\d{4,}/|doi", ln) for _, ln in numbered):
        return False  # ("1058. https://doi.org/...": a page range's end and the link, wrapped)
    plain = sum(1 for _, ln in nonblank if not NUMBER_RE.match(ln) and starts_strictly(ln.strip()))
    return plain >= 2 * len(numbered)
