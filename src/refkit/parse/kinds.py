"""The CSL type of an assembled reference, from the fields and labels it has: a journal and pages make an
article, a container with editors or "In" a chapter, an event's name a conference paper, a periodical dated
by the day a newspaper article, a link and a site a web page, a publisher or an edition a book.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refkit.parse.fields import MONTH_RE
from refkit.parse.tagger import Segment

PREPRINT_SERVER = re.compile(r"(?i)\b(?:socarxiv|psyarxiv|edarxiv|biorxiv|medrxiv|chemrxiv|techrxiv|engrxiv|osf preprints|"
                              r"research square|preprints\.org|ssrn|arxiv)\b")
# APA's bracketed descriptions that name the type itself ("[Data set]"): the type, not a genre to keep
TYPE_GENRES = {"data set": "dataset", "dataset": "dataset", "data": "dataset", "computer software": "software",
                "software": "software", "computer program": "software", "mobile app": "software"}

_EVENT = re.compile(r"(?i)\b(?:proc\.?|proceedings|conference|symposium|workshop|congress|meeting|colloqu)")
_DAY_MONTH = re.compile(rf"(?:{MONTH_RE})\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{MONTH_RE})|\b\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{4}}")


def choose_type(fields: dict[str, str], labels: set[str], segs: Sequence[Segment]) -> str:
    genre = fields.get("genre", "").lower()
    if re.search(r"thesis|dissertation|diss\b|doctoral|habilitation|mémoire|phd|ph\.d|proefschrift|tesis|thèse|tese\b|"
                 r"doktorarbeit|diplomarbeit|masterarbeit|magisterarbeit|lizentiatsarbeit|bachelorarbeit|zulassungsarbeit|"
                 r"staatsexamensarbeit", genre):
        return "thesis"
    if re.match(r"(?:Letter|Telegram|Postcard)\s+(?:to|from)\s", fields.get("title", "")):
        return "letter"
    if re.search(r"patent", genre):
        return "patent"
    if genre in TYPE_GENRES:
        return TYPE_GENRES[genre]
    if re.fullmatch(r"(?:ieee|ansi|astm|iso|iec|iso/iec|din|en|din en|din en iso|bs|bs en|nf)(?: std\.?)?(?: [a-z]{1,3})?|"
                    r"rfc|bcp|std", genre):
        return "standard"
    if re.search(r"report|working paper|memo|technical|discussion paper", genre):
        return "report"
    container = fields.get("container-title", "")
    if PREPRINT_SERVER.search(fields.get("publisher", "")) and not container:
        return "article"  # CSL's preprint: "SocArXiv", "PsyArXiv", "SSRN"
    if fields.get("eprint") and not container and "publisher" not in labels:
        return "document"  # an arXiv preprint: BibTeX's @misc with its eprint
    if fields.get("number") and not container and "journal" not in labels and (
            "publisher" in labels or "genre" in labels):
        return "report"  # "Title. NAB-23/114. National Audit Board."
    if container and re.search(r"(?i)\b(?:times|gazette|herald|tribune|post|daily|news|guardian|chronicle|courier|globe|inquirer|"
                               r"zeitung|le monde|el país|observer|telegraph|journal-constitution)\b", container) \
            and "volume" not in labels and not re.search(r"(?i)\b(?:journal of|review|quarterly|proceedings)\b", container):
        return "article-newspaper"
    if "journal" in labels:
        return "article-journal"
    if container and not labels & {"volume", "editor", "publisher", "location", "genre"} and not _EVENT.search(container) and any(
            s.label == "date" and _DAY_MONTH.search(s.text) for s in segs):
        return "article-newspaper"  # "Title. Die Zeit, 20. Mai 2010.": a periodical dated by the day
    if container and not labels & {"volume", "pages", "editor", "publisher", "location", "genre"} and any(
            s.label == "date" and re.fullmatch(rf"\s*{MONTH_RE}(?:\s*[-/–]\s*{MONTH_RE})?[.,]?\s*", s.text) for s in segs):
        return "article-magazine"  # "“Title.” Atlantic, June.": a periodical dated by the month
    if container and "url" in labels and not labels & {"volume", "pages", "editor", "publisher", "location"} and \
            not re.search(r"(?i)\b(?:proc\.?|proceedings|conference|symposium|workshop)", container):
        return "webpage"  # "Title. (n.d.). Riverside City Library. Retrieved ..., from URL"
    if container:
        if _EVENT.search(container):
            return "paper-conference"
        if "editor" in labels or "publisher" in labels or "location" in labels or \
                any(s.label == "container-title" and re.match(r"(?i)\s*(?:in|dans|im)\b", s.text) for s in segs):
            return "chapter"
        if "volume" in labels or "pages" in labels:
            return "article-journal"
        return "chapter"
    if "url" in labels and not ("publisher" in labels or "location" in labels):
        return "webpage"
    if "publisher" in labels or "location" in labels or "isbn" in labels or "edition" in labels:
        return "book"
    return "document"
