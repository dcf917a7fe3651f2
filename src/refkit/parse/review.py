"""Is a parsed reference likely wrong? The checks behind the "unsure" report.

:func:`review` looks at the labelled segments and the assembled reference and returns the reasons
to doubt it, each tied to a field (the checks themselves are in :mod:`refkit.parse.review_features`):

* a field the tagger found twice, apart (two titles, two page ranges, two genres ...), or text
  left over (a ``note`` that is not an access date, a language, a medium or a remark);
* a value whose shape does not fit its field: a volume with no digit or with two numbers, pages
  that are words, a title that is only a number or runs on after its closing quote, a container
  that ends with a day or a year, a publisher holding a number, a field that is only "In", a
  family name that is only initials or two words, a person's name holding an organisation word;
* a type the fields contradict (an article without a journal, a chapter without a book, a book
  with a page range, a thesis with no school);
* a year in the text but no date, no title;
* low confidence: a segment with a word whose marginal probability is below ``MIN_TOKEN``, or
  whose mean marginal is below ``MIN_MARGINAL``.

The thresholds were chosen on invented round trips (training/round_trips.py, seeds 101-104) and
measured on other seeds and on citeproc-js output by benchmarks/eval_unsure.py.

:func:`calibrate` folds the reasons into the per-field confidences that assembly returns, so
that every caller that flags fields below 0.8 (``refkit.parse.parse_one``) reports them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refkit.model import Reference
from refkit.parse.review_features import (
    LABEL_FIELD,
    field_reasons,
    missing_reasons,
    name_order_reasons,
    segment_reasons,
    type_reasons,
)
from refkit.parse.tagger import Segment

# A segment is doubted when one of its words has a marginal probability below its label's
# threshold. Labels missing here are left to the shape checks: the tagger often hesitates where
# pages meet a volume or an issue, or where a link or a series ends, without harm to the fields.
MIN_TOKEN = {"title": 0.7, "author": 0.7, "editor": 0.7, "translator": 0.7, "date": 0.7, "note": 0.7,
             "location": 0.7, "journal": 0.7, "edition": 0.7, "container-title": 0.6, "publisher": 0.6}
MIN_MARGINAL = 0.75  # ... or when its mean marginal is below this (for the same labels)
FLAG = 0.5  # the confidence a doubted field gets (anything below the callers' 0.8)


def confidence_reasons(segments: Sequence[Segment]) -> list[tuple[str, str]]:
    """Low confidence: the tagger's marginal probabilities of the segments it labelled."""
    out: list[tuple[str, str]] = []
    for s in segments:
        if s.label not in MIN_TOKEN or not re.search(r"\w", s.text):
            continue
        if s.confidence < MIN_MARGINAL:
            out.append((LABEL_FIELD[s.label], f"low confidence in {s.label} ({s.confidence:.2f})"))
        elif s.low < MIN_TOKEN[s.label]:
            out.append((LABEL_FIELD[s.label], f"a doubtful word in {s.label} ({s.low:.2f})"))
    return out


def review(segments: Sequence[Segment], ref: Reference) -> list[tuple[str, str]]:
    """[(field, reason)] for everything that makes this parse doubtful (empty: looks right)."""
    out = segment_reasons(segments) + confidence_reasons(segments) + field_reasons(ref)
    out += missing_reasons(segments, ref) + name_order_reasons(segments, ref)
    if not ref.fields.get("container-title") and ref.fields.get("publisher"):  # a "journal" taken for the publisher
        out = [("publisher" if fld == "container-title" else fld, why) for fld, why in out]
    out += type_reasons(ref, {s.label for s in segments})
    return out


def calibrate(conf: dict[str, float], reasons: list[tuple[str, str]]) -> dict[str, float]:
    """Confidences with every doubted field lowered to ``FLAG`` (others unchanged, at least 0.8)."""
    out = {k: max(v, 0.8) for k, v in conf.items()}
    for field, _ in reasons:
        out[field] = min(out.get(field, 1.0), FLAG)
    return out
