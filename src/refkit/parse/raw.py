"""What splitting gives: the raw text of each reference, the lines skipped, and the whole split.

Kept apart from :mod:`refkit.parse.split` so that the modules that cut a list (:mod:`grouping`,
:mod:`pieces`, :mod:`notes`) can make them without importing the splitter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawReference:
    text: str
    line: int  # 1-based line of the input where the reference starts
    number: str = ""  # the list's own number ("12" for "[12]"), if any
    lines: int = 1
    reason: str = ""  # why a reference starts here (for --explain)
    entry: Any = None  # a README's fenced BibTeX entry, read as it is (a refkit.model.Reference)


@dataclass
class Skipped:
    line: int
    text: str
    reason: str


@dataclass
class Split:
    refs: list[RawReference]
    skipped: list[Skipped] = field(default_factory=list)
    section: bool = True  # False: the text is a paper and no reference list was found in it
    heading: str = ""
