"""Uploads are served by the site in its embedded mode (make run), only from under MEDIA_ROOT."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def test_an_uploaded_file_is_served_in_the_embedded_mode(client, db):
    name = default_storage.save("proposals/1/plan.pdf", ContentFile(b"%PDF-1.4 plan"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"


def test_nothing_outside_media_root_is_served(client, db, settings, tmp_path):
    (tmp_path / "secret.txt").write_text("the content of a file outside MEDIA_ROOT")
    default_storage.save("ok.txt", ContentFile(b"ok"))
    for path in ["/media/../secret.txt", "/media/%2e%2e/secret.txt", "/media//etc/passwd", "/media/..%2fsecret.txt"]:
        response = client.get(path)
        assert response.status_code in (400, 404), path
        # (The 404 page may name the path it was asked for, in its language form: not the file.)
        assert b"outside MEDIA_ROOT" not in response.content


def test_a_name_the_file_system_cannot_look_up_is_not_found(client, db):
    assert client.get("/media/" + "9" * 300).status_code == 404
    assert client.post("/media/proposals/1/plan.pdf").status_code == 405
