"""``refkit check`` from the command line: exit codes, output formats, cache, shards, bad input."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from check_servers import Server, doi_resolver, jail, page, redirect, status
from refkit.cli import cli


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    jail(monkeypatch)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("REFKIT_DOI_RESOLVER", raising=False)


@pytest.fixture(scope="module")
def web():
    mp = pytest.MonkeyPatch()
    jail(mp)
    s = Server({"/ok": page("ok"), "/also-ok": page("also ok"), "/missing": status(404),
                "/old": redirect(301, "/ok"), "/forbidden": status(403)}).start()
    r = Server(fallback=doi_resolver({"10.1234/good": s.url("/ok")})).start()
    yield {"web": s, "resolver": r}
    s.stop()
    r.stop()
    mp.undo()


def bib(tmp_path, entries: dict[str, str], name: str = "refs.bib"):
    text = "".join(f"@misc{{{k},\n  title = {{Entry {k}}},\n  {v},\n}}\n\n" for k, v in entries.items())
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def run(web, *args, env=None):
    base = ["check", "--allow-private", "--timeout", "1", "--retries", "0",
            "--doi-resolver", web["resolver"].url("/")]
    return CliRunner().invoke(cli, base + [str(a) for a in args], env=env)


def test_all_alive_exits_0(web, tmp_path):
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/ok')}}}", "b": "doi = {10.1234/good}"})
    r = run(web, p)
    assert r.exit_code == 0, r.output
    assert r.output.strip().endswith("2 links: 2 alive")


def test_dead_exits_1_with_file_and_line(web, tmp_path):
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/ok')}}}", "b": f"url = {{{web['web'].url('/missing')}}}"})
    r = run(web, p)
    assert r.exit_code == 1, r.output
    assert f"{p}:6: dead: b: {web['web'].url('/missing')}: not found (HTTP 404)" in r.output


def test_only_cant_tell_exits_3(web, tmp_path):
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/ok')}}}", "b": f"url = {{{web['web'].url('/forbidden')}}}"})
    r = run(web, p)
    assert r.exit_code == 3, r.output
    assert "can't tell" in r.output


def test_moved_is_a_warning_with_exit_0(web, tmp_path):
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/old')}}}"})
    r = run(web, p)
    assert r.exit_code == 0
    assert f"moved: a: {web['web'].url('/old')}: moved permanently to {web['web'].url('/ok')}" in r.output


def test_malformed_exits_1_with_suggestion(web, tmp_path):
    p = bib(tmp_path, {"a": "url = {https://example.org/a\n    b}"})
    r = run(web, p)
    assert r.exit_code == 1
    assert "malformed" in r.output and "did you mean https://example.org/ab?" in r.output


def test_json_schema(web, tmp_path):
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/ok')}}}", "b": "doi = {10.1234/nope}"})
    r = run(web, "--format", "json", p)
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["version"] == 1 and doc["summary"]["exit_code"] == 1
    a, b = doc["links"]
    for rec in (a, b):
        assert {"key", "file", "line", "url", "doi", "verdict", "status", "final_url", "reason",
                "attempts"} <= set(rec)
    assert (a["key"], a["line"], a["url"], a["doi"], a["verdict"], a["status"], a["attempts"]) == (
        "a", 1, web["web"].url("/ok"), None, "alive", 200, 1)
    assert (b["key"], b["line"], b["url"], b["doi"], b["verdict"], b["status"]) == (
        "b", 6, None, "10.1234/nope", "dead", 404)


def test_github_annotations_point_at_the_line(web, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/ok')}}}", "b": f"url = {{{web['web'].url('/missing')}}}"})
    r = run(web, "--format", "github", p)
    assert r.exit_code == 1
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"::error file={p},line=6,title=Dead link::b: ")
    assert "not found (HTTP 404)" in first
    assert r.stdout.splitlines()[-1] == "2 links: 1 alive, 1 dead"
    assert "| dead | b |" in summary.read_text(encoding="utf-8")


def test_sarif(web, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/ok')}}}", "b": f"url = {{{web['web'].url('/missing')}}}"})
    r = run(web, "--format", "sarif", "refs.bib")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["version"] == "2.1.0"
    (res,) = doc["runs"][0]["results"]
    assert res["ruleId"] == "dead-link" and res["level"] == "error"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "refs.bib" and loc["region"]["startLine"] == 6
    assert res["properties"]["key"] == "b" and res["properties"]["status"] == 404
    assert doc["runs"][0]["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "dead-link"
    assert p.exists()


def test_junit_and_markdown(web, tmp_path):
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/ok')}}}", "b": f"url = {{{web['web'].url('/missing')}}}",
                       "c": f"url = {{{web['web'].url('/forbidden')}}}"})
    r = run(web, "--format", "junit", p)
    root = ET.fromstring(r.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("3", "1", "1")
    out = tmp_path / "report.md"
    r = run(web, "--format", "markdown", "-o", out, p)
    assert r.exit_code == 1
    md = out.read_text(encoding="utf-8")
    assert "| dead | b |" in md and "| can't tell | c |" in md and "| alive |" not in md


def test_cache_only_keeps_successes(web, tmp_path):
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/also-ok')}}}", "b": f"url = {{{web['web'].url('/missing')}}}"})
    srv = web["web"]
    before_ok, before_missing = srv.requests_to("/also-ok"), srv.requests_to("/missing")
    assert run(web, p).exit_code == 1
    assert run(web, p).exit_code == 1
    assert srv.requests_to("/also-ok") - before_ok == 1  # second run: from the cache
    assert srv.requests_to("/missing") - before_missing == 4  # HEAD + GET, on both runs
    doc = json.loads(run(web, "--format", "json", p).stdout)
    assert [x["cached"] for x in doc["links"]] == [True, False]
    assert os.path.exists(os.path.join(os.environ["XDG_CACHE_HOME"], "refkit", "links.json"))
    run(web, "--cache-ttl", "0", p)
    assert srv.requests_to("/also-ok") - before_ok == 2  # stale: checked again
    run(web, "--no-cache", p)
    assert srv.requests_to("/also-ok") - before_ok == 3


def test_shards_cover_everything_once(web, tmp_path):
    entries = {f"e{i}": f"url = {{{web['web'].url('/ok')}?n={i}}}" for i in range(12)}
    p = bib(tmp_path, entries)
    keys = []
    for i in (1, 2, 3):
        doc = json.loads(run(web, "--format", "json", "--no-cache", "--shard", f"{i}/3", p).stdout)
        keys += [x["key"] for x in doc["links"]]
    assert sorted(keys) == sorted(entries)


def test_doi_resolver_from_environment(web, tmp_path):
    p = bib(tmp_path, {"b": "doi = {10.1234/good}"})
    r = CliRunner().invoke(cli, ["check", "--allow-private", "--format", "json", str(p)],
                           env={"REFKIT_DOI_RESOLVER": web["resolver"].url("/")})
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["links"][0]["final_url"] == web["web"].url("/ok")


def test_default_bibliography(web, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    bib(tmp_path / "data", {"a": f"url = {{{web['web'].url('/ok')}}}"}, "references.bib")
    r = run(web)
    assert r.exit_code == 0 and "1 link: 1 alive" in r.output


def test_csl_json_input(web, tmp_path):
    p = tmp_path / "refs.json"
    p.write_text(json.dumps([{"id": "j", "type": "webpage", "URL": web["web"].url("/missing")}]), encoding="utf-8")
    r = run(web, "--format", "github", p)
    assert r.exit_code == 1 and r.stdout.startswith(f"::error file={p},line=1,")


def test_no_network_exit_3(monkeypatch, tmp_path):
    jail(monkeypatch, offline=True)
    p = bib(tmp_path, {"a": "url = {https://example.org/a}", "b": "doi = {10.1000/xyz}",
                       "c": "url = {https://doi.invalid/x}"})
    r = CliRunner().invoke(cli, ["check", "--timeout", "2", str(p)])
    assert r.exit_code == 3, r.output
    assert "3 links: 3 can't tell" in r.output


@pytest.mark.parametrize("args, message", [
    (["missing.bib"], "Error: missing.bib: no such file"),
    (["--shard", "4/3", "refs.bib"], "Invalid value for '--shard'"),
    (["--cache-ttl", "soon", "refs.bib"], "Invalid value for '--cache-ttl'"),
    (["--doi-resolver", "doi.org", "refs.bib"], "Invalid value for '--doi-resolver'"),
    (["--format", "xml", "refs.bib"], "Invalid value for '--format'"),
    (["broken.bib"], "Error: malformed BibTeX"),
    (["binary.bib"], "Error: binary.bib looks like a binary file"),
])
def test_usage_errors_exit_2(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text("@misc{a, url = {https://example.org/}}\n", encoding="utf-8")
    (tmp_path / "broken.bib").write_text("@misc{a, title = {unclosed\n", encoding="utf-8")
    (tmp_path / "binary.bib").write_bytes(b"\x00\x01\x02binary")
    r = CliRunner().invoke(cli, ["check", *args])
    assert r.exit_code == 2, r.output
    assert message in r.output
    assert "Traceback" not in r.output


def test_no_bibliography_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["check"])
    assert r.exit_code == 2
    assert "Error: no bibliography given and none found here" in r.output


def test_loopback_is_refused_without_allow_private(web, tmp_path):
    p = bib(tmp_path, {"a": f"url = {{{web['web'].url('/ok')}}}"})
    before = web["web"].requests_to("/ok")
    r = CliRunner().invoke(cli, ["check", "--no-cache", str(p)])
    assert r.exit_code == 3, r.output
    assert "127.0.0.1 is a private, loopback or link-local address (pass --allow-private" in r.output
    assert web["web"].requests_to("/ok") == before


def test_standard_input(web, tmp_path):
    text = f"@misc{{a, url = {{{web['web'].url('/missing')}}}}}\n"
    r = CliRunner().invoke(cli, ["check", "--allow-private", "--no-cache", "-"], input=text)
    assert r.exit_code == 1
    assert r.output.startswith("<stdin>:1: dead: a: ")


def test_unreachable_doi_resolver_is_described_in_plain_words(tmp_path):
    from check_servers import refused_port

    port = refused_port()
    p = bib(tmp_path, {"a": "doi = {10.1234/good}"})
    r = CliRunner().invoke(cli, ["check", "--allow-private", "--no-cache", "--format", "json", "--retries", "0",
                                 "--doi-resolver", f"http://127.0.0.1:{port}/", str(p)])
    assert r.exit_code == 3, r.output
    reason = json.loads(r.stdout)["links"][0]["reason"]
    assert reason == f"DOI resolver 127.0.0.1:{port} could not be reached: connection refused by 127.0.0.1:{port}"
    assert "ConnectionPool" not in r.output and "Max retries" not in r.output


def test_a_hanging_link_is_one_timeout_and_says_so(tmp_path):
    from check_servers import hang

    s = Server({"/hang": hang}).start()
    try:
        p = bib(tmp_path, {"a": f"url = {{{s.url('/hang')}}}"})
        r = CliRunner().invoke(cli, ["check", "--allow-private", "--no-cache", "--timeout", "0.4", str(p)])
        assert r.exit_code == 3, r.output
        assert f"timed out: no answer from 127.0.0.1:{s.port} within 0.4 s" in r.output
        assert s.requests_to("/hang") == 1
    finally:
        s.stop()
