"""Reading body prefixes: challenge pages and soft-404 comparison, without false alarms."""

from __future__ import annotations

from refkit.check.pages import HostProfile, challenge_in, compare

NAV = "<nav>" + " ".join(f"Section{i}" for i in range(40)) + "</nav><footer>Example Press, all rights reserved</footer>"


def html(title: str, main: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body>{NAV}<main>{main}</main></body></html>".encode()


NOT_FOUND = html("Page not found | Example Press", "<h1>Sorry</h1><p>We could not find /x/refkit-1234.</p>")
PROFILE = HostProfile(soft=True, status=200, probe_url="https://ex.org/x/refkit-1234",
                      final_url="https://ex.org/x/refkit-1234", body=NOT_FOUND, not_found_words=True)


def test_challenge_markers():
    cf = b"<html><head><title>Just a moment...</title></head><body>cf_chl_opt</body></html>"
    assert challenge_in({}, cf)
    assert challenge_in({"CF-Mitigated": "challenge"}, b"")
    form = b"<html><title>Contact us</title><div class='g-recaptcha'></div></html>"
    assert not challenge_in({}, form)  # an ordinary page with a captcha on its form
    assert challenge_in({}, form, error_status=True)
    assert not challenge_in({}, html("Article", "plain text"))


def test_soft_404_page_is_dead_and_ordinary_pages_are_not():
    assert compare(PROFILE, "https://ex.org/x/old", "https://ex.org/x/old", False,
                   NOT_FOUND.replace(b"refkit-1234", b"old"))[0] == "dead"
    real = html("Glaciers of the Alps | Example Press", "<h1>Glaciers</h1><p>" + "ice " * 30 + "</p>")
    assert compare(PROFILE, "https://ex.org/x/glaciers", "https://ex.org/x/glaciers", False, real) is None
    # a short real page on the same template, whose text even says "not found"
    short = html("Error 404 explained | Example Press", "<p>What not found means.</p>")
    assert compare(PROFILE, "https://ex.org/x/e404", "https://ex.org/x/e404", False, short) is None


def test_redirecting_soft_404_host():
    prof = HostProfile(soft=True, status=200, redirected=True, probe_url="https://ex.org/refkit-1",
                       final_url="https://ex.org/")
    assert compare(prof, "https://ex.org/old", "https://ex.org/", True, None)[0] == "dead"
    assert compare(prof, "https://ex.org/", "https://ex.org/", False, None) is None
    assert compare(prof, "https://ex.org/a", "https://ex.org/b", True, None) is None
    assert compare(HostProfile(soft=False), "https://ex.org/old", "https://ex.org/", True, None) is None


def test_a_short_not_found_page_matches_whatever_letters_the_probe_name_had():
    # the probe's random name mixes digits and letters; its letter runs must not count as text
    def short_page(path: str) -> bytes:
        return (f"<html><head><title>Page not found</title></head><body><h1>Sorry</h1>"
                f"<p>The page {path} does not exist.</p></body></html>").encode()

    for name in ("refkit-3fa9b2c4d1e0", "refkit-a1b2c3d4e5f6", "refkit-123456789012"):
        probe = f"https://ex.org/gone/{name}"
        prof = HostProfile(soft=True, status=200, probe_url=probe, final_url=probe,
                           body=short_page("/gone/" + name), not_found_words=True)
        got = compare(prof, "https://ex.org/gone/17", "https://ex.org/gone/17", False, short_page("/gone/17"))
        assert got is not None and got[0] == "dead", name
