"""Plain-text reference lists and PDF papers -> :class:`refkit.model.Reference` records.

The path is: a PDF becomes laid-out text (:mod:`refkit.parse.pdf`); the reference list is found in the
text (:mod:`refkit.parse.find`); :func:`refkit.parse.split.split_text` cuts it into references
(markdown lists through :mod:`refkit.parse.markdown`, footnotes through :mod:`refkit.parse.notes`), then each
one goes to the rule-based parser for bracketed-year author-date styles
(:mod:`refkit.parse.rules`) and, when the rules do not recognise it, to the learned tagger
(:mod:`refkit.parse.tagger` + :mod:`refkit.parse.assemble`), if present.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from refkit.errors import InputError, RefkitError
from refkit.model import Reference
from refkit.parse import rules
from refkit.parse.legal import parse_legal
from refkit.parse.raw import RawReference, Skipped
from refkit.parse.split import gc_paused as _gc_paused
from refkit.parse.split import split_references, split_text

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


@functools.lru_cache(maxsize=1)
def _tagger() -> Callable[..., Any] | None:
    try:
        from refkit.parse import assemble, tagger
        from refkit.parse.refine import refine
    except ImportError:
        return None
    shipped: list[Any] = []  # the shipped model, opened once (not looked up again per reference)

    def run(text: str, model: Any = None, previous: Reference | None = None
            ) -> tuple[Reference, list[tuple[str, str]], dict[str, float], list[tuple[str, str]]]:
        if model is None:
            if not shipped:
                shipped.append(tagger.load_model())
            model = shipped[0]
        segments = refine(tagger.tag(text, model=model), text)  # the labels that became the fields
        reasons: list[tuple[str, str]] = []
        ref, conf = assemble.assemble(segments, text, previous=previous, reasons=reasons, refined=True)
        shown = {"author2": "author"}
        return ref, [(shown.get(s.label, s.label), s.text) for s in segments if s.label != "skip"], conf, reasons

    return run


def parse_one(raw: RawReference, model: Any = None, use_rules: bool = True,
              previous: Reference | None = None) -> ParsedReference:
    """Parse one reference. ``previous`` (the reference before it in the same list) supplies the
    authors for a repeated-author dash ("———")."""
    text = raw.text
    if text.startswith("__"):  # a typewriter's repeated-author rule "______." is the dash "———."
        text = re.sub(r"^_{2,}(?=[.,\s])", "———", text)
    if raw.entry is not None:  # a README's fenced BibTeX block: already structured
        raw.entry.line = raw.line
        return ParsedReference(raw, raw.entry, "bibtex")
    if len(text) > MAX_REFERENCE_CHARS:
        ref = Reference(type="document", fields={"note": text[:200] + "…"}, line=raw.line)
        return ParsedReference(raw, ref, "none",
                               unsure=[f"{len(text):,} characters is too long for one reference; not parsed"])
    if use_rules and model is None:
        case = parse_legal(text)  # a court decision or a statute, cited as lawyers do
        if case is not None:
            case.line = raw.line
            if raw.number:
                case.fields.setdefault("citation-number", raw.number)
            return ParsedReference(raw, case, "rules")
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
        ref, spans, conf, reasons = run(text, model, previous)
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
    why: dict[str, list[str]] = {}
    for fld, reason in reasons:  # the review's reasons, one entry per doubted field
        if reason not in why.setdefault(fld, []):
            why[fld].append(reason)
    for k in low:
        unsure.append(f"{k}: {'; '.join(why[k])}" if why.get(k) else f"low confidence in {k}")
    if not ref.fields.get("title") and not ref.names.get("author"):
        unsure.append("found neither a title nor authors")
    return ParsedReference(raw, ref, "tagger", spans, unsure, overall, conf)


def parse_text(text: str, one_per_line: bool = False, model: Any = None) -> list[ParsedReference]:
    """Split ``text`` into references and parse each one, in order."""
    return parse_raws(split_references(text, one_per_line=one_per_line), model)


PARALLEL_FROM = 400  # references; below that, starting worker processes costs more than it saves


def parse_raws(raws: list[RawReference], model: Any = None) -> list[ParsedReference]:
    """Parse each reference in order. Long lists are parsed by one worker process per CPU
    (``REFKIT_WORKERS`` sets the number; 1 turns it off): a reference needs the one before it only
    for a repeated-author dash, so those are parsed again afterwards, in order."""
    workers = int(os.environ.get("REFKIT_WORKERS") or os.cpu_count() or 1)
    with _gc_paused():  # here too while the workers' results are unpickled: a third of that time otherwise
        if workers > 1 and len(raws) >= PARALLEL_FROM and model is None:
            try:
                out = _parse_parallel(raws, workers)
            except (OSError, RuntimeError, ImportError):
                out = []
            if out:
                return out
        out = []
        for raw in raws:
            out.append(parse_one(raw, model, previous=out[-1].ref if out else None))
    return out


def _parse_chunk(raws: list[RawReference]) -> list[tuple[Any, ...]]:
    """In a worker: a run of references in order (a repeated-author dash takes the authors of the
    one before, as in one process); each result without its raw reference, which the parent has."""
    out: list[ParsedReference] = []
    with _gc_paused():
        for raw in raws:
            out.append(parse_one(raw, previous=out[-1].ref if out else None))
    return [(p.ref, p.method, p.spans, p.unsure, p.confidence, p.field_confidence) for p in out]


def _preload() -> None:
    """Open the shipped model before forking: the workers share it instead of each reading it."""
    try:
        from refkit.parse import tagger
    except ImportError:
        return
    with contextlib.suppress(RefkitError):
        tagger.load_model().view()


def _parse_parallel(raws: list[RawReference], workers: int) -> list[ParsedReference]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return []
    _preload()
    size = -(-len(raws) // (workers * 12))  # small runs: the workers end close together
    chunks = [raws[i:i + size] for i in range(0, len(raws), size)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        out = [ParsedReference(raw, *p) for raw, p in
               zip(raws, (p for part in pool.map(_parse_chunk, chunks) for p in part), strict=True)]
    # the first reference of each run was parsed without the one before it: parse it again with it,
    # and the next one too while that changed anything, so the result is the one process's
    for start in range(size, len(raws), size):
        i = start
        while i < len(raws):
            p = parse_one(raws[i], previous=out[i - 1].ref)
            if p == out[i]:
                break
            out[i] = p
            i += 1
    return out


@dataclass
class Document:
    """What ``refkit parse`` read: the references and what was skipped on the way."""

    name: str
    kind: str  # "pdf" or "text"
    parsed: list[ParsedReference]
    skipped: list[Skipped]
    heading: str = ""
    page_of_line: list[int] = field(default_factory=list)  # PDF: the page of each line of its text

    def where(self, line: int) -> str:
        """"name:line" for text, "name: page N" for a PDF."""
        if self.kind == "pdf" and 0 < line <= len(self.page_of_line):
            return f"{self.name}: page {self.page_of_line[line - 1]}"
        return f"{self.name}:{line}"


def structured_kind(text: str, name: str = "") -> str:
    """"BibTeX", "CSL-JSON", "RIS" or "EndNote tagged" when ``text`` is already a bibliography, else ""."""
    head = text.lstrip("\ufeff \t\r\n")
    entries = re.findall(r"^[ \t]*@[A-Za-z]+\s*[{(]", text[:200_000], re.M)
    if "=" in head and (re.match(r"@[A-Za-z]+\s*[{(]", head) or (
            name.lower().endswith((".bib", ".biblatex")) and entries)):
        return "BibTeX"
    rows = [ln for ln in text[:200_000].splitlines() if ln.strip()]
    if "```" in text or "~~~" in text:  # a README: its fenced BibTeX blocks are read with the list
        return ""
    if len(rows) >= 3 and sum(bool(re.match(r"\s*[A-Za-z][\w-]*\s*=\s*[{\"\d]", ln)) for ln in rows) >= 0.6 * len(rows):
        return "BibTeX fields without @type{key, ...}"
    from refkit.bib import endnote, ris

    if ris.sniff(text) and len(re.findall(r"(?m)^ER  -", text[:200_000])) >= 1:
        return "RIS"
    if endnote.sniff(text):
        return "EndNote tagged"
    if head.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except ValueError:
            return ""
        items = data if isinstance(data, list) else data.get("items", [data]) if isinstance(data, dict) else []
        if items and all(isinstance(i, dict) for i in items) and any(
                k in items[0] for k in ("type", "title", "author", "issued", "id")) and "authorships" not in items[0]:
            return "CSL-JSON"
    return ""


def parse_document(data: bytes | str, name: str = "input", *, pages: str | None = None,
                   one_per_line: bool = False, keep_repeats: bool = False, model: Any = None) -> Document:
    """Parse a reference list given as text, or as the bytes of a text file or a PDF paper."""
    from refkit.parse import pdf

    if isinstance(data, bytes) and pdf.is_pdf(data):
        numbers: list[int] = []
        text = pdf.pdf_to_text(data, name, pages=pages, numbers=numbers)
        kind = "pdf"
    else:
        if pages:
            raise InputError("--pages is for PDF input", hint=f"{name} is text; cut the part you want instead")
        if isinstance(data, bytes):
            from refkit.io import decode_text

            text = decode_text(data, name)[0]
        else:
            text = data
        kind = "text"
        if text.lstrip("\ufeff \r\n").startswith("{") and '"nbformat"' in text:
            from refkit.parse.sources import notebook_text

            text = notebook_text(text)  # a Jupyter notebook: the text of its markdown cells
        structured = structured_kind(text, name)
        if structured:
            hint = (f"put '@book{{key,' before each block and '}}' after it, then use 'refkit convert {name}'"
                    if structured.startswith("BibTeX fields") else f"use 'refkit convert {name}' to change its format")
            raise InputError(f"{name} is already a structured bibliography ({structured}), not a reference list",
                             hint=hint)
    if kind == "pdf" and pages and len(runs := _page_runs(numbers)) > 1:
        split = _split_runs(text, numbers, runs, keep_repeats)  # "--pages 3,5": never join page 3 to page 5
    else:
        split = split_text(text, one_per_line=one_per_line, keep_repeats=keep_repeats, paper=kind == "pdf",
                           laid_out=kind == "pdf")
    foot_pages: list[int] = []
    if not split.section and kind == "pdf":  # no list: a paper that cites in its footnotes
        from refkit.parse import notes

        lines = pdf.footnotes_to_text(data, name, pages=pages, numbers=foot_pages).split("\n")  # type: ignore[arg-type]
        if sum(1 for ln in lines if notes.NOTE_RE.match(ln)) >= 3:
            found = notes.split_notes(lines, keep_repeats=keep_repeats)
            if found.refs:
                split, text = found, "\n".join(lines)
                split.heading = "footnotes"
    if not split.section:
        where = f"pages {pages} of {name}" if pages else name
        raise InputError(f"no reference section found in {where}",
                         hint="the paper has no list headed References/Bibliography; try --pages with the list's pages")
    page_of_line: list[int] = list(foot_pages) if split.heading == "footnotes" and foot_pages else []
    if kind == "pdf" and not page_of_line:
        for number, chunk in zip(numbers, text.split("\n\f"), strict=False):
            page_of_line += [number] * (chunk.count("\n") + 1)
    return Document(name, kind, parse_raws(split.refs, model), split.skipped, split.heading, page_of_line)


def _page_runs(numbers: list[int]) -> list[list[int]]:
    """Indexes of the text's chunks (one per page column), grouped by runs of adjacent pages."""
    runs: list[list[int]] = []
    for k, n in enumerate(numbers):
        if runs and n - numbers[runs[-1][-1]] <= 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _split_runs(text: str, numbers: list[int], runs: list[list[int]], keep_repeats: bool):  # noqa: ANN202
    """Split each run of adjacent pages on its own; line numbers stay those of the whole text."""
    from refkit.parse.raw import Split

    chunks = text.split("\n\f")
    out = Split([], section=False)
    offset = 0
    for run in runs:
        part = "\n\f".join(chunks[k] for k in run)
        sp = split_text(part, keep_repeats=keep_repeats, paper=True, laid_out=True)
        for r in sp.refs:
            r.line += offset
        for sk in sp.skipped:
            sk.line += offset
        out.refs += sp.refs
        out.skipped += sp.skipped
        out.section = out.section or sp.section
        out.heading = out.heading or sp.heading
        offset += part.count("\n") + 1
    return out


__all__ = ["Document", "ParsedReference", "parse_document", "parse_one", "parse_text", "split_references",
           "structured_kind"]
