"""crossref and xdata inheritance, with biblatex's rules (Appendix B of its manual) and BibTeX's.

A child keeps every field it has. From a ``crossref`` parent it takes the others, renamed the way
biblatex renames them (a @book's ``title`` is an @inbook's ``booktitle``, an @mvbook's ``title`` is a
@book's ``maintitle``, a @periodical's ``title`` is an @article's ``journaltitle`` ...); pairs of types
with no rule (classic BibTeX files) copy fields under their own names. ``xdata`` fields are copied as
they are. Parents may live in another file of the same database (:func:`refkit.bib.bibtex.loads_many`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from refkit.errors import Problem

if TYPE_CHECKING:
    from refkit.bib.bibtex import RawEntry

NOT_INHERITED = {"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label",
                 "options", "presort", "related", "relatedoptions", "relatedstring", "relatedtype",
                 "shorthand", "shorthandintro", "sortkey"}
_NO_TITLE: dict[str, list[str]] = {"shorttitle": [], "sorttitle": [], "indextitle": [], "indexsorttitle": []}
_MAIN = {"title": ["maintitle"], "subtitle": ["mainsubtitle"], "titleaddon": ["maintitleaddon"], **_NO_TITLE}
_BOOK = {"title": ["booktitle"], "subtitle": ["booksubtitle"], "titleaddon": ["booktitleaddon"], **_NO_TITLE}
_JOURNAL = {"title": ["journaltitle"], "subtitle": ["journalsubtitle"], **_NO_TITLE}


def target_fields(parent_type: str, child_type: str, name: str) -> list[str]:
    """The child's field(s) that the parent's field ``name`` fills."""
    if name in NOT_INHERITED:
        return []
    p, c = parent_type, child_type
    if name == "author" and ((p in ("mvbook", "book") and c in ("inbook", "bookinbook", "suppbook"))
                             or (p == "mvbook" and c == "book")):
        return ["bookauthor", "author"]
    if p == "mvbook" and c in ("book", "inbook", "bookinbook", "suppbook"):
        return _MAIN.get(name, [name])
    if p in ("mvcollection", "mvreference") and c in ("collection", "reference", "incollection",
                                                      "inreference", "suppcollection"):
        return _MAIN.get(name, [name])
    if p == "mvproceedings" and c in ("proceedings", "inproceedings"):
        return _MAIN.get(name, [name])
    if (p == "book" and c in ("inbook", "bookinbook", "suppbook")) or \
            (p in ("collection", "reference") and c in ("incollection", "inreference", "suppcollection")) or \
            (p == "proceedings" and c == "inproceedings"):
        return _BOOK.get(name, [name])
    if p == "periodical" and c in ("article", "suppperiodical"):
        return _JOURNAL.get(name, [name])
    return [name]


def _split(keys: str) -> list[str]:
    return [k.strip() for k in keys.replace(";", ",").split(",") if k.strip()]


def resolve(entries: list[RawEntry], problems: list[Problem]) -> list[RawEntry]:
    """Fill every entry's fields from its xdata and crossref parents (in place; returned)."""
    by_key = {e.key.lower(): e for e in entries}
    done: set[str] = set()

    def fill(e: RawEntry, stack: tuple[str, ...]) -> None:
        if e.key.lower() in done:
            return
        if e.key.lower() in stack:
            problems.append(Problem(f"entry {e.key!r}: crossref/xdata loop ({' -> '.join(stack)})", e.source,
                                    e.line, rule="crossref-loop", key=e.key))
            return
        stack = (*stack, e.key.lower())
        for xkey in _split(e.fields.get("xdata", "")):
            parent = by_key.get(xkey.lower())
            if parent is None:
                problems.append(Problem(f"entry {e.key!r}: xdata {xkey!r} is not in the bibliography",
                                        e.source, e.line, rule="missing-crossref", key=e.key))
                continue
            fill(parent, stack)
            for k, v in parent.fields.items():
                if k not in NOT_INHERITED:
                    e.fields.setdefault(k, v)
        ckey = e.fields.get("crossref", "").strip()
        if ckey:
            parent = by_key.get(ckey.lower())
            if parent is None:
                problems.append(Problem(f"entry {e.key!r}: crossref {ckey!r} is not in the bibliography; "
                                        "the fields it would give are missing", e.source, e.line,
                                        rule="missing-crossref", key=e.key))
            else:
                fill(parent, stack)
                own = set(e.fields)
                inherited: dict[str, str] = {}
                for k, v in parent.fields.items():
                    for t in target_fields(parent.type, e.type, k):
                        if t not in own and (t not in inherited or t != k):
                            inherited[t] = v
                e.fields.update(inherited)
        done.add(e.key.lower())

    for e in entries:
        fill(e, ())
    return entries
