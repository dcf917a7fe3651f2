"""What an app wraps around references when it exports or copies them: a chat history's stamps and names
(WhatsApp), Apple Books' excerpt trailers, a systematic review's study identifiers above its records, a web
page's contents box. Each function takes the lines and returns them with the wrapping blanked (line numbers
kept) and what it took as (index, text, reason); :func:`refkit.parse.furniture.page_lines` calls them.
"""

from __future__ import annotations

import re

from refkit.parse.starts import YEAR_RE, looks_like_start, starts_strictly

_EXPORT_PREFIX = re.compile(r"^\s*\u200e?\[?\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]?"
                            r"\s*(?:-\s+)?\u200e?(?:(?P<name>[^:\n]{1,50}?):\s)?")


def chat_export(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A chat app's exported history ('[12.03.2024, 18:11:15] Name: text', WhatsApp's Android '12/03/2024, 18:11 -
    Name: text'): the stamps and names go; system messages, media placeholders and talk are dropped; the lines
    that read as references stay, one a line. Three stamped lines or more."""
    stamped = [i for i, ln in enumerate(lines) if _EXPORT_PREFIX.match(ln) and re.match(r"\s*\u200e?\[?\d", ln)]
    if len(stamped) < 3:
        return lines, []
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    for i, ln in enumerate(lines):
        m = _EXPORT_PREFIX.match(ln) if i in set(stamped) else None
        body = ln[m.end():] if m else ln
        if m and not m.group("name"):
            body = ""  # "Ingrid Solberg opprettet gruppen": the app's own message
        t = body.strip().lstrip("\u200e")
        if t and len(t) > 40 and YEAR_RE.search(t) and (t[:1].isupper() or t[:1] in "„“\"") and not _talk_before(t):
            out[i] = t
        else:
            out[i] = ""
            if ln.strip():
                skipped.append((i, ln.strip(), "a chat's message, not a reference"))
    return out, skipped


def _talk_before(t: str) -> bool:
    """A message that talks about a work ('Imsen har jeg på papir, kan ta bilde av kap 14'): it does not start as
    references start."""
    return not (looks_like_start(t) or starts_strictly(t) or re.match(r"[^\s.,:]+[.:]?\s*\(?(?:1[5-9]|20)\d\d", t))

_TOC_HEAD = re.compile(r"(?i)^\s*(?:on\s+this\s+page|(?:table\s+of\s+)?contents|in\s+this\s+(?:article|post|page)|jump\s+to|"
                       r"article\s+contents|inhalt(?:sverzeichnis)?|auf\s+dieser\s+seite|sommaire|sur\s+cette\s+page|índice|"
                       r"en\s+esta\s+página|outline)\s*:?\s*$")


def contents_lists(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A web page's 'On this page' / 'Contents' box: its short lines repeat the page's headings ('1. Start from
    the design', 'References', 'Footnotes'), which must not be read as a numbered list or the list's heading."""
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    for i, ln in enumerate(lines):
        if not _TOC_HEAD.match(ln):
            continue
        j = i + 1
        seen: set[str] = set()
        while j < len(lines) and lines[j].strip() and len(lines[j].strip()) <= 80 and not YEAR_RE.search(lines[j]) and \
                j - i <= 40 and lines[j].strip() not in seen:  # (the first heading again: the page's text begins)
            seen.add(lines[j].strip())
            j += 1
        if j - i - 1 >= 3:
            for k in range(i, j):
                skipped.append((k, lines[k].strip(), "a table of contents"))
                out[k] = ""
    return out, skipped


_STUDY_ID = re.compile(r"^\s*(?:[A-ZÀ-Þ][\w'’‐\-]+(?:\s(?:[a-z]{1,3}\s)?[A-ZÀ-Þ][\w'’‐\-]+){0,2}\s(?:1[5-9]|20)\d\d[a-z]?|"
                       r"(?:ISRCTN|NCT|ACTRN|ChiCTR|DRKS|EUCTR|CTRI|JPRN|IRCT)[\w\-]{4,20})"
                       r"(?:\s\{[^}]{3,40}\}|\s\[[^\]]{3,30}\])?\s*$")


def study_ids(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A systematic review's study identifiers above the records of each study ('Kho 2019 {published data only}',
    'Fan 2014', 'ISRCTN14567820 {unpublished data only}'): labels, not references; the records under them are."""
    found = [i for i, ln in enumerate(lines) if _STUDY_ID.match(ln) and i + 1 < len(lines) and len(lines[i + 1].strip()) > 40]
    if len(found) < 3 or not any("data only}" in lines[i] for i in found):
        return lines, []
    out = list(lines)
    for i in found:
        out[i] = ""
    return out, [(i, lines[i].strip(), "a study's identifier above its records") for i in found]


def book_excerpts(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """Text copied out of Apple Books: the copy in quotes ('“Gratziou, Olga. ...”'), then 'Excerpt From' / the
    book's title / its author / 'This material may be protected by copyright.': the trailer goes, and the quotes."""
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    start = 0
    for i, ln in enumerate(lines):
        if ln.strip() != "Excerpt From":
            continue
        end = next((k for k in range(i + 1, min(len(lines), i + 6)) if "may be protected by copyright" in lines[k]), None)
        if end is None:
            continue
        for k in range(i, end + 1):
            if lines[k].strip():
                skipped.append((k, lines[k].strip(), "a copy's trailer ('Excerpt From ...')"))
            out[k] = ""
        first = next((k for k in range(start, i) if out[k].strip()), None)
        last = next((k for k in range(i - 1, start - 1, -1) if out[k].strip()), None)
        if first is not None and last is not None:
            out[first] = re.sub(r"^(\s*)[“\"]", r"\1", out[first])
            out[last] = re.sub(r"[”\"](\s*)$", r"\1", out[last])
        start = end + 1
    return out, skipped
