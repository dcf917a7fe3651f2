"""The README's examples run: every `$ refkit ...` line in a code block is run from the repository
root and must print what the README shows (blocks with `...` elisions are checked up to the cut)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _examples() -> list[tuple[int, str, list[str]]]:
    out = []
    blocks = re.findall(r"```[a-z]*\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    for block in blocks:
        lines = block.rstrip("\n").split("\n")
        for i, line in enumerate(lines):
            if not line.startswith("$ ") or "refkit" not in line or "#" in line or ">" in line:
                continue
            if re.search(r"refkit (check|train)|--model|links\.json|refs\.bib", line):
                continue  # network, or files the reader supplies
            expected = []
            for nxt in lines[i + 1:]:
                if nxt.startswith("$ "):
                    break
                expected.append(nxt)
            while expected and not expected[-1].strip():
                expected.pop()
            out.append((len(out), line[2:], expected))
    return out


EXAMPLES = _examples()


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("n, command, expected", EXAMPLES, ids=[e[1][:60] for e in EXAMPLES])
def test_readme_example(n, command, expected):
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200")
    bindir = str(Path(sys.executable).parent)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    p = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    got = (p.stdout + p.stderr).rstrip("\n").split("\n")
    if "..." in expected:
        cut = expected.index("...")
        assert got[:cut] == expected[:cut]
    else:
        assert got == expected
