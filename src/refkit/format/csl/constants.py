"""The CSL namespace and the kinds of variables (names, dates, numbers) the renderer tells apart."""

from __future__ import annotations

NS = "http://purl.org/net/xbiblio/csl"
REFKIT_NS = "https://github.com/refkit/csl-extensions"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

NAME_VARS = frozenset(("author", "chair", "collection-editor", "compiler", "composer", "container-author",
                       "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
                       "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
                       "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
                       "script-writer", "series-creator", "translator"))
DATE_VARS = frozenset(("accessed", "available-date", "event-date", "issued", "original-date", "submitted"))
NUMBER_VARS = frozenset(("chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number",
                         "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page",
                         "page-first", "part-number", "printing-number", "section", "supplement-number",
                         "version", "volume"))
NO_MARKUP_VARS = frozenset(("URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "citation-number", "year-suffix"))
# the ordinary (text) variables of CSL 1.0.2, with their -short forms where the specification has them
TEXT_VARS = frozenset((
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
    "call-number", "citation-key", "citation-label", "collection-title", "collection-title-short",
    "container-title", "container-title-short", "dimensions", "division", "DOI", "event", "event-title",
    "event-place", "genre", "ISBN", "ISSN", "jurisdiction", "keyword", "language", "license", "medium",
    "original-publisher", "original-publisher-place", "original-title", "part-title", "PMCID", "PMID",
    "publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "section",
    "source", "status", "title", "title-short", "URL", "volume-title", "year-suffix",
)) | (NUMBER_VARS - {"citation-number", "first-reference-note-number", "locator", "page-first"})
