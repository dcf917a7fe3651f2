"""The verdict rules as pure functions of what was seen: no server, no network."""

from __future__ import annotations

import pytest
import requests
import urllib3

from refkit.check.client import plain_failure
from refkit.check.rules import (
    Walk,
    judge,
    judge_doi,
    judge_doi_failure,
    judge_failure,
    judge_offline_run,
    looks_blocked,
    needs_soft404_check,
    trivial_move,
)
from refkit.check.verdict import Verdict

U = "https://example.org/a"
CHALLENGE = (b"<html><head><title>Just a moment...</title></head>"
             b"<script src='/cdn-cgi/challenge-platform/x'></script></html>")


def seen(status: int | None = 200, **kw) -> Walk:
    return Walk(U, kw.pop("final_url", U), status=status, **kw)


@pytest.mark.parametrize("status, verdict, words", [
    (200, "alive", "HTTP 200"), (204, "alive", "HTTP 204"),
    (404, "dead", "not found (HTTP 404)"), (410, "dead", "gone (HTTP 410)"),
    (400, "dead", "client error (HTTP 400)"), (500, "dead", "server error (HTTP 500)"),
    (401, "unsure", "requires a login"), (403, "unsure", "probably bot protection"),
    (999, "unsure", "probably bot protection"), (429, "unsure", "rate limited"),
    (503, "unsure", "service unavailable"), (304, "unsure", "without a usable redirect"),
    (102, "unsure", "unexpected HTTP status 102"),
])
def test_status_alone(status, verdict, words):
    out = judge(U, seen(status))
    assert out.verdict.value == verdict and words in out.reason and out.status == status


def test_server_error_says_whether_it_was_retried():
    assert judge(U, seen(502, tries=3)).reason == "server error (HTTP 502), also on retry"
    assert "as on retries of this host's other links" in judge(U, seen(502)).reason


def test_redirects_and_moves():
    moved = judge(U, seen(200, final_url="https://example.org/b", hops=1, moved_to="https://example.org/b"))
    assert (moved.verdict, moved.suggestion) == (Verdict.MOVED, "https://example.org/b")
    slash = judge(U, seen(200, final_url=U + "/", hops=1, moved_to=U + "/"))
    assert slash.verdict is Verdict.ALIVE and "after 1 redirect(s)" in slash.reason
    temp = judge(U, seen(200, final_url="https://example.org/login?next=a", hops=1))
    assert temp.verdict is Verdict.ALIVE and temp.suggestion is None
    to_404 = judge(U, seen(404, final_url="https://example.org/missing", hops=2))
    assert to_404.verdict is Verdict.DEAD and "redirects to https://example.org/missing" in to_404.reason
    assert trivial_move("http://Example.org:80/a", "http://example.org/a/")
    assert not trivial_move("http://example.org/a", "https://example.org/b")


def test_challenge_pages_are_never_alive_or_dead():
    on_200 = seen(200, body=CHALLENGE, method="GET")
    assert judge(U, on_200).verdict is Verdict.UNSURE and not needs_soft404_check(on_200)
    on_403 = seen(403, body=b"<html>please complete the captcha</html>", method="GET")
    assert judge(U, on_403).reason.startswith("bot protection: a challenge page (HTTP 403)")
    # a contact form with a captcha on an ordinary page is not a challenge
    form = seen(200, body=b"<html><title>Contact</title><div class='g-recaptcha'></div></html>", method="GET")
    assert judge(U, form).verdict is Verdict.ALIVE and needs_soft404_check(form)
    assert judge(U, seen(200, headers={"CF-Mitigated": "challenge"})).verdict is Verdict.UNSURE


def test_looks_blocked():
    assert looks_blocked(seen(403)) and looks_blocked(seen(999)) and looks_blocked(seen(401))
    assert looks_blocked(seen(200, body=CHALLENGE))
    assert not looks_blocked(seen(404)) and not looks_blocked(seen(200))
    assert not looks_blocked(Walk(U, U, error="timeout", detail="no answer"))


def test_soft404_result_is_taken_as_given():
    out = judge(U, seen(200), ("dead", "soft 404: the page is the host's \"not found\" page"))
    assert (out.verdict, out.kind, out.status) == (Verdict.DEAD, "soft404", 200)
    # a challenge outranks the comparison
    assert judge(U, seen(200, body=CHALLENGE), ("dead", "soft 404")).verdict is Verdict.UNSURE


def test_retry_after_in_the_reason():
    out = judge(U, seen(429, headers={"retry-after": "3600"}))
    assert "asks to wait 3600 s" in out.reason


@pytest.mark.parametrize("kind, verdict, words", [
    ("nxdomain", "dead", "host name example.org does not exist"),
    ("refused", "dead", "connection refused by example.org"),
    ("timeout", "unsure", "timed out: no answer from example.org within 10 s"),
    ("dns", "unsure", "could not resolve example.org"),
    ("private", "unsure", "--allow-private"),
    ("loop", "dead", "redirect loop"),
    ("invalid", "malformed", "cannot be requested"),
    ("hostdown", "unsure", "no answer from example.org within 10 s"),
    ("something-new", "unsure", "no answer from example.org within 10 s"),
])
def test_failures(kind, verdict, words):
    out = judge_failure(Walk(U, U, error=kind, detail="no answer from example.org within 10 s"))
    assert out.verdict.value == verdict and words in out.reason and out.kind == kind
    assert judge(U, Walk(U, U, error=kind, detail="x")).verdict.value == verdict


def test_failure_after_redirects_says_where():
    out = judge_failure(Walk(U, "https://other.example/x", hops=2, error="refused", detail=""))
    assert "connection refused by other.example (after redirects, at https://other.example/x)" == out.reason


def test_doi_rules():
    url = "https://doi.org/10.1/x"
    assert judge_doi(url, 302, "https://publisher.example/x", 1).reason == "DOI resolves to https://publisher.example/x"
    assert judge_doi(url, 302, "/relative", 1).final_url == "https://doi.org/relative"
    assert judge_doi(url, 200, None, 1).verdict is Verdict.ALIVE
    assert judge_doi(url, 404, None, 2).verdict is Verdict.DEAD
    assert judge_doi(url, 400, None, 2).verdict is Verdict.DEAD
    assert judge_doi(url, 429, None, 2).verdict is Verdict.UNSURE
    assert judge_doi(url, 500, None, 3).verdict is Verdict.UNSURE
    out = judge_doi_failure("doi.org", "reset", "connection to doi.org reset or closed", 1)
    assert out.verdict is Verdict.UNSURE and out.reason == (
        "DOI resolver doi.org could not be reached: connection to doi.org reset or closed")


def test_offline_run_turns_unknown_names_into_cant_tell():
    outs = [judge_failure(Walk(U, U, error="nxdomain")), judge(U, seen(404))]
    judge_offline_run(outs, any_answer=True)
    assert outs[0].verdict is Verdict.DEAD
    judge_offline_run(outs, any_answer=False)
    assert outs[0].verdict is Verdict.UNSURE and "did not resolve" in outs[0].reason
    assert outs[1].verdict is Verdict.DEAD


def _wrapped(inner: BaseException) -> BaseException:
    """The exception chain requests raises for a failed connection (as urllib3 builds it)."""
    pool = urllib3.HTTPSConnectionPool("doi.org", 443)
    err = urllib3.exceptions.NewConnectionError(
        pool, f"<urllib3.connection.HTTPSConnection object at 0x7f00deadbeef>: Failed to establish a new "
              f"connection: {inner}")  # type: ignore[arg-type]
    mre = urllib3.exceptions.MaxRetryError(pool, "/10.1/x", err)
    e = requests.exceptions.ConnectionError(mre)
    e.__cause__ = mre
    return e


@pytest.mark.parametrize("inner, kind", [
    (OSError(113, "No route to host"), "connection"), (OSError(71, "Protocol error"), "connection"),
    (ValueError("weird"), "connection"),
])
def test_failures_are_described_in_plain_words(inner, kind):
    e = _wrapped(inner)
    assert "ConnectionPool(" in str(e)  # what requests would have shown
    text = plain_failure(kind, "doi.org", e)
    assert text.startswith("connection to doi.org failed")
    for internal in ("ConnectionPool", "object at 0x", "Max retries", "Caused by", "urllib3"):
        assert internal not in text, text


def test_known_failures_have_fixed_words():
    e = _wrapped(ConnectionResetError(104, "Connection reset by peer"))
    assert plain_failure("reset", "doi.org", e) == "connection to doi.org reset or closed"
    assert plain_failure("refused", "doi.org", e) == "connection refused by doi.org"
