"""The view of :mod:`refkit.bib.scan` that lint, tidy and keys work on.

Same blocks, fields and offsets as the reader sees, with the differences that suit tools which rewrite
text: an ``@`` on a ``%``-commented line starts no entry; an entry that an extra ``}`` closed early ends
there (the fields the reader reads on into it are text after it, which lint reports); and an entry the
scanner had to repair otherwise is a ``"broken"`` block (its ``problem`` says why), kept byte for byte
and reported instead of rewritten.
"""

from __future__ import annotations

from dataclasses import replace

from refkit.bib.scan import Block, Piece, RawField, RawFile
from refkit.bib.scan import scan as _scan

__all__ = ["Block", "Piece", "RawField", "RawFile", "scan"]


def scan(text: str) -> RawFile:
    """Split ``text`` into blocks (entries, @string, @preamble, @comment, junk between them)."""
    raw = _scan(text, commented_at=True)
    blocks: list[Block] = []
    for b in raw.blocks:
        if b.kind == "entry" and b.early_end >= 0:
            cut = b.early_end
            blocks.append(replace(b, end=cut, fields=[f for f in b.fields if f.end <= cut],
                                  problems=b.problems[:b.early_problems],
                                  comments=[c for c in b.comments if c[1] <= cut], early_end=-1))
            blocks.append(Block("junk", cut, b.end, raw.line_of(cut)))
            b = blocks[-2]
        else:
            blocks.append(b)
        if b.kind == "entry" and b.recovered:
            b.kind = "broken"
    raw.blocks = blocks
    return raw
