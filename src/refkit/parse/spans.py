"""Giving part of a reference a new label: the one primitive the corrections after the tagger use.

A segment is a character range of the reference with a label (``tagger.Segment``).
"""

from __future__ import annotations

from refkit.parse.tagger import Segment


def relabel(segments: list[Segment], text: str, start: int, end: int, label: str) -> list[Segment]:
    """Give ``text[start:end]`` the label ``label``, cutting the segments it overlaps."""
    out: list[Segment] = []
    placed = False
    for s in segments:
        if s.end <= start or s.start >= end:
            if s.start >= end and not placed:
                out.append(Segment(label, text[start:end], start, end, 1.0))
                placed = True
            out.append(s)
            continue
        if s.start < start:
            a, b = s.start, start
            out.append(Segment(s.label, text[a:b], a, b, s.confidence))
        if not placed:
            out.append(Segment(label, text[start:end], start, end, 1.0))
            placed = True
        if s.end > end:
            a, b = end, s.end
            out.append(Segment(s.label, text[a:b], a, b, s.confidence))
    if not placed:
        out.append(Segment(label, text[start:end], start, end, 1.0))
    return [s for s in out if s.text.strip()]
