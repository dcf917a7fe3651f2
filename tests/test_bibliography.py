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
    assert bib.kind == "bibtex" and [r.id for r in bib.references] == ["a"]
    assert bib.csl_items() == [{"id": "a", "type": "book", "title": "A", "issued": {"date-parts": [[2001]]}}]
    assert bib.warnings and str(bib.warnings[0]).startswith(f"{f}:2: ")


@pytest.mark.parametrize("content, message", [("[{]", "is not valid JSON"), ('"just a string"', "is not CSL-JSON")])
def test_bad_json_is_one_clear_error(tmp_path, content, message):
    f = tmp_path / "lib.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_bibliography(f)
    assert message in e.value.message and e.value.hint
