"""``refkit parse``: a plain-text reference list -> BibTeX or CSL-JSON."""

from __future__ import annotations

import json
import sys

import click

from refkit.bib import bibtex_writer
from refkit.bib.keys import assign_keys
from refkit.cli.output import console, warn
from refkit.errors import ExitCode
from refkit.io import read_input, write_output

LABEL_STYLES = {
    "author": "bold cyan", "editor": "cyan", "translator": "cyan", "date": "yellow", "title": "bold green",
    "container-title": "magenta", "journal": "magenta", "volume": "blue", "issue": "blue", "pages": "blue",
    "publisher": "red", "location": "bright_red", "url": "underline bright_blue", "doi": "underline bright_blue",
    "accessed": "dim", "language": "dim", "genre": "bright_magenta", "edition": "blue", "note": "dim",
}


def _explain(parsed, out) -> None:
    from rich.text import Text

    for p in parsed:
        head = Text(f"line {p.raw.line} [{p.method}] {p.ref.type} {p.ref.id}", style="bold")
        out.print(head)
        line = Text(p.raw.text)
        placed = []
        for label, seg in p.spans:
            seg = seg.strip()
            i = p.raw.text.find(seg) if seg else -1
            placed.append((i if i >= 0 else len(p.raw.text), label, seg))
            if i >= 0:
                line.stylize(LABEL_STYLES.get(label, "italic"), i, i + len(seg))
        out.print(line)
        for _, label, seg in sorted(placed, key=lambda t: t[0]):
            conf = p.field_confidence.get(label)
            extra = f"  ({conf:.2f})" if conf is not None else ""
            row = Text(f"  {label:>16}: ")
            row.append(seg.strip(), style=LABEL_STYLES.get(label, "italic"))
            row.append(extra, style="dim")
            out.print(row)
        for u in p.unsure:
            out.print(Text(f"  unsure: {u}", style="yellow"))
        out.print()


@click.command("parse")
@click.argument("input", required=False, default="-", metavar="[INPUT|-]")
@click.option("-o", "--output", metavar="OUT", help="Write here instead of standard output.")
@click.option("--to", "to", type=click.Choice(["bibtex", "csl-json"]), default="bibtex", show_default=True,
              help="Output format.")
@click.option("--one-per-line", is_flag=True, help="Each non-empty line is exactly one reference.")
@click.option("--strict", is_flag=True, help="Exit 1 if any reference could not be parsed or is unsure.")
@click.option("--explain", is_flag=True, help="Show which part of each reference became which field.")
@click.option("--model", metavar="MODEL", help="A tagger model made by 'refkit train' (instead of the shipped one).")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists (atomically).")
def parse_command(input: str, output: str | None, to: str, one_per_line: bool, strict: bool, explain: bool,
                  model: str | None, force: bool) -> None:
    """Parse a plain-text reference list (a file, or - for standard input) into BibTeX or CSL-JSON.

    The list may have one reference per line, references wrapped over several lines, numbers
    ([1], 1.), blank lines between references, or be a whole paper (the reference section is found).
    References that could not be parsed, or that refkit is unsure of, are listed on stderr with their
    line numbers; --strict makes that a failure (exit 1).
    """
    from refkit.parse import parse_text

    if input == "-" and sys.stdin.isatty():
        raise click.UsageError("no INPUT given and nothing on standard input (try: refkit parse refs.txt)")
    text, name, warnings = read_input(input)
    warn(warnings)
    loaded = None
    if model:
        from refkit.parse import tagger

        loaded = tagger.load_model(model)
    parsed = parse_text(text, one_per_line=one_per_line, model=loaded)
    if not parsed:
        from refkit.errors import InputError

        raise InputError(f"no references found in {name}", hint="give one reference per line, or a list with numbers")
    refs = [p.ref for p in parsed]
    for ref, key in zip(refs, assign_keys(refs), strict=True):
        ref.id = key
    if to == "bibtex":
        out = bibtex_writer.dumps(refs, assign=False)
    else:
        out = json.dumps([r.to_csl() for r in refs], ensure_ascii=False, indent=2) + "\n"
    if explain:
        _explain(parsed, console(soft_wrap=True))
    if not explain or output:
        write_output(output, out, force=force)
    problems = [p for p in parsed if not p.ok]
    for p in problems:
        snippet = p.raw.text if len(p.raw.text) <= 70 else p.raw.text[:67] + "..."
        kind = "not parsed" if p.method == "none" else "unsure"
        click.echo(f"{name}:{p.raw.line}: {kind}: {'; '.join(p.unsure)}: {snippet}", err=True)
    if problems:
        click.echo(f"{len(problems)} of {len(parsed)} references need a look.", err=True)
        if strict:
            sys.exit(ExitCode.FINDINGS)
