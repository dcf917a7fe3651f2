"""A rule-based parser for author-date styles that put the year in brackets after the authors and
separate the rest with commas, as many social-science journals do:

    Family, Given and Given Family (2019), “Title”, Journal, Vol. 12, No. 2, pp. 419-434 [in Persian].
    Family, Given (2016), Book Title, Translated by Given Family, Place: Publisher.
    Family, Given (1988), “Chapter”, in: Editor and Editor (eds.), Book, Place: Publisher, pp. 6-28.
    Family, Given (2017), “Page”, Available at: URL, (Accessed on: 14/10/2019).

:func:`parse` returns ``None`` when the text is not in such a style, so that the caller can use
the general tagger instead. Each recognised piece is kept as a labelled span for ``--explain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refkit.model import Date, Name, Reference
from refkit.parse import fields as F
from refkit.parse import lexicon

Q_OPEN = "“\"«„‘'"
Q_CLOSE = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’", "'": "'"}
ORG_WORDS = F.ORG_WORDS
PRESENTED_RE = re.compile(r"^(?:an?\s+)?(?:paper|lecture|talk|poster|keynote|speech|address)?\s*"
                          r"(?:presented|delivered|read|given)\s+(?:at|to|in)\s+(?:the\s+)?", re.I)
NEWS_WORDS = re.compile(rf"\b(?:{lexicon.NEWSPAPER_WORDS})\b", re.I)
GENRE_END = re.compile(r"(?:papers?|papir|reports?|briefs?|notes?|series|memos?|bericht|documents?|studies|"
                       r"study|memorandum|monographs?|bulletin|analysis|commentary|rapport|cuaderno)$", re.I)
THESIS_RE = re.compile(r"^(?:(?:Ph\.?\s?D\.?|Doctoral|Master'?s?|M\.?A\.?|M\.?Sc?\.?|MPhil|B\.?A\.?|Bachelor'?s?)"
                       r"\s*(?:thesis|dissertation)|(?:thesis|dissertation))$", re.I)
EDITION_RE = re.compile(r"^(?:(\d+)(?:st|nd|rd|th)?|(first|second|third|fourth|fifth|sixth|seventh|eighth|"
                        r"ninth|tenth|revised|new|expanded))\s+(?:ed\.?|edn\.?|edition)$", re.I)
LANG_RE = re.compile(r"\s*[\[(]\s*in\s+([A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)\s*[\])]", re.I)
ACCESS_RE = re.compile(
    r",?\s*[\[(]?\s*(?:last\s+)?\b(?:accessed|retrieved|viewed|consulted|visited)(?:\s+on)?\s*:?\s*"
    r"([^\])“”\"]{1,40}?\d)\s*[\])]?\s*\.?\s*$", re.I)
# "Available at: URL"; the URL may hold spaces where a line was wrapped, even inside "http s://"
AVAILABLE_RE = re.compile(r"(?:,\s*|\.\s*|\s)(?:available\s+(?:at|from|online)|retrieved\s+from|online|url|"
                          r"accessible\s+at)\s*:?\s*(?=(?:h\s?t\s?t\s?p\s?s?\s?:\s?/\s?/|w\s?w\s?w\s?\.))", re.I)
DOI_LEAD_RE = re.compile(r"(?:,\s*|\.\s*|\s)(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+)", re.I)
VOL_RE = re.compile(r"^(?:Vol(?:ume)?\.?|Bd\.|Jg\.|Tome|T\.)\s*(\S+)$", re.I)
NUM_RE = re.compile(r"^(?:No\.?|Nos\.?|Number|Issue|Iss\.|Nr\.?|Heft|H\.|n°|nº|no°)\s*(\S+?(?:\s*[-–&/]\s*\S+?)?)(?:\s*\([^)]*\))?$", re.I)
VOLNUM_RE = re.compile(r"^(\d+)\s*\((\d+(?:[-–/]\d+)?)\)$")
_COMMAND_PAPER = re.compile(r"^(?:Cmnd|Cmd|Cm)\.?\s\d{2,5}$")  # a UK command paper: "Cmd 6404"
_BARE_RANGE = re.compile(r"^\d{1,5}\s*[-–]\s*\d{1,5}\.?$")
PAGES_RE = re.compile(r"^(?:pp?\.|pages?|S\.)\s*(\d[\w]*(?:\s*[-–—]\s*\d[\w]*)?)$", re.I)
PLACE_ABBR = re.compile(r"^(?:[A-Z]\.(?:\s?[A-Z]\.)+|[A-Z]{2}|[A-Z][a-z]{1,4}\.)$")
COUNTRY_CODES = {"UK", "USA", "US", "U.K.", "U.S.A.", "U.S."}
SEASON_RE = re.compile(r"^(?:spring|summer|autumn|fall|winter)(?:\s*[-/]\s*(?:spring|summer|autumn|fall|winter))?"
                       r"(?:\s+\d{4})?$", re.I)
US_STATES = set("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
                "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())


@dataclass
class RuleParse:
    ref: Reference
    spans: list[tuple[str, str]] = field(default_factory=list)  # (label, raw text) in reading order
    unsure: list[str] = field(default_factory=list)  # reasons the result may be wrong


REPEATED_RE = re.compile(r"^\s*(?:[-‐‑‒–—―_]\s*){2,}[.,]?\s*(?:\((?:eds?|editors?)\.?\))?\s*$")
HEADER_RE = re.compile(
    r"^(?P<names>(?:[^()“\"]|\((?:eds?|editors?|hrsg|coords?|comps?)\.?\)){2,300}?)\s*\((?P<year>(?:c(?:a|irca)?\.\s*)?(?:1[5-9]\d\d|20\d\d)[a-z]?"
    r"(?:\s*[-–/]\s*\d{2,4})?|n\.\s?d\.|forthcoming|in press)\)\s*,\s*",
    re.I,
)


def _chunks(s: str) -> list[str]:
    """Split on commas that are not inside brackets or quotes."""
    out: list[str] = []
    cur: list[str] = []
    depth, q = 0, False
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in "“”\"":
            q = not q if ch == '"' else (ch == "“")
        if ch == "," and depth == 0 and not q:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return [c for c in out if c]


def _quoted_title(rest: str) -> tuple[str, str] | None:
    """'“Title”, rest' -> (title, rest). Handles nested quotes and '”?,' (punctuation outside)."""
    if not rest or rest[0] not in Q_OPEN:
        return None
    close = Q_CLOSE[rest[0]]
    i = 1
    while True:
        j = rest.find(close, i)
        if j < 0:
            return None
        after = rest[j + 1:]
        m = re.match(r"^([?!.]?)\s*(?:,|\.|$|;|:)", after)
        if m:
            title = rest[1:j] + m.group(1)
            return title, after[m.end():].strip()
        i = j + 1


def _clean_title(t: str) -> str:
    t = F.squash(t)
    t = re.sub(r"(\d)\s*[-–]\s+(\d)", r"\1-\2", t)  # "(2000- 2018)": a PDF line wrap
    return t.strip().rstrip(",;").strip()


def _names(raw: str) -> tuple[str, list[Name]]:
    role = "author"
    m = re.search(r"\s*\((?:eds?|editors?|hrsg|coords?|comps?)\.?\)\s*$", raw, re.I)
    if m:
        role = "editor"
        raw = raw[: m.start()]
    return role, F.split_names(raw)


def parse(text: str, previous: Reference | None = None) -> RuleParse | None:
    """Parse ``text``; ``previous`` gives the authors for a repeated-author dash ("———")."""
    s = F.squash(text)
    s = re.sub(r"^\s*(?:\[\d+[a-z]?\]|\d+[.)])\s+", "", s)
    m = HEADER_RE.match(s)
    if not m:
        return None
    ref = Reference(type="document")
    out = RuleParse(ref)
    role, names = _names(m.group("names"))
    if REPEATED_RE.match(m.group("names")):
        if previous is None:
            return None
        role = "editor" if "editor" in previous.names and "author" not in previous.names else role
        names = list(previous.names.get(role, []))
    if not names or any(len(n.family) > 60 for n in names):
        return None
    ref.names[role] = names
    out.spans.append((role, m.group("names")))
    year = F.parse_year(m.group("year"))
    if year:
        ref.dates["issued"] = year
    out.spans.append(("date", m.group("year")))
    rest = s[m.end():].strip()

    # the tail: language, access date, URL, DOI
    rest = rest.rstrip(" .")
    lang = LANG_RE.search(rest)
    if lang:
        ref.fields["language"] = lang.group(1).title()
        out.spans.append(("language", lang.group(0).strip()))
        rest = (rest[: lang.start()] + rest[lang.end():]).strip().rstrip(" .,")
    acc = ACCESS_RE.search(rest)
    if acc:
        d = F.parse_dmy(acc.group(1))
        if d:
            ref.dates["accessed"] = d
        else:
            out.unsure.append(f"access date {acc.group(1)!r} not understood")
        out.spans.append(("accessed", acc.group(0).strip(" ,")))
        rest = rest[: acc.start()].rstrip(" .,")
    av = AVAILABLE_RE.search(rest)
    if av:
        url_raw = re.split(r",?\s+[(\[]", rest[av.end():], maxsplit=1)[0]
        tail = rest[av.end() + len(url_raw):].strip(" ,.")
        if tail:
            out.unsure.append(f"text after the URL: {tail!r}")
        ref.fields["URL"] = F.clean_url(url_raw)
        out.spans.append(("url", url_raw))
        rest = rest[: av.start()].rstrip(" .,")
    else:
        um = re.search(r"(?:,\s*|\s)((?:https?://|www\.)\S+(?:\s+\S+/\S*)*)$", rest)
        if um:
            ref.fields["URL"] = F.clean_url(um.group(1))
            out.spans.append(("url", um.group(1)))
            rest = rest[: um.start()].rstrip(" .,")
    dm = DOI_LEAD_RE.search(rest)
    if dm:
        ref.fields["DOI"] = F.clean_doi(dm.group(1))
        out.spans.append(("doi", dm.group(0).strip(" ,.")))
        rest = (rest[: dm.start()] + rest[dm.end():]).rstrip(" .,")

    # the title
    q = _quoted_title(rest)
    quoted = q is not None
    if q:
        title, rest = q
        out.spans.append(("title", title))
        chunks = _chunks(rest)
    else:
        chunks = _chunks(rest)
        n = _title_chunks(chunks)
        if n == 0:
            return None
        title = ", ".join(chunks[:n])
        out.spans.append(("title", title))
        chunks = chunks[n:]
    ref.fields["title"] = _clean_title(title)
    if not ref.fields["title"]:
        return None

    _read_rest(chunks, ref, out, quoted)
    _choose_type(ref, out, quoted)
    F.doi_from_link(ref.fields)
    return out if _plausible(out, m.group("names"), quoted) else None


def out_containers(out: RuleParse) -> list[str]:
    return [seg for label, seg in out.spans if label == "container-title"]


def _plausible(out: RuleParse, names_raw: str, quoted: bool) -> bool:
    """Is this really the bracketed-year comma style? If not, the caller's tagger does better."""
    ref = out.ref
    if re.search(r"\d", names_raw) or len(names_raw) > 200:
        return False
    for role in ("author", "editor"):
        for n in ref.names.get(role, []):
            if n.literal or n.others:
                continue
            words = (n.family + " " + n.given).split()
            if len(n.family.split()) > 4 or len(n.given.split()) > 4:
                return False
            if sum(1 for w in words if w[:1].islower() and w.lower() not in F.PARTICLES) > 1:
                return False  # sentences, not names
    if any(label == "location" and re.search(r"[()]", seg) for label, seg in out.spans):
        return False
    if any(label == "location" and len(re.findall(r"\b(?:and|the|of|for|in|und|der|die|des|et|la|le)\b", seg)) >= 2
           for label, seg in out.spans):
        return False  # "Ordoliberalism, | Pragmatism and the Eurozone Crisis": a title's words, not a place
    said = " ".join(seg for _, seg in out.spans)
    if re.search(r"\b(?:Aufl|Jg|Hrsg|Hg|hrsg|übers|Übers|Bd|Bde|Nr)\.|\bAuflage\b|\bHeft\s+\d|,\s*S\.\s*\d|\b[Ii]n:\s(?![^,]{0,80}\((?:eds?|Eds?)\.\))|[Aa]us dem\s|"
                 r"\b(?:Jahresgutachten|Gutachten|Monatsbericht|Fachserie|Tabelle|Wochenbericht|Arbeitspapier|Diskussionspapier|"
                 r"Forschungsbericht|Sonderausgabe|Kurzbericht|Stellungnahme)\b", said):
        return False  # German editions, volumes, roles and pages: the tagger and its rules read those
    title = ref.fields.get("title", "")
    if not title or re.match(r"^(?:\d|pp?\.)", title) or re.search(r"https?://|www\.", title):
        return False
    if not quoted and (re.search(r"[a-z)]\.\s+[A-Z]", title) or re.search(r"\([^)]*:[^)]*\)", title)):
        return False  # "Title. Journal" or "Title (Place: Publisher)": another style
    f = ref.fields
    if ref.type == "book" and not (f.get("publisher") or f.get("publisher-place") or ref.names.get("translator")
                                   or f.get("edition") or f.get("URL")):
        return False
    if any(re.fullmatch(r"[\d\s\-–()./:;]+", c) for c in out_containers(out)) or re.search(r", \d+$", title):
        return False  # bare numbers where this style writes "Vol." / "pp."
    if ref.type == "article-journal" and not any(k in f for k in ("volume", "issue", "page")):
        return False
    return True


def _recognised(c: str) -> bool:
    return bool(
        VOL_RE.match(c) or NUM_RE.match(c) or PAGES_RE.match(c) or EDITION_RE.match(c) or VOLNUM_RE.match(c)
        or re.match(r"^(?:in|In|IN)(?:\s*:|\s)", c) or re.match(r"^(?:translated|trans\.|tr\.)\s+by\b", c, re.I)
        or re.match(r"^edited\s+by\b", c, re.I) or _place_colon(c) or THESIS_RE.match(c) or _COMMAND_PAPER.match(c)
    )


def _place_colon(c: str) -> bool:
    m = re.match(r"^([^:]{2,60}?)\s*:\s*(\S.*)$", c)
    return (m is not None and m.group(1)[:1].isupper() and not re.search(r"\d", m.group(1))
            and not re.match(r"^(?:https?|in|vol)\b", m.group(1), re.I))  # "eBay: Is the ...": a title's words


def _title_chunks(chunks: list[str]) -> int:
    """How many leading chunks make up an unquoted title."""
    for i, c in enumerate(chunks):
        if i and _recognised(c):
            if _place_colon(c) and i >= 2 and _joins_place(chunks[i - 1], c):
                return i - 1 if i - 1 > 0 else i
            return i
    return len(chunks)


def _joins_place(prev: str, c: str) -> bool:
    """'Washington', 'D.C.: Publisher' -> the place is 'Washington, D.C.'."""
    head = c.split(":", 1)[0].strip()
    if head in US_STATES or PLACE_ABBR.match(head) and head not in COUNTRY_CODES:
        return len(prev.split()) <= 3
    if head in COUNTRY_CODES:
        return len(prev.split()) == 1 and prev[:1].isupper()
    return False


def _read_rest(chunks: list[str], ref: Reference, out: RuleParse, quoted: bool) -> None:
    containers: list[str] = []
    i = 0
    f = ref.fields
    while i < len(chunks):
        c = chunks[i].strip()
        nxt = chunks[i + 1] if i + 1 < len(chunks) else ""
        if m := VOL_RE.match(c):
            f["volume"] = m.group(1)
            out.spans.append(("volume", c))
        elif m := NUM_RE.match(c):
            f["issue"] = m.group(1)
            out.spans.append(("issue", c))
        elif m := re.match(r"^Vol(?:ume)?\.?\s*(\S+)\s+(?:No|Issue)\.?\s*(\S+)$", c, re.I):
            f["volume"], f["issue"] = m.group(1), m.group(2)
            out.spans.append(("volume", c))
        elif m := VOLNUM_RE.match(c):
            f["volume"], f["issue"] = m.group(1), m.group(2)
            out.spans.append(("volume", c))
        elif m := PAGES_RE.match(c):
            f["page"] = F.clean_pages(m.group(1))
            out.spans.append(("pages", c))
        elif _COMMAND_PAPER.match(c):
            f["number"] = c
            out.spans.append(("number", c))
        elif m := EDITION_RE.match(c):
            f["edition"] = m.group(1) or m.group(2).lower()
            out.spans.append(("edition", c))
        elif m := re.match(r"^(?:translated|trans\.|tr\.)\s+by\s+(.+)$", c, re.I):
            ref.names["translator"] = F.split_names(m.group(1))
            out.spans.append(("translator", c))
        elif m := re.match(r"^edited\s+by\s+(.+)$", c, re.I):
            ref.names["editor"] = F.split_names(m.group(1))
            out.spans.append(("editor", c))
        elif m := re.match(r"^(?:in|In|IN)(?:\s*:\s*|\s+)(.*)$", c):
            body = m.group(1)
            eds = re.compile(r"\((?:eds?|editors?|hrsg)\.?\)\s*$", re.I)
            ahead = next((k for k in range(i + 1, min(i + 8, len(chunks))) if eds.search(chunks[k])), None)
            if not eds.search(body) and ahead is not None:  # "in: A. One, B. Two & C. Three (eds.)"
                body = ", ".join([body] + chunks[i + 1:ahead + 1])
                c = ", ".join(chunks[i:ahead + 1])
                i = ahead
                nxt = chunks[i + 1] if i + 1 < len(chunks) else ""
            em = re.match(r"^(.+?)\s*\((?:eds?|editors?|hrsg)\.?\)\s*$", body, re.I)
            if em:
                ref.names["editor"] = F.split_names(em.group(1))
                out.spans.append(("editor", c))
            else:
                containers.append(body)
                out.spans.append(("container-title", c))
            f["_in"] = "1"
        elif THESIS_RE.match(c):
            f["genre"] = c
            ref.type = "thesis"
            out.spans.append(("genre", c))
        elif SEASON_RE.match(c):
            out.spans.append(("date", c))  # "Spring", "Winter 2019": the season
        elif _place_colon(c) and quoted and not in_book(out) and any(
                VOL_RE.match(x) or NUM_RE.match(x) for x in chunks[i + 1:]):
            containers.append(c)  # "Middle East Policy: Quarterly, Vol. 3": a journal title with a colon
            out.spans.append(("container-title", c))
        elif _place_colon(c):
            place, pub = (x.strip() for x in c.split(":", 1))
            if containers and _joins_place(containers[-1], c):
                place = containers.pop() + ", " + place
            elif not containers and not quoted and ref.fields.get("title") and _joins_place("x", c):
                pass
            # the publisher runs on over chunks that are not recognised (it may hold commas)
            while nxt and not _recognised(nxt) and not _genre_number(nxt) and not (i + 2 == len(chunks) and f.get("_in") and
                                                                                   _BARE_RANGE.match(nxt)):
                pub += ", " + nxt
                i += 1
                nxt = chunks[i + 1] if i + 1 < len(chunks) else ""
            f["publisher-place"] = place
            f["publisher"] = pub
            out.spans.append(("location", place))
            out.spans.append(("publisher", pub))
            if nxt and i + 2 == len(chunks) and f.get("_in") and _BARE_RANGE.match(nxt):
                f["page"] = F.clean_pages(nxt.rstrip(". "))  # a chapter's pages after its publisher: "Oxford: OUP, 410–56."
                out.spans.append(("pages", nxt))
                i += 1
        elif g := _genre_number(c):
            f["genre"], f["number"] = g
            out.spans.append(("genre", c))
        elif (d := F.parse_natural_date(c, ref.year)) and re.fullmatch(
                rf"(?:{F.MONTH_RE}\s*\d{{1,2}}|\d{{1,2}}\s*{F.MONTH_RE})(?:,?\s*\d{{4}})?", c, re.I):
            ref.dates["issued"] = Date(start=d.start, end=(ref.dates["issued"].end if "issued" in ref.dates else ()))
            f["_day"] = "1"
            out.spans.append(("date", c))
        else:
            containers.append(c)
            out.spans.append(("container-title", c))
        i += 1
    if containers:
        f["_containers"] = "\u0000".join(containers)


def in_book(out: RuleParse) -> bool:
    return bool(out.ref.fields.get("_in"))


def _genre_number(c: str) -> tuple[str, str] | None:
    m = re.match(r"^((?:[A-Z][\w'-]*\s?){1,4}?)\s*(?:No\.?|Nr\.?|#|Number)?\s*(\d[\w./-]*)$", c)
    if m and GENRE_END.search(m.group(1).strip()):
        return m.group(1).strip(), m.group(2)
    return None


def _choose_type(ref: Reference, out: RuleParse, quoted: bool) -> None:
    f = ref.fields
    containers = [c for c in f.pop("_containers", "").split("\u0000") if c]
    in_book = bool(f.pop("_in", ""))
    dated = bool(f.pop("_day", ""))
    periodical = any(k in f for k in ("volume", "issue")) and "publisher" not in f
    if ref.type == "thesis":
        if containers:
            f["publisher"] = ", ".join(containers)
        return
    if in_book:
        book = ", ".join(containers)  # a book title may hold commas
        ref.type = "paper-conference" if re.match(r"(?:proceedings|conference)", book, re.I) else "chapter"
        if book:
            f["container-title"] = book
        return
    if "genre" in f and "number" in f:
        ref.type = "report"
        if containers:
            f["publisher"] = ", ".join(containers)
        return
    if not quoted:
        ref.type = "book"
        if containers:
            if "publisher" in f:
                out.unsure.append("text after the publisher: " + "; ".join(containers))
            else:
                f["publisher"] = ", ".join(containers)
        return
    if not containers:
        ref.type = "webpage" if "URL" in f else ("book" if "publisher" in f else "article")
        if ref.type == "article":
            out.unsure.append("no container and no publisher")
        return
    first = containers[0]
    if pm := PRESENTED_RE.match(first):
        ref.type = "paper-conference"  # “Title”, Paper Presented at the Annual Meeting of X, Place, 3-6 April
        f["container-title"] = first[pm.end():]
        rest = [c for c in containers[1:] if not re.search(r"\d", c)]
        if rest and "publisher-place" not in f:
            f["publisher-place"] = ", ".join(rest)
        return
    if (dated or NEWS_WORDS.search(first)) and "publisher" not in f and not ORG_WORDS.search(first):
        ref.type = "article-newspaper"  # “Title”, The Daily Star, 12 March 2019, Available at: ...
        f["container-title"] = first
    elif re.match(r"(?:proceedings|conference|symposium|workshop|congress)\b", first, re.I):
        ref.type = "paper-conference"
        f["container-title"] = first
    elif periodical or (not ORG_WORDS.search(first) and "URL" not in f and "publisher" not in f):
        ref.type = "article-journal"
        f["container-title"] = first
        if not periodical:
            out.unsure.append("a journal article without volume, issue or pages")
    elif ORG_WORDS.search(first) or "publisher" in f:
        ref.type = "report" if "publisher" not in f else "chapter"
        if ref.type == "report":
            f["publisher"] = ", ".join(containers)
            return
        f["container-title"] = first
    else:
        ref.type = "webpage"
        f["publisher"] = first  # the site's owner; BibTeX: @online{..., organization = {...}}
    if len(containers) > 1:
        out.unsure.append("text not understood: " + "; ".join(containers[1:]))
