"""Where a list starts and ends, and what is furniture, on invented pastes: a journal page's tab bar
after the list, text after the last numbered reference, a missing blank line before a family name in
capitals, a few hanging lines among one-line references, a numbered checklist that is no list, page
heads and footers set apart by blank lines, and French family names in capitals."""

from __future__ import annotations

import pytest

from refkit.parse import split_text
from refkit.parse.fields import split_names


def texts(text: str) -> list[str]:
    return [r.text for r in split_text(text).refs]


def test_a_tab_bar_heading_after_the_list_does_not_hold_it():
    refs = ["Moreau, C., & Lind, P. (2019). Bats of the city. Urban Ecology, 4(2), 11–19.",
            "Osei, K. (2020). Night light and moths. Insect Conservation, 9, 201–212.",
            "Varga, P., & Tran, Q. (2021). Roadside verges as habitat. Landscape Research, 46(1), 3–15."]
    page = "REFERENCES\n\n" + "\n\nGoogle Scholar\n\n".join(refs) + "\n\nCiting Literature\n\nFigures\nReferences\nRelated\n"
    assert [t[:10] for t in texts(page)] == [r[:10] for r in refs]


def test_text_after_the_last_numbered_reference_is_skipped():
    text = ("参考文献\n[1] OSEI K, LIND P. Soil carbon in dry grasslands[J]. Ecology Letters, 2019, 22(3): 1-9.\n"
            "[2] VARGA P. River terraces and farming[J]. Geomorphology, 2020, 14(2): 33-41.\n\n"
            "Carbon sinks of dry grasslands in the northern loess hills\n\n"
            "OSEI Kwame1, LIND Petra2\n1 Institute of Soil Science, Accra\n\n"
            "Abstract: We quantify the carbon sink of dry grasslands from satellite data.\n")
    out = texts(text)
    assert len(out) == 2
    assert out[1].endswith("14(2): 33-41.")


def test_a_family_name_in_capitals_starts_a_reference_inside_a_block():
    text = ("REFERÊNCIAS\n\nALVES, M. Cidades e rios. São Paulo: Ática, 2001.\n\n"
            "BRAGA, R. H. O custo social. Revista de Economia, v. 3, p. 1-20,\n1990.\n"
            "COSTA, E. Instituições e mercado. Rio de Janeiro: Zahar, 1995.\n\n"
            "DIAS, J. Economia rural. Recife: UFPE, 2003.\n")
    assert len(texts(text)) == 4


def test_a_few_hanging_lines_among_one_line_references():
    text = ("Références\n"
            "DUMONT Louis (1966), Homo hierarchicus, Paris, Gallimard.\n"
            "LENOIR Rémi, MERLLIÉ Dominique (1989), Initiation à la pratique sociologique. Enquêtes dans les\n"
            "   quartiers populaires de Lille, Paris, Dunod.\n"
            "MARTIN Olivier (2005), L'Analyse de données quantitatives, Paris, Armand Colin.\n"
            "ROUSSEL Louis (1989), La Famille incertaine, Paris, Odile Jacob.\n")
    out = texts(text)
    assert len(out) == 4
    assert out[1].endswith("Paris, Dunod.")


def test_a_numbered_checklist_with_no_heading_is_no_list():
    text = ("Daily start-up of the spectrometer. The instrument must be checked every morning before any "
            "sample is run, and the results must be entered in the logbook by the operator on duty. The "
            "operator also checks that the waste container is empty and that the tubing shows no wear, and "
            "reports any fault to the laboratory manager before the first batch of the day is started.\n\n"
            "1. Switch on the chiller and wait until the temperature is stable.\n"
            "2. Check the argon supply pressure (minimum 6 bar).\n"
            "3. Inspect the cones and clean them if deposits are visible.\n"
            "4. Ignite the plasma and allow 30 minutes of warm-up.\n")
    assert split_text(text, paper=True).refs == []  # a paper (from a PDF) whose end is a checklist, not a list
    refs = ("1. Osei, K. & Lind, P. Cone wear in plasma spectrometers. J. Anal. At. Spectrom. 31, 12–19 (2016).\n"
            "2. Varga, P. Argon purity and drift. Spectrochim. Acta B 140, 1–8 (2018).\n")
    assert len(split_text(text.split("\n\n")[0] + "\n\n" + refs, paper=True).refs) == 2  # a list with no heading


def test_page_heads_set_apart_by_blank_lines_are_furniture():
    refs = ["Abbott, B. P., Lind, R., et\nal. 2016, PhRvL, 116, 061102, doi: 10.1103/\nPhysRevLett.116.061102",
            "—. 2017, PhRvL, 119, 161101, doi: 10.1103/\nPhysRevLett.119.161101",
            "Baldwin, J. A., Phillips, M. M., & Terlevich,\nR. 1981, PASP, 93, 5, doi: 10.1086/130766",
            "Osei, K. 2019, ApJ, 870, 12, doi: 10.3847/\n1538-4357/aaf1a1",
            "Hunter, J. D. 2007, Computing in Science and\nEngineering, 9, 90, doi: 10.1109/MCSE.2007.55",
            "Lind, P., Varga, P., Tran, Q., et al. 2003, MNRAS,\n346, 1055, doi: 10.1046/j.1365-2966.2003.07154.x",
            "Moreau, C. 2012, AJ, 144, 3, doi: 10.1088/0004-6256/144/1/3",
            "Tran, Q., & Osei, K. 2015, A&A, 580, A1,\ndoi: 10.1051/0004-6361/201525710",
            "Varga, P. 2020, MNRAS, 491, 2, doi: 10.1093/mnras/stz3001",
            "Zhou, M. 2021, ApJL, 910, L1, doi: 10.3847/2041-8213/abe1f1"]
    head = "\n\nThe Astronomical Review, 12:34 (9pp), 2023 May 2\n\nOsei et al.\n\n\f7\n"
    text = "REFERENCES\n" + "\n".join(refs[:5]) + head + "\n".join(refs[5:]) + head
    out = texts(text)
    assert len(out) == len(refs)
    assert not any("Astronomical Review" in t or "Osei et al." in t for t in out)


@pytest.mark.parametrize("text, names", [
    ("DUMONT Louis", [("DUMONT", "Louis")]),
    ("LENOIR Rémi, MERLLIÉ Dominique", [("LENOIR", "Rémi"), ("MERLLIÉ", "Dominique")]),
    ("OECD Publishing", [("", "")]),
])
def test_french_family_names_in_capitals(text, names):
    assert [(n.family, n.given) for n in split_names(text)] == names


def test_a_citation_opening_a_line_of_the_text_is_not_the_list_start():
    body = ("We measure the density of the gas in the lattice and compare it with the\n"
            "[3]. Several authors have argued that the transition is continuous, and we\n"
            "find the same within our resolution over the whole range of disorder.\n")
    refs = "".join(f"[{i}] A. Osei and P. Lind, Phys. Rev. Lett. {100 + i}, {1000 + i} (20{10 + i}).\n" for i in range(1, 6))
    out = texts("Introduction\n" + body + "\n[*] Corresponding author: osei@example.org\n" + refs)
    assert len(out) == 5
    assert out[0].startswith("A. Osei") and "Several authors" not in out[0]


def test_science_notes_keep_every_work_and_stop_at_the_acknowledgments():
    text = ("REFERENCES AND NOTES\n"
            "1. K. Osei et al., Tidal mixing in estuaries. Nature 501, 12–19 (2013). doi: 10.1038/nature12001\n"
            "2. P. Lind et al., Science 336, 466 (2012); P. Lind et al., Science 344, 747 (2014).\n"
            "3. T. Varga et al., Science 328, 710 (2010); M. Tran et al., Science 338, 222 (2012).\n"
            "4. The term \"coastal ancestry\" is used here as shorthand for the component defined in (1); it does not imply "
            "that every individual carries it.\n"
            "5. Ibid., p. 14.\n"
            "6. Dates were calibrated with OxCal (7); see table S2.\n"
            "7. C. Moreau, Bayesian analysis of tide records. Radiocarbon 51, 337–360 (2009).\n"
            "ACKNOWLEDGMENTS\nWe thank P. Lind and T. Varga for comments. Funding: Supported by grant 123.\n"
            "10.1126/science.abd0000\n")
    out = texts(text)
    assert len(out) == 6  # Osei, both Linds, Varga, Tran, Moreau (5 is Osei again); no remarks, no pointers
    assert not any("Funding" in t or "table S2" in t or "shorthand" in t or "OxCal" in t for t in out)


def test_arxiv_html_labels_above_each_reference():
    refs = [("Osei et al. (2021)", ["Kwame Osei, Petra Lind, and Tomas Varga. 2021.", "Tides of attention: a study.",
                                    "In Proceedings of the Coastal NLP Workshop, pages 1–9.",
                                    "https://doi.org/10.18653/v1/2021.coast-1.1"]),
            ("Lind and Varga (2019)", ["Petra Lind and Tomas Varga. 2019.", "Harbour names in the wild.",
                                       "Transactions of the Harbour Society, 7:12–30."]),
            ("Tran (2020)", ["Quoc Tran. 2020.", "Dykes and deltas.", "In Findings of the Delta Meeting, pages 33–41."]),
            ("Varga et al. (2018)", ["Tomas Varga, Kwame Osei, and Quoc Tran. 2018.", "Salt roads revisited.",
                                     "Journal of Salt Studies, 3(2):1–19."])]
    text = "References\n\n" + "\n".join(f"    {label}\n" + "\n".join(f"    {ln}" for ln in body) for label, body in refs) + "\n"
    out = texts(text)
    assert len(out) == 4
    assert out[0].startswith("Kwame Osei") and out[0].endswith("2021.coast-1.1")
    assert not any("(2021)" in t.split(".")[0] for t in out[:1])


def test_a_dblp_person_page():
    """dblp's records: key, 'Authors:' and 'Title. Venue' on three lines, under year headings, among the
    page's menus and a coauthor index of keys."""
    records = [("j4", ["Petra Lind 0002", "Tomas Varga"], "Harbour names in the wild. Trans. Harb. Soc. 7(2): 12-30 (2021)"),
               ("c9", ["Kwame Osei", "Petra Lind 0002", "Quoc Tran"], "Tides of attention. CoastNLP 2021: 1-9"),
               ("i3", ["Petra Lind 0002"], "Salt roads revisited. CoRR abs/2011.01234 (2020)"),
               ("c8", ["Quoc Tran", "Petra Lind 0002"], "Dykes and deltas. ICRA 2019: 33-41")]
    year = {"j4": "2021", "i3": "2020", "c8": "2019"}
    body = "".join((f"{year[k]}\n" if k in year else "") + f"[{k}]\n{', '.join(a)}:\n{t}\n" for k, a, t in records)
    text = ("dblp\nBlog\nsearch dblp\nPetra Lind 0002\nPerson information\nshowing all 4 records\n2020 – today\n" + body
            + "Coauthor Index\n[j4] [c9]\nTomas Varga\n[c9] [c8]\nQuoc Tran\nmaintained by the dblp team\n")
    out = texts(text)
    assert len(out) == 4
    assert out[1] == "Kwame Osei, Petra Lind, and Quoc Tran. Tides of attention. CoastNLP 2021: 1-9"
    assert not any("0002" in t or "Coauthor" in t or "dblp" in t for t in out)


def test_a_researchgate_profile_of_research_items():
    """ResearchGate's profile: kind, 'Full-text available', title, date, '·', venue, DOI, one name a line
    between '·' lines, an abstract's start, reads, citations, 'Share'; the page's own lines around them."""
    items = [("Article", True, "Harbour walls and quays in the North Sea", "January 2021",
              ["·", "Journal of Ports 7(2):12-30", "DOI:10.1234/jp.2021.7"], ["Petra Lind", "Tomas Varga", "[...]", "Quoc Tran"]),
             ("Chapter", False, "Salt roads of the Hanse", "June 2019",
              ["·", "In book: Harbours of the North (pp.87-110)", "DOI:10.1007/978-3-030-95123-4_5"], ["Kwame Osei", "Petra Lind"]),
             ("Thesis", True, "Tides and the making of ports", "October 2015", [], ["Petra Lind"])]
    page = "Petra Lind\nFollow\nResearch\nPublications (3)\n"
    for kind, full, title, date, venue, names in items:
        page += f"{kind}\n" + ("Full-text available\n" if full else "") + f"{title}\n{date}\n" + "".join(f"{v}\n" for v in venue)
        page += "\n·\n".join(names) + "\nWe combined fourteen years of data with a model of the tides and ...\n212 Reads\n"
        page += "2 Citations\nDownload\nShare\n"
    out = texts(page)
    assert out == ["Petra Lind, Tomas Varga, and Quoc Tran (2021). Harbour walls and quays in the North Sea. "
                   "Journal of Ports 7(2):12-30. DOI:10.1234/jp.2021.7",
                   "Kwame Osei and Petra Lind (2019). Salt roads of the Hanse. In Harbours of the North (pp.87-110). "
                   "DOI:10.1007/978-3-030-95123-4_5",
                   "Petra Lind (2015). Tides and the making of ports."]


def test_an_orcid_record_of_works():
    """ORCID: title, venue, '2021-06 | Kind', identifiers, 'Contributors: A; B', 'Source:'; employment and
    funding above the works, peer review below, are no works."""
    works = [("Harbour walls and quays in the North Sea", "Journal of Ports", "2021-06 | Journal article",
              ["DOI: 10.1234/jp.2021.7", "EID: 2-s2.0-85164123456", "Part of ISSN: 0022-1694"], "Petra Lind; Tomas Varga"),
             ("Tide gauge readings of six harbours (2016–2020)", "Zenodo", "2020 | Data set", ["DOI: 10.5281/zenodo.4896512"],
              "Petra Lind"),
             ("Salt roads of the Hanse", "", "2019-09 | Journal article", ["URL: https://example.org/salt.pdf"], "")]
    page = ("Petra Lind\nEmployment (1)\nSort\nUniversity of Harbours: Kiel, DE\n2019-09-01 to present | Professor\n"
            "Source: Petra Lind\nWorks (3)\nSort\nSelect all\n")
    for title, venue, date, ids, names in works:
        page += f"{title}\n" + (f"{venue}\n" if venue else "") + f"{date}\n" + "".join(f"{i}\n" for i in ids)
        page += (f"Contributors: {names}\n" if names else "") + "Source: Crossref\nPreferred source (of 2)\n"
    page += "Peer review (3 reviews for 1 publication)\nReview activity for Journal of Ports (3)\nSource: Publons\n"
    out = texts(page)
    assert out == ["Petra Lind and Tomas Varga (2021). Harbour walls and quays in the North Sea. Journal of Ports. "
                   "DOI: 10.1234/jp.2021.7",
                   "Petra Lind (2020). Tide gauge readings of six harbours (2016–2020) [Data set]. Zenodo. "
                   "DOI: 10.5281/zenodo.4896512",
                   "Salt roads of the Hanse (2019). URL: https://example.org/salt.pdf"]


def test_a_table_inside_a_page_keeps_the_paper_column():
    """A wiki page's schedule 'Date ⇥ Presenter ⇥ Paper ⇥ Slides' among the page's text: each row gives the
    reference in its paper column; the header and a row with no paper ('TBD') give none."""
    refs = ["Lind, P. and Varga, T. 2019. Harbour names in the wild. Trans. Harb. Soc. 7, 2 (June 2019), 12–30.",
            "Osei, K., Tran, Q., Moss, Y., Lane, V., Lind, P., Varga, T., Okafor, N., Holm, A., and Berg, S. 2021. "
            "Tides of attention. In Proceedings of the Coastal Workshop (CW '21). ACM, 1–9. https://doi.org/10.1234/cw.1",
            "Tran, Q. 2020. Dykes and deltas. Commun. Delta 3, 1 (Jan. 2020), 33–41."]
    rows = "".join(f"Jan {d}, 2024\tPetra Lind\t{r}\tslides.pdf\n" for d, r in zip((4, 18, 25), refs, strict=True))
    text = ("Reading Group\nCreated by Petra Lind on Jan 02, 2024\n\nDate\tPresenter\tPaper\tSlides\n" + rows
            + "Feb 1, 2024\tTBD\tTBD – vote in the channel\t\n\nMoss, Y. 2017. Quays. J. Open Harbours 5, 1, 10.\n")
    split = split_text(text)
    assert [r.text for r in split.refs][-4:] == refs + ["Moss, Y. 2017. Quays. J. Open Harbours 5, 1, 10."]
    assert any(s.reason == "a table row with no reference" and "TBD" in s.text for s in split.skipped)


def test_ideas_references_with_other_versions_under_them():
    """An IDEAS page: 'References listed on IDEAS', a remark at the margin, the references indented, the
    other versions of a work indented deeper under it (the same quoted title), then 'Most related items'."""
    refs = [('Lind, Petra & Varga, Tomas, 2014. "Harbour Names in the Wild," Journal of Ports, Elsevier, vol. 7(2), '
             'pages 12-30.', ['Petra Lind & Tomas Varga, 2011. "Harbour names in the wild," NBER Working Papers 17, '
                              'National Bureau of Economic Research, Inc.']),
            ('Osei, Kwame, 2018. "Tides of attention," Economic Journal, Royal Economic Society, vol. 3(1), pages 1-9.', []),
            ('Tran, Quoc & Lind, Petra, 2020. "Dykes and deltas: evidence from Viet Nam," World Development, Elsevier, '
             'vol. 41(C).', ['Tran, Quoc & Lind, Petra, 2019. "Dykes and Deltas: Evidence from Viet Nam," Working '
                             'Papers 19-4, University of Harbour, Department of Economics.'])]
    text = ("Suggested Citation\nLind, Petra, 2023. \"Quays,\" Journal of Ports, vol. 9.\nReferences listed on IDEAS\n"
            "Full references (including those not matched with items on IDEAS)\n"
            + "".join(f"    {r}\n" + "".join(f"        {v}\n" for v in vs) for r, vs in refs)
            + "Most related items\nThese are the items that most often cite the same works as this one.\n"
              '    Moss, Yara, 2021. "Salt roads," World Development, Elsevier, vol. 14(C).\n')
    split = split_text(text)
    assert [r.text for r in split.refs] == [r for r, _ in refs]
    assert sum(1 for s in split.skipped if s.reason == "another version of the reference above") == 2


def test_author_year_references_run_together_on_one_line():
    line = ("Agard, T. 2010. Ocean zoning for harbours. London: Earthscan. Bennet, N. J., H. Govan, and T. Satter. "
            "2015. Ocean grabbing. Marine Policy 57:61–68. doi:10.1016/j.marpol.2015.03.026. Lind, P., & Osei, K. "
            "(2019). Tides and trust. Coastal Studies, 4(2), 1–9.")
    out = texts("References\n" + line + "\nOsei, K. 2020. Salt roads. Coastal Studies 5:1–12.\n")
    assert [t.split(",")[0] for t in out] == ["Agard", "Bennet", "Lind", "Osei"]
    assert out[1].endswith("10.1016/j.marpol.2015.03.026.")


def test_another_kind_of_number_after_the_list_is_not_the_list():
    text = ("参考文献\n[1] OSEI K. Coastal carbon[J]. Ecology, 2019, 22(3): 1-9.\n"
            "[2] LIND P. River terraces[J]. Geomorphology, 2020, 14(2): 33-41.\n"
            "[3] VARGA T. Salt marshes[J]. Wetlands, 2021, 9(1): 5-12.\n\n"
            "Abstract Coastal wetlands store large amounts of carbon in their soils, and the size of this store depends "
            "on the rate at which sediment is trapped by the vegetation and on how quickly organic matter decays in the "
            "waterlogged ground; we estimate both from field cores taken along three estuaries over two years.\n"
            "1) (College of Geography, Coastal University, Xiamen 361005)\n"
            "2) (Institute of Soil Science, Chinese Academy of Sciences, Nanjing 210008)\n")
    out = texts(text)
    assert len(out) == 3
    assert not any("College" in t or "Institute" in t for t in out)



def test_an_extended_abstract_and_statements_end_the_list():
    refs = ["Ataman, B. (2011). Kent ve göç. Ankara: Ütopya.",
            "Kaya, S., & Demir, E. (2015). Rural networks in transition. Journal of Rural Studies, 38, 12–21.",
            "Öztürk, A. (2019). Komşuluk ilişkileri. İstanbul: Bilgi Üniversitesi Yayınları."]
    text = ("Kaynakça\n" + "\n".join(refs) + "\n\nExtended Abstract\n\n"
            "Since the 1960s, migration has changed Turkish cities (Kaya & Demir, 2015). This study draws on\n"
            "interviews with 20 residents.\n\nEtik Kurul Onayı: Bu çalışma için etik kurul onayı alınmıştır.\n"
            "Çıkar Çatışması: Yazarlar çıkar çatışması bildirmemiştir.\n")
    assert [t[:12] for t in texts(text)] == [r[:12] for r in refs]


def test_a_contributor_note_and_authors_information_end_the_list():
    refs = ["Baldwin, James. Notes of a Native Son. Beacon Press, 1955.", "---. The Fire Next Time. Dial Press, 1963.",
            "Morrison, Toni. Playing in the Dark. Harvard UP, 1992."]
    text = "Works Cited\n" + "\n".join(refs) + ("\n\nLINA OKAFOR is associate professor of English at the University of "
                                              "Lagos. She is the author of Harbour Voices (2019).\n")
    assert len(texts(text)) == 3
    gost = ["1. Иванов И. И. Морфология. — М. : Наука, 1999. — 320 с.", "2. Петров П. П. Синтаксис. — СПб. : Питер, 2005. — 210 с."]
    text = "Список литературы\n" + "\n".join(gost) + ("\n\nСведения об авторах\n\nИванова Анна Петровна, кандидат "
                                                   "филологических наук, доцент\n\nСтатья поступила в редакцию 14.10.2022\n")
    assert len(texts(text)) == 2


def test_pdftotext_layout_two_columns_side_by_side():
    left = [f"[{i}]  A. Author{i} and B. Writer, “On topic number {i} in the study of rivers,” J. River Sci., vol. {i},"
            for i in range(1, 9)]
    left2 = [f"      pp. {10 * i}–{10 * i + 9}, 2019." for i in range(1, 9)]
    right = [f"[{i}]  C. Person{i}, “A second column entry about lakes and ponds {i},” Limnol. Lett., vol. {i},"
             for i in range(9, 17)]
    right2 = [f"      pp. {10 * i}–{10 * i + 5}, 2020." for i in range(9, 17)]
    rows = []
    for a, b, c, d in zip(left, left2, right, right2, strict=True):
        rows.append(f"{a:<100}{c}")
        rows.append(f"{b:<100}{d}")
    refs = texts("REFERENCES\n" + "\n".join(rows) + "\n")
    assert len(refs) == 16
    assert refs[0].startswith("A. Author1 ") and refs[8].startswith("C. Person9,") and "pp. 90–95" not in refs[0]


def test_superscript_numbers_glued_to_the_authors_and_a_page_number_above_a_stamp():
    lines = [f"{i}{name} AB, Lee C, et al. Trial number {i} of a drug. N Engl J Med. 2011;365(10):883-891. "
             f"doi:10.1056/NEJMoa10{i:05d}" for i, name in enumerate(["Smith", "Patel", "Okafor", "Varga"], 1)]
    lines.insert(2, "21\nThis article is protected by copyright. All rights reserved.")
    refs = texts("REFERENCES\n" + "\n".join(lines) + "\n5European Medicines Agency. Product information. Published 2022.\n")
    assert len(refs) == 5 and refs[1].endswith("doi:10.1056/NEJMoa1000002")
    assert refs[4].startswith("European Medicines Agency")


def test_a_figure_caption_on_the_last_page_does_not_end_the_list():
    text = ("References\nBarr, D.J., Lind, P., 2015. Bees in towns. Nature 520, 45–50.\n\n"
            "Fig. 2. Proportion of small bees by distance.\nColours indicate region.\n\n"
            "Potts, S.G., Kunin, W.E., 2010. Pollinator declines. Trends Ecol. Evol. 25, 345–353.\n"
            "Zurbuchen, A., Dorn, S., 2010. Foraging ranges. Biol. Conserv. 143, 669–676.\n")
    assert [t[:6] for t in texts(text)] == ["Barr, ", "Potts,", "Zurbuc"]


def test_a_doi_before_an_mr_number_and_a_bilingual_heading():
    text = ("References\n[Caf92] L. A. Caffarelli, The regularity of mappings, J. Amer. Math. Soc. 5 (1992), 99–104, "
            "DOI 10.2307/2152752.\nMR1124980\n[Cut13] M. Cuturi, Sinkhorn distances, NeurIPS 26 (2013), 2292–2300.\n")
    refs = texts(text)
    assert len(refs) == 2 and "10.2307/2152752. MR1124980" in refs[0]
    zh = ("正文。\n\n参考文献(References)\n[1] 竺可桢. 中国近五千年来气候变迁的初步研究[J]. 考古学报, 1972(1): 15-38.\n"
          "[2] 施雅风, 孔昭宸. 中国全新世大暖期的气候波动[J]. 中国科学, 1992, 22(12): 1300-1308.\n")
    assert len(texts(zh)) == 2


def test_mla_single_names_hangul_names_and_a_publisher_line_alone():
    more = "".join(f"Reed{c}, Tom. A Study of Rivers and Harbours in the North, Volume {c}. Harbour\nPress, 200{k}.\n"
                   for k, c in enumerate("ABCDE"))
    text = ("Works Cited\n" + more + "Apter, Emily. Against World Literature: On the Politics of Untranslatability. Verso,\n2013.\n"
            "Lind, Anna. Tłumacz i jego kompetencje autorskie. Wydawnictwo Naukowe\nPWN, 1986.\n"
            "Voltaire. Candide, ou l’optimisme, traduit de l’allemand de M. le docteur Ralph.\nGabriel Cramer, 1759.\n"
            "Multatuli. Max Havelaar, of de koffi-veilingen der Nederlandsche Handel-Maatschappy.\n"
            "J. de Ruyter, 1860.\nNergaard, Siri, editor. Teorie contemporanee della traduzione. Bompiani,\n1995.\n"
            "Ortega y Gasset, José. “Miseria y esplendor de la traducción.” Obras completas, vol.\n"
            "5, Revista de Occidente, 1947, pp. 431–52.\n"
            "조의연. “번역가의 문체와 번역 충실성: 『채식주의자』 영역본의 경우.” 통번역학연구,\n"
            "vol. 21, no. 1, 2017, pp. 189–213.\n")
    refs = texts(text)
    assert [r.split(".")[0].split(",")[0] for r in refs][5:] == ["Apter", "Lind", "Voltaire", "Multatuli", "Nergaard",
                                                                 "Ortega y Gasset", "조의연"]


def test_a_note_takers_file_of_web_copies():
    text = ("Reading notes\n=============\n\n[copied from a publisher's reference list]\n\n"
            "Lind   Anna , Ross   Tom B. , “ Harbour Wages and Employment ,” Review of Labour , 84 ( 1994 ), 772 – 793 .\n"
            "Google Scholar\nWorldCat\n"
            "Okafor   Nneka , “ Dock Work in Lagos ,” Labour History , 12 ( 2001 ), 45 – 67 .\nGoogle Scholar\n"
            "Varga   Peter , Minimum Pay ( Cambridge, MA : Harbour Press , 2008 ).\nGoogle Scholar\n\n"
            "[ResearchGate]\n\nPort Labour and Wages: Evidence from Rotterdam\nArticle\nJun 2022\nMaria Jansen\nKees de Vries\nView\n"
            "The Economics of Harbours\nBook\nJan 1995\nDavid Stone\nView\n\n"
            "MLA: Harasztosi, Péter. \"Who pays for ports?.\" Port Economics 109.8 (2019): 2693-2727.\n"
            "APA: Dube, A. (2019). Impacts of port rules. Independent Report. UK Government Publication, 268-304.\n\n"
            "TODO: check the 2019 report.\n")
    refs = texts(text)
    assert len(refs) == 7
    assert refs[0].startswith("Lind, Anna, Ross, Tom B., “Harbour Wages and Employment,”")
    assert refs[3].startswith("Maria Jansen, Kees de Vries (2022). Port Labour and Wages")
    assert refs[5].startswith("Harasztosi, Péter.") and refs[6].startswith("Dube, A. (2019).")


def test_sources_cited_numbered_sections_and_what_follows_a_list():
    text = ("Body text of the chapter.\n\nSources Cited\n\n4.A Books and Book Chapters\n\n"
            "Anderson, J. R. (1983). The architecture of cognition. Harvard University Press.\n"
            "Baddeley, A. D. (1986). Working memory. Oxford University Press.\n\n4.B Journal Articles\n\n"
            "Cowan, N. (2001). The magical number 4. Behavioral and Brain Sciences, 24(1), 87–114.\n"
            "Daneman, M., & Carpenter, P. A. (1980). Reading span. Journal of Verbal Learning, 19(4), 450–466.\n\n"
            "4.C Software, Data Sets, and Online Resources\n\n"
            "R Core Team. (2023). R: A language and environment for statistical computing. R Foundation.\n\n"
            "SOBRE OS AUTORES\n\nANA SILVA é doutora em educação pela Universidade Federal de São Carlos.\n\n"
            "Como citar este artigo: SILVA, Ana. Saberes. Revista Brasileira de Educação, v. 28, 2023.\n")
    assert [t[:6] for t in texts(text)] == ["Anders", "Baddel", "Cowan,", "Danema", "R Core"]
    for tail in ("LAMPIRAN\n\nTabel 1. Data produksi 2019 2020", "Financiamento: FAPESP, processo nº 2019/12345-6.",
                 "LINA ROSS is Lecturer in Victorian Literature at the University of Leeds. She is writing a book."):
        assert len(texts("References\n\nLind, A. (2001). Rivers. Harbour Press.\n\n" + tail + "\n")) == 1


def test_full_width_numbers_an_underscore_ditto_and_a_note_on_the_list():
    cn = ("参考文献\n\n[1] Lind K. Harbour walls[J]. Quay Review, 2012, 4(2): 1-9.\n"
          "［2］ 王明. 港口研究[M]. 北京: 科学出版社, 2019.\n［3］ Moss Y. Tidal walls[J]. Tides, 2020, 5: 2-8.\n"
          "[4] Osei K. Mooring[J]. Ropes, 2021, 3: 7-9.\n")
    assert [r.number for r in split_text(cn).refs] == ["1", "2", "3", "4"]
    chicago = ("Bibliography\n\nLetters cited in the notes by archive and shelfmark are not listed separately below.\n\n"
               "Lind, Karin. Harbour Walls. London: Quay Press, 1959.\n"
               "______. Letter to J. D. Moss, [11 January 1844]. Harbour Letters Project, Letter no. 729.\n"
               "Osei, Kofi. Mooring Lines. Leeds: Rope Books, 2001.\n")
    from refkit.parse import parse_text
    parsed = parse_text(chicago)
    assert len(parsed) == 3
    letter = parsed[1].ref.to_csl()
    assert letter["title"] == "Letter to J. D. Moss" and letter["author"][0]["family"] == "Lind"
    assert letter["issued"]["date-parts"] == [[1844, 1, 11]] and letter["container-title"] == "Harbour Letters Project"


def test_hungarian_bracketed_years_names_joined_by_dashes_and_a_running_head():
    text = ("Hivatkozások\nLind, K.–Moss, Y.–\nOsei, K. [2001]: Harbour Walls and Quays: An Empirical Investigation of Silting.\n"
            "Quay Review, Vol. 9. No. 5. 1369–1401. o. https://doi.org/10.1234/qr.91.5.\n"
            "Kovács Tamás [1981]: Kikötők, hullámtörők és mólók a tengeri kereskedelemben. Közgazdasági\n"
            "Könyvkiadó, Budapest.\n"
            "Szabó Anna–Tóth Béla [2015]: Tidal Inputs and Productivity.\n"
            "Harbour Economic Review, Vol. 105. No. 12. 3660–3703. o. https://doi.org/10.1234/\nher.20150443.\n\n1044\n\n"
            "Tengeri Szemle, LXX. évf., 2023. október (1021–1046. o.)\n\nMolnár Gábor\n\n"
            "MNB [2022]: Inflációs jelentés a kikötői árak alakulásáról. 2022. december. Magyar Nemzeti\nBank, Budapest.\n"
            "Vincze János [2017a]: Az árszínvonal-stabilitás és a kikötői költségvetési politika. Tengeri\n"
            "Szemle, 64. évf. 2. sz. 113–137. o. https://doi.org/10.1234/TSZ.2017.2.113.\n")
    refs = texts(text)
    assert [r.split(" [")[0] for r in refs] == ["Lind, K.–Moss, Y.– Osei, K.", "Kovács Tamás", "Szabó Anna–Tóth Béla", "MNB",
                                               "Vincze János"]
    assert refs[2].endswith("10.1234/her.20150443.")


def test_a_syllabus_week_headings_and_grading_lines_are_no_references():
    text = ("Grading\nReading responses (8 × 3%) 24% · Midterm 25% · Final paper 35%\n\nSCHEDULE OF READINGS\n\n"
            "Week 1 (Aug 27 & 29) — Why do harbours silt?\n"
            "  • Lind, Karin. 1993. \"Theories of Silting.\" Harbour Review 19(3): 431–466. (required)\n"
            "  • Moss, Yara. 2014. The Age of Quays. New York: Quay Press. (rec.)\n\n"
            "Week 2 (Sept 3 & 5) — Tides\n  • Osei, Kofi. 1989. \"Tidal Theory.\" Tides 23(3): 457–485.\n")
    refs = texts(text)
    assert len(refs) == 3 and all(r.lstrip("• ").split(",")[0] in ("Lind", "Moss", "Osei") for r in refs)


@pytest.mark.parametrize("heading", ["References (1/2)", "(56) References Cited", "BIBLIOGRAPHY & REFERENCES CITED",
                                     "Literatūra", "Βιβλιογραφία", "قائمة المراجع", "Tài liệu tham khảo"])
def test_more_list_headings(heading):
    text = ("The harbour wall held for a century and the town grew around it, as the records of the port show in "
            "some detail for the years after the war.\n\n" + heading + "\n\n"
            "Lind, P. (2019). Harbour walls. Journal of Ports, 3(1), 1–9.\n"
            "Varga, T. (2020). Quays and piers. Journal of Ports, 4(2), 10–19.\n")
    assert [r.text[:4] for r in split_text(text).refs] == ["Lind", "Varg"]


def test_lettered_groups_of_a_law_bibliography_and_an_appendix_after():
    """AGLC: 'A Articles/Books/Reports', 'B Cases', 'C Legislation' are the list's groups; an appendix ends it."""
    text = ("BIBLIOGRAPHY\n\nA Articles/Books/Reports\n\nLind, Petra, 'Harbour Walls' (2019) 3(1) Journal of Ports 1\n\n"
            "Varga, Tomas, Quays and Piers (Hafen Press, 2020)\n\nB Cases\n\nLind v Harbour Board (2019) 234 CLR 257\n\n"
            "C Legislation\n\nHarbours Act 2002 (NSW)\n\nAPPENDIX: HARBOUR CASES FILED IN COURTS, 2015–23\n\n"
            "Source: Harbour Law Database (accessed 2 February 2024).\n")
    split = split_text(text)
    assert [r.text[:9] for r in split.refs] == ["Lind, Pet", "Varga, To", "Lind v Ha", "Harbours "]


def test_a_web_page_with_its_contents_box_and_code_output():
    """'On this page' repeats the page's headings (numbered ones, 'References'); a menu's 'Publications' is no list;
    a model's printed output with aligned columns does not make the page two columns side by side."""
    refs = [f"{name}, {given}, Petra Lind, Tomas Varga, Kwame Osei, Quoc Tran, Yara Moss, Vera Lane, and Nneka Okafor. "
            f"{2000 + k}. “A Long Study of Harbour Walls, Quays, Piers and Other Works of the Coast, Number {k}.” "
            f"Journal of Ports and Harbours {k} (2): 1–{k + 9}. https://doi.org/10.1234/jph.{k}" for k, (name, given) in
            enumerate([("Abel", "Ann"), ("Berg", "Bo"), ("Cole", "Cy"), ("Dahl", "Di")], 1)]
    output = "\n".join(f"  {a:8.1f}   {b:8.1f}   {c:8.1f}   {d:8.1f}   {e:6d}" for a, b, c, d, e in
                       [(2315.4, 2351.9, -1148.7, 2297.4, 471)] * 10)
    text = ("Petra Lind\nAbout\nPublications\n\nOn this page\nWhy walls?\n1. Start from the design\n2. Check the fit\n"
            "References\nFootnotes\nWhy walls?\nEvery spring I review a batch of theses on harbour walls, and the same "
            "problems appear in the analysis of the counts of boats and berths in the old ports of the coast.\n"
            "1. Start from the design\nWrite down the design first.\nCode\n" + output + "\n2. Check the fit\n"
            "Simulated residuals are the most useful check I know.\nReferences\n" + "\n".join(refs) +
            "\nFootnotes\nIn this model the family gives the quadratic form of the variance.↩︎\n")
    out = texts(text)
    assert out == refs


def test_an_exported_chat_history():
    """WhatsApp's export: stamps and names go, the app's own messages and talk are left out, and the references
    in the messages (several in one, one after a line of talk) stay one a line."""
    text = ("[12.03.2024, 18:02:11] Harbour group: \u200eMessages and calls are end-to-end encrypted.\n"
            "[12.03.2024, 18:02:12] \u200ePetra Lind created the group «Harbours»\n"
            "[12.03.2024, 18:11:15] Tomas Varga: Here are the two classics from the lecture:\n"
            "Lind, P. & Varga, T. (2007). Harbour walls. Journal of Ports, 77(1), 81–112. https://doi.org/10.1234/jp.77.81\n"
            "Osei, K. (1998). Quays and piers. Coastal Studies, 5(1), 7–74.\n"
            "[12.03.2024, 18:13:20] Kwame Osei: haha yes, we only need chapters 3 and 4 of the second one from 1998\n"
            "[12.03.2024, 18:24:02] Kwame Osei: \u200eimage omitted\n"
            "[13.03.2024, 08:17:02] Quoc Tran: Tran, Q., Moss, Y. & Lane, V. (2016). Dykes. Delta Review, 3(1), 12–20.\n"
            "[13.03.2024, 08:17:30] Petra Lind: Thanks!\n")
    assert texts(text) == [
        "Lind, P. & Varga, T. (2007). Harbour walls. Journal of Ports, 77(1), 81–112. https://doi.org/10.1234/jp.77.81",
        "Osei, K. (1998). Quays and piers. Coastal Studies, 5(1), 7–74.",
        "Tran, Q., Moss, Y. & Lane, V. (2016). Dykes. Delta Review, 3(1), 12–20."]


def test_a_systematic_reviews_study_identifiers():
    """Cochrane's 'References' tab: a study's identifier above its records is a label; each record is a reference;
    the groups' headings and the review's own citation after 'Citation' are not."""
    text = ("References\nCharacteristics of studies\nReferences\nReferences to studies included in this review\n"
            "Lind 2016 {published data only}\n"
            "Lind P, Varga T, Osei K. Early walls in harbours: a randomised trial. Journal of Ports 2016;12(3):45-52.\n"
            "Lind P, Varga T. Early walls and quays: preliminary results [abstract]. Ports Abstracts 2015;3:12.\n"
            "Tran 2019 {published data only}\n"
            "Tran Q, Moss Y, Lane V, et al. Dykes in deltas: a pilot trial. Delta Review 2019;8(1):1-9.\n"
            "References to ongoing studies\nISRCTN14567820 {unpublished data only}\n"
            "ISRCTN14567820. QUAY-UK: structured quays versus usual piers. www.isrctn.com/ISRCTN14567820 (first received 2021).\n"
            "Additional references\nMoss 2014\n"
            "Moss Y, Okafor N. An official guideline for harbour walls and quays. Coastal Journal 2014;190(12):1437-46.\n"
            "Citation\nLind P, Varga T. Early walls. Cochrane Database of Harbour Reviews 2024, Issue 3.\nDownload citation\n")
    out = texts(text)
    assert [t[:8] for t in out] == ["Lind P, ", "Lind P, ", "Tran Q, ", "ISRCTN14", "Moss Y, "]


def test_a_google_scholar_alert_mail():
    link = "<https://scholar.google.com/scholar_url?url=https://www.example.org/content/10.1101/2024.03.11.584321v1.full.pdf&hl=en&sa=X>"
    text = ("From: Google Scholar Alerts <scholaralerts-noreply@google.com>\nSubject: 3 new citations to articles by P Lind\n\n"
            "[PDF] Harbour walls of the North Sea: an atlas of\nquays and piers\n" + link + "\n"
            "A Rahman, J Liu, S Peters, K Oduya… - bioRxiv, 2024\n… of harbour walls (Lind et al., 2022), we find …\n\n"
            "Save <https://scholar.google.com/citations?x=1> Twitter <https://scholar.google.com/scholar_share?x=2>\n\n"
            "Dykes in deltas\n<https://scholar.google.com/scholar_url?url=https://link.example.com/article/10.1007/s00467-024-06345-2&hl=en>\n"
            "Q Tran, P Lind - Delta Review, 2024 - Springer\n… deltas …\n\n"
            "[CITATION] Quays: open questions\nY Moss - Ports, 2024\n\nSave <https://scholar.google.com/citations?x=3>\n")
    out = texts(text)
    assert out == ["A Rahman, J Liu, S Peters, K Oduya, et al. (2024). Harbour walls of the North Sea: an atlas of quays and "
                   "piers. bioRxiv. doi:10.1101/2024.03.11.584321",
                   "Q Tran, P Lind (2024). Dykes in deltas. Delta Review. doi:10.1007/s00467-024-06345-2",
                   "Y Moss (2024). Quays: open questions. Ports."]


def test_a_copy_out_of_apple_books_and_an_ojs_page_after_its_list():
    text = ("“Bibliography\nLind, Petra. Harbour Walls. Kiel: Hafen Press, 2001.\nVarga, Tomas. Quays. Oslo: Fjord, 2010.”\n\n"
            "Excerpt From\nHarbours of the North\nPetra Lind\nThis material may be protected by copyright.\n\n"
            "“Osei, Kwame. “Piers.” Journal of Ports 3 (2019): 1–9.”\n\nExcerpt From\nHarbours of the North\nPetra Lind\n"
            "This material may be protected by copyright.\n")
    assert texts(text) == ["Lind, Petra. Harbour Walls. Kiel: Hafen Press, 2001.", "Varga, Tomas. Quays. Oslo: Fjord, 2010.",
                           "Osei, Kwame. “Piers.” Journal of Ports 3 (2019): 1–9."]
    page = ("References\nLind, P. (2001). Harbour walls. Journal of Ports, 3(1), 1–9.\n"
            "Varga, T. (2010). Quays. Journal of Ports, 4(2), 10–19.\nMost read articles by the same author(s)\n"
            "Petra Lind, Tomas Varga, Walls and quays of the Baltic, 2019\nCopyright (c) 2023 Journal of Ports\n")
    assert len(texts(page)) == 2


def test_a_bibliography_then_the_footnotes_that_cite_it():
    """Google Docs puts the footnotes after everything: short cites and 'Ibid.' numbered after the bibliography
    are no references of their own, and the bibliography is not lost for them."""
    text = ("Bibliography\n\nLind, Petra. Harbour Walls of the North. Kiel: Hafen Press, 2021. https://doi.org/10.1234/hw.1.\n"
            "Varga, Tomas. Quays and Piers: A History. Oslo: Fjord Press, 1995.\n"
            "Osei, Kwame. The Salt Roads. London: Coast Books, 2016. https://doi.org/10.5678/sr.2.\n"
            "[1] Lind, Harbour Walls, 94–97.\n[2] Ibid., 102.\n[3] Varga, Quays, 12.\n")
    split = split_text(text)
    assert [r.text[:5] for r in split.refs] == ["Lind,", "Varga", "Osei,"]
    assert sum(1 for s in split.skipped if "footnote" in s.reason) == 3


def test_pandoc_markdown_with_a_references_div():
    text = ("# Literatur {#literatur .unnumbered}\n\n::: {#refs .references .csl-bib-body .hanging-indent}\n"
            "::: {#ref-lind2019 .csl-entry}\nLind, Petra. 2019. Harbour walls. In Tomas Varga (Hrsg.), *Ports*,\n"
            "7--42. Berlin: De Gruyter. <https://doi.org/10.1234/p.7>.\n:::\n\n::: {#ref-osei2020 .csl-entry}\n"
            "Osei, Kwame. 2020. *Quays*. Kiel: Hafen Press.\n:::\n::::\n")
    assert texts(text) == ["Lind, Petra. 2019. Harbour walls. In Tomas Varga (Hrsg.), Ports, 7–42. Berlin: De Gruyter. "
                           "https://doi.org/10.1234/p.7.", "Osei, Kwame. 2020. Quays. Kiel: Hafen Press."]


def test_sources_under_each_slides_notes():
    """A talk printed as notes pages: 'Kilder:' under several slides' notes, each a short list; the slides'
    bullets between them are no references."""
    slides = []
    for k, refs in enumerate([["Lind, P. (2015). Harbour walls. Kiel: Hafen Press."],
                              ["Varga, T. (2013). Quays. Journal of Ports, 42, 18–31.",
                               "Osei, K. (2015). Piers. Coastal Studies, 69(2), 223–226."],
                              ["Tran, Q. (2017). Dykes. Delta Review, 36(1), 1–9."]], 1):
        slides.append(f"Slide title {k}\n• A point about harbours in {2010 + k}\n• Another point\n\n\n\n"
                      f"The speaker's note for this slide, which says what to tell the audience.\nKilder:\n" + "\n".join(refs)
                      + f"\n\n\n\nTemadag om havne – 14. marts 2024                    {k}\n")
    text = "\f".join(slides)
    assert [t[:5] for t in texts(text)] == ["Lind,", "Varga", "Osei,", "Tran,"]


def test_cnki_groups_numbered_from_one_again():
    """CNKI's references grouped by database, each group under '... 共N条' and numbered from [1] again, a
    group of one among them; the citing articles after them are no references of the paper."""
    text = ("参考文献\n中国学术期刊网络出版总库 共2条\n[1] 方精云,郭兆迪.中国陆地植被碳汇的估算[J].中国科学,2007,37(6):804-812.\n"
            "[2] 杨玉盛,陈光水.中国亚热带森林转换对土壤碳的影响[J].生态学报,2010,30(3):1-9.\n"
            "中国优秀硕士学位论文全文数据库 共1条\n[1] 林晓婷.不同林龄杉木人工林土壤有机碳的动态[D].福建农林大学,2021.\n"
            "国际期刊数据库 共2条\n[1] Lind P,Varga T.Harbour soils[J].Geoderma,2019,3(1):1-9.\n"
            "[2] Osei K.Quay carbon[J].Soil Biology,2020,5(2):10-19.\n"
            "引证文献\n中国学术期刊网络出版总库 共1条\n[1] 郑晓丹.杉木人工林土壤碳研究进展[J].福建林业科技,2024,51(1):1-8.\n")
    out = texts(text)
    assert len(out) == 5 and "Osei K" in out[-1]


def test_a_catalogues_short_keys_above_its_entries():
    text = ("Literatuur: Lind 1972–91, dl. 1, nr. 223; Osei 1993, p. 61.\n\nVerkort geciteerde literatuur\n"
            "Lind 1972–91\nP. Lind, Jan van Haven 1596–1656: Ein Werkverzeichnis, 4 dln., Amsterdam 1972–91.\n"
            "Osei 1993\nK. Osei, ‘Een onbekende tekening van een haven’, Oud Holland 107 (1993), pp. 57–64,\n"
            "doi:10.1234/oh.107.57.\nHofstede de Groot 1927\nC. Hofstede de Groot, Die holländische Kritik, Leipzig 1927.\n"
            "Verkort geciteerde tentoonstellingen\nWashington/Amsterdam 2018\n"
            "Harbours of the Golden Age, tent.cat. Washington (National Gallery of Art)/Amsterdam (Rijksmuseum) 2018.\n")
    out = texts(text)
    assert [t[:8] for t in out] == ["P. Lind,", "K. Osei,", "C. Hofst", "Harbours"]
    assert out[1].endswith("doi:10.1234/oh.107.57.")


def test_a_judgments_run_in_list_of_cases():
    """A judgment's cases cited, run in with semicolons after 'Applied:' / 'referred to:': each case apart,
    the labels left out; a paragraph of prose with semicolons is not cut so."""
    from refkit.parse.pieces import semicolon_run
    from refkit.parse.raw import RawReference

    line = ("Applied: R. v. Lind, 2016 SCC 27, [2016] 1 S.C.R. 631; referred to: R. v. Varga, 2017 SCC 31, "
            "[2017] 1 S.C.R. 659; R. v. Osei, [1992] 1 S.C.R. 771; Tran c. Moss, 2017 QCCA 1190.")
    out = [r.text for r in semicolon_run(RawReference(line, 1))]
    assert out == ["R. v. Lind, 2016 SCC 27, [2016] 1 S.C.R. 631.", "R. v. Varga, 2017 SCC 31, [2017] 1 S.C.R. 659.",
                   "R. v. Osei, [1992] 1 S.C.R. 771.", "Tran c. Moss, 2017 QCCA 1190."]
    prose = "Lind (2016) argues that walls matter; Varga v. the consensus (2017) disagrees, and the courts; see also 2019."
    assert [r.text for r in semicolon_run(RawReference(prose, 1))] == [prose]


def test_iso_690_bodies_in_capitals_start_references():
    """ISO 690 wrapped at a fixed width: a body's name in capitals after a finished line starts a reference."""
    refs = ["LIND, P.; VARGA, T. Uosto sienos po 2008 m. krizės. Ekonomika, 2015, t. 94, nr. 1, p. 7–24. "
            "DOI: 10.1234/ek.2015.1.",
            "LIETUVOS BANKAS. Emigrantų perlaidos ir jų poveikis namų ūkių vartojimui. Ekonomikos apžvalga. "
            "Vilnius: Lietuvos bankas, 2021, nr. 2, p. 31–42.",
            "OSEI, K. Harbour walls and their return: theory and application to Eastern Europe. The Journal of "
            "Ports, 2009, vol. 9, no. 1, art. 49.",
            "WORLD HARBOUR BANK. Migration and Remittances Factbook 2016. 3rd ed. Washington, DC: World Harbour "
            "Bank, 2016.",
            "TRAN, Q.; MOSS, Y. Dykes and deltas in the new economics of labour migration. Delta Review, 1999, "
            "vol. 37, no. 1, p. 63–88."]
    import textwrap

    text = "Literatūra\n\n" + "\n".join(textwrap.fill(r, 90) for r in refs) + "\n"
    assert [t[:8] for t in texts(text)] == ["LIND, P.", "LIETUVOS", "OSEI, K.", "WORLD HA", "TRAN, Q."]
