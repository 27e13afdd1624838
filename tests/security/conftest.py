import pytest

from . import poison


@pytest.fixture
def world(db):
    """The poisoned site: every text field of every app holds the XSS corpus."""
    return poison.build()
