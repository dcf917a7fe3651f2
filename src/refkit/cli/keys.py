"""``refkit keys``: citation keys from a pattern; ``--check`` lists the keys that do not follow it,
``--apply`` renames them (and the crossrefs to them) and writes a key map old -> new."""

from __future__ import annotations

from pathlib import Path

import click

from refkit.cli.output import format_option, warn
from refkit.errors import ExitCode, InputError


@click.command("keys")
@click.argument("files", nargs=-1, metavar="[FILE...]")
@click.option("--pattern", metavar="PATTERN", default=None,
              help="Key pattern, e.g. '{auth:lower}{year}{veryshorttitle:lower}' (see the README for tokens).")
@click.option("--check", is_flag=True, help="List the keys that do not follow the pattern; exit 1 if any.")
@click.option("--apply", "apply_", is_flag=True, help="Rename the keys in the FILEs (atomically) and write a key map.")
@click.option("--map", "map_path", metavar="JSON",
              help="Where --apply writes the key map old -> new (default: FILE's name with .keymap.json).")
@format_option("text", "json", "github", "sarif")
def keys_command(files: tuple[str, ...], pattern: str | None, check: bool, apply_: bool, map_path: str | None,
                 fmt: str) -> None:
    """Make citation keys for the entries of FILEs (default: the project bibliography) from a pattern.

    Without --check or --apply, prints what would be renamed (old -> new). Keys that already follow
    the pattern are kept; clashes get a, b, c. The pattern's default comes from [tool.refkit.keys] pattern.
    Exit codes: 0 done, 1 --check found keys to change, 2 bad input or pattern.
    """
    from refkit.config import command_options, default_bibliography
    from refkit.io import atomic_write, read_input
    from refkit.manage import keys
    from refkit.manage.lint_scan import scan
    from refkit.report import ReportMeta, render

    if check and apply_:
        raise InputError("--check and --apply exclude each other", hint="choose one")
    conf = command_options("keys")
    pattern = pattern or str(conf.get("pattern") or keys.DEFAULT_PATTERN)
    keys.validate(pattern)
    paths = list(files) or [str(default_bibliography())]
    if apply_ and "-" in paths:
        raise InputError("--apply cannot rewrite standard input", hint="name the file")
    if map_path and len(paths) > 1:
        raise InputError("--map takes one input file", hint="run keys --apply once per file")
    problems, names = [], []
    for p in paths:
        text, name, warns = read_input(p)
        warn(warns)
        names.append(name)
        changes = keys.plan(scan(text), pattern)
        if apply_:
            if changes:
                atomic_write(name, keys.apply(text, changes))
                target = map_path or str(Path(name).with_suffix(".keymap.json"))
                keys.write_keymap(target, {c.old: c.new for c in changes if c.old})
                click.echo(f"{name}: renamed {len(changes)} key(s); key map in {target}", err=True)
            else:
                click.echo(f"{name}: every key follows {pattern}", err=True)
            continue
        if fmt == "text" and not check:
            for c in changes:
                click.echo(f"{name}:{c.line}: {c.old or '(no key)'} -> {c.new}")
            click.echo(f"{len(changes)} key{'' if len(changes) == 1 else 's'} to rename in {name}")
            continue
        problems.extend(keys.as_problems(changes, name, pattern))
    if apply_ or (fmt == "text" and not check):
        return
    click.echo(render(problems, fmt, ReportMeta("keys", names, {"key-pattern": "a key that does not follow "
                                                                 "the pattern"}, noun="key to rename")), nl=False)
    if check and problems:
        raise SystemExit(ExitCode.FINDINGS)
