"""lint, tidy and keys through the command line: exit codes, formats, config, files written atomically."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from refkit.cli import cli

BAD = """@article{a,
  author = {Doe, Jane},
  title = {Cats & Dogs},
  journal = {J},
  year = {2000},
  pages = {1-9},
}

@article{a,
  title = {No Author},
  journal = {J},
  year = {2001}
}
"""


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def write(tmp_path, text=BAD, name="refs.bib"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_lint_text_and_exit_code(runner, tmp_path):
    p = write(tmp_path)
    r = runner.invoke(cli, ["lint", str(p)])
    assert r.exit_code == 1
    assert f"{p}:9: error: a: key already used at line 1 [duplicate-key]" in r.output
    assert "[unescaped-char] (fix: write \\&)" in r.output
    assert r.output.strip().splitlines()[-1].startswith("3 errors, 1 warning")


def test_lint_json_schema(runner, tmp_path):
    p = write(tmp_path)
    doc = json.loads(runner.invoke(cli, ["lint", str(p), "--format", "json"]).output)
    assert set(doc) >= {"findings", "summary"}
    f = doc["findings"][0]
    assert set(f) == {"file", "line", "key", "rule", "severity", "message", "fix"}
    assert doc["summary"]["errors"] == 3 and doc["summary"]["by_rule"]["pages"] == 1


def test_lint_github_and_sarif(runner, tmp_path):
    p = write(tmp_path)
    gh = runner.invoke(cli, ["lint", str(p), "--format", "github"]).output
    assert f"::error file={p},line=9,title=refkit lint%3A duplicate-key::" in gh
    sarif = json.loads(runner.invoke(cli, ["lint", str(p), "--format", "sarif"]).output)
    assert sarif["version"] == "2.1.0"
    res = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in res} == {"duplicate-key", "required-field", "unescaped-char", "pages"}
    assert res[0]["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_lint_fix_rewrites_only_the_fixes(runner, tmp_path):
    p = write(tmp_path)
    r = runner.invoke(cli, ["lint", "--fix", str(p)])
    assert r.exit_code == 1  # the duplicate key and the missing author are left
    assert p.read_text() == BAD.replace("Cats & Dogs", "Cats \\& Dogs").replace("{1-9}", "{1--9}")
    assert "fixed 2 findings" in r.output


def test_lint_config_and_options(runner, tmp_path):
    p = write(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.refkit.lint]\ndisable = ["duplicate-key", "required-field"]\nseverity = {unescaped-char = "warning"}\n')
    r = runner.invoke(cli, ["lint", str(p)])
    assert r.exit_code == 0, r.output
    assert runner.invoke(cli, ["lint", str(p), "--strict"]).exit_code == 1
    (tmp_path / "pyproject.toml").write_text('[tool.refkit.lint]\ndisable = ["nope"]\n')
    r = runner.invoke(cli, ["lint", str(p)])
    assert r.exit_code == 2 and "Error: [tool.refkit.lint] names an unknown rule: nope" in r.output


def test_lint_bad_input(runner, tmp_path):
    r = runner.invoke(cli, ["lint", str(tmp_path / "missing.bib")])
    assert r.exit_code == 2 and "Error:" in r.output and "Hint:" in r.output
    r = runner.invoke(cli, ["lint", "--disable", "bogus", str(write(tmp_path))])
    assert r.exit_code == 2
    assert "duplicate-key" in runner.invoke(cli, ["lint", "--list-rules"]).output


def test_lint_default_bibliography(runner, tmp_path):
    write(tmp_path, "@misc{a, title={T}}\n", "references.bib")
    r = runner.invoke(cli, ["lint"])
    assert r.exit_code == 0 and "0 errors" in r.output


def test_tidy_check_output_in_place(runner, tmp_path):
    p = write(tmp_path)
    r = runner.invoke(cli, ["tidy", "--check", str(p), "--format", "json"])
    assert r.exit_code == 1
    assert [f["key"] for f in json.loads(r.output)["findings"]] == ["a"]  # the second is tidy already
    assert p.read_text() == BAD  # --check changes nothing
    out = runner.invoke(cli, ["tidy", str(p)])
    assert out.exit_code == 0 and out.output.startswith("@article{a,\n  author = {Doe, Jane},\n")
    assert runner.invoke(cli, ["tidy", str(p), "-o", str(tmp_path / "o.bib")]).exit_code == 0
    assert runner.invoke(cli, ["tidy", str(p), "-o", str(tmp_path / "o.bib")]).exit_code == 2  # exists
    assert runner.invoke(cli, ["tidy", "--in-place", str(p), "--sort", "key"]).exit_code == 0
    assert p.read_text() == out.output
    assert runner.invoke(cli, ["tidy", "--check", str(p)]).exit_code == 0


def test_tidy_config(runner, tmp_path):
    p = write(tmp_path, "@misc{a, title={T}, year={2000}}\n")
    (tmp_path / "pyproject.toml").write_text('[tool.refkit.tidy]\nindent = 4\nnumbers = "bare"\n')
    assert runner.invoke(cli, ["tidy", str(p)]).output == "@misc{a,\n    title = {T},\n    year = 2000\n}\n"
    (tmp_path / "pyproject.toml").write_text('[tool.refkit.tidy]\nsort = "colour"\n')
    assert runner.invoke(cli, ["tidy", str(p)]).exit_code == 2


def test_keys_check_and_apply(runner, tmp_path):
    p = write(tmp_path, "@misc{x, author={Doe, Jane}, title={Alpha Beta}, year={2000}}\n"
                        "@misc{y, title={Child}, crossref={x}}\n")
    r = runner.invoke(cli, ["keys", "--check", str(p)])
    assert r.exit_code == 1 and "would be doe2000alpha" in r.output
    r = runner.invoke(cli, ["keys", "--apply", str(p)])
    assert r.exit_code == 0
    assert json.loads((tmp_path / "refs.keymap.json").read_text()) == {"x": "doe2000alpha", "y": "doe2000child"}
    assert "crossref={doe2000alpha}" in p.read_text()
    assert runner.invoke(cli, ["keys", "--check", str(p)]).exit_code == 0
    r = runner.invoke(cli, ["keys", "--pattern", "{nope}", str(p)])
    assert r.exit_code == 2 and "Error: unknown key pattern token {nope}" in r.output


def test_report_layer_escapes_and_plain_problems():
    from refkit.errors import Problem
    from refkit.report import ReportMeta, render

    p = Problem("50% done\nnext line", "dir/a,b.bib", 3, "some-rule", "info", "k")
    gh = render([p], "github", ReportMeta("check", ["dir/a,b.bib"]))
    assert gh.splitlines()[0] == ("::notice file=dir/a%2Cb.bib,line=3,title=refkit check%3A some-rule::"
                                  "k: 50%25 done%0Anext line")
    doc = json.loads(render([p], "json", ReportMeta("check", ["x"])))
    assert doc["findings"][0]["fix"] is None and doc["summary"]["infos"] == 1
    sarif = json.loads(render([p], "sarif"))
    assert sarif["runs"][0]["results"][0]["level"] == "note"
    assert render([], "text", ReportMeta("lint", ["a.bib"])) == "0 errors, 0 warnings, 0 notes in 1 file\n"
