"""Field extraction across styles and languages: identifiers, Vancouver blocks, names, genre and
number, German volume/issue forms, the unsure review. All references here are invented."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from refkit.model import Reference
from refkit.parse import parse_text
from refkit.parse.clean import clean_edition, clean_names, split_volume
from refkit.parse.reconcile import _split_genre
from refkit.parse.refine import refine
from refkit.parse.review import review
from refkit.parse.tagger import Segment, tokenize

ROOT = Path(__file__).resolve().parents[1]


def one(text: str) -> dict:
    [r] = parse_text(text, one_per_line=True)
    return r.ref.to_csl()


def names(text: str) -> list[str]:
    return [str(n) for n in clean_names(text)]


def test_glued_tokens_are_cut():
    assert [t.text for t in tokenize("Rev. 2019 Jun;14(3):211–29.")] == ["Rev.", "2019", "Jun;", "14(3):", "211–29."]
    assert [t.text for t in tokenize("Lorenz, Karl(1999) 2006:Titel")] == ["Lorenz,", "Karl", "(1999)", "2006:", "Titel"]
    assert [t.text for t in tokenize("https://x.example/a;1(2):3")] == ["https://x.example/a;1(2):3"]


def test_vancouver_block_gives_date_volume_issue_pages():
    c = one("Brandt OK, Lima PS. Night shifts and sleep debt in nurses. Occup Health Rev. 2011 Mar 14;58(2):101-9.")
    assert (c["volume"], c["issue"], c["page"]) == ("58", "2", "101-9")
    assert c["issued"] == {"date-parts": [[2011, 3, 14]]}
    assert c["container-title"] == "Occup Health Rev"
    assert [a["family"] for a in c["author"]] == ["Brandt", "Lima"]
    assert c["author"][0]["given"] == "O. K."


def test_refine_relabels_across_segments():
    text = "A title 2002;7(1):5-9 more"
    segs = [Segment("title", text, 0, len(text))]
    out = [(s.label, s.text.strip(" ;:")) for s in refine(segs, text)]
    assert ("volume", "7(1)") in out and ("pages", "5-9") in out and ("date", "2002") in out


@pytest.mark.parametrize("tail, field, value", [
    ("arXiv:2101.04321 [cs.CL].", "eprint", "2101.04321"),
    ("PMID: 23456789.", "PMID", "23456789"),
    ("PMCID: PMC7654321.", "PMCID", "PMC7654321"),
    ("ISBN 978-3-16-148410-0.", "ISBN", "978-3-16-148410-0"),
])
def test_identifiers_are_fields(tail, field, value):
    c = one(f"Moreno T, Ilic V. Sparse coding of tidal records. Coast Data Lett. 2020;4:11-19. {tail}")
    assert c[field] == value
    assert tail.split()[0].rstrip(":") not in c.get("note", "")


def test_arxiv_is_a_biblatex_eprint():
    [r] = parse_text("Kaur, P. and Lenz, M. (2021). Learning to sort receipts. arXiv:2103.01234.", one_per_line=True)
    assert r.ref.fields["eprint"] == "2103.01234" and r.ref.extra["eprinttype"] == "arxiv"


@pytest.mark.parametrize("text, expected", [
    ("Weber, Anna / Krause-Lind, Tobias", ["Weber, Anna", "Krause-Lind, Tobias"]),
    ("Hahn, B./Ott, K.", ["Hahn, B.", "Ott, K."]),
    ("in: Mary Stone, Paul Kerr and Lee Dunn (eds)", ["Stone, Mary", "Kerr, Paul", "Dunn, Lee"]),
    ("Vogt, Jan, Ute Marx, Ole Brandt und Eva Koch", ["Vogt, Jan", "Marx, Ute", "Brandt, Ole", "Koch, Eva"]),
    ("Okafor, Nneka, Lars Holmqvist, Mei Chen, et al.", ["Okafor, Nneka", "Holmqvist, Lars", "Chen, Mei", "others"]),
    ("Statistisches Bundesamt", ["Statistisches Bundesamt"]),
    ("Halpern SD, Ubel PA", ["Halpern, S. D.", "Ubel, P. A."]),
    ("Whitfield MT Jr, Ono A", ["Whitfield, Jr, M. T.", "Ono, A."]),
    ("Global Burden of Disease Writing Group, Haddad R", ["Global Burden of Disease Writing Group", "Haddad, R."]),
])
def test_name_lists(text, expected):
    assert names(text) == expected


def test_genre_and_number_are_separate():
    for genre, want in [("Working Paper No. 14", ("Working Paper", "14")),
                        ("Discussion paper WP 699", ("Discussion paper", "WP 699"))]:
        r = Reference(fields={"genre": genre})
        _split_genre(r)
        assert (r.fields["genre"], r.fields["number"]) == want
    r = Reference(fields={"genre": "No. W318; Lake Working Paper Series"})
    _split_genre(r)
    assert r.fields == {"number": "W318", "collection-title": "Lake Working Paper Series"}


def test_edition_and_german_volumes():
    assert clean_edition("(2nd ed.,") == "2"
    assert split_volume("30. Jg., Heft 4,") == ("30", "4", "")
    assert split_volume("Jg. 49, H. 3") == ("49", "3", "")
    assert split_volume("Nr. 2/1996,") == ("", "2/1996", "")


def test_review_flags_a_second_title():
    segs = [Segment("author", "Lee, A.", 0, 7, 0.99), Segment("title", "One.", 8, 12, 0.99),
            Segment("date", "2001.", 13, 18, 0.99), Segment("title", "Two.", 19, 23, 0.99)]
    ref = Reference(type="book", fields={"title": "One"})
    assert ("title", "two title parts") in review(segs, ref)


@pytest.mark.parametrize("name, size, target", [("en", 20, 0.93), ("de", 20, 0.90), ("en-2", 40, 0.93),
                                                 ("de-2", 40, 0.90), ("en-3", 40, 0.93), ("de-3", 40, 0.90),
                                                 ("en-4", 30, 0.93), ("de-4", 50, 0.90), ("en-5", 40, 0.93),
                                                 ("de-5", 60, 0.90), ("de-6", 60, 0.90),
                                                 ("en-6", 50, 0.93), ("de-7", 60, 0.89), ("en-7", 50, 0.93),
                                                 ("en-8", 50, 0.93), ("de-8", 60, 0.90), ("de-9", 60, 0.90),
                                                 ("en-9", 50, 0.93), ("en-10", 50, 0.91), ("de-10", 60, 0.90),
                                                 ("de-11", 60, 0.90), ("en-11", 50, 0.93), ("de-12", 60, 0.90),
                                                 ("en-12", 50, 0.93), ("en-13", 50, 0.93), ("de-13", 60, 0.90),
                                                 ("de-14", 60, 0.90), ("en-14", 50, 0.93), ("en-15", 50, 0.91),
                                                 ("de-15", 60, 0.90), ("de-16", 60, 0.90), ("de-17", 60, 0.90),
                                                 ("de-18", 60, 0.90), ("de-19", 50, 0.90), ("de-20", 50, 0.90),
                                                 ("de-21", 50, 0.90), ("de-22", 50, 0.90), ("en-16", 50, 0.93),
                                                 ("en-17", 50, 0.92), ("de-23", 50, 0.90), ("de-24", 50, 0.90),
                                                 ("en-18", 50, 0.93), ("en-19", 50, 0.93), ("de-25", 50, 0.89),
                                                 ("de-26", 50, 0.87), ("en-20", 50, 0.93), ("en-21", 50, 0.93),
                                                 ("de-27", 40, 0.90), ("de-28", 38, 0.90), ("en-22", 40, 0.93),
                                                 ("en-23", 40, 0.93), ("de-29", 40, 0.90), ("de-30", 40, 0.90),
                                                 ("de-31", 40, 0.87), ("de-32", 40, 0.90), ("de-33", 40, 0.90),
                                                 ("en-24", 40, 0.93), ("de-34", 40, 0.90), ("de-35", 40, 0.90),
                                                 ("en-25", 40, 0.93)])
def test_social_science_lists(name, size, target):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from eval_social import DATA, score_file

    f, n = score_file(DATA / f"social-science-{name}.jsonl")
    assert n == size and f >= target


def test_social_science_data_is_well_formed():
    for name in ("en", "de", "en-2", "de-2", "en-3", "de-3", "en-4", "de-4", "en-5", "de-5", "de-6", "en-6", "de-7",
                 "en-7", "en-8", "de-8", "de-9", "en-9", "en-10", "de-10", "de-11", "en-11", "de-12", "en-12", "en-13",
                 "de-13", "de-14", "en-14", "en-15", "de-15", "de-16", "de-17", "de-18", "de-19", "de-20",
                 "de-21", "de-22", "en-16", "en-17", "de-23", "de-24", "en-18", "en-19", "de-25", "de-26", "en-20", "en-21",
                 "de-27", "de-28", "en-22", "en-23", "de-29", "de-30", "de-31", "de-32", "de-33", "en-24",
                 "de-34", "de-35", "en-25"):
        for ln in (ROOT / "tests" / "data" / "parse" / f"social-science-{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(ln)
            assert row["text"] and (row["gold"].get("issued") or row["gold"].get("type") in ("manuscript", "webpage") or re.search(
                r"n\.d\.|o\. ?J\.|i\. ?E\.|[Ff]orthcoming|in press|im Druck|BVerfGE|BT-Drs\.|\bAct (?:of )?(?:1[5-9]|20)\d\d", row["text"]))


def test_web_furniture_and_access_dates():
    c = one("[7] R. Ito, “Tide tables explained,” Harbour Notes. Accessed: Jun. 01, 2024. [Online]. "
            "Available: https://harbour-notes.example/tides")
    assert c["accessed"] == {"date-parts": [[2024, 6, 1]]}
    assert c["URL"] == "https://harbour-notes.example/tides"
    assert "Available" not in c.get("note", "") and "Accessed" not in c.get("container-title", "")
    c = one("Ito R. Tide tables explained. Harbour Notes [Internet]. 2021 May 3 [cited 2022 Jan 9]. "
            "Available from: https://harbour-notes.example/tides")
    assert c["accessed"] == {"date-parts": [[2022, 1, 9]]}
    assert "[Internet]" not in c.get("container-title", "")


def test_series_version_and_no_date_letters():
    c = one("Lund K, Ahn S. Sampling rare plants. Bergen: Fjord Scientific; 2019. (Field Methods in Botany; no. 31).")
    assert (c["collection-title"], c["collection-number"]) == ("Field Methods in Botany", "31")
    assert c["publisher"] == "Fjord Scientific" and c["publisher-place"] == "Bergen"
    c = one("Tan, M. (n.d.-b). Mapping the old harbour. Quay Books.")
    assert c["title"] == "Mapping the old harbour"
