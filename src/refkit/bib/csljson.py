"""CSL-JSON in and out: an array of CSL items (or ``{"items": [...]}``, or one item).

Items are kept as read (``read_items``) so that a renderer can use every CSL variable, known to the model
or not; :func:`loads` also gives their model form. Writing says what CSL-JSON cannot hold: BibTeX fields
with no CSL variable (``Reference.extra``), which are listed, not silently dropped.
"""

from __future__ import annotations

import json
import re
from typing import Any

from refkit.errors import InputError, Problem
from refkit.model import Reference

HINT = "give a CSL-JSON array of items, or a .bib file"


def read_items(text: str, name: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The CSL items of a CSL-JSON text, each with an ``id`` and a ``type``; broken items are problems."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{name} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})",
                         hint=HINT) from None
    return clean_items(data, name, item_lines(text), "CSL-JSON", HINT)


def clean_items(data: Any, name: str, lines: dict[str, int], kind: str,
                hint: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Check and complete parsed CSL data (JSON or YAML): a list of items, or a mapping holding one under
    ``items``/``references``, or a single item. Ids missing are invented, repeated ones skipped (warned)."""
    if isinstance(data, dict):
        data = data.get("items", data.get("references", [data] if "id" in data or "type" in data else None))
    if not isinstance(data, list):
        raise InputError(f"{name} is not {kind} (expected a list of items)", hint=hint)
    problems: list[Problem] = []
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, d in enumerate(data, 1):
        if not isinstance(d, dict):
            problems.append(Problem(f"item {n} is not an object; skipped", name, rule="syntax", severity="error"))
            continue
        item = dict(d)
        item["id"] = str(item.get("id") or f"item{n}")
        item["type"] = str(item.get("type") or "document")
        if item["id"] in seen:
            problems.append(Problem(f"duplicate id {item['id']!r} (item {n}); the later one is skipped", name,
                                    lines.get(item["id"]), rule="duplicate-key", key=item["id"]))
            continue
        seen.add(item["id"])
        items.append(item)
    return items, problems


# CSL variables that are not text to mark up
VERBATIM = {"id", "type", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "language"}
_BRACED = re.compile(r"(?<!\\)\{([^{}]*)(?<!\\)\}")
_SPAN = re.compile(r'<span class="nocase">|<span\b[^>]*>|</span>')
NOCASE = '<span class="nocase">'


def braces_to_nocase(value: str) -> str:
    """BibTeX's case-protecting braces -> CSL's ``<span class="nocase">`` (what citeproc-js, pandoc and
    refkit's renderer read), innermost first: ``{NASA} data`` -> ``<span class="nocase">NASA</span> data``."""
    prev = None
    while prev != value and "{" in value:
        prev = value
        value = _BRACED.sub(lambda m: f"{NOCASE}{m.group(1)}</span>", value)
    return value


def nocase_to_braces(value: str) -> str:
    """The reverse of :func:`braces_to_nocase`; other spans (small caps, ...) stay as they are."""
    if "<span" not in value:
        return value
    out: list[str] = []
    stack: list[bool] = []
    pos = 0
    for m in _SPAN.finditer(value):
        out.append(value[pos:m.start()])
        tag = m.group(0)
        if tag == "</span>":
            out.append("}" if stack and stack.pop() else tag)
        else:
            stack.append(tag == NOCASE)
            out.append("{" if tag == NOCASE else tag)
        pos = m.end()
    out.append(value[pos:])
    return "".join(out)


def to_references(items: list[dict[str, Any]], name: str, lines: dict[str, int]) -> list[Reference]:
    """The model form of CSL items (nocase spans become BibTeX braces, as the model keeps them)."""
    refs = []
    for item in items:
        ref = Reference.from_csl(item)
        ref.fields = {k: v if k in VERBATIM else nocase_to_braces(v) for k, v in ref.fields.items()}
        ref.line, ref.source = lines.get(item["id"]), name
        refs.append(ref)
    return refs


def loads(text: str, name: str = "<string>") -> tuple[list[Reference], list[Problem]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{name} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})",
                         hint=HINT) from None
    lines = item_lines(text)
    items, problems = clean_items(data, name, lines, "CSL-JSON", HINT)
    return to_references(items, name, lines), problems


def lost_in_csl(ref: Reference, target: str) -> list[Problem]:
    """One problem per BibTeX field of ``ref`` that has no CSL variable (what a CSL target drops)."""
    return [Problem(f"{ref.id}: {target} has no place for the BibTeX field {k!r}; dropped", ref.source, ref.line,
                    rule=f"lost-{k}", key=ref.id) for k in ref.extra
            if not (k == "eprinttype" and ref.fields.get("eprint"))]  # written as the item's "archive"


def items_of(refs: list[Reference]) -> list[dict[str, Any]]:
    """CSL items for ``refs``, case protection written as CSL marks it."""
    items = [r.to_csl() for r in refs]
    for r, item in zip(refs, items, strict=True):
        kind = r.extra.get("eprinttype", "")
        if item.get("eprint") and kind and "archive" not in item:  # an arXiv id: CSL's archive and its place
            item["archive"] = {"arxiv": "arXiv"}.get(kind.lower(), kind)
            item.setdefault("archive_location", item["eprint"])
    for item in items:
        for k, v in item.items():
            if isinstance(v, str) and k not in VERBATIM and "{" in v:
                item[k] = braces_to_nocase(v)
    return items


def dumps_items(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def dumps(refs: list[Reference]) -> tuple[str, list[Problem]]:
    problems = [p for r in refs for p in lost_in_csl(r, "CSL-JSON")]
    return dumps_items(items_of(refs)), problems


def item_lines(text: str) -> dict[str, int]:
    """{id: the line its "id" is on}, for messages and annotations that point into a JSON file."""
    lines: dict[str, int] = {}
    line, pos = 1, 0
    for m in re.finditer(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"', text):
        line += text.count("\n", pos, m.start())  # counted on from the last match: linear, not quadratic
        pos = m.start()
        try:
            key = json.loads(f'"{m.group(1)}"')
        except ValueError:
            continue
        lines.setdefault(key, line)
    return lines
