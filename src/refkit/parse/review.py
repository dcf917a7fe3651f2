"""Is a parsed reference likely wrong? The checks behind the "unsure" report.

:func:`review` looks at the labelled segments and the assembled reference and returns the reasons
to doubt it, each tied to a field (the checks themselves are in :mod:`refkit.parse.review_features`):

* a field the tagger found twice, apart (two titles, two genres, two dates with different years),
  or text left over (a ``note`` that is not an access date, a language, a medium or a remark);
* a value whose shape does not fit its field: a container ending with a day, a year or a page
  code, a volume counting volumes, pages not found after a volume, a title running on after its
  closing quote or holding "In:", a publisher holding a number, a family name that is only
  initials, an organisation cut at its "and", a family name printed before a full given name ...
  (see :mod:`refkit.parse.review_features` for the full list);
* a type the fields contradict (an article without a journal, a chapter without a book, a book
  with a page range or a web link and no place, a thesis with no school);
* a year in the text but no date, only an access date, no title;
* low confidence in the whole parse: the product of its words' marginal probabilities (the
  tagger's certainty about the label sequence) below ``e ** MIN_SEQUENCE``.

The checks and the threshold were chosen on invented round trips (training/round_trips.py: seeds
101-112 through the nine format-oracle styles, seeds 201-206 through six others) and are measured
on other seeds, on citeproc-js output and on real references by benchmarks/eval_unsure.py.

:func:`calibrate` folds the reasons into the per-field confidences that assembly returns, so
that every caller that flags fields below 0.8 (``refkit.parse.parse_one``) reports them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from refkit.model import Reference
from refkit.parse.review_features import (
    LABEL_FIELD,
    field_reasons,
    missing_reasons,
    name_order_reasons,
    org_and_reasons,
    segment_reasons,
    type_reasons,
)
from refkit.parse.tagger import Segment

# The parse as a whole is doubted when the product of its words' marginal probabilities (each
# segment counting its mean marginal once per word: close to the CRF's probability of the whole
# label sequence) is below e ** MIN_SEQUENCE. Chosen on round trips (seeds 101-104): it ranks wrong
# parses better than any one word's or segment's marginal does.
MIN_SEQUENCE = -1.0
FLAG = 0.5  # the confidence a doubted field gets (anything below the callers' 0.8)


def sequence_score(segments: Sequence[Segment]) -> float:
    """The log of the product of the words' marginal probabilities, estimated per segment."""
    return sum(len(s.text.split()) * math.log(max(s.confidence, 1e-6)) for s in segments)


def confidence_reasons(segments: Sequence[Segment]) -> list[tuple[str, str]]:
    """Low confidence in the whole parse, tied to the field that costs the most of it."""
    score = sequence_score(segments)
    if score >= MIN_SEQUENCE:
        return []
    labelled = [s for s in segments if s.label in LABEL_FIELD and re.search(r"\w", s.text)]
    if not labelled:
        return [("type", f"low confidence in the parse ({math.exp(score):.2f})")]
    worst = min(labelled, key=lambda s: len(s.text.split()) * math.log(max(s.confidence, 1e-6)))
    return [(LABEL_FIELD[worst.label],
             f"low confidence in the parse ({math.exp(score):.2f}), least in {worst.label} ({worst.confidence:.2f})")]


def review(segments: Sequence[Segment], ref: Reference) -> list[tuple[str, str]]:
    """[(field, reason)] for everything that makes this parse doubtful (empty: looks right)."""
    out = segment_reasons(segments) + confidence_reasons(segments) + field_reasons(ref)
    out += missing_reasons(segments, ref) + name_order_reasons(segments, ref) + org_and_reasons(segments, ref)
    if not ref.fields.get("container-title") and ref.fields.get("publisher"):  # a "journal" taken for the publisher
        out = [("publisher" if fld == "container-title" else fld, why) for fld, why in out]
    out += type_reasons(ref, {s.label for s in segments})
    values = " ".join(v for k, v in ref.fields.items() if k != "note").lower()
    keep = []
    for fld, why in out:
        m = re.match(r"leftover text '(.*)'$", why)
        if m and m.group(1).strip(" .,;:()[]").lower() in values:
            continue  # the leftover found its field after all ("Printed for the author." -> publisher)
        if why == "two date parts" and "original-date" in ref.dates:
            continue  # the first date is the original's ("1887. Heritage Reprints, 2015")
        keep.append((fld, why))
    return keep


def calibrate(conf: dict[str, float], reasons: list[tuple[str, str]]) -> dict[str, float]:
    """Confidences with every doubted field lowered to ``FLAG`` (others unchanged, at least 0.8)."""
    out = {k: max(v, 0.8) for k, v in conf.items()}
    for field, _ in reasons:
        out[field] = min(out.get(field, 1.0), FLAG)
    return out
