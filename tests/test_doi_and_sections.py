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
