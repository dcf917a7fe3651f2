"""Style compilation: the lxml parser that builds refkit's element classes, and :class:`CompiledStyle`,
a parsed, set-up style plus its locale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citeproc import model
from lxml import etree

from refkit.errors import RenderError
from refkit.format.csl.constants import NS
from refkit.format.csl.context import Ctx
from refkit.format.csl.dates import Date, Date_Part
from refkit.format.csl.items import Item
from refkit.format.csl.locale import load_locale
from refkit.format.csl.names import Et_Al, Name, Name_Part, Names, Substitute, substitute_first_names
from refkit.format.csl.nodes import (
    Bibliography,
    Choose,
    Citation,
    Else,
    Else_If,
    Group,
    If,
    Info,
    Key,
    Layout,
    Locale,
    Macro,
    Node,
    Sort,
    Style,
)
from refkit.format.csl.text import Label, Number, Text
from refkit.format.richtext import Rich

ELEMENT_CLASSES = {
    "style": Style, "info": Info, "locale": Locale, "macro": Macro, "layout": Layout, "citation": Citation,
    "bibliography": Bibliography, "sort": Sort, "key": Key, "text": Text, "number": Number, "label": Label,
    "group": Group, "choose": Choose, "if": If, "else-if": Else_If, "else": Else, "date": Date,
    "date-part": Date_Part, "names": Names, "name": Name, "name-part": Name_Part, "et-al": Et_Al,
    "substitute": Substitute,
}


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
        self.uses_position = any(e.get("position") for e in root.iter(f"{{{NS}}}if", f"{{{NS}}}else-if"))
        self.uses_disambiguate = any(e.get("disambiguate") == "true" for e in root.iter(f"{{{NS}}}if", f"{{{NS}}}else-if"))
        self._inherited: dict[tuple[str, str, Any], Any] = {}
        self._keep: list[Any] = [e for e in root.iter() if isinstance(e.tag, str)]
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
        self.numeric = self._cites_by_number()

    def _cites_by_number(self) -> bool:
        """Whether citations print the citation number (directly or through macros): a numeric style."""
        seen: set[str] = set()
        todo = [self.citation]
        while todo:
            el = todo.pop()
            for t in el.iter(f"{{{NS}}}text"):
                if t.get("variable") == "citation-number":
                    return True
                m = t.get("macro")
                if m and m not in seen and m in self.macros:
                    seen.add(m)
                    todo.append(self.macros[m])
        return False

    def keep(self, el: Any) -> None:
        """Keep an element proxy alive (and so its set-up attributes) for the life of the style."""
        self._keep.append(el)

    def inherit(self, mode: str, key: str, default: Any) -> Any:
        ck = (mode, key, default)  # the style is not changed once compiled: look each option up once
        try:
            return self._inherited[ck]
        except KeyError:
            pass
        el = self.citation if mode == "citation" else self.bibliography
        if el is not None and key in el.attrib:
            v = el.get(key)
        else:
            v = self.root.get(key, default)
        self._inherited[ck] = v
        return v

    def inherit_name(self, key: str, default: str) -> str:
        return self.root.get(key, default)

    def option(self, mode: str, key: str, default: Any = "") -> Any:
        el = self.citation if mode == "citation" else self.bibliography
        return el.get(key, default) if el is not None else default

    def sort_element(self, mode: str) -> Any:
        """The cs:sort of the citation or bibliography, or None."""
        el = self.citation if mode == "citation" else self.bibliography
        return el.find(f"{{{NS}}}sort") if el is not None else None

    # ------------------------------------------------------------ rendering one item
    def render_item(self, item: Item, mode: str, state: dict[str, Any] | None = None) -> tuple[Rich | None, Ctx]:
        ctx = Ctx(item, self, mode, state)
        lay = self.layouts[mode]
        kids = lay.render_kids(ctx)
        if not kids:
            return None, ctx
        return Rich(kids), ctx

    def substitute_author(self, ctx: Ctx, text: str) -> None:
        """subsequent-author-substitute: replace the first names the rendering in ``ctx`` printed."""
        substitute_first_names(ctx, text)

    def finish_entry(self, r: Rich, ctx: Ctx) -> Rich:
        """A bibliography entry with the layout's affixes and formatting (and second-field-align)."""
        lay = self.layouts["bibliography"]
        if self.option("bibliography", "second-field-align") and r.kids:
            first, rest = r.kids[0], r.kids[1:]
            return Rich([Rich([first], display="left-margin"),
                         Rich([Rich(rest, lay.fmt, prefix="", suffix=lay.suf)], display="right-inline")],
                        prefix=lay.pre)
        last = r.kids[-1] if r.kids else None
        if lay.suf and isinstance(last, Rich) and last.display:  # the entry's closing "." goes inside its last block
            last.suffix += lay.suf
            out = Rich([r], lay.fmt, prefix=lay.pre) if lay.fmt or lay.pre else r
        else:
            out = lay.wrap(r, ctx, case=False) or r
        return out if isinstance(out, Rich) else Rich([out])

    def finish_citation(self, kids: list[Any], prefix: str = "", suffix: str = "") -> Rich:
        """A citation's cites joined, with the layout's affixes and formatting."""
        lay = self.layouts["citation"]
        inner = Rich(kids, prefix=lay.pre + prefix, suffix=suffix + lay.suf)
        return Rich([inner], lay.fmt) if lay.fmt else inner

    def layout_delimiter(self, mode: str) -> str:
        return self.layouts[mode].delim


def _default_name(style: CompiledStyle) -> Name:
    parser = make_parser()
    el = etree.fromstring(f'<name xmlns="{NS}"/>', parser)
    el.setup(style)
    style.keep(el)
    return el
