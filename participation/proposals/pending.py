"""A file chosen before « Aperçu » (or before a form error) is kept until the author publishes.

A browser never re-sends a file input, so the upload is stored under ``pending/`` with a random
name and the form carries a signed token (the stored name, the author, the original name) in a
hidden field. Only its author can use it, for a day; publishing moves it into the proposal and
``clean_pending_uploads`` (run by the daily retention job) removes what was never published.
"""

import os
import secrets
from datetime import timedelta

from django.core import signing
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from consultations.images import is_image_name

FOLDER = "pending"
SALT = "proposals.pending-upload"
MAX_AGE = timedelta(days=1)


def keep(upload, user):
    """Store an upload for later: {"token" (for the form's hidden field), "name", "original", "url"}."""
    extension = os.path.splitext(upload.name)[1].lower()
    upload.seek(0)
    name = default_storage.save(f"{FOLDER}/{secrets.token_urlsafe(24)}{extension}", upload)
    upload.seek(0)
    original = os.path.basename(upload.name)
    token = signing.dumps({"name": name, "user": user.pk, "original": original}, salt=SALT)
    return _described(token, name, original)


def read(token, user):
    """What a token names, as keep() returned it, or None (forged, expired, another's, gone)."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    name = data.get("name", "")
    if data.get("user") != user.pk or not name.startswith(f"{FOLDER}/") or not default_storage.exists(name):
        return None
    original = data.get("original") or os.path.basename(name)
    return _described(token, name, original)


def _described(token, name, original):
    return {
        "token": token, "name": name, "original": original, "url": default_storage.url(name),
        "is_image": is_image_name(name),
    }


def open_kept(kept):
    """The kept file as an upload would be, under its original name, for the service to save."""
    stream = default_storage.open(kept["name"], "rb")
    return File(stream, name=kept["original"])


def discard(kept):
    if kept:
        default_storage.delete(kept["name"])


def carry(request, form, kept):
    """The file the form shown again must remember: a valid new upload replaces the kept one."""
    upload = form.cleaned_data.get("attachment") if hasattr(form, "cleaned_data") else None
    if not upload:
        return kept
    discard(kept)
    return keep(upload, request.user)


def from_post(request):
    """The kept file a post names, unless its author asked to remove it."""
    kept = read(request.POST.get("kept_attachment"), request.user)
    if kept and request.POST.get("drop_kept_attachment"):
        discard(kept)
        return None
    return kept


def clean_pending_uploads(now=None):
    """Delete kept files older than a token lives; returns how many."""
    limit = (now or timezone.now()) - MAX_AGE
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    removed = 0
    for filename in files:
        name = f"{FOLDER}/{filename}"
        if default_storage.get_modified_time(name) < limit:
            default_storage.delete(name)
            removed += 1
    return removed
