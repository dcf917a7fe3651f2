"""The "unsure" report: each check of parse/review_features.py on invented segments and references,
the confidence thresholds, calibrate(), and the report's recall and false flags on a small set of
invented round trips (benchmarks/eval_unsure.py measures it at full size)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from refkit.model import Date, Name, Reference
from refkit.parse import review as review_module
from refkit.parse.review import FLAG, calibrate, review
from refkit.parse.tagger import Segment

ROOT = Path(__file__).resolve().parents[1]


def segs(*parts: tuple[str, str], conf: float = 0.99) -> list[Segment]:
    """Segments laid end to end, one space apart."""
    out, at = [], 0
    for label, text in parts:
        out.append(Segment(label, text, at, at + len(text), conf, conf))
        at += len(text) + 1
    return out


def article() -> tuple[list[Segment], Reference]:
    s = segs(("author", "Okafor, N., & Lindqvist, P."), ("date", "(2019)."), ("title", "Tidal marsh sediments."),
             ("journal", "Journal of Coastal Studies,"), ("volume", "12(3),"), ("pages", "45–67."))
    ref = Reference(type="article-journal", fields={
        "title": "Tidal marsh sediments", "container-title": "Journal of Coastal Studies", "volume": "12",
        "issue": "3", "page": "45-67"},
        names={"author": [Name(family="Okafor", given="N."), Name(family="Lindqvist", given="P.")]},
        dates={"issued": Date(start=(2019,))})
    return s, ref


def fields_of(reasons: list[tuple[str, str]]) -> set[str]:
    return {f for f, _ in reasons}


def test_a_clean_article_has_no_reasons():
    s, ref = article()
    assert review(s, ref) == []


def test_low_confidence_in_the_whole_parse_names_the_least_sure_field():
    s, ref = article()
    s[2].confidence = 0.7  # three words at 0.7: 0.34 for the parse
    reasons = review(s, ref)
    assert fields_of(reasons) == {"title"} and "least in title" in reasons[0][1]
    s, ref = article()
    s[2].confidence = s[5].confidence = 0.85  # a little doubt in two places: 0.52, not enough
    assert review(s, ref) == []
    words = sum(len(x.text.split()) for x in s)  # 4 words at 0.85, the others at 0.99
    assert review_module.sequence_score(s) == pytest.approx(4 * math.log(0.85) + (words - 4) * math.log(0.99))


@pytest.mark.parametrize("change, field, words", [
    (lambda s, r: r.fields.update({"container-title": "Harbour Life, 19"}), "container-title", "ends with"),
    (lambda s, r: r.fields.update({"container-title": "Statistics Bureau, n.d"}), "container-title", "n.d."),
    (lambda s, r: r.fields.update({"volume": "12;16"}), "volume", "more than one number"),
    (lambda s, r: r.fields.update({"volume": "vol"}), "volume", "no number"),
    (lambda s, r: r.fields.update({"page": "–7"}), "page", "not a range"),
    (lambda s, r: r.fields.update({"title": "1999"}), "title", "only a number"),
    (lambda s, r: r.fields.update({"title": "Tides (Vol"}), "title", "bracket"),
    (lambda s, r: r.fields.update({"title": "1 Tides and Rivers"}), "title", "lone number"),
    (lambda s, r: r.fields.update({"title": "“Waves.” Paper presented"}), "title", "after the quoted title"),
    (lambda s, r: r.fields.update({"title": "Waves? In: The Handbook of Tides"}), "title", "'In'"),
    (lambda s, r: r.fields.update({"title": "La mer [Dataset]"}), "title", "description"),
    (lambda s, r: r.fields.update({"publisher-place": "January"}), "publisher-place", "place"),
    (lambda s, r: r.fields.update({"container-title": "September"}), "container-title", "not a name"),
    (lambda s, r: r.fields.update({"container-title": "Tides, vol. 3"}), "container-title", "marker"),
    (lambda s, r: r.fields.update({"title": "Tides. Published online"}), "title", "marker"),
    (lambda s, r: r.fields.update({"container-title": "Northern Daily Herald A14"}), "container-title", "ends with"),
    (lambda s, r: r.fields.update({"publisher-place": "Berlin, p"}), "publisher-place", "place"),
    (lambda s, r: r.fields.update({"genre": "Policy brief. 2001–97"}), "genre", "number"),
    (lambda s, r: r.fields.update({"publisher": "Teacher and Narrative. Bloomsbury"}), "publisher", "full stop"),
    (lambda s, r: r.fields.update({"publisher": "Kestrel Scientific, released"}), "publisher", "lower-case"),
    (lambda s, r: r.fields.update({"genre": "Working paper; Working paper no. 4"}), "genre", "two parts"),
    (lambda s, r: r.fields.pop("container-title"), "type", "without a journal"),
    (lambda s, r: r.names.update({"author": [Name(family="H.", given="Oyelaran")]}), "author", "initials"),
    (lambda s, r: r.names.update({"author": [Name(family="Statistics Norway", given="P.")]}), "author",
     "two words"),
    (lambda s, r: r.names.update({"author": [Name(family="Norway", given="Statistics")]}), "author",
     "organisation"),
    (lambda s, r: r.names.update({"author": [Name(family="Sage")]}), "author", "no given name"),
    (lambda s, r: r.dates.pop("issued"), "issued", "a year in the text"),
    (lambda s, r: r.names.update({"author": [Name(family="López C-L", given="Fernández MS")]}), "author",
     "ends with initials"),
    (lambda s, r: (r.fields.pop("page"), s.__setitem__(4, Segment("volume", "12:45–67.", 0, 9, 0.99, 0.99)),
                   s.pop()), "page", "not found"),
    (lambda s, r: s.append(Segment("date", "–50.", 0, 4, 0.99, 0.99)), "issued", "no year"),
    (lambda s, r: s.append(Segment("note", "Retrieved from Tide Notes website:", 0, 4, 0.99, 0.99)),
     "container-title", "site named"),
])
def test_each_shape_check(change, field, words):
    s, ref = article()
    change(s, ref)
    reasons = review(s, ref)
    assert any(f == field and words in why for f, why in reasons), reasons


def test_a_field_found_twice_and_leftover_text():
    s = segs(("author", "Lee, A."), ("title", "One."), ("date", "2001."), ("title", "Two."),
             ("note", "lorem ipsum dolor"))
    ref = Reference(type="book", fields={"title": "One; Two"}, names={"author": [Name(family="Lee", given="A.")]},
                    dates={"issued": Date(start=(2001,))})
    reasons = review(s, ref)
    assert ("title", "two title parts") in reasons
    assert any(f == "note" and "leftover" in why for f, why in reasons)


def test_a_container_cut_at_its_colon():
    s = segs(("author", "Lee, A."), ("date", "2001."), ("title", "One."), ("container-title", "In Tides:"),
             ("publisher", "Waves and Rocks, Fjord Press."))
    ref = Reference(type="chapter", fields={"title": "One", "container-title": "Tides",
                                            "publisher": "Waves and Rocks, Fjord Press"},
                    names={"author": [Name(family="Lee", given="A.")]}, dates={"issued": Date(start=(2001,))})
    assert any(f == "container-title" and "colon" in why for f, why in review(s, ref))


def test_two_dates_only_when_their_years_differ():
    def dates(a: str, b: str) -> list[tuple[str, str]]:
        s = segs(("author", "Lee, A."), ("date", a), ("title", "One."), ("date", b))
        ref = Reference(type="book", fields={"title": "One"}, names={"author": [Name(family="Lee", given="A.")]},
                        dates={"issued": Date(start=(2001,))})
        return [r for r in review(s, ref) if r[0] == "issued"]

    assert dates("2001.", "2003).")
    assert not dates("2001.", "August 28.")
    assert not dates("(2001).", "(Forthcoming)")


def test_volumes_counted_and_names_in_print_order():
    s = segs(("author", "Ahmadi, Chidi, Marta Li, and Mark Suzuki."), ("title", "Rivers."),
             ("volume", "2 vols."), ("publisher", "Fjord Press,"), ("date", "1963."))
    ref = Reference(type="book", fields={"title": "Rivers", "volume": "2", "publisher": "Fjord Press"},
                    names={"author": [Name(family="Ahmadi", given="Chidi"), Name(family="Marta", given="Li"),
                                      Name(family="Suzuki", given="Mark")]},
                    dates={"issued": Date(start=(1963,))})
    reasons = review(s, ref)
    assert any(f == "volume" and "counts volumes" in why for f, why in reasons)
    assert any(f == "author" and "comes first" in why for f, why in reasons)


def test_an_organisation_cut_at_its_and():
    s = segs(("author", "Council for Rivers and Harbours, Lee, A."), ("date", "2001."), ("title", "Tides."))
    ref = Reference(type="report", fields={"title": "Tides"}, dates={"issued": Date(start=(2001,))},
                    names={"author": [Name(literal="Council for Rivers"), Name(family="Harbours", given="Lee"),
                                      Name(family="A.")]})
    assert any("cut at 'and'" in why for _, why in review(s, ref))
    ref.names["author"] = [Name(literal="Council for Rivers and Harbours"), Name(family="Lee", given="A.")]
    assert review(s, ref) == []


def test_a_book_with_a_page_range_and_an_access_date_without_a_date():
    s = segs(("author", "Lee, A."), ("title", "One."), ("publisher", "Fjord Press,"), ("pages", "pp. 3–9."),
             ("accessed", "Accessed: May 3, 2020."))
    ref = Reference(type="book", fields={"title": "One", "publisher": "Fjord Press", "page": "3-9"},
                    names={"author": [Name(family="Lee", given="A.")]}, dates={"accessed": Date(start=(2020, 5, 3))})
    assert {"type", "issued"} <= fields_of(review(s, ref))


def test_calibrate_lowers_only_the_doubted_fields():
    conf = {"title": 0.95, "author": 0.6, "issued": 0.99}
    out = calibrate(conf, [("title", "two title parts"), ("type", "an article without a journal")])
    assert out["title"] == FLAG and out["type"] == FLAG
    assert out["author"] == 0.8 and out["issued"] == 0.99  # low marginals alone no longer flag a field


def test_the_threshold_is_a_log_probability():
    assert -5 < review_module.MIN_SEQUENCE < 0


def test_recall_and_false_flags_on_invented_round_trips(shared):
    """A small held-out sample: the report must flag most wrong entries and few right ones."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from eval_unsure import figures, judge, round_trip_pairs

    m = figures(judge(round_trip_pairs(24, 31337)))
    assert m["wrong"] >= 5, m
    assert m["recall"] >= 0.6, m
    assert m["false_flags"] <= 0.08, m


def test_abbreviated_journals_and_publishers_do_not_run_on():
    from refkit.model import Reference
    from refkit.parse.review_features import field_reasons

    for cont in ("Commun. ACM", "ACM Trans. Comput. Syst.", "Astrophys. J."):
        ref = Reference(type="article-journal", fields={"title": "A study", "container-title": cont, "volume": "3"})
        assert not any("runs on" in why for _, why in field_reasons(ref)), cont
    ref = Reference(type="book", fields={"title": "A study", "publisher": "Cambridge Univ. Press"})
    assert not any("runs on" in why for _, why in field_reasons(ref))
    ref = Reference(type="chapter", fields={"title": "Polder", "container-title": "Encyclopedia of water management. "
                                                                                   "Lowlands Reference"})
    assert any("runs on" in why for _, why in field_reasons(ref))
