"""The overflow browser test's page list covers every URL of the site: a new page can't be forgotten."""

from tests.browser.site_pages import NOT_PAGES, PAGES, site_url_names


def test_every_url_of_the_site_is_listed_as_a_page_or_not():
    names = site_url_names()
    unlisted = names - set(PAGES) - set(NOT_PAGES)
    assert not unlisted, f"add to tests/browser/site_pages.py PAGES (or NOT_PAGES, with why): {sorted(unlisted)}"


def test_the_list_names_only_urls_that_exist():
    names = site_url_names()
    assert set(PAGES) | set(NOT_PAGES) <= names
    assert not set(PAGES) & set(NOT_PAGES)
