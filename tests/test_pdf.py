"""PDF input: small PDFs made here (one and two columns, numbered and author-year lists over page
breaks, running heads, footers and page numbers), the real papers in ../shared/realworld/pdf with
their reference counts, and the PDFs refkit must refuse with one clear error."""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from pdfbuild import escape, pdf_bytes
from refkit.cli import cli
from refkit.errors import InputError
from refkit.parse import parse_document
from refkit.parse.pdf import is_pdf, parse_pages, pdf_to_text

# ../shared as in conftest.py; REFKIT_SHARED points elsewhere (e.g. when run from a git worktree)
SHARED = Path(os.environ.get("REFKIT_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
REAL = SHARED / "realworld" / "pdf"


def make_pdf(pages: list[list[tuple[float, float, str]]], size: float = 9.0, width: int = 612,
             height: int = 792) -> bytes:
    """A minimal PDF: each page a list of (x, y, text) lines in Helvetica (WinAnsi, so Latin-1 text)."""
    streams = ["".join(f"BT /F1 {size} Tf 1 0 0 1 {x:.1f} {y:.1f} Tm ({escape(t)}) Tj ET\n" for x, y, t in lines)
               .encode("latin-1") for lines in pages]
    return pdf_bytes(streams, "Helvetica", width, height)


PROSE = ("The results in this section extend the earlier measurements and show that the method holds "
         "for a much wider range of conditions than we had expected when we started the study. ") * 3

NUMBERED = [
    "A. Kowalczyk and B. Ferreira, Adaptive sampling for sparse sensor networks, IEEE Trans. Mobile "
    "Comput. 20, 1201 (2021), doi:10.1109/TMC.2021.3056789.",
    "H. Lindqvist, A survey of energy harvesting protocols, ACM Comput. Surv. 53, 1 (2020).",
    "R. Okonkwo, T. Weiss, and L. Marchetti, Low-power routing in dense deployments, in Proc. "
    "INFOCOM (2019) pp. 88-96.",
    "S. Brandt, Numerical Methods for Wave Propagation, 2nd ed. (Springer, Berlin, 2018).",
    "M. Tanaka and P. Duval, Spectral solvers for stiff systems, J. Comput. Phys. 384, 1 (2019).",
    "Y. Haddad, Federated learning at the edge, arXiv:2103.04512 [cs.LG].",
    "C. Nwosu, D. Petrov, and E. Garcia-Molina, Measuring link quality with commodity radios, IEEE "
    "Sensors J. 18, 3720 (2018).",
    "K. Abe, Clock drift compensation in low-cost nodes, Sensors 19, 4981 (2019).",
    "L. Schmidt and J. Novak, Energy-aware scheduling, in Proc. SenSys (2017) pp. 14-27.",
    "V. Iyer, Opportunistic forwarding in sparse networks, Ph.D. thesis, University of Washington (2016).",
    "N. Haugen, Gateway placement under uncertainty, Comput. Netw. 170, 107109 (2020).",
    "Q. Zhou and O. Adeyemi, Trace-driven evaluation of MAC protocols, IEEE/ACM Trans. Netw. 27, 2011 (2019).",
    "T. Eriksen, First-year results of a campus testbed, in Proc. EWSN (2020) pp. 200-205.",
    "U. Farouk and W. Lee, Scalable localisation with ultra-wideband, IEEE Internet Things J. 8, 5522 (2021).",
]

AUTHOR_YEAR = [
    "Abernathy, K. L., & Osei, P. (2019). Reading comprehension in undergraduates: A longitudinal "
    "study. Journal of Educational Psychology, 111(4), 612-629. https://doi.org/10.1037/edu0000301",
    "Baptiste, M. (Ed.). (2016). Handbook of classroom assessment (2nd ed.). Routledge.",
    "Chen, L., Varga, Z., & Moreau, S. (2021). Peer feedback and self-regulated learning in online "
    "courses. Computers & Education, 168, 104213.",
    "Dabrowski, E. (2015). Motivation and persistence. In R. Hale & T. Ng (Eds.), Student success in "
    "higher education (pp. 45-67). Jossey-Bass.",
    "Eklund, J., & Farah, N. (2020). Teacher expectations revisited. Educational Researcher, 49(2), 101-110.",
    "Fitzgerald, R. (2018). Thinking about thinking: Metacognition in schools. Oxford University Press.",
    "Gonzalez, A. M. (2022). Long-term effects of early tutoring (Working Paper No. 14). Center for "
    "Education Policy.",
    "Haddad, S., & Kim, J. (2017). Well-being of first-generation students. Journal of College Student "
    "Development, 58(6), 880-897.",
    "Ivanova, T. (2019). Feedback literacy. Assessment & Evaluation in Higher Education, 44(5), 763-776.",
    "Jensen, B., Lund, M., & Okafor, C. (2014). School climate and achievement: A meta-analysis. Review "
    "of Educational Research, 84(3), 301-339.",
    "Kahneman, D. (2011). Thinking, fast and slow. Farrar, Straus and Giroux.",
    "Lorenz, K., & Whitfield-Jones, A. (2013). Data-driven instruction in small rural schools: A case "
    "study. Rural Educator, 34(2), 1-12.",
    "Mbeki, T. (Ed.). (2008). The state of education in Africa. HSRC Press.",
]


def _layout(refs: list[str], *, columns: int, numbered: bool, head: str = "Journal of Tests 12 (2024)",
            heading: str = "References", lines_per_col: int = 14) -> list[list[tuple[float, float, str]]]:
    """Prose, a heading, then the references wrapped into columns and pages; a running head and a
    page number on every page."""
    chars = 48 if columns == 2 else 95
    col_x = [50.0, 320.0] if columns == 2 else [60.0]
    body: list[tuple[str, int]] = [(ln, 0) for ln in textwrap.wrap(PROSE, chars)] + [("", 0), (heading, 0)]
    for i, ref in enumerate(refs, 1):
        text = f"[{i}] {ref}" if numbered else ref
        for k, ln in enumerate(textwrap.wrap(text, chars - 2)):
            body.append((ln, 0 if k == 0 else 1))
    pages: list[list[tuple[float, float, str]]] = []
    slots = lines_per_col * len(col_x)
    for p in range(0, len(body), slots):
        page: list[tuple[float, float, str]] = [(60.0, 760.0, head), (300.0, 40.0, str(len(pages) + 1))]
        for j, (ln, indent) in enumerate(body[p:p + slots]):
            col, row = divmod(j, lines_per_col)
            if ln:
                page.append((col_x[col] + 12.0 * indent, 700.0 - 12.0 * row, ln))
        pages.append(page)
    return pages


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("numbered", [True, False])
def test_made_pdfs_give_every_reference(columns, numbered):
    refs = NUMBERED if numbered else AUTHOR_YEAR
    data = make_pdf(_layout(refs, columns=columns, numbered=numbered))
    doc = parse_document(data, "made.pdf")
    assert doc.kind == "pdf"
    assert len(doc.parsed) == len(refs), [p.raw.text[:50] for p in doc.parsed]
    texts = [p.raw.text for p in doc.parsed]
    assert not any("Journal of Tests" in t for t in texts)  # the running head is dropped
    for got, ref in zip(texts, refs, strict=True):
        assert got.replace(" ", "") == ref.replace(" ", "")  # whole, in order, nothing glued on


def test_two_columns_are_read_left_then_right():
    data = make_pdf(_layout(NUMBERED, columns=2, numbered=True))
    text = pdf_to_text(data)
    assert text.index("[1]") < text.index("[2]") < text.index("[14]")


def test_doi_broken_at_a_line_end_is_whole_after_pdf():
    doc = parse_document(make_pdf(_layout(NUMBERED, columns=2, numbered=True)), "made.pdf")
    assert "doi:10.1109/TMC.2021.3056789" in doc.parsed[0].raw.text.replace(" ", "")


def test_pages_option_restricts_and_a_paper_without_a_list_says_so():
    data = make_pdf(_layout(AUTHOR_YEAR, columns=1, numbered=False))
    only_prose = make_pdf([[(60.0, 700.0 - 12 * i, ln) for i, ln in enumerate(textwrap.wrap(PROSE, 90))]])
    with pytest.raises(InputError, match="no reference section"):
        parse_document(only_prose, "essay.pdf")
    assert parse_pages("1,3-4", 10) == [1, 3, 4] and parse_pages("8-", 9) == [8, 9]
    with pytest.raises(InputError):
        parse_pages("x", 3)
    first = parse_document(data, "made.pdf", pages="1")
    assert 0 < len(first.parsed) < len(AUTHOR_YEAR)


def test_detected_by_content_not_extension(tmp_path):
    data = make_pdf(_layout(NUMBERED, columns=1, numbered=True))
    assert is_pdf(data) and not is_pdf(b"Smith, J. (2001). Title.")
    f = tmp_path / "refs.txt"  # a PDF with the wrong extension
    f.write_bytes(data)
    r = CliRunner().invoke(cli, ["parse", str(f)])
    assert r.exit_code == 0, r.output
    assert r.stdout.count("\n@") + r.stdout.startswith("@") == len(NUMBERED)


@pytest.mark.parametrize("kind", ["encrypted", "scanned", "broken", "truncated"])
def test_bad_pdfs_get_one_error_line(tmp_path, kind):
    if kind == "encrypted":
        import pypdf

        w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(_layout(NUMBERED, columns=1,
                                                                                      numbered=True)))))
        w.encrypt(user_password="secret", owner_password="owner")
        buf = io.BytesIO()
        w.write(buf)
        data = buf.getvalue()
    elif kind == "scanned":
        data = make_pdf([[], []])  # pages without a text layer
    elif kind == "broken":
        data = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n"
    else:
        data = make_pdf(_layout(NUMBERED, columns=1, numbered=True))[:300]
    f = tmp_path / "paper.pdf"
    f.write_bytes(data)
    r = CliRunner().invoke(cli, ["parse", str(f)])
    assert r.exit_code == 2, r.output
    lines = r.stderr.splitlines()
    assert lines[0].startswith("Error: ") and lines[1].startswith("Hint: ") and len(lines) == 2
    assert "Traceback" not in r.output
    expected = {"encrypted": "encrypted", "scanned": "no text layer", "broken": "PDF", "truncated": "PDF"}[kind]
    assert expected in lines[0]


REAL_COUNTS = {
    "aps-neutron-recoils.pdf": 51, "econ-cares-act-consumption.pdf": 47, "fr-taln-adjectif-epithete.pdf": 29,
    "joss-eyecite-legal-citations.pdf": 15, "lncs-markdown-adr.pdf": 6, "plos-wheat-heat-stress.pdf": 59,
}


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realworld/pdf not present")
@pytest.mark.parametrize("name, count", sorted(REAL_COUNTS.items()))
def test_real_papers_give_the_exact_count(name, count):
    from refkit.parse.split import split_text

    refs = split_text(pdf_to_text((REAL / name).read_bytes(), name), paper=True, laid_out=True).refs  # no fields
    assert len(refs) == count
    expected = REAL / name.replace(".pdf", ".expected.txt")
    if expected.exists():  # first three and last two references, as printed
        wanted = [ln for ln in expected.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        got = [r.text for r in refs]
        norm = lambda s: "".join(s.split()).replace("’", "'")  # noqa: E731
        assert [norm(g) for g in got[:3] + got[-2:]] == [norm(w) for w in wanted]


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realworld/pdf not present")
@pytest.mark.parametrize("name, count", sorted(REAL_COUNTS.items()))
def test_real_papers_as_copied_text_give_the_exact_count(name, count):
    """The same papers as a user copies them: the PDF's plain text, page after page, no layout."""
    import pypdf

    from refkit.parse.split import split_text

    reader = pypdf.PdfReader(REAL / name)
    text = "\n\f".join(page.extract_text() or "" for page in reader.pages)
    assert len(split_text(text, paper=True).refs) == count


def test_similar_last_lines_of_pages_are_not_taken_for_footers():
    """Pages ending with look-alike continuation lines ("Phys. Rev. D 95, 082002 (2017).") and no
    running head or page number: nothing is dropped."""
    pages = []
    n = 0
    for p in range(3):
        page = [(60.0, 700.0, "Results" if p == 0 else "References" if p == 1 else "")]
        y = 650.0
        if p >= 1:
            for _ in range(3):
                n += 1
                page.append((60.0, y, f"[{n}] A. Author{n} and B. Writer, Some title number {n},"))
                page.append((72.0, y - 12, f"Phys. Rev. D {90 + n}, 0{n}2002 (20{10 + n})."))
                y -= 30
        else:
            for k in range(20):
                page.append((60.0, y - 12 * k, "Prose about the results that we found, and more prose here."))
        pages.append([ln for ln in page if ln[2]])
    doc = parse_document(make_pdf(pages), "made.pdf")
    assert len(doc.parsed) == 6
    assert all("Phys. Rev. D" in p.raw.text for p in doc.parsed)


def test_list_labels_in_their_own_box():
    """"1." set apart from its reference (a label box, as LaTeX and Word lay numbered lists out)."""
    page = [(60.0, 720.0, "References")]
    y = 690.0
    for i, ref in enumerate(AUTHOR_YEAR[:6], 1):
        page.append((60.0, y, f"{i}."))
        for k, ln in enumerate(textwrap.wrap(ref, 80)):
            page.append((80.0, y - 12 * k, ln))
        y -= 12 * (k + 1) + 4
    doc = parse_document(make_pdf([page]), "labels.pdf")
    assert [p.raw.number for p in doc.parsed] == ["1", "2", "3", "4", "5", "6"]
    assert doc.parsed[1].raw.text.startswith("Baptiste, M. (Ed.). (2016).")


def test_justified_japanese_keeps_its_characters_together():
    from refkit.parse.pdf_layout import Part, join_parts

    # three glyphs 10 pt wide set 1.5 pt apart (justification), then a word space of 6 pt, then Latin text
    parts = [Part(0.0, 0.0, 10.0, "工", 10.0), Part(11.5, 0.0, 10.0, "藤", 10.0), Part(27.5, 0.0, 10.0, "拓", 10.0),
             Part(40.0, 0.0, 10.0, "Kudo", 20.0), Part(62.0, 0.0, 10.0, "T.", 8.0)]
    assert join_parts(parts) == "工藤 拓 Kudo T."
