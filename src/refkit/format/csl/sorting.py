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
    keys = []
    for k in sort.findall(f"{{{NS}}}key"):
        direction = k.get("sort", "ascending")
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
            m = style.macros.get(k.get("macro", ""))
            if m is None:
                raise RenderError(f"the style sorts by an undefined macro {k.get('macro')!r}")
            val = plain(m.out(ctx))
        keys.append((sort_fold(val), direction))
    return keys

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
        ks = sort_keys(style, it, mode)
        if ks is None:
            return list(items)
        keyed.append((ks, it.index, it))

    def cmp(p: Any, q: Any) -> int:
        c = compare_keys(p[0], q[0])
        return c if c else (p[1] > q[1]) - (p[1] < q[1])

    keyed.sort(key=cmp_to_key(cmp))
    return [k[2] for k in keyed]
