"""The checker against loopback servers that behave like the web's worst: each gets the right verdict."""

from __future__ import annotations

import threading
import time

import pytest

from check_servers import (
    Server,
    bot_blocker,
    challenge,
    doi_resolver,
    flaky,
    hang,
    head_refused,
    huge,
    jail,
    page,
    rate_limited,
    redirect,
    refused_port,
    sends_home,
    slow,
    soft_not_found,
    status,
)
from refkit.check import CheckOptions, check_links
from refkit.check.extract import Link
from refkit.check.net import is_public_ip, retry_after_seconds
from refkit.check.scheduler import HostGate

FAST = {"timeout": 1.0, "backoff": 0.02, "allow_private": True}  # generous: a loaded machine is slow


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    jail(monkeypatch)


def url_link(url: str, key: str = "k") -> Link:
    return Link(key, "refs.bib", 1, "url", url, url=url)


def doi_link(doi: str, key: str = "d") -> Link:
    return Link(key, "refs.bib", 1, "doi", doi, doi=doi)


@pytest.fixture(scope="module")
def worst_web():
    """One run of the checker over every kind of bad behaviour at once (they are checked concurrently)."""
    mp = pytest.MonkeyPatch()
    jail(mp)
    web = Server({
        "/ok": page("ok"), "/missing": status(404), "/gone": status(410), "/error": status(500),
        "/flaky": flaky(2), "/limited": rate_limited(0.4, "1"), "/nohead": head_refused(page("nohead")),
        "/nohead501": head_refused(page("nohead"), 501), "/head404": head_refused(page("head lies"), 404),
        "/r1": redirect(301, "/r2"), "/r2": redirect(308, "/ok"), "/temp": redirect(302, "/ok"),
        "/perm-then-temp": redirect(301, "/temp"), "/dir": redirect(301, "/dir/"), "/dir/": page("dir"),
        "/to-404": redirect(301, "/r-mid"), "/r-mid": redirect(302, "/missing"),
        "/loop1": redirect(302, "/loop2"), "/loop2": redirect(302, "/loop1"), "/self": redirect(301, "/self"),
        "/hang": hang, "/slow": slow(0.25, page("slow")), "/huge": head_refused(huge()),
        "/bot": bot_blocker(page("bot")), "/challenge": challenge, "/forbidden": status(403),
        "/login": status(401), "/linkedin": status(999), "/teapot-loop": redirect(302, "/teapot-loop?x=1"),
        "/teapot-loop?x=1": redirect(302, "/teapot-loop"),
        "/to-ftp": redirect(301, "ftp://127.0.0.1/file"),
    }).start()
    chain = [redirect(302, f"/c{i + 1}") for i in range(12)]
    for i, r in enumerate(chain):
        web.routes[f"/c{i}"] = r
    soft = Server({"/": page("Example Press home"), "/journal/article-1": page("A real article", "on glaciers"),
                   "/journal/article-2": page("Another real article", "about page not found errors")},
                  fallback=soft_not_found).start()
    home = Server({"/": page("Home"), "/about": page("About us")}, fallback=sends_home).start()
    honest = Server({"/post": page("404 Not Found: a history of the error page")}).start()
    resolver = Server(fallback=doi_resolver({"10.1234/good": web.url("/ok"),
                                             "10.1234/(weird)<x>#y": web.url("/ok")})).start()
    dead_port = refused_port()
    links = {name: url_link(web.url(path), name) for name, path in [
        ("ok", "/ok"), ("missing", "/missing"), ("gone", "/gone"), ("error", "/error"), ("flaky", "/flaky"),
        ("limited", "/limited"), ("nohead", "/nohead"), ("nohead501", "/nohead501"), ("head404", "/head404"), ("moved", "/r1"),
        ("temp", "/temp"), ("perm-then-temp", "/perm-then-temp"), ("slash", "/dir"), ("to-404", "/to-404"),
        ("loop", "/loop1"), ("self", "/self"), ("long-chain", "/c0"), ("hang", "/hang"), ("slow", "/slow"),
        ("huge", "/huge"), ("bot", "/bot"), ("challenge", "/challenge"), ("forbidden", "/forbidden"),
        ("login", "/login"), ("linkedin", "/linkedin"), ("to-ftp", "/to-ftp"),
    ]}
    links.update({
        "soft-real": url_link(soft.url("/journal/article-1"), "soft-real"),
        "soft-real-2": url_link(soft.url("/journal/article-2"), "soft-real-2"),
        "soft-gone": url_link(soft.url("/journal/no-such-article"), "soft-gone"),
        "soft-home": url_link(soft.url("/"), "soft-home"),
        # one host given by name, as on the real web (an unknown name is dead only where names resolve)
        "home-real": url_link(home.url("/about").replace("127.0.0.1", "localhost"), "home-real"),
        "home-root": url_link(home.url("/"), "home-root"),
        "home-gone": url_link(home.url("/old/page"), "home-gone"),
        "honest-404-words": url_link(honest.url("/post"), "honest-404-words"),
        "refused": url_link(f"http://127.0.0.1:{dead_port}/x", "refused"),
        "nxdomain": url_link("http://no-such-host.invalid/x", "nxdomain"),
        "doi-good": doi_link("10.1234/good", "doi-good"),
        "doi-weird": doi_link("10.1234/(weird)<x>#y", "doi-weird"),
        "doi-missing": doi_link("10.1234/missing", "doi-missing"),
    })
    opts = CheckOptions(doi_resolver=resolver.url("/"), **FAST)
    t0 = time.monotonic()
    report = check_links(list(links.values()), opts)
    elapsed = time.monotonic() - t0
    by_key = {r.link.key: r.outcome for r in report.results}
    yield {"by_key": by_key, "web": web, "elapsed": elapsed, "report": report, "soft": soft}
    for s in (web, soft, home, honest, resolver):
        s.stop()
    mp.undo()


EXPECTED = {
    "ok": ("alive", 200), "missing": ("dead", 404), "gone": ("dead", 410), "error": ("dead", 500),
    "flaky": ("alive", 200), "limited": ("alive", 200), "nohead": ("alive", 200), "nohead501": ("alive", 200), "head404": ("alive", 200),
    "moved": ("moved", 200), "temp": ("alive", 200), "perm-then-temp": ("moved", 200), "slash": ("alive", 200),
    "to-404": ("dead", 404), "loop": ("dead", None), "self": ("dead", None), "long-chain": ("dead", None),
    "hang": ("unsure", None), "slow": ("alive", 200), "huge": ("alive", 200), "bot": ("alive", 200),
    "challenge": ("unsure", 403), "forbidden": ("unsure", 403), "login": ("unsure", 401),
    "linkedin": ("unsure", 999), "to-ftp": ("unsure", None),
    "soft-real": ("alive", 200), "soft-real-2": ("alive", 200), "soft-gone": ("dead", 200),
    "soft-home": ("alive", 200), "home-real": ("alive", 200), "home-root": ("alive", 200),
    "home-gone": ("dead", 200), "honest-404-words": ("alive", 200),
    "refused": ("dead", None), "nxdomain": ("dead", None),
    "doi-good": ("alive", 302), "doi-weird": ("alive", 302), "doi-missing": ("dead", 404),
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_verdict(worst_web, key):
    out = worst_web["by_key"][key]
    assert (out.verdict.value, out.status) == EXPECTED[key], out.reason


def test_reasons_and_details(worst_web):
    o = worst_web["by_key"]
    assert o["moved"].suggestion == worst_web["web"].url("/ok")
    assert o["perm-then-temp"].suggestion == worst_web["web"].url("/temp")
    assert o["temp"].suggestion is None and o["temp"].final_url == worst_web["web"].url("/ok")
    assert "loop" in o["loop"].reason and "loop" in o["self"].reason
    assert "more than 10 redirects" in o["long-chain"].reason
    assert o["to-404"].final_url == worst_web["web"].url("/missing")
    assert "timed out" in o["hang"].reason and "no answer" in o["hang"].reason
    assert o["hang"].attempts == 1  # a silent server is not asked again
    assert "challenge" in o["challenge"].reason
    assert "browser-like" in o["bot"].reason
    assert "soft 404" in o["soft-gone"].reason and "soft 404" in o["home-gone"].reason
    assert "refused" in o["refused"].reason and "does not exist" in o["nxdomain"].reason
    assert o["doi-good"].final_url == worst_web["web"].url("/ok")
    assert "DOI not found" in o["doi-missing"].reason


@pytest.mark.parametrize("route, attempts", [
    (page("ok"), 1),  # one HEAD
    (head_refused(page("nohead")), 2),  # HEAD 405, then GET
    (flaky(2), 3),  # HEAD 503, GET 503, GET 200
    (status(500), 3),  # HEAD 500, then GET twice: the HEAD was the first try
    (status(404), 2),  # a HEAD 404 is not trusted: GET confirms
    (bot_blocker(page("bot")), 3),  # HEAD 403, GET 403, browser-like GET 200
])
def test_retries_and_head_fallback_counts(route, attempts):
    web = Server({"/x": route}).start()  # a host of its own: hosts learn (GET only, browser only)
    try:
        report = check_links([url_link(web.url("/x"))], CheckOptions(**FAST))
        assert report.results[0].outcome.attempts == attempts
        assert web.requests_to("/x") == attempts  # the soft-404 probe asks another path
    finally:
        web.stop()


def test_huge_body_is_abandoned_after_a_small_prefix(worst_web):
    sent = int(worst_web["web"].state.get("huge_sent", 0))
    assert 0 < sent < 32 * 1024 * 1024  # 200 MB offered; only socket buffers' worth ever left the server


def test_retry_after_is_honoured(worst_web):
    web = worst_web["web"]
    times = [t for t, _, path, _ in web.log if path == "/limited"]
    assert len(times) >= 2 and times[-1] - times[0] >= 0.9  # waited for Retry-After: 1
    assert int(web.state.get("violations", 0)) == 0


def test_whole_run_is_quick(worst_web):
    assert worst_web["elapsed"] < 8


def test_host_slows_down_as_a_whole_after_429():
    web = Server({f"/p{i}": rate_limited(1.0, "1") for i in range(8)}, latency=0.02)
    for i in range(8):  # one shared limiter for all paths
        web.routes[f"/p{i}"] = web.routes["/p0"]
    web.start()
    try:
        links = [url_link(web.url(f"/p{i}"), f"p{i}") for i in range(8)]
        report = check_links(links, CheckOptions(per_host=4, **FAST))
        assert [r.verdict.value for r in report.results] == ["alive"] * 8
        # after the first 429 came back, nobody hammered the host during its pause
        assert int(web.state.get("violations", 0)) == 0
    finally:
        web.stop()


def test_retry_after_beyond_the_bound_is_cant_tell():
    web = Server({"/x": lambda h: h.send(429, "no", {"Retry-After": "3600"})}).start()
    try:
        t0 = time.monotonic()
        report = check_links([url_link(web.url("/x"))], CheckOptions(max_retry_after=5, **FAST))
        out = report.results[0].outcome
        assert (out.verdict.value, out.status) == ("unsure", 429)
        assert "3600" in out.reason and time.monotonic() - t0 < 3
    finally:
        web.stop()


def test_limits_per_host_and_global():
    servers = [Server({f"/{i}": page(str(i)) for i in range(6)}, latency=0.15).start() for _ in range(3)]
    try:
        links = [url_link(s.url(f"/{i}"), f"{n}-{i}") for n, s in enumerate(servers) for i in range(6)]
        check_links(links, CheckOptions(per_host=2, concurrency=32, soft404=False, **FAST))
        assert max(s.max_inflight for s in servers) == 2
        for s in servers:
            s.max_inflight = 0
        lock = threading.Lock()
        active = [0, 0]

        def count(route):
            def r(h):
                with lock:
                    active[0] += 1
                    active[1] = max(active[1], active[0])
                try:
                    time.sleep(0.1)
                    route(h)
                finally:
                    with lock:
                        active[0] -= 1
            return r

        for s in servers:
            s.routes = {k: count(v) for k, v in s.routes.items()}
        check_links(links, CheckOptions(per_host=8, concurrency=3, soft404=False, **FAST))
        assert active[1] == 3
    finally:
        for s in servers:
            s.stop()


def test_a_url_cited_twice_is_requested_once():
    web = Server({"/a": page("a")}).start()
    try:
        links = [url_link(web.url("/a"), "one"), url_link(web.url("/a#section"), "two"),
                 url_link(web.url("/a").replace("http://", "HTTP://"), "three")]
        report = check_links(links, CheckOptions(**FAST))
        assert [r.verdict.value for r in report.results] == ["alive"] * 3
        assert web.requests_to("/a") == 1
    finally:
        web.stop()


def test_private_addresses_are_refused_by_default():
    web = Server({"/a": page("a")}).start()
    try:
        links = [url_link(web.url("/a"), "loop"), url_link(f"http://localhost:{web.port}/a", "name"),
                 url_link("http://169.254.169.254/latest/meta-data/", "metadata"),
                 url_link("http://[::1]:9/x", "v6")]
        report = check_links(links, CheckOptions(timeout=0.5))
        assert [r.verdict.value for r in report.results] == ["unsure"] * 4
        assert all("--allow-private" in r.outcome.reason for r in report.results), report.results
        assert web.total == 0
    finally:
        web.stop()


def test_redirect_to_a_private_address_is_refused(monkeypatch):
    # every connection is judged, redirects included: let 127.0.0.1 pass as "public" for this test
    # and redirect to the cloud metadata address
    import refkit.check.net as net

    real = net.is_public_ip
    monkeypatch.setattr(net, "is_public_ip", lambda ip: ip == "127.0.0.1" or real(ip))
    web = Server({"/a": redirect(302, "http://169.254.169.254/latest/meta-data/")}).start()
    try:
        report = check_links([url_link(web.url("/a"))], CheckOptions(timeout=0.5))
        out = report.results[0].outcome
        assert out.verdict.value == "unsure" and out.kind == "private", out.reason
        assert "169.254.169.254" in out.reason and "--allow-private" in out.reason
        assert web.requests_to("/a") >= 1
    finally:
        web.stop()


def test_no_network_ends_promptly_with_cant_tell(monkeypatch):
    jail(monkeypatch, offline=True)
    links = [url_link(f"https://site{i}.example.org/page", f"u{i}") for i in range(40)]
    links += [doi_link(f"10.1000/{i}", f"d{i}") for i in range(20)]
    links.append(url_link("https://gone.invalid/x", "invalid"))
    t0 = time.monotonic()
    report = check_links(links, CheckOptions(timeout=2, backoff=0.5))
    assert time.monotonic() - t0 < 5
    assert {r.verdict.value for r in report.results} == {"unsure"}
    assert report.exit_code == 3


def test_archive_suggestion_for_dead_links():
    web = Server({"/gone": status(404)}).start()
    wayback = Server({"/wayback/available": lambda h: h.send(200, (
        '{"archived_snapshots": {"closest": {"available": true, "status": "200", "timestamp": "20190101000000",'
        ' "url": "http://web.archive.org/web/20190101000000/' + web.url("/gone") + '"}}}'),
        ctype="application/json")}).start()
    try:
        lk = Link("k", "refs.bib", 3, "url", web.url("/gone"), url=web.url("/gone"), accessed="2019-01-02")
        report = check_links([lk], CheckOptions(archive=True, archive_api=wayback.url("/wayback/available"),
                                                **FAST))
        out = report.results[0].outcome
        assert out.verdict.value == "dead"
        assert out.archive_url == "https://web.archive.org/web/20190101000000/" + web.url("/gone")
        query = [p for _, _, p, _ in wayback.log]
        assert query == ["/wayback/available"]
    finally:
        web.stop()
        wayback.stop()


def test_is_public_ip():
    for ip in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "::1", "fe80::1",
               "fc00::1", "0.0.0.0", "100.64.0.1", "::ffff:127.0.0.1", "224.0.0.1"):
        assert not is_public_ip(ip), ip
    for ip in ("93.184.216.34", "2606:4700::1111", "8.8.8.8"):
        assert is_public_ip(ip), ip


def test_retry_after_parsing():
    assert retry_after_seconds("5") == 5
    assert retry_after_seconds(" 0 ") == 0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 10) == pytest.approx(10)
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_host_gate_pause_blocks_everyone():
    gate = HostGate(4)
    gate.throttle(0.3)
    t0 = time.monotonic()
    gate.acquire()
    gate.release()
    assert time.monotonic() - t0 >= 0.28
    assert gate.limit == 1


def test_host_that_answers_every_path_with_the_same_page_is_cant_tell():
    shell = page("My App", "Loading the application, please wait")
    spa = Server(fallback=shell).start()
    try:
        links = [url_link(spa.url("/docs/intro"), "a"), url_link(spa.url("/docs/whatever"), "b")]
        report = check_links(links, CheckOptions(**FAST))
        assert [r.verdict.value for r in report.results] == ["unsure", "unsure"]
        assert "same page" in report.results[0].outcome.reason
    finally:
        spa.stop()


def test_tls_certificate_problem_is_cant_tell(tmp_path):
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=localhost"], check=True, capture_output=True)
    web = Server({"/a": page("a")})
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(cert), str(key))
    web.httpd.socket = ctx.wrap_socket(web.httpd.socket, server_side=True)
    web.start()
    try:
        report = check_links([url_link(f"https://127.0.0.1:{web.port}/a")], CheckOptions(**FAST))
        out = report.results[0].outcome
        assert out.verdict.value == "unsure"
        assert out.reason.startswith("TLS/certificate problem: certificate verify failed"), out.reason
    finally:
        web.stop()


def test_repeated_timeouts_give_up_on_the_host():
    web = Server(fallback=hang).start()  # silent on every path (the soft-404 probe's too)
    try:
        links = [url_link(web.url(f"/h{i}"), f"h{i}") for i in range(6)]
        t0 = time.monotonic()
        report = check_links(links, CheckOptions(timeout=0.3, backoff=0.02, per_host=1, allow_private=True))
        assert time.monotonic() - t0 < 2.5  # three timeouts, then the host is not asked again
        assert [r.verdict.value for r in report.results] == ["unsure"] * 6
        assert "timed out" in report.results[0].outcome.reason
        assert "failed 3 times in a row" in report.results[-1].outcome.reason
        assert web.total == 3
    finally:
        web.stop()


def test_a_trickling_body_is_abandoned_at_the_deadline():
    from check_servers import trickle

    web = Server({"/t": head_refused(trickle())}).start()
    try:
        t0 = time.monotonic()
        report = check_links([url_link(web.url("/t"))], CheckOptions(**{**FAST, "timeout": 0.6}))
        assert report.results[0].outcome.verdict.value == "alive"
        assert time.monotonic() - t0 < 2.5
    finally:
        web.stop()


def test_trickling_headers_hit_the_total_deadline():
    from check_servers import trickle_headers

    web = Server({"/t": trickle_headers()}).start()
    try:
        t0 = time.monotonic()
        report = check_links([url_link(web.url("/t"))], CheckOptions(timeout=0.4, retries=0, backoff=0.01,
                                                                     allow_private=True))
        out = report.results[0].outcome
        assert (out.verdict.value, out.kind) == ("unsure", "timeout"), out.reason
        assert time.monotonic() - t0 < 3  # HEAD and GET, each cut at 2 x 0.4 s
    finally:
        web.stop()


@pytest.mark.parametrize("named_host_answers", [False, True])
def test_unknown_host_is_dead_only_where_names_resolve(monkeypatch, named_host_answers):
    """A sandbox or captive network may answer for IP addresses while its resolver knows no name: an
    unknown host name is then can't-tell, not dead. Once any host given by name answers, it is dead."""
    import socket

    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kw):  # type: ignore[no-untyped-def]
        if host == "gone.example":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    web = Server({"/ok": page("OK")}).start()
    try:
        base = f"http://localhost:{web.port}" if named_host_answers else web.url("")
        links = [url_link(base + "/ok", "ok"), url_link("http://gone.example/x", "gone")]
        report = check_links(links, CheckOptions(**FAST))
    finally:
        web.stop()
    by_key = {r.link.key: r.outcome for r in report.results}
    assert by_key["ok"].verdict.value == "alive"
    gone = by_key["gone"]
    if named_host_answers:
        assert gone.verdict.value == "dead" and "does not exist" in gone.reason
    else:
        assert gone.verdict.value == "unsure" and "did not resolve" in gone.reason
