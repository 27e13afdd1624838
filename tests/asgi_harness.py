"""Drive an ASGI application as a server does, message by message, to see when each body chunk leaves."""

import asyncio


async def asgi_get(application, path, on_chunk=None, headers=(), keep_body=True, host=b"testserver"):
    """GET ``path``; ``on_chunk(body)`` is called as each non-empty body message is sent.
    Returns (status, headers as a dict, body)."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", host), *headers], "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    finished = asyncio.Event()
    asked = False

    async def receive():
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await finished.wait()
        return {"type": "http.disconnect"}

    start, chunks = {}, []

    async def send(message):
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            if message.get("body"):
                if keep_body:
                    chunks.append(message["body"])
                if on_chunk:
                    on_chunk(message["body"])
            if not message.get("more_body"):
                finished.set()

    await application(scope, receive, send)
    return start["status"], {k.decode().lower(): v.decode() for k, v in start["headers"]}, b"".join(chunks)
