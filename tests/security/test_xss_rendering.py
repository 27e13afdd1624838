"""Every payload through the one rendering path leaves no script, handler or dangerous URL."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from consultations.text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown

from .xss_corpus import PAYLOADS

SAFE_SCHEMES = {"", "http", "https", "mailto"}  # "": a relative link


class Inspector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()) and name != "rel":
                self.problems.append(f"attribute {name} on <{tag}>")
            if name == "href" and urlsplit(value.strip()).scheme.lower() not in SAFE_SCHEMES:
                self.problems.append(f"href {value!r}")


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 200


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendered_markdown_is_inert(payload):
    inspector = Inspector()
    inspector.feed(str(render_markdown(payload)))
    assert not inspector.problems
