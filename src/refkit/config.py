"""Finding the project's bibliography: ``[tool.refkit] bibliography`` in pyproject.toml or
refkit.toml, else ``data/references.bib`` or ``references.bib`` in the current folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from refkit.errors import ConfigError, InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_CANDIDATES = ("data/references.bib", "references.bib")


def load_config(cwd: Path | None = None) -> tuple[dict[str, Any], Path | None]:
    """The ``[tool.refkit]`` table (pyproject.toml) or the top level (refkit.toml), and its file."""
    cwd = cwd or Path.cwd()
    for name, table in (("refkit.toml", None), ("pyproject.toml", "tool.refkit")):
        p = cwd / name
        if not p.is_file():
            continue
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"{p} is not valid TOML: {e}", hint="fix the file or remove it") from None
        if table:
            for part in table.split("."):
                data = data.get(part, {}) if isinstance(data, dict) else {}
            if not data:
                continue
        if isinstance(data, dict):
            return data, p
    return {}, None


def default_bibliography(cwd: Path | None = None) -> Path:
    cwd = cwd or Path.cwd()
    conf, where = load_config(cwd)
    if conf.get("bibliography"):
        p = (cwd / str(conf["bibliography"])).resolve()
        if not p.exists():
            raise InputError(f"the bibliography named in {where} ({conf['bibliography']}) does not exist",
                             hint="fix [tool.refkit] bibliography, or pass a file")
        return p
    for c in DEFAULT_CANDIDATES:
        if (cwd / c).is_file():
            return cwd / c
    raise InputError("no bibliography given and none found here",
                     hint="pass a .bib file, or set [tool.refkit] bibliography = \"refs.bib\" in pyproject.toml")


def command_options(command: str, cwd: Path | None = None) -> dict[str, Any]:
    """The ``[tool.refkit.<command>]`` table (``[<command>]`` in refkit.toml), or {}.

    Option names may be written with dashes or underscores; they come back with dashes."""
    conf, where = load_config(cwd)
    table = conf.get(command, {})
    if not isinstance(table, dict):
        raise ConfigError(f"[tool.refkit.{command}] in {where} must be a table",
                          hint=f"write [tool.refkit.{command}] with one option per line")
    return {str(k).replace("_", "-"): v for k, v in table.items()}
