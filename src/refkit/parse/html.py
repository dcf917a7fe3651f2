"""Reference lists pasted as HTML or with markup tags in them become plain text.

A list copied from a page's source (``<li>Author. <i>Title</i>. ...</li>``) or references exported
with JATS-style tags (``<italic>Journal</italic>``) keep their words and links and lose the tags:
block tags (``<li>``, ``<p>``, ``<br>``, ``<div>``) end a line, inline tags (``<i>``, ``<em>``,
``<italic>``, ``<span>``, ...) vanish, ``<a href="URL">label</a>`` keeps its label and the URL when the
label does not show it, entities (``&amp;``) are decoded. Text with no such tags is left alone, so
a URL in angle brackets (``<https://example.org>``) is never taken for markup.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_BLOCK = {"p", "div", "li", "br", "tr", "td", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "dl",
          "table", "section", "article", "blockquote", "hr", "ref", "mixed-citation", "element-citation"}
_DROP = {"script", "style", "head", "title", "noscript"}
_TAG_NAMES = (r"i|em|b|strong|u|italic|bold|sup|sub|span|a|p|div|li|ol|ul|br|font|small|cite|sc|dd|dt|td|tr|"
              r"mixed-citation|element-citation|ref|source|article-title|person-group|name|surname|given-names|"
              r"year|volume|issue|fpage|lpage|pub-id|ext-link|h[1-6]")
TAG_RE = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.I)


def has_markup(text: str) -> bool:
    """True when the text carries HTML/XML tags of the kinds a reference list is written with."""
    return "<" in text and TAG_RE.search(text) is not None


class _Text(HTMLParser):
    def __init__(self, one_per_line: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.drop = 0
        self.newline = " " if one_per_line else "\n"
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.drop += 1
        elif tag in _BLOCK:
            self.out.append(self.newline)
        elif tag in ("a", "ext-link"):
            href = next((v for k, v in attrs if k in ("href", "xlink:href") and v), "")
            self.links.append((href, len(self.out)))
        if tag in ("surname", "given-names", "name") and self.out and not self.out[-1].endswith((" ", "\n")):
            self.out.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.out.append(self.newline)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
        elif tag in _BLOCK and tag != "br":
            self.out.append(self.newline)
        elif tag in ("a", "ext-link") and self.links:
            href, at = self.links.pop()
            label = "".join(self.out[at:])
            if re.match(r"(?i)(?:https?://|doi:|www\.)", href) and href not in label and \
                    href.rstrip("/") not in label:
                self.out.append(f" {href}" if label.strip() else href)

    def handle_data(self, data: str) -> None:
        if not self.drop:
            self.out.append(data)


def to_text(text: str, one_per_line: bool = False) -> str:
    """The text with its markup turned into plain lines (see the module docstring)."""
    if not has_markup(text):
        return text
    text = re.sub(r"<((?:https?|ftp)://[^<>\s]+)>", r"\1", text)  # "<https://x.org>" is a link, not a tag
    lines = []
    for ln in text.split("\n") if one_per_line else [text]:
        p = _Text(one_per_line)
        p.feed(ln)
        p.close()
        lines.append(unescape("".join(p.out)))
    out = "\n".join(lines)
    out = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", out)  # a line's indent stays (hanging indents tell references apart)
    out = re.sub(r"[ \t]+\n", "\n", out)
    if re.search(r"</?(?:li|p|div|ol|ul|br|tr|td|dd|dt|h[1-6])\b", text, re.I):  # block markup: its lines start clean
        out = re.sub(r"\n[ \t]+", "\n", out)
    return out if one_per_line else re.sub(r"\n{3,}", "\n\n", out).strip("\n") + "\n"
