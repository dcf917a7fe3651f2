"""The network layer under the checker: a requests session that refuses private addresses, a watchdog
for requests that outlive their deadline, and helpers (proxies, Retry-After, naming failures).

Private addresses are refused where the connection is made: the host name is resolved once, every
address is checked, and the socket is opened to an allowed address only. A redirect to
``169.254.169.254`` or a name that resolves to ``10.0.0.1`` (DNS rebinding) is refused the same way.
"""

from __future__ import annotations

import email.utils
import errno
import heapq
import ipaddress
import os
import socket
import threading
import time
from http.cookiejar import CookiePolicy

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as u3connection


class BlockedAddress(Exception):
    """The host resolves only to private, loopback, link-local or otherwise non-public addresses.

    Deliberately not an OSError, so urllib3 neither wraps nor retries it."""

    def __init__(self, host: str, addresses: list[str]) -> None:
        if addresses == [host.strip("[]")]:
            msg = f"{host} is a private, loopback or link-local address"
        else:
            msg = f"{host} resolves to a private, loopback or link-local address ({', '.join(addresses)})"
        super().__init__(msg)
        self.host = host
        self.addresses = addresses


def is_public_ip(ip: str) -> bool:
    """False for private, loopback, link-local, multicast, reserved and unspecified addresses
    (IPv4-mapped IPv6 addresses are judged by their IPv4 address)."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address):
        mapped = addr.ipv4_mapped or addr.sixtofour
        if mapped is not None:
            addr = mapped
        elif addr in ipaddress.ip_network("64:ff9b::/96"):  # NAT64 of an IPv4 address
            addr = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return not (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_multicast
                or addr.is_reserved or addr.is_unspecified or not addr.is_global)


def is_reserved_name(host: str) -> bool:
    """RFC 6761 names that never resolve: answered locally, no DNS query is sent."""
    h = host.lower().rstrip(".")
    return h == "invalid" or h.endswith(".invalid")


class _GuardMixin:
    allow_private = False
    host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None
    socket_options: list[tuple[int, int, int | bytes]] | None  # as urllib3 declares it

    def _new_conn(self) -> socket.socket:
        host = self.host
        if is_reserved_name(host):
            err = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            raise NameResolutionError(host, self, err)  # type: ignore[arg-type]
        try:
            infos = socket.getaddrinfo(host, self.port, 0, socket.SOCK_STREAM)
        except socket.gaierror as e:
            raise NameResolutionError(host, self, e) from e  # type: ignore[arg-type]
        addrs: list[str] = []
        for info in infos:
            ip = str(info[4][0])
            if ip not in addrs:
                addrs.append(ip)
        allowed = addrs if self.allow_private else [a for a in addrs if is_public_ip(a)]
        if not allowed:
            raise BlockedAddress(host, addrs)
        last: Exception | None = None
        for ip in allowed:
            try:
                return u3connection.create_connection(
                    (ip, self.port), self.timeout, source_address=self.source_address,
                    socket_options=self.socket_options)
            except TimeoutError:
                last = ConnectTimeoutError(self, f"Connection to {host} timed out. (connect timeout={self.timeout})")
            except OSError as e:
                last = NewConnectionError(self, f"Failed to establish a new connection: {e}")  # type: ignore[arg-type]
        assert last is not None
        raise last


class _WatchedPoolMixin:
    """Tells the current request's :class:`Watch` which connection it is using."""

    def _make_request(self, conn: object, *args: object, **kw: object) -> object:
        watch = getattr(_current, "watch", None)
        if watch is not None:
            watch.conn = conn
        return super()._make_request(conn, *args, **kw)  # type: ignore[misc]


def _pool_classes(allow_private: bool) -> dict[str, type]:
    attrs = {"allow_private": allow_private}
    http_conn = type("GuardedHTTPConnection", (_GuardMixin, HTTPConnection), attrs)
    https_conn = type("GuardedHTTPSConnection", (_GuardMixin, HTTPSConnection), attrs)
    return {
        "http": type("GuardedHTTPConnectionPool", (_WatchedPoolMixin, HTTPConnectionPool),
                     {"ConnectionCls": http_conn}),
        "https": type("GuardedHTTPSConnectionPool", (_WatchedPoolMixin, HTTPSConnectionPool),
                      {"ConnectionCls": https_conn}),
    }


_current = threading.local()


class Watch:
    """One request under a watchdog: ``fire`` shuts its socket down."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.conn: object | None = None
        self.fired = False
        self.finished = False
        self._lock = threading.Lock()

    def __lt__(self, other: Watch) -> bool:
        return self.deadline < other.deadline

    def fire(self) -> None:
        with self._lock:
            if self.finished:
                return
            self.fired = True
            sock = getattr(self.conn, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def finish(self) -> None:
        with self._lock:
            self.finished = True


class Watchdog:
    """Ends requests that outlive a total deadline. Read timeouts alone cannot: a server that
    trickles its headers a byte at a time never leaves the socket idle for long."""

    def __init__(self) -> None:
        self._heap: list[Watch] = []
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    def start(self, seconds: float) -> Watch:
        return self.start_until(time.monotonic() + seconds)

    def start_until(self, deadline: float) -> Watch:
        w = Watch(deadline)
        with self._cond:
            sooner = not self._heap or deadline < self._heap[0].deadline
            heapq.heappush(self._heap, w)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="refkit-check-watchdog", daemon=True)
                self._thread.start()
            if sooner:  # the watchdog sleeps until the earliest deadline: wake it only to move that
                self._cond.notify()
        _current.watch = w
        return w

    def stop(self, w: Watch) -> None:
        w.finish()
        _current.watch = None

    def close(self) -> None:
        """Stop watching; requests still running (a soft-404 probe nobody waits for) are cut off."""
        with self._cond:
            self._closed = True
            pending, self._heap = self._heap, []
            self._cond.notify()
        for w in pending:
            w.fire()

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                now = time.monotonic()
                while self._heap and (self._heap[0].finished or self._heap[0].deadline <= now):
                    w = heapq.heappop(self._heap)
                    if not w.finished:
                        w.fire()
                wait = self._heap[0].deadline - now if self._heap else None
                self._cond.wait(timeout=wait)


class GuardedAdapter(HTTPAdapter):
    """An HTTPAdapter whose direct connections go through the address guard."""

    def __init__(self, allow_private: bool = False, **kw: object) -> None:
        self._allow_private = allow_private
        super().__init__(**kw)  # type: ignore[arg-type]

    def init_poolmanager(self, *args: object, **kw: object) -> None:
        super().init_poolmanager(*args, **kw)  # type: ignore[arg-type]
        self.poolmanager.pool_classes_by_scheme = _pool_classes(self._allow_private)

    def __setstate__(self, state: dict[str, object]) -> None:  # pragma: no cover - pickling
        self._allow_private = bool(state.pop("_allow_private", False))
        super().__setstate__(state)


def make_session(allow_private: bool, pool_size: int) -> requests.Session:
    s = requests.Session()
    adapter = GuardedAdapter(allow_private=allow_private, pool_connections=256, pool_maxsize=pool_size,
                             max_retries=0)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    # cookies live for one link's redirect chain (passed per request), never across links
    s.cookies.set_policy(_NoCookies())
    # the environment is read once by the checker (proxies per host), not on every request
    s.trust_env = False
    bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
    if bundle:
        s.verify = bundle
    return s


class _NoCookies(CookiePolicy):  # a cookielib policy that accepts nothing into the session jar
    netscape = True
    rfc2965 = False
    hide_cookie2 = False

    def set_ok(self, cookie: object, request: object) -> bool:
        return False

    def return_ok(self, cookie: object, request: object) -> bool:
        return False

    def domain_return_ok(self, domain: str, request: object) -> bool:
        return False

    def path_return_ok(self, path: str, request: object) -> bool:
        return False


def proxies_for(url: str) -> dict[str, str]:
    """The proxies the environment (HTTPS_PROXY, NO_PROXY ...) sets for ``url``."""
    try:
        return dict(requests.utils.get_environ_proxies(url))
    except Exception:  # pragma: no cover - malformed proxy settings
        return {}


def check_host_through_proxy(host: str, allow_private: bool) -> None:
    """Behind a proxy the guard never sees the target's address; resolve it here instead
    (best effort: the proxy may resolve differently)."""
    if allow_private or is_reserved_name(host):
        return
    try:
        ipaddress.ip_address(host.strip("[]"))
        addrs = [host.strip("[]")]
    except ValueError:
        try:
            addrs = sorted({str(i[4][0]) for i in socket.getaddrinfo(host, None, 0, socket.SOCK_STREAM)})
        except socket.gaierror:
            return
    if not any(is_public_ip(a) for a in addrs):
        raise BlockedAddress(host, addrs)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date. None when absent/invalid."""
    if not value:
        return None
    v = value.strip()
    try:
        return max(0.0, float(v))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def classify_oserror(exc: BaseException) -> str:
    """Name the network failure behind a requests/urllib3 exception chain."""
    seen: set[int] = set()
    e: BaseException | None = exc
    text = ""
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, BlockedAddress):
            return "private"
        if isinstance(e, socket.gaierror):
            return "nxdomain" if e.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)) else "dns"
        if isinstance(e, NameResolutionError):
            text += " " + str(e)
        if isinstance(e, ConnectionRefusedError) or getattr(e, "errno", None) == errno.ECONNREFUSED:
            return "refused"
        if getattr(e, "errno", None) in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
            return "unreachable"
        if isinstance(e, ConnectionResetError) or getattr(e, "errno", None) in (errno.ECONNRESET, errno.EPIPE):
            return "reset"
        text += " " + str(e)
        nxt = e.__cause__ or e.__context__
        if nxt is None and e.args and isinstance(e.args[0], BaseException):
            nxt = e.args[0]
        if nxt is None and len(e.args) > 1 and isinstance(e.args[1], BaseException):
            nxt = e.args[1]
        e = nxt
    low = text.lower()
    if "name or service not known" in low or "nodename nor servname" in low or "no address associated" in low:
        return "nxdomain"
    if "temporary failure in name resolution" in low or "failed to resolve" in low:
        return "dns"
    if "refused" in low:
        return "refused"
    if "network is unreachable" in low or "no route to host" in low:
        return "unreachable"
    if "reset" in low or "remotedisconnected" in low or "aborted" in low or "broken pipe" in low:
        return "reset"
    return "connection"


def _is_ip_literal(host: str) -> bool:
    """``host`` (a host name or netloc, with or without a port) is an IP address, not a name."""
    h = host.rsplit("@", 1)[-1]
    h = h[1:h.index("]")] if h.startswith("[") and "]" in h else h.rsplit(":", 1)[0] if h.count(":") == 1 else h
    try:
        ipaddress.ip_address(h)
        return True
    except ValueError:
        return False


class NetworkHealth:
    """Notices a machine without network: no answer at all and many failures in a row."""

    def __init__(self, threshold: int = 8) -> None:
        self.threshold = threshold
        self.answers = 0
        self.named_answers = 0  # answers from a host given by name: proof that name resolution works
        self.failures = 0
        self._lock = threading.Lock()

    def answered(self, host: str = "") -> None:
        with self._lock:
            self.answers += 1
            if host and not _is_ip_literal(host):
                self.named_answers += 1

    def failed(self) -> None:
        with self._lock:
            self.failures += 1

    @property
    def offline(self) -> bool:
        return self.answers == 0 and self.failures >= self.threshold
