"""Run the CSL processor test suite (../shared/csl-test-suite/humans/) through refkit's renderer.

Usage: python benchmarks/csl_suite.py [--suite DIR] [--group NAME] [--failures] [--show NAME]
                                      [--include-off-spec] [--json]

Each fixture holds a MODE (citation or bibliography), the expected RESULT (citeproc-js's HTML
output), the CSL style and the INPUT items, and for some CITATION-ITEMS (citations made one by
one; positions only where a cite states one) or CITATIONS (a document edited citation by
citation: the state after the last edit, with note numbers and positions worked out in order and
only the cited items registered; each line reads ``[i] text``). A fixture passes when
refkit's HTML equals the RESULT after whitespace around block-level ``<div>`` tags and runs of
spaces are normalised. Fixtures in ``off-spec/`` and ``experiments/`` (behaviour outside CSL
1.0.2) are not counted unless asked for. The pass rate is printed per group (the part of the
file name before ``_``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT = next((p for p in (Path(__file__).resolve().parents[1].parent / "shared" / "csl-test-suite" / "humans",
                            Path(__file__).resolve().parents[3] / "shared" / "csl-test-suite" / "humans")
                if p.is_dir()), Path(__file__).resolve().parents[1].parent / "shared" / "csl-test-suite" / "humans")

_SECTION = re.compile(r">>=+\s*([A-Z-]+)\s*=+>>\n?(.*?)\n?<<=+\s*\1\s*=+<<", re.S)


@dataclass
class Fixture:
    name: str
    group: str
    mode: str
    result: str
    csl: str
    input: list[dict[str, Any]]
    citation_items: list[list[dict[str, Any]]] | None = None
    citations: list[Any] | None = None
    bibentries: list[list[str]] | None = None
    bibsection: dict[str, Any] | None = None


@dataclass
class Outcome:
    name: str
    group: str
    mode: str
    ok: bool
    got: str
    expected: str


def read_fixture(path: Path) -> Fixture:
    text = path.read_text(encoding="utf-8")
    sec = {m.group(1): m.group(2) for m in _SECTION.finditer(text)}

    def js(key: str) -> Any:
        return json.loads(sec[key]) if key in sec and sec[key].strip() else None

    return Fixture(name=path.stem, group=path.stem.split("_", 1)[0], mode=sec.get("MODE", "").strip(),
                   result=sec.get("RESULT", ""), csl=sec.get("CSL", ""), input=js("INPUT") or [],
                   citation_items=js("CITATION-ITEMS"), citations=js("CITATIONS"), bibentries=js("BIBENTRIES"),
                   bibsection=js("BIBSECTION"))


def normalise(s: str) -> str:
    s = re.sub(r"^(?:\.\.|>>)(?=\[\d+\])", "", s.strip(), flags=re.M)  # CITATIONS: updated-citation marks
    s = re.sub(r"\s*(</?div\b[^>]*>)\s*", r"\1", s)
    return re.sub(r"[ \t\n]+", " ", s).strip()


_POSITIONS = {0: "first", 1: "subsequent", 2: "ibid", 3: "ibid-with-locator"}


def _cite(d: dict[str, Any]) -> Any:
    from refkit.format.citations import CiteItem

    pos = d.get("position")
    return CiteItem(str(d.get("id")), locator=str(d.get("locator", "") or ""), label=d.get("label") or "page",
                    prefix=d.get("prefix", "") or "", suffix=d.get("suffix", "") or "",
                    suppress_author=bool(d.get("suppress-author")), author_only=bool(d.get("author-only")),
                    position=_POSITIONS.get(pos) if isinstance(pos, int) else None,
                    near_note=bool(d.get("near-note")))


def document(citations: list[Any]) -> list[Any]:
    """CITATIONS: each entry is [citation, citations before it, citations after it] as given to
    citeproc-js's processCitationCluster; the document is the state after the last entry (a
    citation edited later replaces its earlier version; one left out of the last lists is deleted)."""
    from refkit.format.citations import Citation

    bodies = {}
    for entry in citations:
        bodies[str(entry[0].get("citationID", ""))] = entry[0]
    last = citations[-1]
    note = (last[0].get("properties") or {}).get("noteIndex", 0)
    order = [(str(c), n) for c, n in last[1]] + [(str(last[0].get("citationID", "")), note)] + \
        [(str(c), n) for c, n in last[2]]
    return [Citation([_cite(x) for x in bodies[cid].get("citationItems", [])], note=n or 0, id=cid)
            for cid, n in order if cid in bodies]


def render(fx: Fixture) -> str:
    """refkit's output for a fixture, in the RESULT's shape."""
    from refkit.format.csl import CompiledStyle
    from refkit.format.processor import Processor
    from refkit.format.styles import parse_style_text

    style = CompiledStyle(parse_style_text(fx.csl))
    items = [dict(it, id=str(it.get("id"))) for it in fx.input]
    if fx.citations:  # the document holds only what its citations cite, in the order first cited
        cited = list(dict.fromkeys(c.id for cit in document(fx.citations) for c in cit.cites))
        by_id = {str(it["id"]): it for it in items}
        items = [by_id[i] for i in cited if i in by_id]
    proc = Processor(style, items)
    if fx.mode.startswith("bibliography"):
        ids = None
        if fx.bibentries:
            ids = [str(i) for i in fx.bibentries[-1]]
        entries = proc.bibliography("html", ids)
        return '<div class="csl-bib-body">' + "".join(e.text for e in entries) + "</div>"
    if fx.citations:
        seq = document(fx.citations)
        return "\n".join(f"[{n}] {t}" for n, t in enumerate(proc.citations(seq, "html")))
    if fx.citation_items:
        return "\n".join(proc.cite([_cite(x) for x in c], "html") for c in fx.citation_items)
    return proc.cite(list(dict.fromkeys(str(it["id"]) for it in items)), "html")


def run_one(path: Path) -> Outcome:
    fx = read_fixture(path)
    try:
        got = render(fx)
    except Exception as e:  # a fixture that breaks the renderer is a failure, not a crash of the run
        got = f"{type(e).__name__}: {e}"
    ok = normalise(got) == normalise(fx.result)
    return Outcome(fx.name, fx.group, "bibliography" if fx.mode.startswith("bibliography") else "citation", ok, got,
                   fx.result)


def fixtures(suite: Path, include_off_spec: bool = False) -> list[Path]:
    paths = sorted(suite.glob("*.txt"))
    if include_off_spec:
        paths += sorted((suite / "off-spec").glob("*.txt")) + sorted((suite / "experiments").glob("*.txt"))
    return paths


def run(suite: Path, group: str | None = None, include_off_spec: bool = False) -> list[Outcome]:
    return [run_one(p) for p in fixtures(suite, include_off_spec) if group is None or p.stem.split("_")[0] == group]


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    modes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        groups[o.group][0] += o.ok
        groups[o.group][1] += 1
        modes[o.mode][0] += o.ok
        modes[o.mode][1] += 1
    passed = sum(o.ok for o in outcomes)
    return {"passed": passed, "total": len(outcomes), "rate": passed / len(outcomes) if outcomes else 0.0,
            "groups": dict(groups), "modes": dict(modes)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--suite", type=Path, default=DEFAULT)
    ap.add_argument("--group", help="only this group (e.g. name, sort, disambiguate)")
    ap.add_argument("--failures", action="store_true", help="list the failing fixtures")
    ap.add_argument("--show", metavar="NAME", help="print expected and got for fixtures whose name contains NAME")
    ap.add_argument("--include-off-spec", action="store_true", help="also run off-spec/ and experiments/")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    a = ap.parse_args()
    if not a.suite.is_dir():
        print(f"Error: no test suite at {a.suite}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    outcomes = run(a.suite, a.group, a.include_off_spec)
    s = summary(outcomes)
    if a.json:
        print(json.dumps(s, indent=1))
        return 0
    print(f"{'group':16} {'passed':>7} {'total':>6} {'rate':>7}")
    for g, (ok, n) in sorted(s["groups"].items()):
        print(f"{g:16} {ok:7d} {n:6d} {100 * ok / n:6.1f}%")
    for m, (ok, n) in sorted(s["modes"].items()):
        print(f"{'mode ' + m:16} {ok:7d} {n:6d} {100 * ok / n:6.1f}%")
    print(f"{'ALL':16} {s['passed']:7d} {s['total']:6d} {100 * s['rate']:6.1f}%   ({time.perf_counter() - t0:.1f} s)")
    if a.failures:
        print("failures:", " ".join(o.name for o in outcomes if not o.ok))
    if a.show:
        for o in outcomes:
            if a.show in o.name and not o.ok:
                print(f"--- {o.name} ({o.mode})\n  exp: {normalise(o.expected)}\n  got: {normalise(o.got)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
