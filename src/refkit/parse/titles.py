"""Where a title ends, when the tagger cut it at a mark that does not end titles.

* A quoted word inside a title ('Finding “meaning” in psychology: A lay theories approach ...') does
  not end it: a title that stops at its own inner closing quote runs on to the end of its sentence.
* A German ordinal ('im 19. Jahrhundert') does not end a title.
* In a book ending 'Place: Publisher' and in nothing, the sentences before the place are the
  subtitle ('Title. Soziogenetische Untersuchungen. 2 Bde. Frankfurt a.M.: Suhrkamp.').
* ', in:' after a quoted title opens the container ('„Title“, in: Frankfurter Allgemeine, 14.8.2011').

Editors, translators, series and volumes named around a title are in :mod:`refkit.parse.works`.
Pure functions over segments (``tagger.Segment``); :func:`spans.relabel` does the cutting.
"""

from __future__ import annotations

import re

from refkit.parse.fields import MONTH_RE
from refkit.parse.lexicon import NEWSPAPER_WORDS
from refkit.parse.publication import PLACE_WORDS
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

_OPEN = {"”": "“", "\"": "\"", "»": "«", "’": "‘", "“": "„"}
_SENTENCE_END = re.compile(r"[.?!](?=\s+[\"“«‘(\[]?[A-Z0-9]|\s*$)")

def inner_quote(segs: list[Segment], text: str) -> list[Segment]:
    """A title cut right after a quoted word of its own runs on to the end of its sentence."""
    for i, s in enumerate(segs[:-1]):
        if s.label != "title":
            continue
        body = s.text.strip()
        close = body[-1:] if body else ""
        if close not in _OPEN or body[:1] in (_OPEN[close], close) or _OPEN[close] not in body[:-1]:
            continue
        nxt = segs[i + 1]
        if not re.match(r"\s*[a-zà-ÿ]", nxt.text):  # "… “meaning” in psychology": the sentence goes on
            continue
        m = _SENTENCE_END.search(text, s.end)
        if m and m.end() > s.end:
            end = m.end()
            if any(o.label in ("volume", "pages", "date", "doi", "url") for o in segs[i + 1:] if o.start < end):
                end = nxt.start + len(nxt.text.rstrip(" ,;"))  # "“business as usual” story is misleading, Nature, 577,"
            return relabel(segs, text, s.start, end, "title")
    return segs


_QUOTE_THEN = re.compile(r"\s*(?P<o>[“\"«‘„])(?P<body>[^“”\"«»]{3,300}?)(?P<c>[”\"»’“])(?P<p>[.,;:]?)\s+(?=\S)")


def article_word(segs: list[Segment], text: str) -> list[Segment]:
    """Historians' encyclopedia entries, 'Werner Conze, Art. „Stand, Klasse“, in: ...': 'Art.' is no part of the title."""
    m = re.search(r"(?<=[,.:] )Art\.\s+(?=[„“\"«]|[A-ZÄÖÜ][^,]{2,80},\s+in:?\s)", text) if "Art." in text else None
    return relabel(segs, text, m.start(), m.end(), "skip") if m else segs


def quote_ends_title(segs: list[Segment], text: str) -> list[Segment]:
    """'“Why We’re in a New Gilded Age.” Review of Capital ..., by T. Piketty.' taken as one title: a
    title that opens with a quote ends where the quote closes on a stop inside or a comma after (not
    '„Title“. Subtitle', a German title and its subtitle); the rest is a note."""
    for s in segs:
        m = _QUOTE_THEN.match(s.text) if s.label == "title" else None
        if not m or _OPEN.get(m.group("c")) != m.group("o") or not (m.group("p") == "," or m.group("body")[-1:] in ".,!?"):
            continue
        rest = s.text[m.end():]
        if len(rest.strip(" .,;")) >= 3 and m.group("o") not in rest and m.group("c") not in rest:
            return relabel(segs, text, s.start + m.end(), s.end, "note")
    return segs


_CLOSE_SINGLE = re.compile(r"(?<=\S)['’](?=[,.;:]?(?:\s|$))")


def apostrophe_in_title(segs: list[Segment], text: str) -> list[Segment]:
    """A title in single quotes cut at an apostrophe ('A New Model of Social Class? Findings from the BBC's |
    Great British Class Survey Experiment', Sociology): it runs on to its closing quote."""
    for i, s in enumerate(segs[:-1]):
        body = s.text.strip()
        if s.label != "title" or body[:1] not in ("'", "‘") or _CLOSE_SINGLE.search(body[1:]):
            continue
        m = _CLOSE_SINGLE.search(text, s.end)
        if m and m.end() - s.end < 200 and all(o.label in ("journal", "container-title", "publisher", "note", "author",
                                                           "location", "title")
                                               for o in segs[i + 1:] if o.start < m.end()):
            return relabel(segs, text, s.start, m.end(), "title")
    return segs


_QUOTED = re.compile(r"(?<=[.,:] )(?P<q>“[^“”]{3,250}”|\"[^\"]{3,250}\")")


def quoted_title(segs: list[Segment], text: str) -> list[Segment]:
    """A reference with no title but a quoted sentence inside another field ('The Atlantic Review.
    “Machine and Pricing in Wind.” July 16, 2025.', a periodical printed first): the quotes hold the title."""
    if any(s.label == "title" for s in segs):
        return segs
    for s in segs:
        if s.label in ("container-title", "journal", "note", "publisher", "collection-title"):
            m = _QUOTED.search(text, s.start, s.end)
            if m:
                return relabel(segs, text, m.start("q"), m.end("q"), "title")
    return segs


_QUOTE_IN = re.compile(r"(?:(?<=[“”\"»«’']),\s+(?P<in>(?:in|In|dans|Dans|en|En):?)|,\s+(?P<in2>in:))\s+"
                       r"(?P<box>[A-ZÀ-Þ][^,]{2,150}?)(?=,\s|\s+vom\s|[,.]?\s*$)")


_IN_NOTE = re.compile(r"\s*(?P<in>[Ii]n:)\s+(?P<box>[A-ZÀ-Þ][^,\d]{1,100}?)(?:,\s+(?P<num>(?:Heft|H\.|Nr\.|Jg\.|Bd\.)\s*\d[\d/]*))?"
                      r"(?=,|\s+vom\s|\s*$)")


def lone_in(segs: list[Segment], text: str) -> list[Segment]:
    """'In:' tagged on its own (as a journal before 'Der Standard,'): a word that opens the container."""
    for s in segs:
        if s.label not in ("skip", "container-title") and re.fullmatch(r"\s*(?:In|in|Dans|dans|Im|im)\s*:\s*", s.text):
            return relabel(segs, text, s.start, s.end, "skip")
    return segs


def in_mid_title(segs: list[Segment], text: str) -> list[Segment]:
    """'Bildung | in der Coronakrise: Wie ... die Deutschen? ifo Schnelldienst,': a lower-case 'in' and an
    article straight after a title word is the title going on, to the last sentence end before the journal."""
    for i, s in enumerate(segs[1:], 1):
        prev = segs[i - 1]
        if s.label in ("container-title", "journal") and prev.label == "title" and re.search(r"[^\W\d]\s*$", prev.text) \
                and re.match(r"\s?in\s+(?:der|die|den|dem|des|einer|einem|the|a|an)\s", text[prev.end:s.end]):
            cut = [m.end() for m in re.finditer(r"[.?!](?=\s+\S)", s.text)]
            if cut:
                return relabel(segs, text, prev.start, s.start + cut[-1], "title")
    return segs


def in_note(segs: list[Segment], text: str) -> list[Segment]:
    """'In: WSI-Mitteilungen, Heft 4/2019,' or 'in: Frankfurter Allgemeine Zeitung vom 6.6.1986' left as a
    note: the journal or paper (and its issue)."""
    for s in segs:
        m = _IN_NOTE.match(s.text) if s.label == "note" else None
        if m:
            segs = relabel(segs, text, s.start + m.start("in"), s.start + m.end("in"), "skip")
            segs = relabel(segs, text, s.start + m.start("box"), s.start + m.end("box"), "container-title")
            if m.group("num"):
                segs = relabel(segs, text, s.start + m.start("num"), s.start + m.end("num"), "volume")
            return segs
    return segs


_ROLE_IN_BRACKETS = r"\((?:Hg|Hrsg|Hgg|eds?|Eds?|éds?|dir)\.?\)[,:]?"  # "(Hg.),", "(eds):"
_EDITOR_MARK = re.compile(rf"\s{_ROLE_IN_BRACKETS}\s")
_EDITOR_THEN_BOOK = re.compile(rf"\s{_ROLE_IN_BRACKETS}\s+(?P<book>[A-ZÄÖÜ„“\"][^()]{{3,}})$")


def editors_in_container(segs: list[Segment], text: str) -> list[Segment]:
    """'in: Bundeszentrale für politische Bildung (Hg.), Dossier ...' read as one container: what
    stands before '(Hg.)' are the editors; so are AAA's given-first names before ', ed.' after the book
    ('In Toward an Anthropology of Women. Rayna R. Reiter, ed. Pp. 157–210.')."""
    for s in segs:
        m = _EDITOR_MARK.search(s.text) if s.label == "container-title" else None
        if m and m.start() > 3 and not re.search(r"[.:]\s", s.text[:m.start()].lstrip("Ii n:")):
            lead = re.match(r"\s*(?:[Ii]n:?\s+)?", s.text)
            a = s.start + (lead.end() if lead else 0)
            segs = relabel(segs, text, a, s.start + m.end(), "editor")
            return segs
    for i, s in enumerate(segs[1:], 1):  # "in: Bundeszentrale für politische Bildung | (Hg.), | Dossier"
        prev = segs[i - 1]
        if s.label == "editor" and re.fullmatch(rf"\s*{_ROLE_IN_BRACKETS}\s*", s.text) and \
                prev.label == "container-title" and not re.search(r"[.:]\s", prev.text.strip().lstrip("Ii n:")):
            lead = re.match(r"\s*(?:[Ii]n:?\s+)?", prev.text)
            return relabel(segs, text, prev.start + (lead.end() if lead else 0), s.end, "editor")
    for s in segs:  # "In: Sack, F./König, R. (Hg.): Kriminalsoziologie. Frankfurt a. M.": the book after the role
        m = _EDITOR_THEN_BOOK.search(s.text) if s.label == "editor" else None
        if m:
            return relabel(segs, text, s.start + m.start("book"), s.end, "container-title")
    for m in _AAA_EDITORS.finditer(text) if ", ed" in text else ():  # AAA's "In Book Title. Rayna R. Reiter, ed. Pp."
        inside = [o for o in segs if o.start < m.end("names") and m.start("names") < o.end]
        if inside and inside[0].label == "container-title" and all(o.label in ("container-title", "editor") for o in inside):
            return relabel(segs, text, m.start("names"), m.end(), "editor")
    return segs


# "in: WerkstattGeschichte, H. | 35 (2003)": one or two words after "in:", with no role word and no
# initial, followed by a number, name a journal, not its editors
_JOURNAL_AS_EDITOR = re.compile(r"\s*(?P<lead>[Ii]n:?\s+)?(?P<box>[A-ZÄÖÜ][\w\-]{3,}(?:\s+[A-ZÄÖÜ][\w\-]{3,})?)"
                                r"(?:,\s*(?:H\.|Heft|Nr\.|Jg\.|Bd\.|No\.|Vol\.)?)?\s*$")


def journal_not_editor(segs: list[Segment], text: str) -> list[Segment]:
    """'in: WerkstattGeschichte, H. | 35 (2003), S. 23–43': a lone word after 'in:', then the numbers, is the journal."""
    for i, s in enumerate(segs[:-1]):
        m = _JOURNAL_AS_EDITOR.match(s.text) if s.label == "editor" else None
        if m is None or not (m.group("lead") or i and segs[i - 1].label == "skip" and segs[i - 1].text.strip().lower() == "in:"):
            continue
        if segs[i + 1].label in ("volume", "pages") and not any(o.label in ("journal", "container-title") for o in segs):
            segs = relabel(segs, text, s.start + m.start("box"), s.end, "journal")
            word = re.search(r"[A-Z][a-z]*\.?\s*$", s.text[m.end("box"):])
            if word:  # ", H.": the word goes with its number
                segs = relabel(segs, text, s.end - len(word.group(0)), s.end, "volume")
            return relabel(segs, text, s.start, s.start + m.start("box"), "skip")
    return segs


_GIVEN_FIRST = r"(?:[A-Z][\w'’\-]*\.?\s+){1,3}[A-Z][\w'’\-]+"
_AAA_EDITORS = re.compile(rf"(?<=\.\s)(?P<names>{_GIVEN_FIRST}(?:(?:,\s*|\s+and\s+|,\s+and\s+){_GIVEN_FIRST})*),\s+eds?\.")


def quoted_title_in(segs: list[Segment], text: str) -> list[Segment]:
    """'„Ich beginne zu glauben …“, in: Frankfurter Allgemeine, 14.8.2011': after a quoted title, ', in:'
    opens the container (historians' style), even when the tagger ran the title on; and when the
    tagger began the container early ('Title. Subtitle | in der Zeit, in: Die Zeit'), what stands
    before ', in:' ends the title."""
    for i, s in enumerate(segs[1:], 1):
        k = s.text.find(", in: ") if s.label == "container-title" else -1
        if k > 0 and segs[i - 1].label == "title" and not re.match(r"\s*[Ii]n:\s", s.text):
            segs = relabel(segs, text, s.start, s.start + k, "title")
            return relabel(segs, text, s.start + k + 2, s.start + k + 6, "skip")
        dm = re.search(r"(?<=[^\W\d]{3}\.)\s+In:\s", s.text) if s.label in ("container-title", "journal") else None
        if dm and segs[i - 1].label == "title" and len(s.text[:dm.start()].split()) <= 12:
            segs = relabel(segs, text, s.start, s.start + dm.start(), "title")  # "Title. Einführung. | In: Journal"
            return relabel(segs, text, s.start + dm.start(), s.start + dm.end(), "skip")
    for s in segs:
        m = _QUOTE_IN.search(s.text) if s.label == "title" else None
        if m:
            g = "in" if m.group("in") else "in2"
            segs = relabel(segs, text, s.start + m.start(g), s.start + m.end(g), "skip")
            return relabel(segs, text, s.start + m.start("box"), s.start + m.end("box"), "container-title")
    return segs


_EDITORS_AFTER_IN = re.compile(r"(?P<names>[A-ZÄÖÜ][^:()]{2,160}?)\s*(?P<role>\((?:Hg|Hrsg|Hgg|eds?|Eds?)\.?\))[:,]?\s+(?=\S)")
_COMMA_IN = re.compile(r",\s+in:\s+(?=\S)")
_BOX_END = re.compile(r",\s*(?=\d|(?:H|Nr|Jg|Bd|Heft|Vol|No)\.?\s*\d)|\s\((?:1[5-9]|20)\d\d\)")
_TITLE_LIKE = ("title", "location", "publisher", "note", "container-title", "journal", "genre", "collection-title")


def comma_in(segs: list[Segment], text: str) -> list[Segment]:
    """Historians' 'Hans Günter Hockerts, Zeitgeschichte in Deutschland. Begriff, Methoden, Themenfelder,
    in: Aus Politik ...': ', in:' ends the title, whatever the tagger made of its sentences, and the
    words after it (up to the editors, numbers or place) are the container ('in: ders., Vergangene Zukunft')."""
    m = _COMMA_IN.search(text) if ", in: " in text else None
    t = next((s for s in segs if s.label == "title"), None)
    if m is None or t is None or t.start >= m.start():
        return segs
    if any(s.label not in _TITLE_LIKE for s in segs if s.start < m.start() and s.end > t.start):
        return segs
    holder = next((s for s in segs if s.start <= m.start() + 2 < s.end), None)
    segs = relabel(segs, text, t.start, m.start() + 1, "title")
    ed = _EDITORS_AFTER_IN.match(text, m.end())
    if ed:  # "in: Brunner, Otto/Conze, Werner (Hg.): Geschichtliche Grundbegriffe. ..., Bd. 3, Stuttgart 1982"
        segs = relabel(segs, text, m.start() + 1, m.end(), "skip")
        segs = relabel(segs, text, ed.start("names"), ed.start() + len(ed.group(0).rstrip()), "editor")
        end = next((s.start for s in segs if s.start >= ed.end() and s.label in (
            "location", "volume", "date", "pages", "edition", "editor", "translator", "url", "doi", "skip", "accessed")), len(text))
        if any(s.label == "url" for s in segs):  # ("..., online unter: URL": the words before the link are none of the book's)
            lw = re.search(r",?\s+(?:online|abrufbar|verfügbar|available)\b[^,]*$", text[ed.end():end], re.I)
            end = ed.end() + lw.start() if lw else end
        return relabel(segs, text, ed.end(), end, "container-title") if end > ed.end() + 3 else segs
    if holder is None or holder.label not in _TITLE_LIKE[:4]:
        return segs  # "in: Patrick Emmenegger, ... (eds)": the editors' step reads the rest
    segs = relabel(segs, text, m.start() + 1, m.end(), "skip")
    k = next((i for i, s in enumerate(segs) if s.start >= m.end()), None)
    if k is None or segs[k].label not in ("title", "location", "publisher", "note", "journal"):
        return segs
    box = segs[k]
    cut = _BOX_END.search(box.text)
    numbered = cut is not None or k + 1 < len(segs) and segs[k + 1].label == "volume"
    segs = relabel(segs, text, box.start, box.start + cut.start() if cut else box.end, "journal" if numbered else "container-title")
    if cut:  # "Mittelweg 36, | 17. Jg. (2008), H.": the numbers stay for the numbering steps
        iy = re.match(r"[\s,]*\d{1,3}(?:\s*[-\u2013]\s*\d{1,3})?\s*/\s*(?:1[5-9]|20)\d\d(?=[\s,.]*$)", box.text[cut.start():])
        if iy:  # "„Blätter …“, 3/2015,": the issue of that year
            segs = relabel(segs, text, box.start + cut.start(), box.start + cut.start() + iy.end(), "volume")
        return segs
    letter = re.search(r"\s[A-Z]\s*$", box.text) if numbered else None
    if letter:  # "Aus Politik und Zeitgeschichte B | 29–30": the letter goes with the number
        segs = relabel(segs, text, box.start + letter.start() + 1, box.end, "volume")
    return segs


_ORDINAL_NOUN = re.compile(r"\b\d{1,2}\.\s+(?:Jahrhunderts?|Jh\.|Geburtstags?|Jahrestags?|Wahlperiode|Legislaturperiode|"
                           r"Kongress(?:es)?|Parteitags?|Tagung|Sitzung|Bundestags?|Internationalen|Deutschen|"
                           r"Europäischen|siècle|secolo|siglo)\b")


def ordinal_in_title(segs: list[Segment], text: str) -> list[Segment]:
    """'Klassenbildung im 19. Jahrhundert, Bonn': a German ordinal's full stop ends no title."""
    for m in _ORDINAL_NOUN.finditer(text) if "." in text else ():
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if len(inside) >= 2 and inside[0].label == "title" and inside[0].start < m.start():
            segs = relabel(segs, text, inside[0].start, m.end(), "title")
    return segs


def book_subtitle(segs: list[Segment], text: str) -> list[Segment]:
    """'Über den Prozeß der Zivilisation. | Soziogenetische und psychogenetische Untersuchungen. | 2 Bde.
    Frankfurt a.M.: Suhrkamp.': in a book that ends 'Place: Publisher' and is in nothing ('In:'), the
    sentences between the title and the place are the subtitle, not a journal or a place."""
    if re.search(r"(?:^|[.,;]\s+)(?:In|Im|Dans|En)\b|[.,;]\s+(?:in|im)\s+[A-ZÀ-Þ]|\b(?:[Ii]n|[Ii]m):\s", text) or len(segs) < 4:
        return segs
    for i, s in enumerate(segs[1:], 1):  # "Bielefeld | : | wbv": the colon left alone is the place's
        if s.text.strip() == ":" and segs[i - 1].label == "location" and s.label != "location":
            segs = relabel(segs, text, segs[i - 1].start, s.end, "location")
            break
    k = next((i for i in range(len(segs) - 1) if segs[i].label == "location" and segs[i].text.rstrip().endswith(":")
              and segs[i + 1].label == "publisher"), None)
    t = next((i for i, s in enumerate(segs) if s.label == "title"), None)
    if k is None:  # historians' "..., München 2001.": the place and the year end the book
        k = next((i for i in range(1, len(segs) - 1) if segs[i].label == "location" and segs[i + 1].label == "date"
                  and text[:segs[i].start].rstrip().endswith(",") and not any(x.text.strip(" .") for x in segs[i + 2:])
                  and not segs[i].text.rstrip().endswith(",") and not re.search(r"[()]", text[segs[i - 1].start:])), None)
        if k is not None and t is not None and t < k and ", " in segs[k].text.strip():
            loc = segs[k]  # "Lotsen, Händler, München": the last part is the place
            cut = loc.start + loc.text.rstrip().rfind(", ") + 2
            segs = relabel(segs, text, loc.start, cut, "publisher")
            k += 1
        if k is not None and t is not None and t < k - 1:
            run = segs[t + 1:k]  # "Saisonarbeiter, Zwangsarbeiter, Gastarbeiter, Flüchtlinge, | München 2001"
            words = text[run[0].start:run[-1].end].rstrip(" ,").split()
            if all(o.label in ("publisher", "container-title", "journal", "location") and not re.search(r"\d", o.text)
                   for o in run) and (len(words) >= 4 or "," in text[run[0].start:run[-1].end].rstrip(" ,")):
                return relabel(segs, text, segs[t].start, run[-1].start + len(run[-1].text.rstrip(" ,")), "title")
            # (a lone short name there, "Kessler, Göttingen 2004", is the publisher)
        return segs
    if k is None or t is None or t >= k or any(s.label in ("volume", "pages") and s.text.strip(" .,;") for s in segs[k:]) or \
            any(s.label == "editor" for s in segs[t:]) or segs[t].text.lstrip()[:1] in "“\"‘'«„":
        return segs  # an edited book's or a quoted title is a part of something
    j = t + 1
    while j < k and (segs[j].label in ("journal", "container-title") or segs[j].label == "collection-title" and
                     not re.search(r"\d", segs[j].text) or segs[j].label == "note" and
                     re.fullmatch(r"[^\W\d][^\d\[\]()]{2,150}", segs[j].text.strip()) and
                     not re.match(r"(?i)(?:neudruck|nachdruck|reprint|repr\.|unveränd|überarb|erw\.|aufl|ausg|übers|hrsg|hg\.|"
                                  r"ed\.|edited|translated|trans\.)", segs[j].text.strip())):
        j += 1  # (a note there too: "Demokratie. | Institutionen, Prozesse, Perspektiven. | 3., aktualisierte Aufl.")
    if j > t + 1:
        segs = relabel(segs, text, segs[t].start, segs[j - 1].end, "title")
        k -= j - t - 1
    place = segs[k]
    ends = list(re.finditer(r"\.\s+(?=[A-ZÀ-Þ])", place.text))
    if j == t + 1 and k == t + 1 and ends and "," in place.text[:ends[-1].start()]:  # "Ausgegrenzte, Entbehrliche. Hamburg:"
        segs = relabel(segs, text, segs[t].start, place.start + ends[-1].start() + 1, "title")
    return segs


def title_goes_on(segs: list[Segment], text: str) -> list[Segment]:
    """'Income and poverty in the United | States: 2019 (Current ...)': a title that ends on a bare word
    goes on into the "note" right after it."""
    for i, s in enumerate(segs[:-1]):
        nxt = segs[i + 1]
        if s.label == "title" and nxt.label == "note" and re.search(r"[^\W\d]$", s.text.rstrip()) and \
                not text[s.end:nxt.start].strip() and re.match(r"\s*[^\W_]", nxt.text) and \
                not re.search(r"(?i)https?:|www\.|\baccess|\bretriev", nxt.text):
            return relabel(segs, text, s.start, nxt.start + len(nxt.text.rstrip(" .,;")), "title")
    return segs


def place_in_title(segs: list[Segment], text: str) -> list[Segment]:
    """'(2021) Labour market overview, | UK: | March 2021.': a 'place' and a month after the title of a work
    dated before it are the end of the title (a colon before a date never introduces a publisher)."""
    for i, s in enumerate(segs[1:-1], 1):
        prev, nxt = segs[i - 1], segs[i + 1]
        if s.label == "location" and prev.label == "title" and nxt.label == "date" and \
                s.text.rstrip().endswith(":") and any(o.label == "date" for o in segs[:i - 1]) and \
                re.fullmatch(rf"\s*(?:{MONTH_RE}|Spring|Summer|Autumn|Fall|Winter)\s+(?:1[5-9]\d\d|20\d\d)[.,]?\s*", nxt.text):
            return relabel(segs, text, prev.start, nxt.start + len(nxt.text.rstrip(" .,")), "title")
    for i, s in enumerate(segs[1:], 1):  # "Grundgesetz. | Kommentar, | München": the kind of book ends its title
        gm = re.match(r"\s*(?:Kommentar|Großkommentar|Lehrbuch|Handbuch|Grundriss|Studienbuch|Leitfaden|Einführung)(?=\s*(?:[,.]|$))",
                      s.text) if s.label in ("location", "publisher") and segs[i - 1].label == "title" else None
        if gm:
            return relabel(segs, text, segs[i - 1].start, s.start + gm.end(), "title")
    if any(o.label in ("location", "publisher") for o in segs):
        return segs
    for i, s in enumerate(segs):
        m = re.search(r"(?:^|(?<=[,.?!]))\s*([A-ZÀ-Þ][\w'’.\- ]{1,30}?)\s*[,.]\s*$", s.text) if s.label == "title" else None
        after = next((o for o in segs[i + 1:] if o.label != "skip"), None)
        if m and after is not None and after.label in ("url", "accessed") and m.group(1).lower() in PLACE_WORDS:
            return relabel(segs, text, s.start + m.start(1), s.start + m.end(1), "location")  # "Title, München, https://..."
        m = re.search(r"(?<=[.?!])\s+([A-ZÀ-Þ][\w'’.\-]+(?:\s*/\s*[A-ZÀ-Þ][\w'’.\-]+)*)\s*:\s+(?P<pub>[^:.]{2,80}?)\.?\s*$",
                      s.text) if s.label == "title" else None
        if m and all(p.strip().lower() in PLACE_WORDS for p in m.group(1).split("/")):
            segs = relabel(segs, text, s.start + m.start(1), s.start + m.start("pub"), "location")  # "Title. Aarau: Publisher."
            return relabel(segs, text, s.start + m.start("pub"), s.start + m.end("pub"), "publisher")
    return segs


def title_from_container(segs: list[Segment], text: str) -> list[Segment]:
    """No title, and a journal or book title that is two sentences ('Generative Adversarial Nets.
    NeurIPS'): the first sentence is the title."""
    if any(s.label == "title" for s in segs):
        return segs
    for s in segs:
        if s.label in ("journal", "container-title"):
            m = re.match(r"\s*(?!In\b)(?P<t>[^.?!]{8,200}?[^\W\d_]{2}[.?!])\s+(?=[A-Z\d])", s.text)
            if m and len(m.group("t").split()) >= 3 and re.search(r"[A-Za-z]{2}", s.text[m.end():]):
                return relabel(segs, text, s.start + m.start("t"), s.start + m.end("t"), "title")
    return segs


def vancouver_tail(segs: list[Segment], text: str) -> list[Segment]:
    """Before Vancouver's '2020 Feb 20;382(8):727-33' come the title and the journal: '... in China, | 2019.
    | N Engl J Med.' keeps its year in the title, and '... in Wuhan, | China. Lancet.' is the title's end
    and the journal."""
    block = next((k for k, s in enumerate(segs) if s.label == "date" and text[s.start:s.end + 1].rstrip().endswith(";")
                  and k + 1 < len(segs) and segs[k + 1].label == "volume"), None)
    if block is None or block < 2:
        return segs
    for k in range(1, block):
        s, prev = segs[k], segs[k - 1]
        if s.label == "date" and prev.label == "title" and prev.text.rstrip().endswith(",") and \
                re.fullmatch(r"\s*(?:1[5-9]\d\d|20\d\d)\.?\s*", s.text):
            return relabel(segs, text, prev.start, s.start + len(s.text.rstrip(" .")), "title")  # "in China, 2019."
    before = segs[block - 1]
    if before.label == "location" and segs[block - 2].label == "title" and not any(o.label == "journal" for o in segs):
        m = re.match(r"(?P<end>.*?[^\W\d_]{2}\.)\s+(?P<journal>[A-Z][^.]*(?:\.\s?[A-Z][^.]*){0,4}\.?)\s*$", before.text)
        if m:  # "China. | Lancet."
            segs = relabel(segs, text, segs[block - 2].start, before.start + m.end("end") - 1, "title")
            return relabel(segs, text, before.start + m.start("journal"), before.start + m.end("journal"), "journal")
    return segs


# 'Title.” New York Times, January 4.', 'Title! Die Zeit, 20. Mai 2010.', 'In: Der Standard, 1.10.2019, 3.',
# 'Title. Die Zeit, S. 46.': a periodical's name, then a day and month (or only a page), ends the reference
_NEWS_DATE = (rf"(?:{MONTH_RE}\s+\d{{1,2}}(?:,\s+(?:1[5-9]|20)\d\d)?|\d{{1,2}}\.?\s+{MONTH_RE}(?:\s+(?:1[5-9]|20)\d\d)?|"
              r"\d{1,2}\.\s?\d{1,2}\.\s?(?:1[5-9]|20)\d\d)")
_NEWS_TAIL = re.compile(
    r"(?:(?<=[.?!”\"’] )|(?<=[’”\"'], )|(?<=\bIn: )|(?<=\bin: ))(?P<paper>(?:The |Die |Der |Le |La |El |Il |Het |De )?[A-ZÄÖÜ][\w&'’\-]*"
    r"(?: (?:[A-ZÄÖÜ][\w&'’\-]*|am|an|der|de|of|du))*),\s+"
    rf"(?:(?P<date>{_NEWS_DATE})(?:,\s+(?:S\.\s*|[Pp]p?\.\s*)?(?P<p1>[A-Z]?\d{{1,3}}(?:\s*[-–]\s*[A-Z]?\d{{1,3}})?))?|"
    r"(?:S\.|[Pp]p?\.)\s*(?P<p2>[A-Z]?\d{1,3}(?:\s*[-–]\s*[A-Z]?\d{1,3})?))[.,]?\s*$")


# Chicago's 'Coates. 2014. “The Case for Reparations.” Atlantic, June.': a magazine and its month after a quoted title
_MAGAZINE_MONTH = re.compile(rf"(?<=[”\"] )(?P<paper>(?:The )?[A-Z][\w&'’\-]*(?: [A-Z][\w&'’\-]*){{0,4}}),\s+"
                             rf"(?P<date>{MONTH_RE}(?:\s*[-/–]\s*{MONTH_RE})?)\.?\s*$")


# APA's online news: "(2017, August 7). Title. The New York Times. https://www.nytimes.com/..."
_NEWS_BEFORE_LINK = re.compile(r"(?<=[.?!] )(?P<paper>(?:The\s)?[A-Z][\w&'’\-]*(?:\s[A-Z][\w&'’\-]*){0,4})\.\s+(?=https?://)")


# "in: taz vom 14.09.2021, S. 3.", "in: Die Zeit vom 3. Mai 2001": a paper (its name in lower case too) "vom" its day
_PAPER_VOM = re.compile(rf"(?<=[Ii]n: )(?P<paper>[^\s,:]{{2,}}(?:\s[A-ZÄÖÜ][\w\-]+){{0,3}})\s+vom\s+(?P<date>{_NEWS_DATE})"
                        r"(?:,\s+(?:S\.\s*)(?P<p>\d{1,3}(?:\s*[-–]\s*\d{1,3})?))?\.?\s*$")


def newspaper_tail(segs: list[Segment], text: str) -> list[Segment]:
    """A newspaper or magazine and its day (and page) at the end of a reference, read as a publisher, a
    place or part of the title: the container, the date and the page."""
    pv = _PAPER_VOM.search(text) if " vom " in text else None
    if pv and all(s.label in ("note", "container-title", "journal", "publisher", "date", "pages", "location", "skip")
                  for s in segs if s.start < pv.end() and pv.start() < s.end):
        segs = relabel(segs, text, pv.start("paper"), pv.end("paper"), "container-title")
        segs = relabel(segs, text, pv.end("paper"), pv.start("date"), "skip")
        segs = relabel(segs, text, pv.start("date"), pv.end("date"), "date")
        return relabel(segs, text, pv.start("p"), pv.end("p"), "pages") if pv.group("p") else segs
    nm = _NEWS_BEFORE_LINK.search(text) if "http" in text else None
    if nm and NEWS_NAME_RE.search(nm.group("paper")) and not NEWS_NAME_RE.fullmatch(nm.group("paper")) and all(
            s.label in ("title", "note", "publisher") for s in segs if s.start < nm.end("paper") and nm.start() < s.end) and \
            any(s.label == "title" and s.start < nm.start() for s in segs):
        return relabel(segs, text, nm.start("paper"), nm.end("paper"), "container-title")
    mm = _MAGAZINE_MONTH.search(text) if text.rstrip(" .").endswith(tuple("abcdefghijklmnopqrstuvwxyz")) else None
    if mm and not _INSTITUTION.search(mm.group("paper")) and all(
            s.label in ("publisher", "location", "note", "container-title", "journal", "date")
            for s in segs if s.start < mm.end() and mm.start() < s.end):
        segs = relabel(segs, text, mm.start("paper"), mm.end("paper"), "container-title")
        return relabel(segs, text, mm.start("date"), mm.end("date"), "date")
    m = _NEWS_TAIL.search(text) if ("," in text and re.search(r"\d", text[-40:])) else None
    if not m or len(m.group("paper").split()) > 5 or not re.search(r"[a-zäöüß]{2}", m.group("paper")) or \
            _INSTITUTION.search(m.group("paper")):
        return segs  # "p. B4, Mar. 18": a page, not a paper; "University of Tehran, 5 Oct. 1992": a school
    if m.group("p2") and not NEWS_NAME_RE.search(m.group("paper")):
        return segs  # 'Title. Name, S. 46.' is a newspaper only when its name says so
    if m.start("paper") < 15 or any(s.label == "volume" or s.label == "journal" and not (
            s.start < m.end("paper") and m.start("paper") < s.end) for s in segs):
        return segs
    segs = relabel(segs, text, m.start("paper"), m.end("paper"), "container-title")
    before = [s for s in segs if s.end <= m.start("paper")]
    if not any(s.label == "title" for s in before) and before and before[-1].label in ("publisher", "note"):
        segs = relabel(segs, text, before[-1].start, before[-1].end, "title")  # "(2018, 26. April). Title. Die Zeit"
    p = "p1" if m.group("p1") else "p2"
    if m.group(p):
        segs = relabel(segs, text, m.end("paper"), m.start(p), "skip")
    if m.group("date"):
        segs = relabel(segs, text, m.start("date"), m.end("date"), "date")
    for g in ("p1", "p2"):
        if m.group(g):
            segs = relabel(segs, text, m.start(g), m.end(g), "pages")
    return segs


_INSTITUTION = re.compile(r"(?i)\b(?:universit\w*|institut\w*|college|school|press|verlag|department|ministry|office|"
                          r"bureau|foundation|council|society|association|library|museum|archives?|hospital|center|centre)\b")
NEWS_NAME_RE = re.compile(rf"(?i)\b(?:{NEWSPAPER_WORDS}|journal)\b")
