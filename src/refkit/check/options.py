"""The checker's options, with their defaults (the CLI's defaults are the same)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from refkit import __version__
from refkit.errors import RefkitError

DEFAULT_DOI_RESOLVER = "https://doi.org/"
DEFAULT_ARCHIVE_API = "https://archive.org/wayback/available"
DEFAULT_USER_AGENT = f"refkit/{__version__} (citation link checker; +https://pypi.org/project/refkit/)"
# all the requests of one link together (redirects, HEAD then GET, retries) last at most this many
# timeouts, plus any wait a server asked for; a request that hangs ends the link after one timeout
LINK_BUDGET = 1.5


@dataclass
class CheckOptions:
    timeout: float = 10.0  # seconds: to connect, and between bytes; a silent server ends the link
    concurrency: int = 32  # requests in flight over all hosts
    per_host: int = 8  # requests in flight to one host
    retries: int = 2  # extra tries after a 5xx or a reset (and a timeout, with retry_timeouts)
    retry_timeouts: bool = False  # a timeout is final unless this is set
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

    @property
    def link_budget(self) -> float:
        """Seconds all the requests of one link may take together (waits a server asked for aside)."""
        tries = 1 + self.retries if self.retry_timeouts else 1
        return LINK_BUDGET * self.timeout * tries
