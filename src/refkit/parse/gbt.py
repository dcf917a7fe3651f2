"""References in China's national standard GB/T 7714: a type code in brackets ends the title.

``费孝通. 乡土中国[M]. 北京: 三联书店, 1985.`` and ``TU Y Y. The discovery of artemisinin[J]. Nature
Medicine, 2011, 17(10): 1217-1220.``: names, a full stop, the title, its type code ([M] book, [J]
journal article, [C] proceedings, [D] thesis, [R] report, [S] standard, [N] newspaper, [EB/OL] web),
then place and publisher or journal, year, volume (issue) and pages. The layout is fixed, so the
parts are found by pattern and relabelled (``spans.relabel``) whatever the tagger made of them.
"""

from __future__ import annotations

import re

from refkit.parse.spans import relabel
from refkit.parse.tagger import Segment

GBT_RE = re.compile(r"^(?P<authors>[^\[\]]{1,300}?)[.．。]\s*(?P<title>[^\[\]]{2,400}?)\s*"
                    r"(?P<code>\[(?:M|J|C|D|R|S|N|P|G|Z|A|EB/OL|J/OL|M/OL|DB/OL|CP/DK|CP|Z/OL|N/OL)\])[.．。]?\s*(?P<rest>.*)$")
_BOOKISH = re.compile(r"(?:(?P<trans>[^.。:：]{1,80}?,\s*(?:译|譯|trans\.?|tr\.))[.．。]\s*)?(?P<place>[^:：,，.。\d]{1,40})\s*[:：]\s*"
                      r"(?P<publisher>[^,，]{1,80}?)\s*[,，]\s*(?P<date>(?:1[5-9]|20)\d\d)(?:\s*[:：]\s*(?P<pages>[\d\-–~]+))?")
_JOURNAL = re.compile(r"(?P<journal>[^,，]{1,120}?)\s*[,，]\s*(?P<date>(?:1[5-9]|20)\d\d)\s*(?:[,，]\s*(?P<volume>\d+(?:\s*[(（][^)）]{1,10}[)）])?"
                      r"|[(（][^)）]{1,10}[)）]))?\s*(?:[:：]\s*(?P<pages>[\w\-–~]+))?")


def gbt7714(segs: list[Segment], text: str) -> list[Segment]:
    """Relabel a GB/T 7714 reference by its fixed layout (see the module docstring)."""
    body = re.sub(r"^\s*(?:\[\d+\]|\d+[.)])\s*", "", text)
    off = len(text) - len(body)
    m = GBT_RE.match(body)
    if not m:
        return segs
    segs = relabel(segs, text, off + m.start("authors"), off + m.end("authors"), "author")
    segs = relabel(segs, text, off + m.start("title"), off + m.end("title"), "title")
    segs = relabel(segs, text, off + m.start("code"), off + m.end("code"), "skip")
    rest0 = off + m.start("rest")
    code = m.group("code")
    rx = _JOURNAL if code in ("[J]", "[N]", "[J/OL]", "[N/OL]") else _BOOKISH
    r = rx.match(m.group("rest"))
    if r:
        for g in ("trans", "place", "publisher", "journal", "date", "volume", "pages"):
            if g in r.groupdict() and r.group(g):
                label = {"trans": "translator", "place": "location"}.get(g, g)
                segs = relabel(segs, text, rest0 + r.start(g), rest0 + r.end(g), label)
    return segs
