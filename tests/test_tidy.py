"""tidy: the canonical layout, idempotence, byte-stable output on tidy input, kept comments/@string."""

from __future__ import annotations

import pytest

from refkit.errors import ConfigError
from refkit.manage.tidy import TidyOptions, tidy_text, to_latex, to_unicode

MESSY = """% a comment that stays
@String{ jx = "Journal X" }

@ARTICLE{b2,
    Title="A {GPU} Study",
  author = {Doe,   Jane and
            Roe, Richard},
  YEAR = 2020, month = {March},
  journal = jx # { Letters},
  pages={1--2},
}
@preamble{ "\\newcommand{\\x}{y}" }



@misc{a1, title = {Only}}
"""

TIDY = """% a comment that stays
@String{ jx = "Journal X" }

@article{b2,
  author = {Doe, Jane and Roe, Richard},
  title = {A {GPU} Study},
  journal = jx # { Letters},
  pages = {1--2},
  month = mar,
  year = {2020}
}

@preamble{ "\\newcommand{\\x}{y}" }

@misc{a1,
  title = {Only}
}
"""


def test_canonical_layout():
    r = tidy_text(MESSY, name="m.bib")
    assert r.text == TIDY
    assert [c.key for c in r.changes if c.key] == ["b2", "a1"]
    assert tidy_text(TIDY).changes == [] and tidy_text(TIDY).text == TIDY


@pytest.mark.parametrize("opts", [
    {}, {"sort": "author"}, {"sort": "year", "delimiters": "quotes", "numbers": "bare"},
    {"encoding": "unicode", "align": True}, {"encoding": "latex", "trailing_comma": True, "month": "number"},
    {"field_order": "keep", "indent": "\t", "remove_empty": True},
])
def test_idempotent_under_options(opts):
    o = TidyOptions(**opts)
    once = tidy_text(MESSY, o).text
    assert tidy_text(once, o).text == once
    assert tidy_text(once, o).changes == []


def test_only_changed_entries_are_rewritten():
    text = TIDY.replace("@misc{a1,\n  title = {Only}\n}", "@misc{a1,  title={Only}}")
    r = tidy_text(text)
    assert r.text == TIDY and [c.key for c in r.changes] == ["a1"]


def test_sorting_and_options():
    text = "@misc{b, author = {Zed, A}, year = {1999}}\n\n@misc{a, author = {Alpha, B}, year = {2005}}\n"
    by_key = tidy_text(text, TidyOptions(sort="key")).text
    assert by_key.index("@misc{a,") < by_key.index("@misc{b,")
    by_year = tidy_text(text, TidyOptions(sort="year")).text
    assert by_year.index("@misc{b,") < by_year.index("@misc{a,")
    quoted = tidy_text('@misc{a, title = {Say "hi"}, note = {plain}}\n', TidyOptions(delimiters="quotes")).text
    assert 'title = {Say "hi"}' in quoted and 'note = "plain"' in quoted
    assert "year = 2020" in tidy_text("@misc{a, year = {2020}}\n", TidyOptions(numbers="bare")).text


def test_entries_with_inner_comments_and_broken_blocks_are_kept():
    text = "@misc{a,\n% title = {old},\n  title={New}}\n\n@misc{b,\n  title = {x\n\n@misc{c, title={C}}\n"
    out = tidy_text(text).text
    assert "@misc{a,\n% title = {old},\n  title={New}}" in out
    assert "title = {x" in out and "@misc{c,\n  title = {C}\n}" in out


def test_unicode_latex_letters():
    assert to_unicode("Schr{\\\"o}dinger and \\'{E}mile {\\ss} {\\c{c}}") == "Schrödinger and Émile ß ç"
    assert to_latex("Schrödinger ç ß") == "Schr{\\\"o}dinger {\\c{c}} {\\ss}"
    assert to_unicode(to_latex("Émile Łukasz Dvořák")) == "Émile Łukasz Dvořák"


def test_bad_options():
    with pytest.raises(ConfigError):
        TidyOptions.from_config({"sort": "colour"})
    with pytest.raises(ConfigError):
        TidyOptions.from_config({"no-such": 1})
    assert TidyOptions.from_config({"indent": 4, "trailing-comma": True}).indent == "    "


def test_key_pattern_option():
    text = "@misc{old,\n  author = {Doe, Jane},\n  title = {Alpha},\n  year = {2000}\n}\n"
    r = tidy_text(text, TidyOptions(key_pattern="{auth:lower}{year}"))
    assert r.text == text.replace("old", "doe2000")
    assert [c.message for c in r.changes] == ["doe2000: would change: key (was old)"]
    assert tidy_text(r.text, TidyOptions(key_pattern="{auth:lower}{year}")).changes == []


def test_windows_line_endings_are_kept():
    text = "% c\r\n@misc{a,\r\n  title = {T}\r\n}\r\n\r\n@misc{b, title={U}}\r\n"
    out = tidy_text(text).text
    assert out == "% c\r\n@misc{a,\r\n  title = {T}\r\n}\r\n\r\n@misc{b,\r\n  title = {U}\r\n}\r\n"
    assert tidy_text(out).text == out and tidy_text(out).changes == []


def test_values_with_percent_comments_keep_their_line_breaks():
    text = "@misc{a,\n  note = {first % a comment\n    second}\n}\n"
    assert tidy_text(text).text == text


def test_field_order_list_from_config():
    o = TidyOptions.from_config({"field-order": ["year", "title"]})
    out = tidy_text("@misc{a, author = {A}, title = {T}, year = {1}}\n", o).text
    assert out == "@misc{a,\n  year = {1},\n  title = {T},\n  author = {A}\n}\n"
