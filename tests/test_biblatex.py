"""The BibTeX/biblatex reader on invented input: syntax problems, macros across files, the biblatex
data model (titles, crossref/xdata, dates, eprints, localisation keys, names), LaTeX, sentence case."""

from __future__ import annotations

import pytest

from refkit.bib import bibtex, latex
from refkit.bib.biblatex_dates import parse_date, parse_year
from refkit.bib.titlecase import is_title_case, to_sentence_case
from refkit.errors import BibtexError


def one(text: str, **kw):
    refs, problems = bibtex.loads(text, **kw)
    assert len(refs) == 1, (refs, problems)
    return refs[0].to_csl(), problems


# ---------------------------------------------------------------- syntax
def test_missing_comma_between_fields_is_an_error_and_both_fields_are_read():
    csl, problems = one("@article{k,\n  year = {2020}\n  volume = {3},\n  title = {T}}")
    assert csl["issued"] == {"date-parts": [[2020]]} and csl["volume"] == "3"
    assert [(p.line, p.rule, p.severity) for p in problems] == [(3, "syntax", "error")]
    assert "missing comma after field 'year'" in problems[0].message


def test_unclosed_brace_stops_at_the_next_entry_and_names_what_is_cut():
    text = "@book{a,\n title = {Open\n year = 2001}\n\n@book{b, title={Fine}, year=2002}\n"
    refs, problems = bibtex.loads(text, source="x.bib")
    assert [r.id for r in refs] == ["a", "b"] and refs[1].fields["title"] == "Fine"
    assert problems[0].line == 2 and problems[0].file == "x.bib" and "'title'" in problems[0].message


def test_field_outside_an_entry_and_extra_closing_brace():
    text = "@misc{a, title = {A}}, year = {1999}}\n\nnote = {lost}\n@misc{b, title={B}}"
    refs, problems = bibtex.loads(text)
    assert refs[0].year == 1999  # an extra '}' closed a early: what follows is read into it
    assert [r.id for r in refs] == ["a", "b"]
    assert any("extra '}'" in p.message and p.line == 1 for p in problems)
    assert any("'note' outside any entry" in p.message and p.line == 3 for p in problems)


def test_every_entry_is_kept_with_invented_and_suffixed_keys():
    text = "@article{,\n title={No key}}\n@article{x, title={One}}\n@article{x, title={Two}}\n@book{title={T2}}"
    refs, problems = bibtex.loads(text)
    ids = [r.id for r in refs]
    assert len(ids) == 4 and len(set(ids)) == 4 and ids[1] == "x" and ids[2] == "x-2"
    assert {p.rule for p in problems} == {"missing-key", "duplicate-key"}
    assert [p.line for p in problems if p.rule == "duplicate-key"] == [4]


def test_parentheses_comment_preamble_string_and_month_macros():
    text = ('@preamble{"\\newcommand{\\noop}[1]{}"}\n@comment{@article{gone, title={x}}}\n'
            '@string(j = "Journal of " # "Things")\n'
            "@article(k, journal = j, title = {T}, year = 2001, month = aug, pages = {1--5})")
    csl, problems = one(text)
    assert problems == []
    assert (csl["container-title"], csl["issued"], csl["page"]) == ("Journal of Things",
                                                                     {"date-parts": [[2001, 8]]}, "1-5")


def test_comment_lines_repeated_keywords_and_percent_comments():
    text = ("@Comment % an old entry\n@techreport(k,\n  % a comment between fields\n  title = {T},\n"
            "  keywords = {a},\n  keywords = {b},\n  year = 1977)\n")
    csl, problems = one(text)
    assert problems == [] and csl["keyword"] == "a, b" and csl["type"] == "report"


def test_a_plain_text_list_is_sent_to_refkit_parse():
    with pytest.raises(BibtexError) as e:
        bibtex.load("Smith, J. (2020). A title. Journal, 1, 2-3.\nDoe, A. (2019). Another.\n", source="refs.txt")
    assert "plain-text reference list" in e.value.message and "refkit parse refs.txt" in e.value.hint


def test_strict_turns_any_error_into_a_failure():
    text = "@article{a, title={A}}\n@article{b, year = {2020} volume = {3}}"
    refs, problems = bibtex.load(text)
    assert len(refs) == 2 and problems[0].severity == "error"
    with pytest.raises(BibtexError):
        bibtex.load(text, strict=True)


def test_macros_and_crossref_parents_may_live_in_another_file():
    strings = "@string{jacm = {Journal of the ACM}}\n@proceedings{p, title={Proc. of X}, year=1999, publisher={P}}"
    papers = "@article{a, journal = jacm, title={A}}\n@inproceedings{b, crossref={p}, title={B}}"
    alone, problems = bibtex.loads(papers, source="papers.bib")
    assert {p.rule for p in problems} == {"undefined-macro", "missing-crossref"}
    refs, problems = bibtex.loads_many([(strings, "strings.bib"), (papers, "papers.bib")])
    assert problems == []
    by = {r.id: r for r in refs}
    assert by["a"].fields["container-title"] == "Journal of the ACM" and by["a"].source == "papers.bib"
    assert by["b"].fields["container-title"] == "Proc. of X" and by["b"].year == 1999


# ---------------------------------------------------------------- the data model
def test_subtitle_titleaddon_and_maintitle():
    csl, _ = one("@book{k, title={The Federal Appointments Process}, subtitle={A Constitutional and "
                 "Historical Analysis}, titleaddon={Revised}, date={2000}}")
    assert csl["title"] == "The Federal Appointments Process: A Constitutional and Historical Analysis. Revised"
    csl, _ = one("@book{k, maintitle={Works}, title={Letters}, volume=2, date={1990}}")
    assert (csl["title"], csl["volume-title"], csl["volume"]) == ("Works", "Letters", "2")


def test_crossref_follows_biblatex_inheritance_rules():
    text = ("@inbook{c, crossref={b}, title={Chapter}, pages={1-2}}\n"
            "@book{b, author={Kant, Immanuel}, title={Critique}, subtitle={Of Reason}, date={1781}, "
            "publisher={P}, shorttitle={Crit}}\n"
            "@article{a, crossref={j}, title={Art}}\n@periodical{j, title={The Journal}, date={2001}}")
    refs, problems = bibtex.loads(text)
    by = {r.id: r.to_csl() for r in refs}
    assert problems == []
    c = by["c"]
    assert c["title"] == "Chapter" and c["container-title"] == "Critique: Of Reason"
    assert c["author"] == c["container-author"] == [{"family": "Kant", "given": "Immanuel"}]
    assert "title-short" not in c and c["issued"] == {"date-parts": [[1781]]}
    assert by["a"]["container-title"] == "The Journal" and by["a"]["title"] == "Art"


def test_crossref_chain_mvbook_book_inbook():
    text = ("@mvbook{mv, author={Shakespeare}, title={Collected Works}, volumes=4, date=1975, publisher={P}}\n"
            "@book{bk, crossref={mv}, title={Tragedies}, volume=3}\n"
            "@inbook{ch, crossref={bk}, title={Macbeth}, pages={100-200}}\n"
            "@article{lost, crossref={nowhere}, title={T}}")
    refs, problems = bibtex.loads(text)
    by = {r.id: r.to_csl() for r in refs}
    assert (by["bk"]["title"], by["bk"]["volume-title"]) == ("Collected Works", "Tragedies")
    assert by["bk"]["container-author"] == [{"family": "Shakespeare"}]
    ch = by["ch"]
    assert (ch["title"], ch["container-title"], ch["volume-title"]) == ("Macbeth", "Collected Works", "Tragedies")
    assert ch["volume"] == "3" and ch["number-of-volumes"] == "4" and ch["publisher"] == "P"
    assert [(p.rule, p.key) for p in problems] == [("missing-crossref", "lost")]


def test_xdata_is_copied_and_not_a_reference_itself():
    text = "@xdata{pub, publisher={Springer}, location={Berlin}}\n@book{b, xdata={pub}, title={T}, date=2000}"
    refs, _ = bibtex.loads(text)
    assert [r.id for r in refs] == ["b"]
    assert (refs[0].fields["publisher"], refs[0].fields["publisher-place"]) == ("Springer", "Berlin")


@pytest.mark.parametrize("value, iso, csl", [
    ("2023-07", "2023-07", {"date-parts": [[2023, 7]]}),
    ("1999-10-14/2010-01", "1999-10-14/2010-01", {"date-parts": [[1999, 10, 14], [2010, 1]]}),
    ("1999/", "1999/", {"date-parts": [[1999], [0]]}),
    ("1723~", "1723~", {"date-parts": [[1723]], "circa": True}),
    ("2004-22", "2004-22", {"date-parts": [[2004]], "season": 2}),
    ("19uu", "1900/1999", {"date-parts": [[1900], [1999]]}),
])
def test_biblatex_dates(value, iso, csl):
    d = parse_date(value)
    assert d is not None and d.iso() == iso and d.to_csl() == csl


def test_bibtex_year_forms():
    assert parse_year("1998--1999").to_csl() == {"date-parts": [[1998], [1999]]}
    assert parse_year("2012", "October").start == (2012, 10)
    assert parse_year("in press").literal == "in press"
    csl, _ = one("@misc{k, date = {2023-07}, title={T}}")
    assert csl["issued"] == {"date-parts": [[2023, 7]]}  # never "2023-2007"


def test_eprint_types_localisation_keys_and_langid():
    csl, _ = one("@online{k, eprint={1234.5678}, archivePrefix={arXiv}, primaryClass={cs.CL}, title={T},"
                 " langid={british}, date=2020}")
    assert csl["URL"] == "https://arxiv.org/abs/1234.5678" and csl["language"] == "en-GB"
    csl, _ = one("@report{k, type={Resreport}, title={T}, institution={I}, date=2001}")
    assert (csl["type"], csl["genre"]) == ("report", "research report")
    csl, _ = one("@phdthesis{k, title={T}, school={S}, year=2001}")
    assert csl["genre"] == "PhD thesis" and csl["publisher"] == "S"
    csl, _ = one("@article{k, entrysubtype={newspaper}, title={T}, journaltitle={J}, date=2001}")
    assert csl["type"] == "article-newspaper"


def test_names_protection_extended_form_and_others():
    csl, _ = one("@book{k, author={{Sh}. Smith and family=Berg, given=Anna, prefix=van den and "
                 "{Barnes and Noble} and others}, title={T}, date=2000}")
    a = csl["author"]
    assert a[0] == {"family": "Smith", "given": "Sh."}
    assert a[1] == {"family": "Berg", "given": "Anna", "non-dropping-particle": "van den"}
    assert a[2] == {"literal": "Barnes and Noble"} and a[3] == {"literal": "others"}


# ---------------------------------------------------------------- LaTeX
@pytest.mark.parametrize("tex, text", [
    (r"Some problems require {$\Omega (n^k) $} time", "Some problems require {Ω(nᵏ)} time"),
    (r"K$^-$ over K$^+$ ratios", "K⁻ over K⁺ ratios"),
    (r"\mkbibquote{Quoted} and \mbox{boxed}", "{“Quoted”} and boxed"),
    (r"{\noopsort{1973b}}1973", "1973"),
    (r"``Double'' and `single' -- dashes---here", "“Double” and ‘single’ – dashes—here"),
    (r"{\"O}zge \c{C}etinkaya and Aks{\i}n", "Özge Çetinkaya and Aksın"),
    (r"{Pd-N}-heterocyclic {{ABC}} \emph{x}", "{Pd-N}-heterocyclic {ABC} {x}"),
    (r"\bibstring{phdthesis}", "PhD thesis"),
])
def test_latex_decoding(tex, text):
    assert latex.decode(tex) == text


def test_latex_decode_is_idempotent_on_unicode():
    s = latex.decode(r"Caf\'e {\"U}ber \& mehr $x^2$")
    assert latex.decode(s) == s == "Café Über & mehr x²"


# ---------------------------------------------------------------- sentence case
def test_sentence_case_keeps_what_must_stay():
    t = "Using {LaTeX}, the iPhone and DNA in Portland: A Study of Bayesian Fock Space in {Mizoroki-Heck}"
    assert to_sentence_case(t) == ("Using {LaTeX}, the iPhone and DNA in Portland: A study of Bayesian Fock "
                                   "space in {Mizoroki-Heck}")
    assert is_title_case("The Federal Appointments Process") and not is_title_case("A study of Paris")
    assert not is_title_case("ON THE ORIGIN OF SPECIES")


def test_sentence_case_learns_proper_nouns_from_the_file():
    text = ("@article{a, title={Rainfall and flooding along the Wupper in recent years}, date=2001}\n"
            "@article{b, title={Measuring the Wupper River Flow}, date=2002}\n"
            "@article{c, title={Des Ponts Et Chaussées}, langid={french}, date=2003}")
    refs, _ = bibtex.loads(text, sentence_case="auto")
    assert [r.fields["title"] for r in refs] == ["Rainfall and flooding along the Wupper in recent years",
                                                 "Measuring the Wupper river flow", "Des Ponts Et Chaussées"]
    never, _ = bibtex.loads(text)
    assert never[1].fields["title"] == "Measuring the Wupper River Flow"
    always, _ = bibtex.loads(text, sentence_case="always")
    assert always[2].fields["title"] == "Des ponts et chaussées"
    with pytest.raises(ValueError):
        bibtex.loads(text, sentence_case="sometimes")
