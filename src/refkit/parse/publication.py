"""Where the publication details end: publishers and their places.

'New York: New Directions, 1949.', 'Frankfurt a. M./New York: Campus', 'Paderborn u. a. 1999', Nature's
'(Printed for the author, 1750)', a repository inside a note ('Python Package Index'), APA's
'(Original work published 1938)'. Report numbers, series and standards are in
:mod:`refkit.parse.reports`. Called from :func:`refkit.parse.boundaries.fix_boundaries`.
"""

from __future__ import annotations

import re

from refkit.parse import lexicon
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

# the tagger's place words (its features must stay as trained) and more publishing towns for the passes here
PLACE_WORDS = lexicon.PLACE_WORDS | frozenset("""
    nürnberg nuremberg wiesbaden opladen weinheim darmstadt bielefeld bremen hannover dresden mannheim
    freiburg konstanz mainz kassel münster reinbek bamberg bochum dortmund duisburg düsseldorf kiel
    lüneburg potsdam rostock jena halle magdeburg erfurt augsburg regensburg würzburg marburg gießen trier
    saarbrücken osnabrück oldenburg paderborn wuppertal salzburg graz innsbruck linz baden-baden
    neuwied weilerswist gütersloh nancy montpellier sevilla valencia granada salamanca porto coimbra
    utrecht rotterdam groningen nijmegen tilburg leuven gent antwerpen aarau luzern winterthur chur
    klagenfurt seelze donauwörth baltmannsweiler ostfildern hildesheim weimar siegen karlsruhe
    frankfurt/m""".split())

REPOSITORY_RE = re.compile(r"(?<![\w-])(?:[A-Z][\w'’\-]*\s+){0,4}(?:Repository|Package Index|Archive|Zenodo|Figshare|"
                           r"Dryad|GitHub|GitLab|PyPI|CRAN|Dataverse|Bioconductor)\b")

ORIGINAL_RE = re.compile(r"\(?\b(?:Original(?:ly)?\s+(?:work\s+)?published|Original\s+erschienen|First\s+published|Erstausgabe|Erstveröffentlichung|"
                         r"zuerst|erstmals|"
                         r"Première publication|ed\.\s?or(?:ig)?\.|éd\.\s?orig\.|orig\.)"
                         r"(?:\s+(?:as|in|under the title)\s+[^()]{1,120}?)?,?\s+(?:in\s+)?"
                         r"(?:1[5-9]\d\d|20\d\d)\)?", re.I)


_STATE = re.compile(r"\s*(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.|Alabama|Arizona|California|Colorado|Connecticut|Florida|"
                    r"Georgia|Illinois|Indiana|Maryland|Massachusetts|Michigan|Minnesota|New Jersey|New York|"
                    r"North Carolina|Ohio|Oregon|Pennsylvania|Texas|Virginia|Washington|Wisconsin|Ontario|Quebec|"
                    r"England|Scotland|UK|USA)\s*:\s*$")


def city_before_state(segs: list[Segment], text: str) -> list[Segment]:
    """'Tables. Reading, Massachusetts: Addison-Wesley': the city before a state or its abbreviation
    ('Saint Paul, Minn.:') belongs to the place, not to the title or names before it."""
    for i, s in enumerate(segs[1:], 1):
        prev = segs[i - 1]
        if s.label == "location" and _STATE.fullmatch(s.text) and prev.label in ("title", "translator", "editor", "note"):
            m = re.search(r"(?<=[.)] )([A-Z][a-zà-ÿ'’\-]+(?:\s[A-Z][a-zà-ÿ'’\-]+){0,2}),\s*$", prev.text)
            if m and m.start() > 0:
                return relabel(segs, text, prev.start + m.start(1), s.end, "location")
    return segs


def place_state_year(segs: list[Segment], text: str) -> list[Segment]:
    """'(Boulder, Colo., 1993)': a city and its state's abbreviation before a bracketed year are the place."""
    for m in _PLACE_STATE_YEAR.finditer(text) if "(" in text else ():
        inside = [s for s in segs if s.start < m.end("place") and m.start("place") < s.end]
        if inside and all(s.label in ("journal", "container-title", "publisher", "location", "note", "title") for s in inside):
            segs = relabel(segs, text, m.start(), m.end("place") + 1, "location")  # with its bracket and comma
    return segs


_STATE_ABBREVIATION = r"(?:[A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z]\.|[A-Z]{2})"
_PLACE_STATE_YEAR = re.compile(rf"\((?P<place>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?,\s{_STATE_ABBREVIATION}),\s"
                               r"(?:1[5-9]\d\d|20\d\d)\)")


def after_place(segs: list[Segment], text: str) -> list[Segment]:
    """'New York: New Directions, 1949.': what follows 'Place:' is the publisher (and the year)."""
    for i, s in enumerate(segs[:-1]):
        nxt = segs[i + 1]
        if s.label == "location" and s.text.rstrip().endswith(":") and (nxt.label in (
                "note", "title", "journal", "container-title", "genre") or nxt.label == "pages" and not re.search(r"\d", nxt.text)):
            # (a publisher in lower case read as pages: "Bielefeld: transcript.")
            m = re.match(r"\s*([^\W\d][^,;()\d]{1,60}?)(?:,\s*((?:1[5-9]\d\d|20\d\d)[a-z]?)\.?)?\s*[.,;]?\s*$", nxt.text)
            if m:
                segs = relabel(segs, text, nxt.start + m.start(1), nxt.start + m.end(1), "publisher")
                if m.group(2):
                    segs = relabel(segs, text, nxt.start + m.start(2), nxt.start + m.end(2), "date")
                return segs
    return segs


_PUB_PARENS = re.compile(r"\s*\((?P<pub>[A-Z][^(),\d]{2,60}?)(?:,\s*(?P<place>[A-Z][^(),\d]{1,40}?))?,\s*"
                         r"(?P<year>(?:1[5-9]\d\d|20\d\d)[a-z]?)\)\.?\s*")


_PRINTED_FOR = re.compile(r"(?<=[.,] )(?P<pub>(?:Printed|Published)\s+(?:for|by)\s+[^,.;()]{3,60}|Privately\s+printed)(?=[,.;])")


def publisher_parens(segs: list[Segment], text: str) -> list[Segment]:
    """Nature's '(Printed for the author, 1750).' / '(Ponte Editions, Milan, 2012).' read as a note;
    'The Book. Printed for the author, 1750.' run into the title."""
    pm = _PRINTED_FOR.search(text) if "rinted" in text or "ublished" in text else None
    if pm and all(s.label in ("title", "note", "publisher", "container-title")
                  for s in segs if s.start < pm.end() and pm.start() < s.end):
        segs = relabel(segs, text, pm.start(), pm.end(), "publisher")
    for s in segs:
        m = _PUB_PARENS.fullmatch(s.text) if s.label == "note" else None
        if m:
            for g, lab in (("pub", "publisher"), ("place", "location"), ("year", "date")):
                if m.group(g):
                    segs = relabel(segs, text, s.start + m.start(g), s.start + m.end(g), lab)
            return segs
    return segs


_SERIES_TAIL = re.compile(r"(?<=\S)\s+\((?P<series>[^\W\d][\w\-]*(?:\s+[^\W\d][\w\-]*){0,5}?)(?:[,;]?\s+"
                          r"(?P<no>(?:Bd\.|Nr\.|Band|Vol\.|vol\.|no\.|No\.)\s*)?(?P<n>\d{1,5}(?:/\d{1,5})?))?\)"
                          r"(?:\.?\s*$|(?=,\s*(?:S|pp?)\.\s*\d))")
_NOT_SERIES = re.compile(r"(?i)reprint|nachdruck|neudruck|in press|forthcoming|im erscheinen|in vorbereitung|hrsg|hg|eds?|"
                         r"trans|übers|online|print|paperback|hardcover|sic|ebook|e-book|pdf")


_LABEL_TAIL = re.compile(r"\s\((?P<name>[A-ZÄÖÜ][\w'’\-]+)(?:\s+et\s+al\.|\s+u\.\s?a\.)?\s+(?P<y>(?:1[5-9]|20)\d\d)[a-z]?\)\.?\s*$")


def label_tail(segs: list[Segment], text: str) -> list[Segment]:
    """'Berlin: Duncker & Humblot (Simmel 1908)': the citation label at the end (the first author's name and
    the year) gives the date, and is no series."""
    m = _LABEL_TAIL.search(text) if text.rstrip(" .").endswith(")") else None
    if not m or m.group("name").lower() not in text[:60].lower() or text.lower().find(m.group("name").lower()) >= m.start():
        return segs
    segs = relabel(segs, text, m.start(), m.start("y"), "skip")
    segs = relabel(segs, text, m.start("y"), m.end("y"), "date")
    return relabel(segs, text, m.end("y"), m.end(), "skip")


def _placed_year(segs: list[Segment], at: int) -> bool:
    """Historians' 'Göttingen 1973 | (Kleine Vandenhoeck-Reihe 1380)': a place and a year just before ``at``."""
    k = max((i for i, s in enumerate(segs) if s.end <= at + 1), default=-1)
    return k >= 1 and segs[k].label == "date" and segs[k - 1].label == "location"


def series_after_publisher(segs: list[Segment], text: str) -> list[Segment]:
    """'Opladen/Toronto: Verlag Barbara Budrich (UTB 4684).': a series and its number in brackets after the
    publisher (not a page); a year in the brackets ('(Springer, 2012)') is no series number."""
    m = _SERIES_TAIL.search(text) if ")" in text else None
    if not m or m.group("n") and re.fullmatch(r"(?:1[5-9]|20)\d\d", m.group("n")) and not m.group("no") or \
            not m.group("n") and (_NOT_SERIES.match(m.group("series")) or not m.group("series")[0].isalpha() or
                                  m.group("series")[0].isupper() and " " not in m.group("series")):
        # (one capitalised word alone is more often the publisher's own: "Tübingen: Mohr (Siebeck)")
        return segs
    end = m.end("n") if m.group("n") else m.end("series")
    inside = [s for s in segs if s.start < end and m.start("series") < s.end]
    if not inside or any(s.label not in ("publisher", "pages", "note", "location", "volume", "collection-title") for s in inside) or \
            not any(s.label == "publisher" and s.start < m.start("series") for s in segs) and not _placed_year(segs, m.start()):
        return segs
    segs = relabel(segs, text, m.start("series"), end, "collection-title")
    segs = relabel(segs, text, end, m.end(), "skip")
    for i, s in enumerate(segs[1:], 1):  # "Springer | VS (essentials)": the imprint's last word is the publisher's
        vm = re.fullmatch(r"\s*[A-Z]{1,4}(?=\s*\(?\s*$)", s.text.rstrip(" (")) if s.label == "note" else None
        if vm and segs[i - 1].label == "publisher" and not text[segs[i - 1].end:s.start].strip():
            return relabel(segs, text, segs[i - 1].start, s.start + vm.end(), "publisher")
    return segs


def place_in_name(segs: list[Segment], text: str) -> list[Segment]:
    """'University of New | Mexico | Press', 'University of São | Paulo,', 'California | Institute of
    Technology': a place word with no punctuation between it and the publisher is part of its name."""
    for i, s in enumerate(segs):
        if s.label != "location":
            continue
        prev = segs[i - 1] if i else None
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        glued_before = prev is not None and prev.label == "publisher" and re.search(r"[^\W\d]$", prev.text.rstrip()) \
            and not text[prev.end:s.start].strip()
        org = re.match(r"\s*(?:[A-Z][\w\-]*\s+){0,2}(?:Institute|University|College|School|Polytechnic|Universit\w+|Press|"
                       r"Centre|Center|Foundation|Society|Council)\b", nxt.text) if nxt is not None else None
        glued_after = org is not None and nxt is not None and nxt.label in ("publisher", "note") and \
            re.search(r"[^\W\d]$", s.text.rstrip()) and not text[s.end:nxt.start].strip()
        if glued_after and nxt is not None and org is not None and nxt.label == "note":
            return relabel(segs, text, s.start, nxt.start + org.end(), "publisher")  # "Cambridge | Policy Institute, 4 May."
        if glued_before or glued_after:
            return place_in_name(relabel(segs, text, s.start, s.end, "publisher"), text)
        town = re.search(r"(?<=[.,:?!] )[A-ZÄÖÜ][\w'’\-]+(?:\s+(?:bei|am|an\s+der|im|upon|sur|ob\s+der)|(?:\s?/\s?[A-ZÄÖÜ][\w'’\-]+)+)\s*$",
                         prev.text) \
            if prev is not None and prev.label in ("container-title", "title", "note", "journal") and \
            not text[prev.end:s.start].strip() else None
        if town and prev is not None:  # "... im Überblick. Reinbek bei | Hamburg:", "? Opladen/Farmington | Hills:"
            return relabel(segs, text, prev.start + town.start(), s.end, "location")
    return segs


_PLACE_COMMA_PUB = re.compile(r"\s*(?P<place>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?),\s+(?P<pub>[A-Z][^,;:()\d]{1,50}?)[.,]?\s*")


def place_comma_publisher(segs: list[Segment], text: str) -> list[Segment]:
    """French and Italian 'Paris, Payot.': a known place, a comma and a name, with no publisher
    elsewhere, are the place and the publisher."""
    if any(s.label == "publisher" for s in segs):
        return segs
    for s in segs:
        m = _PLACE_COMMA_PUB.fullmatch(s.text) if s.label == "location" else None
        if m and m.group("place").lower() in PLACE_WORDS and m.group("pub").split()[0].lower() not in PLACE_WORDS:
            return relabel(segs, text, s.start + m.start("pub"), s.start + m.end("pub"), "publisher")
    return segs


# German Wikipedia's 'Propyläen, Berlin 1993', 'Suhrkamp, Frankfurt am Main 1984, ISBN ...'
_PUB_COMMA_PLACE = re.compile(r"(?<=[.,] )(?P<pub>(?:[A-Z]\.\s?){0,3}[A-Z][^.,:;()\d]{0,50}?),\s+"
                              r"(?P<place>[A-Z][\w'’\-]+(?:\s(?:am|an der|a\.\s?M\.|im|in|bei|upon|on)(?:\s[A-Z][\w'’\-]+)?)?"
                              r"(?:\s?/\s?[A-Z][\w'’\-]+)*)\s+(?:u\.\s?a\.\s+)?(?P<year>(?:1[5-9]|20)\d\d)\b")


def publisher_comma_place(segs: list[Segment], text: str) -> list[Segment]:
    """'Propyläen, Berlin 1993': a name, a comma and a known place right before the year are the
    publisher and its place (German Wikipedia and DIN 1505 put the publisher first)."""
    for m in _PUB_COMMA_PLACE.finditer(text) if "," in text else ():
        place, pub = m.group("place"), m.group("pub")
        if place.split()[0].split("/")[0].lower() not in PLACE_WORDS or pub.split()[0].lower() in PLACE_WORDS or \
                re.search(r"(?:\bv\.|\bvon|\bby|\beds?\.|\bHrsg\.|\bHg\.|\bübers\.|\btrans\.)\s*$", text[:m.start("pub")], re.I):
            continue  # "übers. v. Ute Marx, München 1999": the names after a role word, not a publisher
        inside = [s for s in segs if s.start < m.end("place") and m.start("pub") < s.end]
        held = [s for s in inside if s.label in ("translator", "editor")]  # "von Nora Jansen. DVA,": the names ran on
        if inside and all(s.label in ("location", "publisher", "note") or s in held and s.start < m.start("pub") and
                          s.end <= m.end("pub") + 2 for s in inside) and any(s.label == "location" for s in inside):
            segs = relabel(segs, text, m.start("pub"), m.end("pub"), "publisher")
            return relabel(segs, text, m.start("place"), m.end("place"), "location")
    return segs


_STATE_ABBR = re.compile(r"\s*(?:D\.\s?C\.|[A-Z]\.\s?[A-Z]\.|[A-Z]{2}|[A-Z][a-z]{1,4}\.)[.,:]*\s*")


def state_after_city(segs: list[Segment], text: str) -> list[Segment]:
    """'Washington, | D. C..': a state's abbreviation after the city is the place, not the publisher."""
    for i, s in enumerate(segs[1:], 1):
        prev = segs[i - 1]
        if s.label == "publisher" and prev.label == "location" and prev.text.rstrip().endswith(",") and \
                _STATE_ABBR.fullmatch(s.text) and sum(o.label == "publisher" for o in segs) == 1:
            return relabel(segs, text, prev.start, s.end, "location")
    return segs


_GENRE_WORDS = re.compile(r"(?i)\b(?:thesis|dissertation|manuscript|report|paper|preprint|draft|unpublished|"
                          r"abstract|poster|lecture|talk|edition|editions|reprint|translation|series|vol|no)\b")


def trailing_publisher(segs: list[Segment], text: str) -> list[Segment]:
    """'Title. Vol. 3 Houghton Mifflin Harcourt.': capitalised words left over at the end of a book,
    after its volume, with no publisher, journal or container, are the publisher."""
    labels = {s.label for s in segs}
    if labels & {"publisher", "journal", "container-title", "url", "doi"} or "title" not in labels:
        return segs
    last = segs[-1]
    if last.label == "note" and len(segs) > 2 and segs[-2].label in ("volume", "edition", "location") and \
            re.fullmatch(r"\s*[A-Z][\w'’&\-]*(?:\s+(?:[A-Z][\w'’&\-]*|&|and|of|the))*\.?\s*", last.text) and \
            2 <= len(last.text.split()) <= 6 and not _GENRE_WORDS.search(last.text):
        return relabel(segs, text, last.start, last.start + len(last.text.rstrip(" .")), "publisher")
    return segs


def note_is_place(segs: list[Segment], text: str) -> list[Segment]:
    """'Title. Nürnberg. URL: ...': a lone known place left as a note, with no place found, is the place."""
    if any(s.label == "location" for s in segs):
        return segs
    for s in segs:
        if s.label == "note" and s.text.strip(" .,;:").lower() in PLACE_WORDS:
            return relabel(segs, text, s.start, s.start + len(s.text.rstrip(" .,;:")), "location")
    return segs


def publisher_before_place(segs: list[Segment], text: str) -> list[Segment]:
    """'Kritik. | Eine Debatte. | Frankfurt am Main: | Suhrkamp.': of two publishers around 'Place:', the
    one right after the title is the title's last sentence."""
    for i, s in enumerate(segs[1:-2], 1):
        if s.label == "publisher" and segs[i - 1].label == "title" and segs[i + 1].label == "location" and \
                segs[i + 1].text.rstrip().endswith(":") and segs[i + 2].label == "publisher":
            return relabel(segs, text, segs[i - 1].start, s.start + len(s.text.rstrip(" .,")), "title")
    return segs


_UNIVERSITY_PRESS = re.compile(r"(?<![\w.])(?:U of (?:[A-Z][\w'’\-]*\s){1,4}P|(?:[A-Z][\w'’\-]*\s){1,3}UP|UP of (?:[A-Z][\w'’\-]*\s?){1,3})"
                               r"(?=[,.]|\s*$)")
PRESS_WORDS = re.compile(r"(?i)\b(?:press|verlag|publish\w*|books|editions?|éditions|editorial|wiley|elsevier|springer|"
                          r"routledge|sage|academic|university)\b")


def press_names(segs: list[Segment], text: str) -> list[Segment]:
    """MLA's 'U of Chicago P', 'Oxford UP' are publishers (not a title's end, a place and 'UP'); ACS's
    'Oxford University Press: Oxford, 2012' puts the publisher before the place."""
    for m in _UNIVERSITY_PRESS.finditer(text) if ("UP" in text or "U of" in text) else ():
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if inside and all(s.label in ("title", "location", "publisher", "note", "journal", "container-title")
                          for s in inside) and not all(s.label == "publisher" for s in inside):
            segs = relabel(segs, text, m.start(), m.end(), "publisher")
    for i, s in enumerate(segs[:-1]):
        nxt = segs[i + 1]
        if s.label == "location" and nxt.label == "publisher" and s.text.rstrip().endswith(":") and \
                PRESS_WORDS.search(s.text) and nxt.text.strip(" .,;").lower() in PLACE_WORDS:
            a, b = s.start + len(s.text.rstrip()) - 1, nxt.start + len(nxt.text.rstrip(" .,;"))
            segs = relabel(segs, text, s.start, a, "publisher")
            return relabel(segs, text, nxt.start, b, "location")
    return segs


def names_after_title(segs: list[Segment], text: str) -> list[Segment]:
    """MLA's 'Beloved. Alfred A. Knopf, 1987.': a name between the title and the year of a work whose
    authors stand before the title is its publisher."""
    for i, s in enumerate(segs):
        if s.label != "title" or not any(o.label == "author" for o in segs[:i]):
            continue
        j = i + 1
        while j < len(segs) and segs[j].label in ("author", "publisher", "note"):
            j += 1
        run = segs[i + 1:j]
        if run and any(o.label == "author" for o in run) and j < len(segs) and segs[j].label == "date" and \
                not any(o.label == "publisher" for o in segs[j:]) and len(text[run[0].start:run[-1].end].split()) <= 6:
            return relabel(segs, text, run[0].start, run[0].start + len(text[run[0].start:run[-1].end].rstrip(" ,.")),
                           "publisher")
        break
    return segs


# "IEEE Standard for Ethernet, IEEE Std 802.3-2018", "U.S. Patent 3 138 743", "RFC 3986", "ISO 9001:2015"
# APA's "(pp. 33–47). Brooks/Cole." and "(Vol. 70, pp. 1263–1272). PMLR.": the publisher after a chapter's pages
_PUB_AFTER = r"\.\s+(?P<pub>[A-Z][^.()\[\]]{0,60}?[^\W\d_]{2})\.(?=\s|$)"  # "). Brooks/Cole." : a short publisher
_PAGES_THEN_PUBLISHER = re.compile(r"\((?:Vol\.\s*(?P<vol>\d+),\s*)?(?P<pages>pp?\.\s*[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?)\)"
                                   + _PUB_AFTER)
# APA's bracketed descriptions after a title: "[Data set]", "[Computer software]", "[Conference presentation]"
DESCRIPTION_RE = re.compile(r"\[(?P<g>Data set|Dataset|Data|Computer software|Software|Computer program|Mobile app|"
                            r"Video|Audio podcast|Podcast episode|Podcast|Blog post|Tweet|Conference presentation|"
                            r"Paper presentation|Poster presentation|Poster session|Conference session|Symposium|Keynote address|"
                            r"Unpublished manuscript|Fact sheet|Report|Technical report|Research report|Policy brief|White paper|"
                            r"Data collection|Data file|Database|Survey|Unpublished raw data|"
                            r"Infographic|Film|Motion picture|Video file|Audio recording|Lecture notes|"
                            r"PowerPoint slides|Brochure|Map|Press release|[Mm]achine-readable data file|[Cc]omputer file|"
                            # APA German: "[Vortrag]", "[Testmanual]", "[Unveröffentlichte Masterarbeit]"
                            r"(?:[Uu]nveröffentlichte\s)?(?:Masterarbeit|Bachelorarbeit|Diplomarbeit|Magisterarbeit|Dissertation|"
                            r"Habilitationsschrift)|Vortrag|Posterbeitrag|Poster|Symposiumsbeitrag|Testmanual|Testverfahren|"
                            r"Datensatz|Computersoftware|Unveröffentlichtes Manuskript|Pressemitteilung)\]", re.I)


_EDITION_THEN_PUBLISHER = re.compile(r"\((?P<ed>\d{1,2}(?:st|nd|rd|th)\s+ed\.|[Rr]ev\.\s+ed\.)\)" + _PUB_AFTER)
# "[Review of the book Capital in the twenty-first century, by T. Piketty]": what the work reviews
_REVIEW_OF = re.compile(r"\[(?:Review|Rezension|Compte rendu)\s+(?:of|von|de)\b[^\]]{3,200}\]")


# a publisher named after its founder, initials first: "W. H. Freeman", "W. W. Norton & Company"
_INITIALS_PUBLISHER = re.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+(?:\s(?:&|and)\s(?:Company|Co\.|Sons))?\.?")


def apa_tails(segs: list[Segment], text: str) -> list[Segment]:
    """APA's chapter tail '(pp. 33–47). Brooks/Cole.' and book tail '(3rd ed.). ILO.' give the
    publisher its name; a bracketed description after the title ('[Data set]') is the genre, not part
    of the title; '[Review of the book X, by Y]' is a note, and the periodical after it the container."""
    m = _PAGES_THEN_PUBLISHER.search(text) if "(p" in text or "(Vol" in text else None
    if m:
        if m.group("vol"):
            segs = relabel(segs, text, m.start("vol"), m.end("vol"), "volume")
        segs = relabel(segs, text, m.start("pages"), m.end("pages"), "pages")
        segs = relabel(segs, text, m.start("pub"), m.end("pub"), "publisher")
    m = _EDITION_THEN_PUBLISHER.search(text) if " ed.)" in text else None
    if m and not any(s.label == "publisher" for s in segs):
        segs = relabel(segs, text, m.start("ed"), m.end("ed"), "edition")
        segs = relabel(segs, text, m.start("pub"), m.end("pub"), "publisher")
    r = _REVIEW_OF.search(text) if "[" in text else None
    if r:
        alone = not any(s.label == "title" and re.search(r"\w", text[s.start:min(s.end, r.start())] + text[max(s.start, r.end()):s.end])
                        for s in segs)
        segs = relabel(segs, text, r.start(), r.end(), "note")
        if alone:  # no title of its own: the bracket stands for it
            segs = relabel(segs, text, r.start() + 1, r.end() - 1, "title")
        box = re.match(r"[.,]?\s*(?P<box>[A-Z][^.]{1,120}?)(?=[.,]\s|[.,]?\s*$)", text[r.end():])
        inside = [s for s in segs if box and s.start < r.end() + box.end("box") and s.end > r.end() + box.start("box")]
        if box and inside and all(s.label in ("publisher", "note", "container-title", "journal", "location") for s in inside):
            segs = relabel(segs, text, r.end() + box.start("box"), r.end() + box.end("box"), "container-title")
    d = DESCRIPTION_RE.search(text) if "[" in text else None
    if d and re.search(r"(?i)report", d.group("g")) and re.match(r"\.\s+[A-Z][^.:;]{1,40}:\s[^.]{2,80};", text[d.end():]):
        d = None  # NLM's "[Technical report]. Reading: Laboratory; 2015.": the report rules read it
    if d:
        segs = relabel(segs, text, d.start(), d.start("g"), "skip")
        segs = relabel(segs, text, d.start("g"), d.end("g"), "genre")
        segs = relabel(segs, text, d.end("g"), d.end(), "skip")
        lead = re.search(r"(?:^|[.)]\s+)(?P<t>[A-Z0-9][^.\[\]]{2,300}?)\s*$", text[:d.start()])
        if lead and not any(s.label == "title" for s in segs) and all(
                s.label in ("container-title", "journal", "note", "publisher", "collection-title")
                for s in segs if s.start < lead.end("t") and s.end > lead.start("t")):  # "American trends panel wave 69 [Data set]"
            segs = relabel(segs, text, lead.start("t"), lead.end("t"), "title")
        event = re.search(r"(?i)presentation|session|poster|address|lecture|talk|symposium|vortrag|beitrag", d.group("g")) is not None
        pm = re.match(r"\.\s+(?!https?:|doi)((?:\d{1,3}\.\s)?[A-Z][^.()\[\]]{1,80}?(?:\s\([A-Z]{2,10}\))?)(?:\.(?=\s|$)|,\s+(?=[A-Z]))",
                      text[d.end():]) if event else \
            re.match(r"\.\s+(?!https?:|doi)([A-Z][^.()\[\]:;]{1,80}?)\.(?=\s|$)", text[d.end():])
        if pm and event:  # "[Paper presentation]. American Educational Research Association Annual Meeting, Toronto"
            segs = relabel(segs, text, d.end() + pm.start(1), d.end() + pm.end(1), "container-title")
        elif pm and not any(s.label == "publisher" for s in segs):  # "[Data set]. Copernicus Climate Change Service."
            segs = relabel(segs, text, d.end() + pm.start(1), d.end() + pm.end(1), "publisher")
    last = [x for x in segs if x.label not in ("skip", "url", "doi", "accessed") and x.text.strip(" .,")]
    if last and last[-1].label in ("journal", "container-title") and _INITIALS_PUBLISHER.fullmatch(last[-1].text.strip()) and \
            not any(x.label in ("volume", "pages", "issue", "publisher") for x in segs):
        segs = relabel(segs, text, last[-1].start, last[-1].end, "publisher")  # APA's "Title. W. H. Freeman."
    for a, b in zip(last, last[1:], strict=False):  # "W. W. | Norton & Company": the founder's initials open the publisher
        if b.label == "publisher" and a.label in ("editor", "author", "journal", "container-title") and \
                re.fullmatch(r"\s*(?:[A-Z]\.\s?){1,3}", a.text) and a is not last[0]:
            segs = relabel(segs, text, a.start, b.end, "publisher")
            break
    pp = re.search(r"\[(?:Preprint|Pre-print|Working paper)\]\.\s+(?P<p>[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,3})\.(?=\s|$)", text) \
        if "[P" in text or "[W" in text else None
    if pp and not any(s.label == "publisher" for s in segs):  # APA's "Title [Preprint]. SocArXiv. https://doi.org/..."
        segs = relabel(segs, text, pp.start("p"), pp.end("p"), "publisher")
    return segs


# German and historians' tails: 'Opladen/Toronto: Barbara Budrich (UTB 8242).', 'Bielefeld: transcript
# (X-Texte zu Kultur und Gesellschaft).', 'Wien/Köln/Weimar: Böhlau, 165–189.', and with no publisher at
# all, 'München/Wien 1995.', 'Frankfurt a.M. 1984, S. 12.'
_ONE_PLACE = r"(?:St\.\s)?[A-ZÄÖÜ][\w'’\-]+(?:\s(?:a\.\s?M\.|am\s+Main|an\s+der\s+[A-Z]\w+|bei\s+[A-Z]\w+|i\.\s?Br\.|Farmington\s+Hills|York))?(?:/M\.)?"
PLACES = rf"(?P<place>{_ONE_PLACE}(?:\s?[/\u2013]\s?{_ONE_PLACE}|;\s{_ONE_PLACE}|\su\.\s{_ONE_PLACE}){{0,3}}(?:\su\.\s?a\.)?)"
_PLACE_PUB_TAIL = re.compile(rf"(?<=[.,] ){PLACES}:\s+(?P<pub>[^\W\d][^.,:;()\[\]]{{0,50}}?[^\W\d])"
                             r"(?:\s+(?P<year>(?:1[5-9]|20)\d\d))?(?:\s+\((?P<series>[A-ZÄÖÜ][^()]{1,80}?)\))?(?=[.,]\s|[.,]?\s*$)")
_PLACE_YEAR_TAIL = re.compile(rf"(?<=[,.] ){PLACES}\s+(?P<year>(?:1[5-9]|20)\d\d[a-z]?|o\.\s?J\.)(?=[.,;]\s|[.,;]?\s*$|\s+\()")
# "Zur Kritik der populistischen Kriminologie. Münster.", "Kriminalsoziologie. Frankfurt a. M., S. 431–475.": a place alone
_PLACE_END = re.compile(rf"(?<=[,.] ){PLACES}(?=[.,]?\s*$|,\s*S\.\s*\d)")
_TAIL_OK = {"note", "title", "container-title", "journal", "publisher", "location", "collection-title", "date", "genre"}


def places_known(s: str) -> bool:
    first = s.split()[0].split("/")[0]  # the first place is enough; "NY", "UK" are states, not towns
    return first.lower() in PLACE_WORDS and re.match(r"[A-ZÄÖÜ][a-zäöüß]", first) is not None


def place_tails(segs: list[Segment], text: str) -> list[Segment]:
    """Known places before a colon and a publisher (with a series in brackets), before a year with no
    publisher, or alone at the end: the place, the publisher, the series, whatever the tagger made of them."""
    if not any(c in text for c in ":0123456789"):
        return segs
    for rx in (_PLACE_PUB_TAIL, _PLACE_YEAR_TAIL, _PLACE_END):
        for m in rx.finditer(text):
            if not places_known(m.group("place")):
                continue
            end = max(m.end("pub"), m.end("year")) if rx is _PLACE_PUB_TAIL else m.end()  # (the series is checked below)
            inside = [s for s in segs if s.start < end and m.start() < s.end]
            if not inside or any(s.label not in _TAIL_OK for s in inside):
                continue
            if inside[0].label in ("title", "container-title", "journal") and inside[0].start >= m.start() and (
                    rx is _PLACE_PUB_TAIL or inside[0].end > m.end("place") + 1) or \
                    inside[0].label == "location" and inside[0].start < m.start():
                continue  # the match starts a title, not a tail; or it ends a longer place ("New York, NY:")
            segs = relabel(segs, text, m.start("place"), m.end("place"), "location")
            if rx is _PLACE_PUB_TAIL:
                if re.search(r"\d", m.group("pub")) or m.group("pub").lower() in PLACE_WORDS:
                    continue
                segs = relabel(segs, text, m.start("pub"), m.end("pub"), "publisher")
                if m.group("year"):  # "Köln/Weimar/Wien: Böhlau 1999 (Series, Bd. 12)"
                    segs = relabel(segs, text, m.start("year"), m.end("year"), "date")
                series = [s for s in segs if s.start < m.end() and m.start("series") < s.end] if m.group("series") else []
                if any(s.label not in _TAIL_OK | {"volume"} for s in series):
                    continue
                if m.group("series") and (" " in m.group("series").strip() or re.search(r"\d", m.group("series"))):
                    segs = relabel(segs, text, m.start("series"), m.end("series"), "collection-title")
                elif m.group("series"):  # "Tübingen: Mohr (Siebeck)": one word in brackets is the publisher's own
                    segs = relabel(segs, text, m.start("pub"), m.end("series") + 1, "publisher")
            elif rx is _PLACE_YEAR_TAIL:
                segs = relabel(segs, text, m.start("year"), m.end("year"), "date")
                k = next((j for j, s in enumerate(segs) if s.start >= m.start("place")), 0)
                prev = segs[k - 1] if k >= 2 else None
                if prev is not None and prev.label == "publisher" and segs[k - 2].label == "title" and \
                        re.search(r"\d|\b(?!(?:und|and|of|für|&)\b)[a-zäöü]{2,}", prev.text):
                    segs = relabel(segs, text, prev.start, prev.start + len(prev.text.rstrip(" ,")), "title")
    return segs  # "Karrieren im Zwielicht. | Hitlers Eliten nach 1945, | Frankfurt a. M. 2001": no publisher


_UNIVERSITY_OF = re.compile(r"\b(?:University|Univ\.|Universidad|Université)\s+(?:of|de)\s*$")


def publisher_runs_on(segs: list[Segment], text: str) -> list[Segment]:
    """'(London: Routledge & Kegan | Paul, 1984)': a name the tagger took for an author, glued to the
    publisher before it with no punctuation between, is the publisher's last word; 'The city, | University
    of | Chicago Press' gives the university back to the publisher; a chapter's pages after its
    publisher ('Oxford: Oxford University Press, 410–56.') are pages."""
    for i, s in enumerate(segs[1:], 1):
        prev = segs[i - 1]
        if s.label in ("author", "editor") and prev.label == "publisher" and i > 2 and \
                re.search(r"[^\W\d]\s*$", prev.text) and not text[prev.end:s.start].strip() and \
                re.fullmatch(r"\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?[,.)]?\s*", s.text):
            return relabel(segs, text, prev.start, s.start + len(s.text.rstrip(" ,.)")), "publisher")
        m = _UNIVERSITY_OF.search(prev.text) if s.label == "publisher" and prev.label in ("container-title", "title",
                                                                                             "note") else None
        if m:
            return relabel(segs, text, prev.start + m.start(), s.end, "publisher")  # "The city, | University of | Chicago Press"
    for s in segs if any(o.label in ("container-title", "editor") for o in segs) else ():
        m = re.search(r",\s*(?P<p>[A-Za-z]?\d{1,5}\s*[-\u2013]\s*[A-Za-z]?\d{1,5})\.?\s*$", s.text) if s.label == "publisher" else None
        if m and not any(o.label == "pages" for o in segs):  # JSP's chapter "..., Oxford: Oxford University Press, 410–56."
            return relabel(segs, text, s.start + m.start("p"), s.start + m.end("p"), "pages")
    return segs
