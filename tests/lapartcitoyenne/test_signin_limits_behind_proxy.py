"""allauth's sign-in limits count each visitor's address behind the proxy, not the proxy's.

Found by the mixed crowd (bench/crowd.py): behind nginx every request comes from 127.0.0.1, so
allauth's « 30 sign-ins a minute per address » was 30 a minute for the whole site — the 31st
citizen signing in during a public meeting was refused. The production settings now hand allauth
the header the proxy sets (the one the site's own write limits already read).
"""

from django.urls import reverse

from .test_settings import run_manage


def _failed_sign_in(client, address, number):
    return client.post(reverse("account_login"), {"login": f"personne{number}@exemple.fr", "password": "faux"},
                       REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=address)


def test_production_settings_give_allauth_the_proxys_client_address_header():
    shown = "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
    behind_proxy = run_manage("shell", "-c", shown, RATELIMIT_IP_META_KEY="HTTP_X_REAL_IP")
    assert behind_proxy.stdout.strip().splitlines()[-1] == "X-REAL-IP", behind_proxy.stderr
    assert run_manage("shell", "-c", shown).stdout.strip().splitlines()[-1] == "None"


def test_many_people_behind_one_proxy_are_counted_one_by_one(client, settings, db):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-REAL-IP"
    # allauth answers 429 to the 31st sign-in of a minute from one address (ACCOUNT_RATE_LIMITS "login").
    answers = [_failed_sign_in(client, f"203.0.113.{n}", n).status_code for n in range(1, 32)]
    assert 429 not in answers


def test_one_address_is_still_limited_behind_the_proxy(client, settings, db):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-REAL-IP"
    answers = [_failed_sign_in(client, "203.0.113.7", n).status_code for n in range(1, 32)]
    assert answers[-1] == 429, answers
