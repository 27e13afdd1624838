"""Uploads served by the site itself in the embedded mode (make run); in production the proxy does."""

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve


@require_safe
def media(request, path):
    """A file under MEDIA_ROOT, or 404: serve() refuses a path leaving it; a name the file system
    cannot even look up (too long, invalid) is not found either, not a server error."""
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError, SuspiciousFileOperation):
        raise Http404 from None
