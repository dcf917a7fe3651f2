"""``refkit enrich``: fill missing DOIs and fields of existing entries (shown as a diff; --yes applies)."""

from __future__ import annotations

import json

import click

from refkit.cli.add import make_client, network_options
from refkit.cli.output import format_option, warn


@click.command("enrich")
@click.argument("file", required=False, metavar="[FILE]")
@click.option("-k", "--key", "keys", multiple=True, metavar="K", help="Only these entries (repeatable).")
@click.option("--yes", is_flag=True, help="Apply the changes to FILE (atomically); without it nothing is written.")
@format_option("text", "json")
@network_options
def enrich_command(file: str | None, keys: tuple[str, ...], yes: bool, fmt: str, mailto: str | None,
                   services: tuple[str, ...], no_cache: bool, timeout: float, allow_private: bool) -> None:
    """Look up each entry (by its DOI, else a Crossref search on title, first author and year) and fill
    its empty fields: DOI, journal, volume, issue, pages, publisher ...

    A match is accepted only when it is the same work by dedupe's rules, so it can never change both
    the authors and the title; existing values are never replaced. The changes are shown as a diff;
    --yes writes them.
    """
    from pathlib import Path

    from refkit.bib.bibliography import read_bibliography
    from refkit.config import default_bibliography
    from refkit.io import atomic_write
    from refkit.manage.dedupe_merge import MergePlan, apply_bibtex, apply_csl_json
    from refkit.manage.enrich import enrich

    path = Path(file) if file else default_bibliography()
    bib = read_bibliography(path)
    warn(bib.warnings, verbose=False)
    client = make_client(mailto, services, no_cache, timeout, allow_private)
    result = enrich(bib.references, client, set(keys) or None)
    if fmt == "json":
        click.echo(json.dumps({"changes": [c.to_dict() for c in result.changes],
                               "unmatched": [{"key": r.id, "file": r.source, "line": r.line} for r in result.unmatched],
                               "summary": {"entries": len(bib.references), "changed": len(result.changes),
                                           "unmatched": len(result.unmatched), "applied": yes}},
                              indent=2, ensure_ascii=False))
    else:
        for c in result.changes:
            click.echo(f"{c.ref.source}:{c.ref.line} {c.ref.id} (from {c.source}, score {c.score:.2f})")
            for f, v in c.filled.items():
                click.echo(f"  + {f} = {v}")
        click.echo(f"{len(result.changes)} entr{'y' if len(result.changes) == 1 else 'ies'} can be filled, "
                   f"{len(result.unmatched)} without a safe match"
                   + ("" if yes or not result.changes else "; run with --yes to apply"), err=True)
    if yes and result.changes:
        plan = MergePlan(merged={c.new.id: c.new for c in result.changes})
        if bib.kind == "csl-json":
            atomic_write(path, apply_csl_json(bib.items or [], bib.name, plan))
        else:
            atomic_write(path, apply_bibtex(path.read_text(encoding="utf-8"), bib.name, plan))
        click.echo(f"wrote {len(result.changes)} changed entries to {path}", err=True)
