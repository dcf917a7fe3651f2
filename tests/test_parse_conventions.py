"""German and report conventions in parsed references (corporate authors, editions, 'Ders.', report
series, numeric dates), on invented references."""

from __future__ import annotations

import pytest

from refkit.parse import parse_text


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


@pytest.mark.parametrize("text, role, name", [
    ("Bundesanstalt für Landwirtschaft (2019): Der Agrarmarkt in Zahlen 2018. Bonn.", "author",
     "Bundesanstalt für Landwirtschaft"),
    ("Ministerium für Kultur und Medien (Hg.) (2016): Museen in Deutschland. Der dritte Bericht. Berlin.", "editor",
     "Ministerium für Kultur und Medien"),
    ("Zentrum für Stadtforschung (Hrsg.) (1998): Städte im Wandel. Opladen: Leske + Budrich.", "editor",
     "Zentrum für Stadtforschung"),
    ("Ministry of Housing and Planning (2020): Homes for everyone. London.", "author", "Ministry of Housing and Planning"),
])
def test_a_corporate_name_before_the_bracketed_year(text, role, name):
    item = one(text)
    assert item[role] == [{"literal": name}]
    assert name not in item["title"]


@pytest.mark.parametrize("text, edition, title", [
    ("Kramer, Jonas (2008): Methoden der Feldforschung. 14. Aufl. Reinbek: Rowohlt.", "14",
     "Methoden der Feldforschung"),
    ("Lenz, Rita (2015): Die Gesellschaft im Wandel. 6., grundlegend überarb. Aufl. Wiesbaden: Springer VS.", "6",
     "Die Gesellschaft im Wandel"),
])
def test_german_editions_after_the_title(text, edition, title):
    item = one(text)
    assert item["edition"] == edition
    assert item["title"] == title
    assert item["publisher-place"] in ("Reinbek", "Wiesbaden")


def test_a_count_of_volumes_after_the_title():
    item = one("Weber, Karl 1975: Theorie der sozialen Ordnung. 2 Bde. Frankfurt a. M.: Suhrkamp.")
    assert item["title"] == "Theorie der sozialen Ordnung"
    assert item["number-of-volumes"] == "2"


def test_ders_and_dies_repeat_the_authors_before():
    refs = parse_text("Lorenz, Petra (1999): Stadt und Land. Berlin: Campus.\n"
                      "Dies. (2001): Land und Stadt. Berlin: Campus.\n"
                      "Ders. (2003): Noch einmal. Berlin: Campus.\n", one_per_line=True)
    assert [r.ref.to_csl()["author"][0]["family"] for r in refs] == ["Lorenz"] * 3


@pytest.mark.parametrize("text, genre, number", [
    ("Kurz, Ulrich (2006): Status und Milieu. WZB Discussion Paper SP II 2006-104. Berlin: Wissenschaftszentrum.",
     "WZB Discussion Paper", "SP II 2006-104"),
    ("Brandt, Hilde (2014): Neue Wege der Pendler? IAB-Kurzbericht 11/2014. Nürnberg: IAB.", "IAB-Kurzbericht",
     "11/2014"),
    ("U.S. Census Bureau. (2019). Housing in the United States: 2018 (Current Housing Reports H150-18). "
     "Washington, DC: Government Printing Office.", "Current Housing Reports", "H150-18"),
])
def test_report_series_and_numbers(text, genre, number):
    item = one(text)
    assert (item["genre"], item["number"]) == (genre, number)
    assert number not in item["title"]


def test_a_german_newspaper_date():
    item = one("Keller, Anna (2016): Die Stunde der Stadt. In: Die Woche, Nr. 9 vom 24.02.2016, S. 13.")
    assert item["page"] == "13"
    assert item["issued"]["date-parts"] == [[2016, 2, 24]]
    assert item["container-title"] == "Die Woche"


def test_supplement_pages_keep_their_letter():
    item = one("Lind, J. S. (1990). Social ties and schooling. American Journal of Ties, 96(Suppl.), S12–S40.")
    assert item["page"] == "S12-S40"


def test_a_one_word_author_is_an_organisation():
    item = one("Eurobase. (n.d.). Employment statistics. Retrieved March 3, 2021, from https://example.org/emp")
    assert item["author"] == [{"literal": "Eurobase"}]


def test_a_colon_before_a_month_is_not_a_place():
    item = one("Office for Coastal Statistics (2021) Harbour traffic overview, UK: March 2021. Available at: "
               "https://example.org/traffic (Accessed: 15 April 2021).")
    assert item["title"] == "Harbour traffic overview, UK: March 2021"
    assert "publisher-place" not in item


def test_a_subtitle_before_place_and_publisher():
    item = one("Roth, Karl; Lind, Petra (2009): Arbeit – Markt – Kritik. Eine Debatte. Frankfurt am Main: Suhrkamp.")
    assert item["title"] == "Arbeit – Markt – Kritik. Eine Debatte"
    assert item["publisher"] == "Suhrkamp"
