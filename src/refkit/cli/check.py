"""``refkit check``: are the URLs and DOIs a bibliography cites still alive?"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from refkit.cli.output import console, format_option, warn
from refkit.errors import RefkitError

# text is a table on a terminal; github writes annotations (and a job summary), the rest are files for tools
FORMATS = ("text", "json", "junit", "github", "sarif", "markdown")


def _duration(ctx: click.Context, param: click.Parameter, value: str) -> float:
    from refkit.check.cache import parse_duration

    try:
        return parse_duration(value)
    except RefkitError as e:
        raise click.BadParameter(f"{e.message} ({e.hint})") from None


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    from refkit.check.extract import parse_shard

    if value is None:
        return None
    try:
        return parse_shard(value)
    except ValueError as e:
        raise click.BadParameter(f"{e} (for example --shard 2/4)") from None


def _url(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from urllib.parse import urlsplit

    p = urlsplit(value)
    if p.scheme not in ("http", "https") or not p.netloc:
        raise click.BadParameter(f"{value!r} is not an http(s) URL")
    return value


_STYLE = {"alive": "green", "moved": "yellow", "dead": "bold red", "malformed": "bold red",
          "unsure": "magenta", "skipped": "dim"}


def _table(report, show_all: bool):
    from rich.table import Table
    from rich.text import Text

    from refkit.check.report import advice, link_text

    table = Table(show_lines=False, header_style="bold", expand=False)
    for col in ("Verdict", "Entry", "Line", "Link", "Status", "Reason"):
        table.add_column(col, overflow="fold")
    for r in report.results:
        if not (show_all or r.verdict.is_problem):
            continue
        reason = r.outcome.reason + (f"\n→ {advice(r)}" if advice(r) else "")
        table.add_row(Text(r.verdict.label, style=_STYLE[r.verdict.value]), Text(r.link.key),
                      Text(str(r.link.line or "")), Text(link_text(r)), Text(str(r.outcome.status or "")),
                      Text(reason))
    return table


@click.command("check")
@click.argument("files", nargs=-1, metavar="[FILE.bib|FILE.json ...]")
@format_option(*FORMATS)
@click.option("-o", "--output", metavar="OUT", help="Write the report here instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@click.option("--all", "show_all", is_flag=True, help="List alive links too (text, markdown, github, sarif).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds to wait for a connection or for any byte; a silent server ends the link. "
                   "All requests of one link together last at most 1.5 times this (plus any Retry-After).")
@click.option("--concurrency", type=click.IntRange(1, 256), default=32, show_default=True,
              help="Requests in flight over all hosts.")
@click.option("--per-host", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Requests in flight to any one host.")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Extra tries after a server error (5xx) or a reset.")
@click.option("--retry-timeouts", is_flag=True,
              help="Retry requests that time out too (by default a link gets one --timeout to answer).")
@click.option("--max-retry-after", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Longest Retry-After (seconds) to wait for; a longer one makes the link can't-tell.")
@click.option("--doi-resolver", envvar="REFKIT_DOI_RESOLVER", default="https://doi.org/", show_default=True,
              callback=_url, help="Base URL DOIs are checked through (env REFKIT_DOI_RESOLVER).")
@click.option("--cache-ttl", default="7d", show_default=True, callback=_duration, metavar="DURATION",
              help="How long a successful check stays valid: 3600, 30m, 12h, 7d.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache.")
@click.option("--shard", callback=_shard, metavar="I/N", help="Check only the I-th of N shares of the links (CI matrix).")
@click.option("--allow-private", is_flag=True,
              help="Also request private, loopback and link-local addresses (refused by default).")
@click.option("--archive", is_flag=True, help="For dead links, look up an archived copy (Wayback Machine).")
@click.option("--archive-api", envvar="REFKIT_ARCHIVE_API", default="https://archive.org/wayback/available",
              show_default=True, callback=_url, help="Availability API for --archive (env REFKIT_ARCHIVE_API).")
def check_command(files: tuple[str, ...], fmt: str, output: str | None, force: bool, show_all: bool,
                  timeout: float, concurrency: int, per_host: int, retries: int, retry_timeouts: bool,
                  max_retry_after: float,
                  doi_resolver: str, cache_ttl: float, no_cache: bool, shard: tuple[int, int] | None,
                  allow_private: bool, archive: bool, archive_api: str) -> None:
    """Check every URL (url, howpublished, URLs in note) and DOI cited in the bibliographies
    (default: the project bibliography).

    Verdicts: alive; moved (permanent redirect: cite the new URL); dead; malformed (cannot be
    requested as written, with a suggested repair); can't tell (bot protection, rate limits,
    timeouts, no network); skipped (not an HTTP link).

    Formats: text (a table on a terminal), json, junit, github (annotations on the entries' lines,
    and a job summary in $GITHUB_STEP_SUMMARY), sarif (code scanning), markdown.

    Exit codes: 0 all alive (moved links are warnings), 1 something dead or malformed,
    3 only can't-tell problems, 2 usage or input error.
    """
    from refkit.check import CheckOptions, LinkCache, check_files
    from refkit.check.report import RENDERERS, render_markdown
    from refkit.io import write_output

    paths: list[Any] = list(files)
    if not paths:
        from refkit.config import default_bibliography

        paths = [default_bibliography()]
    options = CheckOptions(timeout=timeout, concurrency=concurrency, per_host=per_host, retries=retries,
                           retry_timeouts=retry_timeouts, max_retry_after=max_retry_after,
                           doi_resolver=doi_resolver, allow_private=allow_private, archive=archive,
                           archive_api=archive_api)
    cache = None if no_cache else LinkCache(cache_ttl)

    err = console(stderr=True)
    bar: Any = None
    progress = None
    if err.is_terminal and os.environ.get("CI") is None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=err, transient=True)
        task = bar.add_task("check", total=None)
        started: list[None] = []

        def progress(done: int, total: int) -> None:
            if total and not started:  # shown once there is something to request
                started.append(bar.start())
            bar.update(task, completed=done, total=total)

    try:
        report = check_files(paths, options, cache, shard, progress)
    finally:
        if bar is not None:
            bar.stop()
    warn(report.warnings)

    if fmt == "text" and output is None and sys.stdout.isatty():
        out = console()
        if any(show_all or r.verdict.is_problem for r in report.results):
            out.print(_table(report, show_all))
        out.print(report.summary(), style="bold")
    else:
        write_output(output, RENDERERS[fmt](report, show_all), force=force)
        if fmt != "text" and output is not None:
            click.echo(report.summary(), err=True)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as fh:
                fh.write(render_markdown(report, False))
        except OSError:
            pass
    sys.exit(report.exit_code)
