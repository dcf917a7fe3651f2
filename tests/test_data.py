"""The embedded default bibliography stays in step with its raw list, and the config lookup finds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from refkit.bib import bibtex_writer
from refkit.config import default_bibliography
from refkit.errors import InputError
from refkit.parse import parse_text

ROOT = Path(__file__).resolve().parents[1]


def test_data_references_bib_is_what_refkit_parse_makes_of_references_txt():
    raw = (ROOT / "data" / "references.txt").read_text(encoding="utf-8")
    made = bibtex_writer.dumps([p.ref for p in parse_text(raw)])
    assert (ROOT / "data" / "references.bib").read_text(encoding="utf-8") == made, (
        "regenerate with: refkit parse data/references.txt -o data/references.bib --force")


def test_data_references_txt_is_the_seed_list(shared):
    assert (ROOT / "data" / "references.txt").read_bytes() == (shared / "seed" / "references.txt").read_bytes()


def test_default_bibliography_lookup(tmp_path):
    with pytest.raises(InputError) as e:
        default_bibliography(tmp_path)
    assert "pyproject.toml" in e.value.hint
    (tmp_path / "references.bib").write_text("@misc{a, title={x}}", encoding="utf-8")
    assert default_bibliography(tmp_path) == tmp_path / "references.bib"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "references.bib").write_text("@misc{a, title={x}}", encoding="utf-8")
    assert default_bibliography(tmp_path) == tmp_path / "data" / "references.bib"
    (tmp_path / "lib.bib").write_text("@misc{a, title={x}}", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.refkit]\nbibliography = "lib.bib"\n', encoding="utf-8")
    assert default_bibliography(tmp_path) == (tmp_path / "lib.bib").resolve()
    (tmp_path / "refkit.toml").write_text('bibliography = "missing.bib"\n', encoding="utf-8")
    with pytest.raises(InputError):
        default_bibliography(tmp_path)
    (tmp_path / "refkit.toml").write_text('bibliography = [broken\n', encoding="utf-8")
    with pytest.raises(Exception) as e:
        default_bibliography(tmp_path)
    assert "not valid TOML" in str(e.value)
