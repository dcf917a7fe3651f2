"""Train a tagger model from labelled references.

Input is JSON Lines in the corpus format, one reference a line::

    {"text": "Doe, J. (2001). A title. Journal 3, 1-9.",
     "segments": [["author", "Doe, J."], ["date", "(2001)."], ["title", "A title."], ...]}

``text`` may be left out (it is the segment texts joined by single spaces). Segment boundaries
must fall on whitespace. Labels are AnyStyle's (see :data:`refkit.parse.tagger.LABELS`); the rare
media labels ``source``, ``medium``, ``director`` and ``producer`` are folded into ``note``, and
``booktitle`` is read as ``container-title``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from refkit.errors import InputError, ModelError, OutputError, RefkitError
from refkit.io import atomic_path
from refkit.parse.tagger import LABELS, featurize, tokenize

LABEL_ALIASES = {
    "booktitle": "container-title",
    "source": "note",
    "medium": "note",
    "director": "note",
    "producer": "note",
    "accessed": "note",
    "authority": "publisher",
}

# L-BFGS with elastic-net regularisation (see training/README.md for how these were chosen).
DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 250, "feature.possible_transitions": True}


@dataclass
class Example:
    """One labelled reference: its tokens' texts and one label per token."""

    words: list[str]
    labels: list[str]
    line: int | None = None

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class TrainReport:
    references: int = 0
    tokens: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # one problem per skipped line


def example_from_segments(segments: Iterable[tuple[str, str]] | Iterable[list[str]],
                          line: int | None = None) -> Example:
    words: list[str] = []
    labels: list[str] = []
    for seg in segments:
        if len(seg) != 2:
            raise ValueError("a segment must be a [label, text] pair")
        label, text = seg
        label = LABEL_ALIASES.get(str(label), str(label))
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        toks = [t.text for t in tokenize(str(text))]
        words.extend(toks)
        labels.extend([label] * len(toks))
    if not words:
        raise ValueError("no segments")
    return Example(words, labels, line)


def read_examples(path: str | Path, report: TrainReport | None = None) -> Iterator[Example]:
    """Examples from a labelled JSONL file; bad lines are skipped and noted in ``report``."""
    p = Path(path)
    try:
        fh = open(p, encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot read {p}: {e.strerror}", hint="check the file name") from e
    with fh:
        for ln, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
                ex = example_from_segments(rec["segments"], ln)
                text = rec.get("text")
                if text is not None and [t.text for t in tokenize(text)] != ex.words:
                    raise ValueError("segment texts do not add up to 'text'")
            except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as e:
                if report is not None:
                    report.skipped.append(f"{p}:{ln}: {e}")
                continue
            yield ex


def train(examples: Iterable[Example], model_path: str | Path, *, params: dict | None = None,
          force: bool = False, progress: Callable[[str], None] | None = None) -> TrainReport:
    """Train a CRF on ``examples`` and write it to ``model_path`` (atomically)."""
    import pycrfsuite

    out = Path(model_path)
    if out.exists() and not force:
        raise OutputError(f"{out} exists", hint="use --force to overwrite it, or choose another -o path")
    if out.parent and not out.parent.is_dir():
        raise OutputError(f"folder {out.parent} does not exist", hint="create it first")
    report = TrainReport()
    trainer = pycrfsuite.Trainer(verbose=False)
    counts: dict[str, int] = {}
    for ex in examples:
        trainer.append(featurize_words(ex.words), ex.labels)
        report.references += 1
        report.tokens += len(ex.words)
        for lab in ex.labels:
            counts[lab] = counts.get(lab, 0) + 1
    report.labels = dict(sorted(counts.items(), key=lambda kv: -kv[1]))
    if report.references == 0:
        raise InputError("no labelled references to train on",
                         hint='each line must be {"text": ..., "segments": [[label, text], ...]}')
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    if progress:
        progress(f"training on {report.references} references, {report.tokens} tokens")
    try:
        with atomic_path(out) as tmp:
            trainer.train(str(tmp))
    except RefkitError:
        raise
    except Exception as e:
        raise ModelError(f"training failed: {e}", hint="check the labelled input") from e
    return report


def featurize_words(words: list[str]) -> list[dict]:
    from refkit.parse.tagger import Token

    pos = 0
    toks = []
    for w in words:
        toks.append(Token(w, pos, pos + len(w)))
        pos += len(w) + 1
    return featurize(toks)


def train_file(path: str | Path, model_path: str | Path, *, extra: Iterable[str | Path] = (),
               force: bool = False, params: dict | None = None,
               progress: Callable[[str], None] | None = None) -> TrainReport:
    """Train from one or more labelled JSONL files."""
    report = TrainReport()

    def all_examples() -> Iterator[Example]:
        for p in (path, *extra):
            yield from read_examples(p, report)

    r = train(all_examples(), model_path, params=params, force=force, progress=progress)
    r.skipped = report.skipped
    return r
