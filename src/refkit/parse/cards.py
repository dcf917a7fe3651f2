"""Records a site lays out over several lines, each made one reference line: ResearchGate's reference
cards (:func:`research_cards`) and profile cards (:func:`profile_cards`), ORCID records
(:func:`orcid_works`), dblp's person pages (:func:`dblp_records`). Pure functions over the lines of a pasted page; each returns the lines, with a
record's parts joined on its first line and the rest blanked, and what it took as (index, text, reason).
"""

from __future__ import annotations

import re

_CARD_TYPE = re.compile(r"^\s*(?:Article|Book|Chapter|Conference Paper|Preprint|Thesis|Data|Technical Report|Research|Poster|"
                        r"Presentation|Book Review|Working Paper)\s*$")
_CARD_DATE = re.compile(r"^\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+)?((?:1[5-9]|20)\d\d)\s*$")


def research_cards(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """ResearchGate's reference cards ('Title' / 'Article' / 'Full-text available' / 'Jun 2022' / one name a
    line / 'View'): each card becomes one line, 'Names (2022). Title.'; returns the lines and what was taken."""
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    for k in range(1, len(out)):
        if not _CARD_TYPE.match(out[k]) or not out[k - 1].strip():
            continue
        d = next((j for j in range(k + 1, min(k + 3, len(out))) if _CARD_DATE.match(out[j])), None)
        if d is None:
            continue
        end = d + 1
        names: list[str] = []
        while end < len(out) and out[end].strip() and out[end].strip() not in ("View", "Show more") and \
                not _CARD_TYPE.match(out[end]) and len(names) < 40:
            t = out[end].strip()
            if re.fullmatch(r"[A-ZÀ-Þ][\w'’.\-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.\-]*|van|von|de|der|den|da|di|du|la|le|del|dos|ter)){0,4}", t):
                names.append(t)
            end += 1
        year = _CARD_DATE.match(out[d]).group(1)  # type: ignore[union-attr]
        title = out[k - 1].strip().rstrip(".")
        for j in range(k, end + (1 if end < len(out) and out[end].strip() in ("View", "Show more") else 0)):
            if j < len(out) and out[j].strip():
                skipped.append((j, out[j].strip(), "a reference card's parts (joined into one line)"))
            if j < len(out):
                out[j] = ""
        out[k - 1] = f"{', '.join(names) or 'Anonymous'} ({year}). {title}."
    return out, skipped


_DBLP_KEY = re.compile(r"^\s*\[[a-z]{1,2}\d{1,4}\]\s*$")  # "[j9]", "[c21]", "[i12]", "[e2]"


def dblp_records(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A dblp person page copied from the browser: each record is its key alone on a line ('[j9]'), the
    authors ending in a colon, then title and venue. Each record becomes one line, 'Authors. Title. Venue';
    the page's own lines (menus, year headings, the coauthor index) are dropped. Three records or more."""
    keys = [i for i, ln in enumerate(lines) if _DBLP_KEY.match(ln) and i + 2 < len(lines)
            and lines[i + 1].rstrip().endswith(":") and lines[i + 2].strip()]
    if len(keys) < 3:
        return lines, []
    out = [""] * len(lines)
    kept: set[int] = set()
    for i in keys:
        names = [re.sub(r"\s+\d{4}$", "", n.strip()) for n in lines[i + 1].strip().rstrip(":").split(",")]  # "Mateo Fernández 0002"
        out[i + 1] = f"{_and(names)}. {lines[i + 2].strip()}"  # (dblp prints a record's title and venue on one line)
        kept.update(range(i, i + 3))
    skipped = [(k, ln.strip(), "a dblp page's own line, not a record") for k, ln in enumerate(lines)
               if k not in kept and ln.strip()]
    return out, skipped


_YEAR_HEAD = re.compile(r"^\s*(?:1[5-9]|20)\d\d(?:\s*[–-]\s*(?:(?:1[5-9]|20)\d\d|today))?\s*$")  # "2023", "2010 – 2019"


_MONTH_YEAR = re.compile(r"^\s*(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\s+)?((?:1[5-9]|20)\d\d)\s*$")
_PROFILE_NAME = re.compile(r"[A-ZÀ-Þ][\w'’\-]*\.?(?:\s+(?:[A-ZÀ-Þ][\w'’\-]*\.?|van|von|de|der|den|da|di|du|la|le|del|dos|ter)){1,4}")
_PROFILE_END = re.compile(r"^\s*(?:Share|Download|Request full-text|Read more|\d[\d,]*\s+(?:Reads?|Citations?|Recommendations?))\s*$")


def profile_cards(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A ResearchGate profile's research items: 'Article' / 'Full-text available' / the title / 'January 2024'
    / '·' / 'Journal 69(1):112-127' / 'DOI:10…' / one name a line between '·' lines / an abstract's start /
    'N Reads' / 'Share'. Each item becomes 'Names (2024). Title. Journal 69(1):112-127. DOI:10…'."""
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    starts = []
    for k, ln in enumerate(lines):
        if not _CARD_TYPE.match(ln):
            continue
        t = k + 1 + (k + 1 < len(lines) and lines[k + 1].strip() == "Full-text available")
        if t + 1 < len(lines) and len(lines[t].strip()) > 15 and _MONTH_YEAR.match(lines[t + 1]):
            starts.append((k, t))
    if len(starts) < 2:
        return lines, []
    for n, (k, t) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        names: list[str] = []
        parts: list[str] = []
        j = t + 2
        while j < end and lines[j].strip():
            s = lines[j].strip()
            if s == "Share":  # the item's last line
                j += 1
                break
            if s in ("·", "[...]") or _PROFILE_END.match(s) or s.startswith("Advisor:") or s.endswith("..."):
                pass
            elif _PROFILE_NAME.fullmatch(s) and not re.search(r"\d", s):
                names.append(s)
            elif s.startswith("DOI:"):
                parts.append(s)
            elif s.startswith("In book:"):
                parts.append("In " + s[len("In book:"):].strip())
            elif s.startswith(("Conference:", "At:")):
                parts.append(s.split(":", 1)[1].strip())
            elif s.startswith("Thesis for:"):
                parts.append(s.split(":", 1)[1].strip() + " thesis")
            else:
                parts.append(s)
            j += 1
        year = _MONTH_YEAR.match(lines[t + 1]).group(1)  # type: ignore[union-attr]
        head = f"{_and(names) if names else 'Anonymous'} ({year}). {lines[t].strip().rstrip('.')}."
        out[k] = " ".join([head] + [p.rstrip(".") + "." if not p.startswith("DOI:") else p for p in parts])
        for m in range(k + 1, j):
            if lines[m].strip():
                skipped.append((m, lines[m].strip(), "a research item's parts (joined into one line)"))
            out[m] = ""
        for m in range(j, end):  # what follows an item's "Share": the page's own lines
            if lines[m].strip():
                skipped.append((m, lines[m].strip(), "a profile page's own line"))
            out[m] = ""
    for m in range(starts[0][0]):
        if lines[m].strip():
            skipped.append((m, lines[m].strip(), "a profile page's own line"))
        out[m] = ""
    return out, skipped


def _and(names: list[str]) -> str:
    """Names written given name first, joined as a list of them reads: 'A', 'A and B', 'A, B, and C'."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + ("," if len(names) > 2 else "") + " and " + names[-1]


_ORCID_DATE = re.compile(r"^\s*((?:1[5-9]|20)\d\d)(?:-\d\d){0,2}\s+\|\s+([A-Z][\w ]{1,40}?)\s*$")  # "2023-09 | Journal article"
_ORCID_STOP = re.compile(r"^\s*(?:Source:|Preferred source\b|Works\s*\(\d+\)|Select all|Sort|Show more detail)")
_ORCID_KINDS = {"journal article": "", "other": "", "conference paper": "", "book chapter": "", "book": ""}


def orcid_works(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """An ORCID record's works: the title, the venue, '2023-09 | Journal article', 'DOI: ...', 'EID: ...',
    'Contributors: A; B', 'Source: Crossref'. Each work becomes 'A and B (2023). Title. Venue. DOI: ...';
    the record's other sections (employment, funding, peer review) are dropped."""
    dates = [i for i, ln in enumerate(lines) if _ORCID_DATE.match(ln) and i > 0]
    if len(dates) < 2 or not any(ln.startswith("Contributors:") for ln in lines):
        return lines, []
    out = [""] * len(lines)
    kept: set[int] = set()
    for n, d in enumerate(dates):
        start = d - 1
        while start > 0 and start - 1 > (dates[n - 1] if n else -1) and lines[start - 1].strip() and \
                not _ORCID_STOP.match(lines[start - 1]) and d - start < 3:
            start -= 1  # the title, then the venue (when there is one)
        end = d + 1
        limit = dates[n + 1] - 1 if n + 1 < len(dates) else len(lines)
        names: list[str] = []
        ids: list[str] = []
        while end < limit and lines[end].strip() and not lines[end].lstrip().startswith("Source:"):
            s = lines[end].strip()
            if s.startswith("Contributors:"):
                names = [p.strip() for p in s.split(":", 1)[1].split(";") if p.strip()]
            elif re.match(r"(?:DOI|URL|ISBN|PMID|arXiv):", s):
                ids.append(s)
            end += 1
        if end < limit and lines[end].lstrip().startswith("Source:"):
            end += 1
            if end < limit and lines[end].lstrip().startswith("Preferred source"):
                end += 1
        m = _ORCID_DATE.match(lines[d])
        year, kind = m.group(1), m.group(2)  # type: ignore[union-attr]
        title, venue = lines[start].strip().rstrip("."), [ln.strip() for ln in lines[start + 1:d]]
        label = "" if kind.lower() in _ORCID_KINDS else f" [{kind}]"
        head = f"{_and(names)} ({year}). {title}{label}." if names else f"{title}{label} ({year})."
        out[start] = " ".join([head] + [v.rstrip(".") + "." for v in venue if v != "Other"] + ids)
        kept.update(range(start, end))
    skipped = [(k, ln.strip(), "an ORCID record's own line, not a work") for k, ln in enumerate(lines)
               if k not in kept and ln.strip()]
    skipped += [(k, lines[k].strip(), "a work's parts (joined into one line)") for k in sorted(kept)
                if lines[k].strip() and not out[k]]
    return out, sorted(skipped)


_SCHOLAR_LINK = re.compile(r"^\s*<?(https?://scholar\.google\.[a-z.]+/scholar_url\?url=([^&>\s]+)[^>\s]*)>?\s*$")
_SCHOLAR_BYLINE = re.compile(r"^\s*(?P<names>[^-–]{2,200}?)\s+-\s+(?:(?P<venue>[^,\n]{2,120}?),\s+)?(?P<year>(?:19|20)\d\d)\b")


def scholar_alerts(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """Google Scholar's alert mails: a title (over one or two lines, '[PDF]' before it), the link through
    scholar_url, 'A Rahman, J Liu… - bioRxiv, 2024', a snippet, 'Save <...> Twitter <...>'. Each result becomes
    'Names (2024). Title. Venue. doi:...' (or the publisher's link); the rest is dropped."""
    from urllib.parse import unquote

    links = [i for i, ln in enumerate(lines) if _SCHOLAR_LINK.match(ln)]
    if len(links) < 2:
        return lines, []
    out = [""] * len(lines)
    kept: set[int] = set()
    cites = [i for i, ln in enumerate(lines[:-1]) if ln.startswith("[CITATION]") and _SCHOLAR_BYLINE.match(lines[i + 1])]
    for i in sorted(links + cites):
        if i in cites:  # "[CITATION] Title" / "E Oduya - Nephron, 2024": no link
            start, title, url = i, lines[i], ""
        else:
            start = i
            while start > 0 and lines[start - 1].strip() and not _SCHOLAR_LINK.match(lines[start - 1]) and i - start < 3:
                start -= 1
            title = " ".join(ln.strip() for ln in lines[start:i])
            url = unquote(unquote(_SCHOLAR_LINK.match(lines[i]).group(2)))  # type: ignore[union-attr]
        title = re.sub(r"^\[(?:PDF|HTML|BOOK|CITATION|B|C)\]\s*", "", title).rstrip(".")
        by = _SCHOLAR_BYLINE.match(lines[i + 1]) if i + 1 < len(lines) else None
        doi = re.search(r"10\.\d{4,9}/[^\s&?#]+", url)
        link = ("doi:" + re.sub(r"(?:v\d+)?(?:\.full)?(?:\.pdf)?$", "", doi.group(0)) if doi else url).strip()
        if by:
            names = by.group("names").strip().rstrip("…").rstrip(", ")
            etal = ", et al." if by.group("names").strip().endswith("…") else ""
            venue = f" {by.group('venue').strip()}." if by.group("venue") else ""
            out[start] = f"{names}{etal} ({by.group('year')}). {title}.{venue} {link}".rstrip()
        else:
            out[start] = f"{title}. {link}"
        kept.update(range(start, i + 2))
    skipped = [(k, ln.strip()[:200], "a Scholar alert's own line, not a result") for k, ln in enumerate(lines)
               if k not in kept and ln.strip()]
    return out, skipped
