"""Turn the tagger's labelled spans into a clean :class:`refkit.model.Reference`.

Each label's text goes through its cleaner in :mod:`refkit.parse.clean` (names, volume and issue,
edition, pages, dates); URLs and DOIs lose line-wrap spaces and prefixes; genre and number, publisher
and place are split; the CSL type is chosen from which fields are present.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from refkit.model import Date, Name, Reference
from refkit.parse.clean import (
    IN_LEAD_RE,
    REPEATED_AUTHOR_RE,
    SUPPLEMENT_RE,
    clean_edition,
    clean_isbn,
    clean_names,
    clean_text,
    parse_span_date,
    split_compact,
    split_span_pages,
    split_volume,
    trim_edge,
    unbracket_span,
)
from refkit.parse.fields import (
    DOI_LINK_RE,
    VOLUME_COUNT_WORDS,
    clean_doi,
    clean_url,
    doi_from_link,
    parse_dmy,
    parse_natural_date,
    parse_year,
    squash,
)
from refkit.parse.reconcile import reconcile
from refkit.parse.refine import ARXIV_RE, PMCID_RE, PMID_RE, refine
from refkit.parse.review import calibrate, review
from refkit.parse.tagger import Model, Segment, tag

NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator", "container-author": "container-author"}
# identifier label -> (pattern with an "id" group, model field); an arXiv id is the biblatex eprint
# (with eprinttype "arxiv" in ``extra``), PMID and PMCID are CSL variables
IDENTIFIERS = {"arxiv": (ARXIV_RE, "eprint"), "pmid": (PMID_RE, "PMID"), "pmcid": (PMCID_RE, "PMCID")}
TEXT_FIELDS = {
    "title": "title",
    "volume-title": "volume-title",
    "journal": "container-title",
    "container-title": "container-title",
    "collection-title": "collection-title",
    "publisher": "publisher",
    "location": "publisher-place",
    "genre": "genre",
    "number": "number",
    "note": "note",
    "archive": "archive",
}
# CSL field(s) each tagger label feeds, for confidences

_EDITED_AND_TRANSLATED = re.compile(r"(?i)\b(?:edited|ed\.|eds\.|hrsg\.|hg\.)\s*(?:and|&|und|u\.)\s*(?:translated|trans\.|transl\.|übers\.|übersetzt)|"
                                    r"(?<!\w)(?:translated|trans\.|transl\.|übersetzt|übers\.)\s*(?:and|&|und|u\.)\s*(?:edited|ed\.|hrsg\.|hg\.)")
_DMY = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{4}")
VOLUME_COUNT_RE = re.compile(rf"\s*(\d{{1,3}})\s+{VOLUME_COUNT_WORDS}\.?(?:\s+in\s+\d+)?[\s.,;]*$")


def assemble(segments: Sequence[Segment], text: str = "", *, previous: Reference | None = None,
             reasons: list[tuple[str, str]] | None = None, refined: bool = False
             ) -> tuple[Reference, dict[str, float]]:
    """Build a Reference from labelled segments; returns it with a confidence per CSL field.

    ``previous`` is the reference before this one in the same list: a repeated-author dash
    ("———.") takes its authors. ``reasons``, when given, receives the unsure report's
    ``(field, reason)`` pairs (see :mod:`refkit.parse.review`). ``refined``: the segments have
    already been through :func:`refkit.parse.refine.refine`.
    """
    ref = Reference()
    conf: dict[str, float] = {}
    by_label: dict[str, list[Segment]] = {}
    segments = list(segments) if refined else refine(segments, text)
    for s in segments:
        by_label.setdefault(s.label, []).append(s)

    def note_conf(field: str, segs: list[Segment]) -> None:
        c = min(s.confidence for s in segs)
        conf[field] = min(conf.get(field, 1.0), c)

    def put(field: str, value: str, segs: list[Segment]) -> None:
        """Set a text field from labelled segments (nothing when the cleaned value is empty)."""
        if value:
            ref.fields[field] = value
            note_conf(field, segs)

    supplement = orphan_dash = False
    for label, segs in by_label.items():
        raw = [s.text for s in segs]
        if label in NAME_FIELDS:
            names: list[Name] = []
            for r in raw:
                if label == "author" and REPEATED_AUTHOR_RE.match(r):
                    if previous is not None:
                        names.extend(previous.names.get("author", []))
                    else:  # nobody to repeat: no author, and the report says why
                        orphan_dash = True
                    continue
                if re.search(r"[*†‡§¶]", r):  # a CV's marks after a name: "Nguyen TH*, Okafor CN‡" (trainee, corresponding)
                    r = re.sub(r"(?<=[\w.])[*†‡§¶]+(?=[\s,;.&]|$)", "", r)
                names.extend(clean_names(r))
            if names:
                ref.names[NAME_FIELDS[label]] = names
                note_conf(NAME_FIELDS[label], segs)
                other = {"editor": "translator", "translator": "editor"}.get(label)
                if other and other not in by_label and any(_EDITED_AND_TRANSLATED.search(r) for r in raw):
                    ref.names[other] = [Name(n.family, n.given, n.particle, n.suffix, n.dropping, n.literal, n.others)
                                        for n in names]  # "Edited and translated by", "Translated and edited by": both
        elif label in TEXT_FIELDS:
            field = TEXT_FIELDS[label]
            vals = []
            for r in raw:
                v = clean_text(r)
                if v.endswith("/"):
                    v = v.rstrip(" /")  # GOST's "Title // Journal"
                if label in ("journal", "container-title", "collection-title"):
                    v = clean_text(IN_LEAD_RE.sub("", v))
                    v = re.sub(r"(?i),?\s+(?:Jg|Jahrg|Bd|Vol|H|Heft|Nr|No|n°)\.?$|\s+vom$", "", v)  # "..., Jg." cut from "Jg. 49"
                    v = re.sub(r"(?i)[,.]?\s+(?:online\s+first|advance\s+online(?:\s+publication)?|early\s+view|"
                               r"epub\s+ahead\s+of\s+print)$", "", v)  # "West European Politics, online first"
                    if label == "journal" and re.search(r"\b[A-Z][a-z]{0,5}\.\s", v) and re.search(
                            r"\b[A-Z][a-z]{0,5}\.[,;:]?\s*$", r) and not v.endswith("."):
                        v += "."  # "Phys. Rev. Lett.": an abbreviated journal keeps its last full stop
                if label == "number":
                    v = v.rstrip(". ")  # "HC 94-I.": the sentence's stop, not the number's
                if label == "location":
                    v = v.rstrip(":").strip()
                    if re.search(r"(?:,\s*|\bi\.\s?)[A-Z][a-z]{1,4}$", v) and re.search(r"[A-Z][a-z]{1,4}\.[\s:,;)]*$", r):
                        v += "."  # "Saint Paul, Minn.", "Freiburg i. Br.": the abbreviation keeps its full stop
                if v:
                    vals.append(v)
            vals = [v for i, v in enumerate(vals) if v.lower() not in {x.lower() for x in vals[:i]}]
            if vals:
                joined = "; ".join(vals)
                ref.fields[field] = f"{ref.fields[field]}; {joined}" if ref.fields.get(field) else joined
                note_conf(field, segs)
        elif label in ("date", "volume") and split_compact(raw[0]):
            year, vol, iss, pages = split_compact(raw[0]) or ("", "", "", "")
            ref.dates.setdefault("issued", Date(start=(int(year),)))
            for k, v in (("volume", vol), ("issue", iss), ("page", pages)):
                if v and k not in ref.fields:
                    ref.fields[k] = v
                    note_conf(k, segs)
            note_conf("issued", segs)
        elif label == "date":
            bm = next((m for r in raw if (m := _ORIGINAL_FIRST.fullmatch(r.strip(" .,;:")) or _far_apart(
                _ORIGINAL_SLASH.fullmatch(r.strip(" .,;:"))))), None)
            if bm and (od := parse_year(bm.group(1))) is not None:  # ASA's "[1922] 1978": first published, then this edition
                ref.dates["original-date"] = od
                raw = [bm.group(2) if r.strip(" .,;:") == bm.group(0) else r for r in raw]
            dates = [x for x in ((parse_dmy(r.strip(" .,;:()")) if _DMY.fullmatch(r.strip(" .,;:()")) else parse_span_date(r))
                                 for r in raw) if x is not None]
            dated = [x for x in dates if x.start]
            d = dated[0] if dated else (dates[0] if dates else None)
            if d is not None and len(d.start) == 1 and not d.end:  # "(2015): ... vom 19.03.2015": the full day
                d = max((x for x in dated if x.start[0] == d.start[0] and not x.end), key=lambda x: len(x.start))
            if len(dated) > 1 and len({x.start[0] for x in dated}) > 1 and all(
                    len(x.start) == 1 and not x.end for x in dated):
                # "1887. Heritage Reprints, 2015": the original year first, the edition's last
                d = max(dated, key=lambda x: x.start[0])
                ref.dates["original-date"] = min(dated, key=lambda x: x.start[0])
            if d is not None and len(d.start) == 1 and not d.end:  # "2012. ... New York Times, January 4."
                lit = next((x.literal for x in dates if x.literal and parse_natural_date(x.literal, d.start[0])), "")
                md = parse_natural_date(lit, d.start[0]) if lit else None
                rm = re.search(r"\s\d{1,2}\s*[-\u2013]\s*(\d{1,2})\b", lit)
                if md is not None and rm and len(md.start) == 3 and int(rm.group(1)) > md.start[2]:
                    md = Date(start=md.start, end=(md.start[0], md.start[1], int(rm.group(1))))  # "April 10–13": the days
                d = md or d
            if d is not None:
                ref.dates["issued"] = d
                note_conf("issued", segs)
        elif label == "volume" and len(raw) == 1 and (vols := VOLUME_COUNT_RE.match(raw[0])):
            put("number-of-volumes", vols.group(1), segs)  # "2 vols.": how many
        elif label == "volume":
            vol, iss, pages = split_volume(raw[0])
            if not iss and len(raw) > 1 and vol:  # "PVS 26 (1985), H. 4": the issue in a piece of its own
                v2, iss, _p2 = split_volume(raw[1])
                iss = iss if not v2 else v2 if re.fullmatch(r"\d{1,3}(?:[-\u2013/]\d{1,3})?", v2) and not iss else ""
            put("volume", vol, segs)
            put("issue", iss, segs)
            if pages and "pages" not in by_label:
                ref.fields["page"] = pages
                note_conf("page", segs)
        elif label == "pages":
            page, count = split_span_pages(raw[0])
            if page and SUPPLEMENT_RE.match(squash(raw[0]).strip(" ,.;:()[]")):
                supplement = True  # "no. 9, Supplement. p. A65": the supplement
            put("page", page, segs)
            if not page:
                put("number-of-pages", count, segs)
        elif label == "edition":
            put("edition", clean_edition(raw[0]), segs)
        elif label == "url":
            joined = re.sub(r"(?i)^(?:doi|url|link)\s*:?\s*(?=https?://|www\.)", "", " ".join(raw).strip().lstrip(".,;: "))
            links = re.split(r"[.,;]?\s+(?=https?://|www\.)", joined)  # two links, one after the other
            if not re.search(r"(?i)https?://|www\.", links[0]):  # what stands before the link, or no link at all
                doi = clean_doi(links[0])
                if doi and "DOI" not in ref.fields:
                    put("DOI", doi, segs)  # "(doi: 10.18653/v1/N18-1202). https://aclanthology.org/...": the DOI
                elif not doi and len(links) > 1 and "page" not in ref.fields and \
                        re.fullmatch(r"[A-Za-z]?\d+\s*[-\u2013]\s*[A-Za-z]?\d+\.?", links[0].strip()):
                    ref.fields["page"] = split_span_pages(links[0].strip().rstrip("."))[0]  # "D506–D515. https://doi..."
                if doi or len(links) > 1:
                    links = links[1:]
                if not links:
                    continue
            link = re.split(r"\s+[(\[]|\.\s+(?=[A-Z])", links[0])[0]  # not "(March 9, 2024)" after it
            put("URL", clean_url(re.sub(r"(?i)^\s*(?:url|available\s+(?:at|from)|retrieved\s+from|online)\s*:?\s*",
                                        "", link)), segs)
            if len(links) > 1 and DOI_LINK_RE.match(ref.fields.get("URL", "")) and "DOI" not in ref.fields:
                doi_from_link(ref.fields)  # "[[paper]](https://doi.org/...) [[code]](https://github.com/...)"
                ref.fields["URL"] = clean_url(re.split(r"\s", links[1])[0])
            elif "DOI" not in ref.fields and (dl := next((x for x in links[1:] if DOI_LINK_RE.match(x.strip())), None)):
                put("DOI", clean_doi(re.split(r"\s", dl.strip())[0]), segs)  # "[[paper]](https://acl...) [[doi]](https://doi.org/...)"
        elif label == "doi":
            doi = next((d for d in (clean_doi(r) for r in raw) if d), "")
            if not doi and re.match(r"(?i)\s*(?:https?://|www\.)", raw[0]) and "URL" not in ref.fields:
                ref.fields["URL"] = clean_url(raw[0])  # a link the tagger took for a DOI
                note_conf("URL", segs)
                continue
            dmy = None if doi else parse_dmy(raw[0].strip(" ,;."))
            if dmy is not None and "issued" not in ref.dates:  # "10.5.1932": a day, not a DOI
                ref.dates["issued"] = dmy
                continue
            if not doi and not re.search(r"10\.\d{4,}/", raw[0]):  # no DOI in what the tagger called one: keep it as a note
                text_note = clean_text(" ".join(raw))
                if text_note:
                    ref.fields["note"] = f"{ref.fields['note']}; {text_note}" if ref.fields.get("note") else text_note
                continue
            put("DOI", doi or trim_edge(re.sub(r"(?i)^\s*doi\s*:?\s*", "", raw[0])), segs)
        elif label == "isbn":
            put("ISBN", clean_isbn(raw[0]), segs)
        elif label in IDENTIFIERS:
            m = IDENTIFIERS[label][0].search(raw[0])
            if m:
                put(IDENTIFIERS[label][1], m.group("id"), segs)
                if label == "arxiv":
                    ref.extra["eprinttype"] = "arxiv"
        elif label == "accessed":
            t = re.sub(r"(?i)^\W*(?:last\s+)?(?:cited|citado|consultado|zitiert|accessed|cité|retrieved|viewed|consulted|"
                       r"abgerufen|abruf(?:datum)?|zugriff|zugegriffen|consulté|stand|überprüfungsdatum|acesso\s+em|consultado)(?:\s+(?:on|am|le|el|em))?\s*:?\s*",
                       "", " ".join(raw))
            t = re.sub(r"(?i),?\s*(?:from|von|unter|de|em)\W*$", "", t).strip(" .,;:[]()")
            t = re.sub(r"\b(?:Okt|Dez|Mrz|Mär)\.", lambda mo: {"Okt": "Oktober", "Dez": "Dezember"}.get(mo.group(0)[:-1], "März"), t)
            t = re.sub(r"^\d{1,3}\.\s*(?:EL|Erg\.?-?\s?Lfg\.?|Lfg\.|Ergänzungslieferung)\s*,?\s*", "", t)  # "99. EL September 2022"
            d = parse_dmy(t) if re.match(r"\d{1,2}[./]\s?\d{1,2}[./]", t) else parse_span_date(t)
            if d is not None and d.start and re.match(r"\W*Stand\b", raw[0]) and not any(
                    o.label == "url" and o.end <= segs[0].start for o in segments):  # "Stand: 01.08.2023": the version, as of
                # (after a link, "Im Internet: https://...; Stand: 12.03.2018" is when it was read)
                old = ref.dates.get("issued")
                if old is None or not old.start or old.start[0] == d.start[0] and len(old.start) < len(d.start):
                    ref.dates["issued"] = d
            elif d is not None and d.start:
                ref.dates["accessed"] = d
        elif label == "citation-number":
            n = raw[0].strip().strip("[]().:, ")
            if n:
                ref.fields["citation-number"] = n
                note_conf("citation-number", segs)
    if supplement:
        ref.fields["issue"] = f"{ref.fields['issue']} Suppl." if ref.fields.get("issue") else "Suppl."
    for seg in by_label.get("author2", []):  # "(XENON Collaboration)" after "et al."
        lit = clean_text(unbracket_span(clean_text(seg.text)))
        if lit:
            names = ref.names.setdefault("author", [])
            at = next((k for k, n in enumerate(names) if n.others), len(names))
            names.insert(at, Name(literal=lit))
    same_people(ref)
    if "author" not in ref.names and "editor" not in ref.names and previous is not None and \
            re.match(r"\s*\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?\s*[.:,]", text) and previous.names.get("author"):
        ref.names["author"] = list(previous.names["author"])  # "(2020b): Title ...": the same authors again
    reconcile(ref, set(by_label), by_label, conf, segments)
    doubts = review(segments, ref)
    if orphan_dash:
        doubts.append(("author", "a repeated-author dash with no reference before it"))
    if reasons is not None:
        reasons.extend(doubts)
    calibrated = calibrate(conf, doubts)
    if orphan_dash:
        calibrated["author"] = 0.0
    return ref, calibrated


_ORIGINAL_FIRST = re.compile(r"\[\s*((?:1[5-9]|20)\d\d(?:\s*[-\u2013/]\s*\d{2,4})?)\s*\]\s*((?:1[5-9]|20)\d\d[a-z]?)")
# "(1952/2004)": first published, then this edition (years far apart; "2019/2020" is a season or an academic year)
_ORIGINAL_SLASH = re.compile(r"\(?((?:1[5-9]|20)\d\d)\s*/\s*((?:1[5-9]|20)\d\d)\)?")
_SAME = re.compile(r"^(?:Ders|Dies|Dens|Dems|Idem|Eadem|Eid|Eaed)\.?$", re.I)
# "Ders.:", "Dies. (Hg.):", "ders., Kleine politische Schriften", "ders. u. a., Der Positivismusstreit"
_SAME_LEAD = re.compile(r"^(?:ders|dies|derselbe|dieselbe|idem|eadem)\.?(?:\s+u\.\s?a\.)?\s*(?:\((?:hg|hrsg|ed|eds)\.?\))?"
                        r"\s*[:,]\s*(?=\S)", re.I)


def _far_apart(m: re.Match[str] | None) -> re.Match[str] | None:
    return m if m is not None and int(m.group(2)) - int(m.group(1)) > 3 else None


def same_people(ref: Reference) -> None:
    """'In: Dies. (Hg.): Soziale Integration', 'In: Ders.: Gesammelte Aufsätze': the book's editors
    (or its author) are this reference's own authors."""
    authors = ref.names.get("author")
    if not authors:
        return
    eds = ref.names.get("editor", [])
    if eds and any(_SAME.match(n.literal or n.family) for n in eds):  # "in: ders./Kirchhof, Paul (Hrsg.)": him and another
        ref.names["editor"] = [x for n in eds for x in (authors if _SAME.match(n.literal or n.family) else [n])]
    box = ref.fields.get("container-title", "")
    if _SAME_LEAD.match(box):
        ref.fields["container-title"] = _SAME_LEAD.sub("", box)
        ref.names.setdefault("container-author", list(authors))


# Fields whose confidence (mean marginal probability of the tagger's labels) is below this are
# "unsure". On AnyStyle's gold-dev set, 0.8 flags about 9% of the references, and 40% of the
# flagged ones have a field wrong (against 15% of the rest).
LOW_CONFIDENCE = 0.8


def unsure_fields(confidences: dict[str, float], threshold: float = LOW_CONFIDENCE) -> list[str]:
    """The fields whose confidence is below ``threshold``, least sure first."""
    return [k for k, v in sorted(confidences.items(), key=lambda kv: kv[1]) if v < threshold]


def parse_reference(text: str, model: Model | str | Path | None = None, *,
                    previous: Reference | None = None) -> tuple[Reference, dict[str, float], list[Segment]]:
    """Tag one reference string and assemble it: (reference, confidence per field, segments)."""
    segments = tag(text, model)
    ref, conf = assemble(segments, text, previous=previous)
    return ref, conf, segments
