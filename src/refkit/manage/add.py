"""``refkit add``: identifiers -> entries appended to the project bibliography.

Every identifier is checked before anything is fetched, everything is fetched before anything is
written, and the bibliography is replaced atomically: a network failure or an unknown identifier leaves
the file as it was. Works already in the bibliography (same DOI, arXiv id, ISBN or PMID) are not added
twice.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from refkit.bib.bibliography import read_bibliography
from refkit.bib.keys import assign_keys
from refkit.errors import InputError
from refkit.io import atomic_write
from refkit.manage.dedupe import arxiv_id, norm_doi, norm_isbn
from refkit.manage.dedupe_merge import write_bibtex
from refkit.manage.sources import Client, Identifier, parse_identifier
from refkit.manage.sources_map import fetch
from refkit.model import Reference


@dataclass
class AddResult:
    added: list[tuple[Identifier, Reference]] = field(default_factory=list)
    already: list[tuple[Identifier, str]] = field(default_factory=list)  # (identifier, existing key)
    text: str = ""  # the new entries as written (BibTeX or CSL-JSON)


def _ids_of(ref: Reference) -> set[str]:
    out = set()
    if norm_doi(ref.get("DOI")):
        out.add("doi:" + norm_doi(ref.get("DOI")))
    if arxiv_id(ref):
        out.add("arxiv:" + arxiv_id(ref))
    if norm_isbn(ref.get("ISBN")):
        out.add("isbn:" + norm_isbn(ref.get("ISBN")))
    if ref.get("PMID").strip():
        out.add("pmid:" + ref.get("PMID").strip())
    return out


def _key_of(ident: Identifier) -> str:
    if ident.kind == "doi":
        return "doi:" + norm_doi(ident.value)
    if ident.kind == "arxiv":
        return "arxiv:" + re.sub(r"v\d+$", "", ident.value.lower())
    if ident.kind == "isbn":
        return "isbn:" + norm_isbn(ident.value)
    return f"{ident.kind}:{ident.value}"


def add(identifiers: list[str], target: Path | None, client: Client, dry_run: bool = False) -> AddResult:
    idents = [parse_identifier(t) for t in identifiers]  # bad input fails before any request
    existing: list[Reference] = []
    kind = "csl-json" if target is not None and target.suffix.lower() in (".json", ".csljson") else "bibtex"
    if target is not None and target.exists() and target.stat().st_size > 0:
        bib = read_bibliography(target)
        existing, kind = bib.references, bib.kind
    known: dict[str, str] = {}
    for r in existing:
        for i in _ids_of(r):
            known.setdefault(i, r.id)
    result = AddResult()
    new: list[Reference] = []
    for ident in idents:
        k = _key_of(ident)
        if k in known:
            result.already.append((ident, known[k]))
            continue
        ref = fetch(client, ident)
        ids = _ids_of(ref)
        dup = next((known[i] for i in ids if i in known), None)
        if dup:
            result.already.append((ident, dup))
            continue
        for i in ids | {k}:
            known[i] = f"the entry for {ident}"
        new.append(ref)
        result.added.append((ident, ref))
    if not new:
        return result
    keys = assign_keys(existing + new)[len(existing):]
    for ref, key in zip(new, keys, strict=True):
        ref.id = key
    if kind == "csl-json":
        result.text = json.dumps([r.to_csl() for r in new], indent=2, ensure_ascii=False) + "\n"
    else:
        result.text = write_bibtex(new)
    if dry_run or target is None:
        return result
    if kind == "csl-json":
        items = read_bibliography(target).csl_items() if existing else []
        atomic_write(target, json.dumps(items + [r.to_csl() for r in new], indent=2, ensure_ascii=False) + "\n")
    else:
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        sep = "" if not old.strip() else "\n" if old.endswith("\n\n") else "\n\n" if not old.endswith("\n") else "\n"
        atomic_write(target, (old if old.strip() else "") + sep + result.text)
    return result


def check_target(target: Path, create: bool) -> None:
    if target.is_dir():
        raise InputError(f"{target} is a folder", hint="name a .bib file")
    if not target.exists() and not create:
        raise InputError(f"{target}: no such file", hint="pass --to FILE to create it")
