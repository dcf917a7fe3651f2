"""Reference lists written in a markup language, turned into plain reference text before splitting.

* LaTeX's ``thebibliography``: each ``\\bibitem[label]{key}`` starts a reference; ``\\newblock``,
  ``\\emph{}``, accents (``{\\"o}``), ``~``, ``--``, ``\\url{}``, ``\\href{}{}``, ``\\doi{}`` and
  comments are read the way LaTeX prints them (accents through :func:`refkit.bib.latex.decode`).
* reStructuredText citations: ``.. [Key] text`` with indented continuation lines; ``*emphasis*``,
  ``**strong**``, ``\\`\\`literal\\`\\``` and section underlines go.
* Org mode: ``[[url][text]]`` links keep their URL, ``/italic/`` loses its slashes, ``#+KEYWORD:``
  lines go and ``* Heading`` lines become headings.

Each function returns the text unchanged when it is not in its markup, and keeps the line count
(a reference stands on the line where it starts), so that messages still point at the right line.
"""

from __future__ import annotations

import re

_BIBITEM = re.compile(r"\\bibitem\s*(?:\[(?:[^\[\]{}]|\{[^{}]*\})*\])?\s*\{[^{}]*\}")
_COMMENT = re.compile(r"(?<!\\)%.*$")
_ENV = re.compile(r"\\(?:begin|end)\{thebibliography\}(?:\{[^{}]*\})?")


def latex_bibliography(text: str) -> str:
    """'\\bibitem{planck1901} M.~Planck, ``{\\"U}ber ...'' ...' -> 'M. Planck, “Über ...” ...', one
    reference a line, on the line of its ``\\bibitem``."""
    if "\\bibitem" not in text:
        return text
    from refkit.bib.latex import decode

    lines = [_COMMENT.sub("", ln) for ln in text.split("\n")]
    starts = [i for i, ln in enumerate(lines) if re.search(r"\\bibitem\b", ln)]  # its [label] may go on over lines
    if not starts:
        return text
    out = [""] * len(lines)
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        chunk = " ".join(lines[i:end])
        chunk = _BIBITEM.sub(" ", chunk, count=1)
        chunk = _ENV.split(chunk)[0]  # what follows \end{thebibliography} is not this reference
        out[i] = _plain_latex(chunk, decode)
    return "\n".join(out)


def _plain_latex(s: str, decode) -> str:  # noqa: ANN001 - refkit.bib.latex.decode
    s = re.sub(r"\\doi\s*\{([^{}]*)\}", r"doi:\1", s)
    s = re.sub(r"\\href\s*\{([^{}]*)\}\s*\{([^{}]*)\}", lambda m: m.group(2) if "10." in m.group(2) else m.group(1), s)
    s = re.sub(r"\\url\s*\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"\\hskip[^\\]*\\relax|\\newblock|\\penalty\d+|\\(?:small|footnotesize)\b", " ", s)
    try:
        s = decode(s)
    except Exception:  # noqa: BLE001 - a malformed fragment: keep the raw text rather than fail
        pass
    s = re.sub(r"(?<!\\)[{}]", "", s)
    return " ".join(s.split())


_LATEX_SIGNS = re.compile(r"\\(?:emph|textit|textbf|doi|url|href|em|it|bf|etalchar|textsc)\b|\{\\[\"'`^~=.ckvuHAaOo]|[A-Za-z.]~[A-Z]|\d--\d")


def latex_leftovers(text: str) -> str:
    """A list printed from BibTeX with its LaTeX kept ('K.~J. {\\AA}str{\\"o}m ... \\emph{Title} ...
    86:1303--1325, 2021. \\doi{10.1/x}', 'bib2txt' output, an alpha style's '[BPC{\\etalchar{+}}11]'
    labels): each line read as LaTeX prints it, its indentation kept (hanging lines tell references apart)."""
    if "\\bibitem" in text or len(_LATEX_SIGNS.findall(text)) < 5:
        return text
    from refkit.bib.latex import decode

    out = []
    for ln in text.split("\n"):
        if not _LATEX_SIGNS.search(ln) and "{" not in ln and "}" not in ln:
            out.append(ln)
            continue
        lead = ln[:len(ln) - len(ln.lstrip())]
        s = re.sub(r"\\etalchar\s*\{([^{}]*)\}", r"\1", ln)
        s = re.sub(r"\\(?:emph|textit|textbf|textsc|texttt|mbox)\s*\{|\\(?:em|it|bf|sc)\b\s*", "{", s)
        s = s.replace("\\_", "_")
        out.append(lead + _plain_latex(s, decode))
    return "\n".join(out)


_RST_CITATION = re.compile(r"^(?P<indent>[ \t]*)\.\.\s+\[(?P<key>[^\]]+)\]\s+(?P<rest>.*)$")
_RST_UNDERLINE = re.compile(r"^\s*([=\-~^\"'`#*+])\1{3,}\s*$")


def rst_citations(text: str) -> str:
    """'.. [Harris2020] Harris, C. R., ... *Nature* **585**, ...' with indented continuations -> one
    plain reference a line. Citations may be indented themselves: numpydoc's "References" sections
    inside a module's docstrings. When several such sections sit among code or prose (the numbering
    starting again in each), the citations are the references and everything else is dropped."""
    if not re.search(r"^[ \t]*\.\.\s+\[[^\]]+\]\s", text, re.M):
        return text
    lines = text.split("\n")
    out = list(lines)
    cited: list[int] = []
    i = 0
    while i < len(lines):
        m = _RST_CITATION.match(lines[i])
        if m:
            parts = [m.group("rest")]
            indent = len(m.group("indent").expandtabs())
            j = i + 1
            while j < len(lines) and lines[j].strip() and len(lines[j]) - len(lines[j].lstrip()) > indent \
                    and not _RST_CITATION.match(lines[j]):
                parts.append(lines[j].strip())
                out[j] = ""
                j += 1
            out[i] = _plain_rst(" ".join(parts))
            cited.append(i)
            i = j
            continue
        if re.match(r"^\.\.\s+[\w-]+::", lines[i]):  # a directive ('.. note::') and its indented body
            out[i] = ""
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or re.match(r"\s", lines[j])):
                out[j] = ""
                j += 1
            i = j
            continue
        if _RST_UNDERLINE.match(lines[i]) or re.match(r"^\.\.\s+_[^:]+:\s*$", lines[i]):
            out[i] = ""  # section over- and underlines, link targets
        i += 1
    if _restarts(lines, cited):
        keep = set(cited)
        out = [ln if k in keep else "" for k, ln in enumerate(out)]
    return "\n".join(out)


def _restarts(lines: list[str], cited: list[int]) -> bool:
    """Several citation blocks apart from each other, a label used again: "[1]" in every docstring."""
    labels = [_RST_CITATION.match(lines[i]).group("key") for i in cited]  # type: ignore[union-attr]
    blocks = sum(1 for a, b in zip(cited, cited[1:], strict=False) if b - a > 12)
    return blocks >= 1 and len(set(labels)) < len(labels)


def _plain_rst(s: str) -> str:
    s = re.sub(r":(doi|pmid|arxiv):`([^`]+)`", lambda m: f"{m.group(1)}:{m.group(2)}", s, flags=re.I)  # Sphinx roles
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", s)
    s = re.sub(r"``(.+?)``", r"\1", s)
    s = re.sub(r"`([^`<]+?)\s*<([^>]+)>`_", r"\1 \2", s)  # `text <url>`_
    return " ".join(s.split())


_ADOC_ATTRIBUTE = re.compile(r"^:([\w-]+):\s*(.*)$")
_ADOC_ANCHOR = re.compile(r"\[\[\[[^\]]*\]\]\]\s*")
_ADOC_LINK = re.compile(r"(?:link:)?((?:https?://|mailto:)[^\s\[]+)\[[^\]]*\]")


def asciidoc(text: str) -> str:
    """An AsciiDoc bibliography ('* [[[key,Label]]] Name. _Title_. ... {doi}10.1/x[doi:10.1/x]') -> plain
    references: document attributes ('{doi}') put in, anchors, comment blocks, admonitions, sidebars
    and block attributes taken out, 'URL[text]' links kept as their URL, '== Heading' as a heading."""
    if "[[[" not in text and not re.search(r"^\[bibliography\]", text, re.M):
        return text
    lines = text.split("\n")
    attrs: dict[str, str] = {}
    out: list[str] = []
    block = ""
    for ln in lines:
        if block:  # inside "////" (a comment) or "****" (a sidebar) until its closing line
            out.append("")
            if ln.strip() == block:
                block = ""
            continue
        if ln.strip() in ("////", "****"):
            block = ln.strip()
            out.append("")
            continue
        m = _ADOC_ATTRIBUTE.match(ln)
        if m or ln.startswith("//") or re.match(r"^\[[\w.#%,=\s\"-]*\]\s*$", ln) or \
                re.match(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s", ln):
            if m:
                attrs[m.group(1)] = m.group(2).strip()
            out.append("")
            continue
        ln = re.sub(r"\{([\w-]+)\}", lambda a: attrs.get(a.group(1), a.group(0)), ln)
        ln = _ADOC_LINK.sub(r"\1", _ADOC_ANCHOR.sub("", ln))
        ln = re.sub(r"(?<![\w/])_(?=\S)(.+?)(?<=\S)_(?![\w/])", r"\1", ln)  # _italic_
        ln = re.sub(r"^(=+)\s+(?=\S)", lambda h: "#" * len(h.group(1)) + " ", ln)
        out.append(ln)
    return "\n".join(out)


_ORG_LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]*)\])?\]")


def org_markup(text: str) -> str:
    """Org mode's '[[https://doi.org/X][X]]' links, '/italic/', '#+TITLE:' lines and '* Headings'."""
    if not (re.search(r"^#\+[A-Z_]+:", text, re.M) or "[[http" in text):
        return text
    out = []
    shut = 0  # the level of a "** COMMENT" subtree or of "* Footnotes", which Org leaves out of an export
    for ln in text.split("\n"):
        hm = re.match(r"^(\*+)\s+(.*)$", ln)
        if hm and (not shut or len(hm.group(1)) <= shut):
            shut = len(hm.group(1)) if re.match(r"(?:COMMENT\b|Footnotes\s*$)", hm.group(2)) else 0
        if shut or re.match(r"^#\+[A-Za-z_]+:", ln) or re.match(r"^\[fn:[\w-]+\]", ln):
            out.append("")
            continue
        ln = _ORG_LINK.sub(lambda m: m.group(1) if not m.group(2) or "10." not in m.group(2) or
                           "doi.org" in m.group(1) else m.group(2), ln)
        ln = re.sub(r"(?<![\w/:])/(?=\S)([^/\n]{2,200}?)(?<=\S)/(?=[\s.,;:)]|$)", r"\1", ln)
        ln = re.sub(r"^\*+\s+(?=\S)", "# ", ln) if re.match(r"^\*+\s+[A-Z][^.]{0,60}$", ln) else ln
        out.append(ln)
    return "\n".join(out)


_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M)
_MD_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)")
_COLUMNS = (("authors", r"authors?|names?|by|autor(?:en)?|auteurs?"), ("year", r"year|date|jahr|année|published"),
            ("title", r"title|paper|papers|publication|work|titel|titre|article|name"),
            ("venue", r"venue|journal|conference|source|in|published in|book|publisher|zeitschrift"),
            ("links", r"doi|links?|url|pdf|code|paper link|dataset"))


def _cells(line: str) -> list[str]:
    t = line.strip()
    t = t[1:] if t.startswith("|") else t
    t = t[:-1] if t.endswith("|") else t
    return [c.strip() for c in re.split(r"(?<!\\)\|", t)]


def markdown_tables(text: str) -> str:
    """A markdown table of papers ('| Title | Authors | Venue | Year | DOI |'): each row becomes one
    reference, its cells put in the order references are printed (authors, year, title, venue, links;
    a link keeps its URL), on the row's line as a bullet; the header and the rule line go."""
    if "|" not in text or not _TABLE_SEP.search(text):
        return text
    lines = text.split("\n")
    out = list(lines)
    for k, ln in enumerate(lines):
        if not _TABLE_SEP.match(ln) or k == 0 or "|" not in lines[k - 1]:
            continue
        head = [c.lower().strip("*_ ") for c in _cells(lines[k - 1])]
        kinds = [next((kind for kind, rx in _COLUMNS if re.fullmatch(rx, h)), "") for h in head]
        out[k - 1] = out[k] = ""
        j = k + 1
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            cells = _cells(lines[j])
            parts: dict[str, list[str]] = {}
            for c, kind in zip(cells, kinds + [""] * (len(cells) - len(kinds)), strict=False):
                c = _MD_LINK.sub(lambda m: m.group(2) if re.search(r"10\.\d{4,}/|doi|^\W*$|pdf|link|code|paper",
                                                                   m.group(1), re.I) else f"{m.group(1)} {m.group(2)}", c)
                c = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), c).strip(" ·—-")
                if c and c not in ("—", "-", "n/a", "N/A"):
                    parts.setdefault(kind or "other", []).append(c.rstrip("."))
            order = [("authors", "{}"), ("year", "({})"), ("title", "{}"), ("other", "{}"), ("venue", "{}"), ("links", "{}")]
            pieces = [fmt.format(", ".join(parts[kind])) for kind, fmt in order if kind in parts]
            out[j] = "- " + ". ".join(pieces) + "." if pieces else ""
            j += 1
    return "\n".join(out)


_SCHOLAR_END = re.compile(r"^\s*(?:☆\s*)?(?:Save\s+)?Cite\b.*(?:Cited by \d|Related articles|All \d+ versions)|"
                          r"^\s*(?:Cited by \d+\s+)?Related articles(?:\s+All \d+ versions)?\s*$")
_SCHOLAR_BYLINE = re.compile(r"^(?P<a>[^-–]{2,200}?)\s+[-–]\s+(?:(?P<v>.+?),\s*)?(?P<y>(?:1[5-9]|20)\d\d)?\s*[-–]\s+\S+\s*$")
_SCHOLAR_TAG = re.compile(r"^\s*\[(?:PDF|HTML|BOOK|CITATION|C|B|DOC|PS)\]\s*")


def scholar_results(text: str) -> str:
    """A page of Google Scholar results: title, 'A Author, B Author - Venue, 2015 - host', snippet,
    'Save Cite Cited by 123 ...'. Each result becomes 'Authors. Title. Venue, Year.' on its title's line."""
    lines = text.split("\n")
    ends = [i for i, ln in enumerate(lines) if _SCHOLAR_END.match(ln)]
    if len(ends) < 2:
        return text
    out = [""] * len(lines)
    start = 0
    for e in ends + [len(lines)]:
        block = list(range(start, e))
        by = next((i for i in block if _SCHOLAR_BYLINE.match(lines[i].strip()) and i > start), None)
        if by is not None:
            m = _SCHOLAR_BYLINE.match(lines[by].strip())
            assert m is not None
            t = by - 1
            title = _SCHOLAR_TAG.sub("", lines[t]).strip()
            if re.fullmatch(r"\S+\.\w{2,4}", title) and t - 1 >= start:  # "[PDF] nature.com" stood above
                title = _SCHOLAR_TAG.sub("", lines[t - 1]).strip()
            venue = (m.group("v") or "").strip(" …")
            parts = [m.group("a").strip(" …"), title] + ([venue] if venue else []) + ([m.group("y")] if m.group("y") else [])
            out[t] = ". ".join(p.rstrip(".") for p in parts[:2]) + ". " + ", ".join(parts[2:]) + "."
        elif start < e:
            for i in block:  # no byline: what stands there is kept as it is
                out[i] = lines[i]
        start = e + 1
    return "\n".join(out)


_LIBRARY_HEADER = re.compile(r"^\s*Title\s*\t\s*Cited by\s*\t\s*Year\s*$", re.M)
_LIBRARY_ROW = re.compile(r"^(?P<v>[^\t]*)\t\s*(?:[\d,]+\s*\*?)?\s*(?:\t\s*(?P<y>(?:1[5-9]|20)\d\d))?\s*$")


def scholar_library(text: str) -> str:
    """Google Scholar's 'My library' table copied as text: under 'Title / Cited by / Year', each work is
    its title, its authors ('J Ho, A Jain, P Abbeel'), then 'Venue ⇥ cites ⇥ year'. Each becomes
    'Authors. Title. Venue, Year.' on its title's line; the page's menus before the table go."""
    head = _LIBRARY_HEADER.search(text)
    if head is None:
        return text
    lines = text.split("\n")
    first = text[:head.start()].count("\n") + 1
    out = [""] * len(lines)
    i = first
    while i + 2 < len(lines) + 1:
        rows = [k for k in range(i, min(len(lines), i + 4)) if lines[k].strip() or "\t" in lines[k]]
        row = next((k for k in rows if "\t" in lines[k]), None)
        if row is None or row - i < 2 or "\t" in lines[i] or "\t" in lines[row - 1]:
            break
        m = _LIBRARY_ROW.match(lines[row])
        if m is None:
            break
        title, names = lines[row - 2].strip(), re.sub(r",\s*(?:\.\.\.|…)\s*$", ", et al.", lines[row - 1].strip())
        if names.count(", ") == 1:
            names = names.replace(", ", " and ")  # "P Dhariwal and A Nichol": two names, not a name and a title
        venue = m.group("v").strip(" …").rstrip(".")
        tail = ", ".join(x for x in (venue, m.group("y")) if x)
        out[row - 2] = f"{names.rstrip('.')}. {title.rstrip('.')}." + (f" {tail}." if tail else "")
        i = row + 1
    out[i:] = ["" if re.fullmatch(r"\s*(?:Show more|Articles\s+\d+\s*[–-]\s*\d+|Export|Delete)\s*", ln) else ln
               for ln in lines[i:]]  # the table's foot: "Show more", "Articles 1–18"
    return "\n".join(out)


_S2_MARKS = re.compile(r"^\s*(?:TLDR|Expand|Highly Influential|PDF|Save|Alert|Cite)\s*$|^\s*[\d,]+\s*$")
_S2_AUTHORS = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.\-]*\s+){1,3}[A-ZÀ-Þ][\w'’\-]+(?:,\s+(?:\+\d+\s+authors\s+)?"
                         r"(?:[A-ZÀ-Þ][\w'’.\-]*\s+){1,3}[A-ZÀ-Þ][\w'’\-]+)*\s*$")
_S2_DATE = re.compile(r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(?:1[5-9]|20)\d\d\s*$")
# the page's own words around the cards: the tab bar, the filters, the sort order
_S2_FURNITURE = re.compile(r"^\s*(?:Citation Type|Has PDF|Author|More Filters|Sort by [A-Z][\w ]*|Figures and Tables|"
                           r"(?:Citations|References)\s*\([\d,]+\)|[\d,]+\s+(?:References|Citations))\s*$")


def semantic_scholar_results(text: str) -> str:
    """A page of Semantic Scholar results: title, authors ('+5 authors'), field, venue, date, 'TLDR',
    summary, 'Expand', counts, 'PDF'. Each result becomes 'Authors. Title. Venue, Date.'"""
    lines = text.split("\n")
    if sum(1 for ln in lines if ln.strip() in ("TLDR", "Expand")) < 3:
        return text
    out = [""] * len(lines)
    i = 0
    while i < len(lines) - 1:
        ln, nxt = lines[i].strip(), lines[i + 1].strip()
        if ln and not _S2_MARKS.match(ln) and not _S2_FURNITURE.match(ln) and not _S2_FURNITURE.match(nxt) and \
                _S2_AUTHORS.match(nxt.replace("…", "")):
            j = i + 2
            venue, date = "", ""
            while j < len(lines) and j < i + 6 and lines[j].strip() != "TLDR":
                if _S2_DATE.match(lines[j]):
                    date = lines[j].strip()
                elif lines[j].strip().endswith(" Expand") or _S2_MARKS.match(lines[j]):
                    break  # the abstract (no TLDR over it) and what follows it
                elif lines[j].strip() and j > i + 2:
                    venue = lines[j].strip(" …")
                j += 1
            names = re.sub(r",?\s*\+\d+\s+authors\s.*", ", et al.", nxt).rstrip(",")  # "+5 authors Z": and others
            if "et al." not in names and "," in names:
                names = re.sub(r",\s*(?=[^,]*$)", " and ", names)  # "A, B, C" -> "A, B and C": the list ends
            out[i] = f"{names}. {ln.rstrip('.')}. " + ", ".join(x for x in (venue, date) if x) + "."
            i = j
            continue
        i += 1
    return "\n".join(out)


_WOS_TAG = re.compile(r"^([A-Z][A-Z0-9]) (.*)$")


def wos_cited(text: str) -> str:
    """A Web of Science plain-text export ('PT J' / 'AU ...' / 'CR ...' / 'ER'): the references are the cited
    ones of its records' CR fields, one a line; the records' own fields (title, abstract, its own DOI) are none."""
    out: list[str] = []
    tag = ""
    for ln in text.split("\n"):
        m = _WOS_TAG.match(ln)
        if m:
            tag = m.group(1)
            if tag == "CR":
                out.append(m.group(2).strip())
        elif ln.startswith("   ") and tag == "CR" and ln.strip():
            out.append(ln.strip())
        elif ln.strip() in ("ER", "EF"):
            tag = ""
    # "DOI [10.1016/x, DOI 10.1016/X]": the same DOI twice, as WoS merges two records' forms
    return "\n".join(re.sub(r"\bDOI \[([^,\]]+)(?:,[^\]]*)?\]", r"DOI \1", ln) for ln in out)


_R_CITE = re.compile(r"^\s*To cite (?:package )?\S+ in publications,? (?:please )?use:?", re.M | re.I)
_R_OTHER = re.compile(r"^(?:>|\+ |A BibTeX entry|Warning message|ATTENTION|R version|Platform:|Running under|Matrix products|"
                      r"Please cite|Use the following)")


def r_citations(text: str) -> str:
    """R's console after 'citation("pkg")': the indented citation under 'To cite X in publications use:' is the
    reference; the BibTeX entry that repeats it, the prompts, warnings and 'sessionInfo()' are not. R's
    '_Title_' is a title in italics."""
    out: list[str] = []
    reading = False
    for ln in text.split("\n"):
        if _R_CITE.match(ln):
            reading = True
            out.append("")
        elif _R_OTHER.match(ln) or ln.strip() and not ln.startswith("  "):
            reading = False
            out.append("")
        elif reading:
            out.append(ln.strip())
        else:
            out.append("")
    return re.sub(r"(?<![\w_])_(\S[^_]*?\S)_(?![\w_])", r"\1", "\n".join(out))


_PATENT_HEAD = re.compile(r"^\s*(?:(?:Non-)?Patent Citations|Family To Family Citations)(?:\s*\(\d+\))?\s*$", re.I)
_PATENT_STOP = re.compile(r"^\s*(?:Cited By|Similar Documents|Priority And Related Applications|Legal Events|Concepts|"
                          r"Info|Description|Claims)(?:\s*\(\d+\))?\s*$", re.I)


def patent_citations(text: str) -> str:
    """A Google Patents page copied from the browser: the rows of 'Patent Citations (N)' (publication number,
    dates, assignee and title, split by tabs) and the lines of 'Non-Patent Citations (N)' are the references,
    one a line; 'Cited By', 'Similar Documents', the claims and the examiner's marks are not."""
    out: list[str] = []
    reading = False
    for ln in text.split("\n"):
        t = ln.strip()
        if _PATENT_HEAD.match(t):
            reading = reading or not t.lower().startswith("family")  # (the family's citations under "Cited By" are not)
            out.append("")
            continue
        if _PATENT_STOP.match(t):
            reading = False
        if not reading or not t or re.match(r"(?:Publication number\t|Title$|\* Cited by examiner)", t):
            out.append("")
            continue
        t = re.sub(r"\s+[*†‡]$", "", t)  # the examiner's "*", the third party's "†"
        cells = [c.strip() for c in t.split("\t")]
        if len(cells) >= 5 and re.fullmatch(r"[A-Z]{2}\d[\dA-Z]{4,}(?:\s*[*†])?", cells[0]):  # number, dates, assignee, title
            number = re.sub(r"\s*[*†]$", "", cells[0])
            t = f"{cells[3]} ({cells[2][:4]}). {cells[4]} (Patent No. {number})."
        out.append(t)
    return "\n".join(out)


_SCOPUS_FIELD = re.compile(r"^(?:AFFILIATIONS|ABSTRACT|AUTHOR KEYWORDS|INDEX KEYWORDS|PUBLISHER|ISSN|ISBN|CODEN|"
                           r"LANGUAGE OF ORIGINAL DOCUMENT|ABBREVIATED SOURCE TITLE|DOCUMENT TYPE|PUBLICATION STAGE|SOURCE|"
                           r"EXPORT DATE|CORRESPONDENCE ADDRESS|REFERENCES|FUNDING DETAILS|FUNDING TEXT(?: \d+)?|EDITORS|"
                           r"SPONSORS|CONFERENCE (?:NAME|DATE|LOCATION|CODE)|PUBMED ID|OPEN ACCESS|CHEMICALS/CAS|TRADENAMES|"
                           r"MANUFACTURERS|MOLECULAR SEQUENCE NUMBERS|ART\. NO\.):")


def scopus_records(text: str) -> str:
    """A Scopus text export: each record's authors, title, '(2017) Journal, 143, pp. 757-768.' and DOI are the
    reference; its labelled fields (AFFILIATIONS:, ABSTRACT:, PUBLISHER:, ... SOURCE: Scopus), the record's
    Scopus link and 'Cited 4521 times.' are not."""
    out: list[str] = []
    for ln in text.split("\n"):
        if _SCOPUS_FIELD.match(ln.strip()) or re.match(r"\s*https?://www\.scopus\.com/", ln) or ln.strip() == "Scopus":
            continue  # (left out, not blanked: the record's DOI line stays with it)
        out.append(re.sub(r"\s*Cited \d+ times?\.", "", ln))
    return "\n".join(out)


def plain(text: str) -> str:
    """All of them, in turn (each leaves text not in its markup alone)."""
    if len(re.findall(r"(?m)^SOURCE: Scopus\s*$", text)) >= 1 and re.search(r"(?m)^(?:AFFILIATIONS|DOCUMENT TYPE):", text):
        return scopus_records(text)
    if re.search(r"(?m)^(?:Non-)?Patent Citations \(\d+\)\s*$", text):
        return patent_citations(text)
    if _R_CITE.search(text):
        return r_citations(text)
    if re.search(r"(?m)^PT [A-Z]\s*$", text) and re.search(r"(?m)^CR ", text) and re.search(r"(?m)^(?:ER|AU|TI) ?", text):
        return wos_cited(text)
    text = markdown_tables(org_markup(rst_citations(asciidoc(latex_leftovers(latex_bibliography(text))))))
    if "Cite" in text or "Related articles" in text:
        text = scholar_results(text)
    if "TLDR" in text:
        text = semantic_scholar_results(text)
    if "Cited by\t" in text:
        text = scholar_library(text)
    return text
