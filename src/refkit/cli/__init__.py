"""The ``refkit`` command line: a thin click layer over the library.

Each command lives in its own module (``cli/parse.py``, ``cli/check.py``, ``cli/format.py``) and
is registered on the group below. Library errors (:class:`refkit.errors.RefkitError`) become one
``Error:`` line plus a hint and the documented exit code; tracebacks only with ``--debug``.
"""

from __future__ import annotations

import sys
from importlib import import_module

import click

from refkit import __version__
from refkit.errors import ExitCode, RefkitError

# command name -> module under refkit.cli that defines a click command called `command`
COMMANDS = {
    "parse": "refkit.cli.parse",
    "check": "refkit.cli.check",
    "format": "refkit.cli.format",
    "cite": "refkit.cli.format",
    "styles": "refkit.cli.format",
    "train": "refkit.cli.train",
    "convert": "refkit.cli.convert",
    "lint": "refkit.cli.lint",
    "tidy": "refkit.cli.tidy",
    "keys": "refkit.cli.keys",
    "dedupe": "refkit.cli.dedupe",
    "cited": "refkit.cli.cited",
    "add": "refkit.cli.add",
    "enrich": "refkit.cli.enrich",
}


class LazyGroup(click.Group):
    """Imports a command's module only when that command runs (fast start-up, fast --help)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(c for c in COMMANDS if self._load(c) is not None)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        mod = COMMANDS.get(name)
        if not mod:
            return None
        try:
            module = import_module(mod)
        except ModuleNotFoundError as e:
            if e.name == mod:
                return None
            raise
        return getattr(module, name.replace("-", "_") + "_command", None)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except RefkitError as e:
            if debug:
                raise
            fail(e.message, e.hint, e.exit_code)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(ExitCode.OK)


def fail(message: str, hint: str | None = None, code: int = ExitCode.USAGE) -> None:
    """Print one ``Error:`` line (and a ``Hint:`` line) and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    if hint:
        click.echo(f"Hint: {hint}", err=True)
    sys.exit(code)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="refkit")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def cli(debug: bool) -> None:
    """refkit: turn reference lists into clean BibTeX, check cited links, format in any CSL style.

    Exit codes: 0 fine, 1 findings (dead links; unparsable references with --strict),
    2 usage or input error, 3 could not tell (network), 130 interrupted.
    """


def main() -> None:
    cli(prog_name="refkit")
