"""German conventions on invented references: '13. Jg., H. 3', APuZ's '62 (2012) 5–6, S. 3–9', a place
with no publisher at the end, editors with '(Hg.):' before the book, 'in: ders., Book', a series'
'Heft 9', and theses ('Diss. phil. Univ. Köln 1931')."""

from __future__ import annotations

from refkit.parse import parse_text


def one(text: str) -> dict:
    return parse_text(text, one_per_line=True)[0].ref.to_csl()


def test_ordinal_jahrgang_and_heft():
    item = one("Brandt, K. (1979): Arbeit und Alter. In: Soziale Praxis, 21. Jg., H. 4, S. 101–118.")
    assert (item["volume"], item["issue"], item["page"]) == ("21", "4", "101-118")


def test_volume_year_and_a_bare_issue():
    item = one("Jana Roth, Die Stadt als Bühne, in: Aus Politik und Zeitgeschichte, 65 (2015) 12–13, S. 20–27.")
    assert (item["volume"], item["issue"], item["page"]) == ("65", "12–13", "20-27")
    assert item["container-title"] == "Aus Politik und Zeitgeschichte"


def test_a_place_alone_is_no_publisher():
    item = one("Vogt, H./Lenz, P. (2003): Ordnung und Strafe. Studien zur Kriminalpolitik. Münster.")
    assert item["publisher-place"] == "Münster"
    assert "publisher" not in item


def test_the_book_after_the_editors_role():
    item = one("Lenz, P. (1971): Neue Wege der Soziologie. In: Lenz, P./Roth, J. (Hg.): Gesellschaftslehre. "
               "Frankfurt a. M., S. 210–240.")
    assert item["container-title"] == "Gesellschaftslehre"
    assert item["publisher-place"] == "Frankfurt a. M."
    assert item["page"] == "210-240"
    assert [n["family"] for n in item["editor"]] == ["Lenz", "Roth"]


def test_ders_before_the_authors_own_book():
    item = one("Roth, J., Die Krise der Öffentlichkeit, in: ders., Politische Aufsätze I–III, Berlin 1985, 12–40.")
    assert item["container-title"] == "Politische Aufsätze I–III"


def test_a_series_with_heft():
    item = one("Lenz, P., Der Begriff der Arbeit bei Hegel, Berlin 1931 (Philosophische Studien, Heft 4).")
    assert (item["collection-title"], item["collection-number"]) == ("Philosophische Studien", "4")


def test_german_theses():
    item = one("Roth, J., Die Stadt im Roman, Diss. phil. Univ. Köln 1931.")
    assert item["type"] == "thesis"
    assert item["title"] == "Die Stadt im Roman"
    assert item["publisher"] == "Univ. Köln"
    item = one("Lenz, P., Der Bauernroman, Diss. Freiburg i. Br. 1925.")
    assert (item["type"], item["publisher-place"]) == ("thesis", "Freiburg i. Br.")


def test_a_series_after_an_equals_sign():
    item = one("Lenz, Petra (1988): Die Küste als Risiko. Frankfurt a. M.: Suhrkamp (= edition suhrkamp 1412).")
    assert (item["publisher"], item["collection-title"], item["collection-number"]) == ("Suhrkamp", "edition suhrkamp",
                                                                                       "1412")
    assert "edition" not in item


def test_editors_with_slashes_before_the_year():
    item = one("Roth, Jana/Lenz, Petra/Varga, Tomas (Hg.) (2011): Küstenbericht 2011. Zürich: Seismo.")
    assert [n["family"] for n in item["editor"]] == ["Roth", "Lenz", "Varga"]
    assert "author" not in item
    assert item["title"] == "Küstenbericht 2011"
    assert item["issued"] == {"date-parts": [[2011]]}
