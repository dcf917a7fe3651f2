"""The biblatex -> CSL mapping scored against pandoc's own test cases (../shared/realworld/pandoc-biblatex)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _cases() -> Path:
    base = Path(os.environ.get("REFKIT_SHARED") or ROOT.parent / "shared")
    folder = base / "realworld" / "pandoc-biblatex"
    if not folder.is_dir():
        pytest.skip("../shared/realworld/pandoc-biblatex is not present")
    return folder


def _scorer():
    spec = importlib.util.spec_from_file_location("pandoc_agreement", ROOT / "benchmarks" / "pandoc_agreement.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_agreement_with_pandoc_on_item_field_pairs():
    agree, total, diffs = _scorer().score(_cases())
    assert total > 1400  # every case was read and compared
    assert agree / total >= 0.93, "\n".join(f"{d[0]} {d[1]} {d[2]}: {d[3]!r} != {d[4]!r}" for d in diffs[:40])


def test_scorer_counts_a_difference(tmp_path):
    """The scorer is able to fail: a case whose expected title differs is counted as a difference."""
    case = ("```\n% pandoc -f biblatex -t markdown -s\n@book{a, title = {Right}, date = {2001}}\n^D\n---\n"
            "nocite: \"[@*]\"\nreferences:\n- id: a\n  issued: 2001\n  title: Wrong\n  type: book\n---\n```\n")
    (tmp_path / "one.md").write_text(case, encoding="utf-8")
    agree, total, diffs = _scorer().score(tmp_path)
    assert (agree, total) == (2, 3) and diffs[0][2] == "title"
