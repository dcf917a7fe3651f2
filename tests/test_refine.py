"""The certain-in-print corrections (parse/refine.py) on invented references in several styles."""

from __future__ import annotations

import json
import re

import pytest

from refkit.parse import parse_text


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


def family(item: dict, role: str = "author") -> list[str]:
    return [n.get("family") or n.get("literal", "") for n in item.get(role, [])]


@pytest.mark.parametrize("text", [
    "Moreau, Claire. Harbour Workers of Marseille, 1880-1914. Rivage Press, 2011.",
    "Moreau, C. Harbour workers of Marseille, 1880-1914. (Rivage Press, Lyon, 2011).",
    "Moreau C. Harbour workers of Marseille, 1880-1914. Lyon: Rivage Press; 2011.",
])
def test_a_span_of_years_after_a_title_stays_in_the_title(text):
    item = one(text)
    assert item["title"].endswith("1880-1914")
    assert item["issued"]["date-parts"][0][0] == 2011
    assert "page" not in item


def test_a_span_of_years_that_is_the_only_date_stays_the_date():
    item = one("Moreau, Claire. 1998–2003. A History of Harbour Unions. Vol. 2. Rivage Press.")
    assert item["issued"]["date-parts"][0][0] == 1998
    assert "1998" not in item["title"]


@pytest.mark.parametrize("text, number", [
    ("Lindqvist, A., & Osei, K. (2021). Rent control and mobility (No. RP-2021/04; Urban Policy Paper Series). "
     "Centre for Housing Studies.", "RP-2021/04"),
    ("Lindqvist A, Osei K. Rent control and mobility. Oslo: Centre for Housing Studies; 2021. "
     "(Urban Policy Paper Series; Report no.: 2021-04).", "2021-04"),
    ("Lindqvist, A. and Osei, K. (2021) Rent control and mobility. chs7731. Oslo: Centre for Housing Studies.",
     "chs7731"),
    ("Harbour Authority. Annual review of berth allocation. HA-19/220, Harbour Authority, 2019.", "HA-19/220"),
])
def test_report_numbers_get_their_own_field(text, number):
    item = one(text)
    assert item.get("number") == number
    assert number not in item.get("title", "") and number not in item.get("container-title", "")
    assert number not in item.get("publisher", "") and "page" not in item
    assert item["type"] == "report"


def test_bracketed_genre_gives_back_its_place():
    item = one("Osei K. Informal lending in Kumasi [Working paper]. Accra: Centre for Finance; 2020 Mar. "
               "Working paper nos.: 2020-03.")
    assert item["genre"] == "Working paper"
    assert item["publisher-place"] == "Accra"
    assert item["number"] == "2020-03"


def test_edition_is_not_a_note():
    item = one("Osei, Kwame. Markets and Money in West Africa. 3rd ed., Coastline University Press, 2017.")
    assert item["edition"] in ("3", "3rd")
    assert "note" not in item


def test_day_month_year_is_a_date_not_a_volume():
    item = one("Lund, Maja. “Snow Days in the Valley.” Hill Weekly, 23 Feb. 2021, https://hill-weekly.example/snow.")
    assert item["issued"]["date-parts"][0] == [2021, 2, 23]
    assert "volume" not in item
    assert item["title"] == "Snow Days in the Valley"


def test_names_end_before_the_title():
    item = one("12. Petrov, D. Winter Roads of the Taiga. (North Press, Perm, 2014).")
    assert family(item) == ["Petrov"] and item["title"] == "Winter Roads of the Taiga"
    item = one("Petrov, D. & Arctic Survey Group. Ice thickness records, 1990-2010. Polar Archive (2015).")
    assert family(item) == ["Petrov", "Arctic Survey Group"]
    assert item["title"].startswith("Ice thickness")


def test_a_title_running_on_is_not_a_translator():
    item = one("Sato, Emi. Memory in Translated Korean Poetry. 2019. University of Northvale, PhD dissertation.")
    assert "translator" not in item
    assert item["title"] == "Memory in Translated Korean Poetry"


@pytest.mark.parametrize("raw", ["(Rivage Press, Lyon, 2011).", "[Rivage Press, Lyon, 2011]"])
def test_cut_brackets_do_not_stay_on_a_field(raw):
    item = one(f"Moreau, C. The quays of Lyon. {raw}")
    assert not item.get("publisher", "").startswith(("(", "[")), item


def test_a_repository_publishes_a_dataset():
    item = one("Lund, M. (2020). Glacier melt records, 1990-2019 [Data set]. Nordic Data Repository. "
               "https://doi.org/10.9999/ndr.glacier")
    assert item.get("publisher") == "Nordic Data Repository" and "container-title" not in item


def test_the_corporate_author_is_the_publisher_not_the_container():
    item = one("Harbour Authority. 2019. Berth Allocation Review. Harbour Authority. https://harbour.example/review.")
    assert item.get("publisher") == "Harbour Authority" and "container-title" not in item


def test_a_short_note_after_a_book_title_is_its_publisher():
    item = one("Anonymous. (ca. 1820). A treatise on orchards. Printed for the subscribers.")
    assert item.get("publisher") == "Printed for the subscribers"
    assert item["issued"]["date-parts"][0][0] == 1820 and "page" not in item


def test_newspaper_page_and_bracketed_place_leave_the_container():
    item = one("Lund, M. (2021, March 3). Ferry fares rise again. The Northvale Herald, B7. https://herald.example/ferry")
    assert item["container-title"] == "The Northvale Herald" and item["page"] == "B7"
    assert item["type"] == "article-newspaper"
    item = one("Osei, Kwame, et al. “Low-Power Radios.” Proceedings of the Workshop on Field Sensors [Tromsø], 2019, "
               "pp. 11-19.")
    assert item["container-title"] == "Proceedings of the Workshop on Field Sensors"
    assert item.get("publisher-place") == "Tromsø"


def test_roman_pages_and_pp_years():
    item = one("Moreau, Claire. 2018. “Preface.” Harbour Studies 12(2): vii–xii.")
    assert item["page"] == "vii-xii"
    item = one("[4] K. Osei, “Tidal sensors,” Coastal Notes, vol. 8, no. 2, pp. 1990–2004, Mar. 2016.")
    assert item["page"] == "1990-2004" and item["issued"]["date-parts"][0][0] == 2016


def test_no_date_after_a_publisher():
    item = one("Moreau, Claire. The Quays of Lyon. Rivage Press, n.d.")
    assert item["publisher"] == "Rivage Press"


@pytest.mark.parametrize("text, families", [
    ("[3] Anna M. Sorensen. Wave loads on floating piers. Coastal Engineering, 12(2):33–41, 2010.", ["Sorensen"]),
    ("[7] Omar K. Haddad, Lena P. Voss, and J. Peter Lund. Tidal models. Ocean Letters, 4(1):1–9, 2012.",
     ["Haddad", "Voss", "Lund"]),
    ("[9] Ruth B. Okoro and J. Samuel Eze. Rain gauges. Water Notes, 3:10–19, 2011.", ["Okoro", "Eze"]),
    ("12. Kowalczyk A, Eriksen TB. Soil carbon in managed forests. Forest Ecol. 2019;12(3):45-52.",
     ["Kowalczyk", "Eriksen"]),
])
def test_given_first_names_with_middle_initials(text, families):
    # a lone "Given I. Family." is told from Vancouver's "Family I. Title." by the name word lists
    item = one(text)
    assert family(item) == families
    assert not any(f in item["title"] for f in families)


def test_a_journal_the_tagger_missed():
    item = one("Berg, S., Holm, T., Iron grains in basalt of Lake Saimaa, Finland. Contributions to Volcanic Studies, "
               "v. 41, pp. 12-19. 1981.")
    assert item["title"] == "Iron grains in basalt of Lake Saimaa, Finland"
    assert item["container-title"] == "Contributions to Volcanic Studies"


def test_a_subtitle_is_not_a_container():
    item = one("Holm, Tove. The Lighthouse Keeper or, Life on the Outer Skerries. Edited by Ann Berg. Oslo: Fjord, 1990.")
    assert item["title"] == "The Lighthouse Keeper or, Life on the Outer Skerries"
    assert "container-title" not in item


def test_names_stop_at_et_al_and_initials_first_lists_are_whole():
    item = one("[8] Novak, P. R. et al., J. Appl. Geol. 2011, 18, 201–209.")
    assert family(item)[0] == "Novak" and len(family(item)) == 2  # Novak and "others"
    assert item["container-title"].startswith("J. Appl. Geol")
    item = one("TS Berg, MA Holm, J Lind-Aho, KL Nyman and PE Sand: Night shifts and sleep in nurses. "
               "Sleep Med 12, 33–41 (2009)")
    assert family(item) == ["Berg", "Holm", "Lind-Aho", "Nyman", "Sand"]
    assert item["title"] == "Night shifts and sleep in nurses"


def test_a_title_with_a_colon_after_given_first_author_stays_whole():
    item = one("Berg, Anna, A Northern Reader: Essays of a Decade (Oslo: Fjord Press, 2004).")
    assert family(item) == ["Berg"]
    assert item["title"].startswith("A Northern Reader")


def test_place_then_publisher_and_original_date():
    item = one("Lind, Tove. The Salt Road. New York: Harbour Lights, 1952.")
    assert item["publisher-place"] == "New York" and item["publisher"] == "Harbour Lights"
    assert item["issued"]["date-parts"][0][0] == 1952
    item = one("Moreau, C. (1990), La ville portuaire, Marseille, Rivage.")
    assert item["publisher-place"] == "Marseille" and item["publisher"] == "Rivage"
    item = one("Lind, T. (2004). Le port. (C. Moreau, Trans.). Paris, France : Rivage. (Original work published 1961).")
    assert item["publisher"] == "Rivage" and item["note"] == "Original work published 1961"
    assert item["original-date"]["date-parts"][0][0] == 1961
    item = one("Lind, Tove. Harbour Tables. Salem, Massachusetts: Coastline, 1970.")
    assert item["publisher"] == "Coastline"


def test_acs_block_dash_title_and_news_containers():
    item = one("(12) Lind, T.; Berg, A. \"Salt in Harbour Mud.\" J. Coast. Chem. 2004, 31, 118–125.")
    assert (item["container-title"], item["volume"], item["page"]) == ("J. Coast. Chem.", "31", "118-125")
    item = one("———. Harbour. Oslo: Fjord Press, 1999.")
    assert item["title"] == "Harbour" and item["publisher"] == "Fjord Press"
    item = one("COAST NEWS, 2014. “Ferries stop for the winter”, Coast News, 12 November 2014. Available at "
               "http://coast-news.example/ferries [accessed 3 March 2016]")
    assert item["container-title"] == "Coast News"
    item = one("Harbour Trust. \"Rates Again,\" Harbour Quarterly, XII (Spring, 1961), pp. 3-9.")
    assert item["volume"] == "XII" and item["container-title"] == "Harbour Quarterly"
    item = one("Harbour Trust. \"Rates Again,\" Harbour Conditions (August, 1961).")
    assert item["issued"]["date-parts"][0] == [1961, 8]


@pytest.mark.parametrize("text, volume, page", [
    ("Lind, T. 2012. “Salt.” Coast: A Journal of Harbours (14)2: 71 - 88.", "14", "71-88"),
    ("T. Lind, « Le sel », J. Coast. Stud., vol. 21, no 12, p. 1734 \u2011 1739, 2012.", "21", "1734-1739"),
    ("(7) Lind, T.; Berg, A. \"Salt.\" Proc. Coast. Acad. 2012, 109, E299–E308.", "109", "E299-E308"),
    ("12. Lind, T., Berg, A. (2009). Salt in mud. Curr. Coast. 19, R526.", "19", "R526"),
])
def test_page_ranges_in_many_shapes(text, volume, page):
    item = one(text)
    assert (item.get("volume"), item.get("page")) == (volume, page)
    assert "number" not in item


def test_a_series_after_a_page_count():
    item = one("MOREAU, Claire. Le port de Lyon. Lyon : RIVAGE, 1997. 127 p. (Histoires).")
    assert item.get("collection-title") == "Histoires"
    assert item.get("number-of-pages") == "127" and "page" not in item


def test_presented_kinds_and_event_places():
    item = one("Okafor, Nneka. 2016. “Tidal Commons.” Keynote address presented at the International Workshop on "
               "Coastal Systems, Lisbon, Portugal.")
    assert item.get("genre") == "Keynote address" and item["type"] == "paper-conference"
    assert item.get("publisher-place") == "Lisbon, Portugal" and "publisher" not in item
    item = one("Okafor, Nneka. “Tidal Commons.” Paper presented at International Workshop on Coastal Systems, "
               "Lisbon, Portugal. 2016.")
    assert item.get("publisher-place") == "Lisbon, Portugal" and "publisher" not in item and "genre" not in item


def test_a_body_and_a_person_as_authors():
    item = one("[4] Kommission für Umweltfragen and L. Castillo, “Outcomes of sleep,” in Language of Translation, "
               "Hoboken, NJ: Wiley, 2001, pp. 3–9.")
    assert item["author"] == [{"literal": "Kommission für Umweltfragen"}, {"family": "Castillo", "given": "L."}]


def test_presented_papers_and_software_publishers():
    item = one("Lind, Tove. 2018. “Harbour Unions.” Paper presented at the Annual Meeting of the Coastal History "
               "Society, May 2–4, 2018, Bergen.")
    assert "genre" not in item and item["type"] == "paper-conference"  # "Paper presented at" is the styles' own words
    assert item["container-title"] == "Annual Meeting of the Coastal History Society"
    assert item.get("publisher-place") == "Bergen" and "page" not in item and "volume" not in item
    item = one("Berg, Anna. 2021. Tidekit: Tide Tables in Python. V. 1.2.0. Python Package Index, released May 3. "
               "https://pkg.example/tidekit.")
    assert item.get("publisher") == "Python Package Index"
    assert "volume" not in item


def test_report_genre_number_place_and_parenthesised_publisher():
    item = one("Osei, K. and Lind, T. (2020) Harbour credit. Working paper 2020–11. Port Louis: Institute for Coastal "
               "Finance.")
    assert (item["genre"], item["number"]) == ("Working paper", "2020–11")
    assert item["publisher-place"] == "Port Louis" and item["publisher"] == "Institute for Coastal Finance"
    item = one("12. Lind, T. The Salt Book. (Printed for the author, 1802).")
    assert item["title"] == "The Salt Book" and item["publisher"] == "Printed for the author"
    assert item["issued"]["date-parts"][0][0] == 1802
    item = one("3. Osei K. Tides. Oslo: Fjord; 2010. (Lecture Notes in Coastal Science; no. 12).")
    assert item.get("collection-number") == "12" and "number" not in item


def test_a_website_name_after_the_date_and_corporate_authors():
    item = one("Opening hours. (n.d.). Northvale Public Library. Retrieved May 2, 2023, from https://nvl.example/hours")
    assert item["title"] == "Opening hours" and item["container-title"] == "Northvale Public Library"
    assert item["type"] == "webpage"
    item = one("Northvale Public Library. “Opening Hours.” Accessed May 2, 2023. https://nvl.example/hours.")
    assert item["container-title"] == "Northvale Public Library" and "author" not in item  # the site, printed first


def test_a_bare_year_repeats_the_previous_authors():
    refs = parse_text("Harbour Wire (2021a): “Ferries Stop for Winter,” news article, Harbour Wire.\n"
                      "(2021b): “Ferries Start Again,” news article, Harbour Wire.\n", one_per_line=True)
    assert refs[1].ref.to_csl().get("author") == refs[0].ref.to_csl().get("author") != None  # noqa: E711


def test_physics_collaborations_and_preprints():
    item = one("[4] K. Moreau et al. (HALO Collaboration), Phys. Rev. Lett. 121, 141801 (2018).")
    assert item["author"][1] == {"literal": "HALO Collaboration"}
    assert item["container-title"] == "Phys. Rev. Lett."
    item = one("[5] T. Lind et al. (NorthCDMS), arXiv:2101.01234 [hep-ex].")
    assert item["type"] == "document" and item["eprint"] == "2101.01234"  # BibTeX @misc with its eprint


def test_upper_case_family_names_with_initials():
    item = one("MOREAU C., LIND T. & OSEI K. (2011). Les ports du nord. In Actes de TALN’11, Lyon, France.")
    assert family(item) == ["MOREAU", "LIND", "OSEI"]
    assert item["title"] == "Les ports du nord"


def test_german_pages_volume_prefix_and_title_years():
    item = one("Brandt, Ole (2014): Wege der Stadt. In: Vogt, Jan (Hg.): Stadt und Land. Kassel: Weidler, S. 12–30.")
    assert item["publisher"] == "Weidler" and item["page"] == "12-30"
    item = one("Marx, Ute (2009): Die Gemeinde, in: Hefte für Ortspolitik, Jg. 31, H. 2, S. 100–120.")
    assert item["container-title"] == "Hefte für Ortspolitik" and item["volume"] == "31"
    item = one("Statistics Office of Northvale (2021). Household budgets, 2020. Northvale: Statistics Office of "
               "Northvale.")
    assert item["title"] == "Household budgets, 2020" and item["issued"]["date-parts"][0][0] == 2021
    assert item["author"] == [{"literal": "Statistics Office of Northvale"}]
    item = one("Lind, T., & Osei, K. (2020). Harbour wages (CHS Working Paper No. 4411). Centre for Harbour Studies.")
    assert item["genre"] == "CHS Working Paper" and item["number"] == "4411"


def test_reprint_year_and_proceedings_place():
    item = one("Lind, Tove. Harbour Songs. 1902; Coastline Reprints, 2011.")
    assert item["issued"]["date-parts"][0][0] == 2011 and item["original-date"]["date-parts"][0][0] == 1902
    assert "volume" not in item
    item = one("Osei, Kwame, Anna Berg, Tove Lind, et al. 2019. “Low-Power Tide Radios.” Proceedings of the Workshop "
               "on Coastal Sensing, Tromsø, 2019.")
    assert item["container-title"] == "Proceedings of the Workshop on Coastal Sensing"
    assert item["publisher-place"] == "Tromsø"


def test_markdown_reading_list_with_italics_and_links(tmp_path):
    from refkit.parse.split import split_text

    text = ("## References\n\n"
            "1. Lind, T., & Berg, A. (2017). [Tide tables revisited](https://arxiv.org/abs/1701.00001). "
            "*Advances in Coastal Systems*, 30.\n"
            "2. Osei, K. (2019). Harbour wages. In *Proceedings of HARB* (pp. 41–46).\n"
            "3. Moreau, C. (2014). Salt: A method. arXiv:1412.01234.\n"
            "- Berg, A., & Lind, T. (2016). *Deep Harbours*. Fjord Press.\n")
    refs = split_text(text).refs
    assert len(refs) == 4
    items = [r.ref.to_csl() for r in parse_text(text)]
    assert items[0]["title"] == "Tide tables revisited" and items[0]["URL"] == "https://arxiv.org/abs/1701.00001"
    assert items[0]["container-title"] == "Advances in Coastal Systems" and items[0]["volume"] == "30"
    assert items[3]["title"] == "Deep Harbours" and items[3]["publisher"] == "Fjord Press"
    assert not any("*" in json.dumps(it) for it in items)


def test_lower_case_report_genre_with_institution_after_the_number():
    item = one("Berg, Anna, and Tove Lind (2021): “Harbour Credit,” discussion paper 5521, CHSR.")
    assert (item["genre"], item["number"], item["publisher"]) == ("discussion paper", "5521", "CHSR")


def test_the_unsure_report_says_why():
    [r] = parse_text("Harbour Wire (2021a): “Ferries Stop,” Press article, Harbour Wire.", one_per_line=True)
    assert r.unsure and all(":" in u or u.startswith("low confidence in ") for u in r.unsure)
    assert any(re.match(r"[a-z-]+: \w", u) for u in r.unsure), r.unsure


def test_bracketed_places_after_genre_and_container():
    item = one("7. Lind T. Harbour voices [Doctoral dissertation]. [Bergen]: University of Bergen; 2015.")
    assert (item["genre"], item["publisher-place"]) == ("Doctoral dissertation", "Bergen")
    item = one("Osei, Kwame, Anna Berg, Tove Lind, et al. 2019. “Tide Radios.” Proceedings of the Workshop on "
               "Coastal Sensing (Tromsø), May, 12–19.")
    assert item["container-title"] == "Proceedings of the Workshop on Coastal Sensing"
    assert item["publisher-place"] == "Tromsø"


def test_explain_shows_the_corrected_labels(tmp_path):
    from click.testing import CliRunner

    from refkit.cli import cli

    f = tmp_path / "refs.txt"
    f.write_text("Lind, T. and Berg, A. (2021) Harbour credit. Working paper 2021–03. Port Louis: Institute for "
                 "Coastal Finance.\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["parse", str(f), "--explain"]).output
    assert re.search(r"number: 2021–03", out) and re.search(r"location: Port Louis:", out), out


def test_a_doi_link_and_a_code_link_stay_apart():
    text = ("- **Lind, T.**, Berg, A. *Tidal harmonics revisited*. Journal of Coastal Physics, 12(3), 45–67, 2015. "
            "[[paper]](https://doi.org/10.5555/jcp.2015.045) [[code]](https://github.com/example/tides)\n"
            "- Osei, K. (2019). Storm surges. *Ocean Modelling*, 138, 101–115. https://doi.org/10.5555/om.2019.101\n")
    items = [r.ref.to_csl() for r in parse_text(text)]
    assert items[0]["DOI"] == "10.5555/jcp.2015.045" and items[0]["URL"] == "https://github.com/example/tides"
    assert items[1]["DOI"] == "10.5555/om.2019.101"


def test_wikipedia_back_links_start_references():
    from refkit.parse.split import split_text

    text = ("References\n"
            "^ Lind, Tove (2015). \"Tidal harmonics\". Journal of Coastal Physics. 12 (3): 45–67.\n"
            "^ a b Osei, Kwame; Moreau, Claire (2019). Storm Surges. Oslo: Fjord Press.\n"
            "^ a b c Berg, A. (12 June 2018). \"Ferries return\". The Northvale Herald. p. B4.\n")
    refs = split_text(text).refs
    assert [r.text[:4] for r in refs] == ["Lind", "Osei", "Berg"]


def test_role_brackets_and_book_authors():
    item = one("Moreau, C. (2016). The salt road (T. Lind, Trans.). Fjord Press. (Original work published 1961)")
    assert item["translator"] == [{"family": "Lind", "given": "T."}] and item["publisher"] == "Fjord Press"
    item = one("Lind, T. (2019). Preface. In K. Osei, Harbour songs (pp. ix–xii). Fjord Press.")
    assert item["container-author"] == [{"family": "Osei", "given": "K."}] and "editor" not in item
    item = one("Lind, T. (2019). Tides. In K. Osei (Ed.), Harbour songs (pp. 1–12). Fjord Press.")
    assert item["editor"] == [{"family": "Osei", "given": "K."}] and "container-author" not in item


def test_city_before_a_state():
    item = one("Lind, T. Harbour Tables. Reading, Massachusetts: Coastline Publishing, 1962.")
    assert item["title"] == "Harbour Tables" and item["publisher-place"] == "Reading, Massachusetts"
    item = one("Osei, Kwame. Salt Poems. Translated by A. Berg Jr. Saint Paul, Minn.: Fjord Press, 1986.")
    assert item["publisher-place"] == "Saint Paul, Minn." and item["translator"][0]["family"] == "Berg"
