"""Renderers for a :class:`CheckReport`: plain text, JSON, JUnit XML, GitHub annotations, SARIF, Markdown.

Each renderer is a function ``(report, show_all) -> str`` registered in :data:`RENDERERS`; the
rich table for terminals is drawn by the CLI from the same results. GitHub annotations and SARIF are
written by the shared findings layer :mod:`refkit.report`, from the links as :class:`Problem` objects.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from refkit import __version__
from refkit import report as findings
from refkit.check.verdict import CheckReport, LinkResult, Verdict
from refkit.errors import Problem
from refkit.report import ReportMeta

JSON_SCHEMA_VERSION = 1

SEVERITY = {Verdict.DEAD: "error", Verdict.MALFORMED: "error", Verdict.UNSURE: "warning",
            Verdict.MOVED: "warning", Verdict.SKIPPED: "info", Verdict.ALIVE: "info"}
TITLE = {Verdict.DEAD: "Dead link", Verdict.MALFORMED: "Malformed link", Verdict.UNSURE: "Link not verified",
         Verdict.MOVED: "Link moved", Verdict.SKIPPED: "Link not checked", Verdict.ALIVE: "Link alive"}
RULES = {Verdict.DEAD: "dead-link", Verdict.MALFORMED: "malformed-link", Verdict.UNSURE: "unverified-link",
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


@dataclass
class LinkProblem(Problem):
    """A link that needs attention, as a finding for :mod:`refkit.report`'s GitHub and SARIF writers."""

    properties: dict[str, object] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)


def problems(report: CheckReport, show_all: bool = False) -> list[Problem]:
    """Each shown link as a :class:`Problem`: rule ``dead-link`` etc., severity from the verdict and the
    one-line message of the text report."""
    return [LinkProblem(message(r), r.link.file, r.link.line or None, RULES[r.verdict], SEVERITY[r.verdict],
                        r.link.key,
                        properties={"verdict": r.verdict.value, "status": r.outcome.status,
                                    "final_url": r.outcome.final_url, "suggestion": r.outcome.suggestion},
                        fingerprints={"refkitLink/v1": f"{r.link.key}|{link_text(r)}"})
            for r in _shown(report, show_all)]


def report_meta(report: CheckReport) -> ReportMeta:
    """Check's conventions for the shared writers: its rules, titles, summary line and SARIF tool name."""
    return ReportMeta("check", sorted({r.link.file for r in report.results}),
                      rules={RULES[v]: TITLE[v] for v in Verdict}, summary_text=report.summary(),
                      titles={RULES[v]: TITLE[v] for v in Verdict}, tool="refkit",
                      information_uri="https://pypi.org/project/refkit/",
                      rule_levels={RULES[v]: SEVERITY[v] for v in Verdict}, uri_base=True)


def render_github(report: CheckReport, show_all: bool = False) -> str:
    """GitHub Actions workflow commands: an annotation on the entry's line for each problem."""
    return findings.render_github(problems(report, show_all), report_meta(report))


def render_sarif(report: CheckReport, show_all: bool = False) -> str:
    """SARIF 2.1.0 for code scanning: a result per problem at the entry's line."""
    return findings.render_sarif(problems(report, show_all), report_meta(report))


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
