"""Focused tests of the fixes refkit's layer makes over citeproc-py, one behaviour each."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from refkit.errors import StyleError
from refkit.format.api import cite, format_bibliography, load_style, read_many
from refkit.format.csl import initials, is_numeric, page_range
from refkit.format.richtext import apply_case, parse_markup, plain

CSL_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {attrs}>'


def mini_style(tmp_path: Path, bib_layout: str, cite_layout: str = '<text variable="title"/>', attrs: str = "",
               bib_attrs: str = "", cite_attrs: str = "", sort: str = "", macros: str = "") -> str:
    text = CSL_HEAD.format(attrs=attrs) + textwrap.dedent(f"""
      <info><title>test</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
      {macros}
      <citation {cite_attrs}><layout prefix="(" suffix=")" delimiter="; ">{cite_layout}</layout></citation>
      <bibliography {bib_attrs}>{sort}<layout>{bib_layout}</layout></bibliography>
    </style>""")
    p = tmp_path / "t.csl"
    p.write_text(text, encoding="utf-8")
    return str(p)


def bib(tmp_path: Path, layout: str, items: list[dict], **kw) -> list[str]:
    st = load_style(mini_style(tmp_path, layout, **kw), "en-US")
    return [e.text for e in format_bibliography(items, st)]


# ---------------------------------------------------------------- punctuation
def test_comma_moves_inside_closing_quote(tmp_path: Path) -> None:
    out = bib(tmp_path, '<group delimiter=", "><text variable="title" quotes="true"/><text variable="publisher"/></group>',
              [{"id": "a", "type": "book", "title": "Night trains", "publisher": "Kestrel"}])
    assert out == ["\u201cNight trains,\u201d Kestrel"]


def test_question_mark_swallows_following_period(tmp_path: Path) -> None:
    out = bib(tmp_path, '<text variable="title" suffix="."/>', [{"id": "a", "type": "book", "title": "Why trains?"}])
    assert out == ["Why trains?"]


def test_no_double_period_after_abbreviation(tmp_path: Path) -> None:
    out = bib(tmp_path, '<group delimiter=". "><text variable="title"/><text variable="publisher"/></group>',
              [{"id": "a", "type": "book", "title": "Trains Inc.", "publisher": "Kestrel"}])
    assert out == ["Trains Inc. Kestrel"]


# ---------------------------------------------------------------- names
@pytest.mark.parametrize("given,mark,hyphen,want", [
    ("Adaeze N.", ". ", True, "A. N."),
    ("Jean-Paul", ". ", True, "J.-P."),
    ("Jean-Paul", "", False, "JP"),
    ("Soo-jin", ". ", True, "S."),
    ("J. David", ". ", True, "J. D."),
])
def test_initials(given: str, mark: str, hyphen: bool, want: str) -> None:
    assert initials(given, mark, True, hyphen) == want


def test_initialize_false_keeps_full_given_names() -> None:
    assert initials("Soo-jin", ". ", False, True) == "Soo-jin"
    assert initials("Warren F", ". ", False, True) == "Warren F."


def test_particles_and_suffix_in_sort_order(tmp_path: Path) -> None:
    layout = ('<names variable="author"><name name-as-sort-order="all" and="symbol" initialize-with=". " '
              'delimiter-precedes-last="always"/></names>')
    items = [{"id": "a", "type": "book", "author": [
        {"family": "Berg", "given": "Jan", "non-dropping-particle": "van den"},
        {"family": "Whitfield", "given": "Marcus T.", "suffix": "Jr."}]}]
    assert bib(tmp_path, layout, items, attrs='demote-non-dropping-particle="never"') == [
        "van den Berg, J., & Whitfield, M. T., Jr."]
    assert bib(tmp_path, layout, items, attrs='demote-non-dropping-particle="display-and-sort"') == [
        "Berg, J. van den, & Whitfield, M. T., Jr."]


def test_et_al_use_last(tmp_path: Path) -> None:
    names = [{"family": f"F{i}", "given": "A"} for i in range(25)]
    layout = ('<names variable="author"><name et-al-min="21" et-al-use-first="19" et-al-use-last="true" '
              'initialize-with=". " name-as-sort-order="all"/></names>')
    out = bib(tmp_path, layout, [{"id": "a", "type": "book", "author": names}])[0]
    assert out.endswith("F18, A., \u2026 F24, A.") and "F19" not in out


def test_others_marker_forces_et_al(tmp_path: Path) -> None:
    layout = '<names variable="author"><name/></names>'
    out = bib(tmp_path, layout, [{"id": "a", "type": "book", "author": [{"family": "Belobrov", "given": "Y."},
                                                                      {"literal": "others"}]}])
    assert out == ["Y. Belobrov et al."]


def test_missing_author_substitutes_title_once(tmp_path: Path) -> None:
    layout = ('<group delimiter=". "><names variable="author"><substitute><text variable="title"/></substitute>'
              '</names><text variable="title"/></group>')
    out = bib(tmp_path, layout, [{"id": "a", "type": "webpage", "title": "Accessibility statement"}])
    assert out == ["Accessibility statement"]


def test_subsequent_author_substitute(tmp_path: Path) -> None:
    layout = '<group delimiter=". "><names variable="author"><name/></names><text variable="title"/></group>'
    items = [{"id": "a", "type": "book", "author": [{"family": "Kim", "given": "H"}], "title": "One"},
             {"id": "b", "type": "book", "author": [{"family": "Kim", "given": "H"}], "title": "Two"}]
    out = bib(tmp_path, layout, items, bib_attrs='subsequent-author-substitute="———"')
    assert out == ["H Kim. One", "———. Two"]


# ---------------------------------------------------------------- numbers, dates, case
@pytest.mark.parametrize("fmt,want", [("expanded", "1123\u20131139"), ("minimal", "1123\u201339"),
                                      ("minimal-two", "1123\u201339"), ("chicago-16", "1123\u201339")])
def test_page_range_formats(fmt: str, want: str) -> None:
    assert page_range("1123-1139", fmt) == want


def test_page_range_never_prints_one_to_zero() -> None:
    assert page_range("100-110", "minimal-two") == "100\u201310"
    assert page_range("1-10", "minimal") == "1\u201310"


def test_is_numeric() -> None:
    assert is_numeric("12") and is_numeric("2nd") and is_numeric("12-14") and is_numeric("1, 3")
    assert not is_numeric("Second") and not is_numeric("2007/03")


def test_date_range_and_season(tmp_path: Path) -> None:
    layout = '<date variable="issued" form="text"/>'
    items = [{"id": "a", "type": "book", "issued": {"date-parts": [[2019, 6, 3], [2019, 6, 7]]}},
             {"id": "b", "type": "book", "issued": {"date-parts": [[1998], [2003]]}},
             {"id": "c", "type": "book", "issued": {"date-parts": [[2017]], "season": 2}}]
    assert bib(tmp_path, layout, items) == ["June 3\u20137, 2019", "1998\u20132003", "Summer 2017"]


@pytest.mark.parametrize("issued", [
    {"date-parts": [["2019", "x"]]}, {"date-parts": [[2019, 13]]}, {"date-parts": [[-50]]},
    {"date-parts": [[2019], []]}, {"literal": "Winter 1968-1969"}, {"raw": "2020-05-03"}, "2020", {"date-parts": []},
])
def test_odd_dates_do_not_crash(tmp_path: Path, issued: object) -> None:
    out = bib(tmp_path, '<group delimiter=" "><text variable="title"/><date variable="issued" form="text"/></group>',
              [{"id": "a", "type": "book", "title": "T", "issued": issued}])
    assert out and out[0].startswith("T")


def test_title_case_keeps_stop_words_and_nocase() -> None:
    got = plain(apply_case(parse_markup('deploying <span class="nocase">iPhone</span> apps for the EU: a survey'),
                           "title"))
    assert got == "Deploying iPhone Apps for the EU: A Survey"


def test_title_case_only_for_english(tmp_path: Path) -> None:
    layout = '<text variable="title" text-case="title"/>'
    out = bib(tmp_path, layout, [{"id": "a", "type": "book", "title": "la ville et ses rues", "language": "fr"},
                                 {"id": "b", "type": "book", "title": "the town and its streets"}])
    assert set(out) == {"la ville et ses rues", "The Town and Its Streets"}


# ---------------------------------------------------------------- disambiguation and sorting
def test_year_suffix_follows_bibliography_order(tmp_path: Path) -> None:
    cite_layout = '<group delimiter=", "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date></group>'
    layout = ('<group delimiter=" "><names variable="author"><name form="short"/></names>'
              '<date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date><text variable="title"/></group>')
    sort = '<sort><key variable="author"/><key variable="issued"/><key variable="title"/></sort>'
    items = [{"id": "h", "type": "book", "author": [{"family": "Smith", "given": "J"}], "title": "Household",
              "issued": {"date-parts": [[2020]]}},
             {"id": "c", "type": "book", "author": [{"family": "Smith", "given": "J"}], "title": "Consumption",
              "issued": {"date-parts": [[2020]]}}]
    path = mini_style(tmp_path, layout, cite_layout, sort=sort, cite_attrs='disambiguate-add-year-suffix="true"')
    st = load_style(path, "en-US")
    assert [e.text for e in format_bibliography(items, st)] == ["Smith (2020a) Consumption", "Smith (2020b) Household"]
    assert cite(items, ["h"], st) == "(Smith, 2020b)"


def test_empty_sort_keys_go_last(tmp_path: Path) -> None:
    sort = '<sort><key variable="issued" sort="descending"/></sort>'
    items = [{"id": "x", "type": "book", "title": "Nodate"},
             {"id": "y", "type": "book", "title": "Old", "issued": {"date-parts": [[1990]]}},
             {"id": "z", "type": "book", "title": "New", "issued": {"date-parts": [[2020]]}}]
    assert bib(tmp_path, '<text variable="title"/>', items, sort=sort) == ["New", "Old", "Nodate"]


# ---------------------------------------------------------------- HTML
def test_html_is_escaped_and_well_formed(tmp_path: Path) -> None:
    from lxml import etree

    st = load_style(mini_style(tmp_path, '<group delimiter=". "><text variable="title" font-style="italic"/>'
                                         '<text variable="publisher"/></group>'), "en-US")
    items = [{"id": "a", "type": "book", "title": "Rail & <Travel>", "publisher": "A & B <i>x</i>"}]
    html = format_bibliography(items, st, "html")[0].text
    assert "&#38;" in html and "&#60;Travel&#62;" in html and "<i>Rail" in html
    etree.fromstring(html.replace("&#", "&#"))  # raises if not well-formed


# ---------------------------------------------------------------- errors
def test_unknown_style_has_did_you_mean() -> None:
    with pytest.raises(StyleError) as e:
        load_style("apaa")
    assert "did you mean" in (e.value.hint or "") and "'apa'" in (e.value.hint or "")


def test_broken_csl_is_a_style_error(tmp_path: Path) -> None:
    p = tmp_path / "broken.csl"
    p.write_text('<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout>', encoding="utf-8")
    with pytest.raises(StyleError, match="not a valid CSL file"):
        load_style(p)
    q = tmp_path / "nomacro.csl"
    q.write_text(CSL_HEAD.format(attrs="") + '<citation><layout><text macro="nope"/></layout></citation></style>',
                 encoding="utf-8")
    with pytest.raises(StyleError, match="undefined macro"):
        load_style(q)
    r = tmp_path / "notcsl.csl"
    r.write_text("<html/>", encoding="utf-8")
    with pytest.raises(StyleError, match="not a CSL style"):
        load_style(r)


def test_dependent_style_resolves_to_parent() -> None:
    from refkit.format.styles import find_style, search_styles

    dependents = [s for s in search_styles("") if s.parent][:1]
    if not dependents:
        pytest.skip("no dependent styles installed")
    info = find_style(dependents[0].name)
    assert info.parent and info.path.stem == info.parent


def test_entries_missing_fields_render(tmp_path: Path) -> None:
    st = load_style("apa", "en-US")
    items = [{"id": "empty", "type": "article-journal"}, {"id": "t", "type": "book", "title": "Only a title"},
             {"id": "n", "type": "chapter", "author": [{"given": "Solo"}]}]
    entries = format_bibliography(items, st)
    assert {e.id for e in entries} >= {"t", "n"}


def test_bibtex_and_json_inputs_agree(tmp_path: Path) -> None:
    bibf = tmp_path / "r.bib"
    bibf.write_text("@article{k1, author = {van den Berg, Jan and Others}, title = {Dune {DNA} in {\\\"O}land},"
                    " journal = {J}, year = {2017}, pages = {1--9}}\n", encoding="utf-8")
    items, warnings = read_many([str(bibf)], sentence_case="never")
    assert not warnings
    import json
    jsonf = tmp_path / "r.json"
    jsonf.write_text(json.dumps(items), encoding="utf-8")
    items2, _ = read_many([str(jsonf)])
    st = load_style("apa", "en-US")
    a = format_bibliography(items, st)[0].text
    assert a == format_bibliography(items2, st)[0].text
    assert "Öland" in a and "1–9" in a and "van den Berg, J." in a


def test_italics_inside_italics_flip_to_roman(tmp_path: Path) -> None:
    st = load_style(mini_style(tmp_path, '<text variable="title" font-style="italic"/>'), "en-US")
    html = format_bibliography([{"id": "a", "type": "book", "title": "Growth of <i>Homo sapiens</i>"}], st, "html")
    assert html[0].text == ('<div class="csl-entry"><i>Growth of <span style="font-style:normal;">Homo sapiens'
                            '</span></i></div>')


def test_period_goes_outside_formatting_but_inside_quotes(tmp_path: Path) -> None:
    st = load_style(mini_style(tmp_path, '<text variable="title" quotes="true" suffix="."/>'), "en-US")
    html = format_bibliography([{"id": "a", "type": "book", "title": "Growth of <i>Homo</i>"}], st, "html")
    assert html[0].text == '<div class="csl-entry">\u201cGrowth of <i>Homo</i>.\u201d</div>'


def test_particle_with_apostrophe_takes_no_space(tmp_path: Path) -> None:
    layout = '<names variable="author"><name/></names>'
    out = bib(tmp_path, layout, [{"id": "a", "type": "book", "author": [
        {"family": "Amato", "given": "Lia", "non-dropping-particle": "d'"}]}])
    assert out == ["Lia d\u2019Amato"]


def test_page_range_that_cannot_be_expanded_is_left_alone() -> None:
    assert page_range("360-75", "expanded") == "360\u2013375"
    assert page_range("197-12", "expanded") == "197\u201312"


def test_by_cite_disambiguation_expands_the_first_given_name(tmp_path: Path) -> None:
    cite_layout = '<names variable="author"><name form="short" initialize-with=". "/></names>'
    items = [{"id": "a", "type": "book", "title": "A", "author": [{"family": "Okafor", "given": "Adaeze N."}]},
             {"id": "b", "type": "book", "title": "B", "author": [{"family": "Okafor", "given": "Bola"}]}]
    st = load_style(mini_style(tmp_path, '<text variable="title"/>', cite_layout,
                               cite_attrs='disambiguate-add-givenname="true"'), "en-US")
    assert [cite(items, [k], st) for k in "ab"] == ["(A. N. Okafor)", "(B. Okafor)"]


def test_unknown_locale_is_a_style_error() -> None:
    with pytest.raises(StyleError, match="no CSL locale"):
        load_style("apa", "xx-YY")


def test_bibtex_braces_protect_case(tmp_path: Path) -> None:
    f = tmp_path / "r.bib"
    f.write_text("@book{k, title = {Dune {DNA} and {NASA Data}}, year = {2017}}\n", encoding="utf-8")
    items, _ = read_many([str(f)], sentence_case="never")
    st = load_style(mini_style(tmp_path, '<text variable="title" text-case="lowercase"/>'), "en-US")
    assert [e.text for e in format_bibliography(items, st)] == ["dune DNA and NASA Data"]


def test_collapse_year_and_citation_numbers(tmp_path: Path) -> None:
    items = [{"id": k, "type": "book", "title": k, "author": [{"family": fam, "given": "J"}],
              "issued": {"date-parts": [[y]]}}
             for k, fam, y in (("a", "Smith", 2020), ("b", "Smith", 2018), ("c", "Adams", 2019), ("d", "Lee", 2001))]
    cite_layout = ('<group delimiter=", "><names variable="author"><name form="short"/></names>'
                   '<date variable="issued"><date-part name="year"/></date></group>')
    st = load_style(mini_style(tmp_path, '<text variable="title"/>', cite_layout, cite_attrs='collapse="year"'), "en-US")
    assert cite(items, ["a", "b", "c"], st) == "(Smith, 2020, 2018; Adams, 2019)"
    st2 = load_style(mini_style(tmp_path, '<text variable="title"/>', '<text variable="citation-number"/>',
                                cite_attrs='collapse="citation-number"'), "en-US")
    assert cite(items, ["d", "a", "c", "b"], st2) == "(1\u20134)"
    assert cite(items, ["a", "b", "d"], st2) == "(1; 2; 4)"


# ---------------------------------------------------------------- suite-driven fixes (issue 11)
def test_ordinal_agrees_with_the_month_gender(tmp_path: Path) -> None:
    layout = '<date variable="issued"><date-part name="day" form="ordinal" suffix=" "/><date-part name="month"/></date>'
    st = load_style(mini_style(tmp_path, layout), "fr-FR")
    items = [{"id": "a", "type": "book", "issued": {"date-parts": [[2004, 10, 1]]}},
             {"id": "b", "type": "book", "issued": {"date-parts": [[2004, 10, 2]]}}]
    out = [e.text for e in format_bibliography(items, st)]
    assert out == ["1\u1d49\u02b3 octobre", "2 octobre"]  # "1er" (masculine), other days without ordinal


def test_style_ordinals_replace_the_locale_ones(tmp_path: Path) -> None:
    macros = '<locale><terms><term name="ordinal">th</term></terms></locale>'
    out = bib(tmp_path, '<number variable="edition" form="ordinal"/>',
              [{"id": "a", "type": "book", "edition": "1"}, {"id": "b", "type": "book", "edition": "22"}], macros=macros)
    assert out == ["1th", "22th"]


def test_et_al_use_first_zero_prints_no_names(tmp_path: Path) -> None:
    layout = ('<group delimiter=" // "><names variable="author"><name et-al-min="2" et-al-use-first="0"/></names>'
              '<text variable="title"/></group>')
    out = bib(tmp_path, layout, [{"id": "a", "type": "book", "title": "T",
                                  "author": [{"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"}]}])
    assert out == ["T"]


def test_initials_keep_the_markup_of_a_given_name() -> None:
    assert initials("<b>John</b> Quiggly", ". ", True, True) == "<b>J.</b> Q."
    assert initials("<b>John</b>-Quiggly", ". ", True, True) == "<b>J.</b>-Q."
    assert initials("<i>J</i>Q", ". ", True, True) == "<i>J.</i> Q."


def test_numeric_style_keeps_a_numbered_place_for_an_entry_it_prints_nothing_for(tmp_path: Path) -> None:
    layout = ('<choose><if type="personal_communication" match="none"><group delimiter=". ">'
              '<text variable="citation-number"/><text variable="title"/></group></if></choose>')
    st = load_style(mini_style(tmp_path, layout, cite_layout='<text variable="citation-number"/>'), "en-US")
    items = [{"id": "a", "type": "book", "title": "One"}, {"id": "b", "type": "personal_communication", "title": "Two"},
             {"id": "c", "type": "book", "title": "Three"}]
    out = [e.text for e in format_bibliography(items, st)]
    assert out[0] == "1. One" and out[2] == "3. Three"
    assert out[1].startswith("2. [CSL STYLE ERROR")
    # an author-date style simply leaves such entries out
    st = load_style(mini_style(tmp_path, '<text variable="title"/>'.join(["<choose><if type=\"book\">", "</if></choose>"])),
                    "en-US")
    assert [e.text for e in format_bibliography(items, st)] == ["One", "Three"]


def test_turkish_items_uppercase_a_dotted_i() -> None:
    assert plain(apply_case("ic and ıd", "uppercase", "tr")) == "\u0130C AND ID"
    assert plain(apply_case("ic and ıd", "uppercase", "en-US")) == "IC AND ID"
    assert plain(apply_case("IC \u0130D", "lowercase", "tr-TR")) == "\u0131c id"


def test_title_case_leaves_a_stop_word_after_an_em_dash_small() -> None:
    assert plain(apply_case("traits\u2014self-esteem and stability\u2014with job satisfaction", "title")) == \
        "Traits\u2014Self-Esteem and Stability\u2014with Job Satisfaction"
