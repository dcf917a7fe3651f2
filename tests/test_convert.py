"""`refkit convert` and the format registry: sniffing, the BibTeX conventions, what each target reports
as lost, several input files, and the output rules (never overwrite without --force)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from refkit.bib import bibtex_writer, formats
from refkit.bib.bibliography import read_bibliography, write_bibliography
from refkit.cli import cli
from refkit.cli.convert import FORMATS
from refkit.errors import InputError
from refkit.model import Date, Name, Reference

BIB = r"""@article{smith2020,
  author = {Smith, Jane and van Dijk, Piet},
  title = {Rivers and Roads},
  journal = {Journal of Maps},
  year = {2020}, month = jul,
  volume = {12}, number = {3}, pages = {10--20},
  doi = {10.1000/xyz},
}
@online{web2019,
  author = {{World Health Organization}},
  title = {Fact Sheet},
  url = {https://example.org/facts},
  urldate = {2021-03-04},
  date = {2019},
}
"""


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def bibfile(tmp_path: Path) -> Path:
    f = tmp_path / "refs.bib"
    f.write_text(BIB, encoding="utf-8")
    return f


def test_the_cli_names_the_registered_formats() -> None:
    assert FORMATS == formats.names()


@pytest.mark.parametrize("to", FORMATS)
def test_every_target_reads_back_as_itself_with_every_entry(bibfile: Path, tmp_path: Path, to: str) -> None:
    out = tmp_path / f"out{formats.get(to).suffix}"
    r = run("convert", str(bibfile), "--to", to, "-o", str(out))
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    fmt = formats.sniff(text, "")
    assert (fmt.family or fmt.name) == (formats.get(to).family or to)
    back = read_bibliography(out)
    assert [x.id for x in back.references] == ["smith2020", "web2019"]
    assert back.references[0].names["author"][1].particle == "van"
    assert back.references[0].fields["page"] == "10-20"


def test_classic_bibtex_convention(bibfile: Path) -> None:
    r = run("convert", str(bibfile), "--to", "bibtex")
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "month = jul," in out and "year = {2020}" in out and "journal = {Journal of Maps}" in out
    assert "@misc{web2019" in out and r"howpublished = {\url{https://example.org/facts}}" in out
    assert "note = {Accessed 2021-03-04}" in out
    for biblatex_only in ("date =", "urldate", "journaltitle", "@online", "location ="):
        assert biblatex_only not in out


def test_biblatex_convention(bibfile: Path) -> None:
    r = run("convert", str(bibfile), "--to", "biblatex")
    out = r.stdout
    assert "date = {2020-07}" in out and "journaltitle = {Journal of Maps}" in out
    assert "@online{web2019" in out and "urldate = {2021-03-04}" in out
    for classic_only in ("year =", "month =", "journal =", "howpublished", "address ="):
        assert classic_only not in out


def test_conventions_map_places_eprints_and_theses() -> None:
    ref = Reference(id="t", type="thesis", fields={"title": "T", "publisher": "Uni", "publisher-place": "Oslo",
                                                   "genre": "Master's thesis"},
                    extra={"eprint": "2101.00001", "archiveprefix": "arXiv", "primaryclass": "cs.CL"})
    classic = bibtex_writer.dumps([ref], convention="bibtex")
    assert classic.startswith("@mastersthesis{t,") and "school = {Uni}" in classic and "address = {Oslo}" in classic
    assert "archiveprefix = {arXiv}" in classic and "type =" not in classic
    modern = bibtex_writer.dumps([ref], convention="biblatex")
    assert modern.startswith("@thesis{t,") and "institution = {Uni}" in modern and "location = {Oslo}" in modern
    assert "eprinttype = {arXiv}" in modern and "eprintclass = {cs.CL}" in modern


def test_the_default_output_is_unchanged_by_conventions() -> None:
    ref = Reference(id="a", type="webpage", fields={"title": "T", "URL": "http://x.org"},
                    dates={"issued": Date((2020, 5)), "accessed": Date((2021, 1, 2))})
    assert bibtex_writer.dumps([ref]) == ("@online{a,\n  year = {2020},\n  date = {2020-05},\n  title = {T},\n"
                                          "  url = {http://x.org},\n  urldate = {2021-01-02},\n}\n")


def test_what_a_target_cannot_hold_is_a_warning(tmp_path: Path) -> None:
    items = [{"id": "a", "type": "book", "title": "A", "illustrator": [{"family": "Doe"}],
              "author": [{"family": "Roe"}, {"literal": "others"}],
              "issued": {"date-parts": [[2001, 2, 3], [2002]]}},
             {"id": "b", "type": "book", "title": "B", "issued": {"date-parts": [[2001, 2, 3]]}}]
    f = tmp_path / "lib.json"
    f.write_text(json.dumps(items), encoding="utf-8")
    r = run("convert", str(f), "--to", "ris", "-v")
    assert r.exit_code == 0
    assert "illustrator" in r.stderr and "'and others'" in r.stderr and "date range" in r.stderr
    r = run("convert", str(f), "--to", "bibtex", "-v")
    assert "day of the date" in r.stderr and "illustrator" in r.stderr and "date range" in r.stderr
    r = run("convert", str(f), "--to", "csl-yaml")
    assert r.stderr == "" and "illustrator:" in r.stdout  # CSL to CSL: items pass as they are
    bib = tmp_path / "x.bib"
    bib.write_text("@book{b, title={B}, year=2000, mrnumber={123}}", encoding="utf-8")
    r = run("convert", str(bib), "--to", "csl-json")
    assert "no place for the BibTeX field 'mrnumber'" in r.stderr


def test_warnings_are_counted_per_kind_without_verbose(tmp_path: Path) -> None:
    f = tmp_path / "x.bib"
    f.write_text("".join(f"@book{{b{i}, title={{B}}, year=2000, mrnumber={{{i}}}}}\n" for i in range(6)),
                 encoding="utf-8")
    r = run("convert", str(f), "--to", "ris")
    assert r.exit_code == 0 and len(r.stderr.strip().splitlines()) == 1 and "5 more like it" in r.stderr


def test_string_macros_from_another_file(tmp_path: Path) -> None:
    (tmp_path / "defs.bib").write_text("@string{jom = {Journal of Maps}}\n", encoding="utf-8")
    (tmp_path / "a.bib").write_text("@article{a, title={A}, journal=jom, year=2001}\n", encoding="utf-8")
    r = run("convert", str(tmp_path / "a.bib"), str(tmp_path / "defs.bib"), "--to", "csl-json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)[0]["container-title"] == "Journal of Maps"
    bib = read_bibliography([tmp_path / "a.bib", tmp_path / "defs.bib"])
    assert bib.warnings == [] and bib.references[0].line == 1 and bib.formats == ["bibtex", "bibtex"]


def test_files_of_different_formats_are_one_bibliography(bibfile: Path, tmp_path: Path) -> None:
    ris = tmp_path / "more.ris"
    ris.write_text("TY  - BOOK\nID  - smith2020\nTI  - Other\nER  -\n", encoding="utf-8")
    bib = read_bibliography([bibfile, ris])
    assert bib.kind == "mixed" and len(bib.references) == 3
    assert any("'smith2020' is also in" in str(w) for w in bib.warnings)
    text, lost = write_bibliography(bib, "bibtex")
    assert len(re.findall(r"^@", text, re.M)) == 3 and any(p.rule == "key-changed" for p in lost)


def test_output_rules(bibfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    r = run("convert", str(bibfile), "-o", str(out))
    assert r.exit_code == 2 and "already exists" in r.stderr and out.read_text(encoding="utf-8") == "keep me"
    r = run("convert", str(bibfile), "-o", str(out), "--force")  # --to from the extension
    assert r.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))[0]["id"] == "smith2020"
    r = run("convert", str(bibfile), "-o", str(tmp_path / "x.bib"))
    assert r.exit_code == 2 and "--to" in r.stderr


def test_bad_input_is_one_error_line(tmp_path: Path) -> None:
    f = tmp_path / "list.txt"
    f.write_text("Smith, J. (2020). Rivers. Journal of Maps, 12, 10-20.\n", encoding="utf-8")
    r = run("convert", str(f), "--to", "bibtex")
    assert r.exit_code == 2 and r.stderr.startswith("Error: cannot tell the format") and "refkit parse" in r.stderr
    r = run("convert", str(tmp_path / "missing.bib"), "--to", "ris")
    assert r.exit_code == 2 and "no such file" in r.stderr
    broken = tmp_path / "b.bib"
    broken.write_text("@book{a, title={A}, year=2000}\n@book{b, title={B\n", encoding="utf-8")
    assert run("convert", str(broken), "--to", "ris").exit_code == 0
    r = run("convert", str(broken), "--to", "ris", "--strict")
    assert r.exit_code == 2 and "Error: malformed BibTeX" in r.stderr


def test_from_forces_the_reader(tmp_path: Path) -> None:
    f = tmp_path / "data.txt"
    f.write_text("TY  - JOUR\nTI  - A\nER  -\n", encoding="utf-8")
    assert run("convert", str(f), "--to", "csl-json").exit_code == 0
    r = run("convert", str(f), "--to", "csl-json", "--from", "csl-json")
    assert r.exit_code == 2 and "is not valid JSON" in r.stderr


def test_standard_input(bibfile: Path) -> None:
    r = run("convert", "-", "--to", "csl-yaml", input=bibfile.read_text(encoding="utf-8"))
    assert r.exit_code == 0 and r.stdout.startswith("---\nreferences:\n- id: smith2020")


def test_sniffing_prefers_content_and_uses_the_extension_for_ties() -> None:
    assert formats.sniff("@book{a, title={A}}", "x.txt").family == "bibtex"
    assert formats.sniff("@book{a, date={2001}}", "x.bib").name == "biblatex"
    assert formats.sniff('[{"id": "a"}]', "x.bib").name == "csl-json"
    assert formats.sniff("references:\n- id: a\n", "").name == "csl-yaml"
    assert formats.sniff("\nTY  - JOUR\n", "x.txt").name == "ris"
    with pytest.raises(InputError):
        formats.sniff("just words", "x")
    with pytest.raises(InputError):
        formats.get("endnote-xml")


def test_a_reference_made_in_code_goes_everywhere() -> None:
    ref = Reference(id="k", type="chapter", fields={"title": "Ch", "container-title": "Book", "page": "1-9"},
                    names={"author": [Name(family="Doe", given="J.")], "editor": [Name(literal="ACME")]},
                    dates={"issued": Date((1999,))})
    for name in formats.names():
        text, lost = formats.get(name).write([ref])
        assert lost == [], (name, lost)
        back, _ = formats.get(name).read(text, "x")
        assert back[0].to_csl() | {"id": "k"} == ref.to_csl(), name
