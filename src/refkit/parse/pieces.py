"""What one piece of a split list holds, and what is not a reference at all.

* Chemistry's lettered parts ('3 (a) ...; (b) ...') and complete references run together with
  semicolons are references of their own.
* A README's fenced BibTeX entries are read as they are, when they stand inside the list.
* A reading list's own words (a date stamp, 'Code: https://...', a remark, a line of prose, an
  abstract), an annotated bibliography's comments after each entry, are skipped and reported.

Called by :mod:`refkit.parse.split` on the references it found; pure functions over its records.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from refkit.parse.starts import NAME_PERIOD_RE, NUMBER_RE, YEAR_RE, looks_like_start, starts_strictly

if TYPE_CHECKING:
    from refkit.parse.raw import RawReference, Skipped, Split


def with_fenced(split: Split, fenced: list[RawReference], project: str = "") -> Split:
    """BibTeX entries in a README's code blocks are references of the README like the others, but for
    a work the list already holds (same DOI or title: reported as cited again) and the project's own
    software entry ('@software{segkit, ...}' in the README of segkit), which is reported."""
    from refkit.parse.raw import Skipped, Split
    if not split.refs:
        return Split(fenced, split.skipped, heading=split.heading) if fenced else split
    texts = [" ".join(r.text.lower().split()) for r in split.refs]
    keep: list[RawReference] = []
    for f in fenced:
        e = f.entry
        doi = (e.fields.get("DOI", "") if e is not None else "").lower()
        title = " ".join(re.findall(r"\w+", (e.fields.get("title", "") if e is not None else "").lower()))
        again = next((r for r, t in zip(split.refs, texts, strict=True) if doi and doi in t or
                      len(title) > 12 and title in " ".join(re.findall(r"\w+", t))), None)
        name = " ".join(re.findall(r"\w+", project.lower()))
        own = e is not None and bool(name) and e.type in ("software", "misc", "online", "dataset") and (
            title == name or project.lower() in e.fields.get("URL", "").lower().rstrip("/").split("/")[-1:])
        if again is not None:
            split.skipped.append(Skipped(f.line, f.text, f"a BibTeX entry for the work of line {again.line}"))
        elif own:
            split.skipped.append(Skipped(f.line, f.text, f"the project's own entry ({project}); 'refkit convert' reads it"))
        else:
            keep.append(f)
    split.refs = sorted(split.refs + keep, key=lambda r: r.line)
    split.skipped.sort(key=lambda k: k.line)
    return split


_FENCE_RE = re.compile(r"^(?P<f>```|~~~)[ \t]*(?P<lang>[\w+-]*)[ \t]*\n(?P<body>.*?)^(?P=f)[ \t]*$", re.M | re.S)
# an indented code block of BibTeX ("    @inproceedings{ho2020, ...}") and an inline one ("`@article{x, ...}`")
_INDENTED_RE = re.compile(r"(?:^(?:    |\t)[ \t]*@[A-Za-z]+\s*\{[^\n]*\n(?:(?:(?:    |\t)[^\n]*|[ \t]*)\n)*)", re.M)
_INLINE_RE = re.compile(r"`(?P<body>@[A-Za-z]+\s*\{[^`]{10,2000}\})`")


def readme_project(text: str) -> str:
    """The name a README gives itself in its first heading ('# segkit' -> 'segkit')."""
    m = re.search(r"^#\s+(\S[^\n]{0,60}?)\s*$", text, re.M)
    return m.group(1).strip() if m else ""


def fenced_bibtex(text: str) -> tuple[str, list[RawReference]]:
    """Code blocks holding BibTeX entries ('```bibtex' in a README, an indented block, an inline
    '`@article{...}`'): their entries, read by refkit's BibTeX reader, and the text with those blocks
    blanked (line numbers kept)."""
    from refkit.bib import bibtex
    from refkit.parse.raw import RawReference

    found: list[RawReference] = []

    def entries_of(body: str, start: int) -> list[RawReference]:
        entries, _problems = bibtex.loads(body)
        line = text.count("\n", 0, start) + 1
        return [RawReference(f"@{e.type}{{{e.id}, ...}}", line, lines=body.count("\n"),
                             reason="a BibTeX entry in a code block", entry=e) for e in entries]

    def take(m: re.Match[str]) -> str:
        body = m.group("body")
        if not re.search(r"^[ \t]*@[A-Za-z]+\s*[{(]", body, re.M) or m.group("lang").lower() not in (
                "", "bibtex", "bib", "biblatex", "latex", "tex", "text"):
            return m.group(0)
        got = entries_of(body, m.start() + len(m.group(0).split("\n", 1)[0]) + 1)
        found.extend(got)
        return "\n" * m.group(0).count("\n") if got else m.group(0)

    def take_plain(m: re.Match[str]) -> str:
        got = entries_of(m.group(0), m.start())
        found.extend(got)
        return "\n" * m.group(0).count("\n") if got else m.group(0)

    text = _FENCE_RE.sub(take, text)
    if "    @" in text or "\t@" in text:
        text = _INDENTED_RE.sub(take_plain, text)
    if "`@" in text:
        lines = text.split("\n")
        for i, ln in enumerate(lines):  # "* CPA — `@article{...}`": the line goes with its entry
            m = _INLINE_RE.search(ln)
            if m and len(re.findall(r"\w+", ln[:m.start()] + ln[m.end():])) <= 4:
                got = entries_of(m.group("body"), sum(len(x) + 1 for x in lines[:i]))
                if got:
                    found.extend(got)
                    lines[i] = ""
        text = "\n".join(lines)
    found.sort(key=lambda r: r.line)
    return text, found


_STAMP_RE = re.compile(r"(?i)^\s*(?:last\s+(?:updated|modified|revised)|updated|stand|zuletzt\s+aktualisiert|"
                       r"(?:notebook\s+)?last\s+(?:executed|run|built|rendered)|generated\s+(?:on|by)|rendered\s+on|"
                       r"mis\s+à\s+jour|actualizado)\b\s*:?")
_RESOURCE_RE = re.compile(r"(?i)^\s*(?:code|data|slides|video|pdf|preprint|project\s+page|website|github|repository|"
                          r"demo|poster|talk)\s*:\s*(?:https?://|www\.)\S+")
_ABSTRACT_RE = re.compile(r"(?i)^(?:abstract|summary|riassunto|sommario|résumé|resumen|resumo|zusammenfassung|"
                          r"samenvatting|sammanfattning|tiivistelmä|streszczenie|аннотация|özet)\s*[.:]\s+\S")
_VERSION_LEAD_RE = re.compile(r"(?i)^\s*(?:(?:published|preprint|journal|conference|arxiv)\s+version|"
                              r"see\s+also(?:\s+the\s+[\w\-]+(?:\s+[\w\-]+)?)?|follow-up|extended\s+version)\s*:\s*")
_ADDRESS_RE = re.compile(r"\b(?:Dipartimento|Department|Dept\.|Institut[eo]?|Università|Universität|Universidad|Universidade|"
                         r"Université|Faculty|Fakultät|Lehrstuhl|Laboratoire|School\s+of|E-?mail|Corresponding\s+author)\b")
_NAMEISH_RE = re.compile(r"[A-ZÀ-Þ][\w'’\-]+,\s+[A-ZÀ-Þ]|^[A-Z]{1,2}\s[A-ZÀ-Þ][a-zà-ÿ'’\-]+\.\s")  # (Scholar's "S Ermon. Title")


# Wikipedia's and Harvard notes' short citations: "Pethick & Smith 2008, p. 42.", "Hobsbawm (1994), 12."
_SHORT_CITE_RE = re.compile(r"(?P<family>[A-ZÀ-Þ][\w'’\-]+)(?:\s(?:&|and|und)\s[A-ZÀ-Þ][\w'’\-]+|\set\s+al\.)?,?\s"
                            r"\(?(?P<year>(?:1[5-9]|20)\d\d)[a-z]?\)?(?:,\s*(?:pp?\.|S\.)?\s*[\divxlc]+(?:\s*[-–]\s*\d+)?)?\.?$")


_UNIT_AFTER = re.compile(r"\s*(?:hours?|h\b|°|K\b|cycles|nm|min\b|days|ppm|rpm|mA|cm|mg|ml|mL|µ)")  # "after 2000 hours": no year


# a syllabus's or reader's sessions: "Week 3 (Sept 10 & 12) — ...", "Sitzung 4: ...", "Session 2 –", "Lecture 5."
_SESSION_HEADING = re.compile(r"^(?:Week|Woche|Session|Sitzung|Lecture|Class|Module|Unit|Topic|Day|Semaine|Séance|Seminar|"
                              r"Vorlesung|Termin)\s+\d{1,2}\b\s*(?:\([^)]{0,40}\)\s*)?(?:[-–—:.]|$)", re.I)


def _note_to_self(t: str) -> bool:
    """'Does the fibre effect hold beyond loamy sand? (Lozano et al. 2021 ...)', 'Ask Matthias re: ...', 'Rauscher
    et al. 2023??', a chat answer's closing '3. suggest search terms for (2022–2024) studies?'."""
    if re.search(r"https?://|www\.|\b10\.\d{4,}/", t):
        return False
    return bool(re.match(r"(?:Ask|TODO|Todo|To do|Look up|Find)\b", t) or re.search(r"[^\W\d_]{3}[^?]*\?\?", t) or
                re.match(r"(?:Check|Does|Do|Is|Are|Should|Can|Could|Would)\b", t) and "?" in t or
                t.endswith("?") and re.match(r"[a-z]+\s", t) and not re.match(r"\S+,", t) and not re.search(r"\bpp?\.\s*\d", t))


def not_references(refs: list[RawReference], skipped: list[Skipped]) -> list[RawReference]:
    """A reading list's own words between its references: a date stamp ('Last updated: March 2024'),
    a resource link ('Code: https://github.com/...'), a line of prose or a short remark with no number,
    link or name in it ('Optional but highly recommended.'). Unnumbered entries only; what is taken
    out is reported. 'Published version: ' before a reference is dropped from it."""
    from refkit.parse.raw import Skipped
    out: list[RawReference] = []
    for k, r in enumerate(refs):
        t = r.text.strip()
        why = ""
        sc = _SHORT_CITE_RE.match(t) if len(t) < 80 and r.entry is None else None
        full: RawReference | None = next((o for o in out if sc and o.text.lstrip("^ ").startswith(sc.group("family")) and
                     sc.group("year") in o.text), None) if sc else None
        if full is not None:
            skipped.append(Skipped(r.line, t, f"a short citation of the reference on line {full.line}"))
            continue
        if r.number and r.entry is None and not any(not _UNIT_AFTER.match(t, y.end()) for y in YEAR_RE.finditer(t)) and \
                not _NAMEISH_RE.search(t) and \
                not re.search(r"https?://|www\.|\b10\.\d{4,}/|\d+\s*[-–]\s*\d+|\bIn\b|\bpp?\.", t):
            words = re.findall(r"[^\W\d_]+", t)
            if len(words) >= 4 and sum(w[0].islower() for w in words) >= 0.4 * len(words) and (
                    re.match(r"(?:See|Cf\.|For|This|These|Those|The|We|Our|Note|Details|Data|Crystallographic|"
                             r"Calculations?|Unpublished|Personal)\b", t) or
                    re.search(r"\b(?:have|has) been\b|\bfor details\b|\b(?:were|was|is|are)\b", t)):
                skipped.append(Skipped(r.line, t, "a note among the references, not a reference (no year, name or link)"))
                continue  # ACS's "(19) See the Supporting Information for details."
        if r.entry is None and re.search(r"(?i)\bcitations?\b.{0,20}\bh-index\b|\bh-index\s*:?\s*\d", t):
            skipped.append(Skipped(r.line, t, "a citation count, not a reference"))
            continue  # a CV's "Google Scholar: 1,146 citations, h-index 14 (March 2024)"
        if r.entry is None and len(re.findall(r"\[\d{1,3}\]", t)) >= 3 and not re.search(r"\b(?:1[5-9]|20)\d\d\b", t):
            skipped.append(Skipped(r.line, t, "pointers to the list's numbers, not a reference"))
            continue  # "ESM-2 → [1]; ESM-1b → [2]; ProtT5 → [3]"
        if r.entry is None and _note_to_self(t):
            skipped.append(Skipped(r.line, t, "a question or a note to self, not a reference"))
            continue
        if not r.number and r.entry is None:
            words = re.findall(r"[^\W\d_]+", t)
            low = sum(w[0].islower() for w in words)
            plain = not re.search(r"\d|https?://|www\.|\bdoi\b", t, re.I)
            if _STAMP_RE.match(t):
                why = "a date stamp, not a reference"
            elif re.search(r"©|\bCopyright\s+(?:©|\(c\)|\d{4}|by\b)|\bAll rights reserved\b|\(c\)\s*(?:19|20)\d\d|"
                           r"\blicen[cs]ed under\b", t, re.I) and not re.search(r"\b10\.\d{4,}/|[“\"]", t) \
                    and len(words) <= 25:
                why = "a copyright or licence line, not a reference"
            elif t.endswith(":") and low >= 0.5 * len(words) and re.search(r"\(\w[^()]*,\s*(?:1[5-9]|20)\d\d[a-z]?\)", t):
                why = "prose that cites in the text, not a reference"  # "... follows DDPM (Ho et al., 2020) and ...:"
            elif re.search(r"\bnot\s+(?:a|an)\s+(?:paper|publication|reference|article)\b", t, re.I) and not YEAR_RE.search(t):
                why = "a remark, not a reference"  # "NetworkX (not a paper, but you will need it)"
            elif re.search(r"\b(?:is|are)\s+(?:not\s+)?(?:listed|included|cited|given|arranged|in\s+bold|marked|underlined)\b", t) and \
                    not re.search(r"\b(?:1[5-9]|20)\d\d\b", t) and not re.search(r"https?://|\b10\.\d{4,}/", t) and low >= 0.4 * len(words):
                why = "a note on the list, not a reference"  # "Unpublished material ... is not listed separately below."
            elif _SESSION_HEADING.match(t) and not YEAR_RE.search(t):
                why = "a heading between the groups of the list"  # a syllabus's "Week 3 (Sept 10 & 12) — Assimilation"
            elif len(re.findall(r"\d\s?%", t)) >= 2 and not YEAR_RE.search(t) or re.match(
                    r"(?i)(?:questions\s*\?|office\s+hours\b|next\s+(?:lecture|class|session|week)\b)", t) and not re.search(
                        r"\b10\.\d{4,}/", t):
                why = "course information, not a reference"  # "Reading responses (8 × 3%) 24% · Midterm 25% ...", "Questions?"
            elif _ABSTRACT_RE.match(t):
                why = "an abstract or summary, not a reference"
            elif _RESOURCE_RE.match(t):
                why = "a link that goes with the reference before it"
            elif _ADDRESS_RE.search(t) and not YEAR_RE.search(t) and k >= len(refs) - 2:
                why = "an author's address after the list, not a reference"  # "Francesca Morandi, Dipartimento di ..."
            elif plain and k == len(refs) - 1 and len(refs) >= 5 and 4 <= len(words) <= 30 and not YEAR_RE.search(t) and \
                    not _NAMEISH_RE.search(t) and not t.endswith(".") and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
                why = "a title after the list, not a reference"  # the English title of a paper whose abstract follows
            elif plain and 2 <= len(words) <= 10 and not re.search(r"[^\w\s'’\-]", t) and all(
                    w[0].isupper() or w in ("of", "the", "and", "for", "in", "on", "de", "des", "der", "und", "für")
                    for w in words):
                why = "a heading between the groups of the list"  # "Court of Justice of the European Union"
            elif plain and words and not YEAR_RE.search(t) and not _NAMEISH_RE.search(t) and \
                    not re.match(r"[A-ZÀ-Þ]{2,}[\s,]", t) and (len(words) <= 6 or low >= 0.5 * len(words)):
                why = "prose or a remark, not a reference (no year, number, link or name)"
            elif len(words) >= 8 and low >= 0.6 * len(words) and not YEAR_RE.search(t) and not _NAMEISH_RE.search(t) \
                    and not re.search(r"https?://|www\.|\b10\.\d{4,}/|\d+\s*[-–]\s*\d+|\bIn\b|\bpages\b|\bpp?\.", t):
                why = "prose, not a reference (no year, link or name)"  # "The AlphaFold2 paper. Read Section 1.6 ..."
        if why:
            skipped.append(Skipped(r.line, t, why))
            continue
        if _VERSION_LEAD_RE.match(t):
            r.text = _VERSION_LEAD_RE.sub("", t)
        out.append(r)
    skipped.sort(key=lambda k: k.line)
    return out


_LETTERED = re.compile(r"[;.]\s+\((?P<l>[b-h])\)\s+(?=[A-Z\u00C0-\u024F])")


def lettered_parts(ref: RawReference) -> list[RawReference]:
    """Chemistry's '3 (a) J. Burschka, ..., 499, 316–319; (b) M. Liu, ...': one number, several works,
    cited as 3a and 3b: each is a reference of its own."""
    from refkit.parse.raw import RawReference
    m = re.match(r"\s*\(a\)\s+(?=[A-Z\u00C0-\u024F])", ref.text)
    if not m:
        return [ref]
    cuts = list(_LETTERED.finditer(ref.text))
    if not cuts or [c.group("l") for c in cuts] != [chr(ord("b") + i) for i in range(len(cuts))]:
        return [RawReference(ref.text[m.end():], ref.line, ref.number, ref.lines, ref.reason)]
    n = ref.number
    out = [RawReference(ref.text[m.end():cuts[0].start() + 1].rstrip(";"), ref.line, f"{n}a" if n else "", ref.lines,
                        ref.reason)]
    for c, nxt in zip(cuts, cuts[1:] + [None], strict=True):
        end = nxt.start() + 1 if nxt else len(ref.text)
        out.append(RawReference(ref.text[c.end():end].rstrip(";"), ref.line, f"{n}{c.group('l')}" if n else "", 1,
                                f"part ({c.group('l')}) of a lettered reference"))
    return out


# physics' "[2] Y. Cao, ..., Nature 556, 43 (2018); Y. Cao, ..., Nature 556, 80 (2018).": two works, one number
_WORK_END_RE = re.compile(r"\((?:1[5-9]|20)\d\d\)$|\b10\.\d{4,9}/\S+$")
_INITIALS_FIRST_RE = re.compile(r"(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)[A-Z][\w'’\-]+(?:,\s|\s+and\s)")


_CASE_LABEL = re.compile(r"(?i)(?:^|(?<=;\s))(?:(?:arrêts?|décisions?|cases?|decisions?|authorities)\s+)?(?:appliqués?|mentionnés?|"
                         r"cités?|suivis?|distingués?|examinés?|applied|referred\s+to|considered|distinguished|followed|"
                         r"cited|not\s+followed|overruled)\s*:\s*")
_CASE_NAME = re.compile(r"\s(?:c\.|v\.?|vs\.?)\s")


def _case_list(text: str) -> list[str]:
    """The cases of a judgment's run-in list, its labels ('arrêts mentionnés :', 'referred to:') left out; [] when
    the text is no such list (every part a case: 'X c. Y' or 'X v Y' with a year)."""
    parts = [p.strip(" .") for p in _CASE_LABEL.sub("", text).split("; ")]
    parts = [p for p in parts if p]
    if len(parts) < 2 or not all(_CASE_NAME.search(p) and YEAR_RE.search(p) for p in parts):
        return []
    return [p + "." for p in parts]


def semicolon_run(ref: RawReference) -> list[RawReference]:
    """'Chomsky, N. (1965). Aspects .... MIT Press; Labov, W. (1972). Sociolinguistic ...': complete
    references run together with semicolons (a paragraph of citations) are split apart."""
    from refkit.parse.raw import RawReference
    if "; " not in ref.text or len(ref.text) < 80:
        return [ref]
    cases = _case_list(ref.text)
    if cases:  # a judgment's "Cases Cited": "Applied: R. v. Jordan, 2016 SCC 27; referred to: R. v. Cody, ..."
        return [RawReference(c, ref.line, ref.number if k == 0 else "", 1, ref.reason if k == 0 else
                             "after a semicolon in a list of cases, a case of its own") for k, c in enumerate(cases)]
    parts = ref.text.split("; ")
    pieces: list[str] = [parts[0]]
    for p in parts[1:]:
        prev = pieces[-1]
        if len(prev) >= 40 and YEAR_RE.search(prev) and ". " in prev and (starts_strictly(p) or (
                _WORK_END_RE.search(prev.rstrip(" .")) and _INITIALS_FIRST_RE.match(p))):
            pieces.append(p)
        else:
            pieces[-1] = prev + "; " + p
    if len(pieces) == 1:
        return [ref]
    out = [RawReference(pieces[0], ref.line, ref.number, ref.lines, ref.reason)]
    out += [RawReference(p, ref.line, "", 1, "after a semicolon, a reference of its own") for p in pieces[1:]]
    return out


# a PDF viewer's copy runs references together on one line: "... doi:10.1016/j.marpol.2015.03.026. Boucquey, N.,
# L. Fairbanks, and K. St. Martin. 2016. ..." / "... 15–26. Lind, P., & Osei, K. (2019). ..."
_NAMES_THEN_YEAR = re.compile(
    r"(?<=[.)] )[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+)?,\s(?:[A-ZÀ-Þ]\.\s?(?:-?[A-ZÀ-Þ]\.\s?)*)"
    r"(?:,\s(?:(?:&|and)\s)?(?:(?:[A-ZÀ-Þ]\.\s?)+[A-ZÀ-Þ][\w'’\-]+|[A-ZÀ-Þ][\w'’\-]+,\s(?:[A-ZÀ-Þ]\.\s?)+))*"
    r"(?:,?\s(?:&|and)\s(?:(?:[A-ZÀ-Þ]\.\s?)+[A-ZÀ-Þ][\w'’\-]+|[A-ZÀ-Þ][\w'’\-]+,\s(?:[A-ZÀ-Þ]\.\s?)+))?"
    r"\.?\s(?:\()?(?:1[6-9]|20)\d\d[a-z]?(?:\))?\.")


def run_on(ref: RawReference) -> list[RawReference]:
    """Complete author-year references run together on one line (a PDF viewer's copy) are split where
    the next one's names and year begin, after the full stop ending the one before."""
    from refkit.parse.raw import RawReference
    if len(ref.text) < 120 or not YEAR_RE.search(ref.text):
        return [ref]
    cuts = [m.start() for m in _NAMES_THEN_YEAR.finditer(ref.text) if m.start() > 40 and
            YEAR_RE.search(ref.text[:m.start()])]
    if not cuts:
        return [ref]
    bounds = [0, *cuts, len(ref.text)]
    pieces = [ref.text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    out = [RawReference(pieces[0], ref.line, ref.number, ref.lines, ref.reason)]
    out += [RawReference(p, ref.line, "", 1, "names and a year after a finished reference on the same line") for p in pieces[1:]]
    return out


_LEAD_NUMBER = re.compile(r"^\s*\[(\d{1,4})\]\s")
# a poster's or abstract's "1. Buzsáki G, Draguhn A. Science 2004;304:1926–9. 2. Lisman JE, ...": numbers run in
_LEAD_DOT = re.compile(r"^\s*(\d{1,3})\.\s")
_RUN_NAME = r"[A-ZÀ-Þ][\w'’\-]+,?\s(?:[A-Z]{1,3}\b|[A-Z]\.)"
_DOT_RUN = re.compile(rf"(?<=[.)\d]) \d{{1,3}}\.\s(?={_RUN_NAME})")


def numbered_runs(refs: list[RawReference]) -> list[RawReference]:
    """'[1] Mangold N. et al. (2021) Science, 374, 711-717. [2] Farley K. A. ...': numbered references
    run together in one paragraph (an abstract's run-in list) are split at each next number in turn
    that follows a finished sentence; a number left at a line's end ('... eabo2196. [3]') goes to the
    reference below it."""
    from refkit.parse.raw import RawReference
    if not any("] " in r.text[4:] or r.text.endswith("]") or _DOT_RUN.search(r.text, 4) for r in refs):
        return refs
    out: list[RawReference] = []
    carry = ""
    for r in refs:
        text = carry + r.text if carry and not _LEAD_NUMBER.match(r.text) else r.text
        carry = ""
        m = _LEAD_NUMBER.match(text)
        dot = m is None and (m := _LEAD_DOT.match(text)) is not None
        if not m:
            out.append(r if text == r.text else RawReference(text, r.line, r.number, r.lines, r.reason))
            continue
        n, pieces, at = int(m.group(1)), [], 0
        while (nxt := (re.compile(rf"(?<=[.)\d]) {n + 1}\.\s(?={_RUN_NAME})") if dot else
                       re.compile(rf"(?<=[.)]) \[{n + 1}\](?=\s|$)")).search(text, m.end())) and nxt.start() - at > 30:
            pieces.append(text[at:nxt.start()].strip())
            at, n = nxt.start() + 1, n + 1
            m = nxt
        tail = text[at:].strip()
        if pieces and re.fullmatch(r"\[\d{1,4}\]", tail):
            carry = tail + " "  # the next number alone at the end of the paragraph's line
        else:
            pieces.append(tail)
        if len(pieces) == 1 and text == r.text:
            out.append(r)
            continue
        out.append(RawReference(pieces[0], r.line, r.number, r.lines, r.reason))
        out += [RawReference(p, r.line, "", 1, "a numbered reference run into the one before") for p in pieces[1:]]
    return out


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of non-blank lines."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        if lines[k].strip():
            j = k
            while j < len(lines) and lines[j].strip():
                j += 1
            out.append((k, j))
            k = j
        else:
            k += 1
    return out


def _annotation(par: str) -> bool:
    """A paragraph of prose about a work ("Chakrabarty argues that ..."): long, mostly small words, no
    reference's start."""
    words = re.findall(r"[^\W\d_]+", par)
    if len(par) < 150 or len(words) < 20 or sum(1 for w in words if w[0].islower()) < 0.6 * len(words):
        return False
    head = re.split(r"[.:;](?:\s|$)", par, maxsplit=1)[0].split()
    if len(head) < 8 or "," in " ".join(head[:3]) or head[0].isupper() and len(head[0]) > 1:
        return False  # a reference opens with a short sentence of names ("BRASIL.", "Carson, Rachel.")
    return not (NAME_PERIOD_RE.match(par) or starts_strictly(par) or NUMBER_RE.match(par))


def annotated_entries(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """An annotated bibliography: each entry followed by a paragraph of comment. The comments (two or
    more, each after a paragraph that starts as a reference) are left out and reported."""
    pars = _paragraphs(lines)
    found = [(a, b) for (pa, pb), (a, b) in zip(pars, pars[1:], strict=False)
             if _annotation(" ".join(ln.strip() for ln in lines[a:b])) and
             (NAME_PERIOD_RE.match(lines[pa].strip() + " ") or looks_like_start(" ".join(ln.strip() for ln in lines[pa:pb])))]
    if len(found) < max(2, 0.25 * len(pars)):
        return lines, []
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    for a, b in found:
        skipped.append((a, " ".join(ln.strip() for ln in lines[a:b]), "an annotation on the reference above"))
        for k in range(a, b):
            out[k] = ""
    return out, skipped
