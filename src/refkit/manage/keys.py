"""``refkit keys``: citation keys from a pattern such as ``{auth:lower}{year}{veryshorttitle:lower}``.

Pattern language (a small cousin of JabRef's and Better BibTeX's): text outside braces is copied; a
``{token}`` or ``{token:modifier:...}`` is replaced by

=================  ================================================================================
``auth``           first author's family name (editor's when there is no author; von-particles dropped)
``authors``        every author's family name; ``authorsN`` the first N then ``EtAl``
``authEtAl``       ``auth`` + ``EtAl`` for three or more authors, ``auth`` + second family name for two
``authini``        the first author's initials and family name (``jsmith``)
``year``           four-digit year (from ``year`` or ``date``); ``shortyear``: its last two digits
``title``          every title word, capitalised and joined; ``titleN``: the first N words
``shorttitle``     the first three words that are not function words; ``veryshorttitle``: the first one
``firstpage``      the first page
``type``           the entry type
=================  ================================================================================

Modifiers: ``lower``, ``upper``, ``capitalize``, ``abbr`` (initial letters), ``N`` (a number: keep N
characters). Names and titles are transliterated to ASCII (``anyascii``: Müller -> Muller, 张伟 -> Zhang,
Ягода -> Yagoda). Clashing keys get ``a``, ``b``, ``c`` ... in file order; an existing key that already
follows the pattern (with or without such a suffix) is kept.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

from refkit.bib.keys import letter_suffix
from refkit.errors import InputError, Problem
from refkit.manage.lint_scan import Block, RawFile, scan
from refkit.manage.tidy import to_unicode

DEFAULT_PATTERN = "{auth:lower}{year}{veryshorttitle:lower}"
FUNCTION_WORDS = set("""a an the and or but nor of on in at to for from by with without about as into onto
over under upon via vs is are was were be de del della der die das den des du el la le les los las un une
et und y e o i zu zur zum im am au aux sur pour par dans""".split())
TOKENS = {"auth", "authors", "authetal", "authini", "year", "shortyear", "title", "shorttitle",
          "veryshorttitle", "firstpage", "type", "editor"}
REFERRING = ("crossref", "xdata", "related", "entryset", "set")
_TOKEN = re.compile(r"\{([^{}]*)\}")


@dataclass
class KeyChange:
    old: str
    new: str
    line: int
    block: Block


def validate(pattern: str) -> None:
    if not pattern.strip():
        raise InputError("the key pattern is empty", hint=f"e.g. {DEFAULT_PATTERN}")
    if re.search(r"[\s,#%\"'\\~()=]", _TOKEN.sub("", pattern)) or pattern.count("{") != pattern.count("}"):
        raise InputError(f"the key pattern {pattern!r} has characters a key cannot take or unbalanced braces",
                         hint=f"e.g. {DEFAULT_PATTERN}")
    for m in _TOKEN.finditer(pattern):
        name = re.match(r"([A-Za-z]+?)(\d*)$", m.group(1).split(":")[0])
        if not name or name.group(1).lower() not in TOKENS:
            raise InputError(f"unknown key pattern token {{{m.group(1)}}}",
                             hint="tokens: " + ", ".join(sorted(TOKENS)))
        for mod in m.group(1).split(":")[1:]:
            if mod not in ("lower", "upper", "capitalize", "abbr") and not mod.isdigit():
                raise InputError(f"unknown modifier :{mod} in {{{m.group(1)}}}",
                                 hint="modifiers: lower, upper, capitalize, abbr, or a number")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _plain(value: str) -> str:
    """LaTeX-free ASCII; each CJK character becomes a word of its own (they are written without spaces)."""
    s = to_unicode(value)
    s = re.sub(r"\\[A-Za-z]+\s*|[{}\\$^_]", "", s)
    s = _CJK.sub(lambda m: " " + m.group(0) + " ", s)
    return anyascii(s)


@lru_cache(maxsize=4096)
def _families(value: str) -> list[tuple[str, str]]:
    """(family, given) per person of a BibTeX name list; a braced name is one family name."""
    out = []
    for person in split_multiple_persons_names(value):
        person = person.strip()
        if not person or person.lower() in ("others", "et al.", "et al"):
            continue
        if person.startswith("{") and person.endswith("}"):
            words = re.findall(r"[A-Za-z0-9]+", _plain(person[1:-1]))
            out.append(("".join(w[:1].upper() + w[1:] for w in words[:1]), ""))
            continue
        try:
            parts = parse_single_name_into_parts(person, strict=False)
            family, given = " ".join(parts.last), " ".join(parts.first)
        except Exception:  # noqa: BLE001 - an unsplittable name: take its last word
            family, given = person.split()[-1], ""
        if _CJK.match(family) and " " not in family.strip():  # 陈登原: the family name is the first character
            family, given = family.strip()[0], family.strip()[1:] + given
        out.append((_plain(family).strip(), _plain(given).strip()))
    return out


def _words(title: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", _plain(re.sub(r"(?<=\w)['’](?=\w)", "", title)))


def _cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def _clean(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9\-_:.+/]", "", s)


def _token(name: str, count: int | None, b: Block, macros: dict[str, str],
           entries: dict[str, Block] | None = None) -> str:
    def val(field: str, entry: Block = b, depth: int = 0) -> str:
        f = entry.get(field)
        if not f:
            parent = entry.get("crossref")
            if parent and entries and depth < 3 and parent.text.strip().lower() in entries:
                return val(field, entries[parent.text.strip().lower()], depth + 1)
            return ""
        return "".join(macros.get(p.text.lower(), p.text) if p.kind == "macro" else p.text for p in f.pieces)

    if name in ("auth", "authors", "authetal", "authini", "editor"):
        people = _families(val("editor" if name == "editor" else "author") or val("editor"))
        fam = [re.sub(r"[^A-Za-z0-9]", "", _cap(f)) for f, _ in people]
        if not fam:
            return ""
        if name in ("auth", "editor"):
            return fam[0]
        if name == "authini":
            return "".join(w[:1] for w in people[0][1].split()) + fam[0]
        if name == "authetal":
            return fam[0] + ("EtAl" if len(fam) > 2 else (fam[1] if len(fam) == 2 else ""))
        if count and len(fam) > count:
            return "".join(fam[:count]) + "EtAl"
        return "".join(fam)
    if name in ("year", "shortyear"):
        m = re.search(r"\d{4}", val("year") or val("date"))
        return "" if not m else (m.group(0)[2:] if name == "shortyear" else m.group(0))
    if name in ("title", "shorttitle", "veryshorttitle"):
        words = _words(val("title"))
        if name != "title":
            words = [w for w in words if w.lower() not in FUNCTION_WORDS] or words
            count = count or (3 if name == "shorttitle" else 1)
        return "".join(_cap(w) for w in (words[:count] if count else words))
    if name == "firstpage":
        m = re.match(r"\s*([A-Za-z]*\d+)", val("pages"))
        return m.group(1) if m else ""
    if name == "type":
        return b.type
    return ""


def render_key(pattern: str, b: Block, macros: dict[str, str] | None = None,
               entries: dict[str, Block] | None = None) -> str:
    """The key ``pattern`` makes for entry ``b`` (before clash suffixes); ``anon`` when it comes out empty."""
    macros = macros or {}

    def sub(m: re.Match[str]) -> str:
        parts = m.group(1).split(":")
        nm = re.match(r"([A-Za-z]+?)(\d*)$", parts[0])
        assert nm is not None
        value = _token(nm.group(1).lower(), int(nm.group(2)) if nm.group(2) else None, b, macros, entries)
        for mod in parts[1:]:
            if mod == "lower":
                value = value.lower()
            elif mod == "upper":
                value = value.upper()
            elif mod == "capitalize":
                value = _cap(value)
            elif mod == "abbr":
                value = "".join(re.findall(r"[A-Z0-9]", value)) or value[:1]
            elif mod.isdigit():
                value = value[:int(mod)]
        return value

    key = _clean(_TOKEN.sub(sub, pattern))
    return key or "anon"


def plan(raw: RawFile, pattern: str = DEFAULT_PATTERN) -> list[KeyChange]:
    """The renames that bring every entry's key to ``pattern``: keys that already follow it are kept,
    clashes get a, b, c ... in file order."""
    validate(pattern)
    macros = raw.strings
    entries = raw.entries
    by_key: dict[str, Block] = {}
    for b in entries:
        by_key.setdefault(b.key.lower(), b)
    bases = [render_key(pattern, b, macros, by_key) for b in entries]
    keep = [bool(b.key) and re.fullmatch(re.escape(base) + r"[a-z]{0,2}", b.key) is not None
            for b, base in zip(entries, bases, strict=True)]
    taken = {b.key.lower() for b, k in zip(entries, keep, strict=True) if k}
    clash = Counter(base.lower() for base in bases)
    used: Counter[str] = Counter()
    seen_kept: set[str] = set()
    out = []
    for b, base, k in zip(entries, bases, keep, strict=True):
        if k and b.key.lower() not in seen_kept:  # a kept key used twice: the second one moves
            seen_kept.add(b.key.lower())
            continue
        if clash[base.lower()] == 1 and base.lower() not in taken:
            new = base
        else:
            while True:
                used[base.lower()] += 1
                new = base + letter_suffix(used[base.lower()] - 1)
                if new.lower() not in taken:
                    break
        taken.add(new.lower())
        if new != b.key:
            out.append(KeyChange(b.key, new, b.line, b))
    return out


def apply(text: str, changes: list[KeyChange]) -> str:
    """Rename the keys in ``text`` and the crossref/xdata/related references to them."""
    raw = scan(text)
    by_start = {c.block.start: c for c in changes}
    mapping = {c.old: c.new for c in changes if c.old}
    edits: list[tuple[int, int, str]] = []
    for b in raw.entries:
        c = by_start.get(b.start)
        if c:
            edits.append((b.key_start, b.key_end, c.new if b.key else c.new + ","))
        for f in b.fields:
            if f.lname in REFERRING and len(f.pieces) == 1 and f.pieces[0].kind in '{"':
                items = re.split(r"(\s*,\s*)", f.pieces[0].text)
                new_items = [mapping.get(i, i) for i in items]
                if new_items != items:
                    edits.append((f.value_start + 1, f.value_end - 1, "".join(new_items)))
    out, pos = [], 0
    for s, e, new in sorted(edits):
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def as_problems(changes: list[KeyChange], name: str, pattern: str) -> list[Problem]:
    from refkit.manage.lint import Finding

    return [Finding(f"{c.old or '(no key)'}: does not follow {pattern}; would be {c.new}", name, c.line,
                    "key-pattern", "warning", c.old or None, f"rename to {c.new}") for c in changes]


def write_keymap(path: str | Path, mapping: dict[str, str]) -> dict[str, str]:
    """Write ``mapping`` (old -> new) as JSON, composed with a map already there (a -> b, b -> c: a -> c)."""
    from refkit.io import atomic_write

    p = Path(path)
    merged: dict[str, str] = {}
    if p.is_file():
        try:
            old = json.loads(p.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise InputError(f"{p} is not a JSON key map", hint="remove it or pass another --map") from None
        if isinstance(old, dict):
            merged = {str(k): mapping.get(str(v), str(v)) for k, v in old.items()}
    merged.update({k: v for k, v in mapping.items() if k not in merged})
    atomic_write(p, json.dumps(merged, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    return merged
