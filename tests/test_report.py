"""The shared findings report (refkit.report): the options a command can set, and check's links
rendered through it as GitHub annotations and SARIF."""

from __future__ import annotations

import json

from refkit.check.extract import Link
from refkit.check.report import problems, render_github, render_sarif
from refkit.check.verdict import CheckReport, LinkResult, Outcome, Verdict
from refkit.errors import Problem
from refkit.report import ReportMeta, render


def result(key: str, line: int | None, verdict: Verdict, reason: str, url: str = "https://example.org/x",
           file: str = "refs.bib", suggestion: str | None = None, status: int | None = None) -> LinkResult:
    return LinkResult(Link(key, file, line, "url", url, url=url),
                      Outcome(verdict, reason, status=status, suggestion=suggestion))


def sample() -> CheckReport:
    return CheckReport([
        result("a", 1, Verdict.ALIVE, "HTTP 200", status=200),
        result("b", 6, Verdict.DEAD, "not found (HTTP 404)", "https://example.org/gone", status=404),
        result("c", 11, Verdict.MOVED, "moved permanently", "http://old.example/p", suggestion="https://new.example/p"),
        result("d", None, Verdict.UNSURE, "timed out, 50% of the time\nreally", "https://slow.example/a,b"),
        result("e", 21, Verdict.SKIPPED, "not an HTTP link (ftp:); not checked", "ftp://x.org/a"),
    ])


def test_meta_options_change_only_what_they_name():
    p = Problem("k: bad thing", "a.bib", 2, "some-rule", "error", "k")
    plain, styled = ReportMeta("lint", ["a.bib"]), ReportMeta(
        "lint", ["a.bib"], {"some-rule": "A rule"}, summary_text="1 thing", titles={"some-rule": "Bad thing"},
        tool="refkit", information_uri="https://example.org/refkit", help_uri="https://example.org/docs",
        rule_levels={"some-rule": "info"})
    assert render([p], "github", plain).splitlines() == [
        "::error file=a.bib,line=2,title=refkit lint%3A some-rule::k: bad thing",
        "1 error, 0 warnings, 0 notes in 1 file"]
    assert render([p], "github", styled).splitlines() == ["::error file=a.bib,line=2,title=Bad thing::k: bad thing",
                                                          "1 thing"]
    assert render([p], "text", styled).splitlines()[-1] == "1 thing"
    bare = json.loads(render([p], "sarif", plain))["runs"][0]
    assert bare["tool"]["driver"] == {"name": "refkit lint", "version": bare["tool"]["driver"]["version"],
                                      "rules": [{"id": "some-rule", "shortDescription": {"text": "some-rule"}}]}
    assert "originalUriBaseIds" not in bare and bare["results"][0]["properties"] == {"key": "k"}
    assert bare["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "a.bib"}
    run = json.loads(render([p], "sarif", styled))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "refkit" and driver["informationUri"] == "https://example.org/refkit"
    assert driver["rules"] == [{"id": "some-rule", "shortDescription": {"text": "A rule"},
                                "helpUri": "https://example.org/docs", "defaultConfiguration": {"level": "note"}}]
    assert run["results"][0]["level"] == "error"  # the finding's own severity wins over the rule's default


def test_uri_base_marks_paths_under_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ps = [Problem("m", "sub/a.bib", 1, "r"), Problem("m", str(tmp_path / "b.bib"), 1, "r"),
          Problem("m", "../c.bib", 1, "r")]
    run = json.loads(render(ps, "sarif", ReportMeta("check", uri_base=True)))["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == tmp_path.as_uri() + "/"
    locs = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert locs == [{"uri": "sub/a.bib", "uriBaseId": "SRCROOT"}, {"uri": "b.bib", "uriBaseId": "SRCROOT"},
                    {"uri": "../c.bib"}]


def test_links_become_problems_with_rule_severity_and_message():
    ps = problems(sample(), show_all=True)
    assert [(p.key, p.rule, p.severity, p.line) for p in ps] == [
        ("a", "alive-link", "info", 1), ("b", "dead-link", "error", 6), ("c", "moved-link", "warning", 11),
        ("d", "unverified-link", "warning", None), ("e", "skipped-link", "info", 21)]
    assert ps[1].message == "b: https://example.org/gone: not found (HTTP 404)"
    assert ps[2].message == "c: http://old.example/p: moved permanently; cite https://new.example/p"
    assert [p.key for p in problems(sample())] == ["b", "c", "d"]  # without --all: the links needing attention


def test_check_github_goes_through_the_shared_writer():
    out = render_github(sample()).splitlines()
    assert out == [
        "::error file=refs.bib,line=6,title=Dead link::b: https://example.org/gone: not found (HTTP 404)",
        "::warning file=refs.bib,line=11,title=Link moved::c: http://old.example/p: moved permanently; "
        "cite https://new.example/p",
        "::warning file=refs.bib,title=Link not verified::d: https://slow.example/a,b: timed out, 50%25 of the "
        "time%0Areally",
        "5 links: 1 alive, 1 moved, 1 dead, 1 can't tell, 1 skipped"]
    assert render_github(sample(), True).splitlines()[0].startswith(
        "::notice file=refs.bib,line=1,title=Link alive::a: ")


def test_check_sarif_goes_through_the_shared_writer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = json.loads(render_sarif(sample()))
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "refkit" and driver["informationUri"] == "https://pypi.org/project/refkit/"
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {"alive-link", "moved-link", "dead-link", "malformed-link", "unverified-link",
                          "skipped-link"}
    assert rules["dead-link"]["shortDescription"]["text"] == "Dead link"
    assert rules["dead-link"]["defaultConfiguration"]["level"] == "error"
    assert rules["skipped-link"]["defaultConfiguration"]["level"] == "note"
    b, c, d = run["results"]
    assert driver["rules"][b["ruleIndex"]]["id"] == b["ruleId"] == "dead-link" and b["level"] == "error"
    assert c["level"] == "warning" and c["properties"]["suggestion"] == "https://new.example/p"
    assert b["message"]["text"] == "b: https://example.org/gone: not found (HTTP 404)"
    assert b["partialFingerprints"] == {"refkitLink/v1": "b|https://example.org/gone"}
    assert b["properties"] == {"key": "b", "verdict": "dead", "status": 404, "final_url": None, "suggestion": None}
    loc = b["locations"][0]["physicalLocation"]
    assert loc == {"artifactLocation": {"uri": "refs.bib", "uriBaseId": "SRCROOT"}, "region": {"startLine": 6}}
    assert "region" not in d["locations"][0]["physicalLocation"]  # no line known
    assert len(json.loads(render_sarif(sample(), True))["runs"][0]["results"]) == 5
