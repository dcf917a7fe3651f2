"""Footnote and endnote lists -> the works they cite.

``[^3]: A, Title (1998); B, Title (2001), p. 4.`` holds two citations; ``Ibid., 45.`` and ``Id.``
repeat the previous one; a work cited again (in full or short form) is one entry unless
``keep_repeats``; prose around the citation ("For more on this, see") is dropped.
"""

from __future__ import annotations

import re

from refkit.parse.markdown import strip_inline

NOTE_RE = re.compile(r"^\s*(?:\[\^?(\w{1,6})\]:?|\^(\d{1,4})|(\d{1,4})[.)]?)\s+(?=\S)")
FOOTNOTE_RE = re.compile(r"^\s*\[\^\w{1,6}\]:\s")
IBID_RE = re.compile(r"^\s*(?:ibid|ibidem|id|ebd|ebenda)\b\.?,?\s*(.*)$", re.I)
PROSE_RE = re.compile(
    r"^(?:(?:for|on)\s+(?:more|further|a\s+(?:fuller|good|useful|recent|detailed)\s+\w+|an?\s+\w+)\b[^;]*?,?\s+see"
    r"(?:\s+(?:also|especially|generally|e\.g\.,?))?|see(?:\s+(?:also|especially|generally|further|e\.g\.,?))?|"
    r"cf\.|compare|as\s+(?:argued|shown|noted)\s+(?:by|in)|quoted\s+in|cited\s+in|vgl\.|siehe)\s*:?\s*", re.I)
LOCATOR_RE = re.compile(r"(?:,?\s*(?:at\s+|pp?\.\s*|s\.\s*|n\.\s*)?\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:n|nn)\.\s*\d+)?)+\s*\.?\s*$",
                        re.I)


OP_CIT_RE = re.compile(r"\b(?:op\.\s?cit|loc\.\s?cit|supra|a\.\s?a\.\s?O)\b", re.I)
PINPOINT_RE = re.compile(r"\),\s*(?:at\s+|pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?(?:,\s*\d+)*\.?$")


_MARKED_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)]?|\^\d{1,4})\s+\S")  # bare "2 Id. at 196." too
_IBID_AFTER_MARK_RE = re.compile(r"^\s*\S+\s+(?:ibid|id\.|ebd|op\.\s?cit)", re.I)


def looks_like_notes(lines: list[str]) -> bool:
    """Footnote markup (``[^1]:``) on several lines, or a numbered list with ibid./op. cit."""
    nonblank = [ln for ln in lines if ln.strip()]
    if sum(1 for ln in nonblank if "[^" in ln and FOOTNOTE_RE.match(ln)) >= 2:
        return True
    marked = [ln for ln in nonblank if _MARKED_RE.match(ln)]
    ibid = sum(1 for ln in marked if _IBID_AFTER_MARK_RE.match(ln))
    if not ibid:
        return False
    counting = [int(re.sub(r"\D", "", ln.split()[0]) or 0) for ln in marked]
    ups = sum(1 for a, b in zip(counting, counting[1:], strict=False) if b == a + 1)
    return ibid >= 1 and len(marked) >= 0.5 * len(nonblank) and ups >= 0.6 * (len(marked) - 1)


def _split_citations(text: str) -> list[str]:
    """Split a note at semicolons outside brackets and quotes."""
    out, depth, cur, quote = [], 0, "", False
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in "“”\"":
            quote = not quote if ch == "\"" else ch == "“"
        if ch == ";" and depth == 0 and not quote:
            out.append(cur)
            cur = ""
            continue
        cur += ch
    out.append(cur)
    parts: list[str] = []
    for c in out:  # Bluebook's "Compare A, 71 HARV. L. REV. 593 (1958), with B, ...": two works
        parts += re.split(r"(?<=\)),\s+with\s+(?=[A-Z])", c) if re.match(r"\s*(?:Compare|Cf\.)\s", c) else [c]
    more: list[str] = []
    for c in parts:  # "..., 2000), 27–46. Chakrabarty’s later essay extends it: Dipesh Chakrabarty, “The Climate ...”"
        m = _PROSE_THEN_CITE.search(c)
        if m and _has_year(c[:m.start()]) and _has_year(c[m.end("lead"):]):
            more += [c[:m.start()], c[m.end("lead"):]]
        else:
            more.append(c)
    return [c.strip() for c in more if c.strip()]


# a sentence of prose ending in a colon, then a full citation: "Name Name, “Title,” ..." or "Name Name, Title ("
_PROSE_THEN_CITE = re.compile(r"(?<=[.)])\s+(?P<lead>[A-Z][^.;:“\"]{3,150}?(?::|,?\s+see(?:\s+also)?)\s+)(?=(?:[A-Z][\w'’.\-]*\s+){1,3}"
                              r"[A-Z][\w'’\-]+(?:\s+Jr\.)?,\s+[“\"A-Z])")


def _key(cite: str) -> tuple[str, str]:
    """(first author's surname, first title words), to tell a work cited again."""
    t = LOCATOR_RE.sub("", cite).strip(" .,")
    case = re.match(r"(?:(?:See|see|Cf\.|Compare)\s+(?:also\s+|generally\s+)?)?([A-Z][^,]{0,80}?\s+v\.\s+[^,]{2,80}),", t)
    if case:  # "Katz v. United States, 389 U.S. 347": a case is its name
        return (case.group(1).lower(), "")
    words = re.findall(r"[^\W\d_][\w'’-]*", t)
    if not words:
        return ("", t.lower())
    names = re.sub(r"\s+et\s+al\.?$", "", re.split(r",|\s+and\s+|&", t, maxsplit=1)[0]).split()
    while len(names) > 1 and re.fullmatch(r"(?:Jr|Sr|II|III|IV)\.?", names[-1]):
        names = names[:-1]  # "William H. Sewell Jr., Logics of History": Sewell
    surname = names[-1] if names else words[0]
    if "," in t and len(t.split(",")[0].split()) == 1:
        surname = t.split(",")[0]
    title = re.search(r"[“\"]([^”\"]+)|,\s*([^,(]+)", t)
    head = (title.group(1) or title.group(2)) if title else t
    tw = [w.lower() for w in re.findall(r"[^\W\d_]+", head) if len(w) > 3][:2]
    after = t.split(",", 1)[1] if "," in t else ""
    if re.match(r"\s*[A-Z][\w.\s]{0,40}?\s\d{1,5},\s*[A-Z]?\d", after) and not re.search(r"[“\"]", t):
        tw += re.findall(r"\d+", after)[:2]  # "P. Skoglund et al., Science 336, 466": no title, the volume and page tell
    return (surname.lower().strip(".,"), " ".join(tw))


def split_notes(lines: list[str], keep_repeats: bool = False):  # noqa: ANN201 - Split
    from refkit.parse.raw import RawReference, Skipped, Split

    notes: list[tuple[int, str, str]] = []  # (line, note id, text)
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        m = NOTE_RE.match(ln)
        if m and m.group(3) and not re.match(r"\s*\d{1,4}[.)]", ln) and notes and notes[-1][1].isdigit() and \
                int(m.group(3)) != int(notes[-1][1]) + 1:
            m = None  # a bare number that does not count up: "593 (1958), with ...", a volume on the next line
        if m:
            notes.append((i + 1, next(g for g in m.groups() if g), ln[m.end():].strip()))
        elif notes:
            no, nid, text = notes[-1]
            notes[-1] = (no, nid, text + " " + ln.strip())
    refs: list[RawReference] = []
    skipped: list[Skipped] = []
    seen: dict[tuple[str, str], RawReference] = {}
    previous: RawReference | None = None
    for no, nid, text in notes:
        for cite in _split_citations(text):
            m = IBID_RE.match(cite)
            if m:
                if previous is None:
                    skipped.append(Skipped(no, cite, "ibid. with nothing before it"))
                    continue
                if keep_repeats:
                    refs.append(RawReference(previous.text, no, nid, reason=f"note {nid}: ibid. repeats the previous work"))
                else:
                    skipped.append(Skipped(no, cite, f"note {nid}: ibid., the same work as line {previous.line}"))
                continue
            cite = PINPOINT_RE.sub(").", strip_inline(cite))
            stripped = PROSE_RE.sub("", cite).strip()
            if stripped != cite and stripped:
                stripped = stripped[0].upper() + stripped[1:] if stripped[0].islower() else stripped
            cite = stripped.rstrip()
            if not cite or not re.search(r"[A-Z]", cite):
                continue
            key = _key(cite)
            first = seen.get(key)
            if first is None and not _has_year(cite) and len(cite) < 150:  # 'Abbate, "Drastic or Gnostic?," 510.'
                short = set(key[1].split())
                first = next((r for k, r in reversed(list(seen.items())) if k[0] == key[0] and short and short <= {
                    w.lower() for w in re.findall(r"[^\W\d_]+", r.text) if len(w) > 3}), None)
            short_case = re.match(r"([A-Z][\w.'’\- ]{1,40}?),\s+\d{1,4}\s+[A-Z][\w.\s]{1,20}?\s+at\s+\d", cite)
            if first is None and short_case:  # Bluebook's "Carpenter, 138 S. Ct. at 2223": the case cited before
                name = short_case.group(1).lower()
                first = next((r for k, r in reversed(list(seen.items())) if " v. " in k[0] and
                              (k[0].startswith(name + " v. ") or k[0].endswith(" v. " + name))), None)
            if first is None and OP_CIT_RE.search(cite):  # "Smith, op. cit., 45", "Smith, supra note 3"
                first = next((r for k, r in reversed(list(seen.items())) if k[0] == key[0]), None)
            if first is None and re.match(r"(?i)(?:tables?|figs?\.|figures?|sections?|supplementary|materials|methods|"
                                          r"text|eqs?\.|equations?)\b", cite) and not _has_year(cite):
                skipped.append(Skipped(no, cite, f"note {nid}: a pointer inside the paper, not a citation"))
                continue  # "see table S2", "Fig. 3"
            words = re.findall(r"[^\W\d_]+", cite)
            if first is None and _has_year(cite) and len(words) >= 12 and sum(w[0].islower() for w in words) >= 0.6 * len(words) \
                    and not re.search(r"[“\"«„”]|\b(?:pp?|S|s|ss)\.\s*\d|\b[A-ZÀ-Þ][a-zà-ÿ]+,\s+[A-ZÀ-Þ]\.|\(\d{4}[a-z]?\)|"
                                      r"\d{4};\s?\d|\d+\(\d+\)|\d+\s?[-–]\s?\d+|"
                                      r"[A-ZÀ-Þ][a-zà-ÿ]+:\s+[A-ZÀ-Þ]|\bdoi\b|https?://|\b(?:ed|eds|Hg|Hrsg|vol|Bd)\.", cite):
                skipped.append(Skipped(no, cite, f"note {nid}: a remark, not a citation"))
                continue  # "Według danych serwisu medRxiv liczba preprintów wzrosła w 2020 r. ...": prose with a year in it
            if first is None and not _has_year(cite) and (not re.search(r"[“\"«„]", cite) or len(words) >= 14):
                if len(words) >= (5 if re.search(r"\(\d{1,3}\)", cite) else 6) and (re.match(r"(?:I|We|My|Our)\s", cite) or
                                        sum(w[0].islower() for w in words) >= 0.6 * len(words)):
                    skipped.append(Skipped(no, cite, f"note {nid}: a remark, not a citation"))
                    continue  # "I am grateful to Jane Holloway for pointing me to this correspondence."
            if first is not None and not keep_repeats:
                skipped.append(Skipped(no, cite, f"note {nid}: cites again the work of line {first.line}"))
                if len(cite) > len(first.text) and _has_year(cite):
                    first.text = cite
                previous = first
                continue
            ref = RawReference(cite, no, nid, reason=f"note {nid}" + (": a citation after ';'" if refs and
                                                                       refs[-1].number == nid else ""))
            refs.append(ref)
            seen.setdefault(key, ref)
            previous = ref
    return Split(refs, skipped)


def _has_year(text: str) -> bool:
    return bool(re.search(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)", text))
