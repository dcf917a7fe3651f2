"""Reading BibTeX/biblatex: the syntax (entries, @string macros, @preamble, @comment) -> raw entries,
then :mod:`refkit.bib.biblatex` maps them onto the model.

The reader is forgiving the way BibTeX and Better BibTeX are, but never silent: a missing comma, an
unclosed brace, a field outside an entry, an undefined macro, a repeated or empty key each become a
:class:`Problem` with its line, and every entry is kept (an empty key gets an invented one, a repeated
key gets a suffix). Writing is :mod:`refkit.bib.bibtex_writer`.
"""

from __future__ import annotations

import bisect
import re
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
from refkit.errors import BibtexError, Problem
from refkit.model import Reference

MONTH_MACROS = {m: str(i) for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
SENTENCE_CASE = ("auto", "always", "never")

_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]", re.M)
_NAME = re.compile(r"[^\s\"#%'(),={}@]+")
# a value that runs on into "\n  year = 2001": its closing brace is missing (known field names only, so
# that "N = 30," in an abstract is not taken for a field)
_FIELD_NAMES = ("author|editor|title|subtitle|booktitle|journal|journaltitle|year|date|month|volume|number|"
                "pages|publisher|address|location|institution|school|organization|series|edition|chapter|"
                "note|url|doi|isbn|issn|abstract|keywords|type|howpublished|urldate|eprint|file|language|"
                "langid|crossref|issue|translator|annote")
_SWALLOWED = re.compile(r"\n[ \t]*(" + _FIELD_NAMES + r")[ \t]*=[ \t]*(?:\{|\"|\d+[ \t]*,|\d+[ \t]*$)",
                        re.M | re.I)
_SPECIAL = re.compile(r"\\.|[{}\"]", re.S)
_LOOKS_LIKE_FIELD = re.compile(r"([^\s\"#%'(),={}@]+)\s*=")


@dataclass
class RawEntry:
    """One entry as written: type and field names lower-cased, values still LaTeX, macros expanded."""

    type: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)
    line: int = 0
    source: str | None = None


@dataclass
class _Pending:
    type: str
    key: str
    parts: dict[str, list[tuple[str, str]]]
    lines: dict[str, int]
    line: int
    source: str | None


class _Scanner:
    """One file's text -> pending entries, @string definitions (unexpanded) and problems."""

    def __init__(self, text: str, source: str | None, problems: list[Problem]):
        self.text, self.source, self.problems = text, source, problems
        self.pos = 0
        self.entries: list[_Pending] = []
        self.strings: list[tuple[str, list[tuple[str, str]], int]] = []
        self.preambles: list[str] = []
        self.cur_key: str | None = None
        self.cut = False
        # where the next entry starts: an unclosed value stops there
        self.starts = [m.start() for m in _ENTRY_START.finditer(text)]
        self._lines = [m.start() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        return bisect.bisect_left(self._lines, pos) + 1

    def warn(self, msg: str, pos: int, rule: str = "syntax", severity: str = "warning",
             key: str | None = None) -> None:
        self.problems.append(Problem(msg, self.source, self.line(pos), rule=rule, severity=severity, key=key))

    def next_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else len(self.text)

    def skip_ws(self) -> None:
        t, n = self.text, len(self.text)
        while self.pos < n:
            if t[self.pos].isspace():
                self.pos += 1
            elif t[self.pos] == "%":  # biber allows comments inside entries
                nl = t.find("\n", self.pos)
                self.pos = n if nl < 0 else nl + 1
            else:
                break

    def run(self) -> None:
        t = self.text
        while True:
            at = t.find("@", self.pos)
            if at < 0:
                self._junk(self.pos, len(t))
                return
            self._junk(self.pos, at)
            self.pos = at + 1
            self.skip_ws()
            m = _NAME.match(t, self.pos)
            if not m:
                continue
            kind = m.group(0).lower()
            self.pos = m.end()
            after = self.pos
            while self.pos < len(t) and t[self.pos].isspace():
                self.pos += 1
            if self.pos >= len(t) or t[self.pos] not in "{(":
                if kind == "comment":  # "@comment text": the rest of the line is a comment
                    nl = t.find("\n", after)
                    self.pos = len(t) if nl < 0 else nl + 1
                continue  # an @ in running text (an e-mail address in a comment)
            close = "}" if t[self.pos] == "{" else ")"
            self.pos += 1
            if kind == "comment":
                self._skip_comment(close, at)
            elif kind == "preamble":
                self.preambles.append("".join(v for _, v in self._value(close, "preamble", at)))
                self._close(close, at, "@preamble")
            elif kind == "string":
                self._string(close, at)
            else:
                self._entry(kind, close, at)

    def _junk(self, a: int, b: int) -> None:
        """Text between entries is a comment for BibTeX; a field there is named as lost."""
        chunk = re.sub(r"%[^\n]*", lambda m: " " * len(m.group(0)), self.text[a:b])
        m = re.search(r"(?:^|[,\n])\s*([A-Za-z][\w-]*)\s*=\s*[{\"\d]", chunk)
        if m:
            self.warn(f"field {m.group(1)!r} outside any entry is ignored", a + m.start(1))

    def _skip_comment(self, close: str, at: int) -> None:
        t, depth, i = self.text, 1, self.pos
        opener = "{" if close == "}" else "("
        while i < len(t):
            c = t[i]
            if c == opener:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    self.pos = i + 1
                    return
            i += 1
        self.pos = min(self.next_start(at + 1), len(t))  # an unclosed @comment swallows only itself

    def _close(self, close: str, at: int, what: str) -> None:
        self.skip_ws()
        if self.pos < len(self.text) and self.text[self.pos] == close:
            self.pos += 1
        elif self.pos < len(self.text) and self.text[self.pos] == ",":
            self.pos += 1
            self.skip_ws()
            if self.pos < len(self.text) and self.text[self.pos] == close:
                self.pos += 1
        else:
            self.warn(f"{what} is not closed (a '{close}' is missing)", at)

    def _string(self, close: str, at: int) -> None:
        self.skip_ws()
        m = _NAME.match(self.text, self.pos)
        if not m:
            self.warn("@string without a name is ignored", at)
            self.pos = self.next_start(at + 1)
            return
        self.pos = m.end()
        self.skip_ws()
        if self.pos < len(self.text) and self.text[self.pos] == "=":
            self.pos += 1
        self.strings.append((m.group(0).lower(), self._value(close, m.group(0), at), self.line(at)))
        self._close(close, at, f"@string {m.group(0)}")

    def _entry(self, kind: str, close: str, at: int) -> None:
        t = self.text
        self.skip_ws()
        m = re.compile(r"[^,\s" + re.escape(close) + r"]*").match(t, self.pos)
        key = m.group(0) if m else ""
        if "=" in key or (key and _LOOKS_LIKE_FIELD.match(t, self.pos)):  # no key: fields start at once
            key = ""
        else:
            self.pos = m.end() if m else self.pos
        pend = _Pending(kind, key, {}, {}, self.line(at), self.source)
        self.cur_key, self.cut = key or f"{kind}-line{self.line(at)}", False
        self.entries.append(pend)
        stop = self.next_start(at + 1)
        self.skip_ws()
        if self.pos < len(t) and t[self.pos] == ",":
            self.pos += 1
        elif self.pos < len(t) and t[self.pos] != close and key:
            self.warn(f"entry {key!r}: no comma after the key", self.pos, key=key)
        last = ""
        while True:
            self.skip_ws()
            if self.pos >= len(t) or self.pos >= stop:
                what = f"after field {last!r}" if last else "before any field"
                if not self.cut:
                    self.warn(f"entry {key or '?'!r} is not closed (a '{close}' is missing {what})", at,
                              severity="error", key=self.cur_key)
                self.pos = stop
                return
            c = t[self.pos]
            if c == close:
                self.pos += 1
                if close == "}" and self._stray_fields(pend, stop):
                    continue
                return
            if c == ",":
                self.pos += 1
                continue
            fm = _NAME.match(t, self.pos)
            if not fm:
                self.warn(f"entry {key or '?'!r}: unexpected {c!r} is skipped", self.pos, key=key or None)
                self.pos += 1
                continue
            name = fm.group(0).lower()
            fpos = self.pos
            self.pos = fm.end()
            self.skip_ws()
            if self.pos >= len(t) or t[self.pos] != "=":
                self.warn(f"entry {key or '?'!r}: {fm.group(0)!r} is not a field (no '=') and is skipped",
                          fpos, key=key or None)
                continue
            self.pos += 1
            value = self._value(close, name, at, stop)
            if name == "keywords" and name in pend.parts:  # repeated keywords add up
                pend.parts[name] = pend.parts[name] + [("str", ", ")] + value
            elif name in pend.parts:
                self.warn(f"entry {key or '?'!r}: field {name!r} given twice; the first is kept", fpos,
                          rule="duplicate-field", key=key or None)
            else:
                pend.parts[name] = value
                pend.lines[name] = self.line(fpos)
            last = name
            self.skip_ws()
            if self.pos < len(t) and t[self.pos] not in ",#" + close and self.pos < stop:
                if _LOOKS_LIKE_FIELD.match(t, self.pos):
                    self.warn(f"entry {key or '?'!r}: missing comma after field {name!r}", self.pos,
                              severity="error", key=self.cur_key)

    def _stray_fields(self, pend: _Pending, stop: int) -> bool:
        """``title = {A}}, year = 2020}``: an extra '}' closed the entry early. Read on into it."""
        m = re.compile(r"[ \t]*,\s*([^\s\"#%'(),={}@]+)\s*=").match(self.text, self.pos)
        if not m or self.pos >= stop:
            return False
        self.warn(f"entry {pend.key or '?'!r}: an extra '}}' closes it early; field {m.group(1)!r} "
                  "and the ones after it are read into it", self.pos, key=pend.key or None)
        return True

    def _value(self, close: str, name: str, at: int, stop: int | None = None) -> list[tuple[str, str]]:
        """``{..} # "..." # macro # 12`` -> [(kind, text)] with kind 'str' or 'macro'."""
        t = self.text
        stop = stop if stop is not None else self.next_start(at + 1)
        parts: list[tuple[str, str]] = []
        while True:
            self.skip_ws()
            if self.pos >= len(t):
                break
            c = t[self.pos]
            if c == "{" or c == '"':
                parts.append(("str", self._delimited(c, name, stop)))
            elif c.isdigit():
                m = re.compile(r"[^\s,#{}\"()]+").match(t, self.pos)
                assert m
                parts.append(("str", m.group(0)))
                self.pos = m.end()
            else:
                m = _NAME.match(t, self.pos)
                if not m or c == close:
                    break
                if _LOOKS_LIKE_FIELD.match(t, self.pos) and parts:
                    break
                parts.append(("macro", m.group(0).lower()))
                self.pos = m.end()
            self.skip_ws()
            if self.pos < len(t) and t[self.pos] == "#":
                self.pos += 1
                continue
            break
        return parts

    def _delimited(self, opener: str, name: str, stop: int) -> str:
        t, start = self.text, self.pos
        depth = 0
        for sm in _SPECIAL.finditer(t, self.pos + 1, min(stop, len(t))):
            c, i = sm.group(0), sm.start()
            if c == "{":
                depth += 1
            elif c == "}":
                if depth == 0:
                    if opener == "{":
                        value = t[start + 1:i]
                        m = _SWALLOWED.search(value)
                        if m:  # "title = {Open\n year = 2001}": the brace of title is missing
                            self.warn(f"entry {self.cur_key!r}, field {name!r}: no closing brace before field "
                                      f"{m.group(1)!r} (line {self.line(start + 1 + m.start(1))}); the value "
                                      "is cut there", start, severity="error", key=self.cur_key)
                            self.pos = start + 1 + m.start()
                            return value[:m.start()].rstrip()
                        self.pos = i + 1
                        return value
                    # a '}' too many inside "...": BibTeX would stop; keep reading the quoted text
                else:
                    depth -= 1
            elif c == '"' and opener == '"' and depth == 0:
                self.pos = i + 1
                return t[start + 1:i]
        end = min(stop, len(t))
        self.warn(f"entry {self.cur_key!r}, field {name!r}: unclosed {'brace' if opener == '{' else 'quote'}; "
                  f"the value runs to line {self.line(end - 1)} and is cut there", start, severity="error",
                  key=self.cur_key)
        self.cut = True
        self.pos = end
        return t[start + 1:end].rstrip().rstrip("},)")


def _expand(parts: list[tuple[str, str]], macros: dict[str, str], undefined: list[str]) -> str:
    out = []
    for kind, v in parts:
        if kind == "str":
            out.append(v)
        elif v in macros:
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
    scanners = []
    for text, name in sources:
        s = _Scanner(text, name, problems)
        s.run()
        scanners.append(s)
    macros: dict[str, str] = {}
    for s in scanners:
        for mname, parts, line in s.strings:
            undefined: list[str] = []
            macros[mname] = _expand(parts, macros, undefined)
            for u in undefined:
                problems.append(Problem(f"@string {mname}: macro {u!r} is not defined", s.source, line,
                                        rule="undefined-macro"))
    entries: list[RawEntry] = []
    seen: dict[str, int] = {}
    for s in scanners:
        for p in s.entries:
            key = p.key
            if not key:
                key = f"{p.type}-line{p.line}"
                problems.append(Problem(f"an @{p.type} entry has no key; it is read as {key!r}", p.source,
                                        p.line, rule="missing-key", key=key))
            if key.lower() in seen:
                seen[key.lower()] += 1
                new = f"{key}-{seen[key.lower()]}"
                while new.lower() in seen:
                    new += "x"
                problems.append(Problem(f"duplicate key {key!r}; this entry is read as {new!r}", p.source,
                                        p.line, rule="duplicate-key", key=new))
                key = new
            seen[key.lower()] = seen.get(key.lower(), 1)
            fields = {}
            for f, parts in p.parts.items():
                undefined = []
                fields[f] = _expand(parts, macros, undefined)
                for u in undefined:
                    problems.append(Problem(f"entry {key!r}, field {f!r}: macro {u!r} is not defined "
                                            f"(read as the text {u!r})",
                                            p.source, p.lines.get(f, p.line), rule="undefined-macro", key=key))
            entries.append(RawEntry(p.type, key, fields, p.line, p.source))
    return entries, [x for s in scanners for x in s.preambles], problems


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
