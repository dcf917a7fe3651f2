"""LaTeX <-> Unicode for BibTeX field values.

Model text is Unicode. Decoding goes through pylatexenc (what bibtexparser 2 itself uses), with the
biblatex macros added (``\\mkbibquote``, ``\\mbox``, ``\\noopsort``, ``\\bibstring`` ...); math becomes
readable text (``$\\Omega(n^2)$`` -> ``Ω(n²)``). Balanced top-level ``{...}`` groups that protect case
are kept as they are (the formatter turns them into nocase spans); braces that only wrap a special
character (``{\\"O}``) go. Encoding escapes what LaTeX treats specially. Both directions are idempotent
on their own output: ``decode(encode(s)) == s`` for text without backslashes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from pylatexenc import latexwalker
from pylatexenc.latex2text import (
    LatexNodes2Text,
    MacroTextSpec,
    SpecialsTextSpec,
    get_default_latex_context_db,
)
from pylatexenc.macrospec import MacroSpec, SpecialsSpec

# biblatex localisation keys (English), as used in `type`, `pubstate`, `\bibstring{}`
BIBSTRINGS = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "candthesis": "Candidate thesis",
    "techreport": "technical report", "resreport": "research report", "software": "computer software",
    "datacd": "CD-ROM", "audiocd": "audio CD", "inpreparation": "in preparation", "submitted": "submitted",
    "forthcoming": "forthcoming", "inpress": "in press", "prepublished": "pre-published",
    "newseries": "new series", "oldseries": "old series", "patent": "patent", "patentus": "U.S. patent",
    "patentde": "German patent", "patenteu": "European patent", "patentfr": "French patent",
    "patentuk": "British patent", "patentjp": "Japanese patent", "patrequs": "U.S. patent request",
    "patreqde": "German patent request", "patreqeu": "European patent request", "andothers": "et al.",
    "editor": "editor", "editors": "editors", "translator": "translator", "volume": "volume",
    "number": "number", "chapter": "chapter", "page": "page", "pages": "pages", "report": "report",
    "thesis": "thesis", "review": "review", "edition": "edition", "jourser": "series",
    "library": "library", "abstract": "abstract", "annotation": "annotations", "commonera": "Common Era",
    "beforecommonera": "Before Common Era", "reprint": "reprint", "and": "and", "in": "in",
    "patreqfr": "French patent request", "patrequk": "British patent request",
    "patreqjp": "Japanese patent request", "countryde": "Germany", "countryeu": "European Union",
    "countryep": "European Union", "countryfr": "France", "countryuk": "United Kingdom",
    "countryus": "United States of America", "countryjp": "Japan", "countryca": "Canada",
    "countryau": "Australia", "countrych": "Switzerland", "countryit": "Italy", "countryes": "Spain",
    "countrynl": "Netherlands", "countryse": "Sweden", "countryat": "Austria", "countrycn": "China",
    "countrydk": "Denmark", "countryfi": "Finland", "countryno": "Norway", "countrybe": "Belgium",
    "countrywo": "World Intellectual Property Organization", "countryil": "Israel",
    "urlseen": "visited on", "version": "version", "by": "by", "see": "see", "ibidem": "ibidem",
}

_SUP = dict(zip("0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
                "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ", strict=True))
_SUB = dict(zip("0123456789+-=()aeoxhklmnpstijruv", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", strict=True))
_SCRIPT = re.compile(r"([\^_])(?:\{([^{}\\]*)\}|([^\s{}\\$]))")


def _scripts(m: re.Match[str]) -> str:
    table = _SUP if m.group(1) == "^" else _SUB
    body = m.group(2) if m.group(2) is not None else m.group(3)
    if body and all(c in table for c in body.replace(" ", "")):
        return "".join(table[c] for c in body.replace(" ", ""))
    return m.group(1) + body if body and len(body) == 1 else f"{m.group(1)}({body})" if body else ""


def _math(m: re.Match[str]) -> str:
    return "$" + _SCRIPT.sub(_scripts, m.group(1)) + "$"


def _bibstring(node: Any, l2tobj: Any) -> str:
    key = l2tobj.node_arg_to_text(node, 0).strip()
    return BIBSTRINGS.get(key.lower(), key)


FORMAT_MACROS = {"emph", "textit", "textbf", "textsc", "textsf", "textrm", "texttt", "textup", "textnormal",
                 "mkbibemph", "mkbibitalic", "mkbibbold", "mkbibquote", "enquote", "textsl", "mkbibacro"}
_WORDS = {"TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX", "XeTeX": "XeTeX",
          "LuaTeX": "LuaTeX", "ConTeXt": "ConTeXt", "hyphen": "-", "slash": "/", "textslash": "/",
          "break": " ", "newblock": " ", "allowbreak": "", "nobreakdash": "", "textendash": "–",
          "textemdash": "—", "textquotesingle": "'", "textquotedbl": '"', "textasciigrave": "`"}


def _walker_db() -> Any:
    db = latexwalker.get_default_latex_context_db()
    one = ["mkbibquote", "mkbibemph", "mkbibitalic", "mkbibbold", "mkbibparens", "mkbibbrackets",
           "noopsort", "bibstring", "mbox", "hbox", "enquote", "textsc", "textup", "textnormal",
           "mkbibacro", "mkbibsuperscript", "mkbibsubscript", "nocite", "sortname", "NoCaseChange",
           "ensuremath", "textsubscript", "textsuperscript", "path", "doi", "mathrm", "mathit", "mathbf",
           "mathcal", "mathsf", "mathtt", "text", "texorpdfstring"]
    db.add_context_category("refkit", prepend=True,
                            macros=[MacroSpec(n, {"texorpdfstring": "{{", "enquote": "*{"}.get(n, "{"))
                                    for n in one] + [MacroSpec(n, "") for n in _WORDS],
                            specials=[SpecialsSpec("`"), SpecialsSpec("'")])
    return db


def _text_db() -> Any:
    db = get_default_latex_context_db()
    db.add_context_category("refkit", prepend=True, macros=[
        MacroTextSpec("mkbibquote", simplify_repl="“%(1)s”"),
        MacroTextSpec("enquote", simplify_repl=lambda n, l2tobj: ("‘%s’" if n.nodeargd.argnlist[0] else "“%s”")
                      % l2tobj.node_arg_to_text(n, 1)),
        *(MacroTextSpec(k, simplify_repl=v) for k, v in _WORDS.items()),
        MacroTextSpec("mkbibparens", simplify_repl="(%(1)s)"),
        MacroTextSpec("mkbibbrackets", simplify_repl="[%(1)s]"),
        MacroTextSpec("noopsort", discard=True),
        MacroTextSpec("nocite", discard=True),
        MacroTextSpec("bibstring", simplify_repl=_bibstring),
        MacroTextSpec("texorpdfstring", simplify_repl="%(2)s"),
        MacroTextSpec("mkbibsuperscript", simplify_repl="%(1)s"),
        MacroTextSpec("mkbibsubscript", simplify_repl="%(1)s"),
        *(MacroTextSpec(n, discard=False) for n in (
            "mkbibemph", "mkbibitalic", "mkbibbold", "mbox", "hbox", "textsc", "textup", "textnormal",
            "mkbibacro", "sortname", "NoCaseChange", "ensuremath", "textsubscript", "textsuperscript",
            "path", "doi", "mathrm", "mathit", "mathbf", "mathcal", "mathsf", "mathtt", "text")),
        MacroTextSpec(",", simplify_repl=" "), MacroTextSpec(";", simplify_repl=" "),
        MacroTextSpec(":", simplify_repl=" "), MacroTextSpec("quad", simplify_repl=" "),
        MacroTextSpec("qquad", simplify_repl=" "), MacroTextSpec("/", simplify_repl=""),
        MacroTextSpec("-", simplify_repl=""), MacroTextSpec("@", simplify_repl=""),
    ], specials=[SpecialsTextSpec("`", "‘"), SpecialsTextSpec("'", "’")])
    return db


class _Text(LatexNodes2Text):  # type: ignore[misc]
    """pylatexenc's converter, keeping top-level case-protecting braces."""

    depth = 0

    def group_node_to_text(self, node: Any) -> str:
        self.depth += 1
        try:
            contents = self._groupnodecontents_to_text(node)
        finally:
            self.depth -= 1
        first = next((n for n in node.nodelist if not (n.isNodeType(latexwalker.LatexCharsNode)
                                                       and not n.chars.strip())), None)
        protects = (self.depth == 0 and node.delimiters[0] == "{" and first is not None
                    and not first.isNodeType(latexwalker.LatexMacroNode)
                    and any(c.isalpha() for c in contents))
        return "{" + contents + "}" if protects else contents

    def macro_node_to_text(self, node: Any) -> str:
        top = self.depth == 0
        self.depth += 1  # an accent's argument is not a case-protecting group
        try:
            out = str(super().macro_node_to_text(node))
        finally:
            self.depth -= 1
        if top and node.macroname in FORMAT_MACROS and any(c.isalpha() for c in out):
            return "{" + out + "}"  # BibTeX protects the braced argument of \emph{...} as any group
        return out

    def math_node_to_text(self, node: Any) -> str:
        self.depth += 1  # braces inside math do not protect case
        try:
            return str(super().math_node_to_text(node))
        finally:
            self.depth -= 1


_L2T: _Text | None = None
_WDB: Any = None


def _converter() -> tuple[_Text, Any]:
    global _L2T, _WDB
    if _L2T is None:
        _WDB = _walker_db()
        _L2T = _Text(latex_context=_text_db(), math_mode="text", strict_latex_spaces=True)
    return _L2T, _WDB


_VERBATIM_RE = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}(?:\s*\{((?:[^{}]|\{[^{}]*\})*)\})?"
                          r"|(https?://[^\s{}$]+[^\s{}$.,;:)])")
_PLAIN = re.compile(r"[\\$~`'{}-]")


def decode(value: str) -> str:
    """LaTeX field text -> Unicode (keeping case-protecting braces). The contents of ``\\url{}``
    and ``\\href{}``, and bare URLs, are verbatim: ``~`` and ``--`` in a URL stay as they are."""
    if not _PLAIN.search(value):
        return re.sub(r"\s+", " ", value) if "\n" in value or "  " in value else value
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:
        if m.group(2) is not None and m.group(0).startswith("\\href"):
            return m.group(2)  # \href{url}{text}: the text
        if m.group(3):  # a bare URL in running text: verbatim, but for LaTeX's escapes
            kept.append(re.sub(r"\\([_%&#~])", r"\1", m.group(3)))
            return f"\uE000{len(kept) - 1}\uE001"
        kept.append(m.group(1))
        return f"\uE000{len(kept) - 1}\uE001"

    s = _VERBATIM_RE.sub(keep, value)
    s = _decode(s)
    return re.sub("\uE000(\\d+)\uE001", lambda m: kept[int(m.group(1))], s) if kept else s


def clear_caches() -> None:
    """Forget decoded values (for benchmarks that must start cold)."""
    _decode.cache_clear()
    _one.cache_clear()


# one accented letter or escaped character: converted alone (cached), so that most values never need
# a full parse: {\"o}, \'{e}, {\c c}, \&, {\ss}
_SIMPLE = re.compile(r"""\{\\(?:[`'^"~=.]\s*(?:\{\\?[A-Za-z]\}|\\?[A-Za-z])|[uvHckrdb](?:\s+\\?[A-Za-z]|\{\\?[A-Za-z]\})|(?:ss|ae|AE|oe|OE|o|O|aa|AA|l|L|i|j)(?![A-Za-z])\s*)\}"""
                     r"""|\\(?:[`'^"~=.]\s*(?:\{\\?[A-Za-z]\}|\\?[A-Za-z](?![A-Za-z]))|[uvHckrdb]\{\\?[A-Za-z]\}|[&%#_$])""")


@lru_cache(maxsize=4096)
def _one(token: str) -> str:
    l2t, wdb = _converter()
    inner = token[1:-1] if token.startswith("{") and token.endswith("}") else token
    try:
        return str(l2t.nodelist_to_text(latexwalker.LatexWalker(inner, latex_context=wdb).get_latex_nodes()[0]))
    except Exception:
        return inner


@lru_cache(maxsize=1 << 16)
def _decode(value: str) -> str:
    s = value
    if "$" in s:  # plain math ($k$, $W[2]$) is its own text
        s = re.sub(r"(?<!\\)\$([^$\\^_{}]*)\$", r"\1", s)
    if "\\" in s and "$" not in s:
        s = re.sub(r"(?<!\\)\\ ", " ", _SIMPLE.sub(lambda m: _one(m.group(0)), s))
    if "\\" in s or "$" in s:
        if "$" in s:
            s = re.sub(r"(?<!\\)\$([^$]*)\$", _math, s)
        l2t, wdb = _converter()
        try:
            nodes = latexwalker.LatexWalker(s, latex_context=wdb, tolerant_parsing=True).get_latex_nodes()[0]
            s = l2t.nodelist_to_text(nodes)
        except Exception:  # pylatexenc gives up on some broken input: fall back to the plain text
            s = re.sub(r"\\[A-Za-z]+\s*|\\(.)", r"\1", value)
    else:
        s = _braces(s)
        s = re.sub(r"(?<!\\)~", "\u00a0", s)
        s = s.replace("``", "“").replace("''", "”").replace("`", "‘").replace("'", "’")
    s = s.replace("---", "—").replace("--", "–")
    s = re.sub(r"[ \t\r\n]+", " ", s).strip()
    return unicodedata.normalize("NFC", s)


def _braces(s: str) -> str:
    """Without macros: keep top-level groups that hold letters, drop the rest of the braces."""
    out: list[str] = []
    depth, start = 0, 0
    for ch in s:
        if ch == "{":
            if depth == 0:
                start = len(out)
            depth += 1
            out.append(ch)
        elif ch == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                inner = "".join(out[start + 1:]).replace("{", "").replace("}", "")
                out[start:] = ["{" + inner + "}"] if any(c.isalpha() for c in inner) else [inner]
            else:
                out.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def strip_braces(value: str) -> str:
    """Decoded text without its case-protecting braces."""
    return value.replace("{", "").replace("}", "")


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
