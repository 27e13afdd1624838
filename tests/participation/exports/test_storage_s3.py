"""Export files (and media) on an S3-compatible store, as STORAGE_BACKEND=s3 configures it.

Against a real S3 server on the loopback: moto's server mode (a test dependency), started by the test.
"""

import pytest
from django.urls import reverse

from participation.exports import services
from participation.exports.models import ExportJob
from participation.exports.registry import get_dataset
from participation.exports.scope import Scope

from .readers import read

PORT = 9650
BUCKET = "lapartcitoyenne-test"

pytestmark = pytest.mark.needs_apps("lapartcitoyenne")


@pytest.fixture(scope="module")
def s3_server():
    moto_server = pytest.importorskip("moto.server", reason="moto[server] is not installed")
    pytest.importorskip("storages.backends.s3", reason="django-storages[s3] is not installed")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=PORT, verbose=False)
    try:
        server.start()
    except OSError as error:
        pytest.skip(f"no S3 server on port {PORT}: {error}")
    yield f"http://127.0.0.1:{PORT}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    """The site's STORAGES for S3, from the same environment variables as in production."""
    import boto3
    from django.core.files.storage import storages

    from lapartcitoyenne.storage_settings import s3_storages

    for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                        "AWS_DEFAULT_REGION": "eu-west-3"}.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-3")
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
    configured = s3_storages({"STORAGE_BACKEND": "s3", "AWS_STORAGE_BUCKET_NAME": BUCKET,
                              "AWS_S3_ENDPOINT_URL": s3_server, "AWS_S3_REGION_NAME": "eu-west-3"})
    settings.STORAGES = {**settings.STORAGES, **configured}
    # The job's file field took its storage when the model was loaded.
    monkeypatch.setattr(ExportJob._meta.get_field("file"), "storage", storages["exports"])
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_an_export_file_is_written_to_the_bucket_and_downloaded_from_it(s3, staff, client_for, frame):
    job = services.start_job(staff, get_dataset("events"), Scope(), "xlsx")
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE
    (key,) = keys(s3)
    assert key.startswith("private-exports/jobs/events") and key.endswith(".xlsx")
    response = client_for(staff).get(reverse("exports:download", args=[services.download_token(job)]))
    assert response.status_code == 200
    assert 'attachment; filename="events.xlsx"' == response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body)
    assert len(read("xlsx", body)) == 1 + 3


def test_expired_export_files_are_deleted_from_the_bucket(s3, staff, frame):
    from datetime import timedelta

    from django.utils import timezone

    services.start_job(staff, get_dataset("events"), Scope(), "csv")
    assert len(keys(s3)) == 1
    assert services.purge_expired(now=timezone.now() + timedelta(days=2)) == 1
    assert keys(s3) == []


def test_media_go_to_the_bucket_too(s3):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("proposals/plan.pdf", ContentFile(b"%PDF-1.4"))
    assert keys(s3) == [f"media/{name}"]
    assert default_storage.open(name).read() == b"%PDF-1.4"
    assert default_storage.url(name).startswith(f"http://127.0.0.1:{PORT}/{BUCKET}/media/")
