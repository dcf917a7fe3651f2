"""Markdown and web reading lists: bullets, emphasis, links, headings and prose between groups.

``- **Title** by A. Author (2019). [PDF](https://x.org/a.pdf)`` becomes plain reference text with the
link's URL kept at the end; each bullet or numbered item starts a reference; headings and
paragraphs of prose between groups are skipped and reported.
"""

from __future__ import annotations

import re

BULLET_RE = re.compile(r"^(\s*)(?:[-*+•▪◦‣–—]|\d{1,4}[.)])\s+")  # "– Eco, U." too: an en or em dash alone
HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s+\S|(?:=+|-+)\s*$)")
LINK_RE = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK_RE = re.compile(r"<(https?://[^>\s]+)>")
EMPHASIS_RES = (
    re.compile(r"\*\*(.+?)\*\*"), re.compile(r"(?<![\w\\])__(.+?)__(?!\w)"),
    re.compile(r"(?<![\w*\\])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), re.compile(r"(?<![\w\\])_(?!\s)(.+?)(?<!\s)_(?!\w)"),
    re.compile(r"`([^`]+)`"),
)
YEAR_RE = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")


_BULLETS_RE = re.compile(r"^[^\S\n]*[-*+•▪◦‣–—][^\S\n]+\S", re.M)  # at the start of a line, not across one
_HASH_RE = re.compile(r"^\s*#{1,6}\s")


def looks_like_markdown(body: list[tuple[int, str]]) -> bool:
    lines = [ln for _, ln in body if ln.strip()]
    if not lines:
        return False
    bullets = len(_BULLETS_RE.findall("\n".join(lines)))
    # a link has "](" in it, a heading "#": most lines have neither, and no pattern need be tried
    marks = sum(1 for ln in lines if "](" in ln and LINK_RE.search(ln) or "**" in ln or "#" in ln and _HASH_RE.match(ln)
                or "*" in ln and EMPHASIS_RES[2].search(ln) or "_" in ln and EMPHASIS_RES[3].search(ln))  # *Journal*
    return (bullets >= 2 and bullets >= 0.15 * len(lines)) or marks >= max(2, len(lines) // 4)


_CALLOUT_RE = re.compile(r"^\s*>\s*\[![\w-]+\]")  # Obsidian's "> [!quote] Title"
_TASK_RE = re.compile(r"^\s*(?:>\s*)?[-*+]\s+\[[ xX]\]\s")  # "- [ ] ask Priya for the shapefiles"
_IMAGE_RE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)")


def strip_inline(text: str) -> str:
    """Markdown inline markup -> plain text; link URLs are kept at the end."""
    urls: list[str] = []

    def link(m: re.Match[str]) -> str:
        label, url = m.group(1).strip(), m.group(2)
        if url.startswith(("http://", "https://", "www.", "doi:")) or "doi.org" in url:
            urls.append(url)
        if re.fullmatch(r"(?:pdf|html?|link|doi|url|web|online|preprint|paper|code|arxiv|slides|video)",
                        label, re.I) or label == url:
            return ""
        return label

    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\(([^)\s]*)\)", lambda m: f"[doi]({m.group(1)})" if "doi.org/" in m.group(1) else "",
                  text)  # a DOI badge linking to the DOI: the link stays
    text = _IMAGE_RE.sub("", text)  # badges: "![citations](https://img.shields.io/...)", linked or not
    text = re.sub(r"(?<!\S):[a-z0-9_+\-]{2,30}:(?!\S)", "", text)  # GitHub's emoji codes: ":star:", ":fire:"
    text = re.sub(r"\[\[([^\[\]]+)\]\]\(", r"[\1](", text)  # "[[paper]](url)"
    text = LINK_RE.sub(link, text)
    text = AUTOLINK_RE.sub(lambda m: m.group(1), text)
    for rx in EMPHASIS_RES:
        text = rx.sub(r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)
    text = re.sub(r"\s*[|·]\s*$", "", re.sub(r"\s+", " ", text)).strip()
    for url in urls:
        if url not in text:
            text = text.rstrip() + ("" if text.endswith((".", ",")) or not text else ".") + " " + url
            text = text.replace(". . ", ". ")
    return re.sub(r"\(\s*\)|\[\s*\]", "", text).replace(" .", ".").strip()


_BOLD_TITLE_FIRST = re.compile(
    r"^\s*\*\*(?P<title>[^*]{3,300}?)\*\*[.,:]?\s+(?:by\s+)?(?P<names>[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*)+"
    r"(?:(?:,\s*|\s+and\s+|,\s+and\s+)[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*)+)*(?:,?\s+et\s+al\.?)?)\.?\s+"
    r"(?P<rest>[*_\[(].*|[A-Z].*)$")


def _title_first(item: str) -> str:
    """'**Title**. Ada Lovelace, Alan Turing. *Venue 2017*. [paper](url)': reading lists put the bold
    title first; the reference reads 'Names. Title. Venue ...', the order the tagger knows."""
    m = _BOLD_TITLE_FIRST.match(item)
    if not m or re.search(r"\d", m.group("names")):
        return item
    title = m.group("title").strip().rstrip(".")
    names = m.group("names").rstrip(".")
    return f"{names}. {title}. {m.group('rest')}"


def _is_prose(text: str) -> bool:
    """A paragraph between groups ("These are the classics:"), not a reference."""
    t = text.strip()
    if t.endswith(":"):
        return True
    words = t.split()
    lower = sum(w[0].islower() for w in words if w[0].isalpha())
    if YEAR_RE.search(t) and len(words) < 60 and not (
            re.match(r"(?:If|When|This|These|The rest|Here|We|I|You|Our|My|See|Read|For more)\b", t) and lower >= 0.6 * len(words)):
        return False  # a reference has a year; a sentence that only mentions one ("make it Sampson (1997)") is prose
    return len(words) >= 4 and lower >= 0.5 * len(words)


def _said(line: str) -> str:
    """A line's words, without its bullet or number: what a quotation of it repeats."""
    return " ".join(re.sub(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+", "", line).split())


def clean(body: list[tuple[int, str]]):  # noqa: ANN201 - (body, forced starts, skipped)
    from refkit.parse.raw import Skipped
    from refkit.parse.starts import ended, starts_strictly

    out: list[tuple[int, str]] = []
    forced: dict[int, str] = {}
    skipped: list[Skipped] = []
    said_before: set[str] = set()  # the lines so far, to know a quoted repeat
    aside = False
    in_item = False
    indent = 0
    fence = ""
    for k, (no, ln) in enumerate(body):
        m = re.match(r"^\s*(```|~~~)", ln)
        if fence or m:
            if m and not fence:
                fence = m.group(1)
            elif m and ln.strip().startswith(fence):
                fence = ""
            skipped.append(Skipped(no, ln.strip(), "a code block"))
            in_item = False
            continue
        if not ln.strip():
            out.append((no, ""))
            continue
        if re.match(r"\s*<aside>", ln) or aside:  # a Notion callout: "<aside> 💡 Scope: ... </aside>"
            aside = not re.search(r"</aside>", ln)
            skipped.append(Skipped(no, ln.strip(), "a callout, not a reference"))
            continue
        if k < 12 and re.match(r"(?:Created|Created by|Last edited time|Last edited by|Owner|Status|Tags|Type|Assignee|"
                               r"Date|Property)\s*:\s", ln.strip()):
            skipped.append(Skipped(no, ln.strip(), "a page property, not a reference"))  # Notion's "Created: February 12, 2024"
            continue
        task = _TASK_RE.match(ln)
        if task and YEAR_RE.search(ln) and re.search(r"[A-ZÀ-Þ][\w'’\-]+,\s|https?://|\b10\.\d{4,}/", ln):
            ln = re.sub(r"\[[ xX]\]\s", "", ln, count=1)  # "- [x]  Author (2019). ...": a
            task = None  # reference ticked off in a reading list is still a reference (its box goes)
        if _CALLOUT_RE.match(ln) or task or "[[" in ln and not BULLET_RE.match(ln.lstrip("> ")):
            # an Obsidian callout's header ("> [!quote] Hsu et al. 2021"), a task ("- [ ] ask Priya"), a note's own
            # text with [[wikilinks]] ("Related: [[Ch2 outline]]")
            skipped.append(Skipped(no, ln.strip(), "a note's own line (callout, task or wikilinks), not a reference"))
            in_item = in_item and bool(_TASK_RE.match(ln))  # (an item's sub-tasks keep its notes below it)
            continue
        if re.match(r"^\s*>\s*[“\"«„]", ln):
            skipped.append(Skipped(no, ln.strip(), "a quotation in the notes, not a reference"))
            continue
        if ln.lstrip().startswith(">"):
            ln = re.sub(r"^\s*>\s?", "", ln)  # a quote block's text
            if _said(ln) in said_before:  # a reply that quotes "> 5. Meier, J. et al. ..." from the list above it
                skipped.append(Skipped(no, ln.strip(), "a quotation of a reference above, not a new one"))
                continue
        elif len(ln.strip()) >= 40:
            said_before.add(_said(ln))
        m = BULLET_RE.match(ln)
        if m and in_item and len(m.group(1)) >= indent + 2 and (not YEAR_RE.search(ln) and not re.search(r"https?://|\bdoi\b", ln)
                                                                or not starts_strictly(strip_inline(ln[m.end():])) and
                                                                not re.search(r"[A-Z][\w'’\-]+,\s(?:[A-Z]\.\s?)+", ln)):
            skipped.append(Skipped(no, ln.strip(), "a note under the item above, not a reference"))  # "    - eqs. 1–3 → ..."
            continue  # ("  - Companion repo: https://github.com/...", "  - v2 rewrite released 2024")
        if m and re.fullmatch(r"\s*\[@[\w\-]+\]\([^)]*\)[^\w\[]*", ln[m.end():]):
            skipped.append(Skipped(no, ln.strip(), "a contributor, not a reference"))  # "- [@lena](https://github.com/lena) 💻"
            continue
        if not _IMAGE_RE.sub("", ln).strip():
            skipped.append(Skipped(no, ln.strip(), "images (badges)"))
            continue
        if HEADING_RE.match(ln) or (k + 1 < len(body) and re.match(r"^\s*(?:=+|-{3,})\s*$", body[k + 1][1])
                                    and not BULLET_RE.match(ln)):
            if not re.match(r"^\s*(?:=+|-+)\s*$", ln):
                skipped.append(Skipped(no, ln.strip(), "a heading"))
            in_item = False
            continue
        m = BULLET_RE.match(ln)
        if m and re.fullmatch(r"\s*\[[^\]]+\]\(#[^)]*\)\s*", ln[m.end():]):
            skipped.append(Skipped(no, ln.strip(), "a table of contents entry"))  # "- [Tooling](#tooling)"
            in_item = False
            continue
        if m:
            text = strip_inline(_title_first(ln[m.end():]))
            out.append((no, text))
            forced[no] = "a list item (bullet or number)"
            in_item = True
            indent = len(m.group(1))
            continue
        text = strip_inline(ln)
        prev_blank = k == 0 or not body[k - 1][1].strip()
        if not out and not forced and len(text) < 100 and not starts_strictly(text) and not re.search(r"\(\d{4}\)", text) \
                and ("," not in text or not YEAR_RE.search(text)):
            skipped.append(Skipped(no, text, "the page's title"))  # "EC2204 Macroeconomics — Reading List 2024/25"
            continue
        if (prev_blank or not in_item) and re.search(r"\S\s\|\s\S", text) and not re.search(r"\(\d{4}\)|\bdoi\b|https?://", text):
            skipped.append(Skipped(no, text, "a page header"))  # "Module convenor: Dr R. Patel | Last updated ..."
            in_item = False
            continue
        if prev_blank and _is_prose(text):
            skipped.append(Skipped(no, text, "prose between the groups of the list"))
            in_item = False
            continue
        if prev_blank and not YEAR_RE.search(text) and len(text.split()) < 6 and not (
                k + 1 < len(body) and body[k + 1][1].strip() and not BULLET_RE.match(body[k + 1][1])):
            skipped.append(Skipped(no, text, "too short for a reference, and no year"))
            in_item = False
            continue
        if in_item and not prev_blank and not (ended(body[k - 1][1]) and starts_strictly(text)):
            out.append((no, "  " + text))
        elif in_item and re.match(r"^\s{2,}", ln):
            out.append((no, "  " + text))  # an item's indented second paragraph
        else:
            out.append((no, text))
            forced[no] = "a paragraph of its own"
            in_item = True
    return out, forced, skipped
