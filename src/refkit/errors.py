"""Every error class of the library, each with its exit code, and the one warning type (:class:`Problem`).

The library raises these and returns problems as data; the CLI turns an error into one ``Error:`` line
(plus a ``Hint:``) and the error's exit code, and prints problems through one output layer.
"""

from __future__ import annotations

from dataclasses import dataclass


class ExitCode:
    """The documented exit codes of every refkit command."""

    OK = 0
    FINDINGS = 1  # dead links (check), unparsable references with --strict (parse), lint errors
    USAGE = 2  # bad options, unreadable or malformed input, unknown style
    UNSURE = 3  # could not tell: network trouble (check, add), bot protection
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
    """A CSL style or locale cannot be found, loaded or rendered."""


class RenderError(StyleError):
    """A style is broken in a way only rendering shows (an undefined macro, a missing layout)."""


class UnknownKeyError(RefkitError):
    """A citation key asked for is not in the bibliography."""


class ModelError(RefkitError):
    """A tagger model cannot be opened or written."""


class ConfigError(RefkitError):
    """The project configuration (pyproject.toml / refkit.toml) is broken."""


class NetworkError(RefkitError):
    """A remote service could not be reached or gave no usable answer (exit 3: could not tell)."""

    exit_code = ExitCode.UNSURE


SEVERITIES = ("error", "warning", "info")


@dataclass
class Problem:
    """A warning or finding about the input, from any command: where it is, which rule, how bad.

    ``str(problem)`` is the one-line form every command prints: ``file:line: message``.
    """

    message: str
    file: str | None = None
    line: int | None = None
    rule: str = "input"
    severity: str = "warning"  # one of SEVERITIES
    key: str | None = None  # the entry it concerns, where there is one

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "key": self.key, "rule": self.rule,
                "severity": self.severity, "message": self.message}
