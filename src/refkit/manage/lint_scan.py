"""A raw, position-keeping BibTeX scanner for lint, tidy and keys.

Unlike the reader in :mod:`refkit.bib.bibtex` (text -> model), this keeps every block as written: the
entry type, the key and each field's name and raw value with their offsets and line numbers, plus the
text between blocks (comments). Fixes and re-layouts can then replace exactly the characters they mean
to change. Broken blocks are recorded with a problem and scanning resumes at the next ``@`` that starts
a line, as BibTeX tools do.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_AT = re.compile(r"@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])")
_NEXT_AT_LINE = re.compile(r"\n[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]")
_BRACE = re.compile(r"[{}]|\n[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]")
_QUOTE = re.compile(r"[{}\"]|\n[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]")
_NAME = re.compile(r"[^\s=,{}\"#()%]+")
_BARE = re.compile(r"[^\s,#{}()\"%]+")
_WS = re.compile(r"\s*")
_KEY = re.compile(r"[^\s,]+")
_HEAD = re.compile(r"([^\s=,{}\"#()%]+)\s*=\s*")
_SIMPLE_BRACE = re.compile(r"\{([^{}]*)\}")
_AFTER = re.compile(r"\s*([,#]?)")
_KEY_PAREN = re.compile(r"[^\s,)]+")


class ScanError(Exception):
    def __init__(self, message: str, pos: int, resume: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.resume = resume


@dataclass
class Piece:
    kind: str  # "{" braced, '"' quoted, "macro" a bare word, "number" bare digits
    text: str  # the content without delimiters (for macros: the name)


@dataclass
class RawField:
    name: str  # as written
    raw: str  # the value as written: delimiters, '#' concatenation and all
    start: int  # offset of the field name
    value_start: int
    value_end: int
    end: int  # after the trailing comma, or value_end when there is none
    line: int
    value_line: int
    pieces: list[Piece] = field(default_factory=list)
    lname: str = field(init=False, repr=False)  # the name in lower case

    def __post_init__(self) -> None:
        self.lname = self.name.lower()

    @property
    def text(self) -> str:
        """The value's content: one delimited piece without its delimiters, else the pieces joined."""
        return "".join(p.text for p in self.pieces)

    @property
    def is_macro(self) -> bool:
        return len(self.pieces) == 1 and self.pieces[0].kind == "macro"


@dataclass
class Block:
    kind: str  # "entry", "string", "preamble", "comment", "junk" (text between blocks), "broken"
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
    problem: str = ""  # why a "broken" block is broken
    problem_line: int = 0
    comments: list[tuple[int, int]] = field(default_factory=list)  # '%' lines inside the entry
    stray_commas: int = 0  # ', ,' between fields

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


def scan(text: str) -> RawFile:
    """Split ``text`` into blocks (entries, @string, @preamble, @comment, junk between them)."""
    nl = [m.start() for m in re.finditer("\n", text)]
    raw = RawFile(text, [], nl)
    pos = 0
    n = len(text)
    while pos < n:
        m = _AT.search(text, pos)
        while m and "%" in text[text.rfind("\n", 0, m.start()) + 1:m.start()]:  # a commented-out entry
            m = _AT.search(text, m.end())
        if not m:
            raw.blocks.append(Block("junk", pos, n, raw.line_of(pos)))
            break
        if m.start() > pos:
            raw.blocks.append(Block("junk", pos, m.start(), raw.line_of(pos)))
        kind = m.group(1).lower()
        close = "}" if m.group(2) == "{" else ")"
        try:
            block = _block(raw, m, kind, close)
        except ScanError as e:
            # resume at the next entry that starts a line, which may be the one the error stopped at
            resume = e.resume if e.resume is not None else _resume(text, max(text.rfind("\n", 0, e.pos), m.end()))
            block = Block("broken", m.start(), resume, raw.line_of(m.start()), type=kind, type_raw=m.group(1),
                          problem=e.message, problem_line=raw.line_of(min(e.pos, n - 1) if n else 0))
        raw.blocks.append(block)
        pos = block.end
    return raw


def _resume(text: str, pos: int) -> int:
    m = _NEXT_AT_LINE.search(text, pos)
    return m.start() + 1 if m else len(text)


def _block(raw: RawFile, m: re.Match[str], kind: str, close: str) -> Block:
    text = raw.text
    start, pos = m.start(), m.end()
    line = raw.line_of(start)
    if kind == "comment":
        end = _balanced_end(text, pos, close)
        return Block("comment", start, end, line, type=kind, type_raw=m.group(1), open=m.group(2))
    if kind == "preamble":
        end = _balanced_end(text, pos, close)
        return Block("preamble", start, end, line, type=kind, type_raw=m.group(1), open=m.group(2))
    block = Block("string" if kind == "string" else "entry", start, pos, line, type=kind, type_raw=m.group(1),
                  open=m.group(2))
    if kind != "string":
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        km = (_KEY if close == "}" else _KEY_PAREN).match(text, pos)
        key = km.group(0) if km else ""
        if key.endswith("}") and close == "}":  # @misc{key} with no fields
            key = key[:-1]
        block.key, block.key_start, block.key_end = key, pos, pos + len(key)
        pos = _WS.match(text, pos + len(key)).end()  # type: ignore[union-attr]
        if pos < len(text) and text[pos] == "=":  # @article{ author = ...: the key is missing
            block.key, block.key_end, pos = "", block.key_start, block.key_start
        elif pos < len(text) and text[pos] == close:
            block.end = pos + 1
            return block
        elif pos >= len(text) or text[pos] != ",":
            raise ScanError(f"entry {key or '(no key)'}: expected ',' after the key", pos)
        else:
            pos += 1
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            raise ScanError(f"entry {block.key or kind}: not closed (missing '{close}')", pos, len(text))
        if text[pos] == close:
            block.end = pos + 1
            return block
        if text[pos] == "%":
            eol = text.find("\n", pos)
            eol = len(text) if eol < 0 else eol
            block.comments.append((pos, eol))
            pos = eol
            continue
        if text[pos] == ",":
            block.stray_commas += 1
            pos += 1
            continue
        if text[pos] == "@" and _AT.match(text, pos):
            raise ScanError(f"entry {block.key or kind}: not closed before the next entry", pos, pos)
        head = _HEAD.match(text, pos)
        if head:
            fname, fstart, pos = head.group(1), pos, head.end()
        else:
            nm = _NAME.match(text, pos)
            if not nm:
                raise ScanError(f"entry {block.key or kind}: unexpected {text[pos]!r} where a field name should be",
                                pos)
            raise ScanError(f"entry {block.key or kind}: field {nm.group(0)} has no '='",
                            _WS.match(text, nm.end()).end())  # type: ignore[union-attr]
        vstart = pos
        pieces: list[Piece] = []
        while True:
            simple = _SIMPLE_BRACE.match(text, pos)
            if simple and not ("@" in simple.group(1) and _NEXT_AT_LINE.search(simple.group(1))):
                pos, piece = simple.end(), Piece("{", simple.group(1))
            else:
                pos, piece = _piece(text, pos, block.key or kind, fname, close)
            pieces.append(piece)
            vend = pos
            after = _AFTER.match(text, pos)
            assert after is not None
            pos = after.end()
            if after.group(1) == "#":
                pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                continue
            break
        end = vend
        if after.group(1) == ",":
            end = pos
        elif pos < len(text) and text[pos] != close:
            raise ScanError(f"entry {block.key or kind}: missing ',' after field {fname}", pos)
        line = raw.line_of(fstart)
        vline = line if "\n" not in text[fstart:vstart] else raw.line_of(vstart)
        block.fields.append(RawField(fname, text[vstart:vend], fstart, vstart, vend, end, line, vline, pieces))


def _piece(text: str, pos: int, key: str, name: str, close: str) -> tuple[int, Piece]:
    if pos >= len(text):
        raise ScanError(f"entry {key}: field {name} has no value", pos)
    c = text[pos]
    if c == "{":
        end = _balanced_end(text, pos + 1, "}", key, name)
        return end, Piece("{", text[pos + 1:end - 1])
    if c == '"':
        depth = 0
        for m in _QUOTE.finditer(text, pos + 1):
            t = m.group(0)
            if t == "{":
                depth += 1
            elif t == "}":
                depth -= 1
                if depth < 0:
                    raise ScanError(f"entry {key}: unbalanced braces in field {name}", m.start())
            elif t == '"':
                if depth == 0:
                    return m.end(), Piece('"', text[pos + 1:m.start()])
            else:
                raise ScanError(f"entry {key}: field {name} is not closed (unbalanced quote or brace)",
                                m.start(), m.start() + 1)
        raise ScanError(f"entry {key}: field {name} is not closed", len(text), len(text))
    bm = _BARE.match(text, pos)
    if not bm or (close == ")" and bm.group(0).endswith(")")):
        if bm and bm.group(0).rstrip(")"):
            word = bm.group(0).rstrip(")")
            return pos + len(word), Piece("number" if word.isdigit() else "macro", word)
        raise ScanError(f"entry {key}: field {name} has no value", pos)
    word = bm.group(0)
    return bm.end(), Piece("number" if word.isdigit() else "macro", word)


def _balanced_end(text: str, pos: int, close: str, key: str = "", name: str = "") -> int:
    """Offset just after the brace (or paren) that closes the group opened before ``pos``."""
    if close == ")":
        depth = 0
        for i in range(pos, len(text)):
            c = text[i]
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    return i + 1
                depth -= 1
        raise ScanError("block not closed (missing ')')", len(text), len(text))
    depth = 0
    for m in _BRACE.finditer(text, pos):
        t = m.group(0)
        if t == "{":
            depth += 1
        elif t == "}":
            if depth == 0:
                return m.end()
            depth -= 1
        elif name:  # a new entry starts at a line's beginning inside this value: braces unbalanced
            raise ScanError(f"entry {key}: unbalanced braces in field {name}", m.start(), m.start() + 1)
    what = f"entry {key}: field {name}" if name else "block"
    raise ScanError(f"{what} is not closed (unbalanced braces)", len(text), len(text))
