"""Locales: terms, date formats and options from the CSL locale file and the style's cs:locale."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from citeproc import model
from lxml import etree

from refkit.format.csl.constants import NS, XML_LANG


class LocaleData:
    """Terms, date formats and options, merged from the locale file and the style's cs:locale."""

    def __init__(self) -> None:
        self.terms: dict[tuple[str, str], tuple[str, str]] = {}
        self.dates: dict[str, Any] = {}
        self.options: dict[str, str] = {}

    def add(self, el: Any) -> None:
        for child in el:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "terms":
                names = [t.get("name") or "" for t in child if isinstance(t.tag, str)]
                if any(n == "ordinal" or n.startswith("ordinal-") for n in names):
                    # CSL 1.0.1: ordinal terms given here replace all the ordinal terms before them
                    for key in [k for k in self.terms if k[0] == "ordinal" or k[0].startswith("ordinal-")]:
                        del self.terms[key]
                for t in child:
                    if not isinstance(t.tag, str):
                        continue
                    name = t.get("name")
                    if t.get("gender"):  # the gender of a noun (month-10, edition): its ordinals agree
                        self.terms[(name + "#gender", t.get("form", "long"))] = (t.get("gender"), "")
                    if t.get("gender-form"):
                        name = f"{name}#{t.get('gender-form')}"
                    form = t.get("form", "long")
                    single = t.find(f"{{{NS}}}single")
                    multiple = t.find(f"{{{NS}}}multiple")
                    if single is not None or multiple is not None:
                        s = (single.text or "") if single is not None else ""
                        m = (multiple.text or "") if multiple is not None else s
                        self.terms[(name, form)] = (s, m)
                    else:
                        self.terms[(name, form)] = (t.text or "", t.text or "")
                    if t.get("match"):
                        self.terms[(name + "#match", form)] = (t.get("match"), "")
            elif tag == "date":
                self.dates[child.get("form")] = child
            elif tag == "style-options":
                self.options.update(child.attrib)

    def merge(self, other: LocaleData) -> None:
        self.terms.update(other.terms)
        self.dates.update(other.dates)
        self.options.update(other.options)

    _FALLBACK = {"verb-short": "verb", "symbol": "short", "verb": "long", "short": "long"}

    def term(self, name: str, form: str = "long", plural: bool = False) -> str | None:
        f: str | None = form
        while f:
            t = self.terms.get((name, f))
            if t is not None:
                return t[1] if plural else t[0]
            f = self._FALLBACK.get(f)
        return None

    def gender(self, name: str) -> str | None:
        """The grammatical gender of a term (``month-10``, ``edition``), if the locale gives one."""
        t = self.terms.get((name + "#gender", "long"))
        return t[0] if t else None

    def ordinal(self, n: int, gender: str | None = None) -> str:
        """The ordinal suffix of ``n``, in the gender of the noun it counts (neuter forms as fallback)."""
        def term(name: str) -> tuple[str, str] | None:
            for key in ([f"{name}#{gender}"] if gender else []) + [name]:
                t = self.terms.get((key, "long"))
                if t is not None:
                    match = self.terms.get((key + "#match", "long"), ("", ""))[0]
                    return t[0], match
            return None
        if n % 100 >= 10:
            got = term(f"ordinal-{n % 100:02d}")
            if got is not None and (got[1] != "whole-number" or n == n % 100):
                return got[0]
        got = term(f"ordinal-{n % 10:02d}")
        if got is not None:
            match = got[1] or "last-digit"
            if match == "last-digit" or (match == "last-two-digits" and n % 100 < 10) \
                    or (match == "whole-number" and n == n % 10):
                return got[0]
        got = term("ordinal")
        return got[0] if got else ""

    def long_ordinal(self, n: int, gender: str | None = None) -> str | None:
        if not 1 <= n <= 10:
            return None
        return (self.term(f"long-ordinal-{n:02d}#{gender}") if gender else None) or self.term(f"long-ordinal-{n:02d}")


LOCALES_DIR = Path(model.__file__).resolve().parent / "data" / "locales"


def load_locale(style_root: Any, lang: str, locale_file: Path | None = None) -> LocaleData:
    loc = LocaleData()
    base = lang.split("-")[0]
    files = []
    if locale_file is not None:
        files.append(locale_file)
    else:
        for cand in (lang, primary_dialect(base), "en-US"):
            if cand and (LOCALES_DIR / f"locales-{cand}.xml").is_file():
                files.append(LOCALES_DIR / f"locales-{cand}.xml")
                break
    for f in files:
        loc.merge(_file_locale(str(f), f.stat().st_mtime if f.exists() else 0.0))
    # in-style locales: no language, then the language, then the exact dialect
    for want in (None, base, lang):
        for el in style_root.findall(f"{{{NS}}}locale"):
            got = el.get(XML_LANG)
            if got == want or (want is None and got is None):
                loc.add(el)
    return loc


@functools.lru_cache(maxsize=16)
def _file_locale(path: str, mtime: float) -> LocaleData:
    """A locale file, parsed once (per modification time); callers merge it into their own copy."""
    loc = LocaleData()
    loc.add(etree.parse(path).getroot())
    return loc


@functools.lru_cache(maxsize=64)
def primary_dialect(base: str) -> str:
    """The main dialect of a language ("de" -> "de-DE"), from citeproc-py's locales.json."""
    try:
        data = json.loads((LOCALES_DIR / "locales.json").read_text(encoding="utf-8"))
        return str(data["primary-dialects"].get(base, ""))
    except (OSError, ValueError, KeyError):
        return ""
