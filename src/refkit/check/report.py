"""Renderers for a :class:`CheckReport`: plain text, JSON, JUnit XML, GitHub annotations, SARIF, Markdown.

Each renderer is a function ``(report, show_all) -> str`` registered in :data:`RENDERERS`; the
rich table for terminals is drawn by the CLI from the same results.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from refkit import __version__
from refkit.check.verdict import CheckReport, LinkResult, Verdict

JSON_SCHEMA_VERSION = 1

_LEVEL = {Verdict.DEAD: "error", Verdict.MALFORMED: "error", Verdict.UNSURE: "warning",
          Verdict.MOVED: "warning", Verdict.SKIPPED: "note", Verdict.ALIVE: "note"}
_TITLE = {Verdict.DEAD: "Dead link", Verdict.MALFORMED: "Malformed link", Verdict.UNSURE: "Link not verified",
          Verdict.MOVED: "Link moved", Verdict.SKIPPED: "Link not checked", Verdict.ALIVE: "Link alive"}
_RULES = {Verdict.DEAD: "dead-link", Verdict.MALFORMED: "malformed-link", Verdict.UNSURE: "unverified-link",
          Verdict.MOVED: "moved-link", Verdict.SKIPPED: "skipped-link", Verdict.ALIVE: "alive-link"}


def link_text(r: LinkResult) -> str:
    lk = r.link
    if lk.doi:
        return f"doi:{lk.doi}"
    return lk.url or lk.raw


def advice(r: LinkResult) -> str:
    o = r.outcome
    if o.archive_url:
        return f"archived copy: {o.archive_url}"
    if o.suggestion and o.verdict is Verdict.MOVED:
        return f"cite {o.suggestion}"
    if o.suggestion:
        return f"did you mean {o.suggestion}?"
    return ""


def message(r: LinkResult) -> str:
    """One line: what, why, and what to do."""
    a = advice(r)
    return f"{r.link.key}: {link_text(r)}: {r.outcome.reason}" + (f"; {a}" if a else "")


def _shown(report: CheckReport, show_all: bool) -> list[LinkResult]:
    return [r for r in report.results if show_all or r.verdict.is_problem]


def render_text(report: CheckReport, show_all: bool = False) -> str:
    lines = []
    for r in _shown(report, show_all):
        where = f"{r.link.file}:{r.link.line}" if r.link.line else r.link.file
        lines.append(f"{where}: {r.verdict.label}: {message(r)}")
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def render_json(report: CheckReport, show_all: bool = True) -> str:
    doc = {
        "version": JSON_SCHEMA_VERSION,
        "tool": f"refkit {__version__}",
        "summary": {**report.counts, "links": len(report.results), "exit_code": report.exit_code,
                    "requests": report.requests, "cache_hits": report.cache_hits,
                    "elapsed": round(report.elapsed, 3)},
        "links": [r.to_dict() for r in report.results],
        "warnings": [str(w) for w in report.warnings],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def render_junit(report: CheckReport, show_all: bool = True) -> str:
    """One testsuite per file, one testcase per link: dead/malformed fail, can't-tell is skipped."""
    root = ET.Element("testsuites", name="refkit check")
    by_file: dict[str, list[LinkResult]] = {}
    for r in report.results:
        by_file.setdefault(r.link.file, []).append(r)
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for file, rs in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=file)
        fails = skips = 0
        for r in rs:
            case = ET.SubElement(suite, "testcase", classname=file, name=f"{r.link.key}: {link_text(r)}",
                                 file=file, line=str(r.link.line or 0))
            if r.verdict in (Verdict.DEAD, Verdict.MALFORMED):
                fails += 1
                f = ET.SubElement(case, "failure", message=f"{r.verdict.label}: {r.outcome.reason}",
                                  type=r.verdict.value)
                f.text = message(r)
            elif r.verdict in (Verdict.UNSURE, Verdict.SKIPPED):
                skips += 1
                ET.SubElement(case, "skipped", message=f"{r.verdict.label}: {r.outcome.reason}")
            elif r.verdict is Verdict.MOVED:
                out = ET.SubElement(case, "system-out")
                out.text = message(r)
        suite.set("tests", str(len(rs)))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("skipped", str(skips))
        totals["tests"] += len(rs)
        totals["failures"] += fails
        totals["skipped"] += skips
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("errors", "0")
    root.set("time", f"{report.elapsed:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(report: CheckReport, show_all: bool = False) -> str:
    """GitHub Actions workflow commands: an annotation on the entry's line for each problem."""
    cmd = {"error": "error", "warning": "warning", "note": "notice"}
    lines = []
    for r in _shown(report, show_all):
        props = [f"file={_gh_prop(r.link.file)}"]
        if r.link.line:
            props.append(f"line={r.link.line}")
        props.append(f"title={_gh_prop(_TITLE[r.verdict])}")
        lines.append(f"::{cmd[_LEVEL[r.verdict]]} {','.join(props)}::{_gh_data(message(r))}")
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def _artifact(file: str) -> dict[str, str]:
    """Relative to the working folder (the repository root in CI) when the file is inside it."""
    try:
        p = Path(file).resolve().relative_to(Path.cwd().resolve())
        return {"uri": p.as_posix(), "uriBaseId": "SRCROOT"}
    except (ValueError, OSError):
        return {"uri": Path(file).resolve().as_uri() if Path(file).is_absolute() else Path(file).as_posix()}


def render_sarif(report: CheckReport, show_all: bool = False) -> str:
    """SARIF 2.1.0 for code scanning: a result per problem at the entry's line."""
    rules = [{"id": _RULES[v], "name": _TITLE[v].replace(" ", ""),
              "shortDescription": {"text": _TITLE[v]},
              "defaultConfiguration": {"level": _LEVEL[v]}} for v in Verdict]
    index = {v: i for i, v in enumerate(Verdict)}
    results = []
    for r in _shown(report, show_all):
        region = {"startLine": r.link.line} if r.link.line else {}
        results.append({
            "ruleId": _RULES[r.verdict], "ruleIndex": index[r.verdict], "level": _LEVEL[r.verdict],
            "message": {"text": message(r)},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(r.link.file),
                                                **({"region": region} if region else {})}}],
            "partialFingerprints": {"refkitLink/v1": f"{r.link.key}|{link_text(r)}"},
            "properties": {"verdict": r.verdict.value, "status": r.outcome.status,
                           "final_url": r.outcome.final_url, "suggestion": r.outcome.suggestion},
        })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "refkit", "version": __version__,
                                "informationUri": "https://pypi.org/project/refkit/", "rules": rules}},
            "originalUriBaseIds": {"SRCROOT": {"uri": Path(os.getcwd()).as_uri() + "/"}},
            "results": results,
        }],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _md(s: str) -> str:
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render_markdown(report: CheckReport, show_all: bool = False) -> str:
    rows = _shown(report, show_all)
    out = ["## Link check", "", report.summary(), ""]
    if rows:
        out += ["| Verdict | Entry | Where | Link | Status | Reason | Fix |", "|---|---|---|---|---|---|---|"]
        for r in rows:
            where = f"{r.link.file}:{r.link.line}" if r.link.line else r.link.file
            out.append("| " + " | ".join(_md(x) for x in (
                r.verdict.label, r.link.key, where, link_text(r),
                str(r.outcome.status or ""), r.outcome.reason, advice(r))) + " |")
    else:
        out.append("No problems found.")
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[[CheckReport, bool], str]] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "github": render_github,
    "sarif": render_sarif,
    "markdown": render_markdown,
}
