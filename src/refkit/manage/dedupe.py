"""Finding the entries of a bibliography that describe the same work.

Two passes, precision before recall:

1. **Identifiers.** The same DOI, arXiv id or (for whole books) ISBN: one work, unless the two entries
   differ in both authors and title (a chapter carrying its book's DOI, a mis-pasted DOI).
2. **Fuzzy match** of title, first author and year (rapidfuzz), inside blocks of entries that share the
   first author's family name or the first words of the title, with hard vetoes: different numbers in
   the titles ("Part I"/"Part II", "Volume 2"), an erratum/correction/reply beside the work it corrects,
   different editions or volumes, years more than one apart (one apart only when one side is a
   preprint or has no year).

An arXiv preprint and its journal version are taken as **the same work** (same authors, same title, a
revision of one text): people cite one or the other and a bibliography that keeps both is what dedupe
is for. ``preprints=False`` keeps them apart. Groups never join two entries whose authors and titles
both differ, however they are linked (see :func:`find_duplicates`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from refkit.model import Name, Reference

TITLE_MIN = 0.90  # fuzzy title similarity needed (with the first author and year agreeing)
TITLE_ALONE = 0.97  # ... when the authors can not be compared (one side has none)
# words that make a different work of the same title: anywhere in the title ...
_VETO_WORDS = ("erratum", "errata", "corrigendum", "corrigenda", "correction", "corrections", "retraction",
               "retracted", "reply", "rejoinder", "comment", "comments", "addendum", "part", "volume", "vol")
# ... and only in the main title (a subtitle "an introduction" does not make another work)
_SOFT_VETO_WORDS = ("response", "discussion", "supplement", "supplementary", "abstract", "preface",
                    "introduction", "review", "reviews", "editorial", "summary", "proceedings")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
             "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10", "one": "1", "two": "2",
             "three": "3", "four": "4", "five": "5"}
_STOP = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "with", "by", "at", "from", "la", "le",
         "les", "der", "die", "das", "el", "de", "und", "et"}
_PREPRINT_TYPES = {"manuscript", "article", "document", "report"}


@dataclass
class Group:
    """One work written more than once: the keys in file order, why, and how sure (0-1)."""

    keys: list[str]
    reason: str
    score: float
    refs: list[Reference] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, object]:
        return {"keys": self.keys, "reason": self.reason, "score": round(self.score, 3),
                "entries": [{"key": r.id, "file": r.source, "line": r.line} for r in self.refs]}


# ------------------------------------------------------------------ normalising
_LATEX_CMD = re.compile(r"\\[A-Za-z]+\s*")
_WORD = re.compile(r"[^\W_]+")
_FOLD_TABLE = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "ł": "l", "œ": "oe", "&": " and ", "'": ""})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case words separated by single spaces: LaTeX leftovers, accents, punctuation gone (letters of
    other scripts are kept: a Chinese or Russian title is compared as it is)."""
    t = _LATEX_CMD.sub(" ", text).lower().translate(_FOLD_TABLE)  # any LaTeX command the decoder left
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c)).lower()
    return " ".join(_WORD.findall(t))


def _doi_in_url(url: str) -> str:
    return norm_doi(url) if re.search(r"doi\.org/10\.", url, re.I) else ""


def norm_doi(value: str) -> str:
    v = value.strip().lower()
    v = re.sub(r"^(?:https?://)?(?:dx\.)?doi\.org/|^doi:\s*", "", v)
    m = re.search(r"10\.\d{4,9}/\S+", v)
    return m.group(0).rstrip(".,;") if m else ""


_ARXIV_NEW = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_ARXIV_OLD = re.compile(r"\b([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\b", re.I)


def arxiv_id(ref: Reference) -> str:
    """The arXiv identifier of a reference (version dropped), from eprint, DOI, URL or journal."""
    doi = norm_doi(ref.get("DOI"))
    m = re.match(r"10\.48550/arxiv[.:](.+)$", doi)
    if m:
        return _clean_arxiv(m.group(1))
    prefix = (ref.extra.get("archiveprefix", "") + ref.extra.get("eprinttype", "")).lower()
    eprint = ref.extra.get("eprint") or ref.get("eprint")
    if eprint and ("arxiv" in prefix or not prefix) and (_ARXIV_NEW.fullmatch(eprint.strip())
                                                         or _ARXIV_OLD.fullmatch(eprint.strip())):
        return _clean_arxiv(eprint)
    if ref.get("container-title").strip().lower() == "corr" and ref.get("volume").startswith("abs/"):
        return _clean_arxiv(ref.get("volume")[4:])  # dblp's form: journal = CoRR, volume = abs/1905.01234
    for text in (ref.get("URL"), ref.get("container-title"), ref.get("note"), ref.get("publisher"),
                 ref.get("medium"), ref.extra.get("journal", "")):
        if "arxiv" in text.lower():
            found = _clean_arxiv(text.lower().split("arxiv", 1)[1])
            if found:
                return found
    return ""


def _clean_arxiv(text: str) -> str:
    m = _ARXIV_NEW.search(text) or _ARXIV_OLD.search(text)
    return m.group(1).lower() if m else ""


def norm_isbn(value: str) -> str:
    """ISBN-13 digits for an ISBN-10 or -13 (the first one in ``value``); '' when none."""
    for cand in re.findall(r"[\dXx][\d\-\s]{8,16}[\dXx]", value):
        d = re.sub(r"[\s\-]", "", cand).upper()
        if len(d) == 13 and d.isdigit():
            return d
        if len(d) == 10 and d[:9].isdigit():
            core = "978" + d[:9]
            check = (10 - sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(core)) % 10) % 10
            return core + str(check)
    return ""


def is_preprint(ref: Reference, arxiv: str | None = None) -> bool:
    """A preprint: on arXiv with no other venue, or on a preprint server (bioRxiv, SSRN, dblp's CoRR ...)."""
    container = ref.get("container-title")
    if (arxiv_id(ref) if arxiv is None else arxiv) and (not container or "arxiv" in container.lower()
                                                         or ref.type in _PREPRINT_TYPES - {"article"}):
        return True
    low = " ".join((container, ref.get("publisher"), ref.get("genre"), ref.get("medium"))).lower()
    return bool(re.search(r"arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprint|research square|osf preprints|^corr\b", low)) \
        or ref.type == "article" and not container


def titles(ref: Reference) -> tuple[str, str]:
    """(folded full title, folded main title before a subtitle separator)."""
    raw = ref.get("title")
    sub = ref.extra.get("subtitle", "")
    if sub:
        raw = f"{raw}: {sub}"
    full = fold(raw)
    main = fold(re.split(r"\s*[:?!]\s+|\s+[-–—]{1,2}\s+|\.\s+(?=[A-Z])", raw, maxsplit=1)[0])
    return full, main


def _unswap(n: Name) -> Name:
    """"Smith J" written without a comma reads as given "Smith", family "J": swap it back."""
    if not n.literal and re.fullmatch(r"(?:[A-Z]\.?\s?){1,3}", n.family.strip()) and re.fullmatch(r"\w[\w'\-]+", n.given):
        return Name(family=n.given, given=" ".join(c + "." for c in re.sub(r"[^A-Z]", "", n.family)))
    return n


def family(n: Name) -> str:
    """The family name without particles ("van der Berg" and "Berg, J. van der" agree)."""
    return fold(n.literal if n.literal else n.family or n.full_family()).replace(" ", "")


def authors(ref: Reference) -> list[Name]:
    for role in ("author", "editor"):
        names = [n for n in ref.names.get(role, []) if not n.others]
        if names:
            return names
    return []


def _numbers(title: str) -> list[str]:
    out = []
    for w in title.split():
        if w.isdigit():
            out.append(str(int(w)))
        elif _ROMAN.match(w) and w not in ("i", "c", "l", "v", "x", "d") or w in ("ii", "iii", "iv", "vi"):
            out.append(_roman_value(w))
        elif w in _ORDINALS:
            out.append(_ORDINALS[w])
        elif re.fullmatch(r"\d+(st|nd|rd|th)", w):
            out.append(str(int(w[:-2])))
    return sorted(out)


def _roman_value(w: str) -> str:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(w, w[1:] + " ", strict=True):
        v = vals[a]
        total += -v if b != " " and vals.get(b, 0) > v else v
    return str(total)


# ------------------------------------------------------------------ comparing two entries
@dataclass
class _Sig:
    """What the matcher compares, computed once per entry."""

    ref: Reference
    title: str
    main: str
    fams: list[str]
    givens: list[str]
    year: int | None
    doi: str
    arxiv: str
    isbn: str
    preprint: bool
    numbers: list[str]
    vetoes: set[str]

    @classmethod
    def of(cls, ref: Reference) -> _Sig:
        full, main = titles(ref)
        names = [_unswap(n) for n in authors(ref)]
        ax = arxiv_id(ref)
        words, main_words = set(full.split()), set(main.split())
        vetoes = {w for w in _VETO_WORDS if w in words} | {w for w in _SOFT_VETO_WORDS if w in main_words}
        return cls(ref, full, main, [family(n) for n in names], [fold(n.given) for n in names], ref.year,
                   norm_doi(ref.get("DOI")) or _doi_in_url(ref.get("URL")), ax, norm_isbn(ref.get("ISBN")),
                   is_preprint(ref, ax),
                   _numbers(full), vetoes)


def title_similarity(a: _Sig, b: _Sig) -> float:
    if not a.title or not b.title:
        return 0.0
    s = fuzz.ratio(a.title, b.title) / 100
    # a missing subtitle: one title is the other's main title
    short, long_ = sorted((a, b), key=lambda x: len(x.title))
    if len(short.title) >= 12 and short.title in (long_.main, long_.title[: len(short.title)]) \
            and (long_.title == short.title or long_.title[len(short.title):][:1] == " "):
        s = max(s, 0.96)
    return s


def _fam_eq(x: str, y: str) -> bool:
    return x == y or (min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= 80)


def _given_ok(x: str, y: str) -> bool:
    """'j' agrees with 'john', 'john r' with 'j r'; 'john' does not agree with 'james'."""
    xs, ys = x.split(), y.split()
    if not xs or not ys:
        return True
    for p, q in zip(xs, ys, strict=False):
        if not (p.startswith(q) or q.startswith(p)):
            return False
    return True


def author_similarity(a: _Sig, b: _Sig) -> float | None:
    """1.0 same people, down to 0.0 nobody in common; None when one side names nobody."""
    if not a.fams or not b.fams:
        return None
    if _fam_eq(a.fams[0], b.fams[0]):
        first = 1.0 if _given_ok(a.givens[0], b.givens[0]) else 0.3
    else:
        first = 0.0
    sa, sb = set(a.fams), set(b.fams)
    common = sum(1 for x in sa if any(_fam_eq(x, y) for y in sb))
    overlap = common / min(len(sa), len(sb))
    if first == 0.0:
        # a list written in another order, or a corporate author spelled out: only a strong overlap counts
        return 0.6 * overlap if len(sa) > 1 and len(sb) > 1 else 0.0
    return 0.7 * first + 0.3 * overlap


def veto(a: _Sig, b: _Sig, preprints: bool = True) -> str:
    """Why ``a`` and ``b`` cannot be one work, or ''."""
    if a.numbers != b.numbers:
        return "different numbers in the titles"
    if a.vetoes != b.vetoes:
        return "an erratum, reply or part beside the work"
    for f in ("edition", "volume", "version", "number"):
        x, y = fold(a.ref.get(f)), fold(b.ref.get(f))
        if f == "edition":
            x, y = _numbers(x) and "".join(_numbers(x)) or x, _numbers(y) and "".join(_numbers(y)) or y
        if x and y and x != y and not (f == "volume" and a.ref.type.startswith("article")):
            return f"different {f}s"
    if a.year and b.year and a.year != b.year:
        gap = abs(a.year - b.year)
        if gap > 1 and not (preprints and (a.preprint != b.preprint) and gap <= 3):
            return "different years"
        if gap == 1 and not (a.preprint or b.preprint):
            return "different years"
    if not preprints and a.preprint != b.preprint:
        return "a preprint and a published version"
    ka, kb = _kind(a.ref), _kind(b.ref)
    if ka and kb and ka != kb and not (a.preprint or b.preprint):
        return f"a {ka} and a {kb}"
    pa, pb = fold(a.ref.get("page")), fold(b.ref.get("page"))
    ca, cb = fold(a.ref.get("container-title")), fold(b.ref.get("container-title"))
    if pa and pb and pa.split()[0] != pb.split()[0] and ca and cb and fuzz.ratio(ca, cb) > 90:
        return "different pages in the same container"
    return ""


_KINDS = {"article-journal": "journal article", "article-magazine": "journal article",
          "article-newspaper": "journal article", "chapter": "part of a book", "paper-conference": "part of a book",
          "entry-encyclopedia": "part of a book", "book": "book", "report": "report", "thesis": "thesis",
          "dataset": "dataset", "software": "software", "patent": "patent", "standard": "standard"}


def _kind(ref: Reference) -> str:
    """The kind of publication, '' when the entry type says little (misc, online, unpublished)."""
    return _KINDS.get(ref.type, "")


def containers_agree(a: str, b: str) -> bool:
    """Folded container titles that name one venue: equal, close, or one abbreviates the other
    ("phys rev lett" / "physical review letters", "pnas" / "proceedings of the national academy ...")."""
    if a == b or fuzz.token_set_ratio(a, b) >= 90:
        return True
    short, long_ = sorted(([w for w in x.split() if w not in _VENUE_NOISE and not w.isdigit()]
                           for x in (a, b)), key=lambda ws: (len(ws), sum(map(len, ws))))
    if not short:
        return True
    sig = [w for w in long_ if w not in _STOP]
    if len(short) == 1 and len(short[0]) >= 3 and short[0] in ("".join(w[0] for w in sig),
                                                                  "".join(w[0] for w in long_)):
        return True
    rest = iter(sig)
    for w in (w for w in short if w not in _STOP):
        if not any(_abbreviates(w, x) for x in rest):
            return False
    return True


_VENUE_NOISE = {"proceedings", "proc", "annual", "in", "of", "the", "th", "nd", "rd", "st", "on"}


def _abbreviates(short: str, word: str) -> bool:
    if short[0] != word[0]:
        return False
    it = iter(word)
    return all(ch in it for ch in short)


def both_differ(a: _Sig, b: _Sig) -> bool:
    """The safety rule: authors and titles both differ (never one work)."""
    au = author_similarity(a, b)
    return title_similarity(a, b) < 0.8 and (au is None or au < 0.5)


def compare(a: _Sig, b: _Sig, preprints: bool = True) -> tuple[str, float] | None:
    """(reason, score) when ``a`` and ``b`` are the same work, else None."""
    if both_differ(a, b):
        return None
    ts = title_similarity(a, b)
    au = author_similarity(a, b)
    if a.doi and a.doi == b.doi:
        if ts >= 0.8 or (au or 0) >= 0.7 and ts >= 0.5 and not veto(a, b, True):
            return "same DOI", 1.0
    if a.arxiv and a.arxiv == b.arxiv and (ts >= 0.8 or (au or 0) >= 0.7):
        return "same arXiv id", 1.0
    if a.isbn and a.isbn == b.isbn and ts >= 0.8 and not veto(a, b, preprints) \
            and a.ref.type not in ("chapter", "paper-conference") and b.ref.type not in ("chapter", "paper-conference"):
        return "same ISBN", 0.99
    if a.doi and b.doi and a.doi != b.doi and not (a.preprint or b.preprint):
        return None  # two registered DOIs are two works (unless one is a preprint's)
    if a.arxiv and b.arxiv and a.arxiv != b.arxiv:
        return None  # two arXiv ids are two works
    if veto(a, b, preprints):
        return None
    if len(a.title) < 12 or len(b.title) < 12:
        return None  # "Introduction", "Discussion": too little to go on
    if au is None:
        if ts >= TITLE_ALONE and a.year == b.year and a.year is not None:
            return "same title and year (no authors to compare)", ts * 0.97
        return None
    ca, cb = fold(a.ref.get("container-title")), fold(b.ref.get("container-title"))
    if ca and cb and not (a.preprint or b.preprint) and not containers_agree(ca, cb):
        return None  # one title in two venues: two papers (a workshop and a conference version)
    if (a.year is None or b.year is None) and (ts < 0.95 or au < 0.9):
        return None  # no year to confirm: ask more of the rest
    if ts >= TITLE_MIN and au >= 0.7:
        score = 0.6 * ts + 0.3 * au + (0.1 if a.year == b.year else 0.05)
        why = "same title, first author and year" if a.year == b.year else "same title and first author"
        if a.preprint != b.preprint:
            why = "preprint and published version: " + why
        return why, min(score, 0.995)
    return None


# ------------------------------------------------------------------ whole bibliographies
def _blocks(sigs: list[_Sig]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, s in enumerate(sigs):
        keys = set()
        if s.fams:
            keys.add("a:" + s.fams[0][:6])
        words = [w for w in s.title.split() if w not in _STOP]
        if words:
            keys.add("t:" + " ".join(words[:2]))
        for ident, tag in ((s.doi, "d:"), (s.arxiv, "x:"), (s.isbn, "i:")):
            if ident:
                keys.add(tag + ident)
        for k in keys:
            out.setdefault(k, []).append(i)
    return out


def _with_parent(ref: Reference, index: dict[str, Reference]) -> Reference:
    """``ref`` with the year, container and editors its crossref parent gives it (only for comparing)."""
    parent = index.get(ref.extra.get("crossref", "").strip().lower())
    if parent is None or parent is ref:
        return ref
    out = Reference(ref.id, ref.type, dict(ref.fields), dict(ref.names), dict(ref.dates), dict(ref.extra),
                    ref.line, ref.source)
    if "issued" not in out.dates and "issued" in parent.dates:
        out.dates["issued"] = parent.dates["issued"]
    if "container-title" not in out.fields and parent.get("title"):
        out.fields["container-title"] = parent.get("title")
    if "editor" not in out.names and parent.names.get("editor"):
        out.names["editor"] = parent.names["editor"]
    return out


def _candidates(block: str, members: list[int], sigs: list[_Sig]) -> list[tuple[int, int]]:
    """The pairs of a block worth comparing: all of them in an identifier's block; else those whose titles
    are close (rapidfuzz's C loop) or where one title begins the other (a missing subtitle)."""
    if not block.startswith(("a:", "t:")) or len(members) < 8:
        return [(i, j) for x, i in enumerate(members) for j in members[x + 1:]]
    titles = [sigs[i].title for i in members]
    out = set()
    for x, t in enumerate(titles):
        for _, _, y in process.extract(t, titles, scorer=fuzz.ratio, score_cutoff=75, limit=None):
            if y > x:
                out.add((members[x], members[y]))
        if len(t) >= 12:
            for y, u in enumerate(titles):
                if y != x and u.startswith(t):
                    out.add((members[min(x, y)], members[max(x, y)]))
    return sorted(out)


def find_duplicates(refs: list[Reference], preprints: bool = True) -> list[Group]:
    """Groups of entries that are one work, strongest links first; entries in file order inside a group.

    A link joins two groups only when every pair across them passes the vetoes and the safety rule, so
    a chain of near matches cannot pull two different works together."""
    index = {r.id.lower(): r for r in refs}
    sigs = [_Sig.of(_with_parent(r, index)) for r in refs]
    pairs: dict[tuple[int, int], tuple[str, float]] = {}
    seen: set[tuple[int, int]] = set()
    for block, members in _blocks(sigs).items():
        if len(members) > 400:  # a block that large is a common name, not a signal; titles block too
            continue
        for i, j in _candidates(block, members, sigs):
            if (i, j) in seen:
                continue
            seen.add((i, j))
            hit = compare(sigs[i], sigs[j], preprints)
            if hit:
                pairs[(i, j)] = hit
    group_of = list(range(len(sigs)))
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(sigs))}
    best: dict[int, tuple[str, float]] = {}
    for (i, j), (why, score) in sorted(pairs.items(), key=lambda kv: -kv[1][1]):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if any(both_differ(sigs[x], sigs[y]) or veto(sigs[x], sigs[y], preprints) and (x, y) not in pairs
               and (y, x) not in pairs for x in members_of[gi] for y in members_of[gj]):
            continue
        for x in members_of[gj]:
            group_of[x] = gi
        members_of[gi] += members_of.pop(gj)
        prev = best.pop(gj, None)
        cur = best.get(gi)
        cands = [c for c in (cur, prev, (why, score)) if c]
        best[gi] = min(cands, key=lambda c: c[1])  # a group is as sure as its weakest link
    groups = []
    for g, idx in members_of.items():
        if len(idx) < 2:
            continue
        idx.sort()
        why, score = best[g]
        groups.append(Group([refs[i].id for i in idx], why, score, [refs[i] for i in idx]))
    groups.sort(key=lambda g: (g.refs[0].source or "", g.refs[0].line or 0))
    return groups
