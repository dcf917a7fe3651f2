"""``refkit add``: fetch metadata for DOIs, arXiv ids, ISBNs, PMIDs or URLs and append entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


def network_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options add and enrich share: contact, services, cache, timeout, the private-address guard."""
    for opt in reversed([
        click.option("--mailto", metavar="EMAIL", help="Contact sent in the User-Agent (polite pools). "
                     "Default: [tool.refkit] mailto, else $REFKIT_MAILTO."),
        click.option("--service", "services", multiple=True, metavar="NAME=URL",
                     help="Base URL of a service (doi, crossref, datacite, arxiv, openlibrary, ncbi); also "
                          "[tool.refkit.services] and $REFKIT_<NAME>_URL."),
        click.option("--no-cache", is_flag=True, help="Ask the services again instead of using cached answers."),
        click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds per request."),
        click.option("--allow-private", is_flag=True,
                     help="Allow services on private or loopback addresses (a local mirror; tests)."),
    ]):
        f = opt(f)
    return f


def make_client(mailto: str | None, services: tuple[str, ...], no_cache: bool, timeout: float,
                allow_private: bool, min_interval: float | None = None):
    import os

    from refkit.config import load_config
    from refkit.manage.sources import SERVICES, Client, options_from

    conf, _ = load_config()
    urls: dict[str, str] = {}
    for s in services:
        name, sep, url = s.partition("=")
        if not sep or name.strip() not in SERVICES or not url.strip():
            raise click.UsageError(f"--service {s!r}: expected NAME=URL with NAME one of {', '.join(SERVICES)}")
        urls[name.strip()] = url.strip().rstrip("/")
    interval = min_interval
    if interval is None and os.environ.get("REFKIT_MIN_INTERVAL"):
        interval = float(os.environ["REFKIT_MIN_INTERVAL"])
    opts = options_from(conf, mailto=mailto or None, cache=not no_cache, timeout=timeout,
                        allow_private=allow_private, min_interval=interval)
    opts.services.update(urls)
    return Client(opts)


@click.command("add")
@click.argument("identifiers", nargs=-1, required=True, metavar="DOI|arXiv|ISBN|PMID|URL...")
@click.option("--to", "to", metavar="FILE", help="The bibliography to append to (created if missing). "
              "Default: the project bibliography.")
@click.option("--dry-run", is_flag=True, help="Print the new entries; write nothing.")
@network_options
def add_command(identifiers: tuple[str, ...], to: str | None, dry_run: bool, mailto: str | None,
                services: tuple[str, ...], no_cache: bool, timeout: float, allow_private: bool) -> None:
    """Fetch metadata for each identifier and append an entry with a fresh key to the bibliography.

    DOIs go through doi.org content negotiation (CSL-JSON), then Crossref, then DataCite; arXiv ids
    through the arXiv API; ISBNs through Open Library; PMIDs through NCBI; other URLs through the page's
    citation meta tags. Works already in the bibliography are not added again. A network failure exits
    with 3 and writes nothing.
    """
    from pathlib import Path

    from refkit.config import default_bibliography
    from refkit.manage.add import add, check_target

    target = Path(to) if to else (None if dry_run and not _has_default() else default_bibliography())
    if target is not None:
        check_target(target, create=bool(to))
    client = make_client(mailto, services, no_cache, timeout, allow_private)
    result = add(list(identifiers), target, client, dry_run=dry_run)
    for ident, key in result.already:
        click.echo(f"{ident}: already in the bibliography as {key}", err=True)
    if dry_run:
        click.echo(result.text, nl=False)
        return
    for ident, ref in result.added:
        click.echo(f"added {ref.id} ({ident}) to {target}", err=True)


def _has_default() -> bool:
    from refkit.config import default_bibliography
    from refkit.errors import RefkitError

    try:
        default_bibliography()
        return True
    except RefkitError:
        return False
