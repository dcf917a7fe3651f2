"""``refkit lint``: find broken or suspicious entries in BibTeX/biblatex files, and fix the safe ones.

A finding is a :class:`refkit.errors.Problem` (one warning type for the whole project) that may carry a
fix: a description and the exact text edits that make it. Rules live in :mod:`refkit.manage.lint_rules`,
their catalogue in :mod:`refkit.manage.lint_tables`. Reading is the project's one scanner,
:mod:`refkit.bib.scan` (through the view in :mod:`refkit.manage.lint_scan`), which keeps every field's raw
text and offsets so that ``--fix`` changes only the characters concerned.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from refkit.errors import SEVERITIES, ConfigError, Problem
from refkit.manage.lint_scan import RawFile, scan
from refkit.manage.lint_tables import RULES


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


@dataclass
class Finding(Problem):
    """A lint finding: a :class:`Problem` plus, where safe, a fix (a description and its edits)."""

    fix: str | None = None
    edits: list[Edit] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, object]:
        d = super().to_dict()
        d["fix"] = self.fix
        return d


@dataclass
class LintOptions:
    disable: set[str] = field(default_factory=set)
    severity: dict[str, str] = field(default_factory=dict)  # rule -> error|warning|info
    dialect: str = "auto"  # auto | bibtex | biblatex
    max_year: int = 0  # years after this are "future" (0: next year)

    @classmethod
    def from_config(cls, conf: Mapping[str, Any]) -> LintOptions:
        """From ``[tool.refkit.lint]``: ``disable = [...]``, ``severity = {rule = "warning"}``, ``dialect``."""
        opts = cls()
        unknown = [k for k in conf if k not in ("disable", "severity", "dialect", "max-year")]
        if unknown:
            raise ConfigError(f"[tool.refkit.lint] has unknown option(s): {', '.join(unknown)}",
                              hint="known: disable, severity, dialect, max-year")
        disable = conf.get("disable", [])
        if isinstance(disable, str) or not all(isinstance(r, str) for r in disable):
            raise ConfigError("[tool.refkit.lint] disable must be a list of rule ids",
                              hint='e.g. disable = ["missing-urldate"]')
        opts.disable = set(disable)
        sev = conf.get("severity", {})
        if not isinstance(sev, dict):
            raise ConfigError("[tool.refkit.lint] severity must be a table", hint='e.g. severity = {pages = "error"}')
        for rule, level in sev.items():
            if level not in SEVERITIES and level != "off":
                raise ConfigError(f"[tool.refkit.lint] severity of {rule}: {level!r} is not one of "
                                  f"{', '.join(SEVERITIES)}, off", hint="use error, warning, info or off")
            if level == "off":
                opts.disable.add(rule)
            else:
                opts.severity[rule] = level
        for rule in list(opts.disable) + list(opts.severity):
            if rule not in RULES:
                raise ConfigError(f"[tool.refkit.lint] names an unknown rule: {rule}",
                                  hint="`refkit lint --list-rules` shows the rule ids")
        opts.dialect = str(conf.get("dialect", "auto"))
        if opts.dialect not in ("auto", "bibtex", "biblatex"):
            raise ConfigError(f"[tool.refkit.lint] dialect {opts.dialect!r} is unknown",
                              hint="use auto, bibtex or biblatex")
        opts.max_year = int(conf.get("max-year", 0))
        return opts


@dataclass
class LintedFile:
    name: str
    raw: RawFile
    findings: list[Finding]


def lint_texts(sources: Sequence[tuple[str, str]], options: LintOptions | None = None) -> list[LintedFile]:
    """Lint ``(name, text)`` pairs read together: macros, crossrefs, keys and duplicates span the files
    (a journal-macro file then the papers that use it)."""
    from refkit.manage import lint_rules

    options = options or LintOptions()
    max_year = options.max_year or datetime.date.today().year + 1
    files = [LintedFile(name, scan(text), []) for name, text in sources]
    ctx = lint_rules.Context.build([(f.name, f.raw) for f in files], options.dialect, max_year)
    for f in files:
        found = lint_rules.check_file(f.name, f.raw, ctx)
        f.findings = _configure(found, options)
    return files


def lint_text(text: str, name: str = "<string>", options: LintOptions | None = None) -> list[Finding]:
    return lint_texts([(name, text)], options)[0].findings


def _configure(findings: Iterable[Finding], options: LintOptions) -> list[Finding]:
    out = []
    for f in findings:
        if f.rule in options.disable:
            continue
        f.severity = options.severity.get(f.rule, f.severity)
        out.append(f)
    out.sort(key=lambda f: (f.line or 0, f.rule))
    return out


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """Apply the findings' edits to ``text``; an edit that overlaps one already taken is left for the
    next run. Returns (new text, number of findings fixed)."""
    chosen: list[tuple[Finding, list[Edit]]] = []
    spans: list[tuple[int, int]] = []
    for f in sorted((f for f in findings if f.edits), key=lambda f: f.edits[0].start):
        if any(e.start < b and a < e.end or (e.start == e.end and a <= e.start < b)
               for e in f.edits for a, b in spans):
            continue
        chosen.append((f, f.edits))
        spans.extend((e.start, e.end) for e in f.edits)
    edits = sorted((e for _, es in chosen for e in es), key=lambda e: (e.start, e.end))
    out, pos = [], 0
    for e in edits:
        out.append(text[pos:e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), len(chosen)


def read_sources(paths: Sequence[str]) -> tuple[list[tuple[str, str]], list[Problem]]:
    """Read each path (``-`` for stdin) as text: (name, text) pairs and read warnings."""
    from refkit.io import read_input

    sources, warnings = [], []
    for p in paths:
        text, name, warns = read_input(p)
        sources.append((name, text))
        warnings.extend(warns)
    return sources, warnings


def fix_files(paths: Sequence[str], options: LintOptions | None = None) -> dict[str, int]:
    """Apply every safe fix to the files, each written atomically (and only if it changed); several
    passes, since a fix may uncover or unblock another. Returns {file: fixes applied}."""
    from refkit.io import atomic_write

    sources, _ = read_sources(paths)
    texts = dict(sources)
    done: dict[str, int] = {name: 0 for name, _ in sources}
    for _ in range(3):
        changed = False
        for f in lint_texts(list(texts.items()), options):
            new, n = apply_fixes(texts[f.name], f.findings)
            if n and new != texts[f.name]:
                texts[f.name] = new
                done[f.name] += n
                changed = True
        if not changed:
            break
    original = dict(sources)
    for name, text in texts.items():
        if text != original[name]:
            atomic_write(name, text)
    return done
