"""Reference lists that come as records with named fields, read by their names rather than parsed as text:

* a spreadsheet or a reading-list tool's CSV with a header row ("Title", "Authors", "Date", "Journal Title",
  "DOI" ...), one work a row (rows with no title, such as a reading list's "Paragraph" notes, are skipped);
* biber's ``.bbl`` (the entries biblatex typesets, ``\\entry{key}{article}{} ... \\endentry``), made BibTeX
  and read by refkit's BibTeX reader;
* a scholarly API's JSON pasted as it came: OpenAlex's works (``{"results": [{"display_name": ...,
  "authorships": [...], "doi": ...}]}``).

Each record becomes a :class:`refkit.model.Reference` at once. Anything else gives None and is parsed as text.
"""

from __future__ import annotations

import csv
import io
import json
import re

from refkit.model import Date, Name, Reference
from refkit.parse.raw import RawReference, Skipped, Split

_COLUMNS = {
    "title": "title", "item title": "title", "article title": "title", "document title": "title",
    "authors": "author", "author": "author", "author(s)": "author", "creators": "author", "creator": "author",
    "editors": "editor", "editor": "editor",
    "year": "year", "date": "year", "publication year": "year", "pub year": "year", "published": "year",
    "journal title": "container-title", "journal": "container-title", "source title": "container-title",
    "publication title": "container-title", "source": "container-title", "book title": "container-title",
    "container": "container-title", "periodical": "container-title",
    "volume": "volume", "issue": "issue", "number": "issue", "pages": "page", "page": "page",
    "start page": "page-first", "end page": "page-last", "doi": "DOI", "url": "URL", "link": "URL",
    "web address": "URL", "publisher": "publisher", "place": "publisher-place", "place of publication": "publisher-place",
    "edition": "edition", "isbn": "ISBN", "issn": "ISSN", "type": "type", "item type": "type", "resource type": "type",
}
_TYPES = {"book": "book", "article": "article-journal", "journal article": "article-journal", "chapter": "chapter",
          "book chapter": "chapter", "book section": "chapter", "report": "report", "government document": "report",
          "thesis": "thesis", "dissertation": "thesis", "webpage": "webpage", "website": "webpage", "web page": "webpage",
          "video": "motion_picture", "audio": "song", "conference paper": "paper-conference", "dataset": "dataset",
          "book-chapter": "chapter", "journal-article": "article-journal", "proceedings-article": "paper-conference",
          "posted-content": "article", "preprint": "article", "dissertation-thesis": "thesis"}


def read_records(text: str) -> Split | None:
    """The references of a CSV with a bibliographic header or of an API's JSON; None for any other text."""
    head = text.lstrip("\ufeff \r\n")
    if "\\entry{" in text and "\\endentry" in text:
        return _bbl(text)
    if head[:1] in "[{":
        return _openalex(head)
    return _csv(head)


def _csv(text: str) -> Split | None:
    first = text.split("\n", 1)[0]
    delim = max((",", ";"), key=first.count)  # (tab-separated rows are a pasted spreadsheet: layout.table reads them)
    if first.count("\t") >= first.count(delim):
        return None
    names = [c.strip().strip('"').lower() for c in first.split(delim)]
    fields = [_COLUMNS.get(n) for n in names]
    if first.count(delim) < 2 or "title" not in fields or not ({"author", "year", "DOI", "container-title"} & set(fields)):
        return None
    rows = list(csv.reader(io.StringIO(text), delimiter=delim))[1:]
    refs: list[RawReference] = []
    skipped: list[Skipped] = []
    line = 2
    for row in rows:
        rec = {f: (row[i].strip() if i < len(row) else "") for i, f in enumerate(fields) if f}
        first_line = line
        line += 1 + sum(cell.count("\n") for cell in row)
        if not rec.get("title") or rec.get("type", "").lower() in ("paragraph", "note", "heading", "section"):
            if any(c.strip() for c in row):
                skipped.append(Skipped(first_line, " | ".join(c for c in row if c.strip())[:200], "a row with no work (a note)"))
            continue
        refs.append(RawReference(rec["title"][:120], first_line, reason="a row of a table with named columns",
                                 entry=_reference(rec)))
    return Split(refs, skipped, heading="") if refs else None


def _names(value: str) -> list[Name]:
    out = []
    for part in re.split(r"\s*;\s*|\s+and\s+|\s*&\s*", value):
        if not part.strip():
            continue
        fam, sep, given = part.partition(",")
        out.append(Name(family=fam.strip(), given=given.strip()) if sep else (
            Name(family=part.split()[-1], given=" ".join(part.split()[:-1])) if len(part.split()) in (2, 3) else
            Name(literal=part.strip())))
    return out


def _reference(rec: dict[str, str]) -> Reference:
    kind = rec.get("type", "").lower()
    ref = Reference(type=_TYPES.get(kind, "article-journal" if rec.get("container-title") and rec.get("volume") else
                                    "book" if rec.get("ISBN") or rec.get("publisher") else "document"))
    for role in ("author", "editor"):
        if rec.get(role):
            ref.names[role] = _names(rec[role])
    year = re.search(r"(?:1[5-9]|20)\d\d", rec.get("year", ""))
    if year:
        ref.dates["issued"] = Date(start=(int(year.group(0)),))
    first, last = rec.get("page-first", ""), rec.get("page-last", "")
    if first or last:
        rec["page"] = f"{first}-{last}" if first and last else first or last
    for key in ("title", "container-title", "volume", "issue", "page", "DOI", "URL", "publisher", "publisher-place",
                "edition", "ISBN", "ISSN"):
        if rec.get(key):
            ref.fields[key] = rec[key]
    if ref.fields.get("edition"):
        ref.fields["edition"] = re.sub(r"(?i)^(\d+)(?:st|nd|rd|th)?(?:\s*ed(?:ition|\.)?)?$", r"\1", ref.fields["edition"])
    if ref.fields.get("DOI"):
        ref.fields["DOI"] = re.sub(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", ref.fields["DOI"])
    return ref


def _openalex(text: str) -> Split | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    works = data.get("results") if isinstance(data, dict) else data
    if not isinstance(works, list) or not works or not all(
            isinstance(w, dict) and ("authorships" in w or "publication_year" in w) and
            ("display_name" in w or "title" in w) for w in works):
        return None
    refs = []
    for k, w in enumerate(works, 1):
        src = ((w.get("primary_location") or {}).get("source") or {}) if isinstance(w.get("primary_location"), dict) else {}
        biblio = w.get("biblio") or {}
        first, last = biblio.get("first_page") or "", biblio.get("last_page") or ""
        rec = {"title": w.get("display_name") or w.get("title") or "", "container-title": src.get("display_name") or "",
               "volume": biblio.get("volume") or "", "issue": biblio.get("issue") or "",
               "page": f"{first}-{last}" if first and last and first != last else first or last,
               "DOI": w.get("doi") or "", "year": str(w.get("publication_year") or ""),
               "type": str(w.get("type_crossref") or w.get("type") or ""), "publisher": src.get("host_organization_name") or ""}
        ref = _reference({k2: str(v) for k2, v in rec.items() if v})
        ref.names["author"] = [_names(a.get("author", {}).get("display_name", ""))[0] for a in w.get("authorships", [])
                               if a.get("author", {}).get("display_name")]
        if not ref.names["author"]:
            del ref.names["author"]
        refs.append(RawReference(rec["title"][:120] or f"work {k}", k, reason="a work of an API's JSON", entry=ref))
    return Split(refs, [], heading="")


_BBL_ENTRY = re.compile(r"\\entry\{(?P<key>[^}]*)\}\{(?P<type>\w+)\}\{[^}]*\}(?P<body>.*?)\\endentry", re.S)
_BBL_SKIP = {"sortinit", "labelnamesource", "labeltitlesource", "labelalpha", "extraalpha", "labelyear",
             "labeldatesource", "extradate", "labelmonth", "labelday", "extraname"}  # (and every "...hash")


def _bbl(text: str) -> Split | None:
    """biber's .bbl: each \\entry made a BibTeX entry (names, \\field, \\list, \\verb) and read as BibTeX."""
    from refkit.bib import bibtex

    refs: list[RawReference] = []
    for m in _BBL_ENTRY.finditer(text):
        body = m.group("body")
        fields: dict[str, str] = {}
        for role, names in re.findall(r"\\name\{(\w+)\}\{\d+\}\{[^}]*\}\{%(.*?)\n\s*\}", body, re.S):
            people = []
            for part in re.findall(r"\{\{hash=[^}]*\}\{%?(.*?)\}\}%?", names, re.S):
                fam = re.search(r"\bfamily=\{([^}]*)\}", part)
                giv = re.search(r"\bgiven=\{([^}]*)\}", part)
                pre = re.search(r"\bprefix=\{([^}]*)\}", part)
                if fam:
                    people.append(" ".join(x for x in ((pre.group(1) if pre else ""), fam.group(1)) if x) +
                                  (f", {giv.group(1)}" if giv else ""))
            if people:
                fields[role] = " and ".join(people)
        for name, value in re.findall(r"\\field\{(\w+)\}\{((?:[^{}]|\{[^{}]*\})*)\}", body):
            if name not in _BBL_SKIP and not name.endswith("hash"):
                fields[name] = value.replace("\\bibrangedash ", "--").replace("\\bibrangedash", "--")
        for name, items in re.findall(r"\\list\{(\w+)\}\{\d+\}\{%(.*?)\n\s*\}", body, re.S):
            fields[name] = " and ".join(re.findall(r"^\s*\{+([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}+%?\s*$", items, re.M))
        for name, value in re.findall(r"\\verb\{(\w+)\}\s*\\verb\s+(.*?)\s*\\endverb", body, re.S):
            fields[name] = value.strip()
        doi = re.match(r"https?://(?:dx\.)?doi\.org/(10\.\S+)", fields.get("url", ""))
        if doi and "doi" not in fields:
            fields["doi"] = doi.group(1)  # a DOI given only as its link
        fields = {k: re.sub(r"\\bib(?:initdelim|namedelim[abcdi])\s?", " ", v) for k, v in fields.items()}
        entry = "@" + m.group("type") + "{" + m.group("key") + ",\n" + "".join(
            f"  {k} = {{{v}}},\n" for k, v in fields.items()) + "}\n"
        try:
            got, _ = bibtex.loads(entry, "bbl")
        except Exception:  # noqa: BLE001 - an entry the reader cannot take is left out, with the others read
            continue
        line = text.count("\n", 0, m.start()) + 1
        refs += [RawReference(f"@{e.type}{{{e.id}, ...}}", line, reason="an entry of biber's .bbl", entry=e) for e in got]
    return Split(refs, [], heading="") if refs else None
