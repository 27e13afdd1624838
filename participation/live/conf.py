"""Settings of the live rooms, overridable in ``PARTICIPATION = {"LIVE": {...}}``."""

from django.conf import settings

DEFAULTS = {
    # Longest message or question, in characters.
    "MAX_LENGTH": 500,
    # At most RATE_COUNT messages and questions per person within RATE_SECONDS, whatever the slow mode.
    "RATE_COUNT": 5,
    "RATE_SECONDS": 10,
    # At most IP_RATE_COUNT actions from one IP address within RATE_SECONDS: generous, since a whole
    # room of a community centre may share one address, but a script with many accounts is stopped.
    "IP_RATE_COUNT": 60,
    # Events sent at most in one replay frame batch, and by the HTTP history.
    "REPLAY_LIMIT": 500,
    # Seconds between two presence broadcasts of a room in one process.
    "PRESENCE_INTERVAL": 1.0,
    # Each process repeats its count this often; a process not heard from for 3 times as long
    # (killed) stops counting.
    "PRESENCE_REFRESH": 5.0,
    # Longest frame a client may send, in characters; the server command caps bytes (docs/live.md).
    "MAX_FRAME_LENGTH": 16384,
    # Open websockets from one IP address in one server process: a community centre's room shares
    # one address, a script opening thousands of sockets is stopped.
    "MAX_CONNECTIONS_PER_ADDRESS": 200,
    # Seconds between two results frames of one poll to a client: answers within it make one frame.
    # None: never by itself (tests call ``RoomHub.flush_polls``).
    "POLL_FLUSH_INTERVAL": 0.3,
    # Threads of each process for the rooms' database work (``dbthreads``): writes (saves and
    # actions) and reads (hello, rights, replays), apart so that reconnections never delay writes.
    # The PostgreSQL pool must hold them all (the site's DATABASE_POOL_SIZE).
    "WRITE_THREADS": 2,
    "READ_THREADS": 4,
    # Connections of a process reading their room, rights and hello at the same time (``consumers``):
    # the others wait their turn, so that a hundred reconnections do not crowd out the writes.
    "CONNECT_CONCURRENCY": 2,
    # Messages and questions saved in one transaction by a room's writer (``writer``), at most.
    "WRITE_BATCH": 200,
    # Sends waiting for the room's writer in one process, and per connection (not yet acknowledged):
    # beyond, a send is refused at once with ``busy``, never dropped.
    "WRITE_QUEUE": 2000,
    "MAX_UNACKED": 50,
}


def live_setting(name):
    overrides = getattr(settings, "PARTICIPATION", {}).get("LIVE", {})
    return overrides.get(name, DEFAULTS[name])
