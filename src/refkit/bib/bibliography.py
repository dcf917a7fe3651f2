"""Reading a bibliography file, BibTeX or CSL-JSON, for the commands that take one (check, format, cite).

The format is chosen by the file's extension, else sniffed from its first character. BibTeX goes
through :mod:`refkit.bib.bibtex`; CSL-JSON items are kept as they are (``items``) beside their model
form (``references``), so that a renderer can use every CSL variable, known to refkit or not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from refkit.bib import bibtex
from refkit.errors import InputError, Problem
from refkit.io import read_input
from refkit.model import Reference

JSON_SUFFIXES = (".json", ".csljson")
BIBTEX_SUFFIXES = (".bib", ".bibtex")


@dataclass
class Bibliography:
    name: str  # for messages: the path, or <stdin>
    kind: str  # "bibtex" or "csl-json"
    references: list[Reference]
    items: list[dict[str, Any]] | None = None  # the CSL-JSON items as read (csl-json only)
    warnings: list[Problem] = field(default_factory=list)

    def csl_items(self) -> list[dict[str, Any]]:
        """CSL-JSON for every entry: the items as read, or the BibTeX entries mapped to CSL."""
        return self.items if self.items is not None else [r.to_csl() for r in self.references]


def read_bibliography(path: str | Path | None) -> Bibliography:
    """Read ``path`` (None or '-': standard input). Broken BibTeX entries become warnings with their
    line; a file with nothing usable raises :class:`InputError`."""
    text, name, warnings = read_input(path)
    lower = name.lower()
    is_json = lower.endswith(JSON_SUFFIXES) or (not lower.endswith(BIBTEX_SUFFIXES) and text.lstrip()[:1] in "[{")
    if not is_json:
        entries, problems = bibtex.load(text, source=name)
        warnings += problems
        return Bibliography(name, "bibtex", entries, warnings=warnings)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{name} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})",
                         hint="give a CSL-JSON array of items, or a .bib file") from None
    if isinstance(data, dict):
        data = data.get("items", [data] if "id" in data or "type" in data else None)
    if not isinstance(data, list):
        raise InputError(f"{name} is not CSL-JSON (expected an array of items)",
                         hint="give a CSL-JSON array of items, or a .bib file")
    lines = _json_lines(text)
    items: list[dict[str, Any]] = []
    refs: list[Reference] = []
    seen: set[str] = set()
    for n, d in enumerate(data, 1):
        if not isinstance(d, dict):
            warnings.append(Problem(f"item {n} is not an object; skipped", name,
                                    rule="syntax", severity="error"))
            continue
        item = dict(d)
        item["id"] = str(item.get("id") or f"item{n}")
        item["type"] = str(item.get("type") or "document")
        if item["id"] in seen:
            warnings.append(Problem(f"duplicate id {item['id']!r} (item {n}); the later one is skipped", name,
                                    lines.get(item["id"]), rule="duplicate-key"))
            continue
        seen.add(item["id"])
        items.append(item)
        ref = Reference.from_csl(item)
        ref.line, ref.source = lines.get(item["id"]), name
        refs.append(ref)
    return Bibliography(name, "csl-json", refs, items, warnings)


def _json_lines(text: str) -> dict[str, int]:
    """{id: the line its "id" is on}, for messages and annotations that point into a JSON file."""
    lines: dict[str, int] = {}
    for m in re.finditer(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"', text):
        try:
            key = json.loads(f'"{m.group(1)}"')
        except ValueError:
            continue
        lines.setdefault(key, text.count("\n", 0, m.start()) + 1)
    return lines
