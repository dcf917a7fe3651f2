"""Dates: cs:date and cs:date-part, localized forms, ranges, seasons, year suffixes, sort keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citeproc import model

from refkit.errors import RenderError
from refkit.format.csl.constants import REFKIT_NS
from refkit.format.csl.nodes import FMT_ATTRS, Node
from refkit.format.csl.numbers import collapse_range
from refkit.format.richtext import Piece, Rich, apply_case, join, parse_markup

if TYPE_CHECKING:
    from refkit.format.csl.context import Ctx
    from refkit.format.csl.style import CompiledStyle


DATE_PART_ORDER = ("year", "month", "day")


class Date(Node, model.Date):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        a = self.attrib
        self.var = a.get("variable", "")
        self.form = a.get("form")
        want = a.get("date-parts", "year-month-day").split("-")
        own = [k for k in self.kids if isinstance(k, Date_Part)]
        if self.form:
            base = style.locale.dates.get(self.form)
            if base is None:
                raise RenderError(f"the locale has no {self.form!r} date format")
            overrides = {p.name: p for p in own}
            self.parts = []
            self.part_delim = base.get("delimiter", "")
            for el in base:
                if not isinstance(el.tag, str):
                    continue
                name = el.get("name")
                if name not in want:
                    continue
                spec = dict(el.attrib)
                if name in overrides:
                    o = overrides[name]
                    for k, v in o.attrib.items():
                        if k not in ("prefix", "suffix", "name"):
                            spec[k] = v
                self.parts.append(DatePartSpec(spec))
            # the locale's formatting and affixes sit on the locale's date element
            self.loc_prefix = base.get("prefix", "")
            self.loc_suffix = base.get("suffix", "")
        else:
            self.parts = [DatePartSpec(dict(p.attrib)) for p in own]
            self.part_delim = self.delim
            self.loc_prefix = self.loc_suffix = ""

    def out(self, ctx: Ctx) -> Piece | None:
        ctx.called += 1
        if self.var in ctx.suppressed:
            return None
        d = ctx.item.dates.get(self.var)
        if not d:
            return None
        out = self._render(ctx, d)
        if out is not None:  # a date whose wanted parts are all missing counts as empty
            ctx.rendered += 1
            if ctx.trace is not None:
                ctx.trace.append(self.var)
        return out

    def _render(self, ctx: Ctx, d: dict[str, Any]) -> Piece | None:
        if ctx.sorting:
            return date_sort_key(d, [p.name for p in self.parts])
        if "parts" not in d:
            if not any(p.name == "year" for p in self.parts):
                return None
            lit = d.get("literal", "")
            return self.wrap(parse_markup(lit), ctx) if lit else None
        start = d["parts"][0]
        end = d["parts"][1] if len(d["parts"]) > 1 else None
        add_ys = bool(self.var == "issued" and ctx.item.year_suffix and not ctx.style.explicit_year_suffix
                      and not ctx.ys_done)
        season = d.get("season") or (_season(start[1]) if len(start) > 1 else None)
        parts = [p for p in self.parts if _has_part(start, p.name) or (p.name == "month" and season)]
        if not parts:
            return None
        if end and end != start:
            diff = next((n for i, n in enumerate(DATE_PART_ORDER)
                         if (start[i] if i < len(start) else None) != (end[i] if i < len(end) else None)), None)
            shown = [p.name for p in parts]
            if diff is not None and diff in shown:
                return self._range(ctx, start, end, parts, diff, add_ys, season)
        pieces = []
        for p in parts:
            r = p.render(start, ctx, season)
            if r is None:
                continue
            if p.name == "year" and add_ys:
                r = _ys(r, ctx)
            pieces.append(r)
        content = Rich(join(pieces, self.part_delim))
        return self.wrap(Rich([content], prefix=self.loc_prefix, suffix=self.loc_suffix)
                         if self.loc_prefix or self.loc_suffix else content, ctx)

    def _range(self, ctx: Ctx, start: list[int], end: list[int], parts: list[DatePartSpec], diff: str,
               add_ys: bool, season: int | None) -> Piece | None:
        level = DATE_PART_ORDER.index(diff)
        varying = [i for i, p in enumerate(parts) if DATE_PART_ORDER.index(p.name) >= level]
        lo, hi = min(varying), max(varying)
        rd = next((p.range_delim for p in parts if p.name == diff), "\u2013")
        out: list[Piece] = []
        for i, p in enumerate(parts):
            if i < lo or i > hi:
                r = p.render(start, ctx, season)
                if r is not None:
                    if p.name == "year" and add_ys:
                        r = _ys(r, ctx)
                    out.append(r)
                continue
            if i == lo:
                a = [q.render(start, ctx, season, strip_suffix=(j == hi)) for j, q in enumerate(parts)
                     if lo <= j <= hi]
                b = [q.render(end, ctx, None, strip_prefix=(j == lo)) for j, q in enumerate(parts)
                     if lo <= j <= hi]
                a_ = join([x for x in a if x is not None], self.part_delim)
                year_part = parts[lo] if lo == hi else None
                if year_part is not None and year_part.name == "year" and year_part.range_format and start[0] > 0:
                    short = collapse_range(str(start[0]), str(end[0]), year_part.range_format)
                    b = [year_part.render([int(short)] if short.isdigit() else end, ctx, None, strip_prefix=True)]
                    if isinstance(b[0], Rich):
                        b[0].kids = [short]
                b_ = join([x for x in b if x is not None], self.part_delim)
                if add_ys and any(q.name == "year" for q in parts[lo:hi + 1]):
                    b_ = [_ys(Rich(b_), ctx)]
                out.append(Rich(a_ + [rd] + b_))
        content = Rich(join(out, self.part_delim))
        return self.wrap(Rich([content], prefix=self.loc_prefix, suffix=self.loc_suffix)
                         if self.loc_prefix or self.loc_suffix else content, ctx)


def _ys(r: Piece, ctx: Ctx) -> Piece:
    ctx.ys_done = True
    if isinstance(r, Rich) and (r.suffix or r.prefix):
        return Rich([Rich(r.kids, r.fmt, r.quotes) , ctx.item.year_suffix], prefix=r.prefix, suffix=r.suffix)
    return Rich([r, ctx.item.year_suffix])


def _season(month: int) -> int | None:
    """A season given as a month: 21-24 (CSL 1.0.2, EDTF) or 13-20 (older data), as citeproc-js reads them."""
    if 13 <= month <= 24:
        return (month - 13) % 4 + 1
    return None


def _has_part(parts: list[int], name: str) -> bool:
    i = DATE_PART_ORDER.index(name)
    return len(parts) > i and parts[i] != 0


def date_sort_key(d: dict[str, Any], parts: list[str] | None = None) -> str:
    if "parts" not in d:
        return d.get("literal", "")
    want = parts or ["year", "month", "day"]

    def one(x: list[int]) -> str:
        p = x + [0, 0]
        return (f"{p[0] + 10000:05d}" + (f"{p[1]:02d}" if "month" in want else "00")
                + (f"{p[2]:02d}" if "day" in want else "00"))
    key = one(d["parts"][0])
    if len(d["parts"]) > 1:
        key += "-" + one(d["parts"][1])
    return key


class DatePartSpec:
    __slots__ = ("name", "form", "prefix", "suffix", "tcase", "strip", "fmt", "range_delim", "range_format")

    def __init__(self, a: dict[str, str]) -> None:
        self.name = a.get("name", "year")
        self.form = a.get("form", {"year": "long", "month": "long", "day": "numeric"}[self.name])
        self.prefix = a.get("prefix", "")
        self.suffix = a.get("suffix", "")
        self.tcase = a.get("text-case")
        self.strip = a.get("strip-periods") == "true"
        self.fmt = tuple((k, a[k]) for k in FMT_ATTRS if a.get(k) and a[k] not in ("normal", "none", "baseline"))
        self.range_delim = a.get("range-delimiter", "\u2013")
        # refkit extension (namespace REFKIT_NS): abbreviate the second year of a range like page ranges
        self.range_format = a.get(f"{{{REFKIT_NS}}}range-format")

    def render(self, parts: list[int], ctx: Ctx, season: int | None, strip_prefix: bool = False,
               strip_suffix: bool = False) -> Piece | None:
        loc = ctx.loc
        i = DATE_PART_ORDER.index(self.name)
        val = parts[i] if len(parts) > i else 0
        text: str | None
        if self.name == "year":
            if not val:
                return None
            if self.form == "short":
                text = f"{abs(val) % 100:02d}"
            else:
                text = str(abs(val))
            if val < 0:
                text += loc.term("bc") or "BC"
            elif val < 1000:
                text += loc.term("ad") or "AD"
        elif self.name == "month":
            if season or (val and val > 12):
                s = season or _season(val) or 0
                text = loc.term(f"season-{s:02d}") or ""
            elif not val:
                return None
            elif self.form == "numeric":
                text = str(val)
            elif self.form == "numeric-leading-zeros":
                text = f"{val:02d}"
            else:
                text = loc.term(f"month-{val:02d}", "short" if self.form == "short" else "long")
            if self.strip and text:
                text = text.replace(".", "")
        else:
            if not val:
                return None
            if self.form == "numeric-leading-zeros":
                text = f"{val:02d}"
            elif self.form == "ordinal":
                if loc.options.get("limit-day-ordinals-to-day-1") == "true" and val != 1:
                    text = str(val)
                else:
                    month = parts[1] if len(parts) > 1 and 1 <= parts[1] <= 12 else 0
                    text = f"{val}{loc.ordinal(val, loc.gender(f'month-{month:02d}') if month else None)}"
            else:
                text = str(val)
        if not text:
            return None
        content: Piece = text
        if self.tcase:
            content = apply_case(content, self.tcase)
        return Rich([content], self.fmt, prefix="" if strip_prefix else self.prefix,
                    suffix="" if strip_suffix else self.suffix)


class Date_Part(Node, model.Date_Part):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        self.name = self.attrib.get("name", "year")
