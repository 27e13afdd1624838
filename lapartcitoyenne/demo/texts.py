"""Dates in the demo's texts are written from the sessions, so a text never contradicts its dates.

The data files write ``{date}``, ``{day}``, ``{dates}``, ``{period}`` or ``{sessions}`` where a
date goes; the programme moves to the coming months when the demo is loaded, and its texts with it.
"""

from django.utils import dateformat, timezone, translation

PLACEHOLDERS = ("{date}", "{day}", "{dates}", "{period}", "{sessions}")


def _day_month(moment):
    day = "1er" if moment.day == 1 else str(moment.day)
    return f"{day} {dateformat.format(moment, 'F')}"


def full_date(moment):
    """« 1er mars 2027 », « 22 mai 2025 »."""
    return f"{_day_month(moment)} {moment.year}"


def with_weekday(moment):
    """« jeudi 22 mai 2025 »."""
    return f"{dateformat.format(moment, 'l')} {full_date(moment)}"


def _and(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]


def date_list(moments):
    """« 1er, 9 et 15 mars, 12 avril et 7 juin 2027 »; each date keeps its year when the years differ."""
    if len({moment.year for moment in moments}) > 1:
        return _and([full_date(moment) for moment in moments])
    months = {}
    for moment in moments:
        months.setdefault(moment.month, []).append(moment)
    groups = [
        _and(["1er" if moment.day == 1 else str(moment.day) for moment in days]) + " " + dateformat.format(days[0], "F")
        for days in months.values()
    ]
    return f"{_and(groups)} {moments[-1].year}"


def period(first, last):
    """« du 20 janvier au 26 mai 2027 », « du 1er au 4 juin 2027 »."""
    if first.year != last.year:
        return f"du {full_date(first)} au {full_date(last)}"
    if first.month != last.month:
        return f"du {_day_month(first)} au {full_date(last)}"
    return f"du {'1er' if first.day == 1 else first.day} au {full_date(last)}"


def _where(session):
    if session["online"]:
        return "en visioconférence"
    place = f" ({session['place']})" if session.get("place") else ""
    return f"à {session['city']}{place}"


def session_list(sessions):
    """A Markdown list, one line a session: « - **jeudi 16 janvier 2027**, à Bourges : titre »."""
    lines = []
    for session in sessions:
        title = f" : {session['title']}" if session.get("title") else ""
        lines.append(f"- **{with_weekday(session['starts_at'])}**, {_where(session)}{title}")
    return "\n".join(lines)


def render(text, sessions):
    """``sessions``: dicts with an aware ``starts_at`` and the session's ``online``, ``city``, ``place``, ``title``."""
    if "{" not in text:
        return text
    starts = sorted(timezone.localtime(session["starts_at"]) for session in sessions)
    local = [{**session, "starts_at": timezone.localtime(session["starts_at"])} for session in sessions]
    with translation.override("fr"):
        values = {
            "{date}": full_date(starts[0]),
            "{day}": with_weekday(starts[0]),
            "{dates}": date_list(starts),
            "{period}": period(starts[0], starts[-1]),
            "{sessions}": session_list(sorted(local, key=lambda session: session["starts_at"])),
        }
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text
