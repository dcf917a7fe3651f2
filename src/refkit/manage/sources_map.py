"""From a service's answer to the model: CSL-JSON (doi.org, Crossref, DataCite), Crossref's own works
JSON (search results), arXiv Atom, Open Library, NCBI esummary and a web page's citation meta tags.

Preprints (CSL ``article``, Crossref ``posted-content``, arXiv) become journal-style entries whose
container is "<server> preprint" and carry the arXiv id, the form that formats right in every style and
survives the trip through BibTeX.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

from refkit.bib.bibtex import parse_names
from refkit.errors import InputError, NetworkError
from refkit.manage.sources import CSL_JSON, Client, Identifier, NotFound
from refkit.model import Date, Name, Reference

# Crossref work types (and a few CSL near-misses) -> CSL types
TYPES = {
    "journal-article": "article-journal", "book-chapter": "chapter", "book-section": "chapter",
    "book-part": "chapter", "proceedings-article": "paper-conference", "monograph": "book",
    "edited-book": "book", "reference-book": "book", "book-set": "book", "book-series": "book",
    "posted-content": "article", "dissertation": "thesis", "report-component": "report",
    "component": "document", "reference-entry": "entry-encyclopedia", "peer-review": "review",
    "standard": "standard", "journal-issue": "periodical", "journal": "periodical", "other": "document",
}
_DROP = {"reference", "link", "license", "funder", "assertion", "content-domain", "indexed", "deposited",
         "created", "score", "relation", "abstract", "source", "member", "prefix", "reference-count",
         "references-count", "is-referenced-by-count", "subject", "update-policy", "update-to", "resource",
         "journal-issue", "short-container-title", "original-title", "subtitle", "published-print",
         "published-online", "published", "alternative-id", "archive", "categories", "copyright", "_score"}


def _text(v: Any) -> str:
    if isinstance(v, list):
        v = v[0] if v else ""
    s = html.unescape(str(v))
    s = re.sub(r"</?(?:i|b|em|strong|sub|sup|scp|span|jats:[a-z\-]+)(?:\s[^>]*)?>", "", s)
    return re.sub(r"\s+", " ", s).strip()


def csl_to_reference(item: dict[str, Any]) -> Reference:
    """A CSL-JSON (or Crossref works JSON) item as a reference, cleaned of service noise."""
    d: dict[str, Any] = {}
    for k, v in item.items():
        if k in _DROP:
            continue
        if k in ("title", "container-title", "publisher", "ISSN", "ISBN", "short-title", "collection-title",
                 "event", "publisher-place", "page", "volume", "issue", "URL", "DOI", "version", "genre",
                 "edition", "number", "language"):
            if isinstance(v, dict):
                v = v.get("name", "")
            d["title-short" if k == "short-title" else "event-title" if k == "event" else k] = _text(v)
        else:
            d[k] = v
    subtitle = item.get("subtitle")
    if subtitle and d.get("title") and ":" not in d["title"]:
        d["title"] = f"{d['title']}: {_text(subtitle)}"
    if "issued" not in d:
        for alt in ("published-print", "published-online", "published", "created"):
            if isinstance(item.get(alt), dict):
                d["issued"] = item[alt]
                break
    d["type"] = TYPES.get(str(d.get("type", "")), str(d.get("type") or "document"))
    d["id"] = ""
    ref = Reference.from_csl(d)
    for role in ("author", "editor"):
        names = item.get(role)
        if isinstance(names, list):
            ref.names[role] = [_csl_name(n) for n in names if isinstance(n, dict)]
    if ref.fields.get("DOI"):
        ref.fields["DOI"] = ref.fields["DOI"].lower() if ref.fields["DOI"].lower().startswith("10.48550") \
            else ref.fields["DOI"]
    return normalise(ref)


def _csl_name(n: dict[str, Any]) -> Name:
    if "family" not in n and n.get("name"):
        return Name(literal=_text(n["name"]))
    return Name.from_csl({k: _text(v) for k, v in n.items() if isinstance(v, str)})


def normalise(ref: Reference) -> Reference:
    """Preprints as "<server> preprint" journal entries; empty and service-only values dropped."""
    f = ref.fields
    if ref.type == "article":
        server = f.get("publisher") or f.get("container-title") or "Preprint"
        ax = re.match(r"10\.48550/arxiv\.(.+)$", f.get("DOI", ""), re.I)
        if ax:
            server = "arXiv"
            ref.extra.setdefault("eprint", ax.group(1))
            ref.extra.setdefault("archiveprefix", "arXiv")
        ref.type = "article-journal"
        f["container-title"] = f"{server} preprint" + (f" arXiv:{ax.group(1)}" if ax else "")
        f.pop("publisher", None)
    for k in [k for k, v in f.items() if not v.strip()]:
        del f[k]
    return ref


def fetch(client: Client, ident: Identifier) -> Reference:
    """Metadata for one identifier. :class:`InputError` when no service knows it, :class:`NetworkError`
    when they cannot be asked."""
    try:
        ref = {"doi": _doi, "arxiv": _arxiv, "isbn": _isbn, "pmid": _pmid, "url": _url}[ident.kind](client, ident.value)
    except NotFound:
        ref = None
    if ref is None:
        raise InputError(f"no metadata found for {ident}", hint="check the identifier; it may not be registered")
    return ref


def _json(body: str, what: str) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        raise NetworkError(f"{what} did not answer JSON", hint="try again later") from None


def _doi(client: Client, doi: str) -> Reference | None:
    from urllib.parse import quote

    q = quote(doi, safe="/:;()<>._-")
    attempts = [("doi", f"/{q}"), ("crossref", f"/works/{q}/transform/{CSL_JSON}"), ("datacite", f"/dois/{q}")]
    found_nowhere = True
    for service, path in attempts:
        try:
            body = client.get(client.url(service, path), accept=CSL_JSON)
        except NotFound:
            continue
        found_nowhere = False
        try:
            item = json.loads(body)
        except ValueError:
            continue  # a landing page instead of CSL-JSON: ask the next service
        if isinstance(item, dict) and item.get("title"):
            ref = csl_to_reference(item)
            ref.fields.setdefault("DOI", doi)
            return ref
    if found_nowhere:
        raise NotFound(doi)
    return None


def _arxiv(client: Client, arxiv_id: str) -> Reference | None:
    body = client.get(client.url("arxiv", "/api/query"), accept="application/atom+xml",
                      params={"id_list": arxiv_id, "max_results": "1"})
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        raise NetworkError("the arXiv API did not answer Atom XML", hint="try again later") from None
    ns = {"a": "http://www.w3.org/2005/Atom", "x": "http://arxiv.org/schemas/atom"}
    entry = root.find("a:entry", ns)
    if entry is None or entry.findtext("a:title", "", ns).strip() in ("", "Error"):
        return None
    clean_id = re.sub(r"v\d+$", "", arxiv_id)
    ref = Reference(type="article-journal")
    ref.fields["title"] = re.sub(r"\s+", " ", entry.findtext("a:title", "", ns)).strip()
    ref.names["author"] = [n for a in entry.findall("a:author", ns)
                           for n in parse_names(_protect(a.findtext("a:name", "", ns)))]
    published = entry.findtext("a:published", "", ns)[:10]
    if published:
        ref.dates["issued"] = Date.parse(published)
    ref.fields["container-title"] = f"arXiv preprint arXiv:{clean_id}"
    ref.fields["DOI"] = f"10.48550/arXiv.{clean_id}"
    ref.fields["URL"] = f"https://arxiv.org/abs/{clean_id}"
    ref.extra["eprint"] = clean_id
    ref.extra["archiveprefix"] = "arXiv"
    cat = entry.find("x:primary_category", ns)
    if cat is not None and cat.get("term"):
        ref.extra["primaryclass"] = str(cat.get("term"))
    return ref


def _protect(name: str) -> str:
    """A display name ("Ana de la Cruz") as BibTeX reads it; corporate names kept whole."""
    name = re.sub(r"\s+", " ", name).strip()
    if re.search(r"\b(collaboration|consortium|group|team|project)\b", name, re.I):
        return "{" + name + "}"
    return name.replace(" and ", " {and} ")


def _isbn(client: Client, isbn: str) -> Reference | None:
    body = client.get(client.url("openlibrary", "/api/books"),
                      params={"bibkeys": f"ISBN:{isbn}", "format": "json", "jscmd": "data"})
    data = _json(body, "Open Library")
    book = data.get(f"ISBN:{isbn}") if isinstance(data, dict) else None
    if not isinstance(book, dict) or not book.get("title"):
        return None
    ref = Reference(type="book")
    title = _text(book["title"])
    if book.get("subtitle"):
        title += ": " + _text(book["subtitle"])
    ref.fields["title"] = title
    ref.names["author"] = [n for a in book.get("authors", []) if isinstance(a, dict)
                           for n in parse_names(_protect(str(a.get("name", ""))))]
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", str(book.get("publish_date", "")))
    if m:
        ref.dates["issued"] = Date(start=(int(m.group(1)),))
    pubs = [p.get("name", "") for p in book.get("publishers", []) if isinstance(p, dict)]
    places = [p.get("name", "") for p in book.get("publish_places", []) if isinstance(p, dict)]
    if pubs:
        ref.fields["publisher"] = _text(pubs[0])
    if places:
        ref.fields["publisher-place"] = _text(places[0])
    if book.get("number_of_pages"):
        ref.fields["number-of-pages"] = str(book["number_of_pages"])
    ref.fields["ISBN"] = isbn
    return normalise(ref)


def _pmid(client: Client, pmid: str) -> Reference | None:
    params = {"db": "pubmed", "id": pmid, "retmode": "json", "tool": "refkit"}
    if client.opts.mailto:
        params["email"] = client.opts.mailto
    data = _json(client.get(client.url("ncbi", "/entrez/eutils/esummary.fcgi"), params=params), "NCBI")
    doc = (data.get("result") or {}).get(pmid) if isinstance(data, dict) else None
    if not isinstance(doc, dict) or doc.get("error") or not doc.get("title"):
        return None
    ref = Reference(type="article-journal")
    ref.fields["title"] = _text(doc["title"]).rstrip(".")
    ref.names["author"] = [_medline_name(a.get("name", "")) for a in doc.get("authors", [])
                           if isinstance(a, dict) and a.get("authtype", "Author") == "Author" and a.get("name")]
    m = re.match(r"(\d{4})(?:\s+([A-Z][a-z]{2}))?(?:\s+(\d{1,2}))?", str(doc.get("pubdate", "")))
    if m:
        months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
        parts: tuple[int, ...] = (int(m.group(1)),)
        if m.group(2) in months:
            parts += (months.index(m.group(2)) + 1,) + ((int(m.group(3)),) if m.group(3) else ())
        ref.dates["issued"] = Date(start=parts)
    for src, dst in (("fulljournalname", "container-title"), ("source", "container-title-short"),
                     ("volume", "volume"), ("issue", "issue"), ("pages", "page")):
        if doc.get(src):
            ref.fields[dst] = _text(doc[src])
    for aid in doc.get("articleids", []):
        if isinstance(aid, dict) and aid.get("idtype") == "doi" and aid.get("value"):
            ref.fields["DOI"] = str(aid["value"])
    ref.fields["PMID"] = pmid
    return normalise(ref)


def _medline_name(name: str) -> Name:
    """"Smith JA" -> Smith, J. A.; "van der Berg H" -> van der Berg, H."""
    m = re.match(r"^(.*\S)\s+([A-Z]{1,4})$", name.strip())
    if not m:
        return Name(literal=name.strip())
    words = m.group(1).split()
    lead = [w for w in words[:-1] if w.islower()]
    return Name(family=" ".join(words[len(lead):]), particle=" ".join(lead),
                given=" ".join(f"{c}." for c in m.group(2)))


def _url(client: Client, url: str) -> Reference | None:
    page = client.get(url, accept="text/html,application/xhtml+xml")
    metas: dict[str, list[str]] = {}
    for m in re.finditer(r"<meta\s[^>]*>", page, re.I):
        tag = m.group(0)
        name = re.search(r"(?:name|property)\s*=\s*[\"']([^\"']+)", tag, re.I)
        content = re.search(r"content\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", tag, re.I)
        if name and content:
            metas.setdefault(name.group(1).lower(), []).append(html.unescape(content.group(1) or content.group(2) or ""))
    doi = (metas.get("citation_doi") or metas.get("dc.identifier") or [""])[0]
    dm = re.search(r"10\.\d{4,9}/\S+", doi)
    if dm:
        try:
            found = _doi(client, dm.group(0))
            if found:
                return found
        except NotFound:
            pass
    title = (metas.get("citation_title") or metas.get("og:title") or metas.get("dc.title") or [""])[0]
    if not title:
        t = re.search(r"<title[^>]*>(.*?)</title>", page, re.I | re.S)
        title = html.unescape(t.group(1)) if t else ""
    if not title.strip():
        return None
    journal = (metas.get("citation_journal_title") or [""])[0]
    ref = Reference(type="article-journal" if journal else "webpage")
    ref.fields["title"] = re.sub(r"\s+", " ", title).strip()
    if journal:
        ref.fields["container-title"] = journal
    elif metas.get("og:site_name"):
        ref.fields["container-title"] = metas["og:site_name"][0]
    ref.names["author"] = [n for a in metas.get("citation_author", []) for n in parse_names(_protect(a))]
    when = (metas.get("citation_publication_date") or metas.get("citation_date")
            or metas.get("article:published_time") or [""])[0]
    y = re.match(r"(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?", when)
    if y:
        ref.dates["issued"] = Date(start=tuple(int(g) for g in y.groups() if g))
    ref.fields["URL"] = url
    today = date.today()
    ref.dates["accessed"] = Date(start=(today.year, today.month, today.day))
    return normalise(ref)
