"""How the lines of a list become references, once the splitter knows what kind of list it is.

* :func:`group_numbered`: a numbered list (``[12]``, ``12.``, a bare ``12``), counting up across blank
  lines and page breaks; prose between references is skipped; a list numbered from 1 again (a
  thesis's chapters) goes on; a number inside a line starts the next reference.
* :func:`group_blocks`: blank-line separated blocks, joined where a block cannot start a reference.
* :func:`group_lines`: line by line, asking ``is_start`` whether each line starts a new reference.

Called from :func:`refkit.parse.split._split_body`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from refkit.parse import find
from refkit.parse.join import join_lines as _join
from refkit.parse.layout import paragraph
from refkit.parse.raw import RawReference, Skipped
from refkit.parse.starts import (
    DITTO_RE,
    ENDINGS,
    NAME_PERIOD_RE,
    NUMBER_RE,
    PARTICLE_RE,
    YEAR_RE,
    _ends_with_link,
    given_first_start,
    list_number,
    looks_like_start,
    starts_lower,
    starts_strictly,
)


def counts_up(numbered: list[tuple[int, str]]) -> bool:
    nums = [list_number(ln) for _, ln in numbered]
    ups = sum(1 for a, b in zip(nums, nums[1:], strict=False) if b == a + 1)
    return ups >= 0.6 * (len(nums) - 1)


def reference_done(text: str) -> bool:
    """A reference that ends: on a full stop (or the like), or on a complete link ('doi:10.1214/aos/1176344552')."""
    t = text.rstrip()
    return t.endswith(ENDINGS) or bool(t) and _ends_with_link(t.split()[-1])


def group_numbered(body: list[tuple[int, str]], vocab: set[str],
                    skipped: list[Skipped] | None = None, rx: re.Pattern[str] = NUMBER_RE) -> list[RawReference]:
    """A numbered list. A heading or a paragraph of prose after a finished reference and a blank line
    (Nature's "Methods" between references 14 and 15) is skipped, not joined to the reference."""
    out: list[RawReference] = []
    expected = 0
    prev = ""
    after_blank = skipping = False
    held: list[tuple[int, str]] = []
    style = ""  # how the list writes its numbers: "[1]", "1.", "1)", "(1)"
    last_no = 0
    for no, ln in body:
        if not ln.strip():
            after_blank = True
            continue
        blank_before, after_blank = after_blank, False
        gap_no, last_no = last_no, no
        m = rx.match(ln)
        if m and out and style and _style(m.group(0)) != style:
            m = None  # "[24] ..." then "1) College of ...": another kind of number, not the list's
        if not m and out and (skipping and not blank_before or (blank_before or skipping) and reference_done(out[-1].text)
                              and (find.PROSE_HEADING_RE.match(ln) or find.STOP_HEADING_RE.match(ln) or paragraph(ln))):
            skipping = True
            if skipped is not None:
                skipped.append(Skipped(no, ln.strip(), "prose between the references"))
            continue
        was_skipping, skipping = skipping, False
        if not m and out and (held or blank_before and reference_done(out[-1].text) and not _continues(ln)):
            held.append((no, ln))  # after a finished reference and a blank line: its rest, or what follows the list
            continue
        if m:
            n = list_number(ln, rx)
            if n == 1 and len(out) == 1 and out[0].number.isdigit() and int(out[0].number) > 1:
                if skipped is not None:  # "[22]. Several authors ..." opened a line of the text: the list starts at [1]
                    skipped.append(Skipped(out[0].line, out[0].text[:200], "text before the list"))
                out, expected, held = [], 0, []
            lettered = re.match(r"\s*\[\d+[a-z]\]", ln) is not None  # "[8a]" after "[8]": a work of its own
            restart = n == 1 and out and (expected > 2 and (blank_before or was_skipping) or expected >= 2 and no - gap_no > 1) and \
                reference_done(prev)  # a second list, numbered from 1 again (a thesis's chapters; a group under a heading)
            ok = not out or n == expected or (n == expected + 1 and prev.rstrip().endswith(ENDINGS)) or (
                lettered and n == expected - 1) or restart
            ok = ok and (rx is NUMBER_RE or (n == expected if out else n <= 2))  # bare numbers: strictly in turn
            if ok:
                if held:  # a page break inside the reference before: its lines are its own
                    _join_held(out[-1], held, vocab)
                    held = []
                why = f"number {m.group(0).strip()} follows {out[-1].number}" if out else f"first number {m.group(0).strip()}"
                label = m.group(0).strip().strip("[]") if lettered else str(n)
                out.append(RawReference(ln.strip()[len(m.group(0).strip()):].strip(), no, label, reason=why))
                style = style or _style(m.group(0))
                expected = n + 1
                prev = ln
                continue
        if not out:
            if skipped is not None:
                skipped.append(Skipped(no, ln.strip()[:200], "text before the list's first number"))
            continue  # text before the first number (a stray footnote)
        cut = re.search(rf"(?<=[.)\]])\s+{expected}\.\s+(?=[A-ZÀ-Þ])", ln) if rx is NUMBER_RE and expected else None
        if cut:  # "Science 181, 223–230 (1973). 5. LeCun, Y., ...": a PDF viewer ran the next reference on
            out[-1].text = _join(out[-1].text, ln[:cut.start()], vocab)
            out.append(RawReference(ln[cut.end():].strip(), no, str(expected),
                                    reason=f"number {expected}. follows {out[-1].number} inside the line"))
            expected += 1
            prev = ln
            continue
        if held:  # a number out of turn among held lines: held too
            held.append((no, ln))
            continue
        out[-1].text = _join(out[-1].text, ln, vocab)
        out[-1].lines += 1
        prev = ln
    strict = [k for k, (_, hln) in enumerate(held) if (starts_strictly(hln.strip()) or NAME_PERIOD_RE.match(hln.strip()))
              and YEAR_RE.search(hln)]
    stop = next((k for k, (_, hln) in enumerate(held) if find.STOP_HEADING_RE.match(hln)), None)
    if stop is not None and skipped is not None:  # "ANEXE": what follows the list
        skipped.extend(Skipped(hno, hln.strip(), "text after the last reference") for hno, hln in held[stop:])
        held = held[:stop]
        strict = [k for k in strict if k < stop]
    heads = {k for k, (_, hln) in enumerate(held) if len(hln.strip()) < 80 and not YEAR_RE.search(hln) and
             re.match(r"\s*(?:[IVX]+|\d{1,2})?\.?\s*[A-ZÀ-Þ]", hln) and not re.search(r"https?://|\b10\.\d{4,}/", hln)}
    rest = [hln for k, (_, hln) in enumerate(held) if k not in heads]
    each = len(rest) >= 3 and sum(1 for t in rest if reference_done(t)) >= 0.8 * len(rest)  # one reference a line
    if held and len(strict) >= 3 and len(strict) >= 0.5 * len(held):  # the list goes on without numbers under
        for k, (hno, hln) in enumerate(held):  # further subheadings ("III. Lucrări generale": a thesis's sections)
            t = hln.strip()
            if k in strict or each and k not in heads and not starts_lower(t) and out and reference_done(out[-1].text):
                out.append(RawReference(t, hno, reason="a reference after the numbered ones, under a subheading"))
            elif k > strict[0] and out and k not in heads:
                out[-1].text = _join(out[-1].text, t, vocab)
                out[-1].lines += 1
            elif skipped is not None:
                skipped.append(Skipped(hno, t, "a heading between the groups of the list"))
    elif held and skipped is not None:  # no number came after them: the paper goes on after its list
        skipped.extend(Skipped(hno, hln.strip(), "text after the last reference") for hno, hln in held)
    elif held:
        _join_held(out[-1], held, vocab)
    return out


def _join_held(ref: RawReference, held: list[tuple[int, str]], vocab: set[str]) -> None:
    for _, ln in held:
        ref.text = _join(ref.text, ln, vocab)
        ref.lines += 1


def _style(number: str) -> str:
    t = number.strip().translate(str.maketrans("［］（）．", "[]().")).rstrip("\u3000")  # full-width forms are the same
    return "[" if t.startswith("[") else "(" if t.startswith("(") else ")" if t.endswith(")") else "." if t.endswith(".") else " "


def _continues(ln: str) -> bool:
    """A line that can only go on a reference: lower case first, or a year, volume or pages early on."""
    s = ln.strip()
    return starts_lower(s) or bool(re.match(r"[(\d]", s)) or bool(re.search(r"\b(?:1[5-9]|20)\d\d\b|\d+\s*[-–]\s*\d+", s[:40]))


# ABNT's and ISO 690's "COASE, R. H." / "OSTROM, E.": a family name in capitals, a comma and an initial or name
_CAPS_FAMILY = re.compile(r"^[A-ZÀ-Þ]{2,}(?:[\s\-'][A-ZÀ-Þ]{2,})*,\s+[A-ZÀ-Þ](?:\.|[a-zà-ÿ]+)"
                          r"|^(?:[A-ZÀ-Þ]{3,12}|BRASIL|BRAZIL)\.\s+[A-ZÀ-Þ][a-zà-ÿ]")  # or a body in capitals: "INEP. Censo ..."


_VANC_ONE = r"[A-ZÀ-Þ][\w'’‐\-]+(?:\s[A-ZÀ-Þ][\w'’‐\-]+)?\s[A-Z]{1,3}"
_VANCOUVER_NAMES = re.compile(rf"{_VANC_ONE}(?:,\s{_VANC_ONE})*(?:,\set\sal)?\.\s+[A-ZÀ-Þ\[]")


def group_blocks(body: list[tuple[int, str]], breaks: set[int], vocab: set[str]) -> list[RawReference]:
    """Blank-line separated blocks. A block that cannot start a reference (lower case, or the last
    one stopped mid-sentence) continues the last one: a page break or a stray blank line. A missing
    blank line is no join where a line starts with a family name in capitals after a finished one."""
    out: list[RawReference] = []
    new_block = True
    prev = ""
    prev_ln = ""
    last_no = 0
    inner = [ln for (_, a), (_, ln) in zip(body, body[1:], strict=False) if a.strip() and ln.strip()]
    hanging = len(inner) >= 4 and sum(1 for ln in inner if _indent(ln) >= 2) >= 0.8 * len(inner)
    for no, ln in body:
        if not ln.strip():
            new_block = True
            continue
        s = ln.strip()
        paged_gap = no - last_no > 2  # lines were dropped in between (page furniture)
        flush_after = hanging and _indent(ln) == 0 and _indent(prev_ln) >= 2  # a hanging list's next entry, no blank between
        last_no = no
        reason = ""
        if not out:
            reason = "first line"
        elif new_block:
            cont = ((starts_lower(s) or s[:1] == "/") and not PARTICLE_RE.match(s) or prev.endswith("-")
                    or prev.endswith((",", ";", ":", "/")) and (no in breaks or paged_gap)) and not starts_strictly(s)
            reason = "" if cont else "a blank line before it"
        elif (no in breaks or flush_after) and (prev.endswith(ENDINGS) or flush_after and re.search(
                r"(?:https?://|doi:\s?|\b10\.\d{4,}/)\S+$", prev)) and (starts_strictly(s + " " + _ahead(body, no)) or
                                                                       given_first_start(s)):
            reason = "a page break, and it starts with authors and a year" if no in breaks else \
                "a flush line after an indented one, and it starts with authors and a year"
        elif prev.endswith(ENDINGS) and (_CAPS_FAMILY.match(s) or DITTO_RE.match(s) and s[:1] in "—–-_") and len(out[-1].text) > 40 and \
                not re.search(r"(?:^|\s)(?:[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.)*|[Ii]n:?|[EeÉé]ds?\.|[Hh]rsg\.)$", prev):  # not "In J." + "MARTIN, Éd."
            reason = "the previous line ends a sentence and this one starts with a family name in capitals"
        elif prev.endswith(ENDINGS) and len(out[-1].text) > 40 and _VANCOUVER_NAMES.match(s):
            reason = "the previous line ends a sentence and this one starts with Vancouver's names ('Lind P, Varga T.')"
        _take(out, reason, s, no, ln, vocab)
        prev = s
        prev_ln = ln
        new_block = False
    return out


def _indent(ln: str) -> int:
    return len(ln) - len(ln.lstrip(" "))


def _take(out: list[RawReference], reason: str, text: str, no: int, ln: str, vocab: set[str]) -> None:
    """A line that starts a reference (``reason`` says why) opens one; any other goes on the last."""
    if reason:
        out.append(RawReference(text, no, reason=reason))
    else:
        out[-1].text = _join(out[-1].text, ln, vocab)
        out[-1].lines += 1


def _ahead(body: list[tuple[int, str]], no: int) -> str:
    nxt = [ln.strip() for n, ln in body if n > no and ln.strip()]
    return " ".join(nxt[:2])


def group_lines(body: list[tuple[int, str]], is_start: Callable[[int, str, str | None, str, str], str],
                vocab: set[str], blank_ends: bool = True, soft_blanks: bool = False) -> list[RawReference]:
    """References from lines: ``is_start`` says why a line starts one ("" if it does not). A blank line
    ends a reference (``blank_ends``); with ``soft_blanks`` only after a finished line and before a line
    that can start one (a page break inside a reference is no end)."""
    out: list[RawReference] = []
    prev: str | None = None
    texts = [s for s in (ln.strip() for _, ln in body) if s]
    k = -1
    after_blank = False
    for no, ln in body:
        if not ln.strip():
            after_blank = True
            continue
        k += 1
        reason = "first line" if not out else ""
        if not reason and after_blank and blank_ends:
            p = (prev or "").rstrip()
            deeper = _indent(ln) >= 2 + (_indent(body[0][1]) if body else 0)  # a hanging line after a page break
            if not soft_blanks or (p.endswith(ENDINGS) or _ends_with_link(p.split()[-1] if p.split() else "")) and \
                    not p.endswith("-") and not deeper and looks_like_start(ln.strip() + " " + " ".join(texts[k + 1:k + 3])):
                reason = "a blank line before it"
        if not reason:
            reason = is_start(no, ln, prev, " ".join(texts[k + 1:k + 4]), out[-1].text)
        _take(out, reason, ln.strip(), no, ln, vocab)
        prev = ln
        after_blank = False
    return out
