"""What starts a reference and what ends one: the patterns the splitter (and the markdown and notes
readers) ask about a line.

``looks_like_start`` (an author-like start and a year nearby), ``starts_strictly`` (a start a wrapped
continuation line is unlikely to fake) and ``ended`` (a line ending as references end); list numbers,
citation labels, Wikipedia back-links, repeated-author dashes. Pure functions over strings.
"""

from __future__ import annotations

import re

from refkit.parse.lexicon import given_name

NUMBER_RE = re.compile(r"^\s*(?:\[(\d{1,4})[a-z]?\]|(\d{1,4})(?:[.)](?=\s|$)|[）．]|\)(?=[\u3040-\u9fff\uac00-\ud7af]))|"
                       r"\((\d{1,3})\)(?=\s|$)|\[?S(\d{1,3})[.\]](?=\s))\s*")  # "[8a]", Japanese "16）", supplement "S3."
BARE_NUMBER_RE = re.compile(r"^\s*(\d{1,4})\s+(?=(?:\([a-h]\)\s+)?(?:(?:van|von|de|der|den|di|da|du|le|la|del|dos|ter|ten|zu)\s+)?"
                            r"[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F])")  # "3 (a) J. Burschka", "9 von Elm E" too


def list_number(ln: str, rx: re.Pattern[str] = NUMBER_RE) -> int:
    """The number of a list item's marker: "[12]", "12.", "(12)", "S3." -> 12."""
    m = rx.match(ln)
    assert m
    return int(next(g for g in m.groups() if g))


_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_CJK_NAMES = rf"[{_CJK}]{{2,12}}(?:[,、，]\s*[{_CJK}]{{2,6}}){{0,6}}"
# An author-like start: "Family, G", "Family Family, Given", "van der Family, G", "FAMILY, G", "Family G,"
NAME_START_RE = re.compile(
    r"^(?:(?:[a-z]{1,3}\s){0,3})?[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-\u00C0-\u024F]*\.?"
    r"(?:[\s\-][A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-\u00C0-\u024F]*){0,3},?\s+(?:[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F]|\(|&)"
    # or a corporate author right before its year: "Ministry of Foreign Affairs (2015)"
    r"|^[A-Z][\w'’\-]*(?:\s+(?:of|for|and|the|on|in|de|du|des|la|le|für|[A-Z\u00C0-\u024F][\w'’\-.]*)){0,9}"
    r"(?:\s+\[[A-Z\u00C0-\u024F]{2,10}\]\.?)?\s*\((?:1[5-9]|20)\d\d"  # "Türkiye İstatistik Kurumu [TÜİK]. (2023)"
    r"|^" + _CJK_NAMES + r"\s*[(（](?:1[5-9]|20)\d\d"
)
PARTICLE_RE = re.compile(r"^(?:(?:van|von|de|der|den|di|da|du|le|la|del|della|dos|das|ter|ten|zu|al|el|ibn)\s+)+"
                         r"[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F]")
# "Family, Given." / "Family, Given, and Given Family." then a title: a start in styles with the year last
NAME_PERIOD_RE = re.compile(
    r"^(?:(?:van|von|de|del|da|le|la|den|der|di|du)\s+)*[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-]+"
    r"(?:\s(?:y|i|e|de|da|del)\s[A-Z\u00C0-\u024F][\w'’\-]+|\s[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-]+)?,"
    r"\s[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-]*\.?(?:\s(?:[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-]*\.?|van|von|de|den|der|da|la|le|du)){0,3}"
    r"(?:,\s(?:Jr|Sr)\.)?(?:,?\s(?:and|&)\s[A-Z][^.“\"\d]{0,60}?|,\set\sal)?(?:,\s(?:eds?|trans|comp)\.|,\s(?:editors?|translators?)\.|\.)"
    r"\s+[“\"‘A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F]"
    # or a corporate author, then a quoted title
    r"|^[A-Z][\w'’\-]+(?:\s(?:of|for|and|the|[A-Z][\w'’\-]+)){1,6}\.\s+[“\"]"
    # or German "Family, Given: Title" / "Family, Given/Family, Given (Hrsg.): Title"
    r"|^[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-]+,\s(?:[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][a-z\u00E0-\u024F][\w'’\-]*|[A-Z]\.)(?:\s[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-]*\.?)?"
    r"(?:\s?[/;]\s?[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-]+,\s[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-]*\.?){0,4}(?:\s\((?:Hrsg|Hg|Hgg)\.\))?:\s+"
    r"[„“\"A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F]"
    # or a social media handle (MLA): "@handle." / "Name [@handle]."
    r"|^(?:@\w{1,30}|[A-Z][\w'’ .\-]{0,40}\s\[@\w{1,30}\])\.\s")
_FAM = r"(?:(?:van|von|de|del|da|le|la|den|der|di|du|dos|ter|zu|al|el)\s+)*[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][\w'’\-\u00C0-\u024F]+"
_INI = r"[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F]\.(?:\s?-?[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F]\.)*"
# An author the way reference lists write one, stricter than NAME_START_RE: "Family, G." / "Family, Given",
# "Family Family, Given", "Family GH," (Vancouver), "G. H. Family" (IEEE), "FAMILY G." (small caps), a
# corporate author right before its year
STRICT_NAME_RE = re.compile(
    rf"^{_FAM}(?:[\s\-]{_FAM})?,\s(?:{_INI}|[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][a-z\u00DF-\u024F'’\-]+)"
    rf"|^{_FAM}(?:\s{_FAM})?\s[A-Z]{{1,3}}(?:\s(?:Jr|Sr|[IV]+))?[,.]"
    rf"|^(?:{_INI}\s)+{_FAM}"
    rf"|^[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F'’\-]+\s(?:{_INI}|[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F][a-z]+,)"
    r"|^[A-Z][\w'’\-]*(?:\s+(?:of|for|and|the|on|in|de|du|des|la|le|für|[A-Z\u00C0-\u024F][\w'’\-.]*)){0,9}"
    r"(?:\s+\[[A-Z\u00C0-\u024F]{2,10}\]\.?)?\s*\((?:1[5-9]|20)\d\d"  # "Türkiye İstatistik Kurumu [TÜİK]. (2023)"
    r"|^[A-Z\u00C0-\u024F][^\[\]:.\n]{1,150}?(?:\s\((?:szerk|eds?|Hg|Hrsg)\.\))?\s\[(?:1[5-9]|20)\d\d[a-z]?\]:\s"  # Hungarian: "Kornai János [1980]: "
    r"|^[A-Z\u00C0-\u024F]{2,8},\s(?:1[5-9]|20)\d\d[a-z]?,\s"  # Polish Harvard's body: "GUS, 2022, Bank Danych ..."
    r"|^" + _CJK_NAMES + r"\s*[(（](?:1[5-9]|20)\d\d"  # Korean and Japanese APA: "김위정, 염유식 (2009)."
    r"|^(?:Ustawa|Rozporządzenie|Zákon|Vyhláška|Gesetz|Verordnung|Loi|Ley|Decreto|Lei)\s+(?:z\s+dnia|č\.|vom|du|de|n[º°.])\s"
)
BACKLINK_RE = re.compile(r"^(?:\^|↑|[•▪◦‣·])\s*(?:Jump up to:\s*|Jump up\s*|Springe nach:\s*|Revenir plus haut en\s*:?\s*)?"
                         r"(?:[a-z]{1,2}\s+(?=[a-z]{1,2}\s|[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F“\"]))*(?:[a-z]\s+)?")
_BACKLINK_FIRST = frozenset("^↑•▪◦‣·")  # what BACKLINK_RE can start with
LABEL_RE = re.compile(r"^\s*\[([A-ZÀ-Þ\u0100-\u017f][A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f+\-]{0,8}\s?\d{2,4}[a-z]?|"
                      r"[^\W\d_][^\]\s]{1,39}(?=\]:\s))\]:?\s*")  # "[Ser73]", "[Hås01]"; LibreOffice's "[Tamm2019]: "
DITTO_RE = re.compile(r"^(?:———|---|——|__|–––|—[.,]\s|\((?:1[5-9]|20)\d\d[a-z]?\)[:.,])")  # AAS: "—. 2017, PhRvL"
YEAR_RE = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\b(?:n\.\s?d\.|no date|s\.\s?d\.|o\.\s?J\.|in press|"
                     r"forthcoming|im Druck|sous presse|soumis|submitted)|"
                     r"(?<=\()ת[\u05d0-\u05ea]{0,2}[״\"][\u05d0-\u05ea](?=\))")  # a Hebrew-calendar year: "(תשע״ח)"


def looks_like_start(s: str) -> bool:
    """Does ``s`` (a line, possibly with what follows it) start like a reference?"""
    s = s.lstrip()
    m = NUMBER_RE.match(s)
    if m and not re.match(r"\s*(?:1[5-9]|20)\d\d\.", s):
        return True
    if not NAME_START_RE.match(s) and not DITTO_RE.match(s):
        return False
    return bool(YEAR_RE.search(s[:220]))


OPEN_END_RE = re.compile(r"(?:^|[\s,(])(?:(?:In|in|and|&|und|et|by|von|ed\.|eds\.|Eds?\.|In:)\s+[A-Z\u00C0-\u024F\u0386-\u03AB\u0400-\u042F]\.|"
                         r"eds?\.|Eds?\.|Hg\.|Hrsg\.|hrsg\.|dir\.|éds?\.|et\s+al\.|In:|in:)$")
ENDINGS = (".", ")", "]", ".”", "?”", "!”", '."', ".’")


# natbib's "Joshua Ainslie, James Lee-Thorp, ...", "Noam Shazeer. Fast ...", "Ilya Loshchilov and Frank Hutter.":
# a known given name, maybe initials or a particle, a family name, then a comma, "and" or a full stop
_GIVEN_FIRST_RE = re.compile(r"^(?P<g>[A-ZÀ-Þ][a-zà-ÿ]+)(?:[\s\-][A-ZÀ-Þ](?:[a-zà-ÿ]+|\.)?)*(?:\s(?:de|van|von|der|da|di|le|la|del))*"
                             r"\s[A-ZÀ-Þ][\w'’\-]+(?:,\s(?!\d)|\s+and\s|\.\s+[A-Z])")
_GF = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?(?:\s[A-ZÀ-Þ][a-zà-ÿ]+)?(?:[\s\-][A-ZÀ-Þ]\.?)?(?:\s(?:de|van|von|der|da|di|le|la|del))*\s[A-ZÀ-Þ][\w'’\-]+"
_GIVEN_FIRST_LIST_RE = re.compile(rf"^(?:{_GF},\s){{2}}|^{_GF}\s+and\s+{_GF}\.\s")  # "Tri Dao, Dan Fu, ...": names, not a title


def given_first_start(s: str) -> bool:
    """A line that opens with people's names, given name first: a known given name, or a list of two
    or more such names (a title rarely reads "Tri Dao, Dan Fu, ...")."""
    gm = _GIVEN_FIRST_RE.match(s)
    return gm is not None and (given_name(gm.group("g")) or _GIVEN_FIRST_LIST_RE.match(s) is not None)


_HEAD_END_RE = re.compile(r"[“\"]|(?:[a-z0-9\]\)]{2}|\])\.\s+[A-Z]|https?:|www\.|\d\(\d+\)|\d[–-]\d")
def starts_lower(s: str) -> bool:
    """Starts as a wrapped line goes on: a small letter in any script ('ş', 'é', not 'Ş'), a comma, a bracket's end."""
    return bool(s) and (s[0].islower() or s[0] in ",;:.)]")
_LINK_END_RE = re.compile(r"(?:https?://\S+|doi:\s?10\.\d{4,9}/\S+|\b10\.\d{4,9}/\S+)[\w)]$|https?://(?!(?:dx\.)?doi\.org/|hdl\.handle\.net/)[^\s/]+(?:/[^\s/]+)*/$")


def starts_strictly(s: str, current: str = "x 2000") -> bool:
    """A reference start that a wrapped continuation line is unlikely to fake: an author-like start
    and a year before the first quote and before the first sentence end ("...]. Next")."""
    s = s.lstrip()
    if DITTO_RE.match(s):
        # a bare "(2020b):" repeats the authors of a complete reference, not of a line of names
        return not s.startswith("(") or bool(YEAR_RE.search(current))
    if not STRICT_NAME_RE.match(s):
        return False
    y = YEAR_RE.search(s[:200])
    if not y:
        return False
    head = s[: y.start()]
    # no quote, sentence end, URL, volume(issue) or page range before the year: those belong to the
    # end of a reference, so the year found is the next reference's
    return not _HEAD_END_RE.search(head)


def _starts_upper(s: str) -> bool:
    """Starts as a reference can (a capital in any script, a quote, a dash, a list number)."""
    return bool(s) and (s[0].isupper() or s[0] in "“\"—–[" or bool(NUMBER_RE.match(s)))


def names_dash(ln: str) -> bool:
    """A line ending on the dash that joins Hungarian names: 'Acemoglu, D.–Johnson, S.–' goes on below."""
    return ln.endswith(("–", "—")) and (ln[-2:-1].isalpha() or ln[-2:-1] == ".")


def ended(ln: str) -> bool:
    """Does the line end as references end (a full stop, a bracket, a complete link)?"""
    ln = ln.rstrip()
    if OPEN_END_RE.search(ln) or names_dash(ln):
        return False  # an initial, "eds.", "et al.", "pp.", Hungarian "Johnson, S.–": the names or the numbers go on
    last = ln.split()[-1] if ln.split() else ""
    return ln.endswith(ENDINGS) or _ends_with_link(last) or (last.startswith("<") and last.endswith(">") and
                                                            _ends_with_link(last[1:-1])) or bool(_LAW_END_RE.search(ln)) \
        or bool(ID_LINE_RE.fullmatch(ln.strip()))


# an identifier on a line of its own after a reference: "PMID: 29567705", "PMCID: PMC6123456"
ID_LINE_RE = re.compile(r"(?:PMID|PMCID|ISBN|ISSN)\s*:?\s*(?:PMC)?[\dX\-]{4,20}")


# a law citation's last item: "ECLI:EU:C:1963:1", "EU:C:2014:317", "[1932] AC 562", "347 U.S. 483 (1954)", "c 12"
_LAW_END_RE = re.compile(r"(?:\bECLI:|\bEU:C:)\S+$|\[\d{4}\]\s+(?:[A-Z][A-Za-z.]*\s+){1,3}[\dI\-]+$|,\s+c\s+\d{1,4}$")


def _ends_with_link(token: str) -> bool:
    """A URL or DOI that looks complete: a reference often ends with one, without a full stop."""
    token = token[1:-1] if token.startswith("<") and token.endswith(">") else token  # "<https://doi.org/...>"
    return ("/" in token) and bool(_LINK_END_RE.search(token))


def caps_body_start(s: str) -> bool:
    """'LIETUVOS BANKAS. Emigrantų ...', 'WORLD BANK. Migration ...': a body's name in capitals (two words or
    more), a full stop, then the title: ISO 690's corporate author; or its person, 'ŽILINSKAS, G.; ...'."""
    m = re.match(r"([^\W\d_]+(?:[\s\-][^\W\d_]+){1,5})\.\s+[^\W\d_]", s)
    if m is not None and m.group(1).isupper() and len(m.group(1)) >= 6:
        return True
    f = re.match(r"([^\W\d_][^\W\d_'’\-]+(?:\s[^\W\d_][^\W\d_'’\-]+)?),\s[^\W\d_]{1,2}\.", s)  # "KAZLAUSKIENĖ, V."
    return f is not None and f.group(1).isupper()
