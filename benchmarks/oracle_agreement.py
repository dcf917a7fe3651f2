"""Per-style agreement of refkit's CSL output with citeproc-js (../shared/format-oracle).

Usage: python benchmarks/oracle_agreement.py [--oracle DIR] [--show STYLE] [--html] [--cites]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from refkit.format.api import render_oracle_style

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "format-oracle"


def ws(s: str) -> str:
    return " ".join(s.split())


def html_norm(s: str) -> str:
    return ws(re.sub(r"\n[ \t]*", "", s))


def compare(oracle: Path, style: str) -> dict:
    items = json.loads((oracle / "items.json").read_text(encoding="utf-8"))
    order = json.loads((oracle / f"{style}.order.json").read_text(encoding="utf-8"))
    txt = (oracle / f"{style}.txt").read_text(encoding="utf-8").splitlines()
    html = (oracle / f"{style}.html").read_text(encoding="utf-8").splitlines()
    cites = json.loads((oracle / f"{style}.cites.json").read_text(encoding="utf-8"))
    got = render_oracle_style(oracle / "styles" / f"{style}.csl", items,
                              oracle / "locales" / "locales-en-US.xml")
    text_exp = dict(zip(order, txt, strict=True))
    html_exp = dict(zip(order, html, strict=True))
    t_bad = [i for i in order if ws(got["text"].get(i, "")) != text_exp[i]]
    h_bad = [i for i in order if html_norm(got["html"].get(i, "")) != html_exp[i]]
    c_bad = [i for i in cites if ws(got["cites"].get(i, "")) != cites[i]]
    return {"style": style, "n": len(order), "text_ok": len(order) - len(t_bad), "order_ok": got["order"] == order,
            "html_ok": len(order) - len(h_bad), "cites_ok": len(cites) - len(c_bad), "n_cites": len(cites),
            "t_bad": t_bad, "h_bad": h_bad, "c_bad": c_bad, "got": got, "text_exp": text_exp,
            "html_exp": html_exp, "cites_exp": cites, "order": order}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--oracle", type=Path, default=DEFAULT)
    ap.add_argument("--show", help="print mismatches of this style")
    ap.add_argument("--html", action="store_true")
    ap.add_argument("--cites", action="store_true")
    a = ap.parse_args()
    styles = sorted(p.stem for p in (a.oracle / "styles").glob("*.csl"))
    tot = tot_ok = tot_h = tot_c = tot_nc = 0
    t0 = time.perf_counter()
    print(f"{'style':42} {'text':>9} {'order':>6} {'html':>9} {'cites':>9}")
    for s in styles:
        r = compare(a.oracle, s)
        tot += r["n"]
        tot_ok += r["text_ok"]
        tot_h += r["html_ok"]
        tot_c += r["cites_ok"]
        tot_nc += r["n_cites"]
        print(f"{s:42} {100 * r['text_ok'] / r['n']:8.1f}% {'ok' if r['order_ok'] else 'WRONG':>6} "
              f"{100 * r['html_ok'] / r['n']:8.1f}% {100 * r['cites_ok'] / r['n_cites']:8.1f}%")
        if a.show in (s, "all"):
            if not r["order_ok"]:
                print("  order got:", r["got"]["order"])
                print("  order exp:", r["order"])
            kind = "html" if a.html else "text"
            bad = r["h_bad"] if a.html else r["t_bad"]
            exp = r["html_exp"] if a.html else r["text_exp"]
            if a.cites:
                bad, exp, kind = r["c_bad"], r["cites_exp"], "cites"
            for i in bad:
                print(f"  [{i}]\n    got: {ws(r['got'][kind].get(i, ''))}\n    exp: {exp[i]}")
    print(f"{'ALL':42} {100 * tot_ok / tot:8.1f}% {'':>6} {100 * tot_h / tot:8.1f}% {100 * tot_c / tot_nc:8.1f}%"
          f"   ({tot_ok}/{tot} entries, {time.perf_counter() - t0:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
