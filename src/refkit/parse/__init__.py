"""Plain-text reference lists -> :class:`refkit.model.Reference` records.

The path is: :func:`refkit.parse.split.split_references` cuts the text into references, then each
one goes to the rule-based parser for bracketed-year author-date styles
(:mod:`refkit.parse.rules`) and, when the rules do not recognise it, to the learned tagger
(:mod:`refkit.parse.tagger` + :mod:`refkit.parse.assemble`), if present.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from refkit.errors import RefkitError
from refkit.model import Reference
from refkit.parse import rules
from refkit.parse.split import RawReference, split_references

MAX_REFERENCE_CHARS = 4000
LOW_CONFIDENCE = 0.80


@dataclass
class ParsedReference:
    raw: RawReference
    ref: Reference
    method: str  # "rules", "tagger" or "none"
    spans: list[tuple[str, str]] = field(default_factory=list)  # (label, text) in reading order
    unsure: list[str] = field(default_factory=list)
    confidence: float = 1.0
    field_confidence: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.method != "none" and not self.unsure


def _tagger() -> Callable[..., Any] | None:
    try:
        from refkit.parse import assemble, tagger
    except ImportError:
        return None

    def run(text: str, model: Any = None, previous: Reference | None = None
            ) -> tuple[Reference, list[tuple[str, str]], dict[str, float]]:
        segments = tagger.tag(text, model=model)
        ref, conf = assemble.assemble(segments, text, previous=previous)
        return ref, [(s.label, s.text) for s in segments], conf

    return run


def parse_one(raw: RawReference, model: Any = None, use_rules: bool = True,
              previous: Reference | None = None) -> ParsedReference:
    """Parse one reference. ``previous`` (the reference before it in the same list) supplies the
    authors for a repeated-author dash ("———")."""
    text = raw.text
    if len(text) > MAX_REFERENCE_CHARS:
        ref = Reference(type="document", fields={"note": text[:200] + "…"}, line=raw.line)
        return ParsedReference(raw, ref, "none",
                               unsure=[f"{len(text):,} characters is too long for one reference; not parsed"])
    if use_rules and model is None:
        r = rules.parse(text, previous=previous)
        if r is not None:
            r.ref.line = raw.line
            if raw.number:
                r.ref.fields.setdefault("citation-number", raw.number)
            return ParsedReference(raw, r.ref, "rules", r.spans, r.unsure)
    run = _tagger()
    if run is None:
        ref = Reference(type="document", fields={"note": text}, line=raw.line)
        return ParsedReference(raw, ref, "none", unsure=["not in a style refkit recognises"])
    try:
        ref, spans, conf = run(text, model, previous)
    except RefkitError:
        if model is not None:
            raise
        ref = Reference(type="document", fields={"note": text}, line=raw.line)
        return ParsedReference(raw, ref, "none", unsure=["not in a style refkit recognises (no tagger model)"])
    ref.line = raw.line
    if raw.number:
        ref.fields.setdefault("citation-number", raw.number)
    overall = min(conf.values()) if conf else 0.0
    unsure = []
    low = sorted(k for k, v in conf.items() if v < LOW_CONFIDENCE)
    if low:
        unsure.append("low confidence in " + ", ".join(low))
    if not ref.fields.get("title") and not ref.names.get("author"):
        unsure.append("found neither a title nor authors")
    return ParsedReference(raw, ref, "tagger", spans, unsure, overall, conf)


def parse_text(text: str, one_per_line: bool = False, model: Any = None) -> list[ParsedReference]:
    """Split ``text`` into references and parse each one, in order."""
    out: list[ParsedReference] = []
    for raw in split_references(text, one_per_line=one_per_line):
        out.append(parse_one(raw, model, previous=out[-1].ref if out else None))
    return out


__all__ = ["ParsedReference", "parse_one", "parse_text", "split_references"]
