"""A proposal's image: described by its author, kept across « Aperçu », shown in a few widths."""

import re

from django.core.files.storage import default_storage
from django.urls import reverse

from participation.proposals import pending, services
from participation.proposals.models import Proposal
from tests.images import image_upload

from .factories import ProposalFactory

FORM = {"title": "Un banc au square", "body": "Pour s'asseoir à l'ombre."}


def test_preview_keeps_the_chosen_image_and_publish_uses_it(citizen, client_for, django_capture_on_commit_callbacks):
    client = client_for(citizen)
    response = client.post(
        reverse("proposals:create"),
        {**FORM, "image_alt": "Le square, ses deux arbres", "attachment": image_upload("square.jpg"), "preview": "1"},
    )
    page = response.content.decode()
    assert not Proposal.objects.exists()
    assert "square.jpg" in page, "the page says which file is kept"
    token = re.search(r'name="kept_attachment" value="([^"]+)"', page).group(1)
    assert 'alt="Le square, ses deux arbres"' in page, "the preview shows the image with its description"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("proposals:create"), {**FORM, "image_alt": "Le square, ses deux arbres", "kept_attachment": token, "publish": "1"}
        )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert proposal.attachment.name.endswith("square.jpg")
    assert (proposal.image_width, proposal.image_height) == (1200, 800)
    assert default_storage.listdir("pending")[1] == [], "the kept copy is gone once published"
    for width in (320, 640, 960):
        assert default_storage.exists(proposal.attachment.name.rsplit(".", 1)[0] + f".{width}w.webp")


def test_a_form_error_keeps_the_file_and_says_what_is_missing_next_to_its_field(citizen, client_for):
    response = client_for(citizen).post(
        reverse("proposals:create"), {**FORM, "title": "", "attachment": image_upload("square.png"), "publish": "1"}
    )
    page = response.content.decode()
    assert not Proposal.objects.exists()
    assert 'name="kept_attachment"' in page
    assert "Décrivez l’image" in page or "Décrivez l'image" in page
    alt_error = page.index('id="id_image_alt_error"')
    assert page.index('name="image_alt"') > alt_error > page.index('name="attachment"'), "the error sits by its field"


def test_a_disguised_file_is_refused_next_to_the_file_field_and_the_text_stays(citizen, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", content_type="image/jpeg")
    response = client_for(citizen).post(reverse("proposals:create"), {**FORM, "attachment": fake, "image_alt": "x", "publish": "1"})
    page = response.content.decode()
    assert 'id="id_attachment_error"' in page
    assert "image lisible" in page
    assert "Pour s&#x27;asseoir à l&#x27;ombre." in page or "Pour s'asseoir à l'ombre." in page
    assert 'name="kept_attachment"' not in page


def test_a_kept_file_serves_only_its_author(citizen, client_for):
    from tests.factories import UserFactory

    kept = pending.keep(image_upload(), citizen)
    assert pending.read(kept["token"], citizen)["original"] == "photo.jpg"
    assert pending.read(kept["token"], UserFactory()) is None
    assert pending.read(kept["token"] + "x", citizen) is None


def test_old_kept_files_are_cleaned(citizen):
    from datetime import timedelta

    from django.utils import timezone

    pending.keep(image_upload(), citizen)
    assert pending.clean_pending_uploads() == 0
    assert pending.clean_pending_uploads(now=timezone.now() + timedelta(days=2)) == 1
    assert default_storage.listdir("pending")[1] == []


def test_cards_show_the_image_in_several_widths_lazily(citizen, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.create_proposal(
            citizen, title="Fresque", body="Sur le mur", attachment=image_upload("mur.jpg", size=(800, 600)), image_alt="Le mur gris"
        )
    page = client.get(reverse("proposals:list")).content.decode()
    img = re.search(r"<img [^>]*card-image[^>]*>", page).group(0)
    assert 'alt="Le mur gris"' in img and 'loading="lazy"' in img
    assert 'width="800"' in img and 'height="600"' in img
    assert ".320w.webp 320w" in img and ".640w.webp 640w" in img and "mur.jpg 800w" in img
    assert "960w.webp" not in img, "no copy wider than the original"
    assert 'sizes="' in img
    detail = client.get(proposal.get_absolute_url()).content.decode()
    assert 'alt="Le mur gris"' in detail


def test_a_document_needs_no_description(citizen, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    response = client_for(citizen).post(reverse("proposals:create"), {**FORM, "attachment": pdf, "publish": "1"})
    assert response.status_code == 302
    assert Proposal.objects.get().image_alt == ""


def test_the_database_refuses_an_image_without_description(db):
    import pytest
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        ProposalFactory(attachment="proposals/1/photo.JPG", image_alt="")


def test_the_daily_retention_job_deletes_unpublished_files(citizen):
    from datetime import timedelta

    from django.utils import timezone

    from participation.proposals.privacy import apply_retention

    pending.keep(image_upload(), citizen)
    assert apply_retention(timezone.now() + timedelta(days=2)) == {"unpublished proposal files deleted": 1}
