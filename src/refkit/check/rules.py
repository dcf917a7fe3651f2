"""Verdict rules: pure functions from what was seen (a :class:`Walk` through a redirect chain, or a
failure) to an :class:`Outcome`. No I/O here, so every rule can be tested without a server.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypedDict
from urllib.parse import urljoin, urlsplit

from refkit.check import pages
from refkit.check.extract import normalize_url
from refkit.check.net import retry_after_seconds
from refkit.check.verdict import Outcome, Verdict

REDIRECTS = (301, 302, 303, 307, 308)
PERMANENT = (301, 308)
BOT_STATUSES = (401, 403, 406, 999)
# failures that retrying cannot change within this run
FINAL_KINDS = ("nxdomain", "dns", "private", "tls", "invalid", "unreachable", "hostdown", "offline", "stopped")


@dataclass
class Walk:
    """What following one URL's redirects found: the last answer (status, headers, a body prefix),
    or the failure that ended the walk (``error`` names its kind, ``detail`` says it in words)."""

    start: str
    final_url: str
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | None = None
    method: str = "HEAD"
    hops: int = 0
    moved_to: str | None = None  # where the leading run of permanent redirects ends
    tries: int = 1  # requests the last answer took (server errors are retried)
    error: str | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        low = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == low), None)


class _HttpFields(TypedDict):
    status: int
    final_url: str
    kind: str


class _DoiFields(TypedDict):
    status: int
    attempts: int
    kind: str


def trivial_move(a: str, b: str) -> bool:
    """Redirects that need no change in a bibliography: a trailing slash, default port, case of host."""
    return normalize_url(a).rstrip("/") == normalize_url(b).rstrip("/")


def challenge(w: Walk) -> bool:
    """The answer is a bot-protection challenge page (on an error status, captcha mentions count too)."""
    if w.error is not None or w.status is None:
        return False
    return pages.challenge_in(w.headers, w.body, w.status >= 300)


def looks_blocked(w: Walk) -> bool:
    """Worth one more try with browser-like headers: a 401/403/406/999 or a challenge page."""
    if w.error is not None or w.status is None:
        return False
    return w.status in BOT_STATUSES or challenge(w)


def needs_soft404_check(w: Walk) -> bool:
    """A success that is no challenge: it may still be a "not found" page served with 200."""
    return w.ok and not challenge(w)


def judge(url: str, w: Walk, soft404: tuple[str, str] | None = None) -> Outcome:
    """The verdict on ``url`` from its walk; ``soft404`` is the (verdict, reason) of the soft-404
    comparison when the page looked like the host's answer for a nonexistent path."""
    if w.error is not None:
        return judge_failure(w)
    st = w.status or 0
    base: _HttpFields = {"status": st, "final_url": w.final_url, "kind": "http"}
    is_challenge = challenge(w)
    if 200 <= st < 300:
        if is_challenge:
            return Outcome(Verdict.UNSURE, "bot protection: a challenge page instead of the content", **base)
        if soft404 is not None:
            return Outcome(Verdict(soft404[0]), soft404[1], status=st, final_url=w.final_url, kind="soft404")
        if w.moved_to and not trivial_move(url, w.moved_to):
            return Outcome(Verdict.MOVED, f"moved permanently to {w.moved_to}", suggestion=w.moved_to, **base)
        return Outcome(Verdict.ALIVE, f"HTTP {st}" + (f" after {w.hops} redirect(s)" if w.hops else ""), **base)
    where = f" at {w.final_url}" if w.hops else ""
    if is_challenge:
        return Outcome(Verdict.UNSURE, f"bot protection: a challenge page (HTTP {st}){where}", **base)
    if st == 429:
        ra = retry_after_seconds(w.header("Retry-After"))
        extra = f"; asks to wait {ra:.0f} s" if ra is not None else ""
        return Outcome(Verdict.UNSURE, f"rate limited (HTTP 429){extra}{where}", **base)
    if st in (401, 407):
        return Outcome(Verdict.UNSURE, f"requires a login (HTTP {st}){where}", **base)
    if st in (402, 403, 406, 418, 451, 999):
        return Outcome(Verdict.UNSURE, f"access refused, probably bot protection (HTTP {st}){where}", **base)
    if st == 503:
        return Outcome(Verdict.UNSURE, f"service unavailable (HTTP 503){where}", **base)
    if 300 <= st < 400:
        return Outcome(Verdict.UNSURE, f"HTTP {st} without a usable redirect{where}", **base)
    if st in (404, 410):
        what = "not found" if st == 404 else "gone"
        if w.hops:
            return Outcome(Verdict.DEAD, f"redirects to {w.final_url}, which is {what} (HTTP {st})", **base)
        return Outcome(Verdict.DEAD, f"{what} (HTTP {st})", **base)
    if 400 <= st < 500:
        return Outcome(Verdict.DEAD, f"client error (HTTP {st}){where}", **base)
    if st >= 500:
        again = ", also on retry" if w.tries > 1 else ", as on retries of this host's other links"
        return Outcome(Verdict.DEAD, f"server error (HTTP {st}){again}{where}", **base)
    return Outcome(Verdict.UNSURE, f"unexpected HTTP status {st}{where}", **base)


def judge_failure(w: Walk) -> Outcome:
    """The verdict when no usable answer came: the kind of failure decides."""
    kind, detail = w.error or "connection", w.detail
    host = urlsplit(w.final_url).hostname or w.final_url
    where = f" (after redirects, at {w.final_url})" if w.hops and kind != "loop" else ""
    table = {
        "nxdomain": (Verdict.DEAD, f"host name {host} does not exist"),
        "dns": (Verdict.UNSURE, f"could not resolve {host} (DNS failure)"),
        "refused": (Verdict.DEAD, f"connection refused by {host}"),
        "unreachable": (Verdict.UNSURE, f"network unreachable for {host}"),
        "timeout": (Verdict.UNSURE, f"timed out: {detail}"),
        "reset": (Verdict.UNSURE, f"connection failed: {detail}"),
        "connection": (Verdict.UNSURE, f"connection failed: {detail}"),
        "tls": (Verdict.UNSURE, f"TLS/certificate problem: {detail}"),
        "private": (Verdict.UNSURE, f"not checked: {detail} (pass --allow-private to check it)"),
        "loop": (Verdict.DEAD, f"redirect loop: {detail}"),
        "redirects": (Verdict.DEAD, detail),
        "scheme": (Verdict.UNSURE, detail),
        "invalid": (Verdict.MALFORMED, f"cannot be requested: {detail}"),
        "hostdown": (Verdict.UNSURE, detail),
        "offline": (Verdict.UNSURE, detail),
        "stopped": (Verdict.UNSURE, "not checked: interrupted"),
    }
    verdict, reason = table.get(kind, (Verdict.UNSURE, detail or kind))
    return Outcome(verdict, reason + where, final_url=w.final_url if w.hops else None, kind=kind)


def judge_doi(url: str, status: int, location: str | None, attempts: int) -> Outcome:
    """The verdict on a DOI from the resolver's answer to ``url``: a redirect means it resolves."""
    base: _DoiFields = {"status": status, "attempts": attempts, "kind": "http"}
    if status in REDIRECTS and location:
        target = urljoin(url, location)
        return Outcome(Verdict.ALIVE, f"DOI resolves to {target}", final_url=target, **base)
    if 200 <= status < 300:
        return Outcome(Verdict.ALIVE, f"DOI resolves (HTTP {status})", final_url=url, **base)
    if status in (404, 410):
        return Outcome(Verdict.DEAD, f"DOI not found: the resolver does not know it (HTTP {status})", **base)
    if status == 400:
        return Outcome(Verdict.DEAD, "the resolver rejects this DOI (HTTP 400)", **base)
    if status == 429:
        return Outcome(Verdict.UNSURE, "the DOI resolver is rate limiting (HTTP 429)", **base)
    return Outcome(Verdict.UNSURE, f"the DOI resolver answered HTTP {status}", **base)


def judge_doi_failure(resolver_host: str, kind: str, detail: str, attempts: int) -> Outcome:
    """The resolver gave no answer: nothing can be said about the DOI."""
    hint = " (pass --allow-private to check it)" if kind == "private" else ""
    return Outcome(Verdict.UNSURE, f"DOI resolver {resolver_host} could not be reached: {detail}{hint}",
                   attempts=attempts, kind=kind)


def judge_offline_run(outcomes: list[Outcome], any_answer: bool) -> None:
    """When no server named by its host name answered in a run, an unknown host name says more about
    the network (or its resolver) than about the link: such links become can't-tell (in place)."""
    if any_answer:
        return
    for o in outcomes:
        if o.kind == "nxdomain":
            o.verdict = Verdict.UNSURE
            o.reason = (o.reason.replace(" does not exist", " did not resolve")
                        + "; no host name resolved in this run, so the network or its resolver may be down")
