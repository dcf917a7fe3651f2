"""``refkit cited``: which keys a manuscript cites, against its bibliography; ``--prune`` keeps only those."""

from __future__ import annotations

import json

import click

from refkit.cli.output import format_option, warn
from refkit.errors import ExitCode


@click.command("cited")
@click.argument("docs", nargs=-1, required=True, metavar="DOC...")
@click.option("--bib", "bibs", multiple=True, metavar="FILE",
              help="The bibliography (repeatable). Default: [tool.refkit.cited] bib, else the files the documents "
                   "name (\\bibliography, \\addbibresource, bibliography: in the front matter), else the project's.")
@format_option("text", "json")
@click.option("--prune", is_flag=True, help="Write only the cited entries (and their crossref parents) to -o OUT.")
@click.option("-o", "--output", metavar="OUT", help="With --prune: where to write the cited subset.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists (atomically).")
def cited_command(docs: tuple[str, ...], bibs: tuple[str, ...], fmt: str, prune: bool, output: str | None,
                  force: bool) -> None:
    """Compare the keys cited in DOC... (LaTeX .tex, Markdown .md/.qmd, .aux, .bcf) with the bibliography.

    Reports keys cited but not defined (with file:line; exit 1), entries never cited, and keys cited only
    once. \\nocite{*} (or nocite: '@*') counts every entry as used.
    """
    from pathlib import Path

    from refkit.bib.bibliography import read_bibliography
    from refkit.config import default_bibliography
    from refkit.io import write_output
    from refkit.manage.cited import analyse, bibliographies_named, cited_keys, keep_with_parents, prune_bibtex

    if prune and not output:
        raise click.UsageError("--prune needs -o OUT")
    citations = cited_keys(list(docs))
    paths = [Path(b) for b in bibs]
    if not paths:
        from refkit.config import load_config

        conf, conf_file = load_config()
        table = conf.get("cited") if isinstance(conf.get("cited"), dict) else {}
        named = (table or {}).get("bib") or []
        if conf_file is not None:
            paths = [conf_file.parent / str(b) for b in ([named] if isinstance(named, str) else named)]
    if not paths:
        for d in docs:
            paths += [p for p in bibliographies_named(Path(d)) if p not in paths]
    if not paths:
        paths = [default_bibliography()]
    books = [read_bibliography(p) for p in paths]
    for b in books:
        warn(b.warnings, verbose=False)
    refs = [r for b in books for r in b.references]
    report = analyse(citations, refs)

    if prune:
        keep = keep_with_parents({k for k, _, _ in citations}, refs)
        if report.nocite_all:
            keep = {r.id for r in refs}
        parts = []
        for b, p in zip(books, paths, strict=True):
            if b.kind == "csl-json":
                parts.append(json.dumps([i for i in b.csl_items() if i.get("id") in keep], indent=2,
                                        ensure_ascii=False) + "\n")
            else:
                parts.append(prune_bibtex(p.read_text(encoding="utf-8", errors="replace"), keep))
        write_output(output, "\n".join(parts), force=force)
        n = sum(1 for r in refs if r.id in keep)
        click.echo(f"wrote {n} of {len(refs)} entries to {output}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    elif not prune:
        for key, file, line in report.undefined:
            hint = f" (did you mean {report.suggestions[key]}?)" if key in report.suggestions else ""
            click.echo(f"{file}:{line}: undefined key {key}{hint}")
        for r in report.unused:
            where = f"{r.source}:{r.line}" if r.line else str(r.source)
            click.echo(f"{where}: unused entry {r.id}")
        for key, file, line in report.cited_once:
            click.echo(f"{file}:{line}: cited once: {key}")
        keys = len({k for k, _, _ in citations if k != "*"})
        click.echo(f"{keys} keys cited {len(citations)} times; {len(report.undefined)} undefined, "
                   f"{len(report.unused)} unused, {len(report.cited_once)} cited once", err=True)
    raise SystemExit(ExitCode.FINDINGS if report.undefined else ExitCode.OK)
