"""`refkit format --cited-in DOC`: only the entries a manuscript cites, numbered in citation order."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from refkit.cli import cli

BIB = """\
@article{zeta2020, author = {Zeta, Anna}, title = {Last in the alphabet}, journal = {Journal of Tests},
  year = {2020}, volume = {3}, pages = {1--9}}
@book{alpha2019, author = {Alpha, Bruno}, title = {First in the alphabet}, publisher = {Kestrel}, year = {2019}}
@book{mid2018, author = {Mid, Carla}, title = {Never cited}, publisher = {Kestrel}, year = {2018}}
"""


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.md").write_text("As shown [@zeta2020; see @alpha2019, p. 4], and again [-@zeta2020].\n"
                                       "Mail me at someone@example.org.\n", encoding="utf-8")
    (tmp_path / "paper.tex").write_text("\\documentclass{article}\n\\begin{document}\n"
                                        "% \\cite{mid2018} is commented out\n"
                                        "See \\cite{alpha2019} and \\citep[p.~2]{zeta2020,nobody}.\n"
                                        "\\end{document}\n", encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["format", *args])


def test_markdown_numeric_style_numbers_in_citation_order(project: Path) -> None:
    r = run("refs.bib", "--cited-in", "paper.md", "--style", "ieee")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("[1] A. Zeta") and lines[1].startswith("[2] B. Alpha")
    assert "Never cited" not in r.stdout
    assert "Warning" not in r.stderr


def test_latex_order_and_a_warning_per_undefined_key(project: Path) -> None:
    r = run("refs.bib", "--cited-in", "paper.tex", "--style", "vancouver")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert [ln.split(".")[0] for ln in lines] == ["1", "2"]
    assert "Alpha B" in lines[0] and "Zeta A" in lines[1]
    assert "Never cited" not in r.stdout  # commented out
    assert r.stderr.count("Warning:") == 1
    assert "paper.tex:4: 'nobody' is cited but not in the bibliography" in r.stderr


def test_author_date_style_keeps_its_own_order(project: Path) -> None:
    r = run("refs.bib", "--cited-in", "paper.md", "--style", "apa")
    assert r.exit_code == 0, r.output
    assert [ln.split(",")[0] for ln in r.stdout.splitlines()] == ["Alpha", "Zeta"]


def test_several_manuscripts_and_nocite_all(project: Path) -> None:
    (project / "appendix.tex").write_text("\\nocite{*}\n", encoding="utf-8")
    r = run("refs.bib", "--cited-in", "paper.md", "--cited-in", "appendix.tex", "--style", "ieee")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 3 and lines[2].startswith("[3] C. Mid")


def test_close_key_is_suggested(project: Path) -> None:
    (project / "typo.md").write_text("See [@Zeta2020].\n", encoding="utf-8")
    r = run("refs.bib", "--cited-in", "typo.md", "--style", "ieee")
    assert r.exit_code == 0
    assert r.stdout == ""
    assert "did you mean 'zeta2020'?" in r.stderr


def test_missing_manuscript_and_key_conflict_are_usage_errors(project: Path) -> None:
    r = run("refs.bib", "--cited-in", "nope.tex")
    assert r.exit_code == 2
    assert "Error: nope.tex: no such file" in r.stderr and "Hint:" in r.stderr
    r = run("refs.bib", "--cited-in", "paper.md", "-k", "zeta2020")
    assert r.exit_code == 2
    assert "either --key or --cited-in" in r.stderr
