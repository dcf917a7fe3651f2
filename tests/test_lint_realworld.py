"""lint, tidy and keys on every real bibliography in ../shared/realworld: no traceback, findings that
make sense, tidy idempotent and byte-stable on its own output, fixes that leave a file lint reads the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED
from refkit.io import read_input
from refkit.manage import keys
from refkit.manage.lint import apply_fixes, lint_texts
from refkit.manage.lint_scan import scan
from refkit.manage.lint_tables import RULES
from refkit.manage.tidy import TidyOptions, tidy_text

# the file names are listed when tests are collected; each test finds them through the `shared` fixture
BIBS = sorted(p.name for p in (SHARED / "realworld" / "bib").glob("*.bib"))


def entries(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Keys and fields (whitespace-normalised; month left out, tidy writes it as a macro)."""
    return [(b.key, sorted((f.lname, " ".join(f.text.split())) for f in b.fields if f.lname != "month"))
            for b in scan(text).entries]


def real(shared: Path) -> Path:
    folder = shared / "realworld"
    if not folder.is_dir():
        pytest.skip("../shared/realworld is not present")
    return folder


@pytest.mark.parametrize("bib_name", BIBS)
def test_real_bib(shared, bib_name):
    text, name, _ = read_input(real(shared) / "bib" / bib_name)
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


def test_treewidth_macros_come_from_the_strings_file(shared):
    folder = real(shared) / "bib"
    strings, papers = folder / "biber-etc-definitions-strings.bib", folder / "biber-etc-papers-treewidth.bib"
    alone = lint_texts([(str(papers), read_input(papers)[0])])[0].findings
    both = lint_texts([(str(strings), read_input(strings)[0]), (str(papers), read_input(papers)[0])])
    together = [f for lf in both for f in lf.findings]
    assert sum(f.rule == "undefined-macro" for f in alone) > 1000
    assert sum(f.rule == "undefined-macro" for f in together) < 10


def test_bbt_import_files(shared):
    opts = TidyOptions(sort="author", encoding="unicode")
    paths = sorted((real(shared) / "bbt-import").glob("*.bib"))
    assert paths
    for path in paths:
        text, name, _ = read_input(path)
        lint_texts([(name, text)])
        once = tidy_text(text, opts).text
        assert tidy_text(once, opts).text == once, path.name
        keys.plan(scan(text))
