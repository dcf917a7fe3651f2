"""refkit parse as a user meets it: exit codes, Error lines, files, encodings, bad input."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from refkit.cli import cli

REF = "Smith, John (2015), “Power and Alliances”, Journal of Eurasian Affairs, Vol. 7, No. 3, pp. 55-78.\n"
BOOK = "Ahmadi, Reza (2011), Foreign Policy Analysis, Tehran: Mizan [in Persian].\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_parse_file_to_stdout(tmp_path):
    f = tmp_path / "refs.txt"
    f.write_text(REF + BOOK, encoding="utf-8")
    r = run("parse", str(f))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("@article{smith2015,") and "@book{ahmadi2011," in r.stdout
    assert "language = {Persian}" in r.stdout


def test_parse_stdin_to_csl_json():
    r = run("parse", "-", "--to", "csl-json", input=REF)
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data[0]["id"] == "smith2015" and data[0]["type"] == "article-journal"
    assert data[0]["author"] == [{"family": "Smith", "given": "John"}]
    assert data[0]["issued"] == {"date-parts": [[2015]]} and data[0]["issue"] == "3"


def test_output_file_is_not_overwritten_without_force(tmp_path):
    src = tmp_path / "refs.txt"
    src.write_text(REF, encoding="utf-8")
    out = tmp_path / "out.bib"
    out.write_text("precious", encoding="utf-8")
    r = run("parse", str(src), "-o", str(out))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == f"Error: {out} already exists"
    assert "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "precious"
    r = run("parse", str(src), "-o", str(out), "--force")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("@article{smith2015,")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_one_per_line_gives_exactly_one_entry_per_line(tmp_path):
    lines = [REF.strip(), "not a reference at all", BOOK.strip(), "x" * 100_000]
    f = tmp_path / "refs.txt"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("parse", str(f), "--one-per-line", "--to", "csl-json")
    assert r.exit_code == 0
    assert len(json.loads(r.stdout)) == 4
    assert f"{f}:2: " in r.stderr and f"{f}:4: " in r.stderr and "too long" in r.stderr
    assert "Traceback" not in r.stderr


def test_strict_fails_on_unparsed_references(tmp_path):
    f = tmp_path / "refs.txt"
    f.write_text(REF + "\n\n12345 67890 ### ???\n", encoding="utf-8")  # kept (it has numbers) but not parsed
    assert run("parse", str(f)).exit_code == 0
    r = run("parse", str(f), "--strict")
    assert r.exit_code == 1 and ":4: " in r.stderr


def test_explain_labels_the_parts():
    r = run("parse", "--explain", "-", input=REF)
    assert r.exit_code == 0
    assert "title: Power and Alliances" in r.stdout and "volume: Vol. 7" in r.stdout
    assert "@article" not in r.stdout  # the explanation replaces the BibTeX on stdout


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"   \n\n  ", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
])
def test_bad_input_gets_one_error_line(tmp_path, content, message):
    f = tmp_path / "in.txt"
    f.write_bytes(content)
    r = run("parse", str(f))
    assert r.exit_code == 2
    first = r.stderr.splitlines()[0]
    assert first.startswith("Error: ") and message in first
    assert r.stderr.splitlines()[1].startswith("Hint: ")


def test_missing_file():
    r = run("parse", "/nonexistent/refs.txt")
    assert r.exit_code == 2 and r.stderr.startswith("Error: /nonexistent/refs.txt: no such file")


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                           ("utf-8", codecs.BOM_UTF8)])
def test_unicode_with_bom(tmp_path, encoding, bom):
    f = tmp_path / "in.txt"
    f.write_bytes(bom + (REF + BOOK).encode(encoding))
    r = run("parse", str(f))
    assert r.exit_code == 0 and "@book{ahmadi2011," in r.stdout and "Warning" not in r.stderr


def test_latin1_is_read_with_a_warning(tmp_path):
    f = tmp_path / "in.txt"
    f.write_bytes("Müller, Jörg (2001), Straße und Stadt, Zürich: Verlag.\n".encode("latin-1"))
    r = run("parse", str(f))
    assert r.exit_code == 0
    assert "author = {Müller, Jörg}" in r.stdout and "title = {Straße und Stadt}" in r.stdout
    assert r.stderr.startswith("Warning: ") and "not UTF-8" in r.stderr


def test_a_50_mb_file_is_refused_promptly(tmp_path):
    f = tmp_path / "big.txt"
    with open(f, "wb") as fh:
        fh.write((REF * 10).encode() * (50 * 1024 * 1024 // (len(REF.encode()) * 10) + 1))
    r = run("parse", str(f))
    assert r.exit_code == 2 and "larger than 20 MB" in r.stderr.splitlines()[0]


def test_no_traceback_from_the_installed_command(tmp_path):
    f = tmp_path / "in.bin"
    f.write_bytes(os.urandom(4096))
    p = subprocess.run([sys.executable, "-m", "refkit", "parse", str(f)], capture_output=True, text=True)
    assert p.returncode == 2 and p.stderr.startswith("Error: ") and "Traceback" not in p.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("refkit, version ")
    r = run("parse", "--help")
    assert r.exit_code == 0 and "--one-per-line" in r.stdout and "--strict" in r.stdout


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, encoding):
    f = tmp_path / "in.txt"
    f.write_bytes((REF + BOOK).encode(encoding))
    r = run("parse", str(f))
    assert r.exit_code == 0 and "@book{ahmadi2011," in r.stdout and "Warning" not in r.stderr


@pytest.mark.parametrize("name, content, kind", [
    ("refs.bib", "@article{smith2001,\n  author = {Smith, John},\n  title = {A Title},\n  year = {2001}\n}\n", "BibTeX"),
    ("refs.txt", "@book{x, title={T}, year={1999}}\n", "BibTeX"),
    ("refs.json", '[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]}}]', "CSL-JSON"),
    ("refs.txt", "TY  - JOUR\nAU  - Lind, Petra\nTI  - Harbour walls\nPY  - 2019\nER  - \n", "RIS"),
    ("refs.txt", "%0 Journal Article\n%A Lind, Petra\n%T Harbour walls\n%J Journal of Ports\n%D 2019\n", "EndNote tagged"),
])
def test_structured_input_points_to_convert(tmp_path, name, content, kind):
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    r = run("parse", str(f))
    assert r.exit_code == 2
    lines = r.stderr.splitlines()
    assert lines[0] == f"Error: {f} is already a structured bibliography ({kind}), not a reference list"
    assert lines[1].startswith("Hint: ") and "refkit convert" in lines[1]


def test_output_never_replaces_the_input_even_with_force(tmp_path):
    f = tmp_path / "refs.txt"
    f.write_text(REF, encoding="utf-8")
    for args in (["-o", str(f)], ["-o", str(f), "--force"], ["-o", str(tmp_path / "." / "refs.txt"), "--force"]):
        r = run("parse", str(f), *args)
        assert r.exit_code == 2 and "is the input file" in r.stderr.splitlines()[0]
    assert f.read_text(encoding="utf-8") == REF


def test_skipped_headings_and_prose_are_reported(tmp_path):
    f = tmp_path / "list.md"
    f.write_text("# Reading list\n\nSome classics to start with:\n\n- " + REF + "- " + BOOK, encoding="utf-8")
    r = run("parse", str(f))
    assert r.exit_code == 0
    assert r.stdout.count("@") == 2
    assert f"{f}:1: skipped: a heading: # Reading list" in r.stderr
    assert f"{f}:3: skipped: prose between the groups of the list" in r.stderr


def test_explain_says_why_each_reference_starts_where_it_does():
    text = "[1] " + REF + "\n[2] " + BOOK
    r = run("parse", "--explain", "-", input=text)
    assert r.exit_code == 0
    assert "starts here: first number [1]" in r.stdout
    assert "starts here: number [2] follows 1" in r.stdout


def test_keep_repeats_and_pages_options(tmp_path):
    notes = "[^1]: " + REF + "[^2]: Ibid., 60.\n"
    assert run("parse", "-", input=notes).stdout.count("\n@") + 1 == 1
    assert run("parse", "--keep-repeats", "-", input=notes).stdout.count("@") == 2
    r = run("parse", "--pages", "2", "-", input=REF)
    assert r.exit_code == 2 and r.stderr.startswith("Error: --pages is for PDF input")
