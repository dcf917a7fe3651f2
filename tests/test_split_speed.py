"""The fast paths of parsing give what the plain ones give: the tagger's items (only the attributes the
model knows, weights of zero left out) against featurize, tagging through them against tagging the full
features, the lazy vocabulary against the words of the text, and parsing in worker processes against
one process, repeated-author dashes at the seams included. The references are invented here."""

from __future__ import annotations

import re

import pytest

from refkit.parse import parse_raws
from refkit.parse import tagger as T
from refkit.parse.crfitems import View, model_attributes
from refkit.parse.join import vocabulary
from refkit.parse.raw import RawReference

REFS = [
    "Okonkwo, R., Weiss, T., & Marchetti, L. (2019). Low-power routing in dense deployments. "
    "Computer Networks, 170(3), 88–96. https://doi.org/10.1016/j.comnet.2019.107109",
    "H. Lindqvist, “A survey of energy harvesting protocols,” ACM Comput. Surv., vol. 53, no. 1, pp. 1–33, 2020.",
    "Brandt S. Numerical methods for wave propagation. 2nd ed. Berlin: Springer; 2018.",
    "Tanaka, Mariko, and Pierre Duval. “Spectral Solvers for Stiff Systems.” Journal of Computational "
    "Physics 384 (2019): 1–20.",
    "Iyer, V. (2016). Opportunistic forwarding in sparse networks (Doctoral dissertation, University of Washington).",
    "Schmidt, L. / Novak, J. (Hg.) (2017): Energiebewusste Planung. 3. Aufl. München: Beck, S. 14–27.",
    "Haddad Y. Federated learning at the edge [Internet]. arXiv:2103.04512 [cs.LG]; 2021 [cited 2022 Mar 3].",
    "Abe, K. 2019. Clock drift compensation in low-cost nodes. Sensors 19(22):4981.",
    "Dubois, Claire (dir.), « Les villes et leurs noms », Paris, Éditions du Seuil, coll. « Points », 2015, 312 p.",
    "Nwosu, C.; Petrov, D.; García-Molina, E. Measuring link quality with commodity radios. IEEE Sens. J. "
    "2018, 18, 3720–3731.",
]
DITTOS = ["–––––. (2021). A second book by the same author. Oxford University Press.",
          "———. 2020. Another work. Cambridge, MA: MIT Press.",
          "- - (2018), Later essays, London: Verso."]


def _seen(features: dict, known: frozenset[str]) -> list[tuple[str, object]]:
    """What crfsuite keeps of one token's features: known attribute names, weights other than zero."""
    out = []
    for k, v in features.items():
        name, v = (f"{k}:{v}", 1) if isinstance(v, str) else (k, v)
        if name in known and v != 0:
            out.append((name, v))
    return out


@pytest.fixture(scope="module")
def model():
    return T.load_model()


def test_model_attributes_are_read_from_the_model_file(model, tmp_path):
    known = model_attributes(T.DEFAULT_MODEL)
    assert known is not None and len(known) > 1000
    assert {"bias", "pos", "w:and"} <= known
    bad = tmp_path / "not-a-model.crfsuite"
    bad.write_bytes(b"lCRF" + b"\0" * 60)
    assert model_attributes(bad) is None
    assert model_attributes(tmp_path / "missing") is None


@pytest.mark.parametrize("text", REFS + DITTOS)
def test_items_are_the_features_the_model_sees(model, text):
    view = model.view()
    toks = T.tokenize(text)
    items = view.items(toks)
    assert [list(i.items()) for i in items] == [_seen(f, view.known) for f in T.featurize(toks)]
    # without the model's names (a file read some other way): everything, flattened, the slow way
    plain = View(None).items(toks)
    assert [list(i.items()) for i in plain] == [
        [(f"{k}:{v}", 1) if isinstance(v, str) else (k, v) for k, v in f.items()] for f in T.featurize(toks)]


def test_tagging_through_items_equals_tagging_all_features(model):
    crf = model._tagger()
    model.view()  # from now on through the view, even for the first references
    for text in REFS + DITTOS:
        toks = T.tokenize(text)
        labels = crf.tag(T.featurize(toks))
        full = [(lab, crf.marginal(lab, i)) for i, lab in enumerate(labels)]
        assert model.tag_tokens(toks) == full  # the same labels and, to the last bit, the same marginals


def test_tokenize_cuts_glued_fields_the_same_way_twice():
    text = "Smith J. Title. Lancet. 2001 Jun;14(3):211-29. Lorenz, Karl(1999) x 2006:Title"
    first = [(t.text, t.start, t.end) for t in T.tokenize(text)]
    assert [(t.text, t.start, t.end) for t in T.tokenize(text)] == first  # the second time from the cache
    at = text.index("Jun;")
    assert [w for w, _, _ in first[5:8]] == ["Jun;", "14(3):", "211-29."] and first[5][1] == at
    assert ("Karl", text.index("Karl"), text.index("(1999)")) in first
    assert all(text[a:b] == w for w, a, b in first)


def test_vocabulary_holds_the_words_of_the_text():
    lines = ["Rela-", "tions between İstanbul and well-known x2y data_set", "relations “quoted” Übersetzung-"]
    expected: set[str] = set()
    for ln in lines:  # the words as the earlier line-by-line code gathered them
        expected.update(w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", ln[:-1] if ln.endswith("-") else ln))
    vocab = vocabulary(lines)
    for word in expected | {"rela-tions", "x2y", "data", "set", "known", "übersetzung-", "nowhere"}:
        assert (word in vocab) == (word in expected), word


def test_workers_give_what_one_process_gives(monkeypatch):
    import refkit.parse

    monkeypatch.setattr(refkit.parse, "PARALLEL_FROM", 40)
    refs = [f"{r} [{i}]" if i % 3 else r for i, r in enumerate(REFS * 6)]  # 60: runs of 8 with two workers
    # repeated-author dashes first in a worker's run, and right after one
    for at, ditto in ((8, DITTOS[0]), (9, DITTOS[1]), (16, DITTOS[2]), (30, DITTOS[0]), (31, DITTOS[2])):
        refs[at] = ditto
    raws = [RawReference(r, i + 1) for i, r in enumerate(refs)]
    monkeypatch.setenv("REFKIT_WORKERS", "1")
    one = parse_raws(raws)
    monkeypatch.setenv("REFKIT_WORKERS", "2")
    two = parse_raws(raws)
    assert [p.ref for p in two] == [p.ref for p in one]
    assert two == one
    assert one[8].ref.names.get("author") == one[7].ref.names.get("author")
