"""Cleaners for the text of one labelled span: role words and brackets off names ("In", "(eds.)",
"Translated by"), names split and tidied, "Vol."/"No." off numbers, the issue split from the volume
("36(1)", "Vol. 12, No. 2"), editions, ISBNs, page ranges and dates. :mod:`refkit.parse.assemble` puts
the cleaned values together into a reference."""

from __future__ import annotations

import functools
import re

from refkit.model import Date, Name
from refkit.parse.fields import (
    CORPORATE_WORDS,
    DASH,
    MONTH_RE,
    MONTHS,
    clean_pages,
    expand_initials,
    family_dotted,
    inverted_name,
    parse_natural_date,
    parse_year,
    split_names,
    squash,
)

_EDGE = " \t,.;:/"
# "———.", "---", a lone "—.", German "Ders."/"Dies.", Latin "Idem"/"Eadem": the authors of the entry before
REPEATED_AUTHOR_RE = re.compile(r"^\s*(?:[\s\u2014\u2013\u2012_\-]{2,}|\u2014|Ders\.|Dies\.|DERS\.|DIES\.|Idem|Eadem|"
                                r"Id\.|Ead\.)\s*[.,:]?\s*$")
_ROLE_LEAD = re.compile(
    r"^(?:(?:in|dans|im|en)\s*:?\s+)?(?:\(?(?:edited|translated|compiled|introduced|ed\.?|eds\.?|hrsg\.?|hg\.?"
    r"|herausgegeben|trans\.?|transl\.?|tr\.|trad\.?|traduit|traducción|traduction|a\s+cura|übers\.?|übersetzt|dir\.?|éd\.?"
    r"|coord\.?|deutsch|besorgt\s+von|bearbeitet\s+von|bearb\.|eingeleitet|kommentiert|ediert|aus\s+dem\s+(?:[a-zäöü]\w+\s+)?\w+\.?(?:\s+(?:übersetzt|übertragen))?)\)?"
    r"(?:\s*(?:and|&|und|u\.)\s+(?:translated|trans\.?|transl\.?|übers\.?|übersetzt|eingeleitet|kommentiert|bearbeitet|"
    r"edited|ed\.|hrsg\.|hg\.))?"
    # "Edited and translated by", "Hrsg. und eingeleitet von"
    r"(?:\s+(?:fr\.|it\.|esp\.|cast\.|from\s+the\s+\w+|"
    r"de\s+l'\w+))?\s*(?:by|von|par|v\.|de|di|da|por)?\s*:?\s+)+",
    re.I,
)
_ROLE_TAIL = re.compile(
    r"[\s,]*[(\[]?\s*(?:\(?(?<![^\W\d_])(?:gen\.\s*)?(?:eds?|edd|editors?|hrsg|hg|hgg|begr|éds?|dirs?|coords?|comps?|trans|transl"
    r"|translators?|tr|trad|übers|red|oprac|a cura di|a cura|cur|ред|под ред|org|orgs|coord|译|譯|编|編|主编|主編)\.?\)?\s*(?:[&/]\s*|and\s+|u\.\s+)?)+"
    r"[)\]]?[\s,.;:]*$",
    re.I,
)
_IN_NAMES = re.compile(r"^\s*(?:in|dans|im|en)\s*:?\s+(?=\S)", re.I)
IN_LEAD_RE = re.compile(r"^\s*(?i:in|dans|im|en|i)\s*:\s*|^\s*(?:In|Dans|Im|En)\s+|^\s*(?:in|dans|im|en)\s+(?=[A-Z0-9“\"«])",
                      re.U)


def trim_edge(s: str) -> str:
    return s.strip(_EDGE)


def unbracket_span(s: str) -> str:
    s = s.strip()
    while len(s) > 1 and ((s[0], s[-1]) in {("(", ")"), ("[", "]"), ("{", "}")}):
        s = s[1:-1].strip()
    return s


@functools.lru_cache(maxsize=65536)  # a pure function of the string; journal names and the like recur
def _quote_count(s: str, q: str) -> int:
    """How often ``q`` stands in ``s`` as a quote: an apostrophe between letters ('BBC's') is not one."""
    n = s.count(q)
    return n - len(re.findall(rf"(?<=\w){re.escape(q)}(?=\w)", s)) if q in "'’" else n


def clean_text(s: str) -> str:
    """Trim edge punctuation, a wrapping pair of brackets or quotes, and PDF soft hyphens."""
    s = squash(s.replace("\u00ad", ""))
    if s.startswith("."):
        s = re.sub(r"^\.\s+", "", s)  # ". National Audit Board": a cut left the full stop before it
    s = s.strip(" ,;:")
    if s.endswith(("(", "[")):
        s = re.sub(r"\s*[(\[]$", "", s)  # "Title. (" cut from "Title. (Publisher, 2012)"
    if s.endswith(".") and not re.search(r"(?:\b[A-Z]|\.\.|\b(?:al|etc|ed|eds|Inc|Ltd|Co|Jr|Sr|St))\.$", s):
        s = s[:-1]
    s = t0 = s.strip(" ,;:")
    for o, c in (("(", ")"), ("[", "]"), ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("'", "'"), ("„", "“")):
        if len(s) > 2 and s.startswith(o) and s.endswith(c) and _quote_count(s, o) == (2 if o == c else 1):
            s = s[1:-1].strip(" ,;:")
    if s.startswith(("“", "«", "„")) and s.endswith(("”,", "”.", "».", "»,")):
        s = s[1:-2].strip()
    if s != t0 and s.endswith(".") and not re.search(r"(?:\b[A-Z]|\.\.|\b(?:al|etc|ed|eds|Inc|Ltd|Co|Jr|Sr|St))\.$", s):
        s = s[:-1]  # '“Why Our Sourdough Failed.”': the full stop inside the quotes
    for o, c in (("(", ")"), ("[", "]")):  # "(Éditions du Rhône" cut from "(Éditions du Rhône, Lyon, 2009)"
        if s.endswith(o):
            s = s[:-1].strip(" ,;:")
        if s.startswith(o) and c not in s:
            s = s[1:].strip()
        elif s.endswith(c) and o not in s:
            s = s[:-1].strip(" ,;:.")
    return s


def strip_role_words(s: str) -> str:
    """'In K. Brown (gen. ed.),' -> 'K. Brown'; 'Translated by A. B.' -> 'A. B.'."""
    t = squash(s)
    for _ in range(2):
        before = t
        t = _IN_NAMES.sub("", t)
        t = _ROLE_LEAD.sub("", t)
        t = re.sub(r"^(?:für|im\s+Auftrag\s+(?:der|des|von))\s+[^,]{3,80}?\s+von\s+", "", t)  # "Hg. für die X-Stiftung von Y"
        t = _ROLE_TAIL.sub("", t)
        t = unbracket_span(t.strip(" ,;:"))
        if t == before:  # a second pass would change nothing either
            break
    if t.startswith(("(", "[")) and not re.search(r"[)\]]", t):
        t = t[1:]
    if t.endswith((")", "]")) and not re.search(r"[(\[]", t):
        t = t[:-1]
    t = t.strip(" ,;:")
    if re.search(r"\w{3,}\.$", t) and not re.search(r"\b(?:al|Jr|Sr|Jnr|Snr|Inc|Ltd|Co)\.$", t):
        t = t[:-1]
    return t


_ORG_WORDS = re.compile(
    r"\b(?:organi[sz]ation|association|society|institut[eo]?|university|universit[éy]|department|ministry|"
    r"council|committee|commission|agency|bureau|office|foundation|corporation|company|group|centre|center|"
    r"bank|board|service|national|international|federal|government|nations|union|league|academy|inc|ltd|"
    r"library|museum|archives?|gallery|hospital|clinic|laboratory|observatory|trust|authority|survey|"
    r"statistics|parliament|senate|court|police|network|program|programme|secretariat|secretary-general|"
    r"project|consortium|institution|stiftung|verband|verein|bundesamt|ministerium|kommission|zentrum|"
    r"administration|centers|centres|institutes|services|collaboration|landtag|bundestag|bundesrat|bundesregierung|"
    r"landesregierung|senatsverwaltung|bundeszentrale|bundesagentur|bundesanstalt|bundesinstitut|public\s+health|"
    r"health\s+england|nhs)\b",
    re.I,
)


def _dehyphenate(s: str) -> str:
    """Undo PDF line-wrap hyphens: 'Hethering- ton' -> 'Hetherington', 'Jean- Pierre' -> 'Jean-Pierre'."""
    s = re.sub(r"(\w)[-\u2010\u2011\u00ad]\s+([a-zà-öø-ÿ])", r"\1\2", s)
    return re.sub(r"(\w)([-\u2010\u2011])\s+(\w)", r"\1\2\3", s)


_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_VANCOUVER_NAME = re.compile(
    rf"^(?P<fam>(?:['’]t\s+)?[^\W\d][\w'’\- ]*?)\s+(?P<ini>[{_UP}]{{1,4}})\.?"
    r"(?P<rest>(?:\s+[a-z][a-z\-]{1,10}(?<!\bet)(?<!\band))?)(?:\s+(?P<suffix>Jr|Sr|II|III|IV|2nd|3rd)\.?)?$")
# Initials printed run together ("Halpern SD") are written out ("S. D.") in the model.
EXPAND_INITIALS = True


def _vancouver(m: re.Match[str]) -> Name:
    ini = m.group("ini")
    given = expand_initials(ini) if EXPAND_INITIALS else ini
    rest = m.group("rest").strip()
    particle = ""
    dropping = ""
    if rest and rest.lower() in {"de", "van", "von", "der", "da", "di", "du", "le", "la", "del", "dos"}:
        dropping, rest = rest, ""  # "Montclair P de": a dropping particle printed after the initials
    if rest:
        given = f"{given}-{rest}" if EXPAND_INITIALS else f"{ini} {rest}"
    fam = m.group("fam").strip()
    fw = fam.split(" ")
    while len(fw) > 1 and fw[0].lower() in {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del",
                                            "dos", "ter", "ten"} and fw[0][0].islower():
        particle = (particle + " " + fw.pop(0)).strip()
    return Name(family=" ".join(fw), given=given, particle=particle, dropping=dropping,
                suffix=m.group("suffix") or "")


def _tidy_name(n: Name) -> Name:
    """Trailing dots and commas off family names and off given names that are whole words."""
    n.family = n.family.strip(" ,;:").rstrip(".") if len(n.family.strip(" .")) > 1 else n.family
    g = n.given.strip(" ,;:")
    if g.endswith(".") and len(g.split(" ")[-1]) > 3 and not re.search(r"[A-Z]\.$", g):
        g = g[:-1]
    pm = _TRAILING_PARTICLE.search(g) if " " in g and not n.particle and not n.dropping else None
    if pm:  # "Tocqueville, Alexis de", "Humboldt, Wilhelm von": the particle printed after the given name
        g, n.dropping = g[:pm.start()], pm.group(1)
    n.given = g
    n.literal = n.literal.strip(" ,;:")
    return n


_TRAILING_PARTICLE = re.compile(r"(?<=[a-zà-ÿ])\s+((?:von|van|de|du|des|da|di|del|della|dos|das|ter|ten|zu)"
                                r"(?:\s+(?:der|den|und\s+zu|la|le))?)\.?$")


_GROUP_WORDS = re.compile(r"\b(?:group|consortium|network|collaboration|collaborative|committee|team|academia|academy|"
                          r"investigators|society|association|council|union|organi[sz]ation|agency|office)\b", re.I)


# "Bundesamt für Migration und Flüchtlinge", "Zentrum für Türkeistudien", "Ministry of Labour and Pensions":
# an institution's word, then "für"/"of"/"de": one corporate name, whatever "und"/"and" it holds
_ORG_OF = re.compile(
    r"^\s*(?:[A-ZÄÖÜ][\w\-]*\s+){0,3}?(?:\w*(?:amt|ministerium|agentur|zentrum|institut|verband|gesellschaft|"
    r"stiftung|kommission|behörde|kammer|bank|rat|anstalt)|Bundes\w+|Landes\w+|Institut\w*|Ministry|Office|"
    r"Department|Bureau|Institute|Centre|Center|Agency|Council|Commission|Ministère|Ministerio|Instituto|Centro|"
    r"Conseil|Consejo|Agence|Secretaría|Secretariat|Federation|Association)\s+(?:für|for|of|de|du|des|del|della|"
    r"zur|zum|der)\s+\S", re.I)


def is_org_name(c: str) -> bool:
    return bool(_ORG_WORDS.search(c) or _GROUP_WORDS.search(c)) and len(c.split()) >= 2


_names_cache: dict[tuple[str, bool], tuple[Name, ...]] = {}


def clean_names(s: str) -> list[Name]:
    """A printed name list (with role words) -> names; corporate names stay literal."""
    key = (s, EXPAND_INITIALS)
    names = _names_cache.get(key)
    if names is None:
        names = tuple(_clean_names(s))
        if len(_names_cache) > 50_000:
            _names_cache.clear()
        _names_cache[key] = names
    # fresh copies (callers may change them); built directly, 3-4x faster than dataclasses.replace
    return [Name(n.family, n.given, n.particle, n.suffix, n.dropping, n.literal, n.others) for n in names]


def _clean_names(s: str) -> list[Name]:
    if "،" in s or "؛" in s:  # Arabic: "أبو حطب، فؤاد، وصادق، آمال" has the Arabic comma, "و" for "and"
        s = re.sub(r"،\s*و(?=\S)", ", & ", s).replace("،", ",").replace("؛", ";")
    t = strip_role_words(_dehyphenate(re.sub(r"\s*\(\[?$", "", s.strip())))  # "Weber, Max ([1922] 1980)": not the bracket
    t = strip_role_words(_IN_NAMES.sub("", t))
    if not t:
        return []
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", t):  # CJK names: family and given run together
        parts = [c.strip(" .") for c in re.split(r"[,、，;；]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+|\s*&\s*", t) if c.strip(" .")]
        etal = bool(parts) and parts[-1] in ("等", "ほか", "他", "외", "et al", "et al.")  # "刘纪远, 张增祥, 徐新良, 等."
        return [Name(literal=c) for c in (parts[:-1] if etal else parts)] + ([Name.et_al()] if etal else [])
    if "/" in t and "," not in t:  # "Statistisches Bundesamt (Destatis)/Wissenschaftszentrum Berlin (WZB)/...": bodies
        bodies = [p.strip() for p in re.split(r"\s?/\s?(?=[A-ZÄÖÜ])", t) if p.strip()]
        if len(bodies) >= 2 and all(is_org_name(b) or _ORG_WORDS.search(b) or CORPORATE_WORDS.search(b) for b in bodies):
            return [Name(literal=clean_text(b)) for b in bodies]
    society = re.fullmatch(r"(?:der|dem|vom)\s+([A-ZÄÖÜ][\w]+-[A-ZÄÖÜ][\w\-]+)\.?", t.strip())
    if society:  # "hg. v. der Görres-Gesellschaft": the body, not a person called "der"
        return [Name(literal=society.group(1))]
    if re.fullmatch(r"o\.\s?V\.?|N\.\s?N\.?|ohne\s+Verfasser|anon\.?", t.strip(), re.I):
        return []  # "o. V." (ohne Verfasser): no author printed
    if re.fullmatch(r"[A-ZÄÖÜ][\w\-]{3,}(?:\s[\w\-]+){0,6}\s\([A-ZÄÖÜ][A-Za-zÄÖÜ]{1,9}\)\.?", t.strip()):
        return [Name(literal=clean_text(t.strip().rstrip(".")))]  # "Kultusministerkonferenz (KMK)": a body and its acronym
    if "," not in t and ";" not in t and _ORG_WORDS.search(t) and len(t.split()) >= 3 and re.fullmatch(
            r"(?:[A-Z][\w'’\-]*|and|of|for|the|&|on|in)(?:\s+(?:[A-Z][\w'’\-]*|and|of|for|the|&|on|in))+", t.strip(" .")):
        return [Name(literal=clean_text(t.strip(" .")))]  # "Centers for Disease Control and Prevention": one body
    if "," not in t and ";" not in t and _ORG_WORDS.search(t) and not re.search(r"\b(?:and|&)\b", t):
        return [Name(literal=clean_text(t))]
    if re.fullmatch(r"[A-ZÀ-Þ][\w&'’\-]{2,}\.?", t.strip()) and not re.match(
            r"(?i)anon|unknown|unbekannt|inconnu|desconocido", t.strip()):
        return [Name(literal=t.strip().rstrip("."))]  # "Eurostat.", "UNESCO": one word is an organisation's name
    if "," not in t and ";" not in t and _GROUP_WORDS.search(t) and not re.search(r"\b(?:and|&|und|et|y)\b", t):
        return [Name(literal=clean_text(t.rstrip(" .")))]  # "ATLAS Collaboration", "R Core Team"
    if "," not in t and ";" not in t and _ORG_OF.match(t) and not re.search(r"\s(?:and|&)\s+[A-Z]\.", t):
        # "Bundesministerium für Arbeit und Soziales" (but "Kommission für X and L. Castillo" is two)
        return [Name(literal=clean_text(t.rstrip(" .")))]
    dotted = [family_dotted(c) for c in re.split(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&|и)\s+", t) if c.strip()]
    if len(dotted) >= 2 and all(dotted):  # "Зоненшайн Л. П., Кузьмин М. И.", "Smith J. A., Jones K. L."
        return [inverted_name(d[0], d[1]) for d in dotted if d]
    # Vancouver lists: "Kowalczyk A, Eriksen TB, Zhang W"
    chunks = [c.strip() for c in re.split(r",\s*|\s+(?:and|&)\s+", t.rstrip(".")) if c.strip()]
    others = bool(chunks) and re.fullmatch(r"(?:et\.?\s*al\.?|and others)", chunks[-1], re.I) is not None
    body = chunks[:-1] if others else chunks
    vanc = [_VANCOUVER_NAME.match(c) for c in body]
    orgs = [m is None and is_org_name(c) for m, c in zip(vanc, body, strict=True)]
    vanc = [m if m and not (m.group("fam").isupper() and len(m.group("fam")) > 1) else None for m in vanc]
    if body and any(vanc) and all(m or o for m, o in zip(vanc, orgs, strict=True)) and (len(body) > 1 or "," not in t):
        names = []
        for c, m in zip(body, vanc, strict=True):
            names.append(_vancouver(m) if m else Name(literal=clean_text(c)))
        return names + ([Name.et_al()] if others else [])
    names = split_names(t)
    if not names:
        return [Name(literal=clean_text(t))]
    return [_tidy_name(n) for n in names]


_VOL = re.compile(
    r"^\s*(?:(?:vol(?:ume)?s?|bd|band|jg|jahrgang|tome|tomo|t|т|v|anno|année|year)(?:\.\s*|\s+))?"
    r"(?P<vol>[0-9IVXLCivxlc]+[A-Za-z]?(?:\s*[-\u2013/]\s*\d+)?)(?:\.?\s*(?:Jg|Jahrgang|année|anno|Bd)\b\.?)?"
    r"(?:\s*(?:[(\[]\s*(?P<iss1>[^)\]]+?)\s*[)\]]|[,.:]?\s*(?:heft|issue|number|num|nos|nr|no|iss|núm|nro|n°|nº|№|h|n|#)(?![a-z])\.?\s*"
    r"(?P<iss2>[\w\u2013/-]+)|,\s*(?P<iss3>\d+(?:\s*[-\u2013/]\s*\d+)?)(?=\s*$|\s*[,:;.]\s*$)))?"
    r"(?P<rest>.*)$",
    re.I,
)
_NO_NUMBER = re.compile(r"(?:v|t|[Vv][Oo][Ll]?[Ss]?|[Vv]olume|[Nn][Oo][Ss]?|[Nn][Rr]|[Nn][°º]|[Hh]eft|[Ii]ssue|[Bb]d|[Jj]g)\.?")
_ISSUE_ONLY = re.compile(r"^\s*(?:heft|issue|number|num|nos|nr|no|iss|núm|nro|n°|nº|№|h|n|#)(?![a-z])\.?\s*(?P<iss>[\w\u2013/-]+)", re.I)


def split_volume(s: str) -> tuple[str, str, str]:
    """'36(1)' -> ('36', '1', ''); 'Vol. 12, No. 2' -> ('12', '2', ''); '249(3):29-38' -> ('249', '3', '29-38').

    Returns (volume, issue, pages-found-inside).
    """
    t = squash(s).strip(" ,.;:")
    if re.fullmatch(r"\(\s*[\w/\-–]+\s*\)", t):  # APA's "(4)": an issue without a volume
        return ("", t[1:-1].strip(), "")
    t = unbracket_span(t) if t.startswith("(") and t.endswith(")") else t.lstrip("(").strip()
    t = re.sub(r"^v,\s*(?=\d)", "v. ", t)  # "v, 184": a volume, not the roman five and an issue
    if _NO_NUMBER.fullmatch(t):
        return ("", "", "")  # "vol.", "No.": a numbering word whose number went elsewhere
    if re.fullmatch(r"\d{1,3}(?:\s*[-\u2013]\s*\d{1,3})?\s*/\s*(?:1[5-9]|20)\d\d", t):
        return ("", t, "")  # "3/2015": the year's third issue (kept as printed, as "Nr. 3/2015")
    m = _ISSUE_ONLY.match(t)
    if m and not re.match(r"^\s*n\w", t[len(m.group(0)):], re.I):
        rest = t[m.end():]
        vm = re.match(r"\s*[,(]?\s*(?:vol\.?|volume)\s*(\d+)", rest, re.I)
        return (vm.group(1) if vm else "", m.group("iss").strip(" .,"), "")
    m = _VOL.match(t)
    if not m:
        return ("" if _NO_NUMBER.fullmatch(t) else trim_edge(t), "", "")
    vol = m.group("vol")
    iss = (m.group("iss1") or m.group("iss2") or m.group("iss3") or "").strip(" .,")
    rest = (m.group("rest") or "").strip()
    pages = ""
    pm = re.match(rf"^[,:]?\s*(?:pp?\.?\s*)?([A-Z]?\d+(?:\s*[{DASH}]+\s*[A-Z]?\d+)?|[ivxlc]+\s*[{DASH}]+\s*[ivxlc]+)\s*[,.;]?$",
                  rest)  # "40(1): ix–xiv": roman page numbers too
    if pm:
        pages = re.sub(rf"\s*[{DASH}]+\s*", "-", pm.group(1))
    if re.search(rf"(?i)\(\s*(?:{MONTH_RE}|spring|summer|autumn|fall|winter)", t):
        iss = ""  # Chicago's "3 (November)": the month, not an issue
    if iss and re.match(r"(?i)^(?:no|nr)\.?\s*", iss):
        iss = re.sub(r"(?i)^(?:no|nr)\.?\s*", "", iss)
    if re.fullmatch(r"\d+\s*vols?\.?", t, re.I):
        return (vol, "", "")
    zib = re.fullmatch(r"(\d{1,4})\s*:\s*(\d{1,2}),?", t)
    if zib:  # ZIB's "40: 2, 177-228": volume 40, issue 2
        return (zib.group(1), zib.group(2), "")
    mhra = re.fullmatch(r"(\d{1,4})\.(\d{1,2})", t.split("(")[0].strip()) if not iss else None
    if mhra:  # MHRA's "91.5 (1986)": volume 91, issue 5
        return (mhra.group(1), mhra.group(2), pages)
    vi = re.fullmatch(r"(\d{1,4})\s*/\s*(\d{1,3})", vol) if not iss else None
    if vi and int(vi.group(2)) != int(vi.group(1)) + 1:  # OUP's "46/2": volume and issue; "13/14" is a double volume
        vol, iss = vi.groups()
    return (vol.replace(" ", ""), iss, pages)


def clean_edition(s: str) -> str:
    """'(2nd ed.).' -> '2'; '5th edn.' -> '5'; 'Rev. ed.' -> 'Rev. ed.'."""
    t = re.sub(r"^[(\[](.*)[)\]][.,;:]*$", r"\1", squash(s).strip(" ,;:")).lstrip("([").strip()
    t = clean_text(t)
    season = re.match(r"(?i)((?:spring|summer|fall|autumn|winter)\s+(?:19|20)\d\d)\b", t)
    if season:  # the Stanford Encyclopedia's "Summer 2022 ed."
        return season.group(1)
    m = re.match(r"^(\d+)\s*(?:st|nd|rd|th|e|ème|er|re|\.|ª|\.ª|a|\.a)?\b", t)
    if m:
        return m.group(1)
    words = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
             "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10"}
    w = t.split(" ")[0].lower() if t else ""
    if re.fullmatch(r"(?i)edition|ed\.?|edn\.?|aufl\.?|auflage|éd\.?|édition", t):
        return ""  # "(Spring 2020 Edition)": the word alone, its season went to the date
    return words.get(w, t)


def clean_isbn(s: str) -> str:
    t = re.sub(r"(?i)^\s*isbn(?:-1[03])?\s*:?\s*", "", squash(s))
    return t.strip(" ,.;:")


SUPPLEMENT_RE = re.compile(r"^(?:Suppl|Supplement|Suppl\.\s*\d+)\.?\s*[,:;]?\s*(?=(?:pp?\.?\s*)?[A-Za-z]?\d)", re.I)
# "S. 45", "p.12", "pp 3-9"; not the "S" of a supplement's page "S95"
_PAGE_PREFIX = re.compile(r"^(?:(?:pages|page|pp|seiten|seite|ss|str|стр)\.?\s*|(?:p|s|c)(?:\.\s*|\s+))(?=[\dIVXLCivxlc])",
                          re.I)


def split_span_pages(s: str) -> tuple[str, str]:
    """(page, number-of-pages)."""
    t = squash(s).strip(" ,.;:()[]")
    m = re.fullmatch(r"(\d+)\s*(?:pp|pages|p|S|Seiten|s|с|стр)\.?", t)
    if m:
        return "", m.group(1)
    t = _PAGE_PREFIX.sub("", SUPPLEMENT_RE.sub("", t))
    t = re.sub(r"(?i)[\s,;]*(?:vol|bd|tome)\.?\s*\d+$", "", t)  # IEEE's "pp. 997–1000 vol.2"
    t = re.sub(r"^(\d+)(?:\s*\(\d+(?:\s*f+\.?)?\)?|\s*f+\.?)+$", r"\1", t)  # the law's "1529 (1530)", "297 ff.": the first page
    return clean_pages(t), ""


_YMD = re.compile(rf"^\(?((?:1[5-9]|20)\d\d)[a-z]?,?\s+({MONTH_RE})(?:\s+(\d{{1,2}}))?\b")
_YDM = re.compile(rf"^\(?((?:1[5-9]|20)\d\d)[a-z]?,\s+(\d{{1,2}})\.?\s+({MONTH_RE})(?![\w])")  # APA in German: "(2018, 26. April)"


_REPRINT_YEAR = re.compile(r"^[(\[]((?:1[5-9]|20)\d\d)[)\]]\s*((?:1[5-9]|20)\d\d)[a-z]?\W*$")


def parse_span_date(s: str) -> Date | None:
    t = squash(s)
    rep = _REPRINT_YEAR.match(t)  # Chicago's "(1887) 2015": first published 1887, this edition 2015
    if rep:
        return Date(start=(int(rep.group(2)),))
    ymd = _YMD.match(t)  # "2002 Jul 25", "(2023, February 28)"
    if ymd:
        mo = MONTHS[ymd.group(2).rstrip(".").lower()]
        day = int(ymd.group(3)) if ymd.group(3) and 1 <= int(ymd.group(3)) <= 31 else 0
        return Date(start=(int(ymd.group(1)), mo, day) if day else (int(ymd.group(1)), mo))
    ydm = _YDM.match(t)
    if ydm and 1 <= int(ydm.group(2)) <= 31:
        return Date(start=(int(ydm.group(1)), MONTHS[ydm.group(3).rstrip(".").lower()], int(ydm.group(2))))
    y = parse_year(t)
    if y is None:
        lit = clean_text(unbracket_span(t.strip(" ,.;:")))
        return Date(literal=lit) if lit else None
    if y.start and not y.end:
        nat = parse_natural_date(re.sub(rf"({MONTH_RE}),\s*(?=\d{{4}})", r"\1 ", t))  # "(August, 1955)"
        if nat and nat.start and nat.start[0] == y.start[0]:
            return nat
    return y


_COMPACT = re.compile(
    r"^\(?(?P<year>\d{4})[a-z]?\)?\s*[;,]\s*(?P<vol>\d+[A-Za-z]?)(?:\s*\((?P<iss>[^)]+)\))?"
    rf"(?:\s*:\s*(?P<pages>[\w]+(?:\s*[{DASH}]\s*\w+)?))?[\s.,;:]*$"
)


def split_compact(s: str) -> tuple[str, str, str, str] | None:
    """Vancouver's '2018;85(4):12-19.' -> ('2018', '85', '4', '12-19'); None if it is not one."""
    m = _COMPACT.match(squash(s))
    if not m:
        return None
    pages = re.sub(rf"\s*[{DASH}]\s*", "-", m.group("pages") or "")
    return m.group("year"), m.group("vol"), (m.group("iss") or "").strip(), pages


