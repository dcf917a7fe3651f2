"""Reading what a page says from a small prefix of its body: bot-protection challenges, and soft-404
pages (a "not found" page served with status 200).

Soft 404s are found by comparison, not by guessing from words: the host is asked once for a path
that surely does not exist (per host and first path segment). A host that answers that with 404 is
honest and its 200s are trusted. A host that answers 200 serves soft 404s; a cited page is then
called dead only when it looks like that nonexistent page (same redirect target, or the same title
and nearly the same text), so ordinary pages on such hosts stay alive.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import unquote, urlsplit

# Markers of an interstitial challenge page: these never appear on an ordinary page ...
_CHALLENGE_PAGE = (
    "cf-browser-verification", "/cdn-cgi/challenge-platform/", "cf_chl_", "cf-chl-",
    "<title>just a moment...</title>", "attention required! | cloudflare", "checking your browser before",
    "ddos protection by", "_incapsula_resource", "incapsula incident", "px-captcha", "captcha-delivery.com",
    "awswaf", "aws-waf-token", "sucuri website firewall", "please enable js and disable any ad blocker",
    "enable javascript and cookies to continue", "verify you are human", "please verify you are a human",
    "unusual traffic from your computer",
)
# ... and these may (a contact form with a captcha), so they count only on an error answer
_CHALLENGE_WEAK = ("g-recaptcha", "h-captcha", "hcaptcha.com", "are you a robot", "datadome", "perimeterx",
                   "ddos-guard", "bot verification", "captcha")

_NOT_FOUND_WORDS = re.compile(
    r"\b(?:404|not found|page (?:does not|doesn't|could not|couldn't) (?:exist|be found)|does not exist|"
    r"doesn't exist|no longer (?:available|exists)|cannot be found|could not be found|couldn't find|"
    r"can't find|nicht gefunden|introuvable|no encontrad[ao]|non trovat[ao]|niet gevonden)\b",
    re.I,
)


def challenge_in(headers: Mapping[str, str], body: bytes | None, error_status: bool = False) -> bool:
    """A bot-protection challenge or captcha page instead of the content. On a success answer only
    unmistakable markers count; on an error answer (403, 503 ...) captcha mentions count too."""
    if any(k.lower() == "cf-mitigated" and v.lower() == "challenge" for k, v in headers.items()):
        return True
    if body:
        low = body[:65536].decode("utf-8", "replace").lower()
        markers = _CHALLENGE_PAGE + (_CHALLENGE_WEAK if error_status else ())
        return any(m in low for m in markers)
    return False


def _text(body: bytes) -> tuple[str, str]:
    s = body.decode("utf-8", "replace")
    m = re.search(r"<title[^>]*>(.*?)</title>", s, re.I | re.S)
    title = html.unescape(re.sub(r"\s+", " ", m.group(1))).strip().lower() if m else ""
    s = re.sub(r"<(script|style|noscript)\b.*?</\1\s*>", " ", s, flags=re.I | re.S)
    s = re.sub(r"<[^>]+>", " ", s)
    return title, html.unescape(s).lower()


def _path_words(url: str) -> set[str]:
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return set()
    words = {w for w in re.split(r"[^a-z0-9]+", path.lower()) if w}
    # and the letter runs inside them, as the page's text is split ("3fa9b2" gives "fa", "b")
    return words | {f for w in words for f in re.findall(r"[^\W\d_]+", w)}


def page_tokens(body: bytes, *urls: str) -> tuple[str, list[str]]:
    """(title, words) with the words of the requested paths and all digits removed, so that
    "/a/b was not found" and "/c/d was not found" compare equal."""
    title, text = _text(body)
    drop: set[str] = set()
    for u in urls:
        drop |= _path_words(u)
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w not in drop][:3000]
    tw = " ".join(w for w in re.findall(r"[^\W\d_]+", title) if w not in drop)
    return tw, words


def similarity(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def says_not_found(body: bytes) -> bool:
    title, text = _text(body)
    return bool(_NOT_FOUND_WORDS.search(title) or _NOT_FOUND_WORDS.search(text[:4000]))


@dataclass
class HostProfile:
    """What a host answers for a path that does not exist."""

    soft: bool = False  # answers it with 2xx
    status: int | None = None
    redirected: bool = False
    probe_url: str = ""
    final_url: str | None = None
    body: bytes = b""
    not_found_words: bool = False


def profile_key(url: str) -> tuple[str, str]:
    """(origin, first path segment if the path has more than one): one probe per site section."""
    p = urlsplit(url)
    segs = [s for s in p.path.split("/") if s]
    return f"{p.scheme.lower()}://{p.netloc.lower()}", (segs[0] if len(segs) > 1 else "")


def compare(profile: HostProfile, url: str, final_url: str, redirected: bool,
            body: bytes | None) -> tuple[str, str] | None:
    """None when the page is real, else (verdict value, reason) for a soft 404."""
    if not profile.soft:
        return None
    if profile.redirected:
        # nonexistent paths are sent somewhere (the home page, /404.html); so is this link
        if (redirected and profile.final_url and _same(final_url, profile.final_url)
                and not _same(url, profile.final_url)):
            return "dead", f"soft 404: redirects to {final_url}, where this host sends nonexistent pages"
        return None
    if body is None:
        return None
    urls = (url, final_url, profile.probe_url, profile.final_url or "")
    title, words = page_tokens(body, *urls)
    ptitle, pwords = page_tokens(profile.body, *urls)
    sim = similarity(words, pwords)
    if title == ptitle and sim >= (0.9 if title else 0.95):
        if profile.not_found_words or says_not_found(body):
            return "dead", "soft 404: the page is the host's \"not found\" page (served with status 200)"
        return "unsure", "the host answers any path with this same page; cannot tell whether it exists"
    return None


def _same(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")
