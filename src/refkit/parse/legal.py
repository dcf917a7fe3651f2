"""Court decisions and statutes as lawyers cite them: the whole reference is one pattern, so it is
read here before the rules and the tagger.

    Brown v. Board of Education, 347 U.S. 483 (1954).             US: volume, reporter, page, (court) year
    R v Oakes, [1986] 1 SCR 103                                     Commonwealth: [year] volume reporter page
    Mabo v Queensland [No 2] (1992) 175 CLR 1                       Australia (AGLC): (year) volume reporter page
    Donoghue v Stevenson [1932] AC 562; [2019] UKSC 41              a report series or a neutral citation
    Civil Rights Act of 1964, Pub. L. No. 88-352, 78 Stat. 241.     a statute: its number, volume and page
    Welfare Reform Act 2012, c. 5.                                  a UK Act and its chapter
    BVerfG, Urteil vom 12.10.1993 – 2 BvR 2134/92 –, BVerfGE 89, 155 – Maastricht.    a German decision
    Gesetz zur Regelung ... (MiLoG) vom 11. August 2014, BGBl. I S. 1348.            a German statute

A case becomes CSL's ``legal_case`` (title = the case's name, container-title = the reporter, the court
in ``authority``), a statute ``legislation``. Anything else returns None and goes the usual way.
"""

from __future__ import annotations

import re

from refkit.model import Date, Name, Reference
from refkit.parse.clean import is_org_name
from refkit.parse.commentary import parse_commentary
from refkit.parse.fields import parse_natural_date

_PARTY = r"[A-Z][\w.&'’\-]*(?:[\s,]+(?:[A-Z][\w.&'’\-]*|of|the|and|for|de|du|la|&|ex\s+rel\.))*"
_CASE_NAME = rf"(?P<title>(?:{_PARTY}\s+v\.?\s+{_PARTY}|In\s+re\s+{_PARTY}|Ex\s+parte\s+{_PARTY})(?:\s+\[No\.?\s*\d+\])?)"
_REPORTER = r"(?P<reporter>[A-Z][A-Za-z.'’&]*(?:\s?(?:\d(?:d|th|st|nd)|[A-Z][A-Za-z.'’&]*))*)"
_PAGE = r"(?P<page>\d{1,5})(?:,\s*\d{1,5}(?:[-–]\d{1,5})?)?(?:\s*\(\d{1,5}\))?"
_US_CASE = re.compile(rf"{_CASE_NAME},\s+(?P<volume>\d{{1,4}})\s+{_REPORTER}\s+{_PAGE}\s*"
                      r"\((?:(?P<court>[^()]*?\D)\s+)?(?P<year>(?:1[6-9]|20)\d\d)\)\.?")
_SQUARE_CASE = re.compile(rf"{_CASE_NAME},?\s+\[(?P<year>(?:1[6-9]|20)\d\d)\]\s+(?:(?P<volume>\d{{1,3}})\s+)?{_REPORTER}\s+"
                          rf"{_PAGE}\.?")
_ROUND_CASE = re.compile(rf"{_CASE_NAME},?\s+\((?P<year>(?:1[6-9]|20)\d\d)\)\s+(?P<volume>\d{{1,4}})\s+{_REPORTER}\s+"
                         rf"{_PAGE}\.?")
_ACT = re.compile(r"(?P<title>(?:The\s+)?[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|and|for|the|on|to|in|\(\w+\)))*?\s+"
                  r"Act(?:\s+of)?\s+(?:1[6-9]|20)\d\d)(?:\s+\((?P<juris>Cth|NSW|Vic|Qld|WA|SA|Tas|ACT|NT|NZ|UK|Can|Ire)\))?"
                  r"(?P<rest>(?:,\s*[^,]{1,60})*)\.?")  # AGLC's "Climate Change Act 2022 (Cth)": the jurisdiction
_HINT = re.compile(r"\sv\.?\s|\bIn\s+re\s|\bEx\s+parte\s|\sAct\b")
_PUBLIC_LAW = re.compile(r"(?P<number>Pub\.\s?L\.(?:\s?No\.)?\s?\d{1,3}-\d{1,4}|c\.\s?\d{1,4}|ch\.\s?\d{1,4})")
_STATUTES_AT_LARGE = re.compile(r"(?P<volume>\d{1,4})\s+(?P<container>Stat\.)\s+(?P<page>\d{1,5})")


# German decisions and statutes: "BVerfG, Urteil vom 12.10.1993 – 2 BvR 2134/92 –, BVerfGE 89, 155 – Maastricht.",
# "BVerfGE 65, 1 (43) – Volkszählung.", "Gesetz zur ... vom 11. August 2014, BGBl. I S. 1348."
_NUM = (r"(?:(?:\d{1,2}|[IVX]{1,4}[a-z]?)\s?[A-Za-z]{1,4}\s?\d+(?:,\s*\d+)*/\d{2}|[CT]-\d{1,4}/\d{2}|\d{3,6}/\d{2}|"
        r"\d{1,2}\s?[A-Z]{1,2}\s?\d{1,4}\.\d{2})")  # (BVerwG's "7 C 30.17")
_DE_COURT = re.compile(r"(?P<court>BVerfG|BGH|BVerwG|BAG|BSG|BFH|EuGH|EuG|EGMR|(?:OLG|LG|AG|OVG|VGH|VG|LAG|LSG|FG)\s+[A-ZÄÖÜ][\w\-]+"
                       r"(?:\s+(?:a\.\s?M\.|i\.\s?Br\.))?)"
                       r"(?:,\s*(?P<genre>(?:Urteil|Beschluss|Urt\.|Beschl\.|Entsch\.|Gutachten)[^,–]*?)\s+(?:vom|v\.)\s+"
                       r"(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.\s?|[A-ZÄÖÜ][a-zä]+\s+)\d{4}))?"
                       rf"(?:(?:\s*[–-]\s*|,\s*)(?:Rs\.\s*|Az\.\s*)?(?P<number>{_NUM}(?:(?:,|\s+und|\s+u\.)\s*{_NUM})*)"
                       r"(?:\s+u\.\s?a\.)?(?:\s*\((?P<name>[^()]{2,80})\))?)?\s*[–-]?\s*(?:,\s*|$)")
# a decision cited by a journal: "NJW 2018, 3178 Rn. 21 – Digitaler Nachlass"
_DE_JOURNAL = re.compile(r"(?P<reporter>[A-Z][A-Za-z]{1,8}(?:-[A-Z]{1,4})?)\s+(?:(?P<jyear>(?:19|20)\d\d),\s*)(?P<page>\d{1,6})"
                         r"(?:\s*\(\d{1,6}\))?(?:,?\s+(?P<rn>Rn\.\s*\d+(?:\s*f+\.)?))?"
                         r"(?:\s*[–-]\s*(?P<t1>[^–]+?)|\s*\((?P<t2>[^()]+)\))?\.?")
# the European Court's identifier, with the case's name before it: "Google Spain ..., ECLI:EU:C:2014:317, Rn. 94"
_DE_ECLI = re.compile(r"(?:(?P<t1>[^,]{3,200}),\s*)?(?P<ecli>ECLI:[A-Z]{2}:[A-Za-z]+:\d{4}:\w+(?:\.\w+)*)"
                      r"(?:,\s*(?P<rn>Rn\.\s*\d+(?:\s*f+\.)?))?\.?")
_DOC_KIND = re.compile(r"(?:Gesetzentwurf|Antrag|Antwort|Beschlussempfehlung|Unterrichtung|Kleine Anfrage|Große Anfrage|Bericht)")
# a Bundestag or Bundesrat paper: "BT-Drs. 19/27635, S. 106", "Gesetzentwurf ...: Entwurf ..., BT-Drucks. 18/12356 vom 16.5.2017"
_DE_DRUCKSACHE = re.compile(r"(?:(?P<genre>[^:,]{3,80}):\s+)?(?:(?P<title>.+?),\s+)?(?P<series>(?:BT|BR|LT)-(?:Drs|Drucks|Drucksache)\.?)"
                            r"\s+(?P<number>[\dIVX]{1,3}/\d{1,6})(?:\s+vom\s+(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?\d{4}))?"
                            r"(?:,\s*S\.\s*(?P<page>\d{1,5})(?:\s*f+\.)?)?\.?")
_DE_REPORT = re.compile(r"(?P<reporter>BVerfGE|BGHZ|BGHSt|BVerwGE|BAGE|BSGE|BFHE)\s+(?P<volume>\d{1,3}),\s*(?P<page>\d{1,4})"
                        r"(?:\s*\(\d{1,4}(?:\s*f+\.)?\))?(?:\s*[–-]\s*(?P<t1>[^()–]+?)|\s*\((?P<t2>[^()]+)\))?\.?")
_DE_STATUTE = re.compile(r"(?P<title>(?:Gesetz|Verordnung|Grundgesetz|Bundesgesetz)\b.*?)(?:\s+(?:in\s+der\s+Fassung\s+der\s+"
                         r"Bekanntmachung\s+)?vom\s+(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.\s?|[A-ZÄÖÜ][a-zä]+\s+)\d{4}))?"
                         r"(?:,?\s*(?:in:\s*)?|\.\s+|\s*\()"  # ", BGBl.", ", in: BGBl.", ". BGBl.", " (BGBl."
                         r"(?P<container>(?:BGBl|RGBl)\.(?:\s?I{1,3})?|Reichsgesetzblatt|Bundesgesetzblatt)"
                         r"(?:,?\s+(?:1[89]|20)\d\d(?:\s+(?P<part>I{1,3}))?)?,?\s+S\.\s*(?P<page>\d{1,5}(?:\s*[–-]\s*\d{1,5})?)\)?\.?")


def parse_legal(text: str) -> Reference | None:
    """The reference ``text`` read as a court decision or a statute, or None when it is neither."""
    t = " ".join(text.split()).strip()
    if "Rn." in t and (entry := parse_commentary(t)) is not None:
        return entry  # a commentary: "Sprau, in: Grüneberg, BGB, 82. Aufl. 2023, § 823 Rn. 5."
    if "BVerfG" in t or "BGBl" in t or "BGH" in t or "BVerwG" in t or "gesetzblatt" in t or "-Dr" in t or \
            _DE_COURT.match(t):
        return _german(t)
    if not _HINT.search(t):  # most references: no party "v", no "In re", no Act
        return None
    for rx in (_US_CASE, _SQUARE_CASE, _ROUND_CASE):
        m = rx.fullmatch(t)
        if m:
            return _case(m)
    web = _WEB_TAIL.search(t)
    m = _ACT.fullmatch(t[:web.start()] if web else t)
    if m:
        act = _act(m)
        if act is not None and web:  # "Equality Act 2010, c. 15. Available at: https://... (Accessed: 3 March 2024)."
            act.fields["URL"] = web.group("url")
            seen = parse_natural_date(web.group("acc") or "")
            if seen:
                act.dates["accessed"] = seen
        return act
    return None


_WEB_TAIL = re.compile(r"\.?\s*(?:Available\s+(?:at|from)\s*:?|URL:?)\s*(?P<url>https?://\S+?)\.?"
                       r"(?:\s*[(\[]?(?:Accessed|Viewed|Retrieved)(?:\s+on)?:?\s*(?P<acc>[^)\]]{4,30}?)[)\]]?)?\.?$")


# courts' own (neutral) citations: "[2017] UKSC 5" is the court and the decision's number, no report series
_NEUTRAL = re.compile(r"UKSC|UKHL|UKPC|UKUT|UKFTT|EWCA\s(?:Civ|Crim)|EWHC|EWCOP|EWFC|HCA|FCA|FCAFC|NZSC|NZCA|SCC|ONCA|BCCA|"
                      r"IESC|IECA|IEHC|CSIH|CSOH|UKEAT|ZACC|ZASCA")


def _case(m: re.Match[str]) -> Reference:
    reporter = m.group("reporter").strip()
    if _NEUTRAL.fullmatch(reporter) and not m.group("volume"):
        f = {"title": m.group("title").strip(" ,"), "authority": reporter, "number": m.group("page")}
        return Reference(type="legal_case", fields=f, dates={"issued": Date(start=(int(m.group("year")),))})
    f = {"title": m.group("title").strip(" ,"), "container-title": reporter, "page": m.group("page")}
    if m.group("volume"):
        f["volume"] = m.group("volume")
    court = m.groupdict().get("court")
    if court:
        f["authority"] = court.strip()
    return Reference(type="legal_case", fields=f, dates={"issued": Date(start=(int(m.group("year")),))})


def _act(m: re.Match[str]) -> Reference | None:
    f = {"title": m.group("title").strip()}
    for part in (p.strip().rstrip(".") for p in m.group("rest").split(",") if p.strip()):
        if (n := _PUBLIC_LAW.fullmatch(part)):
            f["number"] = n.group("number")
        elif (s := _STATUTES_AT_LARGE.fullmatch(part)):
            f.update(volume=s.group("volume"), page=s.group("page"))
            f["container-title"] = s.group("container")
        else:
            return None  # something else after the Act's name: let the usual parse read it
    if m.group("juris"):
        f["authority"] = m.group("juris")
    y = re.search(r"(?:1[6-9]|20)\d\d$", f["title"])  # "Crime and Disorder Act 1998": the year it was passed
    return Reference(type="legislation", fields=f, dates={"issued": Date(start=(int(y.group(0)),))} if y else {})


def _german_date(s: str | None) -> Date | None:
    if not s:
        return None
    m = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", s.strip())
    return Date(start=(int(m.group(3)), int(m.group(2)), int(m.group(1)))) if m else parse_natural_date(s)


def _german(t: str) -> Reference | None:
    m = _DE_STATUTE.fullmatch(t)
    if m:
        box = re.sub(r"\.\s?", ". ", m.group("container")).strip() + (f" {m.group('part')}" if m.group("part") else "")
        f = {"title": m.group("title").strip(" ,"), "container-title": box, "page": re.sub(r"\s*[–-]\s*", "-", m.group("page"))}
        d = _german_date(m.group("date"))
        return Reference(type="legislation", fields=f, dates={"issued": d} if d else {})
    m = _DE_DRUCKSACHE.fullmatch(t)
    if m:
        f = {"collection-title": m.group("series"), "number": m.group("number")}
        names = {}
        pre, title = (m.group("genre") or "").strip(), (m.group("title") or "").strip()
        if pre and is_org_name(pre) and not _DOC_KIND.match(pre):  # "Landtag von Baden-Württemberg: Gesetzentwurf ... – Title"
            names["author"] = [Name(literal=pre)]
            pre = ""
        kind = re.match(rf"({_DOC_KIND.pattern}[^–:]{{0,60}}?)\s*[–:]\s+(?=\S)", title)
        if kind and not pre:
            pre, title = kind.group(1), title[kind.end():]
        if title:
            f["title"] = title
        if pre:
            f["genre" if title else "title"] = pre
        if m.group("page"):
            f["page"] = m.group("page")
        d = _german_date(m.group("date"))
        return Reference(type="bill", fields=f, names=names, dates={"issued": d} if d else {})
    lead = _DE_COURT.match(t)
    rest = t[lead.end():] if lead else t
    f = {}
    m = _DE_REPORT.fullmatch(rest)
    if m:
        f = {"container-title": m.group("reporter"), "volume": m.group("volume"), "page": m.group("page")}
    elif lead and (m := _DE_JOURNAL.fullmatch(rest)):
        f = {"container-title": m.group("reporter"), "page": m.group("page")}
    elif lead and (m := _DE_ECLI.fullmatch(rest)):
        f = {"note": m.group("ecli")}
    elif not (lead and lead.group("number") and re.fullmatch(r"(?:Rn\.\s*\d+(?:\s*f+\.)?|juris|beck-online|BeckRS\s[\d\s,]+)?\.?",
                                                             rest)):
        return None
    title = m and (m.group("t1") or m.groupdict().get("t2")) or (lead.group("name") if lead else None)
    if title:
        f["title"] = title.strip()
    if m and m.groupdict().get("rn"):
        f["note"] = ", ".join(x for x in (f.get("note"), m.group("rn")) if x)
    elif not m and rest.strip(" ."):
        f["note"] = rest.strip(" .")
    dates = {}
    if lead:
        f["authority"] = lead.group("court")
        if lead.group("genre"):
            f["genre"] = lead.group("genre").strip()
        if lead.group("number"):
            f["number"] = lead.group("number")
        d = _german_date(lead.group("date"))
        if d:
            dates["issued"] = d
    return Reference(type="legal_case", fields=f, dates=dates)
