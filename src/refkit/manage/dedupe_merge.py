"""Merging the groups :mod:`refkit.manage.dedupe` found: one entry per work, the richer fields kept, and a
key map (old key -> kept key) so that documents citing the old keys can be updated.

The kept entry is the group's richest published one (a journal version over its preprint, then the one
with a DOI, then the one with most fields); every field it lacks is taken from the others, and a value it
has is replaced only by a fuller spelling of the same thing (a journal name written out, full given names
instead of initials, a title with its subtitle). In a BibTeX file only the kept entry is rewritten and the
others are removed: comments, ``@string`` and every other entry stay byte for byte.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import bibtexparser

from refkit.bib import bibtex
from refkit.bib.bibliography import Bibliography, read_bibliography
from refkit.bib.bibtex_writer import dumps
from refkit.io import read_input
from refkit.manage.dedupe import Group, containers_agree, fold, is_preprint
from refkit.model import Name, Reference


@dataclass
class MergePlan:
    merged: dict[str, Reference] = field(default_factory=dict)  # kept key -> merged entry
    key_map: dict[str, str] = field(default_factory=dict)  # dropped key -> kept key
    dropped: set[tuple[str | None, str]] = field(default_factory=set)  # (file, key) to remove

    def key_map_json(self) -> str:
        return json.dumps(self.key_map, indent=2, ensure_ascii=False) + "\n"


def write_bibtex(refs: list[Reference]) -> str:
    """BibTeX for ``refs`` with their keys. A year-and-month date goes out as ``month`` beside ``year``:
    written as ``date = {2019-06}`` this version's reader would take it for the range 2019-2006."""
    text = dumps(refs, assign=False)
    return re.sub(r"^  date = \{(\d{4})-(\d{2})\},\n", lambda m: f"  month = {{{int(m.group(2))}}},\n", text, flags=re.M)


def read_together(paths: list[str]) -> list[Bibliography]:
    """Read several bibliographies as biber reads them, together: each BibTeX file sees the ``@string``
    macros the others define (a journal-abbreviation file beside the papers). Line numbers stay the
    file's own. Among several files one without entries (definitions only) is fine."""
    if len(paths) < 2:
        return [read_bibliography(p) for p in paths]
    texts = []
    for p in paths:
        text, name, warnings = read_input(p)
        is_json = name.lower().endswith((".json", ".csljson")) or text.lstrip()[:1] in "[{"
        texts.append((p, text, name, warnings, is_json))
    strings = {p: [b.raw for b in bibtexparser.parse_string(t).strings if b.raw] for p, t, _, _, j in texts if not j}
    out = []
    for p, text, name, warnings, is_json in texts:
        if is_json:
            out.append(read_bibliography(p))
            continue
        prefix = "".join(raw + "\n" for q, raws in strings.items() if q != p for raw in raws)
        shift = prefix.count("\n")
        refs, problems = bibtex.loads(prefix + text, source=name)
        for r in refs:
            r.line = r.line - shift if r.line else r.line
        problems = [x for x in problems if not x.line or x.line > shift]
        for x in problems:
            x.line = x.line - shift if x.line else x.line
        out.append(Bibliography(name, "bibtex", refs, warnings=warnings + problems))
    return out


def _rank(ref: Reference) -> tuple[int, int, int, int]:
    return (0 if is_preprint(ref) else 1, 1 if ref.get("DOI") else 0,
            len(ref.fields) + len(ref.names) + len(ref.dates), -(ref.line or 0))


def _fuller(old: str, new: str, what: str) -> bool:
    """Is ``new`` a fuller spelling of the same value as ``old``?"""
    a, b = fold(old), fold(new)
    if not b or len(b) <= len(a):
        return False
    if what == "title":
        return b.startswith(a + " ")
    if what in ("container-title", "publisher"):
        return containers_agree(a, b)
    return False


def _fuller_names(old: list[Name], new: list[Name]) -> bool:
    """Same people, same order, and ``new`` spells more given names out (and does not end in et al.)."""
    if len(old) != len(new) or any(n.others for n in new):
        return False
    longer = 0
    for o, n in zip(old, new, strict=True):
        if fold(o.family) != fold(n.family) or o.literal or n.literal:
            return False
        og, ng = fold(o.given), fold(n.given)
        if not ng.startswith(og[:1]):
            return False
        longer += len(ng) > len(og)
    return longer > 0


def merge_refs(refs: list[Reference]) -> Reference:
    """One entry from several entries of one work (see the module's doc)."""
    base = max(refs, key=_rank)
    out = Reference(base.id, base.type, dict(base.fields), {k: list(v) for k, v in base.names.items()},
                    dict(base.dates), dict(base.extra), base.line, base.source)
    for other in refs:
        if other is base:
            continue
        for k, v in other.fields.items():
            if k not in out.fields or _fuller(out.fields[k], v, k):
                out.fields[k] = v
        for k, names in other.names.items():
            mine = out.names.get(k)
            if not mine or (mine and mine[-1].others and not any(n.others for n in names)
                            and len(names) >= len(mine) - 1) or _fuller_names(mine, names):
                out.names[k] = list(names)
        for k, d in other.dates.items():
            mine_d = out.dates.get(k)
            if mine_d is None or (d.start[:1] == mine_d.start[:1] and len(d.start) > len(mine_d.start)
                                  and not mine_d.end):
                out.dates[k] = d  # missing, or the same year with its month (and day)
        for k, v in other.extra.items():
            if k not in out.extra and k not in ("crossref",):
                out.extra[k] = v
    return out


def plan_merge(groups: list[Group]) -> MergePlan:
    plan = MergePlan()
    for g in groups:
        merged = merge_refs(g.refs)
        plan.merged[merged.id] = merged
        base = max(g.refs, key=_rank)
        for r in g.refs:
            if r is base:
                continue
            if r.id != merged.id:
                plan.key_map[r.id] = merged.id
            plan.dropped.add((r.source, r.id))
    return plan


def apply_bibtex(text: str, source: str | None, plan: MergePlan) -> str:
    """The BibTeX ``text`` with the plan's kept entries rewritten and its dropped entries removed."""
    lib = bibtexparser.parse_string(text)
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    edits: list[tuple[int, int, str]] = []
    for e in lib.entries:
        start_line, raw = e.start_line or 0, e.raw or ""
        pos = -1 if not raw else text.find(raw, line_starts[min(start_line, len(line_starts) - 1)])
        if pos < 0:
            continue
        end = pos + len(raw)
        if (source, e.key) in plan.dropped:
            while end < len(text) and text[end] in " \t":
                end += 1
            if text[end:end + 1] == "\n":
                end += 1
            if text[end:end + 1] == "\n" and (pos == 0 or text[pos - 1] == "\n"):
                end += 1  # the blank line after it goes too
            edits.append((pos, end, ""))
        elif e.key in plan.merged and plan.merged[e.key].source == source:
            edits.append((pos, end, write_bibtex([plan.merged[e.key]]).rstrip("\n")))
    for pos, end, new in sorted(edits, reverse=True):
        text = text[:pos] + new + text[end:]
    return text


def apply_csl_json(items: list[dict[str, object]], source: str | None, plan: MergePlan) -> str:
    out = []
    for item in items:
        key = str(item.get("id", ""))
        if (source, key) in plan.dropped:
            continue
        if key in plan.merged and plan.merged[key].source == source:
            item = plan.merged[key].to_csl()
        out.append(item)
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
