"""Items: a CSL-JSON record normalised once for rendering."""

from __future__ import annotations

import re
from typing import Any

from refkit.format.csl.constants import DATE_VARS, NAME_VARS, TEXT_VARS
from refkit.model import Date, Name

_NOTE_FIELD = re.compile(r"^\{?:?([a-zA-Z][a-zA-Z-]*):\s*(.+?)\}?$")


class Item:
    """A CSL-JSON item, normalised once for rendering."""

    __slots__ = ("id", "type", "vars", "names", "dates", "english", "asian", "number", "year_suffix", "index")

    def __init__(self, data: dict[str, Any], index: int = 0) -> None:
        self.id = str(data.get("id", ""))
        self.type = str(data.get("type") or "document")
        self.vars: dict[str, str] = {}
        self.names: dict[str, list[dict[str, str]]] = {}
        self.dates: dict[str, dict[str, Any]] = {}
        self.index = index
        self.number = index + 1
        self.year_suffix = ""
        for k, v in data.items():
            if k in ("id", "type"):
                continue
            if k in NAME_VARS:
                if isinstance(v, list):
                    names = [_norm_name(n) for n in v if isinstance(n, dict)]
                    names = [n for n in names if n]
                    if names:
                        self.names[k] = names
            elif k in DATE_VARS:
                d = _norm_date(v)
                if d:
                    self.dates[k] = d
            elif isinstance(v, (str, int, float)) and not isinstance(v, bool):
                s = str(v).strip()
                if s:
                    self.vars[k] = s
        if "\n" in self.vars.get("note", "") or ": " in self.vars.get("note", ""):
            self._note_fields(data)
        if "page" in self.vars and "page-first" not in self.vars:
            first = re.split(r"\s*(?:(?<!\\)-|[\u2013\u2014,&])\s*", self.vars["page"], maxsplit=1)[0]
            if first:
                self.vars["page-first"] = first
        if "citation-label" not in self.vars:
            label = trigraph(self)
            if label:
                self.vars["citation-label"] = label
        if "shortTitle" in self.vars:
            self.vars.setdefault("title-short", self.vars["shortTitle"])
        if "journalAbbreviation" in self.vars:
            self.vars.setdefault("container-title-short", self.vars["journalAbbreviation"])
        lang = self.vars.get("language", "").lower()
        # None: no language given, so the style's locale decides (title case only for English)
        self.english: bool | None = (lang.startswith("en") or lang == "english") if lang else None
        self.asian = lang[:2] in ("ja", "zh", "ko")

    def _note_fields(self, data: dict[str, Any]) -> None:
        """Variables written as "key: value" lines in the note (Zotero's Extra field), as citeproc-js
        reads them: they fill variables the item lacks, and leave the note."""
        keep = []
        for line in self.vars["note"].splitlines():
            m = _NOTE_FIELD.match(line.strip())
            key = m.group(1) if m else ""
            if key in TEXT_VARS or key in DATE_VARS:
                if key in DATE_VARS and key not in self.dates:
                    d = _norm_date(m.group(2).strip())  # type: ignore[union-attr]
                    if d:
                        self.dates[key] = d
                elif key not in self.vars and key not in data:
                    self.vars[key] = m.group(2).strip()  # type: ignore[union-attr]
                continue
            keep.append(line)
        note = "\n".join(keep).strip()
        if note:
            self.vars["note"] = note
        else:
            self.vars.pop("note", None)

    def has(self, var: str) -> bool:
        return var in self.vars or var in self.names or var in self.dates


def _norm_name(n: dict[str, Any]) -> dict[str, str]:
    """A CSL name as the renderer reads it: :meth:`refkit.model.Name.from_csl`, then what only
    rendering needs (stripped parts, a lower-case particle split off the family name as citeproc-js
    does, ``comma-suffix``)."""
    name = Name.from_csl(n)
    if name.others:
        return {"literal": "others"}
    out = {k: v.strip() for k, v in name.to_csl().items() if v.strip()}
    if "literal" in out:
        return out
    fam = out.get("family", "")
    given = out.get("given", "")
    if len(fam) > 2 and fam[0] == fam[-1] == '"':  # a quoted family name is taken as it is: "Van Dyke"
        out["family"] = fam[1:-1]
    elif fam and "non-dropping-particle" not in out:
        m = re.match(r"^((?:['\u2019]?[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff.]*['\u2019]?\s+)+)(?=\S)", fam) or \
            re.match(r"^([a-z\u00e0-\u00ff]{1,3}-)(?=[A-Z])", fam)  # "al-One"
        if m and fam[m.end():][:1].isupper():
            particle = m.group(1).strip()
            # "de' Frinkle": an apostrophe written before a space keeps the space
            out["non-dropping-particle"] = particle + " " if particle.endswith(("'", "\u2019")) and \
                m.group(1)[len(particle):][:1].isspace() else particle
            out["family"] = fam[m.end():]
    if given and "suffix" not in out and "," in given:  # "John, III"; "John,! Jr." keeps its comma
        g, s = (x.strip() for x in given.split(",", 1))
        if s.startswith("!"):
            s = s[1:].strip()
            out["comma-suffix"] = "true"
        if g and s:
            out["given"], out["suffix"] = g, s
            given = g
    if given and "dropping-particle" not in out:  # "François Hédelin d'": trailing particles
        words = given.split()
        tail: list[str] = []
        while len(words) > 1 and words[-1][:1].islower() and words[-1][:1].isalpha():
            tail.insert(0, words.pop())
        if tail:
            out["given"] = " ".join(words)
            out["dropping-particle"] = " ".join(tail)
    if not out.get("family") and not out.get("given"):
        return {}
    if n.get("comma-suffix"):
        out["comma-suffix"] = "true"
    return out


def _norm_date(v: Any) -> dict[str, Any]:
    """A CSL date as the renderer reads it: :meth:`refkit.model.Date.from_csl` (after dropping empty
    date parts), then the season and ``circa``."""
    if isinstance(v, dict) and isinstance(v.get("date-parts"), list):
        parts = [[x for x in p if _is_int(x)] if isinstance(p, list) else [] for p in v["date-parts"][:2]]
        v = dict(v, **{"date-parts": [p for p in parts if p]})
        if not v["date-parts"]:
            del v["date-parts"]
    d = Date.from_csl(v)
    out: dict[str, Any] = {}
    if d.start:
        out["parts"] = [list(d.start[:3])] + ([list(d.end[:3])] if d.end else [])
    elif d.literal.strip():
        out["literal"] = d.literal
    if isinstance(v, dict) and v.get("season") and out.get("parts"):
        try:
            out["season"] = int(v["season"])
        except (TypeError, ValueError):
            out["season_text"] = str(v["season"])
    if d.circa or (isinstance(v, dict) and v.get("circa")):
        out["circa"] = True
    return out


def _is_int(x: Any) -> bool:
    try:
        int(x)
    except (TypeError, ValueError):
        return False
    return str(x).strip() != ""


def trigraph(item: Item) -> str:
    """citeproc-js's default citation label: "Smit99" (one author), "SmJo99" (two), "SmJB99"
    (three), "SJBD99" (four or more), from the first names variable and the year issued."""
    names = next((item.names[v] for v in ("author", "editor", "translator") if v in item.names), None)
    if not names:
        return ""
    fams = [n.get("family") or n.get("literal", "") for n in names]
    widths = {1: [4], 2: [2, 2], 3: [2, 1, 1]}.get(len(fams), [1, 1, 1, 1])
    label = "".join(f.replace(" ", "")[:w] for f, w in zip(fams, widths, strict=False))
    issued = item.dates.get("issued", {}).get("parts")
    if issued and issued[0]:
        label += f"{abs(issued[0][0]) % 100:02d}"
    return label
