"""Where a name list ends and the title begins, on invented references: a given name ending in an
initial before a title with a colon, a last name after '&' that is whole, a one-word title head
with a comma, and initials-first names that must stay names."""

from __future__ import annotations

import pytest

from refkit.parse import parse_text


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


def people(item: dict) -> list[tuple[str, str]]:
    return [(n.get("family", ""), n.get("given", "")) for n in item.get("author", [])]


@pytest.mark.parametrize("text, names, title", [
    ("Lindqvist, Ragnar T. Quiet Waters: A Social History of the Baltic Ports. Boston: Harbor Press, 1987.",
     [("Lindqvist", "Ragnar T.")], "Quiet Waters: A Social History of the Baltic Ports"),
    ("Okoro, Adaeze N. Market Women: Trade and Kinship in Onitsha, 1900–1960. Ibadan: Lantern Books, 2011.",
     [("Okoro", "Adaeze N.")], "Market Women: Trade and Kinship in Onitsha, 1900–1960"),
    ("12. Varga, P., Moreau, A., Lindahl, K. & Osei, P. Salt Roads: A Regional Study. (Meridian Academic, Leiden, 1979).",
     [("Varga", "P."), ("Moreau", "A."), ("Lindahl", "K."), ("Osei", "P.")], "Salt Roads: A Regional Study"),
    ("7. Tran, Q. Rivers, Dykes and Village Markets. (Mekong Heritage Trust, Hue).",
     [("Tran", "Q.")], "Rivers, Dykes and Village Markets"),
])
def test_the_title_head_is_not_part_of_the_names(text, names, title):
    item = one(text)
    assert people(item) == names
    assert item["title"] == title


@pytest.mark.parametrize("text, names, title", [
    ("[3] K. Haldane, The Chemistry of Dyes, Meridian College Press, 2004.", [("Haldane", "K.")],
     "The Chemistry of Dyes"),
    ("Brandt, K., Osei, P. & Lindahl, K. J. Tidal flats and their birds. Journal of Coastal Ecology 12, 33–41 (2008).",
     [("Brandt", "K."), ("Osei", "P."), ("Lindahl", "K. J.")], "Tidal flats and their birds"),
])
def test_names_that_look_like_a_title_head_stay_names(text, names, title):
    item = one(text)
    assert people(item) == names
    assert item["title"] == title


def test_a_one_word_title_after_initials_before_a_container():
    item = one("17. Osei, K. Mangroves. Encyclopedia of coastal science (2019).")
    assert people(item) == [("Osei", "K.")]
    assert item["title"] == "Mangroves"
    assert item["container-title"] == "Encyclopedia of coastal science"


def test_a_quoted_title_after_the_periodical_printed_first():
    item = one("The Harbour Gazette. “Tides, Tolls and the New Quay.” March 3, 2024.")
    assert item["title"] == "Tides, Tolls and the New Quay"
    assert item["container-title"] == "The Harbour Gazette"
    assert item["issued"]["date-parts"][0] == [2024, 3, 3]


def test_econometrica_capitals_and_apa_ellipsis():
    from refkit.parse.fields import split_names

    assert [(n.family, n.given) for n in split_names("OSEI, K. W., AND P. T. LIND")] == [("OSEI", "K. W."), ("LIND", "P. T.")]
    assert [(n.family, n.given) for n in split_names("Osei, K., Lind, P., . . . Varga, T.")] == [
        ("Osei", "K."), ("Lind", "P."), ("Varga", "T.")]


def test_edited_and_translated_by_gives_both_roles():
    item = one("Okafor, Ama. 1968. Letters from the Coast. Edited and translated by Petra Lind and Tomas Varga. "
               "London: Harbor Books.")
    assert people_of(item, "editor") == people_of(item, "translator") == [("Lind", "Petra"), ("Varga", "Tomas")]


def people_of(item: dict, role: str) -> list[tuple[str, str]]:
    return [(n.get("family", ""), n.get("given", "")) for n in item.get(role, [])]


def test_a_capitalised_particle_opens_the_family_name():
    from refkit.parse.fields import split_names

    assert [(n.family, n.given) for n in split_names("Ugo Di Marco and Paula Van Dijk")] == [("Di Marco", "Ugo"),
                                                                                         ("Van Dijk", "Paula")]
