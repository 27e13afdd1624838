"""What a person does through the proxy, as a browser would: pages with CSRF, sign-in, websockets."""

import asyncio
import email
import email.policy
import json
import re
import uuid
from pathlib import Path

import requests

SEPARATOR = "\n" + "-" * 79 + "\n"


def csrf(session):
    return session.cookies.get("csrftoken", "")


def get(session, url, **kwargs):
    response = session.get(url, timeout=30, **kwargs)
    assert response.status_code == 200, (url, response.status_code, response.text[:500])
    return response


def post(session, url, data, **kwargs):
    return session.post(url, data={"csrfmiddlewaretoken": csrf(session), **data}, timeout=60, **kwargs)


def sign_in(topology, email_address, password, totp_secret=None):
    """allauth's sign-in form, then its TOTP step for staff; returns the signed-in session."""
    session = requests.Session()
    get(session, topology.url("/compte/login/"))
    response = post(session, topology.url("/compte/login/"), {"login": email_address, "password": password})
    assert response.status_code == 200, response.text[:500]
    if totp_secret:
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

        assert "/2fa/authenticate/" in response.url, response.url
        counters = list(yield_hotp_counters_from_time())
        code = format_hotp_value(hotp_value(totp_secret, counters[len(counters) // 2]))
        response = post(session, response.url, {"code": code})
        assert response.status_code == 200, response.text[:500]
    assert "sessionid" in session.cookies, f"not signed in: {response.url}"
    return session


def messages_to(directory, recipient, contains):
    """E-mails the file backend wrote to ``recipient`` whose subject or text contains ``contains``."""
    found = []
    for path in sorted(Path(directory).glob("*.log")) if Path(directory).exists() else []:
        for raw in path.read_text(errors="replace").split(SEPARATOR):
            if not raw.strip():
                continue
            message = email.message_from_string(raw.strip("\n"), policy=email.policy.default)
            if recipient not in str(message.get("To", "")):
                continue
            parts = [str(message.get("Subject", ""))]
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    parts.append(part.get_content())
            if contains in "\n".join(parts):
                found.append(message)
    return found


def job_status(session, topology, job_url):
    """The job's partial, as htmx refreshes it: (status label, progress %, download address or None)."""
    html = get(session, job_url, headers={"HX-Request": "true"}).text
    status = re.search(r"<strong>([^<]+)</strong>", html)[1]
    progress = int(re.search(r'<progress[^>]*value="(\d+)"', html)[1])
    download = re.search(r'href="(/equipe/exports/telechargement/[^"]+)"', html)
    return status, progress, download and download[1]


def established(port):
    """Open TCP connections to a local port (Linux /proc): which websocket process nginx chose."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                count += 1
    return count


class LiveClient:
    """One websocket through the proxy, as the room's page opens it (Origin, session cookie)."""

    def __init__(self, topology, slug, session=None, after=None):
        self.topology = topology
        self.url = topology.ws_url(f"/ws/live/{slug}/" + (f"?after={after}" if after is not None else ""))
        self.cookie = f"sessionid={session.cookies['sessionid']}" if session else None
        self.frames = []
        self.kept = []

    async def open(self):
        import websockets

        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.connection = await websockets.connect(self.url, origin=self.topology.base_url, additional_headers=headers,
                                                   open_timeout=15)
        return await self.next()

    async def open_until_hello(self, timeout):
        """Reconnects as the room's page does while the server answers « unavailable »."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            frame = await self.open()
            if frame["type"] == "hello":
                return frame
            await self.close()
            self.frames, self.kept = [], []
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"the live room did not come back within {timeout} s: {frame}")
            await asyncio.sleep(0.5)  # the bundled module's first back-off

    async def next(self, timeout=15):
        """The next frame other than presence, a batch read as its frames."""
        while not self.frames:
            frame = json.loads(await asyncio.wait_for(self.connection.recv(), timeout))
            self.frames.extend(frame["frames"] if frame["type"] == "batch" else [frame])
            self.frames = [f for f in self.frames if f["type"] != "presence"]
        return self.frames.pop(0)

    async def until(self, predicate, timeout=15):
        """The first frame, read or still to come, that ``predicate`` accepts (others are kept)."""
        for index, frame in enumerate(self.kept):
            if predicate(frame):
                return self.kept.pop(index)

        async def wait():
            while True:
                frame = await self.next(timeout)
                if predicate(frame):
                    return frame
                self.kept.append(frame)

        return await asyncio.wait_for(wait(), timeout)

    async def say(self, body, client_id=None):
        ref = uuid.uuid4().hex[:8]
        frame = {"type": "message.send", "body": body, "ref": ref, "client_id": str(client_id or uuid.uuid4())}
        await self.connection.send(json.dumps(frame))
        return await self.until(lambda f: f.get("ref") == ref and f["type"] in ("ack", "error"))

    async def close(self):
        await self.connection.close()


def message_with(body):
    return lambda frame: frame["type"] == "message.created" and frame["data"]["message"]["body"] == body
