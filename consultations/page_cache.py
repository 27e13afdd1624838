"""Anonymous visitors' pages, rendered once and served from the cache for ``PAGE_CACHE_SECONDS``.

A page read by someone who is not signed in is the same for every such visitor, and rendering it is
most of what a page costs (docs/performance.md, « Mixed crowd »). ``@visitor_cached`` views keep the
whole response in the default cache (Redis in production), keyed by the full address, the language
and the htmx headers, and serve it again — with this visitor's own CSRF token and CSP nonce put back
in place of the placeholders stored — to anyone without a session or a pending message.

Freshness: what a page shows may be up to ``PAGE_CACHE_SECONDS`` old for visitors (support counts, new
comments); what must not wait (moderation, deletions, staff edits, published results) calls
``invalidate()``, which changes the cache's generation: every stored page is stale at once.

Never stored: a request with any cookie other than the CSRF and language ones (a session, messages),
a signed-in or ``@personal`` request, anything but a 200 HTML answer, a response that sets a cookie,
says private/no-store/no-cache, or leaves a message or a session change behind.
"""

import hashlib
import re
import secrets
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.cache import patch_vary_headers

from .http import is_personal

GENERATION_KEY = "page-cache:generation"
KEY_PREFIX = "page-cache:1:"
# Characters user text can never put raw into a page (escaped by templates, stripped by nh3), so only
# the placeholders we wrote are replaced.
CSRF_PLACEHOLDER = b"<lpc-csrf-token>"
NONCE_PLACEHOLDER = b"<lpc-csp-nonce>"
HTMX_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_TARGET", "HTTP_HX_BOOSTED")
VARY = ("Cookie", "HX-Request")
# Attributes of a response that the middleware outside the view reads (CSP and X-Frame-Options decorators).
RESPONSE_ATTRIBUTES = ("_csp_config", "_csp_ro_config", "xframe_options_exempt")
MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
HIT, MISS = "hit", "miss"


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def visitor_cached(view):
    """Serve this view's page to anonymous visitors from the cache (see the module's docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        ttl = seconds()
        if not ttl or not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or _first_generation()
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation and _fresh(entry, ttl):
            return _served(entry, request)
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, VARY)
        # The generation read before rendering: an invalidation during the rendering makes it stale.
        entry = _entry(request, response, generation) if request.method == "GET" else None
        if entry is not None:
            cache.set(key, entry, ttl)
            response.headers["X-Page-Cache"] = MISS
        return response

    return wrapper


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    allowed = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return all(name in allowed for name in request.COOKIES)


def _key(request):
    parts = [request.build_absolute_uri(), getattr(request, "LANGUAGE_CODE", ""),
             *(request.META.get(header, "") for header in HTMX_HEADERS)]
    return KEY_PREFIX + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _entry(request, response, generation):
    """What to store of this response, or None when it must not be shared."""
    if (response.status_code != 200 or response.streaming or response.cookies or is_personal(request)
            or not response.get("Content-Type", "").startswith("text/html")):
        return None
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return None
    session = getattr(request, "session", None)
    storage = getattr(request, "_messages", None)
    if (session is not None and session.modified) or (storage is not None and storage.added_new):
        return None
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    content = response.content
    csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if csrf:
        secret = request.META["CSRF_COOKIE"]
        content = MASKED_TOKEN.sub(
            lambda match: CSRF_PLACEHOLDER if _unmask_cipher_token(match.group().decode()) == secret else match.group(),
            content,
        )
    nonce = getattr(request, "_csp_nonce", None)
    if nonce:  # generated while rendering: the page carries it, the header of each hit must too
        content = content.replace(str(nonce).encode(), NONCE_PLACEHOLDER)
    headers = [(name, value) for name, value in response.items() if name.lower() not in ("content-length", "x-page-cache")]
    attributes = {name: getattr(response, name) for name in RESPONSE_ATTRIBUTES if hasattr(response, name)}
    return {"generation": generation, "stored_at": time.time(), "content": content, "headers": headers,
            "csrf": csrf, "nonce": bool(nonce), "attributes": attributes}


def _fresh(entry, ttl):
    """The entry's own age, not only the cache's expiry: Redis and Memcached count real seconds
    whatever the process's clock says, and a shorter ``PAGE_CACHE_SECONDS`` applies to pages stored
    under a longer one."""
    return time.time() - entry["stored_at"] < ttl


def _served(entry, request):
    content = entry["content"]
    if entry["csrf"]:
        # This visitor's own token (and, through CsrfViewMiddleware, their csrftoken cookie and Vary).
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    if entry["nonce"]:
        content = content.replace(NONCE_PLACEHOLDER, str(request._csp_nonce).encode())
    response = HttpResponse(content, headers=dict(entry["headers"]))
    for name, value in entry["attributes"].items():
        setattr(response, name, value)
    response.headers["X-Page-Cache"] = HIT
    return response


def _first_generation():
    """A generation when none is stored (a new or emptied cache): the first process to ask sets it."""
    cache.add(GENERATION_KEY, _new_generation(), None)
    return cache.get(GENERATION_KEY)


def _new_generation():
    # Random, not the clock: two invalidations within one clock tick (or under a frozen test clock)
    # must still differ.
    return secrets.token_hex(8)


def _bump():
    cache.set(GENERATION_KEY, _new_generation(), None)


def invalidate():
    """Every page stored so far is stale: now, and again when the current transaction commits.

    Now, so that this process's next request renders afresh; at the commit, because a page rendered
    between now and then still read the data before the change."""
    if not seconds():
        return
    _bump()
    connection = transaction.get_connection()
    # Once per transaction, however many rows it deletes.
    if not (connection.in_atomic_block and any(entry[1] is _bump for entry in connection.run_on_commit)):
        transaction.on_commit(_bump)


def _changed(sender, raw=False, **kwargs):
    if not raw:
        invalidate()


def invalidate_on_change(*models):
    """Pages go stale whenever one of these models is saved or deleted (what staff edit)."""
    for model in models:
        post_save.connect(_changed, sender=model, dispatch_uid=f"page-cache-save-{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}")


def invalidate_on_delete(*models):
    """Pages go stale whenever a row of these models is deleted, in bulk too (the admin's « delete selected »)."""
    for model in models:
        post_delete.connect(_changed, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}")
