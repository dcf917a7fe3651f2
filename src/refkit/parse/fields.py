"""Small, pure field normalisers shared by the rule-based parser and the tagger's field assembly.

Each takes the text of one field as printed and returns a clean value; none of them prints or
raises on odd input (they return what they can and leave the rest to the caller).
"""

from __future__ import annotations

import re
import unicodedata

from refkit.model import Date, Name
from refkit.parse.lexicon import FAMILY_NAMES, GIVEN_NAMES, given_name

WS = re.compile(r"\s+")
DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}
MONTH_RE = r"(?:(?:Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember)(?![a-z])|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

# Words that mark the family-name part of a Persian, Arabic or Turkish compound surname when they
# stand as separate words ("X Nia Y", "Y Zadeh"): the family name starts at the word before them.
SURNAME_MORPHEMES = {
    "nia", "nya", "zadeh", "zade", "pour", "poor", "far", "rad", "nejad", "nezhad", "nejhad", "abadi",
    "dust", "doost", "khah", "manesh", "panah", "vand", "lou", "loo", "oglu", "oğlu", "fard", "nasab", "kia",
    "pur", "parast",
}
# Given-name prefixes that form compound given names ("Abdul Salam", "Seyed Jalal", "Abu Bakr").
PARTICLES = {"van", "von", "vom", "zum", "zur", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
             "ter", "ten", "van't", "zu", "af", "al", "el", "bin", "ibn"}
ORG_WORDS = re.compile(
    r"\b(?:council|institute|institut\w*|instituto|center|centre|foundation|agency|office|ministry|bank|"
    r"organi[sz]ation|association|commission|service|department|programme|program|university|"
    r"universit\w+|school|college|academy|academies|society|corporation|committee|bureau|fund|forum|network|"
    r"group|laboratory|observatory|project|trust|board|authority|government|parliament|congress|"
    r"senate|nations|union|agency|ministry|endowment|initiative|institution|assembly|secretariat|tribunal|unesco|nato|oecd|"
    r"imf|who)\b", re.I)
CORPORATE_WORDS = re.compile(
    r"\b(?i:press|news|times|post|media|radio|television|tv|agency)\b|"
    r"\b\w{3,}(?:amt|ministerium|institut|verband|gesellschaft|stiftung|kommission|agentur|zentrum|behörde|kammer|"
    r"bundesbank|senat|rat|gericht|gruppe|konsortium)\b|\b\w{3,}(?:isches|ische|ischer)\b|"
    r"\b(?:Bundes\w+|Landes\w+|Statistik\w*|Deutsche[rnms]?|Europäische[rnms]?|Autorengruppe|Konsortium|Holding|"
    r"GmbH|AG|e\.\s?V\.|Kommission|Ausschuss|Beirat|Senat|Kurumu|Bakanlığı|Başkanlığı|Üniversitesi|Derneği|Vakfı|"
    r"Bankası|Ministère|Ministerio|Instituto|Institut|"
    r"Centre|Centro|Conseil|Consejo|Comisión|Commission|Direction|Dirección|Office|Agence)\b")


def squash(s: str) -> str:
    """NFC and single spaces."""
    return WS.sub(" ", unicodedata.normalize("NFC", s)).strip()


def strip_punct(s: str, chars: str = " ,.;:") -> str:
    return s.strip().strip(chars).strip()


# ---------------------------------------------------------------- dates
def parse_year(text: str) -> Date | None:
    """'2019', '(2019a)', '2020-21', '2020/2021', 'n.d.', 'in press' -> Date."""
    t = squash(text).strip("()[]., ")
    if re.fullmatch(r"n\.?\s?d\.?|no date|s\.\s?f\.|o\.\s?J\.", t, re.I):
        return Date(literal="n.d.")
    if re.fullmatch(r"i\.\s?E\.|im Erscheinen", t):
        return Date(literal="forthcoming")
    if re.fullmatch(r"in press|forthcoming|im druck", t, re.I):
        return Date(literal=t)
    m = re.search(rf"(?<!\d)(1[5-9]\d\d|20\d\d)[a-z]?(?:\s*[{DASH}/]\s*(\d{{4}}|\d{{2}})(?!\d))?", t)
    if not m:
        return None
    start = int(m.group(1))
    end: tuple[int, ...] = ()
    if m.group(2):
        e = m.group(2)
        ey = int(str(start)[:2] + e) if len(e) == 2 else int(e)
        if ey > start:
            end = (ey,)
    return Date(start=(start,), end=end, circa=bool(re.search(r"\bc(?:a|irca)?\.\s*\d", t)))


def parse_dmy(text: str) -> Date | None:
    """Numeric day/month/year ('18/2/2020', '18.02.2020') -> Date; ISO '2020-02-18' too."""
    t = text.strip()
    m = re.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", t)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.search(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", t)
        if not m:
            return parse_natural_date(t)
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if mo > 12 and d <= 12:  # month/day/year
            d, mo = mo, d
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Date(start=(y, mo, d))


def parse_natural_date(text: str, year: int | None = None) -> Date | None:
    """'October 26, 2012', '26 Oct. 2012', 'Oct. 26' (with ``year``) -> Date."""
    t = text.strip()
    m = re.search(rf"({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b,?(?:\s+(\d{{4}}))?", t, re.I)
    if m:
        mo = MONTHS[m.group(1).rstrip(".").lower()]
        d = int(m.group(2))
        y = int(m.group(3)) if m.group(3) else year
    else:
        m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+({MONTH_RE}),?(?:\s+(\d{{4}}))?", t, re.I)
        if not m:
            m2 = re.search(rf"({MONTH_RE})\s+(\d{{4}})", t, re.I)
            if m2:
                return Date(start=(int(m2.group(2)), MONTHS[m2.group(1).rstrip(".").lower()]))
            return None
        d = int(m.group(1))
        mo = MONTHS[m.group(2).rstrip(".").lower()]
        y = int(m.group(3)) if m.group(3) else year
    if y is None or not 1 <= d <= 31:
        return None
    return Date(start=(y, mo, d))


# ---------------------------------------------------------------- pages, urls, dois
def clean_pages(text: str) -> str:
    """'pp. 419-434' -> '419-434'; '153- 170' -> '153-170'; 'p. 13' -> '13'."""
    t = re.sub(r"^\s*(?:pages?|pp?\.?|S\.|Seiten?)\s*", "", text.strip(), flags=re.I)
    t = re.sub(rf"\s*[{DASH}]+\s*", "-", t)
    return strip_punct(t, " ,.;:()")


def clean_url(text: str) -> str:
    """Remove the spaces a PDF line wrap left inside a URL, and trailing punctuation."""
    t = re.sub(r"\s+\((?:1[5-9]|20)\d\d[a-z]?\)[.,;]?$", "", re.sub(r"\s*[↑^]+\s*$", "", text.strip()))  # "↑", "(2023)" after it
    t = re.split(r"\s+(?=[^\x21-\x7e])", t.strip(), maxsplit=1)[0]  # not a chat's "🙏" or "2️⃣" after the link
    u = re.sub(r"\s+", "", t.strip("<>"))
    if u.startswith("http") and re.search(r">[.,;]?$", u):  # Australian Harvard's "<https://...>."
        u = re.sub(r">[.,;]?$", "", u)
    if u.startswith("(") and re.search(r"\)[.,;]*$", u):  # ASA's "Retrieved May 2, 2019 (https://...).": the brackets' own
        u = re.sub(r"\)[.,;]*$", "", u[1:])
    u = re.sub(r"[,;](?i:doi|url|pmid|urn)\s*:?$", "", u)  # "https://.../5789, DOI: https://doi.org/...": the next label
    u = re.sub(r"[.,;]?[–—]+$", "", u)  # DIN 1505's "URL https://... . – Überprüfungsdatum ...": the dash is not the link's
    return u.rstrip(".,;)") if not u.endswith("/)") else u


DOI_RE = re.compile(r"\b(10\.\d{4,9}/\S+)", re.I)


_DOI_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": None})
# where a DOI's text stops although no space was meant to end it: a new sentence (". PubMed PMID"),
# a year after a comma (", 1979."), a back-reference arrow or other non-ASCII mark (" ↑12")
_DOI_STOP = re.compile(r"\.\s+(?=[A-Z][a-z]{2,}|URL\b|\S+\.(?:org|com|net|edu|gov)/)|,\s+(?=(?:1[5-9]|20)\d\d[.,]?(?:\s|$))|"
                       r"\s+(?=[^\x21-\x7e])|\s{3,}|\s+(?=\d{1,3}[.)](?:\s|$))|\s+(?=(?i:pmid|pmcid|isbn|issn|arxiv)\b)|"
                       r"\s+(?=[^\W\d_][\w\-]{1,30}::?(?:\s|$)|:[A-Z]{2,20}:)|"  # a field's label: "Dostupnost:", "id::"
                       r"\s+(?=\((?:1[5-9]|20)\d\d[a-z]?\))")  # Nature's "... https://doi.org/10.5281/zenodo.8412239 (2023)."


def clean_doi(text: str) -> str:
    t = text.strip().translate(_DOI_DASHES)  # "essd‐14‐4811‐2022": a typeset hyphen is a hyphen
    t = re.sub(r"(?i)^doi\s*:?\s*(?=https?://)", "", t)  # natbib's "doi: https://doi.org/10...": the label, then the link
    first = re.split(r"\s+(?=https?://|www\.|doi:|\[)", t, maxsplit=1)[0]  # not a second link after it
    first = _DOI_STOP.split(first, maxsplit=1)[0]
    first = re.split(r"(?<=\w)\.\s+(?=[^\W\d_]{2}|[A-Z]\d)", first, maxsplit=1)[0]  # "10.1038/141643a0. S2CID ...": a new sentence
    m = DOI_RE.search(re.sub(r"\s+", " ", first).replace(" ", "")) if "10." in first else None
    if m is None:
        parts = [p for p in first.split() if "10." in p]  # "MR82103 DOI 10.2307/1969983": the DOI's own token
        m = DOI_RE.search("".join(first.split()[first.split().index(parts[0]):])) if parts else None
    m = m or DOI_RE.search(re.sub(r"\s+", "", t))
    if not m:
        return ""
    doi = m.group(1).rstrip(".,;]．。，；")
    while doi.endswith(")") and doi.count(")") > doi.count("("):
        doi = doi[:-1].rstrip(".,;")  # "(doi: 10.1/x)": the bracket around it, not "(1804)" inside it
    return doi


# words that count volumes after a number: "2 vols.", "2 Bde.", "2 voll.", "4 tomos"
VOLUME_COUNT_WORDS = r"(?:vols?|volumes|voll|Bde|Bände|tomes|tomos|t)"
DOI_LINK_RE = re.compile(r"(?i)https?://(?:dx\.)?doi\.org/10\.")


_PUBLISHER_DOI_LINK = re.compile(r"(?i)https?://[^/\s]+/doi/(?:abs/|full/|pdf/|epdf/|book/|chapter/)?(10\.\d{4,9}/[^\s?#]+)")


def doi_from_link(fields: dict[str, str]) -> None:
    """A DOI written as a link (``https://doi.org/10...`` in URL) is the DOI; a publisher's page
    named by its DOI (``https://dl.acm.org/doi/10.1145/...``) gives the DOI too and stays the URL."""
    if DOI_LINK_RE.match(fields.get("URL", "")) and "DOI" not in fields:
        fields["DOI"] = clean_doi(fields.pop("URL"))
    elif "DOI" not in fields and (m := _PUBLISHER_DOI_LINK.match(fields.get("URL", ""))):
        fields["DOI"] = clean_doi(m.group(1))


# ---------------------------------------------------------------- names
def expand_initials(s: str) -> str:
    """Initials printed run together become initials: 'SD' -> 'S. D.' (other text is kept)."""
    return " ".join(c + "." for c in s) if re.fullmatch(r"[^\W\d_a-z]{1,4}", s) and s.isupper() else s


def _is_initial(tok: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z](?:[a-z]?\.)?-?)+|[A-Z]{1,3}", tok))  # "J.", "Ch.", "JA"; not "He"


_CAPITAL_PARTICLES = {"Di", "De", "Da", "Del", "Della", "Van", "Von", "Le", "La", "Du", "Dos", "Das", "Van't", "Ter", "Ten"}


def natural_name(text: str, known_families: tuple[str, ...] = ()) -> Name:
    """'J. David Singer' -> Singer, J. David; 'Leyla Hasan Nia Rami' -> Hasan Nia Rami, Leyla."""
    toks = squash(text).strip(" ,;").split(" ")
    toks = [t for t in toks if t]
    if not toks:
        return Name()
    if len(toks) == 1:
        return Name(family=toks[0])
    joined = " ".join(toks)
    for fam in known_families:  # a co-author of the same family ("... and Behrooz Mosalmanian Ghobadiani")
        if " " in fam and joined.endswith(" " + fam):
            return Name(family=fam, given=joined[: -len(fam) - 1])
    suffix = ""
    if re.fullmatch(r"(?:Jr|Sr|Jnr|Snr)\.?|I{2,3}|IV", toks[-1]) and len(toks) > 2:
        suffix = toks.pop()
    # family starts at a particle, or before a surname morpheme ("X Nia Y")
    start = len(toks) - 1
    for i in range(1, len(toks)):
        low = toks[i].lower()
        if low in PARTICLES and toks[i][0].islower():
            start = i
            break
        if low in SURNAME_MORPHEMES and i >= 2:
            start = i - 1
            break
        if i == len(toks) - 2 and toks[i] in _CAPITAL_PARTICLES:
            start = i  # "Udo Di Fabio", "Maria De Luca", "John Van Maanen": the particle opens the family name
            break
    given, family = toks[:start], toks[start:]
    particle = ""
    while len(family) > 1 and family[0][0].islower() and family[0].lower() in PARTICLES:
        particle = (particle + " " + family.pop(0)).strip()
    return Name(family=" ".join(family), given=" ".join(given), particle=particle, suffix=suffix)


def inverted_name(family: str, given: str) -> Name:
    """'van den Berg', 'Anna' -> particle 'van den', family 'Berg'."""
    fam = squash(family)
    particle = ""
    words = fam.split(" ")
    while len(words) > 1 and words[0].lower() in PARTICLES and words[0][0].islower():
        particle = (particle + " " + words.pop(0)).strip()
    giv = squash(given)
    suffix = ""
    m = re.match(r"^(Jr|Sr|III|II|IV)\.?,?\s*(.*)$", giv)
    if m and m.group(2):
        suffix, giv = m.group(1) + ("." if m.group(1) in ("Jr", "Sr") else ""), m.group(2)
    m = re.match(r"^(.+?),?\s+(Jr|Sr|III|II|IV)\.?$", giv)
    if m and not suffix:
        giv, suffix = m.group(1), m.group(2) + ("." if m.group(2) in ("Jr", "Sr") else "")
    return Name(family=" ".join(words), given=giv, particle=particle, suffix=suffix)


_CORPORATE_HEAD = re.compile(r"[A-ZÀ-Þ][\w\-]*(?:\s+[\w\-]+){0,3}?\s+(?:für|of|for|de|des|du|der|del|della|di)\s+\S")


_PERSON = re.compile(r"[A-ZÀ-Þ][\w'’\-]*\.?(?:\s+(?:(?:von|van|de|der|den|da|di|du|la|le|del|dos|das|ter|zu)\s+)*"
                     r"[A-ZÀ-Þ][\w'’\-]*\.?){1,3}")
_BODY_PART = re.compile(r"\b(?:Affairs|Division|Directorate|Secretariat|Section|Unit|Branch|Programme|Program|Statistics|"
                        r"Development|Region|Europe|Africa|Asia|Americas|Pacific|Health|Welfare|Research|Studies|Policy|"
                        r"Planning|Education|Labour|Labor|Employment|Justice|Finance|Economics?|Trade|Energy)\b")


def corporate_list(text: str) -> bool:
    """'Bundesministerium für Familie, Senioren, Frauen und Jugend', 'Department of Health and Social
    Care': one body whose name has commas or 'and' in it, not a list of people."""
    t = squash(text).strip(" ,;:")
    if re.search(r",?\s*(?:et\.?\s*al\.?|and\s+others|u\.\s*a\.)$", t):
        return False  # "Royal Society of Chemistry, et al.": a body and others, not one body's name
    head, *rest = t.split(",")
    if not (ORG_WORDS.search(head) or CORPORATE_WORDS.search(head)) or not (
            _CORPORATE_HEAD.match(head) or any(_CORPORATE_HEAD.match(p.strip()) for p in rest)):
        return False  # "United Nations, Department of ...": the body's name or one of its parts says "of"
    later = [w for part in rest for w in re.split(r"\s+(?:und|and|&)\s+|^\s*(?:und|and|&)\s+", part.strip()) if w.strip()]
    if any(_PERSON.fullmatch(w.strip(" .")) and not ORG_WORDS.search(w) and not _BODY_PART.search(w) for w in later):
        return False  # "..., and Rami Haddad": a person after the body ("Population Division" is not one)
    return not re.search(r"(?<![\w.])[A-Z]\.|\(\s*(?:1[5-9]|20)\d\d", t) and len(t) <= 150


def split_names(text: str) -> list[Name]:
    """A printed name list -> names (see :func:`_split_names`)."""
    names = _split_names(text)
    for n in names:
        if "\ue000" in n.family:
            n.family = n.family.replace("\ue000", " y ")
    return names


_PRESSISH = re.compile(r"(?i)\b(?:publishing|publishers?|press|verlag|éditions|editions|books|media|group)\b")
_CAPS_FAMILY_GIVEN = re.compile(r"(?P<f>[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+(?:\s[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+)*)\s+"
                                r"(?P<g>[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*(?:[\s\-][A-ZÀ-Þ](?:[\w'’\-]+|\.))*)")


def _split_names(text: str) -> list[Name]:
    """A printed name list -> names.

    Handles 'Family, Given and Given Family', 'Family, G., Family, G. & Family, G.',
    'G. Family, G. Family and G. Family', 'Family G, Family G', 'and Others' / 'et al.'.
    """
    t = squash(text)
    t = re.sub(r"^\s*(?:by|par|von(?!\s+[A-ZÄÖÜ][\w'’\-]*,))\s+", "", t, flags=re.I)  # not "von Humboldt, Wilhelm"
    t = strip_punct(t, " ,;:")
    if corporate_list(t) or re.fullmatch(r"[^,;]{3,100},\s*(?:Inc|LLC|Llc|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|GmbH|AG|plc|PLC|"
                                         r"S\.A|S\.p\.A|B\.V|N\.V|K\.K)\.?", t):
        return [Name(literal=t)]  # "Toyota Motor Engineering & Manufacturing North America, Inc.": one company
    others = False
    m = re.search(r"(?:,?\s*(?:and|&)\s+others|,?\s*et\.?\s*al\.?|,?\s*u\.\s*a\.)\s*$", t, re.I)
    if m:
        others = True
        t = t[: m.start()]
    # "Ortega y Gasset, J.": a Spanish double family name joined by "y", not two people
    t = re.sub(r"^([A-ZÀ-Þ][\w'’\-]+) y (?=[A-ZÀ-Þ][\w'’\-]+,)", "\\1\ue000", t)
    # "Weber, Anna / Krause-Lind, Tobias", "Hahn, B./Ott, K.": a slash separates names too
    t = re.sub(r"(?:,\s*)?(?:\.\s\.\s\.|…)\s*(?=[A-ZÀ-Þ])", "; ", t)  # APA's "..., M., . . . Wu, H.": the names left out
    parts = [p.strip() for p in re.split(r"\s*(?:;|\b(?:and|AND)\b|\bwith\b(?=\s+[A-Z])|&|\bund\b|\bet\b|\by\b|\bve\b|\bog\b|\boch\b|(?<=\w)\sa\s(?=[A-ZÀ-Þ])|\bu\.(?=\s)|(?<=[\w.])\s*/\s*(?=[^\W\d]))\s*", t)
             if p.strip()]
    names: list[Name] = []
    caps = [_CAPS_FAMILY_GIVEN.fullmatch(c.strip()) for p in parts for c in p.split(",") if c.strip()]
    if caps and all(caps) and not ORG_WORDS.search(t) and not CORPORATE_WORDS.search(t) and not _PRESSISH.search(t) and all(
            m and (given_name(m.group("g").split()[0]) or len(m.group("f")) >= 5) for m in caps):
        # French "BOURDIEU Pierre, PASSERON Jean-Claude": the family in capitals, then the given name
        return [Name(family=m.group("f"), given=m.group("g")) for m in caps if m] + ([Name.et_al()] if others else [])
    families = _families_only(parts)
    if families:  # "Chiba, Nakanishi, Fukuda & Yata": family names only
        return [Name(family=f) for f in families] + ([Name.et_al()] if others else [])
    natural_part = any("," not in p and len(p.split()) >= 2 and not _is_initial(p.split()[0].rstrip(".")) for p in parts) \
        or any(_given_initial_family(c) for p in parts for c in p.split(","))
    for part in parts:
        part = part.strip(" ,")
        if "," in part:
            chunks = [c.strip() for c in part.split(",") if c.strip()]
            # a generational suffix is its own chunk in "Whitfield, M. T., Jr.": glue it to the given name
            for k in range(len(chunks) - 1, 0, -1):
                if re.fullmatch(r"(?:Jr|Sr|Jnr|Snr|II|III|IV)\.?", chunks[k]):
                    chunks[k - 1] += " " + chunks.pop(k)
            multi = [len(c.split()) > 1 and not c[0].islower() and (
                not all(_is_initial(w) for w in c.split()[:-1])
                or natural_part and not _is_initial(c.split()[-1].rstrip(".")))  # "R. A. W. Rhodes, Sarah A. Binder, and ..."
                for c in chunks]
            if len(chunks) >= 2 and all(multi) and (len(chunks) >= 3 or natural_part or _two_given_first(chunks)) \
                    and not any(VANCOUVER.match(c) for c in chunks):
                names.extend(_loose(c, names) for c in chunks)  # "Mary Stone, Paul Kerr and Lee Dunn"
                continue
            natural = [len(c.split()) > 1 and not c[0].islower() for c in chunks]
            if len(chunks) >= 3 and len(chunks[0].split()) <= 3 and not _is_initial(chunks[0].split()[0]) \
                    and _looks_given(chunks[1]) and all(natural[2:]) \
                    and not any(VANCOUVER.match(c) for c in chunks[2:]):
                names.append(inverted_name(chunks[0], chunks[1]))  # "Okafor, Nneka, Lars Holmqvist, ..."
                names.extend(_loose(c, names) for c in chunks[2:])
                continue
            bare = [_UPPER_BARE.fullmatch(c) for c in chunks]
            if len(chunks) >= 2 and all(bare):  # GB/T 7714's "YIN J, CAO Y, LI Y H"
                names.extend(Name(family=b.group(1), given=expand_initials(b.group(2).replace(" ", ""))) for b in bare if b)
                continue
            dotted = [family_dotted(c) for c in chunks]
            if len(chunks) >= 2 and all(dotted):  # "Smith J. A., Jones K. L.", "Хаин В. Е., Ломизе М. Г."
                names.extend(inverted_name(d[0], d[1]) for d in dotted if d)
                continue
            if len(chunks) >= 2 and all(UPPER_FAMILY_INITIALS.match(c) for c in chunks):
                for c in chunks:  # "ABEILLÉ A., CLÉMENT L." (French humanities)
                    m = UPPER_FAMILY_INITIALS.match(c)
                    assert m is not None
                    names.append(Name(family=m.group(1), given=m.group(2).strip()))
                continue
            # "Family, G., Family, G." : pair them up
            if len(chunks) >= 2 and all(VANCOUVER.match(c) for c in chunks):
                for c in chunks:  # "Kowalczyk A, Eriksen TP, van Dijk J", "Whitfield MT Jr"
                    *fam, giv = c.split()
                    suffix = ""
                    if re.fullmatch(r"(?:Jr|Sr|II|III|IV)\.?", giv) and len(fam) >= 2:
                        suffix, giv = giv, fam.pop()
                    n = inverted_name(" ".join(fam), expand_initials(giv))
                    n.suffix = n.suffix or suffix
                    names.append(n)
            elif len(chunks) >= 2 and all(NATURAL_INITIALS.match(c) or INITIALS_FIRST.match(c) for c in chunks):
                names.extend(_loose(c, names) for c in chunks)  # "E. Brousseau, M. Marzouki"
            elif len(chunks) >= 2 and all(_looks_given(c) for c in chunks[1::2]):
                for i in range(0, len(chunks) - 1, 2):
                    names.append(inverted_name(chunks[i], chunks[i + 1]))
                if len(chunks) % 2:
                    names.append(_loose(chunks[-1], names))
            elif len(chunks) >= 2 and all(len(c.split()) > 1 for c in chunks):
                names.extend(_loose(c, names) for c in chunks)  # "G. Family, G. Family"
            else:
                names.append(inverted_name(chunks[0], " ".join(chunks[1:])))
        elif (b := _UPPER_BARE.fullmatch(part)):  # "TU Y Y"
            names.append(Name(family=b.group(1), given=expand_initials(b.group(2).replace(" ", ""))))
        elif (d := family_dotted(part)) and not UPPER_FAMILY_INITIALS.match(part):  # "Белоусов В. В."
            names.append(inverted_name(d[0], d[1]))
        elif UPPER_FAMILY_INITIALS.match(part):  # "ROSANVALLON P."
            m = UPPER_FAMILY_INITIALS.match(part)
            assert m is not None
            names.append(Name(family=m.group(1), given=m.group(2).strip()))
        elif ORG_WORDS.search(part) or CORPORATE_WORDS.search(part) or len(part.split()) > 5 or part.isupper() and len(part) > 3 \
                and not re.fullmatch(r"(?:[A-Z]\.\s?-?)+\s*[A-Z][A-Z'’\-]+", part):  # not Econometrica's "J. D. ANGRIST"
            names.append(Name(literal=part))  # "World Bank", "United Nations Security Council"
        else:
            names.append(_loose(part, names))
    names = [n for n in names if n.family or n.literal]
    if others:
        names.append(Name.et_al())
    return names


VANCOUVER = re.compile(r"^(?:[a-z]+\s)*[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?\s[A-Z]{1,3}(?:\s(?:Jr|Sr|II|III|IV)\.?)?$")
_UPPER_BARE = re.compile(r"([A-Z][A-Z'’\-]+)\s+([A-Z](?:\s[A-Z]){0,2})\.?")  # "LI Y H": capitals, bare initials
_FAMILY_DOTTED = re.compile(r"((?:[a-z]{1,3}\s){0,2}[^\W\d_][\w'’\-]+(?:\s[^\W\d_][\w'’\-]+)?)\s+((?:[^\W\d_]\.\s?-?){1,4})")


def family_dotted(chunk: str) -> tuple[str, str] | None:
    """'Белоусов В. В.', 'Smith J. A.': a family name, then initials with full stops (any script)."""
    m = _FAMILY_DOTTED.fullmatch(chunk.strip())
    if not m or not m.group(1).split()[-1][0].isupper():
        return None
    inits = m.group(2).strip()
    if not all(c.isupper() for c in inits if c.isalpha()) or inits.replace(".", "").replace(" ", "").replace("-", "") == "":
        return None
    return m.group(1), inits


UPPER_FAMILY_INITIALS = re.compile(r"^([A-ZÀ-Þ][A-ZÀ-Þ'’\-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+)*)\s+((?:[A-Z]\.\s?-?)+)$")
INITIALS_FIRST = re.compile(r"^[A-Z]{1,3}\s(?:[a-z]+\s)*[A-Z][\w'’\-]*[a-z][\w'’\-]*$")  # "AM Trinkoff", "J Geiger-Brown"
NATURAL_INITIALS = re.compile(r"^(?:[A-Z]\.(?:\s?-?[A-Z]\.)*\s?)+(?:[a-z]+\s)*[A-Z][\w'’\-]+(?:\s+(?:Jr|Sr|II|III|IV)\.?)?$")


def _families_only(parts: list[str]) -> list[str]:
    """'Chiba, Nakanishi, Fukuda' + 'Yata': three or more single capitalised words, the last after
    '&'/'and', none a known given name (or four and more of them), are family names; 'Smith, John &
    Doe, Jane' is not such a list (the part after '&' has a comma)."""
    if len(parts) != 2 or "," in parts[1] or "," not in parts[0]:
        return []
    words = [c.strip() for c in parts[0].split(",") if c.strip()] + [parts[1].strip(" ,")]
    if not all(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?", w) for w in words):
        return []
    if len(words) >= 4 or len(words) == 3 and not any(w.lower() in GIVEN_NAMES for w in words):
        return words
    return []


def _given_initial_family(chunk: str) -> bool:
    """'Eric J. Rossetter', 'J. Christian Gerdes': a middle initial before a full family name, which
    an inverted 'Family, Given' chunk never has."""
    toks = chunk.split()
    return len(toks) >= 3 and not _is_initial(toks[-1]) and toks[-1][:1].isupper() and \
        any(_is_initial(t) and t.endswith(".") for t in toks[:-1]) and not toks[-1].endswith(".")


def _given(word: str) -> bool:
    return given_name(word) and word.lower() not in FAMILY_NAMES


def _two_given_first(chunks: list[str]) -> bool:
    """'Wolfgang Jantzen, Jan Steffens' (two people, given names first), not 'García Márquez,
    Gabriel José' (one, family name first): a known given name opens one of them, and neither ends
    in one."""
    if len(chunks) != 2 or not all(2 <= len(c.split()) <= 4 for c in chunks):
        return False
    first = [c.split()[0] for c in chunks]
    last = [c.split()[-1] for c in chunks]
    return any(_given(w) for w in first) and not any(_given(w) for w in last) and \
        not any(w.lower() in FAMILY_NAMES or w.lower() in PARTICLES or w[:1].islower() for w in first)



def _looks_given(chunk: str) -> bool:
    toks = chunk.split()
    return bool(toks) and (all(_is_initial(t) for t in toks) or len(toks) <= 3 and toks[0][:1].isupper())


def _loose(part: str, so_far: list[Name]) -> Name:
    if len(part.split()) >= 2 and (ORG_WORDS.search(part) or CORPORATE_WORDS.search(part)):
        return Name(literal=part.strip(" ,."))  # "Statistisches Bundesamt, Susan Mensah, and ..."
    toks = part.split()
    if len(toks) >= 2 and all(_is_initial(t) for t in toks[1:]) and not _is_initial(toks[0]):
        return Name(family=toks[0], given=" ".join(toks[1:]))  # "Smith JA"
    fams = tuple(n.full_family() for n in so_far if n.family)
    return natural_name(part, fams)
