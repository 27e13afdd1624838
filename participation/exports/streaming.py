"""Responses that stream under both kinds of server.

Under WSGI (gunicorn), a ``StreamingHttpResponse`` over a generator streams: the server pulls one chunk
at a time. Under ASGI (uvicorn, daphne), Django reads a synchronous iterator to its end before sending
the first byte (and holds it all in memory), since it cannot call it from the event loop. So under ASGI
the same generator is wrapped in an asynchronous one that asks for each next chunk in the request's own
thread (``thread_sensitive``: the thread that holds its database connection and its server-side
cursor): the first chunk leaves as soon as it is written, memory stays flat, and between two chunks the
event loop is free for other requests.
"""

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

FILE_BLOCK = 1 << 16
_END = object()


def _next(iterator):
    return next(iterator, _END)


def _close(iterator):
    close = getattr(iterator, "close", None)
    if close:
        close()


async def chunks_from_thread(chunks):
    """The chunks of a synchronous iterable, each produced in the request's thread."""
    iterator = iter(chunks)
    next_chunk = sync_to_async(_next, thread_sensitive=True)
    try:
        while (chunk := await next_chunk(iterator)) is not _END:
            yield chunk
    finally:
        # A client gone in the middle: the generator (and its cursor) is closed where it lives.
        await sync_to_async(_close, thread_sensitive=True)(iterator)


def streaming_response(request, chunks, content_type):
    """A response streaming ``chunks`` (an iterable of str or bytes) under the server at hand."""
    content = chunks_from_thread(chunks) if isinstance(request, ASGIRequest) else chunks
    return StreamingHttpResponse(content, content_type=content_type)


def _file_blocks(handle):
    try:
        while block := handle.read(FILE_BLOCK):
            yield block
    finally:
        handle.close()


def file_response(request, field_file, content_type, filename=None):
    """A stored file (any storage: a folder, an S3 bucket) as an attachment, read block by block."""
    filename = filename or field_file.name.rsplit("/", 1)[-1]
    handle = field_file.storage.open(field_file.name, "rb")
    response = streaming_response(request, _file_blocks(handle), content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    try:
        response["Content-Length"] = str(field_file.size)
    except (OSError, NotImplementedError):
        pass
    return response
