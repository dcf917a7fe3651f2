"""Verdicts, per-link results and the run's summary (with its exit code)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from refkit.check.extract import Link
from refkit.errors import ExitCode, Problem


class Verdict(str, Enum):
    ALIVE = "alive"  # the link answers with a page
    MOVED = "moved"  # alive behind a permanent redirect: cite the new URL
    DEAD = "dead"  # 404/410, soft 404, unknown host, refused, redirect loop, persistent server error
    MALFORMED = "malformed"  # cannot be requested as written; see the suggestion
    UNSURE = "unsure"  # can't tell: bot protection, rate limits, timeouts, no network
    SKIPPED = "skipped"  # not an HTTP link (ftp:, mailto:): listed, not checked

    @property
    def label(self) -> str:
        return {"unsure": "can't tell"}.get(self.value, self.value)

    @property
    def is_problem(self) -> bool:
        return self in (Verdict.DEAD, Verdict.MALFORMED, Verdict.UNSURE, Verdict.MOVED)


@dataclass
class Outcome:
    """What checking one target found (shared by every link that cites the target)."""

    verdict: Verdict
    reason: str
    status: int | None = None
    final_url: str | None = None
    attempts: int = 0
    suggestion: str | None = None
    archive_url: str | None = None
    cached: bool = False
    kind: str | None = None  # internal classification, e.g. "nxdomain", "timeout", "http"


@dataclass
class LinkResult:
    link: Link
    outcome: Outcome

    @property
    def verdict(self) -> Verdict:
        return self.outcome.verdict

    def to_dict(self) -> dict[str, object]:
        """The stable JSON record of one link (see docs/check.md)."""
        lk, o = self.link, self.outcome
        doi_like = lk.field == "doi" or lk.raw.lower().startswith("doi:")
        return {
            "key": lk.key,
            "file": lk.file,
            "line": lk.line,
            "field": lk.field,
            "url": lk.url if lk.url is not None else (None if lk.doi or doi_like else lk.raw),
            "doi": lk.doi if lk.doi else (lk.raw if doi_like else None),
            "verdict": o.verdict.value,
            "status": o.status,
            "final_url": o.final_url,
            "reason": o.reason,
            "suggestion": o.suggestion,
            "archive_url": o.archive_url,
            "attempts": o.attempts,
            "cached": o.cached,
        }


@dataclass
class CheckReport:
    results: list[LinkResult]
    warnings: list[Problem] = field(default_factory=list)
    elapsed: float = 0.0
    requests: int = 0  # HTTP requests sent in this run (retries, redirects and probes included)
    checked: int = 0  # distinct targets requested (not from the cache)
    cache_hits: int = 0

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(r.verdict.value for r in self.results)
        return {v.value: c.get(v.value, 0) for v in Verdict}

    @property
    def exit_code(self) -> int:
        """0 all fine (moved and skipped links are warnings), 1 something dead or malformed,
        3 only can't-tell problems."""
        c = self.counts
        if c["dead"] or c["malformed"]:
            return ExitCode.FINDINGS
        if c["unsure"]:
            return ExitCode.UNSURE
        return ExitCode.OK

    def summary(self) -> str:
        c = self.counts
        parts = [f"{c[v.value]} {v.label}" for v in Verdict if c[v.value]]
        n = len(self.results)
        return f"{n} link{'s' if n != 1 else ''}" + (": " + ", ".join(parts) if parts else "")
