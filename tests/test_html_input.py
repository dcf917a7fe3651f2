"""Reference lists with HTML or JATS-style tags (parse/html.py), on invented lists."""

from __future__ import annotations

from refkit.parse import parse_text
from refkit.parse.html import has_markup, to_text

PAGE = """<html><head><title>Reading list</title><style>li {color: red}</style></head><body>
<h2>References</h2>
<ol>
<li>Varga L, Holm F, Lind E. 2011. Caspases in moss cells. <italic>Plant Cell Reports</italic> 18: 1279&ndash;1288.</li>
<li>Smith, J., &amp; Jones, K. (2019). <i>A book about rivers</i>. Harbor Press.
<a href="https://doi.org/10.1234/abcd.5">https://doi.org/10.1234/abcd.5</a></li>
<li>Okafor, N. (2020). Soil and memory. <em>Journal of Dryland Studies</em>, <b>12</b>(3), 45&#8211;67.
<a href="https://doi.org/10.5555/jds.2020.12">[link]</a></li>
</ol></body></html>
"""


def test_an_html_list_gives_one_reference_per_item_without_tags():
    refs = [p.ref.to_csl() for p in parse_text(PAGE)]
    assert len(refs) == 3
    assert refs[0]["container-title"] == "Plant Cell Reports"
    assert refs[0]["page"] == "1279-1288"
    assert [a["family"] for a in refs[1]["author"]] == ["Smith", "Jones"]
    assert refs[1]["DOI"] == "10.1234/abcd.5"
    assert refs[2]["DOI"] == "10.5555/jds.2020.12"  # the link behind "[link]" is kept
    assert all("<" not in str(r) and "&amp;" not in str(r) for r in refs)


def test_inline_tags_one_per_line_keep_the_count():
    text = ("Varga L. 2011. Caspases. <italic>Plant Cell Reports</italic> 18: 1279–1288.\n"
            "<i>Another Book</i>. London: Grange, 1990.<br>\n")
    refs = parse_text(text, one_per_line=True)
    assert len(refs) == 2
    assert refs[0].ref.to_csl()["container-title"] == "Plant Cell Reports"


def test_plain_text_with_angle_brackets_is_left_alone():
    text = "Doe, J. (2020). A page. Retrieved from <https://example.org/a?b=1&c=2>\n"
    assert not has_markup(text)
    assert to_text(text) == text
    assert parse_text(text)[0].ref.to_csl()["URL"] == "https://example.org/a?b=1&c=2"


def test_an_angle_bracket_link_inside_html_survives():
    out = to_text("<p>Doe, J. A page. <https://example.org/x></p>")
    assert "https://example.org/x" in out


def test_inline_tags_keep_the_hanging_indents_of_a_wrapped_list():
    refs = [f"Author{n}, A. ({2000 + n}). A long title about harbour number {n} and the tides that fill it "
            f"every day. <italic>Journal of Harbours</italic>, {n}(2), 1–20." for n in range(1, 7)]
    import textwrap

    text = "\n".join(textwrap.fill(r, 60, subsequent_indent="   ") for r in refs) + "\n"
    split = parse_text(text)
    assert len(split) == 6
    assert all(p.ref.to_csl()["container-title"] == "Journal of Harbours" for p in split)
