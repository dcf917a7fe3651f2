"""Field assembly: labelled spans -> clean CSL fields (each cleaner on its own)."""

from __future__ import annotations

import pytest

from refkit.model import Name, Reference
from refkit.parse.assemble import assemble
from refkit.parse.clean import (
    clean_edition,
    clean_names,
    clean_text,
    split_compact,
    split_volume,
    strip_role_words,
)
from refkit.parse.tagger import Segment


def segs(*pairs: tuple[str, str]) -> list[Segment]:
    out, pos = [], 0
    for label, text in pairs:
        out.append(Segment(label, text, pos, pos + len(text), 0.9))
        pos += len(text) + 1
    return out


@pytest.mark.parametrize("raw, expected", [
    ("36(1),", ("36", "1", "")),
    ("Vol. 12, No. 2", ("12", "2", "")),
    ("vol. 7, no. 2,", ("7", "2", "")),
    ("249(3):29–38,", ("249", "3", "29-38")),
    ("n°149.", ("", "149", "")),
    ("10, no. 2", ("10", "2", "")),
    ("Bd. 5", ("5", "", "")),
    ("VI", ("VI", "", "")),
    ("2 vols.", ("2", "", "")),
])
def test_split_volume(raw, expected):
    assert split_volume(raw) == expected


def test_split_compact_vancouver():
    assert split_compact("2018;85(4):12-19.") == ("2018", "85", "4", "12-19")
    assert split_compact("2009;108:") == ("2009", "108", "", "")
    assert split_compact("(2009).") is None


@pytest.mark.parametrize("raw, expected", [
    ("In K. Brown (gen. ed.),", "K. Brown"),
    ("edited by Ana Lima and Rui Costa,", "Ana Lima and Rui Costa"),
    ("Translated by Peter Hale.", "Peter Hale"),
    ("(A. Berger, Trans.).", "A. Berger"),
    ("in M. Rossi (ed.),", "M. Rossi"),
    ("Hrsg. v. Jana Kraus", "Jana Kraus"),
])
def test_strip_role_words(raw, expected):
    assert strip_role_words(raw) == expected


def test_clean_names_styles():
    assert [str(n) for n in clean_names("Kowalczyk A, Eriksen TB, Zhang W.")] == [
        "Kowalczyk, A.", "Eriksen, T. B.", "Zhang, W."]
    assert [str(n) for n in clean_names("Moreau, Camille.")] == ["Moreau, Camille"]
    assert [str(n) for n in clean_names("In A. Novak & E. Papadopoulos (Eds.),")] == ["Novak, A.", "Papadopoulos, E."]
    assert clean_names("Smith JA, Brown B, et al.")[-1].others
    assert [str(n) for n in clean_names("In E. M. Hethering- ton (Ed.),")] == ["Hetherington, E. M."]
    assert clean_names("World Health Organization.") == [Name(literal="World Health Organization")]


def test_clean_text_and_edition():
    assert clean_text("“Sparse attention for river flow forecasting,”") == "Sparse attention for river flow forecasting"
    assert clean_text("(in Hebrew).") == "in Hebrew"
    assert clean_text("Smith et al.") == "Smith et al."
    assert clean_edition("(2nd ed.).") == "2"
    assert clean_edition("5th edn.") == "5"
    assert clean_edition("Second edition") == "2"
    assert clean_edition("Rev. ed.") == "Rev. ed."


def test_assemble_book_chapter():
    ref, conf = assemble(segs(
        ("author", "Haddad, J."), ("date", "(2015)."), ("title", "Bridges and borders."),
        ("editor", "In A. Novak (Ed.),"), ("container-title", "Mobility in the Mediterranean"),
        ("pages", "(pp. 45–67)."), ("location", "London:"), ("publisher", "Routledge."),
    ))
    csl = ref.to_csl()
    assert csl["type"] == "chapter"
    assert csl["editor"] == [{"family": "Novak", "given": "A."}]
    assert csl["page"] == "45-67"
    assert csl["publisher-place"] == "London" and csl["publisher"] == "Routledge"
    assert conf["page"] == pytest.approx(0.9)


def test_assemble_types_and_identifiers():
    ref, _ = assemble(segs(("author", "Lee, K."), ("date", "2010."), ("title", "Wave tanks."),
                           ("genre", "PhD thesis,"), ("publisher", "Coastal University.")))
    assert ref.type == "thesis" and ref.fields["genre"] == "PhD thesis"
    ref, _ = assemble(segs(("title", "Harbour data."), ("note", "Available at:"),
                           ("url", "https://example.org/har- bour.html."), ("note", "[Accessed 3 May 2020].")))
    assert ref.type == "webpage"
    assert ref.fields["URL"] == "https://example.org/har-bour.html"
    assert ref.fields["note"] == "Available at; Accessed 3 May 2020"
    ref, _ = assemble(segs(("title", "A book."), ("isbn", "ISBN 978-0-00-000000-2."), ("doi", "doi: 10.1000/xyz.12.")))
    assert ref.fields["ISBN"] == "978-0-00-000000-2"
    assert ref.fields["DOI"] == "10.1000/xyz.12"
    ref, _ = assemble(segs(("citation-number", "[16]"), ("title", "X."), ("pages", "368 pp.")))
    assert ref.fields["citation-number"] == "16"
    assert ref.fields["number-of-pages"] == "368" and "page" not in ref.fields


def test_assemble_dates():
    ref, _ = assemble(segs(("date", "Aug. 1991.")))
    assert ref.dates["issued"].start == (1991, 8)
    ref, _ = assemble(segs(("date", "(2001–2003).")))
    assert (ref.dates["issued"].start, ref.dates["issued"].end) == ((2001,), (2003,))
    ref, _ = assemble(segs(("date", "n.d.")))
    assert ref.dates["issued"].literal == "n.d."


def test_repeated_author_dash_takes_previous_authors():
    prev = Reference(names={"author": [Name(family="Moradi", given="S.")]})
    ref, _ = assemble(segs(("author", "———."), ("title", "Another book.")), previous=prev)
    assert ref.names["author"] == [Name(family="Moradi", given="S.")]


def test_assemble_is_idempotent_on_clean_values():
    once = clean_text(clean_text("“A title.”"))
    assert once == clean_text(once) == "A title"


def test_parse_reference_and_unsure_fields():
    from refkit.parse.assemble import parse_reference, unsure_fields

    text = "Lund, K. (2012). Old mills of the valley. Oslo: Fjord Press."
    ref, conf, segments = parse_reference(text)
    assert ref.type == "book" and ref.fields["publisher"] == "Fjord Press"
    assert [s.label for s in segments][:3] == ["author", "date", "title"]
    assert unsure_fields({"title": 0.5, "page": 0.99, "author": 0.3}) == ["author", "title"]
    assert unsure_fields(conf, threshold=0.0) == []


def test_a_link_labelled_doi_without_a_doi_becomes_the_url():
    ref, _ = assemble(segs(("title", "Harbour news."), ("doi", "http://harbour.example/news/12/")))
    assert ref.fields == {"title": "Harbour news", "URL": "http://harbour.example/news/12/"}
    ref, _ = assemble(segs(("doi", "https://doi.org/10.5555/abc.1.")))
    assert ref.fields == {"DOI": "10.5555/abc.1"}
