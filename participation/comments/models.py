from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consultations.moderation import Moderated
from consultations.text import store_rendered, stored_html

# A hard ceiling the database enforces; the configured COMMENT_MAX_DEPTH stays below it.
DEPTH_CEILING = 10


class Position(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    NEUTRAL = "neutral", _("Neutral")


class CommentQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Comment(Moderated):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey(
        "self", verbose_name=_("in reply to"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="replies",
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)
    # The top-level comment of the thread this one belongs to (None for a top-level comment): a page
    # of the discussion fetches the replies of its top-level comments in one query, at any depth.
    root = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="+", editable=False,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True,
        related_name="comments",
    )
    # The group the comment speaks for (a citizen council...), whatever app provides it: a content
    # type and an id, not a foreign key, so that the comments install without that app
    # (consultations.speakers). speakers.attach_groups() sets ``on_behalf_of``.
    on_behalf_type = models.ForeignKey(
        ContentType, verbose_name=_("on behalf of (kind)"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    on_behalf_id = models.PositiveBigIntegerField(_("on behalf of (id)"), null=True, blank=True)
    body = models.TextField(_("comment"), help_text=_("Markdown, without raw HTML."))
    # The body rendered and sanitised once, when it is written (save() below); exports keep ``body``.
    body_html = models.TextField(editable=False, blank=True, default="")
    position = models.CharField(_("position"), max_length=8, choices=Position.choices, blank=True)
    notify_replies = models.BooleanField(_("email me when someone replies"), default=True)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"], name="comment_thread_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True, depth=0) | Q(parent__isnull=False, depth__gt=0),
                name="comment_depth_matches_parent",
            ),
            models.CheckConstraint(condition=Q(depth__lte=DEPTH_CEILING), name="comment_depth_bounded"),
            models.CheckConstraint(
                condition=Q(parent__isnull=True, root__isnull=True) | Q(parent__isnull=False, root__isnull=False),
                name="comment_root_with_parent",
            ),
            models.CheckConstraint(
                condition=Q(on_behalf_type__isnull=True, on_behalf_id__isnull=True)
                | Q(on_behalf_type__isnull=False, on_behalf_id__isnull=False),
                name="comment_on_behalf_complete",
            ),
        ]

    def __str__(self):
        return self.body[:60]

    def save(self, *args, update_fields=None, **kwargs):
        if self.parent_id is not None and self.root_id is None:
            # Whatever writes a reply (the service, a factory, the admin) files it under its thread.
            self.root_id = self.parent.root_id or self.parent_id
        update_fields = store_rendered(self, [("body", "body_html")], update_fields)
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def rendered_body(self):
        return stored_html(self.body_html, self.body)

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def url(self):
        """The comment in its thread, or None once the commented content is gone (deleted in the admin)."""
        target = self.target
        if target is None or not hasattr(target, "get_absolute_url"):
            return None
        # The permanent link finds the page of the thread where the comment shows (it moves as the
        # discussion grows).
        return reverse("comments:show", args=[self.pk])
