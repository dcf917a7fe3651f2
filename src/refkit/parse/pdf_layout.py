"""The text runs of one PDF page -> its lines, with the spaces the reader sees.

pypdf hands over each run of text with the position where it starts; the width of the run comes
from the font's glyph widths (``/Widths`` or the standard fonts' metrics, mapped back to Unicode
through the font's ``ToUnicode`` map). With both, a gap between two runs wider than a fraction of
the font size is a word space, whether or not the PDF has space characters (OCR text layers and
"Save as PDF" in browsers place every word on its own), and a superscript or boxed list label
("¹Walsh", "1." + "Smith") is set apart from the name after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")
WORD_GAP = 0.15  # a gap wider than this share of the font size between two runs is a space
SMALL_CAPS_RE = re.compile(r"(?:^|[\s(\-\u2013'’])[A-ZÀ-ÞŁ]$")  # "B" + "ARRIER", "SÁNCHEZ-B" + "LANCO"


@dataclass
class Part:
    """One run of text: where it starts, its baseline, font size, and its width when the font tells."""
    x: float
    y: float
    size: float
    text: str
    width: float | None = None


@dataclass
class Line:
    x: float
    y: float
    size: float
    text: str
    col: int = 0
    parts: list[Part] = field(default_factory=list)


class _Widths:
    """The glyph widths of one font by Unicode character, in thousandths of the font size."""

    def __init__(self, font_dict: Any) -> None:
        self.by_char: dict[str, float] = {}
        try:
            from pypdf.generic._font import Font

            font = Font.from_font_resource(font_dict)
        except Exception:  # no usable metrics: widths stay unknown, spaces come from the text alone
            return
        cmap = font.character_map or {}
        enc = font.encoding if isinstance(font.encoding, dict) else {}
        for code, w in font.character_widths.items():
            if code == "default" or not w:
                continue
            uni = cmap.get(code)
            if not isinstance(uni, str) or not uni or uni == "\x00":
                uni = enc.get(ord(code), code) if len(code) == 1 else code
            self.by_char.setdefault(uni, float(w))

    def width(self, text: str, size: float) -> float | None:
        """The width of ``text``; None when the font does not know most of its characters."""
        if not self.by_char:
            return None
        known = [self.by_char.get(c) for c in text]
        hits = [w for w in known if w is not None]
        if len(hits) < 0.8 * len(known):
            return None
        mean = sum(hits) / len(hits) if hits else 500.0
        return sum(w if w is not None else mean for w in known) * size / 1000


def fragments(page: Any) -> list[Part]:
    """The text runs of a pypdf page in content-stream order; text set at a slant (a diagonal
    "Preprint — not peer reviewed" watermark, a stamp up the margin) is left out when most of the page
    is level."""
    out: list[tuple[Part, bool]] = []
    fonts: dict[int, tuple[Any, _Widths]] = {}  # the dict is kept so that its id stays its own

    def visit(text, cm, tm, font_dict, font_size):  # noqa: ANN001 - pypdf's callback
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
        size = max(float(font_size) * scale if font_size else 10.0, 1.0)
        widths = None
        if font_dict is not None:
            key = id(font_dict)
            if key not in fonts:
                fonts[key] = (font_dict, _Widths(font_dict))
            widths = fonts[key][1]
        a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
        slant = abs(b) > 0.1 * abs(a)
        for k, piece in enumerate(text.split("\n")):
            if piece.strip():
                w = widths.width(piece, size) if widths is not None and k == 0 else None
                out.append((Part(float(x), float(y) - k * size * 1.2, size, piece, w), slant))

    page.extract_text(visitor_text=visit)
    level = sum(len(p.text) for p, slant in out if not slant)
    if sum(len(p.text) for p, slant in out if slant) > level:
        return [p for p, _ in out]  # a page turned on its side: all of it
    return [p for p, slant in out if not slant]


def build_lines(frags: list[Part]) -> list[Line]:
    """Runs on one baseline, in stream order, become a line; a raised or lowered smaller run (a
    superscript label) joins the line it sits on, whose baseline is that of its largest text."""
    lines: list[Line] = []
    for p in frags:
        cur = lines[-1] if lines else None
        if cur is not None and abs(p.y - cur.y) < 0.45 * max(p.size, cur.size) and p.x >= cur.x - 1:
            cur.parts.append(p)
            if p.size > 1.1 * cur.size:
                cur.y, cur.size = p.y, p.size
            continue
        lines.append(Line(p.x, p.y, p.size, "", parts=[p]))
    for ln in lines:
        ln.text = join_parts(ln.parts)
    return [ln for ln in lines if ln.text.strip()]


def join_parts(parts: list[Part]) -> str:
    """The text of a line's runs. Where the runs' positions and widths are known, the gap between
    them decides the space; otherwise the characters do (pypdf already puts the spaces it sees)."""
    text = ""
    end: float | None = None  # where the text so far ends on the page
    prev: Part | None = None
    for p in parts:
        t = p.text
        placed = prev is None or p.x > prev.x + 0.5  # later runs of one text object all report its start
        gap = p.x - end if prev is not None and placed and end is not None else None
        if prev is not None:
            sup = p.size < 0.8 * prev.size or prev.size < 0.8 * p.size
            if (p.size < 0.95 * prev.size and SMALL_CAPS_RE.search(text) and re.match(r"[A-ZÀ-ÞŁ]{2}", t)
                    and (gap is None or gap < WORD_GAP * p.size)):
                pass  # small capitals: "B" + "ARRIER" is one word
            elif text.endswith(" ") or t.startswith(" "):
                pass
            elif gap is not None and not sup:
                cjk = bool(_CJK.match(text[-1:]) and _CJK.match(t[:1]))  # justified Japanese spreads its characters
                if gap > (0.5 if cjk else WORD_GAP) * min(p.size, prev.size):
                    text += " "
            elif gap is not None and re.fullmatch(r"\s*[\[(]?\d{1,4}[\].)]?", text) and gap > 0:
                text += " "  # a superscript label before the reference: "¹" + "Walsh"
            elif gap is not None and gap > WORD_GAP * max(p.size, prev.size):
                text += " "
            elif re.fullmatch(r"\s*(?:\[\d{1,4}\]|\d{1,4}[.)])", text):
                text += " "  # a list label set in its own box: "1." + "Smith"
            elif gap is None and not text.endswith(("-", "/")) and not t.startswith((",", ".", ";", ":", ")")):
                if re.search(r"\w$", text) and re.match(r"\w", t) and len(t) > 1 and len(text) > 1 and \
                        not (_CJK.match(text[-1:]) and _CJK.match(t[:1])):
                    text += " "
        text += t
        if placed:
            end = p.x + p.width if p.width is not None else None
        elif end is not None:
            end = end + p.width if p.width is not None else None
        prev = p
    return re.sub(r"[ \t]{2,}", " ", text.translate(LIGATURES)).strip()


LINE_NUMBER_RE = re.compile(r"\d{1,4}")


def _keys(p: Part) -> list[tuple[int, int]]:
    """The columns a bare number may belong to: by its left end, and by its right end if known."""
    keys = [(0, round(p.x / 3))]
    if p.width is not None:
        keys.append((1, round((p.x + p.width) / 3)))
    return keys


def line_number_columns(frags: list[Part]) -> set[tuple[int, int]]:
    """The columns of line numbers of a review manuscript's page: bare numbers counting up one by
    one, set in a column of their own (same left or right end) outside the text, on the baselines of
    most of the page's rows. Numbered references differ: their labels sit at the text's edge, raised
    or close to it, and skip the lines a reference runs on."""
    nums = [p for p in frags if LINE_NUMBER_RE.fullmatch(p.text.strip())]
    if len(nums) < 5:
        return set()
    groups: dict[tuple[int, int], list[Part]] = {}
    for p in nums:
        for key in _keys(p):
            groups.setdefault(key, []).append(p)
    found: set[tuple[int, int]] = set()
    for key, g in groups.items():
        if len(g) < 5:
            continue
        g.sort(key=lambda p: -p.y)
        vals = [int(p.text.strip()) for p in g]
        if sum(1 for a, b in zip(vals, vals[1:], strict=False) if b == a + 1) < 0.8 * (len(vals) - 1):
            continue
        ids = {id(p) for p in g}
        rest = [p for p in frags if id(p) not in ids]
        if not rest:
            continue
        top, bottom = g[0].y + 1, g[-1].y - 1
        rows = {round(p.y / 2) for p in rest if bottom <= p.y <= top}
        if len(g) < 0.6 * len(rows) or sum(_on_baseline(p, rest) for p in g) < 0.8 * len(g):
            continue
        lo = min(p.x for p in g)
        hi = max(p.x + (p.width if p.width is not None else 0.5 * p.size * len(p.text.strip())) for p in g)
        starts = sorted(p.x for p in rest)
        ends = sorted(p.x + (p.width if p.width is not None else 0.5 * p.size * len(p.text)) for p in rest)
        margin = 0.8 * sorted(p.size for p in rest)[len(rest) // 2]  # set well apart from the text
        if hi < starts[len(starts) // 10] - margin or lo > ends[len(ends) * 9 // 10] + margin:
            found.add(key)
    return found


def _on_baseline(p: Part, rest: list[Part]) -> bool:
    return any(abs(q.y - p.y) < 0.15 * p.size for q in rest)


def drop_line_numbers(frags: list[Part], columns: set[tuple[int, int]]) -> list[Part]:
    """The runs without the bare numbers in the given line-number columns (those beside an empty row too)."""
    if not columns:
        return frags
    return [p for p in frags if not (LINE_NUMBER_RE.fullmatch(p.text.strip()) and any(k in columns for k in _keys(p)))]
