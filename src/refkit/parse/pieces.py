"""What one piece of a split list holds, and what is not a reference at all.

* Chemistry's lettered parts ('3 (a) ...; (b) ...') and complete references run together with
  semicolons are references of their own.
* A README's fenced BibTeX entries are read as they are, when they stand inside the list.
* A reading list's own words (a date stamp, 'Code: https://...', a remark, a line of prose, an
  abstract) are skipped and reported.

Called by :mod:`refkit.parse.split` on the references it found; pure functions over its records.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from refkit.parse.starts import YEAR_RE, starts_strictly

if TYPE_CHECKING:
    from refkit.parse.split import RawReference, Skipped, Split


def with_fenced(split: Split, fenced: list[RawReference]) -> Split:
    """A fenced BibTeX block counts when it stands inside the list, or when there is no list: a
    README's "How to cite" block about the project itself is not one of the works it cites."""
    from refkit.parse.split import Skipped, Split
    if not split.refs:
        return Split(fenced, split.skipped, heading=split.heading) if fenced else split
    first, last = split.refs[0].line, split.refs[-1].line
    inside = [f for f in fenced if first < f.line < last]
    if inside:
        split.refs = sorted(split.refs + inside, key=lambda r: r.line)
    split.skipped = sorted(split.skipped + [
        Skipped(f.line, f.text, "a code block: a BibTeX entry outside the list (about the project itself?); "
                                "'refkit convert' reads it") for f in fenced if f not in inside], key=lambda k: k.line)
    return split


_FENCE_RE = re.compile(r"^(?P<f>```|~~~)[ \t]*(?P<lang>[\w+-]*)[ \t]*\n(?P<body>.*?)^(?P=f)[ \t]*$", re.M | re.S)


def fenced_bibtex(text: str) -> tuple[str, list[RawReference]]:
    """Fenced code blocks holding BibTeX entries ('```bibtex' in a README): their entries, read by
    refkit's BibTeX reader, and the text with those blocks blanked (line numbers kept)."""
    from refkit.bib import bibtex
    from refkit.parse.split import RawReference

    found: list[RawReference] = []

    def take(m: re.Match[str]) -> str:
        body = m.group("body")
        if not re.search(r"^[ \t]*@[A-Za-z]+\s*[{(]", body, re.M) or m.group("lang").lower() not in (
                "", "bibtex", "bib", "biblatex", "latex", "tex", "text"):
            return m.group(0)
        entries, _problems = bibtex.loads(body)
        line = text.count("\n", 0, m.start()) + 2
        for e in entries:
            found.append(RawReference(f"@{e.type}{{{e.id}, ...}}", line, lines=body.count("\n"),
                                      reason="a BibTeX entry in a fenced block", entry=e))
        return "\n" * m.group(0).count("\n") if entries else m.group(0)

    return _FENCE_RE.sub(take, text), found


_STAMP_RE = re.compile(r"(?i)^\s*(?:last\s+(?:updated|modified|revised)|updated|stand|zuletzt\s+aktualisiert|"
                       r"mis\s+à\s+jour|actualizado)\b\s*:?")
_RESOURCE_RE = re.compile(r"(?i)^\s*(?:code|data|slides|video|pdf|preprint|project\s+page|website|github|repository|"
                          r"demo|poster|talk)\s*:\s*(?:https?://|www\.)\S+")
_ABSTRACT_RE = re.compile(r"(?i)^(?:abstract|summary|riassunto|sommario|résumé|resumen|resumo|zusammenfassung|"
                          r"samenvatting|sammanfattning|tiivistelmä|streszczenie|аннотация|özet)\s*[.:]\s+\S")
_VERSION_LEAD_RE = re.compile(r"(?i)^\s*(?:published|preprint|journal|conference|arxiv)\s+version\s*:\s*")
_NAMEISH_RE = re.compile(r"[A-ZÀ-Þ][\w'’\-]+,\s+[A-ZÀ-Þ]")


# Wikipedia's and Harvard notes' short citations: "Pethick & Smith 2008, p. 42.", "Hobsbawm (1994), 12."
_SHORT_CITE_RE = re.compile(r"(?P<family>[A-ZÀ-Þ][\w'’\-]+)(?:\s(?:&|and|und)\s[A-ZÀ-Þ][\w'’\-]+|\set\s+al\.)?,?\s"
                            r"\(?(?P<year>(?:1[5-9]|20)\d\d)[a-z]?\)?(?:,\s*(?:pp?\.|S\.)?\s*[\divxlc]+(?:\s*[-–]\s*\d+)?)?\.?$")


def not_references(refs: list[RawReference], skipped: list[Skipped]) -> list[RawReference]:
    """A reading list's own words between its references: a date stamp ('Last updated: March 2024'),
    a resource link ('Code: https://github.com/...'), a line of prose or a short remark with no number,
    link or name in it ('Optional but highly recommended.'). Unnumbered entries only; what is taken
    out is reported. 'Published version: ' before a reference is dropped from it."""
    from refkit.parse.split import Skipped
    out: list[RawReference] = []
    for r in refs:
        t = r.text.strip()
        why = ""
        sc = _SHORT_CITE_RE.match(t) if len(t) < 80 and r.entry is None else None
        full: RawReference | None = next((o for o in out if sc and o.text.lstrip("^ ").startswith(sc.group("family")) and
                     sc.group("year") in o.text), None) if sc else None
        if full is not None:
            skipped.append(Skipped(r.line, t, f"a short citation of the reference on line {full.line}"))
            continue
        if not r.number and r.entry is None:
            words = re.findall(r"[^\W\d_]+", t)
            low = sum(w[0].islower() for w in words)
            plain = not re.search(r"\d|https?://|www\.|\bdoi\b", t, re.I)
            if _STAMP_RE.match(t):
                why = "a date stamp, not a reference"
            elif _ABSTRACT_RE.match(t):
                why = "an abstract or summary, not a reference"
            elif _RESOURCE_RE.match(t):
                why = "a link that goes with the reference before it"
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
    from refkit.parse.split import RawReference
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


def semicolon_run(ref: RawReference) -> list[RawReference]:
    """'Chomsky, N. (1965). Aspects .... MIT Press; Labov, W. (1972). Sociolinguistic ...': complete
    references run together with semicolons (a paragraph of citations) are split apart."""
    from refkit.parse.split import RawReference
    if "; " not in ref.text or len(ref.text) < 80:
        return [ref]
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
