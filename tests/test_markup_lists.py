"""Reference lists in a markup language or copied from a results page (refkit.parse.markup).

Invented entries in each real layout; none is taken from a shared file."""

from __future__ import annotations

from refkit.parse import parse_text
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
