"""Is a parsed reference likely wrong? The checks behind the "unsure" report.

:func:`review` looks at the labelled segments and the assembled reference and returns the reasons
to doubt it, each tied to a field:

* a field the tagger found twice, apart (two titles, two page ranges, two dates ...);
* a leftover: text labelled ``note`` that is not an access date, a language, a medium or a
  reprint remark, or a field whose cleaned value is empty or implausible (a volume with no digit,
  pages that are words, a title of one character);
* a type that contradicts the fields (an article without a journal, a chapter without a book, a
  book with a journal);
* low confidence: a segment whose mean marginal probability is below ``MIN_MARGINAL``
  (calibrated on round trips, see benchmarks/eval_unsure.py).

:func:`calibrate` folds the reasons into the per-field confidences that assembly returns, so
that every caller that flags fields below 0.8 (``refkit.parse.parse_one``) reports them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refkit.model import Reference
from refkit.parse.tagger import Segment

# Below this mean marginal a segment is doubted. Chosen on round trips (benchmarks/eval_unsure.py).
MIN_MARGINAL = 0.75
MIN_TOKEN = 0.5  # ... or when one of its words is below this
FLAG = 0.5  # the confidence a doubted field gets (anything below the callers' 0.8)
SINGLE = {"title", "journal", "date", "volume", "pages", "publisher", "location", "doi", "url", "edition",
          "isbn", "container-title", "citation-number"}
LABEL_FIELD = {"title": "title", "journal": "container-title", "container-title": "container-title",
               "date": "issued", "volume": "volume", "pages": "page", "publisher": "publisher",
               "location": "publisher-place", "doi": "DOI", "url": "URL", "edition": "edition", "isbn": "ISBN",
               "author": "author", "editor": "editor", "translator": "translator", "note": "note",
               "genre": "genre", "collection-title": "collection-title", "citation-number": "citation-number"}
_OK_NOTE = re.compile(
    r"(?i)accessed|retrieved|viewed|cited|consulted|abgerufen|zugriff|consulté|available|verfügbar|online|"
    r"\[?in\s+[A-Z]?[a-z]+\]?|original(?:ly)?|reprint|published|translated|press|forthcoming|abstract|"
    r"unpublished|manuscript|preprint|dataset|software|video|podcast|version|\bv\d|supplement|erratum|"
    r"thesis|dissertation|report|paper|series|\bpp?\.|\bvol|\bno\.|\bed\.|\bissn|\bpmid|\barxiv|\bhttps?:")


def review(segments: Sequence[Segment], ref: Reference) -> list[tuple[str, str]]:
    """[(field, reason)] for everything that makes this parse doubtful (empty: looks right)."""
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for i, s in enumerate(segments):
        lab = s.label
        if lab in SINGLE and lab in seen and seen[lab] < i - 1 and re.search(r"\w", s.text):
            out.append((LABEL_FIELD.get(lab, lab), f"two {lab} parts"))
        seen[lab] = i
        if lab in LABEL_FIELD and s.confidence < MIN_MARGINAL and re.search(r"\w", s.text):
            out.append((LABEL_FIELD[lab], f"low confidence in {lab} ({s.confidence:.2f})"))
        elif lab in LABEL_FIELD and s.low < MIN_TOKEN and re.search(r"\w", s.text):
            out.append((LABEL_FIELD[lab], f"a doubtful word in {lab} ({s.low:.2f})"))
        if lab == "note" and len(re.findall(r"[^\W\d_]{3,}", s.text)) >= 2 and not _OK_NOTE.search(s.text):
            out.append(("note", f"leftover text {s.text.strip()[:40]!r}"))
    f = ref.fields
    vol = f.get("volume", "")
    if vol and not re.search(r"\d|^[IVXLCDM]+$", vol):
        out.append(("volume", f"volume {vol!r} has no number"))
    page = f.get("page", "")
    if page and not re.search(r"\d|^[ivxlcdm]+(?:-[ivxlcdm]+)?$", page, re.I):
        out.append(("page", f"pages {page!r} have no number"))
    title = f.get("title", "")
    if title and (len(title) < 3 or len(title) > 300):
        out.append(("title", "implausible title length"))
    if not title and not f.get("container-title"):
        out.append(("title", "no title"))
    if not ref.names.get("author") and not ref.names.get("editor") and ref.type not in ("webpage", "document"):
        if not re.search(r"(?i)anonym|n\.\s?d\.", title):
            out.append(("author", "no author or editor"))
    if "issued" not in ref.dates and not re.search(r"(?i)n\.\s?d\.|o\.\s?J\.|s\.\s?f\.", " ".join(s.text for s in segments)):
        out.append(("issued", "no date"))
    if not f.get("container-title") and f.get("publisher"):  # a "journal" assembly took for the publisher
        out = [("publisher" if fld == "container-title" else fld, why) for fld, why in out]
    labels = {s.label for s in segments}
    if ref.type == "article-journal" and not f.get("container-title"):
        out.append(("type", "an article without a journal"))
    if ref.type == "chapter" and not f.get("container-title"):
        out.append(("type", "a chapter without a book"))
    if "journal" in labels and ("publisher" in labels and "volume" not in labels and "pages" not in labels):
        out.append(("type", "a journal with a publisher but no volume or pages"))
    return out


def calibrate(conf: dict[str, float], reasons: list[tuple[str, str]]) -> dict[str, float]:
    """Confidences with every doubted field lowered to ``FLAG`` (others unchanged, at least 0.8)."""
    out = {k: max(v, 0.8) for k, v in conf.items()}
    for field, _ in reasons:
        out[field] = min(out.get(field, 1.0), FLAG)
    return out
