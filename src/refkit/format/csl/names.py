"""Names: cs:names, cs:name, cs:name-part, cs:et-al and cs:substitute; initials and particles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from citeproc import model

from refkit.format.csl.nodes import Choose, Node
from refkit.format.csl.text import Label
from refkit.format.richtext import CJK_ONLY, Piece, Rich, apply_case, is_empty, join, parse_markup, plain

if TYPE_CHECKING:
    from refkit.format.csl.context import Ctx
    from refkit.format.csl.style import CompiledStyle


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
        if "editor" in vars_ and "translator" in vars_ and ctx.item.names["editor"] == ctx.item.names["translator"] \
                and ctx.loc.term("editortranslator") != "":  # a locale that empties the term keeps them apart
            vars_ = [v if v != "editor" else "editortranslator" for v in vars_ if v != "translator"]
        delim = self.delim if "delimiter" in self.attrib else ctx.style.inherit(ctx.mode, "names-delimiter", "")
        outs: list[Piece] = []
        name_lists: list[Rich] = []
        for v in vars_:
            names = ctx.item.names["editor" if v == "editortranslator" else v]
            r = name_el.render_list(names, v, etal_el, ctx)
            if r is None:
                continue
            if not ctx.sorting and (name_el.pre or name_el.suf or name_el.fmt):
                r = Rich([r], name_el.fmt, prefix=name_el.pre, suffix=name_el.suf)
            if label_el is not None and name_el.form_of(ctx) != "count" and not ctx.sorting:
                lab = label_el.out(ctx, v, len(names))
                if lab is not None:
                    r = Rich([r])
                    name_lists.append(r)  # subsequent-author-substitute replaces the names, not the label
                    r = Rich([lab, r] if label_first else [r, lab])
            outs.append(r)
        if outs:
            ctx.rendered += 1
            if ctx.trace is not None:  # inside cs:substitute: these names are used up at once
                for v in vars_:
                    done = ("editor", "translator") if v == "editortranslator" else (v,)
                    ctx.trace.extend(done)
                    ctx.suppressed.update(done)
            if name_el.form_of(ctx) == "count":
                total = sum(int(plain(o)) for o in outs if plain(o).isdigit())
                return self.wrap(str(total), ctx) if total else None
            node = self.wrap(Rich(join(outs, delim)), ctx)
            if ctx.first_names is None and isinstance(node, Rich):
                if node is outs[0]:
                    node = Rich([node])
                ctx.first_names = name_lists[0] if len(outs) == 1 and name_lists else node
                node.tag = "names"
            return node
        sub = self.subst
        if sub is not None and inherit is None:
            r = sub.out(ctx, self)
            if r is not None:
                ctx.rendered += 1
                node = self.wrap(r, ctx)
                if ctx.first_names is None and ctx.names_sig is None and node is not None:
                    # what stands in for the names counts as them (subsequent-author-substitute)
                    node = Rich([node], tag="names")
                    ctx.first_names = node
                    ctx.names_sig = "substitute:" + plain(node)
                return node
        return None


def substitute_first_names(ctx: Ctx, text: str) -> None:
    """subsequent-author-substitute: the first names printed in this rendering become ``text``
    (with ``text`` empty, their affixes go too)."""
    node = ctx.first_names
    if node is None:
        return
    node.kids = [text] if text else []
    if not text:
        node.prefix = node.suffix = ""


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
        self.form_attr = self.attrs.get("form")

    def form_of(self, ctx: Ctx) -> str:
        """The name form: the element's own, else inherited from cs:citation/cs:bibliography, then cs:style."""
        return self.form_attr or ctx.style.inherit(ctx.mode, "name-form", "long")

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
        # without et-al-use-first anywhere there is no truncation (CSL 1.0.2 needs both attributes)
        et_min = int(self.opt(ctx, "et-al-min", "0") or 0) if self.opt(ctx, "et-al-use-first", "") else 0
        et_first = int(self.opt(ctx, "et-al-use-first", "1") or 1)
        if ctx.mode == "citation" and (self.opt(ctx, "et-al-subsequent-min", "")
                                       or self.opt(ctx, "et-al-subsequent-use-first", "")):
            ctx.pos_read = True  # only these options make the position matter here
        if ctx.mode == "citation" and ctx.state.get("position", "first") != "first":
            et_min = int(self.opt(ctx, "et-al-subsequent-min", str(et_min)) or et_min)
            et_first = int(self.opt(ctx, "et-al-subsequent-use-first", str(et_first)) or et_first)
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
        if not shown:  # et-al-use-first="0": the list is left out, "et al." included
            return None
        if ctx.mode == "citation" and not ctx.sorting:
            ctx.cite_names.append((var, names))
        form = self.form_of(ctx)
        if form == "count":
            return str(len(shown))
        if ctx.sorting:
            iw = self.attrs.get("initialize-with", ctx.style.inherit(ctx.mode, "initialize-with", None))
            ini = self.attrs.get("initialize", ctx.style.inherit(ctx.mode, "initialize", "true")) != "false"
            keyed = shown + names[-1:] if truncate and use_last and n >= et_first + 2 else shown
            if form == "short":  # a short name sorts by its family name (and particle) alone
                return " ".join(nm.get("literal") or _particle(nm["non-dropping-particle"], nm.get("family", ""))
                                if nm.get("non-dropping-particle") else nm.get("literal") or nm.get("family", "")
                                for nm in keyed)
            return " ".join(self.sort_name(nm, ctx, iw, ini) for nm in keyed)
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
            found = ctx.loc.term(term or "et-al")
            et_text = "et al." if found is None else found
            if not et_text:  # a locale that empties the term prints no et-al at all
                return Rich(join(rendered, delim))
            et_piece: Piece = et_text
            if etal_el is not None:
                et_piece = etal_el.wrap(et_text, ctx) or et_text
            dp = self.opt(ctx, "delimiter-precedes-et-al", "contextual")
            use_delim = (dp == "always" or (dp == "contextual" and len(shown) >= 2)
                         or (dp == "after-inverted-name" and inverted[-1]))
            space = "" if CJK_ONLY.match(et_text) else " "  # "Ziggy Zither等"
            return Rich(join(rendered, delim) + [delim if use_delim else space, et_piece])
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
        form = self.form_of(ctx)
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
        dp = _apos(nm.get("dropping-particle", ""))
        ndp = _apos(nm.get("non-dropping-particle", ""))
        suffix = _apos(nm.get("suffix", ""))
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
            p: Piece = parse_markup(txt) if "<" in txt else txt
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
        if not fam and not ndp:  # a given name alone ("Banksy") prints as it is
            return _part_group(gp, [given, dp], ctx) or given
        init_with = self.attrs.get("initialize-with", ctx.style.inherit(ctx.mode, "initialize-with", None))
        if level == 2:
            init_with = None
        if init_with is not None and (init is None or init):
            initialize = self.attrs.get("initialize", ctx.style.inherit(ctx.mode, "initialize", "true")) != "false"
            given = initials(given, init_with, initialize, ctx.style.init_hyphen)
            if "." not in init_with and initialize:  # "Whitfield MT Jr": no periods anywhere (citeproc-js)
                suffix = suffix.replace(".", "")
        demote = ctx.style.demote
        if inverted:
            sep = self.opt(ctx, "sort-separator", ", ")
            if demote == "display-and-sort":
                gl = _part_group(gp, [given, dp, ndp], ctx)
                head = _part_group(fp, [fam], ctx)
            else:
                gl = _part_group(gp, [given, dp], ctx)
                head = _part_group(fp, [ndp, fam], ctx)
            out: list[Piece] = [head] if head is not None else []
            if gl is not None:
                out += [sep, gl]
            if suffix:
                out += [sep, suffix]
            return Rich(out)
        out = []
        gpiece = _part_group(gp, [given], ctx)
        if gpiece is not None:  # a given-name suffix ending in a space (&#160;) is the space
            out += [gpiece] if gp is not None and gp.suf[-1:].isspace() else [gpiece, " "]
        tail: list[Piece] = [", " if nm.get("comma-suffix") else " ", suffix] if suffix else []
        fpiece = _part_group(fp, [dp, ndp, fam], ctx, tail, unformatted=dp)
        if fpiece is not None:
            out.append(fpiece)
        return Rich(out)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _part_group(part: Name_Part | None, words: list[str], ctx: Ctx, tail: list[Piece] | None = None,
                unformatted: str = "") -> Piece | None:
    """Name parts printed together ("de La Fontaine"): each word takes the name-part's formatting
    and text-case, the group (with ``tail``, e.g. a suffix) takes its affixes, as in citeproc-js."""
    words = [w for w in words if w]
    if not words:
        return None
    out: list[Piece] = []
    for i, w in enumerate(words):
        if i and not words[i - 1].endswith(("'", "\u2019", "-", " ")):
            out.append(" ")
        piece: Piece = parse_markup(w) if "<" in w else w
        if part is not None and not (i == 0 and unformatted and w == unformatted):  # a dropping particle stays plain
            if part.tcase:
                piece = apply_case(piece, part.tcase)
            if part.fmt:
                piece = Rich([piece], part.fmt)
        out.append(piece)
    out += tail or []
    if part is not None and (part.pre or part.suf):
        return Rich(out, prefix=part.pre, suffix=part.suf)
    return out[0] if len(out) == 1 else Rich(out)


def _particle(particle: str, family: str) -> str:
    """ "van" + "Dijk" -> "van Dijk"; "d'" + "Amato" -> "d'Amato" (no space after an apostrophe or hyphen)."""
    if particle.endswith(("'", "\u2019", "-", " ")):
        return particle + family
    return f"{particle} {family}"


def _apos(s: str) -> str:
    return s.replace("'", "\u2019") if "'" in s else s


_TAGGED = re.compile(r"<(b|i|sc|sup|sub|span)\b[^>]*>[^<]*</\1>")


def initials(given: str, mark: str, initialize: bool, hyphen: bool) -> str:
    """Initialise given names: "Adaeze N." -> "A. N.", "Jean-Paul" -> "J.-P.", "Soo-jin" -> "S.".
    A name marked up in the input ("<b>John</b> Q.") keeps its markup around its initial."""
    if "<" not in given or not _TAGGED.search(given):
        return _initials(given, mark, initialize, hyphen)
    out = ""
    pos = 0
    segments: list[tuple[str, str, str]] = []  # (opening tag, text, closing tag)
    for m in _TAGGED.finditer(given):
        if m.start() > pos:
            segments.append(("", given[pos:m.start()], ""))
        whole = m.group(0)
        open_end = whole.index(">") + 1
        close_start = whole.rindex("</")
        segments.append((whole[:open_end], whole[open_end:close_start], whole[close_start:]))
        pos = m.end()
    if pos < len(given):
        segments.append(("", given[pos:], ""))
    for opening, text, closing in segments:
        core = text.strip(" -")
        if not core:
            continue
        done = _initials(core, mark, initialize, hyphen)
        if not done:
            continue
        if out:
            out += "-" if hyphen and text.lstrip(" ").startswith("-") else (" " if mark.endswith(" ") or not mark else "")
        out += opening + done + closing
    return out


def _initials(given: str, mark: str, initialize: bool, hyphen: bool) -> str:
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
            if p.endswith(".") and not is_initial and core.isalpha():  # "Ph.", "Ts.": an abbreviation stays
                done.append(core)
            elif initialize or is_initial:
                rest = core[1:]
                caps = len(rest) - len(rest.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                # "TSerendorjiin" -> "Ts" (a digraph initial), but "ME" -> "M"
                done.append(core[0] + (rest[:caps].lower() if 0 < caps < len(rest) else ""))
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
