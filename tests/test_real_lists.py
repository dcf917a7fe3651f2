"""Reference lists written the way users paste them (tests/data/lists/, 247 lists, 4,847 references,
2,277 DOIs: PDF copies with page breaks and footers, READMEs, web pages and reading lists, publishers' pages
with their link words (ScienceDirect, Wiley, Springer, Taylor & Francis, JAMA), Word and EndNote
documents, spreadsheets, Google Scholar's cite dialog and result pages, Semantic Scholar, LaTeX `thebibliography`,
reStructuredText, Org mode, markdown tables, e-mails and chats, OSCOLA tables of cases; APA, Chicago, MLA, IEEE, Harvard, Vancouver,
Nature, ACS, RSC, AMS, APS, APSA, OSCOLA, Bluebook, ABNT, GOST, GB/T 7714, Copernicus; sixteen
languages). Written by eight testers from their own knowledge of real publications; each file's true
count and DOIs are in manifest.json: every count must be exact, every DOI whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refkit.parse import parse_document

LISTS = Path(__file__).parent / "data" / "lists"
MANIFEST = json.loads((LISTS / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_count_and_dois(name):
    doc = parse_document((LISTS / name).read_bytes(), name)
    assert len(doc.parsed) == MANIFEST[name]["count"]
    found = {p.ref.fields.get("DOI", "").lower() for p in doc.parsed}
    missing = [d for d in MANIFEST[name]["dois"] if d.lower() not in found]
    assert not missing, missing  # whole, not cut or glued to the next word
