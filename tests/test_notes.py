"""Footnote and endnote lists: several citations per note, ibid./id., works cited again, prose."""

from __future__ import annotations

from pathlib import Path

from refkit.parse.notes import looks_like_notes
from refkit.parse.split import split_text

NOTES = (Path(__file__).parent / "data" / "segment" / "footnotes.md").read_text(encoding="utf-8")


def test_each_work_once_with_prose_and_locators_stripped():
    split = split_text(NOTES)
    texts = [r.text for r in split.refs]
    assert texts == [
        "Lena Hartmann, The Politics of Water (Oxford: Clarendon Press, 1998).",
        "Omar Siddiqui, Shared Rivers (London: Zed Books, 2004).",
        "Maria Costa, \"Dams and Diplomacy,\" Journal of Peace Research 41, no. 3 (2005): 301–20.",
        "Thomas Greene, Upstream, Downstream (Cambridge, MA: MIT Press, 2011)",
        "Ana Ruiz and Paul Becker, \"Drought and Migration,\" World Development 122 (2019): 88–101.",
    ]
    assert [r.number for r in split.refs] == ["1", "3", "3", "5", "7"]
    why = {s.line: s.reason for s in split.skipped}
    assert why[2].startswith("note 2: ibid.") and why[4].startswith("note 4: cites again")
    assert "ibid." in why[5]  # "Id. at 90" after Greene in the same note


def test_keep_repeats_keeps_every_citation():
    split = split_text(NOTES, keep_repeats=True)
    texts = [r.text for r in split.refs]
    assert len(texts) == 9
    assert texts[1] == texts[0]  # ibid. resolved to the work before it
    assert texts[-1].startswith("Ana Ruiz")


def test_numbered_endnotes_with_ibid_are_notes():
    text = ("1. See Paul Kerr, A History of Trade (Boston: Beacon, 1990), 12.\n"
            "2. Ibid., 14.\n"
            "3. Mary Stone, \"Ports and Power,\" Maritime Review 7 (2003): 1–20; cf. Kerr, History of Trade, 30.\n"
            "4. Lee Dunn, Harbours (Leiden: Brill, 2015), 3.\n")
    lines = text.splitlines()
    assert looks_like_notes(lines)
    texts = [r.text for r in split_text(text).refs]
    assert texts == ["Paul Kerr, A History of Trade (Boston: Beacon, 1990).",
                     "Mary Stone, \"Ports and Power,\" Maritime Review 7 (2003): 1–20",
                     "Lee Dunn, Harbours (Leiden: Brill, 2015)."]


def test_a_plain_numbered_list_is_not_notes():
    text = "1. Smith, J. (2001). A. Journal, 1.\n2. Jones, K. (2002). B. Journal, 2.\n"
    assert not looks_like_notes(text.splitlines())


def test_op_cit_and_supra_are_the_work_cited_before():
    text = ("[^1]: Paul Kerr, A History of Trade (Boston: Beacon, 1990), 12.\n"
            "[^2]: Mary Stone, Ports and Power (Leiden: Brill, 2003), 4.\n"
            "[^3]: Kerr, op. cit., 30.\n"
            "[^4]: Stone, supra note 2, at 9.\n")
    split = split_text(text)
    assert [r.text[:10] for r in split.refs] == ["Paul Kerr,", "Mary Stone"]
    assert [s.line for s in split.skipped] == [3, 4]


def test_a_paper_with_endnotes_and_no_reference_list():
    prose = ("We argue that the trade of the harbour towns changed a great deal over the century and that "
             "this change was driven by many things that we will study in turn here, one after the other. ")
    text = ("A history paper\n\nIntroduction\n\n" + "\n\n".join([prose * 2] * 12) + "\n\nNotes\n\n"
            "1. Paul Kerr, A History of Trade (Boston: Beacon, 1990), 12.\n"
            "2. Ibid., 14.\n"
            "3. Mary Stone, \"Ports and Power,\" Maritime Review 7 (2003): 1-20.\n"
            "4. Kerr, History of Trade, 30.\n")
    split = split_text(text, paper=True)
    assert split.section and split.heading == "Notes"
    assert [r.text[:10] for r in split.refs] == ["Paul Kerr,", "Mary Stone"]


def test_prose_notes_with_a_year_are_remarks():
    from refkit.parse import split_text

    text = ("Notes\n\n1. Według danych serwisu liczba udostępnionych preprintów wzrosła w 2020 r. ponad dziesięciokrotnie "
            "w porównaniu z rokiem poprzednim.\n"
            "2. Lind, Anna: Die Stadt im Wandel. Frankfurt a. M. 2001, S. 12.\n3. Ibid., S. 14.\n")
    sp = split_text(text)
    assert [r.text[:5] for r in sp.refs] == ["Lind,"]
    assert any("a remark" in s.reason for s in sp.skipped)
