"""refkit add and refkit enrich against the loopback metadata server (tests/metadata_servers.py)."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from refkit.bib import bibtex
from refkit.cli import cli
from refkit.errors import InputError
from refkit.manage.sources import Identifier, parse_identifier

sys.path.insert(0, str(Path(__file__).parent))
from metadata_servers import MetadataServer  # noqa: E402

KINDS = ["10.5555/jgeo.2019.0042", "https://doi.org/10.5555/book.7781", "doi:10.5555/chap.55", "10.5555/data.abc",
         "10.5555/osf.xyz12", "arXiv:2104.05512"]


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("REFKIT_MIN_INTERVAL", "0")
    with MetadataServer() as s:
        yield s


def run(server, *args, env=None):
    return CliRunner().invoke(cli, [*args, "--allow-private", *server.service_args()], env=env)


@pytest.mark.parametrize("text,kind,value", [
    ("10.1000/xyz123", "doi", "10.1000/xyz123"), ("https://dx.doi.org/10.1000/A.B", "doi", "10.1000/A.B"),
    ("doi: 10.1000/x.", "doi", "10.1000/x"), ("arXiv:2101.00001v2", "arxiv", "2101.00001v2"),
    ("https://arxiv.org/abs/hep-th/9901001", "arxiv", "hep-th/9901001"), ("2101.00001", "arxiv", "2101.00001"),
    ("10.48550/arXiv.2101.00001", "arxiv", "2101.00001"), ("978-0-306-40615-7", "isbn", "9780306406157"),
    ("ISBN 0-306-40615-2", "isbn", "0306406152"), ("pmid:31415926", "pmid", "31415926"),
    ("https://pubmed.ncbi.nlm.nih.gov/123/", "pmid", "123"), ("https://example.org/a", "url", "https://example.org/a"),
])
def test_identifiers(text, kind, value):
    assert parse_identifier(text) == Identifier(kind, value)


@pytest.mark.parametrize("text", ["978-0-306-40615-8", "hello", "isbn:12345"])
def test_bad_identifiers(text):
    with pytest.raises(InputError):
        parse_identifier(text)


def test_dry_run_prints_every_kind_and_writes_nothing(server, tmp_path):
    target = tmp_path / "refs.bib"
    r = run(server, "add", *KINDS, "978-0-306-40615-7", "pmid:31415926", "10.5555/late.1", "--dry-run",
            "--to", str(target))
    assert r.exit_code == 0, r.output
    assert not target.exists()
    refs, problems = bibtex.loads(r.stdout)
    assert not problems
    by = {x.id: x for x in refs}
    assert list(by) == ["okoro2019", "marchetti2016", "byrne2018", "achterberg2021", "sandoval2022", "tanaka2021",
                        "hale2020", "quinn2020"]
    assert by["okoro2019"].get("title") == "Basalt weathering rates in humid uplands"  # markup stripped
    assert by["marchetti2016"].get("title") == "Tides and Tenure: Coastal Land Law since 1800"
    assert by["byrne2018"].type == "chapter" and by["byrne2018"].get("container-title") == "Essays on Coastal Commons"
    assert by["achterberg2021"].type == "dataset" and by["achterberg2021"].names["author"][1].literal
    assert by["sandoval2022"].get("container-title") == "PsyArXiv preprint"
    tan = by["tanaka2021"]
    assert tan.get("DOI") == "10.48550/arXiv.2104.05512" and tan.extra.get("eprint") == "2104.05512"
    assert [n.family for n in tan.names["author"]] == ["Tanaka", "Adeyemi", "Cruz"]
    hale = by["hale2020"]
    assert (hale.get("DOI"), hale.get("page"), hale.names["author"][1].particle) == ("10.5555/jss.88", "88-97", "van")
    # the ISBN is the book's: added once only (within one run too)
    assert "isbn:9780306406157: already in the bibliography as the entry for doi:10.5555/book.7781" in r.stderr
    # polite: a User-Agent with the contact from the environment, CSL-JSON asked for
    assert all(e["ua"].startswith("refkit/") for e in server.log)
    assert any(e["accept"] == "application/vnd.citationstyles.csl+json" for e in server.log)


def test_add_appends_atomically_and_entries_format_right(server, tmp_path, monkeypatch):
    target = tmp_path / "refs.bib"
    target.write_text("% mine\n@article{okoro2019x, author={Someone, A.}, title={Other}, journal={J}, year={2001}}\n")
    before = target.read_text()
    r = run(server, "add", *KINDS, "--to", str(target), env={"REFKIT_MAILTO": "me@example.org"})
    assert r.exit_code == 0, r.output
    text = target.read_text()
    assert text.startswith(before) and text.count("@") == 7
    assert "me@example.org" in server.log[0]["ua"]
    r = CliRunner().invoke(cli, ["format", "-s", "apa", str(target)])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()

    def line(start):
        return next(x for x in lines if x.startswith(start))

    assert line("Okoro, A., & Lindahl, S. (2019). Basalt weathering rates in humid uplands. "
                "Journal of Upland Geochemistry, 31(4), 211–229. https://doi.org/10.5555/jgeo.2019.0042")
    # APA prints titles as stored; BibTeX titles in Title Case are read in sentence case (--sentence-case auto)
    assert line("Marchetti, G. (2016). Tides and tenure: Coastal land law since 1800. Harbour University Press.")
    assert line("Byrne, C. (2018). Salt marsh grazing rights. In G. Marchetti (Ed.), Essays on coastal commons "
                "(pp. 45–67). Harbour University Press.")
    assert "[Dataset]. Open Hydro Data." in line("Achterberg, F.")
    assert "arXiv:2104.05512" in line("Tanaka, H., Adeyemi, F., & de la Cruz, A. (2021). Sparse attention")
    assert "PsyArXiv" in line("Sandoval, R. (2022). Attention lapses predict typing errors.")
    # adding again adds nothing
    r = run(server, "add", "10.5555/JGEO.2019.0042", "--to", str(target))
    assert r.exit_code == 0 and "already in the bibliography as okoro2019" in r.stderr
    assert target.read_text() == text


def test_cache_and_retries(server, tmp_path):
    server.fail_next = [503, 429]
    r = run(server, "add", "10.5555/jgeo.2019.0042", "--dry-run")
    assert r.exit_code == 0, r.output
    assert len(server.log) == 3  # two refusals, then the answer
    r = run(server, "add", "10.5555/jgeo.2019.0042", "--dry-run")
    assert r.exit_code == 0 and len(server.log) == 3  # from the cache
    r = run(server, "add", "10.5555/jgeo.2019.0042", "--dry-run", "--no-cache")
    assert len(server.log) == 4


def test_unknown_identifier_is_an_input_error(server, tmp_path):
    target = tmp_path / "refs.bib"
    target.write_text("@misc{a, title={A}}\n")
    r = run(server, "add", "10.5555/jgeo.2019.0042", "10.5555/nothing.here", "--to", str(target))
    assert r.exit_code == 2
    assert "Error: no metadata found for doi:10.5555/nothing.here" in r.stderr
    assert target.read_text() == "@misc{a, title={A}}\n"  # the first one was not written either


def test_network_failure_exits_3_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("REFKIT_MIN_INTERVAL", "0")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    target = tmp_path / "refs.bib"
    target.write_text("@misc{a, title={A}}\n")
    r = CliRunner().invoke(cli, ["add", "10.5555/x", "--to", str(target), "--allow-private", "--service",
                                 f"doi=http://127.0.0.1:{port}", "--timeout", "2"])
    assert r.exit_code == 3
    assert r.stderr.startswith("Error: could not get http://127.0.0.1:") and "Traceback" not in r.output
    assert target.read_text() == "@misc{a, title={A}}\n"


def test_private_addresses_are_refused_by_default(server, tmp_path):
    target = tmp_path / "refs.bib"
    r = CliRunner().invoke(cli, ["add", "10.5555/jgeo.2019.0042", "--to", str(target), *server.service_args()])
    assert r.exit_code == 3 and "private" in r.stderr
    assert not target.exists() and server.log == []


def test_services_from_the_config_file(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.refkit]\nbibliography = "refs.bib"\nmailto = "lab@example.org"\n'
        f'[tool.refkit.services]\ndoi = "{server.base("doi")}"\n')
    (tmp_path / "refs.bib").write_text("")
    r = CliRunner().invoke(cli, ["add", "10.5555/chap.55", "--allow-private"])
    assert r.exit_code == 0, r.output
    assert "@incollection{byrne2018," in (tmp_path / "refs.bib").read_text()
    assert "lab@example.org" in server.log[0]["ua"]


def test_add_to_csl_json(server, tmp_path):
    target = tmp_path / "refs.json"
    target.write_text('[{"id": "x", "type": "book", "title": "X"}]')
    r = run(server, "add", "10.5555/book.7781", "--to", str(target))
    assert r.exit_code == 0, r.output
    items = json.loads(target.read_text())
    assert [i["id"] for i in items] == ["x", "marchetti2016"] and items[1]["publisher"] == "Harbour University Press"


ENRICH = """@article{okoro,
  author = {Okoro, A. and Lindahl, S.},
  title = {Basalt weathering rates in humid uplands},
  year = {2019}
}

@article{zhou,
  author = {Nobody, Anne},
  title = {Basalt weathering in arid lowlands},
  year = {2019}
}

@book{marchetti,
  author = {Marchetti, Giulia},
  title = {Tides and Tenure},
  doi = {10.5555/book.7781},
  year = {2016}
}
"""


def test_enrich_shows_a_diff_and_applies_with_yes(server, tmp_path):
    p = tmp_path / "refs.bib"
    p.write_text(ENRICH)
    r = run(server, "enrich", str(p))
    assert r.exit_code == 0, r.output
    assert f"{p}:1 okoro (from crossref search" in r.stdout
    assert "  + DOI = 10.5555/jgeo.2019.0042" in r.stdout and "  + page = 211-229" in r.stdout
    assert f"{p}:13 marchetti (from doi" in r.stdout and "  + publisher = Harbour University Press" in r.stdout
    assert "zhou" not in r.stdout  # same title words, different author: never accepted
    assert p.read_text() == ENRICH
    r = run(server, "enrich", str(p), "--format", "json")
    data = json.loads(r.stdout)
    assert [c["key"] for c in data["changes"]] == ["okoro", "marchetti"]
    assert [u["key"] for u in data["unmatched"]] == ["zhou"]
    r = run(server, "enrich", str(p), "--yes")
    assert r.exit_code == 0
    refs, _ = bibtex.loads(p.read_text())
    by = {x.id: x for x in refs}
    assert by["okoro"].get("DOI") == "10.5555/jgeo.2019.0042" and by["okoro"].get("volume") == "31"
    assert by["okoro"].names["author"][0].given == "A."  # filled, never replaced
    assert by["marchetti"].get("title") == "Tides and Tenure"
    assert "@article{zhou,\n  author = {Nobody, Anne}," in p.read_text()


def test_enrich_on_a_real_file_changes_nothing_unsafe(server, shared, tmp_path):
    src = shared / "realworld" / "bib" / "kks32-phd-thesis-template.bib"
    p = tmp_path / "thesis.bib"
    p.write_bytes(src.read_bytes())
    r = run(server, "enrich", str(p), "--format", "json", "--yes")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["changes"] == []  # the loopback search answers with works that are not these
    assert p.read_bytes() == src.read_bytes()
