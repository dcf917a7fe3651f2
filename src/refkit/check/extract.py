"""Finding the links a bibliography cites: URLs and DOIs, each with its entry's key and line.

Sources: the ``url`` field, ``howpublished = {\\url{...}}``, URLs written inside ``note`` (and the
few other free-text fields that carry them), and the ``doi`` field. URLs on ``doi.org`` are treated
as DOIs, so they are checked through the DOI resolver like any other DOI.

Every link is inspected before it is requested: a URL that cannot be requested as written (a space
left by a line wrap, LaTeX escapes such as ``\\_``, ``http//``) is reported as *malformed* with a
suggested repair instead of being sent.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from refkit.bib.bibliography import read_bibliography
from refkit.errors import Problem
from refkit.model import Reference

# BibTeX raw fields (kept in Reference.extra) and model fields that may hold links.
_TEXT_FIELDS = ("note", "medium", "annote")
_EXTRA_TEXT_FIELDS = ("howpublished", "note", "addendum", "url")
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
HTTP_SCHEMES = ("http", "https")

_URL_IN_TEXT = re.compile(r"""(?:https?|ftp)://[^\s<>"{}\\^`|]+|\bwww\.[a-z0-9-]+\.[^\s<>"{}\\^`|]+""", re.I)
_DOI_IN_TEXT = re.compile(r"""\bdoi:\s*(10\.\d{4,9}/[^\s"<>{}]+)""", re.I)
_LATEX_URL = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}")
_DOI_RE = re.compile(r"10\.\d{4,9}/\S+")
_HOST_RE = re.compile(
    r"^(?:\[[0-9a-fA-F:.]+\]|(?:[A-Za-z0-9\u00a1-\uffff_](?:[A-Za-z0-9\u00a1-\uffff_-]{0,61}[A-Za-z0-9\u00a1-\uffff_])?)"
    r"(?:\.(?:[A-Za-z0-9\u00a1-\uffff_](?:[A-Za-z0-9\u00a1-\uffff_-]{0,61}[A-Za-z0-9\u00a1-\uffff_])?))*\.?)$"
)


@dataclass(frozen=True)
class Link:
    """One cited link. ``url`` or ``doi`` is set (``doi`` without a resolver, e.g. ``10.1000/xyz``).

    ``problem`` says why the link is malformed (it is then not requested) and ``suggestion`` gives
    the repaired link when one can be guessed. ``scheme`` is set for links that are not HTTP (ftp,
    mailto ...): they are listed but not checked.
    """

    key: str
    file: str
    line: int | None
    field: str
    raw: str
    url: str | None = None
    doi: str | None = None
    problem: str | None = None
    suggestion: str | None = None
    accessed: str | None = None  # the reference's urldate (YYYY-MM-DD), for archive look-ups

    @property
    def target(self) -> str:
        """What is actually checked: the same target cited twice is requested once."""
        if self.problem:
            return "raw:" + self.raw
        if self.doi:
            return "doi:" + self.doi.lower()
        return "url:" + normalize_url(self.url or "")

    @property
    def is_http(self) -> bool:
        return bool(self.doi) or (self.url or "").split(":", 1)[0].lower() in HTTP_SCHEMES


# ---------------------------------------------------------------- URLs and DOIs
def normalize_url(url: str) -> str:
    """Scheme and host lower-cased, default port and fragment dropped (they never reach the server)."""
    try:
        p = urlsplit(url)
    except ValueError:
        return url
    netloc = p.netloc
    host = p.hostname or ""
    try:
        port = p.port
    except ValueError:
        return url
    if p.scheme.lower() in HTTP_SCHEMES:
        default = 80 if p.scheme.lower() == "http" else 443
        userinfo = netloc.rpartition("@")[0]
        hostpart = f"[{host}]" if ":" in host else host
        netloc = (userinfo + "@" if userinfo else "") + hostpart + (f":{port}" if port and port != default else "")
    return urlunsplit((p.scheme.lower(), netloc, p.path or "/", p.query, ""))


def _unlatex(s: str) -> str:
    s = re.sub(r"\{?\\textasciitilde\s*(?:\{\})?\}?|\\~\{\}|\$\\sim\$|\\string~", "~", s)
    s = re.sub(r"\{?\\textunderscore\s*(?:\{\})?\}?", "_", s)
    return re.sub(r"\\([_%#&~$])", r"\1", s)


def inspect_url(raw: str) -> tuple[str | None, str | None, str | None]:
    """Check that ``raw`` can be requested. Returns (url, problem, suggestion): ``url`` when it is
    fine, else ``problem`` and, if a repair can be guessed, ``suggestion``."""
    s = raw.strip()
    m = _LATEX_URL.fullmatch(s)
    if m:
        s = m.group(1).strip()
    if s.startswith("<") and s.endswith(">"):
        s = s[1:-1].strip()
    problems: list[str] = []
    fixed = s
    if re.search(r"\s", fixed):
        problems.append("contains whitespace (a line break?)")
        fixed = re.sub(r"\s+", "", fixed)
    unl = _unlatex(fixed)
    if unl != fixed:
        problems.append("contains LaTeX escapes")
        fixed = unl
    if "{" in fixed or "}" in fixed:
        problems.append("contains braces")
        fixed = fixed.replace("{", "").replace("}", "")
    rep = re.sub(r"^(h?t+p+s?)(?::/?|//|;//|:\\\\)(?!/)", lambda mm: _scheme_fix(mm.group(1)) + "://", fixed, flags=re.I)
    rep = re.sub(r"^(h?t+p+s?)://", lambda mm: _scheme_fix(mm.group(1)) + "://", rep, flags=re.I)
    if rep != fixed:
        problems.append("has a mistyped scheme")
        fixed = rep
    if re.match(r"^(?:www\.|doi\.org/|dx\.doi\.org/)", fixed, re.I):
        problems.append("has no scheme")
        fixed = "https://" + fixed
    if re.match(r"^[a-z][a-z0-9+.-]*:", fixed, re.I) and fixed.split(":", 1)[0].lower() not in HTTP_SCHEMES:
        # ftp:, mailto: ... are valid links that an HTTP checker does not request
        return (fixed, None, None) if not problems else (None, "; ".join(problems), fixed)
    ok, why = _valid_http_url(fixed)
    if ok and not problems:
        return fixed, None, None
    if not ok:
        problems.append(why)
        return None, "; ".join(problems), None
    return None, "; ".join(problems), fixed


def _scheme_fix(s: str) -> str:
    return "https" if s.lower().endswith("s") else "http"


def _valid_http_url(url: str) -> tuple[bool, str]:
    try:
        p = urlsplit(url)
    except ValueError as e:
        return False, f"cannot be parsed ({e})"
    if p.scheme.lower() not in HTTP_SCHEMES:
        return False, "is not an http(s) URL" if p.scheme else "has no scheme (http:// or https://)"
    host = p.hostname or ""
    if not host:
        return False, "has no host name"
    try:
        port = p.port
    except ValueError:
        return False, "has an invalid port"
    if port == 0:
        return False, "has an invalid port"
    hostpart = p.netloc.rpartition("@")[2]
    if port is not None or hostpart.endswith(":"):
        hostpart = hostpart.rsplit(":", 1)[0] if not hostpart.endswith("]") else hostpart
    if not _HOST_RE.match(hostpart) or ".." in host or "." not in host and host != "localhost" and ":" not in host:
        return False, f"has an invalid host name ({host})"
    return True, ""


def inspect_doi(raw: str) -> tuple[str | None, str | None, str | None]:
    """Normalise a DOI (``doi:``, resolver URLs and escapes are accepted silently).
    Returns (doi, problem, suggestion) like :func:`inspect_url`."""
    s = _unlatex(raw.strip())
    s = re.sub(r"^(?:https?://)?(?:dx\.|www\.)?doi\.org/", "", s, flags=re.I)
    s = re.sub(r"^doi\s*[:/]?\s*", "", s, flags=re.I)
    if "%2f" in s.lower():
        s = unquote(s)
    if _DOI_RE.fullmatch(s):
        return s, None, None
    if re.search(r"\s", s):
        fixed = re.sub(r"\s+", "", s)
        if _DOI_RE.fullmatch(fixed):
            return None, "contains whitespace (a line break?)", fixed
    m = _DOI_RE.search(s)
    if m and m.group(0) != s:
        return None, "has extra text around the DOI", m.group(0).rstrip(".,;")
    return None, "is not a DOI (10.NNNN/suffix)", None


def _doi_from_url(url: str) -> str | None:
    try:
        p = urlsplit(url)
    except ValueError:
        return None
    if (p.hostname or "").lower() in _DOI_HOSTS and _DOI_RE.fullmatch(unquote(p.path.lstrip("/"))):
        return unquote(p.path.lstrip("/"))
    return None


def _trim_text_url(u: str) -> str:
    u = u.rstrip(".,;:!?'\"")
    for open_, close in (("(", ")"), ("[", "]")):
        while u.endswith(close) and u.count(close) > u.count(open_):
            u = u[:-1].rstrip(".,;:!?'\"")
    return u


def urls_in_text(text: str) -> list[str]:
    """URLs written in free text (LaTeX ``\\url{}``/``\\href{}{}`` or bare), in order, once each."""
    text = text.replace("\u00a0", "~")  # LaTeX decoding turns ~ into a no-break space
    found: list[str] = []
    for m in _LATEX_URL.finditer(text):
        found.append(m.group(1).strip())
    rest = _LATEX_URL.sub(" ", text)
    for m in _URL_IN_TEXT.finditer(rest):
        found.append(_trim_text_url(m.group(0)))
    for m in _DOI_IN_TEXT.finditer(rest):
        found.append("doi:" + _trim_text_url(m.group(1)))
    out: list[str] = []
    for u in found:
        if u and u not in out:
            out.append(u)
    return out


# ---------------------------------------------------------------- references -> links
def _make(ref: Reference, file: str, line: int | None, field: str, raw: str, accessed: str | None) -> Link:
    key = ref.id or "?"
    if field == "doi" or raw.lower().startswith("doi:"):
        doi, problem, suggestion = inspect_doi(raw)
        return Link(key, file, line, field, raw, doi=doi, problem=problem, suggestion=suggestion, accessed=accessed)
    url, problem, suggestion = inspect_url(raw)
    if url:
        doi = _doi_from_url(url)
        if doi:
            return Link(key, file, line, field, raw, url=url, doi=doi, accessed=accessed)
    return Link(key, file, line, field, raw, url=url, problem=problem, suggestion=suggestion, accessed=accessed)


def links_from_reference(ref: Reference, file: str, line: int | None = None) -> list[Link]:
    """The links one reference cites, in field order, each target once."""
    line = line if line is not None else ref.line
    acc = ref.dates.get("accessed")
    accessed = acc.iso() if acc and acc.start else None
    cands: list[tuple[str, str]] = []
    if ref.fields.get("URL", "").strip():
        cands.append(("url", ref.fields["URL"]))
    if ref.fields.get("DOI", "").strip():
        cands.append(("doi", ref.fields["DOI"]))
    for f in _EXTRA_TEXT_FIELDS:
        v = ref.extra.get(f, "")
        if f == "url" and v.strip():
            cands.append(("url", v))
        elif v:
            cands += [(f, u) for u in urls_in_text(v)]
    if ref.extra.get("doi", "").strip():
        cands.append(("doi", ref.extra["doi"]))
    for f in _TEXT_FIELDS:
        v = ref.fields.get(f, "")
        if v:
            name = {"medium": "howpublished", "annote": "addendum"}.get(f, f)
            cands += [(name, u) for u in urls_in_text(v)]
    out: list[Link] = []
    seen: set[str] = set()
    for field, raw in cands:
        link = _make(ref, file, line, field, raw, accessed)
        if link.target in seen:
            continue
        seen.add(link.target)
        out.append(link)
    return out


def load_links(paths: list[str | Path | None]) -> tuple[list[Link], list[Problem]]:
    """All links cited in ``paths``, read as one bibliography (so @string macros and crossref parents may
    live in another file), in file order, plus reading warnings."""
    bib = read_bibliography(list(paths) or [None])
    links: list[Link] = []
    for ref in bib.references:
        links += links_from_reference(ref, ref.source or bib.name, ref.line)
    return links, bib.warnings


def parse_shard(spec: str) -> tuple[int, int]:
    """``"2/5"`` -> (2, 5); raises ValueError on anything else."""
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", spec)
    if not m:
        raise ValueError(f"{spec!r} is not I/N")
    i, n = int(m.group(1)), int(m.group(2))
    if n < 1 or not 1 <= i <= n:
        raise ValueError(f"{spec!r}: need 1 <= I <= N")
    return i, n


def in_shard(link: Link, index: int, count: int) -> bool:
    """Links are shared out by target, so a URL cited twice is checked in one shard only, and a
    shard keeps its links when unrelated entries are added or removed."""
    h = int.from_bytes(hashlib.sha1(link.target.encode("utf-8")).digest()[:8], "big")
    return h % count == index - 1
