"""Numbers as CSL prints them: is-numeric, number forms (ordinal, roman), page ranges and their collapsing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from refkit.format.csl.context import Ctx

_NUMERIC_RE = re.compile(r"^(?:[A-Za-z]*\d+[A-Za-z]*)(?:\s*(?:[-\u2013&,]|and)\s*[A-Za-z]*\d+[A-Za-z]*)*$")


def is_numeric(val: str) -> bool:
    return bool(_NUMERIC_RE.match(val.strip()))


_NUM_TOKEN = re.compile(r"(\d+)")


def format_numbers(val: str, form: str, ctx: Ctx, gender: str | None = None) -> str:
    """``val``'s numbers in ``form``; ordinals agree with ``gender`` (that of the variable's term)."""
    def one(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if form == "ordinal":
            return f"{n}{ctx.loc.ordinal(n, gender)}"
        if form == "long-ordinal":
            return ctx.loc.long_ordinal(n, gender) or f"{n}{ctx.loc.ordinal(n, gender)}"
        if form == "roman":
            return roman(n).lower()
        return m.group(1)
    s = re.sub(r"\s*(?<=\d)\s*[-\u2013]\s*(?=\d)", "\u2013", val)
    s = re.sub(r"\s*,\s*", ", ", s)
    s = re.sub(r"\s*&\s*", " " + (ctx.loc.term("and", "symbol") or "&") + " ", s)
    return _NUM_TOKEN.sub(one, s) if form != "numeric" else s


def roman(n: int) -> str:
    out = []
    for sym, v in (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
                   ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1)):
        k, n = divmod(n, v)
        out.append(sym * k)
    return "".join(out)


_RANGE = re.compile(r"(?<!\w)([A-Za-z0-9]*?[A-Za-z])?(\d+)\s*(?:-+|\u2013)\s*([A-Za-z0-9]*?[A-Za-z])?(\d+)(?!\w)")


def page_range(val: str, fmt: str | None, delim: str = "\u2013") -> str:
    """Page ranges with the locale's range delimiter, collapsed per ``page-range-format``. A range
    whose two ends carry different prefixes ("N110-5", "110-N6") is left as written (citeproc-js)."""
    def one(m: re.Match[str]) -> str:
        p1, a, p2, b = m.group(1) or "", m.group(2), m.group(3) or "", m.group(4)
        if p1 != p2:
            return f"{p1}{a}-{p2}{b}"
        if fmt:
            b = collapse_range(a, b, fmt)
            return f"{p1}{a}{delim}{p2 if fmt == 'expanded' else ''}{b}"
        return f"{p1}{a}{delim}{p2}{b}"
    if "\\-" in val:  # an escaped hyphen is not a range: "327\\-30" prints "327-30"
        return "\\-".join(page_range(part, fmt, delim) for part in val.split("\\-")).replace("\\-", "-")
    val = re.sub(r"\b([ivxlcdm]+)\s*(?:-+|\u2013)\s*([ivxlcdm]+)\b", lambda m: m.group(1) + delim + m.group(2), val)
    return _RANGE.sub(one, val)


_ROMAN = re.compile(r"^[ivxlcdm]+$", re.I)
_SEPARATORS = re.compile(r"\s*(?:\\-|(?<!\\)-+|[\u2013\u2014&,]|\band\b|\bet\b|\bund\b|\by\b)\s*")


def is_plural(val: str, and_term: str = "") -> bool:
    """A locator or number that names several (12-14, 3 & 5, 1, 4, 213 and 235; not 3-B or 327\\-30)."""
    if "\\-" in val:
        val = val.replace("\\-", "")
    if and_term and and_term not in ("and", "&"):
        val = val.replace(f" {and_term} ", " & ")
    parts = [p for p in _SEPARATORS.split(val.strip()) if p]
    numeric = [p for p in parts if any(c.isdigit() for c in p) or _ROMAN.match(p)]
    return len(numeric) >= 2 and len(numeric) == len(parts)


def collapse_range(a: str, b: str, fmt: str) -> str:
    if len(b) < len(a):  # expand an abbreviated second part first: 360-75 -> 360-375
        full = a[: len(a) - len(b)] + b
        if int(full) < int(a):
            return b  # not a range we can read (197-12): leave it as written
        b = full
    if fmt == "expanded" or len(a) != len(b):
        return b
    if fmt in ("minimal", "minimal-two"):
        i = 0
        while i < len(a) - 1 and a[i] == b[i]:
            i += 1
        out = b[i:]
        if fmt == "minimal-two" and len(out) < 2 and len(b) >= 2:
            out = b[-2:]
        return out
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        na = int(a)
        if na < 100 or na % 100 == 0:
            return b
        if na % 100 < 10:
            return collapse_range(a, b, "minimal")
        if fmt == "chicago" and len(a) == 4:  # chicago 15: four digits keep all if > 2 change
            out = collapse_range(a, b, "minimal-two")
            return b if len(out) > 2 else out
        return collapse_range(a, b, "minimal-two")
    return b
