"""The one BibTeX/biblatex scanner: text -> blocks that keep every position and raw character, read as
forgivingly as BibTeX and Better BibTeX do, with every recovery recorded as a problem.

Each block (entry, ``@string``, ``@preamble``, ``@comment``, or the junk text between them) keeps its
offsets; each field keeps its name, raw value (delimiters and ``#`` concatenation included), the pieces
of that value and their kinds, offsets and lines. So lint and tidy can replace exactly the characters
they mean to change, and the reader (:mod:`refkit.bib.bibtex`) maps the same blocks onto raw entries.

Recovery, never silent: a missing comma, an unclosed brace (cut where the next field or entry starts),
an extra ``}`` (the fields after it are read on into the entry), a name without ``=``, a stray
character: each becomes a :class:`ScanProblem` on its block, and the block is marked ``recovered``.
Tools that must not rewrite what they could not read cleanly (tidy, keys, lint's fixes) treat a
recovered block as broken and keep it byte for byte.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]", re.M)
_NAME = re.compile(r"[^\s\"#%'(),={}@]+")
# a value that runs on into "\n  year = 2001": its closing brace is missing (known field names only, so
# that "N = 30," in an abstract is not taken for a field)
_FIELD_NAMES = ("author|editor|title|subtitle|booktitle|journal|journaltitle|year|date|month|volume|number|"
                "pages|publisher|address|location|institution|school|organization|series|edition|chapter|"
                "note|url|doi|isbn|issn|abstract|keywords|type|howpublished|urldate|eprint|file|language|"
                "langid|crossref|issue|translator|annote")
SWALLOWED = re.compile(r"\n[ \t]*(" + _FIELD_NAMES + r")[ \t]*=[ \t]*(?:\{|\"|\d+[ \t]*,|\d+[ \t]*$)",
                       re.M | re.I)
_SPECIAL = re.compile(r"\\.|[{}\"]", re.S)
_LOOKS_LIKE_FIELD = re.compile(r"([^\s\"#%'(),={}@]+)\s*=")
_NUMBER = re.compile(r"[^\s,#{}\"()]+")
_KEY = {"}": re.compile(r"[^,\s}]*"), ")": re.compile(r"[^,\s)]*")}
_STRAY = re.compile(r"[ \t]*,\s*([^\s\"#%'(),={}@]+)\s*=")
_JUNK_FIELD = re.compile(r"(?:^|[,\n])\s*([A-Za-z][\w-]*)\s*=\s*[{\"\d]")
_WS = re.compile(r"\s*")
_HEAD = re.compile(r"([^\s\"#%'(),={}@]+)[ \t]*=[ \t]*")
# the usual field, read in one step: name = {text, with one level of inner braces}, a number or a macro
# name, followed by ',' or the entry's end; anything else (quotes, '#', '%', an escaped brace, a value
# that swallowed the next field) takes the careful path below. _TEXT is braced text without braces or
# escaped braces, written as an unrolled loop so that a failing match cannot backtrack badly.
_TEXT = r"[^{}\\]*(?:\\[^{}][^{}\\]*)*"
_FAST = {c: re.compile(r"([^\s\"#%'(),={}@]+)[ \t]*=[ \t]*(?:\{(" + _TEXT + r"(?:\{" + _TEXT + r"\}" + _TEXT + r")*)\}|"
                       r"([0-9][^\s,#{}\"()%]*)|([A-Za-z][^\s\"#%'(),={}@]*))"
                       r"[ \t]*(?:(,)[ \t]*\r?\n?[ \t]*|(?=\s*" + re.escape(c) + "))")
         for c in "})"}
_SIMPLE_BRACE = re.compile(r"\{([^{}\"\\]*)\}")


@dataclass(slots=True)
class ScanProblem:
    message: str
    line: int
    rule: str = "syntax"
    severity: str = "warning"
    key: str | None = None


@dataclass(slots=True)
class Piece:
    kind: str  # "{" braced, '"' quoted, "macro" a bare word, "number" bare digits
    text: str  # the content without delimiters (for macros: the name as written)


@dataclass(slots=True)
class RawField:
    name: str  # as written
    raw: str  # the value as written: delimiters, '#' concatenation and all
    start: int  # offset of the field name
    value_start: int
    value_end: int
    end: int  # after the trailing comma, or value_end when there is none
    line: int
    value_line: int
    pieces: list[Piece]
    lname: str = field(repr=False)  # the name in lower case

    @property
    def text(self) -> str:
        """The value's content: one delimited piece without its delimiters, else the pieces joined."""
        return "".join(p.text for p in self.pieces)

    @property
    def is_macro(self) -> bool:
        return len(self.pieces) == 1 and self.pieces[0].kind == "macro"


@dataclass
class Block:
    kind: str  # "entry", "string", "preamble", "comment", "junk" (text between blocks)
    start: int
    end: int
    line: int
    type: str = ""  # lowercased entry type ("article"; "string" for @string ...)
    type_raw: str = ""
    key: str = ""
    key_start: int = -1
    key_end: int = -1
    open: str = "{"
    fields: list[RawField] = field(default_factory=list)
    problems: list[ScanProblem] = field(default_factory=list)  # what reading it had to recover from
    comments: list[tuple[int, int]] = field(default_factory=list)  # '%' lines inside the entry
    stray_commas: int = 0  # ', ,' between fields
    # an extra '}' closed the entry early at this offset (-1: none); the fields after it are read on, and
    # the problems from index ``early_problems`` on were found after it
    early_end: int = -1
    early_problems: int = 0

    @property
    def problem(self) -> str:
        """The first thing reading had to recover from ("" for a clean block)."""
        return self.problems[0].message if self.problems else ""

    @property
    def problem_line(self) -> int:
        return self.problems[0].line if self.problems else 0

    @property
    def recovered(self) -> bool:
        """Reading it needed a repair: tools that rewrite text keep such a block as it is."""
        return any(p.rule == "syntax" for p in self.problems)

    def get(self, name: str) -> RawField | None:
        """The first field called ``name`` (lower case)."""
        for f in self.fields:
            if f.lname == name:
                return f
        return None

    def field_map(self) -> dict[str, RawField]:
        """Lowercased name -> field; the first of duplicated names wins (as BibTeX does)."""
        out: dict[str, RawField] = {}
        for f in self.fields:
            out.setdefault(f.lname, f)
        return out


@dataclass
class RawFile:
    text: str
    blocks: list[Block]
    _nl: list[int] = field(default_factory=list, repr=False)

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self._nl, pos - 1) + 1

    @property
    def entries(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "entry"]

    @property
    def strings(self) -> dict[str, str]:
        """Macro name (lowercased) -> its value's content, in file order."""
        out: dict[str, str] = {}
        for b in self.blocks:
            if b.kind == "string":
                for f in b.fields:
                    out[f.lname] = f.text
        return out

    @property
    def problems(self) -> list[ScanProblem]:
        return [p for b in self.blocks for p in b.problems]


def scan(text: str, commented_at: bool = False) -> RawFile:
    """Split ``text`` into blocks. With ``commented_at`` an ``@`` on a line that a ``%`` comments out
    starts no entry (as in a .tex-style commented-out entry); BibTeX itself reads such entries."""
    s = _Scanner(text, commented_at)
    s.run()
    return s.raw


class _Scanner:
    def __init__(self, text: str, commented_at: bool):
        self.text, self.commented_at = text, commented_at
        self.pos = 0
        self._lines = [m.start() for m in re.finditer("\n", text)]
        self.raw = RawFile(text, [], self._lines)
        self.block: Block | None = None
        self.cut = False
        # where the next entry starts: an unclosed value stops there
        self.starts = [m.start() for m in _ENTRY_START.finditer(text)]

    def line(self, pos: int) -> int:
        return bisect.bisect_left(self._lines, pos) + 1

    def warn(self, msg: str, pos: int, rule: str = "syntax", severity: str = "warning",
             key: str | None = None, block: Block | None = None) -> None:
        b = block or self.block
        assert b is not None
        b.problems.append(ScanProblem(msg, self.line(pos), rule, severity, key))

    def next_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else len(self.text)

    def skip_ws(self, block: Block | None = None) -> None:
        t = self.text
        while True:
            if t[self.pos:self.pos + 1].isspace():
                self.pos = _WS.match(t, self.pos).end()  # type: ignore[union-attr]
            if t.startswith("%", self.pos):  # biber allows comments inside entries
                nl = t.find("\n", self.pos)
                end = len(t) if nl < 0 else nl
                if block is not None:
                    block.comments.append((self.pos, end))
                self.pos = end
            else:
                return

    def run(self) -> None:
        t, blocks = self.text, self.raw.blocks
        done = 0  # end of the last block
        while True:
            at = t.find("@", self.pos)
            if at >= 0 and self.commented_at and "%" in t[t.rfind("\n", 0, at) + 1:at]:
                self.pos = at + 1
                continue
            if at < 0:
                self._junk(done, len(t))
                return
            self.pos = at + 1
            self.skip_ws()
            m = _NAME.match(t, self.pos)
            if not m:
                continue
            kind, type_raw = m.group(0).lower(), m.group(0)
            self.pos = m.end()
            after = self.pos
            while self.pos < len(t) and t[self.pos].isspace():
                self.pos += 1
            if self.pos >= len(t) or t[self.pos] not in "{(":
                if kind == "comment":  # "@comment text": the rest of the line is a comment
                    nl = t.find("\n", after)
                    self.pos = len(t) if nl < 0 else nl + 1
                continue  # an @ in running text (an e-mail address in a comment)
            self._junk(done, at)
            opener = t[self.pos]
            close = "}" if opener == "{" else ")"
            self.pos += 1
            block = Block("entry", at, at, self.line(at), type=kind, type_raw=type_raw, open=opener)
            self.block = block
            if kind == "comment":
                block.kind = "comment"
                self._skip_comment(close, at)
            elif kind == "preamble":
                block.kind = "preamble"
                self._fields(block, close, at, preamble=True)
            elif kind == "string":
                block.kind = "string"
                self._fields(block, close, at)
            else:
                self._entry(block, close, at)
            block.end = self.pos
            blocks.append(block)
            done = self.pos

    def _junk(self, a: int, b: int) -> None:
        """Text between entries is a comment for BibTeX; a field there is named as lost."""
        if b <= a:
            return
        block = Block("junk", a, b, self.line(a))
        self.raw.blocks.append(block)
        chunk = self.text[a:b]
        if "=" not in chunk:
            return
        chunk = re.sub(r"%[^\n]*", lambda m: " " * len(m.group(0)), chunk)
        m = _JUNK_FIELD.search(chunk)
        if m:
            self.warn(f"field {m.group(1)!r} outside any entry is ignored", a + m.start(1), block=block)

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

    def _entry(self, block: Block, close: str, at: int) -> None:
        t = self.text
        self.skip_ws(block)
        m = _KEY[close].match(t, self.pos)
        key = m.group(0) if m else ""
        if "=" in key or (key and _LOOKS_LIKE_FIELD.match(t, self.pos)):  # no key: fields start at once
            key = ""
            block.key_start = block.key_end = self.pos
        else:
            block.key_start = self.pos
            self.pos = m.end() if m else self.pos
            block.key_end = self.pos
        block.key = key
        self.skip_ws(block)
        if self.pos < len(t) and t[self.pos] == ",":
            self.pos += 1
        elif self.pos < len(t) and t[self.pos] != close and key:
            self.warn(f"entry {key!r}: no comma after the key", self.pos, key=key)
        self._fields(block, close, at)

    def _fields(self, block: Block, close: str, at: int, preamble: bool = False) -> None:
        t = self.text
        key = block.key
        what = "@preamble" if preamble else "@string" if block.kind == "string" else f"entry {key or '?'!r}"
        self.cut = False
        stop = self.next_start(at + 1)
        last = ""
        while True:
            if t[self.pos:self.pos + 1].isspace():
                self.pos = _WS.match(t, self.pos).end()  # type: ignore[union-attr]
            if t.startswith("%", self.pos):
                self.skip_ws(block)
            if self.pos >= len(t) or self.pos >= stop:
                after = f"after field {last!r}" if last else "before any field"
                if not self.cut:
                    self.warn(f"{what} is not closed (a '{close}' is missing {after})", at,
                              severity="error", key=self.cur_key(block))
                self.pos = stop
                return
            c = t[self.pos]
            if c == close:
                self.pos += 1
                if close == "}" and block.kind == "entry" and self._stray_fields(block, stop):
                    continue
                return
            if c == ",":
                self.pos += 1
                block.stray_commas += 1
                continue
            fpos = self.pos
            fast = None if preamble else _FAST[close].match(t, fpos)
            if fast is not None and fast.end() <= stop:
                name, braced, number, macro, _ = fast.groups()
                if braced is not None and "\n" in braced and "=" in braced and SWALLOWED.search(braced):
                    fast = None  # a missing closing brace: the careful path cuts the value
            if fast is not None and fast.end() <= stop:
                if braced is not None:
                    piece = Piece("{", braced)
                    vend = fast.end(2) + 1
                else:
                    word = number or macro
                    piece = Piece("number" if word.isdigit() else "macro", word)
                    vend = fast.end(3) if number else fast.end(4)
                vstart = fast.start(2) - 1 if braced is not None else vend - len(word)
                fline = self.line(fpos)
                f = RawField(name, t[vstart:vend], fpos, vstart, vend, vend, fline, fline, [piece], name.lower())
                block.fields.append(f)
                last = f.lname
                self.pos = fast.end()
                if fast.start(5) >= 0:
                    f.end = fast.end(5)
                continue
            if preamble:
                name = "preamble"
            elif (hm := _HEAD.match(t, self.pos)) is not None:  # the usual "name = "
                name = hm.group(1)
                self.pos = hm.end()
                if t[self.pos:self.pos + 1].isspace() or t.startswith("%", self.pos):
                    self.skip_ws(block)
            else:
                fm = _NAME.match(t, self.pos)
                if not fm:
                    self.warn(f"{what}: unexpected {c!r} is skipped", self.pos, key=key or None)
                    self.pos += 1
                    continue
                name = fm.group(0)
                self.pos = fm.end()
                self.skip_ws(block)
                if self.pos >= len(t) or t[self.pos] != "=":
                    self.warn(f"{what}: {name!r} is not a field (no '=') and is skipped", fpos, key=key or None)
                    continue
                self.pos += 1
                self.skip_ws(block)
            vstart = self.pos
            pieces, vend = self._value(block, close, name.lower(), stop)
            self.skip_ws(block)
            fline = self.line(fpos)
            vline = fline if "\n" not in t[fpos:vstart] else self.line(vstart)
            f = RawField(name, t[vstart:vend], fpos, vstart, vend, vend, fline, vline, pieces, name.lower())
            block.fields.append(f)
            last = f.lname
            if preamble:
                self._close_preamble(block, close, at)
                return
            if self.pos < len(t) and t[self.pos] == ",":
                f.end = self.pos = self.pos + 1
            elif self.pos < len(t) and t[self.pos] not in "#" + close and self.pos < stop:
                if _LOOKS_LIKE_FIELD.match(t, self.pos):
                    self.warn(f"{what}: missing comma after field {last!r}", self.pos,
                              severity="error", key=self.cur_key(block))

    def _close_preamble(self, block: Block, close: str, at: int) -> None:
        t = self.text
        if self.pos < len(t) and t[self.pos] == close:
            self.pos += 1
        elif self.pos < len(t) and t[self.pos] == ",":
            self.pos += 1
            self.skip_ws(block)
            if self.pos < len(t) and t[self.pos] == close:
                self.pos += 1
        else:
            self.warn(f"@preamble is not closed (a '{close}' is missing)", at)

    def cur_key(self, block: Block) -> str:
        return block.key or f"{block.type}-line{block.line}"

    def _stray_fields(self, block: Block, stop: int) -> bool:
        """``title = {A}}, year = 2020}``: an extra '}' closed the entry early. Read on into it."""
        m = _STRAY.match(self.text, self.pos)
        if not m or self.pos >= stop:
            return False
        if block.early_end < 0:
            block.early_end, block.early_problems = self.pos, len(block.problems)
        self.pos = m.start(1)  # the comma before the field is no stray one
        self.warn(f"entry {block.key or '?'!r}: an extra '}}' closes it early; field {m.group(1)!r} "
                  "and the ones after it are read into it", self.pos, key=block.key or None)
        return True

    def _value(self, block: Block, close: str, name: str, stop: int) -> tuple[list[Piece], int]:
        """``{..} # "..." # macro # 12`` -> pieces, and the offset where the value ends."""
        t = self.text
        pieces: list[Piece] = []
        vend = self.pos
        while True:
            self.skip_ws(block)
            if self.pos >= len(t):
                break
            c = t[self.pos]
            if c == "{" or c == '"':
                sm = _SIMPLE_BRACE.match(t, self.pos) if c == "{" else None
                if sm and sm.end() <= stop and "\n" not in sm.group(1):  # the usual {value}: no scan
                    pieces.append(Piece("{", sm.group(1)))
                    self.pos = sm.end()
                else:
                    pieces.append(Piece(c, self._delimited(block, c, name, stop)))
            elif c.isdigit():
                m = _NUMBER.match(t, self.pos)
                assert m
                word = m.group(0)
                pieces.append(Piece("number" if word.isdigit() else "macro", word))
                self.pos = m.end()
            else:
                m = _NAME.match(t, self.pos)
                if not m or c == close:
                    break
                if _LOOKS_LIKE_FIELD.match(t, self.pos) and pieces:
                    break
                pieces.append(Piece("macro", m.group(0)))
                self.pos = m.end()
            vend = self.pos
            self.skip_ws(block)
            if self.pos < len(t) and t[self.pos] == "#":
                self.pos += 1
                continue
            break
        return pieces, vend

    def _delimited(self, block: Block, opener: str, name: str, stop: int) -> str:
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
                        m = SWALLOWED.search(value) if "=" in value else None
                        if m:  # "title = {Open\n year = 2001}": the brace of title is missing
                            self.warn(f"entry {self.cur_key(block)!r}, field {name!r}: no closing brace before "
                                      f"field {m.group(1)!r} (line {self.line(start + 1 + m.start(1))}); the "
                                      "value is cut there", start, severity="error", key=self.cur_key(block))
                            self.pos = start + 1 + m.start()
                            return value[:m.start()].rstrip()
                        self.pos = i + 1
                        self._escaped_braces(block, value, name, start)
                        return value
                    # a '}' too many inside "...": BibTeX would stop; keep reading the quoted text
                else:
                    depth -= 1
            elif c == '"' and opener == '"' and depth == 0:
                self.pos = i + 1
                self._escaped_braces(block, t[start + 1:i], name, start)
                return t[start + 1:i]
        end = min(stop, len(t))
        self.warn(f"entry {self.cur_key(block)!r}, field {name!r}: unclosed "
                  f"{'brace' if opener == '{' else 'quote'}; the value runs to line {self.line(end - 1)} and is "
                  "cut there", start, severity="error", key=self.cur_key(block))
        self.cut = True
        self.pos = end
        return t[start + 1:end].rstrip().rstrip("},)")

    def _escaped_braces(self, block: Block, value: str, name: str, start: int) -> None:
        """``{Thi\\{'ebaux}`` reads here, but BibTeX counts escaped braces too and would run on."""
        if "\\" in value and ("\\{" in value or "\\}" in value) and value.count("{") != value.count("}"):
            self.warn(f"entry {self.cur_key(block)!r}: unbalanced braces in field {name!r} for BibTeX, which "
                      "counts an escaped '\\{' or '\\}' too", start, key=self.cur_key(block))
