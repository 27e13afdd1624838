"""Exports stream under both kinds of server: the first chunk leaves before the last row is read.

Under ASGI Django would read a synchronous generator to its end before the first byte
(participation.exports.streaming); these tests drive Django's ASGI handler as uvicorn does, and its
WSGI handler as gunicorn does, and note how many rows had been read when the first chunk left.
"""

import asyncio
import csv
import io

import pytest
from django.core.asgi import get_asgi_application
from django.test import Client
from django.urls import reverse

from participation.exports import views
from participation.exports.registry import as_dataset
from tests.asgi_harness import asgi_get
from tests.factories import ConsultationFactory

ROWS = 20_000


@pytest.fixture
def counting(monkeypatch):
    """An open dataset of ROWS rows that counts the rows read so far."""
    read = {"rows": 0}

    def rows(scope):
        for number in range(1, ROWS + 1):
            read["rows"] = number
            yield {"n": number, "label": f"ligne {number}"}

    dataset = as_dataset(
        {"name": "counting", "label": "Counting", "columns": [("n", "N"), ("label", "Label")], "rows": rows,
         "open_data": True},
        "tests",
    )
    monkeypatch.setattr(views, "get_dataset", lambda name: dataset if name == "counting" else None)
    monkeypatch.setattr(views, "open_datasets", lambda: [dataset])
    return read


def parsed(body):
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.django_db(transaction=True)
def test_under_asgi_the_first_chunk_leaves_before_the_last_row_is_read(counting):
    ConsultationFactory(slug="quartiers-2025")
    path = reverse("exports:open_data_file", args=["quartiers-2025", "counting", "csv"])
    read_at_first_chunk = []

    def first(chunk):
        if not read_at_first_chunk:
            read_at_first_chunk.append(counting["rows"])

    status, headers, body = asyncio.run(asgi_get(get_asgi_application(), path, on_chunk=first))
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert read_at_first_chunk[0] < ROWS // 10
    rows = parsed(body)
    assert rows[0] == ["n", "label"] and len(rows) == 1 + ROWS and rows[-1] == [str(ROWS), f"ligne {ROWS}"]


@pytest.mark.django_db(transaction=True)
def test_under_asgi_other_requests_are_served_while_a_download_streams(counting):
    """Between two chunks the event loop is free: a page asked for in the middle answers at once."""
    ConsultationFactory(slug="quartiers-2025")
    application = get_asgi_application()
    path = reverse("exports:open_data_file", args=["quartiers-2025", "counting", "csv"])
    rows_read_when_page_answered = []

    async def both():
        download = asyncio.create_task(asgi_get(application, path))
        while counting["rows"] == 0:
            await asyncio.sleep(0.001)
        status, _headers, _body = await asgi_get(application, reverse("exports:open_data"))
        rows_read_when_page_answered.append(counting["rows"])
        await download
        return status

    assert asyncio.run(both()) == 200
    assert rows_read_when_page_answered[0] < ROWS


def test_under_wsgi_the_first_chunk_leaves_before_the_last_row_is_read(counting, db):
    ConsultationFactory(slug="quartiers-2025")
    response = Client().get(reverse("exports:open_data_file", args=["quartiers-2025", "counting", "csv"]))
    assert response.streaming
    chunks = iter(response.streaming_content)
    first = next(chunks)
    assert counting["rows"] < ROWS // 10
    assert first.decode("utf-8-sig").startswith('"n","label"')
    rows = parsed(first + b"".join(chunks))
    assert len(rows) == 1 + ROWS


@pytest.mark.django_db(transaction=True)
def test_under_asgi_a_real_dataset_streams_from_the_database(frame):
    path = reverse("exports:open_data_file", args=["quartiers-2025", "event_sessions", "csv"])
    status, _headers, body = asyncio.run(asgi_get(get_asgi_application(), path))
    assert status == 200
    rows = parsed(body)
    assert rows[0][:2] == ["event", "event_title"] and len(rows) == 3
