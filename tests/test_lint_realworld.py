"""lint, tidy and keys on every real bibliography in ../shared/realworld: no traceback, findings that
make sense, tidy idempotent and byte-stable on its own output, fixes that leave a file lint reads the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from refkit.io import read_input
from refkit.manage import keys
from refkit.manage.lint import apply_fixes, lint_texts
from refkit.manage.lint_scan import scan
from refkit.manage.lint_tables import RULES
from refkit.manage.tidy import TidyOptions, tidy_text

ROOT = Path(__file__).resolve().parents[1]
# the shared folder sits beside the repository (CI); in a worktree it may sit one level further up
CANDIDATES = [ROOT.parent / "shared" / "realworld", ROOT.parents[1] / "shared" / "realworld"]
REAL = next((p for p in CANDIDATES if p.is_dir()), None)
BIBS = sorted((REAL / "bib").glob("*.bib")) if REAL else []
BBT = sorted((REAL / "bbt-import").glob("*.bib")) if REAL else []

needs_real = pytest.mark.skipif(REAL is None, reason="../shared/realworld is not present")


def entries(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Keys and fields (whitespace-normalised; month left out, tidy writes it as a macro)."""
    return [(b.key, sorted((f.lname, " ".join(f.text.split())) for f in b.fields if f.lname != "month"))
            for b in scan(text).entries]


@needs_real
@pytest.mark.parametrize("path", BIBS, ids=lambda p: p.name)
def test_real_bib(path):
    text, name, _ = read_input(path)
    findings = lint_texts([(name, text)])[0].findings
    for f in findings:
        assert f.rule in RULES and f.line and f.line >= 1 and f.severity in ("error", "warning", "info")
        assert f.message
    # the fixes give a file with the same entries and fewer findings
    fixed, n = apply_fixes(text, findings)
    before = entries(text)
    if n and len(before) < 1000:
        again = lint_texts([(name, fixed)])[0].findings
        assert len(again) < len(findings)
        assert [b.key for b in scan(fixed).entries] == [k for k, _ in before]
    # tidy keeps every entry and field, is idempotent and byte-stable on tidy input
    once = tidy_text(text).text
    assert entries(once) == before
    twice = tidy_text(once)
    assert twice.text == once and twice.changes == []
    # keys: a plan that makes every key unique
    if len(before) > 1000:
        return
    changes = keys.plan(scan(text))
    renamed = keys.apply(text, changes)
    new_keys = [b.key.lower() for b in scan(renamed).entries]
    assert len(set(new_keys)) == len(new_keys)


def test_treewidth_macros_come_from_the_strings_file():
    if REAL is None:
        pytest.skip("../shared/realworld is not present")
    strings, papers = REAL / "bib" / "biber-etc-definitions-strings.bib", REAL / "bib" / "biber-etc-papers-treewidth.bib"
    alone = lint_texts([(str(papers), read_input(papers)[0])])[0].findings
    both = lint_texts([(str(strings), read_input(strings)[0]), (str(papers), read_input(papers)[0])])
    together = [f for lf in both for f in lf.findings]
    assert sum(f.rule == "undefined-macro" for f in alone) > 1000
    assert sum(f.rule == "undefined-macro" for f in together) < 10


@needs_real
def test_bbt_import_files():
    opts = TidyOptions(sort="author", encoding="unicode")
    for path in BBT:
        text, name, _ = read_input(path)
        lint_texts([(name, text)])
        once = tidy_text(text, opts).text
        assert tidy_text(once, opts).text == once, path.name
        keys.plan(scan(text))
