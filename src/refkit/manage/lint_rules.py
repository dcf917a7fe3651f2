"""The lint rules: each looks at one raw entry (or the set of them) and yields findings.

Field values are judged on their raw text as written; fixes are edits of exactly that text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from refkit.manage.lint import Edit, Finding
from refkit.manage.lint_checks import check_field
from refkit.manage.lint_scan import Block, RawField, RawFile
from refkit.manage.lint_tables import (
    ACCESS_FIELDS,
    BIBLATEX_MARKER_FIELDS,
    BIBLATEX_ONLY_TYPES,
    BIBLATEX_REQUIRED,
    BIBTEX_REQUIRED,
    KNOWN_TYPES,
    ONLINE_TYPES,
    PREDEFINED_MACROS,
    RULES,
)

_BAD_KEY = re.compile(r"[\s,{}()=\"#%'\\~]")


def finding(rule: str, message: str, file: str, line: int | None, key: str | None,
            fix: str | None = None, edits: list[Edit] | None = None) -> Finding:
    return Finding(message, file, line, rule, RULES[rule][0], key or None, fix, edits or [])


@dataclass
class Context:
    """What the rules need to know about all the files read together."""

    macros: set[str]
    keys: dict[str, list[tuple[str, int, str]]]  # lowercased key -> [(file, line, key as written)]
    entries: dict[str, Block]  # lowercased key -> first entry with it (BibTeX matches crossrefs ignoring case)
    dialect: dict[str, str]  # file -> bibtex | biblatex
    max_year: int
    dois: dict[str, list[tuple[str, Block]]] = field(default_factory=dict)
    titles: dict[tuple[str, str], list[tuple[str, Block]]] = field(default_factory=dict)
    parents: set[str] = field(default_factory=set)  # lowercased keys that some crossref/xdata points to
    access_dates: set[str] = field(default_factory=set)  # files where some entry gives an access date
    dated_urls: set[str] = field(default_factory=set)  # files where most entries with a URL give an access date

    @classmethod
    def build(cls, files: list[tuple[str, RawFile]], dialect: str, max_year: int) -> Context:
        ctx = cls(set(PREDEFINED_MACROS), {}, {}, {}, max_year)
        for name, raw in files:
            ctx.macros.update(raw.strings)
            marked = dated = urls = 0
            for b in raw.entries:
                ctx.keys.setdefault(b.key.lower(), []).append((name, b.line, b.key))
                ctx.entries.setdefault(b.key.lower(), b)
                if b.type in BIBLATEX_ONLY_TYPES or any(f.lname in BIBLATEX_MARKER_FIELDS for f in b.fields):
                    marked += 1
                if any(f.lname in ACCESS_FIELDS for f in b.fields):
                    ctx.access_dates.add(name)
                    dated += 1 if b.get("url") else 0
                urls += 1 if b.get("url") else 0
                for ref in ("crossref", "xdata"):
                    f = b.get(ref)
                    if f:
                        ctx.parents.update(k.lower() for k in re.split(r"\s*,\s*", f.text.strip()) if k)
                doi = b.get("doi")
                if doi and doi.text.strip():
                    norm = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi.text.strip().lower())
                    ctx.dois.setdefault(norm, []).append((name, b))
                title, year = b.get("title"), b.get("year") or b.get("date")
                if title and year:
                    t = norm_title(title.text)
                    if len(t) > 12:
                        ctx.titles.setdefault((t, year.text.strip()[:4]), []).append((name, b))
            if urls >= 4 and dated >= 0.5 * urls:
                ctx.dated_urls.add(name)
            ctx.dialect[name] = dialect if dialect != "auto" else ("biblatex" if marked and marked >= 0.1 * len(raw.entries) else "bibtex")
        return ctx


def norm_title(s: str) -> str:
    s = re.sub(r"\\[a-zA-Z]+|[{}\\]", "", s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", s.lower()).strip()


_HEAD_KEY = re.compile(r"@[ \t]*[A-Za-z][\w-]*\s*[{(]\s*([^\s,{}()=]+)\s*,")
_FIELD_LINE = re.compile(r"^\s*[A-Za-z][\w:.+-]*\s*=")


def _broken(name: str, raw: RawFile, b: Block) -> Finding:
    """A block the scanner could not read: unbalanced braces when its braces do not pair up (reported at
    the first field line whose braces do not close on it), else a syntax error where reading stopped."""
    text = raw.text[b.start:b.end]
    km = _HEAD_KEY.match(text)
    key = km.group(1) if km else None
    body = re.sub(r"(?m)^[ \t]*%.*$", "", text)
    if body.count("{") != body.count("}") or "unbalanced" in b.problem:
        lines = text.split("\n")
        line = b.problem_line or b.line
        for i, ln in enumerate(lines[1:], 1):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if (_FIELD_LINE.match(ln) and ln.count("{") != ln.count("}")
                    and (_FIELD_LINE.match(nxt) or nxt.strip() in ("}", ")", ""))):
                line = b.line + i
                break
        what = b.problem if "unbalanced" in b.problem else f"entry {key or '?'}: braces do not balance ({b.problem})"
        return finding("unbalanced-braces", what, name, line, key)
    return finding("syntax", b.problem, name, b.problem_line or b.line, key)


def check_file(name: str, raw: RawFile, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    prev: Block | None = None
    for b in raw.blocks:
        if b.kind == "broken":
            out.append(_broken(name, raw, b))
        elif b.kind == "entry":
            out.extend(check_entry(name, raw, b, ctx))
        elif b.kind == "string":
            for f in b.fields:
                out.extend(_macros_used(name, b, f, ctx))
        elif b.kind == "junk" and prev is not None and prev.kind == "entry":
            m = _STRAY.search(raw.text, b.start, b.end)
            if m and not raw.text[b.start:m.start()].strip(" \t\r\n,"):
                out.append(finding("unbalanced-braces", f"{prev.key or '@' + prev.type}: a field after the entry's "
                                   "closing brace (misplaced, or a '}' too many)", name, raw.line_of(m.start()), prev.key))
        prev = b
    return out


_STRAY = re.compile(r"[A-Za-z][\w-]*\s*=\s*[{\"\w]")


def check_entry(name: str, raw: RawFile, b: Block, ctx: Context) -> Iterator[Finding]:
    key = b.key
    label = key or f"@{b.type_raw} entry"
    if not key:
        yield finding("missing-key", f"@{b.type_raw} entry has no citation key", name, b.line, None)
    elif _BAD_KEY.search(key):
        yield finding("bad-key", f"{key}: the key has characters a citation key cannot take", name, b.line, key)
    same = ctx.keys.get(key.lower(), []) if key else []
    if len(same) > 1 and (name, b.line, key) != same[0]:
        first = same[0]
        where = f"line {first[1]}" if first[0] == name else f"{first[0]}:{first[1]}"
        case = "" if first[2] == key else f" (as {first[2]}; BibTeX ignores case)"
        yield finding("duplicate-key", f"{key}: key already used at {where}{case}", name, b.line, key)
    if b.type not in KNOWN_TYPES:
        yield finding("unknown-type", f"{label}: unknown entry type @{b.type_raw}", name, b.line, key)
    seen: dict[str, RawField] = {}
    for f in b.fields:
        if f.lname in seen:
            first_f = seen[f.lname]
            if first_f.text.strip() == f.text.strip():
                yield finding("duplicate-field", f"{label}: field {f.lname} given twice (same value)", name, f.line,
                              key, "remove the second copy", [remove_field(raw, f)])
            else:
                yield finding("duplicate-field", f"{label}: field {f.lname} given twice with different values "
                              f"(line {first_f.line} wins)", name, f.line, key)
            continue
        seen[f.lname] = f
        yield from _macros_used(name, b, f, ctx)
        yield from check_field(name, raw, b, f, ctx.dialect.get(name, "bibtex"), ctx.max_year)
    yield from _required(name, b, ctx)
    yield from _references(name, b, ctx)
    yield from _duplicates(name, b, ctx)
    online = b.type in ONLINE_TYPES or (b.type == "misc" and name in ctx.access_dates) or name in ctx.dated_urls
    if _lacks_access_date(b, seen, online, name in ctx.dated_urls):
        yield finding("missing-urldate", f"{label}: online entry without an access date (urldate)", name, b.line,
                      key)


def _lacks_access_date(b: Block, seen: dict[str, RawField], online: bool, convention: bool) -> bool:
    """An online entry with a URL and no access date, in a field or in a note ("Accessed 2024-05-01").
    Online means an @online-like type; a @misc that is only a web address, in a file where other entries
    give access dates; any entry with a URL in a file where most entries with one give its access date
    (``convention``)."""
    if not online or any(a in seen for a in ACCESS_FIELDS):
        return False
    how = seen.get("howpublished")
    has_url = "url" in seen or (how is not None and "\\url" in how.text)
    if not has_url:
        return False
    if not convention and b.type == "misc" and any(
            f in seen for f in ("publisher", "journal", "booktitle", "institution", "doi")):
        return False
    notes = " ".join(seen[f].text for f in ("note", "howpublished", "addendum") if f in seen)
    return not re.search(r"(?i)\b(?:accessed|retrieved|visited|last checked|abgerufen|consult)", notes)


def remove_field(raw: RawFile, f: RawField) -> Edit:
    """The edit that deletes a field: its whole line(s) when it has them to itself."""
    text = raw.text
    ls = text.rfind("\n", 0, f.start) + 1
    le = text.find("\n", f.end)
    le = len(text) if le < 0 else le
    if not text[ls:f.start].strip() and not text[f.end:le].strip():
        return Edit(ls, min(le + 1, len(text)), "")
    return Edit(f.start, f.end, "")


def _macros_used(name: str, b: Block, f: RawField, ctx: Context) -> Iterator[Finding]:
    for p in f.pieces:
        if p.kind == "macro" and p.text.lower() not in ctx.macros:
            month = _MONTHS.get(p.text.lower().rstrip("."))
            fix, edits = None, []
            if f.lname == "month" and month and len(f.pieces) == 1:
                fix, edits = f"write month = {month}", [Edit(f.value_start, f.value_end, month)]
            yield finding("undefined-macro", f"{b.key or '@' + b.type}: field {f.lname} uses {p.text}, which no "
                          "@string defines", name, f.line, b.key, fix, edits)


_MONTHS = {name: name[:3] for name in "january february march april may june july august september october "
           "november december".split()} | {"sept": "sep"}


def _inherited(b: Block, ctx: Context) -> set[str] | None:
    """The fields ``b`` has, its own or through crossref/xdata; None when a parent is missing."""
    have = {f.lname for f in b.fields if f.text.strip() or f.is_macro}
    for ref in ("crossref", "xdata"):
        f = b.get(ref)
        if not f:
            continue
        for k in re.split(r"\s*,\s*", f.text.strip()):
            parent = ctx.entries.get(k.lower())
            if parent is None:
                return None
            if parent is b:
                continue
            pf = {g.lname for g in parent.fields}
            have |= pf
            if "title" in pf:
                have |= {"booktitle", "maintitle"}
            if parent.get("crossref") or parent.get("xdata"):
                have |= _inherited(parent, ctx) or set()
    return have


def _required(name: str, b: Block, ctx: Context) -> Iterator[Finding]:
    table = BIBLATEX_REQUIRED if ctx.dialect.get(name) == "biblatex" else BIBTEX_REQUIRED
    reqs = table[b.type] if b.type in table else BIBLATEX_REQUIRED.get(b.type, [])
    if not reqs or b.key.lower() in ctx.parents:  # a crossref parent is a container, not what is cited
        return
    have = _inherited(b, ctx)
    if have is None:  # the missing parent is reported as dangling-crossref
        return
    missing = [" or ".join(r) for r in reqs if not any(a in have for a in r)]
    if missing:
        dialect = ctx.dialect.get(name, "bibtex")
        yield finding("required-field", f"{b.key or '@' + b.type}: @{b.type} needs {', '.join(missing)} "
                      f"({dialect})", name, b.line, b.key)


def _references(name: str, b: Block, ctx: Context) -> Iterator[Finding]:
    for ref in ("crossref", "xdata"):
        f = b.get(ref)
        if not f:
            continue
        for k in [k for k in re.split(r"\s*,\s*", f.text.strip()) if k]:
            if k.lower() in ctx.entries:
                continue
            yield finding("dangling-crossref", f"{b.key}: {ref} points to {k}, which no entry defines",
                          name, f.line, b.key)


def _duplicates(name: str, b: Block, ctx: Context) -> Iterator[Finding]:
    doi = b.get("doi")
    if doi and doi.text.strip():
        norm = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi.text.strip().lower())
        group = ctx.dois.get(norm, [])
        if len(group) > 1 and group[0][1] is not b and group[0][1].key != b.key:
            yield finding("likely-duplicate", f"{b.key}: same DOI as {group[0][1].key} "
                          f"({_where(group[0], name)})", name, b.line, b.key)
            return
    title, year = b.get("title"), b.get("year") or b.get("date")
    if title and year:
        group = ctx.titles.get((norm_title(title.text), year.text.strip()[:4]), [])
        if len(group) > 1 and group[0][1] is not b and group[0][1].key != b.key and group[0][1].type == b.type:
            other = group[0][1]
            if b.get("crossref") or other.get("crossref") or _differ(b, other):
                return
            yield finding("likely-duplicate", f"{b.key}: same title and year as {other.key} "
                          f"({_where(group[0], name)})", name, b.line, b.key)


def _differ(a: Block, b: Block) -> bool:
    """Two same-titled works that say outright they are different parts, versions or authors' works."""
    for x, y in ((a, b), (b, a)):
        rel = x.get("related")
        if rel and y.key in re.split(r"\s*,\s*", rel.text):
            return True
    fa, fb = a.get("author") or a.get("editor"), b.get("author") or b.get("editor")
    if fa and fb:
        sa = set(re.findall(r"[a-z]{3,}", norm_title(fa.text)))
        sb = set(re.findall(r"[a-z]{3,}", norm_title(fb.text)))
        if sa and sb and not sa & sb:
            return True
    for f in ("volume", "number", "part", "edition", "pages", "chapter", "booktitle", "journal", "journaltitle"):
        va, vb = a.get(f), b.get(f)
        if va and vb and norm_title(va.text) != norm_title(vb.text):
            return True
    return False


def _where(item: tuple[str, Block], here: str) -> str:
    return f"line {item[1].line}" if item[0] == here else f"{item[0]}:{item[1].line}"
