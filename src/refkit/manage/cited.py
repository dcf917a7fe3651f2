"""The citation keys a manuscript uses, in citation order: LaTeX, pandoc/Quarto Markdown, ``.aux``, ``.bcf``.

:func:`cited_keys` returns every citation as ``(key, file, line)`` in the order a reader meets them
(``\\input``/``\\include``d files are followed where they are included); ``\\nocite{*}`` and pandoc's
``nocite: '@*'`` give the key ``*``. :func:`analyse` compares them with bibliographies: keys cited but not
defined, entries never cited, keys cited only once.

LaTeX: every command whose name contains ``cite`` (``\\cite``, ``\\citet``, ``\\parencite*``, ``\\textcite``,
``\\autocite``, ``\\footcite``, ``\\citeauthor``, ``\\nocite`` ...) with its optional ``[..]`` arguments, and
biblatex's multicite commands (``\\cites(pre)(post)[a][b]{k1}[c]{k2}``); comments and verbatim
environments are skipped. Markdown: ``[@key]``, ``@key``, ``[-@key]``, ``[see @a, p. 3; @b]``,
``@{odd key}``; not e-mail addresses, not code (fenced, indented or inline), not URLs, not Quarto and
pandoc-crossref references (``@fig-x``, ``@sec:y``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser

from refkit.errors import InputError
from refkit.io import read_input
from refkit.model import Reference

Citation = tuple[str, str, int]  # (key, file, line)

MARKDOWN_SUFFIXES = (".md", ".markdown", ".qmd", ".rmd", ".txt", ".mdown")
_NOT_CITE = {"citestyle", "citeindextrue", "citeindexfalse", "citereset", "citesetup", "citetrackertrue",
             "citetrackerfalse", "citeindextype", "citeauthorformat", "citeNPfalse", "bibcite"}
_LATEX_CMD = re.compile(
    r"\\(?P<name>[A-Za-z]*cite[A-Za-z]*|cites|nocite)(?P<star>\*?)"
    r"|\\(?P<inc>input|include|subfile|subfileinclude)\s*\{(?P<path>[^{}]+)\}"
    r"|\\(?P<imp>sub)?(?:import|inputfrom|includefrom)\*?\s*\{(?P<dir>[^{}]*)\}\s*\{(?P<file>[^{}]+)\}"
    r"|\\begin\s*\{(?P<verb>verbatim\*?|Verbatim|lstlisting|minted|comment|filecontents\*?)\}"
    r"|\\(?P<iffalse>iffalse)(?![A-Za-z])")
# a cite command: a known prefix, "cite" (or "Cite"), any suffix (\citet, \citealp, \parencite*, \Textcite,
# \footfullcite, \shortcite, \volcite, \citeA ...); \excitedstate and the like are not
_CITE_NAME = re.compile(r"(|foot|paren|text|auto|smart|super|full|footfull|no|short|[ptfa]?vol|ftvol|svol)"
                        r"cite([A-Za-z]*)", re.I)
_CROSSREF = re.compile(r"^(fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|tab|apx)[-:]")


# ------------------------------------------------------------------ LaTeX
def strip_tex_comments(text: str) -> str:
    """Blank out ``%`` comments (not ``\\%``), keeping every line break so that line numbers hold."""
    return re.sub(r"(?<!\\)((?:\\\\)*)%[^\n]*", r"\1", text)


def _group(text: str, i: int, open_: str, close: str) -> tuple[str, int] | None:
    """The balanced group starting at ``text[i] == open_``: (its content, the index after it)."""
    depth = 0
    for j in range(i, len(text)):
        ch = text[j]
        if ch == "\\":
            continue
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return text[i + 1:j], j + 1
    return None


def _skip_space(text: str, i: int) -> int:
    """Skip blanks and at most one line break (LaTeX arguments may not cross a blank line)."""
    m = re.match(r"[ \t]*(?:\n[ \t]*)?", text[i:])
    return i + (m.end() if m else 0)


def _cite_args(text: str, i: int, multi: bool, groups: int = 1) -> tuple[list[tuple[str, int]], int]:
    """The key groups after a cite command at ``i``: [(content, offset)], and where the command ends."""
    keys: list[tuple[str, int]] = []
    while True:
        j = _skip_space(text, i)
        if j >= len(text):
            break
        ch = text[j]
        if ch in "([":
            g = _group(text, j, ch, ")" if ch == "(" else "]")
            if g is None:
                break
            i = g[1]
        elif ch == "{":
            g = _group(text, j, "{", "}")
            if g is None:
                break
            keys.append((g[0], j + 1))
            i = g[1]
            if not multi and len(keys) >= groups:
                break
        else:
            break
    return keys, i


def latex_citations(path: Path, _seen: set[Path] | None = None) -> list[Citation]:
    seen = _seen if _seen is not None else set()
    seen.add(path.resolve())
    text, name, _ = read_input(path)
    text = strip_tex_comments(text)
    out: list[Citation] = []
    pos = 0
    while True:
        m = _LATEX_CMD.search(text, pos)
        if not m:
            break
        pos = m.end()
        if m.group("verb"):
            env = re.escape(m.group("verb"))
            end = re.search(r"\\end\s*\{" + env + r"\}", text[pos:])
            pos = pos + end.end() if end else len(text)
            continue
        if m.group("iffalse"):
            end = re.search(r"\\fi(?![A-Za-z])", text[pos:])  # \iffalse ... \fi: commented out
            pos = pos + end.end() if end else pos
            continue
        if m.group("inc") or m.group("file"):
            if m.group("inc"):
                child = _resolve_tex(path, m.group("path").strip())
            else:  # \import{dir}{file}, \subimport{dir}{file}
                child = _resolve_tex(path, str(Path(m.group("dir").strip()) / m.group("file").strip()))
            if child is not None and child.resolve() not in seen:
                out += latex_citations(child, seen)
            continue
        cmd = m.group("name")
        parts = _CITE_NAME.fullmatch(cmd)
        if cmd in _NOT_CITE or not parts:
            continue
        multi = cmd.endswith("cites")
        vol = "vol" in parts.group(1).lower()
        groups, pos = _cite_args(text, pos, multi, 2 if vol else 1)
        if vol and groups:
            groups = groups[1:]  # \volcite[pre]{volume}[pages]{key}: the first group is the volume
        for content, off in groups:
            for km in re.finditer(r"[^,\s]+", content):
                key = km.group(0)
                if "#" in key or key.startswith("\\"):
                    continue  # a macro's parameter (\newcommand{\mycite}[1]{\cite{#1}}) or a macro
                out.append((key, name, text.count("\n", 0, off + km.start()) + 1))
    return out


def _resolve_tex(parent: Path, target: str) -> Path | None:
    for base in (parent.parent, Path.cwd()):
        for cand in (base / target, base / (target + ".tex")):
            if cand.is_file():
                return cand
    return None


def bibliographies_named(path: Path) -> list[Path]:
    """The bibliography files a LaTeX or Markdown document names (``\\bibliography``, ``\\addbibresource``,
    the ``bibliography:`` of a YAML front matter), those that exist."""
    try:
        text = strip_tex_comments(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []
    names: list[str] = []
    for m in re.finditer(r"\\bibliography\s*\{([^}]*)\}", text):
        names += [n.strip() + ("" if n.strip().endswith(".bib") else ".bib") for n in m.group(1).split(",")]
    names += [m.group(1).strip() for m in re.finditer(r"\\addbibresource(?:\[[^\]]*\])?\s*\{([^}]*)\}", text)]
    fm = re.match(r"---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", text, re.S)
    if fm:
        block = re.search(r"^bibliography:\s*(.*(?:\n[ \t]+-.*)*)", fm.group(1), re.M)
        if block:
            names += [x.strip(" '\"-[]") for x in re.split(r"[\n,]", block.group(1)) if x.strip(" '\"-[]")]
    out = []
    for n in names:
        p = path.parent / n
        if p.is_file() and p not in out:
            out.append(p)
    return out


# ------------------------------------------------------------------ Markdown
_MD_KEY = r"[\w](?:[\w:.#$%&\-+?<>~/]*[\w])?"
_MD_CITE = re.compile(r"(?<![\w@\\])-?@(?:\{(?P<braced>[^{}\n]+)\}|(?P<key>" + _MD_KEY + "))")


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def markdown_citations(path: Path) -> list[Citation]:
    text, name, _ = read_input(path)
    out: list[Citation] = []
    fm = re.match(r"---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", text, re.S)
    if fm:
        nocite = re.search(r"^nocite:\s*(\|[^\n]*\n(?:[ \t]+[^\n]*\n)*|[^\n]*)", fm.group(1), re.M)
        if nocite:
            start = fm.start(1) + nocite.start(1)
            for m in re.finditer(r"@(\*|" + _MD_KEY + ")", nocite.group(1)):
                out.append((m.group(1), name, text.count("\n", 0, start + m.start()) + 1))
        text = _blank(fm) + text[fm.end():]
    # code and things that hold @ without citing: fences, indented code, inline code, comments, URLs, links
    # (a braced key such as @{https://x.org/a?b} is taken first, so that blanking URLs does not eat it)
    text = re.sub(r"(?ms)^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[`~]*[ \t]*$|\Z)", _blank, text)
    text = re.sub(r"(?m)(?:(?<=\n\n)|\A)((?:(?: {4}|\t)[^\n]*\n?)+)", _blank, text)
    text = re.sub(r"(`+)(?!`).+?(?<!`)\1(?!`)", _blank, text, flags=re.S)
    text = re.sub(r"<!--.*?-->", _blank, text, flags=re.S)
    found: list[tuple[int, str]] = []
    for m in _MD_CITE.finditer(text):
        if m.group("braced") and m.group("braced").strip():
            found.append((m.start(), m.group("braced").strip()))
    text = re.sub(r"(?<![\w@\\])-?@\{[^{}\n]+\}", _blank, text)
    text = re.sub(r"<[a-z]+:[^>\s]+>|\b(?:https?|ftp|mailto):[^\s)\]>]+|\]\([^)\s]*", _blank, text)
    for m in _MD_CITE.finditer(text):
        key = m.group("key")
        if key and not _CROSSREF.match(key):
            found.append((m.start(), key))
    for start, key in sorted(found):
        out.append((key, name, text.count("\n", 0, start) + 1))
    return out


# ------------------------------------------------------------------ .aux / .bcf
def aux_citations(path: Path, _seen: set[Path] | None = None) -> list[Citation]:
    seen = _seen if _seen is not None else set()
    seen.add(path.resolve())
    text, name, _ = read_input(path)
    out: list[Citation] = []
    pat = re.compile(r"\\citation\{([^}]*)\}|\\abx@aux@cite\{(?:[^}]*)\}\{([^}]*)\}|\\abx@aux@cite\{([^}]*)\}(?!\{)"
                     r"|\\@input\{([^}]*)\}")
    for m in pat.finditer(text):
        if m.group(4):
            child = path.parent / m.group(4)
            if child.is_file() and child.resolve() not in seen:
                out += aux_citations(child, seen)
            continue
        line = text.count("\n", 0, m.start()) + 1
        for key in (m.group(1) or m.group(2) or m.group(3) or "").split(","):
            if key.strip():
                out.append((key.strip(), name, line))
    return out


def bcf_citations(path: Path) -> list[Citation]:
    text, name, _ = read_input(path)
    return [(m.group(1).strip(), name, text.count("\n", 0, m.start()) + 1)
            for m in re.finditer(r"<(?:bcf:)?citekey\b[^>]*>([^<]+)</(?:bcf:)?citekey>", text)]


def citations_in(path: str | Path) -> list[Citation]:
    """Every citation in one document, by its kind (extension: .tex/.ltx, .aux, .bcf, Markdown)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.is_file():
        raise InputError(f"{p}: no such file", hint="check the path of the document")
    if suffix == ".aux":
        return aux_citations(p)
    if suffix == ".bcf":
        return bcf_citations(p)
    if suffix in MARKDOWN_SUFFIXES:
        return markdown_citations(p)
    return latex_citations(p)


def cited_keys(docs: list[str | Path] | tuple[str | Path, ...]) -> list[Citation]:
    """Every citation of ``docs`` as (key, file, line), in citation order (documents in the order given)."""
    out: list[Citation] = []
    for d in docs:
        out += citations_in(d)
    return out


def citation_order(docs: list[str | Path] | tuple[str | Path, ...]) -> list[str]:
    """The distinct keys in order of first citation (``*`` left out)."""
    seen: dict[str, None] = {}
    for key, _, _ in cited_keys(docs):
        if key != "*":
            seen.setdefault(key, None)
    return list(seen)


# ------------------------------------------------------------------ comparing with a bibliography
@dataclass
class CitedReport:
    citations: list[Citation]
    undefined: list[Citation] = field(default_factory=list)  # first place each undefined key is cited
    unused: list[Reference] = field(default_factory=list)
    cited_once: list[Citation] = field(default_factory=list)
    nocite_all: bool = False
    suggestions: dict[str, str] = field(default_factory=dict)  # undefined key -> a key differing in case

    def to_dict(self) -> dict[str, object]:
        def c(x: Citation) -> dict[str, object]:
            return {"key": x[0], "file": x[1], "line": x[2]}

        return {"undefined": [c(x) for x in self.undefined],
                "unused": [{"key": r.id, "file": r.source, "line": r.line} for r in self.unused],
                "cited_once": [c(x) for x in self.cited_once],
                "summary": {"citations": len(self.citations),
                            "keys": len({k for k, _, _ in self.citations if k != "*"}),
                            "undefined": len(self.undefined), "unused": len(self.unused),
                            "cited_once": len(self.cited_once), "nocite_all": self.nocite_all}}


def analyse(citations: list[Citation], refs: list[Reference]) -> CitedReport:
    defined = {r.id for r in refs}
    lower = {r.id.lower(): r.id for r in refs}
    report = CitedReport(citations, nocite_all=any(k == "*" for k, _, _ in citations))
    first: dict[str, Citation] = {}
    count: dict[str, int] = {}
    for c in citations:
        if c[0] == "*":
            continue
        first.setdefault(c[0], c)
        count[c[0]] = count.get(c[0], 0) + 1
    for key, c in first.items():
        if key not in defined:
            report.undefined.append(c)
            if key.lower() in lower:
                report.suggestions[key] = lower[key.lower()]
        elif count[key] == 1:
            report.cited_once.append(c)
    if not report.nocite_all:
        used = keep_with_parents(set(first), refs)
        report.unused = [r for r in refs if r.id not in used]
    return report


def keep_with_parents(keys: set[str], refs: list[Reference]) -> set[str]:
    """``keys`` and the crossref/xdata parents their entries need (BibTeX matches those case-insensitively)."""
    by_id = {r.id: r for r in refs}
    by_lower = {r.id.lower(): r.id for r in refs}
    out = set(keys)
    todo = list(keys)
    while todo:
        r = by_id.get(todo.pop())
        if r is None:
            continue
        for f in ("crossref", "xdata"):
            for parent in r.extra.get(f, "").split(","):
                parent = by_lower.get(parent.strip().lower(), parent.strip())
                if parent and parent not in out:
                    out.add(parent)
                    todo.append(parent)
    return out


def prune_bibtex(text: str, keep: set[str]) -> str:
    """The BibTeX ``text`` with only the entries in ``keep`` (and every @string and @preamble), each as
    written."""
    lib = bibtexparser.parse_string(text)
    model = bibtexparser.model
    chunks = [b.raw for b in lib.blocks if b.raw and (isinstance(b, (model.String, model.Preamble))
                                                      or isinstance(b, model.Entry) and b.key in keep)]
    return "\n\n".join(c.strip("\n") for c in chunks) + "\n"
