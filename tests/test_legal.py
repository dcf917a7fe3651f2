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
    ("BGH, Urt. v. 4.5.2016 – IV ZR 17/15, NJW 2016, 2419 Rn. 12 – Hafenkran.",
     {"type": "legal_case", "authority": "BGH", "genre": "Urt.", "number": "IV ZR 17/15", "container-title": "NJW",
      "page": "2419", "title": "Hafenkran", "note": "Rn. 12", "issued": {"date-parts": [[2016, 5, 4]]}}),
    ("EuGH, Urt. v. 2.3.2011, Rs. C-88/09 (Deichverband), ECLI:EU:C:2011:101, Rn. 40.",
     {"type": "legal_case", "authority": "EuGH", "number": "C-88/09", "title": "Deichverband",
      "note": "ECLI:EU:C:2011:101, Rn. 40", "issued": {"date-parts": [[2011, 3, 2]]}}),
    ("EGMR, Urt. v. 8.1.2009 – 12345/05 und 23456/06, NJW 2010, 77 – Lind/Norwegen.",
     {"type": "legal_case", "authority": "EGMR", "number": "12345/05 und 23456/06", "container-title": "NJW", "page": "77",
      "title": "Lind/Norwegen"}),
    ("BT-Drs. 17/4411, S. 23.", {"type": "bill", "collection-title": "BT-Drs.", "number": "17/4411", "page": "23"}),
    ("Gesetzentwurf der Bundesregierung: Entwurf eines Gesetzes über Deiche, BT-Drucks. 16/9090 vom 2.5.2008, S. 7.",
     {"type": "bill", "genre": "Gesetzentwurf der Bundesregierung", "title": "Entwurf eines Gesetzes über Deiche",
      "collection-title": "BT-Drucks.", "number": "16/9090", "page": "7", "issued": {"date-parts": [[2008, 5, 2]]}}),
])
def test_german_decisions_and_statutes(text, want):
    item = one(text)
    assert {k: item.get(k) for k in want} == want


def test_german_law_journal_footnotes():
    item = one("Lind, Petra, Der Deich als Rechtsgut, JZ 1991, S. 412 ff.")
    assert (item["container-title"], item["page"], item["issued"]) == ("JZ", "412", {"date-parts": [[1991]]})
    item = one("Varga, T., Hafenrecht und Eigentum, NJW 1988, 2301 (2304).")
    assert (item["container-title"], item["page"]) == ("NJW", "2301")


@pytest.mark.parametrize("text, want", [
    ("Lind, in: Varga, HafG, 12. Aufl. 2021, § 14 Rn. 3.",
     {"type": "entry-encyclopedia", "author": [{"family": "Lind"}], "editor": [{"family": "Varga"}], "title": "§ 14",
      "container-title": "HafG", "edition": "12", "note": "Rn. 3", "issued": {"date-parts": [[2021]]}}),
    ("Osei, in: Lind/Varga, Deichgesetz, Art. 3 Abs. 2 (März 2011), Rn. 40.",
     {"author": [{"family": "Osei"}], "editor": [{"family": "Lind"}, {"family": "Varga"}], "title": "Art. 3 Abs. 2",
      "container-title": "Deichgesetz", "issued": {"date-parts": [[2011, 3]]}}),
    ("Tran, in: BeckOK HafG, Lind/Moss, 30. Ed., Stand: 1.2.2024, § 2 Rn. 8.",
     {"author": [{"family": "Tran"}], "editor": [{"family": "Lind"}, {"family": "Moss"}], "container-title": "BeckOK HafG",
      "edition": "30", "title": "§ 2", "issued": {"date-parts": [[2024, 2, 1]]}}),
    ("Holm, Anders, in: Lind, Petra (Hrsg.), Deichrecht, Bd. II, 3. Aufl., Kiel 2015, Art. 12 Rn. 45.",
     {"author": [{"family": "Holm", "given": "Anders"}], "editor": [{"family": "Lind", "given": "Petra"}],
      "container-title": "Deichrecht", "volume": "II", "edition": "3", "publisher-place": "Kiel", "title": "Art. 12"}),
    ("MüKoHafG/Osei, 4. Aufl. 2019, HafG § 7 Rn. 21.",
     {"author": [{"family": "Osei"}], "container-title": "MüKoHafG", "title": "HafG § 7", "edition": "4", "note": "Rn. 21"}),
])
def test_german_commentaries(text, want):
    item = one(text)
    assert {k: item.get(k) for k in want} == want


def test_a_commentary_is_only_read_whole():
    """Without the provision and margin number it is no commentary citation: the usual parse reads it."""
    assert parse_legal("Lind, in: Varga, HafG, 12. Aufl. 2021, S. 14.") is None
    assert parse_legal("Lind, Petra, Der Deich, in: Varga, HafG, 12. Aufl. 2021, § 14 Rn. 3.") is None


@pytest.mark.parametrize("text, want", [
    ("Lind v Harbour Board [2019] UKSC 12.",
     {"type": "legal_case", "title": "Lind v Harbour Board", "authority": "UKSC", "number": "12"}),
    ("Varga v Moss [2004] EWCA Civ 311.", {"authority": "EWCA Civ", "number": "311"}),
    ("Harbours Act 2012, c. 9. Available at: https://www.legislation.gov.uk/ukpga/2012/9 (Accessed: 4 May 2024).",
     {"type": "legislation", "title": "Harbours Act 2012", "number": "c. 9", "URL": "https://www.legislation.gov.uk/ukpga/2012/9",
      "accessed": {"date-parts": [[2024, 5, 4]]}}),
])
def test_neutral_citations_and_an_act_online(text, want):
    item = one(text)
    assert {k: item.get(k) for k in want} == want
