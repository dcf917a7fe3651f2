"""Finding references in real layouts (parse/split.py, parse/find.py, parse/markdown.py), on invented
lists: page-break blank lines inside flush-wrapped lists, German 'Name, Vorname:' lists, a Methods
section inside a numbered list, subheadings, tables of contents, page footers."""

from __future__ import annotations

from refkit.parse import split_text


def texts(text: str) -> list[str]:
    return [r.text for r in split_text(text).refs]


HARVARD = """Adler, K. (1961) ‘Deterministic flow in shallow seas’, Journal of the Coastal Sciences,
20(2), pp. 130–141.
Berg, D.H., Berg, D.L., Rand, J. and Behr, W.W. (1972) The Limits to Harbours. New York:
Universe Books.
Carr, N. (2007) The Economics of Sea Level: The Carr Review. Cambridge: Cambridge
University Press.

Dunn, J.F. (1950) Non-cooperative tides. PhD thesis. Princeton University.
Ekberg, J. et al. (2009) ‘A safe operating space for harbours’, Nature, 461(7263), pp.
472–475. doi:10.1038/461472a.
Falk, C.R. et al. (2020) ‘Array programming for tides’, Nature, 585(7825), pp. 357–362.

Gauss, G. and Drake, F.L. (2009) Python 3 Reference Manual. Scotts Valley, CA:
CreateSpace.
Hale, C.E. (1948) ‘A mathematical theory of harbour communication’, Bell System Technical
Journal, 27(3), pp. 379–423.
"""


def test_blank_lines_from_page_breaks_in_a_flush_wrapped_list():
    out = texts(HARVARD)
    assert len(out) == 8
    assert out[1].endswith("Universe Books.")
    assert out[4].endswith("doi:10.1038/461472a.")


GERMAN = """Literatur
Arnold, Jan: Das kulturelle Archiv. Schrift, Erinnerung und politische Identität in
frühen Hochkulturen. München: C.H. Beck 1992.
Brandt, Ulrich: Risikostadt. Auf dem Weg in eine andere Moderne. Frankfurt am Main:
Suhrkamp 1986.
Claussen, Peter: Die feinen Grenzen. Kritik der gesellschaftlichen Urteilskraft.
Übers. von Bernd Lind und Achim Roth. Frankfurt am Main: Suhrkamp 1982.

                                                                                     27
\fSoziale Zeit 74 (2023)

Dorn, Reinhart: „Erfahrung“ und „Erwartung“ – zwei historische Katego-
rien. In: Ders.: Vergangene Zeiten. Zur Semantik geschichtlicher Zeiten. Frankfurt am
Main: Suhrkamp 1979, S. 349–375.
Ernst, Niklas: Die Weltstadt. In: Archiv für Rechts- und Sozialphilosophie 57
(1971), S. 1–35.
"""


def test_a_german_list_with_a_page_break_and_its_footer():
    split = split_text(GERMAN)
    out = [r.text for r in split.refs]
    assert len(out) == 5
    assert out[3].startswith("Dorn, Reinhart") and "Kategorien" in out[3]
    assert not any("Soziale Zeit" in t for t in out)
    assert any("Soziale Zeit" in s.text for s in split.skipped)


NATURE = """Article

1.    Walden, J. D. & Crane, F. H. C. Molecular structure of sea salts: a structure for
      harbour water. Nature 171, 737–738 (1953).
2.    Lund, E. S. et al. Initial sequencing and analysis of the harbour genome. Nature 409,
      860–921 (2001).
3.    Vance, J. C. et al. The sequence of the harbour genome. Science 291, 1304–1351 (2001).

Methods
Cell culture. HEK293T cells were maintained in a medium supplemented with serum at body
temperature and in air with carbon dioxide.

4.    Hale, Y. et al. Integrated analysis of multimodal single-cell tides. Cell 184, 3573–3587
      (2021).
5.    Wolff, F. A., Anger, P. & Thiel, F. J. SCANTIDE: large-scale single-cell tide analysis.
      Genome Biol. 19, 15 (2018).
"""


def test_a_methods_section_between_numbered_references():
    split = split_text(NATURE)
    assert [r.number for r in split.refs] == ["1", "2", "3", "4", "5"]
    assert split.refs[2].text.endswith("(2001).")
    assert any(s.text == "Methods" for s in split.skipped)


OSCOLA = """BIBLIOGRAPHY

Cases

Green v Board of Harbours 347 US 483 (1954)
Carlow v Smoke Ball Co [1893] 1 QB 256 (CA)

Legislation

Harbours Act 1998
Tides Act 2010, s 13

Secondary Sources

Calder G, ‘Property Rules and the Sea’ (1972) 85 Harv L Rev 1089 <https://doi.org/10.2307/1340059>
Cole RH, ‘The Problem of Social Tides’ (1960) 3 J L & Econ 1 <https://doi.org/10.1086/466560>
Dwyer R, Taking Tides Seriously (Harvard University Press 1977)
"""


def test_subheadings_between_groups_are_skipped():
    split = split_text(OSCOLA)
    assert len(split.refs) == 7
    assert {"Cases", "Legislation", "Secondary Sources"} <= {s.text for s in split.skipped}
    assert split.refs[4].text.endswith("<https://doi.org/10.2307/1340059>")


def test_a_markdown_table_of_contents_is_not_a_reference():
    text = """# Reading list

## Contents
- [Architectures](#architectures)
- [Tooling](#tooling)

## Architectures

* **Attention for Harbours**. Ana Lind, Bo Chen. *NeurIPS 2017*. [[paper]](https://arxiv.org/abs/1706.00001)
* **Residual Tides**. Kai He, Jun Sun. *CVPR 2016*. [[paper]](https://doi.org/10.1109/CVPR.2016.00)
"""
    split = split_text(text)
    assert len(split.refs) == 2
    assert any("table of contents" in s.reason for s in split.skipped)


def test_page_n_of_m_is_skipped_anywhere():
    lines = [ln for ln in HARVARD.splitlines() if ln.strip()]
    lines.insert(7, "Page 31 of 34")  # after "University Press.", with no blank line around it
    split = split_text("\n".join(lines) + "\n")
    assert len(split.refs) == 8
    assert any(s.text == "Page 31 of 34" for s in split.skipped)


BARE = "\n".join(f"{n} {name}, P., and Lind, K. A study of harbour tides number {n}. J. Tides {n}, 1–{n + 9} (20{n:02d})."
                 for n, name in enumerate(["Walsh", "Novak", "Berg", "Ortiz", "Chen", "Kowal"], 1))


def test_numbers_without_a_full_stop_start_references():
    split = split_text("References\n" + BARE + "\n")
    assert [r.number for r in split.refs] == ["1", "2", "3", "4", "5", "6"]
    assert split.refs[0].text.startswith("Walsh, P.")


def test_author_biographies_end_the_list():
    text = ("References\n[1] A. Lind, “Tides,” J. Tides, vol. 1, pp. 1–9, 2001.\n"
            "[2] B. Berg, “Waves,” J. Tides, vol. 2, pp. 10–19, 2002. doi: 10.1234/jt.2002.2.\n\n"
            "Hiro Tanaka (S’15–M’19) received the B.S. degree in electrical engineering from the University of "
            "Tokyo in 2015. He is currently a researcher.\n")
    split = split_text(text)
    assert len(split.refs) == 2
    assert split.refs[1].text.endswith("doi: 10.1234/jt.2002.2.")


def test_lettered_labels_are_references_of_their_own():
    text = "\n".join([
        "[7] Nowak J. (1958), Szkice językoznawcze, Wrocław: Ossolineum.",
        "[8] Lis J. (1960), Esquisses linguistiques, Wrocław–Kraków: Zakład Narodowy.",
        "[8a] Lis J. (1964), The Inflectional Categories of Indo-European, Heidelberg: Carl Winter.",
        "[9] Nagórska A. (1998), Zarys gramatyki polskiej, Warszawa: PWN.",
        "[10] Saloni Z., Świdziński M. (2001), Składnia współczesnego języka polskiego, Warszawa: PWN.",
    ]) + "\n"
    split = split_text(text)
    assert [r.number for r in split.refs] == ["7", "8", "8a", "9", "10"]


def test_en_dash_bullets_are_list_markers():
    text = ("Testi primari\n– Rossi, U. (1975). Trattato di semiotica generale. Milano: Bompiani.\n"
            "– Bianchi, N. (1990). L'età dei diritti. Torino: Einaudi.\n"
            "– Verdi, G. (1988). Etica e politica. Roma: Editori Riuniti.\n")
    out = texts(text)
    assert out == ["Rossi, U. (1975). Trattato di semiotica generale. Milano: Bompiani.",
                   "Bianchi, N. (1990). L'età dei diritti. Torino: Einaudi.",
                   "Verdi, G. (1988). Etica e politica. Roma: Editori Riuniti."]


def test_references_run_together_with_semicolons():
    text = ("Chomp, N. (1965). Aspects of the theory of tides. Cambridge, MA: MIT Press; Lab, W. (1972). "
            "Sociolinguistic harbours. Philadelphia: University of Pennsylvania Press; Sapp, E. (1921). Language: "
            "An introduction to the study of sea speech. New York: Harcourt, Brace.\n")
    out = texts(text)
    assert len(out) == 3 and out[1].startswith("Lab, W. (1972)")
    # names separated by semicolons (ACS) stay one reference
    assert len(texts("Clay, J.; Grey, N.; Ward, S. Harbour Chemistry, 2nd ed.; Oxford University Press: "
                     "Oxford, 2012.\n")) == 1


def test_a_spreadsheet_of_references():
    rows = ["Authors\tYear\tTitle\tSource\tDOI",
            "Lind A, Berg B\t2017\tAttention for harbours\tarXiv preprint\t10.48550/arXiv.1706.00001",
            "Kim DP, Ba J\t2014\tAdam: a method for tides\tarXiv preprint\t10.48550/arXiv.1412.00001",
            "Good IJ, Mirza M\t2014\tGenerative tidal networks\tarXiv preprint\t10.48550/arXiv.1406.00001"]
    split = split_text("\n".join(rows) + "\n")
    assert len(split.refs) == 3
    assert split.skipped[0].reason == "a table header"
    assert "\t" not in split.refs[0].text and "10.48550/arXiv.1706.00001" in split.refs[0].text


def test_a_quoted_short_form_note_is_the_work_cited_before():
    text = ("Notes\n\n1. Carol Abbot, \"Music—Drastic or Gnostic?,\" Critical Harbours 30, no. 3 (2004): 505–36.\n"
            "2. Leo Meyer, Emotion and Meaning in Tides (Chicago: University of Chicago Press, 1956), 35.\n"
            "3. Meyer, Emotion and Meaning, 40.\n"
            "4. Abbot, \"Drastic or Gnostic?,\" 510.\n")
    split = split_text(text)
    assert len(split.refs) == 2


def test_a_later_heading_does_not_drop_the_list_above_it():
    text = ("References[edit]\n^ a b Cole, J. (1992). A power primer for tides. Psychological Bulletin. 112 (1): 155–159.\n"
            "^ Gross, J. J. (1998). The emerging field of tide regulation. Review of General Tides. 2 (3): 271–299.\n"
            "^ Lind, A. (2001). Harbours and memory. Sea Studies. 4 (2): 1–20.\n\nFurther reading[edit]\n"
            "Kahn, D. (2011). Thinking, fast and slow about tides. New York: Farrar.\n"
            "Tuck, B. W. (1978). A Distant Harbour: The Calamitous 14th Century. New York: Knopf.\n")
    split = split_text(text)
    assert [r.text[:4] for r in split.refs] == ["Cole", "Gros", "Lind", "Kahn", "Tuck"]
    assert any(s.text.startswith("Further reading") for s in split.skipped)


def test_an_unmarked_reference_after_bullets_is_its_own():
    text = ("Week 1: Growth\n\n* Solow, R.M. (1956) 'A contribution to the theory of growth', QJE, 70(1), pp. 65–94.\n"
            "* Mankiw, N.G. and Weil, D.N. (1992) 'The empirics of growth', QJE, 107(2), pp. 407–437.\n"
            "Romer, P.M. (1990) 'Endogenous technological change', JPE, 98(5), pp. S71–S102.\n\nWeek 2: Firms\n\n"
            "* Coase, R.H. (1937) 'The nature of the firm', Economica, 4(16), pp. 386–405.\n")
    split = split_text(text)
    assert [r.text[:5] for r in split.refs] == ["Solow", "Manki", "Romer", "Coase"]


def test_identifiers_broken_without_a_break_character():
    text = ("Deci, E. L., & Ryan, R. M. (2000). The what and why of harbour pursuits. Psychological Tides,\n"
            "11(4), 227–268. https://doi.org/10.1207/S15327965\nPLI1104_01\n"
            "Dweck, C. S. (2006). Mindset: The new psychology of\nsuccess. Random House.\n")
    refs = split_text(text).refs
    assert len(refs) == 2
    assert "https://doi.org/10.1207/S15327965PLI1104_01" in refs[0].text
