"""Citizen councils' public presentations as content the moderation can act on."""

from django.utils.translation import gettext_lazy as _

from consultations.moderation import ContentKind

KINDS = [
    ContentKind(
        key="council",
        label=_("Citizen council"),
        model="councils.Council",
        text=lambda council: f"{council.name}\n\n{council.description}",
        author_path="requested_by",
        readable_by=lambda council, user: user.has_perm("councils.view_council", council),
    ),
]
