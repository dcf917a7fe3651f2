"""RIS in and out (the tagged format of EndNote, Zotero, Mendeley, Web of Science and most databases).

Hand-written: the syntax is one ``XX  - value`` line per field and ``ER  -`` after each record, so a parser
is a few lines; the work is the mapping of RIS types and tags to CSL and back, which is here in two tables.
Tags follow the RIS specification as Zotero reads and writes it (AU/A2/A3/A4 roles, PY/DA dates, Y2 the
access date, SP/EP pages, SN for ISBN and ISSN alike). Tags RIS readers do not share, and model data RIS
cannot hold, are reported as problems, not dropped in silence.
"""

from __future__ import annotations

import re

from refkit.errors import InputError, Problem
from refkit.model import Date, Name, Reference

# RIS type -> CSL type (reading); aliases and rare types included.
RIS_TO_CSL = {
    "JOUR": "article-journal", "JFULL": "periodical", "ABST": "article-journal", "INPR": "article-journal",
    "EJOUR": "article-journal", "MGZN": "article-magazine", "NEWS": "article-newspaper", "BOOK": "book",
    "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "RPRT": "report", "GOVDOC": "report", "THES": "thesis", "ELEC": "webpage",
    "WEB": "webpage", "BLOG": "post-weblog", "UNPB": "manuscript", "MANSCPT": "manuscript",
    "PAMP": "pamphlet", "COMP": "software", "DATA": "dataset", "DBASE": "dataset", "PAT": "patent",
    "ENCYC": "entry-encyclopedia", "DICT": "entry-dictionary", "STAND": "standard", "GEN": "document",
    "SER": "book", "MAP": "map", "ICOMM": "personal_communication", "PCOMM": "personal_communication",
    "CASE": "legal_case", "STAT": "legislation", "LEGAL": "legislation", "BILL": "bill", "HEAR": "hearing",
    "MPCT": "motion_picture", "VIDEO": "motion_picture", "SOUND": "song", "MUSIC": "musical_score",
    "ART": "graphic", "FIGURE": "figure", "CHART": "figure", "SLIDE": "speech", "CTLG": "document",
    "ADVS": "document", "AGGR": "dataset", "ANCIENT": "manuscript", "CLSWK": "classic", "MULTI": "document",
}
# CSL type -> RIS type (writing)
CSL_TO_RIS = {
    "article-journal": "JOUR", "article": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "periodical": "JFULL", "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER", "report": "RPRT",
    "thesis": "THES", "webpage": "ELEC", "post": "ELEC", "post-weblog": "BLOG", "manuscript": "UNPB",
    "pamphlet": "PAMP", "software": "COMP", "dataset": "DATA", "patent": "PAT",
    "entry-encyclopedia": "ENCYC", "entry-dictionary": "DICT", "entry": "ENCYC", "standard": "STAND",
    "map": "MAP", "personal_communication": "PCOMM", "legal_case": "CASE", "legislation": "STAT",
    "bill": "BILL", "hearing": "HEAR", "motion_picture": "MPCT", "broadcast": "MPCT", "song": "SOUND",
    "musical_score": "MUSIC", "graphic": "ART", "figure": "FIGURE", "speech": "SLIDE", "classic": "CLSWK",
    "document": "GEN", "interview": "PCOMM", "review": "JOUR", "review-book": "JOUR", "treaty": "LEGAL",
    "regulation": "LEGAL", "collection": "BOOK", "event": "GEN", "performance": "GEN",
}
# RIS tag -> CSL variable, for plain text fields. Several tags may give the same variable (the first wins).
TAG_TO_CSL = {
    "TI": "title", "T1": "title", "CT": "title", "BT": "container-title", "T2": "container-title",
    "JF": "container-title", "J2": "container-title-short", "JA": "container-title-short",
    "J1": "container-title-short", "T3": "collection-title", "VL": "volume", "IS": "issue", "PB": "publisher",
    "CY": "publisher-place", "PP": "publisher-place", "DO": "DOI", "UR": "URL", "AB": "abstract",
    "N2": "abstract", "N1": "note", "LA": "language", "ET": "edition", "M3": "genre", "NV": "number-of-volumes",
    "ST": "title-short", "SE": "section", "M1": "number", "CN": "call-number", "AN": "archive_location",
    "DP": "source", "DB": "archive", "OP": "original-title", "RN": "annote", "C3": "event-title",
    "AD": "authority", "SV": "collection-number", "SN": "ISBN",
}
NAME_TAGS = {"AU": "author", "A1": "author", "A2": "editor", "ED": "editor", "A3": "collection-editor",
             "A4": "translator"}
# CSL variable -> the tag written (the reverse of TAG_TO_CSL, one tag each)
CSL_TO_TAG = {
    "title": "TI", "container-title": "T2", "container-title-short": "J2", "collection-title": "T3",
    "volume": "VL", "issue": "IS", "publisher": "PB", "publisher-place": "CY", "DOI": "DO", "URL": "UR",
    "abstract": "AB", "note": "N1", "language": "LA", "edition": "ET", "genre": "M3",
    "number-of-volumes": "NV", "title-short": "ST", "section": "SE", "number": "M1", "call-number": "CN",
    "archive_location": "AN", "source": "DP", "archive": "DB", "original-title": "OP", "annote": "RN",
    "event-title": "C3", "authority": "AD", "collection-number": "SV",
}
CSL_NAME_TAG = {"author": "AU", "editor": "A2", "collection-editor": "A3", "translator": "A4"}
_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
HINT = "give RIS records (TY  - JOUR ... ER  -), or a .bib file"


def sniff(text: str) -> bool:
    return bool(re.search(r"^\s*TY  - ", text[:4096], re.M))


def _isbn_or_issn(value: str, csl_type: str) -> str:
    """SN holds an ISBN or an ISSN: tell them by shape (10 or 13 digits, or 4+4), else by the item type."""
    digits = [re.sub(r"[-\s]", "", m) for m in re.findall(r"[\dXx][\dXx\s-]{6,}[\dXx]", value)]
    if any(len(d) in (10, 13) for d in digits):
        return "ISBN"
    if any(len(d) == 8 for d in digits):
        return "ISSN"
    return "ISSN" if csl_type.startswith("article") or csl_type == "periodical" else "ISBN"


_CORPORATE = re.compile(r"^(inc|ltd|llc|plc|corp|gmbh)\.?$", re.I)


def _parse_name(value: str) -> Name:
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 1 or (len(parts) == 2 and _CORPORATE.match(parts[1])):  # "Acme, Inc." is a corporate name
        return Name(literal=value.strip())
    family = parts[0]
    m = re.match(r"^((?:[a-z]+['’]?\s+)+)(.+)$", family)  # "van der Berg": lower-case particle words
    particle, family = (m.group(1).strip(), m.group(2)) if m else ("", family)
    return Name(family=family, given=parts[1], particle=particle, suffix=", ".join(parts[2:]))


def _name_text(n: Name) -> str:
    if n.literal:
        return n.literal
    out = f"{n.full_family()}, {n.given}".rstrip()  # the comma marks a personal name even without a given one
    return out + (f", {n.suffix}" if n.suffix else "")


def _parse_date(value: str) -> Date:
    """RIS dates: ``2020``, ``2020/05/03/``, ``2020/05//Spring``, ``2020-05-03``, ``///in press``."""
    v = value.strip()
    if "/" not in v:
        return Date.parse(v)
    parts = (v.split("/", 3) + ["", "", "", ""])[:4]
    nums = []
    for p in parts[:3]:
        if not p.strip().isdigit():
            break
        nums.append(int(p))
    if nums and all(nums) and (len(nums) < 2 or nums[1] <= 12) and (len(nums) < 3 or nums[2] <= 31):
        return Date(start=tuple(nums))
    return Date(literal=parts[3].strip() or v)


def _date_text(d: Date) -> str:
    if not d.start:
        return f"///{d.literal}" if d.literal else ""
    s = "/".join([f"{d.start[0]:04d}"] + [f"{x:02d}" for x in d.start[1:]])
    return s + "/" * (3 - len(d.start) + 1) if len(d.start) < 3 else s + "/"


def loads(text: str, name: str = "<string>") -> tuple[list[Reference], list[Problem]]:
    """Read RIS records; unknown tags and text outside records are problems with their line."""
    refs: list[Reference] = []
    problems: list[Problem] = []
    rec: list[list] = []  # [tag, value, line] of the record being read
    for n, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = raw.rstrip()
        m = _LINE.match(line)
        if not m:
            if line.strip() and rec:
                rec[-1][1] += " " + line.strip()  # a value wrapped over several lines
            elif line.strip():
                problems.append(Problem(f"text outside a RIS record: {line.strip()[:40]!r}", name, n,
                                        rule="syntax", severity="error"))
            continue
        tag, value = m.group(1), (m.group(2) or "").strip()
        if tag == "TY":
            if rec:
                problems.append(Problem("a record is not closed (ER  - is missing)", name, rec[0][2],
                                        rule="syntax"))
                refs.append(_record(rec, name, problems))
            rec = [[tag, value, n]]
        elif tag == "ER":
            if rec:
                refs.append(_record(rec, name, problems))
            rec = []
        elif not rec:
            problems.append(Problem(f"tag {tag} outside a record (no TY  - before it)", name, n,
                                    rule="syntax", severity="error"))
        else:
            rec.append([tag, value, n])
    if rec:
        problems.append(Problem("the last record is not closed (ER  - is missing)", name, rec[0][2], rule="syntax"))
        refs.append(_record(rec, name, problems))
    if not refs:
        raise InputError(f"{name} holds no RIS records", hint=HINT)
    return refs, problems


def _record(rec: list[list], name: str, problems: list[Problem]) -> Reference:
    ty, line = rec[0][1].upper(), rec[0][2]
    ref = Reference(type=RIS_TO_CSL.get(ty, "document"), line=line, source=name)
    if ty not in RIS_TO_CSL:
        problems.append(Problem(f"unknown RIS type {ty!r}; read as a document", name, line, rule="ris-type"))
    start = end = jo = ""
    keywords: list[str] = []
    for tag, value, n in rec[1:]:
        if not value:
            continue
        if tag == "ID":
            ref.id = ref.id or value
        elif tag in NAME_TAGS:
            ref.names.setdefault(NAME_TAGS[tag], []).append(_parse_name(value))
        elif tag in ("PY", "Y1", "DA"):
            d = _parse_date(value)
            old = ref.dates.get("issued")
            if old is None or len(d.start) > len(old.start):
                ref.dates["issued"] = d
        elif tag == "Y2":
            ref.dates["accessed"] = _parse_date(value)
        elif tag == "SP":
            start = value
        elif tag == "EP":
            end = value
        elif tag == "JO":  # the journal: abbreviated where T2/JF give it in full, else the only name
            jo = jo or value
        elif tag == "KW":
            keywords.append(value)
        elif tag == "SN":
            ref.fields.setdefault(_isbn_or_issn(value, ref.type), value)
        elif tag in ("L1", "L2", "L4"):
            ref.fields.setdefault("URL", value)
        elif tag in TAG_TO_CSL:
            var = TAG_TO_CSL[tag]
            if var in ref.fields:  # an alternative tag for the same thing (JO beside T2)
                if var == "URL":
                    ref.extra.setdefault("url2", value)
                continue
            ref.fields[var] = value
        else:
            problems.append(Problem(f"RIS tag {tag} has no CSL counterpart; dropped", name, n,
                                    rule=f"ris-tag-{tag}", key=ref.id or None))
    if start or end:
        ref.fields["page"] = f"{start}-{end}" if start and end and end != start else (start or end)
    if keywords:
        ref.fields["keyword"] = ", ".join(keywords)
    if jo:
        ref.fields.setdefault("container-title" if "container-title" not in ref.fields else "container-title-short", jo)
    return ref


def dumps(refs: list[Reference]) -> tuple[str, list[Problem]]:
    """Write RIS; what RIS cannot hold (BibTeX-only fields, unknown variables, date ranges) is listed."""
    out: list[str] = []
    problems: list[Problem] = []

    def lost(ref: Reference, what: str, rule: str) -> None:
        problems.append(Problem(f"{ref.id}: RIS has no place for {what}; dropped", ref.source, ref.line,
                                rule=f"lost-{rule}", key=ref.id))

    for ref in refs:
        lines = [("TY", CSL_TO_RIS.get(ref.type, "GEN"))]
        if ref.type not in CSL_TO_RIS:
            lost(ref, f"the CSL type {ref.type!r} (written as GEN)", "type")
        if ref.id:
            lines.append(("ID", ref.id))
        for role, names in ref.names.items():
            tag = CSL_NAME_TAG.get(role)
            if not tag:
                lost(ref, f"the {role} names", role)
                continue
            for nm in names:
                if nm.others:
                    lost(ref, "'and others' at the end of a name list", "others")
                else:
                    lines.append((tag, _name_text(nm)))
        for var, d in ref.dates.items():
            tag = {"issued": "DA", "accessed": "Y2"}.get(var)
            if not tag:
                lost(ref, f"the date {var!r}", var)
                continue
            if d.end:
                lost(ref, f"the end of the {var} date range {d.iso()!r} (the start is written)", "date-range")
            if var == "issued" and d.start:
                lines.append(("PY", f"{d.start[0]:04d}"))
            if tag == "Y2" or len(d.start) != 1:
                lines.append((tag, _date_text(d)))
        for var, value in ref.fields.items():
            if not value:
                continue
            if var == "page":
                m = re.match(r"^\s*([^-–—]+?)\s*[-–—]+\s*(.+?)\s*$", value)
                lines += [("SP", m.group(1)), ("EP", m.group(2))] if m else [("SP", value)]
            elif var == "keyword":
                lines += [("KW", k.strip()) for k in re.split(r"[,;]", value) if k.strip()]
            elif var in ("ISBN", "ISSN"):
                lines.append(("SN", value))
            elif var in CSL_TO_TAG:
                lines.append((CSL_TO_TAG[var], re.sub(r"[ \t\r\n]+", " ", value).strip()))
            else:
                lost(ref, f"the CSL variable {var!r}", var)
        for k in ref.extra:
            lost(ref, f"the BibTeX field {k!r}", k)
        lines.append(("ER", ""))
        out.append("".join(f"{t}  - {v}".rstrip() + "\n" for t, v in lines))
    return "\n".join(out), problems
