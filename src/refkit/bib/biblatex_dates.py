"""biblatex dates (ISO 8601-2 / EDTF level 1) and BibTeX's year/month fields -> :class:`Date`.

``2023-07`` is a year and month, never a range; ranges are written with ``/`` (``1999-10/2000``,
open ``1999/`` or ``1999/..``); ``~`` and ``?`` mark approximate and uncertain dates (CSL: circa);
months 21-24 are seasons. BibTeX's ``year`` may hold ``1998--1999``, ``2020/21`` or text
(``in press``), kept as a literal.
"""

from __future__ import annotations

import re

from refkit.model import Date

MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12, "janv": 1, "févr": 2, "mars": 3, "avr": 4, "mai": 5, "juin": 6, "juil": 7,
    "août": 8, "sept": 9, "okt": 10, "dez": 12, "mär": 3, "märz": 3, "juni": 6, "juli": 7,
}
_ONE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T[\d:]+Z?)?\s*([~?%]*)$")
_UNSPECIFIED = re.compile(r"^(\d{1,3})([uX]+)$")


def month_number(text: str) -> int | None:
    t = re.sub(r"[{}.\s]", "", text).lower()
    if t.isdigit():
        return int(t) if 1 <= int(t) <= 12 else None
    return MONTH_NAMES.get(t[:3]) or MONTH_NAMES.get(t[:4]) or MONTH_NAMES.get(t)


def _one(text: str) -> tuple[tuple[int, ...], bool, int] | None:
    """One EDTF date -> (parts, circa, season)."""
    m = _ONE.match(text.strip())
    if not m:
        return None
    y = int(m.group(1))
    parts: list[int] = [y]
    season = 0
    if m.group(2):
        mo = int(m.group(2))
        if 21 <= mo <= 24:
            season = mo - 20
        elif 1 <= mo <= 12:
            parts.append(mo)
        else:
            return None
        if m.group(3):
            d = int(m.group(3))
            if not 1 <= d <= 31 or season:
                return None
            parts.append(d)
    return tuple(parts), "~" in m.group(4) or "%" in m.group(4), season


def parse_date(text: str) -> Date | None:
    """A biblatex ``date``-style field -> :class:`Date`, or None when it is not a date."""
    t = text.strip().replace("\u00a0", "~")
    if not t:
        return None
    u = _UNSPECIFIED.match(t)
    if u:  # "19uu": some year of the 1900s
        lo, n = int(u.group(1)), len(u.group(2))
        return Date(start=(lo * 10 ** n,), end=(lo * 10 ** n + 10 ** n - 1,))
    if "/" in t:
        a, b = (x.strip() for x in t.split("/", 1))
        first = _one(a) if a not in ("", "..") else None
        if first is None:
            return None
        if b in ("", "..", "open", "unknown"):
            return Date(start=first[0], end=(0,), circa=first[1], season=first[2])
        second = _one(b)
        if second is None:
            return None
        return Date(start=first[0], end=second[0], circa=first[1] or second[1], season=first[2])
    one = _one(t)
    if one is None:
        return None
    return Date(start=one[0], circa=one[1], season=one[2])


def parse_year(year: str, month: str = "", day: str = "", endyear: str = "") -> Date | None:
    """BibTeX's ``year`` (+ ``month``, ``day``, biblatex's ``endyear``) -> :class:`Date`."""
    y = re.sub(r"[{}]", "", year).strip()
    if not y:
        return None
    m = re.fullmatch(r"(-?\d{1,4})\s*(?:--?|–|—|/)\s*(\d{2}|\d{4})", y)  # 1998--1999, 2020/21
    if m:
        last = m.group(2)
        if len(last) == 2:
            last = m.group(1)[:2] + last
        return Date(start=(int(m.group(1)),), end=(int(last),))
    mt = re.fullmatch(r"(?:(\d{1,2})\.?\s+)?([A-Za-zé]{3,}\.?)\s+(\d{4})", y)  # "May 2020", "3 March 2020"
    if mt and month_number(mt.group(2)):
        dpart: tuple[int, ...] = (int(mt.group(1)),) if mt.group(1) else ()
        return Date(start=(int(mt.group(3)), month_number(mt.group(2)) or 0) + dpart)
    c = re.fullmatch(r"(?:c|ca|circa)\.?\s*(\d{3,4})", y, re.I)  # "c1980", "ca. 1980"
    if c:
        return Date(start=(int(c.group(1)),), circa=True)
    m = re.fullmatch(r"(-?\d{1,4})\s*([~?%]?)", y)
    if not m:
        d = parse_date(y)
        return d if d else Date(literal=y)
    parts: list[int] = [int(m.group(1))]
    mo = month_number(month) if month.strip() else None
    if mo:
        parts.append(mo)
        dd = re.sub(r"\D", "", day)
        if dd and 1 <= int(dd) <= 31:
            parts.append(int(dd))
    end: tuple[int, ...] = ()
    if endyear.strip().isdigit():
        end = (int(endyear.strip()),)
    return Date(start=tuple(parts), end=end, circa=bool(m.group(2)))
