"""Report numbers, genres and series: the grey literature's publication details.

'(No. W31877; BLR Working Paper Series)', 'Working paper 2021–07. Cape Town:', 'NAB-23/114', a series
sentence after the title ('Leviathan Sonderband 32'), standards ('ISO 690:2010', 'RFC 7231', patents)
and a thesis's bracketed genre ('[Doctoral dissertation, University of X]'). Called from
:func:`refkit.parse.boundaries.fix_boundaries`; publishers and places are in
:mod:`refkit.parse.publication`.
"""

from __future__ import annotations

import re

from refkit.parse.fields import MONTH_RE
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

_CODE = r"[A-Za-z]{0,6}[\-\u2013]?\d[\w./\-\u2013]*"
_NUMBER_PHRASE = re.compile(
    rf"(?i)(?P<g>(?:[A-Z][\w-]*\s+){{0,3}}(?:report|paper|brief|note|memorandum|series|bericht|rapport|documento))?"
    rf"\s*(?:no|nos|nr|number|n[°º])\.?\s*:?\s*(?P<n>{_CODE})")
_BRACKET_GROUP = re.compile(r"\((?P<a>[^();]{2,80});\s*(?P<b>[^();]{2,80})\)")
# "NAB-23/114", "w31877", "CBO-2019-04", a UK command paper's "Cmd 6404": a report's code standing alone
_LONE_CODE = re.compile(r"(?:(?<=[.,:]\s)|(?<=[.,][\"”’]\s))(?P<n>(?:Cmnd|Cmd|Cm)\.?\s\d{2,5}|HC\s\d{1,4}(?:-[IVX]{1,4})?|[A-Za-z]{1,6}-\d+(?:[-/]\d+)+|[A-Za-z]{1,6}-\d{2,}(?:-[A-Z]{1,3})?|[A-Za-z]{1,2}\d{3,}|"
                        r"COM\s?\(\d{4}\)\s?\d{1,4}(?:\s+final)?|SWD\s?\(\d{4}\)\s?\d{1,4}(?:\s+final)?|EUCO\s\d{1,3}/\d{2}|"
                        r"(?=[\w/.\-]*\d)[A-Z]{1,4}(?:/(?:[A-Z][A-Za-z.\d\-]*|\d[\w.\-]*)){2,6}(?:\s\((?:19|20)\d\d\))?)"
                        # a UN or WTO document symbol: "ST/ESA/SER.A/423", "A/RES/70/1", "S/RES/1325 (2000)", "WT/DS58/AB/R"
                        r"(?=[.,;]\s|[.,;]?$)")
_GENRE_CODE = re.compile(r"(?<![\w-])(?P<g>(?:[A-Z]{2,6}\s+|[A-Z][A-Za-z]*[A-Z][A-Za-z]*\s+)?(?:[Ss]taff\s+)?(?:[Ww]orking|[Dd]iscussion|[Rr]esearch|[Oo]ccasional|[Tt]echnical|[Pp]olicy|[Ss]taff)\s+"
                         r"(?:[Pp]aper|[Rr]eport|[Bb]rief|[Nn]ote|[Cc]ontribution|[Ii]nsight)s?|(?:[A-Z]{2,6}\s|(?<=[.,] )[A-Z][a-z]{2,12}\s)?Report|Rapport|Bericht|Arbeitspapier|"
                         r"Jahresgutachten|Sondergutachten|Tabelle|(?:[A-Z]{2,6}\s)aktuell|News release|Pressemitteilung|Press release|"
                         r"(?:[A-Z]{2,6}\s+)?(?:Work|Discuss|Res|Policy)\.\s*Pap\.|ICPSR|"
                         r"(?:Bundestags-?|BT-|Bundesrats-?|BR-)?[Dd]rucksache|BT-Drs\.|BR-Drs\.|BT-Drucks\.|BR-Drucks\.|"
                         r"[A-Z][\w]*-(?:Kurzbericht|Forschungsbericht|Bericht|Arbeitspapier|Report|Brief|Studie|Analyse|Papier|Aktuell|Standpunkt|Kompakt)|"
                         r"(?:Current|Special|Statistical)\s+[A-Z][a-z]+\s+Reports?)\s+"
                         r"(?:(?:[Nn]os?|[Nn]r|[Nn]umber)\.?:?\s*)?(?P<n>(?:[A-Z]{1,4}\s){0,2}[A-Z]{0,6}[-/]?\d[\w./\-\u2013]*[\w](?:(?<=/[A-Z])\s\d{1,3})?)"
                         r"(?=[.,;:)\]]{0,2}(?:\s|$))")  # ("SWP-Studie 2019/S 02")
_GENRE_BRACKET_TAIL = re.compile(r"\[[^\]]{3,40}\][.,]?\s+(?P<place>\[?[A-Z][\w'’.\- ]{1,40}?\]?)\s*:\s*$")


# "SOEPpapers on Multidisciplinary Panel Data Research 1.", "Arbeitspapiere – Mannheimer Zentrum für
# Europäische Sozialforschung Nr. 5.": a working-paper series and its number as a sentence of their own
_SERIES_SENTENCE = re.compile(
    r"(?<=[.?!] )(?P<g>(?:[A-Z][\w\-]*\s+){0,2}[\w\-]*(?:[Pp]apers?|[Aa]rbeitspapiere?|[Dd]iskussionspapiere?|"
    r"[Ss]chriftenreihe|[Aa]rbeitsberichte?|[Ff]orschungsberichte?|Kurzexpertise|Expertise|Wochenbericht|"
    r"Kurzbericht|Drucksache|Bundestagsdrucksache|Policy\s+Brief|Materialien|[Bb]riefing|[Bb]riefing\s+[Nn]ote|Research\s+[Rr]eport)"
    r"(?:\s+(?:on|in|of|for|zur|zum|zu|der|des|aus)\s+[^.()\d]{2,80}?|\s+[–-]\s+[^.()\d]{2,80}?)?)"
    r",?\s+(?:(?:Nr|No|Heft)\.\s*)?(?P<n>[A-Za-z]{0,4}\d[\w/\-]*)\.(?=\s|$)")


# a book series and its number: "Leviathan Sonderband 32.", "(Geschichte der Bundesrepublik Deutschland, Bd. 6)"
_BOOK_SERIES = re.compile(r"(?<=[.?!] )(?P<c>(?:[A-Z][\w\-]*\s+){1,3}(?:Sonderband|Sonderheft|Beiheft|Ergänzungsband)\s+\d{1,4})"
                          r"(?=[.,]\s|\.?$)|\((?:=\s*)?(?P<b>[A-ZÄÖÜa-zäöü][^()=]{3,80}?[,.]\s*(?:Bd\.|Band|Vol\.|vol\.|Nr\.|No\.|"
                          r"Heft|Sonderband|Sonderheft|Beiheft)\s*\d{1,4})\.?\)|"
                          r"(?<=[.?!] )(?P<d>[A-ZÄÖÜ][\w\-]*(?:\s+[\w\-]+){0,5},\s*(?:Bd\.|Band|Sonderband|Sonderheft|Beiheft)\s*\d{1,4})"
                          r"(?=\.\s|\.?$)")


# German series in brackets with "=": "Suhrkamp (= edition suhrkamp 1365)", "Stuttgart (= Erdkundliches Wissen 116)"
_EQUALS_SERIES = re.compile(r"\(=\s*(?P<series>[^()\d]{3,80}?)(?:[,;]?\s*(?:Bd\.|Band|Nr\.|H\.|Heft|Vol\.)?\s*\d{1,5})?\)")


def equals_series(segs: list[Segment], text: str) -> list[Segment]:
    """'(= edition suhrkamp 1365)': the series and its number, whatever the tagger made of them."""
    m = _EQUALS_SERIES.search(text) if "(=" in text else None
    if m and m.start() > 10:
        segs = relabel(segs, text, m.start(), m.end(), "collection-title")
    return segs


def series_sentence(segs: list[Segment], text: str) -> list[Segment]:
    """A working-paper series and its number, as a sentence after the title, are the genre and the
    number ('... Enhancements. SOEPpapers on Multidisciplinary Panel Data Research 1. Berlin: DIW.');
    a book series with its volume ('Leviathan Sonderband 32.', '(Reihe X, Bd. 6)') is the collection."""
    for b in _BOOK_SERIES.finditer(text) if ("band" in text or "heft" in text or "Bd." in text or "Nr." in text
                                             or "No." in text or "Band" in text or "Heft" in text) else ():
        g = "c" if b.group("c") else "b" if b.group("b") else "d"
        inside = [s for s in segs if s.start < b.end(g) and b.start(g) < s.end]
        ok = ("title", "note", "volume", "pages", "container-title", "journal", "collection-title", "publisher", "edition",
              "genre") + (
            ("author", "editor", "translator", "location", "date") if g == "b" else ())  # in brackets it is a series, whatever it names
        if inside and any(s.label == "title" and s.start < b.start(g) for s in segs) and all(s.label in ok for s in inside):
            segs = relabel(segs, text, b.start(g), b.end(g), "collection-title")
            if g == "b":  # "(= Edition Suhrkamp. Band 1365)": the brackets and the '=' go
                segs = relabel(segs, text, b.start(), b.start(g), "skip")
                segs = relabel(segs, text, b.end(g), b.end(), "skip")
    m = _SERIES_SENTENCE.search(text) if ("aper" in text or "apier" in text or "ericht" in text or "reihe" in text or
                                          "xpertise" in text or "Drucksache" in text or "Brief" in text or
                                          "Materialien" in text or "riefing" in text or "eport" in text) else None
    if not m:
        return segs
    inside = [s for s in segs if s.start < m.end("n") and m.start("g") < s.end]
    if not inside or not any(s.label == "title" and s.start < m.start("g") for s in segs) or any(
            s.label not in ("title", "note", "edition", "publisher", "container-title", "journal", "collection-title",
                            "volume", "genre", "number", "pages") for s in inside):
        return segs
    segs = relabel(segs, text, m.start("g"), m.end("g"), "genre")
    if text[m.end("g"):m.start("n")].strip(" ,"):  # "Nr. " between them
        segs = relabel(segs, text, m.end("g"), m.start("n"), "skip")
    return relabel(segs, text, m.start("n"), m.end("n"), "number")


# SAGE Harvard's "Title. Report, May. London: Shelter.", "Title. White Paper, August.", "Title. Dataset, 25 March.":
# the kind of document as a sentence of its own, then its day
_KIND_SENTENCE = re.compile(rf"(?<=[.?!] )(?P<g>Report|White [Pp]aper|Green [Pp]aper|Dataset|Data set|Policy [Bb]rief|Briefing(?: [Pp]aper)?|"
                            rf"Fact ?sheet|Blog(?: post)?|Press release|Consultation paper|Research report|Evidence review)"
                            rf"(?P<rest>(?:,\s+[A-Z][^.,;:]{{1,60}}?)*),\s+(?P<d>(?:\d{{1,2}}\s+)?{MONTH_RE})(?=\.\s|\.?$)")


# APA German: "Title (Arbeitspapier 171). Düsseldorf: Hans-Böckler-Stiftung.", "(Fachserie 11, Reihe 1). Wiesbaden:"
_APA_SERIES = re.compile(r"(?<=[^\s(])\s\((?P<s>[A-ZÄÖÜ][\w\-]*(?:\s[\w\-]+){0,6}?(?P<no>\s(?:Nr|No)\.)?\s(?P<n>\d{1,5})(?:,\s*Reihe\s+\d{1,3})?)\)\.\s+"
                         r"(?=[A-ZÄÖÜ][\w\-]+(?:\s(?:a\.\s?M\.|am\sMain|i\.\s?Br\.))?(?:/[A-ZÄÖÜ][\w\-]+)*:\s)")


# APA's report and dissertation numbers in brackets after the title: "(Publication No. 13880123)", "(Order No. 10154327)",
# "(NCES 2021-144)", "(ED569812)"
_APA_NUMBER = re.compile(r"(?<=[^\s(])\s\((?:(?P<kind>Publication|Order|Report|Technical Report|Research Report|Document)\s+No\.\s*"
                         r"(?P<n>[\w\-./]+)|(?P<code>[A-Z]{2,6}[\s-]?\d{2,}[\w\-./]*))\)(?=[.\s\[])")


def apa_number(segs: list[Segment], text: str) -> list[Segment]:
    """'Title (Publication No. 13880123) [Doctoral dissertation, ...]', 'Title (NCES 2021-144). Publisher.': the number."""
    m = _APA_NUMBER.search(text) if "(" in text else None
    if m is None:
        return segs
    g = "n" if m.group("n") else "code"
    before = next((s for s in segs if s.start <= m.start() - 1 < s.end), None)
    if before is None or before.label != "title":
        return segs  # right after the title only ("Beltz (UTB 2786)" is a series after the publisher)
    inside = [s for s in segs if s.start < m.end(g) and m.start(g) < s.end]
    if not inside or any(s.label not in ("title", "genre", "note", "number", "volume", "publisher", "collection-title") for s in inside):
        return segs
    segs = relabel(segs, text, m.start() + 1, m.start(g), "skip")
    if m.group("kind") and "Report" in m.group("kind"):  # "(Technical Report No. 1184)": the genre, then the number
        segs = relabel(segs, text, m.start("kind"), m.end("kind"), "genre")
    segs = relabel(segs, text, m.start(g), m.end(g), "number")
    return relabel(segs, text, m.end(g), m.end(), "skip")


def apa_series(segs: list[Segment], text: str) -> list[Segment]:
    """'Title (Arbeitspapier 171). Düsseldorf: Hans-Böckler-Stiftung.': a series and its number in brackets
    between the title and the place."""
    m = _APA_SERIES.search(text) if ")." in text else None
    if m is None or re.fullmatch(r"(?:1[5-9]|20)\d\d", m.group("s").split()[-1]):
        return segs
    inside = [s for s in segs if s.start < m.end("s") and m.start("s") < s.end]
    if not inside or any(s.label not in ("title", "note", "volume", "collection-title", "genre", "number", "pages", "container-title")
                         for s in inside):
        return segs
    if m.group("no"):  # "(SOEPpapers on Multidisciplinary Panel Data Research Nr. 1134)": a paper series' number
        segs = relabel(segs, text, m.start("s"), m.start("no"), "genre")
        segs = relabel(segs, text, m.start("no"), m.start("n"), "skip")
        return relabel(segs, text, m.start("n"), m.end("s"), "number")
    return relabel(segs, text, m.start("s"), m.end("s"), "collection-title")


# German: "Title. Gutachten. Berlin: Bundesministerium der Finanzen."
_KIND_ALONE = re.compile(r"(?<=[.?!] )(?P<g>Gutachten|Expertise|Abschlussbericht|Endbericht|Zwischenbericht|Forschungsbericht|"
                         r"Kurzexpertise|Stellungnahme|Positionspapier|Diskussionspapier|Policy Paper)\.\s+(?=[A-ZÄÖÜ][\w\-]+(?:/[A-ZÄÖÜ][\w\-]+)*:\s)")


def kind_sentence(segs: list[Segment], text: str) -> list[Segment]:
    """'Planning for the Future. White Paper, August. London: MHCLG.': the genre and the month, not the title's;
    'Title. Gutachten. Berlin: BMF.': the genre alone."""
    a = _KIND_ALONE.search(text) if not any(s.label == "genre" for s in segs) else None
    inside = [s for s in segs if a and s.start < a.end("g") and a.start("g") < s.end]
    if a and inside and all(s.label in ("title", "note", "publisher", "container-title", "collection-title") for s in inside):
        return relabel(segs, text, a.start("g"), a.end("g"), "genre")
    m = _KIND_SENTENCE.search(text) if ", " in text else None
    if m is None or any(s.label == "genre" for s in segs):
        return segs
    inside = [s for s in segs if s.start < m.end("g") and m.start("g") < s.end]
    if not inside or inside[0].label not in ("title", "note", "publisher", "container-title", "location"):
        return segs
    segs = relabel(segs, text, m.start("g"), m.end("g"), "genre")
    return relabel(segs, text, m.start("d"), m.end("d"), "date")


def report_parts(segs: list[Segment], text: str, low: str) -> list[Segment]:
    """Report numbers get a label of their own ("number"): '(No. W31877; BLR Working Paper Series)',
    '(BLR Working Paper Series; Report no.: W31877)', 'Working paper nos.: 2021-07', a lone code
    such as 'NAB-23/114' where a container, place or pages would be; '[Working paper]. Cape Town:'
    gives its place back."""
    if not re.search(r"\d", text):
        return segs
    for m in _BRACKET_GROUP.finditer(text) if "(" in text else ():
        for num, other in (("a", "b"), ("b", "a")):
            nm = _NUMBER_PHRASE.fullmatch(m.group(num).strip())
            if nm and re.search(r"(?i)\b(?:series|papers?|reports?|reihe|studies|notes)\b", m.group(other)) and (
                    nm.group("g") or re.search(r"[A-Za-z\-/]", nm.group("n")) or
                    re.search(r"(?i)\b(?:paper|report|brief)", m.group(other))):  # not "Lecture Notes in X; no. 214"
                n0 = m.start(num) + (len(m.group(num)) - len(m.group(num).lstrip())) + nm.start("n")
                segs = relabel(segs, text, m.start(other), m.end(other), "collection-title")
                g0 = m.start(num) + (len(m.group(num)) - len(m.group(num).lstrip()))
                w0 = g0 + nm.end("g") if nm.group("g") else g0
                segs = relabel(segs, text, w0, n0, "skip")  # "No.", "no.:"
                if nm.group("g"):
                    segs = relabel(segs, text, g0 + nm.start("g"), g0 + nm.end("g"), "genre")
                segs = relabel(segs, text, n0, n0 + len(nm.group("n")), "number")
                break
    for s in list(segs):
        if s.label == "genre":
            gm = _GENRE_BRACKET_TAIL.search(s.text)
            if gm:
                segs = relabel(segs, text, s.start + gm.start("place"), s.end, "location")
    if any(s.label == "number" for s in segs):
        return segs
    coded = any(k in low for k in ("paper", "report", "brief", "note", "rapport", "bericht", "release", "arbeitspapier", "contribution", "insight",
                                   "gutachten", "tabelle", "aktuell", "studie", "analyse", "papier", "standpunkt", "kompakt",
                                   "pap.", "drucksache", "drs.", "drucks.", "icpsr"))
    for m in _GENRE_CODE.finditer(text) if coded else ():  # "Working paper 2021–07. Cape Town:", "Report NAB-23/114."
        inside = [s for s in segs if s.start <= m.start("n") < s.end]
        if re.fullmatch(r"(?:1[5-9]|20)\d\d", m.group("n")) and not re.search(r"(?i)n[or]", text[m.end("g"):m.start("n")]):
            continue  # "Digital News Report 2019 – Ergebnisse", "Pflege-Report 2019.": a year, not a report number
        if inside and (inside[0].label in ("genre", "title", "note", "publisher", "location", "date", "pages") or
                       inside[0].label == "container-title" and re.search(r"(?i)drucksache|drs\.", m.group("g")) or
                       inside[0].label == "volume" and re.search(r"(?i)pap\.|drucksache|drs\.|icpsr", m.group("g")) or
                       inside[0].label == "volume" and re.search(r"(?i)report|pressemitteilung|press release", m.group("g")) and
                       not re.search(r"\b[Ii]n:?\s", text[:m.start()]) or  # (not a journal: "IMK Report Nr. 152")
                       (inside[0].label == "volume" or inside[0].label in ("container-title", "journal") and
                        not re.search(r"\w", text[inside[0].start:m.start("g")])) and re.search(
                           r"(?i)(?:working|discussion|staff|policy|research)\s+(?:paper|report|note|brief)", m.group("g"))
                       and not re.search(r"\b[Ii]n:?\s", text[:m.start()])):  # "BIS Working Papers No. 745, Bank for ..."
            segs = relabel(segs, text, m.start("g"), m.end("g"), "genre")
            segs = relabel(segs, text, m.end("g"), m.start("n"), "skip")  # " No. ", " nos.: "
            segs = relabel(segs, text, m.start("n"), m.end("n"), "number")
            after = [s for s in segs if s.start >= m.end("n")]
            fm = re.fullmatch(r"[\s.,]*([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)\s*", after[0].text) if after else None
            if fm and len(after) >= 2 and after[1].label in ("location", "publisher"):
                pm = re.match(r"\s*[A-Z][\w'’.\- ]{0,30}?:", after[1].text) if after[1].label == "publisher" else None
                end = after[1].start + pm.end() if pm else after[1].end if after[1].label == "location" else None
                if end is not None:  # "Working paper 2021–07. Cape | Town: Institute ..."
                    segs = relabel(segs, text, after[0].start + fm.start(1), end, "location")
            elif after and after[0].label == "genre" and not any(s.label == "publisher" for s in segs):
                pm = re.fullmatch(r"[\s.,]*([A-Z][\w'’&.\- ]{1,60}?)[\s.,]*", after[0].text)
                if pm:  # "discussion paper 14600, CEPR": the institution after the number
                    segs = relabel(segs, text, after[0].start + pm.start(1), after[0].start + pm.end(1), "publisher")
            return segs
    for m in _LONE_CODE.finditer(text):
        inside = [s for s in segs if s.start <= m.start() < s.end]
        if inside and inside[0].label in ("pages", "journal", "container-title", "location", "publisher", "note", "genre",
                                          "volume") and not (inside[0].label == "pages" and
                                                             re.fullmatch(r"[A-Z]?\d+|[espa]\d+", m.group("n"))) or \
                inside and inside[0].label == "title" and ("/" in m.group("n") and m.group("n")[:1].isupper() or
                                                           m.group("n").startswith(("Cm", "HC ", "COM", "SWD")) or
                                                           re.fullmatch(r"[A-Z]{1,4}-\d{3,}(?:-[A-Z]{1,3})?", m.group("n"))) and \
                re.fullmatch(rf"[\s.,]*(?:\d{{1,2}}\s+{MONTH_RE})?[\s.,]*", text[m.end():inside[0].end]):
            # ("Title. ST/ESA/SER.A/423.", "Title. COM(2014) 490 final, 18 July.": the title's last sentence)
            pm = re.search(r"(?i)\b(?:no|nr|nos)\.?\s*$", text[:m.start("n")])
            if pm:  # MLA's "no. w31877,"
                segs = relabel(segs, text, pm.start(), m.start("n"), "skip")
            segs = relabel(segs, text, m.start("n"), m.end("n"), "number")
            break
    return segs



_STANDARD = re.compile(r"(?P<title>(?:IEEE|IEC|ISO|ANSI|ASTM|IEEE/ISO/IEC)?\s*(?:Standard|Recommended Practice|Guide|"
                       r"Specification)\s+(?:for|on|of)\s+[^,]{3,200}?),\s+(?P<genre>(?:IEEE|ANSI|ASTM|ISO|IEC)(?:/IEC)?"
                       r"(?:\s+Std\.?)?)\s+(?P<n>[\w.\-:/]*\d[\w.\-:/]*)")
_PATENT = re.compile(r"(?P<genre>(?:U\.\s?S\.|US|European|EP|German|DE|WO|Japanese|JP|Chinese|CN|UK|GB)\s+Patent"
                     r"(?:\s+Application)?)(?:\s+No\.)?\s+(?P<n>[A-Z]{0,2}\s?\d[\d ,./]*\d(?:\s?[A-C]\d)?)")
_RFC = re.compile(r"(?<![\w-])(?P<genre>RFC|BCP|STD)\s+(?P<n>\d{1,5})\b")
_ISO = re.compile(r"(?<![\w-])(?P<genre>(?:ISO|IEC|ISO/IEC|DIN|EN|DIN EN|DIN EN ISO|BS|BS EN|NF|ASTM)(?:\s+[A-Z]{1,3})?)\s+"
                  r"(?P<n>\d{2,6}(?:-\d{1,3})?(?::\d{4})?)(?![\w-])")


def standards(segs: list[Segment], text: str) -> list[Segment]:
    """Standards, patents and RFCs: 'IEEE Standard for Ethernet, IEEE Std 802.3-2018' is a title, a genre and a
    number (not a person named Ethernet); 'U.S. Patent 3 138 743' a genre and a number, not volume and pages."""
    if not re.search(r"Standard|Std|Patent|RFC|BCP|ISO|IEC|DIN|ASTM|Recommended|Specification", text):
        return segs
    m = _STANDARD.search(text)
    if m:
        segs = relabel(segs, text, m.start("title") + len(m.group("title")) - len(m.group("title").lstrip()),
                       m.end("title"), "title")
        segs = relabel(segs, text, m.start("genre"), m.end("genre"), "genre")
        return relabel(segs, text, m.start("n"), m.end("n"), "number")
    for rx in (_PATENT, _RFC, _ISO):
        m = rx.search(text)
        if m and not any(s.label in ("volume", "journal") and s.start < m.start() for s in segs):
            inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
            if rx is _ISO and any(s.label == "title" and s.start < m.start() for s in inside):
                continue  # a standard named inside a title ("Applying ISO 9001 in ...")
            segs = relabel(segs, text, m.start("genre"), m.end("genre"), "genre")
            return relabel(segs, text, m.start("n"), m.end("n"), "number")
    return segs


# APA's "[Doctoral dissertation, University of X]. ProQuest." and its kin in other languages
_THESIS_BRACKET = re.compile(
    r"\[(?P<genre>[^,\[\]]{0,40}?(?:[Tt]hesis|[Dd]issertation|[Pp]roefschrift|[Tt]esis|[Tt]hèse|[Tt]ese|[Dd]oktorarbeit|"
    r"[Dd]iplomarbeit|[Mm]asterarbeit|[Hh]abilitationsschrift|[Mm]émoire)[^,\[\]]{0,20}),\s*(?P<school>[^\[\]]{3,120})\]"
    r"(?:[.,]\s+(?P<archive>[A-Z][^.()\[\]]{2,60}?)\.?\s*(?=$|https?://|doi))?")


# German theses: "Der deutsche Künstlerroman, Diss. Freiburg i. Br. 1922.", "..., Diss. phil. Univ. Frankfurt am Main 1924."
_DISS = re.compile(r"(?:(?<=[,.] )|(?<=\[))(?P<genre>(?:[Uu]nveröffentlichte\s)?(?:Diss|Habil|Habil\.-Schr|Dissertation|Habilitationsschrift|Magisterarbeit|"
                   r"Masterarbeit|Diplomarbeit|Lizentiatsarbeit|Bachelorarbeit|Zulassungsarbeit|Staatsexamensarbeit|Doktorarbeit)\.?"
                   r"(?:\s(?:phil|rer\.\s?(?:pol|nat|soc|oec)|jur|med|theol|oec)\.)?)"
                   r"(?:,?\s+(?P<school>(?:Univ\.|[\w\-]*Universität|TU|FU|HU|LMU|Pädagogische Hochschule|Hochschule)\s[^,\d()]{2,50}?)(?=\s+(?:1[5-9]|20)\d\d|,|\.?\s*$))?"
                   r"(?=\s|,|\.?$)")


_UNPUBLISHED = re.compile(r"\b(?:[Uu]npublished|[Uu]nveröff\.)(?=\s+(?:[A-Z][\w.']*\s+)?(?:[Tt]hesis|[Dd]issertation|[Mm]anuscript|"
                          r"[Rr]eport|[Pp]aper|Masterarbeit|Magisterarbeit|Diplomarbeit|Bachelorarbeit|Staatsexamensarbeit|Habilitationsschrift))")


def thesis_word(segs: list[Segment], text: str) -> list[Segment]:
    """'..., Diss. Freiburg i. Br. 1922': the kind of thesis (and its university) after the title;
    'Title Unpublished PhD thesis': the title stops before 'Unpublished' (kept as a note)."""
    for u in _UNPUBLISHED.finditer(text) if "npublished" in text or "nveröff" in text else ():
        inside = [s for s in segs if s.start <= u.start() < s.end]
        if inside and inside[0].label == "title" and not text[u.end():inside[0].end].strip(" .,"):
            segs = relabel(segs, text, u.start(), u.end(), "note")
    m = _DISS.search(text) if ("Diss" in text or "Habil" in text or "arbeit" in text) else None
    if not m:
        return segs
    inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
    if not inside or any(s.label not in ("title", "note", "publisher", "location", "genre", "container-title", "author")
                         for s in inside):
        return segs
    segs = relabel(segs, text, m.start("genre"), m.end("genre"), "genre")
    lead = next((s for s in segs if s.label == "author" and s.end <= m.start("genre") + 1), None)
    t = re.match(r"\s*[^,]{2,40},\s*(?:[A-ZÀ-Þ][\w'’\-]*\.?\s?){1,3},\s+(?P<title>[^\d]{3,}?),?\s*$", lead.text) if lead else None
    if t and lead and not any(s.label == "title" for s in segs):  # "Lenz, P., | Der Bauernroman, | Diss.": the names took it
        segs = relabel(segs, text, lead.start + t.start("title"), lead.start + t.end("title"), "title")
    if m.group("school"):
        segs = relabel(segs, text, m.start("school"), m.end("school"), "publisher")
    return segs


# MHRA's "(unpublished doctoral thesis, University of Oxford, 2004)"
_THESIS_PARENS = re.compile(r"\((?P<un>[Uu]npublished\s+)?(?P<genre>(?:doctoral|PhD|Ph\.\s?D\.|DPhil|D\.\s?Phil\.|MPhil|M\.\s?Phil\.|MA|"
                            r"M\.A\.|MSc|master['’]s|BA|honours|undergraduate)\s+(?:thesis|dissertation)),\s+"
                            r"(?P<school>[^,()]{3,80}?),\s+(?P<year>(?:1[5-9]|20)\d\d)\)")


def thesis_parens(segs: list[Segment], text: str) -> list[Segment]:
    m = _THESIS_PARENS.search(text) if "thesis" in text or "dissertation" in text else None
    if not m:
        return segs
    if m.group("un"):
        segs = relabel(segs, text, m.start("un"), m.end("un"), "note")
    segs = relabel(segs, text, m.start("genre"), m.end("genre"), "genre")
    segs = relabel(segs, text, m.start("school"), m.end("school"), "publisher")
    return relabel(segs, text, m.start("year"), m.end("year"), "date")


def thesis_bracket(segs: list[Segment], text: str) -> list[Segment]:
    """'Title [Proefschrift, Universiteit Leiden]. Leiden Repository.': the kind of thesis, the school,
    and the archive that holds it (not one publisher 'Universiteit Leiden]. Leiden Repository')."""
    m = _THESIS_BRACKET.search(text) if "[" in text else None
    if not m:
        return segs
    segs = relabel(segs, text, m.start(), m.start("genre"), "skip")
    segs = relabel(segs, text, m.start("genre"), m.end("genre"), "genre")
    segs = relabel(segs, text, m.start("school"), m.end("school"), "publisher")
    segs = relabel(segs, text, m.end("school"), m.end("school") + 1, "skip")
    if m.group("archive"):
        segs = relabel(segs, text, m.start("archive"), m.end("archive"), "archive")
    return segs
