"""Every payload through the one rendering path leaves no script, handler or dangerous URL."""

import pytest

from consultations.text import render_markdown

from .html_safety import fragment_problems
from .xss_corpus import PAYLOADS


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 200


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendered_markdown_is_inert(payload):
    assert not fragment_problems(str(render_markdown(payload)))
