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


@pytest.mark.parametrize("text, name", [
    ("Harbour Survey Collaboration. (2015). Estimating the reproducibility of tide tables. Science, 349(6251), "
     "Article aac4716. https://doi.org/10.1126/science.aac4716", "Harbour Survey Collaboration"),
    ("R Tide Team (2021). Tides: a language for sea levels. Vienna, Austria.", "R Tide Team"),
])
def test_group_authors_stay_whole(text, name):
    item = one(text)
    assert item["author"] == [{"literal": name}]


def test_an_apa_article_number_is_the_page_and_the_doi_survives():
    item = one("Harbour Survey Collaboration. (2015). Estimating the reproducibility of tide tables. Science, "
               "349(6251), Article aac4716. https://doi.org/10.1126/science.aac4716")
    assert item["page"] == "aac4716"
    assert item["DOI"] == "10.1126/science.aac4716"


def test_two_collaborations_after_et_al():
    item = one("B. P. Abbot et al. (TIDE Scientific Collaboration and Wave Collaboration), Observation of tidal "
               "waves from a binary harbour merger, Phys. Rev. Lett. 116, 061102 (2016).")
    assert item["title"].startswith("Observation of tidal waves")
    assert {"literal": "TIDE Scientific Collaboration and Wave Collaboration"} in item["author"]


def test_a_spanish_double_family_name():
    item = one("Ortega y Gasset, J. (1930). La rebelión de las mareas. Madrid: Revista de Occidente.")
    assert item["author"][0]["family"] == "Ortega y Gasset"
    assert len(item["author"]) == 1


@pytest.mark.parametrize("text, publisher", [
    ("Felton, Rita. The Limits of Tides. U of Chicago P, 2015.", "U of Chicago P"),
    ("Eaton, Terry. Harbour Theory: An Introduction. Oxford UP, 1983.", "Oxford UP"),
    ("Morris, Toni. Belonging. Alfred A. Knopf, 1987.", "Alfred A. Knopf"),
])
def test_mla_publishers(text, publisher):
    item = one(text)
    assert item["publisher"] == publisher
    assert len(item["author"]) == 1
    assert publisher not in item["title"]


def test_acs_publisher_before_its_place():
    item = one("Clay, J.; Grey, N.; Ward, S. Harbour Chemistry, 2nd ed.; Oxford University Press: Oxford, 2012.")
    assert (item["publisher"], item["publisher-place"]) == ("Oxford University Press", "Oxford")
    assert item["edition"] == "2"


def test_an_all_capitals_word_after_the_initials_starts_the_title():
    item = one("Mori, K.; Izumi, F. TIDAL 3 for three-dimensional visualization of harbour data. J. Appl. "
               "Harb. 2011, 44, 1272–1276.")
    assert [a["family"] for a in item["author"]] == ["Mori", "Izumi"]
    assert item["title"].startswith("TIDAL 3")


@pytest.mark.parametrize("text, fields", [
    ("Cole RH, ‘The Problem of Social Tides’ (1960) 3 J L & Econ 1 <https://doi.org/10.1086/466560>",
     {"volume": "3", "container-title": "J L & Econ", "page": "1", "DOI": "10.1086/466560"}),
    ("Hart HLA, The Concept of Harbours (3rd edn, OUP 2012)", {"edition": "3", "publisher": "OUP"}),
    ("Dwyer R, Taking Tides Seriously (Harvard University Press 1977)", {"publisher": "Harvard University Press"}),
])
def test_oscola_citations(text, fields):
    item = one(text)
    assert {k: item.get(k) for k in fields} == fields


def test_vancouver_title_with_a_year_and_a_one_word_journal():
    item = one("Zhu N, Zhang D, Wang W, et al. A new virus from patients with pneumonia in Hubei, 2019. N Engl J "
               "Med. 2020 Feb 20;382(8):727-33.")
    assert item["title"].endswith("Hubei, 2019")
    assert item["issued"]["date-parts"] == [[2020, 2, 20]]
    item = one("Huang C, Wang Y, Li X, et al. Clinical features of patients with a new virus in Wuhan, China. "
               "Lancet. 2020 Feb 15;395(10223):497-506.")
    assert item["title"].endswith("Wuhan, China")
    assert item["container-title"] == "Lancet"
    assert "publisher-place" not in item


def test_a_bold_title_first_reading_list():
    refs = parse_text("## Papers\n\n* **Attention for Harbours**. Ana Lind, Łukasz Kowal, Bo Chen. *NeurIPS 2017*. "
                      "[[paper]](https://arxiv.org/abs/1706.00001)\n"
                      "* **Language Tides are Few-Shot Learners**. Tom B. Brown et al. *NeurIPS 2020*. "
                      "[[arXiv]](https://arxiv.org/abs/2005.00001)\n")
    a, b = (r.ref.to_csl() for r in refs)
    assert a["title"] == "Attention for Harbours"
    assert [x["family"] for x in a["author"]] == ["Lind", "Kowal", "Chen"]
    assert b["title"] == "Language Tides are Few-Shot Learners"
    assert b["author"][0] == {"family": "Brown", "given": "Tom B."}


def test_two_letter_family_names_are_not_initials():
    item = one("Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun. Deep residual tides. CVPR 2016.")
    assert [x["family"] for x in item["author"]] == ["He", "Zhang", "Ren", "Sun"]


def test_a_doi_label_before_a_doi_link():
    item = one("MYERS, Norman et al. Biodiversity hotspots for harbours. Nature, London, v. 403, n. 6772, "
               "p. 853-858, 2000. DOI: https://doi.org/10.1038/35000000.")
    assert item["DOI"] == "10.1038/35000000"
    assert "URL" not in item


def test_a_doi_link_in_the_bracketed_year_style_is_the_doi():
    item = one("Dąbek E. (2012), Different speakers, different grammars, „Linguistic Harbours” 2(3), s. 219–253, "
               "https://doi.org/10.1075/lab.2.3.00dab.")
    assert item["DOI"] == "10.1075/lab.2.3.00dab"


@pytest.mark.parametrize("text, typ, fields", [
    ("[2] IEEE Standard for Harbour Networks, IEEE Std 802.99-2018, Aug. 2018, doi: 10.1109/IEEESTD.2018.0000001.",
     "standard", {"title": "IEEE Standard for Harbour Networks", "number": "802.99-2018"}),
    ("[5] R. A. Smith, \"Tidal pump,\" U.S. Patent 3 138 743, Jun. 23, 1964.", "patent",
     {"title": "Tidal pump", "number": "3 138 743"}),
    ("[7] T. Lee and R. Field, \"Harbour Resource Identifiers: Generic Syntax,\" RFC 9999, Jan. 2005.", "standard",
     {"genre": "RFC", "number": "9999"}),
])
def test_standards_patents_and_rfcs(text, typ, fields):
    item = one(text)
    assert item["type"] == typ
    assert {k: item.get(k) for k in fields} == fields


@pytest.mark.parametrize("names, families", [
    ("Хаин В. Е., Ломизе М. Г.", ["Хаин", "Ломизе"]),
    ("Smith J. A., Jones K. L.", ["Smith", "Jones"]),
    ("Bańko M. (red.)", ["Bańko"]),
])
def test_family_names_before_dotted_initials(names, families):
    from refkit.parse.clean import clean_names

    assert [n.family for n in clean_names(names)] == families


def test_upper_case_family_names_are_not_taken_for_initials():
    from refkit.model import Name, Reference
    from refkit.parse.review_features import _name_reasons

    assert _name_reasons("author", [Name(family="MYERS", given="Norman")]) == []
    assert _name_reasons("author", [Name(family="J. A.", given="Smith")])
    assert Reference  # the model the check reads


def test_bibtex_fields_without_entry_types_are_refused_with_a_hint(tmp_path):
    from click.testing import CliRunner

    from refkit.cli import cli

    f = tmp_path / "fields.txt"
    f.write_text("author = {Kant, Immanuel}\ntitle = {Critique}\nyear = {1998}\n\nauthor = {Hume, David}\n"
                 "title = {Treatise}\nyear = {1739}\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["parse", str(f)])
    assert r.exit_code == 2 and "Error:" in r.output and "@book{key," in r.output


@pytest.mark.parametrize("text, fields, names", [
    ("费晓. 乡土社会[M]. 北京: 三联书店, 1985.",
     {"type": "book", "title": "乡土社会", "publisher-place": "北京", "publisher": "三联书店"}, ["费晓"]),
    ("TU Y Y. The discovery of a harbour drug[J]. Nature Harbours, 2011, 17(10): 1217-1220.",
     {"type": "article-journal", "container-title": "Nature Harbours", "volume": "17", "issue": "10",
      "page": "1217-1220"}, ["TU"]),
    ("YIN J, CAO Y, LI Y H, et al. Satellite tides over 1200 kilometers[J]. Science, 2017, 356(6343): 1140-1144.",
     {"type": "article-journal", "volume": "356"}, ["YIN", "CAO", "LI"]),
])
def test_gbt7714_references(text, fields, names):
    item = one(text)
    assert {k: item.get(k) for k in fields} == fields
    assert [a.get("family") or a.get("literal") for a in item["author"] if a.get("literal") != "others"] == names


def test_abnt_conventions():
    item = one("MYERS, Norman et al. Biodiversity hotspots for harbours. Nature, London, v. 403, n. 6772, "
               "p. 853-858, 2000.")
    assert (item["container-title"], item["publisher-place"], item["volume"]) == ("Nature", "London", "403")
    item = one("SILVA, J. Ecologia urbana. [S. l.]: Editora Litoral, 2010.")
    assert item["publisher"] == "Editora Litoral" and [a["family"] for a in item["author"]] == ["SILVA"]
    item = one("BRASIL. Atlas das águas. Brasília: ANA, 2021. Disponível em: https://www.example.gov.br/atlas. "
               "Acesso em: 10 mar. 2023.")
    assert item["accessed"]["date-parts"] == [[2023, 3, 10]]
    assert item["URL"] == "https://www.example.gov.br/atlas"


def test_vancouver_particles():
    item = one("12. da Silva Santos LB, 't Hoen PA, van Schaik R, van der Lei J. Data sharing in harbours. BMJ. "
               "2019;366:l4898.")
    fams = [(a.get("non-dropping-particle", "") + " " + a["family"]).strip() for a in item["author"]]
    assert fams == ["da Silva Santos", "'t Hoen", "van Schaik", "van der Lei"]


@pytest.mark.parametrize("text, genre, school, archive", [
    ("Jansen, P. (2015). Tides and dunes [Proefschrift, Universiteit Leiden]. Leiden University Repository.",
     "Proefschrift", "Universiteit Leiden", "Leiden University Repository"),
    ("Lee, K. (2010). Harbour control [Master's thesis, Massachusetts Institute of Technology]. DSpace@MIT.",
     "Master's thesis", "Massachusetts Institute of Technology", "DSpace@MIT"),
])
def test_bracketed_theses(text, genre, school, archive):
    item = one(text)
    assert (item["type"], item["genre"], item["publisher"], item["archive"]) == ("thesis", genre, school, archive)


@pytest.mark.parametrize("text, role, family", [
    ("Hegel, G. (1960). Fenomenologia dello spirito, trad. it. di E. Negri, 2 voll. Firenze: La Nuova Italia "
     "(ed. or. 1807).", "translator", "Negri"),
    ("Witt, L. (1967). Ricerche filosofiche, a cura di M. Trinchero. Torino: Einaudi.", "editor", "Trinchero"),
    ("Sen, A. (2000). Desarrollo y libertad, traducción de Esther Rabasco. Barcelona: Planeta.", "translator",
     "Rabasco"),
])
def test_italian_and_spanish_roles_after_the_title(text, role, family):
    item = one(text)
    assert [a["family"] for a in item[role]] == [family]
    assert "cura" not in item["title"] and "trad" not in item["title"]


def test_italian_volume_count_and_original_year():
    item = one("Hegel, G. (1960). Fenomenologia dello spirito, trad. it. di E. Negri, 2 voll. Firenze: La Nuova "
               "Italia (ed. or. 1807).")
    assert item["number-of-volumes"] == "2"
    assert item["original-date"]["date-parts"] == [[1807]]


@pytest.mark.parametrize("text, fields, families", [
    ("13. Хаин В. Е., Ломизе М. Г. Геотектоника с основами. М.: Изд-во МГУ, 1995. 480 с.",
     {"type": "book", "title": "Геотектоника с основами", "publisher-place": "Москва", "publisher": "Изд-во МГУ",
      "number-of-pages": "480"}, ["Хаин", "Ломизе"]),
    ("7. Кузьмин М. И., Ярмолюк В. В. Тектоника плит и мантийные плюмы // Геология и геофизика. 2016. Т. 57, "
     "№ 1. С. 11–30.",
     {"type": "article-journal", "title": "Тектоника плит и мантийные плюмы", "container-title": "Геология и геофизика",
      "volume": "57", "issue": "1", "page": "11-30"}, ["Кузьмин", "Ярмолюк"]),
    ("15. Dobrov N. L., Buslov M. M. Evolution of the Paleo-Asian Ocean // Gondwana Research. 2003. Vol. 6, no. 2. "
     "P. 143–159.", {"container-title": "Gondwana Research", "volume": "6", "issue": "2", "page": "143-159"},
     ["Dobrov", "Buslov"]),
])
def test_gost_references(text, fields, families):
    item = one(text)
    assert {k: item.get(k) for k in fields} == fields
    assert [a["family"] for a in item["author"]] == families


def test_a_doi_inside_the_pages_or_before_a_link():
    item = one("[1] M. Shapiro and N. Preguiça, “Conflict-free replicated tides,” in Stabilization of Harbours. Berlin, "
               "Germany: Springer, 2011, pp. 386–400, doi:10.1007/978-3-642-24550-3_29.")
    assert item["DOI"] == "10.1007/978-3-642-24550-3_29"
    assert item["page"] == "386-400"
    item = one("Ronne, O., & Brox, T. (2015). U-Net for harbours. In MICCAI 2015, pp. 234–241. Springer. "
               "doi:10.1007/978-3-319-24574-4_28. https://arxiv.org/abs/1505.00001")
    assert item["DOI"] == "10.1007/978-3-319-24574-4_28"
    assert item["URL"] == "https://arxiv.org/abs/1505.00001"


def test_apa_chapter_publisher_after_the_pages():
    item = one("Tajfel, H., & Turner, J. C. (1979). An integrative theory of harbour conflict. In W. G. Austin & "
               "S. Worchel (Eds.), The social psychology of harbours (pp. 33–47). Brooks/Cole.")
    assert (item["page"], item["publisher"]) == ("33-47", "Brooks/Cole")
    assert "publisher-place" not in item


@pytest.mark.parametrize("text, typ, publisher", [
    ("Hersbach, H., et al. (2023). ERA5 hourly tides from 1940 to present [Data set]. Copernicus Climate Service. "
     "https://doi.org/10.24381/cds.adbb2d00", "dataset", "Copernicus Climate Service"),
    ("Ruiz, C. (2019). Tides in R (Version 1.2) [Computer software]. CRAN. https://cran.r-project.org/package=tides",
     "software", "CRAN"),
])
def test_apa_descriptions_give_the_type(text, typ, publisher):
    item = one(text)
    assert (item["type"], item["publisher"]) == (typ, publisher)
    assert "[" not in item["title"] and "genre" not in item


def test_spanish_issue_word():
    item = one("Pérez, J. (2010). La escuela del puerto. Revista de Educación, vol. 9, núm. 2, pp. 10-20.")
    assert (item["volume"], item["issue"], item["page"]) == ("9", "2", "10-20")


def test_ieee_abbreviated_proceedings_and_article_numbers():
    item = one("[7] A. Verma and J. Wilkes, \"Large-scale harbour management with Borg,\" in Proc. 10th Eur. Conf. "
               "Comput. Syst. (EuroSys), Bordeaux, France, 2015, Art. no. 18.")
    assert item["container-title"] == "Proc. 10th Eur. Conf. Comput. Syst. (EuroSys)"
    assert item["page"] == "18"
    assert item["publisher-place"] == "Bordeaux, France"
    assert "publisher" not in item and "volume" not in item


def test_harvard_chapter_title_after_the_editors_is_the_book():
    item = one("Moss, K. (1994) ‘Tidal rhythms’, in Lane, P., Ortiz, M. and Fenn, R. (eds) Coasts, Rivers, Harbours. "
               "Bristol: Quayside Press, pp. 41–58.")
    assert item["title"] == "Tidal rhythms"
    assert item["container-title"] == "Coasts, Rivers, Harbours"
    assert [e["family"] for e in item["editor"]] == ["Lane", "Ortiz", "Fenn"]


def test_apa_edition_then_short_publisher_and_a_review_note():
    item = one("Harbour Statistics Office. (2019). Boats and berths: A statistical picture (2nd ed.). HSO.")
    assert (item["edition"], item["publisher"]) == ("2", "HSO")
    item = one("Okafor, N. (2016, March 3). The long tide [Review of the book Salt and silt, by R. Fenn]. "
               "The Coastal Review of Books.")
    assert [a["family"] for a in item["author"]] == ["Okafor"]
    assert item["title"] == "The long tide"
    assert item["container-title"] == "The Coastal Review of Books"


def test_an_address_presented_at_a_meeting_gives_the_genre_and_the_event():
    item = one("Lind, Sara. 2011. “Against the Current.” Presidential address presented at the annual meeting of the "
               "Coastal Studies Association, May 4, Halifax, NS.")
    assert item["genre"].lower().startswith("presidential address")
    assert "Presidential" not in item.get("container-title", "")
    assert "Coastal Studies Association" in item["container-title"]


@pytest.mark.parametrize("text, editors", [
    ("Brandt, Jürgen/Seidel, Wolfgang (2001): Nähe und Ferne. In: Dies. (Hg.): Räume der Nachbarschaft. "
     "Opladen: Leske + Budrich, S. 9–43.", ["Brandt", "Seidel"]),
])
def test_dies_after_in_is_the_authors_themselves(text, editors):
    item = one(text)
    assert [e["family"] for e in item["editor"]] == editors
    assert item["container-title"] == "Räume der Nachbarschaft"


def test_ders_before_the_book_title_is_the_book_author():
    item = one("Lenz, Otto (1975): Der Nachbar. In: Ders.: Gesammelte Schriften, Bd. 2. Den Haag: Nijhoff, S. 53–69.")
    assert item["container-title"].startswith("Gesammelte Schriften")
    assert [a["family"] for a in item["container-author"]] == ["Lenz"]


def test_historians_quoted_title_then_in_gives_the_paper():
    item = one("Reuter, Anna: „Wir sind die Stadt“, in: Süddeutsche Zeitung, 3.5.2012.")
    assert item["title"] == "Wir sind die Stadt"
    assert item["container-title"] == "Süddeutsche Zeitung"


def test_corporate_bodies_with_commas_and_no_date():
    item = one("Bundesministerium für Wohnen, Bauen, Verkehr und Umwelt (Hg.) (2008): Dritter Bericht zur Lage der "
               "Städte. Berlin.")
    assert item["editor"] == [{"literal": "Bundesministerium für Wohnen, Bauen, Verkehr und Umwelt"}]
    assert item["title"].startswith("Dritter Bericht")
    item = one("Landeszentrale für politische Bildung (o.J.): Die Lage der Städte. URL: https://example.org/lage "
               "[Zugriff: 12.03.2019].")
    assert item["author"] == [{"literal": "Landeszentrale für politische Bildung"}]
    assert item["title"] == "Die Lage der Städte"


def test_a_month_like_given_name_before_the_year():
    item = one("Ahrens, Tobias/Krull, Jan (2006): Der Übergang in die Schule. In: Zeitschrift für Pädagogik, Jg. 9, "
               "H. 3, S. 348–372.")
    assert [(a["family"], a["given"]) for a in item["author"]] == [("Ahrens", "Tobias"), ("Krull", "Jan")]


def test_german_ordinals_and_book_subtitles_stay_in_the_title():
    item = one("Lenz, Karl, Arbeit und Alltag. Grundlagen der Stadtbildung im 18. Jahrhundert, Bonn 1992.")
    assert item["title"] == "Arbeit und Alltag. Grundlagen der Stadtbildung im 18. Jahrhundert"
    item = one("Hoff, Norbert (1999): Über die Ordnung der Häfen. Soziologische und historische Untersuchungen. 2 Bde. "
               "Frankfurt a.M.: Suhrkamp.")
    assert item["title"] == "Über die Ordnung der Häfen. Soziologische und historische Untersuchungen"
    assert "container-title" not in item


def test_ieee_lower_case_in_before_a_series_is_a_container():
    item = one("[20] M. Lind and A. Korva, Harbours in Transition. in Studies in Comparative Harbour Policy, no. 14. "
               "Stockholm: Northlight Academic Publishers, 2020.")
    assert item["title"] == "Harbours in Transition"
