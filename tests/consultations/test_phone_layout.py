"""On a phone the menu and the filters fold behind a button (<details>, so without JavaScript too);
the filters start open when the person chose one or one has an error."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

FOLD = re.compile(r'<details class="filters-fold"( open)?>\s*<summary>Filtrer</summary>')


def filters_fold(response):
    match = FOLD.search(response.text)
    assert match, "the filters are not folded behind « Filtrer »"
    return "open" if match.group(1) else "closed"


@pytest.mark.parametrize(
    ("url", "params", "state"),
    [
        ("consultations:programme", {}, "closed"),
        ("consultations:programme", {"period": "past", "page": "1"}, "closed"),
        ("consultations:programme", {"theme": "transitions"}, "open"),
        ("consultations:programme", {"month": "mars"}, "open"),
        ("consultations:consultation_list", {}, "closed"),
        ("consultations:consultation_list", {"period": "open"}, "closed"),
        ("consultations:consultation_list", {"territory": "nulle-part"}, "open"),
        ("proposals:list", {}, "closed"),
        ("proposals:list", {"q": "vélo"}, "open"),
    ],
)
def test_filters_fold_and_open_when_chosen(client, url, params, state):
    assert filters_fold(client.get(reverse(url), params)) == state


def test_the_moderation_queue_default_status_leaves_its_filters_closed(client_for, moderator):
    client = client_for(moderator)
    assert filters_fold(client.get(reverse("moderation:queue"))) == "closed"
    assert filters_fold(client.get(reverse("moderation:queue"), {"status": "closed"})) == "open"


def test_the_menu_folds_behind_a_button_in_the_header(client):
    html = client.get(reverse("home")).text
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert re.search(r'<details class="menu-fold">\s*<summary>Menu</summary>\s*<nav aria-label="Menu principal">', header)
    assert reverse("consultations:programme") in header
