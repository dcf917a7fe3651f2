"""Loopback HTTP servers that behave like the web's worst, for the ``refkit check`` tests and the
benchmark. Everything binds 127.0.0.1 on a free port; nothing here ever reaches beyond loopback.

A :class:`Server` routes paths to small behaviour functions; unknown paths get a plain 404 unless a
``fallback`` is given (soft-404 hosts). Every request is logged (time, method, path, User-Agent).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Route = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _dispatch(self) -> None:
        srv = self.server.owner
        path = urlsplit(self.path).path
        with srv.lock:
            srv.hits[path] += 1
            srv.inflight += 1
            srv.max_inflight = max(srv.max_inflight, srv.inflight)
            srv.log.append((time.monotonic(), self.command, path, self.headers.get("User-Agent", "")))
        try:
            if srv.latency:
                time.sleep(srv.latency)
            route = srv.routes.get(path) or srv.fallback or not_found
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            with srv.lock:
                srv.inflight -= 1

    do_GET = _dispatch
    do_HEAD = _dispatch

    # helpers for routes
    def send(self, status: int, body: bytes | str = b"", headers: dict[str, str] | None = None,
             ctype: str = "text/html; charset=utf-8") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD" and data:
            self.wfile.write(data)

    def redirect(self, status: int, location: str) -> None:
        self.send(status, "", {"Location": location})

    @property
    def owner(self) -> Server:
        return self.server.owner


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: Server


class Server:
    def __init__(self, routes: dict[str, Route] | None = None, fallback: Route | None = None,
                 latency: float = 0.0) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.fallback = fallback
        self.latency = latency
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[float, str, str, str]] = []
        self.lock = threading.Lock()
        self.inflight = 0
        self.max_inflight = 0
        self.release = threading.Event()  # set on stop: frees handlers that hang
        self.state: dict[str, object] = {}
        self.httpd = _HTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.owner = self
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def start(self) -> Server:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> int:
        with self.lock:
            return self.hits[path]

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.hits.values())


# ---------------------------------------------------------------- behaviours
def page(title: str, text: str = "") -> Route:
    body = (f"<!doctype html><html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>{text or 'An ordinary page about ' + title + ' with its own words.'}</p></body></html>")
    return lambda h: h.send(200, body)


def status(code: int, text: str = "") -> Route:
    return lambda h: h.send(code, f"<html><title>{code}</title><body>{text or code}</body></html>")


def not_found(h: Handler) -> None:
    h.send(404, "<html><title>404 Not Found</title><body>Not Found</body></html>")


def redirect(code: int, location: str) -> Route:
    return lambda h: h.redirect(code, location)


def flaky(failures: int, code: int = 503) -> Route:
    """``code`` for the first ``failures`` requests, then a page."""
    def route(h: Handler) -> None:
        with h.owner.lock:
            n = int(h.owner.state.get(h.path, 0))  # type: ignore[arg-type]
            h.owner.state[h.path] = n + 1
        if n < failures:
            h.send(code, "try again later")
        else:
            page("recovered")(h)
    return route


def rate_limited(window: float, retry_after: str = "1") -> Route:
    """429 with Retry-After for every request during ``window`` seconds after the first one; records
    requests that arrive after the client must have seen the 429 (``violations``)."""
    def route(h: Handler) -> None:
        srv = h.owner
        now = time.monotonic()
        with srv.lock:
            first = srv.state.setdefault("rl_first", now)
            assert isinstance(first, float)
            limited = now < first + window
            if limited and now > first + 0.15:
                srv.state["violations"] = int(srv.state.get("violations", 0)) + 1  # type: ignore[arg-type]
        if limited:
            h.send(429, "slow down", {"Retry-After": retry_after})
        else:
            page("after the pause")(h)
    return route


def head_refused(get_route: Route, code: int = 405) -> Route:
    def route(h: Handler) -> None:
        if h.command == "HEAD":
            h.send(code, "", {"Allow": "GET"})
        else:
            get_route(h)
    return route


def hang(h: Handler) -> None:
    h.owner.release.wait(30)
    h.close_connection = True


def slow(delay: float, then: Route) -> Route:
    def route(h: Handler) -> None:
        time.sleep(delay)
        then(h)
    return route


def huge(size: int = 200 * 1024 * 1024) -> Route:
    """A body of ``size`` bytes streamed in 64 KiB chunks; counts what was actually written."""
    chunk = b"x" * 65536

    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/octet-stream")
        h.send_header("Content-Length", str(size))
        h.end_headers()
        if h.command == "HEAD":
            return
        sent = 0
        try:
            while sent < size:
                h.wfile.write(chunk)
                sent += len(chunk)
                with h.owner.lock:
                    h.owner.state["huge_sent"] = sent
        except OSError:
            h.close_connection = True
    return route


def bot_blocker(inner: Route) -> Route:
    """403 unless the User-Agent looks like a browser."""
    def route(h: Handler) -> None:
        if h.headers.get("User-Agent", "").startswith("Mozilla/"):
            inner(h)
        else:
            h.send(403, "<html><title>Forbidden</title><body>Automated access denied</body></html>")
    return route


CHALLENGE_BODY = """<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>
<div id="challenge-running">Checking your browser before accessing the site.</div>
<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>"""


def challenge(h: Handler) -> None:
    h.send(403, CHALLENGE_BODY, {"cf-mitigated": "challenge", "Server": "cloudflare"})


def soft_not_found(h: Handler) -> None:
    """A host's "not found" page served with 200 (mentions the path, as many do)."""
    h.send(200, "<html><head><title>Page not found | Example Press</title></head><body><nav>Home About "
                "Journals Contact</nav><h1>Sorry, we couldn't find that page</h1>"
                f"<p>The page {h.path} does not exist or has moved.</p><footer>Example Press</footer>"
                "</body></html>")


def sends_home(h: Handler) -> None:
    h.redirect(302, "/")


def doi_resolver(known: dict[str, str]) -> Route:
    """A DOI resolver: known DOIs redirect (302) to their landing page, others answer 404."""
    def route(h: Handler) -> None:
        from urllib.parse import unquote
        doi = unquote(urlsplit(h.path).path.lstrip("/"))
        if doi.lower() in known:
            h.redirect(302, known[doi.lower()])
        else:
            h.send(404, "<html><title>DOI Not Found</title><body>DOI Not Found</body></html>")
    return route


def refused_port() -> int:
    """A loopback port with nothing listening: connecting to it is refused."""
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return int(port)


# ---------------------------------------------------------------- keeping tests on loopback
def jail(monkeypatch, offline: bool = False) -> None:
    """Make sure nothing leaves the machine: names other than localhost do not resolve (as on a
    machine without network: "temporary failure in name resolution"), connections to addresses
    other than loopback fail with "network unreachable", and proxy settings are ignored."""
    import errno
    import ipaddress
    import socket

    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy",
                "all_proxy", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def literal(host: object) -> bool:
        try:
            ipaddress.ip_address(str(host).split("%")[0])
            return True
        except ValueError:
            return False

    def loopback(host: object) -> bool:
        try:
            return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
        except ValueError:
            return False

    def getaddrinfo(host, *args, **kw):  # type: ignore[no-untyped-def]
        h = host.decode() if isinstance(host, bytes) else host
        if offline and not literal(h) or not (literal(h) or h in ("localhost", None)):
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real_getaddrinfo(host, *args, **kw)

    def connect(self, address):  # type: ignore[no-untyped-def]
        if isinstance(address, tuple) and not loopback(address[0]):
            raise OSError(errno.ENETUNREACH, "Network is unreachable")
        if offline and isinstance(address, tuple):
            raise OSError(errno.ENETUNREACH, "Network is unreachable")
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)


def trickle(size: int = 1024 * 1024, every: float = 0.1) -> Route:
    """Headers at once, then one byte every ``every`` seconds (never slower than a read timeout)."""
    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(size))
        h.end_headers()
        if h.command == "HEAD":
            return
        try:
            h.wfile.write(b"<html><title>slow</title>")
            h.wfile.flush()
            while not h.owner.release.wait(every):
                h.wfile.write(b" ")
                h.wfile.flush()
        except OSError:
            h.close_connection = True
    return route


def trickle_headers(every: float = 0.1) -> Route:
    """A status line, then a header that never ends, one byte at a time."""
    def route(h: Handler) -> None:
        try:
            h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            h.wfile.flush()
            while not h.owner.release.wait(every):
                h.wfile.write(b"a")
                h.wfile.flush()
        except OSError:
            pass
        h.close_connection = True
    return route
