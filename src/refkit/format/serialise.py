"""Serialising rich text: a tree is flattened into tokens, punctuation is settled across seams as
citeproc-js does it (merging, moving into quotes, nested parentheses, formatting flip-flop), and the
tokens are written as plain text, HTML or Markdown."""

from __future__ import annotations

import functools
import re
import unicodedata

from refkit.format.richtext import Piece, is_empty

# ------------------------------------------------------------------ flattening and punctuation

# (previous char, next char) -> replacement for both, after citeproc-js's punctuation merging
_MERGE = {
    "!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
    "?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
    ".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
    ":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
    ",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
    ";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}
PUNCT = ".,;:!?"


_FLIPS = ("font-style", "font-weight", "font-variant")
_NORMAL = ("normal", "none", "baseline")


def flatten(p: Piece, out: list[list[str]], depth: int = 0, active: frozenset[tuple[str, str]] = frozenset()) -> None:
    """Tokens: ['t', text] text, ['o', css] / ['c', css] formatting, ['q'|'Q', level] quotes,
    ['d', kind] / ['e', kind] display blocks. Formatting flip-flops as in citeproc-js: italics in
    italics (bold in bold, small caps in small caps) turn back to normal, ``normal`` is printed only
    inside what it cancels, and a nodecor span cancels every enclosing decoration."""
    if isinstance(p, str):
        if p:
            out.append(["t", p])
        return
    if is_empty(p) or (p.display and not _has_text(p)):
        return
    if p.display:  # a display block holds its element's affixes
        out.append(["d", p.display])
    if p.prefix:
        out.append(["a", p.prefix])
    fmt: list[tuple[str, str]] = []
    inner = set(active) if p.fmt else set()  # no formatting here: the active set passes on unchanged
    for prop, val in p.fmt:
        if prop == "nodecor":
            for a in sorted(active):
                if a[0] in _FLIPS:
                    fmt.append((a[0], "normal"))
                    inner.discard(a)
        elif val in _NORMAL:
            cancels = [a for a in active if a[0] == prop]
            if cancels:
                fmt.append((prop, val))
                inner.difference_update(cancels)
        elif (prop, val) in active and prop in _FLIPS:
            fmt.append((prop, "normal"))
            inner.discard((prop, val))
        else:
            fmt.append((prop, val))
            inner.add((prop, val))
    for f in fmt:
        out.append(["o", f"{f[0]}:{f[1]}"])
    if p.quotes:
        out.append(["q", str(depth % 2)])
    inner_depth = depth + 1 if p.quotes else depth
    inner_active = frozenset(inner) if p.fmt else active
    for k in p.kids:
        flatten(k, out, inner_depth, inner_active)
    if p.quotes:
        # quotes a user typed into a cite's affix keep punctuation where it was written
        out.append(["Qf" if p.tag == "fixed-quotes" else "Q", str(depth % 2)])
    for f in reversed(fmt):
        out.append(["c", f"{f[0]}:{f[1]}"])
    if p.suffix:
        out.append(["a", p.suffix])
    if p.display:
        out.append(["e", p.display])


def _has_text(p: Piece) -> bool:
    """Any text below (an emptied subsequent-author-substitute block has none)."""
    if isinstance(p, str):
        return bool(p)
    return any(_has_text(k) for k in p.kids)


def _last_text(tokens: list[list[str]], upto: int, skip_quotes: bool = False) -> int:
    i = upto - 1
    while i >= 0:
        k = tokens[i][0]
        if k in "ta":
            if tokens[i][1]:
                return i
        elif k in ("o", "c") or (skip_quotes and k == "Q"):
            pass
        else:
            return -1
        i -= 1
    return -1


def punctuate(tokens: list[list[str]], punct_in_quote: bool) -> list[list[str]]:
    """Merge punctuation across seams and move , and . inside closing quotes (en-US)."""
    for n, tok in enumerate(tokens):
        if tok[0] not in "ta" or not tok[1]:
            continue
        text = tok[1]
        # move leading , or . inside a closing quote (after any closing formatting, before the quote)
        if punct_in_quote and text[0] in ".,":
            j = n - 1
            qpos = -1
            while j >= 0 and (tokens[j][0] in ("c", "Q") or (tokens[j][0] in "ta" and not tokens[j][1])):
                if tokens[j][0] == "Q":
                    qpos = j
                j -= 1
            if qpos >= 0:
                k = _last_text(tokens, qpos, skip_quotes=True)
                ch = text[0]
                text = text[1:]
                tok[1] = text
                last = tokens[k][1][-1] if k >= 0 else ""
                merged = _MERGE.get(last, {}).get(ch, ch + ch if last == ch else last + ch)
                if last == ch or merged == last:
                    pass  # "Why?" + "." -> "Why?"
                else:
                    if merged == ch and k >= 0:
                        tokens[k][1] = tokens[k][1][:-1]
                    tokens[qpos][2:] = [ch]  # emitted just before the closing quote
                if not text:
                    continue
        if text[0] in PUNCT:
            k = _last_text(tokens, n)
            if k >= 0:
                prev = tokens[k][1]
                last = prev[-1]
                ch = text[0]
                if last == ch:
                    tok[1] = text[1:]
                elif last in _MERGE and ch in _MERGE[last]:
                    merged = _MERGE[last][ch]
                    if merged == last:
                        tok[1] = text[1:]
                    elif merged == ch:
                        tokens[k][1] = prev[:-1]
                    # else both stay where they are
    return tokens


def flip_parentheses(tokens: list[list[str]]) -> None:
    """Parentheses from affixes inside other parentheses become brackets (citeproc-js)."""
    depth = 0
    stack: list[bool] = []
    for tok in tokens:
        if tok[0] not in "ta" or ("(" not in tok[1] and ")" not in tok[1]):
            continue
        chars = list(tok[1])
        for i, ch in enumerate(chars):
            if ch == "(":
                flip = depth > 0 and tok[0] == "a"
                stack.append(flip)
                depth += 1
                if flip:
                    chars[i] = "["
            elif ch == ")" and stack:
                depth -= 1
                if stack.pop():
                    chars[i] = "]"
        tok[1] = "".join(chars)


# ------------------------------------------------------------------ serialisers

QUOTES = {"0": ("\u201c", "\u201d"), "1": ("\u2018", "\u2019")}

_HTML_OPEN = {"font-style:italic": "<i>", "font-weight:bold": "<b>", "vertical-align:sup": "<sup>",
              "vertical-align:baseline": '<span style="baseline">',  # (sic: citeproc-js)
              "vertical-align:sub": "<sub>"}
_HTML_CLOSE = {"font-style:italic": "</i>", "font-weight:bold": "</b>", "vertical-align:sup": "</sup>",
               "vertical-align:sub": "</sub>"}


def _before_q(tok: list[str]) -> str:
    return tok[2] if len(tok) > 2 else ""


def escape_html(s: str) -> str:
    return s.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")


def to_text(tokens: list[list[str]], quotes: dict[str, tuple[str, str]] = QUOTES, margin_space: bool = True) -> str:
    out = []
    for tok in tokens:
        k, v = tok[0], tok[1]
        if k in "ta":
            out.append(v)
        elif k == "e" and v == "left-margin" and margin_space:
            out.append(" ")
        elif k == "q":
            out.append(quotes[v][0])
        elif k in ("Q", "Qf"):
            out.append(_before_q(tok) + quotes[v][1])
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _superscripts() -> tuple[re.Pattern[str], dict[str, str]]:
    """Unicode superscript letters and digits (\u00aa, \u00ba, \u1d49 ...) and their plain forms."""
    table = {}
    for cp in range(0x80, 0x10000):
        ch = chr(cp)
        dec = unicodedata.decomposition(ch)
        if dec.startswith("<super>"):
            table[ch] = "".join(chr(int(x, 16)) for x in dec.split()[1:])
    return re.compile("[" + "".join(table) + "]"), table


def _sup_html(s: str) -> str:
    """citeproc-js prints superscript characters as <sup> runs in HTML ("1\u1d49" -> "1<sup>e</sup>")."""
    pat, table = _superscripts()
    return pat.sub(lambda m: f"<sup>{table[m.group(0)]}</sup>", s)


def to_html(tokens: list[list[str]], quotes: dict[str, tuple[str, str]] = QUOTES) -> str:
    out = []
    for tok in tokens:
        k, v = tok[0], tok[1]
        if k in "ta":
            out.append(_sup_html(escape_html(v)) if any(ord(c) > 0x7f for c in v) else escape_html(v))
        elif k == "q":
            out.append(quotes[v][0])
        elif k in ("Q", "Qf"):
            out.append(_before_q(tok) + quotes[v][1])
        elif k == "o":
            out.append(_HTML_OPEN.get(v) or f'<span style="{v};">')
        elif k == "c":
            out.append(_HTML_CLOSE.get(v) or "</span>")
        elif k == "d":
            out.append(f'<div class="csl-{v}">')
        elif k == "e":
            out.append("</div>")
    return "".join(out)


_MD_ESCAPE = re.compile(r"([\\`*_\[\]#<>])")


def to_markdown(tokens: list[list[str]], quotes: dict[str, tuple[str, str]] = QUOTES) -> str:
    marks = {"font-style:italic": "*", "font-weight:bold": "**", "vertical-align:sup": "^",
             "vertical-align:sub": "~"}
    out = []
    for tok in tokens:
        k, v = tok[0], tok[1]
        if k in "ta":
            out.append(_MD_ESCAPE.sub(r"\\\1", v))
        elif k == "q":
            out.append(quotes[v][0])
        elif k in ("Q", "Qf"):
            out.append(_before_q(tok) + quotes[v][1])
        elif k in ("o", "c"):
            out.append(marks.get(v, ""))
        elif k == "e" and v == "left-margin":  # "1. Smith": the number apart from the entry (a list item)
            out.append(" ")
    return "".join(out)
