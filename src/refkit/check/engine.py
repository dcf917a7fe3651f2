"""The link checker: one verdict per distinct target, requested concurrently and politely.

Per URL: HEAD first, GET where HEAD is refused or answers anything but success; redirects followed
by hand (limit, loop detection with the chain's cookies, permanent hops remembered for "moved");
retries with backoff on 5xx, resets and timeouts; 429/503 ``Retry-After`` honoured (bounded) by
pausing the whole host; a browser-like retry before a 401/403/999 or a challenge is called
anything; soft 404s by comparison with a nonexistent path (``refkit.check.pages``); only a small
prefix of any body is read. DOIs are checked at the resolver: a redirect means it resolves.

Scheduling: a thread pool of ``concurrency`` workers fed by a dispatcher that hands out links
round-robin over hosts and never gives a host more links at once than its gate allows, so no worker
sits waiting on a busy host while others have work.
"""

from __future__ import annotations

import json
import random
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypedDict
from urllib.parse import quote, urlencode, urljoin, urlsplit

import requests
from requests.cookies import RequestsCookieJar
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import LocationParseError

from refkit import __version__
from refkit.check import pages
from refkit.check.cache import LinkCache
from refkit.check.extract import Link, normalize_url
from refkit.check.net import (
    BlockedAddress,
    HostDown,
    HostGate,
    NetworkHealth,
    Watchdog,
    check_host_through_proxy,
    classify_oserror,
    make_session,
    proxies_for,
    retry_after_seconds,
)
from refkit.check.verdict import CheckReport, LinkResult, Outcome, Verdict
from refkit.errors import RefkitError

DEFAULT_DOI_RESOLVER = "https://doi.org/"
DEFAULT_ARCHIVE_API = "https://archive.org/wayback/available"
DEFAULT_USER_AGENT = f"refkit/{__version__} (citation link checker; +https://pypi.org/project/refkit/)"
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/126.0.0.0 Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    "Accept-Language": "en-US,en;q=0.9",
    "Upgrade-Insecure-Requests": "1",
    "Sec-Fetch-Dest": "document",
    "Sec-Fetch-Mode": "navigate",
    "Sec-Fetch-Site": "none",
    "Sec-Fetch-User": "?1",
}
_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)
_BOT_STATUSES = (401, 403, 406, 999)
# failures that retrying cannot change within this run
_FINAL_KINDS = ("nxdomain", "dns", "private", "tls", "invalid", "unreachable", "hostdown", "offline", "stopped")


@dataclass
class CheckOptions:
    timeout: float = 10.0  # seconds, per request (connect and each read)
    concurrency: int = 32  # requests in flight over all hosts
    per_host: int = 8  # requests in flight to one host
    retries: int = 2  # extra tries after a 5xx, reset or timeout
    backoff: float = 0.5  # first retry delay in seconds, doubled each time
    max_retry_after: float = 60.0  # longest Retry-After honoured; beyond it the link is "can't tell"
    max_redirects: int = 10
    max_body: int = 64 * 1024  # bytes of any body ever read
    doi_resolver: str = DEFAULT_DOI_RESOLVER
    allow_private: bool = False
    soft404: bool = True
    archive: bool = False
    archive_api: str = DEFAULT_ARCHIVE_API
    user_agent: str = DEFAULT_USER_AGENT
    host_failure_limit: int = 3  # failures in a row before a host is given up for the run

    def validate(self) -> None:
        for name in ("doi_resolver", "archive_api"):
            value = getattr(self, name)
            p = urlsplit(value)
            if p.scheme not in ("http", "https") or not p.netloc:
                flag = "--" + name.replace("_", "-")
                raise RefkitError(f"{flag} must be an http(s) URL, not {value!r}",
                                  hint=f"for example {flag} {DEFAULT_DOI_RESOLVER if name == 'doi_resolver' else DEFAULT_ARCHIVE_API}")
        if self.concurrency < 1 or self.per_host < 1:
            raise RefkitError("concurrency limits must be at least 1")
        if self.timeout <= 0:
            raise RefkitError("the timeout must be positive")


@dataclass
class _Resp:
    url: str
    method: str
    status: int
    headers: CaseInsensitiveDict[str]
    body: bytes | None
    location: str | None
    cookies: RequestsCookieJar


@dataclass
class _Walk:
    start: str
    final_url: str
    status: int | None = None
    headers: CaseInsensitiveDict[str] = field(default_factory=CaseInsensitiveDict)
    body: bytes | None = None
    method: str = "HEAD"
    hops: int = 0
    moved_to: str | None = None
    error: str | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


class _HttpFields(TypedDict):
    """The fields every outcome of an answered URL request shares (``Outcome(..., **base)``)."""

    status: int
    final_url: str
    kind: str


class _DoiFields(TypedDict):
    """The fields every outcome of an answered DOI resolver request shares."""

    status: int
    attempts: int
    kind: str


class _Failure(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


@dataclass
class _Ctx:
    attempts: int = 0
    last_kind: str | None = None
    last_detail: str = ""


class _Slot:
    def __init__(self) -> None:
        self.event = threading.Event()
        self.value: pages.HostProfile | None = None


def host_key(url: str) -> str:
    p = urlsplit(url)
    return p.netloc.lower().rpartition("@")[2] or url


def _trivial_move(a: str, b: str) -> bool:
    """Redirects that need no change in a bibliography: a trailing slash, default port, case of host."""
    return normalize_url(a).rstrip("/") == normalize_url(b).rstrip("/")


class Checker:
    def __init__(self, options: CheckOptions | None = None, cache: LinkCache | None = None) -> None:
        self.opts = options or CheckOptions()
        self.opts.validate()
        self.cache = cache
        self.session = make_session(self.opts.allow_private, max(self.opts.per_host, 4))
        self.health = NetworkHealth()
        self.requests_sent = 0
        self.probe_requests = 0
        self._gates: dict[str, HostGate] = {}
        self._profiles: dict[tuple[str, str], _Slot] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._proxy_cache: dict[str, dict[str, str]] = {}
        self.watchdog = Watchdog()
        resolver = self.opts.doi_resolver
        self.resolver = resolver if resolver.endswith("/") else resolver + "/"

    # ------------------------------------------------------------ public entry point
    def run(self, links: list[Link], progress: Callable[[int, int], None] | None = None) -> CheckReport:
        t0 = time.monotonic()
        groups: OrderedDict[str, list[Link]] = OrderedDict()
        for lk in links:
            groups.setdefault(lk.target, []).append(lk)
        outcomes: dict[str, Outcome] = {}
        todo: list[Link] = []
        hits = 0
        for target, ls in groups.items():
            lk = ls[0]
            if lk.problem:
                outcomes[target] = Outcome(Verdict.MALFORMED, f"cannot be requested as written: {lk.problem}",
                                           suggestion=lk.suggestion, kind="malformed")
            elif not lk.is_http:
                scheme = (lk.url or "").split(":", 1)[0]
                outcomes[target] = Outcome(Verdict.SKIPPED, f"not an HTTP link ({scheme}:); not checked",
                                           kind="skipped")
            else:
                cached = self.cache.get(self._cache_key(lk)) if self.cache else None
                if cached is not None:
                    outcomes[target] = cached
                    hits += 1
                else:
                    todo.append(lk)
        total = len(todo)
        done = [0]
        if progress:
            progress(0, total)

        def finish(lk: Link, out: Outcome) -> None:
            with self._lock:
                outcomes[lk.target] = out
                done[0] += 1
                n = done[0]
            if progress:
                progress(n, total)

        tasks = [(self._schedule_host(lk), _bind(self._check_link, lk, finish)) for lk in todo]
        self._run_tasks(tasks)

        if self.opts.archive:
            dead = [lk for lk in todo if outcomes[lk.target].verdict is Verdict.DEAD and lk.url and not lk.doi]
            self._run_tasks([(host_key(self.opts.archive_api), _bind(self._archive_link, lk, outcomes[lk.target]))
                             for lk in dead])

        if self.health.answers == 0:
            for o in outcomes.values():
                if o.kind == "nxdomain":
                    o.verdict = Verdict.UNSURE
                    o.reason = (o.reason.replace(" does not exist", " did not resolve")
                                + "; no server answered at all in this run, so the network may be down")
        if self.cache is not None:
            for lk in todo:
                self.cache.put(self._cache_key(lk), outcomes[lk.target])
            self.cache.save()
        results = [LinkResult(lk, outcomes[lk.target]) for lk in links]
        warnings = [self.cache.warning] if self.cache is not None and self.cache.warning else []
        return CheckReport(results=results, warnings=warnings, elapsed=time.monotonic() - t0,
                           requests=self.requests_sent, checked=total, cache_hits=hits)

    def close(self) -> None:
        self.watchdog.close()
        self.session.close()

    # ------------------------------------------------------------ scheduling
    def _schedule_host(self, lk: Link) -> str:
        return host_key(self.resolver if lk.doi else (lk.url or ""))

    def _gate(self, host: str) -> HostGate:
        with self._lock:
            g = self._gates.get(host)
            if g is None:
                g = self._gates[host] = HostGate(self.opts.per_host, self.opts.host_failure_limit)
            return g

    def _run_tasks(self, tasks: list[tuple[str, Callable[[], None]]]) -> None:
        """Run tasks on ``concurrency`` worker threads. Each worker takes its next task itself,
        round-robin over hosts, skipping hosts that already have as many tasks running as their
        gate allows (so nobody waits on a busy host while other hosts have work)."""
        if not tasks:
            return
        queues: OrderedDict[str, list[Callable[[], None]]] = OrderedDict()
        for host, fn in tasks:
            queues.setdefault(host, []).append(fn)
        for q in queues.values():
            q.reverse()  # pop() from the end keeps file order
        cond = threading.Condition()
        inflight: dict[str, int] = dict.fromkeys(queues, 0)
        limits = {host: self._gate(host) for host in queues}

        def take() -> tuple[str, Callable[[], None]] | None:
            with cond:
                while queues and not self._stop.is_set():
                    for host in list(queues):
                        if inflight[host] < limits[host].limit:
                            q = queues.pop(host)
                            fn = q.pop()
                            if q:
                                queues[host] = q  # to the back: round-robin
                            inflight[host] += 1
                            return host, fn
                    cond.wait(timeout=0.25)
                return None

        def worker() -> None:
            while True:
                item = take()
                if item is None:
                    return
                host, fn = item
                try:
                    fn()
                finally:
                    with cond:
                        inflight[host] -= 1
                        cond.notify_all()

        n = min(self.opts.concurrency, len(tasks))
        threads = [threading.Thread(target=worker, name=f"refkit-check-{i}", daemon=True) for i in range(n)]
        for t in threads:
            t.start()
        try:
            for t in threads:
                while t.is_alive():
                    t.join(timeout=0.5)
        except BaseException:
            self._stop.set()
            with cond:
                cond.notify_all()
            raise

    # ------------------------------------------------------------ one link
    def _cache_key(self, lk: Link) -> str:
        scope = "private|" if self.opts.allow_private else ""
        if lk.doi:
            return f"{scope}doi:{self.resolver}|{lk.doi.lower()}"
        return scope + lk.target

    def _check_link(self, lk: Link, finish: Callable[[Link, Outcome], None]) -> None:
        try:
            out = self._check_doi(lk.doi) if lk.doi else self._check_url(lk.url or "")
        except Exception as e:  # one link must not sink the run; the reason says what happened
            out = Outcome(Verdict.UNSURE, f"unexpected error while checking: {type(e).__name__}: {e}",
                          kind="error")
        finish(lk, out)

    def _check_url(self, url: str) -> Outcome:
        ctx = _Ctx()
        gate = self._gate(host_key(url))
        browser = gate.browser_only
        walk = self._walk(ctx, url, "HEAD", browser)
        note = ""
        if not browser and self._looks_blocked(walk):
            again = self._walk(ctx, url, "GET", True)
            if again.ok:
                gate.browser_only = True
                walk, browser, note = again, True, " (answers only browser-like requests)"
            elif again.status in (404, 410):
                walk, browser = again, True
        out = self._judge(ctx, url, walk, browser)
        out.reason += note
        out.attempts = ctx.attempts
        return out

    @staticmethod
    def _looks_blocked(w: _Walk) -> bool:
        if w.error is not None or w.status is None:
            return False
        return w.status in _BOT_STATUSES or pages.challenge_in(w.headers, w.body, w.status >= 300)

    def _judge(self, ctx: _Ctx, url: str, w: _Walk, browser: bool) -> Outcome:
        if w.error is not None:
            return self._error_outcome(url, w)
        st = w.status or 0
        base: _HttpFields = {"status": st, "final_url": w.final_url, "kind": "http"}
        challenge = pages.challenge_in(w.headers, w.body, st >= 300)
        if 200 <= st < 300:
            if challenge:
                return Outcome(Verdict.UNSURE, "bot protection: a challenge page instead of the content", **base)
            soft = self._soft404(ctx, url, w, browser)
            if soft is not None:
                return soft
            if w.moved_to and not _trivial_move(url, w.moved_to):
                return Outcome(Verdict.MOVED, f"moved permanently to {w.moved_to}", suggestion=w.moved_to, **base)
            return Outcome(Verdict.ALIVE, f"HTTP {st}" + (f" after {w.hops} redirect(s)" if w.hops else ""), **base)
        where = f" at {w.final_url}" if w.hops else ""
        if challenge:
            return Outcome(Verdict.UNSURE, f"bot protection: a challenge page (HTTP {st}){where}", **base)
        if st == 429:
            ra = retry_after_seconds(w.headers.get("Retry-After"))
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
            return Outcome(Verdict.DEAD, f"server error (HTTP {st}), also on retry{where}", **base)
        return Outcome(Verdict.UNSURE, f"unexpected HTTP status {st}{where}", **base)

    def _error_outcome(self, url: str, w: _Walk) -> Outcome:
        kind, detail = w.error or "connection", w.detail
        host = urlsplit(w.final_url).hostname or host_key(w.final_url)
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

    # ------------------------------------------------------------ soft 404
    def _soft404(self, ctx: _Ctx, url: str, w: _Walk, browser: bool) -> Outcome | None:
        if not self.opts.soft404:
            return None
        prof = self._profile(w.final_url, browser)
        if not prof.soft:
            return None
        body = w.body if w.method == "GET" else None
        if body is None and not prof.redirected:
            try:
                r = self._fetch(ctx, w.final_url, "GET", browser, RequestsCookieJar())
            except _Failure:
                return None
            if not 200 <= r.status < 300:
                return None
            body = r.body
        res = pages.compare(prof, url, w.final_url, w.hops > 0, body)
        if res is None:
            return None
        return Outcome(Verdict(res[0]), res[1], status=w.status, final_url=w.final_url, kind="soft404")

    def _profile(self, final_url: str, browser: bool) -> pages.HostProfile:
        key = pages.profile_key(final_url)
        with self._lock:
            slot = self._profiles.get(key)
            owner = slot is None
            if slot is None:
                slot = self._profiles[key] = _Slot()
        if not owner:
            slot.event.wait()
            return slot.value or pages.HostProfile()
        try:
            slot.value = self._probe(key, browser)
        except Exception:
            slot.value = pages.HostProfile()
        finally:
            slot.event.set()
        return slot.value or pages.HostProfile()

    def _probe(self, key: tuple[str, str], browser: bool) -> pages.HostProfile:
        origin, seg = key
        probe = f"{origin}/{quote(seg) + '/' if seg else ''}refkit-{secrets.token_hex(6)}"
        ctx = _Ctx()
        w = self._walk(ctx, probe, "GET", browser)
        with self._lock:
            self.probe_requests += ctx.attempts
        if not w.ok:
            return pages.HostProfile(soft=False, status=w.status)
        body = w.body or b""
        return pages.HostProfile(soft=True, status=w.status, redirected=w.hops > 0, probe_url=probe,
                                 final_url=w.final_url, body=body, not_found_words=pages.says_not_found(body))

    # ------------------------------------------------------------ DOIs
    def doi_url(self, doi: str) -> str:
        return self.resolver + quote(doi, safe="/:;()._-[]@!$&'*+,=~")

    def _check_doi(self, doi: str) -> Outcome:
        ctx = _Ctx()
        url = self.doi_url(doi)
        try:
            r = self._head_then_get(ctx, url, False, RequestsCookieJar())
        except _Failure as f:
            hint = " (pass --allow-private to check it)" if f.kind == "private" else ""
            return Outcome(Verdict.UNSURE, f"DOI resolver {host_key(url)} could not be reached: {f.detail}{hint}",
                           attempts=ctx.attempts, kind=f.kind)
        st = r.status
        base: _DoiFields = {"status": st, "attempts": ctx.attempts, "kind": "http"}
        if st in _REDIRECTS and r.location:
            target = urljoin(url, r.location)
            return Outcome(Verdict.ALIVE, f"DOI resolves to {target}", final_url=target, **base)
        if 200 <= st < 300:
            return Outcome(Verdict.ALIVE, f"DOI resolves (HTTP {st})", final_url=url, **base)
        if st in (404, 410):
            return Outcome(Verdict.DEAD, f"DOI not found: the resolver does not know it (HTTP {st})", **base)
        if st == 400:
            return Outcome(Verdict.DEAD, "the resolver rejects this DOI (HTTP 400)", **base)
        if st == 429:
            return Outcome(Verdict.UNSURE, "the DOI resolver is rate limiting (HTTP 429)", **base)
        return Outcome(Verdict.UNSURE, f"the DOI resolver answered HTTP {st}", **base)

    # ------------------------------------------------------------ archive
    def _archive_link(self, lk: Link, out: Outcome) -> None:
        q = {"url": lk.url or ""}
        if lk.accessed:
            q["timestamp"] = lk.accessed.replace("-", "")[:8]
        api = self.opts.archive_api
        url = api + ("&" if "?" in api else "?") + urlencode(q)
        try:
            r = self._fetch(_Ctx(), url, "GET", False, RequestsCookieJar())
            data = json.loads((r.body or b"").decode("utf-8", "replace")) if r.status == 200 else {}
        except (_Failure, ValueError):
            return
        closest = (data.get("archived_snapshots") or {}).get("closest") if isinstance(data, dict) else None
        if not isinstance(closest, dict) or not closest.get("available") or not closest.get("url"):
            return
        if not str(closest.get("status", "200")).startswith(("2", "3")):
            return
        snap = str(closest["url"])
        if snap.startswith("http://web.archive.org/"):
            snap = "https://" + snap[len("http://"):]
        out.archive_url = snap
        out.suggestion = out.suggestion or snap

    # ------------------------------------------------------------ HTTP
    def _walk(self, ctx: _Ctx, start: str, method: str, browser: bool) -> _Walk:
        url = start
        jar = RequestsCookieJar()
        seen: set[tuple[str, tuple[tuple[str, str, str, str | None], ...]]] = set()
        moved_to: str | None = None
        permanent_run = True
        hops = 0
        while True:
            if urlsplit(url).scheme.lower() not in ("http", "https"):
                return _Walk(start, url, hops=hops, error="scheme", detail=f"redirects to a non-HTTP URL ({url})")
            state = (url.split("#", 1)[0], tuple(sorted((c.domain, c.path, c.name, c.value) for c in jar)))
            if state in seen:
                return _Walk(start, url, hops=hops, error="loop", detail=f"{url} redirects back to itself")
            seen.add(state)
            try:
                if method == "HEAD":
                    r = self._head_then_get(ctx, url, browser, jar)
                else:
                    r = self._fetch(ctx, url, "GET", browser, jar)
            except _Failure as f:
                return _Walk(start, url, hops=hops, error=f.kind, detail=f.detail)
            method = r.method
            jar.update(r.cookies)
            if r.status in _REDIRECTS and r.location:
                nxt = requests.utils.requote_uri(urljoin(url, r.location))
                if hops >= self.opts.max_redirects:
                    return _Walk(start, url, hops=hops, error="redirects",
                                 detail=f"more than {self.opts.max_redirects} redirects")
                if r.status in _PERMANENT and permanent_run:
                    moved_to = nxt
                else:
                    permanent_run = False
                hops += 1
                url = nxt
                continue
            return _Walk(start, url, status=r.status, headers=r.headers, body=r.body, method=r.method,
                         hops=hops, moved_to=moved_to)

    def _head_then_get(self, ctx: _Ctx, url: str, browser: bool, jar: RequestsCookieJar) -> _Resp:
        """HEAD; GET when HEAD fails or answers anything but success or a redirect."""
        try:
            r = self._fetch(ctx, url, "HEAD", browser, jar)
            if 200 <= r.status < 300 or (r.status in _REDIRECTS and r.location):
                return r
        except _Failure as f:
            if f.kind in _FINAL_KINDS:
                raise
        return self._fetch(ctx, url, "GET", browser, jar)

    def _proxies(self, url: str) -> dict[str, str]:
        """Proxies from the environment, worked out once per host (the session itself ignores the
        environment: no per-request look-ups, and no .netrc credentials sent to cited sites)."""
        p = urlsplit(url)
        key = f"{p.scheme}://{p.netloc}"
        got = self._proxy_cache.get(key)
        if got is None:
            got = proxies_for(url)
            self._proxy_cache[key] = got
        return got

    def _headers(self, browser: bool) -> dict[str, str]:
        if browser:
            return dict(BROWSER_HEADERS)
        return {"User-Agent": self.opts.user_agent, "Accept": _ACCEPT, "Accept-Language": "en;q=0.9, *;q=0.5"}

    def _sleep(self, seconds: float) -> None:
        self._stop.wait(seconds)

    def _fetch(self, ctx: _Ctx, url: str, method: str, browser: bool, jar: RequestsCookieJar) -> _Resp:
        """One request, retried on 5xx (GET), resets and timeouts; 429 pauses the host."""
        host = host_key(url)
        gate = self._gate(host)
        tries = 0
        throttles = 0
        while True:
            if self._stop.is_set():
                raise _Failure("stopped", "interrupted")
            if self.health.offline:
                raise _Failure("offline", "no network: no server has answered and names do not resolve")
            try:
                if self._proxies(url):
                    check_host_through_proxy(urlsplit(url).hostname or "", self.opts.allow_private)
                gate.acquire(self._stop)
            except HostDown:
                if ctx.last_kind:
                    raise _Failure(ctx.last_kind, ctx.last_detail) from None
                raise _Failure("hostdown", f"not requested: {host} failed {gate.failures} times in a row "
                                           "in this run (timeouts or resets)") from None
            except BlockedAddress as e:
                raise _Failure("private", str(e)) from None
            kind = ""
            detail = ""
            resp: _Resp | None = None
            with self._lock:
                self.requests_sent += 1
            ctx.attempts += 1
            try:
                resp = self._send(url, method, browser, jar)
            except BlockedAddress as e:
                kind, detail = "private", str(e)
                ctx.attempts -= 1  # refused before anything was sent
                with self._lock:
                    self.requests_sent -= 1
            except requests.exceptions.ConnectTimeout:
                kind, detail = "timeout", f"no connection to {host} within {self.opts.timeout:g} s"
                self.health.failed()
            except requests.exceptions.Timeout:
                kind, detail = "timeout", f"{host} sent no answer within {self.opts.timeout:g} s"
            except requests.exceptions.SSLError as e:
                m = re.search(r"\[SSL: [A-Z0-9_]+\] ([^\"'()]+?)(?: \(_ssl|[\"')]|$)", str(e))
                kind, detail = "tls", (m.group(1).strip() if m else _short(e))
            except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                    requests.exceptions.MissingSchema, LocationParseError, UnicodeError) as e:
                kind, detail = "invalid", _short(e)
            except (requests.exceptions.RequestException, Urllib3HTTPError, OSError) as e:
                kind = classify_oserror(e)
                detail = {"reset": f"connection to {host} reset or closed",
                          "refused": f"connection refused by {host}"}.get(kind, _short(e))
                if kind in ("dns", "unreachable"):
                    self.health.failed()
            finally:
                gate.release()
            if resp is None:
                ctx.last_kind, ctx.last_detail = kind, detail
                if kind in _FINAL_KINDS:
                    raise _Failure(kind, detail)
                if kind in ("timeout", "reset", "connection"):
                    gate.failed()
                if method == "HEAD" or tries >= self.opts.retries:
                    if tries and kind == "timeout":
                        detail += f" ({tries + 1} tries)"
                    raise _Failure(kind, detail)
                tries += 1
                self._sleep(self._delay(tries))
                continue
            gate.ok()
            self.health.answered()
            ctx.last_kind = None
            st = resp.status
            if st == 429 or (st == 503 and resp.headers.get("Retry-After")):
                wait = retry_after_seconds(resp.headers.get("Retry-After"))
                if wait is None:
                    wait = max(self.opts.backoff, 0.05) * 2 ** throttles
                if wait > self.opts.max_retry_after or throttles > self.opts.retries + 1:
                    return resp
                gate.throttle(wait)
                throttles += 1
                if method == "HEAD":
                    return resp  # the GET that follows waits for the pause
                continue
            if st >= 500 and st not in (501, 505) and method == "GET" and tries < self.opts.retries:
                tries += 1
                self._sleep(self._delay(tries))
                continue
            return resp

    def _delay(self, tries: int) -> float:
        return self.opts.backoff * 2 ** (tries - 1) * (0.75 + 0.5 * random.random())

    def _send(self, url: str, method: str, browser: bool, jar: RequestsCookieJar) -> _Resp:
        """One request; no request lasts more than twice the timeout in all (the watchdog)."""
        t = self.opts.timeout
        watch = self.watchdog.start(2 * t)
        try:
            r = self.session.request(method, url, headers=self._headers(browser),
                                     cookies=jar if len(jar) else None, allow_redirects=False, stream=True,
                                     timeout=(t, t), proxies=self._proxies(url))
            try:
                location = self.session.get_redirect_target(r) if r.is_redirect else None
                body = self._read_prefix(r, watch.deadline - 0.1) if method == "GET" else None
                if method == "HEAD":
                    r.raw.read(1024)  # nothing: a HEAD answer has no body; frees the connection for reuse
                    r.raw.release_conn()
                if watch.fired:  # cut off: what was read may look like a complete (empty) answer
                    raise requests.exceptions.ReadTimeout(f"no complete answer within {2 * t:g} s")
            except BaseException:
                r.close()
                raise
        except requests.exceptions.RequestException:
            if watch.fired:
                raise requests.exceptions.ReadTimeout(f"no complete answer within {2 * t:g} s") from None
            raise
        finally:
            self.watchdog.stop(watch)
        return _Resp(url=url, method=method, status=r.status_code, headers=r.headers, body=body,
                     location=location, cookies=r.cookies)

    def _read_prefix(self, r: requests.Response, stop_by: float) -> bytes:
        """At most ``max_body`` bytes (decoded), within about one timeout; the rest is abandoned by
        closing the connection, so a 200 MB body costs a few kilobytes."""
        limit = self.opts.max_body
        deadline = min(time.monotonic() + self.opts.timeout, stop_by)
        buf = bytearray()
        complete = False
        # read1 returns what has arrived (a trickling server cannot hold us past the deadline);
        # urllib3 before 2.3 has only read
        read = getattr(r.raw, "read1", None) or r.raw.read
        try:
            while len(buf) < limit:
                chunk = read(min(16384, limit - len(buf)), decode_content=True)
                if not chunk:
                    complete = True
                    break
                buf += chunk
                if time.monotonic() > deadline:
                    break
        except (Urllib3HTTPError, OSError, ValueError):
            complete = False
        finally:
            if complete:
                r.raw.release_conn()
            else:
                r.close()
        return bytes(buf[:limit])


def _short(e: BaseException) -> str:
    s = str(e)
    if len(s) > 200:
        s = s[:197] + "..."
    return s


def _bind(fn: Callable[..., None], *args: object) -> Callable[[], None]:
    return lambda: fn(*args)
