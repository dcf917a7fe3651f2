"""``refkit check``: is every cited URL and DOI still alive?

The pieces, in the order data flows through them:

* :mod:`refkit.check.extract` reads bibliographies and finds the links (with key and line);
* :mod:`refkit.check.engine` requests them (``Checker``, ``CheckOptions``);
* :mod:`refkit.check.pages` reads body prefixes (challenge pages, soft 404s);
* :mod:`refkit.check.net` guards addresses and paces hosts; :mod:`refkit.check.cache` remembers successes;
* :mod:`refkit.check.verdict` holds the results and the exit code; :mod:`refkit.check.report` renders them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from refkit.check.cache import LinkCache, parse_duration
from refkit.check.engine import DEFAULT_ARCHIVE_API, DEFAULT_DOI_RESOLVER, Checker, CheckOptions
from refkit.check.extract import Link, in_shard, load_links, parse_shard
from refkit.check.verdict import CheckReport, LinkResult, Outcome, Verdict

__all__ = [
    "DEFAULT_ARCHIVE_API", "DEFAULT_DOI_RESOLVER", "CheckOptions", "CheckReport", "Checker", "Link",
    "LinkCache", "LinkResult", "Outcome", "Verdict", "check_files", "check_links", "load_links",
    "parse_duration", "parse_shard",
]


def check_links(links: list[Link], options: CheckOptions | None = None, cache: LinkCache | None = None,
                progress: Callable[[int, int], None] | None = None) -> CheckReport:
    checker = Checker(options, cache)
    try:
        return checker.run(links, progress)
    finally:
        checker.close()


def check_files(paths: list[str | Path | None], options: CheckOptions | None = None,
                cache: LinkCache | None = None, shard: tuple[int, int] | None = None,
                progress: Callable[[int, int], None] | None = None) -> CheckReport:
    """Check every link cited in ``paths``; with ``shard=(i, n)`` only the i-th of n shares."""
    links, warnings = load_links(paths)
    if shard is not None:
        links = [lk for lk in links if in_shard(lk, *shard)]
    report = check_links(links, options, cache, progress)
    report.warnings[:0] = [str(w) for w in warnings]
    return report
