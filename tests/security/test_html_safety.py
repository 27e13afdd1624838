"""The page inspector of the output tests can fail: it sees each payload that would run if unescaped."""

import pytest
from django.template import Context, Template

from .html_safety import dangerous_url, executable_markup, fragment_problems
from .xss_corpus import BASE_VECTORS

# Vectors that are only text even when pasted raw into a page: no tag, or no tag a browser builds.
INERT_AS_RAW_HTML = {
    "<scr<script>ipt>xss()</scr</script>ipt>",  # a tag named "scr<script", then a stray </script>
    "{{constructor.constructor('xss()')()}}",  # runs only in a client-side template engine: none here
    "${xss()}",
    "javascript:xss()",
    "JaVaScRiPt:xss()",
    "&lt;script&gt;xss()&lt;/script&gt;",
    "%3Cscript%3Exss()%3C/script%3E",
    "\\u003cscript\\u003exss()\\u003c/script\\u003e",
}
PAGE = Template('<!DOCTYPE html><html><head><script src="/static/site.js"></script></head><body><p>{{ value }}</p>'
                '<p title="{{ value }}">x</p></body></html>')
UNSAFE_PAGE = Template("<!DOCTYPE html><html><body><p>{{ value|safe }}</p></body></html>")


@pytest.mark.parametrize("vector", [v for v in BASE_VECTORS if v not in INERT_AS_RAW_HTML])
def test_a_raw_vector_is_reported(vector):
    assert executable_markup(UNSAFE_PAGE.render(Context({"value": vector})))


@pytest.mark.parametrize("vector", BASE_VECTORS)
def test_an_escaped_vector_is_not(vector):
    assert executable_markup(PAGE.render(Context({"value": vector}))) == []


def test_the_sites_own_scripts_and_data_blocks_are_not_reported():
    html = ('<script src="/static/live/live.js" type="module"></script>'
            '<script id="live-i18n" type="application/json">{"a": "\\u003cscript\\u003e"}</script>'
            '<noscript><meta http-equiv="refresh" content="30"></noscript>')
    assert executable_markup(html) == []


def test_scripts_from_elsewhere_and_inline_scripts_are_reported():
    assert executable_markup('<script src="//evil.example/x.js"></script>')
    assert executable_markup("<script>fetch('/')</script>")


def test_noscript_is_read_as_a_browser_with_scripting_reads_it():
    assert executable_markup('<noscript><p title="</noscript><img src=x onerror=xss()>"></noscript>')


@pytest.mark.parametrize("url", ["javascript:xss()", " JaVa\tScRiPt:xss()", "`javascript:xss()`",
                                 "data:text/html,<script>", "vbscript:x"])
def test_script_urls_are_dangerous(url):
    assert dangerous_url(url)


@pytest.mark.parametrize("url", ["https://example.org/", "/propositions/1/", "#commentaires", "mailto:a@b.fr", "?page=2"])
def test_ordinary_urls_are_not(url):
    assert dangerous_url(url) is None


def test_a_fragment_must_stay_within_the_render_allow_list():
    assert fragment_problems('<p><a href="https://example.org" rel="nofollow">x</a></p>') == []
    assert fragment_problems("<p><img src=x></p>")
    assert fragment_problems('<a href="javascript:xss()">x</a>')
