"""Sorting: cs:sort keys (variables and macros), folding for comparison, empty values last."""

from __future__ import annotations

import re
import unicodedata
from functools import cmp_to_key
from typing import TYPE_CHECKING, Any

from refkit.errors import RenderError
from refkit.format.csl.constants import DATE_VARS, NAME_VARS, NS
from refkit.format.csl.context import Ctx
from refkit.format.csl.dates import date_sort_key
from refkit.format.richtext import plain

if TYPE_CHECKING:
    from refkit.format.csl.items import Item
    from refkit.format.csl.style import CompiledStyle


def sort_keys(style: CompiledStyle, item: Item, mode: str) -> list[tuple[str, str]] | None:
    """The item's sort keys (folded value, direction) under the mode's cs:sort, or None without one."""
    sort = style.sort_element(mode)
    if sort is None:
        return None
    return [(sort_key(style, item, mode, k), k.get("sort", "ascending")) for k in _key_elements(style, sort)]


def _key_elements(style: CompiledStyle, sort: Any) -> list[Any]:
    keys = sort.findall(f"{{{NS}}}key")
    for k in keys:
        if not k.get("variable") and style.macros.get(k.get("macro", "")) is None:
            raise RenderError(f"the style sorts by an undefined macro {k.get('macro')!r}")
    return keys


def sort_key(style: CompiledStyle, item: Item, mode: str, k: Any) -> str:
    """One cs:key's folded value for the item."""
    ctx = Ctx(item, style, mode, {})
    ctx.sorting = True
    names_opts = {a: k.get(a) for a in ("names-min", "names-use-first", "names-use-last") if k.get(a)}
    ctx.key_names = names_opts or None
    if k.get("variable"):
        v = k.get("variable")
        if v in NAME_VARS:
            nms = item.names.get(v)
            val = " ".join(style.default_name.sort_name(n, ctx) for n in nms) if nms else ""
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
        val = plain(style.macros[k.get("macro", "")].out(ctx))
    return sort_fold(val)


_FOLD = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ł": "l",
                       "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d", "ı": "i"})


def sort_fold(s: str) -> str:
    s = re.sub(r"</?(?:i|b|sc|sup|sub|span)\b[^>]*>", "", s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[\u201c\u201d\"\[\]()<>*_,]", "", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"(?:(?<=\s)|^)'|'(?=\s|$)", "", s)  # quoting single quotes, not apostrophes
    s = s.translate(_FOLD)
    return s.casefold().strip()


def sort_items(style: CompiledStyle, items: list[Item], mode: str) -> list[Item]:
    """The items in the order of the mode's cs:sort (ties: input order). A key is worked out only
    when the keys before it tie, once per item: most items never need their later keys rendered."""
    sort = style.sort_element(mode)
    if sort is None or not items:
        return list(items)
    elements = _key_elements(style, sort)
    directions = [k.get("sort", "ascending") for k in elements]
    n = len(elements)
    cache: dict[tuple[int, int], str] = {}

    def value(it: Item, j: int) -> str:
        key = (id(it), j)
        v = cache.get(key)
        if v is None:
            v = cache[key] = sort_key(style, it, mode, elements[j])
        return v

    def cmp(p: Item, q: Item) -> int:
        for j in range(n):
            x, y = value(p, j), value(q, j)
            if x == y:
                continue
            if not x:
                return 1
            if not y:
                return -1
            c = -1 if x < y else 1
            return -c if directions[j] == "descending" else c
        return (p.index > q.index) - (p.index < q.index)

    return sorted(items, key=cmp_to_key(cmp))
