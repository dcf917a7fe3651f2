"""Stable, unique citation keys: ``alavian2019``; clashes become ``smith2019a``, ``smith2019b``."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from anyascii import anyascii

from refkit.model import Reference

_STOP = {"a", "an", "the", "on", "of", "in", "and", "for", "to", "la", "le", "les", "der", "die", "das", "el"}


def _ascii(s: str) -> str:
    s = s.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    s = unicodedata.normalize("NFKC", s)
    if re.match(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]", s) and " " not in s.strip():
        s = s.strip()[:1]  # a CJK name written without spaces: its first character is the family name
    return re.sub(r"[^a-z0-9]", "", anyascii(s).lower())


def base_key(ref: Reference) -> str:
    """The key before clash suffixes: first author's (or editor's) family name and the year."""
    who = ""
    for role in ("author", "editor", "translator"):
        for n in ref.names.get(role, []):
            if not n.others:
                who = _ascii(n.literal)[:24] if n.literal else _ascii(n.full_family())
                break
        if who:
            break
    if not who:
        words = [w for w in re.findall(r"\w+", ref.get("title")) if w.lower() not in _STOP]
        who = _ascii(words[0]) if words else "anon"
    year = ref.dates.get("issued")
    return (who or "anon") + (str(year.year) if year and year.year else "")


def assign_keys(refs: Sequence[Reference]) -> list[str]:
    """Keys for ``refs`` in order. Existing ids are kept when unique; generated keys that clash
    get a, b, c ... in list order (all of them, so no key silently means two works)."""
    keys: list[str | None] = []
    taken: set[str] = set()
    counts = Counter(r.id for r in refs if r.id)
    for r in refs:
        if r.id and counts[r.id] == 1 and re.fullmatch(r"[^\s,{}()=\"#%'\\~]+", r.id):
            keys.append(r.id)
            taken.add(r.id)
        else:
            keys.append(None)
    bases = [base_key(r) if k is None else "" for r, k in zip(refs, keys, strict=True)]
    clash = Counter(b for b in bases if b)
    used: Counter[str] = Counter()
    out: list[str] = []
    for k, b in zip(keys, bases, strict=True):
        if k is not None:
            out.append(k)
            continue
        if clash[b] == 1 and b not in taken:
            cand = b
        else:
            while True:
                n = used[b]
                used[b] += 1
                cand = b + letter_suffix(n)
                if cand not in taken:
                    break
        taken.add(cand)
        out.append(cand)
    return out


def letter_suffix(n: int) -> str:
    """The n-th clash suffix (0 -> a, 25 -> z, 26 -> aa), as BibTeX styles letter years."""
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s
