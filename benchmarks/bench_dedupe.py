"""Dedupe figures: precision and recall on the invented pairs of tests/dedupe_pairs.py, and the groups
found in (and time taken on) every real file of ../shared/realworld/bib/ (or the folder given as the
first argument). Prints; asserts nothing."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import dedupe_heldout  # noqa: E402
import dedupe_pairs  # noqa: E402
from refkit.bib import bibtex  # noqa: E402
from refkit.manage.dedupe import find_duplicates  # noqa: E402


def found(a: str, b: str) -> bool:
    refs, _ = bibtex.loads(a + "\n" + b)
    return bool(find_duplicates(refs))


def main() -> None:
    for label, mod in (("tuning pairs", dedupe_pairs), ("held-out pairs", dedupe_heldout)):
        tp = sum(found(a, b) for _, a, b in mod.SAME)
        fp = sum(found(a, b) for _, a, b in mod.DIFFERENT)
        precision = tp / (tp + fp) if tp + fp else 1.0
        print(f"{label}: {tp}/{len(mod.SAME)} same-work pairs found, {fp}/{len(mod.DIFFERENT)} hard negatives "
              f"joined: precision {precision:.2f}, recall {tp / len(mod.SAME):.2f}")
    real = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "realworld" / "bib"
    if not real.is_dir():
        print("../shared/realworld/bib not present: real files skipped")
        return
    total_entries = total_groups = 0
    for f in sorted(real.glob("*.bib")):
        refs, _ = bibtex.loads(f.read_text(encoding="utf-8", errors="replace"), f.name)
        t = time.perf_counter()
        groups = find_duplicates(refs)
        dt = time.perf_counter() - t
        total_entries += len(refs)
        total_groups += len(groups)
        print(f"{f.name:45s} {len(refs):5d} entries {len(groups):3d} groups {dt:6.2f} s")
        for g in groups:
            print(f"    {', '.join(g.keys)}: {g.reason} ({g.score:.3f})")
    print(f"total: {total_entries} entries, {total_groups} groups")


if __name__ == "__main__":
    main()
