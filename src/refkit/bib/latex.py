"""LaTeX <-> Unicode for BibTeX field values.

Model text is Unicode. Balanced ``{...}`` groups are kept as they are (in BibTeX they protect
case, and the formatter honours them); everything else that LaTeX would treat specially is
escaped on the way out and decoded on the way in. Both directions are idempotent on their own
output: ``decode(encode(s)) == s`` for text without backslashes.
"""

from __future__ import annotations

import re
import unicodedata

# Accent commands -> combining characters.
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331",
}
_SYMBOLS = {
    "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ",
    "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "ldots": "…", "dots": "…", "textellipsis": "…",
    "S": "§", "P": "¶", "copyright": "©", "textregistered": "®", "texttrademark": "™", "pounds": "£",
    "euro": "€", "textdegree": "°", "guillemotleft": "«", "guillemotright": "»", "textbackslash": "\\",
    "LaTeX": "LaTeX", "TeX": "TeX", "textasciitilde": "~", "textunderscore": "_", "textbar": "|",
}
_ESCAPED = {"&": "&", "%": "%", "#": "#", "_": "_", "$": "$", "{": "{", "}": "}", " ": " ", ",": "\u2009"}
_TEXT_MACROS = ("textit", "textbf", "emph", "textsc", "textrm", "textsf", "texttt", "mkbibquote",
                "mkbibemph", "textup", "textnormal", "url", "href")

_ACCENT_RE = re.compile(
    r"""\{?\\([\'`^"~=.])\s*(?:\{(\\?[A-Za-z])\}|(\\?[A-Za-z]))\}?"""  # \'e  {\'e}  \'{e}
    r"""|\{?\\([uvHckrdb])(?:\s+|(?=\{))(?:\{(\\?[A-Za-z])\}|(\\?[A-Za-z]))\}?"""  # \v{c}  {\v c}
)
_SYMBOL_RE = re.compile(r"\{?\\(" + "|".join(sorted(map(re.escape, _SYMBOLS), key=len, reverse=True)) + r")(?![A-Za-z])(?:\{\}|\s)?\}?")
_MACRO_RE = re.compile(r"\\(" + "|".join(_TEXT_MACROS) + r")\s*\{([^{}]*)\}")


def _accent(m: re.Match[str]) -> str:
    cmd = m.group(1) or m.group(4)
    base = m.group(2) or m.group(3) or m.group(5) or m.group(6) or ""
    if base in ("\\i", "i") and cmd in "'`^\"~=":
        base = "i"
    if base.startswith("\\"):
        base = base[1:]
    return unicodedata.normalize("NFC", base + _ACCENTS[cmd])


_VERBATIM_RE = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}")


def decode(value: str) -> str:
    """LaTeX field text -> Unicode (keeping case-protecting braces). The contents of ``\\url{}``
    and ``\\href{}`` are verbatim: ``~`` and ``--`` in a URL stay as they are."""
    if "\\" not in value and "--" not in value and "~" not in value:
        return value
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:
        kept.append(m.group(1))
        return f"\uE000{len(kept) - 1}\uE001"

    s = _VERBATIM_RE.sub(keep, value)
    s = _decode(s)
    return re.sub("\uE000(\\d+)\uE001", lambda m: kept[int(m.group(1))], s) if kept else s


def _decode(value: str) -> str:
    s = re.sub(r"(?<!\\)~", "\u00a0", value)  # before \textasciitilde{} becomes a literal "~"
    s = _MACRO_RE.sub(lambda m: m.group(2), s)
    s = _ACCENT_RE.sub(_accent, s)
    s = _SYMBOL_RE.sub(lambda m: _SYMBOLS[m.group(1)], s)
    s = re.sub(r"\\([&%#_${} ,])", lambda m: _ESCAPED[m.group(1)], s)
    s = s.replace("---", "—").replace("--", "–")
    # {\'e} leftovers like "{é}" stay as protected single letters; drop braces around one char
    s = re.sub(r"\{([^{}\\])\}", r"\1", s)
    return s


def _balanced(value: str) -> bool:
    depth = 0
    for ch in value:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def encode(value: str, verbatim: bool = False) -> str:
    """Unicode text -> a BibTeX field value that BibTeX and biber accept (without outer braces).

    Non-ASCII characters stay UTF-8 (biber and bibtex8 read it; LaTeX with inputenc prints it).
    ``verbatim`` is for url/doi/file fields: only braces are made safe.
    """
    s = value
    if not _balanced(s):
        s = s.replace("\\{", "{").replace("\\}", "}")
        s = s.replace("{", "\\{").replace("}", "\\}") if not verbatim else s.replace("{", "%7B").replace("}", "%7D")
    if verbatim:
        return s
    urls: list[str] = []

    def keep(m: re.Match[str]) -> str:
        urls.append(m.group(0))
        return f"\uE000{len(urls) - 1}\uE001"

    s = re.sub(r"https?://[^\s{}\\]+", keep, s)  # URLs in running text go out as \url{...}
    s = re.sub(r"(?<!\\)([&%#_$])", r"\\\1", s)
    s = s.replace("~", "\\textasciitilde{}").replace("\u00a0", "~")
    if urls:
        s = re.sub("\uE000(\\d+)\uE001", lambda m: "\\url{" + urls[int(m.group(1))] + "}", s)
    return s
