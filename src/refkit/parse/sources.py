"""Reference sections inside program source and the files of note apps, kept apart from the code and
the notes around them. Each function takes the whole text and returns it with everything but the
references blanked (line numbers kept), or the text unchanged when it is not of its kind.

* R's roxygen comments: ``#' @references`` and the entries under it (``\\emph{}``, ``\\bold{}``,
  ``\\doi{}``, ``--``, ``\\itemize{\\item ...}``), in every function's block of a package file;
* Typst source: comments, settings and layout calls out, ``#link("...")`` its link, ``#enum`` items;
* Jupyter notebooks: the text of the markdown and raw cells (:func:`notebook_text`);
* pandoc's markdown: fenced divs (``::: {#refs}``) and heading attributes (``{#literatur .unnumbered}``);
* Logseq's outline: the task markers (``LATER``, ``NOW``, ``DONE`` ...) before a reference, block and
  page properties (``id::``, ``tags::``; ``doi::`` and ``url::`` stay as the reference's link), and
  ``:LOGBOOK:`` drawers.
"""

from __future__ import annotations

import re

from refkit.parse.raw import Split

_ROXYGEN_TAG = re.compile(r"^\s*#'\s*@(\w+)")


def read_source(text: str) -> tuple[str, Split | None]:
    """The references of a text that is not a list as printed: records with named fields (a CSV, an API's JSON,
    a .bbl; :mod:`refkit.parse.records`) and a wiki page's templates (:mod:`refkit.parse.wikitext`) come back
    as a split; R's roxygen, Logseq and pandoc markdown come back as the text of their references."""
    from refkit.parse import records, wikitext

    if text.lstrip("\ufeff \r\n")[:1] in "[{" or "title" in text[:300].lower() or "\\entry{" in text:
        listed = records.read_records(text)  # a CSV with named columns, an API's JSON: records, not text
        if listed is not None:
            return text, listed
    if "@references" in text:
        text = roxygen_references(text)  # an R file's roxygen "@references"
    if ":: " in text:
        text = logseq_outline(text)  # a Logseq page's properties and task markers
    if ":::" in text or "{#" in text:
        text = pandoc_markdown(text)  # pandoc's fenced divs and heading attributes
    if "#set " in text or "#link(" in text or "#enum(" in text:
        text = typst_source(text)  # Typst source
    if ("{{" in text or "<ref" in text) and wikitext.looks_like_wikitext(text):
        return text, wikitext.wiki_references(text)  # a MediaWiki page's source: its templates are structured already
    return text, None


def roxygen_references(text: str) -> str:
    """The ``@references`` sections of an R file's roxygen blocks: each entry (a paragraph, or an ``\\item``)
    joined onto its first line."""
    if "@references" not in text or "#'" not in text:
        return text
    lines = text.split("\n")
    out = [""] * len(lines)
    entry: list[int] = []

    def close() -> None:
        if entry:
            out[entry[0]] = _plain_rd(" ".join(re.sub(r"^\s*#'\s*(?:\\item\s+)?|^\s*@references\s*", "", lines[k]).strip()
                                              for k in entry))
            entry.clear()

    inside = False
    for i, ln in enumerate(lines):
        tag = _ROXYGEN_TAG.match(ln)
        body = re.sub(r"^\s*#'\s?", "", ln) if ln.lstrip().startswith("#'") else None
        if body is None or tag:
            close()
            inside = tag is not None and tag.group(1) == "references"
            rest = ln[tag.end():] if tag is not None else ""
            if inside and rest.strip() and not re.fullmatch(r"\s*\\(?:itemize|enumerate)\{\s*", rest):
                entry.append(i)  # "@references Author (2001). Title." on the tag's own line
            continue
        if not inside:
            continue
        if not body.strip() or re.fullmatch(r"\s*(?:\\itemize\{|\\enumerate\{|\})\s*", body):
            close()
        elif re.match(r"\s*\\item\s", body):
            close()
            entry.append(i)
        else:
            entry.append(i)
    close()
    return "\n".join(out) if any(ln.strip() for ln in out) else text


def _plain_rd(s: str) -> str:
    s = re.sub(r"\\doi\{([^{}]+)\}", r"doi:\1", s)
    s = re.sub(r"\\url\{([^{}]+)\}", r"\1", s)
    s = re.sub(r"\\href\{([^{}]+)\}\{([^{}]*)\}", r"\2 \1", s)
    for _ in range(2):
        s = re.sub(r"\\(?:emph|bold|textit|textbf|code|strong|sQuote|dQuote)\{([^{}]*)\}", r"\1", s)
    return s.replace("--", "–").rstrip()


_LOGSEQ_PROPERTY = re.compile(r"^(\s*(?:-\s+)?)([\w\-]{1,30})::\s*(.*)$")
_TASK = re.compile(r"^(\s*-\s+)(?:LATER|NOW|DOING|DONE|WAITING|WAIT|CANCELED|CANCELLED|IN-PROGRESS)\s+(?=\S)")
_BULLET = re.compile(r"^(\s*)-\s+(.*)$")


def logseq_outline(text: str) -> str:
    """A Logseq page: properties and drawers out, task markers off the blocks that hold references."""
    if len(re.findall(r"(?m)^\s*(?:-\s+)?[\w\-]{1,30}::\s", text)) < 2:
        return text
    lines = text.split("\n")
    out = list(lines)
    drawer = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.fullmatch(r":[A-Z]+:", s):
            drawer = s != ":END:"
            out[i] = ""
            continue
        if drawer or re.match(r"(?:SCHEDULED|DEADLINE|CLOCK):", s):
            out[i] = ""
            continue
        m = _LOGSEQ_PROPERTY.match(ln)
        if m:
            key, value = m.group(2).lower(), m.group(3).strip()
            out[i] = f"{m.group(1)}{'doi: ' if key == 'doi' else ''}{value}" if key in ("doi", "url") and value else ""
            continue
        out[i] = _TASK.sub(r"\1", ln)
    return "\n".join(_notes_under_references(out))


def _notes_under_references(lines: list[str]) -> list[str]:
    """Blocks nested under a reference's block are notes on it ('key idea: ...', '>40% threshold!!'): out,
    with their own lines, unless one reads as a reference itself."""
    def indent(ln: str) -> int:
        return len(ln.expandtabs(4)) - len(ln.expandtabs(4).lstrip())

    refs = [indent(ln) for ln in lines if (m := _BULLET.match(ln)) and len(m.group(2)) > 40 and
            re.search(r"(?:1[5-9]|20)\d\d", m.group(2)) and re.match(r"[A-ZÀ-Þ]", m.group(2))]
    if len(refs) < 3:
        return lines
    base = min(refs)
    out = list(lines)
    note = -1  # the indent of the note block being dropped
    for i, ln in enumerate(lines):
        m = _BULLET.match(ln)
        if m:
            note = -1
            body = re.sub(r"\[\[[^\]]*\]\]|\(\([^)]*\)\)|\{\{[^}]*\}\}", "", m.group(2))  # links, block refs, macros
            ref_like = len(body) > 40 and re.search(r"(?:1[5-9]|20)\d\d", body) and re.match(r"[A-ZÀ-Þ]", body)
            if indent(ln) > base and not (len(body) > 60 and ref_like) or indent(ln) <= base and not ref_like:
                note = indent(ln)
                out[i] = ""
        elif note >= 0 and ln.strip() and indent(ln) > note:
            out[i] = ""  # a note's own next line
    return out


_PANDOC_FENCE = re.compile(r"^\s*:{3,}\s*(?:\{[^}]*\}|[\w-]+)?\s*:*\s*$")
_PANDOC_ATTRS = re.compile(r"\s*\{[#.][^{}]*\}\s*$")


def pandoc_markdown(text: str) -> str:
    """Pandoc's markdown: fenced divs (':::: {#refs .references}', '::: {#ref-x .csl-entry}') out, attributes
    off the headings ('# Literatur {#literatur .unnumbered}'), '--' in page ranges an en dash."""
    if ":::" not in text and "{#" not in text:
        return text
    out = []
    for ln in text.split("\n"):
        if _PANDOC_FENCE.match(ln):
            out.append("")
            continue
        if ln.lstrip().startswith("#"):
            ln = _PANDOC_ATTRS.sub("", ln)
        out.append(re.sub(r"(?<=\d)--(?=\d)", "–", ln))
    return "\n".join(out)


def notebook_text(text: str) -> str:
    """A Jupyter notebook (.ipynb): the text of its markdown and raw cells, a blank line between cells; the
    code and its output are left out. Not a notebook (or broken JSON): the text unchanged."""
    import json

    try:
        nb = json.loads(text)
    except ValueError:
        return text
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list):
        return text
    parts = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") in ("markdown", "raw"):
            src = cell.get("source", "")
            parts.append("".join(src) if isinstance(src, list) else str(src))
    return "\n\n".join(parts)


_TYPST_LINE = re.compile(r"^\s*#(?:(?:set|show|import|include|v|pagebreak|let|align|pad|grid)\b|(?:enum|figure|table)\()|"
                         r"^\s*(?:numbering|tight|spacing|columns|caption)\s*:|^\s*\)\s*,?\s*$")


def typst_source(text: str) -> str:
    """Typst source: comments (`//`, `/* */`, commented-out items stay out), settings and layout calls out,
    `#link("url")` its link, `#heading(...)[Title]` and `= Title` headings, an `#enum`'s `[...]` items a
    reference each, `_italic_` plain; a figure or table after the list is left out."""
    if not re.search(r"(?m)^\s*#(?:set|show|import|link|enum|heading)\b", text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    block = depth = 0
    enum = False
    for ln in lines:
        if block or "/*" in ln:  # a block comment, nested ones counted
            block += ln.count("/*") - ln.count("*/")
            out.append("")
            continue
        if re.match(r"^\s*//", ln) or depth or re.match(r"^\s*#(?:figure|table)\(", ln):
            depth += ln.count("(") - ln.count(")") if (depth or re.match(r"^\s*#(?:figure|table)\(", ln)) else 0
            out.append("")
            continue
        if _TYPST_LINE.match(ln):
            enum = bool(re.match(r"^\s*#enum\(", ln)) or enum and not re.match(r"^\s*\)\s*,?\s*$", ln)
            out.append("")
            continue
        ln = re.sub(r"#heading\([^)]*\)\[([^\]]*)\]", r"\1", ln)
        ln = re.sub(r"#text\([^)]*\)\[([^\]]*)\]", r"\1", ln)
        ln = re.sub(r'#link\("([^"]+)"\)(?:\[[^\]]*\])?', r"\1", ln)
        if enum:  # an item of #enum: "[Author, Title ...],"
            ln = re.sub(r"^\s*\[(?=\S)", "", ln)
            ln = re.sub(r"\]\s*,?\s*$", "", ln) if not re.search(r"\[[^\]]*\]\s*,?\s*$", ln) else ln
        ln = re.sub(r"^(\s*)[-+]\s+(?=\S)", r"\1", ln)  # a list's item: "- Name, Title ..."
        ln = re.sub(r"(?<![\w/])_([^_\n]+)_(?![\w/])", r"\1", ln)
        ln = re.sub(r"^(\s*)=+\s+(.*?)\s*(?:<[\w-]+>)?\s*$", r"\1\2", ln)  # "= Conclusions <conclusions>"
        out.append(ln)
    return "\n".join(out)
