"""German commentary citations, the way law footnotes and bibliographies give them: the commentator,
"in:", the editors and the work, its edition or supplement, the provision and the margin number.

    Sprau, in: Grüneberg, BGB, 82. Aufl. 2023, § 823 Rn. 5.
    Herdegen, in: Maunz/Dürig, Grundgesetz-Kommentar, Art. 1 Abs. 1 (Mai 2009), Rn. 26.
    Förster, in: BeckOK BGB, Hau/Poseck, 66. Ed., Stand: 1.5.2023, § 823 Rn. 12.
    Wieland, Joachim, in: Dreier, Horst (Hrsg.), Grundgesetz-Kommentar, Bd. I, 3. Aufl., Tübingen 2013, Art. 12 Rn. 45.
    MüKoBGB/Wagner, 8. Aufl. 2020, BGB § 823 Rn. 412.          a work's short name, then the commentator
    Staudinger/Hager (2017) § 823 Rn. C 12.

Such a citation becomes an ``entry-encyclopedia``: the commentator is the author, the work's editors
the editors, the work the container, the provision the title, the margin number a note. Anything else
returns None and goes the usual way.
"""

from __future__ import annotations

import re

from refkit.model import Date, Name, Reference
from refkit.parse.fields import parse_natural_date

_PROVISION = (r"(?P<prov>(?:[A-Z][\w\-]{1,12}\s+)?(?:§§?|Art\.)\s*\d+[a-z]?(?:\s*(?:Abs\.|Satz|S\.|Nr\.)\s*\d+[a-z]?)*"
              r"(?:\s+[A-Z][\w\-]{1,8})?)"
              r"(?:\s*\((?P<stand>[^()]{3,40})\))?,?\s+(?P<rn>Rn\.\s*(?:[A-Z]\s)?\d+(?:\s*f+\.)?(?:\s*ff?\.)?)\.?")
_IN = re.compile(r"(?P<author>[A-ZÄÖÜ][\w\-äöüß]+(?:,\s+[A-ZÄÖÜ][\w\-.äöüß]+(?:\s+[A-ZÄÖÜ][\w\-.äöüß]+)?)?),\s+in:\s+"
                 r"(?P<work>.+?),\s+" + _PROVISION)
_SHORT_WORK = (r"MüKo[\w\-]*|BeckOK\s?[\w\-]*|BeckOGK\s?[\w\-]*|Staudinger|Erman|Soergel|NK-[\w\-]+|HK-[\w\-]+|jurisPK-[\w\-]+|"
               r"LK-[\w\-]+|SK-[\w\-]+|KK-[\w\-]+")
_WORK_FIRST = re.compile(rf"(?P<work>{_SHORT_WORK})/(?P<author>[A-ZÄÖÜ][\w\-äöüß]+)(?:\s*\((?P<year>(?:19|20)\d\d)\))?"
                         r"(?:,\s+(?P<mid>.+?))?,?\s+" + _PROVISION)
_EDITION = re.compile(r"(?P<n>\d{1,3})\.\s*(?:Aufl\.|Auflage|Ed\.|Edition)(?:\s+(?P<year>(?:19|20)\d\d))?")
_SUPPLEMENT = re.compile(r"\d{1,3}\.\s*(?:EL|Erg\.-?Lfg\.|Lfg\.|Ergänzungslieferung)\s*(?P<date>(?:[A-ZÄÖÜ][a-zä]+\.?\s+)?(?:19|20)\d\d)")
_STAND = re.compile(r"(?:Stand:?\s*)(?P<date>.+)")
_VOLUME = re.compile(r"(?:Bd\.|Band)\s*(?P<v>[IVX]{1,5}|\d{1,2})(?:/\d)?")
_PLACE_YEAR = re.compile(r"(?P<place>[A-ZÄÖÜ][\w .äöüß]+?)\s+(?P<year>(?:19|20)\d\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_EDITORS = re.compile(r"[A-ZÄÖÜ][\w\-äöüß]+(?:,\s*[A-ZÄÖÜ][\w\-.äöüß]+)?(?:\s*/\s*[A-ZÄÖÜ][\w\-äöüß]+(?:,\s*[A-ZÄÖÜ][\w\-.äöüß]+)?)*"
                      r"(?:\s*\((?:Hrsg|Hg)\.\))?")


def parse_commentary(text: str) -> Reference | None:
    """``text`` read as a commentary citation, or None when it is none."""
    if "Rn." not in text or ("§" not in text and "Art." not in text):
        return None
    t = " ".join(text.split()).strip()
    m = _IN.fullmatch(t)
    if m:
        return _entry(m, _parts(m.group("work")), None)
    m = _WORK_FIRST.fullmatch(t)
    if m:
        parts = _parts(m.group("mid") or "")
        if m.group("year"):
            parts.append(m.group("year"))
        return _entry(m, [m.group("work")] + parts, m.group("work"))
    return None


def _parts(s: str) -> list[str]:
    """The comma parts of the middle, an editor's given name kept with the family name ('Dreier, Horst (Hrsg.)')."""
    out: list[str] = []
    for p in (p.strip() for p in s.split(",")):
        if out and re.fullmatch(r"[A-ZÄÖÜ][\w\-.äöüß]+(?:\s+[A-ZÄÖÜ][\w\-.äöüß]+)?\s*\((?:Hrsg|Hg)\.\)", p) and \
                re.fullmatch(r"[A-ZÄÖÜ][\w\-äöüß]+", out[-1]):
            out[-1] += ", " + p
        elif p:
            out.append(p)
    return out


def _names(s: str) -> list[Name]:
    s = re.sub(r"\s*\((?:Hrsg|Hg)\.\)", "", s)
    out = []
    for n in s.split("/"):
        fam, _, given = n.strip().partition(",")
        out.append(Name(family=fam.strip(), given=given.strip()))
    return out


def _entry(m: re.Match[str], parts: list[str], work: str | None) -> Reference | None:
    f: dict[str, str] = {"title": m.group("prov").strip(), "note": m.group("rn")}
    names: dict[str, list[Name]] = {"author": _names(m.group("author"))}
    date: Date | None = None
    rest: list[str] = []
    for p in parts:
        if (e := _EDITION.fullmatch(p)):
            f["edition"] = e.group("n")
            if e.group("year"):
                date = Date(start=(int(e.group("year")),))
        elif (e := _SUPPLEMENT.fullmatch(p)) or (e := _STAND.fullmatch(p)):
            date = parse_natural_date(e.group("date")) or _dotted(e.group("date")) or date
        elif (e := _VOLUME.fullmatch(p)):
            f["volume"] = e.group("v")
        elif _YEAR.fullmatch(p):
            date = Date(start=(int(p),))
        elif (e := _PLACE_YEAR.fullmatch(p)) and rest:
            f["publisher-place"] = e.group("place")
            date = Date(start=(int(e.group("year")),))
        else:
            rest.append(p)
    if m.group("stand"):
        date = parse_natural_date(re.sub(r"^Stand:?\s*", "", m.group("stand"))) or _dotted(m.group("stand")) or date
    if work is None:
        editors = [p for p in rest if "/" in p or "(Hrsg.)" in p or "(Hg.)" in p]
        others = [p for p in rest if p not in editors]
        if not editors and len(others) >= 2 and re.fullmatch(r"[A-ZÄÖÜ][\w\-äöüß]+", others[0]):
            editors, others = [others[0]], others[1:]  # "Grüneberg, BGB": the editor whose name the commentary bears
        if len(others) != 1 or any(not _EDITORS.fullmatch(e) for e in editors):
            return None
        work = others[0]
        if editors:
            names["editor"] = [n for e in editors for n in _names(e)]
    elif rest[1:]:
        return None
    f["container-title"] = work
    return Reference(type="entry-encyclopedia", fields=f, names=names, dates={"issued": date} if date else {})


def _dotted(s: str) -> Date | None:
    """'1.5.2023' -> 2023-05-01; a year alone, '2010' -> 2010."""
    d = re.search(r"(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)", s)
    if d:
        return Date(start=(int(d.group(3)), int(d.group(2)), int(d.group(1))))
    y = _YEAR.search(s)
    return Date(start=(int(y.group(0)),)) if y else None
