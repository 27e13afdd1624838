from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import CommentForm, EditCommentForm
from .models import Comment
from .templatetags.comments_tags import thread_context
from consultations.ratelimit import rate_limited
from consultations.refusals import Refused
from consultations.speakers import speakers
from consultations.page_cache import visitor_cached


def _back_to(target, comment=None, user=None):
    """The discussion, at the page where the comment shows when there is one."""
    url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"
    if comment is None:
        return HttpResponseRedirect(f"{url}#commentaires")
    number = services.page_of(comment, user)
    query = f"?commentaires={number}" if number > 1 else ""
    return HttpResponseRedirect(f"{url}{query}#commentaire-{comment.pk}")


@visitor_cached
def thread(request, label, object_id):
    """A page of a discussion alone: what the « More comments » link appends with htmx."""
    try:
        target = services.resolve_target(label, object_id)
    except Refused:
        raise Http404 from None
    if not services.target_is_visible(request.user, target):
        raise Http404
    context = thread_context(request, target, with_form=False)
    return render(request, "comments/_thread_items.html", {**context, "appended": True})


def show(request, pk):
    """A comment's permanent link: its thread, at the page where it shows."""
    comment = get_object_or_404(Comment, pk=pk)
    target = comment.target
    if target is None or not hasattr(target, "get_absolute_url") or not services.target_is_visible(request.user, target):
        raise Http404
    return _back_to(target, comment, request.user)


@login_required
@rate_limited
@require_POST
def add(request, label, object_id):
    try:
        target = services.resolve_target(label, object_id)
    except Refused:
        raise Http404 from None
    form = CommentForm(request.POST, speakers_offered=[(speaker, None) for speaker in speakers], with_position=True)
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        messages.error(request, " ".join(str(e) for e in errors))
        return _back_to(target)
    data = form.cleaned_data
    parent = None
    if data.get("parent"):
        parent = Comment.objects.filter(pk=data["parent"]).first()
    try:
        comment = services.add_comment(
            request.user, target, data["body"], parent=parent, position=data.get("position") or "",
            on_behalf_of=speakers.chosen(data), notify_replies=data.get("notify_replies", False),
        )
    except Refused as refusal:
        messages.error(request, refusal.message)
        return _back_to(target)
    if comment.is_pending:
        messages.success(request, _("Your comment is saved: it will be published once a moderator approves it."))
    else:
        messages.success(request, _("Your comment is published."))
    return _back_to(target, comment, request.user)


@login_required
@rate_limited
def edit(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    form = EditCommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_comment(request.user, comment, form.cleaned_data["body"])
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Your comment has been updated."))
            return _back_to(comment.target, comment, request.user)
    elif not request.user.has_perm("comments.change_comment", comment):
        messages.error(request, _("This comment can no longer be edited."))
        return _back_to(comment.target, comment, request.user)
    return render(request, "comments/edit.html", {"form": form, "comment": comment})


@login_required
@rate_limited
@require_POST
def delete(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    try:
        services.delete_comment(request.user, comment)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your comment has been deleted."))
    return _back_to(comment.target, comment, request.user)


@login_required
@rate_limited
@require_POST
def notifications(request, pk):
    comment = get_object_or_404(Comment, pk=pk, author=request.user)
    services.set_reply_notifications(request.user, comment, not comment.notify_replies)
    if comment.notify_replies:
        messages.success(request, _("You will be emailed when someone replies to this comment."))
    else:
        messages.success(request, _("You will no longer be emailed about replies to this comment."))
    return _back_to(comment.target, comment, request.user)
