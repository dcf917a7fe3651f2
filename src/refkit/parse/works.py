"""The parts of a work named around its title: editors and translators after the title ('Title. Edited by
Hannah Arendt. Translated by ...'), the book after a chapter's editors, the series a book is in when it
stands after them ('Cambridge Texts in the History of Political Thought', 'Loeb Classical Library 30',
'Vol. 3 of Barbarism and Religion'), the volume of a multi-volume work and its own title ('Bd. 1:
Handlungsrationalität ...'), a letter and its day ('Letter to Asa Gray, May 22, 1860.').

Pure functions over segments (``tagger.Segment``), called from :func:`refkit.parse.boundaries.fix_boundaries`;
:func:`spans.relabel` does the cutting.
"""

from __future__ import annotations

import re

from refkit.parse.fields import MONTH_RE
from refkit.parse.publication import PLACES, places_known
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

_WORD = r"(?:(?:[A-Z]\.\s?){1,3}|[A-ZÀ-Þ][a-z]{1,2}\.|[A-ZÀ-Þ][\w'’\-]*)"  # "J. P.", "Ch.", "Silva" (a full stop after a word ends the names)
_LINK = r"(?:de|da|del|di|du|der|den|van|von|la|le|ter|y)"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|{_LINK}))*"
_NAMES = rf"{_NAME}(?:(?:,\s+|\s+(?:and|&|und|u\.)\s+|,\s+and\s+){_NAME})*(?:\s+u\.\s?a\.|\s+et\s+al\.)?"
# "Edited by Hannah Arendt.", "Trans. by J. M. Cohen,": the role phrase and the names it governs
ROLE_BY_RE = re.compile(
    rf"(?<=[.,;] )(?P<role>Edited|Translated|Compiled|Ed\.|Eds\.|Trans\.|Transl\.|Tr\.|ed\.|eds\.|trans\.|transl\.|edited|translated)"
    rf"(?:\s+and\s+(?:edited|translated|annotated))?(?:\s+with\s+an\s+[Ii]ntroduction)?\s+by\s+"
    rf"(?P<names>{_NAMES})(?=[.;,]\s|\.?\s*$|\s+\()")
# "Trans. Eyre, Leonard Bucknall.", "(Trans.) John Reinhold Forster.", "Ed. Mario Ascheri,", "Aus dem
# Englischen von Norbert Juraschitz.": no "by"
ROLE_BARE_RE = re.compile(
    rf"(?<=[.,;] )(?P<role>\((?:Trans|Transl|Tr|Ed|Eds|Hrsg|Hg)\.\)|Trans\.|Transl\.|Tr\.|Ed\.|Eds\.|ed\.|eds\.|"
    rf"[Tt]rad\.\s+(?:it\.\s+|fr\.\s+|esp\.\s+|cast\.\s+)?(?:di|de|par|por)|[Tt]raducción\s+de|[Tt]raduction\s+de|"
    rf"a\s+cura\s+di|[Ee]d\.\s+it\.\s+a\s+cura\s+di|"
    rf"[Aa]us\s+dem\s+(?:[a-zäöü]\w+\s+)?[A-ZÄÖÜ]\w+\.?(?:\s+(?:übersetzt|übertragen))?\s+von|(?:Übersetzt|Übers\.|Deutsch)\s+von|"
    rf"(?:Herausgegeben|Hrsg\.|Hg\.|hrsg\.|hg\.)(?:\s+und\s+(?:eingeleitet|kommentiert|bearbeitet|mit\s+einem\s+\w+\s+versehen))?"
    rf"(?:\s+(?:für|im\s+Auftrag)\s+[^.]{{3,80}}?)?\s+(?:von|v\.)|"
    rf"[Üü]bers(?:etzt)?\.?(?:\s+u(?:nd|\.)\s+(?:hrsg|hg)\.)?\s+(?:von|v\.)|besorgt\s+von|bearbeitet\s+von|bearb\.\s+(?:von|v\.)|"
    rf"(?:eingeleitet|kommentiert|ediert)(?:\s+und\s+(?:eingeleitet|kommentiert|übersetzt|ediert))?\s+von|Hrsg\.|Hg\.)\s+(?:(?:der|dem|vom)\s+(?=[A-ZÄÖÜ]\w+-))?"
    rf"(?P<names>{_WORD}\s+{_NAMES}|[A-ZÀ-Þ][\w'’\-]+,\s+{_NAME}|[A-ZÄÖÜ][\w]+-[A-ZÄÖÜ][\w\-]+)(?=[.;,]\s|\.?\s*$)")
# ("hg. v. der Görres-Gesellschaft": a body, its article no part of its name)



# ZfS/KZfSS: "Author, 1990: Title. Subtitle. S. 7–21 in: K.U. Mayer (Hrsg.), Book.": the chapter's pages before "in:"
_PAGES_BEFORE_IN = re.compile(r"(?<=[.?!] )S\.\s*\d+\s*[-\u2013]\s*\d+(?=\s+in:\s)")
_YEAR_COLON = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?(?:\s*\[[^\]]{4,12}\])?\)?\s*[:.]\s+")


def pages_before_in(segs: list[Segment], text: str) -> list[Segment]:
    """'2004: Weshalb gibt es so wenige Arbeiterkinder in Deutschlands Universitäten? S. 311–352 in: ...':
    the pages, and everything between the year and them is the title (not more names)."""
    m = _PAGES_BEFORE_IN.search(text) if " in: " in text else None
    y = _YEAR_COLON.search(text, 0, m.start()) if m else None
    if m is None or y is None:
        return segs
    dated = [s for s in segs if s.start <= y.start() < s.end]
    between = [s for s in segs if s.start < m.start() and s.end > y.end()]
    if not dated or dated[0].label != "date" or not between or \
            any(s.label not in ("title", "author", "date", "note", "container-title", "journal", "pages") for s in between):
        return segs
    segs = relabel(segs, text, m.start(), m.end(), "pages")
    return relabel(segs, text, y.end(), m.start(), "title")


def title_after_editors(segs: list[Segment], text: str) -> list[Segment]:
    """Harvard's '‘Encoding/decoding’, in Hall, S. ... (eds) Culture, Media, Language. London:': a second
    title right after the editors of a chapter is the book it is in."""
    for i in range(1, len(segs) - 1):
        ed, nxt = segs[i], segs[i + 1]
        if ed.label == "editor" and nxt.label == "title" and any(s.label == "title" for s in segs[:i]) and \
                re.match(r"\s*(?:[Ii]n|[Ii]m|[Dd]ans|[Ee]n)\b:?", ed.text) and \
                not any(s.label in ("container-title", "journal") for s in segs):
            return relabel(segs, text, nxt.start, nxt.start + len(nxt.text.rstrip(" .,")), "container-title")
    return segs


_LETTER = re.compile(rf"\s*(?P<t>(?:Letter|Telegram|Memorandum|Postcard|Note|Diary\s+entry)\s+(?:to|from)\s+"
                     rf"(?:[^,.]|(?<=\b[A-Z])\.){{2,60}}),\s+\[?"  # "Letter to J. D. Hooker, [11 January 1844]."
                     rf"(?P<d>{MONTH_RE}\.?\s+\d{{1,2}},\s+(?:1[5-9]|20)\d\d|\d{{1,2}}\s+{MONTH_RE}\.?\s+(?:1[5-9]|20)\d\d)\]?\.\s+"
                     r"(?P<c>[A-Z][^.]{3,120}?)(?=[.,]\s|\.?\s*$)")


def letter_title(segs: list[Segment], text: str) -> list[Segment]:
    """Chicago's 'Darwin, Charles. Letter to Asa Gray, May 22, 1860. Darwin Correspondence Project, ...': a
    letter's title, its day and the edition or collection that holds it."""
    for s in segs:
        m = None
        if s.label == "title" and ("Letter" in s.text or "Memorandum" in s.text or "Telegram" in s.text or "Note" in s.text):
            m = _LETTER.match(text, s.start)
        elif s is segs[0] and s.label == "author" and (ditto := re.match(r"\s*(?:———|——|---)\.\s", s.text)):
            m = _LETTER.match(text, s.start + ditto.end())  # "———. Letter to J. D. Hooker, ..." read as names
        if m:
            segs = relabel(segs, text, m.start("t"), m.end("t"), "title")
            segs = relabel(segs, text, m.start("d"), m.end("d"), "date")
            segs = relabel(segs, text, m.start("c"), m.end("c"), "container-title")
            no = re.match(r",\s+((?:Letter|Item|Document|Doc\.)\s+no\.\s*\d+[A-Za-z]?)", text[m.end("c"):])
            return relabel(segs, text, m.end("c") + no.start(1), m.end("c") + no.end(1), "note") if no else segs
    return segs


_VOLUME_HEAD = re.compile(r"(?<=[.,] )(?P<v>(?:Bd\.|Band|Vol\.|Volume|Teilband|Teil)\s*(?:\d{1,3}|[IVX]{1,5}))\s*:\s+(?=\S)")
_VOLUME_PLACE = re.compile(r"[.,]\s+(?=[A-ZÄÖÜ][\w\-]+(?:\s(?:am|an\s+der|a\.|im)\s?[\w.]+)?(?:/[A-ZÄÖÜ][\w\-]+)?"
                           r"(?:\s*[:;]|\s+(?:1[5-9]|20)\d\d))|,\s+(?:S\.|pp?\.)\s*\d")
_VOLUME_TITLE_END = re.compile(r"(?<![\s.][A-Z])\.\s")  # a sentence's end, not "A.D. 1760"


def volume_title(segs: list[Segment], text: str) -> list[Segment]:
    """'Theorie des kommunikativen Handelns. Bd. 1: Handlungsrationalität und ... Frankfurt am Main', 'The
    Sources of Social Power. Vol. 1: A History of Power ...': the work, the volume and the volume's own title."""
    m = _VOLUME_HEAD.search(text) if ":" in text else None
    if not m:
        return segs
    end_m = _VOLUME_PLACE.search(text, m.end()) or _VOLUME_TITLE_END.search(text, m.end())
    end = end_m.start() if end_m else len(text.rstrip(" ."))
    if end - m.end() < 3:
        return segs
    over = [s for s in segs if s.start < end and m.end() < s.end]
    head = [s for s in segs if s.end <= m.start() + 1 and s.label in ("title", "journal", "container-title")]
    if not head or any(s.label not in ("title", "publisher", "container-title", "journal", "note", "author", "volume")
                       for s in over) or re.search(r"\b(?:[Ii]n|[Ii]m):?\s", text[head[0].start:m.start()]):
        return segs
    first = next(i for i, s in enumerate(segs) if s is head[0])
    while first > 0 and segs[first - 1].label in ("title", "journal", "container-title"):
        first -= 1
    segs = relabel(segs, text, segs[first].start, m.start(), "title")
    segs = relabel(segs, text, m.start("v"), m.end("v"), "volume")
    return relabel(segs, text, m.end(), end, "volume-title")


def series_after_roles(segs: list[Segment], text: str) -> list[Segment]:
    """Chicago's 'Title. Translated by A. Edited by B. Cambridge Texts in the History of Political
    Thought. Cambridge: CUP, 1988.': a second title between the book's people and its place is its series."""
    for i in range(2, len(segs) - 1):
        s, k = segs[i], i - 1
        if k > 1 and not segs[k].text.strip(" .,;"):  # a stop left on its own after the names
            k -= 1
        if s.label == "title" and segs[k].label in ("editor", "translator") and \
                not re.match(r"\s*(?:[Ii]n|[Dd]ans|[Ii]m):?\s", segs[k].text) and \
                any(o.label == "title" for o in segs[:k]) and segs[i + 1].label in ("location", "publisher") and \
                not re.match(r"\s*(?:In|in)\b", s.text) and len(s.text.split()) <= 14 and \
                re.match(r"\s*[A-Z]", s.text) and not s.text.lstrip().startswith(("“", '"', "'", "‘")):
            return relabel(segs, text, s.start, s.end, "collection-title")
        if s.label in ("title", "translator", "editor") and segs[k].label in ("collection-title", "translator", "editor") and \
                segs[i + 1].label in ("location", "publisher"):
            lower = s.label == "title" and re.match(r"\s*[a-z]", s.text) and (
                segs[k].label == "collection-title" or re.match(r"\s*\.\s+[A-Z]", segs[k].text))
            if lower and segs[k].label != "collection-title":  # "Ash | . The Edinburgh Edition | of the Works of Hume."
                return relabel(segs, text, segs[k].start + len(segs[k].text) - len(segs[k].text.lstrip(" .")), s.end,
                               "collection-title")
            sent = s.label != "title" and re.match(r"\s*\.\s+[A-Z][^.]{3,100}\.?\s*$", s.text) and not re.search(
                r"(?i)\b(?:by|von|ed|eds|trans|and|und|&)\b", s.text) and re.search(
                r"\d|\b(?:Library|Series|Texts|Classics|Studies|Papers|Monographs|Edition|Works|Collection|Reihe|Bibliothek)\b",
                s.text)  # (not the names going on: "ed. Norman W | . Storer")
            if lower or sent:  # "Cambridge Texts in | the History of ...", "Walter Miller | . Loeb Classical Library 30."
                start = s.start + (len(s.text) - len(s.text.lstrip(" .")) if sent else 0)
                return relabel(segs, text, segs[k].start if lower else start, s.end, "collection-title")
    for i, s in enumerate(segs[:-1]):  # "Vol. 3 | of Barbarism and Religion.": the tagger saw the volume
        nxt = segs[i + 1]
        if s.label == "volume" and re.fullmatch(r"\s*Vol\.\s*(?:\d{1,3}|[IVX]{1,5})(?:\s+of)?\s*", s.text) and \
                nxt.label in ("title", "container-title", "collection-title") and \
                (s.text.rstrip().endswith(" of") or re.match(r"\s*of\s+[A-Z]", nxt.text)):
            of = re.match(r"\s*(?:of\s+)?", nxt.text)
            assert of is not None
            end = nxt.start + len(nxt.text.rstrip(" .,"))
            segs = relabel(segs, text, nxt.start, nxt.start + of.end(), "skip")
            return relabel(segs, text, nxt.start + of.end(), end, "collection-title")
    for s in segs:  # "The First Decline and Fall. Vol. 3 of Barbarism and Religion.": the volume of a series
        vm = re.search(r"(?<=[.,] )(?P<v>Vol\.\s*(?:\d{1,3}|[IVX]{1,5}))\s+of\s+(?P<series>[A-Z][^.;]{3,150}?)[.,]?\s*$", s.text) \
            if s.label in ("title", "collection-title") else None
        if vm:
            segs = relabel(segs, text, s.start + vm.start("v"), s.start + vm.end("v"), "volume")
            segs = relabel(segs, text, s.start + vm.end("v"), s.start + vm.start("series"), "skip")
            return relabel(segs, text, s.start + vm.start("series"), s.start + vm.end("series"), "collection-title")
    return segs


def _title_before_role(segs: list[Segment], text: str, first: Segment, at: int) -> list[Segment]:
    """'Clausewitz, Carl von. | On War. Edited and translated by ...' with no title: the sentence before
    the role phrase, right after the authors and the year, is the title."""
    k = segs.index(first)
    head = text[first.start:at]
    if first.start < at and first.label in ("container-title", "editor", "translator", "journal", "note") and \
            re.fullmatch(r"\s*[^\s.].{1,200}?[.?!]\s*", head, re.S) and \
            all(s.label in ("author", "date", "citation-number", "skip") for s in segs[:k]):
        return relabel(segs, text, first.start, at, "title")
    return segs


def role_after_title(segs: list[Segment], text: str) -> list[Segment]:
    """'Title. Edited by A. B. Name.': the editor or translator the title took."""
    found = list(ROLE_BY_RE.finditer(text)) if " by " in text else []
    if "r." in text or "d." in text or "s." in text or "g." in text or "cura" in text or "ción" in text or "tion de" in text or " von " in text \
            or "bearb." in text:
        found += [m for m in ROLE_BARE_RE.finditer(text) if not any(f.start() <= m.start() < f.end() for f in found)]
    ok = ("title", "container-title", "journal", "publisher", "note", "editor", "translator", "collection-title", "genre")
    for m in found:
        end = m.end("names")
        label = "translator" if re.match(r"\(?(?:Tr|tr|Aus dem|aus dem|Übers|übers|Deutsch)", m.group("role")) else "editor"
        took = next((s for s in segs if s.label in ("location", "publisher") and abs(s.start - m.start("names")) <= 1
                     and s.end > end + 1), None)
        if took is not None and any(s.label == "title" and s.end <= m.start("names") + 1 for s in segs):
            segs = relabel(segs, text, m.start(), end, label)  # "bearb. v. | Heike Oldenburg, Bonn": the names, then the place
            continue
        inside = [s for s in segs if s.start < end and m.start() < s.end]
        stop = next((s for s in inside if (s.label not in ok and s.label not in ("edition", "author") or
                                           s.label == "publisher" and s.start > m.start("names"))
                     and s.start > m.start()), None)  # "Edited by Rafael Silva, | Ponte Editions": the publisher
        if stop is not None:  # "ed. Mario Ascheri, | Roma,": the names end where the place begins
            end = m.start() + len(text[m.start():stop.start].rstrip(" ,;"))
            inside = [s for s in inside if s.start < end]
        if inside and not any(s.label == "title" and s.start < m.start() for s in segs):
            segs = _title_before_role(segs, text, inside[0], m.start())
            inside = [s for s in segs if s.start < end and m.start() < s.end]
        if not inside or end <= m.start("names") or inside[0].start == m.start() and all(
                o.label == label and o.end <= end + 2 for o in inside) \
                or any(s.label not in ok and not (s.label in ("edition", "author") and s.start >= m.start() - 1) for s in inside) \
                or not any(s.label == "title" and s.start < m.start() for s in segs):
            continue
        first = inside[0]
        if first.label in ("editor", "translator") and first.start < m.start() and re.match(
                r"\s*[a-zà-ÿ]", first.text) and segs.index(first) and segs[segs.index(first) - 1].label == "title":
            segs = relabel(segs, text, first.start, m.start(), "title")  # "in onore di Pierre Toubert, ed. ..."
        elif first.label in ("editor", "translator") and first.start < m.start() and re.match(
                r"\s*(?:In|in|Im|im):?\s+[A-ZÀ-Þ]", first.text):
            segs = relabel(segs, text, first.start, m.start(), "container-title")  # "In Handbuch X, Hrsg. Name,"
        segs = relabel(segs, text, m.start(), end, label)
    return segs


# historians' book: "Hans-Ulrich Wehler, Deutsche Gesellschaftsgeschichte, Bd. 5, München 2008.", "Karl Marx,
# Das Kapital. Kritik der politischen Ökonomie, Bd. 1 (= MEW, Bd. 23), Berlin 1962 [1867]."
_HISTORIANS_BOOK = re.compile(rf"^(?P<body>.+?),\s{PLACES}\s(?P<year>(?:1[5-9]|20)\d\d[a-z]?)(?:\s\[(?:1[5-9]|20)\d\d[^\]]*\]|\sff\.)?\.?\s*$")
# what follows a book's title before its place: the edition, the volume, the series, the editors, the translator
_BOOK_TAIL = re.compile(r",\s(?=\d{1,2}\.,?\s(?:[a-zäöü]+\.?,?\s)*Aufl|\d{1,2}(?:st|nd|rd|th)\s+(?:ed|edn)\b|Loseblatt|Bd\.\s|Band\s|\d{1,2}\sBde\.|hg\.|hrsg\.|Hg\.|übers\.|Übers\.|"
                        r"[Aa]us\sdem\s|[Mm]it\seinem\s|[Mm]it\seiner\s|eingel\.|bearb\.)|\s\(=|\s\[(?:1[5-9]|20)\d\d|\.\s(?=Mit\seine[mr]\s|Hg\.\s|Übers\.\s)")


_NAMES_COLON = re.compile(r"\s*(?:[A-ZÄÖÜ][\w'’\-]+(?:\s[A-ZÄÖÜ][\w'’\-]+)?,\s(?:[A-ZÄÖÜ][\w'’.\-]*\s?){1,3}(?:\s?(?:von|van|de|zu))?"
                          r"(?:\s?/\s?(?:v\.\s|von\s)?[A-ZÄÖÜ][\w'’\-]+,\s(?:[A-ZÄÖÜ][\w'’.\-]*\s?){1,3}){0,4}"
                          r"(?:\s\((?:Hrsg|Hg|Begr)\.\))?|Ders\.|Dies\.):")


def historians_book(segs: list[Segment], text: str) -> list[Segment]:
    """Historians' 'Vorname Name, Title. Subtitle, [3. Aufl.,] [Bd. 5,] Place Year.' with no 'in:': all from the
    names' comma to the edition, volume, series or place is the book's title, whatever the tagger made of it."""
    if re.search(r"\b[Ii]n:?\s|\bS\.\s*\d|[„“\"«]", text):
        return segs
    m = _HISTORIANS_BOOK.match(text)
    first = segs[0] if segs else None
    if m is None or first is None or first.label not in ("author", "editor") or not places_known(m.group("place")):
        return segs
    names_end = first.start + len(first.text.rstrip())
    colon = _NAMES_COLON.match(text)
    if colon and colon.end() <= m.end("body") and first.end >= colon.end() - 1:
        names_end = colon.end()  # DIN's and lawyers' "Jarass, Hans D./Pieroth, Bodo: Title, 17. Aufl., München 2022."
        role = first.label
        segs = relabel(segs, text, names_end, max(first.end, names_end), "title")
        segs = relabel(segs, text, first.start, names_end, role)
    elif not text[:names_end].endswith(",") or names_end >= m.end("body"):
        return segs
    start = names_end + len(text[names_end:]) - len(text[names_end:].lstrip())
    tail = _BOOK_TAIL.search(text, start, m.end("body"))
    end = tail.start() if tail else m.end("body")
    press = re.search(r"\.\s((?:[A-ZÄÖÜ][\w\-]*\s){0,2}(?:Edition|Verlag|Press|Publishers?|Books|Verlagsanstalt|Buchhandlung|"
                      r"Campus|Suhrkamp|Beck|Springer|Nomos|Kohlhammer|Böhlau|Wallstein|Metzler)|[A-ZÄÖÜ][\w\-]*[Vv]erlag)$", text[start:end])
    if press and not tail:  # "... Studien zur Stadt. Hamburger Edition, Hamburg 2009.": the publisher before the place
        segs = relabel(segs, text, start + press.start(1), start + press.end(1), "publisher")
        end = start + press.start()
    inside = [s for s in segs if s.start < end and s.end > start]
    if not inside or any(s.label in ("url", "doi", "pages", "genre") for s in inside) or end - start < 4:
        return segs
    if any(s.label in ("author", "editor", "translator") for s in inside):
        return segs  # (a name list that goes on after the comma: "Christoph Cornelißen, Lutz Klinkhammer u. ...")
    segs = relabel(segs, text, start, end, "title")  # ("Mit einem Nachwort von X" after it: boundaries' book notes)
    segs = relabel(segs, text, m.start("place"), m.end("place"), "location")
    return relabel(segs, text, m.start("year"), m.end("year"), "date")


# APA German: "(J. Oelkers, Hrsg.; E. Hylla, Übers.)" after the title: each name with its own role
_ROLES_IN_BRACKETS = re.compile(r"\((?P<a>[^;()]{3,60}?),\s*(?P<ra>Hrsg|Hg|Eds?|Übers|Trans)\.;\s*"
                                r"(?P<b>[^;()]{3,60}?),\s*(?P<rb>Hrsg|Hg|Eds?|Übers|Trans)\.\)")


def roles_in_brackets(segs: list[Segment], text: str) -> list[Segment]:
    """'Title (J. Oelkers, Hrsg.; E. Hylla, Übers.).': the editor, then the translator."""
    m = _ROLES_IN_BRACKETS.search(text) if ";" in text else None
    if m is None:
        return segs
    for g in ("a", "b"):
        role = "translator" if m.group("r" + g) in ("Übers", "Trans") else "editor"
        segs = relabel(segs, text, m.start(g), m.end("r" + g) + 1, role)
    return segs
