"""Title Case -> sentence case on reading BibTeX (stub)."""

from __future__ import annotations

from typing import Any

from refkit.model import Reference


def apply(refs: list[Reference], raw: list[Any], mode: str = "auto") -> None:
    return None
