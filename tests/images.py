"""Real images for upload tests: the apps decode every image, so magic bytes alone no longer pass."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def image_bytes(name="photo.jpg", size=(1200, 800), color=(30, 110, 160)):
    from PIL import Image

    image_format = FORMATS[name[name.rindex("."):].lower()]
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, image_format)
    return buffer.getvalue()


def image_upload(name="photo.jpg", size=(1200, 800)):
    image_format = FORMATS[name[name.rindex("."):].lower()]
    return SimpleUploadedFile(name, image_bytes(name, size), content_type=CONTENT_TYPES[image_format])
