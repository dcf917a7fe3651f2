"""Plain text -> one string per reference, with the line each starts on and why it starts there.

Handles one reference per line, references wrapped over several lines (hanging indents, fixed
width wrapping, line-break hyphens, identifiers broken at the line end), numbered lists (``[12]``,
``12.``, ``12)``) even across blank lines and page breaks, blank-line separated blocks, markdown
lists (:mod:`refkit.parse.markdown`), footnote lists (:mod:`refkit.parse.notes`) and whole papers
(the reference section and the page furniture in it are found by :mod:`refkit.parse.find`).
"""

from __future__ import annotations

import contextlib
import gc
import re
import unicodedata
from collections.abc import Iterator

from refkit.parse import find, markup, running, sources
from refkit.parse.furniture import page_lines
from refkit.parse.grouping import counts_up, group_blocks, group_lines, group_numbered
from refkit.parse.join import DOI_TAIL_RE, URLISH_RE, Vocabulary, id_tail, unspace_links
from refkit.parse.join import vocabulary as _vocabulary
from refkit.parse.layout import (
    blocks_hold_several,
    blocks_multiline,
    numbered_headings,
    numbers_alone,
    remarks_and_versions,
    side_by_side,
    spaced_names,
    subheading,
    table,
)
from refkit.parse.marks import clean_marks
from refkit.parse.pieces import (
    fenced_bibtex,
    lettered_parts,
    not_references,
    numbered_runs,
    readme_project,
    run_on,
    semicolon_run,
    with_fenced,
)
from refkit.parse.raw import RawReference, Skipped, Split
from refkit.parse.starts import (
    _BACKLINK_FIRST,
    BACKLINK_RE,
    BARE_NUMBER_RE,
    DITTO_RE,
    ENDINGS,
    ID_LINE_RE,
    LABEL_RE,
    NAME_PERIOD_RE,
    NUMBER_RE,
    OPEN_END_RE,
    PARTICLE_RE,
    YEAR_RE,
    _ends_with_link,
    _starts_upper,
    caps_body_start,
    ended,
    given_first_start,
    list_number,
    looks_like_start,
    names_dash,
    starts_lower,
    starts_strictly,
)


def split_references(text: str, one_per_line: bool = False) -> list[RawReference]:
    return split_text(text, one_per_line=one_per_line).refs


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Splitting and parsing allocate many small objects and keep per-word caches: the cyclic garbage
    collector would scan them again and again (about a tenth of the time) for no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def split_text(text: str, one_per_line: bool = False, keep_repeats: bool = False, paper: bool = False,
               laid_out: bool = False) -> Split:
    """Cut ``text`` into references. ``paper``: the text is a whole paper (from a PDF), so a text
    without a reference section gives ``Split(section=False)`` instead of the whole text.
    ``laid_out``: the text comes from :mod:`refkit.parse.pdf`, which dropped running heads and footers
    by their place on the page; look-alike lines near page breaks are then references' own."""
    fenced: list[RawReference] = []
    project = ""
    text = unspace_links(text)  # "https:// doi. org/ 10. 1056/ ..." as Springer's PDFs print links
    if "```" in text or "~~~" in text or "    @" in text or "`@" in text:  # BibTeX in a README, read as it is
        project = readme_project(text)
        text, fenced = fenced_bibtex(text.replace("\r\n", "\n"))
    text, listed = sources.read_source(text)  # records with named fields, a wiki's templates, code and notes apps
    if listed is not None:
        return listed
    if "\\bibitem" in text or ".. [" in text or "#+" in text or "[[http" in text or "|--" in text or "| --" in text \
            or "|:--" in text or "Related articles" in text or "TLDR" in text or "[[[" in text or \
            "[bibliography]" in text or "Cited by\t" in text or "\\emph{" in text or "\\doi{" in text or "~" in text or \
            "\nCR " in text or "in publications use" in text or "Citations (" in text or "SOURCE: Scopus" in text:  # LaTeX, reST, Org, AsciiDoc, tables, result pages
        text = markup.plain(text.replace("\r\n", "\n"))
    if fenced and all(re.match(r"\s*(?:#{1,6}\s|$)", ln) or len(ln.strip()) < 40 and not YEAR_RE.search(ln)
                      for ln in text.split("\n")):
        return Split(fenced, [])  # only a "## Citation" heading around the block
    with gc_paused():
        return with_fenced(_split_text(text, one_per_line, keep_repeats, paper, laid_out), fenced, project)


def _split_text(text: str, one_per_line: bool, keep_repeats: bool, paper: bool, laid_out: bool) -> Split:
    text = clean_marks(text)  # what a copy leaves in the characters (see refkit.parse.marks)
    text = _HEADING_THEN_FIRST.sub("\\1\n", text)  # "References 1. Hutchinson GE. ...": the heading, then the list
    if not unicodedata.is_normalized("NFC", text):  # "Vita\u0301nyi" as PDFs and some pages give it: one letter
        text = unicodedata.normalize("NFC", text)
    if "<" in text:  # a list pasted as HTML, or "<italic>Journal</italic>" in a reference
        from refkit.parse import html

        text = html.to_text(text, one_per_line=one_per_line)
    if " , " in text and "   " in text:
        text = spaced_names(text)  # Oxford Academic's "Card   David , Krueger   Alan B. , “ Title ,”"
    if not laid_out and "      " in text and re.search(r"\S {4,}\S", text):
        text = side_by_side(text)  # pdftotext -layout: two columns side by side
    text = re.sub(r"(?<=[^\n])\f", "\n\f", text)  # a page break inside a line starts a new one
    lines, found, one_per_line = page_lines(text, one_per_line)  # what a page or a mail put around the references
    dialog = [Skipped(k + 1, t, why) for k, t, why in found]
    if not one_per_line and any(find.CAPTION_RE.match(ln.lstrip(find.PAGE_BREAK)) for ln in lines):
        for k in find.figures_in_list(lines, looks_like_start):  # a figure a page set inside the list
            if lines[k].strip(find.PAGE_BREAK + " "):
                dialog.append(Skipped(k + 1, lines[k].strip(find.PAGE_BREAK + " "), "a figure inside the list"))
            lines[k] = find.PAGE_BREAK if find.PAGE_BREAK in lines[k] else ""
    header = table(lines)  # a spreadsheet's rows (tab-separated columns): one reference per row
    if header is not None:
        one_per_line = True
    if one_per_line:
        rows = [RawReference(ln.replace(find.PAGE_BREAK, "").strip(), i + 1, reason="one per line")
                for i, ln in enumerate(lines) if ln.strip(find.PAGE_BREAK + " \t") and i != header]
        skipped = [Skipped(header + 1, lines[header].strip(), "a table header")] if header is not None and header >= 0 else []
        return Split(rows, sorted(skipped + dialog, key=lambda k: k.line))
    from refkit.parse import markdown, notes

    if notes.looks_like_notes(lines):
        first = next((i for i, ln in enumerate(lines) if notes.NOTE_RE.match(ln)), 0)
        head = next((h for h in range(first - 1, -1, -1) if find.HEADING_RE.match(lines[h])), None)
        if head is not None and sum(1 for ln in lines[head + 1:first] if looks_like_start(ln.strip()) or
                                    NAME_PERIOD_RE.match(ln.strip())) >= 2:
            # a document's bibliography, then its footnotes (Google Docs puts them last): the bibliography is the list
            listed = _split_text("\n".join(lines[:first]), one_per_line, keep_repeats, paper, laid_out)
            listed.skipped += [Skipped(i + 1, lines[i].strip(), "a footnote after the bibliography") for i in range(first, len(lines))
                               if lines[i].strip()]
            return listed
        stop = next((i for i in range(first + 1, len(lines)) if find.STOP_HEADING_RE.match(lines[i])), len(lines))
        split = notes.split_notes(lines[:stop], keep_repeats=keep_repeats)  # Science's notes end at "ACKNOWLEDGMENTS"
        split.skipped += [Skipped(i + 1, lines[i].strip(), "after the notes") for i in range(stop, len(lines)) if lines[i].strip()]
        return split
    section = find.find_section(lines, looks_like_start)
    whole = section is None or (not section.heading and section.first == 0)
    if whole:  # no list of references, but maybe a section of notes that cite the works
        heads = [i for i, ln in enumerate(lines) if find.NOTES_HEADING_RE.match(ln)]
        if heads:
            end = find._section_end(lines, heads[-1] + 1)
            part = [""] * (heads[-1] + 1) + lines[heads[-1] + 1:end]  # keeps the line numbers
            if notes.looks_like_notes(part[heads[-1] + 1:]) or sum(
                    bool(notes.NOTE_RE.match(ln)) for ln in part) >= 3:
                split = notes.split_notes(part, keep_repeats=keep_repeats)
                if split.refs:
                    split.heading = lines[heads[-1]].strip()
                    return split
    if section is None:
        if paper:
            return Split([], section=False)
        section = find.Section(0, len(lines))
    body_lines = numbers_alone(lines[section.first:section.end])
    cited = next((i for i, ln in enumerate(body_lines) if notes.NOTE_RE.match(ln)), None) if section.heading else None
    if cited and sum(1 for ln in body_lines[:cited] if looks_like_start(ln.strip()) or NAME_PERIOD_RE.match(ln.strip())) >= 2 \
            and notes.looks_like_notes(body_lines[cited:]):  # the bibliography, then the footnotes citing it
        dialog += [Skipped(section.first + i + 1, ln.strip(), "a footnote after the bibliography")
                   for i, ln in enumerate(body_lines) if i >= cited and ln.strip()]
        body_lines = body_lines[:cited] + [""] * (len(body_lines) - cited)
    elif notes.looks_like_notes(body_lines):  # a list of notes (ibid.) where the references are
        heads = [i for i in range(section.first) if find.NOTES_HEADING_RE.match(lines[i])]
        split = notes.split_notes([""] * section.first + body_lines, keep_repeats=keep_repeats)
        split.heading = section.heading or (lines[heads[-1]].strip() if heads else "")
        return split
    drop = running.furniture(body_lines, looks_like_start, repeats=not laid_out, context=lines)
    skipped = [Skipped(section.first + i + 1, body_lines[i].strip(" \f"), "page number, running head or footer")
               for i in sorted(drop)] + [d for d in dialog if section.first < d.line <= section.end]
    body = []
    breaks = set()
    for i, ln in enumerate(body_lines):
        no = section.first + i + 1
        if find.PAGE_BREAK in ln:
            breaks.add(no)
            ln = ln.replace(find.PAGE_BREAK, "")
        if i in drop:
            continue
        body.append((no, ln.rstrip()))
    forced: dict[int, str] = {}
    if markdown.looks_like_markdown(body):
        body, forced, md_skipped = markdown.clean(body)
        skipped += md_skipped
    inner = [k for k, (_, ln) in enumerate(body) if find.HEADING_RE.match(ln) or find.NOTES_HEADING_RE.match(ln)]
    if inner:  # "Further reading" inside the list the section runs on into
        skipped += [Skipped(body[k][0], body[k][1].strip(), "a heading inside the list") for k in inner]
        heads_inside = set(inner)
        body = [(no, "") if k in heads_inside else (no, ln) for k, (no, ln) in enumerate(body)]  # (a break where it stood)
    if not forced:
        body, taken = remarks_and_versions(body)
        skipped += taken
    if not forced:  # "Cases", "Secondary Sources": a heading between the groups of a list
        heads = [k for k, (_, ln) in enumerate(body) if subheading(body, k)]
        nonblank = [(k, ln) for k, (_, ln) in enumerate(body) if ln.strip()]
        numbered = [(k, ln) for k, ln in nonblank if NUMBER_RE.match(ln)]
        if len(numbered) >= 2 and numbered_headings(numbered, nonblank):  # "1. Primary sources", "2. 국외 문헌"
            heads = sorted(set(heads) | {k for k, _ in numbered})
        if heads and len(heads) <= 0.4 * sum(1 for _, ln in body if ln.strip()):
            skipped += [Skipped(body[k][0], body[k][1].strip(), "a heading between the groups of the list") for k in heads]
            body = [b for k, b in enumerate(body) if k not in set(heads)]
    skipped.sort(key=lambda s: s.line)
    texts = [ln for _, ln in body]
    # the words of the text are only asked about at a hyphen ending a line
    vocab = _vocabulary(texts) if any(ln.endswith("-") for ln in texts) else Vocabulary()
    refs = _split_body(body, forced, breaks, vocab, skipped)
    skipped.sort(key=lambda s: s.line)
    for r in refs:  # web pages: Wikipedia's back-links "^ a b", "↑"; a bullet the text kept
        if r.text[:1] in _BACKLINK_FIRST:
            r.text = BACKLINK_RE.sub("", r.text) or r.text
    refs = [one for r in numbered_runs(refs) for part in lettered_parts(r) for piece in semicolon_run(part) for one in run_on(piece)]
    if paper and whole and (len(refs) < 3 or sum(bool(YEAR_RE.search(r.text)) for r in refs) < 0.7 * len(refs)):
        return Split([], section=False)  # a paper without a list, not a list printed to PDF
    refs = not_references(refs, skipped)
    for h, end, later in find.other_lists(lines, section, paper):  # a supplement's list; a thesis's chapters; a talk's slides
        got = _split_text("\n".join([""] * (h + 1) + lines[h + 1:end]), one_per_line, keep_repeats, False, laid_out)
        if later or len(got.refs) >= (3 if paper else 1) and sum(bool(YEAR_RE.search(r.text)) for r in got.refs) >= (
                0.8 if paper else 1.0) * len(got.refs):
            refs = refs + got.refs if later else got.refs + refs
            skipped += got.skipped + [Skipped(h + 1, lines[h].strip(find.PAGE_BREAK + " "),
                                              "a second list's heading" if later else "an earlier chapter's list")]
    skipped.sort(key=lambda k: k.line)
    return Split(refs, skipped, heading=section.heading)


def _split_body(body: list[tuple[int, str]], forced: dict[int, str], breaks: set[int],
                vocab: set[str], skipped: list[Skipped] | None = None) -> list[RawReference]:
    nonblank = [(no, ln) for no, ln in body if ln.strip()]
    if not nonblank:
        return []
    wide = sum(1 for _, ln in nonblank if not ln.isascii() and _WIDE.search(ln)) >= 0.3 * len(nonblank)
    lengths = [_cells(ln.strip()) if wide else len(ln.strip()) for _, ln in nonblank]  # (a Korean character takes two columns)
    # the wrapping width: the longest line without an unbreakable long token (a URL overflows it)
    short = [max(map(len, ln.split())) < 25 for _, ln in nonblank]
    width = max((n for n, ok in zip(lengths, short, strict=True) if ok), default=max(lengths))
    share = _fit_share(nonblank, width, short)
    if isinstance(vocab, Vocabulary):
        vocab.keep_hyphens = _plain_wrapped(nonblank, width, share)
    if forced:
        return group_lines(body, lambda no, ln, prev, ahead, cur: forced.get(no, ""), vocab, blank_ends=False)

    # web pages' notes: Wikipedia's "^ a b Name (2019)...", "↑ Name": every back-link starts a reference
    backs = sum(1 for _, ln in nonblank if ln.lstrip()[:1] in "^↑")
    if backs >= 2 and backs >= 0.5 * len(nonblank):
        def backlink(no: int, ln: str, prev: str | None, ahead: str, cur: str) -> str:
            if ln.lstrip()[:1] in "^↑":
                return "a back-link (^, ↑)"
            if prev and prev.lstrip()[:1] not in "^↑" and ended(prev) and (starts_strictly(ln.strip() + " " + ahead) or (
                    _starts_upper(ln.strip()) and ended(ln) and len(ln.strip()) > 40 and YEAR_RE.search(ln))):
                # (German Wikipedia's "Literatur": one whole work per line, "Vorname Name: Titel. Verlag, Ort 1993.")
                return "a line of its own beside the back-linked notes (Literatur, Further reading)"
            return ""

        return group_lines(body, backlink, vocab, blank_ends=True)  # a blank line ends a group

    # labelled lists: "[Knu84]", "[ABC+20]" (alpha styles) start every reference
    labelled = [ln for _, ln in nonblank if LABEL_RE.match(ln)]
    if len(labelled) >= 2 and len(labelled) >= 0.25 * len(nonblank) and not any(NUMBER_RE.match(ln) for ln in labelled):
        refs = group_lines(body, lambda no, ln, prev, ahead, cur: "a citation label" if LABEL_RE.match(ln) else "",
                      vocab, blank_ends=False)
        for r in refs:
            m = LABEL_RE.match(r.text)
            if m:
                r.number, r.text = m.group(1), r.text[m.end():].strip()
        return refs

    # numbered lists: a marker at the start of most references, counting up
    numbered = [(no, ln) for no, ln in nonblank if NUMBER_RE.match(ln)]
    if len(numbered) >= 2 and counts_up(numbered) and not numbered_headings(numbered, nonblank):
        lead = [(no, ln) for no, ln in nonblank if no < numbered[0][0]]
        if len(lead) >= 3 and sum(1 for _, ln in lead if starts_strictly(ln.strip()) or NAME_PERIOD_RE.match(ln.strip())) >= 3:
            # an unnumbered list, then numbered notes citing it (Google Docs puts the footnotes last)
            from refkit.parse import notes
            rest = [(no, ln) for no, ln in body if no >= numbered[0][0]]
            if notes.looks_like_notes([ln for _, ln in rest]) or \
                    sum(len(ln) for _, ln in numbered) / len(numbered) < 0.8 * sum(len(ln) for _, ln in lead) / len(lead):
                if skipped is not None:
                    skipped += [Skipped(no, ln.strip()[:200], "a footnote after the list") for no, ln in rest if ln.strip()]
                return _split_body([b for b in body if b[0] < numbered[0][0]], forced, breaks, vocab, skipped)
        return group_numbered(body, vocab, skipped)
    bare = [(no, ln) for no, ln in nonblank if BARE_NUMBER_RE.match(ln)]  # "1 Walsh, P., ...": no full stop
    if len(bare) >= 3 and list_number(bare[0][1], BARE_NUMBER_RE) <= 2 and \
            sum(1 for (_, a), (_, b) in zip(bare, bare[1:], strict=False)
                if list_number(b, BARE_NUMBER_RE) == list_number(a, BARE_NUMBER_RE) + 1) >= 0.8 * (len(bare) - 1):
        return group_numbered(body, vocab, skipped, BARE_NUMBER_RE)

    indents = [len(ln) - len(ln.lstrip()) for _, ln in nonblank]
    base = min(indents)
    hanging = (len(set(indents)) > 1 and indents[0] == base and _hanging(body, base))
    if hanging:
        after_blank = {no for (_, a), (no, _) in zip(body, body[1:], strict=False) if not a.strip()}

        def at_margin(no: int, ln: str, prev: str | None, ahead: str, cur: str) -> str:
            if len(ln) - len(ln.lstrip()) <= base:
                if prev is not None and (starts_lower(ln.strip()) and not PARTICLE_RE.match(ln.strip()) or
                                         re.fullmatch(r"\d{1,4}\)?[.,;]?", ln.strip()) or
                                         not re.search(r"[^\W\d_]", ln)) and not ended(prev):  # "(Zugriff am" / "04.04.2023)."
                    return ""  # flush prose after the list ("scienze sociali italiane ..."): no reference starts so
                return "hanging indent: the line is not indented"
            if DITTO_RE.match(ln.strip()) and no in after_blank and (prev or "").rstrip().endswith(ENDINGS):
                return "a repeated-author entry (dash or bare year)"
            return ""

        return group_lines(body, at_margin, vocab, blank_ends=False)

    blanks_inside = any(not ln.strip() for _, ln in body[1:-1]) and blocks_multiline(body)
    page_blanks = blanks_inside and blocks_hold_several(body)  # blank lines from page breaks, not separators
    if blanks_inside and not page_blanks:
        return group_blocks(body, breaks, vocab)


    # greedy: wrapped at a fixed width (many lines close to the longest), so "would the next word
    # have fitted?" tells where a reference ended
    surely_greedy = share < 0 and share + 1.0 <= 0.05  # many continuations, and no word would have fitted
    greedy = len(nonblank) >= 3 and width <= 160 and sum(w >= 0.8 * width for w in lengths) >= 0.4 * len(lengths) \
        and (0 <= share <= 0.05 or surely_greedy)
    # wrapped some other way (a PDF's optimal line breaking): most lines end mid-sentence
    ended_share = sum(1 for _, ln in nonblank if ended(ln)) / len(nonblank)
    # long lines that stop mid-sentence: text wrapped at a width, whatever the other lines do
    long_open = sum(1 for (_, ln), w in zip(nonblank, lengths, strict=True) if w >= 0.85 * width and not ended(ln))
    wrapped = (greedy and ended_share < 0.9) or (len(nonblank) >= 3 and ended_share < 0.6) or (
        long_open >= 3 and long_open >= 0.25 * len(nonblank)) or _cut_after_titles(nonblank)

    indented = [len(ln) - len(ln.lstrip(" ")) >= 2 for _, ln in nonblank]
    hanging_lines = sum(indented)
    hanging = 0.25 <= hanging_lines / len(nonblank) <= 0.85 and not indented[0]  # starts flush, the rest indented

    def is_start(no: int, ln: str, prev: str | None, ahead: str, cur: str) -> str:
        if prev is None:
            return "first line"
        weak_ok = not (hanging and len(ln) - len(ln.lstrip(" ")) >= 2)  # an indented line goes on a hanging reference
        p = prev.rstrip()
        s = ln.strip()
        if starts_lower(s) and not PARTICLE_RE.match(s) and not (
                not wrapped and ended(p) and looks_like_start(s + " " + ahead)):
            return ""
        if p.endswith("-") and not p.endswith((" -", "--")):
            return ""  # a line-break hyphen
        if names_dash(p):
            return ""  # Hungarian names joined by dashes: "Acemoglu, D.–Johnson, S.–" + "Robinson, J. A. [2001]:"
        if ID_LINE_RE.fullmatch(s):
            return ""  # "PMID: 29567705" on a line of its own: the reference above's
        if ID_LINE_RE.fullmatch(p.strip()) and _starts_upper(s):
            return "the line before is the reference's PMID alone, and this one starts with a capital"
        last = p.split()[-1] if p.split() else ""
        if id_tail(s) and (DOI_TAIL_RE.search(last) or URLISH_RE.search(last)):
            return ""  # "https://doi.org/10.1207/S15327965" + "PLI1104_01": the identifier goes on
        if DOI_TAIL_RE.search(last) and not _ends_with_link(last) and not starts_strictly(s + " " + ahead, cur) and not (
                last.endswith(".") and _starts_upper(s)):
            return ""  # an identifier broken at the line end
        if wrapped:
            start = looks_like_start(s + " " + ahead)
            cur_words = cur.split()
            cur_last = cur_words[-1] if cur_words else ""  # a link broken over lines, now whole
            if len(cur_words) >= 2 and cur_words[-2].endswith("/") and DOI_TAIL_RE.search(cur_words[-2]):
                cur_last = cur_words[-2] + cur_last  # "doi: 10.1103/" + "PhysRevLett.116.061102" (AAS)
            closed = p.endswith(ENDINGS) or _ends_with_link(last) or _ends_with_link(cur_last)
            open_end = bool(OPEN_END_RE.search(p))  # "In G." / "eds.": the names go on
            if greedy and len(s.split()[0]) <= width - len(p.strip()) - 1:
                # a greedy wrapper would have kept going on the previous line; an optimal one
                # (TeX, in PDFs) may not have, so ask for one more sign of a new reference
                if closed and not starts_strictly(s + " " + ahead, cur) and YEAR_RE.search(cur) and not YEAR_RE.search(s) and \
                        not re.match(r"[A-Z][\w'’\-]+,\s|[A-Z][\w'’\-]+\s[A-Z][\w'’\-]+,\s[A-Z][a-z]+[,.]", s) and \
                        not NUMBER_RE.match(s) and \
                        re.search(r"^[^.]{3,80},\s(?:Vol|vol|Jg|évf)\.\s*\d", s):
                    return ""  # "... Imported Inputs and Productivity." + "American Economic Review, Vol. 105. ...": its journal
                if start and (surely_greedy or closed or starts_strictly(s + " " + ahead, cur)
                              or NAME_PERIOD_RE.match(s + " " + ahead)):
                    return "wrapped text: the previous line is short and this one starts like a reference"
                return "wrapped text: the previous line is short and ends a sentence" if closed else ""
            if closed and not open_end and starts_strictly(s + " " + ahead, cur) and not (
                    _NAME_YEAR_LINE_RE.fullmatch(s) and ahead and looks_like_start(ahead)):
                # (not MLA's "J. de Ruyter, 1860." alone on a line, the publisher and year of the reference above)
                return "the previous line ends a sentence and this one starts with authors and a year"
            if _ends_with_link(cur_last.rstrip(".")) and _starts_upper(s) and (closed or cur_last.endswith(".")):
                return "the previous line ends with a link and this one starts with a capital"
            if _LINK_THEN_YEAR_RE.search(cur.rstrip()) and _starts_upper(s) and not open_end:
                return "the reference so far ends with a link and its year, and this line starts with a capital"
            if closed and not open_end and weak_ok and NAME_PERIOD_RE.match(s + " " + ahead):
                return "the previous line ends a sentence and this one starts with a name (Family, Given.)"
            if closed and not open_end and weak_ok and _MONONYM_RE.match(s):
                return "the previous line ends a sentence and this one starts with a single name and a year"
            if closed and not open_end and weak_ok and YEAR_RE.search(cur) and (
                    _HANGUL_NAME_RE.match(s) or _ONE_NAME_TITLE_RE.match(s) and not _NAME_YEAR_LINE_RE.fullmatch(s)):
                return "the previous line ends a sentence and this one starts with a single name ('Multatuli.', '조의연.')"
            if closed and not open_end and weak_ok and YEAR_RE.search(cur) and given_first_start(s):
                return "the previous line ends a sentence and this one starts with people's names, given name first"
            if closed and not open_end and weak_ok and YEAR_RE.search(cur) and caps_body_start(s):
                return "the previous line ends a sentence and this one starts with a name in capitals (ISO 690)"
            if closed and not open_end and weak_ok and _INITIALS_LIST_RE.match(s):
                return "the previous line ends a sentence and this one starts a list of names (Family, I., Family, I.,)"
            return ""
        if URLISH_RE.search(last) and not _ends_with_link(last) and not looks_like_start(s + " " + ahead) and not (
                last.endswith(".") and _starts_upper(s)):
            return ""
        if p.endswith((",", ";", ":")) and not looks_like_start(s + " " + ahead):
            return ""  # "Revista de Economia, v. 3, p. 1-20," + "1990.": the reference goes on
        if ID_LINE_RE.fullmatch(s):
            return ""  # "PMID: 29567705" on a line of its own: the reference above's
        if not YEAR_RE.search(s) and YEAR_RE.search(cur) and not looks_like_start(s + " " + ahead) and \
                not NAME_PERIOD_RE.match(s + " " + ahead) and not given_first_start(s) and (
                    re.match(r"[\d(]", s) or _WRAPPED_TAIL.search(s)) and not re.match(r"[A-Z][\w ]{0,20}:\s", s):
            # (not a reading list's "Code: https://...", which pieces.py reports)
            return ""  # "교육사회학연구, 19(4), 1-26.", "Berkeley, CA: University of California Press.": a tail wrapped
        if len(ln) - len(ln.lstrip(" ")) >= 2 and not indented[0] and (hanging_lines >= 3 or not starts_strictly(s + " " + ahead, cur)):
            return ""  # a few long references wrapped with a hanging indent among one-line ones ("   Paris, Fayard.")
        return "a new line (references are one per line here)"

    return group_lines(body, is_start, vocab, blank_ends=True, soft_blanks=page_blanks)


# "Sugiyono. (2017).": an author known by one name, then the year
_MONONYM_RE = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]{3,}\.\s+\((?:1[5-9]|20)\d\d[a-z]?\)")
_ONE_NAME_TITLE_RE = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]{4,}\.\s+[A-ZÀ-Þ“\"]")  # MLA's "Multatuli. Max Havelaar, ..."
_HANGUL_NAME_RE = re.compile(r"^[\uac00-\ud7af]{2,4}(?:\s\[[^\]]{2,40}\])?\.?\s")  # "한강 [Han Kang]. ", "조의연. "
_NAME_YEAR_LINE_RE = re.compile(r"(?:[A-Z]\.\s?)*[^,.]{2,40},\s+(?:1[5-9]|20)\d\d[a-z]?\.?")
# Copernicus' and AGU's ending: "..., https://doi.org/10.1002/qj.3803, 2020."
_LINK_THEN_YEAR_RE = re.compile(r"(?:https?://\S+|\b10\.\d{4,9}/\S+),\s+(?:1[5-9]|20)\d\d[a-z]?\.$")
# "Hansen, J., Fung, I., Lacis, A.,": names with initials, two or more (Copernicus, AGU, APA)
_INITIALS_LIST_RE = re.compile(r"^(?:[A-Z\u00C0-\u024F][\w'’\-]+(?:\s[A-Z\u00C0-\u024F][\w'’\-]+)?,\s(?:[A-Z\u00C0-\u024F]\.\s?-?){1,3},\s){2}")
_HEADING_THEN_FIRST = re.compile(
    r"(?im)^(\s*(?:references|bibliography|works\s+cited|literature\s+cited|literatur|literaturverzeichnis|"
    r"références|referencias|referências|bibliografia|bibliografía|referenser|litteratur|literatuur|"
    r"riferimenti\s+bibliografici)\s*:?)[ \t]+(?=(?:\[1\]|1[.)])\s+\S)")


def _cut_after_titles(nonblank: list[tuple[int, str]]) -> bool:
    """'Bandura, A. (1977). Self-efficacy: Toward a theory.' + 'Psychological Review, 84(2), 191–215.':
    every line ends a sentence, but the lines with no year at all are the second lines of the authored,
    dated ones above them, so the list is wrapped, not one reference per line."""
    if len(nonblank) < 4:
        return False
    strict = {i for i, (_, ln) in enumerate(nonblank) if starts_strictly(ln.strip())}
    yearless = [i for i, (_, ln) in enumerate(nonblank) if not YEAR_RE.search(ln)]
    if len(strict) < 0.3 * len(nonblank) or len(yearless) < 0.2 * len(nonblank):
        return False
    below = set(yearless)
    after_start = 0
    for i in yearless:  # walk up over year-less lines to the line the run hangs from
        j = i - 1
        while j in below:
            j -= 1
        after_start += j in strict
    return after_start >= 0.8 * len(yearless)


# what ends a reference on a line of its own: volume and pages, a link, "City, ST: Publisher"
_WRAPPED_TAIL = re.compile(r"\d+\s*\(\d+\)|\b\d+\s*[-–]\s*\d+\b|https?://|\bdoi\b|^[A-Z][\w .]+,\s[A-Z]{2}:\s")
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def _cells(s: str) -> int:
    """The columns a line takes: East Asian wide characters take two."""
    return len(s) + (len(_WIDE.findall(s)) if s and not s.isascii() else 0)


def _fit_share(nonblank: list[tuple[int, str]], width: int, short: list[bool] | None = None) -> float:
    """At sure continuations (a line starting in lower case), how often the first word would have
    fitted on the line before: about never for a greedy wrapper, often for a PDF's line breaking.
    1.0 when there is too little evidence. ``short``: per line, has it no token of 25 characters or more."""
    pairs = fits = 0
    if short is None:
        short = [max(map(len, ln.split())) < 25 for _, ln in nonblank]
    width = max((len(ln.rstrip()) for (_, ln), ok in zip(nonblank, short, strict=True) if ok), default=width)
    for (_, a), (_, b) in zip(nonblank, nonblank[1:], strict=False):
        if "a" <= b.lstrip()[:1] <= "z" and not a.rstrip().endswith("-") and not PARTICLE_RE.match(b.strip()):
            pairs += 1
            fits += len(b.split()[0]) <= width - len(a.rstrip()) - 1
    if pairs < 3 or (pairs < 20 and fits):
        return 1.0
    return fits / pairs if pairs < 20 else fits / pairs - 1.0  # below zero: plenty of evidence


def _plain_wrapped(nonblank: list[tuple[int, str]], width: int, share: float | None = None) -> bool:
    """Wrapped by a plain-text wrapper (fill the line, never hyphenate)?"""
    share = _fit_share(nonblank, width) if share is None else share
    return width <= 100 and (share <= 0.05 if share >= 0 else share + 1.0 <= 0.05)


def _hanging(body: list[tuple[int, str]], base: int) -> bool:
    """Every line after a blank line starts at the margin, and indented lines follow margin lines."""
    prev_blank = True
    margin = indented = 0
    for _, ln in body:
        if not ln.strip():
            prev_blank = True
            continue
        ind = len(ln) - len(ln.lstrip())
        if prev_blank and ind > base and not DITTO_RE.match(ln.strip()):
            return False
        margin += ind <= base
        indented += ind > base
        prev_blank = False
    return indented >= 1 and margin >= 1 and indented >= 0.3 * margin
