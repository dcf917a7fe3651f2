"""Every real .bib file in ../shared/realworld reads without a traceback, and keeps every entry.

For the 88 files attached to Better BibTeX bug reports, each .json holds what Better BibTeX imported:
refkit must read at least as many entries (Zotero notes made of @comment text are not entries).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from refkit.bib import bibtex

ROOT = Path(__file__).resolve().parents[1]
# its .json holds the items of two imports (717.2.10's and this file's): it cannot be compared
TWO_IMPORTS = {"Jabref_groups_import_does_not_work_717.3.8.bib"}


def _realworld() -> Path:
    base = Path(os.environ.get("REFKIT_SHARED") or ROOT.parent / "shared") / "realworld"
    if not base.is_dir():
        pytest.skip("../shared/realworld is not present")
    return base


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def test_bbt_import_files_keep_every_entry():
    folder = _realworld() / "bbt-import"
    short, total, kept = [], 0, 0
    for bib in sorted(folder.glob("*.bib")):
        items = json.loads(bib.with_suffix(".json").read_text(encoding="utf-8"))["items"]
        want = sum(1 for i in items if i.get("itemType") != "note")
        refs, problems = bibtex.loads(_read(bib), bib.name)
        assert all(p.line and p.file == bib.name for p in problems), bib.name
        if bib.name in TWO_IMPORTS:
            continue
        total += want
        kept += min(want, len(refs))
        if len(refs) < want:
            short.append(f"{bib.name}: {len(refs)} of {want}")
    assert not short, short
    assert total > 1800 and kept == total


def test_every_realworld_bib_reads_and_formats_to_csl():
    folder = _realworld() / "bib"
    files = sorted(folder.glob("*.bib"))
    assert len(files) >= 16
    strings = folder / "biber-etc-definitions-strings.bib"
    papers = folder / "biber-etc-papers-treewidth.bib"

    def check(refs):
        for r in refs:
            csl = r.to_csl()
            assert csl["id"] and csl["type"]
            assert all("\\" not in str(v) for k, v in csl.items() if k in ("title", "container-title")), csl

    for bib in files:
        if bib != papers:  # read below, with its strings
            check(bibtex.loads(_read(bib), bib.name, sentence_case="auto")[0])
    alone, p_alone = bibtex.loads(_read(papers), papers.name)
    both, p_both = bibtex.loads_many([(_read(strings), strings.name), (_read(papers), papers.name)],
                                     sentence_case="auto")
    check(both)
    undefined = [p for p in p_alone if p.rule == "undefined-macro"]
    assert len(both) == len(alone) > 2000
    assert undefined and len([p for p in p_both if p.rule == "undefined-macro"]) < len(undefined) / 10
