"""A CSL 1.0.2 renderer built on citeproc-py's style parser and element classes.

citeproc-py (pinned: 0.11.1) parses a style into lxml elements whose classes live in
``citeproc.model``. Each class here extends the matching citeproc-py class and adds an ``out``
method that renders into :mod:`refkit.format.richtext` trees instead of finished strings. That is
what lets the layer get right what citeproc-py's own ``render`` cannot: punctuation inside quotes
and across affixes, name formatting (initials, particles, et-al-use-last), substitution with
suppression, subsequent-author-substitute, date ranges and seasons, page-range formats, title case
with nocase spans, sorting with empty values last, and citation disambiguation (names, given
names, ``disambiguate`` conditions, year suffixes).

Element proxies are kept alive for the life of a :class:`CompiledStyle`, so attributes computed
once in ``setup`` (parsed options, child lists, macro targets) stay cached on them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cmp_to_key
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citeproc import model
from lxml import etree

from refkit.errors import RenderError
from refkit.format.richtext import CJK_ONLY, Piece, Rich, apply_case, is_empty, join, parse_markup, plain

NS = "http://purl.org/net/xbiblio/csl"
REFKIT_NS = "https://github.com/refkit/csl-extensions"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

NAME_VARS = frozenset(("author", "chair", "collection-editor", "compiler", "composer", "container-author",
                       "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
                       "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
                       "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
                       "script-writer", "series-creator", "translator"))
DATE_VARS = frozenset(("accessed", "available-date", "event-date", "issued", "original-date", "submitted"))
NUMBER_VARS = frozenset(("chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number",
                         "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page",
                         "page-first", "part-number", "printing-number", "section", "supplement-number",
                         "version", "volume"))
NO_MARKUP_VARS = frozenset(("URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "citation-number", "year-suffix"))


# ====================================================================== items

class Item:
    """A CSL-JSON item, normalised once for rendering."""

    __slots__ = ("id", "type", "vars", "names", "dates", "english", "asian", "number", "year_suffix", "index")

    def __init__(self, data: dict[str, Any], index: int = 0) -> None:
        self.id = str(data.get("id", ""))
        self.type = str(data.get("type") or "document")
        self.vars: dict[str, str] = {}
        self.names: dict[str, list[dict[str, str]]] = {}
        self.dates: dict[str, dict[str, Any]] = {}
        self.index = index
        self.number = index + 1
        self.year_suffix = ""
        for k, v in data.items():
            if k in ("id", "type"):
                continue
            if k in NAME_VARS:
                if isinstance(v, list):
                    names = [_norm_name(n) for n in v if isinstance(n, dict)]
                    names = [n for n in names if n]
                    if names:
                        self.names[k] = names
            elif k in DATE_VARS:
                d = _norm_date(v)
                if d:
                    self.dates[k] = d
            elif isinstance(v, (str, int, float)) and not isinstance(v, bool):
                s = str(v).strip()
                if s:
                    self.vars[k] = s
        if "shortTitle" in self.vars:
            self.vars.setdefault("title-short", self.vars["shortTitle"])
        if "journalAbbreviation" in self.vars:
            self.vars.setdefault("container-title-short", self.vars["journalAbbreviation"])
        lang = self.vars.get("language", "").lower()
        self.english = not lang or lang.startswith("en") or lang in ("english",)
        self.asian = lang[:2] in ("ja", "zh", "ko")

    def has(self, var: str) -> bool:
        return var in self.vars or var in self.names or var in self.dates


def _norm_name(n: dict[str, Any]) -> dict[str, str]:
    out = {k: str(v).strip() for k, v in n.items() if isinstance(v, (str, int)) and str(v).strip()}
    if "literal" in out:
        return {"literal": out["literal"]}
    fam = out.get("family", "")
    if fam and "non-dropping-particle" not in out:
        m = re.match(r"^((?:[a-z\u00e0-\u00ff]+['\u2019]?\s+)+)(?=\S)", fam)
        if m and fam[m.end():][:1].isupper():
            out["non-dropping-particle"] = m.group(1).strip()
            out["family"] = fam[m.end():]
    if not out.get("family") and not out.get("given"):
        return {}
    return out


def _norm_date(v: Any) -> dict[str, Any]:
    if isinstance(v, str):
        m = re.fullmatch(r"\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*", v)
        if m:
            return {"parts": [[int(g) for g in m.groups() if g]]}
        return {"literal": v} if v.strip() else {}
    if not isinstance(v, dict):
        return {}
    out: dict[str, Any] = {}
    parts = v.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        clean = []
        for p in parts[:2]:
            try:
                q = [int(x) for x in p if str(x).strip() != ""]
            except (TypeError, ValueError):
                q = []
            if q:
                clean.append(q[:3])
        if clean:
            out["parts"] = clean
    if not out.get("parts"):
        if v.get("literal"):
            out["literal"] = str(v["literal"])
        elif v.get("raw"):
            d = _norm_date(str(v["raw"]))
            out.update(d)
    if v.get("season") and out.get("parts"):
        try:
            out["season"] = int(v["season"])
        except (TypeError, ValueError):
            out["season_text"] = str(v["season"])
    if v.get("circa"):
        out["circa"] = True
    return out


# ====================================================================== locale

class LocaleData:
    """Terms, date formats and options, merged from the locale file and the style's cs:locale."""

    def __init__(self) -> None:
        self.terms: dict[tuple[str, str], tuple[str, str]] = {}
        self.dates: dict[str, Any] = {}
        self.options: dict[str, str] = {}

    def add(self, el: Any) -> None:
        for child in el:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "terms":
                for t in child:
                    if not isinstance(t.tag, str):
                        continue
                    name = t.get("name")
                    form = t.get("form", "long")
                    single = t.find(f"{{{NS}}}single")
                    multiple = t.find(f"{{{NS}}}multiple")
                    if single is not None or multiple is not None:
                        s = (single.text or "") if single is not None else ""
                        m = (multiple.text or "") if multiple is not None else s
                        self.terms[(name, form)] = (s, m)
                    else:
                        self.terms[(name, form)] = (t.text or "", t.text or "")
                    if t.get("match"):
                        self.terms[(name + "#match", form)] = (t.get("match"), "")
            elif tag == "date":
                self.dates[child.get("form")] = child
            elif tag == "style-options":
                self.options.update(child.attrib)

    _FALLBACK = {"verb-short": "verb", "symbol": "short", "verb": "long", "short": "long"}

    def term(self, name: str, form: str = "long", plural: bool = False) -> str | None:
        f: str | None = form
        while f:
            t = self.terms.get((name, f))
            if t is not None:
                return t[1] if plural else t[0]
            f = self._FALLBACK.get(f)
        return None

    def ordinal(self, n: int) -> str:
        def term(name: str) -> str | None:
            t = self.terms.get((name, "long"))
            return t[0] if t else None
        two = f"ordinal-{n % 100:02d}"
        if n % 100 >= 10 and term(two) is not None:
            return term(two) or ""
        one = f"ordinal-{n % 10:02d}"
        match = self.terms.get((one + "#match", "long"), ("last-digit", ""))[0]
        if term(one) is not None and (match == "last-digit" or (match == "last-two-digits" and n % 100 < 10)):
            return term(one) or ""
        return term("ordinal") or ""

    def long_ordinal(self, n: int) -> str | None:
        return self.term(f"long-ordinal-{n:02d}") if 1 <= n <= 10 else None


LOCALES_DIR = Path(model.__file__).resolve().parent / "data" / "locales"


def load_locale(style_root: Any, lang: str, locale_file: Path | None = None) -> LocaleData:
    loc = LocaleData()
    base = lang.split("-")[0]
    files = []
    if locale_file is not None:
        files.append(locale_file)
    else:
        for cand in (lang, _primary(base), "en-US"):
            if cand and (LOCALES_DIR / f"locales-{cand}.xml").is_file():
                files.append(LOCALES_DIR / f"locales-{cand}.xml")
                break
    for f in files:
        loc.add(etree.parse(str(f)).getroot())
    # in-style locales: no language, then the language, then the exact dialect
    for want in (None, base, lang):
        for el in style_root.findall(f"{{{NS}}}locale"):
            got = el.get(XML_LANG)
            if got == want or (want is None and got is None):
                loc.add(el)
    return loc


def _primary(base: str) -> str:
    import json
    try:
        data = json.loads((LOCALES_DIR / "locales.json").read_text(encoding="utf-8"))
        return str(data["primary-dialects"].get(base, ""))
    except (OSError, ValueError, KeyError):
        return ""


# ====================================================================== render context

class Ctx:
    __slots__ = ("item", "style", "loc", "mode", "sorting", "suppressed", "called", "rendered",
                 "state", "names_opts", "first_names", "ys_done", "key_names", "disamb", "cite_names", "subst_names", "names_sig", "trace")

    def __init__(self, item: Item, style: CompiledStyle, mode: str, state: dict[str, Any] | None = None) -> None:
        self.item = item
        self.style = style
        self.loc = style.locale
        self.mode = mode
        self.sorting = False
        self.suppressed: set[str] = set()
        self.called = 0
        self.rendered = 0
        self.state = state or {}
        self.names_opts: dict[str, str] = {}
        self.first_names: Rich | None = None
        self.ys_done = False
        self.key_names: dict[str, str] | None = None
        self.disamb = bool(self.state.get("disambiguate"))
        self.cite_names: list[tuple[str, list[dict[str, str]]]] = []
        self.subst_names: Any = None
        self.names_sig: str | None = None
        self.trace: list[str] | None = None


# ====================================================================== elements

_FMT_ATTRS = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class Node:
    """Shared set-up and helpers for the element classes below."""

    if TYPE_CHECKING:  # provided by the lxml element class each subclass also extends (via citeproc)
        attrib: Mapping[str, str]

        def __iter__(self) -> Iterator[Any]: ...

    def setup(self, style: CompiledStyle) -> None:
        a = self.attrib
        self.fmt = tuple((k, a[k]) for k in _FMT_ATTRS
                         if a.get(k) and a[k] not in ("normal", "none", "baseline"))
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
            if self.tcase != "title" or ctx.item.english or localized:
                content = apply_case(content, self.tcase)
        if self.strip:
            content = _strip_periods(content)
        if not (self.fmt or self.quotes or self.pre or self.suf or self.display):
            return content
        return Rich([content], self.fmt, self.quotes, self.pre, self.suf, display=self.display)

    def out(self, ctx: Ctx) -> Piece | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def render_kids(self, ctx: Ctx, delim: str = "") -> list[Piece]:
        outs = []
        for k in self.kids:
            r = k.out(ctx)
            if r is not None and not is_empty(r):
                outs.append(r)
        return join(outs, delim)


def _strip_periods(p: Piece) -> Piece:
    if isinstance(p, str):
        return p.replace(".", "")
    return Rich([_strip_periods(k) for k in p.kids], p.fmt, p.quotes, p.prefix, p.suffix, p.nocase,
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
            content = self.macro.out(ctx)
            return self.wrap(content, ctx)
        if self.term is not None:
            t = ctx.loc.term(self.term, self.form, self.plural)
            return self.wrap(t, ctx, localized=True) if t else None
        if self.value is not None:
            return self.wrap(self.value, ctx, localized=True) if self.value else None
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
    if var == "locator":
        return ctx.state.get("locator") or None
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
        return page_range(val, ctx.style.page_range_format, ctx.style.page_delim)
    if var in NUMBER_VARS and is_numeric(val):
        return format_numbers(val, "numeric", ctx)
    if var in NO_MARKUP_VARS:
        return val
    return parse_markup(val)


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
            return self.wrap(parse_markup(val), ctx)
        return self.wrap(format_numbers(val, self.form, ctx), ctx)


_NUM_TOKEN = re.compile(r"(\d+)")


def format_numbers(val: str, form: str, ctx: Ctx) -> str:
    def one(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if form == "ordinal":
            return f"{n}{ctx.loc.ordinal(n)}"
        if form == "long-ordinal":
            return ctx.loc.long_ordinal(n) or f"{n}{ctx.loc.ordinal(n)}"
        if form == "roman":
            return _roman(n).lower()
        return m.group(1)
    s = re.sub(r"\s*(?<=\d)\s*[-\u2013]\s*(?=\d)", "\u2013", val)
    s = re.sub(r"\s*,\s*", ", ", s)
    s = re.sub(r"\s*&\s*", " & ", s)
    return _NUM_TOKEN.sub(one, s) if form != "numeric" else s


def _roman(n: int) -> str:
    out = []
    for sym, v in (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
                   ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1)):
        k, n = divmod(n, v)
        out.append(sym * k)
    return "".join(out)


_NUMERIC_RE = re.compile(r"^(?:[A-Za-z]*\d+[A-Za-z]*)(?:\s*(?:[-\u2013&,]|and)\s*[A-Za-z]*\d+[A-Za-z]*)*$")


def is_numeric(val: str) -> bool:
    return bool(_NUMERIC_RE.match(val.strip()))


def page_range(val: str, fmt: str | None, delim: str = "\u2013") -> str:
    """Page ranges with the locale's range delimiter, collapsed per ``page-range-format``."""
    def one(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if fmt and a.isdigit() and b.isdigit():
            b = _collapse(a, b, fmt)
        return f"{a}{delim}{b}"
    val = re.sub(r"\b([ivxlcdm]+)\s*(?:-+|\u2013)\s*([ivxlcdm]+)\b", lambda m: m.group(1) + delim + m.group(2), val)
    return re.sub(r"([A-Za-z]*\d+)\s*(?:-+|\u2013)\s*([A-Za-z]*\d+)", one, val)


def _collapse(a: str, b: str, fmt: str) -> str:
    if len(b) < len(a):  # expand an abbreviated second part first: 360-75 -> 360-375
        full = a[: len(a) - len(b)] + b
        if int(full) < int(a):
            return b  # not a range we can read (197-12): leave it as written
        b = full
    if fmt == "expanded" or len(a) != len(b):
        return b
    if fmt in ("minimal", "minimal-two"):
        i = 0
        while i < len(a) - 1 and a[i] == b[i]:
            i += 1
        out = b[i:]
        if fmt == "minimal-two" and len(out) < 2 and len(b) >= 2:
            out = b[-2:]
        return out
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        na = int(a)
        if na < 100 or na % 100 == 0:
            return b
        if na % 100 < 10:
            return _collapse(a, b, "minimal")
        if fmt == "chicago" and len(a) == 4:  # chicago 15: four digits keep all if > 2 change
            out = _collapse(a, b, "minimal-two")
            return b if len(out) > 2 else out
        return _collapse(a, b, "minimal-two")
    return b


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
                plural = bool(re.search(r"\w\s*(?:[-\u2013\u2014&,]|\band\b)\s*\w", val))
        else:
            term_name = var
            plural = count > 1
        if self.plural == "always":
            plural = True
        elif self.plural == "never":
            plural = False
        t = ctx.loc.term(term_name, self.form, plural)
        return self.wrap(t, ctx, localized=True) if t else None


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
            if branch.test(ctx):
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

    def test(self, ctx: Ctx) -> bool:
        results = []
        item = ctx.item
        for key, vals in self.conds:
            for v in vals:
                if key == "type":
                    r = item.type == v
                elif key == "variable":
                    if v == "locator":
                        r = bool(ctx.state.get("locator"))
                    elif v == "year-suffix":
                        r = bool(item.year_suffix)
                    elif v == "citation-number":
                        r = True
                    else:
                        r = item.has(v)
                elif key == "is-numeric":
                    val = ctx.state.get("locator", "") if v == "locator" else item.vars.get(v, "")
                    r = bool(val) and is_numeric(val)
                elif key == "is-uncertain-date":
                    r = bool(item.dates.get(v, {}).get("circa"))
                elif key == "locator":
                    r = ctx.state.get("label", "page") == v and bool(ctx.state.get("locator"))
                elif key == "position":
                    r = ctx.mode == "citation" and v == "first"
                elif key == "disambiguate":
                    r = ctx.disamb == (v == "true")
                else:
                    r = False
                results.append(r)
        if not results:
            return True
        if self.match == "any":
            return any(results)
        if self.match == "none":
            return not any(results)
        return all(results)


class Else_If(If, model.Else_If):
    pass


class Else(Node, model.Else):
    def test(self, ctx: Ctx) -> bool:
        return True


# ---------------------------------------------------------------------- dates

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
        ctx.rendered += 1
        if ctx.trace is not None:
            ctx.trace.append(self.var)
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
        season = d.get("season") or (start[1] - 12 if len(start) > 1 and 13 <= start[1] <= 16 else None)
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
                    short = _collapse(str(start[0]), str(end[0]), year_part.range_format)
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
        self.fmt = tuple((k, a[k]) for k in _FMT_ATTRS if a.get(k) and a[k] not in ("normal", "none", "baseline"))
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
                s = season or (val - 12)
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
                    text = f"{val}{loc.ordinal(val)}"
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


# ---------------------------------------------------------------------- names

class Names(Node, model.Names):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        self.vars = self.attrib.get("variable", "").split()
        self.name_el: Name | None = None
        self.etal_el: Et_Al | None = None
        self.label_el: Label | None = None
        self.label_first = False
        self.subst: Substitute | None = None
        seen_name = False
        for k in self.kids:
            if isinstance(k, Name):
                self.name_el = k
                seen_name = True
            elif isinstance(k, Et_Al):
                self.etal_el = k
            elif isinstance(k, Label):
                self.label_el = k
                self.label_first = not seen_name and any(isinstance(x, Name) for x in self.kids)
            elif isinstance(k, Substitute):
                self.subst = k

    def out(self, ctx: Ctx, inherit: Names | None = None) -> Piece | None:
        ctx.called += 1
        if ctx.state.get("suppress_names") and ctx.names_sig is None and inherit is None:
            ctx.names_sig = ""  # collapsed cite: the first names (or what stands for them) are left out
            return None
        if inherit is None and ctx.subst_names is not None and self.name_el is None:
            inherit = ctx.subst_names
        src = inherit if inherit is not None else self
        name_el = _first(self.name_el, src.name_el, ctx.style.default_name)
        etal_el = _first(self.etal_el, src.etal_el)
        label_el = _first(self.label_el, src.label_el)
        label_first = self.label_first if self.label_el is not None else src.label_first
        vars_ = [v for v in self.vars if v not in ctx.suppressed and ctx.item.names.get(v)]
        if "editor" in vars_ and "translator" in vars_ and ctx.item.names["editor"] == ctx.item.names["translator"]:
            vars_ = [v if v != "editor" else "editortranslator" for v in vars_ if v != "translator"]
        delim = self.delim if "delimiter" in self.attrib else ctx.style.inherit(ctx.mode, "names-delimiter", "")
        outs: list[Piece] = []
        for v in vars_:
            names = ctx.item.names["editor" if v == "editortranslator" else v]
            r = name_el.render_list(names, v, etal_el, ctx)
            if r is None:
                continue
            if label_el is not None and name_el.form != "count" and not ctx.sorting:
                lab = label_el.out(ctx, v, len(names))
                if lab is not None:
                    r = Rich([lab, r] if label_first else [r, lab])
            outs.append(r)
        if outs:
            ctx.rendered += 1
            if ctx.trace is not None:
                for v in vars_:
                    ctx.trace.extend(("editor", "translator") if v == "editortranslator" else (v,))
            if name_el.form == "count":
                total = sum(int(plain(o)) for o in outs if plain(o).isdigit())
                return self.wrap(str(total), ctx) if total else None
            node = self.wrap(Rich(join(outs, delim)), ctx)
            if ctx.first_names is None and isinstance(node, Rich):
                if node is outs[0]:
                    node = Rich([node])
                ctx.first_names = node
                node.tag = "names"
            return node
        sub = self.subst
        if sub is not None and inherit is None:
            r = sub.out(ctx, self)
            if r is not None:
                ctx.rendered += 1
                node = self.wrap(r, ctx)
                return node
        return None


def _first(*els: Any) -> Any:
    for e in els:
        if e is not None:
            return e
    return None


class Substitute(Node, model.Substitute):
    @staticmethod
    def _candidates(kids: Sequence[Any], ctx: Ctx):
        """The substitute's rendering elements in order; a cs:choose contributes the elements of its
        matching branch one by one, so the first non-empty one wins (as in citeproc-js)."""
        for k in kids:
            if isinstance(k, Choose):
                for branch in k.kids:
                    if branch.test(ctx):
                        yield from Substitute._candidates(branch.kids, ctx)
                        break
            else:
                yield k

    def out(self, ctx: Ctx, names: Names | None = None) -> Piece | None:
        outer = ctx.subst_names
        outer_trace = ctx.trace
        ctx.subst_names = names
        try:
            for k in self._candidates(self.kids, ctx):
                called, rendered = ctx.called, ctx.rendered
                first = ctx.first_names
                ctx.trace = []
                r = k.out(ctx, inherit=names) if isinstance(k, Names) else k.out(ctx)
                if r is not None and not is_empty(r):
                    ctx.suppressed.update(ctx.trace)
                    if outer_trace is not None:
                        outer_trace.extend(ctx.trace)
                    if not isinstance(k, Names):
                        ctx.first_names = first
                    return r
                ctx.called, ctx.rendered = called, rendered
            return None
        finally:
            ctx.subst_names = outer
            ctx.trace = outer_trace


class Name(Node, model.Name):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        self.attrs = dict(self.attrib)
        self.parts: dict[str | None, Name_Part] = {p.attrib.get("name"): p for p in self.kids if isinstance(p, Name_Part)}
        self.form = self.attrs.get("form", style.inherit_name("name-form", "long"))

    def opt(self, ctx: Ctx, key: str, default: str) -> str:
        if key in self.attrs:
            return self.attrs[key]
        return ctx.style.inherit(ctx.mode, "name-delimiter" if key == "delimiter" else key, default)

    def render_list(self, names: list[dict[str, str]], var: str, etal_el: Et_Al | None, ctx: Ctx) -> Piece | None:
        others = bool(names) and names[-1].get("literal", "").lower() in ("others", "et al.", "et al")
        if others:
            names = names[:-1]
        n = len(names)
        if n == 0:
            return None
        et_min = int(self.opt(ctx, "et-al-min", "0") or 0)
        et_first = int(self.opt(ctx, "et-al-use-first", "1") or 1)
        use_last = self.opt(ctx, "et-al-use-last", "false") == "true"
        if ctx.key_names is not None:
            if "names-min" in ctx.key_names:
                et_min = int(ctx.key_names["names-min"])
            if "names-use-first" in ctx.key_names:
                et_first = int(ctx.key_names["names-use-first"])
            if "names-use-last" in ctx.key_names:
                use_last = ctx.key_names["names-use-last"] == "true"
        if not ctx.sorting and ctx.names_sig is None:  # disambiguation adds names to the first list only
            et_first += ctx.state.get("add_names", 0)
        truncate = et_min and n >= et_min and et_first < n
        shown = names[:et_first] if truncate else names
        if ctx.mode == "citation" and not ctx.sorting:
            ctx.cite_names.append((var, names))
        if self.form == "count":
            return str(len(shown))
        if ctx.sorting:
            iw = self.attrs.get("initialize-with", ctx.style.inherit(ctx.mode, "initialize-with", None))
            ini = self.attrs.get("initialize", ctx.style.inherit(ctx.mode, "initialize", "true")) != "false"
            return " ".join(self.sort_name(nm, ctx, iw, ini) for nm in shown)
        nso = self.opt(ctx, "name-as-sort-order", "")
        delim = self.opt(ctx, "delimiter", ", ")
        and_ = self.opt(ctx, "and", "")
        and_term = ""
        if and_ == "text":
            and_term = ctx.loc.term("and") or "and"
        elif and_ == "symbol":
            and_term = ctx.loc.term("and", "symbol") or "&"
        givens = ctx.state.get("given_levels", {})
        rendered: list[Piece] = []
        inverted: list[bool] = []
        if ctx.names_sig is None:
            ctx.names_sig = var + ":" + "|".join(self.sort_name(nm, ctx) for nm in shown)
        for i, nm in enumerate(shown):
            inv = nso == "all" or (nso == "first" and i == 0)
            key = (nm.get("family", ""), nm.get("given", ""))
            lvl = givens.get((i,) + key, givens.get((-1,) + key)) if givens else None
            rendered.append(self.one(nm, inv, ctx, lvl))
            inverted.append(inv and "literal" not in nm)
        if truncate and use_last and n >= et_first + 2:
            last = self.one(names[-1], nso == "all", ctx, None)
            body = join(rendered, delim)
            return Rich(body + [delim, "\u2026 ", last])
        if truncate or others:
            if etal_el is not None and etal_el.term_name is None:
                return Rich(join(rendered, delim))
            term = etal_el.term_name if etal_el is not None else "et-al"
            et_text = ctx.loc.term(term or "et-al") or "et al."
            et_piece: Piece = et_text
            if etal_el is not None:
                et_piece = etal_el.wrap(et_text, ctx) or et_text
            dp = self.opt(ctx, "delimiter-precedes-et-al", "contextual")
            use_delim = (dp == "always" or (dp == "contextual" and len(shown) >= 2)
                         or (dp == "after-inverted-name" and inverted[-1]))
            return Rich(join(rendered, delim) + [delim if use_delim else " ", et_piece])
        if and_term and len(rendered) > 1:
            dp = self.opt(ctx, "delimiter-precedes-last", "contextual")
            use_delim = (dp == "always" or (dp == "contextual" and len(rendered) >= 3)
                         or (dp == "after-inverted-name" and inverted[-2]))
            if "literal" in shown[-1]:  # an institution last: citeproc-js falls back to "contextual"
                use_delim = len(rendered) >= 3
            body = join(rendered[:-1], delim)
            return Rich(body + [delim if use_delim else " ", and_term + " ", rendered[-1]])
        return Rich(join(rendered, delim))

    def sort_name(self, nm: dict[str, str], ctx: Ctx, init_with: str | None = None, initialize: bool = True) -> str:
        """The name as a sort key, formatted as the style's name element would (initials included)."""
        if "literal" in nm:
            return nm["literal"]
        demote = ctx.style.demote
        fam = nm.get("family", "")
        ndp = nm.get("non-dropping-particle", "")
        if ctx.item.asian:  # family-first names key as they print, without suffix
            demote = "never"
            nm = {k: v for k, v in nm.items() if k != "suffix"}
        if ndp and demote == "never":
            fam = _particle(ndp, fam)
        dp = nm.get("dropping-particle", "")
        given = nm.get("given", "")
        if init_with is not None and given:
            given = initials(given, init_with, initialize, ctx.style.init_hyphen)
        if demote == "never":  # citeproc-js: the dropping particle keys before the given name here
            parts = [fam, dp, given]
        else:
            parts = [fam, given, dp, ndp]
        if nm.get("suffix"):
            parts.append(nm["suffix"])
        return " ".join(p for p in parts if p)

    def one(self, nm: dict[str, str], inverted: bool, ctx: Ctx, level: int | None) -> Piece:
        if "literal" in nm:
            return parse_markup(nm["literal"])
        form = self.form
        if level == 2:
            form = "long"
            init = False
        elif level == 1:
            form = "long"
            init = True
        else:
            init = None
        fam = _apos(nm.get("family", ""))
        given = _apos(nm.get("given", ""))
        dp = nm.get("dropping-particle", "")
        ndp = _apos(nm.get("non-dropping-particle", ""))
        suffix = nm.get("suffix", "")
        if _CJK.search(fam + given):
            return fam if form == "short" else fam + given
        if ctx.item.asian:  # citeproc-js: family-first, no comma or suffix, for items in CJK languages
            fam_full = f"{ndp} {fam}" if ndp else fam
            if form == "short":
                return fam_full
            iw = self.attrs.get("initialize-with", ctx.style.inherit(ctx.mode, "initialize-with", None))
            if iw is not None and level != 2:
                ini = self.attrs.get("initialize", ctx.style.inherit(ctx.mode, "initialize", "true")) != "false"
                given = initials(given, iw, ini, ctx.style.init_hyphen)
            return " ".join(x for x in (fam_full, given) if x)
        fp = self.parts.get("family")
        gp = self.parts.get("given")

        def fam_piece(with_ndp: bool) -> Piece:
            txt = _particle(ndp, fam) if with_ndp and ndp else fam
            p: Piece = txt
            if fp is not None:
                p = fp.wrap(p, ctx) or p
            return p

        if form == "short":
            return fam_piece(True)
        if not given and not dp:
            sep = self.opt(ctx, "sort-separator", ", ")
            if inverted and ndp and ctx.style.demote == "display-and-sort":
                out0: list[Piece] = [fam_piece(False), sep, ndp]
            else:
                out0 = [fam_piece(True)]
            if suffix:
                out0 += [sep if inverted else " ", suffix]
            return Rich(out0) if len(out0) > 1 else out0[0]
        init_with = self.attrs.get("initialize-with", ctx.style.inherit(ctx.mode, "initialize-with", None))
        if level == 2:
            init_with = None
        if init_with is not None and (init is None or init):
            initialize = self.attrs.get("initialize", ctx.style.inherit(ctx.mode, "initialize", "true")) != "false"
            given = initials(given, init_with, initialize, ctx.style.init_hyphen)
            if "." not in init_with and initialize:  # "Whitfield MT Jr": no periods anywhere (citeproc-js)
                suffix = suffix.replace(".", "")
        gpiece: Piece = given
        if gp is not None and given:
            gpiece = gp.wrap(gpiece, ctx) or gpiece
        demote = ctx.style.demote
        if inverted:
            sep = self.opt(ctx, "sort-separator", ", ")
            if demote == "display-and-sort":
                tail = " ".join(x for x in (dp, ndp) if x)
                head = fam_piece(False)
            else:
                tail = dp
                head = fam_piece(True)
            gl: list[Piece] = [gpiece] if given else []
            if tail:
                gl = gl + [" " + tail] if gl else [tail]
            out: list[Piece] = [head]
            if gl:
                out += [sep] + gl
            if suffix:
                out += [sep, suffix]
            return Rich(out)
        out = []
        if given:
            out += [gpiece, " "]
        if dp:
            out += [dp, " "]
        out.append(fam_piece(True))
        if suffix:
            out += [", " if nm.get("comma-suffix") else " ", suffix]
        return Rich(out)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _particle(particle: str, family: str) -> str:
    """ "van" + "Dijk" -> "van Dijk"; "d'" + "Amato" -> "d'Amato" (no space after an apostrophe or hyphen)."""
    if particle.endswith(("'", "\u2019", "-")):
        return particle + family
    return f"{particle} {family}"


def _apos(s: str) -> str:
    return s.replace("'", "\u2019") if "'" in s else s


def initials(given: str, mark: str, initialize: bool, hyphen: bool) -> str:
    """Initialise given names: "Adaeze N." -> "A. N.", "Jean-Paul" -> "J.-P.", "Soo-jin" -> "S."."""
    given = re.sub(r"\.(?=\S)", ". ", given.strip())
    if not hyphen:
        given = given.replace("-", " ")
    out: list[str] = []
    for word in given.split():
        if word[0].islower():  # a particle inside the given names
            out.append(" " + word + " ")
            continue
        pieces = [p for p in word.split("-")]
        done: list[str] = []
        all_initials = True
        for n, p in enumerate(pieces):
            core = p.rstrip(".")
            if not core:
                continue
            if n > 0 and core[0].islower():
                if initialize:
                    continue
                done.append(p)
                all_initials = False
                continue
            is_initial = len(core) == 1
            if initialize or is_initial:
                done.append(core[0])
            else:
                done.append(p)
                all_initials = False
        if not done:
            continue
        if all_initials:
            sep = (mark.rstrip() + "-") if hyphen else mark
            out.append(sep.join(done) + mark)
        else:
            out.append("-".join(done) + " ")
    return re.sub(r"\s+", " ", "".join(out)).strip()


class Name_Part(Node, model.Name_Part):
    pass


class Et_Al(Node, model.Et_Al):
    def setup(self, style: CompiledStyle) -> None:
        super().setup(style)
        self.term_name = self.attrib.get("term", "et-al")


# ====================================================================== the compiled style

ELEMENT_CLASSES = {
    "style": Style, "info": Info, "locale": Locale, "macro": Macro, "layout": Layout, "citation": Citation,
    "bibliography": Bibliography, "sort": Sort, "key": Key, "text": Text, "number": Number, "label": Label,
    "group": Group, "choose": Choose, "if": If, "else-if": Else_If, "else": Else, "date": Date,
    "date-part": Date_Part, "names": Names, "name": Name, "name-part": Name_Part, "et-al": Et_Al,
    "substitute": Substitute,
}

INHERITABLE = ("and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min", "et-al-use-first",
               "et-al-use-last", "et-al-subsequent-min", "et-al-subsequent-use-first", "initialize",
               "initialize-with", "name-as-sort-order", "sort-separator", "name-form", "name-delimiter",
               "names-delimiter")


def make_parser() -> etree.XMLParser:
    lookup = etree.ElementNamespaceClassLookup()
    ns = lookup.get_namespace(NS)
    ns[None] = model.CitationStylesElement
    for tag, cls in ELEMENT_CLASSES.items():
        ns[tag] = cls
    parser = etree.XMLParser(remove_comments=True, remove_pis=True, no_network=True, resolve_entities=False)
    parser.set_element_class_lookup(lookup)
    return parser


class CompiledStyle:
    """A parsed, set-up style plus its locale: everything needed to render items."""

    def __init__(self, root: Any, lang: str | None = None, locale_file: Path | None = None) -> None:
        self.root = root
        self.lang = lang or root.get("default-locale") or "en-US"
        self.locale = load_locale(root, self.lang, locale_file)
        self.macros = {m.get("name"): m for m in root.findall(f"{{{NS}}}macro")}
        self.citation = root.find(f"{{{NS}}}citation")
        self.bibliography = root.find(f"{{{NS}}}bibliography")
        self.options = dict(root.attrib)
        self.demote = root.get("demote-non-dropping-particle", "display-and-sort")
        self.init_hyphen = root.get("initialize-with-hyphen", "true") == "true"
        self.page_range_format = root.get("page-range-format")
        self.page_delim = self.locale.term("page-range-delimiter") or "\u2013"
        self.quotes = {"0": (self.locale.term("open-quote") or "\u201c", self.locale.term("close-quote") or "\u201d"),
                       "1": (self.locale.term("open-inner-quote") or "\u2018",
                             self.locale.term("close-inner-quote") or "\u2019")}
        self.explicit_year_suffix = any(e.get("variable") == "year-suffix" for e in root.iter(f"{{{NS}}}text"))
        self.class_ = root.get("class", "in-text")
        self.uses_disambiguate = any(e.get("disambiguate") == "true" for e in root.iter(f"{{{NS}}}if", f"{{{NS}}}else-if"))
        self._keep = [e for e in root.iter() if isinstance(e.tag, str)]
        for e in reversed(self._keep):
            if isinstance(e, Node):
                e.setup(self)
        self.default_name: Name = _default_name(self)
        self.punct_in_quote = self.locale.options.get("punctuation-in-quote") == "true"
        self.layouts = {}
        for mode, el in (("citation", self.citation), ("bibliography", self.bibliography)):
            if el is not None:
                lay = el.find(f"{{{NS}}}layout")
                if lay is None:
                    raise RenderError(f"the style's <{mode}> has no <layout>")
                self.layouts[mode] = lay
        if "citation" not in self.layouts:
            raise RenderError("the style has no <citation> element")
        self._first_names_var: dict[str, str] = {}

    def inherit(self, mode: str, key: str, default: Any) -> Any:
        el = self.citation if mode == "citation" else self.bibliography
        if el is not None and key in el.attrib:
            return el.get(key)
        return self.root.get(key, default)

    def inherit_name(self, key: str, default: str) -> str:
        return self.root.get(key, default)

    def first_names_var(self, ctx: Ctx) -> str:
        return ""

    def option(self, mode: str, key: str, default: str = "") -> str:
        el = self.citation if mode == "citation" else self.bibliography
        return el.get(key, default) if el is not None else default

    # ------------------------------------------------------------ rendering one item
    def render_item(self, item: Item, mode: str, state: dict[str, Any] | None = None) -> tuple[Rich | None, Ctx]:
        ctx = Ctx(item, self, mode, state)
        lay = self.layouts[mode]
        kids = lay.render_kids(ctx)
        if not kids:
            return None, ctx
        return Rich(kids), ctx

    # ------------------------------------------------------------ sorting
    def sort_keys(self, item: Item, mode: str) -> list[tuple[str, str]] | None:
        el = self.citation if mode == "citation" else self.bibliography
        sort = el.find(f"{{{NS}}}sort") if el is not None else None
        if sort is None:
            return None
        keys = []
        for k in sort.findall(f"{{{NS}}}key"):
            direction = k.get("sort", "ascending")
            ctx = Ctx(item, self, mode, {})
            ctx.sorting = True
            names_opts = {a: k.get(a) for a in ("names-min", "names-use-first", "names-use-last") if k.get(a)}
            ctx.key_names = names_opts or None
            if k.get("variable"):
                v = k.get("variable")
                if v in NAME_VARS:
                    nms = item.names.get(v)
                    val = " ".join(self.default_name.sort_name(n, ctx) for n in nms) if nms else ""
                elif v in DATE_VARS:
                    d = item.dates.get(v)
                    val = date_sort_key(d) if d else ""
                elif v == "citation-number":
                    val = f"{item.number:08d}"
                else:
                    val = item.vars.get(v, "")
                    if val.isdigit():
                        val = val.zfill(8)
            else:
                m = self.macros.get(k.get("macro", ""))
                if m is None:
                    raise RenderError(f"the style sorts by an undefined macro {k.get('macro')!r}")
                val = plain(m.out(ctx))
            keys.append((sort_fold(val), direction))
        return keys


_FOLD = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ł": "l",
                       "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d", "ı": "i"})


def sort_fold(s: str) -> str:
    import unicodedata
    s = re.sub(r"</?(?:i|b|sc|sup|sub|span)\b[^>]*>", "", s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[\u201c\u201d\"\[\]()<>*_]", "", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = s.translate(_FOLD)
    return s.casefold().strip()


def _default_name(style: CompiledStyle) -> Name:
    parser = make_parser()
    el = etree.fromstring(f'<name xmlns="{NS}"/>', parser)
    el.setup(style)
    style._keep.append(el)
    return el


def compare_keys(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> int:
    for (x, d), (y, _) in zip(a, b, strict=False):
        if x == y:
            continue
        if not x:
            return 1
        if not y:
            return -1
        c = -1 if x < y else 1
        return -c if d == "descending" else c
    return 0


def sort_items(style: CompiledStyle, items: list[Item], mode: str) -> list[Item]:
    keyed = []
    for it in items:
        ks = style.sort_keys(it, mode)
        if ks is None:
            return list(items)
        keyed.append((ks, it.index, it))

    def cmp(p: Any, q: Any) -> int:
        c = compare_keys(p[0], q[0])
        return c if c else (p[1] > q[1]) - (p[1] < q[1])

    keyed.sort(key=cmp_to_key(cmp))
    return [k[2] for k in keyed]
