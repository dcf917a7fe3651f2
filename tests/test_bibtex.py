"""BibTeX reading/writing: round trips, escaping, keys, names, broken input."""

from __future__ import annotations

import bibtexparser
import pytest

from refkit.bib import bibtex, bibtex_writer, latex
from refkit.bib.keys import assign_keys
from refkit.errors import BibtexError
from refkit.model import Date, Name, Reference


def _ref(**kw) -> Reference:
    r = Reference(type=kw.pop("type", "article-journal"))
    r.names["author"] = kw.pop("authors", [Name(family="Smith", given="Jane")])
    r.dates["issued"] = kw.pop("issued", Date(start=(2019,)))
    r.fields.update(kw)
    return r


def test_round_trip_through_bibtexparser_keeps_every_field():
    r = _ref(title="Costs & benefits: 50% of #1_items cost $5 {protected}",
             **{"container-title": "Zeitschrift für Ökonomie", "volume": "12", "issue": "2", "page": "419-434",
                "URL": "http://example.org/a_b%20c#frag", "DOI": "10.1000/x_y", "language": "Persian"})
    r.names["translator"] = [Name(family="Berg", given="Anna", particle="van den")]
    r.names["author"].append(Name.et_al())
    r.dates["accessed"] = Date(start=(2020, 2, 18))
    text = bibtex_writer.dumps([r])
    # bibtexparser itself reads it, with no failed blocks
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 1
    fields = lib.entries[0].fields_dict
    assert fields["title"].value == r"Costs \& benefits: 50\% of \#1\_items cost \$5 {protected}"
    assert fields["url"].value == "http://example.org/a_b%20c#frag"  # verbatim field
    assert fields["pages"].value == "419--434"
    assert fields["urldate"].value == "2020-02-18"
    back, problems = bibtex.loads(text)
    assert problems == []
    assert back[0].to_csl() == {**r.to_csl(), "id": back[0].id}


def test_unbalanced_braces_are_escaped_so_the_file_stays_valid():
    r = _ref(title="A } stray { brace }")
    text = bibtex_writer.dumps([r])
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks
    back, _ = bibtex.loads(text)
    assert back[0].fields["title"] == "A } stray { brace }"


def test_non_ascii_stays_utf8_and_latex_input_is_decoded():
    refs, _ = bibtex.loads(r"@article{k, author={M{\"u}ller, J{\"o}rg and Dvo\v{r}{\'a}k, Anton}, "
                           r"title={Caf\'e -- {\"U}ber \& mehr}, year=2001}")
    r = refs[0]
    assert [str(n) for n in r.names["author"]] == ["Müller, Jörg", "Dvořák, Anton"]
    assert r.fields["title"] == "Café – Über & mehr"
    assert "Müller" in bibtex_writer.dumps(refs)


def test_names_particles_others_and_corporate():
    refs, _ = bibtex.loads("@book{k, author={van den Berg, Anna and {World Health Organization} and others}, "
                           "title={T}, year={2020}}")
    a = refs[0].names["author"]
    assert (a[0].particle, a[0].family, a[0].given) == ("van den", "Berg", "Anna")
    assert a[1].literal == "World Health Organization"
    assert a[2].others
    out = bibtex_writer.dumps(refs)
    assert "author = {van den Berg, Anna and {World Health Organization} and others}" in out


def test_year_ranges_and_month():
    refs, _ = bibtex.loads("@article{a, year={2020/2021}, title={T}}\n@article{b, year=2012, month=oct, title={U}}")
    assert refs[0].dates["issued"].to_csl() == {"date-parts": [[2020], [2021]]}
    assert refs[1].dates["issued"].start == (2012, 10)
    out = bibtex_writer.dumps(refs)
    assert "year = {2020/2021}" in out and "date = {2012-10}" in out


def test_keys_are_stable_and_unique():
    a = _ref(title="One")
    b = _ref(title="Two")
    c = _ref(authors=[Name(family="Hasan Nia Rami", given="Leyla", particle="")], issued=Date(start=(2019,)))
    d = _ref(authors=[Name(literal="World Bank")], issued=Date(start=(2020,)))
    assert assign_keys([a, b, c, d]) == ["smith2019a", "smith2019b", "hasanniarami2019", "worldbank2020"]
    assert assign_keys([a, b, c, d]) == assign_keys([a, b, c, d])


def test_existing_unique_keys_are_kept_and_duplicates_renamed():
    a, b = _ref(title="One"), _ref(title="Two")
    a.id = b.id = "same"
    c = _ref(title="Three")
    c.id = "mykey"
    assert assign_keys([a, b, c]) == ["smith2019a", "smith2019b", "mykey"]


def test_malformed_bibtex_reports_line_and_keeps_good_entries():
    text = "@article{good, title={Fine}, year=2020}\n\n@article{bad, title={Unclosed\n\n@book{ok2, title={Also fine}}\n"
    refs, problems = bibtex.loads(text)
    assert [r.id for r in refs] == ["good", "bad", "ok2"]  # every entry is kept, the broken one cut short
    assert refs[1].fields["title"] == "Unclosed" and refs[2].fields["title"] == "Also fine"
    assert len(problems) == 1 and problems[0].line == 3 and problems[0].severity == "error"
    assert "'title'" in problems[0].message and "unclosed brace" in problems[0].message


def test_load_raises_one_clear_error_when_nothing_is_usable():
    with pytest.raises(BibtexError) as e:
        bibtex.load("@article{x, title={never closed", source="x.bib")
    assert e.value.message == ("malformed BibTeX at x.bib:1: entry 'x', field 'title': unclosed brace; "
                               "the value runs to line 1 and is cut there")
    assert e.value.hint


@pytest.mark.parametrize("text", ["Costs & benefits", "100% #1 a_b $x$", "plain", "a ~ b", "5\u00a0km", "see http://x.org/a_b~c now"])
def test_latex_encode_decode_round_trip(text):
    assert latex.decode(latex.encode(text)) == text


@pytest.mark.parametrize("text", ["Costs & benefits", "100% #1 a_b $x$", "plain"])
def test_latex_escaping_is_idempotent(text):
    assert latex.encode(latex.encode(text)) == latex.encode(text)


def test_urls_inside_latex_stay_verbatim_and_a_second_link_is_kept():
    refs, _ = bibtex.loads(r"@misc{a, url={http://a.org}, howpublished={\url{http://b.org/x--y}}, "
                           r"note={See \url{http://c.org/~me/a--b} -- ok}}")
    r = refs[0]
    assert r.fields["URL"] == "http://a.org"
    assert r.fields["note"] == "See http://c.org/~me/a--b – ok"
    assert r.extra["howpublished"] == r"\url{http://b.org/x--y}"
    assert r"howpublished = {\url{http://b.org/x--y}}" in bibtex_writer.dumps(refs)


def test_biblatex_fields_map_to_csl_and_back():
    text = (r"@book{a, author={van Dijk, Jan}, bookauthor={Kant, Immanuel}, title={T}, series={Lecture Notes},"
            r" number={12}, pagetotal={368}, origdate={1781}, year={2001}, publisher={P}}"
            "\n@report{b, title={R}, institution={I}, organization={Org}, number={5}, year=2000}")
    refs, _ = bibtex.loads(text)
    a, b = (r.to_csl() for r in refs)
    assert a["collection-number"] == "12" and a["number-of-pages"] == "368"
    assert a["original-date"] == {"date-parts": [[1781]]}
    assert a["container-author"] == [{"family": "Kant", "given": "Immanuel"}]
    assert a["author"] == [{"family": "Dijk", "given": "Jan", "non-dropping-particle": "van"}]
    assert (b["publisher"], b["number"]) == ("I; Org", "5")  # as pandoc joins institution and organization
    again, _ = bibtex.loads(bibtex_writer.dumps(refs))
    assert [r.to_csl() for r in again] == [a, b]


def test_dropping_particles_survive_csl():
    n = Name.from_csl({"family": "La Fontaine", "given": "Jean", "dropping-particle": "de"})
    assert n.to_csl() == {"family": "La Fontaine", "given": "Jean", "dropping-particle": "de"}


def test_identifiers_are_written_and_read_back():
    from refkit.model import Reference

    ref = Reference(id="k", type="article-journal", fields={"title": "T", "PMID": "12140307", "PMCID": "PMC1234567",
                                                          "eprint": "1412.6980"})
    text = bibtex_writer.dumps([ref])
    assert "pmid = {12140307}" in text and "pmcid = {PMC1234567}" in text and "eprint = {1412.6980}" in text
    back, problems = bibtex.loads(text)
    assert not problems
    assert back[0].get("PMID") == "12140307" and back[0].get("PMCID") == "PMC1234567"
    assert back[0].extra.get("eprint") == "1412.6980"
def test_one_scanner_keeps_positions_for_tools_and_repairs_for_the_reader():
    from refkit.bib.scan import scan
    from refkit.manage import lint_scan

    text = "@article{a,\n  title = {A {B} C},\n  year = 2001,\n  note = \"x\" # jan\n}\n@misc{b,\n  title = {Open\n  year = {2002}\n}\n"
    raw = scan(text)
    a, b = raw.entries
    t = a.get("title")
    assert t is not None and text[t.value_start:t.value_end] == "{A {B} C}" and t.text == "A {B} C" and t.line == 2
    assert text[t.start:t.end] == "title = {A {B} C},"
    assert [(p.kind, p.text) for p in a.get("note").pieces] == [('"', "x"), ("macro", "jan")]
    assert not a.problems and b.recovered and b.get("year").text == "2002"
    # the reader uses the repair; lint/tidy/keys see a broken block kept byte for byte
    refs, problems = bibtex.loads(text)
    assert [r.id for r in refs] == ["a", "b"] and any("cut there" in p.message for p in problems)
    view = lint_scan.scan(text)
    assert [x.kind for x in view.blocks if x.kind != "junk"] == ["entry", "broken"]
    assert "".join(text[x.start:x.end] for x in view.blocks) == text


def test_escaped_brace_that_unbalances_a_value_for_bibtex_is_a_warning():
    text = "@misc{k,\n  author = {Thi\\{'ebaux, S.},\n  year = 1993\n}\n"
    refs, problems = bibtex.loads(text)
    assert [r.id for r in refs] == ["k"]
    assert [(p.line, p.severity) for p in problems if "escaped" in p.message] == [(2, "warning")]
    assert not [p for p in bibtex.loads("@misc{k, title = {50\\% off}}\n")[1]]
