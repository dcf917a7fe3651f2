"""The CSL processor test suite (../shared/csl-test-suite/humans/) through benchmarks/csl_suite.py.

The floors are the pass rates refkit reached; a change that breaks fixtures that passed makes this
fail. Off-spec and experimental fixtures are not counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from format_oracle import csl_suite_runner

ROOT = Path(__file__).resolve().parents[1]
SUITE = next((p for p in (ROOT.parent / "shared" / "csl-test-suite" / "humans",
                          ROOT.parents[1] / "shared" / "csl-test-suite" / "humans") if p.is_dir()), None)

pytestmark = pytest.mark.skipif(SUITE is None, reason="the CSL test suite is not checked out next to the repo")

FLOOR_ALL = 0.963
FLOOR_MODE = {"bibliography": 0.965, "citation": 0.962}


@pytest.fixture(scope="module")
def outcome():
    cs = csl_suite_runner()
    assert SUITE is not None
    out = cs.run(SUITE)
    return cs, out, cs.summary(out)


def test_every_counted_fixture_is_run(outcome) -> None:
    _, out, s = outcome
    assert s["total"] == len(list(SUITE.glob("*.txt"))) > 800
    assert {o.mode for o in out} == {"bibliography", "citation"}


def test_pass_rate_does_not_fall(outcome) -> None:
    _, out, s = outcome
    failing = [o.name for o in out if not o.ok]
    assert s["rate"] >= FLOOR_ALL, f"{s['passed']}/{s['total']} pass; failing: {failing}"


@pytest.mark.parametrize("mode", sorted(FLOOR_MODE))
def test_pass_rate_per_mode(outcome, mode: str) -> None:
    _, _, s = outcome
    ok, n = s["modes"][mode]
    assert ok / n >= FLOOR_MODE[mode], f"{mode}: {ok}/{n}"


def test_a_wrong_result_fails(outcome, tmp_path: Path) -> None:
    """The comparison is real: a fixture whose RESULT is altered no longer passes."""
    cs, _, _ = outcome
    src = SUITE / "nameorder_Short.txt"
    if not src.is_file():
        src = sorted(SUITE.glob("name*_*.txt"))[0]
    good = cs.run_one(src)
    text = src.read_text(encoding="utf-8")
    body = cs.read_fixture(src).result
    bad = tmp_path / src.name
    bad.write_text(text.replace(body, body + " X"), encoding="utf-8")
    assert not cs.run_one(bad).ok or not good.ok
