"""GROBID's labelled citations (../shared/corpus/grobid-citation, Apache-2.0) -> AnyStyle-style segments.

    python training/grobid.py [N]       # prints a sample

GROBID marks fields inside each ``<bibl>`` with TEI elements (``<author>``, ``<title level="a|m|j|s">``,
``<biblScope unit="volume|issue|page">``, ``<date>``, ``<publisher>``, ``<pubPlace>``, ``<idno>``,
``<ptr type="web">``, ``<note>`` ...). They are mapped onto the tagger's labels following AnyStyle's
conventions: the issue stays with the volume, a monograph title is the container when the
reference also has an article title, identifiers without a label of their own (arXiv, PMID, PMCID,
report numbers) are notes, and text between elements goes with the element before it (role words
such as "In" or "eds." with the field they introduce). Read at build time, never copied into the
repository (see NOTICE).
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("REFKIT_SHARED", HERE.parent.parent / "shared"))
GROBID = SHARED / "corpus" / "grobid-citation"

_BIBL = re.compile(r"<bibl\b[^>]*>(.*?)</bibl>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z]+)\b([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_NEXT = re.compile(r"^\s*(?:in|dans|im|en)\s*:?\s*$|^\s*(?:pp?\.|vol\.|no\.|doi:?|isbn:?|arxiv:?)\s*$", re.I)
_PREV_ROLE = re.compile(r"^[\s,]*\(?(?:eds?|editors?|ed\(s\)|hrsg|hg)\.?\)?[\s,.;:]*$", re.I)


def _label(tag: str, attrs: dict[str, str], has_article_title: bool) -> str | None:
    tag = tag.lower()
    kind = (attrs.get("level") or attrs.get("unit") or attrs.get("type") or "").lower()
    if tag == "author" or tag == "orgname":
        return "author"
    if tag == "editor":
        return "editor"
    if tag == "title":
        if kind == "a":
            return "title"
        if kind == "j":
            return "journal"
        if kind == "s":
            return "collection-title"
        return "container-title" if has_article_title else "title"
    if tag == "biblscope":
        if kind in ("volume", "vol", "issue"):
            return "volume"
        if kind in ("page", "pp", "pages"):
            return "pages"
        return None
    if tag == "date":
        return "date"
    if tag == "publisher":
        return "publisher"
    if tag == "pubplace":
        return "location"
    if tag == "idno":
        if kind == "doi":
            return "doi"
        if kind == "isbn":
            return "isbn"
        return "note"
    if tag == "ptr":
        return "url"
    if tag == "note":
        return "genre" if kind == "report" else "note"
    return None


def bibl_segments(body: str) -> list[list[str]] | None:
    """One ``<bibl>`` body -> [[label, text], ...] (None when nothing is labelled)."""
    body = re.sub(r"<lb\s*/>", " ", body)
    has_a = bool(re.search(r'<title\s+level="a"', body))
    pieces: list[tuple[str | None, str]] = []
    stack: list[str | None] = []
    pos = 0
    for m in _TAG.finditer(body):
        txt = html.unescape(body[pos:m.start()])
        if txt:
            lab = next((x for x in reversed(stack) if x), None) if stack else None
            pieces.append((lab, txt))
        pos = m.end()
        closing, tag, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        if selfclose:
            continue
        if closing:
            if stack:
                stack.pop()
        else:
            stack.append(_label(tag, dict(_ATTR.findall(attrs)), has_a))
    tail = html.unescape(body[pos:])
    if tail:
        pieces.append((None, tail))
    words: list[list[str | None]] = []
    for lab, txt in pieces:
        for w in txt.split():
            words.append([lab, w])
        # words of one unlabelled run are decided together below
    if not any(lab for lab, _ in words):
        return None
    n = len(words)
    # role words before a field ("In", "pp.", "vol.") take the next label
    for i in range(n - 1, -1, -1):
        if words[i][0] is None and _NEXT.match(str(words[i][1])):
            nxt = next((words[j][0] for j in range(i + 1, n) if words[j][0]), None)
            words[i][0] = nxt
        elif words[i][0] is None and _PREV_ROLE.match(str(words[i][1])) and i > 0 and words[i - 1][0] == "editor":
            words[i][0] = "editor"
    for i in range(n):
        if words[i][0] is None:
            words[i][0] = words[i - 1][0] if i > 0 else next(lab for lab, _ in words if lab)
    words = _glue(words)
    segs: list[list[str]] = []
    for lab, w in words:
        assert lab is not None and w is not None
        if segs and segs[-1][0] == lab:
            segs[-1][1] += " " + w
        else:
            segs.append([lab, w])
    return segs


def _glue(words: list[list[str | None]]) -> list[list[str | None]]:
    """GROBID's text has spaces around punctuation ("180 ( 1973 ) ,"): glue it back as printed."""
    out: list[list[str | None]] = []
    carry = ""
    for lab, w in words:
        w = str(w)
        if re.fullmatch(r"[(\[“‘«]+", w):
            carry += w
            continue
        if carry:
            w, carry = carry + w, ""
        if out and re.fullmatch(r"[,.;:)\]”’»]+", w):
            out[-1][1] = str(out[-1][1]) + w
            continue
        out.append([lab, w])
    if carry and out:
        out[-1][1] = str(out[-1][1]) + carry
    return out


def read(root: Path = GROBID) -> list[list[list[str]]]:
    """Every labelled citation under ``root`` (corpus and evaluation), in a fixed order."""
    out: list[list[list[str]]] = []
    if not root.is_dir():
        return out
    for f in sorted(root.rglob("*.xml")):
        text = f.read_text(encoding="utf-8", errors="replace")
        for m in _BIBL.finditer(text):
            segs = bibl_segments(m.group(1))
            if segs and len(segs) >= 2:
                out.append(segs)
    return out


if __name__ == "__main__":
    refs = read()
    print(len(refs), "references", file=sys.stderr)
    import random

    for s in random.Random(1).sample(refs, int(sys.argv[1]) if len(sys.argv) > 1 else 10):
        print(" | ".join(f"{lab}: {t}" for lab, t in s))
