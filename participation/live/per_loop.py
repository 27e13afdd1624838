"""One object per room and per event loop, kept in a process-wide dict.

A room's writer, its poll answers and its replays live on the loop that serves the room's sockets;
each test runs its own loop, so an object made on another loop is replaced, never reused.
"""

import asyncio


def room_object(registry, room_id, factory):
    """The object of ``registry`` for this room on the running loop, made by ``factory(room_id)``
    when there is none yet (the object keeps the loop it was made on as ``loop``)."""
    found = registry.get(room_id)
    if found is None or found.loop is not asyncio.get_running_loop():
        found = registry[room_id] = factory(room_id)
    return found
