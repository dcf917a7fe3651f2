"""Where one field ends and the next begins: corrections to the tagger's segment boundaries.

:func:`fix_boundaries` runs after the identifier and web patterns of :mod:`refkit.parse.refine`:

* names end before the title (the rules live in :mod:`refkit.parse.name_edges` and
  :mod:`refkit.parse.name_lists`: 'Okafor, A. N. & Dryland Observatory Network.' is one list, 'Nguyen, T.
  Field Notes' is a name and a title);
* a title runs on into a translator with no role word, ends with a span of years
  ('Collected Letters, 1921-1934') (the title's edges at a reference's head are in
  :mod:`refkit.parse.title_edges`), keeps its subtitle ('La démocratie inachevée. Histoire de ...'
  is not a book's container);
* a journal the tagger missed is the last sentence of a title or a "note" just before the volume;
* editions, day-month-year dates, 'pp.' pages and report numbers get their own labels.

Publishers and places are in :mod:`refkit.parse.publication`, report numbers and series in
:mod:`refkit.parse.reports`; :func:`spans.relabel` gives a character range a new label. Pure functions, no style assumed.
"""

from __future__ import annotations

import re

from refkit.parse.fields import MONTH_RE, VOLUME_COUNT_WORDS
from refkit.parse.gbt import gbt7714
from refkit.parse.gost import gost
from refkit.parse.name_edges import (
    editor_without_role,
    month_given_name,
    names_to_colon,
    names_to_comma,
    role_after_names,
    same_author_lead,
    title_word_after_initials,
)
from refkit.parse.name_lists import (
    author_edges,
    collaboration,
    names_before_year,
    names_go_on,
    names_stop,
    one_name_first,
    role_groups,
)
from refkit.parse.numbering import (
    article_number,
    ieee_proceedings,
    jahrgang,
    law_citations,
    numbering_word,
    spaced_colon,
    volume_dot_year,
    volume_year_issue,
)
from refkit.parse.publication import (
    ORIGINAL_RE,
    REPOSITORY_RE,
    after_place,
    apa_tails,
    city_before_state,
    label_tail,
    names_after_title,
    note_is_place,
    place_comma_publisher,
    place_in_name,
    place_state_year,
    place_tails,
    press_names,
    publisher_before_place,
    publisher_comma_place,
    publisher_parens,
    publisher_runs_on,
    series_after_publisher,
    state_after_city,
    trailing_publisher,
)
from refkit.parse.reports import (
    apa_number,
    apa_series,
    equals_series,
    kind_sentence,
    report_parts,
    series_sentence,
    standards,
    thesis_bracket,
    thesis_parens,
    thesis_word,
)
from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment
from refkit.parse.title_edges import (
    after_the_year,
    body_author,
    dash_and_title,
    site_and_date,
    site_name,
    title_not_names,
    title_period,
    title_runs_on,
    title_year,
    volume_in_title,
    wordy_volume,
)
from refkit.parse.titles import (
    apostrophe_in_title,
    article_word,
    book_subtitle,
    comma_in,
    editors_in_container,
    in_mid_title,
    in_note,
    inner_quote,
    journal_not_editor,
    lone_in,
    newspaper_tail,
    ordinal_in_title,
    place_in_title,
    quote_ends_title,
    quoted_title,
    quoted_title_in,
    title_from_container,
    title_goes_on,
    vancouver_tail,
)
from refkit.parse.works import (
    historians_book,
    letter_title,
    pages_before_in,
    role_after_title,
    roles_in_brackets,
    series_after_roles,
    title_after_editors,
    volume_title,
)

EDITION_RE = re.compile(r"\b(?:(?:Spring|Summer|Fall|Autumn|Winter)\s+(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th|e|er|re|\.)|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Rr]evised|"
                        r"[Ee]xpanded)(?:,?\s+[a-zäöüß]+\.?){0,5}?\s+(?:ed|edn|edition|Aufl|Auflage|Ausg|Ausgabe|éd|édition)\b\.?")
# "2 Bde.", "3 vols.": the number of volumes after a title
VOLUME_COUNT_RE = re.compile(rf"(?<=[.,] )\d{{1,2}}\s+{VOLUME_COUNT_WORDS}\.?(?=[\s,;]|$)")
# MLA's "17 May 2020", IEEE's "Jan. 30, 2021": a whole date, not a volume and a month
_DAYS = r"\d{1,2}(?:\s*[-\u2013]\s*\d{1,2})?"
_SESSION = re.compile(r"(?<=, )\d{1,4}\.\s+Sitzung(?:\s+vom\s+\d{1,2}\.\s?\d{1,2}\.\s?(?:1[5-9]|20)\d\d)?(?=,)")
_VOM_DATE = re.compile(rf"\bvom\s+{_DAYS}\.\s*{MONTH_RE}\s+(?:1[5-9]\d\d|20\d\d)")
DAY_MONTH_RE = re.compile(rf"\b(?:{_DAYS}\.?\s+{MONTH_RE}\s+(?:1[5-9]\d\d|20\d\d)|{MONTH_RE}\s+{_DAYS},\s+(?:1[5-9]\d\d|20\d\d)|"
                          rf"(?<=, ){MONTH_RE}\s+\d{{1,2}}(?=\.\s|\.?$)|(?<=, ){MONTH_RE}\s+\d{{1,2}}\s*[-\u2013]\s*\d{{1,2}}(?=\.\s|\.?$|,\s)|"
                          rf"(?<=, )\d{{1,2}}\s+{MONTH_RE}(?=\.\s|\.?$|,\s*(?:pp?\.|https?:|available)))")  # "Financial Times, 9 August."
# "Paper presented at the Annual Meeting of X, June 3–7, 2019": a genre and the event
PRESENTED_RE = re.compile(r"\b(?P<genre>(?P<kind>(?:Presidential|Keynote|Plenary|Inaugural)\s+(?:[Aa]ddress|[Ll]ecture)|"
                          r"[Pp]aper|[Pp]oster|[Tt]alk|[Pp]resentation|Keynote|Lecture|Vortrag|Communication|[Ss]peech)\s+"
                          r"(?:(?:presented|given|delivered|gehalten|présentée?)\s+|(?<=Vortrag\s)|(?<=Keynote\s)|(?<=[Ss]peech\s))(?:at|bei|auf|à|an)\b)\s+"
                          r"(?P<the>(?:the|dem|der|den)\s+)?"
                          r"(?P<event>(?:\d{1,3}(?:\.|st|nd|rd|th)\s+)?(?:[A-Z]|annual\b|[a-z]+\s+(?:annual\s+)?(?:meeting|conference|congress)\b)[^,.;]{3,120})")
_DMY_HINT = re.compile(r"\d\.\s?\d{1,2}\.\s?(?:1[5-9]|20)\d\d")
NUMERIC_DATE_RE = re.compile(r"(?P<vom>\b(?:vom|du|del)\s+)?(?P<d>(?<![\d.])(?:[0-2]?\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.\s?"
                             r"(?:1[5-9]\d\d|20\d\d))(?![\d.]\d)")
PRESENTED_BARE_RE = re.compile(r"(?<=[.,”\"] )(?P<lead>Presented\s+(?:at|to))\s+(?P<the>the\s+)?(?P<event>[A-Z][^,.;]{3,120})")

_WORDCHAR = re.compile(r"\w")
_ALT_TITLE = re.compile(r"(?i)\b(?:or|oder|ou|o)\s*,\s*$")
_ERRATUM = re.compile(r"(?<=[.;] )(?:Erratum|Addendum|Comment|Update|Retraction|Retracted|Corrigendum|Expression of concern)\s+"
                      r"(?:in|for|on|of)\s*:\s+\S.*$")
_VOLUME_COUNT_ONLY = re.compile(rf"\s*\d{{1,2}}\s+{VOLUME_COUNT_WORDS}\.?[.,]?\s*")  # "2 Bde.": how many, not which


PP_RE = re.compile(r"\b(?:pp?\.|S\.)\s*[A-Za-z]?\d+\s*[-\u2010-\u2015]\s*[A-Za-z]?\d+\b|"
                   r"(?<=:)\s*\d+\s+[-\u2010-\u2015]\s*\d+\b|(?<=:)\s*\d+\s*[-\u2010-\u2015]\s+\d+\b")
# "127 p. (Dominos)": a page count, then the series in brackets
SERIES_AFTER_COUNT_RE = re.compile(r"\b\d+\s*(?:p|pp|S|pages|Seiten)\.?\s*(?P<series>\([A-ZÀ-Þ][^()]{1,60}\))")
_VOL_PAGES = re.compile(r"\s*(?P<vol>\d+),\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?)\W*")


_CONTAINER_OK = re.compile(r"(?i)^\s*(?:in|dans|im|en|in:)\b|\b(?:proc\.?|proceedings|conference|symposium|workshop|"
                           r"congress|meeting|colloqu\w*|handbook|encyclopa?edia|companion|reader|anthology)\b")


def _missing_journal(segs: list[Segment], text: str) -> list[Segment]:
    """A journal article whose journal the tagger missed: the volume follows a 'note' or 'publisher'
    ('Acs Nano 2010, 4, (3)'), or the last sentence of the title ('Fe-Ni metal in ..., Finland.
    Contributions to Mineralogy and Petrology, v. 55'); a book's 'container' right after its title,
    with no 'In' and no editor, is the subtitle ('La démocratie inachevée. Histoire de ...')."""
    labels = {s.label for s in segs}
    for i, s in enumerate(segs[:-1]):  # "..., Finland. Contributions to | Volcanic Studies": a title never ends in "to"
        if s.label == "title" and segs[i + 1].label in ("journal", "container-title") and re.search(
                r"\s(?:to|of|and|the|for|in|on|de|du|des|la|le|für|und|der|die|das|di|del|y|et)\s*$", s.text):
            breaks = list(re.finditer(r"[.?!][”\"’]?\s+(?=[A-Z])", s.text))
            if breaks and breaks[-1].start() > 10:
                return relabel(segs, text, s.start + breaks[-1].end(), s.end, segs[i + 1].label)
    if "journal" in labels:
        return segs
    for i, s in enumerate(segs[:-1]):
        after = [o for o in segs[i + 1:i + 3] if o.label != "date"]
        before_volume = bool(after) and after[0].label == "volume" and not _VOLUME_COUNT_ONLY.fullmatch(after[0].text)
        if s.label in ("note", "publisher") and before_volume and i and segs[i - 1].label in ("title", "date") \
                and "container-title" not in labels and re.search(r"[A-Za-z]{2}", s.text):
            return relabel(segs, text, s.start, s.end, "journal")
        if s.label == "note" and i and segs[i - 1].label == "title" and segs[i + 1].label == "date" and \
                DAY_MONTH_RE.search(segs[i + 1].text) and re.fullmatch(r"\s*[A-Z][^.\d]{2,60}[,.]?\s*", s.text) \
                and "container-title" not in labels:  # "“Title”, Thomson Reuters Foundation, 5 June 2015."
            return relabel(segs, text, s.start, s.end, "container-title")
        if s.label == "title" and before_volume and "container-title" not in labels:
            breaks = list(re.finditer(r"(?:[.?!][”\"’]?|,[”\"’])\s+(?=[A-Z])", s.text))
            m = breaks[-1] if breaks else None
            if m and m.start() > 10 and len(s.text) - m.end() > 3 and not re.search(r"\d", s.text[m.end():]):
                return relabel(segs, text, s.start + m.end(), s.end, "journal")
        alt = _ALT_TITLE.search(segs[i - 1].text) if i and "," in segs[i - 1].text else None  # "Uncle Tom's Cabin or, Life ..."
        if s.label == "container-title" and i and segs[i - 1].label == "title" and not _CONTAINER_OK.search(s.text) \
                and (alt or not any(o.label == "editor" for o in segs[i:]) and segs[i + 1].label in ("location", "publisher")
                     and re.search(r"[.:]\s*$", segs[i - 1].text) and s.confidence < 0.9):
            return relabel(segs, text, s.start, s.end, "title")
    return segs


_ACS_RE = re.compile(r"\s*(?P<date>(?:1[5-9]\d\d|20\d\d)[a-z]?),\s*(?P<vol>\d+[A-Z]?(?:\s*\(\d+\))?),\s*"
                     r"(?P<pages>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?)\s*[.,;]?\s*")


def _acs_block(segs: list[Segment], text: str) -> list[Segment]:
    """ACS's 'Proc. Natl. Acad. Sci. USA 2000, 97, 2017–2022.': year, volume and pages in one date."""
    for s in segs:
        m = _ACS_RE.fullmatch(s.text) if s.label in ("date", "volume") else None
        if m:
            for g, lab in (("date", "date"), ("vol", "volume"), ("pages", "pages")):
                segs = relabel(segs, text, s.start + m.start(g), s.start + m.end(g), lab)
            return segs
    return segs


def _journal_words_in_date(segs: list[Segment], text: str) -> list[Segment]:
    """'Journal of biomechanical | engineering. 2014': lower-case words before the year end the journal."""
    for i, s in enumerate(segs[1:], 1):
        if s.label == "date" and segs[i - 1].label in ("journal", "container-title"):
            m = re.match(r"\s*[a-zà-ÿ][\w\-]*(?:\s+[a-zà-ÿ][\w\-]*){0,3}\.(?=\s+\(?(?:1[5-9]\d\d|20\d\d))", s.text)
            if m and not re.search(rf"(?i)\b(?:{MONTH_RE}|n\.d|spring|summer|fall|autumn|winter|in press|forthcoming)\b",
                                   m.group(0)):
                return relabel(segs, text, segs[i - 1].start, s.start + m.end(), segs[i - 1].label)
    return segs


_DATE_TAIL = re.compile(r"\s*\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?[.,]\s+(?P<rest>[A-Z][^\d()\[\]]{1,60}?)[.,]?\s*")


def _date_tail(segs: list[Segment], text: str) -> list[Segment]:
    """'(1995). GitHub.': words after a complete year are not part of the date; a name there is the
    publisher when there is none."""
    for s in segs:
        m = _DATE_TAIL.fullmatch(s.text) if s.label == "date" else None
        if m and not re.search(rf"(?i)\b(?:{MONTH_RE}|spring|summer|fall|autumn|winter|in press|forthcoming|n\.d)\b",
                                 m.group("rest")):
            label = "publisher" if not any(o.label == "publisher" for o in segs) else "note"
            return relabel(segs, text, s.start + m.start("rest"), s.start + m.end("rest"), label)
    return segs


def _lone_volume(segs: list[Segment], text: str) -> list[Segment]:
    """'Advances in Coastal Systems, 30.': a lone number right after the journal, with no volume
    anywhere, is the volume (a page would be 'p. 30' or a range)."""
    if any(s.label == "volume" for s in segs):
        return segs
    for i, s in enumerate(segs[1:], 1):
        if s.label == "pages" and segs[i - 1].label in ("journal", "container-title") and \
                segs[i - 1].text.rstrip().endswith(",") and \
                re.fullmatch(r"\s*\d{1,3}[.,]?\s*", s.text) and int(re.sub(r"\D", "", s.text)) <= 250 and \
                not _CONTAINER_OK.search(segs[i - 1].text):  # volumes are small numbers; "Journal, 738." is a page
            return relabel(segs, text, s.start, s.end, "volume")
    return segs


_LINK_ANNOUNCER = re.compile(r"(?<=[.,])\s+(?:Online|URL|Verfügbar unter|Abrufbar unter|Abgerufen unter|Disponible en|"
                        r"Disponível em|Available at|Available from|Retrieved from)\s*:?\s*$")


def _erratum_note(segs: list[Segment], text: str) -> list[Segment]:
    """PubMed's '... Epub 2017 Jun 21. Erratum in: Nature. 2017 Oct 5;550(7674):132. doi: 10.1038/...': a note."""
    em = _ERRATUM.search(text) if "in:" in text or "for:" in text else None
    return relabel(segs, text, em.start(), len(text.rstrip()), "note") if em else segs


def _words_before_link(segs: list[Segment], text: str) -> list[Segment]:
    """'PsyArXiv. https://doi.org/...' taken as one link: the name before the link is where it is published;
    'Armut. Online: https://...': the word that announces the link is none of the title's."""
    for i, s in enumerate(segs[:-1]):
        lw = _LINK_ANNOUNCER.search(s.text) if s.label in ("title", "note", "container-title") and segs[i + 1].label == "url" else None
        if lw:
            segs = relabel(segs, text, s.start + lw.start(), s.end, "skip")
            break
    for s in segs:
        m = re.match(r"\s*(?P<w>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})\.\s+(?=https?://|doi:|www\.)", s.text) \
            if s.label in ("url", "doi") else None
        if m:
            return relabel(segs, text, s.start + m.start("w"), s.start + m.end("w") + 1, "journal")
    return segs


def _page_word(segs: list[Segment], text: str) -> list[Segment]:
    """', S.' | '431–475': a page word left in another field before the pages is theirs."""
    for i, s in enumerate(segs[:-1]):
        if segs[i + 1].label == "pages" and s.label != "pages" and re.fullmatch(r"[\s,.;:]*(?:S|pp?|Seiten?)\.?\s*", s.text):
            return relabel(segs, text, s.start, s.end, "pages")
    return segs


# what is said of a book after its title: a foreword's author, who commissioned it, the thesis it also is
_BOOK_NOTE_RE = re.compile(r"(?<=[.,] )(?:Mit\s+eine[mr]\s+(?:Vorwort|Nachwort|Einführung|Einleitung|Geleitwort|Nachbemerkung)|"
                          r"[Ww]ith\s+an?\s+(?:new\s+)?(?:[Ii]ntroduction|[Ff]oreword|[Pp]reface|[Aa]fterword))\s+(?:von|by)\s+"
                          r"[A-ZÀ-Þ][^.,;:()]{2,60}?(?=[.,;]\s|\.?$)|"
                          r"(?<=[.,] )(?:[Ee]ine\s+)?(?:Studie|Expertise|Untersuchung)\s+im\s+Auftrag\s+(?:der|des|von)\s+[^.;:()]{3,80}?(?=[.,;]\s|\.?$)|"
                          r"(?<=[.(] )?Zugl\.:?\s+[^()]{3,80}?\b(?:Diss|Habil)[^()]{0,40}?(?:1[5-9]|20)\d\d|"  # "Zugl.: Univ., Diss., 2013"
                          r"(?<=, )(?:Loseblatt(?:sammlung|ausgabe|werk)?|loose-leaf)(?=[,.]\s)")  # a commentary's loose-leaf form
_REPRINT_RE = re.compile(r"(?<=[.;] )(?:Reprint(?:ed)?|Repr\.|Nachdruck|Neudruck)(?:,?\s+(?:with|of|by|mit)\s+[^.;:]{3,100}?)?"
                         r"(?=,\s*[A-Z][\w.\- ]{1,40}:|[.,]\s|\.?$)")


def fix_boundaries(segs: list[Segment], text: str, low: str) -> list[Segment]:
    """Run the boundary corrections in order (see the module docstring)."""
    if "]" in text and re.search(r"\[(?:M|J|C|D|R|S|N|EB/OL|J/OL|M/OL)\]", text):  # GB/T 7714's "Title[M]."
        segs = gbt7714(segs, text)
    elif " // " in text or "с." in text or ".:" in text and re.search(r"(?:\b[МЛ]|СПб)\.:", text):  # GOST's "// Journal"
        segs = gost(segs, text)
    for m in PP_RE.finditer(text) if ("p" in low or "s." in low or ":" in text) else ():  # "pp. 2001–2012": pages, whatever the numbers look like
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        prefixed = re.match(r"\s*(?:pp?|S)\.", m.group(0)) is not None
        if inside and all(s.label in ("date", "pages", "volume") or prefixed and (s.label in (
                "publisher", "location", "note") or s.label in ("journal", "container-title") and s.start >= m.start() - 1
                or s.label in ("author", "editor") and any(
                o.label in ("container-title", "journal") and o.end <= s.start for o in segs)) for s in inside):
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            segs = relabel(segs, text, m.start() + lead, m.end(), "pages")
    for m in SERIES_AFTER_COUNT_RE.finditer(text) if "(" in text else ():
        segs = relabel(segs, text, m.start("series"), m.end("series"), "collection-title")
    if not any(s.label == "volume" for s in segs):
        for s in segs:  # "2012, 109, E299–E308": a volume before the pages
            vm = _VOL_PAGES.fullmatch(s.text) if s.label == "pages" else None
            if vm:
                segs = relabel(segs, text, s.start + vm.start("vol"), s.start + vm.end("vol"), "volume")
                break
    for step in (_erratum_note, after_the_year, names_before_year, names_to_colon, title_word_after_initials, names_to_comma, same_author_lead, role_after_names, editor_without_role,
                 month_given_name, one_name_first, author_edges, names_go_on, names_stop, collaboration, role_groups, dash_and_title,
                 title_not_names, body_author, site_name, place_state_year, _acs_block, title_runs_on, title_period, title_year,
                 article_word, inner_quote, apostrophe_in_title, quoted_title, quoted_title_in, quote_ends_title, editors_in_container, journal_not_editor, in_mid_title, in_note, comma_in, ordinal_in_title, book_subtitle, pages_before_in, role_after_title, roles_in_brackets, series_after_roles, letter_title, title_after_editors, title_goes_on, place_in_title, volume_in_title, site_and_date, title_from_container,
                 numbering_word, jahrgang, volume_year_issue, volume_dot_year, spaced_colon, law_citations, vancouver_tail, article_number, ieee_proceedings):
        segs = step(segs, text)
    for m in EDITION_RE.finditer(text) if ("ed" in low or "aufl" in low or "éd" in low or "ausg" in low) else ():
        inside = [s for s in segs if s.start <= m.start() < s.end]
        over = [s for s in segs if s.start < m.end() and m.start() < s.end]
        title_end = bool(inside) and inside[0].label in ("title", "container-title") and re.search(r"[.,]\s+$|\($", text[:m.start()]) and \
            inside[0].end <= m.end() + 1 or len(over) > 1 and over[0].label == "edition" and all(
                s.label in ("edition", "title", "location", "note", "publisher", "collection-title", "volume", "pages", "editor")
                for s in over)  # (IEEE's "3rd | ed., D. Petrov, Ed.,": the edition's word taken for the editor's)
        season = re.match(r"(?:Spring|Summer|Fall|Autumn|Winter)\s", m.group(0)) is not None and all(
            s.label in ("editor", "date", "edition", "note", "container-title", "title") for s in over)
        after_names = bool(inside) and inside[0].label in ("editor", "translator") and re.search(r",\s+$", text[:m.start()]) is not None
        alone = bool(inside) and inside[0].label == "collection-title" and inside[0].start >= m.start() - 1 and \
            re.search(r"[,.]\s*$", text[:m.start()]) is not None  # "Bd. 5, | 8. Aufl., Freiburg": the edition, not a series
        if inside and (inside[0].label in ("note", "publisher", "location", "volume", "genre", "date", "pages") or title_end or season
                       or after_names or alone):  # ("übers. von A. Wagner und M. Herrmann, | 7. Aufl.,": the edition after the names)
            segs = relabel(segs, text, m.start(), m.end(), "edition")  # (the SEP's "edited by X. | Summer 2022 ed.")
    for m in VOLUME_COUNT_RE.finditer(text) if ("Bd" in text or "B\u00e4" in text or "vol" in low or " t." in text
                                               or "tomo" in low) else ():
        inside = [s for s in segs if s.start <= m.start() < s.end]
        if inside and (inside[0].label in ("title", "note", "publisher", "location") and inside[0].start < m.start()
                       or inside[0].label in ("edition", "volume")):  # ("10 | Bde., Reinbek": the count cut from its word)
            segs = relabel(segs, text, m.start(), m.end(), "volume")
    for m in DAY_MONTH_RE.finditer(text) if re.search(MONTH_RE, text) else ():
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if inside and all(s.label in ("volume", "date", "journal", "container-title", "pages", "location", "note",
                                      "publisher") for s in inside) and (any(s.label in ("date", "note") for s in inside) or
                                                                          not re.search(r"\d{4}", m.group(0))):
            segs = relabel(segs, text, m.start(), m.end(), "date")
    for m in _SESSION.finditer(text) if "Sitzung" in text else ():  # "Bd. 5, 97. Sitzung vom 9.11.1950, S. 3567": a sitting
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if inside and all(s.label in ("pages", "volume", "date", "note", "location", "publisher") for s in inside):
            segs = relabel(segs, text, m.start(), m.end(), "note")
    for m in _VOM_DATE.finditer(text) if "vom " in text else ():  # "in: Frankfurter Allgemeine Zeitung vom 4. Februar 2023"
        if any(s.label in ("container-title", "journal") and s.end <= m.start() + 1 for s in segs) and \
                any(s.label == "title" and s.end <= m.start() + 1 for s in segs):
            segs = relabel(segs, text, m.start(), m.end(), "date")
    for m in NUMERIC_DATE_RE.finditer(text) if _DMY_HINT.search(text) else ():  # "Die Zeit, Nr. 12 vom 19.03.2015"
        inside = [s for s in segs if s.start < m.end() and m.start() < s.end]
        if inside and (all(s.label in ("container-title", "journal", "pages", "volume", "note", "date") for s in inside) or
                       all(s.label in ("author", "editor", "date", "volume") for s in inside) and any(
                           s.label in ("container-title", "journal") and s.end <= m.start() for s in segs) or
                       len(inside) == 1 and inside[0].label == "title" and re.fullmatch(r"[.\s]*", text[m.end():inside[0].end]) and
                       re.search(r"[,“”\"]\s*$", text[:m.start()]) and not any(
                           s.label == "date" and re.search(r"(?:1[5-9]|20)\d\d", s.text) for s in segs)):
            # (a report's day at its title's end: "Schlussbericht der Enquete-Kommission „...“, 31.5.1994.")
            if m.group("vom"):
                segs = relabel(segs, text, m.start("vom"), m.start("d"), "skip")
            segs = relabel(segs, text, m.start("d"), m.end("d"), "date")
    for m in PRESENTED_RE.finditer(text) if "present" in low or "given" in low or "gehalten" in low or "vortrag auf" in low or "keynote auf" in low or "speech at" in low else ():
        # the kind is the genre ("Presidential address"); "Paper presented at" is what styles print without one
        segs = relabel(segs, text, m.start("genre"), m.end("genre"), "skip")
        if m.group("kind").lower() != "paper":
            segs = relabel(segs, text, m.start("kind"), m.end("kind"), "genre")
        segs = relabel(segs, text, m.start("event"), m.end("event"), "container-title")
        if m.group("the"):
            segs = relabel(segs, text, m.start("the"), m.end("the"), "skip")
    for m in PRESENTED_BARE_RE.finditer(text) if "Presented" in text and "genre" not in {s.label for s in segs} else ():
        inside = [s for s in segs if s.start <= m.start() < s.end]
        if inside and inside[0].label in ("title", "container-title", "note", "genre", "publisher"):
            segs = relabel(segs, text, m.start(), m.start("event"), "skip")  # "“Title.” Presented at the X"
            segs = relabel(segs, text, m.start("event"), m.end("event"), "container-title")
    for m in REPOSITORY_RE.finditer(text) if any(s.label == "note" for s in segs) else ():
        inside = [s for s in segs if s.start <= m.start() < s.end]
        if inside and inside[0].label == "note" and not any(s.label == "publisher" for s in segs):
            segs = relabel(segs, text, m.start(), m.end(), "publisher")  # "V. 0.9.3. Python Package Index, ..."
    for m in re.finditer(r"(?<=\. )(?:1[5-9]\d\d|20\d\d)(?=;\s+[A-Z])", text) if ";" in text else ():
        segs = relabel(segs, text, m.start(), m.end(), "date")  # Chicago's "Title. 1887; Reprint House, 2015."
    segs = _missing_journal(segs, text)
    segs = _lone_volume(segs, text)
    segs = _journal_words_in_date(segs, text)
    segs = _date_tail(segs, text)
    segs = city_before_state(segs, text)
    segs = after_place(segs, text)
    segs = place_in_name(segs, text)
    segs = place_comma_publisher(publisher_comma_place(segs, text), text)
    segs = state_after_city(segs, text)
    segs = trailing_publisher(segs, text)
    segs = note_is_place(segs, text)
    segs = publisher_before_place(segs, text)
    segs = press_names(segs, text)
    segs = names_after_title(segs, text)
    segs = thesis_bracket(segs, text)
    segs = apa_tails(segs, text)
    segs = label_tail(series_after_publisher(publisher_parens(segs, text), text), text)
    segs = lone_in(thesis_parens(thesis_word(newspaper_tail(place_tails(segs, text), text), text), text), text)
    segs = volume_title(book_subtitle(segs, text), text)  # (again: the place at the end is known now)
    segs = historians_book(segs, text) if "," in text and re.search(r"(?:1[5-9]|20)\d\d(?:\]|\sff\.)?\.?\s*$", text) else segs
    segs = wordy_volume(_words_before_link(_page_word(publisher_runs_on(segs, text), text), text), text)
    for m in _BOOK_NOTE_RE.finditer(text) if "Mit ein" in text or "With a" in text or "with a" in text or "im Auftrag" in text or "Zugl" in text or "oseblatt" in text or "loose-leaf" in text else ():
        segs = relabel(segs, text, m.start(), m.end(), "note")  # "Mit einer Einführung von Hans Joas.", "Zugl.: ... Diss."
    for m in _REPRINT_RE.finditer(text) if "Repr" in text or "druck" in text else ():
        segs = relabel(segs, text, m.start(), m.end(), "note")  # Chicago's "1939. Reprint, with a new introduction by X,"
    for m in ORIGINAL_RE.finditer(text) if ("origin" in low or "erst" in low or "premi" in low or " or." in low or "orig." in low
                                           or "zuerst" in low or "first pub" in low) else ():
        segs = relabel(segs, text, m.start(), m.end(), "note")
    segs = equals_series(standards(series_sentence(report_parts(segs, text, low), text), text), text)
    segs = apa_number(apa_series(segs, text), text) if "(" in text else segs
    return kind_sentence(segs, text) if re.search(MONTH_RE, text) or ". " in text else segs
