"""``refkit tidy``: one canonical layout for a BibTeX file, with the smallest diff it can make.

Only entries whose canonical form differs from what is written are rewritten; comments, ``@string``,
``@preamble`` and ``@comment`` blocks stay byte for byte, and so do entries that cannot be re-laid safely
(broken ones, ones with ``%`` lines inside). Every transform is idempotent: tidying tidy output changes
nothing. Options come from ``[tool.refkit.tidy]`` and the command line (see :class:`TidyOptions`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from refkit.errors import ConfigError, Problem
from refkit.manage.lint_scan import Block, Piece, RawField, RawFile, scan

CANONICAL_ORDER = [
    "author", "editor", "translator", "bookauthor", "title", "subtitle", "titleaddon", "shorttitle", "booktitle",
    "booksubtitle", "maintitle", "journal", "journaltitle", "journalsubtitle", "shortjournal", "eventtitle",
    "series", "edition", "volume", "volumes", "number", "issue", "chapter", "pages", "eid", "pagetotal", "type",
    "institution", "school", "organization", "publisher", "address", "location", "venue", "howpublished",
    "month", "year", "date", "eventdate", "origdate", "isbn", "issn", "doi", "eprint", "eprinttype",
    "eprintclass", "archiveprefix", "primaryclass", "url", "urldate", "language", "langid", "note",
    "addendum", "pubstate", "crossref", "xdata", "related", "keywords",
]
TAIL = ["abstract", "file"]  # long fields go last
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_NAMES = "january february march april may june july august september october november december".split()
VERBATIM = {"url", "doi", "eprint", "file", "pdf", "urlraw", "verba", "verbb", "verbc"}


@dataclass
class TidyOptions:
    """The layout. Config keys are the field names with dashes: ``field-order``, ``trailing-comma`` ..."""

    indent: str = "  "
    field_order: str | list[str] = "canonical"  # canonical | keep | [list of fields first]
    delimiters: str = "braces"  # braces | quotes
    numbers: str = "braces"  # braces | bare: how to write all-digit values (year = {2019} or 2019)
    month: str = "macro"  # macro (jan) | number ({1}) | keep
    encoding: str = "keep"  # keep | unicode ({\"o} -> ö) | latex (ö -> {\"o})
    sort: str = "none"  # none | key | year | author
    lowercase: bool = True  # entry types and field names in lower case
    align: bool = False  # pad field names so that the '=' line up within an entry
    trailing_comma: bool = False
    collapse_whitespace: bool = True  # a value's line breaks and runs of spaces become one space
    remove_empty: bool = False  # drop fields whose value is empty
    blank_lines: int = 1  # blank lines between blocks
    key_pattern: str = ""  # when set, keys are renamed to this pattern first (see refkit.manage.keys)

    @classmethod
    def from_config(cls, conf: Mapping[str, Any], **overrides: Any) -> TidyOptions:
        opts = cls()
        names = {f.name.replace("_", "-"): f.name for f in fields(cls)}
        for k, v in {**conf, **{k.replace("_", "-"): v for k, v in overrides.items() if v is not None}}.items():
            if k not in names:
                raise ConfigError(f"[tool.refkit.tidy] has an unknown option: {k}",
                                  hint="known: " + ", ".join(sorted(names)))
            setattr(opts, names[k], v)
        choices = {"delimiters": ("braces", "quotes"), "numbers": ("braces", "bare"),
                   "month": ("macro", "number", "keep"), "encoding": ("keep", "unicode", "latex"),
                   "sort": ("none", "key", "year", "author")}
        for name, allowed in choices.items():
            if getattr(opts, name) not in allowed:
                raise ConfigError(f"tidy option {name.replace('_', '-')} = {getattr(opts, name)!r} is not one of "
                                  f"{', '.join(allowed)}", hint=f"use one of {', '.join(allowed)}")
        if isinstance(opts.field_order, str) and opts.field_order not in ("canonical", "keep"):
            raise ConfigError(f"tidy option field-order = {opts.field_order!r} is unknown",
                              hint='use "canonical", "keep" or a list of field names')
        if isinstance(opts.indent, int):
            opts.indent = " " * opts.indent
        if opts.indent == "tab":
            opts.indent = "\t"
        return opts


@dataclass
class TidyResult:
    text: str
    changes: list[Problem] = field(default_factory=list)  # one per entry (or gap) that changed

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def tidy_text(text: str, options: TidyOptions | None = None, name: str = "<string>") -> TidyResult:
    opts = options or TidyOptions()
    original = text
    crlf = "\r\n" in text  # a Windows file stays one: tidy in \n, write back \r\n
    if crlf:
        text = text.replace("\r\n", "\n")
    renamed: dict[int, str] = {}
    if opts.key_pattern:
        from refkit.manage import keys

        plan = keys.plan(scan(text), opts.key_pattern)
        if plan:
            text = keys.apply(text, plan)
            renamed = {c.line: c.old for c in plan}
    raw = scan(text)
    changes: list[Problem] = []
    pieces: list[tuple[Block, str]] = []
    for b in raw.blocks:
        if b.kind == "entry" and not b.comments:
            new = render_entry(b, opts)
            why = _why(b, opts) if new != text[b.start:b.end] else []
            if b.line in renamed:
                why.insert(0, f"key (was {renamed[b.line] or 'missing'})")
            if why:
                changes.append(Problem(f"{b.key or '@' + b.type}: would change: {', '.join(why)}", name, b.line,
                                       "tidy", "warning", b.key or None))
            pieces.append((b, new))
        else:
            pieces.append((b, text[b.start:b.end]))
    if opts.sort != "none":
        pieces = _sorted(pieces, opts, raw)
    out = _join(pieces, opts)
    if crlf:
        out = out.replace("\n", "\r\n")
    if out != original and _join([(b, text[b.start:b.end]) for b, _ in pieces], opts) != text:
        what = "entry order" if opts.sort != "none" and [b for b, _ in pieces] != raw.blocks else ""
        what = what or "blank lines between blocks"
        changes.insert(0, Problem(f"would change: {what}", name, 1, "tidy", "warning"))
    return TidyResult(out, changes if out != original else [])


def _join(pieces: list[tuple[Block, str]], opts: TidyOptions) -> str:
    """Blocks separated by ``blank_lines`` blank lines. Text between blocks (comments) is kept; a comment
    on the line right before a block stays attached to it, one after a block's end on its line stays there."""
    gap = "\n" * (opts.blank_lines + 1)
    out: list[str] = []
    joiner = ""
    for b, s in pieces:
        if b.kind in ("junk", "broken"):
            same_line = b.kind == "junk" and bool(out) and not s.startswith(("\n", "\r\n")) and bool(
                s.split("\n", 1)[0].strip())
            body = re.sub(r"^(?:[ \t]*\r?\n)+", "", s)
            if not body.strip():
                continue
            trailing = body[len(body.rstrip()):]
            attach = b.kind == "junk" and trailing.count("\n") == 1
            if same_line:
                out.append(body.rstrip())
            else:
                out.append(joiner + body.rstrip())
            joiner = "\n" if attach else gap
            continue
        out.append(joiner + s)
        joiner = gap
    text = "".join(out)
    return text + "\n" if text else ""


def _sorted(pieces: list[tuple[Block, str]], opts: TidyOptions, raw: RawFile) -> list[tuple[Block, str]]:
    slots = [i for i, (b, _) in enumerate(pieces) if b.kind == "entry"]
    entries = [pieces[i] for i in slots]
    entries.sort(key=lambda p: _sort_key(p[0], opts.sort))
    out = list(pieces)
    for i, e in zip(slots, entries, strict=True):
        out[i] = e
    return out


def _sort_key(b: Block, how: str) -> tuple[str, ...]:
    def get(name: str) -> str:
        f = b.get(name)
        return re.sub(r"\\[A-Za-z]+|[{}\\]", "", to_unicode(f.text)) if f else ""

    if how == "key":
        return (b.key.lower(),)
    ym = re.search(r"\d{4}", get("year") or get("date"))
    year = ym.group(0) if ym else "9999"
    if how == "year":
        return (year, b.key.lower())
    first = re.split(r"\s+and\s+", get("author") or get("editor"))[0]
    family = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
    return (re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", family).lower()), year, b.key.lower())


def _why(b: Block, opts: TidyOptions) -> list[str]:
    """What tidying changes in an entry, in words."""
    kept = [f for f in b.fields if not (opts.remove_empty and not f.text.strip() and not f.is_macro)]
    reasons = []
    if len(kept) != len(b.fields):
        reasons.append("empty fields")
    if _ordered(kept, opts.field_order) != kept:
        reasons.append("field order")
    if opts.lowercase and (b.type_raw != b.type or any(f.name != f.lname for f in kept)):
        reasons.append("name case")
    if any(render_value(f, opts) != f.raw for f in kept):
        reasons.append("values")
    return reasons + ["layout"]


def render_entry(b: Block, opts: TidyOptions) -> str:
    typ = b.type if opts.lowercase else b.type_raw
    flds = [f for f in b.fields if not (opts.remove_empty and not f.text.strip() and not f.is_macro)]
    flds = _ordered(flds, opts.field_order)
    if not flds:
        return f"@{typ}{{{b.key}}}" if b.key else f"@{typ}{{}}"
    names = [f.lname if opts.lowercase else f.name for f in flds]
    width = max(len(n) for n in names) if opts.align else 0
    lines = [f"@{typ}{{{b.key},"]
    for i, (f, name) in enumerate(zip(flds, names, strict=True)):
        comma = "," if i < len(flds) - 1 or opts.trailing_comma else ""
        lines.append(f"{opts.indent}{name.ljust(width)} = {render_value(f, opts)}{comma}")
    lines.append("}")
    return "\n".join(lines)


def _ordered(flds: list[RawField], order: str | list[str]) -> list[RawField]:
    if order == "keep":
        return flds
    first = CANONICAL_ORDER if order == "canonical" else [str(x).lower() for x in order]
    rank = {n: i for i, n in enumerate(first)}
    tail = {n: i for i, n in enumerate(TAIL)} if order == "canonical" else {}

    def key(item: tuple[int, RawField]) -> tuple[int, int, int]:
        i, f = item
        if f.lname in rank:
            return (0, rank[f.lname], i)
        if f.lname in tail:
            return (2, tail[f.lname], i)
        return (1, 0, i)

    return [f for _, f in sorted(enumerate(flds), key=key)]


def render_value(f: RawField, opts: TidyOptions) -> str:
    n = f.lname
    if n == "month" and opts.month != "keep" and len(f.pieces) == 1:
        m = _month_number(f.pieces[0])
        if m:
            return MONTHS[m - 1] if opts.month == "macro" else _delimit(str(m), opts)
    parts = []
    for p in f.pieces:
        if p.kind == "macro":
            parts.append(p.text)
        elif p.kind == "number" and opts.numbers == "bare":
            parts.append(p.text)
        else:
            text = p.text
            if p.kind == "number" or re.fullmatch(r"\d+", text.strip()) and opts.numbers == "bare":
                text = text.strip()
                if opts.numbers == "bare" and len(f.pieces) == 1:
                    parts.append(text)
                    continue
            parts.append(_delimit(_clean(text, n, opts, strip=len(f.pieces) == 1), opts))
    return " # ".join(parts)


def _month_number(p: Piece) -> int:
    t = p.text.strip().strip(".").lower()
    if t.isdigit():
        return int(t) if 1 <= int(t) <= 12 else 0
    if p.kind == "macro":
        return MONTHS.index(t) + 1 if t in MONTHS else 0
    return next((i + 1 for i, name in enumerate(_MONTH_NAMES) if len(t) >= 3 and name.startswith(t)), 0)


def _delimit(text: str, opts: TidyOptions) -> str:
    if opts.delimiters == "quotes" and not _top_level_quote(text):
        return f'"{text}"'
    return "{" + text + "}"


def _top_level_quote(text: str) -> bool:
    depth = 0
    for c in text:
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == '"' and depth == 0:
            return True
    return False


def _clean(text: str, name: str, opts: TidyOptions, strip: bool = True) -> str:
    """Collapse whitespace (a piece of a '#' concatenation keeps one space at its ends)."""
    if opts.collapse_whitespace and re.search(r"(?<!\\)%", text) and "\n" in text:
        text = text.strip() if strip else text  # a '%' comment ends at its line break: keep the lines
    elif opts.collapse_whitespace:
        if name in VERBATIM:
            text = text.strip() if strip else text
        else:
            paras = re.split(r"\n[ \t]*\n\s*", text.strip() if strip else text)
            text = "\n\n".join(re.sub(r"\s+", " ", p) for p in paras)
    if opts.encoding == "unicode" and name not in VERBATIM:
        text = to_unicode(text)
    elif opts.encoding == "latex" and name not in VERBATIM:
        text = to_latex(text)
    return text


# ----------------------------------------------------------------- Unicode <-> LaTeX (letters only)
_ACC = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
        "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a"}
_ACC_BACK = {v: k for k, v in _ACC.items()}
_LETTERS = {"ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
            "l": "ł", "L": "Ł", "i": "ı"}
_LETTERS_BACK = {v: k for k, v in _LETTERS.items() if k not in ("aa", "AA")}
_ACC_RE = re.compile(r"\{\\([\'`^\"~=.])\s*\{?([A-Za-z]|\\i)\}?\}|\\([\'`^\"~=.])\{([A-Za-z]|\\i)\}"
                     r"|\{\\([uvHckr])\s*\{?([A-Za-z]|\\i)\}?\}|\\([uvHckr])\{([A-Za-z]|\\i)\}")
_LET_RE = re.compile(r"\{\\(ss|ae|AE|oe|OE|o|O|aa|AA|l|L|i)\}")


def to_unicode(text: str) -> str:
    """Accented letters written as LaTeX (``{\\'e}``, ``\\'{e}``, ``{\\ss}``) -> Unicode; nothing else."""
    def acc(m: re.Match[str]) -> str:
        g = [x for x in m.groups() if x is not None]
        base = "i" if g[1] == "\\i" else g[1]
        return unicodedata.normalize("NFC", base + _ACC[g[0]])

    return _LET_RE.sub(lambda m: _LETTERS[m.group(1)], _ACC_RE.sub(acc, text))


def to_latex(text: str) -> str:
    """Accented Latin letters -> ``{\\'e}``; other non-ASCII text (Greek, CJK, dashes) stays as it is."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif ch in _LETTERS_BACK:
            out.append("{\\" + _LETTERS_BACK[ch] + "}")
        else:
            d = unicodedata.normalize("NFD", ch)
            if len(d) == 2 and d[0].isascii() and d[1] in _ACC_BACK:
                cmd, base = _ACC_BACK[d[1]], ("\\i" if d[0] == "i" else d[0])
                out.append("{\\" + cmd + base + "}" if not cmd.isalpha() else "{\\" + cmd + "{" + base + "}}")
            else:
                out.append(ch)
    return "".join(out)
