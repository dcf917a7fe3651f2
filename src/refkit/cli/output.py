"""The one output layer of the CLI: consoles, warnings and the shared ``--format`` option.

Consoles are made per run (never at import) with markup off, since bibliographic text holds ``[...]``;
rich honours ``NO_COLOR`` and plain output when stdout is not a terminal. Warnings from every command are
:class:`refkit.errors.Problem` objects, printed here as ``Warning: file:line: message``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import click

from refkit.errors import Problem


def console(file: Any = None, stderr: bool = False, soft_wrap: bool = False):
    from rich.console import Console

    return Console(file=file, stderr=stderr, markup=False, highlight=False, emoji=False, soft_wrap=soft_wrap)


def warn(problems: Iterable[Problem | str], verbose: bool = True, summarise_over: int = 3) -> None:
    """Print each problem as one ``Warning:`` line on stderr. With ``verbose`` off, a rule that fires
    more than ``summarise_over`` times is printed as its first case and a count, with a pointer to ``-v``."""
    items = [p if isinstance(p, Problem) else Problem(str(p)) for p in problems]
    counts = Counter(p.rule for p in items)
    said: set[str] = set()
    for p in items:
        if not verbose and counts[p.rule] > summarise_over:
            if p.rule not in said:
                said.add(p.rule)
                click.echo(f"Warning: {p} (and {counts[p.rule] - 1} more like it; -v lists them)", err=True)
            continue
        click.echo(f"Warning: {p}", err=True)


def format_option(*choices: str, default: str = "text") -> Callable[[Any], Any]:
    """The shared ``--format`` option of every reporting command (text for people, the rest for tools)."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="Output format: text for people; json (stable schema, no colour) and the rest "
                             "for tools and CI.")
