"""Who was present: a signed-in person following an open room is recorded against their registration.

Through the frame's hook (``consultations.attendance``): the room knows nothing of statistics or
exports. Each process remembers whom it has recorded, so that reconnections and page reloads cost
no query after the first.
"""

from consultations.attendance import record_attendance

# (event id, user id) already recorded by this process; bounded, since a process runs for weeks.
_recorded = set()
REMEMBERED = 50_000


def attended(room, user_id):
    """Call while ``room`` is open and ``user_id`` follows it (synchronous: from a view or a database thread)."""
    if user_id is None or not room.is_open():
        return
    key = (room.event_id, user_id)
    if key in _recorded:
        return
    record_attendance(room.event_id, user_id)
    if len(_recorded) >= REMEMBERED:
        _recorded.clear()
    _recorded.add(key)
