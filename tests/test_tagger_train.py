"""`refkit train` round trip on a tiny invented labelled file, and the training library's checks."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from refkit.cli import cli
from refkit.errors import InputError, OutputError
from refkit.parse.tagger import load_model, tag
from refkit.parse.training import example_from_segments, train

TINY = [
    [["author", "Doe, J."], ["date", "(2001)."], ["title", "Reed beds in winter."],
     ["journal", "Marsh Studies,"], ["volume", "3(2),"], ["pages", "1–9."]],
    [["author", "Roe, A., & Poe, B."], ["date", "(1999)."], ["title", "Salt and stone."],
     ["journal", "Quarry Review,"], ["volume", "14,"], ["pages", "22–40."]],
    [["author", "Lund, K."], ["date", "(2012)."], ["title", "Old mills of the valley."],
     ["location", "Oslo:"], ["publisher", "Fjord Press."]],
    [["author", "Ahn, S., Berg, T., & Cruz, M."], ["date", "(2020)."], ["title", "Night birds of the delta."],
     ["journal", "Wetland Letters,"], ["volume", "8(1),"], ["pages", "100–117."]],
]


def write_jsonl(path, rows, with_text=True):
    with path.open("w", encoding="utf-8") as fh:
        for segs in rows:
            rec = {"segments": segs}
            if with_text:
                rec["text"] = " ".join(t for _, t in segs)
            fh.write(json.dumps(rec) + "\n")


def test_train_command_round_trip(tmp_path):
    data = tmp_path / "mine.jsonl"
    write_jsonl(data, TINY * 3)
    with data.open("a") as fh:
        fh.write("{not json\n")
    model = tmp_path / "mine.crfsuite"
    r = CliRunner().invoke(cli, ["train", str(data), "-o", str(model), "--iterations", "60"])
    assert r.exit_code == 0, r.output
    assert "Trained on 12 references" in r.stderr
    assert "Warning: skipped" in r.stderr and ":13:" in r.stderr
    m = load_model(model)
    got = {s.label: s.text for s in tag("Doe, J. (2001). Reed beds in winter. Marsh Studies, 3(2), 1–9.", m)}
    assert got == {"author": "Doe, J.", "date": "(2001).", "title": "Reed beds in winter.",
                   "journal": "Marsh Studies,", "volume": "3(2),", "pages": "1–9."}
    # a path works as well as a loaded model
    assert tag("Lund, K. (2012). Old mills of the valley. Oslo: Fjord Press.", model)[0].label == "author"

    r = CliRunner().invoke(cli, ["train", str(data), "-o", str(model)])
    assert r.exit_code == 2
    assert "Error:" in r.stderr and "--force" in r.stderr
    r = CliRunner().invoke(cli, ["train", str(data), "-o", str(model), "--force", "--iterations", "5"])
    assert r.exit_code == 0, r.output


def test_train_command_strict_and_empty(tmp_path):
    data = tmp_path / "bad.jsonl"
    data.write_text('{"segments": [["colour", "red"]]}\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["train", str(data), "-o", str(tmp_path / "m"), "--strict"])
    assert r.exit_code == 1 and "unknown label 'colour'" in r.stderr
    r = CliRunner().invoke(cli, ["train", str(data), "-o", str(tmp_path / "m")])
    assert r.exit_code == 2 and "no labelled references" in r.stderr
    r = CliRunner().invoke(cli, ["train", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "m")])
    assert r.exit_code == 2 and "Error: cannot read" in r.stderr


def test_text_must_match_segments(tmp_path):
    data = tmp_path / "x.jsonl"
    data.write_text(json.dumps({"text": "Something else", "segments": TINY[0]}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["train", str(data), "-o", str(tmp_path / "m"), "--strict"])
    assert r.exit_code == 1 and "do not add up" in r.stderr


def test_library_errors(tmp_path):
    with pytest.raises(InputError):
        train([], tmp_path / "m")
    with pytest.raises(OutputError):
        train([example_from_segments(TINY[0])], tmp_path / "no" / "such" / "m")
    ex = example_from_segments([["booktitle", "In X,"], ["source", "[DVD]."]])
    assert ex.labels == ["container-title", "container-title", "note"]


def test_trained_model_is_used_by_parse(tmp_path):
    data = tmp_path / "mine.jsonl"
    write_jsonl(data, TINY * 3)
    model = tmp_path / "mine.crfsuite"
    assert CliRunner().invoke(cli, ["train", str(data), "-o", str(model), "--iterations", "60"]).exit_code == 0
    refs = tmp_path / "refs.txt"
    refs.write_text("Ahn, S., & Berg, T. (2020). Night birds of the delta. Wetland Letters, 8(1), 100–117.\n",
                    encoding="utf-8")
    r = CliRunner().invoke(cli, ["parse", "--one-per-line", "--to", "csl-json", "--model", str(model), str(refs)])
    assert r.exit_code == 0, r.output
    (item,) = json.loads(r.stdout)
    assert item["title"] == "Night birds of the delta"
    assert item["container-title"] == "Wetland Letters"
    assert (item["volume"], item["issue"], item["page"]) == ("8", "1", "100-117")
    r = CliRunner().invoke(cli, ["parse", "--model", str(tmp_path / "nope"), str(refs)])
    assert r.exit_code == 2 and "Error: tagger model not found" in r.stderr
