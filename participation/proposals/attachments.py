"""An attachment is checked by size, by extension and by its first bytes, never trusted by name."""

import os

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from consultations.refusals import Refused

from .conf import get_setting

SIGNATURES = {
    "image/jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "image/png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    "application/pdf": lambda head: head.startswith(b"%PDF-"),
}


def check_attachment(upload):
    limit = get_setting("PROPOSAL_ATTACHMENT_MAX_BYTES")
    if upload.size > limit:
        raise Refused(
            _("The file is too big: %(limit)s at most.") % {"limit": filesizeformat(limit)}, "file_too_big", 413
        )
    types = get_setting("PROPOSAL_ATTACHMENT_TYPES")
    extension = os.path.splitext(upload.name or "")[1].lower()
    content_type = types.get(extension)
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if content_type is None or not SIGNATURES.get(content_type, lambda head: False)(head):
        raise Refused(
            _("This type of file is not accepted: choose a JPEG, PNG or WebP image, or a PDF document."),
            "file_type",
            415,
        )
