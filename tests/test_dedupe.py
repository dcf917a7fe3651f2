"""refkit dedupe: invented pairs of one work written differently and hard negatives, merging, the CLI,
and the real bibliographies of ../shared/realworld (no traceback, nothing absurd)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from refkit.bib import bibtex
from refkit.cli import cli
from refkit.manage.dedupe import arxiv_id, find_duplicates, norm_doi, norm_isbn
from refkit.manage.dedupe_merge import merge_refs

sys.path.insert(0, str(Path(__file__).parent))
import dedupe_heldout  # noqa: E402
from dedupe_pairs import DIFFERENT, SAME  # noqa: E402


def _groups(a: str, b: str, **kw):
    refs, problems = bibtex.loads(a + "\n" + b)
    assert len(refs) == 2, problems
    return find_duplicates(refs, **kw)


@pytest.mark.parametrize("name,a,b", SAME, ids=[s[0] for s in SAME])
def test_same_work_is_found(name, a, b):
    groups = _groups(a, b)
    assert [g.keys for g in groups] == [["a", "b"]]
    assert 0 < groups[0].score <= 1


@pytest.mark.parametrize("name,a,b", DIFFERENT, ids=[d[0] for d in DIFFERENT])
def test_different_works_stay_apart(name, a, b):
    assert _groups(a, b) == []


def test_precision_and_recall_on_the_pairs():
    tp = sum(1 for _, a, b in SAME if _groups(a, b))
    fp = sum(1 for _, a, b in DIFFERENT if _groups(a, b))
    assert tp / (tp + fp) >= 0.98
    assert tp / len(SAME) >= 0.9


def test_precision_on_the_held_out_pairs():
    tp = sum(1 for _, a, b in dedupe_heldout.SAME if _groups(a, b))
    fp = sum(1 for _, a, b in dedupe_heldout.DIFFERENT if _groups(a, b))
    assert tp / max(tp + fp, 1) >= 0.98 and tp / len(dedupe_heldout.SAME) >= 0.8


def test_preprints_can_be_kept_apart():
    name, a, b = next(s for s in SAME if s[0] == "preprint vs published")
    assert _groups(a, b, preprints=False) == []


def test_a_chain_of_near_matches_does_not_join_two_works():
    refs, _ = bibtex.loads(
        "@article{a, author={Lee, Ann}, title={Deep learning for crop yield}, journal={Agri}, year={2020}}\n"
        "@article{b, author={Lee, A.}, title={Deep learning for crop yield}, journal={Agri}, year={2020}, doi={10.5555/q}}\n"
        "@article{c, author={Zhou, Wen}, title={Ocean acidification trends}, journal={Sea}, year={2020}, doi={10.5555/q}}\n")
    groups = find_duplicates(refs)
    assert [g.keys for g in groups] == [["a", "b"]]


def test_identifiers_are_normalised():
    assert norm_doi("https://dx.doi.org/10.1000/ABC.1.") == "10.1000/abc.1"
    assert norm_doi("doi: 10.1000/x") == "10.1000/x"
    assert norm_isbn("0-306-40615-2") == norm_isbn("978-0-306-40615-7") == "9780306406157"
    refs, _ = bibtex.loads("@misc{a, doi={10.48550/arXiv.2101.00001}}\n@misc{b, eprint={2101.00001v3}}\n"
                           "@misc{c, url={https://arxiv.org/abs/hep-th/9901001v2}}\n")
    assert [arxiv_id(r) for r in refs] == ["2101.00001", "2101.00001", "hep-th/9901001"]


def test_merge_keeps_the_richer_fields():
    _, a, b = SAME[0]
    refs, _ = bibtex.loads(b + "\n" + a)  # the poorer one first
    m = merge_refs(refs)
    assert m.get("container-title") == "Journal of Applied Sensor Physics"
    assert m.names["author"][0].given == "Ingrid"
    refs, _ = bibtex.loads(
        "@article{a, author={Ng, W.}, title={Graph kernels}, journal={J. Graph Chem.}, year={2020}, pages={1--9}}\n"
        "@article{b, author={Ng, Wei}, title={Graph kernels: a survey}, journal={Journal of Graph Chemistry}, "
        "year={2020}, doi={10.5555/gk}}\n")
    m = merge_refs(refs)
    assert (m.id, m.get("title"), m.get("page"), m.get("DOI")) == ("b", "Graph kernels: a survey", "1-9", "10.5555/gk")


BIB = """% kept as it is
@string{jgc = {Journal of Graph Chemistry}}

@article{ng2020,
  author = {Ng, W.},
  title = {Graph kernels for small molecules},
  journal = {J. Graph Chem.},
  year = {2020}
}

@book{keep,
  author = {Ortiz, Sofia},
  title = {A different book},
  year = {1999}
}

@article{ng2020full,
  author = {Ng, Wei and Tan, Li},
  title = {Graph Kernels for Small Molecules},
  journal = jgc,
  year = {2020},
  doi = {10.5555/gk.2}
}
"""


def test_cli_report_text_and_json(tmp_path):
    p = tmp_path / "refs.bib"
    p.write_text(BIB)
    r = CliRunner().invoke(cli, ["dedupe", str(p)])
    assert r.exit_code == 1
    assert f"{p}:4 ng2020, {p}:17 ng2020full:" in r.stdout
    r = CliRunner().invoke(cli, ["dedupe", str(p), "--format", "json"])
    data = json.loads(r.stdout)
    assert data["groups"][0]["keys"] == ["ng2020", "ng2020full"]
    assert 0.9 <= data["groups"][0]["score"] <= 1 and data["groups"][0]["reason"]
    assert data["summary"]["duplicates"] == 1
    p.write_text(BIB.replace("Graph kernels for small molecules", "Something else"))
    r = CliRunner().invoke(cli, ["dedupe", str(p)])
    assert r.exit_code == 0 and "no duplicates among 3 entries" in r.stderr


def test_cli_merge_writes_the_file_and_the_key_map(tmp_path):
    p = tmp_path / "refs.bib"
    p.write_text(BIB)
    out = tmp_path / "out.bib"
    r = CliRunner().invoke(cli, ["dedupe", str(p), "--merge", "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text()
    assert text.startswith("% kept as it is\n@string{jgc")
    assert "@book{keep,\n  author = {Ortiz, Sofia},\n  title = {A different book},\n  year = {1999}\n}" in text
    assert "ng2020," not in text and "@article{ng2020full," in text
    assert "Tan, Li" in text and "{10.5555/gk.2}" in text
    assert json.loads((tmp_path / "out.keymap.json").read_text()) == {"ng2020": "ng2020full"}
    assert p.read_text() == BIB  # the input is untouched
    refs, problems = bibtex.loads(text)
    assert [r.id for r in refs] == ["keep", "ng2020full"] and not problems
    # in place, with an explicit key map
    r = CliRunner().invoke(cli, ["dedupe", str(p), "--merge", "--in-place", "--key-map", str(tmp_path / "km.json")])
    assert r.exit_code == 0 and p.read_text() == text


def test_cli_merge_needs_a_destination(tmp_path):
    p = tmp_path / "refs.bib"
    p.write_text(BIB)
    r = CliRunner().invoke(cli, ["dedupe", str(p), "--merge"])
    assert r.exit_code == 2 and "--merge needs -o OUT or --in-place" in r.output


def test_realworld_files(shared):
    files = sorted((shared / "realworld" / "bib").glob("*.bib"))
    assert files
    for f in files:
        refs, _ = bibtex.loads(f.read_text(encoding="utf-8", errors="replace"), str(f))
        for g in find_duplicates(refs):
            assert len(g.keys) >= 2 and 0 < g.score <= 1
            # the safety rule holds in every group found in real files
            titles = {r.get("title").lower()[:10] for r in g.refs}
            assert len(titles) < len(g.refs) or g.reason.startswith("same")


def test_titles_in_other_scripts_are_compared():
    refs, _ = bibtex.loads(
        "@article{a, author={王, 小明}, title={基于深度学习的图像识别方法研究}, journal={计算机学报}, year={2020}}\n"
        "@article{b, author={王, 小明}, title={基于深度学习的图像识别方法研究}, journal={计算机学报}, year={2020}}\n"
        "@article{c, author={王, 小明}, title={基于规则的文本分类}, journal={计算机学报}, year={2020}}\n")
    assert [g.keys for g in find_duplicates(refs)] == [["a", "b"]]


def test_cli_several_files_with_a_strings_only_file(tmp_path):
    defs = tmp_path / "defs.bib"
    defs.write_text('@string{jx = "Journal X"}\n')
    a, b = tmp_path / "a.bib", tmp_path / "b.bib"
    a.write_text("@article{one, author={Lee, Ann}, title={Deep learning for crop yield}, journal=jx, year={2020}}\n")
    b.write_text("@article{two, author={Lee, A.}, title={Deep learning for crop yield}, journal={Journal X}, year={2020}}\n")
    r = CliRunner().invoke(cli, ["dedupe", str(defs), str(a), str(b), "--format", "json"])
    assert r.exit_code == 1, r.output
    assert json.loads(r.stdout)["groups"][0]["keys"] == ["one", "two"]
    r = CliRunner().invoke(cli, ["dedupe", str(defs), str(a), str(b), "--merge", "--in-place"])
    assert r.exit_code == 0, r.output
    assert defs.read_text() == '@string{jx = "Journal X"}\n' and b.read_text() == ""
    assert json.loads((tmp_path / "defs.keymap.json").read_text()) == {"two": "one"}


def test_merged_entries_keep_their_month(tmp_path):
    p = tmp_path / "m.bib"
    p.write_text("@article{a, author={Lee, Ann}, title={Deep learning for crop yield}, journal={Agri}, year={2020}, month=jun}\n\n"
                 "@article{b, author={Lee, A.}, title={Deep learning for crop yield}, journal={Agri}, year={2020}, doi={10.5555/q}}\n")
    r = CliRunner().invoke(cli, ["dedupe", str(p), "--merge", "--in-place"])
    assert r.exit_code == 0, r.output
    refs, _ = bibtex.loads(p.read_text())
    assert [(x.id, x.dates["issued"].start) for x in refs] == [("b", (2020, 6))]
