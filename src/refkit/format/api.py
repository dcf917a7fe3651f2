"""The format library's entry points: load a style, read references, render a bibliography or citations."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from refkit.errors import Problem, RefkitError, RenderError, StyleError, UnknownKeyError
from refkit.format.citations import Citation, CiteItem
from refkit.format.csl import LOCALES_DIR, CompiledStyle, load_locale, primary_dialect
from refkit.format.processor import FORMATS, Entry, Processor
from refkit.format.styles import find_style, parse_style_file

_CACHE: dict[tuple[str, float, str, str], CompiledStyle] = {}


def load_style(name: str | os.PathLike[str], locale: str | None = None,
               locale_file: str | os.PathLike[str] | None = None) -> CompiledStyle:
    """Find, parse and compile a style (cached per file, modification time and locale)."""
    info = find_style(str(name))
    path = info.path
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    key = (str(path), mtime, locale or "", str(locale_file or ""))
    if key in _CACHE:
        return _CACHE[key]
    root = parse_style_file(path)
    if locale and not re.fullmatch(r"[a-z]{2,3}(-[A-Z][a-zA-Z]{1,3})?", locale):
        raise StyleError(f"{locale!r} is not a locale name", hint="use a form like en-US, de-DE or fr-FR")
    if locale and not locale_file and not _locale_known(locale):
        raise StyleError(f"no CSL locale for {locale!r}",
                         hint="use one of the CSL locales, e.g. en-US, en-GB, de-DE, fr-FR, es-ES, ja-JP")
    try:
        style = CompiledStyle(root, locale, Path(locale_file) if locale_file else None)
    except RenderError as e:
        raise StyleError(f"style {info.name}: {e}", hint="fix the .csl file, or choose another style") from None
    except Exception as e:  # a style that breaks set-up in an unforeseen way is still a style error
        raise StyleError(f"style {info.name} cannot be used: {e}",
                         hint="check it against the CSL 1.0.2 schema, or choose another style") from None
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = style
    return style


def _locale_known(locale: str) -> bool:
    base = locale.split("-")[0]
    return any((LOCALES_DIR / f"locales-{c}.xml").is_file() for c in (locale, primary_dialect(base)) if c)


def read_many(paths: list[str] | tuple[str, ...], sentence_case: str = "auto"
              ) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Bibliography files (.bib, CSL-JSON, CSL-YAML, RIS; ``-``: stdin; none: the project bibliography) read as
    one bibliography (macros and crossref parents may live in another file) into CSL-JSON items, plus warnings.
    CSL items go to the renderer as they are; BibTeX's case-protecting braces become nocase spans; BibTeX
    titles are put in sentence case as ``sentence_case`` says. A key seen again keeps its first entry."""
    from refkit.bib.bibliography import read_bibliography
    from refkit.config import default_bibliography

    bib = read_bibliography(list(paths) or [str(default_bibliography())], sentence_case=sentence_case)
    got = bib.items if bib.items is not None else [_protect_braces(r.to_csl()) for r in bib.references]
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for it in got:
        key = str(it.get("id", ""))
        if key not in seen:  # read_bibliography has warned about the second one
            seen.add(key)
            items.append(it)
    return items, bib.warnings


def cite_sequence(items: list[dict[str, Any]], citations: list[list[CiteItem]], style: CompiledStyle,
                  to: str = "text") -> list[str]:
    """Successive citations (as in successive notes), each rendered with its position: first,
    subsequent, ibid, ibid-with-locator."""
    known = {str(i.get("id")) for i in items}
    for cites in citations:
        for c in cites:
            if c.id not in known:
                raise UnknownKeyError(f"no entry with key {c.id!r}", hint=_key_hint(c.id, known))
    return Processor(style, items).citations([Citation(cites) for cites in citations], to)


_BRACED = re.compile(r"\{([^{}]*)\}")
_VERBATIM = {"URL", "DOI", "ISBN", "ISSN", "id", "type"}


def _protect_braces(item: dict[str, Any]) -> dict[str, Any]:
    """BibTeX's case-protecting braces -> citeproc-js's nocase spans (and no stray braces)."""
    for k, v in item.items():
        if isinstance(v, str) and k not in _VERBATIM and "{" in v:
            prev = None
            while prev != v:
                prev = v
                v = _BRACED.sub(lambda m: f'<span class="nocase">{m.group(1)}</span>', v)
            item[k] = v.replace("{", "").replace("}", "")
    return item


def missing_field_warnings(items: list[dict[str, Any]]) -> list[Problem]:
    """One warning per entry that lacks what every style needs (a title, a date, someone responsible)."""
    out: list[Problem] = []
    for it in items:
        lacks = []
        if not it.get("title"):
            lacks.append("title")
        if not it.get("issued"):
            lacks.append("date")
        if not any(it.get(k) for k in ("author", "editor", "translator", "container-author", "collection-editor")):
            lacks.append("author or editor")
        if lacks:
            key = str(it.get("id", "?"))
            out.append(Problem(f"{key}: no {', no '.join(lacks)}; the entry will be incomplete", key=key,
                               rule="missing-field"))
    return out


def format_bibliography(items: list[dict[str, Any]], style: CompiledStyle, to: str = "text",
                        keys: list[str] | None = None, with_problems: bool = False) -> Any:
    """The bibliography as :class:`Entry` objects in the style's order (with ``with_problems``:
    a pair of entries and a list of warnings about entries that could not be rendered)."""
    if to not in FORMATS:
        raise RefkitError(f"unknown output format {to!r}", hint="use text, html or markdown")
    if keys:
        known = {str(i.get("id")) for i in items}
        unknown = [k for k in keys if k not in known]
        if unknown:
            raise UnknownKeyError(f"no entry with key {unknown[0]!r}", hint=_key_hint(unknown[0], known))
    proc = Processor(style, items)
    entries = proc.bibliography(to, keys or None)
    return (entries, proc.problems) if with_problems else entries


def cite(items: list[dict[str, Any]], keys: list[str | CiteItem], style: CompiledStyle, to: str = "text") -> str:
    """One citation of these keys (or :class:`CiteItem`, with locators, prefixes and suffixes)."""
    known = {str(i.get("id")) for i in items}
    for k in keys:
        key = k.id if isinstance(k, CiteItem) else k
        if key not in known:
            raise UnknownKeyError(f"no entry with key {key!r}", hint=_key_hint(key, known))
    return Processor(style, items).cite(keys, to)


def select_cited(items: list[dict[str, Any]], order: list[str],
                 citations: list[tuple[str, str, int]] | None = None) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The items a manuscript cites, in order of first citation (``order``: the distinct keys, as
    :func:`refkit.manage.cited.citation_order` gives them), so that a numeric style numbers them as
    cited. ``*`` in ``citations`` (``\\nocite{*}``) adds every other item after the cited ones. A key
    with no item is a warning, at the first place it is cited (from ``citations``: (key, file, line))."""
    by_id = {str(i.get("id")): i for i in items}
    where: dict[str, tuple[str | None, int | None]] = {}
    for key, file, line in citations or []:
        where.setdefault(key, (file, line))
    out: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for key in order:
        if key in by_id:
            out.append(by_id[key])
            continue
        at_file, at_line = where.get(key, (None, None))
        hint = _key_hint(key, set(by_id))
        problems.append(Problem(f"{key!r} is cited but not in the bibliography"
                                + (f"; {hint}" if hint.startswith("did you mean") else ""),
                                file=at_file, line=at_line, rule="undefined-key", key=key))
    if "*" in where:
        chosen = {str(i.get("id")) for i in out}
        out += [i for i in items if str(i.get("id")) not in chosen]
    return out, problems


def _key_hint(key: str, known: set[str]) -> str:
    import difflib
    close = difflib.get_close_matches(key, sorted(known), n=3)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    return "keys are the BibTeX entry keys (or CSL-JSON ids) of the input"


def render_oracle_style(csl: Path, items: list[dict[str, Any]], locale_file: Path | None = None) -> dict[str, Any]:
    """Render everything the oracle holds for one style: text, HTML, order and single-item cites."""
    style = load_style(csl, "en-US", locale_file)
    proc = Processor(style, items)
    text = proc.bibliography("text")
    html = proc.bibliography("html")
    cites = {it["id"]: proc.cite([it["id"]]) for it in items}
    return {"text": {e.id: e.text for e in text}, "html": {e.id: e.text for e in html},
            "order": [e.id for e in text], "cites": cites}


__all__ = ["load_style", "read_many", "cite_sequence", "CiteItem", "format_bibliography", "cite", "render_oracle_style", "Entry",
           "load_locale", "UnknownKeyError"]
