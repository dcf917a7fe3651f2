"""``refkit tidy``: rewrite BibTeX files in one canonical layout; ``--check`` only says what would change."""

from __future__ import annotations

import click

from refkit.cli.output import format_option, warn
from refkit.errors import ExitCode, InputError


@click.command("tidy")
@click.argument("files", nargs=-1, metavar="[FILE...]")
@click.option("--check", is_flag=True, help="Change nothing: list the entries that would change; exit 1 if any.")
@click.option("-o", "--output", metavar="OUT", help="Write the tidy file here (one FILE only).")
@click.option("--in-place", "-i", "in_place", is_flag=True, help="Rewrite the FILEs themselves (atomically).")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@format_option("text", "json", "github", "sarif")
@click.option("--sort", type=click.Choice(["none", "key", "year", "author"]), default=None,
              help="Order the entries (default: keep their order).")
@click.option("--field-order", type=click.Choice(["canonical", "keep"]), default=None,
              help="Fields in the canonical order (author, title, ...), or as written.")
@click.option("--indent", metavar="N|tab", default=None, help="Indent fields by N spaces (default 2) or a tab.")
@click.option("--delimiters", type=click.Choice(["braces", "quotes"]), default=None,
              help="Write values in {braces} (default) or \"quotes\".")
@click.option("--numbers", type=click.Choice(["braces", "bare"]), default=None,
              help="All-digit values in braces (default) or bare (year = 2019).")
@click.option("--month", type=click.Choice(["macro", "number", "keep"]), default=None,
              help="Months as macros (jan, default), numbers, or as written.")
@click.option("--encoding", type=click.Choice(["keep", "unicode", "latex"]), default=None,
              help="Accented letters as written (default), as Unicode (ö), or as LaTeX ({\\\"o}).")
@click.option("--align/--no-align", default=None, help="Line up the '=' of an entry's fields.")
@click.option("--trailing-comma/--no-trailing-comma", default=None, help="A comma after the last field.")
@click.option("--remove-empty/--keep-empty", default=None, help="Drop fields with empty values.")
@click.option("--keys", "key_pattern", metavar="PATTERN", default=None,
              help="Also rename keys to PATTERN (as `refkit keys --apply`, without a key map).")
def tidy_command(files: tuple[str, ...], check: bool, output: str | None, in_place: bool, force: bool, fmt: str,
                 sort: str | None, field_order: str | None, indent: str | None, delimiters: str | None,
                 numbers: str | None, month: str | None, encoding: str | None, align: bool | None,
                 trailing_comma: bool | None, remove_empty: bool | None, key_pattern: str | None) -> None:
    """Rewrite BibTeX FILEs (default: the project bibliography) in one canonical layout.

    Only entries whose layout differs are rewritten; comments, @string, @preamble and @comment blocks
    are kept as they are, and tidying a tidy file changes nothing. Without -o or --in-place the result goes
    to standard output. Defaults come from [tool.refkit.tidy].
    Exit codes: 0 done (or already tidy), 1 --check found files to tidy, 2 bad input or options.
    """
    from refkit.config import command_options, default_bibliography
    from refkit.io import atomic_write, read_input, write_output
    from refkit.manage.tidy import TidyOptions, tidy_text
    from refkit.report import ReportMeta, render

    if indent is not None:
        indent_v: object = "\t" if indent == "tab" else (" " * int(indent) if indent.isdigit() else None)
        if indent_v is None:
            raise InputError(f"--indent {indent}: not a number of spaces", hint="use e.g. --indent 4 or --indent tab")
    else:
        indent_v = None
    opts = TidyOptions.from_config(
        command_options("tidy"), sort=sort, field_order=field_order, indent=indent_v, delimiters=delimiters,
        numbers=numbers, month=month, encoding=encoding, align=align, trailing_comma=trailing_comma,
        remove_empty=remove_empty, key_pattern=key_pattern)
    if opts.key_pattern:
        from refkit.manage.keys import validate

        validate(opts.key_pattern)
    paths = list(files) or [str(default_bibliography())]
    if output and len(paths) > 1:
        raise InputError("-o takes one input file", hint="use --in-place to tidy several files")
    if output and in_place:
        raise InputError("-o and --in-place exclude each other", hint="choose one")
    if not (check or output or in_place) and len(paths) > 1:
        raise InputError("several files and no --in-place, -o or --check", hint="add --in-place or --check")
    if in_place and "-" in paths:
        raise InputError("--in-place cannot rewrite standard input", hint="name the file")
    changes = []
    names = []
    for p in paths:
        text, name, warns = read_input(p)
        warn(warns)
        names.append(name)
        result = tidy_text(text, opts, name)
        changes.extend(result.changes)
        if check:
            continue
        if in_place:
            if result.text != text:
                atomic_write(name, result.text)
                click.echo(f"{name}: tidied {len(result.changes)} block(s)", err=True)
        else:
            write_output(output, result.text, force=force)
    if check:
        click.echo(render(changes, fmt, ReportMeta("tidy", names, {"tidy": "an entry not in the canonical layout"},
                                                 noun="entry to tidy")),
                   nl=False)
        if changes:
            raise SystemExit(ExitCode.FINDINGS)
