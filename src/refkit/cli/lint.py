"""``refkit lint``: report broken or suspicious BibTeX entries; ``--fix`` repairs the safe ones."""

from __future__ import annotations

import click

from refkit.cli.output import format_option, warn
from refkit.errors import ExitCode, InputError, Problem


@click.command("lint")
@click.argument("files", nargs=-1, metavar="[FILE...]")
@click.option("--fix", is_flag=True, help="Apply the safe fixes in place (atomically), then report what is left.")
@format_option("text", "json", "github", "sarif")
@click.option("--disable", multiple=True, metavar="RULE", help="Switch a rule off (repeatable).")
@click.option("--dialect", type=click.Choice(["auto", "bibtex", "biblatex"]), default=None,
              help="Which required-field rules apply (default: auto, from the file's types and fields).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option("--list-rules", is_flag=True, help="List the rule ids, their severity and what they find.")
def lint_command(files: tuple[str, ...], fix: bool, fmt: str, disable: tuple[str, ...], dialect: str | None,
                 strict: bool, list_rules: bool) -> None:
    """Lint BibTeX/biblatex FILEs (default: the project bibliography) read together.

    Each finding has file:line, a rule id, a severity and, where safe, a fix. Rules are switched off or
    re-graded in [tool.refkit.lint] (disable = [...], severity = {rule = "warning"}).
    Exit codes: 0 no errors, 1 errors found (with --strict: any finding), 2 bad input or options.
    """
    from refkit.config import command_options, default_bibliography
    from refkit.manage.lint import LintOptions, fix_files, lint_texts, read_sources
    from refkit.manage.lint_tables import RULES
    from refkit.report import ReportMeta, render

    if list_rules:
        for rule, (sev, what) in RULES.items():
            click.echo(f"{rule:18} {sev:8} {what}")
        return
    options = LintOptions.from_config(command_options("lint"))
    for rule in disable:
        if rule not in RULES:
            raise InputError(f"unknown rule: {rule}", hint="`refkit lint --list-rules` shows the rule ids")
    options.disable |= set(disable)
    if dialect:
        options.dialect = dialect
    paths = list(files) or [str(default_bibliography())]
    fixed: dict[str, int] = {}
    if fix:
        if "-" in paths:
            raise InputError("--fix cannot rewrite standard input", hint="name the file to fix")
        fixed = fix_files(paths, options)
    sources, warnings = read_sources(paths)
    warn(warnings)
    linted = lint_texts(sources, options)
    for lf in linted:
        if not any(b.kind in ("entry", "string", "broken") for b in lf.raw.blocks):
            warn([Problem("no BibTeX entries found", lf.name, rule="input")])
    findings = [f for lf in linted for f in lf.findings]
    extra = {"fixed": sum(fixed.values())} if fix else {}
    meta = ReportMeta("lint", [lf.name for lf in linted], {r: d for r, (_, d) in RULES.items()}, extra)
    if fix:
        for name, n in fixed.items():
            if n:
                click.echo(f"{name}: fixed {n} finding{'' if n == 1 else 's'}", err=True)
    click.echo(render(findings, fmt, meta), nl=False)
    failing = {"error", "warning"} if strict else {"error"}
    if any(f.severity in failing for f in findings):
        raise SystemExit(ExitCode.FINDINGS)
