"""PDF layouts that used to spoil the text: superscript labels, words placed one by one, margin line
numbers, footnotes on a reference page, a running head of one page only, non-adjacent --pages.
The PDFs are written here by hand, in Courier (every glyph 0.6 em wide, so the tests know where
each word ends) and Helvetica."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pdfbuild import escape, pdf_bytes
from refkit.errors import RefkitError
from refkit.parse import parse_document
from refkit.parse.pdf import pdf_to_text

Run = tuple[float, float, str, float]  # x, y, text, size


def make_pdf(pages: list[list[Run]], font: str = "Courier") -> bytes:
    """A minimal PDF: each page a list of runs, each its own text object (WinAnsi, so Latin-1 text)."""
    # as reportlab's drawString writes it: a line feed (T*) after each run
    return pdf_bytes(["".join(f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm /F1 {size:.2f} Tf {1.2 * size:.2f} TL ({escape(t)}) Tj T* ET\n"
                              for x, y, t, size in runs).encode("latin-1") for runs in pages], font)


REFS = [
    "Walsh, P., Chen, R. & Silva, T. Labour market effects of the minimum wage. Plant Cell 74, 2275-2288 "
    "(1986). https://doi.org/10.1093/mnras/stab3035",
    "De Luca, I. & Mäkinen, J. A chromosome-level genome assembly of the common bean. Nature 36, 2374-2381 "
    "(1994). https://doi.org/10.1186/s12859-022-4049-2",
    "Abebe, W. Gateway placement under uncertainty. J. Comput. Phys. 52, 2046-2058 (1998). "
    "https://doi.org/10.1109/TMC.1998.3186230",
    "Novak, J., Tran, W. & Hashemi, G. Transcriptional regulation of drought tolerance in maize. Phys. Rev. "
    "Lett. 17, 270-284 (1985). https://doi.org/10.1016/j.jcp.1985.12.004",
    "Cohen, N. & Popescu, Y. Household consumption responses to fiscal stimulus payments. Front. Psychol. "
    "61, 760-792 (2003). https://doi.org/10.3389/fpsyg.1989.544408",
    "Brennan, T., Kowalczyk, A. M. & Nakamura, V. Search for sub-GeV dark matter with a cryogenic detector. "
    "Plant Cell 70, 567-598 (2012). https://doi.org/10.1103/PhysRevD.93.057822",
]
PROSE = ("The results in this section extend the earlier measurements and show that the method holds for a "
         "much wider range of conditions than we expected when we started this study of the effect. ") * 2


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, break_on_hyphens=False)


def _dois(doc) -> list[str]:  # noqa: ANN001
    """The DOI at the end of each reference's text, whole and with nothing glued on."""
    return [re.sub(r"\s+", "", p.raw.text).rsplit("doi.org/", 1)[-1] for p in doc.parsed]


def _want_dois(refs: list[str]) -> list[str]:
    return [r.rsplit("doi.org/", 1)[1] for r in refs]


def test_superscript_labels_are_set_apart_and_do_not_join_the_doi_before():
    """'¹' raised and smaller before the authors: '1 Walsh', and the DOI ending the reference above
    does not take the next reference's number ('stab3035' + '2')."""
    size = 8.0
    runs: list[Run] = [(50, 740, "References", 10)]
    y = 720.0
    for i, ref in enumerate(REFS, 1):
        for k, ln in enumerate(_wrap(ref, 70)):
            if k == 0:
                runs.append((50, y + 0.38 * size, str(i), 0.65 * size))
            runs.append((60, y, ln, size))
            y -= 10
        y -= 1
    text = pdf_to_text(make_pdf([runs]))
    assert "1 Walsh" in text and "2 De Luca" in text
    assert "\n\n" not in text.split("1 Walsh", 1)[1]  # the raised label makes no blank line
    doc = parse_document(make_pdf([runs]), "sup.pdf")
    assert len(doc.parsed) == len(REFS)
    for i, (p, ref) in enumerate(zip(doc.parsed, REFS, strict=True), 1):  # the label, if kept, stands apart
        assert p.raw.text.removeprefix(f"{i} ").startswith(ref[:12])
    assert _dois(doc) == _want_dois(REFS)


def test_words_placed_one_by_one_keep_their_spaces():
    """Every word its own text object and no space characters (OCR layers, browsers' Save as PDF)."""
    size = 9.0
    runs: list[Run] = [(50, 740, "References", 12)]
    y = 720.0
    for ref in REFS:
        for k, ln in enumerate(_wrap(ref, 80)):
            x = 50.0 if k == 0 else 68.0
            for word in ln.split():
                runs.append((x, y, word, size))
                x += 0.6 * size * (len(word) + 1)  # Courier: the word, then a space's width
            y -= 11
        y -= 3
    doc = parse_document(make_pdf([runs]), "words.pdf")
    assert len(doc.parsed) == len(REFS)
    assert doc.parsed[1].raw.text.startswith("De Luca, I. & Mäkinen, J. A chromosome-level genome")
    assert _dois(doc) == _want_dois(REFS)


def test_touching_runs_are_not_spaced():
    """Two runs that touch (an italic journal after a comma, a word split between fonts) stay as
    they are: a gap decides, not the characters."""
    size = 9.0
    first = "Smith, J. (2001). A title. Jour"
    runs: list[Run] = [(50, 700, first, size), (50 + 0.6 * size * len(first), 700, "nal of Tests, 3, 1-9.", size)]
    assert "Journal of Tests" in pdf_to_text(make_pdf([runs]))


def test_margin_line_numbers_are_dropped():
    """A review manuscript: every line numbered in the left margin, the numbers running on from page to
    page; the heading '7 References' must still be found and no number glued to a reference."""
    size, lead = 10.0, 20.0
    pages: list[list[Run]] = []
    no = 0
    body = [(ln, 0) for ln in _wrap(PROSE, 75)] + [("7 References", 0)]
    for i, ref in enumerate(REFS, 1):
        body += [(ln, 0 if k == 0 else 1) for k, ln in enumerate(_wrap(f"{i}. {ref}", 72))]
    for start in range(0, len(body), 20):
        page: list[Run] = []
        for row, (ln, indent) in enumerate(body[start:start + 20]):
            no += 1
            y = 720 - lead * row
            label = str(no)
            page.append((70 - 0.6 * 7 * len(label), y, label, 7.0))  # right-aligned at x=70
            page.append((90 + 18 * indent, y, ln, size))
        pages.append(page)
    doc = parse_document(make_pdf(pages), "review.pdf")
    assert doc.heading == "7 References"
    assert [p.raw.number for p in doc.parsed] == [str(i) for i in range(1, len(REFS) + 1)]
    assert _dois(doc) == _want_dois(REFS)


def test_numbered_references_in_a_column_are_not_taken_for_line_numbers():
    """Bare labels ('1 Walsh') at the left of one-line references: a column of numbers counting up,
    but next to the text, so they are kept."""
    runs: list[Run] = [(50, 740, "References", 10)]
    for i in range(1, 13):
        runs.append((50, 730 - 10 * i, str(i), 7.5))
        runs.append((62, 730 - 10 * i, f"Author{i}, A. Title number {i}. J. Tests {i}, 1-9 (20{10 + i}).", 7.5))
    text = pdf_to_text(make_pdf([runs]))
    assert "\n1 Author1," in text and "\n12 Author12," in text


def test_footnotes_on_a_reference_page_are_dropped():
    size = 9.0
    runs: list[Run] = [(50, 740, "References", 12)]
    y = 720.0
    for i, ref in enumerate(REFS, 1):
        for k, ln in enumerate(_wrap(f"[{i}] {ref}", 80)):
            runs.append((50 if k == 0 else 72, y, ln, size))
            y -= 11
    runs.append((50, 96, "4", 6.0))  # the note's marker, raised
    runs.append((56, 93, "Corresponding author. E-mail: someone@example.org. Code and data are", 8.0))
    runs.append((50, 84, "available at https://github.com/example/code (commit 4f2a9c1).", 8.0))
    runs.append((300, 40, "4", 9.0))  # the page number
    doc = parse_document(make_pdf([runs]), "notes.pdf")
    assert len(doc.parsed) == len(REFS)
    assert "Corresponding" not in doc.parsed[-1].raw.text
    assert _dois(doc) == _want_dois(REFS)


def test_a_running_head_of_one_page_only_is_dropped():
    """Even pages carry one head, odd pages another: on a three-page paper each occurs once."""
    size = 8.0
    heads = {2: "TANAKA AND DUVAL: SPECTRAL SOLVERS", 3: "IEEE INTERNET OF THINGS JOURNAL, VOL. 8, NO. 12"}
    body = [ln for ln in _wrap(PROSE * 3, 90)] + ["", "References"]
    for i, ref in enumerate(REFS, 1):
        body += [f"[{i}] {ln}" if k == 0 else "     " + ln for k, ln in enumerate(_wrap(ref, 84))]
    pages: list[list[Run]] = []
    per_page = len(body) // 3 + 1
    for p in range(3):
        page: list[Run] = []
        if p + 1 in heads:
            page.append((50 if p % 2 else 300, 760, heads[p + 1], 7.0))
        for row, ln in enumerate(body[p * per_page:(p + 1) * per_page]):
            if ln:
                page.append((50, 720 - 10 * row, ln, size))
        pages.append(page)
    doc = parse_document(make_pdf(pages), "heads.pdf")
    assert len(doc.parsed) == len(REFS)
    texts = " ".join(p.raw.text for p in doc.parsed)
    assert "SPECTRAL SOLVERS" not in texts and "INTERNET OF THINGS" not in texts
    assert _dois(doc) == _want_dois(REFS)


def test_first_line_of_a_page_is_kept_when_it_is_a_reference():
    """The top line of a page, a reference's own, on the text block's first row: not a head."""
    size = 8.0
    lines = ["References"]
    for i, ref in enumerate(REFS, 1):
        lines += [f"[{i}] {ln}" if k == 0 else "     " + ln for k, ln in enumerate(_wrap(ref, 84))]
    half = len(lines) // 2
    pages = [[(50, 720 - 10 * r, ln, size) for r, ln in enumerate(part)] for part in (lines[:half], lines[half:])]
    doc = parse_document(make_pdf(pages), "top.pdf")
    assert _dois(doc) == _want_dois(REFS)
    assert lines[half].split("] ", 1)[-1].strip() in " ".join(p.raw.text for p in doc.parsed)


def test_non_adjacent_pages_are_not_joined():
    """--pages 1,3: the reference cut off at the end of page 1 must not run on into page 3."""
    size = 8.0
    lines = ["References"]
    for i in range(1, 31):
        ref = f"A. Author{i} and B. Writer, Some title number {i}, J. Tests {i}, {i}00-{i}09 (20{10 + i % 10})."
        lines += [f"[{i}] {ln}" if k == 0 else "     " + ln for k, ln in enumerate(_wrap(ref, 50))]
    pages = [[(50, 720 - 10 * r, ln, size) for r, ln in enumerate(lines[p:p + 25])] for p in range(0, 75, 25)]
    doc = parse_document(make_pdf(pages), "gap.pdf", pages="1,3")
    assert all(p.raw.text.count("Author") == 1 for p in doc.parsed)
    assert int(doc.parsed[-1].raw.number) > 20  # page 3's references are there


NOTES = [
    "1 Karla Lind, Harbours of the North: Trade and Tide (London: Verso, 2001), 6-7.",
    "2 Yusuf Moss and Ana Berg, eds., The Invention of Quays (Cambridge: Cambridge University Press, 1983), 1-14.",
    "3 Ibid., 263.",
    "4 Tom Ruiz, \"The Work of Cranes,\" Journal of Port History 12 (1998): 217-51, 221.",
    "5 Lind, Harbours of the North, 44.",
    "6 I am grateful to the archivists of the port museum for their help with the ledgers.",
    "7 Ines Vogt, Silt and Empire: Rivers in Colonial Ports (Chicago: University of Chicago Press, 2010), 5.",
]


def test_a_paper_that_cites_only_in_footnotes_gives_its_works():
    """No reference list: the footnotes at the foot of the pages (smaller type, set apart) hold the works."""
    pages: list[list[Run]] = []
    for p in range(2):
        runs: list[Run] = [(50, 760 - 12 * k, ln, 10.0) for k, ln in enumerate(_wrap(PROSE * 2, 90))]
        for k, note in enumerate(NOTES[p * 4:(p + 1) * 4]):
            runs.append((50, 150 - 11 * k, note, 8.0))
        runs.append((300, 40, str(p + 1), 10.0))
        pages.append(runs)
    doc = parse_document(make_pdf(pages), "notes.pdf")
    assert doc.heading == "footnotes"
    names = [(p.ref.names.get("author") or p.ref.names["editor"])[0].family for p in doc.parsed]
    assert names == ["Lind", "Moss", "Ruiz", "Vogt"]
    assert any("a remark" in s.reason for s in doc.skipped) and any("ibid." in s.reason for s in doc.skipped)


def test_a_figure_set_inside_a_list_is_skipped():
    refs = [f"Author{i}, A., Other, B., 20{10 + i}. A study of harbour number {i} and its tides. J. Tests {i}, "
            f"{10 * i}-{10 * i + 9}." for i in range(1, 9)]
    lines: list[str] = ["References"]
    for r in refs:
        lines += [w if k == 0 else "   " + w for k, w in enumerate(_wrap(r, 60))]
    cut = lines.index(next(ln for ln in lines if ln.startswith("Author5"))) + 1  # Author5 is cut after its first line
    figure = ["80", "60", "Cover (%)", "2000 2005 2010", "Year", "", "Fig. 6. Trajectories of the cover classes.", ""]
    page1 = [(50, 740 - 12 * k, ln, 9.0) for k, ln in enumerate(lines[:cut])]
    page2 = [(50, 740 - 12 * k, ln, 9.0) for k, ln in enumerate(figure + lines[cut:])]
    doc = parse_document(make_pdf([page1, page2]), "fig.pdf")
    assert len(doc.parsed) == 8
    assert any("figure inside the list" in s.reason for s in doc.skipped)
    assert "Fig. 6" not in doc.parsed[4].raw.text and doc.parsed[4].ref.fields.get("page") == "50-59"


def test_a_second_list_after_the_supplement_is_read_too():
    main = [f"{i}. Lind K{i}, Moss Y. Harbour study number {i}. J Quays. 20{10 + i};{i}(1):1-9." for i in range(1, 6)]
    supp = [f"S{i}. Ruiz T{i}. Supplementary tide record {i}. Sci Data. 20{10 + i};{i}:10{i}." for i in range(1, 4)]
    body = ["References", ""] + main + ["", "Supplementary Material", "", "S1 Datasets", ""] + _wrap(PROSE * 2, 90) + \
        ["", "References for the Supplement", ""] + supp
    runs: list[Run] = [(50, 760 - 12 * k, ln, 9.0) for k, ln in enumerate(body) if ln]
    doc = parse_document(make_pdf([runs]), "two.pdf")
    assert len(doc.parsed) == 8
    assert doc.parsed[-1].raw.text.startswith("Ruiz T3")


def test_numbers_in_a_column_of_their_own():
    """'1' on its own line, the entry on the next: the numbers go with their entries, even where a
    page break would make one of them look like a page number."""
    refs = [f"Lind K{i}, Moss Y. Harbour study number {i} and its tides. J Quays 19{60 + i};{i}:1-9." for i in range(1, 8)]
    pages: list[list[Run]] = [[(50, 760, "References", 10.0)], []]
    for i, ref in enumerate(refs, 1):
        page = pages[0] if i <= 4 else pages[1]
        y = 740 - 30 * ((i - 1) % 4)
        page.append((50, y, str(i), 7.0))
        page.append((62, y - 11, ref, 9.0))
    doc = parse_document(make_pdf(pages), "numcol.pdf")
    assert [p.raw.number for p in doc.parsed] == [str(i) for i in range(1, 8)]


# PDFs a tester made with reportlab (invented papers): the counts are the lists' own
PAPERS = Path(__file__).parent / "data" / "pdf"


@pytest.mark.parametrize("name, count", [
    ("nature_methods_no_heading.pdf", 40),  # no heading; 31 at a column's foot after the Methods, 32-40 atop the next
    ("prl_no_heading.pdf", 33),  # no heading; "[22]. Several authors" opens a line of the text
    ("french_hanging_annexe.pdf", 26),  # one-line references with a few hanging lines, an Annexe after
    ("acm_three_columns.pdf", 36),  # three columns; the list starts mid-way down the second of page 2
    ("springer_affiliations_after.pdf", 30),  # "Authors and Affiliations" with numbered addresses after the list
    ("thesis_heading_footnote_mark.pdf", 41),  # "Bibliography" with a footnote mark set on it
    ("abnt_dates_after.pdf", 24),  # "Recebido em: 14/04/2023" after the list
    ("two_columns_under_text_two_lists.pdf", 32),  # a list in two columns under full-width text; a second list
    ("italian_address_after.pdf", 27),  # the author's address after the list
    ("mla_contributor_after.pdf", 20),  # "NAME is associate professor of ..." after an MLA works cited
    ("preprint_watermark_line_numbers.pdf", 45),  # a diagonal watermark on every page, line numbers in the margin
    ("russian_authors_after.pdf", 15),  # "Сведения об авторах" and the article's dates after a GOST list
    ("mla_lecturer_after.pdf", 21),  # endnotes, then Works Cited, then "NAME is Lecturer in ..."
    ("indonesian_lampiran_after.pdf", 17),  # "DAFTAR PUSTAKA", then a "LAMPIRAN" table
    ("elsevier_review_lineno_drought.pdf", 45),  # line numbers beside empty rows too; a hanging list over pages
    ("springer_chapter_platform_work_footnotes.pdf", 28),  # footnotes under a list set small; a licence block after
    ("dissertation_literaturverzeichnis_typed.pdf", 41),  # typed sub-lists; a link's date carried over a page
    ("iclr_tabular_tta_appendix_after_refs.pdf", 34),  # given-name-first entries across page breaks; "A Proof of ..."
    ("science_perovskite_refs_and_notes.pdf", 34),  # three columns, the third empty; prose notes left out (one names a tool)
    ("arxiv_rag_selfverify_flush_bib.pdf", 60),  # flush natbib entries over four pages; a "NeurIPS Paper Checklist" after
    ("tesis_es_abnt_referencias_bibliograficas.pdf", 38),  # entries a blank line apart, one running over each page's foot
    ("elsevier_twocol_refs_interrupted_by_table.pdf", 46),  # a full-width table citing "[16]" between [9] and [10]
    ("springer_vs_kapitel_literatur_vgl_fussnoten.pdf", 32),  # bodies as authors; notes 8% smaller under the list
    ("lpsc_abstract_three_refs_runin_7pt.pdf", 3),  # "References: [1] ... [2] ... [3]" run into one paragraph
    ("scanned_look_lines_random_stream_order.pdf", 25),  # lines drawn in random order; "(Received ...)" after
    ("acm_sigconf_authoryear_7pt_reference_format_box.pdf", 40),  # "A INTERVIEW GUIDE" in larger type after the list
    ("thesis_two_chapters_each_with_references.pdf", 43),  # each chapter's own "References" (24 + 19); "Paper I:" between
    ("zh_journal_gbt7714_refs_then_english_abstract.pdf", 30),  # two columns of references over a full-width abstract
    ("slides_169_refs_two_slides_then_backup.pdf", 19),  # "References (1/2)" and "(2/2)" atop two slides, backup slides after
    ("nih_r01_bibliography_references_cited_pmid_pmcid.pdf", 40),  # "BIBLIOGRAPHY & REFERENCES CITED", PMIDs and PMCIDs
    ("greek_article_vivliografia_ellinoglossi_xenoglossi.pdf", 27),  # "Βιβλιογραφία"; the English title, authors, "Abstract" after
    ("dissertation_front_list_of_publications_then_overview_refs.pdf", 30),  # "Publication I" separator page after the list
    ("ja_naika_case_bunken_ideographic_space_fullwidth_labels.pdf", 16),  # "文　献" with an ideographic space
    ("book_backmatter_notes_by_chapter_halftitle_bibliography_index.pdf", 35),  # Chicago entries under "Bibliography", "236 Bibliography" heads
    ("hu_kozgazdasagi_szemle_hivatkozasok_bracket_years_fuggelek.pdf", 31),  # "Hivatkozások", then a "Függelék"
])
def test_tester_papers(name, count):
    doc = parse_document((PAPERS / name).read_bytes(), name)
    assert len(doc.parsed) == count


def test_a_sideways_table_page_inside_the_list_is_left_out():
    doc = parse_document((PAPERS / "bmjopen_refs_interrupted_by_rotated_landscape_table.pdf").read_bytes(), "bmj.pdf")
    assert len(doc.parsed) == 55 and not any("Risk of bias" in p.raw.text for p in doc.parsed)


def test_what_follows_the_list_is_not_its_last_entry():
    doc = parse_document((PAPERS / "poster_a0_landscape_refs_box_mid_column.pdf").read_bytes(), "poster.pdf")
    assert len(doc.parsed) == 7 and "Assimilate" not in doc.parsed[-1].raw.text  # the "Outlook" box after it
    doc = parse_document((PAPERS / "working_paper_refs_justified_letterspacing_tj_offsets.pdf").read_bytes(), "wp.pdf")
    firsts = [p.raw.text.split(",")[0] for p in doc.parsed]
    assert len(doc.parsed) == 30 and "Fullerton" in firsts and not any("ISSN" in p.raw.text for p in doc.parsed)


def test_a_table_inside_a_numbered_list_is_left_out_and_the_list_goes_on():
    doc = parse_document((PAPERS / "elsevier_twocol_refs_interrupted_by_table.pdf").read_bytes(), "elsevier.pdf")
    assert [p.raw.number for p in doc.parsed] == [str(n) for n in range(1, 47)]
    assert not any("SVR Full charge" in p.raw.text for p in doc.parsed)


def test_run_in_numbered_references_and_initials_after_the_name():
    doc = parse_document((PAPERS / "lpsc_abstract_three_refs_runin_7pt.pdf").read_bytes(), "lpsc.pdf")
    firsts = [str(p.ref.names["author"][0]) for p in doc.parsed]
    assert firsts == ["Mangold, N.", "Farley, K. A.", "Bell, J. F. III"]


def test_a_paper_whose_numbered_checklist_is_no_list():
    with pytest.raises(RefkitError, match="no reference section"):
        parse_document((PAPERS / "technote_no_references.pdf").read_bytes(), "technote.pdf")


def test_a_diagonal_watermark_stays_out_of_the_references():
    doc = parse_document((PAPERS / "preprint_watermark_line_numbers.pdf").read_bytes(), "preprint.pdf")
    assert not any("peer reviewed" in p.raw.text for p in doc.parsed)
