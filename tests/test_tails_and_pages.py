"""Newspaper and publisher tails, corporate authors, and the furniture of copied pages and lists.

Invented references in the forms the shapes come from (German social-science houses, ASA/APSA/OUP,
IEEE Xplore page stamps, ScienceDirect and Wikipedia copies); none is taken from a shared file.
"""

from __future__ import annotations

from refkit.parse import parse_text
from refkit.parse.join import join_lines
from refkit.parse.split import split_text


def one(text: str) -> dict:
    (p,) = parse_text(text, one_per_line=True)
    return p.ref.to_csl()


def test_place_and_publisher_with_a_series_in_brackets():
    c = one("Brandt, Ole (2011): Die Stadt als Bühne. Eine Ethnographie. Bielefeld: transcript (Urban Studies).")
    assert (c["publisher-place"], c["publisher"], c["collection-title"]) == ("Bielefeld", "transcript", "Urban Studies")
    c = one("Kraus, M. (2016): Qualitative Methoden. 4., überarb. u. erw. Aufl. Opladen/Toronto: Budrich (UTB 4711).")
    assert (c["publisher-place"], c["publisher"], c["edition"]) == ("Opladen/Toronto", "Budrich", "4")


def test_historians_place_and_year_without_a_publisher():
    c = one("Vogt, Jan, Die lange Wende. Geschichte der Werften, übers. v. Ute Marx, München/Wien 1999.")
    assert c["publisher-place"] == "München/Wien" and "publisher" not in c
    assert [n["family"] for n in c["translator"]] == ["Marx"]
    c = one("Adler, Eva. 2008. Alte Netze. In Handbuch Netzwerke, Hrsg. Paul Kerr, 12–30. Wiesbaden: Springer VS.")
    assert c["container-title"] == "Handbuch Netzwerke" and [n["family"] for n in c["editor"]] == ["Kerr"]


def test_a_newspaper_and_its_day_end_the_reference():
    c = one("Lenz, Karin. 2011. Wir brauchen Brücken! Die Zeit, 12. Mai 2011.")
    assert (c["type"], c["container-title"], c["issued"]) == ("article-newspaper", "Die Zeit", {"date-parts": [[2011, 5, 12]]})
    c = one("Ross, Amy. 2015. “Rents Rise Again.” Boston Globe, March 9.")
    assert c["container-title"] == "Boston Globe" and c["issued"] == {"date-parts": [[2015, 3, 9]]}
    c = one("Ott, B. (2019, 3. Juni). Die Streitkultur. Süddeutsche Zeitung, S. 12.")
    assert (c["title"], c["container-title"], c["page"]) == ("Die Streitkultur", "Süddeutsche Zeitung", "12")
    assert c["issued"] == {"date-parts": [[2019, 6, 3]]}
    # a page letter is not a paper, and a meeting with its dates is a conference paper
    c = one("[4] K. Ito, “Port fees rise,” The Coast Courier, p. C2, Apr. 3, 2020.")
    assert c["container-title"] == "The Coast Courier" and c["page"] == "C2"


def test_oup_volume_slash_issue_and_forthcoming():
    c = one("Hart, Simon, ‘Peasants and Markets’, Journal of Rural Studies, 21/3 (1994), 44–60.")
    assert (c["volume"], c["issue"]) == ("21", "3")
    c = one("Lind, Per, ‘Two Volumes’, Annual Studies, 13/14 (1990), 1–9.")
    assert c["volume"] == "13/14"
    c = one("Berg T and Nolan K (forthcoming) The Long Road: Class and Place. Bristol: Policy Press.")
    assert [n["family"] for n in c["author"]] == ["Berg", "Nolan"] and c["issued"] == {"literal": "forthcoming"}


def test_organisations_as_authors():
    c = one("Open Harbour. 2021. Ports in the World 2021. London: Open Harbour.")
    assert c["author"] == [{"literal": "Open Harbour"}]
    c = one("United Nations, Department of Trade and Maritime Affairs, Statistics Division (2018) Shipping Review. "
            "ST/TMA/SER.B/12. New York: United Nations.")
    assert c["author"] == [{"literal": "United Nations, Department of Trade and Maritime Affairs, Statistics Division"}]
    assert c["number"] == "ST/TMA/SER.B/12" and c["title"] == "Shipping Review"
    c = one("World Ocean Council, Regional Office for Asia, and Rami Haddad. 2020. Title of a report. Oslo: WOC.")
    assert c["author"][-1] == {"family": "Haddad", "given": "Rami"}


def test_editors_given_first_with_initials_only():
    c = one("Lee, Ann. 2006. “Rules.” In The Handbook of Rules, eds. P. Q. R. Stone, Mary A. Kerr, and Tom B. Dunn. "
            "Oxford: Oxford University Press, 23–38.")
    assert [n["family"] for n in c["editor"]] == ["Stone", "Kerr", "Dunn"]


def test_a_doi_at_a_line_end_does_not_take_the_next_line():
    assert join_lines("pp. 1–9, doi: 10.1109/ABC.2015.7298965.", "IEEE TRANSACTIONS ON THINGS") == \
        "pp. 1–9, doi: 10.1109/ABC.2015.7298965. IEEE TRANSACTIONS ON THINGS"
    assert join_lines("DOI: 10.11897/SP.J.1016.2017.01229.", "ZHOU Fei-Yan, JIN Lin.").endswith(". ZHOU Fei-Yan, JIN Lin.")
    assert join_lines("doi: 10.1109/TMC.2021.", "3056789.") == "doi: 10.1109/TMC.2021.3056789."
    assert join_lines("arXiv:2103.", "04512, 2021.") == "arXiv:2103.04512, 2021."
    c = one("Lin, K. (1938). \"A Title\". Nature. 141 (3571): 643–644. doi:10.1038/141643a0. S2CID 4143290.")
    assert c["DOI"] == "10.1038/141643a0"


def test_publisher_page_stamps_and_capital_running_heads_are_furniture():
    text = ("References\n\n[1] A. Lee, “One,” in Proc. CVPR, 2015, pp. 1–9, doi: 10.1109/CVPR.2015.1234567.\n\n"
            "IEEE TRANSACTIONS ON THINGS AND STUFF, VOL. 3, NO. 4, APRIL 2024\n"
            "Authorized licensed use limited to: Some University. Downloaded on April 02,2024 at 09:14:51 UTC from "
            "IEEE Xplore. Restrictions apply.\n\n\f12          IEEE TRANSACTIONS ON THINGS AND STUFF\n\n"
            "[2] B. Kim, “Two,” IEEE Trans. Things, vol. 1, pp. 2–3, 2020.\n")
    split = split_text(text)
    assert len(split.refs) == 2
    assert split.refs[0].text.endswith("doi: 10.1109/CVPR.2015.1234567.")
    assert any("Authorized licensed use" in s.text for s in split.skipped)


def test_web_copies_short_citations_and_citing_articles():
    wiki = ("References\n^ a b Pike, C. J.; Smith, H. (2008). Condensates in Gases (2nd ed.). Cambridge University "
            "Press. ISBN 978-0-521-84651-6.\n^ Ross, A. (2010). \"A Paper\". Nature. 4 (2): 1–3.\n"
            "^ Pike & Smith 2008, p. 42.\n\nExternal links\n Media related to condensates at Wikimedia Commons\n")
    split = split_text(wiki)
    assert len(split.refs) == 2
    assert any(s.text.startswith("Pike & Smith") and "short citation" in s.reason for s in split.skipped)
    sd = ("References\n\nKane et al., 2019\nA.B. Kane, C. Lo, D. Moss\nA study of sand\nMar. Geol., 38 (2019), "
          "pp. 70-71, 10.1002/mg.4371View in ScopusGoogle Scholar\n\nOrr, 2004\nR.C. Orr\nLost at sea\nScience, 304 "
          "(2004), p. 838, 10.1126/science.1094000\nView in ScopusGoogle Scholar\n\nCited by (37)\n"
          "Sand in the air: seasonal variation\n2024, Science of the Total Environment\nShow abstract\n")
    split = split_text(sd)
    assert len(split.refs) == 2
    assert all("Cited by" not in r.text and "Sand in the air" not in r.text for r in split.refs)
    assert split.refs[0].text.endswith("10.1002/mg.4371")


def test_a_declaration_or_an_index_ends_the_list():
    text = ("Literatur\n\nAdler, Eva (2001): Titel eins. Berlin: Dietz.\nBauer, Jan (2003): Titel zwei. Köln: Ruge.\n\n"
            "Eidesstattliche Versicherung\n\nHiermit versichere ich, dass ich die Arbeit selbst verfasst habe.\n")
    assert len(split_text(text).refs) == 2
    text = ("Bibliography\n\nAdler, E. 2001. Title One. London: Verso.\nBauer, J. 2003. Title Two. London: Verso.\n\n"
            "Index\n\nactivation function, 12, 58\nattention, 33\n")
    assert len(split_text(text).refs) == 2


def test_historians_names_in_natural_order_before_a_comma():
    c = one("Karla Heinemann, Die Ordnung der Häfen. Studien zur Stadtgeschichte, Kiel 1991.")
    assert c["author"] == [{"family": "Heinemann", "given": "Karla"}]
    assert c["title"] == "Die Ordnung der Häfen. Studien zur Stadtgeschichte" and c["publisher-place"] == "Kiel"
    c = one("Peter J. K. Nolte, Alltag am Kai, in: Jan Vogt (Hrsg.), Häfen, Bremen 1987, S. 51–61.")
    assert c["author"] == [{"family": "Nolte", "given": "Peter J. K."}] and c["title"] == "Alltag am Kai"
    c = one("Mary Stone, Paul Kerr and Lee Dunn, eds. 2001. Harbours. London: Verso.")
    assert [n["family"] for n in c["editor"] + c.get("author", [])][:3] == ["Stone", "Kerr", "Dunn"]
    c = one("KERR C., LIND T. & OSEI K. (2011). Les quais du nord. In Actes de TALN’11, Lyon, France.")
    assert [n["family"] for n in c["author"]] == ["KERR", "LIND", "OSEI"]


def test_german_journal_volume_year_and_issue():
    c = one("Vogt, Jan: Häfen im Wandel. Eine Skizze, in: ZfH 26 (1985), H. 4, S. 323–356.")
    assert (c["container-title"], c["volume"], c["issue"], c["page"]) == ("ZfH", "26", "4", "323-356")
    assert c["issued"] == {"date-parts": [[1985]]} and "note" not in c
    c = one("Kerr, R. (2013): Der Kai ist ein Ort, in: Hamburger Abendblatt Nr. 46 vom 17.11.2013, S. 39.")
    assert c["issued"] == {"date-parts": [[2013, 11, 17]]} and c["page"] == "39"


def test_book_series_sentences_and_brackets():
    c = one("Lind, Ute. 1976. Die Häfen der Hanse. Eine Analyse. Alber-Reihe Geschichte, Bd. 4. Freiburg: Alber.")
    assert (c["collection-title"], c["collection-number"]) == ("Alber-Reihe Geschichte", "4") and "volume" not in c
    c = one("Otto Brandt, Der Kai. Geschichte, München 1969 (dtv-Geschichte der Häfen, Bd. 9).")
    assert (c["collection-title"], c["collection-number"]) == ("dtv-Geschichte der Häfen", "9")
    c = one("Berg, Eva (1983): Wege? in: Jan Vogt (Hg.), Häfen (Soziale Häfen, Sonderband 2), Kiel: Ruge, S. 35–74.")
    assert (c["collection-title"], c["collection-number"]) == ("Soziale Häfen, Sonderband", "2")
    c = one("Vogt, Jan ([1922] 1980): Hafen und Stadt, 5., rev. Aufl., besorgt von Ute Marx, Tübingen: Mohr (Siebeck).")
    assert c["author"] == [{"family": "Vogt", "given": "Jan"}] and c["editor"] == [{"family": "Marx", "given": "Ute"}]
    assert c["publisher"] == "Mohr (Siebeck)" and "collection-title" not in c


def test_editors_before_the_container_and_online_unter():
    c = one("Lenz, Eva (2012): Kaimauern, in: Bundeszentrale für Hafenkunde (Hg.), Dossier Häfen. Eine Kunde, "
            "online unter: https://www.example.org/haefen/kaimauern (Zugriff: 15.2.2024).")
    assert c["editor"] == [{"literal": "Bundeszentrale für Hafenkunde"}]
    assert c["container-title"] == "Dossier Häfen. Eine Kunde" and c["URL"] == "https://www.example.org/haefen/kaimauern"
    c = one("Brandt, Ole/Neu, Eva (Hrsg.): Handbuch der Häfen, 3. Aufl., Wiesbaden 2018.")
    assert [n["family"] for n in c["editor"]] == ["Brandt", "Neu"] and c["title"] == "Handbuch der Häfen"


def test_notes_that_are_not_citations_and_two_works_in_a_note():
    text = ("Notes\n\n1. Ann Lee, The Harbour (London: Verso, 2000), 12. Lee’s later essay extends the argument: "
            "Ann Lee, “Quays,” Critical Harbours 35, no. 2 (2009): 197–222.\n2. Ibid., 3.\n"
            "3. I am grateful to Jane Holm for pointing me to this correspondence in the archive.\n"
            "4. William H. Kerr Jr., Logics of Ports (Chicago: University of Chicago Press, 2005), 152–74.\n"
            "5. Kerr, Logics of Ports, 160.\n")
    split = split_text(text)
    assert [r.text[:8] for r in split.refs] == ["Ann Lee,", "Ann Lee,", "William "]
    assert any("a remark" in s.reason for s in split.skipped)
    acs = ("References\n\n(1) Kolb, H. C.; Sharpless, K. B. Drug Discovery Today 2003, 8, 1128.\n"
           "(2) See the Supporting Information for details.\n(3) Moses, J. E. Chem. Soc. Rev. 2007, 36, 1249.\n")
    assert len(split_text(acs).refs) == 2


def test_bluebook_short_case_and_a_second_work_after_see():
    text = ("1. Kerr v. United States, 138 S. Ct. 2206, 2217 (2018).\n2. Lind v. Moss, 565 U.S. 400, 415 (2012). "
            "For an early critique, see Ana Berg, Quays and the Law, 86 MINN. L. REV. 1393 (2002).\n"
            "3. Id.; Kerr, 138 S. Ct. at 2223.\n")
    split = split_text(text)
    assert [r.text[:8] for r in split.refs] == ["Kerr v. ", "Lind v. ", "Ana Berg"]
    assert any("cites again" in s.reason and s.text.startswith("Kerr, 138") for s in split.skipped)


def test_english_house_styles_round_six():
    c = one("Lind, Karla, Harbour Life, trans. by Tom Ruiz (London: Routledge & Kegan Paul, 1984)")
    assert c["publisher"] == "Routledge & Kegan Paul" and [n["family"] for n in c["author"]] == ["Lind"]
    c = one("Vogt, Ines, Ports in America, ed. by J. P. Moss, trans. by Ana Berg (New York: Harper & Row, 1966)")
    assert c["editor"] == [{"family": "Moss", "given": "J. P."}] and c["translator"] == [{"family": "Berg", "given": "Ana"}]
    c = one("Berg, Ana, 'Quays: A Category', Harbour History Review, 91.5 (1986), 1053–75")
    assert (c["volume"], c["issue"]) == ("91", "5")
    c = one("Ruiz, Tom, 'You and the Tide', Harbour Weekly, 19 October 1945")
    assert c["container-title"] == "Harbour Weekly" and c["issued"] == {"date-parts": [[1945, 10, 19]]}
    c = one("Kerr P, Moss EK. 2021. Quay labour among large employers. NBER Work. Pap. 29053")
    assert c["genre"].startswith("NBER Work. Pap") and c["number"] == "29053"
    c = one("Lind K, Berg A. 2018. The impacts of tides on ports. Am. J. Sociol. In press")
    assert c["issued"] == {"date-parts": [[2018]]} and "publisher" not in c and c["container-title"] == "Am. J. Sociol."
    c = one("Moss, Yusuf; Ana Berg, Tom Ruiz & Ines Vogt (forthcoming) Predicting harbour silt with satellite data. "
            "Journal of Harbour Research.")
    assert [n["family"] for n in c["author"]] == ["Moss", "Berg", "Ruiz", "Vogt"]
    c = one("World Harbour Bank (2011) World Port Report 2011: Conflict and Trade. Washington, DC: World Harbour Bank.")
    assert c["title"] == "World Port Report 2011: Conflict and Trade"


def test_german_house_styles_round_seven():
    c = one("Kerr, Paul/Lind, Nicole 2014: Häfen im Widerstand, in: Zeitschrift für Häfen 40: 2, 177-228.")
    assert [n["given"] for n in c["author"]] == ["Paul", "Nicole"] and (c["volume"], c["issue"]) == ("40", "2")
    c = one("Ders., Vogts „Kaiserkai“. Eine Auseinandersetzung, in: ZfH 1, 1975, 539–560.")
    assert c["title"] == "Vogts „Kaiserkai“. Eine Auseinandersetzung"
    c = one("Ulrich Brandt: Kaigesellschaft. Auf dem Weg (= Edition Hafen. Band 1365). Ruge, Kiel 1986, ISBN 3-518-11365-8.")
    assert (c["collection-title"], c["collection-number"], c["title"]) == ("Edition Hafen", "1365", "Kaigesellschaft. Auf dem Weg")
    c = one("Bundeszentrale für Hafenkunde: Häfen mit Geschichte. In: hafen.de. 1. Juli 2022, abgerufen am 15. März 2023.")
    assert c["author"] == [{"literal": "Bundeszentrale für Hafenkunde"}] and c["title"] == "Häfen mit Geschichte"
    c = one("Hafen-Institut, Hrsg. Häfen in Deutschland. Bericht des Bundes. Berlin: HI; 2015")
    assert c["editor"] == [{"literal": "Hafen-Institut"}] and c["title"] == "Häfen in Deutschland. Bericht des Bundes"
    c = one("Bundesministerium für Häfen (Hrsg.). (2017). Zweiter Hafenbericht (Bundestagsdrucksache 18/12840). Berlin: BMH.")
    assert (c["genre"], c["number"]) == ("Bundestagsdrucksache", "18/12840")
    c = one("Statistisches Hafenamt. Häfen in Deutschland 2015. Wiesbaden: SHA; 2017. Im Internet: "
            "https://www.example.org/haefen.pdf; Stand: 12.03.2018")
    assert c["accessed"] == {"date-parts": [[2018, 3, 12]]} and c["URL"] == "https://www.example.org/haefen.pdf"


def test_vancouver_suffixes_and_a_periodical_printed_first():
    c = one("8. Kerr MT Jr, O’Neill A. Volunteer retention in rural harbours. Harbour Management. 2015 Apr;12(4):9–24.")
    assert c["author"] == [{"family": "Kerr", "given": "M. T.", "suffix": "Jr"}, {"family": "O’Neill", "given": "A."}]
    assert c["title"] == "Volunteer retention in rural harbours"
    c = one("Southern Daily Courier. “On the Labour of Quays.” October 5, 1977. https://news.example/1977/67665.")
    assert c["container-title"] == "Southern Daily Courier" and "author" not in c
    c = one("Lakeside City Library. n.d. “Accessibility Statement.” Accessed March 9, 2024. https://lib.example/access.")
    assert c["container-title"] == "Lakeside City Library" and c["type"] == "webpage"
    c = one("Harbour Research Center. 2021. “Port Use in 2021.” https://www.example.org/ports.")
    assert c["author"] == [{"literal": "Harbour Research Center"}]  # an organisation, not a periodical


def test_din_links_places_with_u_a_and_vancouver_year_colon_pages():
    c = one("Hafenrat: Leitlinien zum Kai : Kodex. Bonn, 2019. – URL https://www.example.org/kai/index.html. – "
            "Überprüfungsdatum 2020-05-12")
    assert c["URL"] == "https://www.example.org/kai/index.html"
    c = one("Dies., „English quays“ und deutsche Bürger. Eine Hafengeschichte 1800–1939. Paderborn u. a. 1999.")
    assert c["publisher-place"].startswith("Paderborn u. a") and c["title"].endswith("1800–1939")
    c = one("Lind K, Moss Y. Häfen: Fragen. In: Ruiz T, Berg A, Hrsg. Häfen. Grundlagen, Probleme. 2. Aufl. "
            "Wiesbaden: VS Verlag; 2009: 13–33")
    assert c["page"] == "13-33" and "volume" not in c
