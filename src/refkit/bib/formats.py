"""The registry of bibliography formats: bibtex, biblatex, csl-json, csl-yaml, ris, endnote.

Each :class:`Format` has a sniffer (how sure it is that a text is in it), a reader
``(text, name) -> (references, problems)`` and a writer ``(references) -> (text, problems)``, whose problems
list what the target cannot represent. CSL formats also read and write CSL items as they are, so that
variables the model does not know pass through (:attr:`Format.read_items`, :attr:`Format.write_items`).
A new format is one :func:`register` call; nothing else chooses between formats by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from refkit.bib import bibtex, bibtex_writer, csljson, cslyaml, endnote, ris
from refkit.errors import InputError, Problem
from refkit.model import Reference

Refs = list[Reference]
Reader = Callable[[str, str], tuple[Refs, list[Problem]]]
Writer = Callable[[Refs], tuple[str, list[Problem]]]
Items = list[dict[str, Any]]


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extensions: tuple[str, ...]
    sniff: Callable[[str], float]  # 0 (surely not) .. 1 (surely)
    read: Reader
    write: Writer
    suffix: str  # for output files
    read_items: Callable[[str, str], tuple[Items, list[Problem]]] | None = None
    write_items: Callable[[Items], str] | None = None
    item_lines: Callable[[str], dict[str, int]] | None = None  # {id: line} for the items of a text
    family: str = ""  # formats of one family share a reader (bibtex, biblatex)


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    FORMATS[fmt.name] = fmt
    return fmt


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(f"unknown format {name!r}", hint=f"use one of: {', '.join(FORMATS)}") from None


def names() -> list[str]:
    return list(FORMATS)


def sniff(text: str, name: str = "") -> Format:
    """The format of ``text``: by content, with the file extension breaking ties and deciding when the
    content says nothing clear."""
    lower = name.lower()
    scores = {f.name: f.sniff(text) + (0.3 if lower.endswith(f.extensions) else 0.0) for f in FORMATS.values()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 0.3:
        raise InputError(f"cannot tell the format of {name or 'the input'}",
                         hint="give .bib, .json (CSL-JSON), .yaml (CSL-YAML) or .ris, or say which with --from; "
                              "for a plain-text reference list use `refkit parse`")
    return FORMATS[best]


# ---------------------------------------------------------------- BibTeX and biblatex
def load_bibtex_sources(sources: list[tuple[str, str]], sentence_case: str = "never") -> tuple[Refs, list[Problem]]:
    """Read several BibTeX texts ``[(text, name), ...]`` as one bibliography: ``@string`` macros and crossref
    parents may live in another file."""
    return bibtex.loads_many(sources, sentence_case=sentence_case)


def _read_bibtex(text: str, name: str) -> tuple[Refs, list[Problem]]:
    return load_bibtex_sources([(text, name)])


_ENTRY = re.compile(r"^\s*@\s*[a-zA-Z]+\s*[{(]", re.M)
_BIBLATEX_ONLY = re.compile(r"[,\s](?:date|journaltitle|location|urldate|eprinttype|langid|maintitle|"
                            r"origdate|eventdate|xdata)\s*=|^\s*@\s*(?:online|report|thesis|mvbook|"
                            r"inreference|dataset|software|xdata)\s*[{(]", re.M | re.I)


def _sniff_bibtex(text: str) -> float:
    return 0.8 if _ENTRY.search(text[:65536]) else 0.0


def _sniff_biblatex(text: str) -> float:
    s = _sniff_bibtex(text)
    return s + 0.05 if s and _BIBLATEX_ONLY.search(text[:65536]) else s - 0.05 if s else 0.0


def _sniff_json(text: str) -> float:
    t = text.lstrip("\ufeff \t\r\n")[:1]
    return 0.9 if t == "[" else 0.7 if t == "{" else 0.0


def _sniff_yaml(text: str) -> float:
    head = text.lstrip("\ufeff")[:4096]
    if re.search(r"^references:\s*$", head, re.M):
        return 0.9
    return 0.6 if re.match(r"(---\s*\n)?\s*-\s+(id|type|title):", head) else 0.0


def _sniff_ris(text: str) -> float:
    return 0.95 if ris.sniff(text) else 0.0


register(Format("bibtex", "BibTeX (classic fields: year, month, journal, address; @misc for web pages)",
                (".bib", ".bibtex"), _sniff_bibtex, _read_bibtex,
                lambda refs: bibtex_writer.write(refs, "bibtex"), ".bib", family="bibtex"))
register(Format("biblatex", "biblatex (date, journaltitle, location, urldate; @online, @report, @thesis)",
                (".bib", ".bibtex"), _sniff_biblatex, _read_bibtex,
                lambda refs: bibtex_writer.write(refs, "biblatex"), ".bib", family="bibtex"))
register(Format("csl-json", "CSL-JSON (citeproc-js, Zotero, pandoc)", (".json", ".csljson"), _sniff_json,
                csljson.loads, csljson.dumps, ".json", csljson.read_items, csljson.dumps_items, csljson.item_lines))
register(Format("csl-yaml", "CSL-YAML (pandoc's references: metadata)", (".yaml", ".yml", ".cslyaml"),
                _sniff_yaml, cslyaml.loads, cslyaml.dumps, ".yaml", cslyaml.read_items, cslyaml.dumps_items,
                cslyaml.item_lines))
register(Format("ris", "RIS (EndNote, Zotero, Mendeley, databases)", (".ris",), _sniff_ris, ris.loads,
                ris.dumps, ".ris"))
register(Format("endnote", "EndNote tagged (refer: %0 Type, %A Author, ...)", (".enw", ".refer"),
                lambda text: 0.9 if endnote.sniff(text) else 0.0, endnote.loads, endnote.dumps, ".enw"))
