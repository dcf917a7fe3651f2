"""Writing the model as BibTeX: entries that bibtexparser, BibTeX and biber read back with the same fields
(``tests/test_bibtex.py`` checks the round trip).

Three conventions (:func:`dumps`'s ``convention``):

* ``None``: what ``refkit parse`` has always written (``year`` beside ``date``, ``urldate``, ``@online``);
* ``"bibtex"``: classic BibTeX for ``.bst`` styles (see :mod:`refkit.bib.bibtex_conventions`);
* ``"biblatex"``: biblatex's data model (``date``, ``journaltitle``, ``location``, ``urldate``, ``@online``).

:func:`write` also returns what the convention cannot represent, as problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from refkit.bib import latex
from refkit.bib.bibtex import CSL_TO_TYPE, DATE_FIELDS, NAME_FIELDS, VERBATIM
from refkit.bib.keys import assign_keys
from refkit.errors import Problem
from refkit.model import Name, Reference

CONVENTIONS = ("bibtex", "biblatex")
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# The order fields are written in.
FIELD_ORDER = ["author", "editor", "translator", "year", "date", "title", "journal", "booktitle", "series",
               "edition", "volume", "number", "pages", "address", "publisher", "institution", "school",
               "organization", "type", "howpublished", "url", "urldate", "doi", "isbn", "issn",
               "language", "note"]


def _name_to_bibtex(n: Name) -> str:
    if n.others:
        return "others"
    if n.literal:
        return "{" + latex.encode(n.literal) + "}"
    fam = latex.encode(n.family)
    if re.search(r"(^|\s)[^\w\s]*[a-z]|\band\b|,", n.family):  # would be read as a particle
        fam = "{" + fam + "}"
    parts = [f"{latex.encode(n.dropping)} {latex.encode(n.particle)} {fam}".strip()]
    if n.suffix:
        parts.append(latex.encode(n.suffix))
    if n.given:
        given = latex.encode(n.given)
        if re.search(r"\band\b", n.given):
            given = "{" + given + "}"
        parts.append(given)
    return ", ".join(parts)


def reference_to_fields(ref: Reference) -> tuple[str, dict[str, str]]:
    """Map a reference to (BibTeX entry type, {field: raw BibTeX value})."""
    etype = CSL_TO_TYPE.get(ref.type, "misc")
    out: dict[str, str] = {}
    for bib, csl in NAME_FIELDS.items():
        names = ref.names.get(csl)
        if names:
            out[bib] = " and ".join(_name_to_bibtex(n) for n in names)
    issued = ref.dates.get("issued")
    if issued:
        if issued.start:
            out["year"] = issued.year_text()
            if len(issued.start) > 1:
                out["date"] = issued.iso()
        elif issued.literal:
            out["year"] = latex.encode(issued.literal)
    acc = ref.dates.get("accessed")
    if acc and (acc.start or acc.literal):
        out["urldate"] = acc.iso()
    for bib, csl in DATE_FIELDS.items():
        d = ref.dates.get(csl)
        if d and (d.start or d.literal):
            out[bib] = d.iso()
    f = ref.fields
    container_field = {"article": "journal"}.get(etype, "booktitle")
    publisher_field = {"report": "institution", "thesis": "school", "online": "organization"}.get(etype, "publisher")
    mapping = [
        ("title", "title"), ("container-title", container_field), ("collection-title", "series"),
        ("edition", "edition"), ("volume", "volume"),
        ("issue" if etype == "article" else "number", "number"), ("page", "pages"),
        ("publisher-place", "address"), ("publisher", publisher_field), ("genre", "type"),
        ("medium", "howpublished"), ("URL", "url"), ("DOI", "doi"), ("ISBN", "isbn"), ("ISSN", "issn"),
        ("language", "language"), ("note", "note"), ("abstract", "abstract"), ("keyword", "keywords"),
        ("event-title", "eventtitle"), ("event-place", "venue"), ("title-short", "shorttitle"),
        ("chapter-number", "chapter"), ("version", "version"), ("collection-number", "number"),
        ("number-of-pages", "pagetotal"), ("number-of-volumes", "volumes"),
        ("container-title-short", "shortjournal"), ("authority", "organization"),
        ("eprint", "eprint"), ("PMID", "pmid"), ("PMCID", "pmcid"),
        ("archive", "note"),  # a thesis's repository, when there is no note
    ]
    for csl, bib in mapping:
        v = f.get(csl, "")
        if not v or bib in out:
            continue
        if bib == "pages":
            v = re.sub(r"\s*[-–—]+\s*", "--", v)
        out[bib] = v if bib in VERBATIM else latex.encode(v)
    other = f.get("number") if etype == "article" else f.get("issue")
    if other and "number" not in out:
        out["number"] = latex.encode(other)
    for k, v in ref.extra.items():
        out.setdefault(k, v)
    return etype, out


def _ordered(fields: dict[str, str], order: list[str] = FIELD_ORDER) -> list[tuple[str, str]]:
    rank = {k: i for i, k in enumerate(order)}
    return sorted(fields.items(), key=lambda kv: rank.get(kv[0], len(rank)))


def write(refs: Iterable[Reference], convention: str | None = None,
          assign: bool = True) -> tuple[str, list[Problem]]:
    """BibTeX text for ``refs`` in ``convention`` (None, "bibtex" or "biblatex"), and what it could not
    hold. Missing or clashing keys are (re)assigned when ``assign``."""
    from refkit.bib import bibtex_conventions

    refs = list(refs)
    keys = assign_keys(refs) if assign else [r.id for r in refs]
    chunks = []
    problems: list[Problem] = []
    for ref, key in zip(refs, keys, strict=True):
        if convention is None:
            etype, fields = reference_to_fields(ref)
            order = FIELD_ORDER
        else:
            etype, fields, lost = bibtex_conventions.to_fields(ref, convention)
            problems += lost
            order = bibtex_conventions.FIELD_ORDER
        if key != ref.id and ref.id:
            problems.append(Problem(f"key {ref.id!r} is repeated or not usable in BibTeX; written as {key!r}",
                                    ref.source, ref.line, rule="key-changed", key=ref.id))
        body = "".join(f"  {k} = {_value(k, v)},\n" for k, v in _ordered(fields, order))
        chunks.append(f"@{etype}{{{key},\n{body}}}\n")
    return "\n".join(chunks), problems


def _value(k: str, v: str) -> str:
    return v if k == "month" and v in MONTH_MACROS else "{" + balanced(v) + "}"


def balanced(v: str) -> str:
    """``v`` made safe inside ``{...}`` as bibtexparser reads it: no backslash at the end (it would escape
    the closing brace), and unescaped braces balanced (unmatched closing ones dropped, open ones closed;
    :func:`latex.encode` has already escaped the braces of text that needs them). Sound values pass
    unchanged."""
    if "{" not in v and "}" not in v and not v.endswith("\\"):
        return v
    if re.search(r"(?<!\\)(\\\\)*\\$", v):
        v = v[:-1] + r"\textbackslash{}"
    out: list[str] = []
    depth, i, changed = 0, 0, False
    while i < len(v):
        ch = v[i]
        if ch == "\\" and i + 1 < len(v):
            out.append(v[i:i + 2])
            i += 2
            continue
        if ch == "}" and depth == 0:
            changed = True
        else:
            depth += (ch == "{") - (ch == "}")
            out.append(ch)
        i += 1
    return "".join(out) + "}" * depth if changed or depth else v


def dumps(refs: Iterable[Reference], assign: bool = True, convention: str | None = None) -> str:
    """Write references as BibTeX (see :func:`write`). The default convention is the one ``refkit parse``
    has always written; ``"bibtex"`` and ``"biblatex"`` write one convention each, consistently."""
    return write(refs, convention, assign)[0]
