"""References in the Russian standard GOST 7.1 / 7.0.5 (also used in Ukraine, Belarus, Kazakhstan).

``Хаин В. Е., Ломизе М. Г. Геотектоника с основами геодинамики. М.: Изд-во МГУ, 1995. 480 с.`` and
``Dobretsov N. L., Buslov M. M. Title // Gondwana Research. 2003. Vol. 6, no. 2. P. 143–159.``: names
(family, then initials with full stops), the title, `//` before the journal or book an article is in,
then `Place: Publisher, Year` (М. is Moscow, Л. Leningrad, СПб. St Petersburg) or `Year. Т. 57, № 1.
С. 11–30.` for a journal, and `480 с.` for the pages a book has. The layout is fixed, so the parts are
found by pattern and relabelled (``spans.relabel``) whatever the tagger made of them.
"""

from __future__ import annotations

import re

from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

_UP = "A-ZА-ЯЁÀ-ÞŞŁ"
_NAME = rf"[{_UP}][\w'’\-]+\s(?:[{_UP}]\.\s?){{1,3}}"
GOST_AUTHORS = re.compile(rf"^(?:\d{{1,4}}\.\s+)?(?P<authors>{_NAME}(?:,\s{_NAME})*(?:\s?и\s?др\.|,?\s?et al\.)?)?\s*(?=\S)")
_ARTICLE = re.compile(r"\s//\s(?P<container>.+?)\.\s(?P<date>(?:1[5-9]|20)\d\d)\.\s(?:(?P<volume>(?:Т|Vol|Вып|Iss)\.\s\d+"
                      r"(?:,\s(?:№|no\.|No\.)\s[\w\-–]+)?)\.\s|(?P<issue2>(?:№|no\.|No\.)\s[\w\-–]+)\.\s)?"
                      r"(?:С|P|S|pp)\.\s(?P<pages>\d+(?:\s?[-–]\s?\d+)?)")
_BOOK = re.compile(rf"(?<=\.\s)(?P<place>(?:М|Л|СПб|Киев|Минск|Новосибирск|Екатеринбург|Казань|[{_UP}][а-яё\-]+)\.?"
                   r"(?:;\s(?:М|Л|СПб)\.)?)"
                   r":\s(?P<publisher>[^.]{2,120}?),\s(?P<date>(?:1[5-9]|20)\d\d(?:[–-](?:1[5-9]|20)\d\d)?)\."
                   r"(?:\s(?P<pages>\d{1,4})\s?с\.)?")


def gost(segs: list[Segment], text: str) -> list[Segment]:
    """Relabel a GOST reference by its fixed layout (see the module docstring)."""
    m = GOST_AUTHORS.match(text)
    if not m:
        return segs
    art = _ARTICLE.search(text, m.end())
    book = None if art else _BOOK.search(text, m.end())
    if not art and not book:
        return segs
    if m.group("authors"):
        segs = relabel(segs, text, m.start("authors"), m.end("authors"), "author")
    end_title = art.start() if art else (book.start() if book else len(text))
    title = text[m.end():end_title].rstrip(" .")
    resp = re.search(r"\s/\s", title)  # "Title / пер. с нем.", "Title / гл. ред. О. В. Петров": who made it
    if resp:
        title = title[:resp.start()]
    if title:
        segs = relabel(segs, text, m.end(), m.end() + len(title), "title")
    if resp:
        segs = relabel(segs, text, m.end() + resp.start(), end_title, "note")
    if art:
        segs = relabel(segs, text, art.start(), art.start("container"), "skip")  # " // "
        labels = {"container": "journal", "date": "date", "volume": "volume", "issue2": "volume", "pages": "pages"}
        for g, label in labels.items():
            if art.group(g):
                segs = relabel(segs, text, art.start(g), art.end(g), label)
    elif book:
        for g, label in (("place", "location"), ("publisher", "publisher"), ("date", "date"), ("pages", "pages")):
            if book.group(g):
                segs = relabel(segs, text, book.start(g), book.end(g), label)
        if book.group("pages"):  # "480 с.": the pages a book has
            segs = relabel(segs, text, book.end("pages"), book.end(), "pages")
    return segs
