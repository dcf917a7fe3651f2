"""German conventions on invented references: '13. Jg., H. 3', APuZ's '62 (2012) 5–6, S. 3–9', a place
with no publisher at the end, editors with '(Hg.):' before the book, 'in: ders., Book', a series'
'Heft 9', and theses ('Diss. phil. Univ. Köln 1931')."""

from __future__ import annotations

from refkit.parse import parse_text


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


def test_ordinal_jahrgang_and_heft():
    item = one("Brandt, K. (1979): Arbeit und Alter. In: Soziale Praxis, 21. Jg., H. 4, S. 101–118.")
    assert (item["volume"], item["issue"], item["page"]) == ("21", "4", "101-118")


def test_volume_year_and_a_bare_issue():
    item = one("Jana Roth, Die Stadt als Bühne, in: Aus Politik und Zeitgeschichte, 65 (2015) 12–13, S. 20–27.")
    assert (item["volume"], item["issue"], item["page"]) == ("65", "12–13", "20-27")
    assert item["container-title"] == "Aus Politik und Zeitgeschichte"


def test_a_place_alone_is_no_publisher():
    item = one("Vogt, H./Lenz, P. (2003): Ordnung und Strafe. Studien zur Kriminalpolitik. Münster.")
    assert item["publisher-place"] == "Münster"
    assert "publisher" not in item


def test_the_book_after_the_editors_role():
    item = one("Lenz, P. (1971): Neue Wege der Soziologie. In: Lenz, P./Roth, J. (Hg.): Gesellschaftslehre. "
               "Frankfurt a. M., S. 210–240.")
    assert item["container-title"] == "Gesellschaftslehre"
    assert item["publisher-place"] == "Frankfurt a. M."
    assert item["page"] == "210-240"
    assert [n["family"] for n in item["editor"]] == ["Lenz", "Roth"]


def test_ders_before_the_authors_own_book():
    item = one("Roth, J., Die Krise der Öffentlichkeit, in: ders., Politische Aufsätze I–III, Berlin 1985, 12–40.")
    assert item["container-title"] == "Politische Aufsätze I–III"


def test_a_series_with_heft():
    item = one("Lenz, P., Der Begriff der Arbeit bei Hegel, Berlin 1931 (Philosophische Studien, Heft 4).")
    assert (item["collection-title"], item["collection-number"]) == ("Philosophische Studien", "4")


def test_german_theses():
    item = one("Roth, J., Die Stadt im Roman, Diss. phil. Univ. Köln 1931.")
    assert item["type"] == "thesis"
    assert item["title"] == "Die Stadt im Roman"
    assert item["publisher"] == "Univ. Köln"
    item = one("Lenz, P., Der Bauernroman, Diss. Freiburg i. Br. 1925.")
    assert (item["type"], item["publisher-place"]) == ("thesis", "Freiburg i. Br.")


def test_a_series_after_an_equals_sign():
    item = one("Lenz, Petra (1988): Die Küste als Risiko. Frankfurt a. M.: Suhrkamp (= edition suhrkamp 1412).")
    assert (item["publisher"], item["collection-title"], item["collection-number"]) == ("Suhrkamp", "edition suhrkamp",
                                                                                       "1412")
    assert "edition" not in item


def test_editors_with_slashes_before_the_year():
    item = one("Roth, Jana/Lenz, Petra/Varga, Tomas (Hg.) (2011): Küstenbericht 2011. Zürich: Seismo.")
    assert [n["family"] for n in item["editor"]] == ["Roth", "Lenz", "Varga"]
    assert "author" not in item
    assert item["title"] == "Küstenbericht 2011"
    assert item["issued"] == {"date-parts": [[2011]]}


def test_newspaper_after_a_lone_in_and_a_subtitle_before_in():
    item = one("Kramer, Ute (2016): Der lange Abschied. In: Der Tagesspiegel, 3. Mai 2016, S. 7.")
    assert item["container-title"] == "Der Tagesspiegel" and item["type"] == "article-newspaper"
    item = one("Wolf, Jan (2019): Grenzen der Dinge. Eine Einleitung. In: Zeitschrift für Kulturforschung 4 (2), S. 9–21.")
    assert item["title"] == "Grenzen der Dinge. Eine Einleitung"
    assert item["container-title"] == "Zeitschrift für Kulturforschung"


def test_slashed_authors_with_a_lower_case_particle_and_von_kept():
    item = one("Lange, Ida/zur Mühlen, Tom (2017): Schulwahl in der Stadt. In: Die Deutsche Schule 109 (3), S. 20–35.")
    assert [(n.get("non-dropping-particle", ""), n["family"], n["given"]) for n in item["author"]] == [
        ("", "Lange", "Ida"), ("zur", "Mühlen", "Tom")]  # "zur", like "von", is the family name's particle
    item = one("von Arnim, Bettina (2001 [1843]): Dies Buch gehört dem König. Frankfurt a. M.: Insel.")
    assert item["author"] == [{"family": "Arnim", "given": "Bettina", "non-dropping-particle": "von"}]
    assert item["title"] == "Dies Buch gehört dem König"


def test_swiss_theses_and_a_series_after_the_publisher():
    item = one("Graf, Lea (2011): Lehrstellen im Kanton Uri. Lizentiatsarbeit, Universität Bern.")
    assert (item["type"], item["genre"], item["publisher"]) == ("thesis", "Lizentiatsarbeit", "Universität Bern")
    item = one("Roth, Eva (2015): Jugend im Wandel. Dissertation, Ruprecht-Karls-Universität Heidelberg.")
    assert item["publisher"] == "Ruprecht-Karls-Universität Heidelberg"
    item = one("Beck, Olaf/Sand, Mia (2020): Soziale Dienste. Opladen/Toronto: Verlag Barbara Budrich (UTB 5120).")
    assert (item["publisher"], item["collection-title"], item["collection-number"]) == (
        "Verlag Barbara Budrich", "UTB", "5120")
    assert "page" not in item
    item = one("Hahn, Uwe (2018): Plattformen. Wiesbaden: Springer VS (essentials).")
    assert (item["publisher"], item["collection-title"]) == ("Springer VS", "essentials")
    item = one("Weber, Max (1972): Gesammelte Aufsätze. Tübingen: Mohr (Siebeck).")
    assert "collection-title" not in item


def test_corporate_author_then_title_and_a_link_word():
    item = one("Statistik Austria (o. J.): Wohnen. URL: https://www.statistik.example/wohnen [abgerufen am 10.05.2021].")
    assert item["author"] == [{"literal": "Statistik Austria"}] and item["title"] == "Wohnen"
    item = one("Bundesamt für Umwelt (2020): Lärm. Online: https://www.bafu.example/laerm (Stand: 12.03.2021).")
    assert item["title"] == "Lärm"


def test_edition_words_place_with_bei_and_a_report_subtitle():
    item = one("Kurz, Anne (2018): Soziale Arbeit. 2., vollst. überarb. u. aktualisierte Ausg. Weinheim: Beltz.")
    assert (item["edition"], item["publisher"], item["publisher-place"]) == ("2", "Beltz", "Weinheim")
    item = one("Ott, Jan (2008): Schule heute. In: Ott, Jan u. a. (Hrsg.): Das Schulwesen. Strukturen im Überblick. "
               "Reinbek bei Hamburg: Rowohlt, S. 5–43.")
    assert item["publisher-place"] == "Reinbek bei Hamburg"
    assert item["container-title"] == "Das Schulwesen. Strukturen im Überblick"
    item = one("Deutscher Bundestag (2013): Wohnen in Deutschland. Der Zweite Wohnbericht der Bundesregierung. "
               "BT-Drucksache 17/1234. Berlin.")
    assert item["title"] == "Wohnen in Deutschland. Der Zweite Wohnbericht der Bundesregierung"
    assert (item["type"], item["number"]) == ("report", "17/1234")
    item = one("Roth, Ina (2014): Hamburger Medien Report 2014 – Ergebnisse. Hamburg: Eigenverlag.")
    assert item["title"] == "Hamburger Medien Report 2014 – Ergebnisse" and "number" not in item


def test_apuz_issue_with_its_year():
    item = one("Kühn, Max: Demokratie heute, in: Aus Politik und Zeitgeschichte, Nr. 12–13/2019, S. 4–11.")
    assert item["issued"] == {"date-parts": [[2019]]} and item["page"] == "4-11"


def test_german_translators_and_editors_after_the_title():
    item = one("Durand, Luc (2004): Die Stadt und ihre Ränder. Aus dem Franz. von Eva Roth. Konstanz: UVK.")
    assert item["translator"] == [{"family": "Roth", "given": "Eva"}] and item["title"] == "Die Stadt und ihre Ränder"
    item = one("Lane, Robert K., 1997: Soziale Ordnung. Hrsg. und eingeleitet von Jan Vogt und Ute Marx. Berlin: de Gruyter.")
    assert [n["family"] for n in item["editor"]] == ["Vogt", "Marx"] and item["title"] == "Soziale Ordnung"


def test_a_volume_of_a_multi_volume_work_and_its_own_title():
    item = one("Lorenz, Karl: Theorie der Stadt. Bd. 2: Räume und Grenzen. Frankfurt am Main : Suhrkamp, 1984.")
    assert (item["title"], item["volume"], item["volume-title"]) == ("Theorie der Stadt", "2", "Räume und Grenzen")
    assert item["publisher"] == "Suhrkamp"
    item = one("Ute Frevert, Geschichte der Gefühle, Bd. 1: Von der Aufklärung bis zum Ersten Weltkrieg, München 2011.")
    assert (item["title"], item["volume"]) == ("Geschichte der Gefühle", "1")
    assert item["volume-title"] == "Von der Aufklärung bis zum Ersten Weltkrieg" and item["publisher-place"] == "München"


def test_historians_journals_editors_roles_and_label_tails():
    item = one("Jan Vogt, Die Stadt im Krieg, in: HZ 212. 1971, S. 33–61.")
    assert (item["container-title"], item["volume"], item["page"]) == ("HZ", "212", "33-61")
    assert item["issued"] == {"date-parts": [[1971]]}
    item = one("Roth, Ina (2004): Die Stadt. In: Mittelweg 36, Jg. 13, H. 2, S. 5–19.")
    assert (item["container-title"], item["volume"], item["issue"]) == ("Mittelweg 36", "13", "2")
    item = one("Berg, S., & Lind, P. (Hrsg.). (2012). Die alten Städte. Frankfurt a. M.: Campus.")
    assert [n["family"] for n in item["editor"]] == ["Berg", "Lind"] and "author" not in item
    item = one("Lorenz, Karl: Gemeinde und Staat. Leipzig: Fues (Lorenz 1901)")
    assert item["issued"] == {"date-parts": [[1901]]} and "collection-title" not in item
    item = one("Kurz, Eva (Hg.) (2010): stadt leben. Praktiken des Wohnens im Alltag, Bielefeld: transcript.")
    assert item["title"] == "stadt leben. Praktiken des Wohnens im Alltag" and item["publisher"] == "transcript"
    item = one("Jan Roth, Art. „Bürger“, in: Lexikon der Stadt, Bd. 2, Stuttgart 1990, S. 5–9.")
    assert item["title"] == "Bürger"
    item = one("Vogt, Jan u. Ute Marx, Stadt und Land. Eine Geschichte der Nähe, Münster 1999.")
    assert item["title"] == "Stadt und Land. Eine Geschichte der Nähe" and "container-title" not in item


def test_places_with_a_slash_and_a_colon_alone_and_a_newspaper_day():
    item = one("Berg, Ina (2009): Wählen – eine Pflicht? Opladen/Farmington Hills: Barbara Budrich.")
    assert (item["publisher-place"], item["publisher"]) == ("Opladen/Farmington Hills", "Barbara Budrich")
    assert item["title"] == "Wählen – eine Pflicht?"
    item = one("Ernst Roth, Die Vergangenheit, in: Frankfurter Allgemeine Zeitung vom 6. Juni 1986.")
    assert item["container-title"] == "Frankfurter Allgemeine Zeitung"


def test_more_german_roles_reports_bodies_and_statutes():
    item = one("Sen, Amartya (2010): Die Idee der Gerechtigkeit. Aus dem amerikanischen Englisch von Ute Marx. München: Beck.")
    assert item["translator"] == [{"family": "Marx", "given": "Ute"}] and item["title"] == "Die Idee der Gerechtigkeit"
    item = one("Lang, Ina und Tom Roth (Hrsg.) 2011: Entwicklung im Alter. 3. Aufl. Weinheim/Basel: Beltz.")
    assert [n["family"] for n in item["editor"]] == ["Lang", "Roth"] and item["issued"] == {"date-parts": [[2011]]}
    assert item["title"] == "Entwicklung im Alter"
    item = one("Vogt, Jan (2019): Löhne im Wandel. IMK Report Nr. 77. Düsseldorf: Hans-Böckler-Stiftung.")
    assert (item["genre"], item["number"], item["type"]) == ("IMK Report", "77", "report")
    item = one("Statistisches Bundesamt (Destatis)/Bundesinstitut für Bevölkerungsforschung (BiB) (Hg.) (2016): "
               "Datenreport 2016. Bonn: Bundeszentrale für politische Bildung.")
    assert item["editor"] == [{"literal": "Statistisches Bundesamt (Destatis)"},
                              {"literal": "Bundesinstitut für Bevölkerungsforschung (BiB)"}]
    item = one("Gesetz über den Datenschutz vom 23. Mai 1977, BGBl. S. 201.")
    assert (item["type"], item["container-title"], item["page"]) == ("legislation", "BGBl.", "201")
    item = one("Roth, Eva: Landflucht, unveröff. Masterarbeit, Universität Leipzig, Leipzig 2016.")
    assert item["title"] == "Landflucht" and item["genre"] == "Masterarbeit"
    item = one("Weber, Jan, in: ders. (Hrsg.), Handbuch des Rechts, Bd. 2, 3. Aufl., Tübingen 2012.")
    assert item["edition"] == "3" and item["publisher-place"] == "Tübingen"


def test_a_paper_vom_its_day():
    item = one("Lind, Eva: Die Stadt und das Land, in: taz vom 14.09.2021, S. 3.")
    assert (item["type"], item["container-title"], item["page"]) == ("article-newspaper", "taz", "3")
    assert item["issued"] == {"date-parts": [[2021, 9, 14]]}


def test_vancouver_editors_report_years_and_dates_taken_for_dois():
    item = one("Kern K, Lind A, Roth B (Hrsg.). Pflege-Report 2019. Mehr Personal in der Pflege. Berlin: Springer; 2020.")
    assert [n["family"] for n in item["editor"]] == ["Kern", "Lind", "Roth"] and "author" not in item
    assert "number" not in item
    item = one("Carl von Ossietzky, Rechenschaft, in: Die Weltbühne, Jg. 28, Nr. 19, 10.5.1932, S. 689–709.")
    assert "DOI" not in item and item["issued"] == {"date-parts": [[1932, 5, 10]]}


def test_a_body_or_its_acronym_before_the_colon():
    item = one("Bundesamt für Hafenbau und Heimat (Hrsg.): Handbuch für Kaimauern und Molen, Stand: Februar 2023, "
               "abrufbar unter https://www.example.de/kaimauern.")
    assert item["editor"] == [{"literal": "Bundesamt für Hafenbau und Heimat"}]
    assert item["title"] == "Handbuch für Kaimauern und Molen"
    item = one("KGSt: Das Neue Hafenmodell. Begründung, Konturen, Umsetzung, Bericht Nr. 5/1993, Köln 1993.")
    assert item["author"] == [{"literal": "KGSt"}] and item["title"].startswith("Das Neue Hafenmodell")


def test_a_volume_and_its_own_title():
    item = one("Lind, Petra/Varga, Tomas: Deichrecht. Allgemeiner Teil, Bd. I: Grundlagen. Der Aufbau der Deiche, "
               "5. Aufl., Kiel 2020.")
    assert (item["title"], item["volume"], item["volume-title"]) == (
        "Deichrecht. Allgemeiner Teil", "I", "Grundlagen. Der Aufbau der Deiche")
    item = one("Moss, Yara (2001): Hafenkunde, Bd. 4: Geschichte und Methoden der Hafenkunde, Kiel/Lübeck: Hafenverlag.")
    assert (item["title"], item["volume"], item["publisher"]) == ("Hafenkunde", "4", "Hafenverlag")
    item = one("Osei, Kwame, Das Hafenrecht der Bundesrepublik Deutschland, Band I: Grundbegriffe des Hafenrechts, "
               "2. Aufl., Kiel 1984.")
    assert [a["family"] for a in item["author"]] == ["Osei"]
    assert (item["title"], item["volume"]) == ("Das Hafenrecht der Bundesrepublik Deutschland", "I")


def test_a_margin_number_and_a_blog_with_its_day():
    item = one("Lind, Petra/Varga, Tomas, Hafenrecht, 28. Aufl. 2021, Rn. 650.")
    assert item["note"] == "Rn. 650" and "volume" not in item and "page" not in item
    item = one("Lind, Petra: Der Deich vor dem Verfassungsgericht, HafenBlog, 1.12.2021, https://hafenblog.de/deich/ "
               "(zuletzt abgerufen am 10.1.2022).")
    assert (item["title"], item["container-title"], item["issued"]) == (
        "Der Deich vor dem Verfassungsgericht", "HafenBlog", {"date-parts": [[2021, 12, 1]]})
