"""Images of proposals and events: checked by decoding them, stored once, shown in a few widths.

An upload is accepted only if Pillow decodes it as a JPEG, PNG or WebP of sane dimensions (its
name and its declared type prove nothing). After it is saved, ``save_renditions()`` writes smaller
WebP copies beside it (``photo.jpg`` → ``photo.320w.webp``, ``photo.640w.webp``...), only for
widths below the original's; ``responsive_image`` (participation_host tags) builds ``srcset`` from
the original's stored dimensions, so listing cards never opens a file.
"""

import logging
import os

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .conf import get_setting

logger = logging.getLogger(__name__)

RENDITION_WIDTHS = (320, 640, 960)
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
# Far above any photo worth showing, far below what exhausts a server's memory when decoded.
MAX_PIXELS = 40_000_000


def is_image_name(name):
    return os.path.splitext(name or "")[1].lower() in EXTENSIONS


def inspect_image(upload):
    """(width, height) of an uploaded image, or ValidationError with a message for its author."""
    from PIL import Image, UnidentifiedImageError

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format, (width, height) = image.format, image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(_("This image is too large: %(limit)s million pixels at most.") % {"limit": MAX_PIXELS // 1_000_000})
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            # A phone's portrait photo is stored landscape with an EXIF turn: browsers show it turned.
            if image.getexif().get(0x0112) in (5, 6, 7, 8):
                width, height = height, width
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not a readable image: choose a JPEG, PNG or WebP photo.")) from None
    finally:
        upload.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(_("This type of image is not accepted: choose a JPEG, PNG or WebP photo."))
    return width, height


def check_image_upload(upload):
    """Size, then content: (width, height) of an acceptable upload, else ValidationError."""
    limit = get_setting("IMAGE_MAX_BYTES")
    if upload.size > limit:
        raise ValidationError(_("The file is too big: %(limit)s at most.") % {"limit": filesizeformat(limit)})
    return inspect_image(upload)


def validate_image_upload(value):
    """Model field validator: a new upload is checked; a file already stored was checked then."""
    if getattr(value, "_committed", True):
        return
    check_image_upload(value.file)


def rendition_name(name, width):
    return f"{os.path.splitext(name)[0]}.{width}w.webp"


def rendition_widths(width):
    return [w for w in RENDITION_WIDTHS if width and w < width]


def renditions_exist(field_file, width):
    """Whether the smallest copy is there (an image narrower than every copy has none to make)."""
    widths = rendition_widths(width)
    return not widths or field_file.storage.exists(rendition_name(field_file.name, widths[0]))


def save_renditions(field_file, width):
    """Write the smaller copies of a saved image; a failure leaves the original, shown alone."""
    from PIL import Image, ImageOps

    storage = field_file.storage
    try:
        with storage.open(field_file.name, "rb") as stream, Image.open(stream) as original:
            image = ImageOps.exif_transpose(original)
            if image.mode not in ("RGB", "RGBA"):
                image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("LA", "P") else "RGB")
            for target in rendition_widths(width):
                height = round(image.height * target / image.width)
                copy = image.resize((target, height), Image.Resampling.LANCZOS)
                name = rendition_name(field_file.name, target)
                if storage.exists(name):
                    storage.delete(name)
                with storage.open(name, "wb") as out:
                    copy.save(out, "WEBP", quality=80, method=4)
    except (OSError, ValueError):
        logger.exception("Could not resize %s", field_file.name)


def delete_renditions(storage, name, width):
    for target in rendition_widths(width):
        storage.delete(rendition_name(name, target))


def srcset(field_file, width):
    """``srcset`` value: the WebP copies, then the original at its own width."""
    storage = field_file.storage
    entries = [f"{storage.url(rendition_name(field_file.name, w))} {w}w" for w in rendition_widths(width)]
    entries.append(f"{field_file.url} {width}w")
    return ", ".join(entries)
