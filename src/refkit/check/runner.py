"""Running a check: one verdict per distinct target, the parts put together.

For each link the runner asks the HTTP client (:mod:`refkit.check.client`) for a walk through its
redirects, gives a link that looks bot-blocked one browser-like retry, asks the soft-404 profiles
(:mod:`refkit.check.soft404`) whether a success is really a "not found" page, and hands what was
seen to the verdict rules (:mod:`refkit.check.rules`). The scheduler (:mod:`refkit.check.scheduler`)
decides when each link runs; the cache short-cuts links checked recently.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from requests.cookies import RequestsCookieJar

from refkit.check import rules
from refkit.check.archive import find_snapshot
from refkit.check.cache import LinkCache
from refkit.check.client import Failure, HttpClient
from refkit.check.extract import Link, in_shard, load_links
from refkit.check.options import CheckOptions
from refkit.check.scheduler import Scheduler, host_key
from refkit.check.soft404 import Profiles, body_limit
from refkit.check.verdict import CheckReport, LinkResult, Outcome, Verdict
from refkit.errors import Problem

Progress = Callable[[int, int], None]


class Checker:
    def __init__(self, options: CheckOptions | None = None, cache: LinkCache | None = None) -> None:
        self.opts = options or CheckOptions()
        self.opts.validate()
        self.cache = cache
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.scheduler = Scheduler(self.opts.concurrency, self.opts.per_host, self.opts.host_failure_limit,
                                   self._stop)
        self.client = HttpClient(self.opts, self.scheduler, self._stop)
        self.profiles = Profiles(self.client, self.opts.concurrency)
        resolver = self.opts.doi_resolver
        self.resolver = resolver if resolver.endswith("/") else resolver + "/"

    @property
    def requests_sent(self) -> int:
        return self.client.requests_sent

    @property
    def probe_requests(self) -> int:
        return self.profiles.probe_requests

    def close(self) -> None:
        self._stop.set()  # probes nobody waits for any more end now
        self.client.close()

    # ------------------------------------------------------------ the run
    def run(self, links: list[Link], progress: Progress | None = None) -> CheckReport:
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

        def check(lk: Link) -> Callable[[], None]:
            def task() -> None:
                try:
                    out = self.check_doi(lk.doi) if lk.doi else self.check_url(lk.url or "")
                except Exception as e:  # one link must not sink the run; the reason says what happened
                    out = Outcome(Verdict.UNSURE, f"unexpected error while checking: {type(e).__name__}: {e}",
                                  kind="error")
                with self._lock:
                    outcomes[lk.target] = out
                    done[0] += 1
                    n = done[0]
                if progress:
                    progress(n, total)
            return task

        self.scheduler.run([(host_key(self.resolver if lk.doi else (lk.url or "")), check(lk)) for lk in todo])

        if self.opts.archive:
            self.scheduler.run([(host_key(self.opts.archive_api), self._archive_task(lk, outcomes[lk.target]))
                                for lk in todo
                                if outcomes[lk.target].verdict is Verdict.DEAD and lk.url and not lk.doi])
        # "host does not exist" means dead only where some host name did resolve in this run (an answer
        # from an address given as an IP literal says nothing about the resolver)
        rules.judge_offline_run(list(outcomes.values()), self.client.health.named_answers > 0)
        if self.cache is not None:
            for lk in todo:
                self.cache.put(self._cache_key(lk), outcomes[lk.target])
            self.cache.save()
        results = [LinkResult(lk, outcomes[lk.target]) for lk in links]
        warnings = [Problem(self.cache.warning, rule="cache")] if self.cache is not None and self.cache.warning else []
        return CheckReport(results=results, warnings=warnings, elapsed=time.monotonic() - t0,
                           requests=self.requests_sent, checked=total, cache_hits=hits)

    def _cache_key(self, lk: Link) -> str:
        scope = "private|" if self.opts.allow_private else ""
        if lk.doi:
            return f"{scope}doi:{self.resolver}|{lk.doi.lower()}"
        return scope + lk.target

    def _archive_task(self, lk: Link, out: Outcome) -> Callable[[], None]:
        def task() -> None:
            snap = find_snapshot(self.client, self.opts.archive_api, lk)
            if snap:
                out.archive_url = snap
                out.suggestion = out.suggestion or snap
        return task

    # ------------------------------------------------------------ one link
    def check_url(self, url: str) -> Outcome:
        budget = self.client.budget()
        gate = self.scheduler.gate(host_key(url))
        browser = gate.browser_only
        limit: int | None = None
        if self.opts.soft404:
            prof = self.profiles.known(url)
            if prof is None:
                self.profiles.start(url, browser)  # side by side with the link's own request
            elif prof.soft and not prof.redirected:
                limit = body_limit(prof, self.opts.max_body)  # the comparison needs the body: GET at once
        walk = self.client.walk(budget, url, "GET" if limit else "HEAD", browser, limit)
        note = ""
        if not browser and not gate.browser_useless and rules.looks_blocked(walk):
            again = self.client.walk(budget, url, "GET", True)
            if again.ok:
                gate.browser_only = True
                walk, browser, note = again, True, " (answers only browser-like requests)"
            elif again.status in (404, 410):
                walk, browser = again, True
            else:
                gate.browser_misses += 1
        soft = None
        if self.opts.soft404 and rules.needs_soft404_check(walk):
            soft = self.profiles.check(budget, url, walk, browser)
        out = rules.judge(url, walk, soft)
        out.reason += note
        out.attempts = budget.attempts
        return out

    def doi_url(self, doi: str) -> str:
        return self.resolver + quote(doi, safe="/:;()._-[]@!$&'*+,=~")

    def check_doi(self, doi: str) -> Outcome:
        budget = self.client.budget()
        url = self.doi_url(doi)
        try:
            r = self.client.head_then_get(budget, url, False, RequestsCookieJar())
        except Failure as f:
            return rules.judge_doi_failure(host_key(url), f.kind, f.detail, budget.attempts)
        return rules.judge_doi(url, r.status, r.location, budget.attempts)


def check_links(links: list[Link], options: CheckOptions | None = None, cache: LinkCache | None = None,
                progress: Progress | None = None) -> CheckReport:
    """Check ``links`` (one request sequence per distinct target) and report a verdict for each."""
    checker = Checker(options, cache)
    try:
        return checker.run(links, progress)
    finally:
        checker.close()


def check_files(paths: list[str | Path | None], options: CheckOptions | None = None,
                cache: LinkCache | None = None, shard: tuple[int, int] | None = None,
                progress: Progress | None = None) -> CheckReport:
    """Check every link cited in ``paths``; with ``shard=(i, n)`` only the i-th of n shares.
    Problems met while reading the files come first among the report's warnings."""
    if options is not None:
        options.validate()
    links, warnings = load_links(paths)
    if shard is not None:
        links = [lk for lk in links if in_shard(lk, *shard)]
    if not links:
        warnings.append(Problem("no URLs or DOIs found" + (" in this shard" if shard else ""), rule="no-links"))
    report = check_links(links, options, cache, progress)
    report.warnings[:0] = warnings
    return report
