"""``refkit dedupe``: report (or merge) the entries of one or more bibliographies that are the same work."""

from __future__ import annotations

import json

import click

from refkit.cli.output import format_option, warn
from refkit.errors import ExitCode, OutputError


@click.command("dedupe")
@click.argument("files", nargs=-1, metavar="[FILE...]")
@format_option("text", "json")
@click.option("--merge", is_flag=True, help="Merge each group into one entry (needs -o OUT or --in-place).")
@click.option("-o", "--output", metavar="OUT", help="With --merge: write the merged bibliography here.")
@click.option("--in-place", is_flag=True, help="With --merge: rewrite each FILE (atomically).")
@click.option("--key-map", "key_map", metavar="PATH",
              help="With --merge: write the key map (JSON, old key -> kept key) here. "
                   "Default: OUT (or the first FILE) with .keymap.json.")
@click.option("--separate-preprints", is_flag=True,
              help="Treat an arXiv preprint and its published version as two works "
                   "(also [tool.refkit.dedupe] separate-preprints = true).")
@click.option("--force", is_flag=True, help="Overwrite OUT or the key map if they exist.")
def dedupe_command(files: tuple[str, ...], fmt: str, merge: bool, output: str | None, in_place: bool,
                   key_map: str | None, separate_preprints: bool, force: bool) -> None:
    """Find entries that describe the same work: same DOI, arXiv id or ISBN, else the same title,
    first author and year written differently. Never groups entries whose authors and titles both differ.

    Without --merge this is a report (exit 1 when there are duplicates, 0 when there are none). With
    --merge each group becomes its richest entry plus the fields only the others have; the other keys go
    into a key map so that documents can be updated.
    """
    from pathlib import Path

    from refkit.config import default_bibliography
    from refkit.io import atomic_write, write_output
    from refkit.manage.dedupe import find_duplicates
    from refkit.manage.dedupe_merge import apply_bibtex, apply_csl_json, plan_merge, read_together

    if merge and not (output or in_place):
        raise click.UsageError("--merge needs -o OUT or --in-place")
    if output and in_place:
        raise click.UsageError("give -o OUT or --in-place, not both")
    from refkit.config import load_config

    conf, _ = load_config()
    table = conf.get("dedupe") if isinstance(conf.get("dedupe"), dict) else {}
    separate_preprints = separate_preprints or bool((table or {}).get("separate-preprints"))
    paths = list(files) or [str(default_bibliography())]
    bibs = read_together(paths)
    for b in bibs:
        warn(b.warnings, verbose=False)
    refs = [r for b in bibs for r in b.references]
    for b in bibs:
        for r in b.references:
            r.source = b.name
    groups = find_duplicates(refs, preprints=not separate_preprints)

    if not merge:
        if fmt == "json":
            click.echo(json.dumps({"groups": [g.to_dict() for g in groups],
                                   "summary": {"files": len(bibs), "entries": len(refs), "groups": len(groups),
                                               "duplicates": sum(len(g.keys) - 1 for g in groups)}},
                                  indent=2, ensure_ascii=False))
        else:
            for g in groups:
                where = ", ".join(f"{r.source}:{r.line} {r.id}" if r.line else f"{r.source} {r.id}" for r in g.refs)
                click.echo(f"{where}: {g.reason} (score {g.score:.3f})")
            n = sum(len(g.keys) - 1 for g in groups)
            click.echo(f"{len(groups)} group(s) of duplicates, {n} entr{'y' if n == 1 else 'ies'} to merge "
                       f"({len(refs)} entries read)" if groups else f"no duplicates among {len(refs)} entries",
                       err=True)
        raise SystemExit(ExitCode.FINDINGS if groups else ExitCode.OK)

    plan = plan_merge(groups)
    texts = []
    for b, p in zip(bibs, paths, strict=True):
        if b.kind == "csl-json":
            new = apply_csl_json(b.items or [], b.name, plan)
        else:
            new = apply_bibtex(Path(p).read_text(encoding="utf-8", errors="replace"), b.name, plan)
        texts.append(new)
    km_path = Path(key_map) if key_map else Path(output or paths[0]).with_suffix(".keymap.json")
    if km_path.exists() and not force and not in_place:
        raise OutputError(f"{km_path} already exists", hint="use --force, or choose another --key-map")
    if in_place:
        for p, new in zip(paths, texts, strict=True):
            atomic_write(p, new)
    else:
        write_output(output, "\n".join(texts) if len(texts) > 1 else texts[0], force=force)
    atomic_write(km_path, plan.key_map_json())
    click.echo(f"merged {len(groups)} group(s), removed {len(plan.key_map)} entr"
               f"{'y' if len(plan.key_map) == 1 else 'ies'}; key map in {km_path}", err=True)

