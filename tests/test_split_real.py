"""Segmentation of real-looking text: lists copied from PDFs (page breaks, blank lines, running
heads, broken identifiers), wrapped lists, markdown reading lists, several styles and languages.
The inputs in tests/data/segment/ are invented references in real layouts."""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from refkit.parse.join import join_lines as _join
from refkit.parse.split import split_text

DATA = Path(__file__).parent / "data" / "segment"
SHARED = Path(os.environ.get("REFKIT_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")

COUNTS = {
    "ieee-pdftotext.txt": 17, "apa-wrapped70.txt": 13, "reading-list.md": 13, "mla-works-cited.txt": 14,
    "german-hanging.txt": 9, "french-blocks.txt": 7, "vancouver-pages.txt": 8, "footnotes.md": 5,
    "abnt-portuguese.txt": 5, "spanish-apa.txt": 5,
}


@pytest.mark.parametrize("name, count", sorted(COUNTS.items()))
def test_exact_count_on_real_looking_lists(name, count):
    split = split_text((DATA / name).read_text(encoding="utf-8"))
    assert len(split.refs) == count, [r.text[:60] for r in split.refs]
    for r in split.refs:
        assert r.reason, r  # every boundary says why


def _refs(name):
    return [r.text for r in split_text((DATA / name).read_text(encoding="utf-8")).refs]


def test_pdftotext_list_over_blank_lines_and_page_break():
    refs = _refs("ieee-pdftotext.txt")
    assert refs[8].startswith("E. García-Molina")  # the blank line between [8] and [9] is no end
    assert all("TRANSACTIONS" not in r for r in refs)  # running heads dropped
    assert "doi: 10.1109/TMC.2021.3056789." in refs[0]
    assert "doi:10.1016/j.jcp.2019.01.005." in refs[4]
    assert "arXiv:2103.04512," in refs[5]
    assert "https://github.com/dpetrov/wsn-toolkit" in refs[7]
    assert "Ph.D. dissertation" in refs[11]  # "disser-" + "tation"
    assert refs[15].startswith("T. Eriksen, “First-year")


def test_apa_wrapped_list_keeps_compounds_and_ends_at_links():
    refs = _refs("apa-wrapped70.txt")
    assert "in first-year undergraduates" in refs[0]
    assert refs[0].endswith("https://doi.org/10.1037/edu0000301")  # the next book is not merged in
    assert refs[1].startswith("Baptiste, M. (Ed.). (2016).")
    assert "self-regulated" in refs[2]
    assert refs[4].endswith("https://doi.org/10.3102/0013189X19898690")


def test_page_furniture_inside_lists_is_skipped_and_reported():
    split = split_text((DATA / "vancouver-pages.txt").read_text(encoding="utf-8"))
    assert [s.line for s in split.skipped] == [11, 20]
    assert all("PLOS ONE" not in r.text for r in split.refs)
    assert split.refs[0].text.endswith("doi:10.1056/NEJMsb020632")
    assert "HIV-infected" in split.refs[0].text  # an acronym's hyphen is a real one
    german = split_text((DATA / "german-hanging.txt").read_text(encoding="utf-8"))
    assert [s.line for s in german.skipped] == [15]
    assert german.refs[1].text.endswith("S. 45–67.")  # a page range broken after its dash
    assert german.refs[5].text.startswith("Gerhards, Jürgen (2008)")


def test_markdown_list_headings_and_prose_are_skipped_and_reported():
    split = split_text((DATA / "reading-list.md").read_text(encoding="utf-8"))
    reasons = {s.line: s.reason for s in split.skipped}
    assert reasons[1] == reasons[5] == "a heading"
    assert reasons[14] == "prose between the groups of the list"
    texts = [r.text for r in split.refs]
    assert not any("**" in t or "](" in t or t.startswith("- ") for t in texts)
    rubin = next(t for t in texts if t.startswith("Rubin, D. B. (1974)"))
    assert "Estimating causal effects" in rubin and rubin.endswith("https://doi.org/10.1037/h0037350")
    assert "https://doi.org/10.1111/ectj.12097" in next(t for t in texts if t.startswith("Chernozhukov"))
    assert any(t.startswith("Künzel") and "heterogeneous treatment effects using machine learning" in t
               for t in texts)  # an item's continuation line


def test_mla_works_cited_with_tweets_and_dashes():
    refs = _refs("mla-works-cited.txt")
    assert refs[2].startswith("@BarackObama.") and refs[2].endswith("734904634435035136.")
    assert refs[8].startswith("---. The History of Sexuality")
    assert refs[10] == "hooks, bell. Teaching to Transgress. Routledge, 1994."


@pytest.mark.parametrize("a, b, joined", [
    ("Phys., vol. 384, 2019, doi:10.1016/", "j.jcp.2019.01.005.", "Phys., vol. 384, 2019, doi:10.1016/j.jcp.2019.01.005."),
    ("Comput., 2021, doi: 10.1109/TMC.2021.", "3056789.", "Comput., 2021, doi: 10.1109/TMC.2021.3056789."),
    ("Available: https://example.org/a/", "b/c.html", "Available: https://example.org/a/b/c.html"),
    ("(2021), https:", "//doi.org/10.17605/OSF.IO/G4ENQ.", "(2021), https://doi.org/10.17605/OSF.IO/G4ENQ."),
    ("arXiv:2104.02742 [hep-", "ex].", "arXiv:2104.02742 [hep-ex]."),
    ("in first-", "year students", "in first-year students"),
    ("The Rela-", "tions of States", "The Relations of States"),
    ("pp. 419-", "434.", "pp. 419-434."),
    ("Iran-", "Russia", "Iran-Russia"),
    ("S. 45–", "67.", "S. 45–67."),
])
def test_joining_wrapped_lines(a, b, joined):
    assert _join(a, b) == joined


def test_hyphen_evidence_from_the_same_text_wins():
    text = ("Smith, J. (2001). Cooperation and non-\ncooperation. Journal, 1, 1-2.\n"
            "Jones, K. (2002). Why noncooperation pays. Journal, 2, 3-4.\n")
    assert "noncooperation" in split_text(text).refs[0].text  # written whole elsewhere: a line-break hyphen


@pytest.mark.skipif(not (SHARED / "format-oracle").is_dir(), reason="../shared/format-oracle not present")
@pytest.mark.parametrize("style", ["american-political-science-association", "apa", "chicago-author-date",
                                   "chicago-notes-bibliography", "harvard-cite-them-right", "ieee",
                                   "modern-language-association", "nature", "nlm-citation-sequence"])
def test_nine_styles_in_four_layouts_give_the_exact_count(style):
    refs = [ln for ln in (SHARED / "format-oracle" / f"{style}.txt").read_text(encoding="utf-8").splitlines()
            if ln.strip()]
    layouts = {
        "one per line": "\n".join(refs),
        "wrapped at 72": "\n".join(textwrap.fill(r, 72, break_long_words=False) for r in refs),
        "hanging indent": "\n".join(textwrap.fill(r, 72, subsequent_indent="    ", break_long_words=False)
                                    for r in refs),
        "blank lines": "\n\n".join(textwrap.fill(r, 72, break_long_words=False) for r in refs),
    }
    norm = lambda s: re.sub(r"^\[?\d+[.\]]\s*|\s", "", s)  # noqa: E731
    for layout, text in layouts.items():
        got = split_text(text).refs
        assert [norm(r.text) for r in got] == [norm(r) for r in refs], layout


def test_readme_and_web_lists():
    readme = ("## Papers\n\n### 2021\n\n"
              "- **Rethinking Attention with Performers**. Krzysztof Choromanski et al. ICLR 2021. "
              "[[paper]](https://arxiv.org/abs/2009.14794) [[code]](https://github.com/example/performer)\n"
              "- Beltagy, I., Peters, M. E., & Cohan, A. (2020). Longformer: The long-document transformer. "
              "arXiv:2004.05150.\n\n## License\n\nMIT\n")
    split = split_text(readme)
    assert [r.text for r in split.refs] == [  # the bold title first is read in the usual order: names, title
        "Krzysztof Choromanski et al. Rethinking Attention with Performers. ICLR 2021. "
        "https://arxiv.org/abs/2009.14794. https://github.com/example/performer",
        "Beltagy, I., Peters, M. E., & Cohan, A. (2020). Longformer: The long-document transformer. arXiv:2004.05150.",
    ]
    wiki = ("References\n\n1. ^ Smith, John (2001). A Book. London: Press.\n"
            "2. ^ a b c Jones, Kate (12 March 2015). \"A page\". The Site. Retrieved 3 April 2016.\n")
    assert [r.text[:12] for r in split_text(wiki).refs] == ["Smith, John ", "Jones, Kate "]
    code = "## Cite\n\n```bibtex\n@misc{x, title={T}}\n```\n\n- Smith, J. (2001). A book. Press.\n- Jones, K. (2002). B.\n"
    split = split_text(code)  # a BibTeX block in a README is one of its references like the list's
    assert len(split.refs) == 3 and split.refs[0].entry is not None and split.refs[0].entry.fields["title"] == "T"


def test_portuguese_and_spanish_links_broken_over_lines():
    abnt = _refs("abnt-portuguese.txt")
    assert "Disponível em: https://revista.exemplo.br/rbe/artigos/2018/formacao-professores.pdf. Acesso" in abnt[1]
    assert abnt[3].endswith("10.1590/0102-311X00123419.")
    spanish = _refs("spanish-apa.txt")
    assert spanish[1].endswith("https://doi.org/10.3916/C62-2020-04")
    assert "http://www.educacionfp.gob.es/dam/jcr:datos-cifras-2019.pdf" in spanish[3]


def test_alpha_labelled_lists():
    text = ("References\n\n[Knu84] D. E. Knuth. Literate programming. The Computer Journal,\n  27(2):97-111, 1984.\n"
            "[ABC+20] A. Aho, B. Brown, C. Chen, et al. Compilers revisited. In Proc.\n  PLDI, pages 1-12, 2020.\n"
            "[Lam94] L. Lamport. LaTeX: A Document Preparation System. Addison-Wesley, 1994.\n")
    refs = split_text(text).refs
    assert [r.number for r in refs] == ["Knu84", "ABC+20", "Lam94"]
    assert refs[1].text == "A. Aho, B. Brown, C. Chen, et al. Compilers revisited. In Proc. PLDI, pages 1-12, 2020."
