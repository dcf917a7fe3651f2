"""Title Case -> sentence case when reading BibTeX (``sentence_case="auto"|"always"|"never"``).

CSL expects titles stored in sentence case: styles that want Title Case (Chicago) can make it from
sentence case, but styles that print the stored case (APA, Vancouver) cannot undo Title Case.
BibTeX users type titles in Title Case and protect what must stay with braces.

What is kept: braced text; the first word and the first word after ``:`` ``.`` ``?`` ``!``; acronyms
and mixed-case words (DNA, LaTeX, iPhone, McDonald); single capitals other than ``A`` (Vitamin D,
Type II); and proper nouns, known from a word list (:mod:`refkit.bib.titlecase_words`: places, peoples
and languages, months and days, names of scientists used as adjectives, ...) and from the file
itself: a word written capitalised inside a sentence-case title, an abstract or a note, or an
author's family name, is a proper noun in every title of the file.

``auto`` converts the titles that are in Title Case (most longer words capitalised) of entries whose
language is English or not given; ``always`` converts every title of every entry. Journal, series,
proceedings and event names are names, and stay as they are; a book's title in a chapter entry
(``booktitle``) is a title, and is converted.
"""

from __future__ import annotations

import re
from typing import Any

from refkit.bib.titlecase_words import PROPER_NOUNS
from refkit.model import Reference

CHAPTER_TYPES = {"inbook", "incollection", "inreference", "bookinbook", "suppbook", "suppcollection"}
SMALL = {"a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at", "to", "by", "with",
         "from", "as", "into", "via", "vs", "per", "upon", "over", "than", "so", "yet", "about"}
_WORD = re.compile(r"[^\W\d_](?:[\w'’]|-(?=\w))*|[:.?!]|—|–")


def _segments(title: str) -> list[tuple[bool, str]]:
    """-> [(protected, text)]: top-level ``{...}`` groups and quoted titles (“...”) are protected."""
    out: list[tuple[bool, str]] = []
    depth, start = 0, 0
    for i, ch in enumerate(title):
        if ch == "“" and depth == 0 and "”" in title[i:]:
            out.append((False, title[start:i]))
            start, depth = i, -1
        elif ch == "”" and depth == -1:
            out.append((True, title[start:i + 1]))
            start, depth = i + 1, 0
        elif depth < 0:
            continue
        elif ch == "{":
            if depth == 0:
                out.append((False, title[start:i]))
                start = i
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append((True, title[start:i + 1]))
                start = i + 1
    out.append((depth != 0, title[start:]))
    return [s for s in out if s[1]]


def _words(title: str) -> list[tuple[str, bool]]:
    """(word, at the start of a sentence) for every unprotected word."""
    out, start = [], True
    for protected, seg in _segments(title):
        if protected:
            start = start and not any(c.isalnum() for c in seg)
            continue
        for m in _WORD.finditer(seg):
            w = m.group(0)
            if w in ":.?!—–":
                start = True
                continue
            out.append((w, start))
            start = False
    return out


def _case_ratio(title: str) -> tuple[int, float]:
    """(how many words after the first are not small words, the share of them Capitalised);
    acronyms and mixed-case words do not count either way."""
    words = [w for w, start in _words(title) if not start and w.lower() not in SMALL
             and (_capitalised(w) or w == w.lower())]
    return len(words), (sum(w[0].isupper() for w in words) / len(words) if words else 0.0)


def is_title_case(title: str) -> bool:
    """Most words after the first capitalised: Title Case (not ALL CAPS, not sentence case)."""
    letters = [c for c in title if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return False  # ALL CAPS: no way to tell acronyms from words
    n, share = _case_ratio(title)
    return n > 0 and share >= 0.6


def _capitalised(w: str) -> bool:
    return w[:1].isupper() and w[1:] == w[1:].lower()


def _lower_word(w: str, proper: set[str]) -> str:
    parts = w.split("-")
    out = []
    for p in parts:
        if not _capitalised(p) or (len(p) == 1 and p != "A"):
            out.append(p)  # acronym, mixed case, lowercase, single capital
        elif ("-" + p.lower()) not in proper and (p in proper or p.lower() in PROPER_NOUNS
                                                  or p.rstrip("'’s") in proper):
            out.append(p)
        else:
            out.append(p.lower())
    return "-".join(out)


def to_sentence_case(title: str, proper: set[str] | None = None) -> str:
    """Title Case -> sentence case, keeping what is protected (see the module's notes)."""
    proper = proper or set()
    out = []
    start = True
    for protected, seg in _segments(title):
        if protected:
            out.append(seg)
            start = start and not any(c.isalnum() for c in seg)
            continue
        pieces, pos = [], 0
        for m in _WORD.finditer(seg):
            pieces.append(seg[pos:m.start()])
            w = m.group(0)
            if w in ":.?!—–":
                start = True
                pieces.append(w)
            else:
                if start:
                    first, _, rest = w.partition("-")
                    pieces.append(first + ("-" + _lower_word(rest, proper) if rest else ""))
                else:
                    pieces.append(_lower_word(w, proper))
                start = False
            pos = m.end()
        pieces.append(seg[pos:])
        out.append("".join(pieces))
    return "".join(out)


def proper_nouns_in(refs: list[Reference]) -> set[str]:
    """Words the file itself writes capitalised where case is not a title convention (inside
    sentence-case titles, abstracts, notes; authors' family names; places), and never in lower case there.
    (Braces elsewhere are no evidence: files brace ordinary words, {Tree} and {Data}, as often as names.)
    A listed proper noun seen in lower case there ("may", "polish") is dropped as well: the set
    returned holds the capitalised forms to keep and the lower-case forms (prefixed '-') to veto."""
    cap: set[str] = set()
    low: set[str] = set()

    def count(words: list[tuple[str, bool]]) -> None:
        for w, start in words:
            if start or len(w) < 2:
                continue
            if _capitalised(w):
                cap.add(w)
            elif w == w.lower():
                low.add(w)

    for r in refs:
        for names in r.names.values():
            for n in names:
                cap.update(x for x in re.split(r"[\s-]+", n.family) if _capitalised(x) and len(x) > 1)
        for key in ("publisher-place", "event-place"):  # places are names
            cap.update(w for w, _ in _words(r.fields.get(key, "")) if _capitalised(w) and len(w) > 2)
        for key in ("title", "volume-title"):
            t = r.fields.get(key, "")
            n_words, share = _case_ratio(t) if t else (0, 1.0)
            if n_words >= 3 and share <= 0.3:  # clearly sentence case: its capitals are meant
                count(_words(t))
        for key in ("abstract", "note"):
            for sentence in re.split(r"(?<=[.?!:])\s+", r.fields.get(key, "")):
                n_words, share = _case_ratio(sentence)
                if n_words >= 3 and share <= 0.3:
                    count(_words(sentence)[1:])
    keep = {w for w in cap if w.lower() not in low} - {"A", "The", "An"}
    return keep | {"-" + w for w in low}


def _english(lang: str) -> bool:
    lang = lang.strip().lower()
    return not lang or lang.startswith("en") or lang in ("american", "british", "usenglish", "ukenglish")


def apply(refs: list[Reference], raw: list[Any], mode: str = "auto") -> None:
    """Convert the titles of ``refs`` in place (``raw``: the entries as read, for their BibTeX types)."""
    if mode == "never":
        return
    types = {e.key: e.type for e in raw}
    proper = proper_nouns_in(refs)
    for r in refs:
        if mode == "auto" and not _english(r.fields.get("language", "")):
            continue
        keys = ["title", "volume-title"] + (["container-title"] if types.get(r.id) in CHAPTER_TYPES else [])
        for k in keys:
            t = r.fields.get(k)
            if t and (mode == "always" or is_title_case(t)):
                r.fields[k] = to_sentence_case(t, proper)
                short = r.fields.get("title-short")
                if k == "title" and short:  # the short title follows its title
                    r.fields["title-short"] = to_sentence_case(short, proper)
