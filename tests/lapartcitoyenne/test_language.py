import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_french_whatever_the_browser_says(client):
    response = client.get(reverse("consultations:programme"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Le programme des rendez-vous" in response.text
    assert response["Content-Language"] == "fr"


def test_english_when_chosen_in_the_footer(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/programme/"}, follow=True)
    assert "The programme of rendez-vous" in response.text
