"""The shipped tagger model loads and labels invented references correctly."""

from __future__ import annotations

import pytest

from refkit.errors import ModelError
from refkit.parse.assemble import assemble
from refkit.parse.tagger import DEFAULT_MODEL, LABELS, load_model, tag, tokenize

# Invented references (not from any corpus), one per common style.
APA = ("Okafor, N. A., & Lindqvist, H. (2019). Tidal wetlands and the memory of coastal towns. "
       "Journal of Coastal Heritage, 12(3), 211–230.")
IEEE = ("[4] M. Takahashi and P. Ruiz, “Sparse attention for river flow forecasting,” "
        "IEEE Trans. Hydrol. Comput., vol. 7, no. 2, pp. 101–113, Mar. 2021.")
CHICAGO_BOOK = ("Moreau, Camille. The Salt Merchants of Nantes. Translated by Peter Hale. "
                "Chicago: University of Chicago Press, 2008.")
CHAPTER = ("Haddad, J. (2015). Bridges and borders. In A. Novak & E. Papadopoulos (Eds.), "
           "Mobility in the Mediterranean (pp. 45–67). London: Routledge.")


def labels_of(text: str) -> dict[str, str]:
    return {s.label: s.text for s in tag(text)}


def test_shipped_model_loads_and_is_small():
    m = load_model()
    assert m is load_model()  # cached
    assert DEFAULT_MODEL.stat().st_size < 5_000_000
    assert {"author", "title", "journal", "date", "volume", "pages"} <= set(m.labels) <= set(LABELS)


def test_apa_article():
    got = labels_of(APA)
    assert got["author"] == "Okafor, N. A., & Lindqvist, H."
    assert got["date"] == "(2019)."
    assert got["title"] == "Tidal wetlands and the memory of coastal towns."
    assert got["journal"] == "Journal of Coastal Heritage,"
    assert got["volume"] == "12(3),"
    assert got["pages"] == "211–230."


def test_ieee_numbered():
    got = labels_of(IEEE)
    assert got["citation-number"] == "[4]"
    assert got["author"] == "M. Takahashi and P. Ruiz,"
    assert got["journal"] == "IEEE Trans. Hydrol. Comput.,"
    assert got["pages"] == "pp. 101–113,"


def test_book_with_translator_and_chapter_with_editors():
    got = labels_of(CHICAGO_BOOK)
    assert got["translator"] == "Translated by Peter Hale."
    assert got["location"] == "Chicago:"
    assert got["publisher"] == "University of Chicago Press,"
    got = labels_of(CHAPTER)
    assert got["editor"] == "In A. Novak & E. Papadopoulos (Eds.),"
    assert got["container-title"] == "Mobility in the Mediterranean"


def test_segments_cover_the_text_with_offsets_and_confidences():
    text = "  " + APA + "  "
    segs = tag(text)
    assert [t.text for t in tokenize(text)] == " ".join(s.text for s in segs).split()
    for s in segs:
        assert text[s.start : s.end] == s.text
        assert 0.0 < s.confidence <= 1.0
    assert tag("") == []


def test_tag_and_assemble_to_csl():
    ref, conf = assemble(tag(APA), APA)
    csl = ref.to_csl()
    assert csl["type"] == "article-journal"
    assert csl["author"] == [{"family": "Okafor", "given": "N. A."}, {"family": "Lindqvist", "given": "H."}]
    assert csl["issued"] == {"date-parts": [[2019]]}
    assert csl["container-title"] == "Journal of Coastal Heritage"
    assert (csl["volume"], csl["issue"], csl["page"]) == ("12", "3", "211-230")
    assert set(conf) >= {"author", "title", "container-title", "issued"}
    assert all(0 < v <= 1 for v in conf.values())


def test_missing_model_is_a_refkit_error(tmp_path):
    with pytest.raises(ModelError) as e:
        load_model(tmp_path / "nope.crfsuite")
    assert e.value.hint


def test_broken_model_file_is_a_refkit_error(tmp_path):
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError):
        tag("Doe, J. (2001). A title.", bad)
