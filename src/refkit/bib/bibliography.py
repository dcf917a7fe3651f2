"""Reading one or several bibliography files, in any registered format (:mod:`refkit.bib.formats`), as one
bibliography: for the commands that take files (check, format, cite, convert).

Each file's format is sniffed from its content and extension unless one is forced. BibTeX files are read
together (``@string`` macros in one file serve the others). CSL items (CSL-JSON, CSL-YAML) are kept as
they are (``items``) beside their model form (``references``), so that a renderer can use every CSL
variable, known to refkit or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from refkit.bib import formats
from refkit.errors import BibtexError, InputError, Problem
from refkit.io import read_input
from refkit.model import Reference

PathLike = str | Path | None


@dataclass
class Bibliography:
    name: str  # for messages: the path (or the paths, joined), or <stdin>
    kind: str  # the format family read: "bibtex", "csl-json", "csl-yaml", "ris", or "mixed"
    references: list[Reference]
    items: list[dict[str, Any]] | None = None  # the CSL items as read (when every file holds CSL items)
    warnings: list[Problem] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # the format of each file, in order

    def csl_items(self) -> list[dict[str, Any]]:
        """CSL-JSON for every entry: the items as read, or the entries mapped to CSL."""
        return self.items if self.items is not None else [r.to_csl() for r in self.references]


@dataclass
class _File:
    name: str
    text: str
    fmt: formats.Format
    refs: list[Reference] = field(default_factory=list)
    items: list[dict[str, Any]] | None = None


def read_bibliography(paths: PathLike | Sequence[PathLike], fmt: str | None = None,
                      strict: bool = False, sentence_case: str = "never") -> Bibliography:
    """Read ``paths`` (one path or a list; None or '-': standard input) as one bibliography, each file in its
    sniffed format or in ``fmt``. Broken entries become warnings with their line; raises
    :class:`InputError` when nothing usable was read (or, with ``strict``, when anything was broken).
    ``sentence_case`` (auto, always, never) converts BibTeX titles on reading (:mod:`refkit.bib.titlecase`)."""
    if paths is None or isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        paths = [None]
    warnings: list[Problem] = []
    files: list[_File] = []
    for path in paths:
        text, name, w = read_input(path)
        warnings += w
        files.append(_File(name, text, formats.get(fmt) if fmt else formats.sniff(text, name)))
    bibtex_files = [f for f in files if f.fmt.family == "bibtex"]
    if bibtex_files:
        refs, problems = formats.load_bibtex_sources([(f.text, f.name) for f in bibtex_files], sentence_case)
        warnings += problems
        by_name: dict[str, list[Reference]] = {}
        for r in refs:
            by_name.setdefault(r.source or "", []).append(r)
        for f in bibtex_files:
            f.refs = by_name.pop(f.name, [])
        for rest in by_name.values():  # a reader that names its sources otherwise: keep every entry
            bibtex_files[0].refs += rest
    for f in files:
        if f.fmt.family == "bibtex":
            continue
        if f.fmt.read_items is not None:
            f.items, problems = f.fmt.read_items(f.text, f.name)
            f.refs = _references(f.items, f)
        else:
            f.refs, problems = f.fmt.read(f.text, f.name)
        warnings += problems
    return _combine(files, warnings, strict)


def _references(items: list[dict[str, Any]], f: _File) -> list[Reference]:
    from refkit.bib.csljson import to_references

    return to_references(items, f.name, f.fmt.item_lines(f.text) if f.fmt.item_lines else {})


def _combine(files: list[_File], warnings: list[Problem], strict: bool) -> Bibliography:
    refs = [r for f in files for r in f.refs]
    errors = [p for p in warnings if p.severity == "error"]
    broken = {p.key for p in errors if p.key}
    if errors and (strict or not any(r.id not in broken for r in refs)):  # nothing read cleanly
        p = errors[0]
        where = f"{p.file}:{p.line}" if p.file and p.line else (p.file or "the input")
        if files[0].fmt.family == "bibtex":
            raise BibtexError(f"malformed BibTeX at {where}: {p.message}",
                              hint="check that every entry looks like @type{key, field = {value}, ...}")
        raise InputError(f"malformed {files[0].fmt.name} input at {where}: {p.message}",
                         hint="fix the entry named, or leave it out")
    if not refs:
        raise InputError(f"no entries found in {', '.join(f.name for f in files)}",
                         hint="give a .bib, CSL-JSON, CSL-YAML or RIS file with at least one entry")
    seen: dict[str, str] = {}
    for f in files:
        for r in f.refs:
            if r.id in seen and seen[r.id] != f.name and len(files) > 1:
                warnings.append(Problem(f"key {r.id!r} is also in {seen[r.id]}", f.name, r.line,
                                        rule="duplicate-key", key=r.id))
            seen.setdefault(r.id, f.name)
    families = {f.fmt.family or f.fmt.name for f in files}
    kind = families.pop() if len(families) == 1 else "mixed"
    items = None
    if all(f.items is not None for f in files):
        items = [i for f in files for i in (f.items or [])]
    return Bibliography(", ".join(f.name for f in files), kind, refs, items, warnings,
                        [f.fmt.name for f in files])


def write_bibliography(bib: Bibliography, to: str) -> tuple[str, list[Problem]]:
    """``bib`` in the format ``to``, and a problem for everything that format cannot represent.

    CSL items read as they are go to a CSL target as they are; to other targets through the model, and
    any CSL variable the model does not hold is named."""
    fmt = formats.get(to)
    if fmt.write_items is not None and bib.items is not None:
        return fmt.write_items(bib.items), []
    text, problems = fmt.write(bib.references)
    if bib.items is not None:
        for item, ref in zip(bib.items, bib.references, strict=True):
            kept = ref.to_csl()
            for k in item:
                if k not in kept and item[k] not in ("", [], {}, None):
                    problems.append(Problem(f"{ref.id}: the CSL variable {k!r} has no place in refkit's model "
                                            f"or in {to}; dropped", ref.source, ref.line, rule=f"lost-{k}",
                                            key=ref.id))
    return text, problems
