"""Reference lists in a markup language or copied from a results page (refkit.parse.markup).

Invented entries in each real layout; none is taken from a shared file."""

from __future__ import annotations

from refkit.parse import parse_document, parse_text
from refkit.parse.markup import latex_bibliography, markdown_tables, org_markup, rst_citations
from refkit.parse.split import split_text


def test_latex_thebibliography():
    tex = ("% refs\n\\begin{thebibliography}{9}\n\n\\bibitem{lind2001}\nK.~Lind, ``{\\\"U}ber H{\\\"a}fen,''\n"
           "\\emph{Ann. Hafen}, vol.~3, pp.~1--9, 2001, doi:~\\href{https://doi.org/10.1234/ah.2001}{10.1234/ah.2001}.\n\n"
           "% \\bibitem{old} removed\n\\bibitem[Moss and Lane(2010)]{moss2010}\nY.~Moss and V.~Lane.\n"
           "\\newblock Harbour walls and quays in the {N}orth {S}ea.\n\\newblock \\emph{J. Quays}, 6:290--297, 2010. \\doi{10.5678/jq.6.290}\n"
           "\\end{thebibliography}\n")
    plain = latex_bibliography(tex)
    assert plain.count("\n") == tex.count("\n")  # line numbers kept
    assert "K. Lind, “Über Häfen,” Ann. Hafen, vol. 3, pp. 1–9, 2001, doi: 10.1234/ah.2001." in plain
    items = [p.ref.to_csl() for p in parse_text(tex)]
    assert [i.get("DOI") for i in items] == ["10.1234/ah.2001", "10.5678/jq.6.290"]
    assert items[1]["title"] == "Harbour walls and quays in the North Sea" and items[0]["author"][0]["family"] == "Lind"


def test_restructuredtext_citations_and_directives():
    rst = ("==========\nReferences\n==========\n\n.. [Lind2020] Lind, K., *et al.* Harbour arrays.\n"
           "   *Nature* **585**, 357–362 (2020).\n   https://doi.org/10.1234/n.2020\n\n"
           ".. [Moss] Moss, Y. (2017). Quays: labelled arrays. *J. Open Harbours*, 5(1), 10.\n\n"
           ".. note::\n\n   The old mirror is deprecated; always cite the DOI.\n")
    plain = rst_citations(rst)
    assert "Lind, K., et al. Harbour arrays. Nature 585, 357–362 (2020). https://doi.org/10.1234/n.2020" in plain
    assert "deprecated" not in plain and "=====" not in plain
    assert len(split_text(rst).refs) == 2


def test_numpydoc_references_in_several_docstrings():
    """A module whose docstrings each carry a numpydoc "References" section, numbered from [1] again: all
    citations count, the code and the parameters between them do not."""
    def doc(name: str, cites: list[str]) -> str:
        body = "".join(f"    .. [{k}] {c}\n" for k, c in enumerate(cites, 1))
        return (f"def {name}(x, fs=1.0):\n    \"\"\"Estimate something of x.\n\n    Parameters\n    ----------\n"
                f"    x : array_like\n        The signal, see [1]_ (2019 data).\n\n    References\n    ----------\n{body}"
                f"    \"\"\"\n    x = np.asarray(x, dtype=float)\n    n = len(x)\n    return x / n\n\n\n")
    src = "import numpy as np\n\n\n" + doc("quay", [
        "K. Lind, \"Harbour walls and quays in the North Sea,\" Ann. Hafen,\n           vol. 3, pp. 1-9, 2001. "
        ":doi:`10.1234/ah.2001`",
        "Y. Moss, *Tides of the Baltic*. Cambridge Univ. Press, 2017."]) + doc("pier", [
        "Harbour Board of the North Sea Ports and the Baltic Federation, \"Pier standards,\"\n"
        "           Port Eng., vol. 7, no. 2, pp. 40-52, 2011. :doi:`10.5678/pe.7.40`",
        "V. Lane and K. Lind, \"Tide tables,\" J. Open Harbours, vol. 5, p. 10, 2018."])
    items = [p.ref.to_csl() for p in parse_text(src)]
    assert [i.get("DOI") for i in items] == ["10.1234/ah.2001", None, "10.5678/pe.7.40", None]
    assert items[0]["title"] == "Harbour walls and quays in the North Sea" and items[0]["page"] == "1-9"
    assert items[2]["author"] == [{"literal": "Harbour Board of the North Sea Ports and the Baltic Federation"}]
    assert items[2]["title"] == "Pier standards"


def test_org_mode_links_and_italics():
    org = ("#+TITLE: Reading\n* References\n- ISO 9001:2015, /Quality management systems/, Geneva, 2015.\n"
           "- K. Lind, \"Port RFC\", 2018, doi: [[https://doi.org/10.1234/rfc.1][10.1234/rfc.1]].\n")
    plain = org_markup(org)
    assert "/Quality" not in plain and "Quality management systems" in plain
    assert "doi: https://doi.org/10.1234/rfc.1." in plain and "#+TITLE" not in plain
    assert [p.ref.fields.get("DOI") for p in parse_text(org)] == [None, "10.1234/rfc.1"]


def test_markdown_table_rows_are_references():
    md = ("# harbour-papers\n\n| Title | Authors | Venue | Year | DOI |\n|---|---|---|---|---|\n"
          "| Quay walls at scale | Lind, Moss | ICPE | 2019 | [10.1234/q.1](https://doi.org/10.1234/q.1) |\n"
          "| Tides and silt | Berg et al. | J. Tides 4(2) | 2021 | — |\n")
    assert "- Lind, Moss. (2019). Quay walls at scale. ICPE. https://doi.org/10.1234/q.1." in markdown_tables(md)
    items = [p.ref.to_csl() for p in parse_text(md)]
    assert len(items) == 2 and items[0]["DOI"] == "10.1234/q.1" and items[1]["title"] == "Tides and silt"


def test_scholar_and_semantic_scholar_result_pages():
    gs = ("[PDF] example.org\nQuay walls at scale\nK Lind, Y Moss - Journal of Quays, 2019 - example.org\n"
          "We study quay walls. Long snippet text that runs on …\nSave Cite Cited by 87 Related articles All 4 versions\n"
          "[BOOK] Tides and silt\nA Berg - 2016 - books.example.com\nAn introduction to tides …\n"
          "Save Cite Cited by 12 Related articles All 2 versions\n")
    items = [p.ref.to_csl() for p in parse_text(gs)]
    assert [i["title"] for i in items] == ["Quay walls at scale", "Tides and silt"]
    assert items[0]["issued"] == {"date-parts": [[2019]]}
    s2 = ("Quay walls at scale\nKaren Lind, Yusuf Moss, +3 authors Ana Berg\nEngineering\nJournal of Quays\n"
          "12 June 2019\nTLDR\nA summary sentence.\nExpand\n1,234\nPDF\nTides and silt\nAna Berg, Tom Ruiz\n"
          "Geology\nTide Review\n2016\nTLDR\nAnother summary.\nExpand\n12\nPDF\nSilt in rivers\nTom Ruiz\n"
          "Geology\nRiver Letters\n2018\nTLDR\nThird.\nExpand\n5\n")
    items = [p.ref.to_csl() for p in parse_text(s2)]
    assert [i["title"] for i in items] == ["Quay walls at scale", "Tides and silt", "Silt in rivers"]
    assert items[0]["author"][0]["family"] == "Lind"


def test_mail_and_chat_around_references():
    mail = ("From: Ana Berg <a.berg@example.org>\nSent: Thursday, 7 March 2024 16:48\nTo: Tom Ruiz <t@example.org>\n"
            "Subject: refs\n\nHi Tom,\n\nHere are the refs you asked for:\n\n"
            "Lind, K. (1986). Harbour walls. Journal of Quays, 51(6), 1173–1182. https://doi.org/10.1234/jq.51.1173\n\n"
            "For the tide bit I'd cite both Moss papers from 2000:\n"
            "Moss, Y. (2000). Tides. Silt Review, 11(4), 227–268. https://doi.org/10.1234/sr.11.227\n"
            "Moss, Y. (2000). Quays. Port Studies, 55(1), 68–78. https://doi.org/10.1234/ps.55.68\n\n"
            "Let me know if you need the PDFs.\n\nCheers,\nAna\n\n--\nDr Ana Berg | Lecturer\n")
    split = split_text(mail)
    assert [r.text[:8] for r in split.refs] == ["Lind, K.", "Moss, Y.", "Moss, Y."]
    chat = ("Ana Berg  10:42 AM\nhey @Tom here are the refs :point_down:\n"
            "• Lind K, et al. Harbour walls. Quays. 2013;29(1):15-21. doi:10.1234/q.29.15\n(edited)\n:+1: 2\n\n"
            "Ana Berg  10:52 AM\nyes good catch - Moss Y, Ruiz T. Tides and silt. Nat Ports. 2016;34(5):525-7.\n"
            "3 replies Last reply today at 11:03 AM\n")
    split = split_text(chat)
    assert [r.text[:7] for r in split.refs] == ["Lind K,", "Moss Y,"]


def test_springer_links_printed_with_spaces():
    text = ("References\n1. Lind K, Moss Y. Harbour walls. N Engl J Quays. 2020;382(8):727–33. "
            "https:// doi. org/ 10. 1056/ NEJMo a2001 017.\n"
            "2. Ruiz T. Silt. Lancet Ports. 2020;395:497–506. https:// doi. org/ 10. 1016/ S0140- 6736(20) 30183-5.\n")
    assert [p.ref.fields["DOI"] for p in parse_text(text)] == ["10.1056/NEJMoa2001017", "10.1016/S0140-6736(20)30183-5"]


def test_chapter_lists_numbered_again_and_numbers_inside_a_line():
    text = ("Chapter 1. Tides\n\nReferences\n\n1. Lind K. Walls. J Quays. 1972;34(2):187-220. doi:10.1234/jq.1972\n"
            "2. Moss Y. Silt. J Quays. 1979;7(1):1-26. doi:10.1234/aos/1176344552\n\n"
            "Chapter 2. Ports and ensembles\n\nReferences\n\n1. Ruiz T. Cranes. Port Rev. 1996;58(1):267-288.\n"
            "2. Vogt I. Docks. Port Rev. 2005;67(2):301-320.\n")
    split = split_text(text)
    assert [r.text[:6] for r in split.refs] == ["Lind K", "Moss Y", "Ruiz T", "Vogt I"]
    assert split.refs[1].text.endswith("1176344552")
    viewer = ("References\n1. Lind, K. Walls. Nature 521,\n436–444 (2015).\n2. Moss, Y. Principles of silt.\n"
              "Science 181, 223–230 (1973). 3. Ruiz, T., Berg, A. &\nVogt, I. Cranes. Proc. IEEE 86, 2278–2324 (1998).\n"
              "Nature Ports | Volume 20 | April 2023 | 512–521 512\n4. Kerr, P. Docks. Port Rev. 9, 1–9 (1997).\n"
              "5. Vogt, I. et al. Quays of the north. Port Rev. 12, 3–9 (2001).\n6. Berg, A. Locks.\nPort Rev. 14, 1–2 (2003).\n"
              "7. Holm, J. Piers. Port Rev. 15, 4–8 (2004).\n")
    split = split_text(viewer)
    assert [r.text[:8] for r in split.refs] == ["Lind, K.", "Moss, Y.", "Ruiz, T.", "Kerr, P.", "Vogt, I.", "Berg, A.",
                                                "Holm, J."]
    assert all("Volume 20" not in r.text for r in split.refs)


def test_an_oscola_bibliography_with_tables_of_cases_and_legislation():
    text = ("BIBLIOGRAPHY\n\nTable of Cases\n\nCourt of Justice of the European Union\n"
            "Case 26/62 Van Gend en Loos v Netherlands Inland Revenue Administration [1963] ECR 1, ECLI:EU:C:1963:1\n"
            "Case 6/64 Costa v ENEL [1964] ECR 585, ECLI:EU:C:1964:66\n\nUnited Kingdom\n"
            "Donoghue v Stevenson [1932] AC 562 (HL)\n\nTable of Legislation\n\nData Protection Act 2018, c 12\n\n"
            "Secondary Sources\n\nLind K, 'Harbour Law' (2017) 7 International Port Law 76 <https://doi.org/10.1234/ipl/ipx005>\n"
            "Moss Y, 'The Right to Quays' (1890) 4 Harbour Law Review 193 <https://doi.org/10.2307/1321160>\n")
    split = split_text(text)
    assert len(split.refs) == 6 and split.refs[-1].text.startswith("Moss Y")
    assert any(s.text == "Court of Justice of the European Union" for s in split.skipped)


def test_asciidoc_bibliography_attributes_anchors_links_and_comments():
    adoc = (":doi: https://doi.org/\n:icons: font\n\n// editors: keep it sorted\n\nNOTE: Internal copies are on the drive.\n\n"
            "[bibliography]\n== Harbours\n\n"
            "* [[[lind-quays,Lind 2012]]] Karin Lind. _Quays twelve years later_.\n"
            "Harbour Review 45(2):23–29, 2012. {doi}10.1234/hr.2012.37[doi:10.1234/hr.2012.37]\n"
            "* [[[moss]]] Yara Moss and Vic Lane. _Tidal walls_. In Proc. SOSQ '07, pp. 205–220, 2007. "
            "https://doi.org/10.1234/sosq.2007.9[DOI]\n"
            "* [[[osei]]] Kofi Osei. _Mooring lines_. https://example.org/moor[example.org/moor]. Accessed 2024-03-02.\n\n"
            "****\n*Why no buoys?* They are out of scope here.\n****\n\n"
            "////\nTODO add the 2001 survey\n////\n")
    items = [p.ref.to_csl() for p in parse_text(adoc)]
    assert [i.get("DOI") for i in items] == ["10.1234/hr.2012.37", "10.1234/sosq.2007.9", None]
    assert items[0]["title"] == "Quays twelve years later" and items[2].get("URL") == "https://example.org/moor"


def test_sphinx_doi_role_and_a_tool_name_opening_the_title():
    rst = (".. [Lind2007] Lind, K. D. Quaymap: A 2D harbour environment.\n"
           "   *Harbour Science* **9**\\ (3), 90–95 (2007).\n   :doi:`10.1234/HS.2007.55`\n\n"
           ".. [Moss2017] Moss, Y. & Lane, V. tidex: labelled tide tables in Python.\n"
           "   *J. Open Harbours* **5**\\ (1), 10 (2017). :doi:`10.1234/joh.148`\n")
    items = [p.ref.to_csl() for p in parse_text(rst)]
    assert [i.get("DOI") for i in items] == ["10.1234/HS.2007.55", "10.1234/joh.148"]
    assert [i["title"] for i in items] == ["Quaymap: A 2D harbour environment", "tidex: labelled tide tables in Python"]
    assert [a["family"] for a in items[1]["author"]] == ["Moss", "Lane"]


def test_google_scholar_my_library_table():
    text = ("My library\n\t\nMy updates\nLabels\nharbours\nTitle\tCited by\tYear\n"
            "Denoising harbour walls\nK Lind, Y Moss, V Lane\nAdvances in quay systems 33, 6840-6851\t18452\t2020\n"
            "Tidal guidance\nK Osei, T Lane\narXiv preprint arXiv:2207.12598\t3904 *\t2022\n"
            "Lecture notes on moorings (draft)\nS Ermon\n\t\nShow more\nArticles 1–3\n")
    parsed = parse_text(text)
    assert len(parsed) == 3
    first, second = (p.ref.to_csl() for p in parsed[:2])
    assert first["title"] == "Denoising harbour walls" and [a["family"] for a in first["author"]] == ["Lind", "Moss", "Lane"]
    assert first["issued"]["date-parts"][0][0] == 2020 and [a["family"] for a in second["author"]] == ["Osei", "Lane"]
    assert parsed[2].ref.to_csl()["author"][0]["family"] == "Ermon"


def test_latex_left_in_a_printed_alpha_bibliography():
    text = ("Bibliography\n\n[{\\AA}L21] K.~J. {\\AA}str{\\\"o}m and R.~M. Lind. \\emph{Harbour Systems: An\n"
            "  Introduction for Engineers}. Quay University Press, Princeton, NJ, 2nd edition, 2021.\n\n"
            "[BMO{\\etalchar{+}}11] S.~Bo{\\c{t}}, N.~Moss, and E.~Osei. Tidal splitting.\n"
            "  \\emph{Quay Algorithms}, 86:1303--1325, 2011. \\doi{10.1234/qa.2011\\_10}.\n\n"
            "[V{\\~u}13] B.~C. V{\\~u}. A splitting algorithm for moorings. \\emph{Advances in Harbours},\n"
            "  38(3):667--681, 2013. \\doi{10.1234/ah.9254-8}.\n")
    parsed = parse_text(text)
    assert [p.raw.number for p in parsed] == ["ÅL21", "BMO+11", "Vũ13"]
    items = [p.ref.to_csl() for p in parsed]
    assert items[0]["author"][0]["family"] == "Åström" and items[0]["title"].endswith("Introduction for Engineers")
    assert [i.get("DOI") for i in items] == [None, "10.1234/qa.2011_10", "10.1234/ah.9254-8"]
    assert items[1]["page"] == "1303-1325" and items[1]["author"][0]["family"] == "Boţ"


def test_an_awesome_list_notes_badges_emoji_and_contributors():
    md = ("# Awesome Harbours [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## Contents\n"
          "- [Walls](#walls)\n  - [Quays](#quays)\n\n## Walls\n\n"
          "- :star: **A compact review of harbour walls** — Lind, K., Moss, Y. *Quay Today* 37, 1–12 (2020). "
          "[[paper]](https://doi.org/10.1234/qt.2020.11)\n"
          "- Osei, K. (2022). **Tidal walls.** *Harbour Materials* 3, 93. "
          "[![DOI](https://img.shields.io/badge/DOI-10.1234%2Fhm--3-blue)](https://doi.org/10.1234/hm.3.93) :fire:\n"
          "  - Companion repo: https://github.com/example/tidal\n  - v2 rewrite released 2024, not compatible\n"
          "  - see also the follow-up: Lane, V. et al. Quays at scale. *Harbour Methods* 19, 41–50 (2022).\n\n"
          "## Contributors\n\n- [@lena](https://github.com/lena) 💻 📖\n- [@kofi-o](https://github.com/kofi-o) 📖\n")
    items = [p.ref.to_csl() for p in parse_text(md)]
    assert [i.get("DOI") for i in items] == ["10.1234/qt.2020.11", "10.1234/hm.3.93", None]
    assert items[2]["author"][0]["family"] == "Lane" and "star" not in items[0]["title"]


def test_mediawiki_source_citation_templates():
    """A wiki page's source: templates are read as the data they are, a work cited again by name once,
    a plain <ref> parsed as text, a note without a work skipped; short cites and navboxes are no works."""
    wiki = ("'''Quay''' is a harbour wall.<ref name=\"Lind2011\">{{cite journal |last1=Lind |first1=Petra |last2=Varga "
            "|first2=Tomas |year=2011 |title=Harbour walls: A review |journal=[[Journal of Ports]] |volume=7 |issue=2 "
            "|pages=12–30 |doi=10.1234/jp.2011.7}}</ref> Quays are old.<ref name=\"Lind2011\" />{{sfn|Moss|2017|p=4}}\n"
            "They are made of stone.<ref>Osei, K. (2019). ''Stone in harbours''. Kiel: Hafenverlag. {{doi|10.5678/sh.19}}</ref>"
            "<ref>Not all of them.</ref>\n== References ==\n{{reflist}}\n=== Sources ===\n"
            "* {{cite book |last=Moss |first=Yara |year=2017 |chapter=Quays |title=Harbours of the North |editor-last1=Tran "
            "|editor-first1=Quoc |publisher=Hafenverlag |location=Kiel |isbn=978-3-16-148410-0}}\n"
            "{{Harbours navbox}}\n[[Category:Harbours]]\n")
    items = [p.ref.to_csl() for p in parse_text(wiki)]
    assert len(items) == 3
    a, b, c = items
    assert (a["type"], a["title"], a["container-title"], a["page"], a["DOI"]) == (
        "article-journal", "Harbour walls: A review", "Journal of Ports", "12-30", "10.1234/jp.2011.7")
    assert [x["family"] for x in a["author"]] == ["Lind", "Varga"] and a["issued"] == {"date-parts": [[2011]]}
    assert b["DOI"] == "10.5678/sh.19" and b["author"][0]["family"] == "Osei"
    assert (c["type"], c["title"], c["container-title"], c["editor"][0]["family"]) == (
        "chapter", "Quays", "Harbours of the North", "Tran")


def test_roxygen_references_in_an_r_file():
    src = ("#' Harbour walls\n#'\n#' @param x A vector.\n#' @references\n"
           "#' Lind, P. and Varga, T. (2012). Optimal detection of walls. \\emph{Journal of the\n"
           "#' Harbour Society}, \\bold{107}(500), 1590--1598.\n#' \\doi{10.1234/jhs.2012.7}\n#'\n"
           "#' Osei, K. (2005). Quays. \\emph{Coastal Letters}, \\bold{12}(2), 105--108.\n#' @export\n"
           "walls <- function(x) {\n  # see Lind and Varga (2012), eq. 3.1\n  x\n}\n\n"
           "#' @references \\itemize{\n#'   \\item Tran, Q. (2004). Dykes. \\emph{Delta}, 5(4), 557--572.\n"
           "#'   \\item Moss, Y. (2007). Piers. \\emph{Ports}, 63(1), 22--32. \\doi{10.5678/p.63}\n#' }\n#' @export\n"
           "piers <- function(y) y\n")
    items = [p.ref.to_csl() for p in parse_text(src)]
    assert [i["author"][0]["family"] for i in items] == ["Lind", "Osei", "Tran", "Moss"]
    assert items[0]["container-title"] == "Journal of the Harbour Society" and items[0]["page"] == "1590-1598"
    assert [i.get("DOI") for i in items] == ["10.1234/jhs.2012.7", None, None, "10.5678/p.63"]


def test_a_logseq_page():
    """Properties, a query, headings and notes nested under a reference go; task markers come off the
    references; a reference's DOI given as a property stays with it."""
    page = ("title:: Harbour walls\ntags:: [[ports]], [[reading-list]]\n\n- Scope: walls and quays, see [[Methods]]\n"
            "- {{query (and (task LATER NOW) [[reading-list]])}}\n- ## Core papers\n"
            "\t- LATER Lind, P., & Varga, T. (2019). Harbour walls. *Journal of Ports*, *3*(1), 1–9.\n"
            "\t  id:: 65e5f2a1-3c4b-4d8e-9f10-1a2b3c4d5e6f\n\t  doi:: 10.1234/jp.2019.3\n"
            "\t\t- key idea: walls are old, see Osei 2020 below\n"
            "\t- DONE Osei, K. (2020). Quays and piers. *Coastal Studies*, *5*(2), 10–19. https://doi.org/10.5678/cs.5\n"
            "\t  :LOGBOOK:\n\t  CLOCK: [2024-03-04 Mon 10:00]--[2024-03-04 Mon 11:00] =>  01:00:00\n\t  :END:\n"
            "\t- Tran, Q. (2018). Dykes and deltas. *Delta Review*, *8*(1), 1–9.\n"
            "\t- TODO find the paper Kai mentioned\n")
    items = [p.ref.to_csl() for p in parse_text(page)]
    assert [i["author"][0]["family"] for i in items] == ["Lind", "Osei", "Tran"]
    assert [i.get("DOI") for i in items] == ["10.1234/jp.2019.3", "10.5678/cs.5", None]


def test_a_jupyter_notebook_and_libreoffice_labels():
    import json

    nb = {"nbformat": 4, "cells": [
        {"cell_type": "markdown", "source": ["# Harbour data\n", "We use the walls of [1].\n"]},
        {"cell_type": "code", "source": ["df = load('walls_2019.csv')  # Lind 2019\n"], "outputs": []},
        {"cell_type": "markdown", "source": ["## References\n", "\n",
                                              "1. Lind, P. (2019). Harbour walls. *Journal of Ports*, 3(1), 1–9. "
                                              "https://doi.org/10.1234/jp.3.1\n",
                                              "2. Osei, K. (2020). Quays. *Coastal Studies*, 5(2), 10–19.\n"]}]}
    items = [p.ref.to_csl() for p in parse_document(json.dumps(nb, indent=1), "walls.ipynb").parsed]
    assert [i["author"][0]["family"] for i in items] == ["Lind", "Osei"] and items[0]["DOI"] == "10.1234/jp.3.1"
    text = ("Kasutatud kirjandus\n\n[Lind2019]: Lind, P.; Varga, T., Harbour walls, Journal of Ports, 3, 1, 1-9, 2019, \n"
            "[Keskkonnaagentuur2023]: Keskkonnaagentuur, Metsakahjustuste seire aruanne 2022, , , , 2023, \n"
            "[Osei2020]: Osei, K., Quays, Coastal Studies, 5, 2, 10-19, 2020, https://doi.org/10.5678/cs.5\n")
    refs = split_text(text).refs
    assert [r.number for r in refs] == ["Lind2019", "Keskkonnaagentuur2023", "Osei2020"]
    assert refs[2].text.startswith("Osei, K., Quays")


def test_a_reading_list_csv_and_an_api_json():
    """Records with named fields are read by their names: a reading list's CSV (its note rows skipped, a quoted
    cell with a comma and doubled quotes), OpenAlex's works."""
    import json

    csv_text = ('Item Link,Type,Title,Authors,Edition,Publisher,Date,ISBN,Journal Title,Volume,Issue,Start Page,End Page,DOI\r\n'
                ',Paragraph,Read two items before the first seminar.,,,,,,,,,,,\r\n'
                'https://rl.example/1,Book,"Harbours, walls and ""quays""","Lind, Petra; Varga, Tomas",2nd,Hafen Press,2019,'
                '9781786834713,,,,,,\r\n'
                'https://rl.example/2,Article,Piers of the North,"Osei, Kwame",,,2008,,Journal of Ports,11,6,691,702,'
                '10.1080/13670050802149259\r\n')
    items = [p.ref.to_csl() for p in parse_document(csv_text, "list.csv").parsed]
    assert [i["title"] for i in items] == ['Harbours, walls and "quays"', "Piers of the North"]
    assert (items[0]["type"], items[0]["edition"], items[0]["ISBN"], [a["family"] for a in items[0]["author"]]) == (
        "book", "2", "9781786834713", ["Lind", "Varga"])
    assert (items[1]["type"], items[1]["page"], items[1]["DOI"], items[1]["container-title"]) == (
        "article-journal", "691-702", "10.1080/13670050802149259", "Journal of Ports")
    works = {"meta": {"count": 2}, "results": [
        {"id": "https://openalex.org/W1", "doi": "https://doi.org/10.1234/jp.3.1", "display_name": "Harbour walls",
         "publication_year": 2021, "type": "article", "type_crossref": "journal-article",
         "authorships": [{"author": {"display_name": "Petra Lind"}}, {"author": {"display_name": "Tomas Varga"}}],
         "primary_location": {"source": {"display_name": "Journal of Ports"}},
         "biblio": {"volume": "3", "issue": "1", "first_page": "1", "last_page": "9"}},
        {"id": "https://openalex.org/W2", "doi": None, "display_name": "Quays", "publication_year": 2020,
         "authorships": [], "primary_location": None, "biblio": {}}]}
    items = [p.ref.to_csl() for p in parse_document(json.dumps(works), "works.json").parsed]
    assert (items[0]["DOI"], items[0]["page"], items[0]["author"][1]) == ("10.1234/jp.3.1", "1-9",
                                                                         {"family": "Varga", "given": "Tomas"})
    assert items[1]["title"] == "Quays" and "author" not in items[1]


def test_a_biber_bbl_file():
    bbl = ("% $ biblatex bbl format version 3.2 $\n\\refsection{0}\n  \\datalist[entry]{nyt/global//global/global}\n"
           "    \\entry{lind2019}{article}{}\n      \\name{author}{2}{}{%\n"
           "        {{hash=3d43}{%\n           family={Lind},\n           familyi={L\\bibinitperiod},\n"
           "           given={Petra\\bibinitdelim M.},\n           giveni={P\\bibinitperiod}}}%\n"
           "        {{hash=4edf}{%\n           family={Berg},\n           prefix={van\\bibnamedelima der},\n"
           "           given={Anna}}}%\n      }\n      \\strng{namehash}{ef54}\n      \\field{sortinit}{L}\n"
           "      \\field{journaltitle}{Journal of Ports}\n      \\field{title}{Harbour walls}\n      \\field{volume}{48}\n"
           "      \\field{year}{2019}\n      \\field{pages}{1687\\bibrangedash 1690}\n      \\verb{doi}\n"
           "      \\verb 10.1103/PhysRevA.48.1687\n      \\endverb\n    \\endentry\n"
           "    \\entry{osei2020}{book}{}\n      \\name{author}{1}{}{%\n        {{hash=e31a}{%\n"
           "           family={Osei},\n           given={Kwame}}}%\n      }\n      \\list{publisher}{1}{%\n"
           "        {Hafen Press}%\n      }\n      \\field{title}{Quays}\n      \\field{year}{2020}\n"
           "      \\verb{url}\n      \\verb https://doi.org/10.5678/q.1\n      \\endverb\n    \\endentry\n"
           "  \\enddatalist\n\\endrefsection\n")
    items = [p.ref.to_csl() for p in parse_document(bbl, "paper.bbl").parsed]
    assert len(items) == 2
    a, b = items
    assert (a["title"], a["container-title"], a["page"], a["DOI"]) == ("Harbour walls", "Journal of Ports", "1687-1690",
                                                                       "10.1103/PhysRevA.48.1687")
    assert a["author"][0] == {"family": "Lind", "given": "Petra M."} and a["author"][1]["family"] == "Berg"
    assert (b["type"], b["publisher"], b["DOI"]) == ("book", "Hafen Press", "10.5678/q.1")


def test_typst_source():
    src = ('// ====\n//  Thesis\n// ====\n#import "template.typ": thesis\n#show: thesis.with(year: "2024")\n\n'
           '= Conclusions <conclusions>\nWalls matter [1].\n\n#heading(numbering: none)[Bibliography]\n'
           '#set par(hanging-indent: 1.2em)\n\n#enum(\n  numbering: "[1]",\n'
           '  [P. Lind and T. Varga, «Harbour walls», _Journal of Ports_, vol. 3, pp. 1–9, 2019.\n'
           '   #link("https://doi.org/10.1234/jp.3.1")],\n'
           '  [K. Osei, _Quays of the North_. Kiel: Hafen Press, 2020.],\n)\n\n'
           '/* left out for now:\n  [Q. Tran, «Dykes», _Delta_, vol. 1, 1961.],\n*/\n\n'
           '- Y. Moss, «Piers online», 2024. Available: #link("https://example.org/piers")\n\n'
           '#figure(\n  table(columns: 2, [*a*], [*b*]),\n  caption: [Parameters.],\n)\n')
    items = [p.ref.to_csl() for p in parse_text(src)]
    assert [i["author"][0]["family"] for i in items] == ["Lind", "Osei", "Moss"]
    assert items[0]["DOI"] == "10.1234/jp.3.1" and items[0]["container-title"] == "Journal of Ports"
    assert items[2]["URL"] == "https://example.org/piers"
