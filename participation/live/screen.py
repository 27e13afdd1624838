"""The big screen's way in: the room's short address and its QR code, drawn on the server (segno)."""

import segno
from django.urls import reverse
from django.utils.safestring import mark_safe


def join_address(request, room):
    """The room's short address, absolute (``https://exemple.fr/direct/12/``)."""
    return request.build_absolute_uri(reverse("live:short", args=[room.pk]))


def shown_address(address):
    """The address as the room reads it aloud: without the scheme and the final slash."""
    return address.split("://", 1)[-1].rstrip("/")


def qr_svg(address):
    # Drawn from our own address only (no user text), and segno writes paths, never the text: safe inline.
    code = segno.make(address, error="m")
    return mark_safe(code.svg_inline(scale=1, border=2, omitsize=True, dark="#000", light="#fff"))
