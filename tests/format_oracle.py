"""Helpers for the format tests: where the citeproc-js oracle lives and how to compare with it."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parents[1]
# ../shared next to the repo; from a worktree (wt/<name>/), the one two levels up
_SHARED = next((p for p in (_ROOT.parent / "shared", _ROOT.parents[1] / "shared") if p.is_dir()), _ROOT.parent / "shared")
ORACLE = _SHARED / "format-oracle"
SEED = _SHARED / "seed"
STYLES = sorted(p.stem for p in (ORACLE / "styles").glob("*.csl")) if ORACLE.is_dir() else []


def ws(s: str) -> str:
    return " ".join(s.split())


def html_norm(s: str) -> str:
    return ws(re.sub(r"\n[ \t]*", "", s))


@cache
def items() -> list[dict[str, Any]]:
    return json.loads((ORACLE / "items.json").read_text(encoding="utf-8"))


@cache
def expected(style: str) -> dict[str, Any]:
    order = json.loads((ORACLE / f"{style}.order.json").read_text(encoding="utf-8"))
    txt = (ORACLE / f"{style}.txt").read_text(encoding="utf-8").splitlines()
    html = (ORACLE / f"{style}.html").read_text(encoding="utf-8").splitlines()
    cites = json.loads((ORACLE / f"{style}.cites.json").read_text(encoding="utf-8"))
    return {"order": order, "text": dict(zip(order, txt, strict=True)), "html": dict(zip(order, html, strict=True)),
            "cites": cites}


@cache
def rendered(style: str) -> dict[str, Any]:
    from refkit.format.api import render_oracle_style

    return render_oracle_style(ORACLE / "styles" / f"{style}.csl", items(), ORACLE / "locales" / "locales-en-US.xml")


def csl_suite_runner() -> Any:
    """benchmarks/csl_suite.py as a module (the CSL test-suite runner the suite tests share)."""
    spec = importlib.util.spec_from_file_location("csl_suite", _ROOT / "benchmarks" / "csl_suite.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["csl_suite"] = mod
    spec.loader.exec_module(mod)
    return mod
