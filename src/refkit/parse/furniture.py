"""What a web page, a mail, a chat, a forum or a note-taker puts around the references, taken out before
the list is cut (:func:`page_lines`): a cite dialog's labels, greetings, headers and signatures, a reply's
quoted lines, a forum's buttons, remarks, ResearchGate's cards, publishers' link words, arXiv's label lines,
a review manuscript's margin line numbers.

Pure functions over the text's lines, called from :mod:`refkit.parse.split`.
"""

from __future__ import annotations

import re

from refkit.parse import pieces
from refkit.parse.cards import dblp_records, orcid_works, profile_cards, research_cards, scholar_alerts
from refkit.parse.exports import book_excerpts, chat_export, contents_lists, study_ids
from refkit.parse.layout import glued_numbers, table_in_page
from refkit.parse.starts import (
    YEAR_RE,
    ended,
)

_DIALOG_LABEL = re.compile(r"^(MLA|APA|Chicago|Harvard|Vancouver|ISO\s?690|ABNT|GOST|IEEE|AMA)(?:\t+|:\s+)(?=\S)")
_DIALOG_FOOT = re.compile(r"^\s*BibTeX\s+EndNote\s+RefMan\s+RefWorks\s*$")
_PREFERRED = ("APA", "Chicago", "Harvard", "MLA", "Vancouver")


def cite_dialog(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """Google Scholar's cite dialog pasted into a list ('MLA<tab>Devlin, Jacob, et al. ...', 'APA<tab>...',
    ..., 'BibTeX EndNote RefMan RefWorks'): one work in five styles is one reference. Keeps the APA
    line (or the first), without its label, and blanks the others; returns the lines and what was
    skipped as (index, text, reason)."""
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    i = 0
    while i < len(out):
        if not _DIALOG_LABEL.match(out[i]):
            i += 1
            continue
        j = i
        while j < len(out) and _DIALOG_LABEL.match(out[j]):
            j += 1
        run = list(range(i, j))
        words = [set(re.findall(r"[^\W\d_]{4,}", _DIALOG_LABEL.sub("", out[k]).lower())) for k in run]
        same = all(len(words[0] & w) >= 0.5 * min(len(words[0]), len(w)) for w in words[1:]) if words[0] else False
        if len(run) >= 2 and not same:  # five works, one style each ("MLA: ...", "APA: ..."): each is its own
            for k in run:
                out[k] = _DIALOG_LABEL.sub("", out[k])
        elif len(run) >= 2:
            labels = {k: _DIALOG_LABEL.match(out[k]).group(1) for k in run}  # type: ignore[union-attr]
            keep = next((k for p in _PREFERRED for k in run if labels[k] == p), run[0])
            for k in run:
                if k != keep:
                    skipped.append((k, out[k].strip(), f"the same work in another style ({labels[k]}, a cite dialog)"))
                    out[k] = ""
            out[keep] = _DIALOG_LABEL.sub("", out[keep])
            if j < len(out) and _DIALOG_FOOT.match(out[j]):
                skipped.append((j, out[j].strip(), "a cite dialog's export links"))
                out[j] = ""
                j += 1
        i = j
    return out, skipped


# the link words publishers' web pages print after each reference ("View PDFView articleView in ScopusGoogle
# Scholar", "PubMedGoogle ScholarCrossref", "[Crossref], [Web of Science ®], [Google Scholar]")
_LINK_WORD = (r"(?:Google\s?Scholar|Cross[Rr]ef(?:\s+Full\s+Text)?|PubMed(?:\s?Central|/NCBI|\s+Abstract)?|(?:Free\s+)?PMC\s+(?:free\s+)?article|"
              r"Web\s+of\s+Science\s*®?|View\s?in\s?Scopus|Scopus|View\s?PDF|View\s?[Aa]rticle|Search\s?ADS|WorldCat|Open[Uu][Rr][Ll](?:\s+Placeholder\s+Text)?|"
              r"Wiley\s+Online\s+Library|Taylor\s+&\s+Francis\s+Online|SAGE\s+Journals|MathSciNet|zbMATH|Medline|CAS|ADS|Full\s?Text(?:\s?PDF)?|Article|Abstract|PDF|"
              r"Find\s+it\s+@\s*\w+|Green\s+Version|Ref\s+list|(?:Free|FREE)\s+Full\s+Text|Publisher\s+Site|Web\s+of\s+Science|\d[\d,]*\s+(?:Citations?|Reads?|Recommendations?))")
_LINK_RUN = rf"(?:[\s,;|/]*\[?{_LINK_WORD}\]?)"  # (bioRxiv's "OpenUrlAbstract/FREE Full Text")
_LINK_LINE_RE = re.compile(rf"^\s*{_LINK_RUN}+[\s,;|]*$")
_LINK_TAIL_RE = re.compile(rf"(?<=\S)(?:[\s.,;]*\[(?:{_LINK_WORD})\]|\s+(?:{_LINK_WORD}\s*){{2,}})(?:{_LINK_RUN})*\s*$")
_STRONG_RE = re.compile(r"Google\s?Scholar|Cross[Rr]ef|PubMed|Scopus|Web\s+of\s+Science|Search\s?ADS|WorldCat|OpenURL|"
                        r"Wiley\s+Online|MathSciNet|zbMATH")
_WEB_FURNITURE_RE = re.compile(r"^\s*(?:Cited\s+by\s*\(\d+\)|©\s*(?:19|20)\d\d\b.*|Copyright\s+©.*|Back\s+to\s+top|"
                               r"Download\s+references?|Show\s+(?:all|more)(?:\s+\d+)?\s+references?|"
                               r"There\s+is\s+no\s+corresponding\s+record\s+for\s+this\s+reference\.?)\s*$", re.I)
_CAS_RECORD_RE = re.compile(r"\bCODEN:|\bISSN:\s?\d{0,4}")  # ACS's CAS record under a reference: its number alone first


_BULLET_LINK_RE = re.compile(r"^\s*[-•·*]\s*(?:DOI|PubMed|PMC|Free\s+PMC\s+article|Free\s+article|Europe\s+PMC|"
                             r"Google\s+Scholar|Cross[Rr]ef|Abstract|Full\s+text)\s*$")
_CITED_BY_RE = re.compile(r"^\s*Cited\s+by\s*\(\d+\)\s*$", re.I)
_GLUED_LINK_RE = re.compile(r"(?<=[\w.])(?=(?:View\s?(?:in\s?Scopus|PDF|article)|Google\s?Scholar|Cross[Rr]ef)(?:\b|[A-Z]))")


def web_link_words(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """Lines copied from a publisher's page carry link words after each reference: a line of them
    (which also ends the reference: it becomes a blank line), a run at the end of a line, 'Cited by
    (14)', a copyright line. Returns the lines and what was taken as (index, text, reason)."""
    if not any(_STRONG_RE.search(ln) for ln in lines) and not any(_WEB_FURNITURE_RE.match(ln) for ln in lines):
        return lines, []
    bullets = sum(1 for ln in lines if _BULLET_LINK_RE.match(ln)) >= 3  # PubMed's "- DOI" / "- PubMed" / "- PMC"
    many = sum(1 for ln in lines if _LINK_LINE_RE.match(ln) and _STRONG_RE.search(ln)) >= 3  # then "View Article" alone too
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    for i, ln in enumerate(out):
        if not ln.strip():
            continue
        if _CITED_BY_RE.match(ln):  # ScienceDirect's "Cited by (37)": the articles citing this one follow
            skipped += [(k, out[k].strip(), "the articles citing the paper, after its list") for k in range(i, len(out))
                        if out[k].strip()]
            out[i:] = [""] * (len(out) - i)
            break
        if re.fullmatch(r"\s*\d{1,4}\s*", ln) and (i == 0 or not out[i - 1].strip()) and \
                any(_CAS_RECORD_RE.search(x) for x in out[i + 1:i + 5]):
            k = i
            while k < len(out) and out[k].strip():
                skipped.append((k, out[k].strip(), "the database record shown under a reference"))
                out[k] = ""
                k += 1
            continue
        ln = out[i] = _GLUED_LINK_RE.sub(" ", ln)  # "10.1126/science.1094559View in ScopusGoogle Scholar"
        if (_LINK_LINE_RE.match(ln) and (many or _STRONG_RE.search(ln))) or _WEB_FURNITURE_RE.match(ln) or \
                bullets and _BULLET_LINK_RE.match(ln):
            skipped.append((i, ln.strip(), "the web page's links and furniture (Google Scholar, Crossref, ...)"))
            out[i] = ""
            continue
        m = _LINK_TAIL_RE.search(ln)
        if m and _STRONG_RE.search(m.group(0)):
            out[i] = ln[:m.start()] + ("." if m.group(0).lstrip().startswith(".") else "")  # the reference's own full stop
    return out, skipped


# arXiv's HTML view (and ar5iv) puts natbib's label on a line of its own before each reference: "Alayrac et al. (2022)"
_LABEL_LINE_RE = re.compile(r"^\s*[A-ZÀ-Þ][\w'’\-]+(?:\s+(?:et\s+al\.|(?:and|&)\s+[A-ZÀ-Þ][\w'’\-]+))?\s+"
                            r"\((?:1[5-9]|20)\d\d[a-z]?\)\s*$")


_SHORT_KEY = re.compile(r"^\s*[A-ZÀ-Þ][\w'’\-]+(?:[\s/][A-Za-zÀ-ÿ'’\-]+){0,3}\s(?:1[5-9]|20)\d\d(?:[–-]\d{2,4})?[a-z]?\s*$")
_ENTRY_START = re.compile(r"^\s*(?:(?:[A-ZÀ-Þ]\.[\s-]?){1,3}(?:[a-z]{1,3}\s)?[A-ZÀ-Þ][\w'’\-]+|[A-ZÀ-Þ][\w'’\-]+,\s[A-ZÀ-Þ])")


def label_lines(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """'Anderson et al. (2016)' alone on a line before each reference: a citation label, dropped, and
    the start of a reference, whose lines (authors, title, venue, link) are joined into one. Three such
    labels or more are needed."""
    found = [i for i, ln in enumerate(lines) if _LABEL_LINE_RE.match(ln) and i + 1 < len(lines) and lines[i + 1].strip()]
    if len(found) < 3:  # a catalogue's short key above each entry: "Beck 1972–91" / "H.-U. Beck, Jan van Goyen ..."
        found = [i for i, ln in enumerate(lines) if _SHORT_KEY.match(ln) and i + 1 < len(lines) and _ENTRY_START.match(lines[i + 1])]
        if len(found) >= 3:  # the layout is the catalogue's: its other keys too ("Washington/Amsterdam 2018" / a title)
            found = [i for i, ln in enumerate(lines) if _SHORT_KEY.match(ln) and i + 1 < len(lines) and lines[i + 1].strip()
                     and not _SHORT_KEY.match(lines[i + 1])]
    if len(found) < 3:
        return lines, []
    out = list(lines)
    for k, i in enumerate(found):  # the lines up to the next label (or a blank line) are one reference
        end = found[k + 1] if k + 1 < len(found) else len(lines)
        j = i + 1
        while j < end and lines[j].strip():
            j += 1
        out[i] = ""
        out[i + 1] = " ".join(ln.strip() for ln in lines[i + 1:j])
        for m in range(i + 2, j):
            out[m] = ""
    return out, [(i, lines[i].strip(), "a citation label before its reference") for i in found]


_MAIL_HEADER = re.compile(r"^\s*(?:From|Sent|To|Cc|Bcc|Subject|Date|Von|Gesendet|An|Betreff|De|Envoyé|À|Objet|Message-ID|"
                          r"In-Reply-To|Reply-To|References|MIME-Version|Content-Type|X-[\w\-]+)\s*:\s")
_CHAT_SPEAKER = re.compile(r"^\s*[A-ZÀ-Þ][\w'’.\-]+(?:\s+[A-ZÀ-Þ][\w'’.\-]+){0,3}\s+\d{1,2}:\d{2}(?:\s?[AP]M)?\s*$")
_CHAT_TIME = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s?[AP]M)?\s*$")
_CHAT_NAME = re.compile(r"^\s*[A-ZÀ-Þ][\w'’.\-]+(?:\s+[A-ZÀ-Þ][\w'’.\-]+){0,3}\s*$")
_CHAT_DAY = re.compile(r"^\s*(?:Today|Yesterday|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,\s+\w+\s+\d{1,2}(?:st|nd|rd|th)?)?|"
                       r"\W{1,3}\s*Pinned by .*)\s*$")
_CHAT_FURNITURE = re.compile(r"^\s*(?:\(edited\)|(?::[\w+\-]+:\s*\d*\s*)+|\d+\s+repl(?:y|ies)\b.*|Last reply\b.*)\s*$", re.I)
_MAIL_CLOSE = re.compile(r"^\s*(?:Cheers|Best|Thanks|Thank you|Regards|Best regards|Kind regards|Best wishes|Many thanks|"
                         r"Viele Grüße|Beste Grüße|Mit freundlichen Grüßen|Cordialement|Saludos)\b[^.]{0,20}[,!.]?\s*$", re.I)
_MAIL_OPEN = re.compile(r"^\s*(?:Hi|Hello|Hey|Dear|Hallo|Liebe[rs]?|Bonjour|Hola)\b[^.]{0,40}[,!]\s*$", re.I)
_QUOTED_MAIL = re.compile(r"^\s*(?:-{2,}\s*Original Message\s*-{2,}|On .{5,80} wrote:|-- ?)\s*$", re.I)


def _talk(t: str) -> bool:
    """A sentence of a mail ("Here are the references I mentioned ... for Aim 1."): many words, most in lower case."""
    words = re.findall(r"[^\W\d_]+", t)
    return len(words) >= 12 and sum(1 for w in words if w[0].islower()) >= 0.7 * len(words)


def conversation(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """References sent in an e-mail or a chat: the mail's headers, greeting, closing, signature and the
    quoted older mail, a chat's speaker-and-time lines, reactions and reply counts, and the lines of
    talk around the references (ending in ':' or '?', or in lower case without a year) are taken out."""
    mail = sum(1 for ln in lines[:15] if _MAIL_HEADER.match(ln)) >= 2
    said = [ln.strip() for ln in lines if ln.strip()]
    if len(said) >= 3 and (_MAIL_OPEN.match(said[0]) or _MAIL_CLOSE.match(said[-2]) and len(said[-1].split()) <= 3):
        mail = True  # a short mail with no headers: "Hi Sam, ... Best, / Tom"
    times = [k for k, ln in enumerate(lines) if k and _CHAT_TIME.match(ln) and _CHAT_NAME.match(lines[k - 1])]
    chat = sum(1 for ln in lines if _CHAT_SPEAKER.match(ln)) >= 1 or len(times) >= 2  # Slack's "Maya Chen" / "  10:42 AM"
    if not (mail or chat):
        return lines, []
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []

    def drop(i: int, why: str) -> None:
        if out[i].strip():
            skipped.append((i, out[i].strip(), why))
        out[i] = ""

    quoted = [bool(re.match(r"\s*>", ln)) for ln in lines]
    if mail and any(quoted):  # "> Stefanowitsch, A., ...": a reply quotes the mail it answers, line by line
        lines = [re.sub(r"^\s*(?:>\s?)+", "", ln) if q else ln for ln, q in zip(lines, quoted, strict=True)]
        out = list(lines)
    block = [0] * len(lines)  # the paragraph each line is in: a wrapped reference's lines are not talk
    for i in range(1, len(lines)):
        block[i] = block[i - 1] + (1 if not lines[i].strip() or not lines[i - 1].strip() else 0)
    dated = {block[i] for i, ln in enumerate(lines) if YEAR_RE.search(ln) or re.search(r"\b10\.\d{4,}/", ln)} \
        if mail and not chat else set()
    sizes: dict[int, int] = {}
    for i, ln in enumerate(lines):
        if ln.strip():
            sizes[block[i]] = sizes.get(block[i], 0) + 1
    for i, ln in enumerate(lines):
        t = ln.strip()
        if not t:
            continue
        if mail and re.match(r"On .{5,120} wrote:$", t, re.I) and next(
                (quoted[k] for k in range(i + 1, len(lines)) if lines[k].strip()), False):
            drop(i, "a mail header or chat line, not a reference")  # (the quoted lines below are read)
            continue
        if mail and _QUOTED_MAIL.match(t):  # the signature or the mail quoted below: the rest goes
            for k in range(i, len(lines)):
                drop(k, "the mail's signature or the mail it quotes")
            break
        if chat and (i in times or i + 1 in times or _CHAT_DAY.match(ln)):
            drop(i, "a mail header or chat line, not a reference")  # the speaker, the time, "Monday, March 4th"
            continue
        if _MAIL_HEADER.match(ln) or _CHAT_SPEAKER.match(ln) or _CHAT_FURNITURE.match(ln):
            drop(i, "a mail header or chat line, not a reference")
        elif _MAIL_OPEN.match(t) or _MAIL_CLOSE.match(t):
            drop(i, "a greeting, not a reference")
            if _MAIL_CLOSE.match(t) and i + 1 < len(lines) and len(lines[i + 1].split()) <= 3:
                drop(i + 1, "a greeting, not a reference")  # "Cheers," / "Tom"
        elif block[i] in dated and sizes[block[i]] >= 2 and (not t.endswith((":", "?")) or i and lines[i - 1].strip()) or \
                block[i] in dated and sizes[block[i]] >= 2 and re.search(r"[A-ZÀ-Þ][\w'’\-]+,\s(?:[A-Z]\.\s?)+", t):
            pass  # a line of a wrapped reference ("Investigating the interaction of words and constructions.")
        elif ((t.endswith((":", "?")) or t[0].islower() or not re.search(r"\d", t) or _talk(t)) and not YEAR_RE.search(t) or
              t.endswith(":") and re.match(
                r"(?:I|I'd|I'm|We|For|Here|And|Also|See|This|These|Please|PS|P\.S\.)\b", t)) and \
                not re.search(r"\b10\.\d{4,}/", t):
            drop(i, "talk around the references, not a reference")
        else:
            lead = re.match(r"(?:yes|yeah|ok|okay|sure|also|and|oh)\b[^.:;]{0,40}?\s[-–—]\s(?=[A-ZÀ-Þ])", t, re.I)
            if lead:  # "yes good catch - Bray NL, ...": the talk before the reference
                skipped.append((i, lead.group(0).strip(" -–—"), "talk around the references, not a reference"))
                out[i] = ln.replace(lead.group(0), "", 1)
            out[i] = re.sub(r"^\s*(?:[•▪◦‣*\-–]\s+|[➡►▶→◾◽■□]\ufe0f?\s*|\d\ufe0f?\u20e3\s*)", "", out[i])  # "• Dobin A, ...",
            # "➡️ Musaelian A, ...", "2️⃣ Chmiela S, ...": a chat's bullet
    return out, skipped


_REMARK_RE = re.compile(r"^\s*(?:\[(?!\d{1,4}\])[^\[\]]{8,200}\]|(?:TODO|FIXME|NB|N\.B\.|NOTE)\s*:.*|[=_*]{3,}|-{4,})\s*$")


def remarks(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A note-taker's own remarks among the references: a line all in square brackets standing alone
    ('[Cambridge Core — J. Institutional Economics]'), 'TODO: ...'."""
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    for k, ln in enumerate(out):
        if not _REMARK_RE.match(ln):
            continue
        alone = (k == 0 or not out[k - 1].strip()) and (k + 1 == len(out) or not out[k + 1].strip())
        if alone or not ln.lstrip().startswith("["):
            skipped.append((k, ln.strip(), "a remark, not a reference"))
            out[k] = ""
    return out, skipped


_LINE_NUMBER = re.compile(r"^(\s*)(\d{1,5})(?:\s+|$)")


def line_numbers(lines: list[str]) -> list[str]:
    """A manuscript sent for review numbers every line in the margin ('612 Alberti, M., ...', '614 in animal
    and plant populations. ...'): when most lines carry a number one more than the last numbered line's, and
    many of them go on a sentence (lower case, a digit, a bracket), the numbers are the margin's, not the list's."""
    hits = [(k, int(m.group(2))) for k, ln in enumerate(lines) if (m := _LINE_NUMBER.match(ln)) and ln.strip()]
    said = sum(1 for ln in lines if ln.strip())
    if len(hits) < 12 or len(hits) < 0.6 * said:
        return lines
    steps = sum(1 for (_, a), (_, b) in zip(hits, hits[1:], strict=False) if b == a + 1)
    goes_on = sum(1 for k, _ in hits if re.match(r"\s*\d{1,5}\s+[a-z(\d–-]", lines[k]))
    if steps < 0.8 * (len(hits) - 1) or goes_on < 0.15 * len(hits):
        return lines
    out = list(lines)
    for j, (k, n) in enumerate(hits):
        if j and hits[j - 1][1] == n - 1 or j + 1 < len(hits) and hits[j + 1][1] == n + 1:
            out[k] = _LINE_NUMBER.sub(r"\1", lines[k], count=1)
    return out


_FORUM_CHROME = re.compile(r"^\s*(?:Reply|Share|Report|Save|Follow|Give Award|Award|Cite|Improve this (?:answer|question)|"
                           r"Add a comment|OP|·|level \d+|u/[\w\-]+|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|"
                           r"(?:answered|edited|asked)\s+\w{3}\s+\d{1,2}(?:,\s+\d{4})?\s+at\s+\d{1,2}:\d{2}|"
                           r"Edit(?:ed)?\s*(?:\d+)?\s*:.*)\s*$")


def forum_chrome(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A forum thread copied from the browser (Reddit, Stack Exchange): its buttons ('Reply', 'Share', 'Give Award'),
    'level 2', 'u/name', '2 days ago', 'answered Mar 4, 2021 at 6:55' and 'Edit: ...' lines are no references."""
    hits = [k for k, ln in enumerate(lines) if _FORUM_CHROME.match(ln)]
    strong = [k for k in hits if re.match(r"\s*(?:level \d|u/|Give Award|Improve this|Add a comment|answered|asked|\d+\s+\w+\s+ago)",
                                          lines[k])]
    if len(hits) < 4 or len(strong) < 2:  # (a wiki page's lone "Share" and comments' "Reply" are not a forum)
        return lines, []
    out = list(lines)
    for k in hits:
        out[k] = ""
    return out, [(k, lines[k].strip(), "a forum's buttons or a post's header, not a reference") for k in hits if lines[k].strip()]


_REACTION = re.compile(r"\s*(?:[^\w\s]{1,4}(?:\s*\d{1,3})?|\d{1,3})\s*")  # "🙏", "🔥 5", "2"
_REPLIES = re.compile(r"\s*(?:\d+\s+repl(?:y|ies)\b.*|Last reply\b.*)\s*")


def chat_reactions(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """A chat thread's reactions and reply counts under a message ('🙏' / '2' / '3 replies' / 'Last reply 4 days
    ago'), taken out even where no speaker line tells the text is a chat."""
    out = list(lines)
    found: list[tuple[int, str, str]] = []
    for k, ln in enumerate(lines):
        emoji = _REACTION.fullmatch(ln) is not None and not ln.isascii()
        count = bool(k) and re.fullmatch(r"\s*\d{1,3}\s*", ln) is not None and not lines[k - 1].isascii() and \
            len(lines[k - 1].strip()) <= 4  # the number under a reaction
        if emoji or count or _REPLIES.fullmatch(ln):
            found.append((k, ln.strip(), "a chat's reactions and replies, not a reference"))
            out[k] = ""
    return out, found


def pubmed_markers(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """PubMed's 'Free PMC article' on a line of its own under a reference."""
    hits = [k for k, ln in enumerate(lines) if re.fullmatch(r"\s*Free\s+(?:PMC\s+)?article\.?\s*", ln)]
    return ([("" if k in hits else ln) for k, ln in enumerate(lines)],
            [(k, lines[k].strip(), "the web page's links and furniture (Google Scholar, Crossref, ...)") for k in hits])


def page_lines(text: str, one_per_line: bool) -> tuple[list[str], list[tuple[int, str, str]], bool]:
    """The text's lines without what a web page, a mail, a chat or a note-taker put around the references
    (cite dialogs, greetings, remarks, reference cards, link words, label lines); returns the lines, what
    was taken as (index, text, reason), and whether each line left is one reference."""
    lines = text.split("\n")
    if re.search(r"(?m)^\s*\d{1,5}\s+[a-z]", text):
        lines = line_numbers(lines)
    dialog: list[tuple[int, str, str]] = []
    if re.search(r"(?im)^\s*(?:on this page|(?:table of )?contents|in this (?:article|post|page)|jump to|article contents|"
                 r"inhalt(?:sverzeichnis)?|auf dieser seite|sommaire|sur cette page|índice|en esta página|outline)\s*:?\s*$", text):
        lines, dialog = contents_lists(lines)
    if "\t" in text or re.search(r"(?m)^(?:MLA|APA|Chicago|Harvard|Vancouver):\s", text):  # Google Scholar's cite dialog
        lines, found = cite_dialog(lines)
        dialog = list(found)
    if "\t" in text:
        lines, found = table_in_page(lines)  # a wiki page's schedule: the paper column of each row
        dialog += found
    exported: list[tuple[int, str, str]] = []
    if re.search(r"(?m)^\s*\u200e?\[?\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}", text):
        lines, exported = chat_export(lines)  # an exported chat: "[12.03.2024, 18:11:15] Name: ..."
        dialog += exported
    lines, talked = conversation(lines)  # an e-mail's headers and greetings, a chat's speakers and reactions
    dialog += talked
    lines, found = chat_reactions(lines) if re.search(r"(?m)^\s*\d+\s+repl(?:y|ies)\b", text) else (lines, [])
    dialog += found
    lines, found = pubmed_markers(lines) if "Free PMC article" in text or "Free article" in text else (lines, [])
    dialog += found
    lines, chrome = forum_chrome(lines) if "\nReply" in text or "\nShare" in text or " ago\n" in text else (lines, [])
    dialog += chrome
    found = chrome or talked or exported  # a mail, a chat or a forum thread: its lines left are references as they stand
    talk = [ln for ln in lines if ln.strip()]
    if found and talk and sum(1 for ln in talk if ended(ln)) >= 0.8 * len(talk) and not any(ln.rstrip().endswith("-") for ln in talk):
        one_per_line = True  # a mail or chat is not wrapped by hand: each line left is one reference
    lines = glued_numbers(lines) if re.search(r"(?m)^\s*1[A-Z][a-z]", text) else lines  # "1Connolly SJ, ..."
    if "data only}" in text:
        lines, found = study_ids(lines)  # a Cochrane review's "Kho 2019 {published data only}"
        dialog += found
    if re.search(r"(?m)^\s*(?:\[[^\]\d]|TODO|FIXME|NOTE)", text):
        lines, found = remarks(lines)  # "[Cambridge Core — ...]", "TODO: check ..."
        dialog += found
    if "]\n" in text:
        lines, found = dblp_records(lines)  # a dblp page: "[j9]" / "Authors:" / "Title. Venue"
        dialog += found
    if "\nContributors:" in text and " | " in text:
        lines, found = orcid_works(lines)  # an ORCID record's works
        dialog += found
    if "\nShare" in text and "\n·\n" in text:
        lines, found = profile_cards(lines)  # a ResearchGate profile's research items
        dialog += found
    if "scholar_url?url=" in text:
        lines, found = scholar_alerts(lines)  # Google Scholar's alert mails
        dialog += found
        one_per_line = True
    if "Excerpt From" in text:
        lines, found = book_excerpts(lines)  # Apple Books' "Excerpt From ... may be protected by copyright."
        dialog += found
    if "\nView" in text:
        lines, found = research_cards(lines)  # ResearchGate's cards: title, kind, date, one name a line, "View"
        dialog += found
    if "\n\n" in text:
        lines, found = pieces.annotated_entries(lines)  # an annotated bibliography's comments
        dialog += found
    lines, found = web_link_words(lines)  # "Google Scholar", "Crossref" after each reference on a publisher's page
    dialog += found
    if ")" in text:
        lines, found = label_lines(lines)  # arXiv HTML's "Anderson et al. (2016)" above each reference
        dialog += found
    return lines, dialog, one_per_line
