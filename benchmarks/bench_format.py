"""How fast refkit formats a bibliography: entries/s for 1,000 and 10,000 APA entries.

Usage: python benchmarks/bench_format.py [--sizes 1000 10000] [--style apa] [--no-node]

The items are generated (deterministic, seeded), a mix of journal articles, books, chapters,
reports and web pages with 1-25 authors. Times include registration, sorting, disambiguation and
text output; style loading is reported separately. If node and the npm ``citeproc`` package
(citeproc-js) are installed, the same items are also timed with citeproc-js; otherwise that
line is skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FAMILIES = ("Okafor Lindqvist Park Moreau Haddad Kowalczyk Nguyen Ferreira Ishikawa Brennan Achterberg Silva "
            "Petrov Mbeki Castellano Dubois Eriksen Fontaine Gupta Horvath Ivanova Jansen Kimura Larsen Molina "
            "Smith Tanaka Rossi Schmidt Novak Cohen Ahmed Khan Garcia Lopez Weber").split()
GIVENS = "Adaeze Henrik Soo-jin Camille Rami Agnieszka Thanh Beatriz Kenji Siobhan Pieter Rafael Dmitri J. A. N.".split()
WORDS = ("soil moisture memory timing spring green-up semi-arid grasslands trust municipal data portals survey "
         "experiment acoustic sensors urban bat populations replication typing effect cold tolerance barley "
         "landraces budget assemblies towns tenant organising housing estates night train").split()
JOURNALS = ["Journal of Dryland Ecology", "Public Administration Quarterly Review", "Urban Wildlife Methods",
            "Cognitive Replication Letters", "Plant Genomics Consortium Reports"]


def make_items(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    items = []
    for i in range(n):
        kind = rnd.choices(["article-journal", "book", "chapter", "report", "webpage"], [6, 2, 1, 1, 1])[0]
        authors = [{"family": rnd.choice(FAMILIES), "given": rnd.choice(GIVENS)}
                   for _ in range(rnd.choice([1, 1, 2, 2, 3, 4, 8, 25]))]
        title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 10))).capitalize()
        it: dict = {"id": f"item{i}", "type": kind, "author": authors, "title": title,
                    "issued": {"date-parts": [[rnd.randint(1990, 2024), rnd.randint(1, 12)]]}}
        if kind == "article-journal":
            start = rnd.randint(1, 900)
            it.update({"container-title": rnd.choice(JOURNALS), "volume": str(rnd.randint(1, 60)),
                       "issue": str(rnd.randint(1, 12)), "page": f"{start}-{start + rnd.randint(5, 30)}",
                       "DOI": f"10.5555/bench.{i}"})
        elif kind in ("book", "report"):
            it.update({"publisher": "Northbridge Academic", "publisher-place": "London"})
        elif kind == "chapter":
            it.update({"container-title": "Handbook of " + rnd.choice(WORDS), "publisher": "Kestrel Books",
                       "editor": [{"family": rnd.choice(FAMILIES), "given": rnd.choice(GIVENS)}],
                       "page": "113-138"})
        else:
            it.update({"URL": f"https://example.org/{i}", "accessed": {"date-parts": [[2024, 3, 9]]}})
        items.append(it)
    return items


NODE_SCRIPT = r"""
const fs = require('fs');
const CSL = require('citeproc');
const [styleFile, localeFile, itemsFile] = process.argv.slice(2);
const style = fs.readFileSync(styleFile, 'utf8');
const locale = fs.readFileSync(localeFile, 'utf8');
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const byId = Object.fromEntries(items.map(i => [i.id, i]));
const sys = {retrieveLocale: () => locale, retrieveItem: id => byId[id]};
const t0 = process.hrtime.bigint();
const engine = new CSL.Engine(sys, style, 'en-US', true);
engine.setOutputFormat('text');
engine.updateItems(items.map(i => i.id));
const bib = engine.makeBibliography();
const t1 = process.hrtime.bigint();
console.log(JSON.stringify({seconds: Number(t1 - t0) / 1e9, entries: bib[1].length}));
"""


NODE_MODULES: list[str] = []


def _node_env() -> dict[str, str]:
    env = dict(os.environ)
    paths = NODE_MODULES + ([env["NODE_PATH"]] if env.get("NODE_PATH") else [])
    if paths:
        env["NODE_PATH"] = os.pathsep.join(paths)
    return env


def time_node(style_path: Path, locale_path: Path, items: list[dict]) -> float | None:
    node = shutil.which("node")
    if not node:
        return None
    probe = subprocess.run([node, "-e", "require('citeproc')"], capture_output=True, text=True, env=_node_env())
    if probe.returncode != 0:
        return None
    with tempfile.TemporaryDirectory() as d:
        script = Path(d) / "bench.js"
        script.write_text(NODE_SCRIPT, encoding="utf-8")
        data = Path(d) / "items.json"
        data.write_text(json.dumps(items), encoding="utf-8")
        out = subprocess.run([node, str(script), str(style_path), str(locale_path), str(data)],
                             capture_output=True, text=True, timeout=600, env=_node_env())
        if out.returncode != 0:
            print("citeproc-js failed:", out.stderr.strip()[:300], file=sys.stderr)
            return None
        return float(json.loads(out.stdout)["seconds"])


def main() -> int:
    from refkit.format.api import format_bibliography, load_style
    from refkit.format.csl import LOCALES_DIR
    from refkit.format.styles import find_style

    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--style", default="apa")
    ap.add_argument("--no-node", action="store_true", help="do not time citeproc-js")
    ap.add_argument("--node-modules", metavar="DIR", help="a node_modules folder holding the npm 'citeproc' package")
    a = ap.parse_args()
    if a.node_modules:
        NODE_MODULES.append(a.node_modules)

    t0 = time.perf_counter()
    style = load_style(a.style, "en-US")
    print(f"style {a.style}: loaded and compiled in {1000 * (time.perf_counter() - t0):.0f} ms")
    for n in a.sizes:
        items = make_items(n)
        t0 = time.perf_counter()
        entries = format_bibliography(items, style, "text")
        dt = time.perf_counter() - t0
        print(f"refkit       {n:>6} entries: {dt:7.2f} s  {n / dt:8.0f} entries/s  ({1000 * dt / n:.2f} ms/entry)"
              f"  [{len(entries)} rendered]")
        if not a.no_node:
            js = time_node(find_style(a.style).path, LOCALES_DIR / "locales-en-US.xml", items)
            if js is None:
                print(f"citeproc-js  {n:>6} entries: skipped (node or the npm 'citeproc' package not installed)")
            else:
                print(f"citeproc-js  {n:>6} entries: {js:7.2f} s  {n / js:8.0f} entries/s  ({1000 * js / n:.2f} ms/entry)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
