"""Typed errors raised by the library; the CLI turns them into one ``Error:`` line and an exit code."""

from __future__ import annotations


class ExitCode:
    """The documented exit codes of every refkit command."""

    OK = 0
    FINDINGS = 1  # dead links (check), unparsable references with --strict (parse)
    USAGE = 2  # bad options, unreadable or malformed input, unknown style
    UNSURE = 3  # check: only "can't tell" problems (network, bot protection)
    INTERRUPTED = 130


class RefkitError(Exception):
    """Base class: a user-facing problem with a message and a hint on how to fix it."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(RefkitError):
    """The input cannot be read: missing, binary, wrong encoding, too large, empty."""


class BibtexError(InputError):
    """The BibTeX input is malformed."""


class OutputError(RefkitError):
    """The output cannot be written (exists without --force, unwritable folder)."""


class StyleError(RefkitError):
    """A CSL style cannot be found or loaded."""


class ConfigError(RefkitError):
    """The project configuration (pyproject.toml / refkit.toml) is broken."""
