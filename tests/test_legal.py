"""Court decisions and statutes as lawyers cite them (parse/legal.py), on invented cases and Acts:
US reports, Commonwealth square-bracket years and AGLC round ones, US and UK statutes; and what must
stay an ordinary reference."""

from __future__ import annotations

import pytest

from refkit.parse import parse_text
from refkit.parse.legal import parse_legal


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


@pytest.mark.parametrize("text, want", [
    ("Okafor v. Harbor Board of Trustees, 512 U.S. 201 (1994).",
     {"type": "legal_case", "title": "Okafor v. Harbor Board of Trustees", "container-title": "U.S.", "volume": "512",
      "page": "201"}),
    ("Lind v. Varga, 88 F.3d 1201, 1210 (9th Cir. 1996)",
     {"type": "legal_case", "title": "Lind v. Varga", "container-title": "F.3d", "volume": "88", "page": "1201",
      "authority": "9th Cir."}),
    ("R v Tranter, [1991] 2 SCR 455", {"type": "legal_case", "title": "R v Tranter", "container-title": "SCR",
                                       "volume": "2", "page": "455"}),
    ("Moreau v Coastal Authority [No 3] (1999) 190 CLR 44.",
     {"type": "legal_case", "title": "Moreau v Coastal Authority [No 3]", "container-title": "CLR", "volume": "190",
      "page": "44"}),
    ("Harbour Safety Act of 1971, Pub. L. No. 92-340, 86 Stat. 424.",
     {"type": "legislation", "title": "Harbour Safety Act of 1971", "number": "Pub. L. No. 92-340",
      "container-title": "Stat.", "volume": "86", "page": "424"}),
    ("Coastal Access Act 2009, c. 23.", {"type": "legislation", "title": "Coastal Access Act 2009", "number": "c. 23"}),
])
def test_cases_and_statutes(text, want):
    item = one(text)
    assert {k: item.get(k) for k in want} == want


def test_the_year_of_a_case():
    assert one("Okafor v. Harbor Board of Trustees, 512 U.S. 201 (1994).")["issued"] == {"date-parts": [[1994]]}


@pytest.mark.parametrize("text", [
    "Smith, J. (2001). A v B testing in practice. Journal of Testing 3, 1-2.",
    "Varga, P. 2004. The Clean Air Act of 1970 and its critics. Environmental Law Review 12: 3–40.",
    "Lind v. Varga and the limits of tort law. Harvard Law Review 101, 1 (1988).",
])
def test_references_about_the_law_stay_references(text):
    assert parse_legal(text) is None


@pytest.mark.parametrize("text, want", [
    ("BVerfG, Urteil vom 3.4.1987 – 2 BvR 11/86 –, BVerfGE 75, 40 – Hafenordnung.",
     {"type": "legal_case", "authority": "BVerfG", "genre": "Urteil", "number": "2 BvR 11/86", "container-title": "BVerfGE",
      "volume": "75", "page": "40", "title": "Hafenordnung", "issued": {"date-parts": [[1987, 4, 3]]}}),
    ("BVerfGE 101, 7 (12) – Deichbau.", {"type": "legal_case", "container-title": "BVerfGE", "volume": "101", "page": "7",
                                        "title": "Deichbau"}),
    ("Gesetz über den Küstenschutz (Küstenschutzgesetz – KüSchG) vom 4. März 2009, BGBl. I S. 310.",
     {"type": "legislation", "title": "Gesetz über den Küstenschutz (Küstenschutzgesetz – KüSchG)",
      "container-title": "BGBl. I", "page": "310", "issued": {"date-parts": [[2009, 3, 4]]}}),
])
def test_german_decisions_and_statutes(text, want):
    item = one(text)
    assert {k: item.get(k) for k in want} == want


def test_german_law_journal_footnotes():
    item = one("Lind, Petra, Der Deich als Rechtsgut, JZ 1991, S. 412 ff.")
    assert (item["container-title"], item["page"], item["issued"]) == ("JZ", "412", {"date-parts": [[1991]]})
    item = one("Varga, T., Hafenrecht und Eigentum, NJW 1988, 2301 (2304).")
    assert (item["container-title"], item["page"]) == ("NJW", "2301")
