"""The bibliography processor: registers items, sorts, numbers, disambiguates citations, applies
subsequent-author-substitute, and serialises entries as text, HTML or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from refkit.errors import Problem
from refkit.format.citations import Citation, CiteItem, assign_positions
from refkit.format.csl import CompiledStyle, Item, sort_items
from refkit.format.disambiguate import Disambiguator
from refkit.format.richtext import Piece, Rich, join, parse_markup, plain
from refkit.format.serialise import flatten, flip_parentheses, punctuate, to_html, to_markdown, to_text

FORMATS = ("text", "html", "markdown")
NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


@dataclass
class Entry:
    """One formatted bibliography entry."""

    id: str
    text: str


class Processor:
    """Render a list of CSL-JSON items with one compiled style."""

    def __init__(self, style: CompiledStyle, items: list[dict[str, Any]]) -> None:
        self.style = style
        last = {str(d.get("id", "")): i for i, d in enumerate(items)}  # a repeated id: the later item wins
        self.items = [Item(d, n) for n, d in enumerate(d for i, d in enumerate(items) if last[str(d.get("id", ""))] == i)]
        self.by_id = {it.id: it for it in self.items}
        self.state: dict[str, dict[str, Any]] = {it.id: {} for it in self.items}
        self.problems: list[Problem] = []
        if style.bibliography is not None:
            self.bib_order = sort_items(style, self.items, "bibliography")
            for n, it in enumerate(self.bib_order):
                it.number = n + 1
            # a bibliography sorted by something that depends on the number: sort again
        else:
            self.bib_order = list(self.items)
        Disambiguator(style, self.items, self.state, self.bib_order).run()

    # ------------------------------------------------------------------ output
    def bibliography(self, to: str = "text", ids: list[str] | None = None) -> list[Entry]:
        st = self.style
        if st.bibliography is None:
            return [Entry(it.id, self.cite([it.id], to)) for it in self.items if ids is None or it.id in ids]
        sas = st.option("bibliography", "subsequent-author-substitute", None)
        out: list[Entry] = []
        prev_names: str | None = None
        wanted = set(ids) if ids is not None else None
        for it in self.bib_order:
            # disambiguation shows in the bibliography too: added names, and given names in full
            # (initials are what bibliographies print anyway)
            cstate = self.state[it.id]
            bstate: dict[str, Any] = {k: cstate[k] for k in ("add_names", "disambiguate") if k in cstate}
            full = {k: v for k, v in cstate.get("given_levels", {}).items() if v == 2}
            if full:
                bstate["given_levels"] = full
            try:
                r, ctx = st.render_item(it, "bibliography", bstate)
            except Exception as e:  # one bad entry must not sink the list
                self.problems.append(Problem(f"{it.id}: could not be formatted ({type(e).__name__}: {e}); left out",
                                             key=str(it.id), rule="render"))
                continue
            if r is None or not plain(r).strip():
                prev_names = None
                if st.numeric and (wanted is None or it.id in wanted):
                    # as citeproc-js: the numbers cited in the text must still find their entries
                    self.problems.append(Problem(f"{it.id}: the style prints nothing for this entry",
                                                 key=str(it.id), rule="empty-entry"))
                    body = Rich([f"{it.number}. {NO_PRINTED_FORM}"])
                    out.append(Entry(it.id, self.serialise(body, to, entry=True)))
                continue
            if sas is not None:
                names_text = ctx.names_sig if ctx.first_names is not None else None
                # the partial rules are applied only to whole matches, like the complete ones
                if names_text and names_text == prev_names:
                    st.substitute_author(ctx, sas)
                prev_names = names_text
            if wanted is not None and it.id not in wanted:
                continue
            body = st.finish_entry(r, ctx)
            out.append(Entry(it.id, self.serialise(body, to, entry=True)))
        return out

    def cite_state(self, it: Item, c: CiteItem) -> dict[str, Any]:
        """What one cite renders with: the item's disambiguation plus the cite's locator and position."""
        state = dict(self.state[it.id])
        if c.locator.strip():
            state["locator"] = c.locator.strip()
            state["label"] = c.label or "page"
        state["position"] = c.position or "first"
        if c.near_note:
            state["near_note"] = True
        if c.first_note is not None and state["position"] != "first":
            state["first_note"] = str(c.first_note)
        if c.suppress_author:
            state["suppress_names"] = True
        return state

    def cite(self, ids: Sequence[str | CiteItem], to: str = "text") -> str:
        """One citation holding these cites (keys, or :class:`CiteItem` with locators and affixes)."""
        st = self.style
        cites = [c if isinstance(c, CiteItem) else CiteItem(c) for c in ids]
        pairs = [(self.by_id[c.id], c) for c in cites if c.id in self.by_id]
        if len(pairs) > 1 and st.sort_element("citation") is not None:
            order = {it.id: n for n, it in enumerate(sort_items(st, [it for it, _ in pairs], "citation"))}
            pairs.sort(key=lambda p: order[p[0].id])
        collapse = st.option("citation", "collapse", "")
        rendered: list[tuple[Item, Rich, str | None, CiteItem]] = []
        states: dict[int, dict[str, Any]] = {}
        for it, c in pairs:
            state = states[id(c)] = self.cite_state(it, c)
            r, ctx = st.render_item(it, "citation", state)
            if r is None:  # citeproc-js says so rather than print nothing
                r = Rich(["[CSL STYLE ERROR: reference with no printed form.]"])
            if r is not None:
                # a term opening a note, or following a prefix that ends a sentence, is capitalised
                if (not rendered and not c.prefix and st.class_ == "note") or _ends_sentence(c.prefix):
                    _capitalise_term(r)
                if c.prefix or c.suffix:
                    r = _with_affixes(r, _affix(c.prefix, True), _affix(c.suffix, False))
                # cites group under the names as printed ("Smith" and "Smith et al." differ)
                sig = "names:" + (plain(ctx.first_names) if ctx.first_names is not None else "")
                rendered.append((it, r, sig if not (c.prefix or c.suffix) else None, c))
        if not rendered:
            return ""
        delim = st.layout_delimiter("citation")
        kids: list[Any] = []
        if collapse == "citation-number" and len(rendered) > 2:
            kids = self._collapse_numbers(rendered, delim)
        elif collapse.startswith("year") and len(rendered) > 1:
            kids = self._collapse_years(rendered, states, collapse, delim)
        elif st.option("citation", "cite-group-delimiter") and len(rendered) > 1:
            # no collapsing, but cites with the same names are gathered and joined by cite-group-delimiter
            gathered: dict[Any, list[Any]] = {}
            for entry in rendered:
                gathered.setdefault(entry[2] if entry[2] is not None else id(entry), []).append(entry[1])
            group_delim = st.option("citation", "cite-group-delimiter")
            for pieces in gathered.values():
                if kids:
                    kids.append(delim)
                kids += join(pieces, group_delim)
        else:
            prev: CiteItem | None = None
            for _, r, _, c in rendered:
                if kids and delim and c.prefix[:1] not in (",", ";", ".", ":"):
                    # a cite's own punctuation wins over the delimiter: "source," + "; " -> "source, "
                    kids.append(delim.lstrip(",;:.") if prev is not None and prev.suffix.rstrip()[-1:] in
                                (",", ";", ".", ":") else delim)
                kids.append(r)
                prev = c
        return self.serialise(st.finish_citation(kids), to)

    def _collapse_years(self, rendered: list[Any], states: dict[int, dict[str, Any]], collapse: str,
                        delim: str) -> list[Any]:
        """collapse="year" / "year-suffix" / "year-suffix-ranged": cites with the same names join the
        first cite with those names; later ones print only what follows the names (and, for the
        year-suffix forms, only the suffix when the year repeats: "2000a, b" or "2000a–c")."""
        st = self.style
        group_delim = st.option("citation", "cite-group-delimiter", ", ")
        after = st.option("citation", "after-collapse-delimiter", delim)
        ys_delim = st.option("citation", "year-suffix-delimiter", st.option("citation", "cite-group-delimiter", delim))
        sorted_ = st.sort_element("citation") is not None
        groups: list[list[Any]] = []
        by_sig: dict[str, list[Any]] = {}
        for it, r, sig, c in rendered:
            if sig is not None and sig in by_sig and (sorted_ or by_sig[sig] is groups[-1]):
                # (unsorted citations only join neighbours)
                # same names as an earlier cite: print only what follows them (nothing, if nothing does)
                short, _ = st.render_item(it, "citation", dict(states[id(c)], suppress_names=True))
                if short is not None:
                    by_sig[sig].append((it, short, sig, c))
            else:
                g = [(it, r, sig, c)]
                groups.append(g)
                if sig is not None:
                    by_sig[sig] = g
        kids: list[Any] = []
        prev: list[Any] = []
        for g in groups:
            if kids:
                kids.append(after if len(prev) > 1 else delim)  # after-collapse-delimiter: after a collapsed group
            prev = g
            parts = self._suffix_runs(g, states, collapse == "year-suffix-ranged") if collapse != "year" else None
            located = [False] * len(g)
            if parts is None:
                parts = [[r] for _, r, _, _ in g]
                located = [bool(c.locator) for _, _, _, c in g]
            for m, run in enumerate(parts):
                if m:  # after a cite with a locator, or a run of year suffixes: the layout's delimiter
                    kids.append(after if located[m - 1] else delim if len(parts[m - 1]) > 1 else group_delim)
                for k, piece in enumerate(run):
                    if k and piece != "\u2013":
                        if run[k - 1] != "\u2013":
                            kids.append(ys_delim)
                    kids.append(piece)
        return kids

    def _suffix_runs(self, g: list[Any], states: dict[int, dict[str, Any]], ranged: bool) -> list[list[Any]] | None:
        """Within one name group, cites whose year repeats print only their year suffix."""
        if len(g) < 2:
            return None
        st = self.style
        bases: list[str | None] = []
        for it, _, _, c in g:
            if not it.year_suffix or c.locator or c.prefix or c.suffix:
                bases.append(None)
                continue
            short, _ = st.render_item(it, "citation", dict(states[id(c)], suppress_names=True))
            text = plain(short)
            bases.append(text[: -len(it.year_suffix)] if text.endswith(it.year_suffix) else None)
        runs: list[list[Any]] = []
        prev = None
        letters: list[list[Any]] = []
        for (it, r, _, _), base in zip(g, bases, strict=True):
            if base is not None and base == prev and runs:
                letters[-1].append(it.year_suffix)
            else:
                runs.append([r])
                letters.append([])
            prev = base
        out = []
        for run, suf in zip(runs, letters, strict=True):
            if ranged:
                suf = _letter_ranges(suf, run)
            out.append(run + suf)
        return out

    def citations(self, seq: Sequence[Citation], to: str = "text") -> list[str]:
        """A sequence of citations (notes or in-text), each rendered knowing what came before:
        positions (first, subsequent, ibid, ibid-with-locator, near-note) are worked out in order."""
        distance = int(self.style.option("citation", "near-note-distance", "5") or 5)
        return [self.cite(c.cites, to) for c in assign_positions(list(seq), distance)]

    def _collapse_numbers(self, rendered: list[Any], delim: str) -> list[Any]:
        """[1, 2, 3, 5] -> "1–3, 5": runs of three or more consecutive numbers become ranges."""
        ordered = sorted(rendered, key=lambda x: x[0].number)
        runs: list[list[Any]] = []
        for entry in ordered:
            if runs and entry[0].number == runs[-1][-1][0].number + 1 and not _marked(entry) \
                    and not _marked(runs[-1][-1]):
                runs[-1].append(entry)
            else:
                runs.append([entry])
        kids: list[Any] = []
        for run in runs:
            pieces = [run[0][1], "\u2013", run[-1][1]] if len(run) > 2 else [x[1] for x in run]
            for n, p in enumerate(pieces):
                if kids and (p != "\u2013" and (n == 0 or len(run) <= 2)) and delim:
                    kids.append(delim)
                kids.append(p)
        return kids

    def serialise(self, body: Rich, to: str, entry: bool = False) -> str:
        tokens: list[list[str]] = []
        flatten(body, tokens)
        punctuate(tokens, self.style.punct_in_quote)
        flip_parentheses(tokens)
        if to == "html":
            html = to_html(tokens, self.style.quotes)
            return f'<div class="csl-entry">{html}</div>' if entry else html
        if to == "markdown":
            return _tidy(to_markdown(tokens, self.style.quotes))
        return _tidy(to_text(tokens, self.style.quotes, margin_space=True))


def _ends_sentence(prefix: str) -> bool:
    """A prefix like "Caps after." ends a sentence; a one-word one ("cf.", "Nocapsafter.") does not."""
    p = prefix.strip().rstrip("\u201d\u2019\"'")
    return p.endswith((".", "!", "?")) and len(p.split()) > 1


def _capitalise_term(p: Piece) -> None:
    """Capitalise a term that opens a cite ("ibid." -> "Ibid."), as citeproc-js does."""
    term = False
    while isinstance(p, Rich) and p.kids and not p.prefix and not p.quotes:
        term = term or p.tag == "term"
        first = p.kids[0]
        if isinstance(first, str):
            if term and first[:1].islower():
                p.kids[0] = first[0].upper() + first[1:]
            return
        p = first


def _marked(entry: Any) -> bool:
    """A cite with a locator, prefix or suffix stays out of a number range."""
    c = entry[3]
    return bool(c.locator or c.prefix or c.suffix)


def _letter_ranges(suffixes: list[str], run: list[Any]) -> list[str]:
    """["b", "c", "d"] after "2000a" -> ["\u2013", "d"]: three or more consecutive suffixes become a range."""
    if not suffixes:
        return suffixes
    # the run's first cite carries the first suffix inside its rendering; track letters as numbers
    first = run[0]
    seq = [plain(first)[-1:]] + suffixes if isinstance(first, (str, Rich)) else suffixes
    nums = [ord(s[-1]) if len(s) == 1 else -10 for s in seq]
    out: list[str] = []
    i = 0
    while i < len(seq):
        j = i
        while j + 1 < len(seq) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            if i > 0:
                out.append(seq[i])
            out += ["\u2013", seq[j]]
        else:
            out += seq[max(i, 1) if i == 0 else i: j + 1]
        i = j + 1
    return out


def _with_affixes(r: Rich, prefix: str, suffix: str) -> Rich:
    """A cite with its prefix and suffix; affixes with markup (<i>, quotes) are read as markup."""
    if any(ch in prefix + suffix for ch in "<\"'\u2018\u201c"):
        kids: list[Piece] = [_fixed_quotes(parse_markup(prefix))] if prefix else []
        kids.append(r)
        if suffix:
            kids.append(_fixed_quotes(parse_markup(suffix)))
        return Rich(kids)
    return Rich([r], prefix=prefix, suffix=suffix)


def _fixed_quotes(p: Piece) -> Piece:
    if isinstance(p, Rich):
        if p.quotes:
            p.tag = "fixed-quotes"
        for k in p.kids:
            _fixed_quotes(k)
    return p


def _affix(s: str, prefix: bool) -> str:
    """A cite's prefix or suffix: a word-final prefix ("see") and a word-initial suffix get a space."""
    if not s:
        return s
    if prefix:
        return s + " " if s[-1].isalnum() else s
    return " " + s if s[0].isalnum() else s


def _tidy(s: str) -> str:
    return " ".join(s.split())
