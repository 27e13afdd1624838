"""Every export of user text, in every format, with the XSS corpus in its fields.

An export generates no HTML: each cell must read back as the text that was written (Markdown
source, not rendered), a cell a spreadsheet would run as a formula must come back neutralised, and
the files served over HTTP must not be taken for a page by a browser.
"""

import io
import re

import pytest
from django.urls import reverse

from participation.exports import engine
from participation.exports.formats import FORMULA_TRIGGERS
from participation.exports.registry import get_dataset
from participation.exports.scope import Scope
from tests.participation.exports.readers import read

from . import poison
from .html_safety import squeeze
from .xss_corpus import PAYLOADS

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx", "ods", "json"]
# Formula payloads, with script inside for good measure: a spreadsheet must show them, not run them.
FORMULAS = [
    '=HYPERLINK("javascript:xss()";"clic") <script>xss()</script>',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
]


@pytest.fixture
def world(world):
    """The poisoned site, with comments that start like spreadsheet formulas."""
    proposal = world.objects["proposals"][0]
    for n, formula in enumerate(FORMULAS):
        poison.comment(proposal, world.objects["commenters"][n], formula)
    return world


def export(name, fmt):
    buffer = io.BytesIO()
    engine.write(get_dataset(name), Scope(), fmt, buffer)
    return read(fmt, buffer.getvalue())


# Where a program splitting a CSV on `,`, `;` or lines would start a cell: a formula there gets a quote.
CSV_CELL_START = re.compile(r"([,;\r\n])(?=[=+\-@\t\r])")


def as_written(value, fmt):
    """What a cell holds for a value: spreadsheets' formats prefix a quote to a formula."""
    if fmt != "json" and value.startswith(FORMULA_TRIGGERS):
        value = "'" + value
    if fmt == "csv":
        value = CSV_CELL_START.sub(r"\1'", value)
    return value


def expected_values(world):
    plain, markdown = world.plain, world.markdown
    messages = [m.body for m in world.objects["messages"]]
    questions = [q.body for q in world.objects["questions"]]
    return {
        "proposals": [plain[f"proposal-title-{n}"] for n in range(poison.CHUNKS)]
        + [markdown[f"proposal-body-{n}"] for n in range(poison.CHUNKS)]
        + [markdown[f"proposal-answer-{n}"] for n in range(poison.CHUNKS)]
        + [plain[f"council-name-{n}"] for n in range(1, poison.CHUNKS, 2)],
        "comments": [markdown[f"comment-{n}"] for n in range(poison.CHUNKS)]
        + [markdown[f"reply-{n}"] for n in range(poison.CHUNKS)] + FORMULAS,
        "councils": [plain[f"council-name-{n}"] for n in range(len(poison.SAMPLE))],
        "questionnaire_responses": [plain[f"long-answer-{n}"] for n in range(len(poison.SAMPLE))]
        + [plain[f"short-answer-{n}"] for n in range(len(poison.SAMPLE))]
        + [plain["questionnaire-title"], plain["short-label"], plain["long-label"]]
        + [plain[f"choice-{n}"] for n in range(4)],
        "live_messages": messages,
        "live_questions": questions,
        "events": [plain["live-event"]],
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_dataset_reads_back_as_the_text_written(world, fmt):
    for name, values in expected_values(world).items():
        table = export(name, fmt)
        cells = {cell for row in table for cell in row if isinstance(cell, str)}
        if fmt == "ods":
            # A line break inside an ODS cell reads back as a space or nothing: compare without them.
            cells = {squeeze(cell) for cell in cells}
            missing = [v[:40] for v in values if squeeze(as_written(v, fmt)) not in cells]
        else:
            missing = [v[:40] for v in values if as_written(v, fmt) not in cells]
        assert not missing, f"{name}.{fmt} does not hold {missing}"
        if fmt != "json":
            # No cell starts a formula: each one that would is shown as text after its quote.
            assert not [c for c in cells if c.startswith(FORMULA_TRIGGERS)], name


def test_the_poisoned_site_holds_the_whole_corpus(world):
    """The data the export tests read: every payload is in it, so none can be missed unread."""
    assert world.payloads_in("proposal-body") == world.payloads_in("comment-") == len(PAYLOADS)
    assert world.payloads_in("long-answer-") == len(PAYLOADS)
    assert sum(len(m.body.split("\n\n")) for m in world.objects["messages"]) == len(PAYLOADS)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_open_data_files_are_not_pages(client, world, fmt):
    consultation = world.objects["consultation"]
    response = client.get(reverse("exports:open_data_file", args=[consultation.slug, "proposals", fmt]))
    assert response.status_code == 200
    assert not response["Content-Type"].startswith("text/html")
    assert response["X-Content-Type-Options"] == "nosniff"
    content = b"".join(response.streaming_content).decode()
    assert "proposal-body-0" in content and "<script>xss()</script>" in content


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_staff_exports_are_downloads(client_for, staff, world, fmt):
    response = client_for(staff).post(reverse("exports:export"), {"dataset": "comments", "format": fmt, "delimiter": ","})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert not response["Content-Type"].startswith("text/html")
    assert "comment-0" in b"".join(response.streaming_content).decode()


OTHER_SEPARATOR = "Avis,=cmd|' /C calc'!A0,fin"
HIDDEN_FORMULAS = [OTHER_SEPARATOR, "Avis;+cmd|' /C calc'!A0", "ligne 1\n=1+1", "ligne 1\r\n@SUM(1)", "a;\t=1"]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_csv_split_any_way_starts_no_formula(world, delimiter):
    """A spreadsheet that splits on the other separator, or on lines, ignoring the quotes, sees no
    cell that starts a formula; one that reads the quotes gets the text back, quoted."""
    proposal = world.objects["proposals"][0]
    for formula in HIDDEN_FORMULAS:
        poison.comment(proposal, world.objects["commenters"][0], formula)
    buffer = io.BytesIO()
    engine.write(get_dataset("comments"), Scope(), "csv", buffer, delimiter=delimiter)
    raw = buffer.getvalue().decode("utf-8-sig")
    pieces = [piece.removeprefix('"') for piece in re.split(r"[,;\r\n]", raw)]
    assert not [piece for piece in pieces if piece.startswith(FORMULA_TRIGGERS)]
    cells = {cell for row in read("csv", buffer.getvalue(), delimiter=delimiter) for cell in row}
    assert "Avis,'=cmd|' /C calc'!A0,fin" in cells
    assert "ligne 1\n'=1+1" in cells
