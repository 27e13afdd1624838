"""Where a live room's database work runs: writes and reads on their own bounded thread pools.

Channels' ``database_sync_to_async`` runs every call of a process on one thread (thread_sensitive):
a hundred clients reconnecting at once (their hello, rights and replay) then queued in front of
every message being saved, and delayed writes by seconds. Here the room's writes (``writer``, the
actions) have their own threads and the reads of connecting clients theirs, so that a reconnection
storm waits behind itself, not in front of the chat. ``connecting`` bounds how many connections of
a process read at once (their session and user, room, rights and hello): the others wait their turn.

Each call goes through Channels' ``DatabaseSyncToAsync`` (``close_old_connections`` before and
after), and Django gives each thread its own connection: with PostgreSQL's pool
(``OPTIONS["pool"]``), closing one hands it back to the pool, so its size must cover the threads
(``DATABASES`` in the site's settings). SQLite takes one writer at a time and the test database is
in memory, shared between threads with table locks that do not wait: on SQLite, everything stays on
Channels' single thread, as before.
"""

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor, wait

from channels.db import database_sync_to_async
from django.db import connection, connections

from .conf import live_setting

_pools = {}


def _pool(name):
    pool = _pools.get(name)
    if pool is None:
        size = live_setting("WRITE_THREADS" if name == "write" else "READ_THREADS")
        pool = _pools[name] = ThreadPoolExecutor(max_workers=size, thread_name_prefix=f"live-{name}")
    return pool


def _threaded():
    return connection.vendor != "sqlite"


def reading(func):
    """``func`` as a coroutine function run on the read threads: a client's hello, rights, replay."""
    if not _threaded():
        return database_sync_to_async(func)
    return database_sync_to_async(func, thread_sensitive=False, executor=_pool("read"))


def writing(func):
    """``func`` as a coroutine function run on the write threads: saves and actions."""
    if not _threaded():
        return database_sync_to_async(func)
    return database_sync_to_async(func, thread_sensitive=False, executor=_pool("write"))


# Connections being set up (session, rights, hello) at once in this process, per event loop.
_connecting = {}


def connecting():
    """The process's bound on connections reading their room, rights and hello at once
    (``CONNECT_CONCURRENCY``): beyond, a connection waits its turn (its handshake is answered
    later), and is never refused for it. Held for the reads only, never while sending to a client
    (a client that does not read must not hold a turn); replays are read together (``replays``)."""
    loop = asyncio.get_running_loop()
    semaphore = _connecting.get(loop)
    if semaphore is None:
        _connecting.clear()  # a test's loop that ended
        semaphore = _connecting[loop] = asyncio.Semaphore(live_setting("CONNECT_CONCURRENCY"))
    return semaphore


def close_connections():
    """Every pool thread closes its database connections (before a test database is dropped): one
    task per thread, held at a barrier so that each thread runs one."""
    for pool in _pools.values():
        size = pool._max_workers
        barrier = threading.Barrier(size)

        def close():
            connections.close_all()
            barrier.wait(5)

        wait([pool.submit(close) for _ in range(size)], 10)
