"""A CRF sequence tagger for reference strings.

A reference is split into whitespace tokens; each token gets a label (AnyStyle's label set:
``author``, ``title``, ``journal``, ``date``, ``volume``, ``pages`` ...) from a linear-chain CRF
(python-crfsuite) over hand-made token features: the word, its case shape and punctuation, its
position, bracket and quote state, and small dictionaries of role, month, publisher, place and
journal words. Runs of equal labels become :class:`Segment` objects with character offsets and a
confidence (the mean marginal probability of the chosen label over the segment's tokens).

``load_model()`` opens the model shipped in ``refkit/parse/models/tagger.crfsuite`` (cached);
``tag(text, model)`` labels one reference string.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from refkit.errors import ModelError
from refkit.parse.lexicon import (  # the word lists behind the dictionary features
    CONNECTORS,
    EDITION_WORDS,
    EDITOR_WORDS,
    FAMILY_NAMES,
    GENRE_WORDS,
    GIVEN_NAMES,
    IN_WORDS,
    JOURNAL_WORDS,
    MONTHS,
    PAGE_WORDS,
    PARTICLES,
    PLACE_WORDS,
    PUBLISHER_WORDS,
    TRANS_WORDS,
    VOL_WORDS,
)

DEFAULT_MODEL = Path(__file__).with_name("models") / "tagger.crfsuite"

# The labels the shipped model knows (AnyStyle's, minus the rare media ones it folds into note).
LABELS = (
    "author", "editor", "translator", "title", "journal", "container-title", "collection-title",
    "volume", "pages", "date", "publisher", "location", "edition", "genre", "url", "doi", "isbn",
    "note", "citation-number",
)


@dataclass
class Segment:
    """A run of tokens with one label: ``text`` is ``source[start:end]``."""

    label: str
    text: str
    start: int
    end: int
    confidence: float = 1.0
    low: float = 1.0  # the smallest marginal probability of one of its tokens


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int


VIEW_AFTER = 150  # references tagged before the model's view of the features is made (same labels)


class Model:
    """A loaded CRF model (thread-safe: each thread gets its own crfsuite tagger)."""

    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self.path = Path(path)
        self._crfsuite = pycrfsuite
        self._local = threading.local()
        self.labels = tuple(self._tagger().labels())
        self._view: Any = None  # crfitems.View: the features as this model sees them (made once worth it)
        self._plain = 0  # references tagged through featurize while there is no view

    def _tagger(self) -> Any:
        t = getattr(self._local, "tagger", None)
        if t is None:
            t = self._crfsuite.Tagger()
            try:
                t.open(str(self.path))
            except Exception as e:  # crfsuite raises a bare ValueError/IOError
                raise ModelError(
                    f"cannot open tagger model {self.path}: {e}",
                    hint="pass a model written by 'refkit train', or omit --model to use the built-in one",
                ) from e
            self._local.tagger = t
        return t

    def view(self) -> Any:
        """The features as this model sees them (:class:`refkit.parse.crfitems.View`), made once."""
        if self._view is None:
            from refkit.parse import crfitems

            self._view = crfitems.View(crfitems.model_attributes(self.path))
        return self._view

    def tag_tokens(self, tokens: list[Token]) -> list[tuple[str, float]]:
        """(label, marginal probability) for each token."""
        if not tokens:
            return []
        tagger = self._tagger()
        view = self._view
        if view is None and self._plain < VIEW_AFTER:  # a short list: not worth making the view (~0.1 s)
            self._plain += 1
            labels = tagger.tag(featurize(tokens))
        else:
            labels = tagger.tag((view or self.view()).items(tokens))
        return [(lab, tagger.marginal(lab, i)) for i, lab in enumerate(labels)]


_cache: dict[str, Model] = {}
_cache_lock = threading.Lock()


def load_model(path: str | Path | None = None) -> Model:
    """Open a CRF model (default: the one shipped with refkit); opened models are cached."""
    p = Path(path) if path is not None else DEFAULT_MODEL
    try:
        st = p.stat()
        key = f"{p.resolve()}:{st.st_mtime_ns}:{st.st_size}"  # a retrained file is opened anew
    except OSError:
        key = str(p)
    with _cache_lock:
        m = _cache.get(key)
        if m is None:
            if not p.is_file():
                hint = (
                    "reinstall refkit, or rebuild it with 'python training/make_model.py'"
                    if path is None
                    else "check the path, or train one with 'refkit train LABELLED.jsonl -o MODEL'"
                )
                raise ModelError(f"tagger model not found: {p}", hint=hint)
            m = _cache[key] = Model(p)
        return m


# ---------------------------------------------------------------- tokens
_TOKEN = re.compile(r"\S+")


# Places inside a whitespace token where two fields are glued together in print: Vancouver's
# "Jun;14(3):211-29." (date; volume(issue):pages), "2006:Title", "Lorenz, Karl(1999)".
_GLUED = re.compile(r"(?<=;)(?=[\d(])|(?<=[\d)]:)(?=\w)|(?<=[^\W\d_])(?=\((?:1[5-9]|20)\d\d)")
_LINKISH = re.compile(r"/|^(?:https?|www|doi|urn|arxiv|isbn|issn|pmid|pmcid)", re.I)


def tokenize(text: str) -> list[Token]:
    """Whitespace tokens with character offsets (AnyStyle's segment boundaries fall on whitespace);
    a token that glues fields together ("Jun;14(3):211-29.") is cut where they meet."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        cuts = _cuts.get(w) if len(w) > 3 else ()
        if cuts is None:
            cuts = _glued(w)
        if cuts:
            at = m.start()
            start = 0
            for cut in cuts:
                out.append(Token(w[start:cut], at + start, at + cut))
                start = cut
            out.append(Token(w[start:], at + start, m.end()))
        else:
            out.append(Token(w, m.start(), m.end()))
    return out


_cuts: dict[str, tuple[int, ...]] = {}  # per word: where tokenize cuts it (most words: nowhere)


def _glued(w: str) -> tuple[int, ...]:
    cuts: list[int] = []
    if not _LINKISH.search(w) and _GLUED.search(w):
        start = 0
        for g in _GLUED.finditer(w):
            if 0 < g.start() < len(w) and g.start() > start:
                cuts.append(g.start())
                start = g.start()
    if len(_cuts) > 200_000:
        _cuts.clear()
    _cuts[w] = out = tuple(cuts)
    return out


def tag(text: str, model: Model | str | Path | None = None) -> list[Segment]:
    """Label a reference string; returns its segments in reading order."""
    if not isinstance(model, Model):
        model = load_model(model)
    tokens = tokenize(text)
    labelled = model.tag_tokens(tokens)
    segs: list[Segment] = []
    probs: list[float] = []
    for tok, (lab, p) in zip(tokens, labelled, strict=False):
        if segs and segs[-1].label == lab:
            segs[-1].end = tok.end
            probs.append(p)
            continue
        if segs:
            segs[-1].confidence = sum(probs) / len(probs)
            segs[-1].low = min(probs)
        segs.append(Segment(lab, "", tok.start, tok.end))
        probs = [p]
    if segs:
        segs[-1].confidence = sum(probs) / len(probs)
        segs[-1].low = min(probs)
    for s in segs:
        s.text = text[s.start : s.end]
    return segs


# ---------------------------------------------------------------- features
_YEAR = re.compile(r"^[(\[]?(1[5-9]\d\d|20\d\d)[a-z]?[)\]]?[.,:;]*$")
_YEAR_IN = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_RANGE = re.compile(r"\d+\s*[-\u2010-\u2015\u2212]+\s*\d+")
_URL = re.compile(r"^(?:<?https?://|<?www\.|<?ftp://)", re.I)
_DOI = re.compile(r"(?:^|doi[:.]?)10\.\d{3,9}/|^doi", re.I)
_ISBN = re.compile(r"^isbn|^\d{1,5}-\d+-\d+-[\dX]|^97[89]\d{10}$", re.I)
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.I)
_WEBEXT = re.compile(r"\.(?:html?|pdf|php|aspx?)\b|\.(?:com|org|net|edu|gov)\b")
_INITIALS = re.compile(r"(?:[A-Z]\.-?){2,4},?")
_CAPS = re.compile(r"[A-Z]{1,3},?")
_EDNUM = re.compile(r"\d+(?:st|nd|rd|th|e|ème|\.|ª)?")
_ORDINAL = re.compile(r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|revised|rev)")
_OPEN_Q = "\"“„«‘‚‹'"
_CLOSE_Q = "\"”»’‹›'"


def _shape(w: str) -> str:
    out = []
    prev = ""
    for ch in w:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c != prev:
            out.append(c)
            prev = c
    return "".join(out)[:8]


def _core(w: str) -> str:
    i, j = 0, len(w)
    while i < j and not w[i].isalnum():
        i += 1
    while j > i and not w[j - 1].isalnum():
        j -= 1
    return w[i:j]


LEXICON_FEATURES = (
    ("editorw", EDITOR_WORDS), ("transw", TRANS_WORDS), ("inw", IN_WORDS), ("pagew", PAGE_WORDS),
    ("volw", VOL_WORDS), ("edw", EDITION_WORDS), ("genrew", GENRE_WORDS), ("pubw", PUBLISHER_WORDS),
    ("placew", PLACE_WORDS), ("jw", JOURNAL_WORDS), ("given", GIVEN_NAMES), ("family", FAMILY_NAMES),
)


def _token_features(w: str) -> dict[str, Any]:
    """Features of one token on its own (cached per word)."""
    core = _core(w)
    low = core.casefold()
    lw = w.casefold().strip(".,;:")
    f: dict[str, Any] = {"w": low[:24] if low else w[:6], "shape": _shape(w)}
    if low:
        f["p2"] = low[:2]
        f["s2"] = low[-2:]
        f["s3"] = low[-3:]
        f["p3"] = low[:3]
    last = w[-1]
    first = w[0]
    if not last.isalnum():
        f["last"] = last
    if not first.isalnum():
        f["first"] = first
    if len(w) > 1 and not w[-2].isalnum():
        f["last2"] = w[-2:]
    n = len(core)
    f["len"] = min(n, 8)
    if core:
        c0 = core[0]
        if c0.isupper():
            f["cap"] = "U" if core.isupper() and n > 1 else ("I" if n == 1 else "C")
        elif c0.islower():
            f["cap"] = "l"
        elif c0.isdigit():
            f["cap"] = "d"
        else:
            f["cap"] = "o"
    if core.isdigit():
        f["num"] = min(n, 5)
    if _YEAR.match(w):
        f["year"] = 1
    elif _YEAR_IN.search(w):
        f["hasyear"] = 1
    if _RANGE.search(w):
        f["range"] = 1
    if any(ch.isdigit() for ch in w) and any(ch.isalpha() for ch in w):
        f["alnum"] = 1
    if "(" in w and ")" in w and any(ch.isdigit() for ch in w):
        f["numparen"] = 1
    if _URL.match(w) or "://" in w or _WEBEXT.search(lw):
        f["url"] = 1
    if _DOI.search(w):
        f["doi"] = 1
    if _ISBN.match(w):
        f["isbn"] = 1
    if len(core) == 1 and core.isalpha() and core.isupper() and w.endswith("."):
        f["initial"] = 1
    elif _INITIALS.fullmatch(w):
        f["initial"] = 2
    elif _CAPS.fullmatch(w):
        f["initials_cap"] = 1
    if low in MONTHS or lw in MONTHS:
        f["month"] = 1
    if lw in EDITOR_WORDS:
        f["editorw"] = 1
    if lw.startswith("n°") or lw.startswith("nº"):
        f["volw"] = 1
    if _EDNUM.fullmatch(low) and "ed" in lw:
        f["edw"] = 1
    if _ORDINAL.fullmatch(low):
        f["ordinal"] = 1
    for name, words in LEXICON_FEATURES:  # dictionary membership of the bare word
        if low in words:
            f[name] = 1
    if low in PARTICLES and core and core[0].islower():
        f["particle"] = 1
    if w in CONNECTORS or low in ("and", "und"):
        f["conn"] = 1
    if low in ("accessed", "retrieved", "available", "abgerufen", "consulté", "zugegriffen", "viewed", "cited"):
        f["accessw"] = 1
    if _ROMAN.match(core) and n <= 5 and core.isupper():
        f["roman"] = 1
    if first in _OPEN_Q:
        f["oq"] = 1
    if last in _CLOSE_Q or (len(w) > 1 and w[-2] in _CLOSE_Q):
        f["cq"] = 1
    if first in "([":
        f["ob"] = first
    if ")" in w or "]" in w:
        f["cb"] = 1
    return f


class _Word:
    """Everything featurize needs of one distinct word, computed once (cached per word)."""

    __slots__ = ("base", "_nb", "w", "last", "cap", "brackets", "year", "initial", "len", "inw", "num", "range")

    def __init__(self, w: str) -> None:
        b = _token_features(w)
        self.base = b
        self._nb: tuple[dict[str, Any], ...] | None = None
        self.w = b["w"]
        self.last = b.get("last", "")
        self.cap = b.get("cap", "")
        self.brackets = any(ch in "()[]" for ch in w)
        self.year = "year" in b
        self.initial = "initial" in b
        self.len = b.get("len", 0)
        self.inw = "inw" in b
        self.num = "num" in b or "range" in b
        self.range = "range" in b

    @property
    def nb(self) -> tuple[dict[str, Any], ...]:
        """Its features as seen from a neighbour at offset -2, -1, +1, +2 (same keys, same order)."""
        if self._nb is None:
            b = self.base
            items = [(k, b[k]) for k in _NEIGHBOUR_KEYS if k in b and b[k] is not None]
            self._nb = tuple({names[k]: v for k, v in items} for names in _NEIGHBOUR_NAMES)
        return self._nb


_feat_cache: dict[str, _Word] = {}


def _cached(w: str) -> _Word:
    f = _feat_cache.get(w)
    if f is None:
        f = _Word(w)
        if len(_feat_cache) > 200_000:
            _feat_cache.clear()
        _feat_cache[w] = f
    return f


_NEIGHBOUR_KEYS = ("w", "shape", "last", "cap", "year", "initial", "editorw", "inw", "pagew", "volw",
                   "month", "num", "pubw", "placew", "jw", "transw", "oq", "cq", "ob", "conn", "given", "family")
_NEIGHBOUR_NAMES = tuple({k: f"{off}:{k}" for k in _NEIGHBOUR_KEYS} for off in (-2, -1, 1, 2))
_PAD = tuple({f"{off}:pad": 1} for off in (-2, -1, 1, 2))
_NFC = unicodedata.normalize
_IS_NFC = unicodedata.is_normalized


def featurize(tokens: list[Token]) -> list[dict[str, Any]]:
    """One crfsuite feature dict per token: its own features, its neighbours' and some state."""
    words = [t.text if _IS_NFC("NFC", t.text) else _NFC("NFC", t.text) for t in tokens]
    base = [_cached(w) for w in words]
    n = len(words)
    out: list[dict[str, Any]] = []
    paren = 0
    quote = 0
    years = 0
    sent = 0  # full stops seen so far (not after initials)
    commas = 0
    seen_in = 0
    seen_digit = 0
    pad_m2, pad_m1, pad_p1, pad_p2 = _PAD
    for i, w in enumerate(words):
        bw = base[i]
        f: dict[str, Any] = dict(bw.base)
        f["bias"] = 1
        f["pos"] = i * 10 // n
        if i < 3:
            f["idx"] = i
        if i == n - 1:
            f["end"] = 1
        elif i >= n - 3:
            f["nearend"] = 1
        f["paren"] = paren if paren < 2 else 2
        f["quote"] = quote if quote < 1 else 1
        f["years"] = years if years < 2 else 2
        f["sent"] = sent if sent < 6 else 6
        f["commas"] = commas if commas < 6 else 6
        f["seen_in"] = seen_in
        f["seen_digit"] = seen_digit
        f.update(base[i - 2].nb[0] if i >= 2 else pad_m2)
        f.update(base[i - 1].nb[1] if i >= 1 else pad_m1)
        f.update(base[i + 1].nb[2] if i + 1 < n else pad_p1)
        f.update(base[i + 2].nb[3] if i + 2 < n else pad_p2)
        if i > 0:
            prev = base[i - 1]
            f["-1w|w"] = f"{prev.w}|{bw.w}"
            f["-1last|cap"] = f"{prev.last}|{bw.cap}"
        if i > 2:
            f["-3:w"] = base[i - 3].w
        if i + 3 < n:
            f["+3:w"] = base[i + 3].w
        if i + 1 < n:
            f["w|+1w"] = f"{bw.w}|{base[i + 1].w}"
        out.append(f)
        # update state after the token
        paren, quote, years, sent, commas, seen_in, seen_digit = advance(
            w, bw, paren, quote, years, sent, commas, seen_in, seen_digit)
    return out


def advance(w: str, bw: Any, paren: int, quote: int, years: int, sent: int, commas: int, seen_in: int,
            seen_digit: int) -> tuple[int, int, int, int, int, int, int]:
    """The running state of a reference after the token ``w`` (whose base features are ``bw``):
    bracket depth, inside quotes, years, sentence ends and commas seen, an "In" seen, a digit seen.
    Shared by :func:`featurize` and the fast path in :mod:`refkit.parse.crfitems`."""
    if bw.brackets:
        for ch in w:
            if ch in "([":
                paren += 1
            elif ch in ")]" and paren:
                paren -= 1
    if w[0] in "“«„":
        quote = 1
    if w[-1] in "”»" or (len(w) > 1 and w[-2] in "”»"):
        quote = 0
    if w[0] == '"' and quote == 0 and not w.endswith('"'):
        quote = 1
    elif quote and '"' in w[1:]:
        quote = 0
    if bw.year:
        years += 1
    if w[-1] == "." and not (bw.initial or bw.len <= 2 and bw.cap == "C"):
        sent += 1
    if w[-1] == ",":
        commas += 1
    if bw.inw and bw.cap == "C":
        seen_in = 1
    if bw.num:
        seen_digit = 1
    return paren, quote, years, sent, commas, seen_in, seen_digit
