"""Lint checks on one field's value: identifiers (DOI, ISBN, ISSN, URL), dates, pages, names, text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from refkit.manage.lint import Edit
from refkit.manage.lint_scan import Block, RawField, RawFile
from refkit.manage.lint_tables import NAME_FIELDS, PLACEHOLDERS, VERBATIM_FIELDS

if TYPE_CHECKING:
    from refkit.manage.lint import Finding

DOI = re.compile(r"10\.\d{4,9}/\S+")
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|DOI:?\s*)", re.I)
URL = re.compile(r"(?:https?|ftp)://[^\s/?#]+\.[^\s/?#]+(?::\d+)?(?:[/?#]\S*)?|(?:https?|ftp)://localhost\S*",
                 re.I)
MONTH_NAMES = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MACRO = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
EDTF = re.compile(r"(?:-?\d{4}|\d{3}X|\d{2}XX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?[?~%]?"
                  r"(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?")
ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|\.)?$", re.I)


def _f(rule: str, message: str, file: str, f: RawField, key: str, fix: str | None = None,
       edits: list[Edit] | None = None) -> Finding:
    from refkit.manage.lint_rules import finding

    return finding(rule, message, file, f.value_line, key, fix, edits)


def set_value(f: RawField, new: str) -> Edit:
    """Replace the value's content, keeping its delimiters (a bare value gets braces)."""
    if len(f.pieces) == 1 and f.pieces[0].kind in '{"':
        return Edit(f.value_start + 1, f.value_end - 1, new)
    return Edit(f.value_start, f.value_end, "{" + new + "}")


def _delimited(f: RawField) -> bool:
    return len(f.pieces) == 1 and f.pieces[0].kind in '{"'


def check_field(file: str, raw: RawFile, b: Block, f: RawField, dialect: str, max_year: int) -> Iterator[Finding]:
    from refkit.manage.lint_rules import remove_field

    key, n = b.key, f.lname
    label = f"{key or '@' + b.type}: {n}"
    if f.is_macro or any(p.kind == "macro" for p in f.pieces):
        return
    value = f.text
    v = value.strip()
    if not v:
        yield _f("empty-field", f"{label} is empty", file, f, key, "remove the field", [remove_field(raw, f)])
        return
    parts = [x.strip().lower().strip(".") for x in re.split(r"-{1,2}|–", v)]
    if v.lower().strip(".") in PLACEHOLDERS or v.lower() in PLACEHOLDERS or (
            len(parts) > 1 and all(x in PLACEHOLDERS for x in parts if x) and any(parts)):
        if n not in ("key", "note", "type", "keywords", "language", "langid"):
            yield _f("placeholder", f"{label} holds a placeholder ({v!r})", file, f, key, "remove the field",
                     [remove_field(raw, f)])
            return
    checker = _CHECKS.get(n)
    if checker:
        yield from checker(file, f, key, label, v, dialect, max_year)
    if n in NAME_FIELDS:
        yield from _names(file, f, key, label, value)
    if n == "title":
        yield from _caps(file, f, key, label, v)
    if (n not in VERBATIM_FIELDS and not n.startswith(("url", "bdsk", "file", "local-", "sort", "indexsort"))
            and not n.endswith("url") and not re.match(r"(?:https?|ftp)://", v)):
        yield from _unescaped(file, f, key, label, value)


def _doi(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    if DOI.fullmatch(v) and "\\" not in v and not re.search(r"10\.48550/arxiv:", v, re.I):
        return
    fixed = DOI_PREFIX.sub("", v).replace("\\_", "_").replace("\\%", "%")
    fixed = re.sub(r"^(10\.48550/arXiv):", r"\1.", fixed, flags=re.I)
    if fixed != v and DOI.fullmatch(fixed) and _delimited(f):
        why = "is written as a URL or with a prefix" if DOI_PREFIX.match(v) else "is malformed"
        if re.search(r"10\.48550/arxiv:", v, re.I):
            why = "has ':' where arXiv DOIs have '.'"
        elif "\\" in v and DOI_PREFIX.sub("", v) != v.replace("\\", ""):
            why = "has LaTeX escapes (the doi field is verbatim)"
        yield _f("doi", f"{label} {why}: {v}", file, f, key, f"write {fixed}", [set_value(f, fixed)])
    else:
        yield _f("doi", f"{label} is not a DOI (10.<prefix>/<suffix>): {v}", file, f, key)


def isbn_ok(s: str) -> bool:
    d = re.sub(r"[\s-]", "", s).upper()
    if re.fullmatch(r"\d{9}[\dX]", d):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(d))
        return total % 11 == 0
    if re.fullmatch(r"\d{13}", d):
        return sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d)) % 10 == 0
    return False


def issn_ok(s: str) -> bool:
    d = s.replace("-", "").upper()
    if not re.fullmatch(r"\d{7}[\dX]", d):
        return False
    total = sum((8 - i) * int(c) for i, c in enumerate(d[:7]))
    check = (11 - total % 11) % 11
    return d[7] == ("X" if check == 10 else str(check))


def _isbn(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    parts = [p for p in re.split(r"\s*[,;/]\s*|\s+(?=(?:ISBN[:\s]*)?[\dX-]{10,17}\b)", v) if p.strip()]
    for p in parts:
        p2 = re.sub(r"^ISBN(?:-1[03])?:?\s*", "", p.strip(), flags=re.I)
        p2 = re.sub(r"\s*\(.*\)$", "", p2)  # "0-201-... (pbk.)"
        if not isbn_ok(p2):
            digits = re.sub(r"[^\dX]", "", p2.upper())
            why = "wrong check digit" if len(digits) in (10, 13) else f"{len(digits)} digits, not 10 or 13"
            if issn_ok(p2):
                why = "it is an ISSN"
            yield _f("isbn", f"{label} {p2!r} is not a valid ISBN ({why})", file, f, key)


def _issn(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    if DOI.search(v):
        yield _f("issn", f"{label} holds a DOI, not an ISSN: {v}", file, f, key)
        return
    for p in [p for p in re.split(r"\s*[,;/]\s*|\s+", v) if p.strip()]:
        p2 = re.sub(r"^(?:e?ISSN|print|online|electronic):?|\(.*?\)", "", p, flags=re.I).strip()
        if not p2:
            continue
        if not issn_ok(p2):
            why = "wrong check digit" if re.fullmatch(r"\d{4}-?\d{3}[\dXx]", p2) else "not NNNN-NNNC"
            yield _f("issn", f"{label} {p2!r} is not a valid ISSN ({why})", file, f, key)


def _url(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    inner = re.fullmatch(r"\\url\{(.*)\}", v)
    u = inner.group(1) if inner else v
    if URL.fullmatch(u):
        return
    if re.fullmatch(r"\S+", u) and URL.fullmatch(u.replace(" ", "")):
        return
    if " " in u.strip() and all(re.match(r"(?:https?|ftp)://", x, re.I) for x in u.split()):
        yield _f("url", f"{label} holds several URLs: keep one per field", file, f, key)
    elif re.match(r"(?:https?|ftp)://", u, re.I):
        yield _f("url", f"{label} is not a well-formed URL: {u}", file, f, key)
    elif re.match(r"www\.", u, re.I):
        yield _f("url", f"{label} has no scheme (http:// or https://): {u}", file, f, key)
    elif not re.match(r"(?:mailto|file|doi|urn|s3|git|ssh|sftp|ftps|data|news|gopher|info|hdl|ark|arxiv):",
                      u, re.I):
        yield _f("url", f"{label} is not a URL (no http:// or https://): {u}", file, f, key)


def _year(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    v2 = re.sub(r"\{?\\noopsort\{[^{}]*\}\}?", "", v).strip("{} ")
    if v2.lower().strip(".") in ("forthcoming", "in press", "submitted", "to appear", "n.d", "nd", "accepted"):
        return
    if "\\" in v2 and re.search(r"(?<!\d)\d{4}(?!\d)", v2):  # a sorting hack around the year
        return
    if re.fullmatch(r"\d{4}", v2):
        if int(v2) > max_year:
            yield _f("future-year", f"{label} {v2} is in the future", file, f, key)
        return
    m = re.fullmatch(r"(\d{4})\s*(?:--?|–|/)\s*(\d{2,4})", v2)
    if m:
        yield _f("year", f"{label} is a range ({v2}); biblatex takes ranges in date", file, f, key)
        return
    yield _f("year", f"{label} is not a year: {v2!r}", file, f, key)


def _date(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    parts = v.split("/")
    if len(parts) <= 2 and all(p in ("", "..") or EDTF.fullmatch(p) for p in parts) and any(parts):
        for p in parts:
            m = re.match(r"\d{4}-(\d{2})(?:-(\d{2}))?", p)
            if m and (not 1 <= int(m.group(1)) <= 12 and int(m.group(1)) not in range(21, 42) or
                      m.group(2) and not 1 <= int(m.group(2)) <= 31):
                yield _f("date", f"{label} {v!r} has an impossible month or day", file, f, key)
                return
        y = re.match(r"(\d{4})", v)
        if y and int(y.group(1)) > max_year:
            yield _f("future-year", f"{label} {v} is in the future", file, f, key)
        return
    yield _f("date", f"{label} {v!r} is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or a range a/b)",
             file, f, key)


def _month(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    v2 = v.strip().strip("{}").rstrip(".").lower()
    if v2.isdigit() and 1 <= int(v2) <= 12:
        return
    n = next((i for name, i in MONTH_NAMES.items() if len(v2) >= 3 and name.startswith(v2)), 0)
    if n:
        fix = MACRO[n - 1]
        yield _f("month", f"{label} {v!r} is text; the month macro {fix} lets styles abbreviate and localise",
                 file, f, key, f"write month = {fix}", [Edit(f.value_start, f.value_end, fix)])
    else:
        yield _f("month", f"{label} {v!r} is not a month", file, f, key)


_RANGE = re.compile(r"^\s*([A-Za-z]*)(\d+)\s*(-|–|—|--|---|\\textendash\{?\}?)\s*([A-Za-z]*)(\d+)\s*$")


def _pages(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    m = _RANGE.match(v)
    if not m:
        return
    a, b = int(m.group(2)), int(m.group(5))
    if b < a and len(m.group(5)) >= len(m.group(2)) and m.group(1) == m.group(4):
        yield _f("pages-reversed", f"{label} {v!r} ends before it starts", file, f, key)
    elif m.group(3) != "--":
        fixed = f"{m.group(1)}{m.group(2)}--{m.group(4)}{m.group(5)}"
        yield _f("pages", f"{label} {v!r}: a range takes a double hyphen (--)", file, f, key, f"write {fixed}",
                 [set_value(f, fixed)] if _delimited(f) or v.isascii() else [])


def _edition(file: str, f: RawField, key: str, label: str, v: str, dialect: str, max_year: int) -> Iterator[Finding]:
    m = re.fullmatch(r"(.+?)\s*(?:edition|ed\.?|edn\.?|aufl\.?|auflage)", v, re.I)
    if m and m.group(1).strip():
        yield _f("edition", f"{label} {v!r}: styles add the word 'edition' themselves", file, f, key,
                 f"write {m.group(1)}", [set_value(f, m.group(1))] if _delimited(f) else [])
        return
    o = ORDINAL.match(v)
    if dialect == "biblatex" and o and not v.isdigit():
        yield _f("edition", f"{label} {v!r}: biblatex wants a number (it prints the ordinal)", file, f, key,
                 f"write {o.group(1)}", [set_value(f, o.group(1))] if _delimited(f) else [])


def _names(file: str, f: RawField, key: str, label: str, value: str) -> Iterator[Finding]:
    flat = re.sub(r"\{[^{}]*\}", lambda m: "x" * len(m.group(0)), value)  # names in braces are not split
    if re.search(r"(?i)(?:^\s*and\s)|\sand\s+and\s|(?:\sand\s*$)|^\s*and\s*$", flat):
        fixed = value.strip()
        while re.search(r"(?i)\sand\s+and\s", fixed):
            fixed = re.sub(r"(?i)(\s)and\s+and(\s)", r"\1and\2", fixed)
        fixed = re.sub(r"(?i)^(?:and\s+)+|(?:\s+and)+$|^and$", "", fixed)
        yield _f("and-and", f"{label} has an empty name ('and and' or a dangling 'and')", file, f, key,
                 "remove the empty name", [set_value(f, fixed)] if _delimited(f) and fixed else [])


def _caps(file: str, f: RawField, key: str, label: str, v: str) -> Iterator[Finding]:
    bare = re.sub(r"\{[^{}]*\}|\\[a-zA-Z]+|\$[^$]*\$", " ", v)
    letters = [c for c in bare if c.isalpha()]
    words = [w for w in re.findall(r"[^\W\d_]+", bare) if len(w) > 1]
    if len(letters) >= 12 and len(words) >= 3 and all(c.isupper() for c in letters if c.isalpha() and c.isascii()):
        if sum(1 for c in letters if c.isupper()) >= 0.9 * len(letters):
            yield _f("all-caps-title", f"{label} is in capitals; write it in title or sentence case", file, f, key)


def _unescaped(file: str, f: RawField, key: str, label: str, value: str) -> Iterator[Finding]:
    if not _delimited(f):
        return
    text = re.sub(r"\\(?:url|href|path|nolinkurl)\{[^{}]*\}", lambda m: " " * len(m.group(0)), value)
    for m in re.finditer(r"(?<!\\)[&%]", text):
        i = m.start()
        if text[i] == "&" and re.match(r"&(?:amp|lt|gt|quot|#\d+);", text[i:]):
            yield _f("unescaped-char", f"{label} has an HTML entity ({text[i:text.find(';', i) + 1]})", file, f, key)
            return
        if _in_math(text, i):
            continue
        start = f.value_start + 1 + i
        yield _f("unescaped-char", f"{label} has an unescaped {text[i]} (LaTeX reads it as "
                 f"{'an alignment tab' if text[i] == '&' else 'a comment'})", file, f, key,
                 f"write \\{text[i]}", [Edit(start, start, "\\")])


def _in_math(text: str, i: int) -> bool:
    return text.count("$", 0, i) % 2 == 1


_CHECKS = {"doi": _doi, "isbn": _isbn, "issn": _issn, "url": _url, "year": _year, "date": _date,
           "urldate": _date, "eventdate": _date, "origdate": _date, "month": _month, "pages": _pages,
           "edition": _edition}
