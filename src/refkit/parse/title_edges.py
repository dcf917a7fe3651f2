"""A title's edges at the head of a reference: where a title with no author starts, a body named as its
first sentence ('International Crisis Group. Myanmar: ...'), a site's name after an undated title, a
title that runs on into a translator, ends at a year or a span of years ('Collected Letters,
1921-1934'), takes a decade ('in the 1930s'), or begins after the bracket that closes the year.

Pure functions over segments (``tagger.Segment``), called from :func:`refkit.parse.boundaries.fix_boundaries`;
:func:`spans.relabel` does the cutting.
"""

from __future__ import annotations

import re

from refkit.parse.clean import is_org_name
from refkit.parse.fields import corporate_list
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

_WORDCHAR = re.compile(r"\w")


def title_runs_on(segs: list[Segment], text: str) -> list[Segment]:
    """'Narrative Voice in Translated Japanese Fiction': a translator (or editor) part with no role
    word that continues a title with no punctuation between them is still the title."""
    for i, s in enumerate(segs):
        if i and s.label in ("translator", "editor") and segs[i - 1].label == "title" and \
                re.search(r"\w$", segs[i - 1].text.rstrip()) and not re.search(
                    r"(?i)\b(?:by|trans|transl|tr|übers|übersetzt|trad|ed|eds|edd|hg|hrsg|dir|éd|comp|coord)\b\.?", s.text) \
                and not re.search(r"(?i)translated\s+by|edited\s+by", s.text):
            segs = relabel(segs, text, s.start, s.end, "title")
    return segs


_PERIOD_RE = re.compile(r"\s*(1[4-9]\d\d|20\d\d)\s*[-\u2013\u2014]\s*(1[4-9]\d\d|20\d\d)\W*")


def title_year(segs: list[Segment], text: str) -> list[Segment]:
    """'(2019). Household income and wealth, 2018. London: ...': a year right after the title, when the
    work is dated elsewhere, ends the title."""
    dates = [s for s in segs if s.label == "date"]
    if len(dates) < 2:
        return segs
    for i, s in enumerate(segs):
        if i and s.label == "date" and segs[i - 1].label == "title" and re.fullmatch(r"\s*(?:1[5-9]|20)\d0s[.,:]?\s*", s.text):
            return relabel(segs, text, s.start, s.start + len(s.text.rstrip(" .,")), "title")  # "in the 1930s": a decade
        if i and s.label == "date" and segs[i - 1].label == "title" and s is not dates[0] and \
                re.fullmatch(r"\s*(?:1[5-9]\d\d|20\d\d)[.,:]?\s*", s.text) and \
                re.search(r"(?:,|[^\W\d])\s*$", segs[i - 1].text):
            return relabel(segs, text, s.start, s.start + len(s.text.rstrip(" .,")), "title")
    return segs


def title_period(segs: list[Segment], text: str) -> list[Segment]:
    """'Collected Letters, 1921-1934. Ponte, 2012': a span of years after a title's comma ends the
    title; it is not the pages, nor the date when the work has a date of its own elsewhere."""
    for i, s in enumerate(segs):
        if i == 0 or s.label not in ("pages", "date"):
            continue
        m = _PERIOD_RE.match(s.text)
        prev = segs[i - 1]
        if not m or int(m.group(1)) >= int(m.group(2)) or not prev.text.rstrip().endswith(","):
            continue
        rest_dated = bool(re.search(r"\b(?:1[5-9]\d\d|20\d\d)\b", s.text[m.end():]))
        if m.end() < len(s.text) and not rest_dated:
            continue
        if s.label == "date" and not rest_dated and not any(o.label == "date" for o in segs[i + 1:]):
            continue
        if prev.label == "journal" and not any(o.label == "title" for o in segs):
            segs = relabel(segs, text, prev.start, prev.end, "title")
        elif prev.label != "title":
            continue
        segs = relabel(segs, text, s.start, s.start + len(m.group(0).rstrip()), "title")
    return segs


def dash_and_title(segs: list[Segment], text: str) -> list[Segment]:
    """'---. Pet Cemetery. New York: ...': after a repeated-author dash comes the title."""
    if segs and segs[0].label == "author" and not any(s.label == "title" for s in segs):
        m = re.match(r"\s*(?:[-\u2010-\u2015_]{2,}|\u2014)\s*\.?\s*(?=\S)", segs[0].text)
        if m and re.search(r"\w", segs[0].text[m.end():]):
            return relabel(segs, text, segs[0].start + m.end(), segs[0].end, "title")
    return segs


_NAME_LOWER = {"and", "und", "et", "al", "van", "von", "der", "den", "de", "la", "le", "du", "da", "dos", "del", "di",
               "y", "e", "others", "ed", "eds", "edd", "editor", "editors", "hrsg", "hg", "trans", "transl", "by", "with",
               "comp", "coord", "dir", "ter", "ten", "bin", "ibn", "al-", "zu", "dem", "des", "do", "das", "af",
               "for", "of", "the", "on", "in", "to", "at", "für", "fur", "pour", "para"}


def title_not_names(segs: list[Segment], text: str) -> list[Segment]:
    """'Opening hours. (n.d.). Site.': a first 'author' part with a lower-case word that no name has,
    and no initials or name separators, is the title of a work with no author."""
    if len(segs) >= 2 and segs[0].label == "author" and segs[1].label == "date" and \
            not any(s.label == "title" for s in segs[2:3] if s.text.lstrip()[:1] in "“\"'‘«") and \
            not re.search(r"\b[A-Z]\.|[,&;]|\band\b", segs[0].text) and not corporate_list(segs[0].text):
        words = re.findall(r"[^\W\d_][\w'’\-]*", segs[0].text)
        if len(words) >= 2 and any(w[0].islower() and len(w) >= 3 and w.lower() not in _NAME_LOWER for w in words):
            return relabel(segs, text, segs[0].start, segs[0].end, "title")
    if len(segs) >= 2 and segs[0].label == "author" and segs[1].label == "title" and \
            re.fullmatch(r"\s*[A-ZÄÖÜ][a-zäöüß]{3,}\s+(?:der|des|die|das|zur|zum|über|of|the|on|for)\s*", segs[0].text):
        # "Bericht der | Bundesregierung über ...": a name never ends in an article; the title starts the reference
        end = segs[1].end
        if len(segs) > 2 and segs[2].label == "container-title" and re.match(r"\s*(?:in|im|der|des|für|of|in the)\s+[a-zäöüA-ZÄÖÜ]", segs[2].text) \
                and not re.match(r"\s*[Ii]n:", segs[2].text):
            end = segs[2].start + len(segs[2].text.rstrip(" ,"))  # "... der Familien | in der Bundesrepublik Deutschland,"
        return relabel(segs, text, segs[0].start, end, "title")
    return segs


_BODY_LEAD = re.compile(r"\s*(?P<body>(?:[A-Z][\w'’.\-]*\s){1,6}?(?:[A-Z][\w'’\-]*))\.\s+"
                        r"(?:(?P<year>(?:1[5-9]|20)\d\d[a-z]?)\.\s+)?(?=[A-Z“\"‘])")  # (AEA: "International Monetary Fund. 2020.")


_BODY_QUOTE = re.compile(r"\s*(?P<body>[A-Z][^,“”\"]{3,160}?),\s+(?=[“\"][^“”\"]{3,300}[”\"])")


def body_author(segs: list[Segment], text: str) -> list[Segment]:
    """'International Crisis Group. Myanmar: ... Brussels: International Crisis Group, 2014.': a body's name as
    the first sentence of a title the tagger began at the start is the author."""
    if not segs or segs[0].label != "title" or any(s.label in ("author", "editor") for s in segs):
        return segs
    w = [s for s in segs if _WORDCHAR.search(s.text)]
    if len(w) >= 3 and w[1].label == "date" and w[2].label == "title" and re.match(
            r"\s*\((?:1[5-9]|20)\d\d[a-z]?\)\s*[.,:]", w[1].text) and (is_org_name(w[0].text.strip(" .,")) or re.fullmatch(
                r"[\w\-]+(?:\.[\w\-]+)*\.(?:de|com|org|net|at|ch|fr|uk|eu|info|io)", w[0].text.strip(" ,:"))):  # "tagesschau.de (2022):"
        return relabel(segs, text, w[0].start, w[0].end, "author")  # "ifo Institut (2024), Title": the body that wrote it
    q = _BODY_QUOTE.match(segs[0].text)
    if q and is_org_name(q.group("body")):  # IEEE: 'Task Force of the ... Society, "Heart rate variability: ...,"'
        return relabel(segs, text, segs[0].start + q.start("body"), segs[0].start + q.end("body") + 1, "author")
    m = _BODY_LEAD.match(segs[0].text)
    if m and is_org_name(m.group("body")) and m.end() < len(segs[0].text.rstrip()):
        start = segs[0].start
        if m.group("year"):
            segs = relabel(segs, text, start + m.start("year"), start + m.end("year") + 1, "date")
        return relabel(segs, text, start + m.start("body"), start + m.end("body") + 1, "author")
    return segs


def site_name(segs: list[Segment], text: str) -> list[Segment]:
    """'Accessibility statement. (n.d.). Riverside City Library. Retrieved ...': with no author, a
    second title part after the date is the website or publisher the title belongs to."""
    w = [s for s in segs if _WORDCHAR.search(s.text)]
    if len(w) >= 4 and w[0].label == "title" and w[1].label == "date" and w[2].label == "title" and \
            w[3].label in ("accessed", "url", "skip", "doi") and len(w[2].text.split()) <= 8:
        return relabel(segs, text, w[2].start, w[2].end, "container-title")
    return segs


def after_the_year(segs: list[Segment], text: str) -> list[Segment]:
    """'(2010 [1793] | ): Title': the bracket that closes the year is the date's; 'Statistik Austria (o. J.) |
    : Schulbesuch.': what follows the year and its colon is the title, not more names."""
    for i, s in enumerate(segs[1:], 1):
        cm = re.match(r"\s*\)[.:,]?\s*", s.text) if segs[i - 1].label == "date" and s.label != "date" else None
        if cm and text.count("(", 0, s.start) > text.count(")", 0, s.start):
            return relabel(segs, text, s.start, s.start + cm.end(), "date")
        tm = re.match(r"\s*(?P<y>\((?:1[5-9]|20)\d\d[a-z]?\))?\)?\.\s+(?P<t>[A-ZÄÖÜ][^\d()]{1,40}?\s(?:1[5-9]|20)\d\d(?:/\d{2,4})?\.)\s*$",
                      s.text) if s.label == "date" else None
        if tm and not (tm.group("y") or segs[i - 1].label == "date"):
            tm = None
        if tm and i + 1 < len(segs) and segs[i + 1].label == "title":  # "(2019). | PISA 2018. | Grundbildung ...": the title's head
            return relabel(segs, text, s.start + tm.start("t"), segs[i + 1].end, "title")
        wm = re.match(r"\s*\((?:1[5-9]|20)\d\d[a-z]?\)[.:,]?\s+(?=[A-ZÄÖÜ][a-zäöüß])", s.text) if s.label == "date" and segs[i - 1].label in ("author", "editor") else None
        if wm and not any(o.label == "title" for o in segs) and re.search(r"[^\W\d]{4}", s.text[wm.end():]):
            stop = text.find(", ", s.start + wm.end())  # "(2012): Strategie 2030 | – Energierohstoffe, Berenberg": the title
            later = next((o.start for o in segs[i + 1:] if o.label in ("location", "publisher", "url", "doi", "accessed",
                                                                         "journal", "container-title")
                          and not re.match(r"\s*[\u2013\u2014\-:]\s", o.text)), -1)
            if stop < 0 or 0 < later < stop:  # "(2019). Jugend 2019 – | 18. | Shell Jugendstudie. ... | Weinheim: Beltz."
                stop = later
            pm = re.search(r"(?<=[.?!])\s+[A-ZÄÖÜ][\w\-/. ]{1,40}:\s+[^:.]{2,80}\.?\s*$", segs[-1].text) \
                if stop < 0 and segs[-1].label == "note" else None
            if pm:  # (and the place and publisher still in a note at the end)
                stop = segs[-1].start + pm.start()
            if 0 < stop - (s.start + wm.end()) <= 250:
                return relabel(segs, text, s.start + wm.end(), stop, "title")
        if s.label == "author" and segs[i - 1].label == "date" and i >= 2 and segs[i - 2].label == "author" and \
                re.match(r"\s*:\s", s.text):
            return relabel(segs, text, s.start, s.end, "title")
    return segs


def wordy_volume(segs: list[Segment], text: str) -> list[Segment]:
    """'(2011): | Küstenbericht | 2011. | Die Schweiz im Vergleich.': a "volume" with no number after the date
    opens the title, and a year right after it belongs to it."""
    for i, s in enumerate(segs[1:-1], 1):
        if s.label == "volume" and segs[i - 1].label in ("date", "author", "editor") and not re.search(r"\d|\b[IVXLC]+\b", s.text):
            end = s.end
            dated = any(o.label == "date" and re.search(r"(?:1[5-9]|20)\d\d", o.text) for o in segs[:i])
            if segs[i + 1].label == "date" and i + 2 < len(segs) and segs[i + 2].label == "title":
                end = segs[i + 2].end
            elif segs[i + 1].label == "date" and dated:
                end = segs[i + 1].end  # the work was dated before: this year is the title's
            elif segs[i + 1].label not in ("title", "date"):
                continue
            return relabel(segs, text, s.start, end, "title")
    return segs


_VOLUME_IN_TITLE = re.compile(r",\s+(?P<vol>(?:Bd\.|Band|Teilband|Vol\.|Volume|Tome|t\.)\s+(?P<n>[IVX]{1,5}|\d{1,3}))\s*:(?:\s+(?=\S)|\s*$)")


_PLACE_PUBLISHER = re.compile(r"[.,]\s+(?P<place>[A-ZÄÖÜ][\w\-]+(?:/[A-ZÄÖÜ][\w\-]+)*(?:\s(?:a\.\s?M\.|i\.\s?Br\.))?):\s+"
                              r"(?P<pub>[A-ZÄÖÜ][^.,:]{1,60})\.?\s*$")


def volume_in_title(segs: list[Segment], text: str) -> list[Segment]:
    """'Strafrecht. Allgemeiner Teil, Bd. I: Grundlagen. Der Aufbau der Verbrechenslehre': the work's title, then
    the volume and the volume's own title (its ``volume-title``)."""
    for i, s in enumerate(segs[1:-1], 1):  # "title | Bd. 7: | title": the second title is the volume's
        if s.label == "volume" and segs[i - 1].label in ("title", "container-title") and segs[i + 1].label == "title" and \
                _VOLUME_IN_TITLE.match(", " + s.text) and not any(o.label == "title" for o in segs[:i - 1]):
            segs = relabel(segs, text, segs[i - 1].start, segs[i - 1].end, "title")
            return _volume_title(segs, text, segs[i + 1].start, segs[i + 1].end)
    for i, s in enumerate(segs[1:], 1):  # "Osei, Kwame, Das Hafenrecht der Bundesrepublik, | Band I: Grundbegriffe"
        v = _VOLUME_IN_TITLE.match(", " + s.text.lstrip()) if s.label == "title" and segs[i - 1].label == "author" else None
        a = segs[i - 1]
        cut = a.text.rstrip(" ,").rfind(", ") if v else -1
        if v and cut > 0 and len(re.findall(r"\b[a-zäöü]{2,}\b", a.text[cut:])) >= 1 and \
                len(re.findall(r"[A-ZÀ-Þ][\w\-]+", a.text[cut:])) >= 2:
            lead = s.start + len(s.text) - len(s.text.lstrip()) - 2
            segs = relabel(segs, text, a.start + cut + 2, a.end, "title")
            segs = relabel(segs, text, lead + v.start("vol"), lead + v.end("vol"), "volume")
            return _volume_title(segs, text, lead + v.end(), s.end)
    for i, s in enumerate(segs):
        m = _VOLUME_IN_TITLE.search(s.text) if s.label in ("title", "author") else None
        if not m or m.start() <= 3:
            continue
        if s.label == "author":  # "Stern, Klaus, Das Staatsrecht der Bundesrepublik Deutschland, Band I: | Grundbegriffe ..."
            cut = s.text.rfind(", ", 0, m.start())
            if cut < 0 or i + 1 >= len(segs) or segs[i + 1].label != "title" or \
                    len(re.findall(r"[A-ZÀ-Þ][\w\-]+", s.text[cut:m.start()])) < 2:
                continue
            nxt = segs[i + 1]
            segs = relabel(segs, text, s.start + cut + 2, s.start + m.start(), "title")
            segs = relabel(segs, text, s.start + m.start("vol"), s.start + m.end("vol"), "volume")
            return _volume_title(segs, text, nxt.start, nxt.end)
        end = s.end
        segs = relabel(segs, text, s.start + m.start("vol"), s.start + m.end("vol"), "volume")
        return _volume_title(segs, text, s.start + m.end(), end)
    return segs


def _volume_title(segs: list[Segment], text: str, start: int, end: int) -> list[Segment]:
    """The volume's title from ``start`` to ``end``, up to a place and publisher it ran into ('..., Bd. 4:
    Geschichte und Methoden ..., München/Wien: Oldenbourg.')."""
    pm = _PLACE_PUBLISHER.search(text, start, end)
    if pm:
        segs = relabel(segs, text, pm.start("place"), pm.end("place"), "location")
        segs = relabel(segs, text, pm.start("pub"), pm.end("pub"), "publisher")
        end = pm.start()
    return relabel(segs, text, start, end, "volume-title")


_SITE_DATE = re.compile(r",\s+(?P<site>[A-Z][\w\-.]{1,20}(?:\s[A-Z][\w\-.]{1,15}){0,2})(?:,\s+|\s+v(?:om|\.)\s+)"
                        r"(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d|(?:19|20)\d\d/\d{1,2}/\d{1,2}|(?:19|20)\d\d-\d\d-\d\d|"
                        r"\d{1,2}\.\s+[A-ZÄÖÜ][a-zä]+\s+(?:19|20)\d\d)[,.]?\s*$")


def site_and_date(segs: list[Segment], text: str) -> list[Segment]:
    """'Title, VerfBlog, 2020/3/26, https://...', 'Title, LTO v. 30.11.2021, https://...': a blog or news site
    and the day, between a title that ran on and the link, are the container and the date."""
    for i, s in enumerate(segs[:-1]):
        m = _SITE_DATE.search(s.text) if s.label == "title" else None
        nxt = next((o for o in segs[i + 1:] if o.label != "skip" and o.text.strip(" ,.")), None)
        if m and m.start() > 10 and nxt is not None and nxt.label == "url" and not any(o.label == "date" for o in segs):
            segs = relabel(segs, text, s.start + m.start("site"), s.start + m.end("site"), "container-title")
            segs = relabel(segs, text, s.start + m.end("site"), s.start + m.start("date"), "skip")
            return relabel(segs, text, s.start + m.start("date"), s.start + m.end("date"), "date")
    return segs
