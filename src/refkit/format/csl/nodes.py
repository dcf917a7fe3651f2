"""The element classes' shared base (:class:`Node`: affixes, formatting, text-case, display) and the
structural elements: style, macro, layout, group, choose / if / else-if / else.

Each class extends the matching citeproc-py class (``citeproc.model``), which parses the style
into lxml elements; ``out`` renders into :mod:`refkit.format.richtext` trees.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from citeproc import model
from lxml import etree

from refkit.format.csl.numbers import is_numeric
from refkit.format.richtext import Piece, Rich, apply_case, is_empty

if TYPE_CHECKING:
    from refkit.format.csl.context import Ctx
    from refkit.format.csl.style import CompiledStyle

FMT_ATTRS = ("font-weight", "font-style", "font-variant", "text-decoration", "vertical-align")


class Node:
    """Shared set-up and helpers for the element classes below."""

    if TYPE_CHECKING:  # provided by the lxml element class each subclass also extends (via citeproc)
        attrib: Mapping[str, str]

        def __iter__(self) -> Iterator[Any]: ...

    def setup(self, style: CompiledStyle) -> None:
        a = self.attrib
        # "normal" and "none" stay: they cancel an enclosing decoration (and print nothing otherwise)
        self.fmt = tuple((k, a[k]) for k in FMT_ATTRS if a.get(k))
        self.pre = a.get("prefix", "")
        self.suf = a.get("suffix", "")
        self.delim = a.get("delimiter", "")
        self.tcase = a.get("text-case")
        self.quotes = a.get("quotes") == "true"
        self.strip = a.get("strip-periods") == "true"
        self.display = a.get("display", "")
        self.kids: Sequence[Node] = [c for c in self if isinstance(c, Node)]

    def wrap(self, content: Piece | None, ctx: Ctx, case: bool = True, localized: bool = False) -> Piece | None:
        """Apply text-case, strip-periods, quotes, formatting, affixes and display. Title case is
        skipped for items in other languages, except on localized terms (``localized``)."""
        if content is None or is_empty(content):
            return None
        if case and self.tcase:
            english = ctx.item.english if ctx.item.english is not None else ctx.style.lang.startswith("en")
            if self.tcase != "title" or english or localized:
                lang = ctx.style.lang if localized else (ctx.item.vars.get("language") or ctx.style.lang)
                content = apply_case(content, self.tcase, lang)
        if self.strip:
            content = strip_periods(content)
        if not (self.fmt or self.quotes or self.pre or self.suf or self.display):
            return content
        return Rich([content], self.fmt, self.quotes, self.pre, self.suf, display=self.display)

    def out(self, ctx: Ctx) -> Piece | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def render_kids(self, ctx: Ctx, delim: str = "") -> list[Piece]:
        outs: list[Piece] = []  # as join(outputs, delim): the non-empty outputs, delimited
        for k in self.kids:
            r = k.out(ctx)
            if r is None:
                continue
            if isinstance(r, str):
                if not r:
                    continue
            else:  # is_empty, inline: a Rich is empty when no child has text or children
                for x in r.kids:
                    if x if isinstance(x, str) else x.kids:
                        break
                else:
                    continue
            if outs and delim:
                outs.append(delim)
            outs.append(r)
        return outs


def strip_periods(p: Piece) -> Piece:
    if isinstance(p, str):
        return p.replace(".", "")
    return Rich([strip_periods(k) for k in p.kids], p.fmt, p.quotes, p.prefix, p.suffix, p.nocase,
                p.display, p.tag)


class Style(Node, model.Style):
    pass


class Info(Node, model.CitationStylesElement):
    def out(self, ctx: Ctx) -> None:
        return None


class Locale(Node, model.Locale):
    def out(self, ctx: Ctx) -> None:
        return None


class Macro(Node, model.Macro):
    def out(self, ctx: Ctx) -> Piece | None:
        kids = self.render_kids(ctx)
        return Rich(kids) if kids else None


class Layout(Node, model.Layout):
    def out(self, ctx: Ctx) -> Piece | None:
        kids = self.render_kids(ctx)
        return Rich(kids) if kids else None


class Citation(Node, model.Citation):
    pass


class Bibliography(Node, model.Bibliography):
    pass


class Sort(Node, model.Sort):
    pass


class Key(Node, model.Key):
    pass


class Group(Node, model.Group):
    def out(self, ctx: Ctx) -> Piece | None:
        called, rendered = ctx.called, ctx.rendered
        ctx.called = ctx.rendered = 0
        kids = self.render_kids(ctx, self.delim)
        ok = kids and (ctx.called == 0 or ctx.rendered > 0)
        inner_called = ctx.called
        ctx.called = called + (1 if inner_called else 0)
        ctx.rendered = rendered + (1 if ok else 0)
        if not ok:
            return None
        return self.wrap(Rich(kids), ctx)


class Choose(Node, model.Choose):
    kids: Sequence[If | Else]  # a cs:choose holds only its branches (cs:if, cs:else-if, cs:else)

    def out(self, ctx: Ctx) -> Piece | None:
        for branch in self.kids:
            if branch.check(ctx):
                kids = branch.render_kids(ctx, self.parent_delim)
                return Rich(kids) if kids else None
        return None

    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        parent = self.getparent()
        while parent is not None and etree.QName(parent).localname in ("if", "else-if", "else", "choose"):
            parent = parent.getparent()
        is_group = parent is not None and etree.QName(parent).localname == "group"
        self.parent_delim = parent.get("delimiter", "") if is_group else ""


class If(Node, model.If):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        a = self.attrib
        self.match = a.get("match", "all")
        self.conds: list[tuple[str, list[str]]] = []
        for key in ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate"):
            if key in a:
                self.conds.append((key, a[key].split()))
        # the conditions compiled once into closures; tests have no side effects, so any / all stop early
        self.check: Callable[[Ctx], bool]
        checks = [_condition(key, v) for key, vals in self.conds for v in vals
                  if key != "type" or self.match == "all"]
        types = frozenset(v for key, vals in self.conds if key == "type" for v in vals)
        if types and self.match != "all":  # type="book chapter": one set look-up
            checks.insert(0, lambda ctx: ctx.item.type in types)
        if not checks:
            self.check = _always
        elif len(checks) == 1 and self.match != "none":
            self.check = checks[0]
        elif self.match == "any":
            self.check = _any(checks)
        elif self.match == "none":
            self.check = _none(checks)
        else:
            self.check = _all(checks)

    def test(self, ctx: Ctx) -> bool:
        return bool(self.check(ctx))


def _always(ctx: Ctx) -> bool:
    return True


def _any(checks: list[Callable[[Ctx], bool]]) -> Callable[[Ctx], bool]:
    def test(ctx: Ctx) -> bool:
        for c in checks:
            if c(ctx):
                return True
        return False
    return test


def _none(checks: list[Callable[[Ctx], bool]]) -> Callable[[Ctx], bool]:
    def test(ctx: Ctx) -> bool:
        for c in checks:
            if c(ctx):
                return False
        return True
    return test


def _all(checks: list[Callable[[Ctx], bool]]) -> Callable[[Ctx], bool]:
    def test(ctx: Ctx) -> bool:
        for c in checks:
            if not c(ctx):
                return False
        return True
    return test


def _condition(key: str, v: str) -> Callable[[Ctx], bool]:
    """One cs:if condition (an attribute and one of its values) as a test of the render context."""
    if key == "type":
        return lambda ctx: ctx.item.type == v
    if key == "variable":
        if v == "locator":
            return lambda ctx: bool(ctx.state.get("locator"))
        if v == "year-suffix":
            return lambda ctx: bool(ctx.item.year_suffix)
        if v == "citation-number":
            return _always
        if v == "first-reference-note-number":
            return lambda ctx: bool(ctx.state.get("first_note")) and ctx.mode == "citation"
        return lambda ctx: ctx.item.has(v)
    if key == "is-numeric":
        if v == "locator":
            return lambda ctx: _numeric(ctx.state.get("locator", ""))
        return lambda ctx: _numeric(ctx.item.vars.get(v, ""))
    if key == "is-uncertain-date":
        return lambda ctx: bool(ctx.item.dates.get(v, {}).get("circa"))
    if key == "locator":
        return lambda ctx: ctx.state.get("label", "page") == v and bool(ctx.state.get("locator"))
    if key == "position":
        def position(ctx: Ctx) -> bool:
            ctx.pos_read = True
            return ctx.mode == "citation" and position_is(ctx.state, v)
        return position
    if key == "disambiguate":
        want = v == "true"
        return lambda ctx: ctx.disamb == want
    return lambda ctx: False


def _numeric(val: Any) -> bool:
    return bool(val) and is_numeric(val)


class Else_If(If, model.Else_If):
    pass


class Else(Node, model.Else):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        self.check: Callable[[Ctx], bool] = _always

    def test(self, ctx: Ctx) -> bool:
        return True


_POSITION_OK = {"first": ("first",), "subsequent": ("subsequent", "ibid", "ibid-with-locator"),
                "ibid": ("ibid", "ibid-with-locator"), "ibid-with-locator": ("ibid-with-locator",)}


def position_is(state: dict[str, Any], test: str) -> bool:
    """cs:if position: ibid-with-locator implies ibid, ibid implies subsequent; near-note is separate."""
    pos = state.get("position", "first")
    if test == "near-note":
        return bool(state.get("near_note")) and pos != "first"
    return pos in _POSITION_OK.get(test, ())
