"""EndNote's tagged export (the ``refer`` format, ``.enw``) in and out.

One ``%X value`` line per field, a blank line between records, ``%0`` the record's type:

    %0 Journal Article
    %A Lind, Petra
    %T Harbour walls
    %J Journal of Ports
    %D 2019
    %V 3
    %P 1-9
    %R 10.1234/jp.3.1

Hand-written for the same reason as RIS (:mod:`refkit.bib.ris`): the syntax is a line per field; the
work is the table of tags and types. Tags with no CSL counterpart are reported, not dropped in silence.
"""

from __future__ import annotations

import re

from refkit.bib.ris import _isbn_or_issn, _name_text, _parse_name
from refkit.errors import InputError, Problem
from refkit.model import Date, Reference

TYPE_TO_CSL = {
    "journal article": "article-journal", "electronic article": "article-journal", "magazine article": "article-magazine",
    "newspaper article": "article-newspaper", "book": "book", "edited book": "book", "electronic book": "book",
    "book section": "chapter", "electronic book section": "chapter", "conference paper": "paper-conference",
    "conference proceedings": "paper-conference", "report": "report", "government document": "report",
    "thesis": "thesis", "web page": "webpage", "blog": "post-weblog", "dataset": "dataset", "computer program": "software",
    "patent": "patent", "generic": "document", "manuscript": "manuscript", "unpublished work": "manuscript",
    "encyclopedia": "entry-encyclopedia", "dictionary": "entry-dictionary", "case": "legal_case", "statute": "legislation",
    "bill": "bill", "hearing": "hearing", "film or broadcast": "motion_picture", "map": "map", "standard": "standard",
    "personal communication": "personal_communication", "audiovisual material": "motion_picture",
}
CSL_TO_TYPE = {"article-journal": "Journal Article", "article": "Journal Article", "article-magazine": "Magazine Article",
               "article-newspaper": "Newspaper Article", "book": "Book", "chapter": "Book Section",
               "paper-conference": "Conference Paper", "report": "Report", "thesis": "Thesis", "webpage": "Web Page",
               "post-weblog": "Blog", "dataset": "Dataset", "software": "Computer Program", "patent": "Patent",
               "manuscript": "Manuscript", "entry-encyclopedia": "Encyclopedia", "entry-dictionary": "Dictionary",
               "legal_case": "Case", "legislation": "Statute", "bill": "Bill", "hearing": "Hearing",
               "motion_picture": "Film or Broadcast", "map": "Map", "standard": "Standard",
               "personal_communication": "Personal Communication"}
TAG_TO_CSL = {"T": "title", "J": "container-title", "B": "container-title", "S": "collection-title", "V": "volume",
              "N": "issue", "I": "publisher", "C": "publisher-place", "R": "DOI", "U": "URL", "X": "abstract",
              "Z": "note", "7": "edition", "9": "genre", "G": "language", "L": "call-number", "M": "number",
              "!": "title-short", "&": "section", "6": "number-of-volumes", "W": "archive", "Y": "collection-editor"}
NAME_TAGS = {"A": "author", "E": "editor", "H": "translator", "Y": "collection-editor"}
CSL_TO_TAG = {"title": "T", "container-title": "J", "collection-title": "S", "volume": "V", "issue": "N",
              "publisher": "I", "publisher-place": "C", "DOI": "R", "URL": "U", "abstract": "X", "note": "Z",
              "edition": "7", "genre": "9", "language": "G", "number": "M"}
HINT = "records are '%0 Type' then one '%X value' line a field, a blank line between records"
_LINE = re.compile(r"^%(?P<tag>[0-9A-Z@!&#$*+^()~>])\s(?P<value>.*)$")


def sniff(text: str) -> bool:
    head = text.lstrip("\ufeff")[:4096]
    return bool(re.search(r"^%0 \S", head, re.M)) and len(re.findall(r"^%[ATDJ] \S", head, re.M)) >= 2


def loads(text: str, name: str = "<string>") -> tuple[list[Reference], list[Problem]]:
    """Read EndNote tagged records; unknown tags are problems with their line."""
    refs: list[Reference] = []
    problems: list[Problem] = []
    rec: list[tuple[str, str, int]] = []
    for n, raw in enumerate(text.lstrip("\ufeff").splitlines() + [""], 1):
        m = _LINE.match(raw.rstrip())
        if m and (m.group("tag") != "0" or not rec):
            rec.append((m.group("tag"), m.group("value").strip(), n))
        elif m:  # "%0" with no blank line before it: a new record all the same
            refs.append(_record(rec, name, problems))
            rec = [(m.group("tag"), m.group("value").strip(), n)]
        elif not raw.strip():
            if rec:
                refs.append(_record(rec, name, problems))
                rec = []
        elif rec:  # a field's value wrapped onto the next line
            tag, value, line = rec[-1]
            rec[-1] = (tag, f"{value} {raw.strip()}", line)
        else:
            problems.append(Problem("text outside a record; skipped", name, n, rule="syntax"))
    if not refs:
        raise InputError(f"{name} holds no EndNote tagged records", hint=HINT)
    return refs, problems


def _record(rec: list[tuple[str, str, int]], name: str, problems: list[Problem]) -> Reference:
    kind = next((v for t, v, _ in rec if t == "0"), "Generic")
    ref = Reference(type=TYPE_TO_CSL.get(kind.lower(), "document"), line=rec[0][2], source=name)
    if kind.lower() not in TYPE_TO_CSL:
        problems.append(Problem(f"unknown EndNote type {kind!r}; read as a document", name, rec[0][2], rule="endnote-type"))
    keywords: list[str] = []
    for tag, value, n in rec:
        if not value or tag == "0":
            continue
        if tag in NAME_TAGS and not (tag == "Y" and "," not in value and len(value.split()) > 4):
            ref.names.setdefault(NAME_TAGS[tag], []).append(_parse_name(value))
        elif tag == "D":
            ref.dates["issued"] = Date.parse(value)
        elif tag == "P":
            ref.fields["page"] = re.sub(r"\s*[–—-]+\s*", "-", value)
        elif tag == "@":
            ref.fields.setdefault(_isbn_or_issn(value, ref.type), value)
        elif tag == "K":
            keywords.extend(k.strip() for k in re.split(r"[\n;]", value) if k.strip())
        elif tag == "F":
            ref.id = ref.id or value  # the label EndNote keeps
        elif tag in TAG_TO_CSL:
            ref.fields.setdefault(TAG_TO_CSL[tag], value)
        else:
            problems.append(Problem(f"EndNote tag %{tag} has no CSL counterpart; dropped", name, n,
                                    rule=f"endnote-tag-{tag}", key=ref.id or None))
    if ref.fields.get("DOI"):
        ref.fields["DOI"] = re.sub(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", ref.fields["DOI"])
    if keywords:
        ref.fields["keyword"] = ", ".join(keywords)
    return ref


def dumps(refs: list[Reference]) -> tuple[str, list[Problem]]:
    """EndNote tagged records, a blank line between them."""
    out: list[str] = []
    problems: list[Problem] = []
    for ref in refs:
        lines = [f"%0 {CSL_TO_TYPE.get(ref.type, 'Generic')}"]
        for role, tag in (("author", "A"), ("editor", "E"), ("translator", "H")):
            lines += [f"%{tag} {_name_text(n)}" for n in ref.names.get(role, [])]
        issued = ref.dates.get("issued")
        if issued is not None and (issued.start or issued.literal):
            lines.append(f"%D {issued.start[0] if issued.start else issued.literal}")
        for var, tag in CSL_TO_TAG.items():
            if ref.fields.get(var):
                lines.append(f"%{tag} {ref.fields[var]}")
        if ref.fields.get("page"):
            lines.append(f"%P {ref.fields['page']}")
        for var in ("ISBN", "ISSN"):
            if ref.fields.get(var):
                lines.append(f"%@ {ref.fields[var]}")
        if ref.id:
            lines.append(f"%F {ref.id}")
        out.append("\n".join(lines))
    return "\n\n".join(out) + ("\n" if out else ""), problems
