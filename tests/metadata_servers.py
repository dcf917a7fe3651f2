"""A loopback server that answers like doi.org, Crossref, DataCite, arXiv, Open Library and NCBI, from
responses written by hand in the services' formats (every work here is invented). It binds 127.0.0.1 on a
free port; the tests point refkit's service base URLs at ``server.base(name)``.

Every request is logged (path, query, Accept, User-Agent) so tests can check politeness and caching.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

CSL = "application/vnd.citationstyles.csl+json"

WORKS = {
    "10.5555/jgeo.2019.0042": {
        "type": "article-journal", "title": "Basalt weathering rates in <i>humid</i> uplands",
        "author": [{"family": "Okoro", "given": "Adaeze"}, {"family": "Lindahl", "given": "Sven"}],
        "container-title": "Journal of Upland Geochemistry", "volume": "31", "issue": "4", "page": "211-229",
        "issued": {"date-parts": [[2019, 6]]}, "DOI": "10.5555/jgeo.2019.0042", "publisher": "Upland Society",
        "ISSN": ["1234-5678"], "reference": [{"key": "r1"}], "score": 1,
    },
    "10.5555/book.7781": {
        "type": "book", "title": "Tides and Tenure", "subtitle": ["Coastal Land Law since 1800"],
        "author": [{"family": "Marchetti", "given": "Giulia"}], "publisher": "Harbour University Press",
        "publisher-place": "Leith", "issued": {"date-parts": [[2016]]}, "ISBN": "9780306406157",
        "DOI": "10.5555/book.7781",
    },
    "10.5555/chap.55": {
        "type": "chapter", "title": "Salt marsh grazing rights", "author": [{"family": "Byrne", "given": "Ciara"}],
        "editor": [{"family": "Marchetti", "given": "Giulia"}], "container-title": "Essays on Coastal Commons",
        "publisher": "Harbour University Press", "publisher-place": "Leith", "page": "45-67",
        "issued": {"date-parts": [[2018]]}, "DOI": "10.5555/chap.55",
    },
    "10.5555/data.abc": {
        "type": "dataset", "title": "Hourly river temperatures, Upper Vale catchment, 2010-2020",
        "author": [{"family": "Achterberg", "given": "Femke"}, {"literal": "Vale Rivers Trust"}],
        "publisher": "Open Hydro Data", "issued": {"date-parts": [[2021, 3, 2]]}, "version": "2.1",
        "DOI": "10.5555/data.abc",
    },
    "10.5555/osf.xyz12": {
        "type": "article", "title": "Attention lapses predict typing errors",
        "author": [{"family": "Sandoval", "given": "Rosa"}], "publisher": "PsyArXiv",
        "issued": {"date-parts": [[2022, 11, 1]]}, "DOI": "10.5555/osf.xyz12",
    },
}
# only Crossref's transform knows this one (doi.org answers a landing page)
CROSSREF_ONLY = {
    "10.5555/late.1": {"type": "article-journal", "title": "A late registration", "container-title": "Late Letters",
                       "author": [{"family": "Quinn", "given": "Ada"}], "issued": {"date-parts": [[2020]]},
                       "DOI": "10.5555/late.1"},
}
SEARCH_ITEMS = [  # Crossref /works search results, Crossref's own JSON
    {"DOI": "10.5555/other.1", "type": "journal-article", "title": ["Basalt weathering in arid lowlands"],
     "author": [{"family": "Zhou", "given": "Lei"}], "container-title": ["Dryland Letters"],
     "issued": {"date-parts": [[2019]]}, "score": 40.0},
    {"DOI": "10.5555/jgeo.2019.0042", "type": "journal-article",
     "title": ["Basalt weathering rates in humid uplands"],
     "author": [{"family": "Okoro", "given": "Adaeze"}, {"family": "Lindahl", "given": "Sven"}],
     "container-title": ["Journal of Upland Geochemistry"], "volume": "31", "issue": "4", "page": "211-229",
     "issued": {"date-parts": [[2019, 6]]}, "score": 38.0},
]
ARXIV = {
    "2104.05512": """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: id_list=2104.05512</title>
  <entry>
    <id>http://arxiv.org/abs/2104.05512v2</id>
    <published>2021-04-12T17:59:59Z</published>
    <title>Sparse attention for long
      genomic sequences</title>
    <summary>We study attention.</summary>
    <author><name>Hiroshi Tanaka</name></author>
    <author><name>Folake Adeyemi</name></author>
    <author><name>Ana de la Cruz</name></author>
    <arxiv:primary_category term="q-bio.GN" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>
""",
}
ARXIV_EMPTY = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title></feed>
"""
OPENLIBRARY = {
    "9780306406157": {"title": "Tides and Tenure", "subtitle": "Coastal Land Law since 1800",
                      "authors": [{"name": "Giulia Marchetti"}], "publishers": [{"name": "Harbour University Press"}],
                      "publish_places": [{"name": "Leith"}], "publish_date": "March 2016", "number_of_pages": 312},
}
NCBI = {
    "31415926": {"uid": "31415926", "pubdate": "2020 Feb 14", "source": "J Sleep Stud",
                 "fulljournalname": "Journal of sleep studies", "title": "Napping and recall in shift workers.",
                 "authors": [{"name": "Hale JR", "authtype": "Author"}, {"name": "van Dijk M", "authtype": "Author"}],
                 "volume": "12", "issue": "2", "pages": "88-97",
                 "articleids": [{"idtype": "pubmed", "value": "31415926"}, {"idtype": "doi", "value": "10.5555/jss.88"}]},
}
PAGE = """<!doctype html><html><head><title>Ignored</title>
<meta name="citation_title" content="Field notes on dune migration">
<meta name="citation_author" content="Nadia Haddad">
<meta name="citation_publication_date" content="2017/05/03">
<meta property="og:site_name" content="Desert Blog">
</head><body>text</body></html>"""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: str | bytes, ctype: str = "application/json",
              headers: dict[str, str] | None = None) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        owner = self.server.owner
        parts = urlsplit(self.path)
        path, q = unquote(parts.path), {k: v[0] for k, v in parse_qs(parts.query).items()}
        with owner.lock:
            owner.log.append({"path": path, "query": q, "accept": self.headers.get("Accept", ""),
                              "ua": self.headers.get("User-Agent", "")})
            fail = owner.fail_next.pop(0) if owner.fail_next else None
        if fail:
            self._send(fail, "busy", "text/plain", {"Retry-After": "0"})
            return
        service, _, rest = path.lstrip("/").partition("/")
        handler = getattr(self, f"_{service}", None)
        if handler is None:
            self._send(404, "no such service", "text/plain")
            return
        handler(rest, q)

    def _doi(self, rest: str, q: dict[str, str]) -> None:
        if rest in WORKS and CSL in self.headers.get("Accept", ""):
            self._send(200, json.dumps(WORKS[rest]), CSL)
        elif rest in CROSSREF_ONLY:
            self._send(200, "<html>landing page</html>", "text/html")
        else:
            self._send(404, "DOI Not Found", "text/html")

    def _crossref(self, rest: str, q: dict[str, str]) -> None:
        if rest == "works":
            self._send(200, json.dumps({"status": "ok", "message": {"items": SEARCH_ITEMS}}))
            return
        doi = rest.removeprefix("works/").split("/transform/")[0]
        item = CROSSREF_ONLY.get(doi) or WORKS.get(doi)
        self._send(200, json.dumps(item), CSL) if item else self._send(404, "Resource not found.", "text/plain")

    def _datacite(self, rest: str, q: dict[str, str]) -> None:
        doi = rest.removeprefix("dois/")
        self._send(200, json.dumps(WORKS[doi]), CSL) if doi in WORKS else self._send(404, "{}")

    def _arxiv(self, rest: str, q: dict[str, str]) -> None:
        self._send(200, ARXIV.get(q.get("id_list", ""), ARXIV_EMPTY), "application/atom+xml")

    def _openlibrary(self, rest: str, q: dict[str, str]) -> None:
        isbn = q.get("bibkeys", "").removeprefix("ISBN:")
        self._send(200, json.dumps({f"ISBN:{isbn}": OPENLIBRARY[isbn]} if isbn in OPENLIBRARY else {}))

    def _ncbi(self, rest: str, q: dict[str, str]) -> None:
        pmid = q.get("id", "")
        doc = NCBI.get(pmid, {"uid": pmid, "error": "cannot get document summary"})
        self._send(200, json.dumps({"header": {"type": "esummary"}, "result": {"uids": [pmid], pmid: doc}}))

    def _web(self, rest: str, q: dict[str, str]) -> None:
        self._send(200, PAGE, "text/html; charset=utf-8")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: MetadataServer


class MetadataServer:
    """``with MetadataServer() as s:`` ... ``s.base("crossref")`` ... ``s.log``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.log: list[dict[str, object]] = []
        self.fail_next: list[int] = []  # statuses to answer the next requests with (503, 429 ...)
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.owner = self
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def base(self, service: str) -> str:
        return f"http://127.0.0.1:{self.port}/{service}"

    def service_args(self) -> list[str]:
        out = []
        for name in ("doi", "crossref", "datacite", "arxiv", "openlibrary", "ncbi"):
            out += ["--service", f"{name}={self.base(name)}"]
        return out

    def __enter__(self) -> MetadataServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
