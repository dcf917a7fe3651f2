"""Cites and citations: what one reference in a citation carries (locator, label, prefix, suffix),
how a command line spells it, and the positions (first, subsequent, ibid, ibid-with-locator,
near-note) of a sequence of citations, as CSL 1.0.2 defines them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

POSITIONS = ("first", "subsequent", "ibid", "ibid-with-locator")

# locator labels (CSL terms) and the abbreviations people write for them
LABELS = {
    "p": "page", "pp": "page", "page": "page", "pages": "page", "pg": "page",
    "chap": "chapter", "ch": "chapter", "chapter": "chapter", "chapters": "chapter",
    "col": "column", "column": "column", "fig": "figure", "figure": "figure", "f": "folio", "fol": "folio",
    "folio": "folio", "no": "number", "number": "number", "l": "line", "ll": "line", "line": "line",
    "lines": "line", "n": "note", "nn": "note", "note": "note", "op": "opus", "opus": "opus",
    "para": "paragraph", "paragraph": "paragraph", "pt": "part", "part": "part", "sec": "section",
    "section": "section", "sect": "section", "s.v": "sub-verbo", "sv": "sub-verbo", "sub verbo": "sub-verbo",
    "v": "verse", "vv": "verse", "verse": "verse", "vol": "volume", "vols": "volume", "volume": "volume",
    "bk": "book", "book": "book", "app": "appendix", "appendix": "appendix", "art": "article",
    "article": "article", "tbl": "table", "table": "table", "tit": "title", "title": "title",
    "ts": "timestamp", "timestamp": "timestamp", "r": "rule", "rule": "rule", "canon": "canon",
    "elem": "element", "element": "element", "eq": "equation", "equation": "equation",
    "loc": "location", "location": "location", "sched": "schedule", "schedule": "schedule",
    "subpara": "subparagraph", "subparagraph": "subparagraph", "supp": "supplement", "supplement": "supplement",
    "ver": "version", "version": "version", "tbl.": "table",
}


@dataclass
class CiteItem:
    """One reference inside a citation."""

    id: str
    locator: str = ""
    label: str = "page"
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False
    author_only: bool = False
    position: str | None = None  # None: worked out from the sequence (first without one)
    near_note: bool = False
    first_note: int | None = None  # the note number of the item's first cite (first-reference-note-number)


@dataclass
class Citation:
    """A citation: its cites and the note it stands in (0 or None: in the text)."""

    cites: list[CiteItem]
    note: int | None = None
    id: str = ""
    extra: dict[str, str] = field(default_factory=dict)


_LOCATOR = re.compile(r"^\s*([A-Za-z]+(?:\.[A-Za-z]+)*)\.?\s*(\S.*)$")


def parse_locator(text: str) -> tuple[str, str]:
    """ "p. 12" -> ("page", "12"); "chap. 3" -> ("chapter", "3"); "12-14" -> ("page", "12-14");
    an unknown word stays in the locator: "table 2"... -> ("table", "2")."""
    t = text.strip()
    m = _LOCATOR.match(t)
    if m:
        word = m.group(1).strip().lower().rstrip(".")
        if word in LABELS:
            return LABELS[word], m.group(2).strip()
    return "page", t


def parse_cite(spec: str, known: set[str] | frozenset[str] = frozenset()) -> CiteItem:
    """A command-line cite: ``key``, ``key:p12``, ``key:12-14``, ``key@p. 12`` or ``key@chap. 3``.
    Keys may hold ``:`` themselves (``doe:2020``): a split is taken where the part before it is a
    known key; without one, at the first ``@``, else the first ``:``."""
    spec = spec.strip()
    if spec in known:
        return CiteItem(spec)
    cuts = [i for i, ch in enumerate(spec) if ch in "@:"]
    chosen = next((i for i in cuts if spec[:i] in known), None)
    if chosen is None and cuts:
        at = [i for i in cuts if spec[i] == "@"]
        chosen = at[0] if at else cuts[0]
    if chosen is not None and chosen > 0 and spec[chosen + 1:].strip():
        label, value = parse_locator(spec[chosen + 1:])
        return CiteItem(spec[:chosen], locator=value, label=label)
    return CiteItem(spec)


def assign_positions(citations: list[Citation], near_note_distance: int = 5) -> list[Citation]:
    """The citations with each cite's position, ``near_note`` and first note number worked out
    (CSL 1.0.2, "Position"). Cites that already carry a position keep it."""
    first_note: dict[str, int] = {}
    last_note: dict[str, int] = {}
    prev_citation: Citation | None = None
    note_cites: dict[int, int] = {}
    out: list[Citation] = []
    for n, cit in enumerate(citations):
        note = cit.note if cit.note is not None else n + 1
        cites: list[CiteItem] = []
        for k, c in enumerate(cit.cites):
            pos = c.position
            if pos is None:
                if c.id not in first_note:
                    pos = "first"
                else:
                    prev: CiteItem | None = None
                    if k > 0:
                        prev = cit.cites[k - 1]
                    elif prev_citation is not None and len(prev_citation.cites) == 1:
                        prev_note = prev_citation.note if prev_citation.note is not None else n
                        # a note before this one counts as a whole: ibid only after a note of one cite
                        if prev_note == note or not note or note_cites.get(prev_note, 0) == 1:
                            prev = prev_citation.cites[0]
                    if prev is not None and prev.id == c.id:
                        if c.locator and (c.locator, c.label) != (prev.locator, prev.label):
                            pos = "ibid-with-locator"
                        elif not c.locator and prev.locator:
                            pos = "subsequent"
                        else:
                            pos = "ibid"
                    else:
                        pos = "subsequent"
            near = c.id in last_note and note - last_note[c.id] <= near_note_distance and pos != "first"
            cites.append(replace(c, position=pos, near_note=near, first_note=first_note.get(c.id, note)))
            first_note.setdefault(c.id, note)
            note_cites[note] = note_cites.get(note, 0) + 1
            last_note[c.id] = note
        new = replace(cit, cites=cites)
        out.append(new)
        prev_citation = new
    return out
