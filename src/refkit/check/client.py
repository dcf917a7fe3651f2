"""The HTTP client of the checker: one guarded session, requests under a per-link time budget,
retries, redirects followed by hand, and only a small prefix of any body read.

Time policy (per link, see :class:`Budget`): a request that gets no answer within ``timeout``
seconds ends the link ("no answer within 10 s") and is not retried unless ``retry_timeouts`` is
set; resets and 5xx answers are retried with backoff while the link's budget lasts; a 429 (or a
503 with ``Retry-After``) pauses the whole host for the time asked, and that wait is added to the
budget. Failures are described in plain words, never with urllib3's internals.
"""

from __future__ import annotations

import random
import re
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from requests.cookies import RequestsCookieJar
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import LocationParseError

from refkit.check.net import (
    BlockedAddress,
    NetworkHealth,
    Watchdog,
    check_host_through_proxy,
    classify_oserror,
    make_session,
    proxies_for,
    retry_after_seconds,
)
from refkit.check.options import CheckOptions
from refkit.check.rules import FINAL_KINDS, PERMANENT, REDIRECTS, Walk
from refkit.check.scheduler import HostDown, Scheduler, host_key

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


class Failure(Exception):
    """No usable answer: ``kind`` names the failure (``rules.judge_failure`` reads it)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


class Budget:
    """The time one link may take, and what its requests met on the way."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.attempts = 0
        self.last_kind: str | None = None
        self.last_detail = ""

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def extend(self, seconds: float) -> None:
        """Waits a server asked for (Retry-After, a host's pause) do not count against the link."""
        if seconds > 0:
            self.deadline += seconds


@dataclass
class Resp:
    url: str
    method: str
    status: int
    headers: CaseInsensitiveDict[str]
    body: bytes | None
    location: str | None
    cookies: RequestsCookieJar
    tries: int = 1  # requests this answer took (a server error retried)


_POOL_REPR = re.compile(r"\w*(?:ConnectionPool|Connection)\([^)]*\)(?::\s*)?|<[\w.]+ object at 0x[0-9a-f]+>:?\s*")


def plain_failure(kind: str, host: str, e: BaseException) -> str:
    """A network failure in words a user reads ("connection to doi.org reset"), whatever the
    exception chain looked like."""
    words = {"reset": f"connection to {host} reset or closed", "refused": f"connection refused by {host}",
             "nxdomain": f"host name {host} does not exist", "dns": f"could not resolve {host}",
             "unreachable": f"network unreachable for {host}", "private": str(e)}
    if kind in words:
        return words[kind]
    # the innermost message, without urllib3's pool and object representations
    inner: BaseException = e
    seen = {id(e)}
    while True:
        nxt = inner.__cause__ or inner.__context__
        if nxt is None and inner.args and isinstance(inner.args[-1], BaseException):
            nxt = inner.args[-1]
        if nxt is None and hasattr(inner, "reason") and isinstance(inner.reason, BaseException):
            nxt = inner.reason
        if nxt is None or id(nxt) in seen:
            break
        seen.add(id(nxt))
        inner = nxt
    text = str(inner.args[0]) if inner.args and isinstance(inner.args[0], str) else str(inner)
    text = _POOL_REPR.sub("", text)
    text = re.sub(r"\s*\(Caused by .*$", "", text, flags=re.S)
    text = re.sub(r"\[Errno -?\d+\]\s*", "", text).strip(" :'\"")
    if not text or "ConnectionPool" in text or "object at 0x" in text or "Max retries" in text:
        return f"connection to {host} failed"
    if len(text) > 160:
        text = text[:157] + "..."
    return f"connection to {host} failed: {text[0].lower() + text[1:]}"


class HttpClient:
    def __init__(self, options: CheckOptions, scheduler: Scheduler, stop: threading.Event) -> None:
        self.opts = options
        self.scheduler = scheduler
        self.stop = stop
        self.session = make_session(options.allow_private, max(options.per_host, 4))
        self.health = NetworkHealth()
        self.watchdog = Watchdog()
        self.requests_sent = 0
        self._lock = threading.Lock()
        self._proxy_cache: dict[str, dict[str, str]] = {}

    def close(self) -> None:
        self.watchdog.close()
        self.session.close()

    def budget(self) -> Budget:
        return Budget(self.opts.link_budget)

    # ------------------------------------------------------------ redirects
    def walk(self, budget: Budget, start: str, method: str, browser: bool, body_limit: int | None = None) -> Walk:
        """Follow ``start``'s redirects by hand (limit, loop detection with the chain's cookies,
        the leading run of permanent hops remembered as "moved")."""
        url = start
        jar = RequestsCookieJar()
        seen: set[tuple[str, tuple[tuple[str, str, str, str | None], ...]]] = set()
        moved_to: str | None = None
        permanent_run = True
        hops = 0
        while True:
            if urlsplit(url).scheme.lower() not in ("http", "https"):
                return Walk(start, url, hops=hops, error="scheme", detail=f"redirects to a non-HTTP URL ({url})")
            state = (url.split("#", 1)[0], tuple(sorted((c.domain, c.path, c.name, c.value) for c in jar)))
            if state in seen:
                return Walk(start, url, hops=hops, error="loop", detail=f"{url} redirects back to itself")
            seen.add(state)
            try:
                if method == "HEAD":
                    r = self.head_then_get(budget, url, browser, jar)
                else:
                    r = self.fetch(budget, url, "GET", browser, jar, body_limit)
            except Failure as f:
                return Walk(start, url, hops=hops, error=f.kind, detail=f.detail)
            method = r.method
            jar.update(r.cookies)
            if r.status in REDIRECTS and r.location:
                nxt = requests.utils.requote_uri(urljoin(url, r.location))
                if hops >= self.opts.max_redirects:
                    return Walk(start, url, hops=hops, error="redirects",
                                detail=f"more than {self.opts.max_redirects} redirects")
                if r.status in PERMANENT and permanent_run:
                    moved_to = nxt
                else:
                    permanent_run = False
                hops += 1
                url = nxt
                continue
            return Walk(start, url, status=r.status, headers=r.headers, body=r.body, method=r.method,
                        hops=hops, moved_to=moved_to, tries=r.tries)

    def head_then_get(self, budget: Budget, url: str, browser: bool, jar: RequestsCookieJar) -> Resp:
        """HEAD; GET when HEAD is refused or answers anything but success or a redirect. A HEAD that
        timed out is not followed by a GET (unless timeouts are retried): the server is silent.
        A HEAD that got a server error counts as the first try of the GET's retries. A host whose
        HEAD answers needed a GET twice gets GET only from then on (a GET is always needed there)."""
        gate = self.scheduler.gate(host_key(url))
        if gate.get_only:
            return self.fetch(budget, url, "GET", browser, jar)
        try:
            r = self.fetch(budget, url, "HEAD", browser, jar)
        except Failure as f:
            if f.kind in FINAL_KINDS or (f.kind == "timeout" and not self.opts.retry_timeouts):
                raise
            return self.fetch(budget, url, "GET", browser, jar)
        if 200 <= r.status < 300 or (r.status in REDIRECTS and r.location):
            return r
        if r.status != 429:
            gate.head_missed()
        if (_retryable(r.status) and not r.headers.get("Retry-After") and self.opts.retries and gate.retry_5xx
                and self._backoff(budget, 1)):
            return self.fetch(budget, url, "GET", browser, jar, tries=1)
        return self.fetch(budget, url, "GET", browser, jar)

    # ------------------------------------------------------------ one request, with retries
    def fetch(self, budget: Budget, url: str, method: str, browser: bool, jar: RequestsCookieJar,
              body_limit: int | None = None, tries: int = 0) -> Resp:
        """One request, retried on 5xx (GET) and resets (and timeouts with ``retry_timeouts``)
        while the budget lasts; a 429 pauses the host and is asked again after the pause."""
        host = host_key(url)
        gate = self.scheduler.gate(host)
        throttles = 0
        while True:
            if self.stop.is_set():
                raise Failure("stopped", "interrupted")
            if self.health.offline:
                raise Failure("offline", "no network: no server has answered and names do not resolve")
            try:
                if self._proxies(url):
                    check_host_through_proxy(urlsplit(url).hostname or "", self.opts.allow_private)
                waited = time.monotonic()
                if gate.paused_until > waited:  # a pause the server asked for: long, send nothing
                    with self.scheduler.waiting():
                        gate.acquire(self.stop)
                else:
                    gate.acquire(self.stop)
                budget.extend(time.monotonic() - waited)
            except HostDown:
                if budget.last_kind:
                    raise Failure(budget.last_kind, budget.last_detail) from None
                raise Failure("hostdown", f"not requested: {host} failed {gate.failures} times in a row "
                                          "in this run (timeouts or resets)") from None
            except BlockedAddress as e:
                raise Failure("private", str(e)) from None
            kind = ""
            detail = ""
            resp: Resp | None = None
            with self._lock:
                self.requests_sent += 1
            budget.attempts += 1
            try:
                waited = time.monotonic()
                with self.scheduler.slot():
                    budget.extend(time.monotonic() - waited)  # queueing for a slot is not the link's time
                    resp = self._send(budget, url, method, browser, jar, body_limit)
            except HostDown:
                kind, detail = "stopped", "interrupted"
                budget.attempts -= 1
                with self._lock:
                    self.requests_sent -= 1
            except BlockedAddress as e:
                kind, detail = "private", str(e)
                budget.attempts -= 1  # refused before anything was sent
                with self._lock:
                    self.requests_sent -= 1
            except requests.exceptions.ConnectTimeout:
                kind, detail = "timeout", f"no connection to {host} within {self.opts.timeout:g} s"
                self.health.failed()
            except requests.exceptions.Timeout as e:
                kind = "timeout"
                if "budget" in str(e):
                    detail = f"{host} did not finish answering within {budget.seconds:g} s"
                else:
                    detail = f"no answer from {host} within {self.opts.timeout:g} s"
            except requests.exceptions.SSLError as e:
                m = re.search(r"\[SSL: [A-Z0-9_]+\] ([^\"'()]+?)(?: \(_ssl|[\"')]|$)", str(e))
                kind, detail = "tls", (m.group(1).strip() if m else "the TLS handshake failed")
            except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                    requests.exceptions.MissingSchema, LocationParseError, UnicodeError) as e:
                kind, detail = "invalid", _short(_POOL_REPR.sub("", str(e)))
            except (requests.exceptions.RequestException, Urllib3HTTPError, OSError) as e:
                kind = classify_oserror(e)
                detail = plain_failure(kind, host, e)
                if kind in ("dns", "unreachable"):
                    self.health.failed()
            finally:
                gate.release()
            if resp is None:
                budget.last_kind, budget.last_detail = kind, detail
                if kind in FINAL_KINDS:
                    raise Failure(kind, detail)
                if kind in ("timeout", "reset", "connection"):
                    gate.failed()
                if kind == "timeout" and not self.opts.retry_timeouts:
                    raise Failure(kind, detail)
                if method == "HEAD" or tries >= self.opts.retries or not self._backoff(budget, tries + 1):
                    if tries and kind == "timeout":
                        detail += f" ({tries + 1} tries)"
                    raise Failure(kind, detail)
                tries += 1
                continue
            gate.ok()
            self.health.answered(host)
            budget.last_kind = None
            st = resp.status
            if st == 429 or (st == 503 and resp.headers.get("Retry-After")):
                wait = retry_after_seconds(resp.headers.get("Retry-After"))
                if wait is None:
                    wait = max(self.opts.backoff, 0.05) * 2 ** throttles
                if wait > self.opts.max_retry_after or throttles > self.opts.retries + 1:
                    return resp
                gate.throttle(wait)  # the next acquire waits, and the budget is extended by the wait
                throttles += 1
                if method == "HEAD":
                    return resp  # the GET that follows waits for the pause
                continue
            if _retryable(st) and method == "GET":
                if tries < self.opts.retries and gate.retry_5xx and self._backoff(budget, tries + 1):
                    tries += 1
                    continue
                if tries:
                    gate.errors_persisted()
            elif tries and method == "GET":
                gate.retry_helped()
            resp.tries = tries + 1
            return resp

    def _backoff(self, budget: Budget, tries: int) -> bool:
        """Sleep before retry number ``tries``; False (no sleep) when the link's budget cannot
        afford the pause and a short request after it."""
        delay = self.opts.backoff * 2 ** (tries - 1) * (0.75 + 0.5 * random.random())
        if budget.remaining() < delay + min(self.opts.timeout, 1.0) * 0.5:
            return False
        with self.scheduler.waiting():
            self.stop.wait(delay)
        return True

    # ------------------------------------------------------------ the wire
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

    def _send(self, budget: Budget, url: str, method: str, browser: bool, jar: RequestsCookieJar,
              body_limit: int | None) -> Resp:
        """One request. It waits at most ``timeout`` for any byte and never outlives the link's
        budget (the watchdog cuts off a server that trickles its answer)."""
        remaining = budget.remaining()
        if remaining <= 0.01:
            raise requests.exceptions.ReadTimeout("link budget spent")
        t = min(self.opts.timeout, remaining)
        watch = self.watchdog.start_until(budget.deadline)
        try:
            r = self.session.request(method, url, headers=self._headers(browser),
                                     cookies=jar if len(jar) else None, allow_redirects=False, stream=True,
                                     timeout=(t, t), proxies=self._proxies(url),
                                     # a CA bundle path costs a stat per request; plain HTTP needs none
                                     verify=self.session.verify if url[:5].lower() == "https" else True)
            try:
                location = self.session.get_redirect_target(r) if r.is_redirect else None
                body = (self._read_prefix(r, body_limit or self.opts.max_body, watch.deadline - 0.05)
                        if method == "GET" else None)
                if method == "HEAD":
                    r.raw.read(1024)  # nothing: a HEAD answer has no body; frees the connection for reuse
                    r.raw.release_conn()
                if watch.fired:  # cut off: what was read may look like a complete (empty) answer
                    raise requests.exceptions.ReadTimeout("link budget spent")
            except BaseException:
                r.close()
                raise
        except requests.exceptions.RequestException as e:
            if watch.fired or (isinstance(e, requests.exceptions.Timeout) and t < self.opts.timeout):
                raise requests.exceptions.ReadTimeout("link budget spent") from None
            raise
        finally:
            self.watchdog.stop(watch)
        return Resp(url=url, method=method, status=r.status_code, headers=r.headers, body=body,
                    location=location, cookies=r.cookies)

    def _read_prefix(self, r: requests.Response, limit: int, stop_by: float) -> bytes:
        """At most ``limit`` bytes (decoded), within about one timeout; the rest is abandoned by
        closing the connection, so a 200 MB body costs a few kilobytes."""
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


def _retryable(status: int) -> bool:
    """A server error that may be gone on the next try (not "not implemented" or "version")."""
    return status >= 500 and status not in (501, 505)


def _short(s: str) -> str:
    return s if len(s) <= 200 else s[:197] + "..."
