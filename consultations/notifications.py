"""Notification e-mails: built in one place, each with a one-click unsubscribe (RFC 8058).

A notification is an e-mail a person may stop (news of a consultation, a reply, an official
answer...), unlike a service message (a registration's confirmation, a moderation decision).
A plugin registers each kind of notification it sends as a topic, in its ``AppConfig.ready()``:

    register_topic("comment_replies", describe=..., stop=...)

``describe(user_id, key)`` returns what the person would stop, as a phrase ("emails about …"),
or None when the link matches nothing; ``stop(user_id, key)`` turns those e-mails off. The link
is signed; ``/desabonnement/<token>/`` shows a button on GET (mail scanners follow links) and
stops the e-mails on a POST, without login nor CSRF token, as mail clients send it.
"""

import email.headerregistry
import email.policy
from dataclasses import dataclass
from typing import Callable

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .conf import get_setting

UNSUBSCRIBE_SALT = "consultations.unsubscribe"


@dataclass(frozen=True)
class Topic:
    describe: Callable
    stop: Callable


_topics = {}


def register_topic(name, *, describe, stop):
    _topics[name] = Topic(describe, stop)


def site_url(path="", request=None):
    """An absolute address on the site, for e-mails and calendars: on the address the request came
    to when there is one (a page, a feed), else ``SITE_URL`` (a task, a command)."""
    if request is not None:
        return request.build_absolute_uri(path or "/")
    return get_setting("SITE_URL").rstrip("/") + path


def unsubscribe_token(topic, user_id, key):
    return signing.dumps({"topic": topic, "user": user_id, "key": key}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(topic, user_id, key):
    return site_url(reverse("consultations:unsubscribe", args=[unsubscribe_token(topic, user_id, key)]))


def read_token(token):
    """(Topic, user id, key) of a valid token, or None if it was forged, mangled or its topic is unknown."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    if "follow" in data:  # links sent before topics existed: a consultation's follow
        data = {"topic": "consultation", "user": data.get("user"), "key": data["follow"]}
    topic = _topics.get(data.get("topic"))
    if topic is None or not isinstance(data.get("user"), int) or not isinstance(data.get("key"), int):
        return None
    return topic, data["user"], data["key"]


class _VerbatimHeader(email.headerregistry.UnstructuredHeader):
    """Written on one line as given: folding a long URL turns it into RFC 2047 encoded-words, which
    mail clients do not read as a List-Unsubscribe address (the value is ASCII, under 998 characters)."""

    def fold(self, *, policy):
        return f"{self.name}: {self}{policy.linesep}"


_HEADERS = email.headerregistry.HeaderRegistry()
_HEADERS.map_to_type("list-unsubscribe", _VerbatimHeader)
_HEADERS.map_to_type("list-unsubscribe-post", _VerbatimHeader)


class NotificationEmail(EmailMultiAlternatives):
    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(header_factory=_HEADERS))


def notification(*, user, topic, key, template, context, to=None):
    """The e-mail for one person, in French: ``<template>_subject.txt`` and ``<template>_body.txt``,
    rendered with ``site_name``, ``site_url`` and ``unsubscribe_url``, and the RFC 8058 headers."""
    url = unsubscribe_url(topic, user.pk, key)
    context = {**context, "site_name": get_setting("SITE_NAME"), "site_url": site_url(), "unsubscribe_url": url}
    with translation.override("fr"):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    return NotificationEmail(
        subject=subject,
        body=body,
        to=[to or user.email],
        headers={"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
