"""Redis unreachable: pages, sign-in, writes and the API go on, without rate limits, and say so in
the log (lapartcitoyenne.cache). Nothing is half-written: each write is saved whole, once."""

import shutil
import socket
import subprocess
import time

import pytest
from django.urls import reverse

from participation.comments.models import Comment
from tests.factories import UserFactory
from tests.participation.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def use_redis_cache(settings, port):
    settings.CACHES = {
        "default": {
            "BACKEND": "lapartcitoyenne.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def writes_go_through(client, api, proposal):
    """A page, a sign-in, a comment by page and by the API: all answered, all saved once."""
    assert client.get(reverse("consultations:programme")).status_code == 200
    response = client.post(reverse("comments:add", args=["proposals.proposal", proposal.pk]), {"body": "Par la page."})
    assert response.status_code == 302
    response = api.post(
        "/api/comments/", {"target": "proposals.proposal", "object_id": proposal.pk, "body": "Par l’API."}, format="json"
    )
    assert response.status_code == 201, response.content
    assert sorted(Comment.objects.values_list("body", flat=True)) == ["Par la page.", "Par l’API."]
    proposal.refresh_from_db()
    assert proposal.comment_count == 2


def test_with_redis_unreachable_the_site_works_and_logs_it(settings, client_for, api_for, client, caplog):
    use_redis_cache(settings, free_port())
    user = UserFactory(display_name="Awa", email="awa@exemple.fr")
    proposal = ProposalFactory(support_threshold=300)
    with caplog.at_level("WARNING", logger="lapartcitoyenne.cache"):
        response = client.post(reverse("account_login"), {"login": "awa@exemple.fr", "password": "mot-de-passe-solide-42"})
        assert response.status_code == 302
        writes_go_through(client_for(user), api_for(user), proposal)
    warnings = [record for record in caplog.records if "Redis is unreachable" in record.getMessage()]
    # Once per outage (and per process), not once per call.
    assert len(warnings) == 1


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")
def test_when_redis_stops_the_site_goes_on_and_counts_again_when_it_is_back(settings, client_for, api_for, caplog, monkeypatch):
    from lapartcitoyenne import cache as fail_open

    monkeypatch.setattr(fail_open, "RETRY_SECONDS", 0)
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import redis

        probe = redis.Redis(port=port)
        for _ in range(100):
            try:
                probe.ping()
                break
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        use_redis_cache(settings, port)
        user = UserFactory()
        proposal = ProposalFactory(support_threshold=300)
        client = client_for(user)
        client.post(reverse("comments:add", args=["proposals.proposal", proposal.pk]), {"body": "Compté."})
        assert any(b"ratelimit" in key or b"rl:" in key for key in probe.keys("*")), "the write was not counted in Redis"
        server.terminate()
        server.wait(10)
        Comment.objects.all().delete()
        proposal.comment_count = 0
        proposal.save()
        with caplog.at_level("WARNING", logger="lapartcitoyenne.cache"):
            writes_go_through(client, api_for(user), proposal)
        assert any("Redis is unreachable" in record.getMessage() for record in caplog.records)
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(10)
