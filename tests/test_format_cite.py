"""Cites with locators, prefixes and suffixes; positions in a sequence of citations; the CLI's
bibliography arguments, Markdown output, warnings summary and style aliases. Entries are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from refkit.cli import cli
from refkit.format.citations import Citation, CiteItem, assign_positions, parse_cite, parse_locator

BIB_A = """@article{okafor2019, author = {Okafor, Adaeze and Lindqvist, Henrik}, title = {Soil memory in dry grassland},
  journal = {Journal of Dryland Ecology}, year = {2019}, volume = {14}, pages = {211--229}}
@book{moreau2018, author = {Moreau, Camille}, title = {Night Trains of Europe}, year = {2018}, publisher = {Kestrel}}
"""
BIB_B = """@book{haddad2020, author = {Haddad, Rami}, title = {Municipal Data Portals}, year = {2020}, publisher = {Northbridge}}
@book{moreau2018, author = {Moreau, Camille}, title = {A Different Book}, year = {2018}, publisher = {Kestrel}}
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def bibs(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.bib", tmp_path / "b.bib"
    a.write_text(BIB_A, encoding="utf-8")
    b.write_text(BIB_B, encoding="utf-8")
    return a, b


@pytest.mark.parametrize(("text", "want"), [
    ("p. 12", ("page", "12")), ("pp. 12-14", ("page", "12-14")), ("12", ("page", "12")),
    ("chap. 3", ("chapter", "3")), ("p12", ("page", "12")), ("vol. 2", ("volume", "2")),
    ("fig. 4", ("figure", "4")), ("sec. 2.1", ("section", "2.1")),
])
def test_parse_locator(text: str, want: tuple[str, str]) -> None:
    assert parse_locator(text) == want


def test_parse_cite_forms() -> None:
    assert parse_cite("smith2020") == CiteItem("smith2020")
    assert parse_cite("smith2020:p12") == CiteItem("smith2020", locator="12", label="page")
    assert parse_cite("smith2020@p. 12") == CiteItem("smith2020", locator="12", label="page")
    assert parse_cite("smith2020@chap. 3") == CiteItem("smith2020", locator="3", label="chapter")
    # a key holding ':' is kept whole when it is known, and split after it otherwise
    assert parse_cite("doe:2020", {"doe:2020"}) == CiteItem("doe:2020")
    assert parse_cite("doe:2020:14", {"doe:2020"}) == CiteItem("doe:2020", locator="14", label="page")


def test_positions() -> None:
    seq = [Citation([CiteItem("a")]), Citation([CiteItem("a")]), Citation([CiteItem("a", locator="5")]),
           Citation([CiteItem("a", locator="5")]), Citation([CiteItem("a")]), Citation([CiteItem("b"), CiteItem("a")]),
           Citation([CiteItem("a")])]
    got = [[c.position for c in cit.cites] for cit in assign_positions(seq)]
    assert got == [["first"], ["ibid"], ["ibid-with-locator"], ["ibid"], ["subsequent"], ["first", "subsequent"],
                   ["subsequent"]]


def test_cite_with_locator_prefix_and_suffix(bibs: tuple[Path, Path]) -> None:
    a, _ = bibs
    r = run("cite", str(a), "okafor2019@p. 215", "-s", "apa")
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == "(Okafor & Lindqvist, 2019, p. 215)"
    r = run("cite", str(a), "okafor2019:215-17", "moreau2018", "-s", "chicago", "--prefix", "see",
            "--suffix", ", for a review")
    assert r.stdout.strip() == "(see Okafor and Lindqvist 2019, 215–17; Moreau 2018, for a review)"
    r = run("cite", str(a), "moreau2018", "--locator", "chap. 2", "-s", "mla")
    assert r.stdout.strip() == "(Moreau, ch. 2)"
    r = run("cite", "moreau2018", "-b", str(a), "-s", "apa")  # --bib stays as a hidden alias
    assert r.stdout.strip() == "(Moreau, 2018)"


def test_cite_notes_sequence(bibs: tuple[Path, Path]) -> None:
    a, _ = bibs
    r = run("cite", str(a), "--notes", "moreau2018:12", "moreau2018:14", "moreau2018:14", "okafor2019;moreau2018",
            "-s", "chicago-notes-bibliography-subsequent-ibid")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("Camille Moreau, Night Trains of Europe (Kestrel, 2018), 12")
    assert lines[1] == "Ibid., 14."
    assert lines[2] == "Ibid."
    assert lines[3].startswith("Adaeze Okafor and Henrik Lindqvist,") and lines[3].endswith("Moreau, Night Trains of Europe.")


def test_several_files_and_duplicates(bibs: tuple[Path, Path]) -> None:
    a, b = bibs
    r = run("format", str(a), str(b), "-s", "apa")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    # every entry is kept: the second file's moreau2018 is read as moreau2018-2, with a warning at its line
    assert len(lines) == 4 and lines[0].startswith("Haddad, R. (2020)")
    assert "Night trains of Europe" in r.stdout and "A different book" in r.stdout
    assert "b.bib:2: duplicate key 'moreau2018'" in r.stderr and "moreau2018-2" in r.stderr


def test_markdown_entries_are_paragraphs(bibs: tuple[Path, Path]) -> None:
    a, b = bibs
    r = run("format", str(a), str(b), "-s", "nature", "--to", "markdown")
    assert r.exit_code == 0, r.output
    paras = r.stdout.strip().split("\n\n")
    assert len(paras) == 4
    assert [p[:3] for p in paras] == ["1. ", "2. ", "3. ", "4. "]
    assert all("\n" not in p for p in paras)


def test_warnings_are_summarised(tmp_path: Path) -> None:
    f = tmp_path / "t.bib"
    f.write_text("".join(f"@misc{{k{i}, note = {{x}}}}\n" for i in range(6)), encoding="utf-8")
    r = run("format", str(f), "-s", "apa")
    assert r.exit_code == 0
    warnings = [line for line in r.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "5 more like it" in warnings[0]
    r = run("format", str(f), "-s", "apa", "-v")
    assert len([line for line in r.stderr.splitlines() if line.startswith("Warning:")]) == 6


@pytest.mark.parametrize(("alias", "real"), [("mla", "modern-language-association"), ("harvard", "harvard-cite-them-right"),
                                             ("chicago", "chicago-author-date"), ("vancouver", "nlm-citation-sequence")])
def test_style_aliases(alias: str, real: str) -> None:
    from refkit.format.styles import find_style

    assert find_style(alias).path == find_style(real).path


def test_near_miss_style_suggestion(bibs: tuple[Path, Path]) -> None:
    r = run("format", str(bibs[0]), "-s", "chicgo-author-date")
    assert r.exit_code == 2
    assert "did you mean 'chicago-author-date'" in r.stderr.splitlines()[1]
