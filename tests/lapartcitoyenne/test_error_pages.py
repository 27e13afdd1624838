"""Error pages are French, in the site's layout, with a way back; the API keeps its JSON."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import get_resolver

from lapartcitoyenne.errors import back_url, csrf_failure, server_error

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production_like(settings):
    settings.DEBUG = False


def test_an_unknown_page_is_a_french_404_in_the_layout_with_a_way_back(client):
    response = client.get("/cette-page-n-existe-pas/", HTTP_REFERER="http://testserver/programme/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page introuvable" in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert 'href="http://testserver/programme/"' in page and "Revenir à la page précédente" in page
    assert "Aller à l’accueil" in page or "Aller à l'accueil" in page


def test_the_way_back_never_points_outside_the_site(client):
    response = client.get("/inconnue/", HTTP_REFERER="https://ailleurs.example/piege")
    assert response.status_code == 404
    assert "ailleurs.example" not in response.content.decode()
    assert "Revenir à la page précédente" not in response.content.decode()


def test_an_unknown_api_address_stays_json(client):
    response = client.get("/api/nulle-part/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_forbidden_page_is_a_french_403(client, citizen):
    client.force_login(citizen)
    response = client.get("/equipe/statistiques/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Accès non autorisé" in page and 'class="site-footer"' in page


def test_the_403_handler_answers_json_under_the_api():
    handler = get_resolver().resolve_error_handler(403)
    request = RequestFactory().get("/api/quelque-chose/")
    response = handler(request, PermissionDenied())
    assert response.status_code == 403 and b'"code": "permission_denied"' in response.content


def test_a_bad_host_is_a_french_400():
    response = Client().get("/", HTTP_HOST="pirate.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Requête incomprise" in page and "Aller à l" in page


def test_a_form_without_its_security_token_is_a_french_403():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/contact/", {"message": "Bonjour"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Le formulaire a expiré" in page and 'class="site-header"' in page


def test_csrf_failure_view_is_the_sites(settings):
    from django.middleware.csrf import _get_failure_view

    assert _get_failure_view() is csrf_failure


def test_the_write_limit_page_is_french_with_a_way_back(client, settings, citizen):
    settings.WRITE_RATE_PER_USER = "1/m"
    client.force_login(citizen)
    client.post("/contact/", {}, HTTP_REFERER="http://testserver/contact/")
    response = client.post("/contact/", {}, HTTP_REFERER="http://testserver/contact/")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop de demandes" in page and 'href="http://testserver/contact/"' in page


def test_a_server_error_is_a_french_500_in_the_layout(settings):
    settings.ROOT_URLCONF = "tests.lapartcitoyenne.urls_boom"
    client = Client(raise_request_exception=False)
    response = client.get("/boum/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Une erreur est survenue" in page and 'class="site-header"' in page and "Aller à l" in page


@pytest.mark.django_db(transaction=False)
def test_the_500_page_renders_without_the_database(django_db_blocker):
    request = RequestFactory().get("/quelque-part/")
    with django_db_blocker.block():
        response = server_error(request)
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()


def test_back_url_is_only_a_page_of_the_site():
    factory = RequestFactory()
    assert back_url(factory.get("/a/", HTTP_REFERER="http://testserver/b/")) == "http://testserver/b/"
    assert back_url(factory.get("/a/", HTTP_REFERER="http://testserver/a/")) == ""
    assert back_url(factory.get("/a/", HTTP_REFERER="javascript:alert(1)")) == ""
