"""The video of an event session: which providers are recognised, and how each is shown.

A session's ``stream_url`` is what staff paste from the provider (a YouTube, Vimeo or PeerTube
address, a BigBlueButton or Jitsi room). ``recognise()`` says what it is: a video to embed with the
provider's privacy-respecting player (youtube-nocookie.com, Vimeo with ``dnt=1``, the PeerTube
instance's own embed), or a video conference to join by a link. PeerTube, BigBlueButton and Jitsi
run on many servers: only the hosts listed in the settings are accepted, and the site's CSP
``frame-src`` lists the embedding hosts (``frame_sources()``), so that no other page can be framed.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .conf import get_setting

YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"
VIMEO_PLAYER = "https://player.vimeo.com"
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{1,12}$")
# /w/<short uuid>, /videos/watch/<uuid>, /videos/embed/<id>
PEERTUBE_PATH = re.compile(r"^/(?:w|videos/watch|videos/embed)/([A-Za-z0-9-]{6,40})/?$")

EMBED = "embed"
VISIO = "visio"


@dataclass(frozen=True)
class Stream:
    provider: str  # shown to people: "YouTube", "Vimeo", "PeerTube", "BigBlueButton", "Jitsi"
    kind: str  # EMBED (a player in an iframe after consent) or VISIO (a link to join)
    url: str  # the address as given: the link without JavaScript, or to join
    embed_url: str = ""  # the player's address, for EMBED
    host: str = ""  # the host the player loads from, named in the consent notice

    @property
    def is_embed(self):
        return self.kind == EMBED


def _hosts(name):
    return {host.lower() for host in get_setting("STREAMS").get(name, [])}


def frame_sources():
    """The origins the site may frame: the CSP ``frame-src`` must be exactly these."""
    return [YOUTUBE_PLAYER, VIMEO_PLAYER, *(f"https://{host}" for host in sorted(_hosts("PEERTUBE_HOSTS")))]


def _youtube(parts):
    host = parts.hostname
    if host == "youtu.be":
        video = parts.path.strip("/")
    elif parts.path == "/watch":
        video = parse_qs(parts.query).get("v", [""])[0]
    else:
        match = re.match(r"^/(?:embed|live|shorts)/([^/]+)/?$", parts.path)
        video = match.group(1) if match else ""
    if not YOUTUBE_ID.match(video):
        return None
    return Stream("YouTube", EMBED, parts.geturl(), f"{YOUTUBE_PLAYER}/embed/{video}", "youtube-nocookie.com")


def _vimeo(parts):
    path = parts.path.strip("/").split("/")
    video = path[-1] if path else ""
    if parts.hostname == "player.vimeo.com" and path[:1] != ["video"]:
        return None
    if not VIMEO_ID.match(video):
        return None
    return Stream("Vimeo", EMBED, parts.geturl(), f"{VIMEO_PLAYER}/video/{video}?dnt=1", "player.vimeo.com")


def _peertube(parts):
    match = PEERTUBE_PATH.match(parts.path)
    if not match:
        return None
    return Stream(
        "PeerTube", EMBED, parts.geturl(), f"https://{parts.hostname}/videos/embed/{match.group(1)}", parts.hostname
    )


def recognise(url):
    """The ``Stream`` an address is, or None when no allowed provider recognises it."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host or parts.username or parts.password:
        return None
    if host in YOUTUBE_HOSTS:
        return _youtube(parts)
    if host in VIMEO_HOSTS:
        return _vimeo(parts)
    if host in _hosts("PEERTUBE_HOSTS"):
        return _peertube(parts)
    if host in _hosts("JITSI_HOSTS") and parts.path.strip("/"):
        return Stream("Jitsi", VISIO, parts.geturl())
    if host in _hosts("BBB_HOSTS") and parts.path.strip("/"):
        return Stream("BigBlueButton", VISIO, parts.geturl())
    return None


def validate_stream_url(value):
    if value and recognise(value) is None:
        raise ValidationError(
            _(
                "This address is not a recognised video: give a YouTube, Vimeo or PeerTube video "
                "(%(peertube)s), or a BigBlueButton (%(bbb)s) or Jitsi (%(jitsi)s) room, starting with https://."
            ),
            code="unknown_stream",
            params={
                "peertube": ", ".join(sorted(_hosts("PEERTUBE_HOSTS"))) or _("no instance allowed"),
                "bbb": ", ".join(sorted(_hosts("BBB_HOSTS"))) or _("no server allowed"),
                "jitsi": ", ".join(sorted(_hosts("JITSI_HOSTS"))) or _("no server allowed"),
            },
        )


def session_stream(sessions, now):
    """The session whose video the room shows: the one under way, else the next, else the last one."""
    with_stream = [session for session in sessions if session.stream_url]
    if not with_stream:
        return None, None
    current = next((s for s in with_stream if s.starts_at <= now < s.ends_at), None)
    upcoming = next((s for s in with_stream if now < s.starts_at), None)
    session = current or upcoming or with_stream[-1]
    return session, recognise(session.stream_url)
