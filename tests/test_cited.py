"""refkit cited: citation keys from LaTeX, Markdown, .aux and .bcf; undefined/unused/cited-once; --prune."""

from __future__ import annotations

import json

from click.testing import CliRunner

from refkit.bib import bibtex
from refkit.cli import cli
from refkit.manage.cited import analyse, citation_order, cited_keys

BIB = """@string{jx = {Journal X}}

@article{alpha, author={Ames, A.}, title={Alpha}, journal=jx, year={2001}}

@article{beta, author={Bose, B.}, title={Beta}, journal={J}, year={2002}}

@incollection{gamma, author={Gill, G.}, title={Gamma}, crossref={book}, year={2003}}

@book{book, editor={Hale, H.}, title={The Book}, publisher={P}, year={2003}}

@misc{delta, author={Dunn, D.}, title={Delta}, year={2004}}
"""


def keys(path):
    return [k for k, _, _ in cited_keys([path])]


def test_latex_commands(tmp_path):
    tex = tmp_path / "paper.tex"
    tex.write_text(
        "\\documentclass{article}\n"
        "100\\% \\cite{afterpercent} % \\cite{commented}\n"
        "Text \\cite{alpha} \\citet[p.~3]{beta} \\citep[see][12]{gamma,\n  delta}\n"
        "\\parencite*{p1} \\textcite{t1} \\autocite[4]{a1} \\citealp{n1} \\citeauthor*{n2} \\citeyear{n3}\n"
        "\\cites(pre)(post)[a][b]{m1}[c]{m2}{m3} \\footcite{f1} \\Textcite{T1}\n"
        "\\begin{verbatim}\n\\cite{verb}\n\\end{verbatim}\n"
        "\\citestyle{plain} \\nocite{*} \\cite {spaced}\n"
        "\\excitedstate{no} \\newcommand{\\mycite}[1]{\\cite{#1}} \\volcite[see]{2}[10]{v1} \\shortcite{s1}\n")
    assert keys(tex) == ["afterpercent", "alpha", "beta", "gamma", "delta", "p1", "t1", "a1", "n1", "n2", "n3",
                         "m1", "m2", "m3", "f1", "T1", "*", "spaced", "v1", "s1"]
    lines = {k: line for k, _, line in cited_keys([tex])}
    assert lines["delta"] == 4 and lines["m1"] == 6 and lines["spaced"] == 10


def test_latex_follows_input_and_include(tmp_path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "one.tex").write_text("\n\\cite{inside}\n")
    main = tmp_path / "main.tex"
    main.write_text("\\cite{first}\n\\include{chapters/one}\n\\cite{last}\n")
    assert cited_keys([main]) == [("first", str(main), 1), ("inside", str(tmp_path / "chapters" / "one.tex"), 2),
                                  ("last", str(main), 3)]
    (tmp_path / "chapters" / "two.tex").write_text("\\cite{imported}\n")
    main.write_text("\\iffalse\n\\cite{hidden}\n\\fi\n\\subimport{chapters/}{two}\n\\iffalsey\\cite{shown}\n")
    assert [k for k, _, _ in cited_keys([main])] == ["imported", "shown"]


def test_markdown_citations(tmp_path):
    md = tmp_path / "doc.md"
    md.write_text(
        "---\ntitle: A\nnocite: |\n  @nc1, @nc2\nauthor: x@y.org\n---\n"
        "See [@alpha, p. 3; -@beta] and @gamma says [see @delta, pp. 3-4; also @{odd:key}].\n"
        "Mail someone@example.com or @ alone; see @fig-one, @tbl-two and @sec:three.\n"
        "A key ends before a full stop: @last.\n\n"
        "```python\n@decorator\n```\n\n    @indented_code\n\n`@inline` <https://site.org/@user> [x](https://a.b/@c)\n"
        "[@Smith_2020:ab] and @{https://example.org/bib?n=1&y=2000}.\n")
    assert keys(md) == ["nc1", "nc2", "alpha", "beta", "gamma", "delta", "odd:key", "last", "Smith_2020:ab",
                         "https://example.org/bib?n=1&y=2000"]
    assert cited_keys([md])[2] == ("alpha", str(md), 7)


def test_aux_and_bcf(tmp_path):
    aux = tmp_path / "paper.aux"
    aux.write_text("\\relax\n\\citation{alpha,beta}\n\\bibcite{alpha}{1}\n\\abx@aux@cite{0}{gamma}\n"
                   "\\@input{ch.aux}\n")
    (tmp_path / "ch.aux").write_text("\\citation{delta}\n")
    assert keys(aux) == ["alpha", "beta", "gamma", "delta"]
    bcf = tmp_path / "paper.bcf"
    bcf.write_text('<?xml version="1.0"?>\n<bcf:controlfile xmlns:bcf="https://sourceforge.net/projects/biblatex">\n'
                   '  <bcf:section number="0">\n    <bcf:citekey order="1" intorder="1">beta</bcf:citekey>\n'
                   '    <bcf:citekey order="2" intorder="1">alpha</bcf:citekey>\n  </bcf:section>\n</bcf:controlfile>\n')
    assert cited_keys([bcf]) == [("beta", str(bcf), 4), ("alpha", str(bcf), 5)]


def test_analyse_and_citation_order(tmp_path):
    tex = tmp_path / "p.tex"
    tex.write_text("\\cite{beta}\n\\cite{gamma,nope}\n\\cite{beta}\n")
    refs, _ = bibtex.loads(BIB)
    report = analyse(cited_keys([tex]), refs)
    assert report.undefined == [("nope", str(tex), 2)]
    assert [r.id for r in report.unused] == ["alpha", "delta"]  # book is gamma's crossref parent
    assert [c[0] for c in report.cited_once] == ["gamma"]
    assert citation_order([tex]) == ["beta", "gamma", "nope"]


def test_cli_report_json_and_exit_codes(tmp_path):
    (tmp_path / "refs.bib").write_text(BIB)
    tex = tmp_path / "p.tex"
    tex.write_text("\\addbibresource{refs.bib}\n\\cite{alpha,Beta}\n")
    r = CliRunner().invoke(cli, ["cited", str(tex)])
    assert r.exit_code == 1
    assert f"{tex}:2: undefined key Beta (did you mean beta?)" in r.stdout
    assert "unused entry delta" in r.stdout and f"{tex}:2: cited once: alpha" in r.stdout
    r = CliRunner().invoke(cli, ["cited", str(tex), "--format", "json"])
    data = json.loads(r.stdout)
    assert data["undefined"] == [{"key": "Beta", "file": str(tex), "line": 2}]
    assert [u["key"] for u in data["unused"]] == ["beta", "gamma", "book", "delta"]
    assert data["cited_once"] == [{"key": "alpha", "file": str(tex), "line": 2}]
    tex.write_text("\\cite{alpha}\n")
    r = CliRunner().invoke(cli, ["cited", str(tex), "--bib", str(tmp_path / "refs.bib")])
    assert r.exit_code == 0


def test_cli_prune(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB)
    md = tmp_path / "d.md"
    md.write_text("As [@gamma; @alpha] show.\n")
    out = tmp_path / "cited.bib"
    r = CliRunner().invoke(cli, ["cited", str(md), "--bib", str(bib), "--prune", "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text()
    assert text.startswith("@string{jx = {Journal X}}\n\n@article{alpha,")
    refs, problems = bibtex.loads(text)
    assert [x.id for x in refs] == ["alpha", "gamma", "book"] and not problems
    r = CliRunner().invoke(cli, ["cited", str(md), "--bib", str(bib), "--prune"])
    assert r.exit_code == 2 and "--prune needs -o OUT" in r.output


def test_missing_document_is_one_error_line(tmp_path):
    r = CliRunner().invoke(cli, ["cited", str(tmp_path / "nope.tex"), "--bib", str(tmp_path / "x.bib")])
    assert r.exit_code == 2 and r.output.startswith("Error: ") and "Traceback" not in r.output


def test_bib_from_the_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.refkit.cited]\nbib = ["lib/main.bib"]\n')
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "main.bib").write_text(BIB)
    (tmp_path / "d.md").write_text("[@alpha; @zeta]\n")
    r = CliRunner().invoke(cli, ["cited", "d.md", "--format", "json"])
    assert r.exit_code == 1 and [u["key"] for u in json.loads(r.stdout)["undefined"]] == ["zeta"]


def test_realworld_markdown_has_no_live_citations(shared):
    # pandoc's test cases hold biblatex and CSL inside code blocks and front matter: nothing is cited
    docs = sorted((shared / "realworld" / "pandoc-biblatex").glob("*.md"))
    assert docs
    r = CliRunner().invoke(cli, ["cited", *map(str, docs), "--bib",
                                 str(shared / "realworld" / "pandoc-biblatex" / "biblio.bib"), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["summary"]["citations"] == 0


def test_realworld_prune_keeps_what_a_document_cites(shared, tmp_path):
    bib = shared / "realworld" / "bib" / "xampl.bib"
    refs, _ = bibtex.loads(bib.read_text(encoding="utf-8"))
    chosen = [r.id for r in refs if r.extra.get("crossref")][:2]
    assert chosen
    tex = tmp_path / "p.tex"
    tex.write_text("\\cite{" + ",".join(chosen) + "}\n")
    out = tmp_path / "cited.bib"
    r = CliRunner().invoke(cli, ["cited", str(tex), "--bib", str(bib), "--prune", "-o", str(out)])
    assert r.exit_code == 0, r.output
    kept, problems = bibtex.loads(out.read_text())
    parents = {r.extra["crossref"].lower() for r in refs if r.id in chosen}  # crossref keys ignore case
    assert {k.id.lower() for k in kept} == {c.lower() for c in chosen} | parents
    assert not [p for p in problems if p.severity == "error"]
