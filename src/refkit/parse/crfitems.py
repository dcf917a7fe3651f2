"""The tagger's features as crfsuite sees them, made fast for tagging.

:func:`refkit.parse.tagger.featurize` gives one dict per token ({"w": "smith", "len": 5, ...}), the form
training uses. To tag, python-crfsuite turns each key and value into an attribute name ("w:smith") and
crfsuite looks the name up in the model, silently dropping the names the model never saw (about one
in eight here: rare words and word pairs). :func:`items` gives the same features already as
attribute names, only those the model knows, in the same order, built from per-word parts that are
computed once. The model then scores exactly what it scored before (the same attributes and weights
summed in the same order), with less to convert and look up.

The model's attribute names are read from its file (a CRFsuite model keeps them in a CQDB
dictionary); a file that cannot be read that way gets no filtering (``known`` is None), which is
slower but the same.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from refkit.parse import tagger as _t


def model_attributes(path: Path) -> frozenset[str] | None:
    """The attribute names a CRFsuite model file knows, or None if the file is not laid out as
    CRFsuite 0.12 writes models (header "lCRF" ... "FOMC", the attributes in a CQDB chunk)."""
    try:
        data = path.read_bytes()
        magic, _size, kind, _ver, _nf, _nl, n_attrs, _of, _ol, off_attrs = struct.unpack_from("<4sI4s7I", data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            return None
        chunk, _csize, _flag, _order, n, bwd = struct.unpack_from("<4s5I", data, off_attrs)
        if chunk != b"CQDB" or n != n_attrs:
            return None
        names = []
        for off in struct.unpack_from(f"<{n}I", data, off_attrs + bwd):
            _id, size = struct.unpack_from("<iI", data, off_attrs + off)
            start = off_attrs + off + 8
            names.append(data[start:start + size - 1].decode("utf-8"))
        return frozenset(names)
    except (OSError, struct.error, UnicodeDecodeError, ValueError):
        return None


def _name(key: str, value: Any) -> str:
    return f"{key}:{value}" if isinstance(value, str) else key


# the features featurize sets from the token's place and the state so far, in its order
_STATE = ("bias", "pos", "idx", "end", "nearend", "paren", "quote", "years", "sent", "commas", "seen_in",
          "seen_digit")


class View:
    """One model's view of the features: per-word parts, kept while the model is open."""

    def __init__(self, known: frozenset[str] | None) -> None:
        self.known = known
        self.words: dict[str, _Seen] = {}
        # the state features are numbers: their names are their keys; a model without one of
        # them (not one refkit trained) takes the slow way, featurize then keep what it knows
        self.fast = known is not None and all(k in known for k in _STATE)
        self.pad = _Seen.padding(tuple(self._keep(p) for p in _t._PAD))  # before the first word, after the last
        # the neighbour features the model knows: "w:smith" -> ((0, "-2:w:smith"), (2, "1:w:smith")), and
        # the word pairs, by the first word: {"smith": {"john": "-1w|w:smith|john"}} (one pass over the names)
        offsets: dict[str, list[tuple[int, str]]] = {}
        self.pairs: dict[str, dict[str, dict[str, str]]] = {key: {} for key in _PAIRS}
        for name in known or ():
            head, _, rest = name.partition(":")
            j = _OFFSET_OF.get(head)
            if j is not None:
                offsets.setdefault(rest, []).append((j, name))
            elif head in _PAIRS:
                pairs = self.pairs[head]
                cut = rest.find("|")
                while cut >= 0:  # at every "|": the words may hold one
                    pairs.setdefault(rest[:cut], {})[rest[cut + 1:]] = name
                    cut = rest.find("|", cut + 1)
        self.offsets = {tail: tuple(v) for tail, v in offsets.items()}

    def _keep(self, f: dict[str, Any]) -> dict[str, Any]:
        known = self.known
        out = {}
        for k, v in f.items():
            name = _name(k, v)
            if known is None or name in known:
                out[name] = 1 if isinstance(v, str) else v
        return out

    def items(self, tokens: list[_t.Token]) -> list[dict[str, Any]]:
        """What crfsuite keeps of ``featurize(tokens)``: per token {attribute name: value}, in order."""
        if not self.fast:
            return [self._keep(f) for f in _t.featurize(tokens)]
        return _items(tokens, self)

    def word(self, w: str) -> _Seen:
        s = self.words.get(w)
        if s is None:
            if len(self.words) > 200_000:
                self.words.clear()
            s = self.words[w] = _Seen(self, _t._cached(w))
        return s


_NONE: dict[str, str] = {}
_OFFSET_OF = {"-2": 0, "-1": 1, "1": 2, "2": 3}  # "-2:w:smith": as tagger._NEIGHBOUR_NAMES writes them
_PAIRS = ("-1w|w", "w|+1w", "-1last|cap")


class _Seen:
    """One word's parts, as attribute names the model knows."""

    __slots__ = ("base", "own", "nb", "w", "cap", "m3", "p3", "before", "after", "lastcap")

    @classmethod
    def padding(cls, nb: tuple[dict[str, Any], ...]) -> _Seen:
        """What stands in for the words before the first and after the last: featurize's pads."""
        pad = cls.__new__(cls)
        pad.nb, pad.w, pad.m3, pad.p3 = nb, " ", "", ""
        pad.before = pad.after = pad.lastcap = _NONE
        return pad

    def __init__(self, view: View, base: _t._Word) -> None:
        self.base = base
        known = view.known or frozenset()
        b = base.base
        own = {}
        for k, v in b.items():
            name = k + ":" + v if isinstance(v, str) else k
            if name in known and v != 0:
                own[name] = 1 if isinstance(v, str) else v
        self.own = own
        # as seen from a neighbour at offset -2, -1, +1, +2: tagger._Word.nb, known names only
        nb: tuple[dict[str, Any], ...] = ({}, {}, {}, {})
        offsets = view.offsets
        for k in _t._NEIGHBOUR_KEYS:
            v = b.get(k)
            if v is None:
                continue
            tail, v = (k + ":" + v, 1) if isinstance(v, str) else (k, v)
            if v == 0:
                continue
            for j, name in offsets.get(tail, ()):
                nb[j][name] = v
        self.nb = nb
        self.w = base.w
        self.cap = base.cap
        m3, p3 = f"-3:w:{base.w}", f"+3:w:{base.w}"
        self.m3 = m3 if m3 in known else ""
        self.p3 = p3 if p3 in known else ""
        pairs = view.pairs
        self.before = pairs["-1w|w"].get(base.w, _NONE)  # this word, then the next one
        self.after = pairs["w|+1w"].get(base.w, _NONE)
        self.lastcap = pairs["-1last|cap"].get(base.last, _NONE)  # this word's last character, the next one's case


def _items(tokens: list[_t.Token], view: View) -> list[dict[str, Any]]:
    words = [t.text if _t._IS_NFC("NFC", t.text) else _t._NFC("NFC", t.text) for t in tokens]
    pad = view.pad
    seen = [pad, pad, pad, *(view.word(w) for w in words), pad, pad, pad]  # word i is seen[i + 3]
    n = len(words)
    out: list[dict[str, Any]] = []
    paren = quote = years = sent = commas = seen_in = seen_digit = 0
    for i, w in enumerate(words):
        j = i + 3
        sw = seen[j]
        bw = sw.base
        f: dict[str, Any] = dict(sw.own)
        f["bias"] = 1
        if i * 10 >= n:  # the numbers below are weights, and a weight of 0 adds nothing: left out
            f["pos"] = i * 10 // n
        if 0 < i < 3:
            f["idx"] = i
        if i == n - 1:
            f["end"] = 1
        elif i >= n - 3:
            f["nearend"] = 1
        if paren:
            f["paren"] = paren if paren < 2 else 2
        if quote:
            f["quote"] = 1
        if years:
            f["years"] = years if years < 2 else 2
        if sent:
            f["sent"] = sent if sent < 6 else 6
        if commas:
            f["commas"] = commas if commas < 6 else 6
        if seen_in:
            f["seen_in"] = 1
        if seen_digit:
            f["seen_digit"] = 1
        f.update(seen[j - 2].nb[0])  # past either end: the pad's
        f.update(seen[j - 1].nb[1])
        f.update(seen[j + 1].nb[2])
        f.update(seen[j + 2].nb[3])
        prev = seen[j - 1]
        name = prev.before.get(sw.w)  # the pad's pairs are empty, and no word is " "
        if name:
            f[name] = 1
        name = prev.lastcap.get(sw.cap)
        if name:
            f[name] = 1
        name = seen[j - 3].m3
        if name:
            f[name] = 1
        name = seen[j + 3].p3
        if name:
            f[name] = 1
        name = sw.after.get(seen[j + 1].w)
        if name:
            f[name] = 1
        out.append(f)
        # the state after the token, as featurize keeps it
        paren, quote, years, sent, commas, seen_in, seen_digit = _t.advance(
            w, bw, paren, quote, years, sent, commas, seen_in, seen_digit)
    return out
