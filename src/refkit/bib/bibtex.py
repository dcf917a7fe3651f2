"""Reading BibTeX/biblatex: the blocks of :mod:`refkit.bib.scan` (entries, @string macros, @preamble)
-> raw entries (macros expanded, keys made unique), then :mod:`refkit.bib.biblatex` maps them onto the
model.

The reader is forgiving the way BibTeX and Better BibTeX are, but never silent: a missing comma, an
unclosed brace, a field outside an entry, an undefined macro, a repeated or empty key each become a
:class:`Problem` with its line, and every entry is kept (an empty key gets an invented one, a repeated
key gets a suffix). Writing is :mod:`refkit.bib.bibtex_writer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from refkit.bib.biblatex import (  # noqa: F401  (re-exported for the writer and older callers)
    CSL_TO_TYPE,
    DATE_FIELDS,
    FIELD_TO_CSL,
    MONTHS,
    NAME_FIELDS,
    TYPE_TO_CSL,
    VERBATIM,
    entry_to_reference,
    parse_names,
)
from refkit.bib.scan import Block, Piece, scan
from refkit.errors import BibtexError, Problem
from refkit.model import Reference

MONTH_MACROS = {m: str(i) for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
SENTENCE_CASE = ("auto", "always", "never")


@dataclass
class RawEntry:
    """One entry as written: type and field names lower-cased, values still LaTeX, macros expanded."""

    type: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)
    line: int = 0
    source: str | None = None


def _expand(pieces: list[Piece], macros: dict[str, str], undefined: list[str]) -> str:
    if len(pieces) == 1 and pieces[0].kind != "macro":
        return pieces[0].text
    out = []
    for p in pieces:
        if p.kind != "macro" or p.text[:1].isdigit():  # "2nd" is text, not a macro name
            out.append(p.text)
            continue
        v = p.text.lower()
        if v in macros:
            out.append(macros[v])
        elif v in MONTH_MACROS:
            out.append(MONTH_MACROS[v])
        else:
            undefined.append(v)
            out.append(v)
    return "".join(out)


def read_raw(sources: Iterable[tuple[str, str | None]]) -> tuple[list[RawEntry], list[str], list[Problem]]:
    """(text, name) pairs -> raw entries of every file, @preamble texts, problems. @string macros
    defined in any of the files apply to all of them."""
    problems: list[Problem] = []
    strings: list[tuple[str, list[Piece], int, str | None]] = []
    pending: list[tuple[Block, str | None]] = []
    preambles: list[str] = []
    for text, name in sources:
        for b in scan(text).blocks:
            if b.problems:
                problems.extend(Problem(p.message, name, p.line, rule=p.rule, severity=p.severity, key=p.key)
                                for p in b.problems)
            if b.kind == "entry":
                pending.append((b, name))
            elif b.kind == "string":
                strings.extend((f.lname, f.pieces, b.line, name) for f in b.fields)
            elif b.kind == "preamble":
                preambles.append("".join(p.text for f in b.fields for p in f.pieces))
    macros: dict[str, str] = {}
    for mname, pieces, line, source in strings:
        undefined: list[str] = []
        macros[mname] = _expand(pieces, macros, undefined)
        for u in undefined:
            problems.append(Problem(f"@string {mname}: macro {u!r} is not defined", source, line,
                                    rule="undefined-macro"))
    entries: list[RawEntry] = []
    seen: dict[str, int] = {}
    for b, source in pending:
        key = b.key
        if not key:
            key = f"{b.type}-line{b.line}"
            problems.append(Problem(f"an @{b.type} entry has no key; it is read as {key!r}", source,
                                    b.line, rule="missing-key", key=key))
        if key.lower() in seen:
            seen[key.lower()] += 1
            new = f"{key}-{seen[key.lower()]}"
            while new.lower() in seen:
                new += "x"
            problems.append(Problem(f"duplicate key {key!r}; this entry is read as {new!r}", source,
                                    b.line, rule="duplicate-key", key=new))
            key = new
        seen[key.lower()] = seen.get(key.lower(), 1)
        entries.append(RawEntry(b.type, key, _fields(b, key, macros, source, problems), b.line, source))
    return entries, preambles, problems


def _fields(b: Block, key: str, macros: dict[str, str], source: str | None, problems: list[Problem]
            ) -> dict[str, str]:
    """An entry's fields by lower-cased name, macros expanded: the first of a repeated name is kept
    (repeated keywords add up)."""
    fields: dict[str, str] = {}
    for f in b.fields:
        name, pieces = f.lname, f.pieces
        if name in fields and name != "keywords":
            problems.append(Problem(f"entry {b.key or '?'!r}: field {name!r} given twice; the first is kept",
                                    source, f.line, rule="duplicate-field", key=b.key or None))
            continue
        if len(pieces) == 1 and pieces[0].kind != "macro":
            value = pieces[0].text
        else:
            undefined: list[str] = []
            value = _expand(pieces, macros, undefined)
            line = b.get(name).line if name in fields else f.line  # type: ignore[union-attr]
            for u in undefined:
                problems.append(Problem(f"entry {key!r}, field {name!r}: macro {u!r} is not defined "
                                        f"(read as the text {u!r})", source, line, rule="undefined-macro", key=key))
        fields[name] = fields[name] + ", " + value if name in fields else value
    return fields


def loads_many(sources: list[tuple[str, str]], sentence_case: str = "never"
               ) -> tuple[list[Reference], list[Problem]]:
    """Read several BibTeX/biblatex texts ((text, name) pairs) as one database: @string macros and
    crossref/xdata parents may live in any of them. ``sentence_case`` is ``auto``, ``always`` or
    ``never`` (see :mod:`refkit.bib.titlecase`)."""
    from refkit.bib import crossref, titlecase

    if sentence_case not in SENTENCE_CASE:
        raise ValueError(f"sentence_case must be one of {SENTENCE_CASE}")
    raw, _preambles, problems = read_raw(sources)
    raw = crossref.resolve(raw, problems)
    refs = []
    for e in raw:
        if e.type in ("xdata", "set"):
            continue  # data containers and sets are not references of their own
        ref = entry_to_reference(e.type, e.key, e.fields, e.line)
        ref.source = e.source
        refs.append(ref)
    if sentence_case != "never":
        titlecase.apply(refs, raw, mode=sentence_case)
    if not refs and not problems and any(t.strip() for t, _ in sources):
        problems.append(Problem("no BibTeX entries found", sources[0][1], 1, rule="syntax", severity="error"))
    return refs, problems


def loads(text: str, source: str | None = None, sentence_case: str = "never"
          ) -> tuple[list[Reference], list[Problem]]:
    """Parse one BibTeX text. Problems are returned beside every entry that could be read."""
    return loads_many([(text, source or "")], sentence_case=sentence_case) if source else \
        _loads_anon(text, sentence_case)


def _loads_anon(text: str, sentence_case: str) -> tuple[list[Reference], list[Problem]]:
    refs, problems = loads_many([(text, "")], sentence_case=sentence_case)
    for r in refs:
        r.source = None
    for p in problems:
        if p.file == "":
            p.file = None
    return refs, problems


def load(text: str, source: str | None = None, strict: bool = False, sentence_case: str = "never"
         ) -> tuple[list[Reference], list[Problem]]:
    """Like :func:`loads`, but raise :class:`BibtexError` when no entry was read cleanly (or,
    with ``strict``, when anything was broken)."""
    refs, problems = loads(text, source, sentence_case=sentence_case)
    errors = [p for p in problems if p.severity == "error"]
    broken = {p.key for p in errors}
    if errors and (strict or not any(r.id not in broken for r in refs)):
        p = errors[0]
        where = f"{source}:{p.line}" if source else f"line {p.line}"
        if not refs and "@" not in text and len(text.strip().splitlines()) >= 1:
            raise BibtexError(f"{source or 'the input'} has no BibTeX entries: it looks like a plain-text "
                              "reference list", hint=f"turn it into BibTeX first: refkit parse {source or 'FILE'}")
        raise BibtexError(f"malformed BibTeX at {where}: {p.message}",
                          hint="check that every entry looks like @type{key, field = {value}, ...}")
    return refs, problems
