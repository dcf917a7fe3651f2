"""Reference tables for lint: required fields per entry type (BibTeX's btxdoc and the biblatex manual,
section 2.1.1), the known entry types, predefined macros and the rule catalogue."""

from __future__ import annotations

# Each requirement is a tuple of alternatives: ("author", "editor") is met by either field.
Req = tuple[str, ...]
YEAR: Req = ("year", "date")

BIBTEX_REQUIRED: dict[str, list[Req]] = {
    "article": [("author",), ("title",), ("journal", "journaltitle"), YEAR],
    "book": [("author", "editor"), ("title",), ("publisher",), YEAR],
    "booklet": [("title",)],
    "inbook": [("author", "editor"), ("title",), ("chapter", "pages"), ("publisher",), YEAR],
    "incollection": [("author",), ("title",), ("booktitle",), ("publisher",), YEAR],
    "inproceedings": [("author",), ("title",), ("booktitle",), YEAR],
    "conference": [("author",), ("title",), ("booktitle",), YEAR],
    "manual": [("title",)],
    "mastersthesis": [("author",), ("title",), ("school", "institution"), YEAR],
    "phdthesis": [("author",), ("title",), ("school", "institution"), YEAR],
    "misc": [],
    "proceedings": [("title",), YEAR],
    "techreport": [("author",), ("title",), ("institution", "school"), YEAR],
    "unpublished": [("author",), ("title",), ("note", "howpublished", "url", "doi", "eprint", "pubstate")],
}

BIBLATEX_REQUIRED: dict[str, list[Req]] = {
    "article": [("author",), ("title",), ("journaltitle", "journal"), YEAR],
    "book": [("author", "editor"), ("title",), YEAR],
    "mvbook": [("author", "editor"), ("title",), YEAR],
    "inbook": [("author",), ("title",), ("booktitle",), YEAR],
    "bookinbook": [("author",), ("title",), ("booktitle",), YEAR],
    "suppbook": [("author",), ("title",), ("booktitle",), YEAR],
    "booklet": [("author", "editor"), ("title",), YEAR],
    "collection": [("editor",), ("title",), YEAR],
    "mvcollection": [("editor",), ("title",), YEAR],
    "incollection": [("author",), ("title",), ("booktitle",), YEAR],
    "suppcollection": [("author",), ("title",), ("booktitle",), YEAR],
    "dataset": [("author", "editor"), ("title",), YEAR],
    "manual": [("author", "editor"), ("title",), YEAR],
    "misc": [("title",)],
    "online": [("title",), ("url", "doi", "eprint")],
    "patent": [("author",), ("title",), ("number",), YEAR],
    "periodical": [("editor",), ("title",), YEAR],
    "proceedings": [("title",), YEAR],
    "mvproceedings": [("title",), YEAR],
    "inproceedings": [("author",), ("title",), ("booktitle",), YEAR],
    "reference": [("editor",), ("title",), YEAR],
    "mvreference": [("editor",), ("title",), YEAR],
    "inreference": [("author",), ("title",), ("booktitle",), YEAR],
    "report": [("author",), ("title",), ("type",), ("institution", "school"), YEAR],
    "software": [("title",)],
    "thesis": [("author",), ("title",), ("type",), ("institution", "school"), YEAR],
    "unpublished": [("author",), ("title",)],
    # BibTeX types as biblatex reads them (aliases)
    "conference": [("author",), ("title",), ("booktitle",), YEAR],
    "electronic": [("title",), ("url", "doi", "eprint")],
    "www": [("title",), ("url", "doi", "eprint")],
    "mastersthesis": [("author",), ("title",), ("institution", "school"), YEAR],
    "phdthesis": [("author",), ("title",), ("institution", "school"), YEAR],
    "techreport": [("author",), ("title",), ("institution", "school"), YEAR],
}

BIBLATEX_ONLY_TYPES = {t for t in BIBLATEX_REQUIRED if t not in BIBTEX_REQUIRED} | {
    "artwork", "audio", "bibnote", "commentary", "image", "jurisdiction", "legislation", "legal", "letter",
    "movie", "music", "performance", "review", "standard", "video", "xdata", "set"}
BIBLATEX_MARKER_FIELDS = {"journaltitle", "date", "location", "urldate", "langid", "eventdate", "origdate",
                          "maintitle", "xdata", "entrysubtype", "shortjournal", "pubstate", "eprinttype"}
KNOWN_TYPES = set(BIBTEX_REQUIRED) | set(BIBLATEX_REQUIRED) | BIBLATEX_ONLY_TYPES | {"webpage", "customa",
                                                                                     "customb", "customc"}

# macros BibTeX's standard styles define (plain.bst and friends) besides the months
PREDEFINED_MACROS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                     "acmcs", "acta", "cacm", "ibmjrd", "ibmsj", "ieeese", "ieeetc", "ieeetcad", "ipl", "jacm",
                     "jcss", "scp", "sicomp", "tocs", "tods", "tog", "toms", "toois", "toplas", "tcs"}

NAME_FIELDS = {"author", "editor", "translator", "bookauthor", "editora", "editorb", "editorc", "annotator",
               "commentator", "introduction", "foreword", "afterword", "holder", "collaborator"}
VERBATIM_FIELDS = {"url", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc", "urlraw", "bdsk-url-1",
                   "bdsk-url-2", "bdsk-url-3", "bdsk-file-1", "bdsk-file-2", "local-url", "mendeley-groups",
                   "ids", "crossref", "xdata", "related", "keywords", "groups", "owner", "timestamp",
                   "date-added", "date-modified", "abstract", "annote", "annotation", "mendeley-tags",
                   "eprintclass", "archiveprefix", "primaryclass", "sortkey", "key", "label", "shorthand",
                   "howpublished_url", "langid", "entryset", "execute", "options", "urldate", "isbn", "issn"}
ONLINE_TYPES = {"online", "www", "electronic", "webpage"}
ACCESS_FIELDS = ("urldate", "lastchecked", "accessdate", "accessed", "access-date", "visited")
PLACEHOLDERS = {"no pagination specified", "n/a", "na", "unknown", "none", "null", "nil", "-", "--", "?", "??",
                "tbd", "tba", "xxx", "not available", "no title", "untitled"}

RULES: dict[str, tuple[str, str]] = {  # id -> (default severity, description)
    "syntax": ("error", "a block that is not valid BibTeX (a missing comma, '=' or key)"),
    "unbalanced-braces": ("error", "a value whose braces or quotes do not balance, or a field after the "
                                   "entry's closing brace"),
    "missing-key": ("error", "an entry without a citation key"),
    "bad-key": ("error", "a citation key with characters BibTeX or LaTeX cannot take"),
    "duplicate-key": ("error", "two entries with the same key (BibTeX compares keys ignoring case)"),
    "duplicate-field": ("error", "the same field twice in one entry (BibTeX keeps the first)"),
    "required-field": ("error", "a field the entry type requires is missing (BibTeX or biblatex rules)"),
    "unknown-type": ("warning", "an entry type neither BibTeX nor biblatex knows"),
    "doi": ("error", "a malformed DOI (or a DOI written as a URL / with a prefix)"),
    "isbn": ("error", "an ISBN of the wrong length or with a wrong check digit"),
    "issn": ("error", "an ISSN that is malformed or has a wrong check digit"),
    "url": ("error", "a malformed URL (no scheme or host, spaces)"),
    "year": ("error", "a year that is not a four-digit year"),
    "date": ("error", "a biblatex date that is not an ISO 8601/EDTF date or range"),
    "future-year": ("warning", "a year after next year"),
    "month": ("warning", "a month that is not a month macro or number (jan or 1, not {January})"),
    "pages": ("warning", "a page range with a single hyphen or en dash (write --)"),
    "pages-reversed": ("error", "a page range that ends before it starts"),
    "edition": ("warning", "an edition with the word 'edition' in it, or an ordinal where biblatex wants a number"),
    "dangling-crossref": ("error", "a crossref or xdata key that no entry in the files defines"),
    "undefined-macro": ("error", "a bare word value that no @string defines"),
    "likely-duplicate": ("warning", "two entries with the same DOI, or the same title and year"),
    "all-caps-title": ("warning", "a title in capitals (styles cannot case it)"),
    "empty-field": ("warning", "a field with an empty value"),
    "placeholder": ("warning", "a placeholder value such as 'No Pagination Specified' or 'n/a'"),
    "and-and": ("error", "a name list with an empty name ('and and', or a leading/trailing 'and')"),
    "unescaped-char": ("error", "an unescaped & or % in a field LaTeX typesets"),
    "missing-urldate": ("warning", "an online entry with a URL and no access date (urldate); also a web-only "
                                   "@misc, or any entry with a URL where most in the file give one"),
}
