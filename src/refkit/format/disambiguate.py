"""Citation disambiguation, in citeproc-js's order: given names by a global rule, then for cites that
still look the same, per set of look-alikes, given names (initials, then in full) and added names
(by-cite), then ``disambiguate="true"`` branches, then year suffixes in bibliography order.

Everything is decided on the rendered citation text; the outcome is per-item render state
(``add_names``, ``given_levels``, ``disambiguate``) and the items' year suffixes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from refkit.format.csl import CompiledStyle, Item
from refkit.format.richtext import plain

GivenKey = tuple[Any, ...]


class Disambiguator:
    def __init__(self, style: CompiledStyle, items: list[Item], state: dict[str, dict[str, Any]],
                 bib_order: list[Item]) -> None:
        self.style = style
        self.items = items
        self.state = state
        self.bib_order = bib_order
        # one rendering per (item, render state): the same cite is asked for again and again while
        # look-alikes are sorted out, and only the few cites whose state changed render anew
        self._cache: dict[tuple[Any, ...], tuple[str, list[tuple[str, list[dict[str, str]]]], bool]] = {}

    # ------------------------------------------------------------------ helpers
    def _render(self, it: Item, position: str | None = None) -> tuple[str, list[tuple[str, list[dict[str, str]]]]]:
        own = self.state[it.id]
        key = (id(it), it.year_suffix, it.number, repr(own))
        if position is not None:
            first = self._cache.get(key)
            if first is not None and not first[2] and "position" not in own:
                return first[0], first[1]  # the rendering never looked at the position: the same
            state = dict(own, position=position)
            key = (id(it), it.year_suffix, it.number, repr(state))
        else:
            state = own
        hit = self._cache.get(key)
        if hit is None:
            r, ctx = self.style.render_item(it, "citation", state)
            hit = self._cache[key] = (plain(r), ctx.cite_names, ctx.pos_read)
        return hit[0], hit[1]

    def cite_text(self, it: Item, position: str | None = None) -> str:
        return self._render(it, position)[0]

    def groups(self, items: list[Item], position: str | None = None) -> list[list[Item]]:
        seen: dict[str, list[Item]] = defaultdict(list)
        for it in items:
            seen[self.cite_text(it, position)].append(it)
        return [g for g in seen.values() if len(g) > 1]

    def distinct(self, members: list[Item]) -> int:
        return len({self.cite_text(it) for it in members})

    def names_in_cite(self, it: Item) -> list[tuple[str, list[dict[str, str]]]]:
        return self._render(it)[1]

    def _save(self, members: list[Item]) -> dict[str, dict[str, Any]]:
        return {it.id: {k: (dict(v) if isinstance(v, dict) else v) for k, v in self.state[it.id].items()}
                for it in members}

    def _restore(self, saved: dict[str, dict[str, Any]]) -> None:
        for k, v in saved.items():
            self.state[k] = v

    # ------------------------------------------------------------------ the order of steps
    def run(self) -> None:
        st = self.style

        def opt(key: str, default: str = "") -> str:
            return st.option("citation", key, default)

        add_names = opt("disambiguate-add-names") == "true"
        add_given = opt("disambiguate-add-givenname") == "true"
        rule = opt("givenname-disambiguation-rule", "by-cite")
        add_ys = opt("disambiguate-add-year-suffix") == "true"
        if not (add_names or add_given or add_ys or st.uses_disambiguate):
            return
        if add_given and rule != "by-cite":
            self.global_givennames(rule)
        groups = self.groups(self.items)
        if (add_names or (add_given and rule == "by-cite")) and groups:
            for g in groups:
                self.by_cite(g, add_names, add_given and rule == "by-cite")
            groups = self.groups(self.items)
        if st.uses_disambiguate and groups:
            for g in groups:
                for it in g:
                    self.state[it.id]["disambiguate"] = True
            groups = self.groups(self.items)
        later = st.uses_position or bool(st.option("citation", "et-al-subsequent-min"))
        if later and (st.uses_disambiguate or add_ys):
            # cites repeated in their subsequent form can look alike where first cites do not
            sub = self.groups(self.items, position="subsequent")
            if st.uses_disambiguate:
                for g in sub:
                    for it in g:
                        self.state[it.id]["disambiguate"] = True
                sub = self.groups(self.items, position="subsequent")
            seen = {id(it) for g in groups for it in g}
            groups += [g for g in sub if not any(id(it) in seen for it in g)]
        if add_ys and groups:
            order = {it.id: n for n, it in enumerate(self.bib_order)}
            for g in groups:
                g = sorted(g, key=lambda it: order.get(it.id, 0))
                for n, it in enumerate(g):
                    it.year_suffix = year_suffix(n)

    # ------------------------------------------------------------------ given names, globally
    def global_givennames(self, rule: str) -> None:
        primary = rule.startswith("primary")
        with_initials = rule.endswith("with-initials")
        seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
        per_item: dict[str, list[tuple[int, dict[str, str]]]] = {}
        never = self.style.demote == "never"

        def fam(nm: dict[str, str]) -> str:  # the family name as compared (with its particle when shown so)
            f = nm.get("family", "")
            return f"{nm.get('non-dropping-particle', '')} {f}".strip() if never else f

        for it in self.items:
            lists = self.names_in_cite(it)
            names = []
            for _, nl in lists[:1]:
                for i, nm in enumerate(nl[:1] if primary else nl):
                    if "literal" in nm:
                        continue
                    names.append((i, nm))
            per_item[it.id] = names
            for _, nm in names:  # "J.J." and "J. J." are the same given name
                seen[fam(nm)].add((initials_of(nm.get("given", "")), re.sub(r"[\s.]", "", nm.get("given", ""))))
        for it in self.items:
            levels: dict[GivenKey, int] = {}
            for i, nm in per_item[it.id]:
                variants = seen[fam(nm)]
                if len(variants) < 2:
                    continue
                mine = initials_of(nm.get("given", ""))
                clash = sum(1 for v in variants if v[0] == mine) > 1
                if clash and with_initials:  # initials cannot tell these apart: leave the name as it is
                    continue
                level = 2 if clash else 1
                levels[(i if primary else -1, nm.get("family", ""), nm.get("given", ""))] = level
            if levels:
                self.state[it.id]["given_levels"] = levels

    # ------------------------------------------------------------------ by cite
    def by_cite(self, group: list[Item], add_names: bool, add_given: bool) -> None:
        """Per set of cites that still look the same: first given names of the names shown
        (initials, then in full, name by name, kept when they tell more cites apart), then one more
        name at a time (kept when, with given names in full, it would tell more cites apart); over
        again until nothing changes. A cite told apart from the others stops there, so cites in one
        group may end up with different numbers of names."""
        most = max(max((len(n) for n in it.names.values()), default=0) for it in group)
        for _ in range(4 * most + 4):
            sets = self.groups(group)
            if not sets:
                return
            progress = False
            for members in sets:
                if add_given and self._expand_one_given(members, most):
                    progress = True
                elif add_names and self._add_names(members, add_given, most):
                    progress = True
            if not progress:
                return

    def _set_level(self, it: Item, pos: int, level: int, names: list[dict[str, str]]) -> bool:
        if pos >= len(names) or "literal" in names[pos]:
            return False
        levels = self.state[it.id].setdefault("given_levels", {})
        key = (pos, names[pos].get("family", ""), names[pos].get("given", ""))
        if levels.get(key, 0) >= level:
            return False
        levels[key] = level
        return True

    def _first_list(self, it: Item) -> list[dict[str, str]]:
        lists = self.names_in_cite(it)
        return lists[0][1] if lists else []

    def _expand_one_given(self, members: list[Item], most: int) -> bool:
        base = self.distinct(members)
        lists = {it.id: self._first_list(it) for it in members}
        for pos in range(most):
            for level in (1, 2):
                saved = self._save(members)
                changed = [self._set_level(it, pos, level, lists[it.id]) for it in members]
                if any(changed) and self.distinct(members) > base:
                    return True
                self._restore(saved)
        return False

    def _full_given_distinct(self, members: list[Item], most: int) -> int:
        saved = self._save(members)
        for it in members:
            names = self._first_list(it)
            for pos in range(min(most, len(names))):
                self._set_level(it, pos, 2, names)
        n = self.distinct(members)
        self._restore(saved)
        return n

    def _add_names(self, members: list[Item], add_given: bool, most: int) -> bool:
        def count() -> int:
            return self._full_given_distinct(members, most) if add_given else self.distinct(members)

        k = max(self.state[it.id].get("add_names", 0) for it in members)
        before = count()
        saved = self._save(members)
        for j in range(k + 1, most + 1):
            for it in members:
                self.state[it.id]["add_names"] = j
            if count() > before:
                return True
        self._restore(saved)
        return False


def year_suffix(n: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa" (as citeproc-js)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = letters[r] + out
    return out


def initials_of(given: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s.\-]+", given) if w and w[0].isupper())
