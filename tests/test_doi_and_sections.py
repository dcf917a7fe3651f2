"""DOIs that text runs into, section headings in more languages, appendices after the list, labels
with accented letters, working-paper series sentences (invented references)."""

from __future__ import annotations

import pytest

from refkit.parse import parse_text
from refkit.parse.fields import clean_doi
from refkit.parse.split import split_text


@pytest.mark.parametrize("raw, doi", [
    ("https://doi.org/10.1037/0033-2909.112.1.155. PubMed PMID: 19565683.", "10.1037/0033-2909.112.1.155"),
    ("doi:10.2307/1969983. Reprinted 1990.", "10.2307/1969983"),
    ("MR82103 DOI 10.2307/1969983 ↑12", "10.2307/1969983"),
    ("https://doi.org/10.17226/12181,\n1979.", "10.17226/12181"),
    ("https://doi.org/10.5194/essd\u201014\u20104811\u20102022, 2022.", "10.5194/essd-14-4811-2022"),
    ("doi:10.1016/\nj.jcp.2019.01.005", "10.1016/j.jcp.2019.01.005"),
    ("10.1109/TMC.2021.\n3056789", "10.1109/TMC.2021.3056789"),
])
def test_a_doi_stops_where_its_text_stops(raw, doi):
    assert clean_doi(raw) == doi


PAPER = """Kort studie

1 Inledning
Hamnar har studerats länge (Berg 2001; Lind 2010).

2 Metod
Vi intervjuade hamnarbetare.

Referenser
Berg, A. (2001). Hamnen och staden. Stockholm: Norstedts.
Lind, K. (2010). Kajerna. Göteborg: Daidalos.
Nyström, P. (2015). Arbete vid vattnet. Lund: Arkiv.

{appendix}
1. Läs frågan högt.
2. Vänta på svaret.
3. Skriv ner svaret.
"""


@pytest.mark.parametrize("appendix", ["Bilaga A", "A Artifact Appendix", "Chapter A", "Bijlage 1"])
def test_swedish_heading_and_an_appendix_with_steps_after_the_list(appendix):
    sp = split_text(PAPER.format(appendix=appendix), paper=True)
    assert sp.section
    assert [r.text.split(",")[0] for r in sp.refs] == ["Berg", "Lind", "Nyström"]


def test_alphabetic_labels_with_accented_letters():
    refs = split_text("[Gar95] L. Garde, Rivers, Ann. Math. 12 (1995), 1–9.\n"
                      "[Hås01] J. Håstad, Some optimal bounds, J. ACM 48 (2001), 798–859.\n"
                      "[Ser73] J.-P. Serre, A course, Springer, 1973.\n").refs
    assert len(refs) == 3


def test_a_working_paper_series_sentence_and_first_publication():
    item = parse_text("Lenz, Karla (2009): Wege in den Beruf. Arbeitspapiere – Zentrum für Stadtforschung Nr. 7. "
                      "Mannheim: ZfS.\n", one_per_line=True)[0].ref.to_csl()
    assert item["title"] == "Wege in den Beruf"
    assert item["number"] == "7"
    assert item["genre"].startswith("Arbeitspapiere")
    item = parse_text("Hoff, M. & K. Lenz, 1975: Die Werft. Ein Versuch. Frankfurt a.M.: Suhrkamp (zuerst 1933).\n",
                      one_per_line=True)[0].ref.to_csl()
    assert item["publisher"] == "Suhrkamp"


def test_references_cut_after_the_title_are_wrapped_not_one_per_line():
    refs = split_text("Moss, K. (1998). Tidal rhythms: Toward a theory of the harbour.\n"
                      "Coastal Review, 84(2), 191–215. https://doi.org/10.5555/cr.84.2.191\n"
                      "Lane, P., & Fenn, R. (2001). Salt and silt: An analysis of estuaries.\n"
                      "Estuarine Letters, 47(2), 263–291. https://doi.org/10.5555/el.47.263\n"
                      "Ortiz, M. (2004). A short history of piers.\n"
                      "Pier Studies, 9(1), 1–9.\n").refs
    assert [r.text.split(",")[0] for r in refs] == ["Moss", "Lane", "Ortiz"]


def test_numbered_group_headings_over_unnumbered_references():
    sp = split_text("1. Primary sources\n"
                    "Moss, K. (1861). The harbour poor. London: Griffin.\n"
                    "Lane, P. (1958). The working docks. Oxford: Blackwell.\n"
                    "2. Secondary sources\n"
                    "Fenn, R. (1999). Compressed harbours. Economy and Society, 28(1), 30-55.\n"
                    "Ortiz, M. (2000). Productive ports. Political Studies, 48(4), 706-723.\n")
    assert [r.text.split(",")[0] for r in sp.refs] == ["Moss", "Lane", "Fenn", "Ortiz"]
    assert [s.text for s in sp.skipped] == ["1. Primary sources", "2. Secondary sources"]


def test_lettered_parts_of_one_number_are_references_of_their_own():
    refs = split_text("1 B. Moss and K. Lane, Nature, 1991, 353, 737–740.\n"
                      "2 (a) J. Fenn, N. Ortiz, S.-J. Park, R. Hale-Baker,\n"
                      "P. Gao and M. Lind, Nature, 2013,\n"
                      "499, 316–319; (b) M. Liu, M. B. Ross and H. J. Snow,\n"
                      "Nature, 2013, 501, 395–398.\n"
                      "3 J. M. Ball and A. Petri, Nat. Energy, 2016, 1, 16149.\n").refs
    assert [r.number for r in refs] == ["1", "2a", "2b", "3"]
    assert refs[1].text.startswith("J. Fenn") and refs[2].text.startswith("M. Liu")


@pytest.mark.parametrize("head", ["References 1. ", " ADDIN EN.REFLIST 1. "])
def test_the_first_reference_on_the_heading_line(head):
    refs = split_text(head + "Moss K. Homage to the harbour. The Coastal Naturalist. 1959;93(870):145-59.\n"
                      "2. Lane P. Food web complexity. The Coastal Naturalist. 1966;100(910):65-75.\n"
                      "3. Fenn R. The tragedy of the docks. Science. 1968;162(3859):1243-8.\n").refs
    assert len(refs) == 3 and refs[0].text.startswith("Moss")


def test_sentence_case_subheadings_between_groups():
    sp = split_text("Litteratur\n"
                    "Korpi, Walter (1983). The Harbour Struggle. London: Routledge.\n"
                    "Offentligt tryck\n"
                    "SOU 2016:78. Ordning och reda i hamnen. Stockholm: Finansdepartementet.\n"
                    "Elektroniska källor\n"
                    "Statistiska centralbyrån (SCB) (2022). Hamnstatistik. Tillgänglig: https://www.scb.se/\n")
    assert len(sp.refs) == 3
    assert {s.text for s in sp.skipped} >= {"Offentligt tryck", "Elektroniska källor"}


def test_copernicus_lists_with_initials_links_and_years_and_a_running_head():
    text = ("Arrow, S.: On the influence of salt in the air upon the temperature of the docks, Philos. Mag., 41,\n"
            "237–276, https://doi.org/10.5555/14786449608620846, 1896.\n"
            "Bell, J. G., Arakawa, A., Baker, D. J., Bolin, B., and Dickinson, R. E.: Harbours and Climate: A\n"
            "Scientific Assessment, National Academy of Harbours, Washington, DC, https://doi.org/10.5555/9999,\n"
            "1979.\n"
            "Moss, K. J., Lane, P., and Fenn, R. A.: A new method for the harbour, Geophys. Res. Lett., 31,\n"
            "L03205, https://doi.org/10.5555/2003GL018747, 2004.\n"
            "Hale, J., Fung, I., Lacis, A., Rind, D., Lebedeff, S., Ruedy, R., Russell,\n"
            "G., and Stone, P.: Harbour changes as forecast by a three-dimensional model, J. Geophys. Res., 93,\n"
            "9341–9364, https://doi.org/10.5555/12181,\n"
            "1988.\n"
            "\n"
            "Earth Syst. Dynam., 15, 1–30, 2024                                        27\n"
            "\n"
            "A. Researcher et al.: Constraining harbour sensitivity\n"
            "\n"
            "IPCC: Harbour Change 2013: The Physical Basis, edited by: Lind, T. F., Cambridge University Press,\n"
            "Cambridge, https://doi.org/10.5555/CBO9781107415324, 2013.\n")
    refs = parse_text(text)
    assert [r.ref.to_csl().get("DOI") for r in refs] == ["10.5555/14786449608620846", "10.5555/9999",
                                                         "10.5555/2003GL018747", "10.5555/12181",
                                                         "10.5555/CBO9781107415324"]


def test_bluebook_footnotes_with_bare_numbers_cases_and_compare_with():
    text = ("1 Anna Moss & Karl Lane, The Right to Quiet, 4 HARV. L. REV. 193, 195 (1890).\n"
            "2 Id. at 196.\n"
            "3 See Ortiz v. United States, 277 U.S. 438, 478 (1928); Fenn v. United States, 389 U.S. 347, 351 (1967).\n"
            "4 Compare H.L.A. Hale, Rules and Harbours, 71 HARV. L. REV.\n"
            "593 (1958), with Lon L. Lind, Harbours and Fidelity, 71 HARV. L. REV. 630 (1958).\n"
            "5 Moss & Lane, supra note 1, at 205.\n"
            "6 Park v. United States, 138 S. Ct. 2206, 2217 (2018).\n")
    refs = split_text(text).refs
    assert len(refs) == 6  # Moss & Lane, Ortiz, Fenn, Hale, Lind, Park: "Id." and "supra" repeat works
    assert [r.text.split(",")[0] for r in refs][1:3] == ["Ortiz v. United States", "Fenn v. United States"]


def test_japanese_full_width_numbers_and_no_doi_in_a_doi_field():
    refs = split_text("1) Moss K, Lane P: Harbour cells. Nature 292: 154–156, 1981. doi: 10.5555/292154a0\n"
                      "2) Fenn R: Harbour cell lines. Science 282: 1145–1147, 1998.\n"
                      "3）厚生労働省：港湾の安全性の確保等に関する法律（平成25年法律第85号）．2013．\n"
                      "4）山田太郎：港と人生について．講談社，東京，2012．\n").refs
    assert [r.number for r in refs] == ["1", "2", "3", "4"]
    item = parse_text("厚生労働省：港湾の安全性の確保等に関する法律（平成25年法律第85号）．2013．\n",
                      one_per_line=True)[0].ref.to_csl()
    assert "DOI" not in item


def test_a_cite_dialog_pasted_into_a_list_is_one_reference():
    sp = split_text("Moss, K., & Lane, P. (2015). Harbours. Nature, 521(7553), 436-444.\n"
                    "MLA\tFenn, Rita, et al. \"Salt: Pre-training of tides.\" arXiv preprint arXiv:1810.04805 (2018).\n"
                    "APA\tFenn, R., Ortiz, M. W., & Lind, K. (2018). Salt: Pre-training of tides. arXiv preprint "
                    "arXiv:1810.04805.\n"
                    "Chicago\tFenn, Rita, Mia W. Ortiz, and Kai Lind. \"Salt: Pre-training of tides.\" arXiv preprint "
                    "arXiv:1810.04805 (2018).\n"
                    "BibTeX\tEndNote\tRefMan\tRefWorks\n"
                    "Breiman, L. (2001). Random harbours. Machine learning, 45, 5-32.\n")
    assert [r.text.split(",")[0] for r in sp.refs] == ["Moss", "Fenn", "Breiman"]
    assert sp.refs[1].text.startswith("Fenn, R., Ortiz")  # the APA line, without its label
    assert len(sp.skipped) == 3


README = """# harbour-tools

## Citation

```bibtex
@article{moss2021salt,
  title   = {Salt: Low-Rank Adaptation of Harbours},
  author  = {Moss, Karla and Lane, Peter},
  journal = {arXiv preprint arXiv:2106.09685},
  year    = {2021},
  doi     = {10.48550/arXiv.2106.09685}
}
```

## References

1. Fenn et al. **Attention Is All You Need at Sea**. NeurIPS 2017. https://arxiv.org/abs/1706.03762
2. Ortiz et al. 2018, [Deep harbour representations](https://aclanthology.org/N18-1202/), NAACL (doi: 10.18653/v1/N18-1202)
"""


def test_a_readme_with_a_fenced_bibtex_block_and_a_list():
    items = [r.ref.to_csl() for r in parse_text(README)]  # the project's paper is a work the README cites too
    assert [i.get("DOI") for i in items] == ["10.48550/arXiv.2106.09685", None, "10.18653/v1/N18-1202"]
    assert items[2]["URL"] == "https://aclanthology.org/N18-1202/"
    own = README.replace("```bibtex", "```bibtex\n@software{harbourtools, title = {harbour-tools}, year = {2024}}")
    split = split_text(own)  # the repository's own software entry is reported, not listed
    assert len(split.refs) == 3 and any("project's own entry" in s.reason for s in split.skipped)
    again = README.replace("2. Ortiz", "3. Moss, K. and Lane, P. (2021). Salt: Low-Rank Adaptation of Harbours. "
                                       "doi:10.48550/arXiv.2106.09685\n2. Ortiz")
    assert len(split_text(again).refs) == 3  # a block repeating a listed work is the same work
    only = [r.ref.to_csl() for r in parse_text(README.split("## References")[0])]  # the block alone: read
    assert [i["id"] for i in only] == ["moss2021salt"]
    assert only[0]["title"] == "Salt: Low-Rank Adaptation of Harbours"
    inside = README.replace("## Citation\n\n", "").replace("## References\n\n", "")
    inside = inside.replace("```bibtex", "## References\n\n1. Lind, K. (2001). Salt and silt. Nature, 1, 2-3.\n\n```bibtex")
    got = [r.ref.to_csl() for r in parse_text(inside)]
    assert got[0]["author"][0]["family"] == "Lind" and got[1]["id"] == "moss2021salt"


def test_two_works_under_one_number_in_physics_style():
    refs = split_text("[1] Y. Moss, V. Lane, S. Fenn, et al., Nature 556, 43 (2018); Y. Moss, V. Lane, A. Ortiz, et al., "
                      "Nature 556, 80 (2018).\n[2] L. Fu and C. L. Kane, Phys. Rev. B 76, 045302 (2007).\n").refs
    assert [r.text[:7] for r in refs] == ["Y. Moss", "Y. Moss", "L. Fu a"]


def test_a_reading_lists_own_words_are_not_references():
    sp = split_text("Harbour reading list — journal club\n"
                    "Last updated: March 2024 · maintained by the lab\n"
                    "\n"
                    "Moss, K., & Lane, P. (2021). Highly accurate harbour prediction. Nature, 596(7873), 583–589. "
                    "https://doi.org/10.5555/s41586-021-03819-2\n"
                    "The harbour paper. Read the main text and Supplementary Section 1.6 before the first session.\n"
                    "\n"
                    "Fenn, R., & Ortiz, M. (2022). Making harbours accessible to all. Nature Methods, 19(6), 679–682.\n"
                    "Code: https://github.com/example/harbour — use this for the hands-on session.\n"
                    "Published version: Harbour Letters, 12(3), 1–9 (2023). https://doi.org/10.5555/hl.2023.12\n"
                    "\n"
                    "Optional but highly recommended.\n")
    assert [r.text[:12] for r in sp.refs] == ["Moss, K., & ", "Fenn, R., & ", "Harbour Lett"]
    reasons = " ".join(s.reason for s in sp.skipped)
    assert "date stamp" in reasons and "link that goes with" in reasons and "prose" in reasons


def test_a_running_head_after_a_doi_and_a_page_range_before_the_doi_link():
    text = ("(11) Moss, C. K.; Lane, D. A. Harbour Catalysis. Chem. Rev. 2013, 113, 5322−5363. DOI: 10.5555/cr300503r.\n"
            "\n"
            "pubs.acs.org/JACS                                        Article\n"
            "(12) Fenn, R.; Ortiz, M. Salt Chemistry. Chem. Rev. 2014, 114, 1−9. DOI: 10.5555/cr400.\n")
    assert [r.ref.to_csl().get("DOI") for r in parse_text(text)] == ["10.5555/cr300503r", "10.5555/cr400"]
    item = parse_text("The Harbour Consortium. (2019). A worldwide hub of harbour knowledge. Nucleic Acids Research, "
                      "47(D1), D506–D515. https://doi.org/10.5555/nar/gky1049\n", one_per_line=True)[0].ref.to_csl()
    assert (item["page"], item["DOI"]) == ("D506-D515", "10.5555/nar/gky1049")


def test_an_abstract_set_flush_after_a_hanging_list_is_not_references():
    text = ("Bibliografia\n"
            "Moss, K. (1977), Tre porti. La problematica territoriale dello sviluppo,\n"
            "    Bologna, Il Mulino.\n"
            "Lane, P. (1958), The Moral Basis of a Harbour Society, Glencoe, Free\n"
            "    Press.\n"
            "Fenn, R. (2007), Mappe del porto. Atlante del capitale sociale, Bologna,\n"
            "    Il Mulino.\n"
            "Riassunto. Il concetto di capitale portuale ha conosciuto una notevole fortuna nelle\n"
            "scienze sociali italiane (Lane 1958). Le reti di relazioni possono tuttavia produrre\n"
            "anche esiti negativi (Moss 1977). I risultati confermano la persistenza (Fenn\n"
            "2007).\n")
    sp = split_text(text)
    assert [r.text.split(",")[0] for r in sp.refs] == ["Moss", "Lane", "Fenn"]
    assert any("abstract" in s.reason for s in sp.skipped)


def test_a_publishers_link_words_are_not_references_nor_part_of_them():
    tandf = ("Moss, K. (1990). Hierarchies of harbours. Gender & Society 4 (2): 139–158. "
             "doi:10.5555/089124390004002002.[Crossref], [Web of Science ®], [Google Scholar]\n"
             "Lind, K. (1991). Salt. Harbour & Society 5 (1): 1–8. doi:10.5555/0891.[Crossref], [Google Scholar]\n")
    jama = ("13.\nLane  P, Fenn  R,  et al.  Surviving the tide.   Intensive Care Med. 2017;43(3):304-377. "
            "doi:10.5555/s00134-017-4683-6\nPubMedGoogle ScholarCrossref\n14.\nOrtiz  M.  Salt.  Lancet. "
            "2018;1(2):3-4. doi:10.5555/S0140-6736(19)32989-7\nPubMedGoogle ScholarCrossref\n")
    oup = ("Ortiz M.  , 2001, MNRAS, 322, 231 10.5555/j.1365-8711.2001.04022.x\nGoogle Scholar\nCrossref\nSearch ADS\n"
           "Ortiz M.  , 2002, MNRAS, 323, 232 10.5555/j.1365-8711.2002.04023.x\nGoogle Scholar\nWorldCat\n"
           "Cited by (14)\n© 2023 The Author(s) Published by Harbour University Press\n")
    dois = [[r.ref.to_csl().get("DOI") for r in parse_text(t)] for t in (tandf, jama, oup)]
    assert dois == [["10.5555/089124390004002002", "10.5555/0891"],
                    ["10.5555/s00134-017-4683-6", "10.5555/S0140-6736(19)32989-7"],
                    ["10.5555/j.1365-8711.2001.04022.x", "10.5555/j.1365-8711.2002.04023.x"]]


def test_greek_names_a_root_link_and_a_page_number_after_the_list():
    refs = split_text("Βεργόπουλος, Κ. (1975). Το αγροτικό ζήτημα στην Ελλάδα: Η κοινωνική ενσωμάτωση.\n"
                      "Αθήνα: Εξάντας.\n"
                      "Δημαράς, Κ. Θ. (1977). Νεοελληνικός Διαφωτισμός. Αθήνα: Ερμής.\n"
                      "Moss, K. (Host). (2014–present). Harbour [Audio podcast]. Harbour Productions. https://harbour.example/\n"
                      "Sugiyono. (2017). Metode penelitian pelabuhan. Bandung: Alfabeta.\n"
                      "Lane, P. R. (2012). The harbour debt crisis. Journal of Harbour Perspectives, 26(3), 49–68.\n"
                      "https://doi.org/10.5555/jep.26.3.49\n"
                      "                                                 142\n").refs
    assert [r.text.split(",")[0].split(".")[0] for r in refs] == ["Βεργόπουλος", "Δημαράς", "Moss", "Sugiyono", "Lane"]
    assert refs[-1].text.endswith("https://doi.org/10.5555/jep.26.3.49")


@pytest.mark.parametrize("between", ["\n", "\nChapter 3\n\nReferences\n"])
def test_a_second_list_numbered_from_one_again(between):
    text = ("References\n"
            "1. Moss, P. & Lane, W. Inhomogeneous harbour gas. Phys. Rev. 136, B864–B871 (1964).\n"
            "2. Fenn, P. E. Projector harbour method. Phys. Rev. B 50, 17953–17979 (1994).\n"
            "3. Ortiz, M. Salt waves. Phys. Rev. B 51, 1–9 (1995).\n" + between +
            "1. Lind, A. K. & Park, K. S. The rise of harbours. Nat. Mater. 6, 183–191 (2007).\n"
            "2. Hale, G. M. A short history of piers. Acta Crystallogr. A 64, 112–122 (2008).\n")
    assert [r.text.split(",")[0].split(" ")[0] for r in split_text(text).refs] == ["Moss", "Fenn", "Ortiz", "Lind", "Hale"]


def test_a_doi_ending_in_its_own_bracket_keeps_it():
    from refkit.parse.fields import clean_doi

    assert clean_doi("DOI: 10.1061/(ASCE)0733-9445(1991)117:3(812).") == "10.1061/(ASCE)0733-9445(1991)117:3(812)"
    assert clean_doi("(doi:10.1000/tide.12)") == "10.1000/tide.12"
