"""Text, numbers and labels: cs:text, cs:number, cs:label, and page ranges and number forms."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from citeproc import model

from refkit.errors import RenderError
from refkit.format.csl.constants import DATE_VARS, NAME_VARS, NO_MARKUP_VARS, NUMBER_VARS
from refkit.format.csl.nodes import Node
from refkit.format.csl.numbers import format_numbers, is_numeric, is_plural, page_range
from refkit.format.richtext import CJK_ONLY, Piece, Rich, parse_markup, plain

if TYPE_CHECKING:
    from refkit.format.csl.context import Ctx
    from refkit.format.csl.style import CompiledStyle


class Text(Node, model.Text):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        a = self.attrib
        self.var = a.get("variable")
        self.macro = style.macros.get(a.get("macro", "")) if a.get("macro") else None
        if a.get("macro") and self.macro is None:
            raise RenderError(f"the style calls an undefined macro {a.get('macro')!r}")
        self.term = a.get("term")
        self.value = a.get("value")
        self.form = a.get("form", "long")
        self.plural = a.get("plural") == "true"

    def out(self, ctx: Ctx) -> Piece | None:
        if self.var is not None:
            if self.var != "year-suffix":
                ctx.called += 1
            content = variable_text(self.var, self.form, ctx)
            if content is None:
                return None
            ctx.called += self.var == "year-suffix"
            ctx.rendered += 1
            if ctx.trace is not None:
                ctx.trace.append(self.var)
            r = self.wrap(content, ctx)
            if self.fmt and isinstance(r, Rich) and CJK_ONLY.match(plain(content)):
                # citeproc-js leaves CJK text upright: no italics on the variable itself
                r.fmt = tuple(f for f in r.fmt if f[0] != "font-style")
            return r
        if self.macro is not None:
            # a macro is suppressed like a group: variables called and none printed leave no terms behind
            called, rendered = ctx.called, ctx.rendered
            ctx.called = ctx.rendered = 0
            content = self.macro.out(ctx)
            ok = content is not None and (ctx.called == 0 or ctx.rendered > 0)
            inner_called = ctx.called
            ctx.called = called + (1 if inner_called else 0)
            ctx.rendered = rendered + (1 if ok else 0)
            return self.wrap(content, ctx) if ok else None
        if self.term is not None:
            t = ctx.loc.term(self.term, self.form, self.plural)
            # tagged: a term that opens a citation is capitalised ("Ibid.")
            return self.wrap(Rich([t], tag="term"), ctx, localized=True) if t else None
        if self.value is not None:
            return self.wrap(parse_markup(self.value), ctx, localized=True) if self.value else None
        return None


def variable_text(var: str, form: str, ctx: Ctx) -> Piece | None:
    item = ctx.item
    if var in ctx.suppressed:
        return None
    if var == "citation-number":
        return str(item.number)
    if var == "year-suffix":
        ctx.ys_done = True
        return item.year_suffix or None
    if var == "citation-label" and item.vars.get(var) and item.year_suffix and not ctx.style.explicit_year_suffix:
        ctx.ys_done = True  # the year suffix follows the label: "Smit99a"
        return item.vars[var] + item.year_suffix
    if var == "locator":
        loc = ctx.state.get("locator")
        return _amp(page_range(loc, ctx.style.page_range_format, ctx.style.page_delim), ctx) if loc else None
    if var == "first-reference-note-number":
        return ctx.state.get("first_note") if ctx.mode == "citation" else None
    if var in DATE_VARS or var in NAME_VARS:
        return None
    val = None
    if form == "short":
        val = item.vars.get(var + "-short")
    if val is None:
        val = item.vars.get(var)
    if val is None:
        return None
    if ctx.sorting:
        return val
    if var in ("page", "page-first", "locator"):
        return _amp(page_range(val, ctx.style.page_range_format, ctx.style.page_delim), ctx)
    if var in NUMBER_VARS:  # numbers are not read for markup
        return format_numbers(val, "numeric", ctx) if is_numeric(val) else val
    if var in NO_MARKUP_VARS:
        return val
    return parse_markup(val)


def _amp(val: str, ctx: Ctx) -> str:
    """ "213 & 235": the ampersand as the locale writes it (its symbol form of "and")."""
    if "&" not in val:
        return val
    return re.sub(r"\s*&\s*", " " + (ctx.loc.term("and", "symbol") or "&") + " ", val)


class Number(Node, model.Number):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        self.var = self.attrib.get("variable", "")
        self.form = self.attrib.get("form", "numeric")

    def out(self, ctx: Ctx) -> Piece | None:
        ctx.called += 1
        if self.var in ctx.suppressed:
            return None
        if self.var == "citation-number":
            val = str(ctx.item.number)
        elif self.var == "locator":
            val = ctx.state.get("locator", "")
        elif self.var == "first-reference-note-number":
            val = ctx.state.get("first_note", "") if ctx.mode == "citation" else ""
        else:
            val = ctx.item.vars.get(self.var, "")
        if not val:
            return None
        ctx.rendered += 1
        if ctx.trace is not None:
            ctx.trace.append(self.var)
        if ctx.sorting and val.isdigit():
            return val.zfill(8)
        if self.var == "page":
            return self.wrap(page_range(val, ctx.style.page_range_format, ctx.style.page_delim), ctx)
        if not is_numeric(val):
            return self.wrap(val, ctx)
        term = ctx.state.get("label", "page") if self.var == "locator" else self.var
        return self.wrap(format_numbers(val, self.form, ctx, ctx.loc.gender(term)), ctx)


class Label(Node, model.Label):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        self.var = self.attrib.get("variable", "")
        self.form = self.attrib.get("form", "long")
        self.plural = self.attrib.get("plural", "contextual")

    def out(self, ctx: Ctx, var: str | None = None, count: int | None = None) -> Piece | None:
        var = var or self.var
        if count is None:
            if var in ctx.suppressed:
                return None
            if var == "locator":
                val = ctx.state.get("locator", "")
                term_name = ctx.state.get("label", "page")
            else:
                val = ctx.item.vars.get(var, "")
                term_name = var
            if not val:
                return None
            if var.startswith("number-of-"):
                plural = val.isdigit() and int(val) > 1
            else:
                plural = is_plural(val, ctx.loc.term("and") or "")
        else:
            term_name = var
            plural = count > 1
        if self.plural == "always":
            plural = True
        elif self.plural == "never":
            plural = False
        t = ctx.loc.term(term_name, self.form, plural)
        return self.wrap(t, ctx, localized=True) if t else None
