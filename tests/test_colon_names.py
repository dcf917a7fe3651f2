"""References whose names end at a colon (German Wikipedia, DIN 1505), publishers before their place,
'Band' as a volume word, German translator phrases, and text normalisation (NFC, ligatures), on
invented references."""

from __future__ import annotations

import unicodedata

import pytest

from refkit.parse import parse_text
from refkit.parse.fields import split_names


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


def people(item: dict, role: str = "author") -> list[tuple[str, str]]:
    return [(n.get("family", n.get("literal", "")), n.get("given", "")) for n in item.get(role, [])]


@pytest.mark.parametrize("text, role, names, title", [
    ("Gerlinde Vogt, Tobias Ahrens: Die Ordnung der Dinge im Dorf. In: Zeitschrift für Landeskunde. Band 41, Nr. 3, "
     "2011, S. 201–219.", "author", [("Vogt", "Gerlinde"), ("Ahrens", "Tobias")], "Die Ordnung der Dinge im Dorf"),
    ("Heinrich Otto Lembke: Der lange Abschied vom Land. Kessler, Göttingen 2004.", "author",
     [("Lembke", "Heinrich Otto")], "Der lange Abschied vom Land"),
    ("Ulrike Brandt, Michael Seidel (Hrsg.): Nachbarschaften. Studien zur Stadt. Hamburger Edition, Hamburg 2009.",
     "editor", [("Brandt", "Ulrike"), ("Seidel", "Michael")], "Nachbarschaften. Studien zur Stadt"),
    ("Wolfgang K. Oberle: Das Ringen um die Küste. Propyläen, Berlin 1997.", "author", [("Oberle", "Wolfgang K.")],
     "Das Ringen um die Küste"),
    ("Hartmut Lessing: Beschleunigte Räume. Über Zeit und Stadt. Campus, Frankfurt am Main 2012.", "author",
     [("Lessing", "Hartmut")], "Beschleunigte Räume. Über Zeit und Stadt"),
])
def test_given_first_names_run_to_the_colon(text, role, names, title):
    item = one(text)
    assert people(item, role) == names
    assert item["title"] == title


def test_a_colon_inside_the_title_is_not_a_name_list():
    item = one("Marsh, Tony. Silent Harbours: A History of the Coast. New York: Hollis Press, 2003.")
    assert people(item) == [("Marsh", "Tony")]
    assert item["title"].startswith("Silent Harbours")
    item = one("Kenneth Lowry. Driftwood: Learning to read the tides. In ICML, 2001.")
    assert people(item) == [("Lowry", "Kenneth")]
    assert item["title"].startswith("Driftwood")


def test_a_phrase_that_reads_like_a_date_opens_the_title_when_the_work_is_dated_later():
    item = one("Gerd Hollmann: August 1916. Eine Chronik. Schöningh, Paderborn 2016.")
    assert item["title"] == "August 1916. Eine Chronik"
    assert item["issued"]["date-parts"][0][0] == 2016


@pytest.mark.parametrize("text, publisher, place", [
    ("Anna Roth: Die Stadt und ihr Fluss. Propyläen, Berlin 2001.", "Propyläen", "Berlin"),
    ("Jonas Pfeil: Das Archiv der Dinge. DVA, München 2015.", "DVA", "München"),
    ("Rita Gerber: Grenzland. Schöningh, Paderborn 2009, ISBN 978-3-506-76543-2.", "Schöningh", "Paderborn"),
    ("Karl Lenz: Das Haus am See. C.H. Beck, München 2011.", "C.H. Beck", "München"),
])
def test_publisher_before_its_place_and_year(text, publisher, place):
    item = one(text)
    assert item["publisher"] == publisher
    assert item["publisher-place"] == place


def test_band_is_a_volume_word_not_part_of_the_journal():
    item = one("Peter Wendt: Der Brand im Hafen. In: Archiv für Stadtgeschichte. Band 17, Nr. 2, 1988, S. 33–61.")
    assert item["container-title"] == "Archiv für Stadtgeschichte"
    assert (item["volume"], item["issue"], item["page"]) == ("17", "2", "33-61")
    item = one("Ernst Koller: Geschichte der Mühlen. Band 3: Die Neuzeit. Kessler, Göttingen 1999.")
    assert item["volume"] == "3"
    assert "container-title" not in item


def test_german_translator_phrase_after_the_title():
    item = one("Peter Hale: Die Schlafenden. Wie Städte entstehen. Aus dem Englischen von Nora Jansen. DVA, München 2010.")
    assert people(item, "translator") == [("Jansen", "Nora")]
    assert "Englischen" not in item["title"]


@pytest.mark.parametrize("text, expected", [
    ("Wolfgang Brandt, Jan Seidel", [("Brandt", "Wolfgang"), ("Seidel", "Jan")]),
    ("García Lorente, Gabriel José", [("García Lorente", "Gabriel José")]),
    ("Van Dijk, Jan Willem", [("Van Dijk", "Jan Willem")]),
])
def test_two_names_with_a_comma(text, expected):
    assert [(n.full_family() if hasattr(n, "full_family") else n.family, n.given) for n in split_names(text)] == expected


def test_decomposed_accents_and_ligatures_are_read_as_letters():
    nfd = unicodedata.normalize("NFD", "[4] Rudi Kovács and Paul MB Vitányi. Clustering by compression. TIT, 51(4):1523–1545, 2005.")
    item = parse_text(nfd + "\n" + "[5] Ann Lee. A ﬁne ﬂow of ﬁelds. J. Fluid Mech., 12(2):1–9, 2001.\n")[0].ref.to_csl()
    assert people(item) == [("Kovács", "Rudi"), ("Vitányi", "Paul MB")]
    assert item["title"] == "Clustering by compression"
    second = parse_text(nfd + "\n" + "[5] Ann Lee. A ﬁne ﬂow of ﬁelds. J. Fluid Mech., 12(2):1–9, 2001.\n")[1].ref.to_csl()
    assert second["title"] == "A fine flow of fields"


@pytest.mark.parametrize("text, field, value", [
    ("Manow, Karl (i. E.): (Ent-)Ordnung der Häfen. Berlin: Suhrkamp.", "title", "(Ent-)Ordnung der Häfen"),
    ("Ahrens, Peter/Lind, Susanne (2019): Tarifbindung im Hafen. In: WSI-Mitteilungen, Heft 4/2019, S. 290–297.",
     "container-title", "WSI-Mitteilungen"),
    ("Nolte, Ernst: Ein Hafen, der nicht vergehen will, in: Frankfurter Allgemeine Zeitung vom 6.6.1986.",
     "container-title", "Frankfurter Allgemeine Zeitung"),
    ("Sachverständigenrat deutscher Häfen für Schiffahrt und Küsten (SVR) (2018): Steuern, was zu steuern ist. Berlin: SVR.",
     "author", [{"literal": "Sachverständigenrat deutscher Häfen für Schiffahrt und Küsten (SVR)"}]),
    ("Zick, Anna u. a. (2019): Verlorene Küste. Hg. für die Hafen-Stiftung von Franziska Lind. Bonn: Dietz.",
     "editor", [{"family": "Lind", "given": "Franziska"}]),
    ("Bonin, Holger/Gregor, Tim (2015): Häfen in Deutschland. ZEW Kurzexpertise Nr. 57. Mannheim: ZEW.",
     "number", "57"),
    ("Jörke, Dirk/Lind, Oliver (Hrsg.) (2017): Das Volk am Hafen. Leviathan Sonderband 32. Baden-Baden: Nomos.",
     "collection-number", "32"),
    ("Lenz, Andreas: Abschied vom Hafen. Geschichte der Küste 1982–1990, München 2006 (Geschichte der Küste, Bd. 6).",
     "collection-title", "Geschichte der Küste"),
    ("LENZ, Ulrich: Geschichte der Häfen in Deutschland. Fischer, Schiffer, Lotsen, Händler, München 2001.",
     "title", "Geschichte der Häfen in Deutschland. Fischer, Schiffer, Lotsen, Händler"),
])
def test_german_reports_series_newspapers_and_forthcoming(text, field, value):
    assert one(text)[field] == value
