"""Fields checked against each other once a reference is assembled.

What one field says about another: a report number at the end of a genre or title, a series and its
number, a DOI written as a link, a place in the publisher ('Can Tho: Delta Heritage Trust') or a
publisher in the place ('Paris, Payot'), a container that is really the publisher (a repository, the
corporate author, a book's publisher after its title), a newspaper's page ('A3'), a roman volume;
then the CSL type from the fields present.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refkit.model import Date, Name, Reference
from refkit.parse import lexicon
from refkit.parse.clean import is_org_name, unbracket_span
from refkit.parse.fields import MONTH_RE, clean_url, doi_from_link, parse_natural_date
from refkit.parse.kinds import TYPE_GENRES, choose_type
from refkit.parse.publication import PLACE_WORDS, PRESS_WORDS
from refkit.parse.tagger import Segment


def reconcile(ref: Reference, labels: set[str], by_label: dict[str, list[Segment]], conf: dict[str, float],
              segments: Sequence[Segment]) -> None:
    """Apply the cross-field corrections and choose the type (changes ``ref`` and ``conf``)."""
    om = re.search(r"(?i)(?:original(?:ly)?\s+(?:work\s+)?published|erstausgabe|erstveröffentlichung|première publication|"
                   r"\bed\.\s?or(?:ig)?\.|éd\.\s?orig\.|\borig\.)\D*?\b(1[5-9]\d\d|20\d\d)\b", ref.fields.get("note", ""))
    if om and "original-date" not in ref.dates:  # APA's "(Original work published 1938)"
        ref.dates["original-date"] = Date(start=(int(om.group(1)),))
    _split_genre(ref)
    _number_off_title(ref)
    _translated_title(ref)
    f = ref.fields
    c = f.get("container-title")
    if c and f.get("title") and f.get("number") and (f.get("genre") or f.get("collection-title")) and \
            not labels & {"volume", "pages", "editor", "journal"} and \
            not any(s.label == "container-title" and re.match(r"(?i)\s*(?:in|im|dans)\b", s.text) for s in segments):
        f["title"] = f"{f['title']}. {f.pop('container-title')}"  # "Title. Der Fünfte ...bericht. BT-Drucksache 18/11980."
    if f.get("collection-title") and f.get("issue") and not f.get("container-title") and not f.get("volume") \
            and "collection-number" not in f:
        f["collection-number"] = f.pop("issue")  # "in Lecture Notes in X, no. 214": the series' number
    _tidy_containers(ref)
    if re.match(r"(?i)(?:neudruck|nachdruck|reprint|unveränderter)\b", f.get("container-title", "")):
        f["note"] = "; ".join(x for x in (f.get("note"), f.pop("container-title")) if x)  # "Nachdruck der 1941 erschienenen Fassung"
    c = f.get("container-title", "")
    cm = re.fullmatch(r"(.{3,}?),\s*([A-Z][\w'’\- ]{2,30})", c)
    if cm and cm.group(2).lower() in lexicon.PLACE_WORDS and (f.get("volume") or f.get("page")):
        f["container-title"] = cm.group(1)  # ABNT's "Nature, London, v. 403": the journal's town
        f.setdefault("publisher-place", cm.group(2))
    place = f.get("publisher-place", "")
    if place.rstrip(".") in _GOST_PLACES or place in ("М.; Л.", "М.; Л"):  # GOST's "М.: Наука": Moscow
        f["publisher-place"] = "; ".join(_GOST_PLACES[p.strip(" .")] for p in place.split(";") if p.strip(" .") in _GOST_PLACES)
    _link_in_note(ref)
    rm = re.fullmatch(r"(?:\d{1,2}\.\s*)?(?:Nachdruck|Neudruck|Reprint|ND)\s+([A-ZÄÖÜ][\w.\- ]{1,30}?)",
                      f.get("publisher", "").strip(" ,"))
    if rm and not f.get("publisher-place"):  # "1969, Nachdruck Frankfurt a. M. 1983": the reprint's town
        f["publisher-place"] = rm.group(1).strip()
        del f["publisher"]
    doi_from_link(ref.fields)
    page = ref.fields.get("page", "")
    if page and not re.search(r"\d", page) and not re.fullmatch(r"(?i)[ivxlcdm]+(?:\s*[-\u2013]\s*[ivxlcdm]+)?", page):
        del ref.fields["page"]  # "..., 2019, Tallinn.": a place where the tagger saw pages
        if re.fullmatch(r"[A-ZÀ-Þ][\w'’.\- ]{1,40}", page) and "publisher-place" not in ref.fields:
            ref.fields["publisher-place"] = page
    vol = ref.fields.get("volume", "")
    if re.fullmatch(r"[A-Z]\d{1,3}|e\d{3,}", vol) and "page" not in ref.fields:  # "A3", article number "e1042"
        ref.fields["page"] = ref.fields.pop("volume")
    iy = re.fullmatch(r"(\d{1,3}(?:\s*[-–]\s*\d{1,3})?)\s*/\s*((?:1[5-9]|20)\d\d)", ref.fields.get("issue", ""))
    if iy:  # APuZ's "Nr. 40–42/2016": the issues of that year (the number kept as printed)
        ref.dates.setdefault("issued", Date(start=(int(iy.group(2)),)))
    if re.fullmatch(rf"(?i){MONTH_RE}|spring|summer|autumn|fall|winter", ref.fields.get("issue", "")):
        ref.fields.pop("issue")  # "217 (December)": the month, not an issue
    boxes = by_label.get("journal") or by_label.get("container-title") or []
    box = boxes[-1] if boxes else None
    if box is not None and re.search(r"(?i)\b(?:Nr|No|Heft|H)\.?\s*$", box.text) and f.get("volume") and not f.get("issue"):
        f["issue"] = f.pop("volume")  # "FAZ Nr. | 9 v. 12.1.2004": the number the journal's word was cut from is the issue
    _container_tail(ref)
    _periodical_first(ref, by_label, labels)
    _author_is_publisher(ref)
    _publisher_not_container(ref, labels, conf)
    _container_as_publisher(ref, labels, by_label, conf)
    _split_publisher_place(ref)
    _month_of_issue(ref, labels)
    _abbreviated_journal(ref, labels)
    if not ref.fields.get("title") and ref.fields.get("container-title") and "journal" not in labels:
        ref.fields["title"] = ref.fields.pop("container-title")  # "Eds. Book Title. Publisher": the book itself
        labels.discard("container-title")
        if "container-title" in conf:
            conf["title"] = conf.pop("container-title")
    ref.type = choose_type(ref.fields, labels, segments)
    blog = re.search(r"\s*\((?:blog|weblog)\)$", ref.fields.get("container-title", ""), re.I)
    if blog:  # Chicago's "Scatterplot (blog), February 11.": what the type says
        ref.fields["container-title"] = ref.fields["container-title"][:blog.start()]
        ref.type = "post-weblog"
    if ref.type in ("dataset", "software") and TYPE_GENRES.get(ref.fields.get("genre", "").lower()) == ref.type:
        del ref.fields["genre"]  # APA's "[Data set]" is what the type says: styles print it from the type
    note = ref.fields.get("note", "")
    if ref.type == "paper-conference" and "publisher-place" not in ref.fields and re.fullmatch(
            r"[A-ZÀ-Þ][\w'’\-]+(?:[ ,]+[A-ZÀ-Þ][\w'’.\-]+){0,2}", note):
        ref.fields["publisher-place"] = ref.fields.pop("note")  # "..., May 2–4, 2018, Bergen.": the event's place


_NUMBER_TAIL = re.compile(r"^(?P<g>.*?)[\s,]*\b(?:No|Nos|Nr|Number|Num|n[°º])\.?\s*:?\s*(?P<n>[\w][\w\-/.–]*)$", re.I)
_CODE_TAIL = re.compile(r"^(?P<g>[^\d]*?\b(?:paper|report|brief|note|notes|memo|memorandum|document|study|series|"
                        r"bericht|rapport|documento|informe))\s+(?P<n>(?:[A-Z]{1,4}\s){0,2}[A-Z]{0,6}[\s\-]?\d[\w\-/.–]*)$",
                        re.I)


def _container_as_publisher(ref: Reference, labels: set[str], by_label: dict[str, list[Segment]],
                            conf: dict[str, float]) -> None:
    """'Title. Delta Heritage Trust.': a "journal" with no volume, issue, pages, link or day-and-month
    after a title is a book's publisher."""
    f = ref.fields
    if not f.get("container-title") or "publisher" in f or not f.get("title"):
        return
    if labels & {"volume", "pages", "url", "doi", "editor", "container-title"} or "issue" in f:
        return
    issued = ref.dates.get("issued")
    if issued is not None and len(issued.start) > 1:
        return
    if any(re.search(rf"(?i)\b{MONTH_RE}\b", d.text) for d in by_label.get("date", [])):
        return  # "Asahi Shinbun 31 December.": a newspaper's day, even when the year stands elsewhere
    segs = by_label.get("journal", [])
    if len(segs) != 1 or re.match(r"(?i)\s*(?:in|dans|im|en)\b", segs[0].text):
        return
    if re.search(r"(?i)\b(?:journal|review|quarterly|bulletin|proceedings|transactions|letters|annals|"
                 r"zeitschrift|revue|rivista|studies|magazine|times|news|gazette|herald|post)\b", f["container-title"]):
        return
    f["publisher"] = f.pop("container-title")
    if "container-title" in conf:
        conf["publisher"] = conf.pop("container-title")
    labels.discard("journal")
    labels.add("publisher")


_REPOSITORY = re.compile(r"(?i)\b(?:repository|archive|package index|zenodo|figshare|dryad|github|gitlab|pypi|cran|"
                         r"osf|dataverse|databank|data bank|database|software heritage|bioconductor|npm|"
                         r"socarxiv|psyarxiv|edarxiv|biorxiv|medrxiv|chemrxiv|techrxiv|engrxiv|osf preprints|"
                         r"research square|preprints\.org)\b")  # preprint servers publish, they hold no issue
_NOTE_IS_NOTE = re.compile(r"(?i)\b(?:unpublished|manuscript|dissertation|thesis|report|preprint|original|reprint|"
                           r"translat|press release|forthcoming|abstract|retrieved|accessed|available|online|"
                           r"version|paper|presented|lecture|interview|letter|personal|communication|cited|see)\b")


_PERIODICAL = re.compile(rf"(?i)\b(?:{lexicon.NEWSPAPER_WORDS}|today|monthly|review|journal|bulletin|blog|online|library|museum)\b")


def _periodical_first(ref: Reference, by_label: dict[str, list[Segment]], labels: set[str]) -> None:
    """'Northern Daily Herald. “On the Labour of Coral.” October 5, 1977.': with no author, Chicago and
    MLA print the newspaper, magazine or site first; a quoted title after it is a piece of it."""
    authors = by_label.get("author", [])
    titles = by_label.get("title", [])
    if len(authors) != 1 or not titles or ref.fields.get("container-title") or "editor" in ref.names:
        return
    name = re.sub(r"[.,]\s*(?:n\.\s?d|(?:1[5-9]|20)\d\d[a-z]?)\.?\s*$", "", authors[0].text.strip()).strip(" .,")
    if not _PERIODICAL.search(name) or "," in name or len(name.split()) > 6 or \
            not re.match(r"\s*[“\"‘«]", titles[0].text) or authors[0].start > titles[0].start:
        return
    ref.fields["container-title"] = name
    ref.names.pop("author", None)
    labels.add("container-title")


def _abbreviated_journal(ref: Reference, labels: set[str]) -> None:
    """'Am. J. Sociol.' taken for a publisher, with no place and no container: an abbreviated journal (not
    'W. H. Freeman', whose dots are initials)."""
    pub = ref.fields.get("publisher", "")
    if re.fullmatch(r"(?:[A-Z][a-z]{0,7}\.\s?){1,5}[A-Z][a-z]{0,7}\.?", pub) and re.search(r"[A-Z][a-z]{1,7}\.", pub) and \
            not ref.fields.get("container-title") and \
            "publisher-place" not in ref.fields:
        ref.fields["container-title"] = ref.fields.pop("publisher")
        labels.add("journal")


def _author_is_publisher(ref: Reference) -> None:
    """'Freedom House. 2022. Title. Washington, DC: Freedom House.': one author who is also the publisher
    is an organisation, however much its name looks like a person's."""
    authors = ref.names.get("author", [])
    pub = ref.fields.get("publisher", "").strip(" .").lower()
    if len(authors) == 1 and pub and not authors[0].literal:
        a = authors[0]
        for form in (f"{a.given} {a.full_family()}", f"{a.full_family()} {a.given}"):
            if " ".join(form.split()).strip(" .").lower() == pub:
                authors[0] = Name(literal=ref.fields["publisher"].strip(" ."))
                return


def _move(ref: Reference, conf: dict[str, float], a: str, b: str) -> None:
    ref.fields[b] = ref.fields.pop(a)
    if a in conf:
        conf[b] = conf.pop(a)


_NEWS = re.compile(r"(?i)\b(?:news|times|gazette|herald|tribune|post|daily|journal|review|magazine|chronicle|"
                   r"guardian|courier|zeitung|bulletin|quarterly|letters)\b")


def _publisher_not_container(ref: Reference, labels: set[str], conf: dict[str, float]) -> None:
    """What stands where a container would but publishes: a repository or package index
    ('Open Ecology Repository', 'Python Package Index'), or the corporate author itself
    ('National Audit Board. Review of X. National Audit Board.'); a book's short capitalised note
    with no publisher ('Printed for the author.') is its publisher."""
    f = ref.fields
    c = f.get("container-title", "")
    authors = {n.literal.lower() for n in ref.names.get("author", []) if n.literal}
    t = f.get("title", "")
    for a in authors if "publisher" not in f else ():
        if t.lower().endswith(". " + a) and len(t) > len(a) + 8:  # "Review of X. National Audit Board"
            f["title"], f["publisher"] = t[: -len(a)].rstrip(" ."), t[-len(a):]
            labels.add("publisher")
            return
    if c and "publisher" not in f and not labels & {"volume", "pages"} and "issue" not in f:
        dated = bool(_NEWS.search(c))  # "ICR NEWS ... ICR News, 24 October 2013": news, not a report's publisher
        if _REPOSITORY.search(c) or c.lower() in authors and not dated:
            _move(ref, conf, "container-title", "publisher")
            labels.discard("journal")
            labels.discard("container-title")
            labels.add("publisher")
            return
    note = f.get("note", "")
    if note and not c and "publisher" not in f and f.get("title") and not labels & {"volume", "pages", "url", "doi"} \
            and re.fullmatch(r"[A-Z][\w'’&.\- ]{3,60}", note) and len(note.split()) <= 6 \
            and not _NOTE_IS_NOTE.search(note) and not re.search(r"\d", note):
        _move(ref, conf, "note", "publisher")
        labels.add("publisher")


def _month_of_issue(ref: Reference, labels: set[str]) -> None:
    """'Monatsbericht, Januar, S. 15–41' and 'In: Monatsbericht September 2019, S. 53–86': a periodical's
    month (the year being the reference's) is the issue's date, not a publisher or part of the title."""
    f = ref.fields
    year = ref.year
    pub = f.get("publisher", "").strip(" .,")
    m = re.fullmatch(rf"(?i)({MONTH_RE})(?:\s+((?:1[5-9]|20)\d\d))?", pub)
    place = f.get("publisher-place", "").strip(" .,")
    if m and year and (not m.group(2) or int(m.group(2)) == year) and not f.get("container-title") \
            and place and place.lower() not in PLACE_WORDS and not re.search(r"\d", place):
        del f["publisher"], f["publisher-place"]
        f["container-title"] = place
        labels.add("journal")
        _issued_month(ref, parse_natural_date(f"{m.group(1)} {year}", year))
        return
    c = f.get("container-title", "")
    m = re.fullmatch(rf"(.{{3,}}?),?\s+({MONTH_RE})\s+((?:1[5-9]|20)\d\d)", c)
    if m and year and int(m.group(3)) == year and not f.get("publisher") and not re.search(
            r"(?i)proc|conference|symposium|workshop|congress|meeting|tagung|konferenz|kongress|jahrestagung", c):
        f["container-title"] = m.group(1)
        _issued_month(ref, parse_natural_date(f"{m.group(2)} {m.group(3)}", year))


def _issued_month(ref: Reference, d: Date | None) -> None:
    """A year-only date made more exact by the month ``d`` names."""
    if d and len(d.start) >= 2 and "issued" in ref.dates and len(ref.dates["issued"].start) == 1:
        ref.dates["issued"] = Date(start=d.start[:2])


_LINK_LEAD = re.compile(r"(?i)[\s,;:]*(?:(?:online\s+)?(?:verfügbar|abrufbar|erhältlich)?\s*(?:unter|im\s+internet)|online|url|link|"
                        r"available\s+(?:online\s+)?(?:at|from)|retrieved\s+from|disponible\s+(?:en|sur))?\s*:?\s*$")


def _link_in_note(ref: Reference) -> None:
    """'..., S. 22–31, online unter https://...': a link the tagger left in the note is the URL."""
    f = ref.fields
    note = f.get("note", "")
    m = re.search(r"(?:https?://|www\.)[^\s<>\"]+", note) if "URL" not in f else None
    if not m:
        return
    f["URL"] = clean_url(m.group(0).rstrip(".,;)]"))
    rest = (_LINK_LEAD.sub("", note[:m.start()]) + " " + note[m.end():]).strip(" .,;:()[]")
    if rest:
        f["note"] = rest
    else:
        del f["note"]


def _container_tail(ref: Reference) -> None:
    """'The Eastport Gazette, A3' -> page A3; 'Proceedings of X [Noordwijk]' -> place Noordwijk."""
    f = ref.fields
    c = f.get("container-title", "")
    m = re.search(r"[,:]\s*([A-Z]\d{1,2})$", c)
    if m and "page" not in f:
        f["container-title"], f["page"] = c[: m.start()].strip(" ,:"), m.group(1)
    c = f.get("container-title", "")
    m = re.search(r",\s*((?!(?:1[5-9]|20)\d\d$)\d{1,4}|[IVXLC]{1,7})$", c)  # "Industrial Management Review, IX", "Advances in X, 30"
    if m and "volume" not in f and m.start() > 3:
        f["container-title"], f["volume"] = c[: m.start()].strip(" ,"), m.group(1)
    c = f.get("container-title", "")
    m = re.search(r",\s*([A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:\s[A-ZÀ-Þ][a-zà-ÿ'’\-]+)?)$", c)
    if m and re.match(r"(?i)proc(?:eedings|\.)\b", c) and "publisher-place" not in f and not re.search(
            r"(?i)conference|symposium|workshop|congress|meeting|part|volume|session|track", m.group(1)):
        f["container-title"], f["publisher-place"] = c[: m.start()].strip(" ,"), m.group(1)  # "..., Noordwijk"
    c = f.get("container-title", "")
    m = re.search(r"\s*\[([A-ZÀ-Þ][\w'’.\- ]{1,30})\]$", c) or (  # "[Noordwijk]"; "(Noordwijk)" after proceedings
        re.search(r"\s*\(([A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:[ ,]+[A-ZÀ-Þ][a-zà-ÿ'’.\-]+){0,2})\)$", c)
        if re.match(r"(?i)proc(?:eedings|\.)\b", c) else None)
    if m and "publisher-place" not in f and m.start() > 5:
        f["container-title"], f["publisher-place"] = c[: m.start()].strip(" ,"), m.group(1)


_CAP_WORDS = r"[A-Z][\w'’.\-]*(?:(?:\s+|\s*/\s*)(?:[A-Z][\w'’.\-]*|a\.\s?M\.|am|upon|on|de|del|sur))*"


# what may follow a city after a comma and still be the place: states, provinces, countries
_PLACE_TAILS = set("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
wisconsin wyoming ontario quebec québec alberta manitoba england scotland wales ireland uk usa us u.s.a u.s france
germany deutschland italy italia spain españa portugal brazil brasil mexico méxico canada australia india china japan
netherlands belgium switzerland austria sweden norway denmark finland poland russia argentina chile colombia peru
south africa new zealand israel egypt nigeria kenya ghana dc d.c mass calif ill conn penn""".split()) | {
    "new york", "new jersey", "new hampshire", "new mexico", "north carolina", "south carolina", "north dakota",
    "south dakota", "west virginia", "rhode island", "british columbia", "nova scotia", "new south wales",
    "united kingdom", "united states", "south africa", "new zealand"}


def _split_publisher_place(ref: Reference) -> None:
    """'Can Tho: Delta Heritage Trust' -> place and publisher; so is 'Institute for X, Cape Town'
    (a place of capitalised words after the last comma) when no place was found."""
    f = ref.fields
    loc = f.get("publisher-place", "")
    pub = f.get("publisher", "").strip(" .")
    pair = (loc.strip(" ,"), pub) if pub.lower() in _PLACE_TAILS else \
        (pub, loc.strip(" .")) if pub.lower() in lexicon.PLACE_WORDS and loc.strip(" .").lower() in _PLACE_TAILS else None
    if loc and pub and pub.lower() in PLACE_WORDS and loc.strip(" .,").lower() not in PLACE_WORDS and (
            PRESS_WORDS.search(loc) or re.search(r"(?i)\buniversi|\beditorial\b|\bedicion|\bverlag\b|\béditions\b", loc)):
        f["publisher-place"], f["publisher"] = pub, loc.strip(" ,")  # "Granada, Universidad de Granada", read backwards
        return
    if loc and pair:  # "Lisbon, Portugal.": a city and its country, no publisher (whichever the tagger called which)
        f["publisher-place"] = ", ".join(pair)
        del f["publisher"]
        return
    if loc and not f.get("publisher"):  # 'Paris, Payot', 'Oxford: Berg': the place took the publisher
        m = re.fullmatch(r"(.{2,40}?)\s*(?::|,)\s*([^\W\d][\w'’.&\- ]{1,50})", loc)
        if m and m.group(2).strip(" .").lower() not in _PLACE_TAILS and not re.fullmatch(r"[A-Z]{2}|[A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z]\.*",
                                                                                         m.group(2).strip()):
            f["publisher-place"], f["publisher"] = m.group(1).strip(), m.group(2).strip(" .")
            if f["publisher"].lower() in PLACE_WORDS and m.group(1).strip().lower() not in PLACE_WORDS \
                    and ":" not in loc:
                f["publisher-place"], f["publisher"] = f["publisher"], m.group(1).strip()  # "Berenberg/HWWI, Hamburg"
        return
    p = f.get("publisher", "")
    if not p or f.get("publisher-place"):
        return
    m = re.fullmatch(r"([A-ZÀ-Þ][\w'’.\- ]{1,30}?),\s*([A-ZÀ-Þ].{2,80}?)\.?", p)
    if m and m.group(1).lower() in PLACE_WORDS and m.group(2).lower() not in PLACE_WORDS and \
            m.group(2).lower() not in _PLACE_TAILS and not re.fullmatch(r"[A-Z]{2}", m.group(2)):
        f["publisher-place"], f["publisher"] = m.group(1), m.group(2)  # "Granada, Universidad de Granada": place, publisher
        return
    m = re.fullmatch(rf"({_CAP_WORDS}(?:,\s*[A-Z]{{2}})?)\s*:\s*(.+)", p)
    if m and PRESS_WORDS.search(m.group(1)) and re.fullmatch(r"[A-Z][\w'’.\- ]{1,30}(?:,\s*[A-Z]{2})?",
                                                             m.group(2).strip()) and not PRESS_WORDS.search(m.group(2)):
        f["publisher"], f["publisher-place"] = m.group(1), m.group(2).strip()  # ACS's "Oxford University Press: Oxford"
        return
    if m and len(m.group(1)) <= 40:
        f["publisher-place"], f["publisher"] = m.group(1), m.group(2).strip()
        return
    m = re.fullmatch(rf"(.{{4,}}?),\s*({_CAP_WORDS})", p)
    if m and re.match(r"(?i)universit", m.group(1)) and re.search(r"(?i)thesis|dissertation|diss\.", f.get("genre", "")) \
            and m.group(2).lower() not in m.group(1).lower():
        return  # APA's "[Doctoral dissertation, University of California, Berkeley]": the school's whole name
    if m and len(m.group(2).split()) <= 3 and not re.search(r"\d", m.group(1)) and not is_org_name(m.group(2) + " x") \
            and not re.search(r"(?i)\b(?:and|und|et|press|verlag|books|"
                                                            r"publish\w*|inc|ltd|gmbh|co)\b", m.group(2)):
        f["publisher"], f["publisher-place"] = m.group(1).strip(), m.group(2)


def _tidy_containers(ref: Reference) -> None:
    """'Book, by A. Author' -> 'Book'; a series' number ('Lecture Notes 214', 'Studies; 12') goes to
    collection-number."""
    f = ref.fields
    c = f.get("container-title", "")
    m = re.search(r",?\s+by\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}$", c)
    if m and m.start() > 3:
        f["container-title"] = c[: m.start()].strip(" ,")
    m = re.search(rf",\s*(?:(?:\d{{1,2}}\s+)?{MONTH_RE}(?:\s+\d{{1,2}})?(?:\s*[-\u2013/]\s*{MONTH_RE})?|Spring|Summer|Autumn|"
                  rf"Fall|Winter)(?:,?\s+\d{{4}})?$",
                  c := f.get("container-title", ""))
    if m and m.start() > 3:  # Chicago's "Tides Engineering Blog, February 28": the date, not the container
        f["container-title"] = c[: m.start()].strip(" ,")
    s = unbracket_span(f.get("collection-title", "")).lstrip("= ")  # "(= edition suhrkamp 1365)"
    m = re.search(r"[\s,;.]+(?:no\.?|nr\.?|vol\.?|bd\.|band|heft|h\.|v\.|n[°º]\.?|#)?:?\s*(\d{1,5}(?:/\d{1,5})?)\)?$", s, re.I)
    if m and m.start() >= 2 and "collection-number" not in f and not re.search(r",\s*Reihe\s*$", s[:m.start()]):  # "UTB 4684"
        f["collection-title"] = s[: m.start()].strip(" ,;(")
        f["collection-number"] = m.group(1)
    t = f.get("title", "")
    if t.endswith(("(=", "(")) and t.count("(") > t.count(")"):  # "Title (= Series. Band 3)": the bracket opened the series
        f["title"] = re.sub(r"\s*\(=?$", "", t)


_GOST_PLACES = {"М": "Москва", "Л": "Ленинград", "СПб": "Санкт-Петербург", "К": "Киев"}
_YEARS = re.compile(r"(?:1[4-9]|20)\d\d[-/\u2013](?:(?:1[4-9]|20)\d\d|\d\d)")
_TITLE_NUMBER = re.compile(r"(?:\.\s+|\s+\()(?P<n>[A-Za-z]{1,6}-?\d[\w/\-]*|\d+[/-]\d+)\)?$")


_NOT_ENGLISH = re.compile(r"\b(?:der|die|das|und|zur|le|la|les|des|du|sur|et|el|los|las|del|y|di|il|della|het|een|och|em|na)\b", re.I)
_ENGLISH = re.compile(r"\b(?:the|of|and|in|on|an?|for|as|from|to|with)\b", re.I)


def _translated_title(ref: Reference) -> None:
    """APA's and Chicago's 'Política y sociedad en una época de transición [Politics and Society in an Era of
    Transition]': the bracketed English rendering of a foreign title is a note, not part of the title."""
    t = ref.fields.get("title", "")
    m = re.fullmatch(r"(?P<t>.{8,}?)[.,]?\s*\[(?P<en>[A-Z][^\[\]]{8,200})\]\.?", t)
    if m and _NOT_ENGLISH.search(m.group("t")) and _ENGLISH.search(m.group("en")) and len(m.group("en").split()) >= 2:
        t = m.group("t").rstrip(" .,")
        ref.fields["title"] = t[1:-1] if t[:1] in "“\"" and t[-1:] in "”\"" else t
        ref.fields["note"] = "; ".join(x for x in (ref.fields.get("note"), m.group("en")) if x)


def _number_off_title(ref: Reference) -> None:
    """'Review of X. NAB-23/114' / 'Review of X (NAB-23/114)': a report number at the end of a title."""
    t = ref.fields.get("title", "")
    m = _TITLE_NUMBER.search(t)
    if m and "number" not in ref.fields and m.start() > 10 and not re.fullmatch(r"(?i)vol\w*|no|\d{4}", m.group("n")) \
            and not (ref.fields.get("container-title") and m.group(0).lstrip().startswith("(")) \
            and not _YEARS.fullmatch(m.group("n")):
        # "... (1945-1975)" is a period and "Survey ... (c3)" in a journal is the title's own
        ref.fields["title"] = t[: m.start()].strip(" .,")
        ref.fields["number"] = m.group("n")


def _split_genre(ref: Reference) -> None:
    """'Working Paper No. 14' -> genre 'Working Paper', number '14'; 'No. W31877; BLR Working Paper
    Series' -> number 'W31877', collection-title 'BLR Working Paper Series'."""
    g = ref.fields.get("genre", "")
    if not g or "number" in ref.fields:
        return
    parts = [p.strip(" ,.") for p in re.split(r";\s*", g) if p.strip(" ,.")]
    genre: list[str] = []
    for p in parts:
        m = _NUMBER_TAIL.match(p) or _CODE_TAIL.match(p)
        if m and "number" not in ref.fields:
            ref.fields["number"] = m.group("n").strip(" .,")
            if m.group("g").strip(" ,"):
                genre.append(m.group("g").strip(" ,"))
        elif re.search(r"(?i)\bseries\b|\breihe\b", p) and len(parts) > 1 and "collection-title" not in ref.fields:
            ref.fields["collection-title"] = p
        else:
            genre.append(p)
    genre = [g for i, g in enumerate(genre) if unbracket_span(g).lower() not in
             {unbracket_span(x).lower() for x in genre[:i]}]  # "[Working paper] ... Working paper nos.: 7"
    if genre:
        ref.fields["genre"] = "; ".join(unbracket_span(g) for g in genre)
    else:
        ref.fields.pop("genre", None)



# a container that is a meeting's ("Proc. ...", "Annual Meeting of ..."): a conference paper, not a periodical
