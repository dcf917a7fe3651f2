"""Reading BibTeX/biblatex through bibtexparser 2, and the BibTeX -> model mapping.

Reading keeps going past broken entries: each one becomes a :class:`Problem` with its line
number, the good ones are returned. Writing is :mod:`refkit.bib.bibtex_writer`.
"""

from __future__ import annotations

import logging
import re

import bibtexparser
from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from refkit.bib import latex
from refkit.errors import BibtexError, Problem
from refkit.model import Date, Name, Reference

logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

# BibTeX/biblatex entry type -> CSL type
TYPE_TO_CSL = {
    "article": "article-journal", "book": "book", "mvbook": "book", "inbook": "chapter",
    "incollection": "chapter", "inproceedings": "paper-conference", "conference": "paper-conference",
    "proceedings": "book", "collection": "book", "report": "report", "techreport": "report",
    "online": "webpage", "www": "webpage", "electronic": "webpage", "misc": "document",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis", "manual": "report",
    "unpublished": "manuscript", "booklet": "pamphlet", "software": "software", "dataset": "dataset",
    "patent": "patent", "periodical": "periodical", "inreference": "entry-encyclopedia",
    "suppbook": "chapter", "standard": "standard",
}
# CSL type -> BibTeX (biblatex names where BibTeX has none; BibTeX styles treat unknowns as misc)
CSL_TO_TYPE = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "article": "article", "book": "book", "chapter": "incollection", "paper-conference": "inproceedings",
    "report": "report", "webpage": "online", "post": "online", "post-weblog": "online",
    "thesis": "thesis", "manuscript": "unpublished", "pamphlet": "booklet", "software": "software",
    "dataset": "dataset", "patent": "patent", "entry-encyclopedia": "inreference",
    "entry-dictionary": "inreference", "periodical": "periodical", "standard": "standard",
}
# BibTeX field -> CSL variable (plain text fields)
FIELD_TO_CSL = {
    "title": "title", "journal": "container-title", "journaltitle": "container-title",
    "booktitle": "container-title", "series": "collection-title", "volume": "volume",
    "pages": "page", "publisher": "publisher", "institution": "publisher", "school": "publisher",
    "organization": "publisher", "address": "publisher-place", "location": "publisher-place",
    "edition": "edition", "url": "URL", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN",
    "language": "language", "langid": "language", "note": "note", "type": "genre",
    "abstract": "abstract", "keywords": "keyword", "shorttitle": "title-short", "eventtitle": "event-title",
    "venue": "event-place", "chapter": "chapter-number", "eprint": "eprint", "pmid": "PMID",
    "addendum": "annote", "version": "version", "howpublished": "medium",
    "pagetotal": "number-of-pages", "volumes": "number-of-volumes", "shortjournal": "container-title-short",
    "journalsubtitle": "container-title-short", "maintitle": "container-title",
}
DATE_FIELDS = {"origdate": "original-date", "eventdate": "event-date"}
NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator",
               "bookauthor": "container-author"}
VERBATIM = {"url", "doi", "file", "eprint"}
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}

# ---------------------------------------------------------------- reading
def parse_names(value: str) -> list[Name]:
    out: list[Name] = []
    for person in split_multiple_persons_names(value):
        person = person.strip()
        if not person:
            continue
        if person.lower() in ("others", "et al.", "et al"):
            out.append(Name.et_al())
            continue
        if person.startswith("{") and person.endswith("}") and _outer_group(person):
            out.append(Name(literal=latex.decode(person[1:-1])))
            continue
        try:
            parts = parse_single_name_into_parts(person, strict=False)
        except InvalidNameError:
            out.append(Name(literal=latex.decode(person)))
            continue

        def j(xs: list[str]) -> str:
            return latex.decode(" ".join(xs)).replace("{", "").replace("}", "")

        out.append(Name(family=j(parts.last), given=j(parts.first), particle=j(parts.von), suffix=j(parts.jr)))
    return out


def _outer_group(s: str) -> bool:
    depth = 0
    for i, ch in enumerate(s):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and i < len(s) - 1:
            return False
    return True


def _date_from(fields: dict[str, str]) -> Date | None:
    if fields.get("date"):
        d = Date.parse(fields["date"])
        if d.start or d.literal:
            return d
    y = fields.get("year", "").strip()
    if not y:
        return None
    d = Date.parse(y)
    if d.start and fields.get("month") and len(d.start) == 1 and not d.end:
        m = fields["month"].strip().lower()[:3]
        mi = MONTHS.get(m) or (int(m) if m.isdigit() and 1 <= int(m) <= 12 else None)
        if mi:
            d = Date(start=(d.start[0], mi))
    return d


def entry_to_reference(entry_type: str, key: str, raw: dict[str, str], line: int | None = None) -> Reference:
    fields = {k.lower(): v for k, v in raw.items()}
    et = entry_type.lower()
    ref = Reference(id=key, type=TYPE_TO_CSL.get(et, "document"), line=line)
    for f, csl in NAME_FIELDS.items():
        if fields.get(f, "").strip():
            ref.names[csl] = parse_names(fields[f])
    issued = _date_from(fields)
    if issued:
        ref.dates["issued"] = issued
    if fields.get("urldate"):
        ref.dates["accessed"] = Date.parse(fields["urldate"])
    for f, csl in DATE_FIELDS.items():
        if fields.get(f, "").strip():
            ref.dates[csl] = Date.parse(fields[f])
    for f, v in fields.items():
        if f in NAME_FIELDS or f in DATE_FIELDS or f in ("year", "month", "date", "urldate"):
            continue
        v = v.strip()
        if f == "number":
            if ref.type.startswith("article") or ref.type == "periodical":
                csl = "issue"
            elif fields.get("series") and ref.type in ("book", "chapter", "paper-conference"):
                csl = "collection-number"  # "Lecture Notes in X, 12"
            else:
                csl = "number"
        elif f == "organization" and ("publisher" in fields or "institution" in fields):
            csl = "authority" if ref.type == "report" else "event-title" if ref.type == "paper-conference" else ""
        elif f == "howpublished" and re.match(r"\\url\{", v):
            if "url" in fields:
                ref.extra[f] = v  # a second link: kept raw, so that check still sees it
            else:
                ref.fields["URL"] = v[5:].rstrip("}")
            continue
        else:
            csl = FIELD_TO_CSL.get(f, "")
        if not csl or csl in ref.fields:
            ref.extra[f] = v
            continue
        val = v if f in VERBATIM else latex.decode(v)
        if csl == "page":
            val = re.sub(r"\s*(?:--?|–|—)\s*", "-", val)
        ref.fields[csl] = val
    if et in ("phdthesis", "mastersthesis") and "genre" not in ref.fields:
        ref.fields["genre"] = "PhD thesis" if et == "phdthesis" else "Master's thesis"
    if et == "misc" and "URL" in ref.fields and "container-title" not in ref.fields:
        ref.type = "webpage"
    return ref


def loads(text: str, source: str | None = None) -> tuple[list[Reference], list[Problem]]:
    """Parse BibTeX text. Broken blocks become problems; good entries are returned."""
    lib = bibtexparser.parse_string(text)
    refs: list[Reference] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for block in lib.failed_blocks:
        line = (getattr(block, "start_line", 0) or 0) + 1
        err = getattr(block, "error", None)
        reason = str(getattr(err, "abort_reason", "") or err or "").strip()
        msg = reason.split("\n")[0].rstrip(".") if reason else "malformed entry"
        if "end of file" in msg.lower():
            msg = "an entry is not closed (a '}' is missing)"
        if "duplicate" in type(block).__name__.lower():
            msg = f"duplicate key {getattr(block, 'key', '?')!r}; the later entry is skipped"
        problems.append(Problem(msg, source, line, rule="syntax", severity="error"))
    for e in lib.entries:
        line = (e.start_line or 0) + 1
        raw = {f.key: str(f.value) for f in e.fields}
        ref = entry_to_reference(e.entry_type, e.key, raw, line)
        ref.source = source
        if ref.id in seen:
            problems.append(Problem(f"duplicate key {ref.id!r}", source, line, rule="duplicate-key"))
        seen.add(ref.id)
        refs.append(ref)
    if not refs and text.strip() and not problems:
        problems.append(Problem("no BibTeX entries found", source, 1, rule="syntax", severity="error"))
    return refs, problems


def load(text: str, source: str | None = None, strict: bool = False) -> tuple[list[Reference], list[Problem]]:
    """Like :func:`loads`, but raise :class:`BibtexError` when nothing usable was read (or,
    with ``strict``, when anything was broken)."""
    refs, problems = loads(text, source)
    errors = [p for p in problems if p.severity == "error"]
    if (not refs and errors) or (strict and errors):
        p = errors[0]
        where = f"{source}:{p.line}" if source else f"line {p.line}"
        raise BibtexError(f"malformed BibTeX at {where}: {p.message}",
                          hint="check that every entry looks like @type{key, field = {value}, ...}")
    return refs, problems
