"""keys: patterns, transliteration, clash suffixes, keeping keys that already match, --apply rewrites."""

from __future__ import annotations

import pytest

from refkit.errors import InputError
from refkit.manage import keys
from refkit.manage.lint_scan import scan

BIB = """@article{x1, author = {M{\\"u}ller, J{\\"o}rg and Smith, Ann and Lee, Bo}, title = {The Deep Sea of Things},
  year = {2019}, pages = {33--40}}
@article{x2, author = {M{\\"u}ller, J{\\"o}rg}, title = {Deep Learning}, year = 2019}
@book{yagoda2020prirode, author = {Ягода, Иван}, title = {О природе вещей}, date = {2020-05}}
@inproceedings{x4, author = {van der Berg, Anna}, title = {Shallow}, crossref = {proc}}
@proceedings{proc, editor = {{World Health Organization}}, title = {Proc}, year = {2001}}
@misc{x6, author = {陈登原}, title = {国史旧闻}, year = {2000}}
"""


def keys_of(pattern: str = keys.DEFAULT_PATTERN) -> dict[str, str]:
    return {c.old: c.new for c in keys.plan(scan(BIB), pattern)}


def test_default_pattern_and_clashes():
    m = keys_of()
    assert m["x1"] == "muller2019deepa" and m["x2"] == "muller2019deepb"  # both get a suffix
    assert "yagoda2020prirode" not in m  # already follows the pattern: kept
    assert m["x4"] == "berg2001shallow"  # year through the crossref, von particle dropped
    assert m["proc"] == "world2001proc"
    assert m["x6"] == "chen2000guo"


@pytest.mark.parametrize("pattern, key, expected", [
    ("{authors}{shortyear}", "x1", "MullerSmithLee19"),
    ("{authors2}", "x1", "MullerSmithEtAl"),
    ("{authEtAl}_{year}", "x1", "MullerEtAl_2019"),
    ("{auth:upper}-{title:lower}", "x2", "MULLER-deeplearning"),
    ("{auth}{shorttitle}", "x1", "MullerDeepSeaThings"),
    ("{auth:lower}{firstpage}", "x1", "muller33"),
    ("{title:abbr}{year}", "x2", "DL2019"),
    ("{authini:lower}{year}", "x2", "jmuller2019b"),  # x1 makes the same key
    ("{auth:3}{year}", "x4", "Ber2001"),
])
def test_patterns(pattern, key, expected):
    assert keys_of(pattern)[key] == expected


def test_kept_keys_take_their_names_first():
    bib = "@misc{old, author={Doe, J}, title={Alpha}, year={2000}}\n@misc{doe2000alpha, author={Doe, J}, title={Alpha Beta}, year={2000}}\n"
    m = {c.old: c.new for c in keys.plan(scan(bib))}
    assert m == {"old": "doe2000alphaa"}


def test_apply_renames_keys_and_crossrefs():
    changes = keys.plan(scan(BIB))
    out = keys.apply(BIB, changes)
    assert "@proceedings{world2001proc," in out and "crossref = {world2001proc}" in out
    assert "@article{muller2019deepa," in out and "@book{yagoda2020prirode," in out
    assert keys.plan(scan(out)) == []  # applying twice changes nothing


def test_keymap_is_composed(tmp_path):
    p = tmp_path / "m.json"
    keys.write_keymap(p, {"a": "b"})
    assert keys.write_keymap(p, {"b": "c", "x": "y"}) == {"a": "c", "b": "c", "x": "y"}


@pytest.mark.parametrize("bad", ["", "{nope}", "{auth:shout}", "{auth} {year}", "{auth"])
def test_bad_patterns(bad):
    with pytest.raises(InputError):
        keys.validate(bad)


def test_bib_keys_transliterate_for_parse():
    from refkit.bib.keys import assign_keys
    from refkit.model import Date, Name, Reference

    refs = [Reference(names={"author": [Name(family="Ягода", given="И")]}, dates={"issued": Date((2020,))}),
            Reference(names={"author": [Name(family="Müller")]}, dates={"issued": Date((2019,))}),
            Reference(names={"author": [Name(family="Müller")]}, dates={"issued": Date((2019,))})]
    assert assign_keys(refs) == ["yagoda2020", "muller2019a", "muller2019b"]
