"""``refkit convert``: bibliography files from one format to another (refkit.bib.formats)."""

from __future__ import annotations

import click

from refkit.cli.options import sentence_case_option
from refkit.cli.output import warn

# the names of refkit.bib.formats.FORMATS (kept here so that `refkit --help` need not import the readers;
# tests/test_convert.py checks that the two agree)
FORMATS = ["bibtex", "biblatex", "csl-json", "csl-yaml", "ris", "endnote"]
BY_SUFFIX = {".json": "csl-json", ".csljson": "csl-json", ".yaml": "csl-yaml", ".yml": "csl-yaml", ".ris": "ris"}


@click.command("convert")
@click.argument("inputs", nargs=-1, metavar="IN...")
@click.option("--to", "to", type=click.Choice(FORMATS), help="Output format (default: from OUT's extension; "
              "a .bib needs --to bibtex or --to biblatex).")
@click.option("--from", "from_", type=click.Choice(FORMATS), help="Input format (default: sniffed from each "
              "file's content and extension).")
@click.option("-o", "--output", metavar="OUT", help="Write here instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists (atomically).")
@click.option("--strict", is_flag=True, help="Refuse input with any broken entry (exit 2) instead of warning.")
@sentence_case_option(default="never")
@click.option("-v", "--verbose", is_flag=True, help="List every warning (default: a count per kind).")
def convert_command(inputs: tuple[str, ...], to: str | None, from_: str | None, output: str | None, force: bool,
                    strict: bool, sentence_case: str, verbose: bool) -> None:
    """Convert IN... (BibTeX/biblatex, CSL-JSON, CSL-YAML or RIS; - for standard input) to another format,
    read as one bibliography (so @string macros may live in another file).

    --to bibtex writes classic fields (year, month, journal, address, @misc for web pages);
    --to biblatex writes date, journaltitle, location, urldate, @online. What the target cannot represent
    is listed as a warning on stderr, never dropped in silence.

    Exit codes: 0 converted (warnings included); 2 usage or input error (unreadable or malformed input,
    a broken entry with --strict, OUT exists without --force).
    """
    import sys
    from pathlib import Path

    from refkit.bib.bibliography import read_bibliography, write_bibliography

    if (not inputs or inputs == ("-",)) and sys.stdin.isatty():
        raise click.UsageError("no IN given and nothing on standard input (try: refkit convert refs.bib --to ris)")

    if not to:
        to = BY_SUFFIX.get(Path(output).suffix.lower()) if output else None
        if not to:
            raise click.UsageError("say which format to write with --to " + "|".join(FORMATS))
    from refkit.io import write_output

    bib = read_bibliography(list(inputs) or ["-"], fmt=from_, strict=strict, sentence_case=sentence_case)
    text, lost = write_bibliography(bib, to)
    warn(bib.warnings + lost, verbose=verbose)
    write_output(output, text, force=force)
    if output:
        click.echo(f"{len(bib.references)} entries written to {output} ({to}).", err=True)
