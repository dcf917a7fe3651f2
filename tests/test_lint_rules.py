"""lint rules on invented entries: each rule fires on its defect, stays quiet on clean input, and its fix
repairs exactly the text concerned."""

from __future__ import annotations

import pytest

from refkit.manage.lint import LintOptions, apply_fixes, lint_text, lint_texts
from refkit.manage.lint_checks import isbn_ok, issn_ok

CLEAN = """@string{jcs = {Journal of Invented Studies}}

@article{doe2020,
  author = {Doe, Jane and Roe, Richard},
  title = {A Study of Things},
  journal = jcs,
  year = {2020},
  month = mar,
  volume = {3},
  pages = {10--20},
  doi = {10.1234/abc.def},
  issn = {0028-0836},
}

@book{poe2019,
  author = {Poe, Edgar},
  title = {Collected Works},
  publisher = {Invented Press},
  year = {2019},
  isbn = {978-0-306-40615-7},
}
"""


def rules(text: str, **kw) -> list[str]:
    return [f.rule for f in lint_text(text, "t.bib", LintOptions(**kw))]


def entry(fields: str, typ: str = "misc", key: str = "k1") -> str:
    return f"@{typ}{{{key},\n{fields}\n}}\n"


def test_clean_file_has_no_findings():
    assert lint_text(CLEAN, "t.bib") == []


@pytest.mark.parametrize("fields, rule", [
    ("  title = {T},\n  doi = {https://doi.org/10.1234/x}", "doi"),
    ("  title = {T},\n  doi = {10.48550/arXiv:2501.00001}", "doi"),
    ("  title = {T},\n  doi = {not a doi}", "doi"),
    ("  title = {T},\n  isbn = {978-0-306-40615-8}", "isbn"),
    ("  title = {T},\n  isbn = {12345}", "isbn"),
    ("  title = {T},\n  issn = {0028-0837}", "issn"),
    ("  title = {T},\n  url = {www.example.org/page}", "url"),
    ("  title = {T},\n  url = {https://exa mple.org/a b}", "url"),
    ("  title = {T},\n  year = {20xx}", "year"),
    ("  title = {T},\n  year = {2999}", "future-year"),
    ("  title = {T},\n  month = {Sept}", "month"),
    ("  title = {T},\n  month = {13}", "month"),
    ("  title = {T},\n  pages = {10-20}", "pages"),
    ("  title = {T},\n  pages = {20--10}", "pages-reversed"),
    ("  title = {T},\n  edition = {2nd edition}", "edition"),
    ("  title = {T},\n  note = {}", "empty-field"),
    ("  title = {T},\n  pages = {No Pagination Specified}", "placeholder"),
    ("  title = {T},\n  author = {Doe, J. and and Roe, R.}", "and-and"),
    ("  title = {Cats & Dogs}", "unescaped-char"),
    ("  title = {50% of it}", "unescaped-char"),
    ("  title = {A STUDY OF THE GREAT THINGS}", "all-caps-title"),
    ("  title = {T},\n  journal = undefinedmacro", "undefined-macro"),
    ("  title = {T},\n  crossref = {nowhere}", "dangling-crossref"),
    ("  title = {T},\n  note = {a},\n  note = {b}", "duplicate-field"),
    ("  title = {T},\n  date = {2020-13-45}", "date"),
])
def test_rule_fires(fields, rule):
    assert rule in rules(entry(fields))


def test_clean_values_do_not_fire():
    text = entry("  title = {Cats \\& Dogs at 50\\% in $a&b$},\n  pages = {e123},\n  url = {https://x.org/a?b=1&c=2},"
                 "\n  month = {1},\n  date = {2020-01/2021-02},\n  isbn = {0-306-40615-2},\n  issn = {2049-3630},"
                 "\n  edition = {2},\n  author = {{Barnes and Noble} and Doe, J.}")
    assert rules(text) == []


def test_required_fields_bibtex_and_biblatex():
    assert "required-field" in rules(entry("  title = {T},\n  year = {2000}", "article"))
    text = entry("  author = {A, B},\n  title = {T},\n  journal = {J},\n  year = {2000}", "article")
    assert "required-field" not in rules(text)
    # biblatex names are accepted for the same requirement
    text = entry("  author = {A, B},\n  title = {T},\n  journaltitle = {J},\n  date = {2000}", "article")
    assert "required-field" not in rules(text)
    # a crossref parent supplies booktitle and year
    text = (entry("  author = {A, B},\n  title = {T},\n  crossref = {proc}", "inproceedings", "a1")
            + entry("  title = {Proceedings},\n  year = {1999}", "proceedings", "proc"))
    assert "required-field" not in rules(text)


def test_duplicate_keys_and_likely_duplicates():
    text = (entry("  title = {One title here},\n  year = {2000}", "misc", "dup")
            + entry("  title = {Other},\n  year = {2001}", "misc", "DUP")
            + entry("  title = {One Title Here},\n  year = {2000}", "misc", "again")
            + entry("  title = {X},\n  doi = {10.1000/same}", "misc", "d1")
            + entry("  title = {Y},\n  doi = {10.1000/SAME}", "misc", "d2"))
    found = lint_text(text, "t.bib")
    assert [f.key for f in found if f.rule == "duplicate-key"] == ["DUP"]
    assert sorted(f.key for f in found if f.rule == "likely-duplicate") == ["again", "d2"]


def test_syntax_problems_are_findings_not_crashes():
    text = "@article{a,\n  title = {Open {brace\n}\n\n@article{b,\n  title = {Fine}\n  year = {2000}\n}\n@misc{c, title={x}}\n"
    found = lint_text(text, "t.bib")
    assert {"unbalanced-braces", "syntax"} <= {f.rule for f in found}
    assert any(f.line == 7 for f in found if f.rule == "syntax")


def test_missing_key_and_online_without_urldate():
    assert "missing-key" in rules("@article{\n  title = {T},\n  year = {2000}\n}\n")
    assert "missing-urldate" in rules(entry("  title = {T},\n  url = {https://x.org}", "online"))
    assert "missing-urldate" not in rules(entry("  title = {T},\n  url = {https://x.org},\n  urldate = {2024-01-01}",
                                                "online"))


def test_config_disable_and_severity():
    text = entry("  title = {T},\n  pages = {1-2},\n  note = {}")
    assert rules(text, disable={"pages"}) == ["empty-field"]
    found = lint_text(text, "t.bib", LintOptions.from_config({"severity": {"pages": "error", "empty-field": "off"}}))
    assert [(f.rule, f.severity) for f in found] == [("pages", "error")]


def test_config_errors():
    from refkit.errors import ConfigError

    for bad in ({"disable": "pages"}, {"disable": ["no-such-rule"]}, {"severity": {"pages": "loud"}},
                {"dialect": "x"}, {"unknown": 1}):
        with pytest.raises(ConfigError):
            LintOptions.from_config(bad)


def test_fixes_touch_only_the_changed_text():
    text = ("% keep me\n@article{a,\n  author = {Doe, J. and and Roe, R.},\n  title = {Cats & Dogs},\n"
            "  journal = {J},\n  year = {2000},\n  month = {March},\n  pages = {1-9},\n"
            "  doi = {https://doi.org/10.1234/x.y},\n  note = {},\n  edition = {3rd ed.},\n}\n")
    found = lint_text(text, "t.bib")
    fixed, n = apply_fixes(text, found)
    assert n == 7
    assert fixed == ("% keep me\n@article{a,\n  author = {Doe, J. and Roe, R.},\n  title = {Cats \\& Dogs},\n"
                     "  journal = {J},\n  year = {2000},\n  month = mar,\n  pages = {1--9},\n"
                     "  doi = {10.1234/x.y},\n  edition = {3rd},\n}\n")
    assert lint_text(fixed, "t.bib") == []


def test_files_read_together_share_macros_and_keys():
    strings = "@string{jx = {Journal X}}\n"
    paper = entry("  author = {A, B},\n  title = {T},\n  journal = jx,\n  year = {2000}", "article")
    alone = lint_texts([("p.bib", paper)])[0].findings
    assert [f.rule for f in alone] == ["undefined-macro"]
    both = lint_texts([("s.bib", strings), ("p.bib", paper)])
    assert [f for lf in both for f in lf.findings] == []


def test_check_digits():
    assert isbn_ok("0-306-40615-2") and isbn_ok("978-0-306-40615-7") and isbn_ok("0-8044-2957-X")
    assert not isbn_ok("0-306-40615-3") and not isbn_ok("978-0-306-40615-6")
    assert issn_ok("0028-0836") and issn_ok("0317-8471") and issn_ok("2434-561X")
    assert not issn_ok("0028-0835")


def test_extra_closing_brace_and_bad_scheme():
    text = "@article{a,\n  title = {A B}},\n  year = {2000}\n}\n\n@misc{b, title = {T}}\n"
    found = lint_text(text, "t.bib")
    assert [(f.rule, f.line, f.key) for f in found if f.rule == "unbalanced-braces"] == [("unbalanced-braces", 3, "a")]
    assert "url" in rules(entry("  title = {T},\n  url = {htp://example.org}"))
    assert "url" not in rules(entry("  title = {T},\n  url = {mailto:someone@example.org}"))


def test_month_name_as_bare_word_is_fixed_to_its_macro():
    text = entry("  title = {T},\n  month = September")
    found = lint_text(text, "t.bib")
    assert [f.rule for f in found] == ["undefined-macro"]
    assert apply_fixes(text, found)[0] == entry("  title = {T},\n  month = sep")


def test_an_extra_opening_brace_is_found_on_its_line():
    text = ("@article{a,\n  author = {Doe, J.},\n  title = {{Open here},\n  year = {2000}\n}\n\n"
            "@misc{b,\n  title = {Fine}\n}\n")
    found = [f for f in lint_text(text, "t.bib") if f.rule in ("unbalanced-braces", "syntax")]
    assert [(f.rule, f.line, f.key) for f in found] == [("unbalanced-braces", 3, "a")]


def test_a_broken_entry_does_not_swallow_the_next_one():
    text = "@misc{a,\n  title = {{T},\n  year = {2000}\n}\n@misc{b,\n  year = {20x0}\n}\n"
    found = lint_text(text, "t.bib")
    assert [(f.rule, f.key) for f in found] == [("unbalanced-braces", "a"), ("year", "b")]


def test_misc_web_entries_need_an_access_date_where_the_file_gives_them():
    web = entry("  title = {Page},\n  howpublished = {\\url{https://x.org}}", "misc", "w1")
    dated = entry("  title = {Other},\n  url = {https://y.org},\n  urldate = {2024-01-01}", "misc", "w2")
    assert "missing-urldate" not in rules(web)  # a file that never gives access dates: no convention to follow
    assert [f.key for f in lint_text(web + dated, "t.bib") if f.rule == "missing-urldate"] == ["w1"]
    noted = entry("  title = {P},\n  url = {https://x.org},\n  note = {Accessed 1 May 2024}", "online")
    assert "missing-urldate" not in rules(noted)


def test_any_entry_with_a_url_needs_an_access_date_where_most_have_one():
    dated = "".join(entry(f"  title = {{T{i}}},\n  url = {{https://x.org/{i}}},\n  urldate = {{2024-01-01}}", "misc",
                          f"d{i}") for i in range(4))
    book = entry("  author = {A, B},\n  title = {T},\n  publisher = {P},\n  year = {2000},\n"
                 "  url = {https://x.org/b}", "book", "b1")
    assert [f.key for f in lint_text(dated + book, "t.bib") if f.rule == "missing-urldate"] == ["b1"]
    assert "missing-urldate" not in rules(book)
