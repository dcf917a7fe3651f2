"""``refkit enrich``: fill the missing DOIs and fields of existing entries, with guarded matching.

An entry with a DOI is looked up by it; one without is searched on Crossref (title, first author and
year). A candidate is accepted only when :func:`refkit.manage.dedupe.compare` says it is the same work
(the matcher dedupe uses, with its vetoes; a preprint and its journal version are not merged here), so a
match can never change both the authors and the title. Only empty fields are filled; no value is
replaced. The result is a list of changes to show; applying them rewrites only the changed entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from refkit.errors import InputError
from refkit.manage.dedupe import _Sig, compare
from refkit.manage.sources import Client, Identifier, NotFound
from refkit.manage.sources_map import csl_to_reference, fetch
from refkit.model import Reference

FILLABLE = ("DOI", "container-title", "volume", "issue", "page", "publisher", "publisher-place", "ISSN",
            "ISBN", "URL", "edition")


@dataclass
class Change:
    ref: Reference  # as read
    new: Reference  # with the filled fields
    filled: dict[str, str] = field(default_factory=dict)  # field -> new value
    source: str = ""  # "doi" or "crossref search"
    score: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {"key": self.ref.id, "file": self.ref.source, "line": self.ref.line, "source": self.source,
                "score": round(self.score, 3), "filled": self.filled}


@dataclass
class EnrichResult:
    changes: list[Change] = field(default_factory=list)
    unmatched: list[Reference] = field(default_factory=list)  # looked up, nothing safe found
    skipped: int = 0  # entries that needed nothing


def _missing(ref: Reference) -> list[str]:
    out = [f for f in FILLABLE if not ref.get(f).strip()]
    if ref.type == "article-journal":
        return [f for f in out if f not in ("publisher", "publisher-place", "ISBN", "edition")]
    return [f for f in out if f not in ("issue", "ISSN")]


def _fill(ref: Reference, cand: Reference, source: str, score: float, fields: list[str]) -> Change | None:
    new = Reference(ref.id, ref.type, dict(ref.fields), {k: list(v) for k, v in ref.names.items()},
                    dict(ref.dates), dict(ref.extra), ref.line, ref.source)
    filled: dict[str, str] = {}
    for f in fields:
        v = cand.get(f).strip()
        if f == "URL" and re.search(r"doi\.org/", v, re.I):
            continue  # the DOI's own link: the DOI says it already
        if v and not ref.get(f).strip() and f.lower() not in {k.lower() for k in ref.extra}:
            new.fields[f] = v
            filled[f] = v
    if "issued" not in ref.dates and "issued" in cand.dates and cand.dates["issued"].start:
        new.dates["issued"] = cand.dates["issued"]
        filled["year"] = cand.dates["issued"].year_text()
    return Change(ref, new, filled, source, score) if filled else None


def _search(client: Client, ref: Reference) -> list[Reference]:
    import json

    parts = [ref.get("title")]
    names = ref.names.get("author") or ref.names.get("editor") or []
    if names and not names[0].others:
        parts.append(names[0].literal or names[0].family)
    if ref.year:
        parts.append(str(ref.year))
    params = {"query.bibliographic": " ".join(p for p in parts if p), "rows": "5"}
    if client.opts.mailto:
        params["mailto"] = client.opts.mailto
    body = client.get(client.url("crossref", "/works"), params=params)
    try:
        items = json.loads(body).get("message", {}).get("items", [])
    except (ValueError, AttributeError):
        return []
    return [csl_to_reference(i) for i in items if isinstance(i, dict)]


def enrich(refs: list[Reference], client: Client, only: set[str] | None = None,
           progress: Callable[[int, int], None] | None = None) -> EnrichResult:
    result = EnrichResult()
    todo = [r for r in refs if (only is None or r.id in only)]
    for n, ref in enumerate(todo, 1):
        if progress:
            progress(n, len(todo))
        fields = _missing(ref)
        if not fields or not ref.get("title").strip():
            result.skipped += 1
            continue
        cands: list[tuple[str, Reference]] = []
        doi = ref.get("DOI").strip()
        try:
            if doi:
                cands = [("doi", fetch(client, Identifier("doi", doi)))]
            else:
                cands = [("crossref search", c) for c in _search(client, ref)]
        except (NotFound, InputError):
            cands = []
        mine = _Sig.of(ref)
        best: tuple[float, str, Reference] | None = None
        for source, cand in cands:
            hit = compare(mine, _Sig.of(cand), preprints=False)
            if hit and (best is None or hit[1] > best[0]):
                best = (hit[1], source, cand)
        if best is None:
            result.unmatched.append(ref)
            continue
        change = _fill(ref, best[2], best[1], best[0], fields)
        if change:
            result.changes.append(change)
        else:
            result.skipped += 1
    return result
