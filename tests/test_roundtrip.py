"""Round trips: BibTeX -> CSL-JSON -> BibTeX and BibTeX -> RIS -> BibTeX keep every field the formats share.

On generated entries (hypothesis) and on the real files of ``../shared/realworld/`` (skipped without them;
``REFKIT_SHARED`` may point elsewhere). What the comparison forgives is listed in :func:`normal`, each
line a documented loss of the route (README, "Converting"), not a special case of any file.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refkit.bib import bibtex, bibtex_writer, formats, ris
from refkit.bib.bibliography import Bibliography, read_bibliography, write_bibliography
from refkit.bib.bibtex_conventions import GENRE_KEYS
from refkit.cli import cli
from refkit.errors import RefkitError
from refkit.model import Date, Name, Reference

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REFKIT_SHARED") or ROOT.parent / "shared")
REAL = sorted((SHARED / "realworld" / "bib").glob("*.bib")) + sorted((SHARED / "realworld" / "bbt-import").glob("*.bib"))


def _reads_year_month() -> bool:
    refs, _ = bibtex.loads("@misc{a, date = {2023-07}}")
    return refs[0].dates["issued"] == Date((2023, 7))


# The BibTeX reader (issue 8, reading half) misread `date = {2023-07}` as 2023-2007 at this commit; until it
# reads it right, dates are compared by their years and the test below says so.
READS_YEAR_MONTH = _reads_year_month()


@pytest.mark.xfail(not READS_YEAR_MONTH, reason="the BibTeX reader reads date = {YYYY-MM} as a year range")
def test_biblatex_year_month_dates_survive() -> None:
    ref = Reference(id="a", type="book", fields={"title": "T"}, dates={"issued": Date((2023, 7))})
    back, _ = bibtex.loads(bibtex_writer.dumps([ref], convention="biblatex"))
    assert back[0].dates["issued"] == Date((2023, 7))


def via(route: str, refs: list[Reference], convention: str = "biblatex") -> list[dict[str, Any]]:
    """refs -> ``route`` -> refs -> BibTeX -> refs, as CSL items."""
    text, _ = formats.get(route).write(refs)
    middle, _ = formats.get(route).read(text, "middle")
    assert len(middle) == len(refs), route
    bib, _ = bibtex_writer.write(middle, convention, assign=False)
    back, problems = bibtex.loads(bib)
    assert not [p for p in problems if p.severity == "error"], problems[:3]
    assert len(back) == len(refs), convention
    return [r.to_csl() for r in back]


def _text(v: str) -> str:
    return re.sub(r"\s+", " ", v.replace("{", "").replace("}", "")).strip()


def _name(n: dict[str, str]) -> str:
    if "literal" in n:
        return _text(n["literal"])
    fam = " ".join(x for x in (n.get("dropping-particle"), n.get("non-dropping-particle"), n.get("family")) if x)
    return _text(f"{fam}, {n.get('given', '')}, {n.get('suffix', '')}").rstrip(", ")


KEY_GENRES = {v: k for k, v in GENRE_KEYS.items()}
RIS_SHARED = set(ris.CSL_TO_TAG) | {"page", "keyword", "ISBN", "ISSN"}


def normal(item: dict[str, Any], route: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in item.items():
        if k == "id":
            continue
        if isinstance(v, str):
            out[k] = _text(v)
        elif k in ("issued", "accessed", "original-date", "event-date") and isinstance(v, dict):
            parts = v.get("date-parts")
            if parts and not READS_YEAR_MONTH:
                parts = [[parts[0][0]]]
            if parts and route == "ris":
                parts = parts[:1]
            out[k] = {"date-parts": parts} if parts else v
        elif isinstance(v, list):
            names = [_name(n) for n in v if n != {"literal": "others"} or route != "ris"]
            if names:
                out[k] = names
    # a bare link in howpublished is read as the URL (a second one is kept raw); a @misc with a link is
    # read as a web page
    if route == "ris":
        out.pop("medium", None)  # RIS has no tag for it (a warning says so)
    if str(out.get("medium", "")).startswith(("http://", "https://")):
        medium = out.pop("medium")
        out.setdefault("URL", medium)
    if out.get("type") == "document" and "URL" in out:
        out["type"] = "webpage"
    if "genre" in out:  # biblatex's localisation key for a genre is the genre (an older reader kept the key)
        out["genre"] = KEY_GENRES.get(out["genre"], out["genre"]).replace("’", "'")
    if "page" in out:
        a, _, b = out["page"].replace("--", "-").partition("-")
        out["page"] = a if b in ("", a) else f"{a}-{b}"
    if route == "ris":
        out = {k: v for k, v in out.items()
               if k in RIS_SHARED or k in ("type", "issued", "accessed") or k in ris.CSL_NAME_TAG}
        if "ISBN" in out or "ISSN" in out:  # one SN tag for both, told apart by shape when read
            out["SN"] = sorted(out.pop(k) for k in ("ISBN", "ISSN") if k in out)
        if "keyword" in out:
            out["keyword"] = ", ".join(w.strip() for w in re.split(r"[,;]", out["keyword"]) if w.strip())
    return out


# ---------------------------------------------------------------- generated entries
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäéøß", min_size=1, max_size=9)
CAP = WORD.map(str.capitalize)
TEXT = st.lists(st.one_of(WORD, CAP, st.sampled_from(["&", "–", "100%", "R&D:", "C#", "x_1"])),
                min_size=1, max_size=8).map(" ".join)
# (a particle with no given name, "van Dijk,", is read by bibtexparser's splitter as given "van": left to the
# reader's half of issue 8)
NAME = st.one_of(
    st.builds(Name, family=CAP, given=st.one_of(CAP, CAP.map(lambda w: w[0] + ".")),
              particle=st.sampled_from(["", "", "van", "de", "von der"])),
    st.builds(Name, family=CAP),
    st.builds(lambda a, b: Name(literal=f"{a} {b}"), CAP, CAP),
)
DATE = st.one_of(
    st.builds(lambda y: Date((y,)), st.integers(1500, 2100)),
    st.builds(lambda y, m: Date((y, m)), st.integers(1500, 2100), st.integers(1, 12)),
    st.builds(lambda y, m, d: Date((y, m, d)), st.integers(1500, 2100), st.integers(1, 12), st.integers(1, 28)),
)
NUM = st.integers(1, 999).map(str)
FIELDS = st.fixed_dictionaries({"title": TEXT}, optional={
    "container-title": TEXT, "publisher": TEXT, "publisher-place": CAP, "volume": NUM, "edition": NUM,
    "page": st.builds(lambda a, b: f"{a}-{a + b}", st.integers(1, 500), st.integers(1, 99)),
    "DOI": NUM.map(lambda n: f"10.{1000 + int(n)}/abc.{n}"), "URL": NUM.map(lambda n: f"https://example.org/p/{n}"),
    "note": TEXT, "abstract": TEXT, "language": st.sampled_from(["en", "de-DE", "fr"]),
})
REF = st.builds(
    lambda i, t, f, a, e, d, acc, iss: Reference(
        id=f"k{i}", type=t, fields={**f, **({"issue": iss} if iss and t == "article-journal" else {})},
        names={k: v for k, v in (("author", a), ("editor", e)) if v},
        dates={k: v for k, v in (("issued", d), ("accessed", acc)) if v}),
    st.integers(0, 10**6),
    st.sampled_from(["article-journal", "book", "chapter", "paper-conference", "report", "webpage"]),
    FIELDS, st.lists(NAME, max_size=3), st.lists(NAME, max_size=2), st.one_of(st.none(), DATE),
    st.one_of(st.none(), DATE), st.one_of(st.none(), NUM),
)


def _unique(refs: list[Reference]) -> list[Reference]:
    for i, r in enumerate(refs):
        r.id = f"{r.id}x{i}"
    return refs


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(REF, min_size=1, max_size=4).map(_unique))
def test_generated_entries_round_trip(refs: list[Reference]) -> None:
    source = bibtex_writer.dumps(refs, convention="biblatex")
    first, problems = bibtex.loads(source)
    assert len(first) == len(refs) and not problems
    a = [r.to_csl() for r in first]
    for orig, got in zip(refs, a, strict=True):  # the writer and the reader agree on names, dates, numbers
        want = normal(orig.to_csl(), "bibtex")
        assert {k: v for k, v in normal(got, "bibtex").items() if k not in ("title", "note", "abstract")} == {
            k: v for k, v in want.items() if k not in ("title", "note", "abstract")}
    for route in ("csl-json", "csl-yaml", "ris"):
        b = via(route, first)
        assert [normal(x, route) for x in b] == [normal(x, route) for x in a], route
    classic = via("csl-json", first, "bibtex")
    for x, y in zip(a, classic, strict=True):  # classic BibTeX: the year and month of a date, the rest kept
        nx, ny = normal(x, "bibtex"), normal(y, "bibtex")
        for k in set(nx) | set(ny):
            if k not in ("issued", "accessed", "note", "genre") and not (k == "type" and nx[k] == "webpage"):
                assert nx.get(k) == ny.get(k), k


# ---------------------------------------------------------------- the real files
def _mismatches(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> tuple[int, list[tuple[str, Any, Any]]]:
    """(how many (entry, field) pairs were compared, the pairs that differ)."""
    assert len(a) == len(b)
    pairs = [(k, x.get(k), y.get(k)) for x, y in zip(a, b, strict=True) for k in set(x) | set(y)]
    return len(pairs), [p for p in pairs if p[1] != p[2]]


# Over the 100 readable real files, 99.96% of (entry, field) pairs come back the same through CSL-JSON and
# through RIS at this commit; the pairs that differ hold LaTeX the reader leaves half-decoded (\mkbibquote,
# \href, a name cut inside an accent), which reads differently once written and read again. A file may
# have a few such pairs; more is a regression.
TOLERANCE = 0.01


@pytest.mark.skipif(not REAL, reason="../shared/realworld is not present")
@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_file_converts_to_every_target_and_round_trips(path: Path) -> None:
    bib = _read(path)
    if bib is None:  # refused as a whole: one Error line and exit 2, no traceback (that the reader keeps
        # every entry Better BibTeX imports is tests/test_biblatex_realworld.py's business)
        r = CliRunner().invoke(cli, ["convert", str(path), "--to", "ris"])
        assert r.exit_code == 2 and r.stderr.startswith("Error: "), r.output
        return
    n = len(bib.references)
    for to in formats.names():
        text, lost = write_bibliography(bib, to)
        assert all(p.rule.startswith(("lost-", "key-changed")) for p in lost), to
        # csl-json, ris and biblatex are read back below, on their way to BibTeX; these two are counted
        # (their readers are tested on their own in test_convert*.py)
        if to == "bibtex":
            assert len(re.findall(r"^@\w+\{", text, re.M)) == n
        elif to == "csl-yaml":
            assert len(re.findall(r"^- id: ", text, re.M)) == n
    for route in ("csl-json", "ris"):  # every entry comes out of each, and again out of biblatex
        a = [normal(r.to_csl(), route) for r in bib.references]
        n, bad = _mismatches(a, [normal(x, route) for x in via(route, bib.references)])
        assert len(bad) <= 4 + TOLERANCE * n, (route, bad[:3])


@functools.cache
def _read(path: Path) -> Bibliography | None:
    try:
        return read_bibliography(path)
    except RefkitError:  # a file the reader refuses as a whole: one Error line (test_every_entry_comes_out)
        return None
