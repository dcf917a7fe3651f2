"""Asking metadata services politely: identifiers, the HTTP client (User-Agent with a contact, an on-disk
cache, a pause between requests to one host, retries, the private-address guard of ``check``) and the
base URL of every service (configurable, so that tests point them at 127.0.0.1).

Services: doi.org content negotiation (CSL-JSON from Crossref, DataCite, mEDRA ...), the Crossref REST
API, the DataCite REST API, the arXiv API (Atom), Open Library (ISBN) and NCBI E-utilities (PMID).
Mapping their answers to the model is :mod:`refkit.manage.sources_map`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from refkit import __version__
from refkit.errors import InputError, NetworkError
from refkit.io import atomic_write

SERVICES = {
    "doi": "https://doi.org",
    "crossref": "https://api.crossref.org",
    "datacite": "https://api.datacite.org",
    "arxiv": "https://export.arxiv.org",
    "openlibrary": "https://openlibrary.org",
    "ncbi": "https://eutils.ncbi.nlm.nih.gov",
}
CSL_JSON = "application/vnd.citationstyles.csl+json"
RETRY_STATUSES = {429, 500, 502, 503, 504}


class NotFound(Exception):
    """The service answered and does not know the identifier (HTTP 404/410, or an empty answer)."""


# ------------------------------------------------------------------ identifiers
@dataclass(frozen=True)
class Identifier:
    kind: str  # doi, arxiv, isbn, pmid, url
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_ARXIV = re.compile(r"^(?:arxiv:\s*)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)$", re.I)


def isbn_ok(digits: str) -> bool:
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    return False


def parse_identifier(text: str) -> Identifier:
    """What kind of identifier ``text`` is: a DOI (bare, doi:, a doi.org link), an arXiv id or link, an
    ISBN (checked), a PMID (``pmid:123`` or a PubMed link; bare digits too short for an ISBN), or a URL."""
    t = text.strip()
    low = t.lower()
    m = re.match(r"^(?:https?://)?(?:www\.)?arxiv\.org/(?:abs|pdf)/(.+?)(?:\.pdf)?/?$", t, re.I)
    if m:
        t = low = "arxiv:" + m.group(1)
    m = re.match(r"^(?:https?://)?(?:dx\.)?doi\.org/(10\.\S+)$", t, re.I) or re.match(r"^doi:\s*(10\.\S+)$", t, re.I)
    if m or re.match(r"^10\.\d{4,9}/\S+$", t):
        doi = m.group(1) if m else t
        ax = re.match(r"10\.48550/arxiv\.(.+)$", doi, re.I)
        if ax:
            return Identifier("arxiv", ax.group(1))
        return Identifier("doi", doi.rstrip(".,;"))
    m = _ARXIV.match(t)
    if m:
        return Identifier("arxiv", m.group(1))
    m = re.match(r"^(?:https?://)?pubmed\.ncbi\.nlm\.nih\.gov/(\d+)/?$", t, re.I) or \
        re.match(r"^pmid:\s*(\d+)$", t, re.I)
    if m:
        return Identifier("pmid", m.group(1))
    digits = re.sub(r"[\s\-]", "", re.sub(r"^isbn(?:-1[03])?:?\s*", "", low)).upper()
    if len(digits) in (10, 13) and isbn_ok(digits):
        return Identifier("isbn", digits)
    if low.startswith("isbn"):
        raise InputError(f"{text!r} is not a valid ISBN (the check digit does not match)",
                         hint="copy the ISBN again; ISBN-10 and ISBN-13 are both fine")
    if t.isdigit() and len(t) <= 9:
        return Identifier("pmid", t)
    if re.match(r"^https?://\S+$", t, re.I):
        m = _DOI.search(t)
        if m and "doi" in urlsplit(t).netloc.lower():
            return Identifier("doi", m.group(1))
        return Identifier("url", t)
    raise InputError(f"{text!r} is not a DOI, arXiv id, ISBN, PMID or URL",
                     hint="e.g. 10.1000/xyz123, arXiv:2101.00001, 978-0-306-40615-7, pmid:12345678, https://...")


# ------------------------------------------------------------------ the client
def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "refkit" / "metadata"


@dataclass
class ClientOptions:
    services: dict[str, str] = field(default_factory=lambda: dict(SERVICES))
    mailto: str = ""
    allow_private: bool = False
    timeout: float = 20.0
    retries: int = 2
    min_interval: float = 0.5  # seconds between two requests to one host
    max_wait: float = 30.0  # the longest Retry-After honoured
    cache: bool = True
    cache_ttl: float = 30 * 86400
    cache_dir: Path | None = None


def options_from(conf: dict[str, Any], env: dict[str, str] | None = None, **overrides: Any) -> ClientOptions:
    """Options from ``[tool.refkit]`` (``mailto``, and a ``[tool.refkit.services]`` table of base URLs),
    then the environment (``REFKIT_MAILTO``, ``REFKIT_<SERVICE>_URL``), then explicit ``overrides``."""
    env = dict(os.environ if env is None else env)
    opts = ClientOptions()
    services = conf.get("services") if isinstance(conf.get("services"), dict) else {}
    for name in SERVICES:
        url = env.get(f"REFKIT_{name.upper()}_URL") or (services or {}).get(name)
        if url:
            opts.services[name] = str(url).rstrip("/")
    opts.mailto = str(env.get("REFKIT_MAILTO") or conf.get("mailto") or "")
    for k, v in overrides.items():
        if v is not None:
            setattr(opts, k, v)
    return opts


class Client:
    """GET with politeness. Raises :class:`NotFound` for 404/410 and :class:`NetworkError` (exit 3) when a
    service cannot be reached or keeps failing."""

    def __init__(self, opts: ClientOptions) -> None:
        from refkit.check.net import make_session  # the one import of check's guarded session

        self.opts = opts
        self.session = make_session(opts.allow_private, 4)
        contact = f"; mailto:{opts.mailto}" if opts.mailto else ""
        self.session.headers["User-Agent"] = f"refkit/{__version__} (refkit-cli bibliography tool{contact})"
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self.requests = 0

    def url(self, service: str, path: str) -> str:
        return self.opts.services[service].rstrip("/") + path

    def _cache_file(self, url: str, accept: str) -> Path:
        h = hashlib.sha256(f"{accept} {url}".encode()).hexdigest()[:32]
        return (self.opts.cache_dir or _cache_root()) / f"{h}.json"

    def _pause(self, host: str) -> None:
        with self._lock:
            wait = self._last.get(host, 0.0) + self.opts.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()

    def get(self, url: str, accept: str = "application/json", params: dict[str, str] | None = None) -> str:
        import requests

        full = requests.Request("GET", url, params=params).prepare().url or url
        cf = self._cache_file(full, accept)
        if self.opts.cache:
            try:
                data = json.loads(cf.read_text(encoding="utf-8"))
                if time.time() - float(data["time"]) < self.opts.cache_ttl:
                    return str(data["body"])
            except (OSError, ValueError, KeyError, TypeError):
                pass
        host = urlsplit(full).netloc
        last_error = ""
        for attempt in range(self.opts.retries + 1):
            self._pause(host)
            self.requests += 1
            try:
                r = self.session.get(full, headers={"Accept": accept}, timeout=self.opts.timeout,
                                     allow_redirects=True)
            except Exception as e:  # connection refused, DNS, timeout, TLS, a blocked private address
                last_error = _describe(e)
                if "private" in last_error:
                    break
                if attempt < self.opts.retries:
                    time.sleep(min(2 ** attempt * 0.5, self.opts.max_wait))
                continue
            if r.status_code in (404, 410):
                raise NotFound(full)
            if r.status_code in RETRY_STATUSES:
                last_error = f"HTTP {r.status_code}"
                wait = _retry_after(r.headers.get("Retry-After"))
                if wait is not None and wait > self.opts.max_wait or attempt == self.opts.retries:
                    break
                time.sleep(wait if wait is not None else min(2 ** attempt * 0.5, self.opts.max_wait))
                continue
            if r.status_code >= 400:
                raise NetworkError(f"{host} answered HTTP {r.status_code} for {full}",
                                   hint="the service refused the request; try again later")
            r.encoding = r.encoding or "utf-8"
            body = r.text
            if self.opts.cache:
                try:
                    cf.parent.mkdir(parents=True, exist_ok=True)
                    atomic_write(cf, json.dumps({"url": full, "time": time.time(), "body": body}))
                except OSError:
                    pass
            return body
        raise NetworkError(f"could not get {full}: {last_error}",
                           hint="check the connection (and [tool.refkit.services] URLs); nothing was written")


def _describe(e: Exception) -> str:
    text = str(e)
    if "private, loopback or link-local" in text:
        return text.split("(", 1)[0].strip() if "resolves" not in text else text
    for needle, say in (("timed out", "timed out"), ("Name or service not known", "unknown host"),
                        ("nodename nor servname", "unknown host"), ("Connection refused", "connection refused"),
                        ("SSLError", "TLS error")):
        if needle in text or needle in type(e).__name__:
            return say
    return type(e).__name__


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
