"""refkit parse: splitting, the rule-based parser, field normalisers, and the seed's score."""

from __future__ import annotations

import importlib.util
import textwrap

import pytest

from refkit.bib import bibtex_writer
from refkit.parse import fields as F
from refkit.parse import parse_text
from refkit.parse.split import split_references


def _score(shared, gold_path, pred_text, tmp_path):
    spec = importlib.util.spec_from_file_location("score_bib", shared / "tools" / "score_bib.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    pred = tmp_path / "pred.bib"
    pred.write_text(pred_text, encoding="utf-8")
    strict, errors = mod.score(mod.load(str(gold_path)), mod.load(str(pred)))
    return strict, errors


def _bib(text: str, **kw) -> str:
    return bibtex_writer.dumps([p.ref for p in parse_text(text, **kw)])


def test_seed_list_matches_the_hand_checked_gold(shared, tmp_path):
    text = (shared / "seed" / "references.txt").read_text(encoding="utf-8")
    strict, errors = _score(shared, shared / "seed" / "references.gold.bib", _bib(text), tmp_path)
    assert errors == []
    assert strict["f1"] >= 0.99 and strict["entry_exact"] == 1.0 and strict["type_agreement"] == 1.0


def _variants(refs: list[str]) -> dict[str, str]:
    out = {}
    for width in (40, 60, 80):
        for hy in (True, False):
            out[f"wrap{width}-{hy}"] = "\n".join(textwrap.fill(r, width, break_on_hyphens=hy) for r in refs)
    out["hanging"] = "\n".join(textwrap.fill(r, 60, subsequent_indent="    ") for r in refs)
    out["blank-lines"] = "\n\n".join(textwrap.fill(r, 60) for r in refs)
    out["numbered-brackets"] = "\n".join(f"[{i}] {r}" for i, r in enumerate(refs, 1))
    out["numbered-dots-wrapped"] = "\n".join(textwrap.fill(f"{i}. {r}", 60) for i, r in enumerate(refs, 1))
    out["crlf"] = "\r\n".join(refs)
    return out


def test_wrapped_numbered_and_embedded_forms_parse_to_the_same_entries(shared):
    text = (shared / "seed" / "references.txt").read_text(encoding="utf-8")
    refs = [ln for ln in text.splitlines() if ln.strip()]
    base = _bib(text)
    for name, variant in _variants(refs).items():
        assert _bib(variant) == base, name
    assert _bib((shared / "seed" / "paper.txt").read_text(encoding="utf-8")) == base


INVENTED = """\
Smith, John and Mary Jones (2015), “Power and Alliances in the Caucasus”, Journal of Eurasian Affairs, Vol. 7, No. 3, pp. 55-78.
Ahmadi, Reza (2011), Foreign Policy Analysis, 2nd ed., Tehran: Mizan [in Persian].
Walt, Stephen M. (1987), The Origins of Alliances, Ithaca, NY: Cornell University Press.
Karimi, Ali (2018), “Energy Politics in the Caspian Region”, PhD Thesis, University of Tehran [in Arabic].
Brown, Chris et al. (2005), “Regional Orders”, in: Smith (ed.), Regions and Powers, London: Routledge, pp. 1-20.
World Bank (2020), “Global Economic Prospects”, Available at: https://www.worldbank.org/ gep, (Accessed on: 3/4/2021).
Novak, Jan (2019a), “Small States Revisited”, Security Studies Quarterly, Vol. 3, No. 2, pp. 1-9, DOI: 10.1234/ssq.2019.5.
Haddad, Omar (2016), “Oil and Order”, Middle East Policy: Quarterly, Vol. 23, No. 4, Spring, pp. 5-19.
Tanaka, Yuki (2012), “Maritime Disputes”, Asian Policy Institute, Policy Brief No. 45, Available at: http://api.example.org/briefs/45.pdf, (Accessed on: 18 February 2020).
Waltz, Kenneth N. (1979), Theory of International Politics, Translated by Hamid Reza Jafari, 3rd ed., Tehran: Ney [in Persian].
"""


def test_rules_on_invented_references_in_the_seed_style():
    parsed = parse_text(INVENTED)
    assert [p.method for p in parsed] == ["rules"] * 10
    assert all(p.ok for p in parsed), [p.unsure for p in parsed]
    r = [p.ref for p in parsed]
    assert [x.type for x in r] == ["article-journal", "book", "book", "thesis", "chapter", "webpage",
                                   "article-journal", "article-journal", "report", "book"]
    assert [str(n) for n in r[0].names["author"]] == ["Smith, John", "Jones, Mary"]
    assert (r[0].fields["volume"], r[0].fields["issue"], r[0].fields["page"]) == ("7", "3", "55-78")
    assert r[1].fields["edition"] == "2" and r[1].fields["language"] == "Persian"
    assert (r[2].fields["publisher-place"], r[2].fields["publisher"]) == ("Ithaca, NY", "Cornell University Press")
    assert r[3].fields["genre"] == "PhD Thesis" and r[3].fields["publisher"] == "University of Tehran"
    assert r[3].fields["language"] == "Arabic"
    assert [str(n) for n in r[4].names["editor"]] == ["Smith"] and r[4].names["author"][-1].others
    assert r[4].fields["container-title"] == "Regions and Powers"
    assert r[5].names["author"][0].literal == "World Bank"
    assert r[5].fields["URL"] == "https://www.worldbank.org/gep"
    assert r[5].dates["accessed"].iso() == "2021-04-03"
    assert r[6].fields["DOI"] == "10.1234/ssq.2019.5"
    assert r[7].fields["container-title"] == "Middle East Policy: Quarterly"
    assert (r[8].fields["genre"], r[8].fields["number"], r[8].fields["publisher"]) == (
        "Policy Brief", "45", "Asian Policy Institute")
    assert r[8].dates["accessed"].iso() == "2020-02-18"
    assert [str(n) for n in r[9].names["translator"]] == ["Jafari, Hamid Reza"]


def test_split_finds_the_reference_section_under_a_heading():
    text = "A Paper\n\nIntroduction\n\n" + ("Some prose about things. " * 20) + "\n\nReferences\n\n" + INVENTED
    raws = split_references(text)
    assert len(raws) == 10
    assert raws[0].text.startswith("Smith, John") and raws[0].line == 9


def test_one_per_line_gives_one_entry_per_line_in_order():
    text = "first line that is not a reference\n\nSmith, J. (2001), Book, London: X.\nlower case second\n"
    parsed = parse_text(text, one_per_line=True)
    assert [p.raw.line for p in parsed] == [1, 3, 4]
    assert parsed[1].ref.fields["title"] == "Book"


def test_line_break_hyphens_are_joined():
    text = "Smith, John (2001), “The Rela-\ntions of Iran-\nRussia”, Journal, Vol. 1, No. 2, pp. 3-4."
    assert parse_text(text)[0].ref.fields["title"] == "The Relations of Iran-Russia"


@pytest.mark.parametrize("raw, expected", [
    ("Alavian, Morteza and Leyla Hasan Nia Rami", ["Alavian, Morteza", "Hasan Nia Rami, Leyla"]),
    ("Krause, Volker and J. David Singer", ["Krause, Volker", "Singer, J. David"]),
    ("Chen, H., Tafalla, M., & Wilner, D. J.", ["Chen, H.", "Tafalla, M.", "Wilner, D. J."]),
    ("van den Berg, Anna and Jan de Vries", ["van den Berg, Anna", "de Vries, Jan"]),
    ("Belobrov, Y. Y. and Others", ["Belobrov, Y. Y.", "others"]),
    ("Rossi, Paolo et al.", ["Rossi, Paolo", "others"]),
    ("Karimzadeh, Ali and Reza Karimzadeh Pour", ["Karimzadeh, Ali", "Karimzadeh Pour, Reza"]),
    ("Soltani, Ali and Ali Reza Soltani Fard", ["Soltani, Ali", "Soltani Fard, Ali Reza"]),
    ("Rahimi, Reza and Mahmoud Vaezi Nia", ["Rahimi, Reza", "Vaezi Nia, Mahmoud"]),
])
def test_split_names(raw, expected):
    assert [str(n) for n in F.split_names(raw)] == expected


@pytest.mark.parametrize("raw, iso", [("2019", "2019"), ("(2020-21)", "2020/2021"), ("1999/2000", "1999/2000"),
                                      ("2019a", "2019")])
def test_parse_year(raw, iso):
    assert F.parse_year(raw).iso() == iso


@pytest.mark.parametrize("raw, iso", [("18/2/2020", "2020-02-18"), ("8/9/2019", "2019-09-08"),
                                      ("18 February 2020", "2020-02-18"), ("March 3, 2021", "2021-03-03"),
                                      ("2021-04-20", "2021-04-20")])
def test_parse_access_dates(raw, iso):
    assert F.parse_dmy(raw).iso() == iso


def test_pages_and_urls():
    assert F.clean_pages("pp. 153- 170") == "153-170"
    assert F.clean_pages("p. 13") == "13"
    assert F.clean_url("http://carnegie-mec.org/ diwan/68257?lang=en") == "http://carnegie-mec.org/diwan/68257?lang=en"
    assert F.clean_doi("https://doi.org/10.1000/xyz.1.") == "10.1000/xyz.1"


def test_a_huge_line_is_reported_not_parsed():
    parsed = parse_text("x" * 100_000, one_per_line=True)
    assert len(parsed) == 1 and parsed[0].method == "none" and "too long" in parsed[0].unsure[0]


def test_rules_more_variants():
    text = "\n".join([
        "Smith, John (ed.) (2010), Regional Security in the Gulf, London: Routledge.",
        "Rahimi, Ali, Mary Jones and Reza Karimi (2018), “Trade and Sanctions”, Iranian Economic Review, "
        "Vol. 22, No. 1 & 2, Summer, pp. 45–68.",
        "Sanger, David (2019), “Iran Deal Unravels”, The Daily Courier, 12 March 2019, Available at: "
        "https://news.example.com/2019/03/12/iran.html, (Accessed on: 2019/10/14).",
        "Hosseini, Maryam (2016), “Water Diplomacy in Central Asia”, MA Thesis, Faculty of Law, "
        "University of Tehran [in Persian].",
        "Tsygankov, Andrei P. (2016), Russia’s Foreign Policy: Change and Continuity, Lanham, MD: Rowman & Littlefield.",
    ])
    parsed = parse_text(text)
    assert all(p.ok and p.method == "rules" for p in parsed), [p.unsure for p in parsed]
    r = [p.ref for p in parsed]
    assert "author" not in r[0].names and [str(n) for n in r[0].names["editor"]] == ["Smith, John"]
    assert [str(n) for n in r[1].names["author"]] == ["Rahimi, Ali", "Jones, Mary", "Karimi, Reza"]
    assert r[1].fields["issue"] == "1 & 2" and r[1].fields["page"] == "45-68"
    assert r[2].type == "article-newspaper" and r[2].dates["issued"].iso() == "2019-03-12"
    assert r[2].dates["accessed"].iso() == "2019-10-14"
    assert r[2].fields["URL"] == "https://news.example.com/2019/03/12/iran.html"
    assert r[3].type == "thesis" and r[3].fields["publisher"] == "Faculty of Law, University of Tehran"
    assert r[4].fields["title"] == "Russia’s Foreign Policy: Change and Continuity"
    assert (r[4].fields["publisher-place"], r[4].fields["publisher"]) == ("Lanham, MD", "Rowman & Littlefield")
    assert "publisher = {Rowman \\& Littlefield}" in bibtex_writer.dumps(r)


def test_rules_decline_other_styles_so_the_tagger_gets_them():
    from refkit.parse import rules

    others = [
        "Okafor, A. N. (2019). Soil moisture memory. Journal of Dryland Ecology, 14(3), 211-229.",  # APA
        "Brandt, Ole, and Mira Sandoval (1994), Harbours and Their Keepers (Lisbon: Tejo Press).",
        "Varga, T., and Lund, E. Sparse lattices over small rings. Bull. Algebra Soc. 21, (2003), 101-118.",
        "Kemal Aydin (1997), Notes on Tiling Problems, Discrete Structures, 12, No. 4, 55-61.",
    ]
    assert [rules.parse(t) for t in others] == [None] * len(others)


def test_chapter_with_several_editors_and_a_comma_in_the_book_title():
    p = parse_text("Lindgren, P. (2014), Harbour towns after the railway, in K. Osei, R. Marchetti & L. Berg "
                   "(eds.), Ports, Rails and Markets in Northern Europe, Aarhus: Fjord Academic Press, "
                   "pp. 33-58.")[0]
    assert p.method == "rules" and p.ok and p.ref.type == "chapter"
    assert [str(n) for n in p.ref.names["editor"]] == ["Osei, K.", "Marchetti, R.", "Berg, L."]
    assert p.ref.fields["container-title"] == "Ports, Rails and Markets in Northern Europe"


def test_repeated_author_dash_takes_the_previous_authors():
    text = ("Smith, John (2015), “Power and Alliances”, Journal of Eurasian Affairs, Vol. 7, No. 3, pp. 55-78.\n"
            "——— (2016), Alliances Revisited, London: Routledge.\n")
    parsed = parse_text(text)
    assert [p.method for p in parsed] == ["rules", "rules"]
    assert [str(n) for n in parsed[1].ref.names["author"]] == ["Smith, John"]
    assert parsed[1].ref.type == "book"


def test_vancouver_names_and_page_prefixes():
    assert [str(n) for n in F.split_names("Kowalczyk A, Eriksen TP, van Dijk J")] == [
        "Kowalczyk, A.", "Eriksen, T. P.", "van Dijk, J."]
    assert F.clean_pages("Pages 3801–3807") == "3801-3807"


@pytest.mark.parametrize("raw, expected", [("K. Brown (eds.)", "K. Brown"), ("K. Brown, ed.", "K. Brown"),
                                           ("Döblin, Alfred.", "Döblin, Alfred"), ("Winifred", "Winifred")])
def test_role_words_come_off_names_but_not_name_endings(raw, expected):
    from refkit.parse.clean import strip_role_words

    assert strip_role_words(raw) == expected


WEB = [
    "Kozhanov, Nikolay (2015), “Understanding Russian-Iranian Relations”, Carnegie Moscow Center, Available at: "
    "https://carnegie.example/2015/05/05/understanding-revitalization-of-russian- iranian-relations-pub-59983, "
    "(Accessed on: 12/3/2019).",
    "Sanger, David (2019), “Iran Deal Unravels”, The Daily Courier, 12 March 2019, Available at: "
    "https://www.news.example.com/2019/03/12/world/iran-deal-unravels.html, (Accessed on: 2019/10/14).",
]


def test_invented_lists_parse_the_same_however_they_are_wrapped_or_numbered():
    refs = [ln for ln in INVENTED.splitlines() if ln.strip()] + WEB
    base = _bib("\n".join(refs))
    assert "russian-iranian-relations-pub-59983}" in base and "url = {https://www.news.example.com/" in base
    for name, variant in _variants(refs).items():
        assert _bib(variant) == base, name
    for width in (50, 55):
        assert _bib("\n".join(textwrap.fill(r, width) for r in refs)) == base, width


def _uneven_wrap(ref: str, rnd) -> list[str]:
    """Break lines at a width that changes from line to line, as a PDF's optimal line breaking does
    (so a line may end although the next word would have fitted)."""
    lines, cur = [], ""
    for w in ref.split():
        if cur and len(cur) + 1 + len(w) > rnd.randint(48, 62):
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return lines + [cur]


def test_lists_wrapped_at_uneven_widths(shared):
    import random

    seed = [ln for ln in (shared / "seed" / "references.txt").read_text(encoding="utf-8").splitlines() if ln]
    for refs in (seed, [ln for ln in INVENTED.splitlines() if ln.strip()] + WEB):
        base = _bib("\n".join(refs))
        for n in range(5):
            rnd = random.Random(n)
            assert _bib("\n".join(ln for r in refs for ln in _uneven_wrap(r, rnd))) == base, n
