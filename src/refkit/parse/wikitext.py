"""The references of a MediaWiki page's source (wikitext): its citation templates, read as the
structured data they are, and its plain ``<ref>...</ref>`` notes, parsed as text.

    <ref name="Lorenz1986">{{cite journal |last=Lorenz |first=Volker |year=1986 |title=... |doi=...}}</ref>
    * {{cite book |last1=Cas |first1=R. A. F. |year=1987 |title=... |publisher=Allen & Unwin}}
    <ref>Smith, J. (2001). ''Title''. Publisher. {{doi|10.1234/x}}</ref>

A template becomes a :class:`refkit.model.Reference` at once (``{{cite journal}}`` an article,
``{{cite book}}`` a book or, with ``chapter=``, a chapter ...); a work cited again by its name
(``<ref name="X" />``) is one reference. ``{{sfn}}``, ``{{efn}}`` and other templates are not works.
"""

from __future__ import annotations

import re

from refkit.model import Date, Name, Reference
from refkit.parse.fields import parse_natural_date
from refkit.parse.raw import RawReference, Skipped, Split

_CITE = re.compile(r"\{\{\s*(?:[Cc]ite\s+(?P<kind>[\w\s]+?)|(?P<citation>[Cc]itation))\s*\|")
_KINDS = {"journal": "article-journal", "book": "book", "web": "webpage", "news": "article-newspaper",
          "magazine": "article-magazine", "conference": "paper-conference", "thesis": "thesis", "report": "report",
          "encyclopedia": "entry-encyclopedia", "arxiv": "article", "press release": "webpage", "av media": "motion_picture",
          "map": "map", "techreport": "report", "document": "document", "interview": "interview", "podcast": "broadcast"}
_CONTAINER = ("journal", "work", "website", "newspaper", "magazine", "periodical", "encyclopedia", "book-title",
              "conference", "series")


def looks_like_wikitext(text: str) -> bool:
    return len(_CITE.findall(text)) >= 2 or "<ref" in text and ("{{" in text or "[[" in text) and "</ref>" in text


def wiki_references(text: str) -> Split:
    """The references of a wikitext page, in the order they stand."""
    refs: list[RawReference] = []
    skipped: list[Skipped] = []
    taken: list[tuple[int, int]] = []
    for m in _CITE.finditer(text):
        end = _close(text, m.start())
        if end < 0 or any(a <= m.start() < b for a, b in taken):
            continue
        taken.append((m.start(), end))
        params = _params(text[m.end():end - 2])
        kind = (m.group("kind") or "").strip().lower()
        ref = _reference(kind, params)
        line = text.count("\n", 0, m.start()) + 1
        refs.append(RawReference(text[m.start():end][:120], line, reason="a citation template", entry=ref))
    for m in re.finditer(r"<ref(?:\s[^>/]*)?>(?P<body>.*?)</ref>", text, re.S):
        body = m.group("body")
        if any(a <= m.start("body") < b for a, b in taken) or _CITE.search(body):
            continue
        plain = _plain(body)
        line = text.count("\n", 0, m.start()) + 1
        if re.search(r"(?:1[5-9]|20)\d\d", plain) and len(plain) > 25:
            refs.append(RawReference(plain, line, reason="a plain <ref> note"))
        elif plain:
            skipped.append(Skipped(line, plain[:200], "a note, not a reference"))
    refs.sort(key=lambda r: r.line)
    return Split(refs, skipped, heading="References")


def _close(text: str, start: int) -> int:
    """The end of the template opening at ``start`` (after its '}}'), nested templates counted; -1 if open."""
    depth = 0
    i = start
    while i < len(text) - 1:
        pair = text[i:i + 2]
        if pair == "{{":
            depth += 1
            i += 2
        elif pair == "}}":
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return -1


def _params(body: str) -> dict[str, str]:
    out: dict[str, str] = {}
    parts, depth, cur = [], 0, ""
    for ch in body:  # split at the '|' not inside [[...]] or {{...}}
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        if ch == "|" and depth <= 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    for p in parts:
        k, sep, v = p.partition("=")
        if sep and k.strip():
            out[k.strip().lower()] = _plain(v)
    return out


def _plain(s: str) -> str:
    """Wiki markup out: '[[A|B]]' -> 'B', "''x''" -> 'x', '{{doi|10...}}' -> 'doi:10...', '[url text]' -> 'text url'."""
    s = re.sub(r"\{\{\s*doi\s*\|\s*([^}|]+)\}\}", r"doi:\1", s, flags=re.I)
    s = re.sub(r"\{\{\s*(?:ISBN|isbn)\s*\|\s*([^}|]+)\}\}", r"ISBN \1", s)
    s = re.sub(r"\{\{[^{}]*\}\}", "", s)
    s = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", s)
    s = re.sub(r"\[(https?://\S+)\s+([^\]]+)\]", r"\2 \1", s)
    s = re.sub(r"'{2,5}", "", s)
    s = re.sub(r"<[^>]+>", "", s)
    return " ".join(s.split())


def _names(p: dict[str, str], role: str) -> list[Name]:
    """'last1=', 'first1=', 'author2=', 'editor-last1=', 'vauthors=' -> names, in order."""
    out: list[Name] = []
    for i in range(1, 100):
        one = i == 1
        if role == "author":
            last = p.get(f"last{i}") or p.get(f"surname{i}") or (one and (p.get("last") or p.get("surname"))) or ""
            first = p.get(f"first{i}") or p.get(f"given{i}") or (one and (p.get("first") or p.get("given"))) or ""
        else:
            last = p.get(f"{role}-last{i}") or p.get(f"{role}{i}-last") or (one and p.get(f"{role}-last")) or ""
            first = p.get(f"{role}-first{i}") or p.get(f"{role}{i}-first") or (one and p.get(f"{role}-first")) or ""
        whole = p.get(f"{role}{i}") or (one and p.get(role)) or ""
        if last:
            out.append(Name(family=last, given=first))
        elif whole:
            fam, sep, given = whole.partition(",")
            out.append(Name(family=fam.strip(), given=given.strip()) if sep else Name(literal=whole))
        else:
            break
    if role == "author" and not out and p.get("vauthors"):
        for v in p["vauthors"].split(","):
            bits = v.strip().rsplit(" ", 1)
            out.append(Name(family=bits[0], given=bits[1] if len(bits) > 1 else ""))
    return out


def _reference(kind: str, p: dict[str, str]) -> Reference:
    rtype = _KINDS.get(kind, "book" if "isbn" in p or "publisher" in p else "document")
    f: dict[str, str] = {}
    if p.get("chapter") or p.get("contribution"):
        f["title"] = p.get("chapter") or p.get("contribution", "")
        f["container-title"] = p.get("title", "")
        rtype = "chapter" if rtype == "book" else rtype
    elif p.get("title"):
        f["title"] = p["title"]
    box = next((p[k] for k in _CONTAINER if p.get(k)), "")
    if box and "container-title" not in f:
        f["container-title"] = box
    for src, dst in (("volume", "volume"), ("issue", "issue"), ("number", "issue"), ("publisher", "publisher"),
                     ("location", "publisher-place"), ("place", "publisher-place"), ("edition", "edition"),
                     ("doi", "DOI"), ("isbn", "ISBN"), ("pmid", "PMID"), ("pmc", "PMCID"), ("url", "URL"),
                     ("type", "genre"), ("degree", "genre"), ("arxiv", "arxiv"), ("eprint", "arxiv")):
        if p.get(src) and dst not in f:
            f[dst] = p[src]
    pages = p.get("pages") or p.get("page") or p.get("at")
    if pages:
        f["page"] = pages.replace("–", "-")
    if f.get("edition"):
        f["edition"] = re.sub(r"(?i)^(\d+)(?:st|nd|rd|th)?(?:\s+ed\.?)?$", r"\1", f["edition"])
    if f.get("PMCID") and not f["PMCID"].upper().startswith("PMC"):
        f["PMCID"] = "PMC" + f["PMCID"]
    names = {"author": _names(p, "author"), "editor": _names(p, "editor")}
    ref = Reference(type=rtype, fields={k: v for k, v in f.items() if v}, names={k: v for k, v in names.items() if v})
    date = p.get("date") or p.get("year")
    d = _date(date) if date else None
    if d:
        ref.dates["issued"] = d
    seen = _date(p.get("access-date") or p.get("accessdate") or "")
    if seen:
        ref.dates["accessed"] = seen
    return ref


def _date(s: str) -> Date | None:
    s = s.strip()
    m = re.fullmatch(r"((?:1[5-9]|20)\d\d)-(\d\d)-(\d\d)", s)
    if m:
        return Date(start=(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    d = parse_natural_date(s)
    if d:
        return d
    y = re.search(r"(?:1[5-9]|20)\d\d", s)
    return Date(start=(int(y.group(0)),)) if y else None
