"""English social-science conventions on invented references: AAA's bare year after one name and
given-first editors before ', ed.', pages after a chapter's publisher, apostrophes inside single-quoted
titles, 'with' between authors, corporate bodies such as a UN organ, old-style state abbreviations
in a place, UK command papers and 'University of X Press' split by the tagger."""

from __future__ import annotations

from refkit.parse import parse_text


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


def people(item: dict, role: str = "author") -> list[tuple[str, str]]:
    return [(n.get("family", n.get("literal", "")), n.get("given", "")) for n in item.get(role, [])]


def test_aaa_one_name_and_a_bare_year():
    item = one("Okonjo, Amara 2004 Kinship Without Borders? Trade Networks in the Niger Delta. "
               "Ethnology Quarterly 41(2):211–236.")
    assert people(item) == [("Okonjo", "Amara")]
    assert item["title"] == "Kinship Without Borders? Trade Networks in the Niger Delta"
    assert item["container-title"] == "Ethnology Quarterly"
    assert "publisher" not in item


def test_aaa_given_first_editor_before_ed():
    item = one("Lindgren, Sara 1991 The Gift Economy Revisited. In Exchange and Obligation in Island Societies. "
               "Tomas P. Ferreira, ed. Pp. 45–80. Honolulu: Pacific Rim Press.")
    assert people(item, "editor") == [("Ferreira", "Tomas P.")]
    assert item["container-title"] == "Exchange and Obligation in Island Societies"
    assert item["page"] == "45-80"


def test_pages_after_a_chapters_publisher():
    item = one("Marsh, K. (1998), 'Local welfare in hard times', in L. Dunn (ed.), Welfare Regimes Reconsidered, "
               "Manchester: Northgate Press, 211–38.")
    assert item["publisher"] == "Northgate Press"
    assert item["page"] == "211-38"


def test_an_apostrophe_inside_a_single_quoted_title():
    item = one("Hale, R. et al. 2016 'Who Gets Heard? Voices from the Council's Public Forum Experiment', "
               "Urban Policy Review 12(3): 101–19.")
    assert item["title"] == "Who Gets Heard? Voices from the Council's Public Forum Experiment"
    assert item["container-title"] == "Urban Policy Review"


def test_with_between_authors():
    item = one("Ferris, L. M., with Okafor, B. (2003). Night shifts: Families and the clock. Chicago, IL: Harbor Books.")
    assert people(item) == [("Ferris", "L. M."), ("Okafor", "B.")]


def test_a_un_organ_is_one_corporate_author():
    item = one("UN Economic Assembly, 'Water for Cities: A Framework for Action', A/RES/81/7 (3 May 2021).")
    assert people(item) == [("UN Economic Assembly", "")]


def test_an_old_style_state_abbreviation_stays_in_the_place():
    item = one("Varga, P., 'Rivers and markets', in P. Varga, ed., Rivers of Trade: a regional history "
               "(Lincoln, Nebr., 1988), pp. 3–40.")
    assert item["publisher-place"] == "Lincoln, Nebr."
    assert "publisher" not in item


def test_a_uk_command_paper_number():
    item = one("Ashdown, M. (1951), Housing and Health in the New Towns, Cmd 8012, London: HMSO.")
    assert item["title"] == "Housing and Health in the New Towns"
    assert item["number"] == "Cmd 8012"


def test_university_of_x_press_after_a_container():
    item = one("Hartley, J. (1931) The river town: a study of trade. In M. Cole and P. Reyes (eds.), The region, "
               "University of Iowa Press, Iowa City.")
    assert item["publisher"] == "University of Iowa Press"
    assert item["container-title"] == "The region"


def test_a_preprint_server_is_the_publisher():
    item = one("Lind, P., & Osei, K. (2021, March 3). Tides and trust. PsyArXiv. https://doi.org/10.31234/osf.io/abc12")
    assert (item["type"], item.get("publisher"), item["DOI"]) == ("article", "PsyArXiv", "10.31234/osf.io/abc12")
    assert "container-title" not in item


def test_a_quoted_title_ends_at_its_closing_quote():
    item = one("Park, Lena. 2015. “Why Cities Grow.” Review of The Urban Century, by Omar Haddad. London Review, May 8.")
    assert item["title"] == "Why Cities Grow"
    item = one("Dahl, Sara. 2019. “Harbour Data v2.1.” Coastal Data Project. https://doi.org/10.5555/cdp.2019")
    assert item["title"] == "Harbour Data v2.1"


def test_magazine_month_unpublished_thesis_and_school_names():
    item = one("Reyes, Carla. 2016. “The Long Drought.” Harper’s, March.")
    assert (item["type"], item["container-title"]) == ("article-magazine", "Harper’s")
    item = one("Kay N 1990 Rural change in the uplands Unpublished PhD thesis University of Leeds, Leeds")
    assert item["title"] == "Rural change in the uplands" and item["genre"] == "PhD thesis"
    item = one("Ortiz, M. (2009). Land and labour [Doctoral dissertation, University of Wisconsin, Madison].")
    assert item["publisher"] == "University of Wisconsin, Madison" and "publisher-place" not in item


def test_uk_papers_acts_and_an_edition_word_alone():
    item = one("Select Committee on Housing (2012), Empty Homes, Third Report of Session 2011–12, HC 123-II. "
               "London: The Stationery Office.")
    assert item["number"] == "HC 123-II"
    item = one("Harbours Act 1964, c. 40.")
    assert item["issued"] == {"date-parts": [[1964]]} and item["type"] == "legislation"
    item = one("Lind, Eva. 2021. “Rivers.” In The Open Encyclopedia of Water (Summer 2021 Edition), edited by Omar Diaz. "
               "https://water.example/rivers.")
    assert "edition" not in item


def test_a_place_glued_to_an_institute_is_its_name():
    item = one("Lowe, Ana & Kit Ross (2013) 'Five Theses on Data', paper presented at Data Futures: Symposium on the "
               "Dynamics of Cities and Society, Cambridge Policy Institute, 4 October.")
    assert item.get("publisher") == "Cambridge Policy Institute" and "genre" not in item
    assert item["container-title"] == "Data Futures: Symposium on the Dynamics of Cities and Society"


def test_chicago_humanities_books_series_and_volumes():
    item = one("Rossi, Paolo. The Harbour Book. Translated by Ann Kerr. Edited by Lena Park and Ann Kerr. Oxford Texts in "
               "the History of Maritime Thought. Oxford: Oxford University Press, 1999.")
    assert item["title"] == "The Harbour Book"
    assert item["collection-title"] == "Oxford Texts in the History of Maritime Thought"
    assert [n["family"] for n in item["translator"]] == ["Kerr"] and [n["family"] for n in item["editor"]] == ["Park", "Kerr"]
    item = one("Hume, David. Essays. Translated and edited by Mara Lind and Tom W. Ash. The Edinburgh Edition of the Works "
               "of David Hume. Edinburgh: Edinburgh University Press, 2004.")
    assert item["title"] == "Essays" and item["collection-title"] == "The Edinburgh Edition of the Works of David Hume"
    assert item["editor"] == item["translator"] == [{"family": "Lind", "given": "Mara"}, {"family": "Ash", "given": "Tom W."}]
    item = one("Seneca. On Anger. Translated by John Hale. Loeb Classical Library 214. Cambridge, MA: Harvard University "
               "Press, 1928.")
    assert (item["collection-title"], item["collection-number"]) == ("Loeb Classical Library", "214")
    assert item["translator"] == [{"family": "Hale", "given": "John"}]
    item = one("Ward, Helen. The Long Peace. Vol. 2 of Empire and Commerce. Cambridge: Cambridge University Press, 2011.")
    assert (item["title"], item["volume"], item["collection-title"]) == ("The Long Peace", "2", "Empire and Commerce")


def test_chicago_names_letters_theses_and_mhra():
    item = one("Marsh, Ellen Joy. Tidal Towns: Fishing Communities in Early Modern England. Boston: Beacon, 1991.")
    assert item["author"] == [{"family": "Marsh", "given": "Ellen Joy"}]
    assert item["title"] == "Tidal Towns: Fishing Communities in Early Modern England"
    item = one("Lind, Eva. Letter to Karl Ross, March 3, 1871. Lind Family Papers Online. Accessed May 2, 2020. "
               "https://papers.example/lind/1871-03-03.")
    assert (item["type"], item["title"], item["container-title"]) == ("letter", "Letter to Karl Ross", "Lind Family Papers Online")
    assert item["issued"] == {"date-parts": [[1871, 3, 3]]}
    item = one("Ono, Kenji. “Harbour Guilds in Edo Japan.” PhD diss., University of Michigan, Ann Arbor, 2008.")
    assert (item["publisher"], item["publisher-place"]) == ("University of Michigan", "Ann Arbor")
    item = one("Reed, Ann, 'Rivers in Victorian Verse' (unpublished doctoral thesis, University of Leeds, 2011)")
    assert (item["type"], item["genre"], item["publisher"]) == ("thesis", "doctoral thesis", "University of Leeds")
    item = one("Hale, Tom, 'The Novel and the Sea', in Reading the Ocean: An Introduction, 3rd edn (London: Verso, 2001), "
               "pp. 40–62")
    assert (item["title"], item["container-title"]) == ("The Novel and the Sea", "Reading the Ocean: An Introduction")
    item = one("Park, Jin. “Hume on Causation.” In The Open Encyclopedia of Philosophy, edited by Omar N. Diaz. Winter 2021 ed. "
               "https://philosophy.example/hume.")
    assert item["edition"] == "Winter 2021" and item["editor"] == [{"family": "Diaz", "given": "Omar N."}]


def test_apa_preprints_presentations_and_online_news():
    item = one("Ng, J. P., & Ross, L. D. (2019). A shorter path [Preprint]. PsyArXiv. https://doi.org/10.31234/osf.io/abc12")
    assert item["publisher"] == "PsyArXiv" and item["title"] == "A shorter path"
    item = one("Kim, T. H. (2018, May 3–6). Streams in the city [Paper presentation]. Urban Affairs Association Annual "
               "Meeting, Denver, CO, United States.")
    assert item["container-title"] == "Urban Affairs Association Annual Meeting" and "publisher" not in item
    item = one("Reyes, M. (2016, March 2). The harbour that time forgot. The Boston Globe. https://www.bostonglobe.example/h")
    assert (item["type"], item["container-title"]) == ("article-newspaper", "The Boston Globe")
    item = one("Water Commission 2019, Rivers, report no. 7, Water Commission, Perth, viewed 3 May 2021, "
               "<https://www.water.example/rivers>.")
    assert item["URL"] == "https://www.water.example/rivers"


def test_apa_report_and_review_in_brackets():
    item = one("Lind, P. A., & Varga, T. (2022). Harbour insecurity among small ports, 2010–2020 [Report]. Centre for "
               "Harbour Policy, University of Kiel.")
    assert (item["title"], item["genre"]) == ("Harbour insecurity among small ports, 2010–2020", "Report")
    item = one("Harbour Research Center. (2020). Coastal trends panel wave 12 [Data set]. https://example.org/ctp-12/")
    assert item["title"] == "Coastal trends panel wave 12" and "container-title" not in item
    item = one("Osei, K. (2021). [Review of the book Salt and silt, by R. Fenn]. Coastal Review, 47(2), 541–543.")
    assert item["title"] == "Review of the book Salt and silt, by R. Fenn" and item["container-title"] == "Coastal Review"


def test_a_briefing_sentence_gives_the_genre_and_number():
    item = one("Lind, B. (2023) Harbours in the UK: statistics. Research Briefing 7096. London: House of Commons Library.")
    assert (item["title"], item["genre"], item["number"]) == ("Harbours in the UK: statistics", "Research Briefing", "7096")
