"""Rich text for CSL output: a small tree of formatted runs, flattened into tokens for
punctuation clean-up and then serialised as plain text, HTML or Markdown.

This replaces citeproc-py's string classes (``citeproc.string``), which join finished strings and
so cannot move a comma inside a closing quote or merge ``?`` and ``.`` across an affix.
"""

from __future__ import annotations

import re
from typing import Union

# ------------------------------------------------------------------ the tree

class Rich:
    """A run of output: children (str or Rich), formatting, quotes, affixes."""

    __slots__ = ("kids", "fmt", "quotes", "prefix", "suffix", "nocase", "display", "tag")

    def __init__(self, kids: list[Piece], fmt: tuple[tuple[str, str], ...] = (), quotes: bool = False,
                 prefix: str = "", suffix: str = "", nocase: bool = False, display: str = "",
                 tag: str = "") -> None:
        self.kids = kids
        self.fmt = fmt
        self.quotes = quotes
        self.prefix = prefix
        self.suffix = suffix
        self.nocase = nocase
        self.display = display
        self.tag = tag  # a label for post-processing ("names", "year", "left-margin" ...)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Rich({self.kids!r}, fmt={self.fmt}, q={self.quotes}, pre={self.prefix!r}, suf={self.suffix!r})"


Piece = Union[str, Rich]  # noqa: UP007

# text in Chinese, Japanese or Korean script only (left upright where a style asks for italics)
CJK_ONLY = re.compile(r"^[\s\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]+$")


def plain(p: Piece | None) -> str:
    """The characters of a piece, without formatting (quotes as ASCII marks, affixes included)."""
    if p is None:
        return ""
    if isinstance(p, str):
        return p
    inner = "".join([k if isinstance(k, str) else plain(k) for k in p.kids])
    if p.quotes:
        inner = '"' + inner + '"'
    return p.prefix + inner + p.suffix


def is_empty(p: Piece | None) -> bool:
    """True for no output. Renderers never build a Rich whose kids are all empty below the first
    level (``join`` drops empty pieces), so looking one level down is enough and keeps this O(1)."""
    if p is None:
        return True
    if isinstance(p, str):
        return p == ""
    for k in p.kids:
        if isinstance(k, str):
            if k:
                return False
        elif k.kids:
            return False
    return True


def join(pieces: list[Piece], delimiter: str) -> list[Piece]:
    out: list[Piece] = []
    for p in pieces:
        if is_empty(p):
            continue
        if out and delimiter:
            out.append(delimiter)
        out.append(p)
    return out


# ------------------------------------------------------------------ field values with micro-markup

_TAG_RE = re.compile(r'(<i>|</i>|<b>|</b>|<sc>|</sc>|<sup>|</sup>|<sub>|</sub>|<span class="nocase">|'
                     r'<span style="font-variant:\s*small-caps;?">|<span class="nodecor">|</span>|\u201c|\u201d|\x01|\x02|\x05|\x06)')
_OPEN = {"<i>": ("font-style", "italic"), "<b>": ("font-weight", "bold"),
         "<sc>": ("font-variant", "small-caps"), "<sup>": ("vertical-align", "sup"),
         "<sub>": ("vertical-align", "sub")}
_CLOSE = {"</i>": "<i>", "</b>": "<b>", "</sc>": "<sc>", "</sup>": "<sup>", "</sub>": "<sub>"}


def _apostrophes(s: str) -> str:
    return s.replace("'", "\u2019") if "'" in s else s


_SQ_OPEN = re.compile(r"(?:^|(?<=[\s(\[\u2014\"\u201c]))['\u2018](?=[^\s'\u2019])")
_SQ_CLOSE = re.compile(r"(?<=[^\s'\u2018])['\u2019](?=$|[\s.,;:!?)\]\u2014\"\u201d])")


def _single_quotes(value: str) -> str:
    """Single quotes that pair up ('friend', \u2018friend\u2019) become markers \\x01 / \\x02; the rest
    stay apostrophes."""
    opens = [m.start() for m in _SQ_OPEN.finditer(value)]
    if not opens:
        return value
    closes = {m.start() for m in _SQ_CLOSE.finditer(value)}
    chars = list(value)
    stack: list[int] = []
    for i in range(len(value)):
        if i in closes and stack:
            chars[stack.pop()] = "\x01"
            chars[i] = "\x02"
        elif i in opens:
            stack.append(i)
    return "".join(chars)


def _double_quotes(value: str) -> str:
    """Straight double quotes that pair up become markers \\x05 / \\x06: an opening one is followed by
    a non-space, a closing one follows a non-space. An orphan ("Obligations " of) stays as it is
    (marker \\x07)."""
    chars = list(value)
    stack: list[int] = []
    in_tag = {i for m in re.finditer(r"<[^<>]*>", value) for i in range(m.start(), m.end())}
    for i, ch in enumerate(value):
        if ch != '"' or i in in_tag:  # the quotes of <span class="nocase"> are not text
            continue
        before = value[i - 1] if i else " "
        after = value[i + 1] if i + 1 < len(value) else " "
        if stack and not before.isspace():
            chars[stack.pop()] = "\x05"
            chars[i] = "\x06"
        elif not after.isspace():
            stack.append(i)
    return "".join("\x07" if c == '"' and i not in in_tag else c for i, c in enumerate(chars))


def parse_markup(value: str) -> Piece:
    """Read citeproc-js's micro-HTML in field values (<i>, <b>, <sc>, <sup>, <sub>,
    <span class="nocase">, <span class="nodecor">) and straight or curly quotes into a tree."""
    if not any(c in value for c in '<"\'\u201c\u201d\u2018'):
        return value
    if any(c in value for c in "'\u2018"):
        value = _single_quotes(value)
    if '"' in value:
        value = _double_quotes(value)
    if not any(c in value for c in '<\u201c\x01\x05'):
        return _apostrophes(value).replace("\x07", '"')
    parts = _TAG_RE.split(value)
    root = Rich([])
    stack: list[tuple[str, Rich]] = [("", root)]
    for tok in parts:
        if not tok:
            continue
        top = stack[-1][1]
        if tok in _OPEN:  # small caps, superscript and subscript runs keep their case (citeproc-js)
            node = Rich([], fmt=(_OPEN[tok],), nocase=tok in ("<sc>", "<sup>", "<sub>"))
            top.kids.append(node)
            stack.append((tok, node))
        elif tok == "\x05":
            node = Rich([], quotes=True)
            top.kids.append(node)
            stack.append(('"', node))
        elif tok == "\x06":
            if any(s == '"' for s, _ in stack[1:]):
                while stack[-1][0] != '"':
                    stack.pop()
                stack.pop()
        elif tok == "\x01":
            node = Rich([], quotes=True)
            top.kids.append(node)
            stack.append(("'", node))
        elif tok == "\x02":
            if stack[-1][0] == "'":
                stack.pop()
            else:
                top.kids.append("\u2019")
        elif tok.startswith("<span"):
            fmt: tuple[tuple[str, str], ...] = (("font-variant", "small-caps"),)
            if "nocase" in tok:
                fmt = ()
            elif "nodecor" in tok:
                fmt = (("nodecor", ""),)
            node = Rich([], nocase="nocase" in tok or "nodecor" in tok, fmt=fmt)
            top.kids.append(node)
            stack.append(("<span>", node))
        elif tok in _CLOSE or tok == "</span>":
            want = _CLOSE.get(tok, "<span>")
            if any(t == want for t, _ in stack[1:]):
                while stack[-1][0] != want:
                    stack.pop()
                stack.pop()
            else:
                top.kids.append(tok)
        elif tok in ("\u201c", "\u201d"):
            if stack[-1][0] == '"' and tok != "\u201c":
                stack.pop()
            elif tok != "\u201d" and "\u201d" in value:
                node = Rich([], quotes=True)
                top.kids.append(node)
                stack.append(('"', node))
            else:
                top.kids.append(tok)
        else:
            top.kids.append(_apostrophes(tok).replace("\x07", '"'))
    return _prune(root)


def _prune(p: Rich) -> Rich:
    kids: list[Piece] = []
    for k in p.kids:
        if isinstance(k, Rich):
            k = _prune(k)
            if k.kids:
                kids.append(k)
        elif k:
            kids.append(k)
    p.kids = kids
    return p


# ------------------------------------------------------------------ text case

STOP_WORDS = frozenset("""a an and as at but by down for from in into nor of on onto or over so the till to up
via with yet about above across after against along among around before behind below beneath beside
between beyond during except inside like near off out per since than through throughout toward towards
under underneath until unto upon versus vs. v. within without de d' von van""".split())

_WORD_RE = re.compile(r"[^\s\-\u2013\u2014/]+")


def _leaves(p: Piece, protected: bool, out: list[tuple[str, bool]]) -> None:
    if isinstance(p, str):
        out.append((p, protected))
        return
    prot = protected or p.nocase
    out.append((p.prefix, protected))
    for k in p.kids:
        _leaves(k, prot, out)
    out.append((p.suffix, protected))


def _rebuild(p: Piece, it) -> Piece:
    if isinstance(p, str):
        return next(it)
    prefix = next(it)
    kids = [_rebuild(k, it) for k in p.kids]
    suffix = next(it)
    return Rich(kids, p.fmt, p.quotes, prefix, suffix, p.nocase, p.display, p.tag)


_DOTTED_I = ("tr", "az")  # languages whose "i" has a dotted capital (İ) and "I" a dotless small (ı)


def apply_case(p: Piece, case: str, lang: str | None = None) -> Piece:
    """Apply a CSL text-case to a tree; ``nocase`` spans keep their case. ``lang`` (the item's
    language) decides the dotted and dotless i of Turkish and Azerbaijani."""
    dotted = bool(lang) and str(lang).lower()[:2] in _DOTTED_I and case in ("uppercase", "lowercase")
    if isinstance(p, str):
        return _case_string(_turkish_i(p, case) if dotted else p, case, None)
    leaves: list[tuple[str, bool]] = []
    _leaves(p, False, leaves)
    if dotted:
        leaves = [(s if prot else _turkish_i(s, case), prot) for s, prot in leaves]
    text = "".join(s for s, _ in leaves)
    mask: list[bool] = []
    for s, prot in leaves:
        mask.extend([prot] * len(s))
    new = _case_string(text, case, mask if any(mask) else None)
    values = []
    pos = 0
    for s, _ in leaves:
        values.append(new[pos:pos + len(s)])
        pos += len(s)
    return _rebuild(p, iter(values))


def _turkish_i(s: str, case: str) -> str:
    return s.replace("i", "\u0130") if case == "uppercase" else s.replace("I", "\u0131").replace("\u0130", "i")


def _case_string(text: str, case: str, mask: list[bool] | None) -> str:
    if case == "lowercase":
        new = text.lower()
    elif case == "uppercase":
        new = text.upper()
    elif case == "capitalize-first":
        new = _cap_first_word(text)
    elif case == "capitalize-all":
        new = _WORD_RE.sub(lambda m: _cap(m.group(0)), text)
    elif case == "sentence":
        new = _sentence(text)
    elif case == "title":
        new = _title(text)
    else:
        return text
    if len(new) != len(text):
        return text
    if mask:
        new = "".join(o if m else n for o, n, m in zip(text, new, mask, strict=True))
    return new


def _cap(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha():
            return word[:i] + ch.upper() + word[i + 1:]
    return word


def _cap_first_word(text: str) -> str:
    m = re.search(r"[^\W\d_]", text)
    if not m:
        return text
    i = m.start()
    return text[:i] + text[i].upper() + text[i + 1:]


def _sentence(text: str) -> str:
    """citeproc-js's sentence case: an all-caps string is lowercased; otherwise words written
    Capitalised lose their capital (acronyms and mixed case such as "iPhone" keep theirs); then the
    first word is capitalised."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return _cap_first_word(text.lower())

    def one(m: re.Match[str]) -> str:
        w = m.group(0)
        core = w.strip("\u201c\u201d\u2018\u2019\"'([{.,;:!?)]}")
        if len(core) > 1 and core[0].isupper() and core[1:].islower():
            return w.replace(core, core[0].lower() + core[1:], 1)
        return w
    return _cap_first_word(_WORD_RE.sub(one, text))


def _title(text: str) -> str:
    out = list(text)
    words = list(_WORD_RE.finditer(text))
    first = True
    for n, m in enumerate(words):
        w = m.group(0)
        core = w.strip("\u201c\u201d\u2018\u2019\"'([{")
        lead = len(w) - len(w.lstrip("\u201c\u201d\u2018\u2019\"'([{"))
        bare = core.rstrip(".,;:!?)]}\u201d\u2019\"'").lower()
        start = m.start() + lead
        prev = text[:m.start()].rstrip()
        after_colon = prev.endswith((":", "?", "!")) or (prev.endswith(".") and n > 0 and not prev.endswith(" ."))
        sep = text[m.start() - 1] if m.start() else " "
        last = n == len(words) - 1 and len(bare) > 1
        if first or after_colon or last:
            stop = False
        else:
            stop = bare in STOP_WORDS or (bare.startswith(("d\u2019", "d'")) and sep in " ")
        first = False
        if not core or not core[0].isalpha():
            continue
        if core.islower() or (core[:1].islower() and not any(c.isupper() for c in core)):
            if stop:
                continue
            if sep in "-\u2013" and ((bare in STOP_WORDS and not last) or len(bare) == 1):
                continue  # "Self-of", "07-x": a stop word or a lone letter after a hyphen stays small
            for i in range(start, m.end()):
                if out[i].isalpha():
                    if not ("\u0370" <= out[i] <= "\u03ff" or "\u1f00" <= out[i] <= "\u1fff"):
                        out[i] = out[i].upper()  # a Greek letter ("β-carotene") keeps its case
                    break
                if not out[i].isdigit():
                    continue
    return "".join(out)
