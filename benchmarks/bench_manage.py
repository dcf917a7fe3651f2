"""Benchmark for ``refkit lint``, ``tidy`` and ``keys`` on a generated 10,000-entry bibliography; with
``--inject DIR``, lint's recall per rule on real .bib files with known injected defects.

The file is a realistic mix (made up here, not copied from anywhere): articles, books, chapters,
proceedings papers, theses, reports, online and misc entries; @string journal macros, comments,
crossrefs, accented and non-Latin names, long abstracts, messy layout (upper-case names, quotes, odd
indentation) and ~5% injected defects (single-hyphen pages, text months, DOI URLs, bad ISBNs, 'and and',
unescaped &, empty fields, duplicate keys). Prints the CPU seconds of each step and the finding counts.

    python benchmarks/bench_manage.py [--entries 10000] [--seed 1] [--keep FILE]
    python benchmarks/bench_manage.py --inject ../shared/realworld/bib [--rounds 3]

The injection mode puts one defect of each kind into a random entry that can take it (a DOI with a
space, a wrong ISBN/ISSN check digit, a URL without ':', a year with a letter, a removed journal, a
copied key, an 'and and', an extra '{' ...), lints the file before and after, and counts an injected
defect as found when lint reports a new finding (rule, entry, message) of that rule for that entry. "other new" counts the
new findings that match no injected defect (mostly side effects: a copied entry brings its own findings).
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from refkit.manage import keys  # noqa: E402
from refkit.manage.lint import apply_fixes, lint_text  # noqa: E402
from refkit.manage.lint_scan import scan  # noqa: E402
from refkit.manage.tidy import TidyOptions, tidy_text  # noqa: E402

FAMILIES = ["Smith", "Nguyen", "M{\\\"u}ller", "García", "O'Brien", "van der Berg", "Kowalski", "Ivanova", "Zhang",
            "Tanaka", "Okafor", "Dubois", "Rossi", "Larsen", "Ягода", "Papadopoulos", "Kim", "Singh", "Cohen",
            "de la Cruz", "Schr{\\\"o}dinger", "Øster", "Hall", "Kaur", "Silva"]
GIVEN = ["Ann", "Bo", "Carla", "D.", "Eitan", "Fatima", "G. H.", "Hiro", "Ines", "J{\\'e}r{\\^o}me", "Kwame", "Li"]
WORDS = ("adaptive learning networks graph theory treewidth bounded models inference bayesian protein folding "
         "climate ocean policy reading children literacy markets equilibrium quantum transport sparse deep "
         "robust estimation survey methods historical archives urban water planning neural dynamics").split()
JOURNALS = ["jcs", "tcs", "nature", "Journal of Applied Things", "Annals of Invented Studies"]
TYPES = ["article"] * 5 + ["book", "incollection", "inproceedings", "inproceedings", "phdthesis", "techreport",
                           "online", "misc"]


def name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILIES)}, {rng.choice(GIVEN)}"


def entry(i: int, rng: random.Random) -> str:
    typ = rng.choice(TYPES)
    defect = rng.random() < 0.05
    year = rng.randint(1950, 2024)
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))).capitalize()
    authors = " and ".join(name(rng) for _ in range(rng.randint(1, 5)))
    f: list[tuple[str, str]] = [("author", "{" + authors + (" and and Doe, J." if defect and rng.random() < .2
                                                            else "") + "}"),
                                ("title", "{" + title + (" & more" if defect and rng.random() < .2 else "") + "}")]
    if typ == "article":
        j = rng.choice(JOURNALS)
        f.append(("journal", j if j.islower() else "{" + j + "}"))
        f += [("volume", str(rng.randint(1, 90))), ("number", "{" + str(rng.randint(1, 12)) + "}")]
        a = rng.randint(1, 900)
        f.append(("pages", f"{{{a}{'-' if defect else '--'}{a + rng.randint(1, 30)}}}"))
    elif typ in ("book", "incollection"):
        f.append(("publisher", "{Invented Press}"))
        f.append(("isbn", f"{{978-0-306-40615-{6 if defect else 7}}}"))
        if typ == "incollection":
            f.append(("booktitle", "{Collected Studies}"))
    elif typ == "inproceedings":
        f.append(("crossref", f"{{proc{rng.randint(0, 9)}}}"))
    elif typ == "phdthesis":
        f.append(("school", "{University of Somewhere}"))
    elif typ == "techreport":
        f.append(("institution", "{Institute of Things}"))
    elif typ in ("online", "misc"):
        f.append(("url", f"{{https://example.org/item/{i}}}"))
    f.append(("year", f"{{{year}}}"))
    if rng.random() < 0.3:
        f.append(("month", "{March}" if defect else rng.choice(["jan", "jun", "oct"])))
    if rng.random() < 0.4:
        doi = f"10.{rng.randint(1000, 9999)}/inv.{i}"
        f.append(("doi", "{https://doi.org/" + doi + "}" if defect else "{" + doi + "}"))
    if rng.random() < 0.2:
        f.append(("abstract", "{" + " ".join(rng.choice(WORDS) for _ in range(120)) + "}"))
    if defect and rng.random() < 0.3:
        f.append(("note", "{}"))
    rng.shuffle(f)
    key = f"key{i - 1 if defect and rng.random() < 0.1 else i}"
    upper = rng.random() < 0.2
    sep = rng.choice(["  ", "\t", "    "])
    body = ",\n".join(f"{sep}{(k.upper() if upper else k)} = {v}" for k, v in f)
    return f"@{typ.upper() if upper else typ}{{{key},\n{body}\n}}\n"


def generate(n: int, seed: int) -> str:
    rng = random.Random(seed)
    head = ("% generated by benchmarks/bench_manage.py\n@string{jcs = {Journal of Computer Stuff}}\n"
            "@string{tcs = {Theoretical Computer Stuff}}\n@string{nature = {Nature}}\n\n")
    procs = "".join(f"@proceedings{{proc{i},\n  title = {{Proceedings of Meeting {i}}},\n  year = {{2010}}\n}}\n\n"
                    for i in range(10))
    return head + procs + "\n".join(entry(i, rng) for i in range(n))


def timed(label: str, fn):
    t = time.process_time()
    out = fn()
    print(f"{label:34} {time.process_time() - t:6.2f} s CPU")
    return out


def _defect(kind: str, b, ents: list, text: str) -> tuple[int, int, str, str] | None:
    """The edit (start, end, new text, key it concerns) that gives entry ``b`` a defect of ``kind``."""
    fm = b.field_map()

    def setv(name: str, v: str) -> tuple[int, int, str, str]:
        return fm[name].value_start, fm[name].value_end, "{" + v + "}", b.key

    def val(name: str) -> str:
        return fm[name].text.strip() if name in fm else ""

    def after(name: str, add: str) -> tuple[int, int, str, str] | None:
        f = fm.get(name)
        if not f or not text[f.start:f.end].rstrip().endswith(","):
            return None
        return f.end, f.end, add, b.key

    ranged = re.fullmatch(r"(\d+)--(\d+)", val("pages"))
    if kind == "doi" and val("doi") and fm["doi"].pieces[0].kind == "{":
        return setv("doi", val("doi").replace("/", " ", 1))
    if kind == "isbn" and val("isbn")[-1:].isdigit():
        return setv("isbn", val("isbn")[:-1] + str((int(val("isbn")[-1]) + 3) % 10))
    if kind == "issn" and re.fullmatch(r"\d{4}-\d{3}[\dX]", val("issn")):
        return setv("issn", val("issn")[:-1] + ("5" if val("issn")[-1] != "5" else "6"))
    if kind == "url" and val("url").startswith("http"):
        return setv("url", val("url").replace("://", "//", 1))
    if kind in ("year", "future-year") and re.fullmatch(r"\d{4}", val("year")):
        return setv("year", val("year")[:3] + "O" if kind == "year" else "2099")
    if kind == "month" and "month" in fm:
        return fm["month"].value_start, fm["month"].value_end, "{Mai}", b.key
    if kind == "pages" and ranged:
        return setv("pages", val("pages").replace("--", "-"))
    if kind == "pages-reversed" and ranged and len(ranged.group(1)) == len(ranged.group(2)) and \
            int(ranged.group(2)) > int(ranged.group(1)):
        return setv("pages", f"{ranged.group(2)}--{ranged.group(1)}")
    if kind == "required-field" and b.type == "article" and "journal" in fm and "crossref" not in fm:
        return fm["journal"].start, fm["journal"].end, "", b.key
    if kind == "duplicate-key":
        other = next(x for x in ents if x is not b)
        return (b.key_start, b.key_end, other.key, other.key) if other.key.lower() != b.key.lower() else None
    if kind == "dangling-crossref" and "crossref" not in fm:
        return after(b.fields[-1].lname, "\n  crossref = {zzznothere},")
    if kind == "undefined-macro" and "journal" in fm:
        return fm["journal"].value_start, fm["journal"].value_end, "jxqundefined", b.key
    if kind == "all-caps-title" and len(val("title")) > 25 and not re.search(r"[{}\\]", val("title")):
        return setv("title", val("title").upper())
    if kind == "empty-field" and "note" not in fm:
        return after("title", "\n  note = {},")
    if kind == "and-and" and " and " in val("author"):
        return setv("author", val("author").replace(" and ", " and and ", 1))
    if kind == "unescaped-char" and val("title") and "&" not in val("title"):
        return setv("title", val("title") + " & More")
    if kind == "unbalanced-braces" and "title" in fm and fm["title"].pieces[0].kind == "{":
        return fm["title"].value_start, fm["title"].value_start + 1, "{{", b.key
    if kind == "edition" and "edition" not in fm and b.type == "book":
        return after("title", "\n  edition = {2nd edition},")
    if kind == "likely-duplicate" and len(val("title")) > 20 and ("year" in fm or "date" in fm):
        copy = text[b.start:b.end].replace(b.key, b.key + "zzcopy", 1)
        return b.end, b.end, "\n\n" + copy, b.key + "zzcopy"
    if kind == "missing-urldate" and "url" in fm and "urldate" in fm:
        return fm["urldate"].start, fm["urldate"].end, "", b.key
    return None


KINDS = ["doi", "isbn", "issn", "url", "year", "future-year", "month", "pages", "pages-reversed", "required-field",
         "duplicate-key", "dangling-crossref", "undefined-macro", "all-caps-title", "empty-field", "and-and",
         "unescaped-char", "unbalanced-braces", "likely-duplicate", "missing-urldate", "edition"]


def inject(text: str, rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """One defect of each kind in a random entry that can take it: (new text, [(rule, key)])."""
    ents = [b for b in scan(text).entries if b.key and b.fields]
    edits: list[tuple[int, int, str, str, str]] = []
    used: set[int] = set()
    for kind in KINDS:
        rng.shuffle(ents)
        for b in ents:
            e = None if b.start in used else _defect(kind, b, ents, text)
            if e:
                edits.append((e[0], e[1], e[2], kind, e[3]))
                used.add(b.start)
                break
    edits.sort(key=lambda x: x[0])
    out, pos = [], 0
    for start, end, new, _, _ in edits:
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out), [(k, key) for _, _, _, k, key in edits]


def evaluate(folder: str, rounds: int, seed: int) -> None:
    from refkit.io import read_input

    tp: collections.Counter[str] = collections.Counter()
    fn: collections.Counter[str] = collections.Counter()
    other: collections.Counter[str] = collections.Counter()
    rng = random.Random(seed)
    for path in sorted(Path(folder).glob("*.bib")):
        text, name, _ = read_input(path)
        def said(m: str) -> str:
            return re.sub(r"line \d+", "line", m)  # injected lines move the lines that messages name

        base = {(f.rule, f.key, said(f.message)) for f in lint_text(text, name)}
        for _ in range(rounds):
            new, injected = inject(text, rng)
            fresh = [(f.rule, f.key) for f in lint_text(new, name) if (f.rule, f.key, said(f.message)) not in base]
            for kind, key in injected:
                (tp if (kind, key) in fresh else fn)[kind] += 1
            for k in fresh:
                if k not in injected:
                    other[k[0]] += 1
    for k in sorted(set(tp) | set(fn) | set(other)):
        n = tp[k] + fn[k]
        rate = f"{tp[k] / n:6.1%}" if n else "     -"
        print(f"{k:18} found {tp[k]:3}/{n:<3} {rate}   other new findings {other[k]}")
    total = sum(tp.values()) + sum(fn.values())
    print(f"all rules: {sum(tp.values())}/{total} injected defects found ({sum(tp.values()) / max(total, 1):.1%})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", metavar="FILE", help="also write the generated file here")
    ap.add_argument("--inject", metavar="DIR", help="measure lint recall on DIR/*.bib with injected defects")
    ap.add_argument("--rounds", type=int, default=3, help="injection rounds per file")
    a = ap.parse_args()
    if a.inject:
        evaluate(a.inject, a.rounds, a.seed)
        return
    text = generate(a.entries, a.seed)
    if a.keep:
        Path(a.keep).write_text(text, encoding="utf-8")
    print(f"{a.entries} entries, {len(text) / 1e6:.1f} MB")
    timed("scan", lambda: scan(text))
    findings = timed("lint", lambda: lint_text(text, "gen.bib"))
    fixed, n = timed("apply fixes", lambda: apply_fixes(text, findings))
    tidy = timed("tidy", lambda: tidy_text(text))
    again = timed("tidy of tidy output (no change)", lambda: tidy_text(tidy.text))
    timed("tidy --sort author --encoding unicode", lambda: tidy_text(text, TidyOptions(sort="author",
                                                                                         encoding="unicode")))
    changes = timed("keys (plan)", lambda: keys.plan(scan(text)))
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    print(f"findings: {len(findings)} ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); "
          f"{n} fixed")
    print(f"tidy: {len(tidy.changes)} blocks changed; idempotent: {again.text == tidy.text and not again.changes}; "
          f"keys: {len(changes)} renames")


if __name__ == "__main__":
    main()
