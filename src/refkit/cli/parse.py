"""``refkit parse``: a reference list (text, markdown, notes) or a PDF paper -> BibTeX or CSL-JSON."""

from __future__ import annotations

import sys

import click

from refkit.bib import bibtex_writer, formats
from refkit.bib.keys import assign_keys
from refkit.cli.output import console, warn
from refkit.errors import ExitCode, InputError
from refkit.io import MAX_INPUT_BYTES, read_bytes, write_output

MAX_PDF_BYTES = 200 * 1024 * 1024

LABEL_STYLES = {
    "author": "bold cyan", "editor": "cyan", "translator": "cyan", "date": "yellow", "title": "bold green",
    "container-title": "magenta", "journal": "magenta", "volume": "blue", "issue": "blue", "pages": "blue",
    "publisher": "red", "location": "bright_red", "url": "underline bright_blue", "doi": "underline bright_blue",
    "accessed": "dim", "language": "dim", "genre": "bright_magenta", "edition": "blue", "note": "dim",
}


def _explain(doc, out) -> None:
    from rich.text import Text

    for p in doc.parsed:
        head = Text(f"{_at(doc, p.raw.line)} [{p.method}] {p.ref.type} {p.ref.id}", style="bold")
        out.print(head)
        if p.raw.reason:
            out.print(Text(f"  starts here: {p.raw.reason}", style="dim"))
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
    for s in doc.skipped:
        out.print(Text(f"{_at(doc, s.line)} skipped ({s.reason}): {s.text}", style="dim"))


def _at(doc, line: int) -> str:
    return doc.where(line).replace(doc.name + ": ", "") if doc.kind == "pdf" else f"line {line}"


@click.command("parse")
@click.argument("input", required=False, default="-", metavar="[INPUT|-]")
@click.option("-o", "--output", metavar="OUT", help="Write here instead of standard output (never over INPUT).")
@click.option("--to", "to", type=click.Choice(["bibtex", "biblatex", "csl-json", "csl-yaml", "ris", "endnote"]),
              help="Output format. Default: BibTeX that BibTeX and biber both read (year, plus the biblatex "
                   "date and urldate fields BibTeX styles ignore); bibtex = classic fields only, biblatex = "
                   "biblatex's fields (as refkit convert writes them).")
@click.option("--one-per-line", is_flag=True, help="Each non-empty line is exactly one reference.")
@click.option("--pages", metavar="PAGES", help="PDF input: read only these pages (e.g. 9-12, 3,5-7, 10-).")
@click.option("--keep-repeats", is_flag=True,
              help="Footnote lists: keep a work cited again (and ibid.) as its own entry instead of merging.")
@click.option("--strict", is_flag=True, help="Exit 1 if any reference could not be parsed or is unsure.")
@click.option("--explain", is_flag=True,
              help="Show why each reference starts where it does and which part became which field.")
@click.option("--model", metavar="MODEL", help="A tagger model made by 'refkit train' (instead of the shipped one).")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists (atomically); never the input.")
def parse_command(input: str, output: str | None, to: str | None, one_per_line: bool, pages: str | None,
                  keep_repeats: bool, strict: bool, explain: bool, model: str | None, force: bool) -> None:
    """Parse a reference list (a text file, a PDF paper, or - for standard input) into BibTeX or CSL-JSON.

    The list may have one reference per line, references wrapped over several lines, numbers
    ([1], 1.), blank lines or page breaks between references, markdown bullets and links, footnotes
    ([^1]: ...; ibid.), or be a whole paper, as text or PDF (the reference section is found; running
    heads, footers and page numbers are dropped). Headings and prose inside the list are skipped and
    listed on stderr, as are references refkit could not parse or is unsure of; --strict makes those
    a failure (exit 1).
    """
    from refkit.parse import parse_document, pdf

    if input == "-" and sys.stdin.isatty():
        raise click.UsageError("no INPUT given and nothing on standard input (try: refkit parse refs.txt)")
    data, name = read_bytes(input, MAX_PDF_BYTES)
    if not pdf.is_pdf(data) and len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB",
                         hint="split it into smaller files")
    if not pdf.is_pdf(data):
        from refkit.io import decode_text

        text, name, warnings = decode_text(data, name)
        warn(warnings)
    loaded = None
    if model:
        from refkit.parse import tagger

        loaded = tagger.load_model(model)
    doc = parse_document(data, name, pages=pages, one_per_line=one_per_line, keep_repeats=keep_repeats,
                         model=loaded)
    if not doc.parsed:
        raise InputError(f"no references found in {name}", hint="give one reference per line, or a list with numbers")
    refs = [p.ref for p in doc.parsed]
    for ref, key in zip(refs, assign_keys(refs), strict=True):
        ref.id = key
    if to is None:
        out = bibtex_writer.dumps(refs, assign=False)
    else:
        out, lost = formats.get(to).write(refs)
        warn(lost, verbose=False)
    if explain:
        _explain(doc, console(soft_wrap=True))
    if not explain or output:
        write_output(output, out, force=force, protect=None if input == "-" else input)
    if not explain:
        for s in doc.skipped:
            snippet = s.text if len(s.text) <= 70 else s.text[:67] + "..."
            click.echo(f"{doc.where(s.line)}: skipped: {s.reason}: {snippet}", err=True)
    problems = [p for p in doc.parsed if not p.ok]
    if explain and problems:  # --explain already shows them, beside the fields
        if strict:
            sys.exit(ExitCode.FINDINGS)
        return
    for p in problems:
        snippet = p.raw.text if len(p.raw.text) <= 70 else p.raw.text[:67] + "..."
        kind = "not parsed" if p.method == "none" else "unsure"
        click.echo(f"{doc.where(p.raw.line)}: {kind}: {'; '.join(p.unsure)}: {snippet}", err=True)
    if problems:
        click.echo(f"{len(problems)} of {len(doc.parsed)} references need a look.", err=True)
        if strict:
            sys.exit(ExitCode.FINDINGS)
