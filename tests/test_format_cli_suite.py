"""The CSL test suite's bibliography fixtures run through the real `refkit format` command.

Each fixture's INPUT is written as a CSL-JSON file and its CSL as a .csl file, and `refkit format
FILE --style PATH.csl` is run as a user would run it (reading the items through refkit.bib, with
warnings on stderr and entries joined as the command joins them). Every RESULT is citeproc-js HTML,
so `--to html` is compared with it exactly (after the suite's whitespace normalisation); the plain
text output is compared with the RESULT's text. A fixture that cites only some items (CITATIONS)
becomes a Markdown manuscript given to `--cited-in`; one that lists the entries to print
(BIBENTRIES) uses `-k`. The floors are what refkit reached (issue 11 asks for >= 95%).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from format_oracle import csl_suite_runner
from refkit.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SUITE = next((p for p in (ROOT.parent / "shared" / "csl-test-suite" / "humans",
                          ROOT.parents[1] / "shared" / "csl-test-suite" / "humans") if p.is_dir()), None)

pytestmark = pytest.mark.skipif(SUITE is None, reason="the CSL test suite is not checked out next to the repo")

FLOOR_HTML = 0.965
FLOOR_TEXT = 0.945


def _expected_text(result: str, normalise: Any) -> list[str]:
    """The RESULT's entries as plain text: tags dropped, entities read, a margin joined by a space."""
    body = normalise(result)
    entries = re.findall(r'<div class="csl-entry">(.*?)</div>(?=<div class="csl-entry">|</div>$)', body)
    out = []
    for e in entries:
        e = e.replace('</div><div class="csl-right-inline">', " ")
        out.append(re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", e))).strip())
    return out


def _args(cs: Any, fx: Any, d: Path) -> list[str]:
    d.mkdir()
    (d / "items.json").write_text(json.dumps(fx.input, ensure_ascii=False), encoding="utf-8")
    (d / "style.csl").write_text(fx.csl, encoding="utf-8")
    args = ["format", str(d / "items.json"), "--style", str(d / "style.csl")]
    if fx.citations:  # the document as it stands after the last edit, cited in that order
        cites = ["[" + "; ".join(f"@{{{c.id}}}" for c in cit.cites) + "]" for cit in cs.document(fx.citations)]
        (d / "paper.md").write_text("Text " + " and ".join(cites) + ".\n", encoding="utf-8")
        args += ["--cited-in", str(d / "paper.md")]
    elif fx.bibentries:
        for key in fx.bibentries[-1]:
            args += ["-k", str(key)]
    return args


def test_bibliography_fixtures_through_the_cli(tmp_path: Path) -> None:
    assert SUITE is not None
    cs = csl_suite_runner()
    runner = CliRunner()
    html_ok = text_ok = total = 0
    failing: list[str] = []
    for path in cs.fixtures(SUITE):
        fx = cs.read_fixture(path)
        if not fx.mode.startswith("bibliography"):
            continue
        total += 1
        args = _args(cs, fx, tmp_path / fx.name)
        r = runner.invoke(cli, args + ["--to", "html"])
        assert r.exit_code == 0, f"{fx.name}: {r.output}"
        assert "Traceback" not in r.stderr
        if cs.normalise(r.stdout) == cs.normalise(fx.result):
            html_ok += 1
        else:
            failing.append(fx.name)
        r = runner.invoke(cli, args)
        assert r.exit_code == 0, f"{fx.name}: {r.output}"
        got = [re.sub(r"\s+", " ", line).strip() for line in r.stdout.splitlines()]
        text_ok += got == _expected_text(fx.result, cs.normalise)
    assert total > 150
    assert html_ok / total >= FLOOR_HTML, f"html {html_ok}/{total}; failing: {failing}"
    assert text_ok / total >= FLOOR_TEXT, f"text {text_ok}/{total}"
