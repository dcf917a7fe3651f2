"""Joining the lines of a wrapped reference: line-break hyphens told from real ones, identifiers
(DOIs, URLs, arXiv ids) broken at a line end made whole again."""

from __future__ import annotations

import re

DOI_TAIL_RE = re.compile(r"(?:\b10\.\d{0,9}(?:/\S*)?|\bdoi:\s?\S*|arxiv:\s?\S*|\[[a-z]+-)$", re.I)
URLISH_RE = re.compile(r"(?:https?:|www\.|doi\.org/)\S*$")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_AVAILABLE_RE = re.compile(r"(?:available\s+(?:at|from|online)|retrieved\s+from|disponible\s+(?:en|sur)|"
                           r"dispon[ií]vel\s+em|verfügbar\s+unter|abrufbar\s+unter|\burl|\bonline|en\s+ligne)"
                           r"\s*:?\s*[<\[]?(\S[^,(\[”\"]*)$", re.I)
_AVAILABLE_WORDS = ("vailable", "etrieved", "isponi", "isponí", "erfügbar", "brufbar", "url", "nline", "ligne")
_AVAILABLE_WORDS_RE = re.compile("|".join(_AVAILABLE_WORDS))  # any of them in the lowered text


def _inside_url(a: str) -> bool:
    """Does ``a`` end inside a URL that an "Available at:" started (no comma or bracket since)?"""
    tail = a[-400:].lower()
    m = _AVAILABLE_RE.search(tail) if _AVAILABLE_WORDS_RE.search(tail) else None
    return m is not None and bool(re.match(r"h\s?t\s?t\s?p|w\s?w\s?w", m.group(1), re.I))


# Hyphenated compounds whose halves are words of their own: the hyphen at a line end is kept.
COMPOUND_FIRST = frozenset("""self non well long short high low first second third fourth two three four five
    multi cross large small real open fine full half near post pre semi co anti inter intra meta mid over
    under out end state life data time cost user web deep world peer case policy evidence""".split())
COMPOUND_SECOND = frozenset("""year years based term scale time level order like specific free wide aware
    dependent related driven oriented art world end step source sourced class grained run off up out
    making sectional country national party type sized size scale ready friendly intensive informed
    centered centred sensitive efficient resolution reported generated modal linear shot""".split())


def _break_hyphen(a: str, b: str, vocab: set[str] | None) -> bool:
    """Is the hyphen ending ``a`` (before ``b``) a line-break hyphen to drop? Evidence first: the word
    written whole or hyphenated elsewhere in the same text; then compounds of two words."""
    m = re.search(r"([\w\u00C0-\u024F]+)-$", a)
    n = re.match(r"([\w\u00C0-\u024F]+)", b)
    if not m or not n:
        return False
    left, right = m.group(1), n.group(1)
    if not re.fullmatch(r"[^\W\d_]+", left) or not right[0].islower() or not right.isalpha() or left.isupper():
        return False  # "419-" + "434", "Iran-" + "Russia", "hep-" + "ex]" is caught below
    if a[: m.start()].rstrip().endswith("[") or b[n.end():n.end() + 1] == "]":
        return False  # an arXiv class "[hep-" + "ex]"
    if getattr(vocab, "keep_hyphens", False):
        return False
    if vocab is not None:
        joined, hyph = (left + right).lower(), (left + "-" + right).lower()
        if hyph in vocab and joined not in vocab:
            return False
        if joined in vocab:
            return True
    if left.lower() in COMPOUND_FIRST or right.lower() in COMPOUND_SECOND:
        return False
    return len(left) > 1


def id_tail(line: str) -> bool:
    """A line that is only the rest of an identifier: one token, digits or '_' in it, no word
    ("10.1207/S15327965" + "PLI1104_01")."""
    t = line.strip()
    return bool(t) and " " not in t and bool(re.search(r"[\d_]", t)) and not re.search(r"[a-z]{3}", t) and len(t) <= 40


def join_lines(a: str, b: str, vocab: set[str] | None = None) -> str:
    """Join a wrapped line ``b`` onto ``a``: line-break hyphens, identifiers and URLs broken over lines."""
    a = a.rstrip()
    b = b.strip()
    if not a:
        return b
    last = a.rsplit(None, 1)[-1]  # a is not blank
    first = b.split(None, 1)[0] if b else ""
    if re.fullmatch(r"\d{1,3}[.)]", b) and not a.endswith(("–", "—", "-", "−")):
        return a + " " + b  # "13." alone on its line: the next reference's number, never the rest of a DOI
    year_after_comma = last.endswith(",") and re.match(r"(?:1[5-9]|20)\d\d[.,;]?$", first)  # "https://doi.org/...," + "1979."
    domain = last.endswith(".") and re.match(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|edu|gov|int|io|de|fr|uk|jp|cn)/",
                                             first)  # "...cr300503r." + "pubs.acs.org/JACS": a running head, not the link going on
    if re.match(r"(?i)(?:https?://|www\.|doi:)", first) or re.match(r"(?:MR\d{5,}|Zbl\s|PMID|PMCID|ISBN|ISSN|arXiv:)", first):
        return a + " " + b  # a link or another identifier of its own: never the rest of the one before
    if re.fullmatch(r"[^\W\d_][\w\-]{1,30}::?|:[A-Z]{2,20}:", first) and (" " in b or first.startswith(":")):
        return a + " " + b  # a field's label after a link: Logseq's "id:: ...", ":LOGBOOK:", a catalogue's "Dostupnost: ..."
    if (URLISH_RE.search(last) and (not (b[:1].isupper() or b[:1] in "([") or last.endswith(("?", "=", "&"))) or not b.startswith(("(", "[")) and _inside_url(a)) \
            and not year_after_comma and not domain and b[:1].isascii():  # (not a chat's "🙏" reaction under the link)
        if not (last.endswith((".", ",")) and not re.match(r"[\w/]", first[:1]) and first[:1] != "%"):
            return a + b  # a URL that goes on (hyphens in it are the URL's own)
    if DOI_TAIL_RE.search(last) and re.match(r"^[\w./\-()<>;:]+", first) and not (first[:1].isupper() and first[1:2].islower()) and \
            not year_after_comma and not domain and first.isascii():  # (not a chat's "2️⃣" bullet on the next line)  # not "pubs.acs.org/JACS", a running head after the DOI
        if last.endswith(".") and not (id_tail(b) or re.search(r"\d", first) and not re.fullmatch(r"(?=\d*[A-Z])[A-Z\d]+[.,;]?", first)
                                       or first[:1].islower() and "." in first):
            pass  # "doi: 10.1109/CVPR.2015.7298965." + "IEEE TRANSACTIONS ...", "...01229." + "ZHOU Fei-Yan": a new line
        elif last.endswith("-") and re.search(r"10\.\d{4,9}/(?:\S*[^a-z])?[a-z]{2,}-$", last) and \
                re.match(r"[a-z]{2,}\w*\d", first):
            return a[:-1] + b  # "10.1038/nat-" + "ure14236": a line-break hyphen inside a word of the DOI
        elif last.endswith((".", "/", "-", ":", "_", "<", "(")) or re.search(r"10\.\d{4,9}/\S*[\w]$", last) and (
                first[:1].isdigit() or id_tail(b)):
            return a + b  # "doi:10.1016/" + "j.jcp.2019.01.005", "10.1109/TMC.2021." + "3056789"
    if a.endswith(("–", "—")) and first[:1].isdigit():
        return a + b  # a page range broken after its dash
    if a.endswith("-") and not a.endswith(" -") and not a.endswith("--"):
        if _break_hyphen(a, b, vocab):
            return a[:-1] + b  # "Rela-" + "tions" -> "Relations"
        return a + b  # "Iran-" + "Russia", "419-" + "434", "first-" + "year"
    return a + " " + b


class Vocabulary(set):
    """The words of a text (to tell a line-break hyphen from a compound's), and whether the text was
    wrapped by a plain-text wrapper, which never hyphenates: then every hyphen at a line end is real.
    The words are gathered on the first question (a text wrapped plainly never asks one)."""

    keep_hyphens = False

    def __init__(self, lines: list[str] | None = None) -> None:
        super().__init__()
        self._lines = lines

    def __contains__(self, word: object) -> bool:
        if self._lines is not None:
            # one pass over the whole text: a word never runs over a line end (nor takes a hyphen ending one)
            self.update(w.lower() for w in set(_WORD_RE.findall("\n".join(self._lines))))
            self._lines = None
        return super().__contains__(word)


def vocabulary(lines: list[str]) -> Vocabulary:
    return Vocabulary(lines)


_SPACED_LINK = re.compile(r"https?://\s(?=\S)|\bdoi:\s?(?=10\.\s)|\bdoi\.\s(?=org/)")


def unspace_links(text: str) -> str:
    """Links that a PDF or word processor printed with a space after each '/', '.' or '-' (Springer and
    BMC papers: 'https:// doi. org/ 10. 1056/ NEJMo a2001 017.') are joined again; the link ends at the
    first piece that reads as a word of the text, and at the line's end."""
    if not _SPACED_LINK.search(text):
        return text
    out: list[str] = []
    pos = 0
    for m in _SPACED_LINK.finditer(text):
        if m.start() < pos:
            continue
        out.append(text[pos:m.start()])
        link = m.group(0).rstrip()
        i = last = m.end()
        first = True
        while i < len(text):
            j = i
            while j < len(text) and text[j] not in " \n":
                j += 1
            p = text[i:j]
            if not p:
                break
            ends_open = link.endswith(("/", ".", "-", "(", ":", "_"))
            fragment = bool(re.fullmatch(r"[\w().\-/]*\d[\w().\-/]*[.,;]?|[a-z][\w.\-/]*[.,;]?|\(\w+\)\S*", p)) and \
                not re.fullmatch(r"\((?:1[5-9]|20)\d\d[a-z]?\)[.,;]?", p)  # (Nature's "(2023)." after the link)
            if not first and (not ends_open and (not fragment or re.fullmatch(r"[A-Za-z]{3,}[.,;]?", p)) or
                              link.endswith(".") and re.fullmatch(r"[A-Z][a-z]{2,}\W*", p)):
                break  # a word of the text: the link is over
            link += p
            first = False
            i = last = j
            if j >= len(text) or text[j] == "\n" or re.search(r"[,;]$|(?<!\d)\.$", p) and not ends_open:
                break
            i = j + 1  # the space the printer put in
        out.append(link)
        pos = last
    out.append(text[pos:])
    return "".join(out)
