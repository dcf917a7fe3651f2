"""Title ends, role phrases after a title, and numbering words (parse/titles.py, parse/numbering.py),
on invented references."""

from __future__ import annotations

import pytest

from refkit.parse import parse_text


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


def family(item: dict, role: str = "author") -> list[str]:
    return [n.get("family") or n.get("literal", "") for n in item.get(role, [])]


@pytest.mark.parametrize("text, ending", [
    ("Okonkwo, A., & Lind, B. (2019). Making “sense” of rivers: A field guide to flood memory and local "
     "hydrology. Water History Review, 12(2), 33–50.", "local hydrology"),
    ('Park, J. (2020). Why "home" matters in migration: Evidence from three harbour towns. Journal of '
     'Coastal Studies, 8(1), 1–20.', "three harbour towns"),
])
def test_a_quoted_word_inside_a_title_does_not_end_it(text, ending):
    item = one(text)
    assert item["title"].endswith(ending)
    assert item["container-title"].startswith(("Water History Review", "Journal of Coastal Studies"))
    assert family(item)[0] in ("Okonkwo", "Park")


def test_edited_by_and_translated_by_after_a_title():
    item = one("Arnaud, Pierre. Letters from the Coast. Edited by Marie Lefèvre. Translated by John Hale. "
               "Boston: Harbor Press, 1988.")
    assert item["title"] == "Letters from the Coast"
    assert family(item, "editor") == ["Lefèvre"]
    assert family(item, "translator") == ["Hale"]
    assert family(item) == ["Arnaud"]


@pytest.mark.parametrize("text, translator", [
    ("Halvorsen, Erik 1931. A History of Weather: A Survey. Trans. Moor, Alan Peter. London: Grange.", "Moor"),
    ("Lindqvist, Karl (1802). Travels in the Northern Provinces. (Trans.) Mary Anne Clarke. 3 vols. London: "
     "T. Cadell.", "Clarke"),
])
def test_a_translator_after_the_title_without_by(text, translator):
    item = one(text)
    assert family(item, "translator") == [translator]
    assert "Trans" not in item["title"]
    assert item["type"] == "book"


def test_a_count_of_volumes_is_not_the_volume():
    item = one("Lindqvist, Karl (1802). Travels in the Northern Provinces. (Trans.) Mary Anne Clarke. 3 vols. "
               "London: T. Cadell.")
    assert item["number-of-volumes"] == "3"
    assert "volume" not in item


def test_an_editor_after_a_title_that_ends_in_a_name():
    item = one("Studi in onore di Giulia Conti, ed. Paolo Ferri, Milano, 2001.")
    assert item["title"] == "Studi in onore di Giulia Conti"
    assert family(item, "editor") == ["Ferri"]
    assert item["publisher-place"] == "Milano"


def test_a_numbering_word_and_its_number_stay_together():
    item = one("Max Bauer, Stadtbilder Berlin: (Technische Universität), Baukultur, No. 14-15, 2011, 22-29")
    assert item.get("issue") == "14-15"
    assert item["page"] == "22-29"
    assert "volume" not in item


def test_volumes_of_a_collected_edition():
    item = one("Berg, Anna Sofia. Poems. In Collected Works: First Complete Edition, edited by Lars Holm, "
               "vols. 3–4. Uppsala: Nordic Press, 1930.")
    assert item["volume"].replace("–", "-") == "3-4"
    assert "page" not in item


@pytest.mark.parametrize("text", [
    "Morel P., 2004. Notes sur la flore des Alpes du Sud. Bull. Soc. Bot. France, 51 : 12-30.",
    "Morel P., 2004. Notes sur la flore des Alpes du Sud. Rev. Écol. Montagne, 51 : 12-30.",
])
def test_a_space_before_the_colon_between_volume_and_pages(text):
    item = one(text)
    assert item["volume"] == "51"
    assert item["page"] == "12-30"
    assert "publisher-place" not in item
    assert item["container-title"].endswith(("France", "Montagne"))


def test_a_lower_case_v_and_a_comma_before_the_volume():
    item = one("Smith, J., et al., Deep strata of the northern basin, Basin Research, v, 212, pp. 10-20, 2001")
    assert item["volume"] == "212"
    assert "issue" not in item
    assert item["page"] == "10-20"


def test_no_volume_is_a_bare_numbering_word():
    for text in ("Smith, J., Deep strata, Basin Research, vol., pp. 10-20, 2001",
                 "Smith, J. 2001. Deep strata. Basin Research, No. 10-20."):
        vol = one(text).get("volume", "")
        assert not vol or any(c.isdigit() for c in vol) or vol.isupper(), vol


def test_a_supplement_page():
    item = one("Novak, R. L., Petrographic evidence for shock in the Ries basin, Meteoritics & Planetary "
               "Science, vol.41, no. 8, Supplement. p. A120")
    assert item["page"] == "A120"
    assert item["issue"] == "8 Suppl."
    assert item["volume"] == "41"


@pytest.mark.parametrize("text, ending", [
    ("Kim, Hana. 2015. Tone patterns in Kiswahili dialects (G42d). Linguistics in Africa 12. 100-120.",
     "(G42d)"),
    ("Martin, Luc, Les ouvriers du port de Marseille (1880-1914), Paris, Seuil, 2001.", "(1880-1914)"),
    ("[12] Ortiz, R., and Bell, T., “A survey of sensing for drones (uas),” Journal of Field Robotics, "
     "Vol. 31, No. 2, 2014, pp. 1–20.", "(uas)"),
])
def test_a_bracket_at_the_end_of_a_title_is_the_title(text, ending):
    item = one(text)
    assert item["title"].endswith(ending)
    assert "number" not in item


def test_a_report_number_at_the_end_of_a_title_still_comes_off():
    item = one("Harbour Authority. Review of Regional Pier Maintenance. HA-19/220, Harbour Authority, "
               "3 Mar. 2021, https://example.org/reports/ha-19-220.")
    assert item["number"] == "HA-19/220"
    assert "HA-19" not in item["title"]


def test_a_repeated_author_dash_with_nothing_before_it_names_nobody():
    res = parse_text("—. The Quiet Harbour. London: Grange Press, 1990.\n", one_per_line=True)
    item = res[0].ref.to_csl()
    assert "author" not in item
    assert item["title"] == "The Quiet Harbour"
    assert any("repeated-author dash" in r for r in res[0].unsure)


def test_a_lone_em_dash_takes_the_authors_before_it():
    res = parse_text("Arnaud, Pierre. Letters from the Coast. Boston: Harbor Press, 1988.\n"
                     "—. Notes from the Cliffs. Boston: Harbor Press, 1991.\n", one_per_line=True)
    assert family(res[1].ref.to_csl()) == ["Arnaud"]


@pytest.mark.parametrize("text, publisher", [
    ("Basso, Keith. Stone Paths: Landscape and Language in the High Desert. Albuquerque: University of New "
     "Mexico Press, 1996.", "University of New Mexico Press"),
    ("Pereira, Ana. “A casa e o rio: romance de formação.” MA thesis, University of São Paulo, 2013.",
     "University of São Paulo"),
    ("[42] M. B. Lind, “Real-time trajectory planning for small boats,” Ph.D. dissertation, California "
     "Institute of Technology, 2003.", "California Institute of Technology"),
])
def test_a_place_word_inside_a_publisher_name_stays_in_it(text, publisher):
    item = one(text)
    assert item["publisher"] == publisher
    assert item.get("publisher-place", "") in ("", "Albuquerque")


@pytest.mark.parametrize("text, place, publisher", [
    ("Durand, E. (1984), La profession des juges, Paris, Payot.", "Paris", "Payot"),
    ("Rossi, M., La città e il porto, Milano, Feltrinelli, 1999.", "Milano", "Feltrinelli"),
])
def test_place_comma_publisher(text, place, publisher):
    item = one(text)
    assert (item["publisher-place"], item["publisher"]) == (place, publisher)


def test_a_list_of_family_names_only():
    item = one("Hara, Mori, Sato & Ueno 1993 A new species of skipper from Mindanao (Lepidoptera: "
               "Hesperiidae). Tropical Insects, 4(2): 11-19.")
    assert family(item) == ["Hara", "Mori", "Sato", "Ueno"]
    assert item["container-title"] == "Tropical Insects"


def test_a_month_range_after_the_journal_is_not_the_journal():
    item = one("Ana Lima, Bo Chen, “Segmentation of river images with active contours”, International Journal "
               "of Remote Imaging, January-March 2010, Vol. 3, No. 1, pp. 41-52.")
    assert item["container-title"] == "International Journal of Remote Imaging"
    assert item["issued"]["date-parts"][0][0] == 2010


def test_lower_case_journal_words_before_the_year():
    item = one("7. Hale NG, Ruiz EM. Carbon fibre orthoses compared in patient walking trials. Journal of "
               "rehabilitation engineering. 2014 136(9) 091001.")
    assert item["container-title"] == "Journal of rehabilitation engineering"
    assert item["issued"]["date-parts"][0][0] == 2014


def test_a_state_abbreviation_after_the_city_is_the_place():
    item = one("Lee, A., & Park, B. (2008). Saying less: Information density in speech. In Proceedings of the 30th "
               "annual meeting of the cognitive science society (p. 939-944). Washington, D. C..")
    assert item["publisher-place"].startswith("Washington, D. C")
    assert "publisher" not in item


def test_capitalised_words_after_a_books_volume_are_the_publisher():
    item = one("Hartley, Arthur M. 2003. The Years of Reform: 1931-1934, The Age of Change. Vol. 2 Grange "
               "Mifflin Books.")
    assert item["publisher"] == "Grange Mifflin Books"
    assert item["volume"] == "2"


def test_a_newspaper_with_a_day_is_not_a_publisher():
    item = one("Mori, Kenji. (2016). Towns displaced by the flood still wait for new homes. Kobe Shinbun 12 March.")
    assert item.get("container-title") == "Kobe Shinbun"
    assert "publisher" not in item


@pytest.mark.parametrize("text, event", [
    ("Hale, Debra and Ann Ross. “A Quiet Evening: Singing Psalms with Children (A Workshop).” Presented at the "
     "International Congress on Choral Studies, Kalamazoo, MI, 8 May 2015.", "International Congress on Choral Studies"),
    ("Moss, D. (2009). Theory and Practice, Part Two: Two Teachers Continue Their Debate, Presented at the MTS "
     "National Conference, Vol. 12.", "MTS National Conference"),
])
def test_presented_at_without_a_genre_word(text, event):
    item = one(text)
    assert item["container-title"] == event
    assert "resented" not in item["title"]


def test_a_series_number_is_not_an_issue():
    item = one("[41] Z. Wang and R. E. Li, Zur Geschichte der Grenze. in Advances in Regional History, no. 172. "
               "Abingdon: Institute for Regional Studies, 2001.")
    assert item["collection-title"] == "Advances in Regional History"
    assert item["collection-number"] == "172"
    assert "issue" not in item


def test_a_name_after_the_year_is_not_part_of_the_date():
    item = one("[2] A. Dubois and M. Jafari, Die Sprache der Grenze im Wandel. (1995). GitHub. "
               "doi: 10.55761/pub.1995.2099.")
    assert item["publisher"] == "GitHub"
    assert item["issued"]["date-parts"][0][0] == 1995
