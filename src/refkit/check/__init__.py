"""``refkit check``: is every cited URL and DOI still alive?

The pieces, in the order data flows through them:

* :mod:`refkit.check.extract` reads bibliographies and finds the links (with key and line);
* :mod:`refkit.check.runner` checks them (``check_files``, ``check_links``, ``Checker``), putting together
  :mod:`~refkit.check.scheduler` (worker pool, per-host limits and pacing),
  :mod:`~refkit.check.client` (the HTTP client: time budget, retries, redirects, body prefixes),
  :mod:`~refkit.check.soft404` (what each host answers for a nonexistent path),
  :mod:`~refkit.check.rules` (verdicts as pure functions of what was seen) and
  :mod:`~refkit.check.archive` (Wayback Machine snapshots of dead links);
* :mod:`refkit.check.pages` reads body prefixes (challenge pages, soft 404s);
* :mod:`refkit.check.net` guards addresses; :mod:`refkit.check.cache` remembers successes;
* :mod:`refkit.check.verdict` holds the results and the exit code; :mod:`refkit.check.report` renders them.
"""

from __future__ import annotations

from refkit.check.cache import LinkCache, parse_duration
from refkit.check.extract import Link, in_shard, load_links, parse_shard
from refkit.check.options import DEFAULT_ARCHIVE_API, DEFAULT_DOI_RESOLVER, CheckOptions
from refkit.check.runner import Checker, check_files, check_links
from refkit.check.verdict import CheckReport, LinkResult, Outcome, Verdict

__all__ = [
    "DEFAULT_ARCHIVE_API", "DEFAULT_DOI_RESOLVER", "CheckOptions", "CheckReport", "Checker", "Link",
    "LinkCache", "LinkResult", "Outcome", "Verdict", "check_files", "check_links", "in_shard", "load_links",
    "parse_duration", "parse_shard",
]
