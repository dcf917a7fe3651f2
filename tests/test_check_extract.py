"""Finding URLs and DOIs in bibliographies, with keys and lines; malformed links and their repairs."""

from __future__ import annotations

import json

import pytest

from refkit.check.extract import in_shard, inspect_doi, inspect_url, load_links, parse_shard, urls_in_text

BIB = r"""% a comment line
@online{web,
  title = {A web page},
  url = {https://example.org/a/page},
  urldate = {2020-02-18},
}

@misc{howpub,
  title = {Published how},
  howpublished = {\url{https://example.org/how}},
}

@article{withdoi,
  title = {An article},
  doi = {https://doi.org/10.1000/ABC.123},
  note = {Preprint at \url{https://arxiv.org/abs/1234.5678}; see also https://example.org/x_y (mirror), doi:10.2000/zzz.},
}

@misc{wrapped,
  url = {https://example.org/a/very/long/
         path/to/file.pdf},
}

@misc{escaped,
  url = {https://example.org/some\_file\%20name},
}

@misc{twice,
  url = {https://example.org/a/page#intro},
}

@misc{ftp,
  url = {ftp://ftp.example.org/pub/file.txt},
}

@misc{doiurl,
  url = {https://dx.doi.org/10.1000/xyz},
}
"""


@pytest.fixture
def bib(tmp_path):
    p = tmp_path / "refs.bib"
    p.write_text(BIB, encoding="utf-8")
    return p


def test_links_with_keys_fields_and_lines(bib):
    links, warnings = load_links([bib])
    assert warnings == []
    got = [(lk.key, lk.line, lk.field, lk.url, lk.doi) for lk in links]
    assert got == [
        ("web", 2, "url", "https://example.org/a/page", None),
        ("howpub", 8, "url", "https://example.org/how", None),
        ("withdoi", 13, "doi", None, "10.1000/ABC.123"),
        ("withdoi", 13, "note", "https://arxiv.org/abs/1234.5678", None),
        ("withdoi", 13, "note", "https://example.org/x_y", None),
        ("withdoi", 13, "note", None, "10.2000/zzz"),
        ("wrapped", 19, "url", None, None),
        ("escaped", 24, "url", None, None),
        ("twice", 28, "url", "https://example.org/a/page#intro", None),
        ("ftp", 32, "url", "ftp://ftp.example.org/pub/file.txt", None),
        ("doiurl", 36, "url", "https://dx.doi.org/10.1000/xyz", "10.1000/xyz"),
    ]
    assert links[0].accessed == "2020-02-18"
    assert links[0].target == links[8].target  # the fragment never reaches the server
    wrapped = links[6]
    assert wrapped.problem == "contains whitespace (a line break?)"
    assert wrapped.suggestion == "https://example.org/a/very/long/path/to/file.pdf"
    assert links[7].suggestion == "https://example.org/some_file%20name"
    assert not links[9].is_http


def test_csl_json_with_lines(tmp_path):
    p = tmp_path / "refs.json"
    p.write_text(json.dumps([
        {"id": "a", "type": "webpage", "URL": "https://example.org/"},
        {"id": "b", "type": "article-journal", "DOI": "10.1000/b", "note": "see https://example.org/n."},
    ], indent=2), encoding="utf-8")
    links, _ = load_links([p])
    assert [(lk.key, lk.line, lk.url or lk.doi) for lk in links] == [
        ("a", 3, "https://example.org/"), ("b", 8, "10.1000/b"), ("b", 8, "https://example.org/n")]


@pytest.mark.parametrize("raw, problem, suggestion", [
    ("https://example.org/a b", "contains whitespace (a line break?)", "https://example.org/ab"),
    ("http//example.org/x", "has a mistyped scheme", "http://example.org/x"),
    ("https:/example.org/x", "has a mistyped scheme", "https://example.org/x"),
    ("htps://example.org/x", "has a mistyped scheme", "https://example.org/x"),
    ("www.example.org/x", "has no scheme", "https://www.example.org/x"),
    ("https://example.org/\\~user/", "contains LaTeX escapes", "https://example.org/~user/"),
    ("https://example.org/{\\textasciitilde}user", "contains LaTeX escapes", "https://example.org/~user"),
    ("https://exa mple.org", "contains whitespace (a line break?)", "https://example.org"),
    ("https://", "has no host name", None),
    ("https://bad..host/x", "has an invalid host name (bad..host)", None),
    ("example", "has no scheme (http:// or https://)", None),
    ("https://example.org:99999/", "has an invalid port", None),
])
def test_malformed_urls(raw, problem, suggestion):
    url, got_problem, got_suggestion = inspect_url(raw)
    assert url is None
    assert got_problem is not None and got_problem.endswith(problem)
    assert got_suggestion == suggestion


@pytest.mark.parametrize("raw", ["https://example.org/", "http://127.0.0.1:8080/x?q=1#f", "https://[::1]/",
                                 "https://bücher.example/ä", "https://example.org/a(b)_c%20d"])
def test_good_urls(raw):
    assert inspect_url(raw) == (raw, None, None)


@pytest.mark.parametrize("raw, doi, problem, suggestion", [
    ("10.1000/xyz", "10.1000/xyz", None, None),
    ("doi:10.1000/xyz", "10.1000/xyz", None, None),
    ("https://doi.org/10.1000/x%2Fy", "10.1000/x/y", None, None),
    ("10.1000/\\_x", "10.1000/_x", None, None),
    ("10.1000/ab cd", None, "contains whitespace (a line break?)", "10.1000/abcd"),
    ("see 10.1000/xyz.", None, "has extra text around the DOI", "10.1000/xyz"),
    ("11.1000/xyz", None, "is not a DOI (10.NNNN/suffix)", None),
])
def test_dois(raw, doi, problem, suggestion):
    assert inspect_doi(raw) == (doi, problem, suggestion)


def test_urls_in_text_trims_punctuation_and_keeps_balanced_parens():
    text = "See https://en.wikipedia.org/wiki/Foo_(bar), and (https://example.org/x). Also \\url{https://a.org/b}"
    assert urls_in_text(text) == ["https://a.org/b", "https://en.wikipedia.org/wiki/Foo_(bar)",
                                  "https://example.org/x"]
    assert urls_in_text("see https://example.org/\u00a0user") == ["https://example.org/~user"]


def test_shards_split_the_links_without_overlap(bib):
    links, _ = load_links([bib])
    n = 3
    shares = [[lk for lk in links if in_shard(lk, i, n)] for i in range(1, n + 1)]
    assert sorted(len(s) for s in shares) != [0, 0, len(links)]
    assert sum(len(s) for s in shares) == len(links)
    assert {id(lk) for s in shares for lk in s} == {id(lk) for lk in links}
    assert parse_shard("2/3") == (2, 3)
    for bad in ("0/3", "4/3", "x", "1/0"):
        with pytest.raises(ValueError):
            parse_shard(bad)
