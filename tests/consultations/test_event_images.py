"""An event's image: set by staff with its description, shown on the programme in a few widths."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.urls import reverse

from tests.factories import EventFactory
from tests.images import image_upload


def test_an_event_image_is_stored_with_its_size_and_smaller_copies(db, client):
    event = EventFactory()
    event.image = image_upload("journee.jpg", size=(1000, 500))
    event.image_alt = "Une salle pleine, des chaises en cercle"
    event.full_clean()
    event.save()
    assert (event.image_width, event.image_height) == (1000, 500)
    for width in (320, 640, 960):
        assert default_storage.exists(event.image.name.rsplit(".", 1)[0] + f".{width}w.webp")
    page = client.get(reverse("consultations:programme")).content.decode()
    img = re.search(r'<img [^>]*class="card-image"[^>]*>', page).group(0)
    assert 'alt="Une salle pleine, des chaises en cercle"' in img and 'loading="lazy"' in img
    assert 'width="1000" height="500"' in img and "960w" in img
    assert 'alt="Une salle pleine' in client.get(event.get_absolute_url()).content.decode()


def test_an_event_image_needs_a_description(db):
    event = EventFactory()
    event.image = image_upload()
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "image_alt" in error.value.message_dict
    with pytest.raises(IntegrityError):
        event.save()


def test_a_file_that_is_not_an_image_is_refused_with_a_reason(db, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    event = EventFactory()
    event.image = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0 nope", content_type="image/jpeg")
    event.image_alt = "Photo"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "image" in error.value.message_dict
    settings.PARTICIPATION = {**settings.PARTICIPATION, "IMAGE_MAX_BYTES": 100}
    event.image = image_upload()
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "trop lourd" in str(error.value.message_dict["image"])


def test_an_image_saved_from_code_gets_its_copies_too(db):
    from django.core.files.base import ContentFile

    from tests.images import image_bytes

    event = EventFactory(image_alt="Une salle")
    event.image.save("salle.png", ContentFile(image_bytes("salle.png", size=(700, 400))))
    assert default_storage.exists(event.image.name.rsplit(".", 1)[0] + ".640w.webp")
    assert not default_storage.exists(event.image.name.rsplit(".", 1)[0] + ".960w.webp")
