"""The one internal record type for a reference, close to CSL-JSON.

Every command reads into :class:`Reference` and writes out of it:
BibTeX (``refkit.bib.bibtex``), CSL-JSON (:meth:`Reference.to_csl` / :meth:`Reference.from_csl`),
parsed text (``refkit.parse``), link checking and CSL formatting.

Field names are CSL variable names (``title``, ``container-title``, ``page``, ``URL`` ...);
names and dates are typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

NAME_VARIABLES = ("author", "editor", "translator", "container-author", "collection-editor", "director")
DATE_VARIABLES = ("issued", "accessed", "original-date", "event-date")

# CSL item types refkit knows (a subset of CSL 1.0.2's list; others pass through untouched).


@dataclass
class Name:
    """A personal name split into parts, or a literal (corporate) name.

    ``others`` marks the "and others" / "et al." placeholder at the end of a name list.
    """

    family: str = ""
    given: str = ""
    particle: str = ""  # non-dropping particle: "van den" in "van den Berg"
    suffix: str = ""  # "Jr.", "III"
    dropping: str = ""  # dropping particle: "de" in "Jean de La Fontaine" when sorted under L
    literal: str = ""
    others: bool = False

    @classmethod
    def et_al(cls) -> Name:
        return cls(others=True)

    def full_family(self) -> str:
        return f"{self.dropping} {self.particle} {self.family}".strip()

    def to_csl(self) -> dict[str, str]:
        if self.others:
            return {"literal": "others"}
        if self.literal:
            return {"literal": self.literal}
        out: dict[str, str] = {"family": self.family}
        if self.given:
            out["given"] = self.given
        if self.particle:
            out["non-dropping-particle"] = self.particle
        if self.dropping:
            out["dropping-particle"] = self.dropping
        if self.suffix:
            out["suffix"] = self.suffix
        return out

    @classmethod
    def from_csl(cls, d: dict[str, Any]) -> Name:
        if "literal" in d:
            lit = str(d["literal"])
            if lit.strip().lower() in ("others", "et al.", "et al"):
                return cls.et_al()
            return cls(literal=lit)
        return cls(
            family=str(d.get("family", "")),
            given=str(d.get("given", "")),
            particle=str(d.get("non-dropping-particle", "")),
            suffix=str(d.get("suffix", "")),
            dropping=str(d.get("dropping-particle", "")),
        )

    def __str__(self) -> str:
        if self.others:
            return "others"
        if self.literal:
            return self.literal
        out = self.full_family()
        if self.suffix:
            out += f", {self.suffix}"
        if self.given:
            out += f", {self.given}"
        return out


@dataclass
class Date:
    """A date or a date range; parts are (year, month, day) with month and day optional.

    ``end == (0,)`` is an open range ("1999/"); ``season`` is 1-4 (spring .. winter), as in CSL.
    """

    start: tuple[int, ...] = ()
    end: tuple[int, ...] = ()
    circa: bool = False
    literal: str = ""  # a date that is not a date: "n.d.", "in press", "Spring 2019"
    season: int = 0

    @property
    def open_end(self) -> bool:
        return self.end == (0,)

    @property
    def year(self) -> int | None:
        return self.start[0] if self.start else None

    def iso(self) -> str:
        """ISO 8601 (EDTF range with '/')."""

        def one(p: tuple[int, ...]) -> str:
            y = f"-{-p[0]:04d}" if p[0] < 0 else f"{p[0]:04d}"
            return "-".join([y] + [f"{x:02d}" for x in p[1:]])

        if not self.start:
            return self.literal
        first = one(self.start) + (f"-{self.season + 20}" if self.season and len(self.start) == 1 else "")
        end = "/" if self.open_end else f"/{one(self.end)}" if self.end else ""
        return first + ("~" if self.circa else "") + end

    def year_text(self) -> str:
        if not self.start:
            return self.literal
        if self.end and not self.open_end and self.end[0] != self.start[0]:
            return f"{self.start[0]}/{self.end[0]}"
        return str(self.start[0])

    def to_csl(self) -> dict[str, Any]:
        if not self.start:
            return {"literal": self.literal} if self.literal else {}
        end = [[0]] if self.open_end else [list(self.end)] if self.end else []
        out: dict[str, Any] = {"date-parts": [list(self.start)] + end}
        if self.circa:
            out["circa"] = True
        if self.season:
            out["season"] = self.season
        return out

    @classmethod
    def from_csl(cls, d: Any) -> Date:
        if isinstance(d, str):
            return cls.parse(d)
        if not isinstance(d, dict):
            return cls()
        parts = d.get("date-parts")
        if parts and isinstance(parts, list) and parts[0]:
            try:
                start = tuple(int(x) for x in parts[0] if str(x).strip() != "")
                end = tuple(int(x) for x in parts[1]) if len(parts) > 1 and parts[1] else ()
                season = int(d.get("season") or 0) if str(d.get("season") or 0).isdigit() else 0
            except (TypeError, ValueError):
                return cls(literal=str(parts))
            return cls(start=start, end=end, circa=bool(d.get("circa")), season=season)
        if "raw" in d:
            return cls.parse(str(d["raw"]))
        if "literal" in d:
            return cls(literal=str(d["literal"]))
        return cls()

    _ISO = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")

    @classmethod
    def parse(cls, text: str) -> Date:
        """Read ISO 8601 dates and ranges ('2020', '2020-05-03', '2020/2021', '2020-21').

        '2023-07' is a year and month; '2020-21' and '2020--2021' are year ranges."""
        t = text.strip()
        if not t:
            return cls()
        yr = re.fullmatch(r"(\d{4})\s*(?:--?|–)\s*(\d{2}|\d{4})", t)  # "2020-21", "2020--2021"
        if yr and re.fullmatch(r"\d{4}-(0?[1-9]|1[0-2])", t):
            yr = None  # "2023-07": July 2023
        halves = list(yr.groups()) if yr else re.split(r"\s*/\s*", t, maxsplit=1)
        start = cls._one(halves[0])
        if start is None:
            return cls(literal=t)
        end: tuple[int, ...] = ()
        if len(halves) > 1:
            h = halves[1]
            if re.fullmatch(r"\d{2}", h):  # "2020-21"
                h = str(start[0])[:2] + h
            e = cls._one(h)
            if e is None:
                return cls(literal=t)
            end = e
        return cls(start=start, end=end)

    @classmethod
    def _one(cls, s: str) -> tuple[int, ...] | None:
        m = cls._ISO.match(s.strip())
        if not m:
            return None
        parts = tuple(int(g) for g in m.groups() if g)
        if len(parts) > 1 and not 1 <= parts[1] <= 12:
            return None
        if len(parts) > 2 and not 1 <= parts[2] <= 31:
            return None
        return parts


@dataclass
class Reference:
    """One bibliographic item.

    ``fields`` holds CSL string variables (``title``, ``container-title``, ``volume``,
    ``issue``, ``page``, ``publisher``, ``publisher-place``, ``URL``, ``DOI``, ``language`` ...);
    ``names`` and ``dates`` hold the typed ones. ``extra`` keeps BibTeX fields that have no
    CSL counterpart so that a BibTeX round trip loses nothing. ``line`` and ``source`` say where
    the reference came from (1-based line in the input), for error messages and reports.
    """

    id: str = ""
    type: str = "document"
    fields: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    line: int | None = None
    source: str | None = None

    def get(self, key: str, default: str = "") -> str:
        return self.fields.get(key, default)

    @property
    def year(self) -> int | None:
        d = self.dates.get("issued")
        return d.year if d else None

    def to_csl(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type}
        for k, v in self.fields.items():
            if v != "":
                out[k] = v
        for k, names in self.names.items():
            if names:
                out[k] = [n.to_csl() for n in names]
        for k, d in self.dates.items():
            c = d.to_csl()
            if c:
                out[k] = c
        return out

    @classmethod
    def from_csl(cls, d: dict[str, Any]) -> Reference:
        ref = cls(id=str(d.get("id", "")), type=str(d.get("type") or "document"))
        for k, v in d.items():
            if k in ("id", "type"):
                continue
            if k in NAME_VARIABLES and isinstance(v, list):
                ref.names[k] = [Name.from_csl(x) for x in v if isinstance(x, dict)]
            elif k in DATE_VARIABLES:
                ref.dates[k] = Date.from_csl(v)
            elif isinstance(v, (str, int, float)):
                ref.fields[k] = str(v)
        return ref
