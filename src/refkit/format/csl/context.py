"""The render context: what one rendering of one item carries from element to element."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from refkit.format.richtext import Rich

if TYPE_CHECKING:
    from refkit.format.csl.items import Item
    from refkit.format.csl.style import CompiledStyle


class Ctx:
    __slots__ = ("item", "style", "loc", "mode", "sorting", "suppressed", "called", "rendered",
                 "state", "names_opts", "first_names", "ys_done", "key_names", "disamb", "cite_names", "subst_names", "names_sig", "trace",
                 "pos_read")

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
        self.pos_read = False  # whether the rendering looked at the cite's position
