"""CSL-YAML in and out: pandoc's YAML form of CSL data (``references:`` holding a list of CSL items).

Read through PyYAML's safe loader; also accepted: a bare list of items, and a Markdown file whose front
matter (between ``---`` lines) holds the ``references``. Dates may be written as pandoc writes them
(``issued: 2005-10``, ``issued: 1995/1998``), as ``[{year: 2005, month: 10}]`` or as CSL-JSON
``date-parts``: they are kept as CSL-JSON dates so that every reader after this one sees one form.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from refkit.bib import csljson
from refkit.errors import InputError, Problem
from refkit.model import DATE_VARIABLES, Date, Reference

# libyaml's C loader and dumper when PyYAML was built with it (ten times faster), else the pure-Python ones
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
HINT = "give CSL-YAML (references: followed by a list of items), or a .bib file"
_EXTRA_DATES = ("submitted", "available-date")


def _front_matter(text: str) -> str:
    """The first YAML document: a Markdown file's front matter, or the whole text."""
    lines = text.lstrip("\ufeff").splitlines()
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], 1):
            if line.rstrip() in ("---", "..."):
                return "\n".join(lines[1:i])
    return text


def _date(value: Any) -> Any:
    """A YAML date value -> a CSL-JSON date object."""
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()[:10]
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        return _edtf(value).to_csl() or {"literal": value}
    if isinstance(value, list) and value and all(isinstance(p, dict) for p in value):
        parts = [[p[k] for k in ("year", "month", "day") if p.get(k) not in (None, "")] for p in value]
        return {"date-parts": [p for p in parts if p]}
    return value


_ONE = re.compile(r"(-?\d{1,4})(?:-(\d\d))?(?:-(\d\d))?")


def _edtf(text: str) -> Date:
    """EDTF as pandoc writes it: ``2005``, ``2005-10``, ``2005-10-01``, ``1995/1998``, ``2005~`` (circa)."""
    t = text.strip()
    circa = t.endswith(("~", "?"))
    halves = t.rstrip("~?").split("/")
    parts: list[tuple[int, ...]] = []
    for h in halves[:2]:
        m = _ONE.fullmatch(h.strip().rstrip("~?"))
        if not m:
            return Date(literal=t)
        p = tuple(int(g) for g in m.groups() if g)
        if (len(p) > 1 and not 1 <= p[1] <= 12) or (len(p) > 2 and not 1 <= p[2] <= 31):
            return Date(literal=t)
        parts.append(p)
    return Date(start=parts[0], end=parts[1] if len(parts) > 1 else (), circa=circa)


def read_items(text: str, name: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    try:
        data = yaml.load(_front_matter(text), Loader=_Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise InputError(f"{name} is not valid YAML{where}", hint=HINT) from None
    items, problems = csljson.clean_items(data, name, item_lines(text), "CSL-YAML", HINT)
    for item in items:
        for k in (*DATE_VARIABLES, *_EXTRA_DATES):
            if k in item:
                item[k] = _date(item[k])
    return items, problems


def loads(text: str, name: str = "<string>") -> tuple[list[Reference], list[Problem]]:
    items, problems = read_items(text, name)
    return csljson.to_references(items, name, item_lines(text)), problems


def _edtf_text(value: Any) -> Any:
    """A CSL-JSON date as pandoc writes it in YAML (``2005-10``, ``1995/1998``, ``2005~``), where it can be."""
    if not isinstance(value, dict) or set(value) - {"date-parts", "circa"}:
        return value
    parts = value.get("date-parts")
    if not (isinstance(parts, list) and 1 <= len(parts) <= 2
            and all(isinstance(p, list) and 1 <= len(p) <= 3 and all(isinstance(x, int) for x in p)
                    for p in parts)):
        return value
    text = "/".join("-".join([f"{p[0]:04d}"] + [f"{x:02d}" for x in p[1:]]) for p in parts)
    return text + ("~" if value.get("circa") else "")


def dumps_items(items: list[dict[str, Any]]) -> str:
    dated = [{k: _edtf_text(v) if k in DATE_VARIABLES or k in _EXTRA_DATES else v for k, v in it.items()}
             for it in items]
    body = yaml.dump(dated, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return "---\nreferences:\n" + body + "...\n"


def dumps(refs: list[Reference]) -> tuple[str, list[Problem]]:
    problems = [p for r in refs for p in csljson.lost_in_csl(r, "CSL-YAML")]
    return dumps_items(csljson.items_of(refs)), problems


def item_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"""\s*(?:-\s+)?id:\s*['"]?([^'"#\n]*?)['"]?\s*$""", line)
        if m:
            lines.setdefault(m.group(1), n)
    return lines
