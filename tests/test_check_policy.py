"""The time policy and what the checker learns about hosts: one timeout per link, retries within
a budget, the soft-404 probe beside the first request, GET-only and no-retry hosts."""

from __future__ import annotations

import time

import pytest

from check_servers import Server, flaky, hang, head_refused, jail, page, slow, soft_not_found, status
from refkit.check import CheckOptions, check_links
from refkit.check.extract import Link

FAST = {"timeout": 1.0, "backoff": 0.02, "allow_private": True}


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    jail(monkeypatch)


def url_link(url: str, key: str = "k") -> Link:
    return Link(key, "refs.bib", 1, "url", url, url=url)


def test_a_host_whose_head_answers_keep_missing_gets_get_only():
    web = Server({f"/{i}": head_refused(page(str(i))) for i in range(6)}).start()
    try:
        links = [url_link(web.url(f"/{i}"), str(i)) for i in range(6)]
        report = check_links(links, CheckOptions(per_host=1, soft404=False, **FAST))
        assert [r.verdict.value for r in report.results] == ["alive"] * 6
        assert web.total == 2 * 2 + 4  # two links HEAD then GET, then GET only
    finally:
        web.stop()


def test_a_hanging_server_costs_one_timeout_and_is_not_retried():
    web = Server({"/hang": hang, "/ok": page("ok")}).start()
    try:
        t0 = time.monotonic()
        report = check_links([url_link(web.url("/hang"))], CheckOptions(timeout=0.5, allow_private=True,
                                                                         soft404=False))
        elapsed = time.monotonic() - t0
        out = report.results[0].outcome
        assert (out.verdict.value, out.kind, out.attempts) == ("unsure", "timeout", 1), out.reason
        assert "no answer from 127.0.0.1" in out.reason and "within 0.5 s" in out.reason
        assert 0.45 < elapsed < 1.2
        assert web.requests_to("/hang") == 1
    finally:
        web.stop()


def test_retry_timeouts_opts_in_to_retrying():
    web = Server({"/hang": hang}).start()
    try:
        opts = CheckOptions(timeout=0.3, retries=1, backoff=0.01, retry_timeouts=True, allow_private=True,
                            soft404=False)
        report = check_links([url_link(web.url("/hang"))], opts)
        out = report.results[0].outcome
        assert out.verdict.value == "unsure" and out.attempts == 3, out.reason  # HEAD, GET, GET again
        assert "(2 tries)" in out.reason
    finally:
        web.stop()


def test_no_link_outlasts_its_budget_with_retries_and_a_slow_host():
    # every answer is a 503 after 0.3 s: retries stop when the link's budget (1.5 x timeout) is spent
    web = Server({"/x": slow(0.3, status(503))}).start()
    try:
        t0 = time.monotonic()
        report = check_links([url_link(web.url("/x"))], CheckOptions(timeout=0.5, retries=5, backoff=0.05,
                                                                     allow_private=True, soft404=False))
        assert report.results[0].outcome.verdict.value == "unsure"
        assert time.monotonic() - t0 < 0.5 * 1.5 + 0.4
    finally:
        web.stop()


def test_the_soft404_probe_runs_beside_the_first_request():
    web = Server({"/a/1": page("one"), "/a/2": page("two")}, fallback=soft_not_found, latency=0.5).start()
    try:
        t0 = time.monotonic()
        report = check_links([url_link(web.url("/a/1"))], CheckOptions(per_host=4, **{**FAST, "timeout": 3}))
        elapsed = time.monotonic() - t0
        assert report.results[0].verdict.value == "alive"
        # HEAD and probe side by side (0.5 s), then the GET the comparison needs (0.5 s); one after
        # the other they would take 1.5 s
        assert elapsed < 1.3, elapsed
        # once the section is known to answer 200 for anything, links go straight to GET
        web.latency = 0.05
        before = web.total
        links = [url_link(web.url(p), p) for p in ("/a/1", "/a/2", "/a/gone", "/a/1?x")]
        report = check_links(links, CheckOptions(per_host=1, **{**FAST, "timeout": 3}))
        assert [r.verdict.value for r in report.results] == ["alive", "alive", "dead", "alive"]
        assert web.total - before == 1 + 2 + 3  # the probe; HEAD and GET for the first link; then GET
    finally:
        web.stop()


def test_a_host_whose_server_errors_persist_stops_being_retried():
    web = Server(fallback=status(500)).start()
    flaky_web = Server(fallback=flaky(1)).start()  # the first request to each path fails
    try:
        links = [url_link(web.url(f"/{i}"), str(i)) for i in range(5)]
        report = check_links(links, CheckOptions(per_host=1, soft404=False, **FAST))
        assert [r.verdict.value for r in report.results] == ["dead"] * 5
        assert "also on retry" in report.results[0].outcome.reason
        assert "other links" in report.results[-1].outcome.reason
        assert web.total == 3 + 3 + 1 + 1 + 1  # two links with retries, then one GET each (HEAD given up too)
        # where a retry helps, retries go on
        links = [url_link(flaky_web.url(f"/{i}"), str(i)) for i in range(5)]
        report = check_links(links, CheckOptions(per_host=1, soft404=False, **FAST))
        assert [r.verdict.value for r in report.results] == ["alive"] * 5
    finally:
        web.stop()
        flaky_web.stop()
