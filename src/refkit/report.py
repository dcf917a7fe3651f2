"""The generic findings report: a list of :class:`refkit.errors.Problem` as text, JSON, GitHub workflow
annotations or SARIF 2.1.0.

Every command that reports problems about files renders its GitHub annotations and SARIF through here
(lint, tidy and keys use every format; check keeps its own text, JSON, JUnit and Markdown and turns its
links into problems for ``github`` and ``sarif``). A problem may carry optional attributes beyond
:class:`Problem`'s: ``fix`` (a description of the fix, see :class:`refkit.manage.lint.Finding`),
``properties`` (a dict of extra SARIF result properties) and ``fingerprints`` (SARIF
``partialFingerprints``); plain problems have none. Each renderer is ``(problems, meta) -> str`` in
:data:`RENDERERS`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from refkit import __version__
from refkit.errors import Problem

JSON_SCHEMA_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass
class ReportMeta:
    """What the report is about: the command, the files read and the rules (id -> short description)."""

    command: str = "lint"
    files: Sequence[str] = ()
    rules: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, object] = field(default_factory=dict)  # more summary figures (e.g. fixed: 3)
    noun: str = ""  # e.g. "entry to tidy": the text summary then counts these instead of severities
    # all optional, for a command with its own conventions (the defaults are lint's output):
    summary_text: str = ""  # replaces the computed summary line (text, github)
    titles: Mapping[str, str] = field(default_factory=dict)  # rule -> annotation title (github)
    tool: str = ""  # the SARIF driver name; default "refkit <command>"
    information_uri: str = ""  # the SARIF driver's informationUri
    help_uri: str = ""  # every SARIF rule's helpUri (the command's documentation)
    rule_levels: Mapping[str, str] = field(default_factory=dict)  # rule -> default severity (SARIF)
    uri_base: bool = False  # SARIF: paths under the working folder are relative to %SRCROOT%


def fix_of(p: Problem) -> str | None:
    fix = getattr(p, "fix", None)
    return str(fix) if fix else None


def finding_dict(p: Problem) -> dict[str, object]:
    d = p.to_dict()
    d["fix"] = fix_of(p)
    return d


def summary(problems: Sequence[Problem], meta: ReportMeta) -> dict[str, object]:
    sev = Counter(p.severity for p in problems)
    return {"errors": sev.get("error", 0), "warnings": sev.get("warning", 0), "infos": sev.get("info", 0),
            "fixable": sum(1 for p in problems if fix_of(p)), "files": len(meta.files),
            "by_rule": dict(sorted(Counter(p.rule for p in problems).items())), **meta.extra}


def summary_line(problems: Sequence[Problem], meta: ReportMeta) -> str:
    if meta.summary_text:
        return meta.summary_text
    s = summary(problems, meta)

    def n(k: str, word: str) -> str:
        v = int(s[k])  # type: ignore[call-overload]
        return f"{v} {word}{'' if v == 1 else 's'}"

    files = len(meta.files)
    if meta.noun:
        count = len(problems)
        word = meta.noun if count == 1 else meta.noun.replace("entry", "entries").replace("key ", "keys ")
        return f"{count} {word} in {files} file{'' if files == 1 else 's'}"
    line = (f"{n('errors', 'error')}, {n('warnings', 'warning')}, {n('infos', 'note')} "
            f"in {files} file{'' if files == 1 else 's'}")
    if s["fixable"]:
        line += f"; {s['fixable']} fixable with --fix"
    return line


def render_text(problems: Sequence[Problem], meta: ReportMeta) -> str:
    lines = []
    for p in problems:
        fix = fix_of(p)
        lines.append(f"{_where(p)}{p.severity}: {p.message} [{p.rule}]" + (f" (fix: {fix})" if fix else ""))
    lines.append(summary_line(problems, meta))
    return "\n".join(lines) + "\n"


def _where(p: Problem) -> str:
    if not p.file:
        return ""
    return f"{p.file}:{p.line}: " if p.line else f"{p.file}: "


def render_json(problems: Sequence[Problem], meta: ReportMeta) -> str:
    doc = {"version": JSON_SCHEMA_VERSION, "tool": f"refkit {__version__}", "command": meta.command,
           "findings": [finding_dict(p) for p in problems], "summary": summary(problems, meta)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(problems: Sequence[Problem], meta: ReportMeta) -> str:
    """GitHub Actions workflow commands: one ``::error file=...,line=...,title=...::message`` per finding."""
    out = []
    for p in problems:
        props = []
        if p.file:
            props.append(f"file={_gh_escape(p.file, True)}")
        if p.line:
            props.append(f"line={p.line}")
        title = meta.titles.get(p.rule) or f"refkit {meta.command}: {p.rule}"
        props.append(f"title={_gh_escape(title, True)}")
        msg = (f"{p.key}: " if p.key and p.key not in p.message else "") + p.message
        fix = fix_of(p)
        if fix:
            msg += f" (fix: {fix})"
        out.append(f"::{_GH_LEVEL.get(p.severity, 'warning')} {','.join(props)}::{_gh_escape(msg)}")
    out.append(summary_line(problems, meta))
    return "\n".join(out) + "\n"


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            return p.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return p.as_uri()
    return p.as_posix()


def _artifact(path: str, meta: ReportMeta) -> dict[str, str]:
    uri = _uri(path)
    if meta.uri_base and not uri.startswith(("file:", "../")) and uri != "..":
        return {"uri": uri, "uriBaseId": "SRCROOT"}
    return {"uri": uri}


def _sarif_rule(rule: str, meta: ReportMeta) -> dict[str, object]:
    d: dict[str, object] = {"id": rule, "shortDescription": {"text": meta.rules.get(rule, rule)}}
    if meta.help_uri:
        d["helpUri"] = meta.help_uri
    if rule in meta.rule_levels:
        d["defaultConfiguration"] = {"level": _SARIF_LEVEL.get(meta.rule_levels[rule], "warning")}
    return d


def render_sarif(problems: Sequence[Problem], meta: ReportMeta) -> str:
    rule_ids = sorted(set(meta.rules) | {p.rule for p in problems})
    index = {r: i for i, r in enumerate(rule_ids)}
    rules = [_sarif_rule(r, meta) for r in rule_ids]
    results = []
    for p in problems:
        res: dict[str, object] = {"ruleId": p.rule, "ruleIndex": index[p.rule],
                                  "level": _SARIF_LEVEL.get(p.severity, "warning"),
                                  "message": {"text": p.message + (f" (fix: {fix_of(p)})" if fix_of(p) else "")}}
        if p.file:
            loc: dict[str, object] = {"artifactLocation": _artifact(p.file, meta)}
            if p.line:
                loc["region"] = {"startLine": p.line}
            res["locations"] = [{"physicalLocation": loc}]
        fingerprints = getattr(p, "fingerprints", None)
        if fingerprints:
            res["partialFingerprints"] = dict(fingerprints)
        props = {**({"key": p.key} if p.key else {}), **(getattr(p, "properties", None) or {})}
        if props:
            res["properties"] = props
        results.append(res)
    driver: dict[str, object] = {"name": meta.tool or f"refkit {meta.command}", "version": __version__}
    if meta.information_uri:
        driver["informationUri"] = meta.information_uri
    driver["rules"] = rules
    run: dict[str, object] = {"tool": {"driver": driver}}
    if meta.uri_base:
        run["originalUriBaseIds"] = {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}}
    run["results"] = results
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[Sequence[Problem], ReportMeta], str]] = {
    "text": render_text, "json": render_json, "github": render_github, "sarif": render_sarif}
FORMATS = tuple(RENDERERS)


def render(problems: Sequence[Problem], fmt: str = "text", meta: ReportMeta | None = None) -> str:
    return RENDERERS[fmt](problems, meta or ReportMeta())
