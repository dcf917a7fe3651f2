"""Plain text -> one string per reference, with the line each starts on.

Handles one reference per line, references wrapped over several lines (hanging indents, fixed
width wrapping, line-break hyphens), numbered lists (``[12]``, ``12.``, ``12)``), blank-line
separated blocks, and whole papers (the reference section is found by its heading, or as the
trailing run of reference-like lines after the prose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING_RE = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:references?(?:\s+list)?|bibliography|works\s+cited|literature(?:\s+cited)?|"
    r"sources|cited\s+works|literaturverzeichnis|literatur|bibliographie|références(?:\s+bibliographiques)?|"
    r"referencias|riferimenti(?:\s+bibliografici)?|bibliografía|bibliografia|references\s+and\s+notes)"
    r"\s*:?\s*$",
    re.I,
)
STOP_HEADING_RE = re.compile(r"^\s*(?:appendix|appendices|acknowledge?ments?|notes|endnotes|about the authors?|"
                             r"supplementary|tables?|figures?)\b.{0,40}$", re.I)
PROSE_HEADING_RE = re.compile(r"^\s*(?:abstract|keywords?|introduction|conclusions?|discussion|methods?|results)"
                              r"\s*:?\s*$", re.I)
NUMBER_RE = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)](?=\s)|\((\d{1,3})\)(?=\s))\s*")
# An author-like start: "Family, G", "Family Family, Given", "van der Family, G", "FAMILY, G", "Family G,"
NAME_START_RE = re.compile(
    r"^(?:(?:[a-z]{1,3}\s){0,3})?[A-Z\u00C0-\u024F][\w'’\-\u00C0-\u024F]*\.?"
    r"(?:[\s\-][A-Z\u00C0-\u024F][\w'’\-\u00C0-\u024F]*){0,3},?\s+(?:[A-Z\u00C0-\u024F]|\(|&)"
    # or a corporate author right before its year: "Ministry of Foreign Affairs (2015)"
    r"|^[A-Z][\w'’\-]*(?:\s+(?:of|for|and|the|on|in|de|du|des|la|le|für|[A-Z][\w'’\-.]*)){0,9}\s*\((?:1[5-9]|20)\d\d"
)
YEAR_RE = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\bn\.\s?d\.")
URLISH_RE = re.compile(r"(?:https?://|www\.|doi\.org/)\S*$")


@dataclass
class RawReference:
    text: str
    line: int  # 1-based line of the input where the reference starts
    number: str = ""  # the list's own number ("12" for "[12]"), if any
    lines: int = 1


def looks_like_start(s: str) -> bool:
    """Does ``s`` (a line, possibly with what follows it) start like a reference?"""
    s = s.lstrip()
    if NUMBER_RE.match(s):
        return True
    if not NAME_START_RE.match(s) and not s.startswith(("———", "---", "——", "__")):
        return False
    return bool(YEAR_RE.search(s[:220]))


ENDINGS = (".", ")", "]")


def starts_strictly(s: str) -> bool:
    """A reference start that a wrapped continuation line is unlikely to fake: an author-like start
    and a year before the first quote and before the first sentence end ("...]. Next")."""
    s = s.lstrip()
    if NUMBER_RE.match(s):
        return True
    if not NAME_START_RE.match(s) and not s.startswith(("———", "---", "——", "__")):
        return False
    y = YEAR_RE.search(s[:200])
    if not y:
        return False
    head = s[: y.start()]
    return not re.search(r"[“\"]|(?:[a-z0-9\]\)]{2}|\])\.\s+[A-Z]", head)


def _prose(line: str) -> bool:
    words = re.findall(r"[^\W\d_]+", line)
    if len(line) < 250 or len(words) < 30:
        return False
    low = sum(1 for w in words if w[0].islower())
    return low / len(words) > 0.65


def find_reference_section(lines: list[str]) -> tuple[int, int]:
    """(first, end) line indexes of the reference section; the whole text when it is a plain list."""
    n = len(lines)
    heads = [i for i, ln in enumerate(lines) if HEADING_RE.match(ln)]
    if heads:
        start = heads[-1] + 1
        end = n
        for j in range(start, n):
            if STOP_HEADING_RE.match(lines[j]) and j > start + 1:
                end = j
                break
        if any(ln.strip() for ln in lines[start:end]):
            return start, end
    markers = [i for i, ln in enumerate(lines) if _prose(ln) or PROSE_HEADING_RE.match(ln)]
    if not markers:
        return 0, n
    starts = [i for i, ln in enumerate(lines) if looks_like_start(ln)]
    after = [i for i in starts if i > markers[-1]]
    if len(after) >= 2:
        return after[0], n
    return 0, n


def _inside_url(a: str) -> bool:
    """Does ``a`` end inside a URL that an "Available at:" started (no comma or bracket since)?"""
    m = re.search(r"(?:available\s+(?:at|from)|retrieved\s+from)\s*:?\s*(\S[^,(\[”\"]*)$", a, re.I)
    return m is not None and bool(re.match(r"h\s?t\s?t\s?p|w\s?w\s?w", m.group(1), re.I))


def _join(a: str, b: str) -> str:
    """Join a wrapped line ``b`` onto ``a``: line-break hyphens, URLs broken over lines."""
    a = a.rstrip()
    b = b.strip()
    if not a:
        return b
    last = a.split()[-1] if a.split() else ""
    if URLISH_RE.search(last) and not re.match(r"^[A-Z(\[]", b) or _inside_url(a) and not b.startswith(("(", "[")):
        return a + b  # a URL that goes on (hyphens in it are the URL's own)
    if a.endswith("-") and not a.endswith(" -") and not a.endswith("--"):
        if re.match(r"[a-z\u00E0-\u024F]", b) and re.search(r"[a-z\u00E0-\u024F]-$", a):
            word_a = re.findall(r"[\w\u00C0-\u024F]+-$", a)
            if word_a and len(word_a[0]) > 2:
                return a[:-1] + b  # "Rela-" + "tions" -> "Relations"
        return a + b  # "Iran-" + "Russia", "419-" + "434"
    return a + " " + b


def split_references(text: str, one_per_line: bool = False) -> list[RawReference]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\u00ad", "")
    lines = text.split("\n")
    if one_per_line:
        return [RawReference(ln.strip(), i + 1) for i, ln in enumerate(lines) if ln.strip()]
    first, end = find_reference_section(lines)
    body = [(i + 1, lines[i].rstrip()) for i in range(first, end)]
    nonblank = [(no, ln) for no, ln in body if ln.strip()]
    if not nonblank:
        return []

    # numbered lists: a marker at the start of most references, counting up
    numbered = [(no, ln) for no, ln in nonblank if NUMBER_RE.match(ln)]
    if len(numbered) >= 2 and _counts_up(numbered):
        expected = [0]

        def next_number(no: int, ln: str, prev: str | None, ahead: str) -> bool:
            m = NUMBER_RE.match(ln)
            if not m:
                return False
            n = int(next(g for g in m.groups() if g))
            if expected[0] and n != expected[0]:
                return False
            expected[0] = n + 1
            return True

        return _group(body, next_number, numbered=True)

    blank_separated = any(not ln.strip() for _, ln in body[1:-1]) and _blocks_multiline(body)
    if blank_separated:
        return _group_blocks(body)

    indents = [len(ln) - len(ln.lstrip()) for _, ln in nonblank]
    if len(set(indents)) > 1 and min(indents) == indents[0] and sum(i > indents[0] for i in indents) >= 1:
        base = indents[0]
        return _group(body, lambda no, ln, prev, ahead: len(ln) - len(ln.lstrip()) <= base)

    lengths = [len(ln.strip()) for _, ln in nonblank]
    width = max(lengths)
    # greedy: wrapped at a fixed width (many lines close to the longest), so "would the next word
    # have fitted?" tells where a reference ended
    greedy = len(nonblank) >= 3 and width <= 160 and sum(w >= 0.8 * width for w in lengths) >= 0.4 * len(lengths)
    # wrapped some other way (a PDF's optimal line breaking): most lines end mid-sentence
    ended_share = sum(1 for _, ln in nonblank if ln.rstrip().endswith(ENDINGS)) / len(nonblank)
    wrapped = greedy or (len(nonblank) >= 3 and ended_share < 0.6)

    def is_start(no: int, ln: str, prev: str | None, ahead: str = "") -> bool:
        if prev is None:
            return True
        p = prev.rstrip()
        s = ln.strip()
        if re.match(r"^[a-z\u00E0-\u024F,;:.)\]]", s) and not re.match(r"^(?:van|von|de|der|den|di|da|du|le|la)\s+[A-Z]", s):
            return False
        if p.endswith("-") and not p.endswith((" -", "--")):
            return False  # a line-break hyphen
        if wrapped:
            start = looks_like_start(s + " " + ahead)
            ended = p.endswith(ENDINGS)
            if greedy and len(s.split()[0]) <= width - len(p.strip()) - 1:
                # a greedy wrapper would have kept going on the previous line; an optimal one
                # (TeX, in PDFs) may not have, so ask for one more sign of a new reference
                return start or ended
            return ended and starts_strictly(s + " " + ahead)
        if URLISH_RE.search(p.split()[-1] if p.split() else "") and not looks_like_start(s + " " + ahead):
            return False
        return True

    return _group(body, is_start)


def _counts_up(numbered: list[tuple[int, str]]) -> bool:
    nums = []
    for _, ln in numbered:
        m = NUMBER_RE.match(ln)
        assert m
        nums.append(int(next(g for g in m.groups() if g)))
    ups = sum(1 for a, b in zip(nums, nums[1:], strict=False) if b == a + 1)
    return ups >= 0.6 * (len(nums) - 1)


def _blocks_multiline(body: list[tuple[int, str]]) -> bool:
    run = 0
    for _, ln in body:
        if ln.strip():
            run += 1
            if run > 1:
                return True
        else:
            run = 0
    return False


def _group_blocks(body: list[tuple[int, str]]) -> list[RawReference]:
    out: list[RawReference] = []
    cur: RawReference | None = None
    for no, ln in body:
        if not ln.strip():
            cur = None
            continue
        if cur is None:
            cur = RawReference(ln.strip(), no)
            out.append(cur)
        else:
            cur.text = _join(cur.text, ln)
            cur.lines += 1
    return out


def _group(body, is_start, numbered: bool = False) -> list[RawReference]:
    out: list[RawReference] = []
    prev: str | None = None
    texts = [ln for _, ln in body if ln.strip()]
    k = -1
    after_blank = False
    for no, ln in body:
        if not ln.strip():
            after_blank = True
            continue
        k += 1
        if not out or after_blank or is_start(no, ln, prev, " ".join(t.strip() for t in texts[k + 1:k + 4])):
            text = ln.strip()
            number = ""
            if numbered:
                m = NUMBER_RE.match(text)
                if m:
                    number = next(g for g in m.groups() if g)
                    text = text[m.end():]
            out.append(RawReference(text, no, number))
        else:
            out[-1].text = _join(out[-1].text, ln)
            out[-1].lines += 1
        prev = ln
        after_blank = False
    return out
