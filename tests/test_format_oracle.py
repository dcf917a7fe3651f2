"""refkit's CSL output against citeproc-js's (../shared/format-oracle), entry by entry."""

from __future__ import annotations

import pytest

from format_oracle import ORACLE, STYLES, expected, html_norm, rendered, ws

pytestmark = pytest.mark.skipif(not ORACLE.is_dir(), reason="the format oracle is not checked out next to the repo")


def test_oracle_has_nine_styles() -> None:
    assert len(STYLES) == 9


@pytest.mark.parametrize("style", STYLES)
def test_bibliography_order(style: str) -> None:
    assert rendered(style)["order"] == expected(style)["order"]


def _agreement(kind: str) -> tuple[int, int, dict[str, list[str]]]:
    ok = total = 0
    bad: dict[str, list[str]] = {}
    for style in STYLES:
        exp, got = expected(style), rendered(style)
        norm = html_norm if kind == "html" else ws
        keys = exp["order"] if kind != "cites" else list(exp["cites"])
        for k in keys:
            total += 1
            if norm(got[kind].get(k, "")) == exp[kind][k]:
                ok += 1
            else:
                bad.setdefault(style, []).append(k)
    return ok, total, bad


def test_text_agreement_at_least_95_percent() -> None:
    ok, total, bad = _agreement("text")
    assert ok / total >= 0.95, f"{ok}/{total} entries agree; mismatches: {bad}"


@pytest.mark.parametrize("style", STYLES)
def test_text_agreement_per_style_at_least_90_percent(style: str) -> None:
    exp, got = expected(style), rendered(style)
    bad = [k for k in exp["order"] if ws(got["text"].get(k, "")) != exp["text"][k]]
    assert len(bad) <= 0.1 * len(exp["order"]), bad


def test_html_agreement_at_least_95_percent() -> None:
    ok, total, bad = _agreement("html")
    assert ok / total >= 0.95, f"{ok}/{total} HTML entries agree; mismatches: {bad}"


def test_citation_agreement_at_least_95_percent() -> None:
    ok, total, bad = _agreement("cites")
    assert ok / total >= 0.95, f"{ok}/{total} citations agree; mismatches: {bad}"


def test_apa_samples_exact() -> None:
    """A few classes of fixes, each checked on the oracle's APA lines."""
    exp, got = expected("apa"), rendered("apa")
    for key in ("smith2020a", "smith2020b", "webpage-nodate-noauthor", "art-particle-van", "art-suffix",
                "art-twentyfive-authors", "literal-date", "circa-date", "magazine-season"):
        assert ws(got["text"][key]) == exp["text"][key]
    for key in ("art-one-author", "art-twentyfive-authors", "smith2020a", "art-particle-van"):
        assert ws(got["cites"][key]) == exp["cites"][key]
