"""Reading bibliography files (BibTeX or CSL-JSON) for check, format and cite."""

from __future__ import annotations

import json

import pytest

from refkit.bib.bibliography import read_bibliography
from refkit.errors import InputError


def test_csl_json_items_are_kept_as_read_with_their_lines(tmp_path):
    items = [{"id": "a", "type": "book", "title": "A", "illustrator": [{"family": "Doe"}]},
             {"id": "a", "type": "book", "title": "dup"}, 5, {"title": "no id"}]
    f = tmp_path / "lib.json"
    f.write_text(json.dumps(items, indent=1), encoding="utf-8")
    bib = read_bibliography(f)
    assert bib.kind == "csl-json"
    assert [i["id"] for i in bib.items] == ["a", "item4"]
    assert bib.items[0]["illustrator"] == [{"family": "Doe"}]  # unknown to the model, kept for the renderer
    assert bib.references[0].line == 3 and bib.references[1].type == "document"
    assert any("duplicate id 'a'" in str(w) for w in bib.warnings) and any("item 3" in str(w) for w in bib.warnings)


def test_bibtex_is_sniffed_and_broken_entries_are_warnings(tmp_path):
    f = tmp_path / "refs.txt"
    f.write_text("@book{a, title={A}, year=2001}\n@book{b, title={B\n", encoding="utf-8")
    bib = read_bibliography(f)
    assert bib.kind == "bibtex" and bib.references[0].id == "a"  # (b may be recovered, or not)
    assert bib.csl_items()[0] == {"id": "a", "type": "book", "title": "A", "issued": {"date-parts": [[2001]]}}
    assert bib.warnings and str(bib.warnings[0]).startswith(f"{f}:2: ")


@pytest.mark.parametrize("content, message", [("[{]", "is not valid JSON"), ('"just a string"', "is not CSL-JSON")])
def test_bad_json_is_one_clear_error(tmp_path, content, message):
    f = tmp_path / "lib.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_bibliography(f)
    assert message in e.value.message and e.value.hint


def test_one_path_or_several(tmp_path):
    a = tmp_path / "a.bib"
    a.write_text("@book{a, title={A}, publisher=pub, year=2001}\n", encoding="utf-8")
    s = tmp_path / "strings.bib"
    s.write_text("@string{pub = {Penguin}}\n", encoding="utf-8")
    y = tmp_path / "more.yaml"
    y.write_text("references:\n- id: y\n  type: book\n  title: Y\n  issued: 2003-04\n", encoding="utf-8")
    one = read_bibliography(str(a))  # the single-path call of check, format and cite
    assert one.kind == "bibtex" and one.name == str(a) and one.items is None
    many = read_bibliography([a, s, y])
    assert [r.id for r in many.references] == ["a", "y"] and many.kind == "mixed"
    assert many.references[0].fields["publisher"] == "Penguin" and many.references[1].line == 2
    assert many.formats == ["bibtex", "bibtex", "csl-yaml"] and many.warnings == []
    assert read_bibliography([y]).items == [{"id": "y", "type": "book", "title": "Y",
                                             "issued": {"date-parts": [[2003, 4]]}}]


def test_a_strings_file_alone_holds_no_entries(tmp_path):
    s = tmp_path / "strings.bib"
    s.write_text("@string{pub = {Penguin}}\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_bibliography(s)


def test_strict_refuses_a_broken_entry_and_forcing_a_format(tmp_path):
    f = tmp_path / "refs.bib"
    f.write_text("@book{a, title={A}, year=2001}\n@book{b, title={B\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_bibliography(f, strict=True)
    assert e.value.message.startswith(f"malformed BibTeX at {f}:2")
    with pytest.raises(InputError) as e:
        read_bibliography(f, fmt="ris")
    assert "holds no RIS records" in e.value.message
