"""The RIS and CSL-YAML readers and writers on their own: the forms real files use, and broken input."""

from __future__ import annotations

import pytest

from refkit.bib import cslyaml, endnote, ris
from refkit.errors import InputError
from refkit.model import Date, Name, Reference

RIS = """\ufeffTY  - JOUR
AU  - van der Berg, Anna
AU  - Smith, John, Jr.
A1  - World Bank
TI  - A long title that an exporter
      wrapped onto a second line
JO  - J. Abbr.
T2  - Journal of Things
PY  - 2019///
DA  - 2019/04/01/
Y2  - 2020/01/31/
SP  - 5
EP  - 17
SN  - 1234-5679
SN  - 978-3-16-148410-0
KW  - rivers
KW  - roads
ZZ  - what is this
ER  -

TY  - BOOK
TI  - Unclosed
DA  - ///in press
"""


def test_ris_reader() -> None:
    refs, problems = ris.loads(RIS, "x.ris")
    a, b = refs
    assert a.type == "article-journal" and a.line == 1 and a.source == "x.ris"
    assert a.names["author"] == [Name(family="Berg", given="Anna", particle="van der"),
                                 Name(family="Smith", given="John", suffix="Jr."), Name(literal="World Bank")]
    assert a.fields["title"] == "A long title that an exporter wrapped onto a second line"
    assert (a.fields["container-title"], a.fields["container-title-short"]) == ("Journal of Things", "J. Abbr.")
    assert a.dates["issued"] == Date((2019, 4, 1)) and a.dates["accessed"] == Date((2020, 1, 31))
    assert (a.fields["page"], a.fields["ISSN"], a.fields["ISBN"]) == ("5-17", "1234-5679", "978-3-16-148410-0")
    assert a.fields["keyword"] == "rivers, roads"
    assert b.type == "book" and b.dates["issued"] == Date(literal="in press")
    rules = {p.rule for p in problems}
    assert "ris-tag-ZZ" in rules and "syntax" in rules
    assert any(p.line == 18 for p in problems)  # the unknown tag, with its line


def test_ris_writer_round_trips_names_dates_and_pages() -> None:
    ref = Reference(id="k", type="chapter", fields={"title": "T", "page": "5–17", "ISBN": "0-306-40615-2"},
                    names={"author": [Name(family="Berg", particle="van der", given="A."), Name(family="Plato")],
                           "editor": [Name(literal="ACME Corp.")]},
                    dates={"issued": Date((2019, 4)), "accessed": Date((2020, 1, 31))})
    text, lost = ris.dumps([ref])
    assert lost == []
    assert "TY  - CHAP\n" in text and "AU  - Plato,\n" in text and "A2  - ACME Corp.\n" in text
    assert "PY  - 2019\nDA  - 2019/04//\n" in text and text.endswith("ER  -\n")
    back, problems = ris.loads(text)
    assert problems == [] and back[0].to_csl() == ref.to_csl() | {"page": "5-17"}


@pytest.mark.parametrize("text", ["", "no records here\n", "AU  - Lone, Tag\n"])
def test_ris_without_records_is_an_error(text: str) -> None:
    with pytest.raises(InputError):
        ris.loads(text, "x.ris")


YAML = """---
title: A paper
references:
- id: doe2005
  type: book
  author:
  - family: Doe
    given: Jane
  issued: 2005-10-01
  accessed: 2021-03
  original-date: 1995/1998
  event-date:
  - year: 1999
    month: 5
  title: First book
  illustrator:
  - family: Roe
- id: 7
  issued:
    date-parts: [[2001]]
...
Body text of a Markdown file: *not* YAML: [x
"""


def test_csl_yaml_reader_accepts_pandoc_forms() -> None:
    items, problems = cslyaml.read_items(YAML, "paper.md")
    assert problems == []
    a, b = items
    assert a["issued"] == {"date-parts": [[2005, 10, 1]]} and a["accessed"] == {"date-parts": [[2021, 3]]}
    assert a["original-date"] == {"date-parts": [[1995], [1998]]}
    assert a["event-date"] == {"date-parts": [[1999, 5]]}
    assert a["illustrator"] == [{"family": "Roe"}] and b["id"] == "7" and b["type"] == "document"
    refs, _ = cslyaml.loads(YAML, "paper.md")
    assert refs[0].line == 4 and refs[1].dates["issued"] == Date((2001,))


def test_csl_yaml_writer_writes_dates_as_pandoc_does() -> None:
    ref = Reference(id="a", type="book", dates={"issued": Date((2005, 10)), "original-date": Date((1995,), (1998,)),
                                                "accessed": Date(literal="n.d.")})
    text, _ = cslyaml.dumps([ref])
    assert "issued: 2005-10\n" in text and "original-date: 1995/1998\n" in text and "literal: n.d." in text
    assert cslyaml.loads(text)[0][0].dates == ref.dates


def test_bad_yaml_names_its_line() -> None:
    with pytest.raises(InputError) as e:
        cslyaml.read_items("references:\n- id: a\n  title: [unclosed\n", "x.yaml")
    assert "x.yaml is not valid YAML (line" in e.value.message
    with pytest.raises(InputError):
        cslyaml.read_items("just a string", "x.yaml")


def test_case_protection_is_a_nocase_span_in_csl_and_braces_in_bibtex() -> None:
    from refkit.bib import bibtex_writer, csljson

    refs = [Reference(id="a", type="article-journal", fields={"title": "The {NASA} data of {a {B} c}",
                                                              "DOI": "10.1/{x}"})]
    text, _ = csljson.dumps(refs)
    item = __import__("json").loads(text)[0]
    assert item["title"] == ('The <span class="nocase">NASA</span> data of <span class="nocase">a '
                             '<span class="nocase">B</span> c</span>')
    assert item["DOI"] == "10.1/{x}"  # verbatim variables are not marked up
    back, _ = csljson.loads(text)
    assert back[0].fields["title"] == refs[0].fields["title"]
    assert "title = {The {NASA} data of {a {B} c}}" in bibtex_writer.dumps(back, convention="biblatex")
    other = '<span style="font-variant:small-caps;">Sc</span> <span class="nocase">iPhone</span>'
    assert csljson.nocase_to_braces(other) == '<span style="font-variant:small-caps;">Sc</span> {iPhone}'


ENW = """%0 Journal Article
%A Lind, Petra
%A van der Berg, Anna
%T Harbour walls of the North
  Sea
%J Journal of Ports
%V 3
%N 1
%P 1–9
%D 2019
%@ 0305-0270
%R https://doi.org/10.1234/jp.3.1
%K walls; quays
%~ Web of Science

%0 Book Section
%A Osei, Kwame
%E Tran, Quoc
%T Piers
%B Harbours of the World
%C Kiel
%I Hafen Press
%D 2020
%@ 978-3-16-148410-0
"""


def test_endnote_tagged_reader_and_writer() -> None:
    refs, problems = endnote.loads(ENW, "x.enw")
    a, b = refs
    assert (a.type, a.fields["title"], a.fields["page"], a.fields["DOI"], a.fields["ISSN"]) == (
        "article-journal", "Harbour walls of the North Sea", "1-9", "10.1234/jp.3.1", "0305-0270")
    assert [n.family for n in a.names["author"]] == ["Lind", "Berg"] and a.names["author"][1].particle == "van der"
    assert (b.type, b.fields["container-title"], b.names["editor"][0].family, b.fields["ISBN"]) == (
        "chapter", "Harbours of the World", "Tran", "978-3-16-148410-0")
    assert [p.rule for p in problems] == ["endnote-tag-~"]
    text, _ = endnote.dumps(refs)
    again, _ = endnote.loads(text, "y.enw")
    assert [r.fields.get("title") for r in again] == [r.fields.get("title") for r in refs]
    assert [r.names.get("author") for r in again] == [r.names.get("author") for r in refs]
    with pytest.raises(InputError):
        endnote.loads("just some text\n", "z.enw")
