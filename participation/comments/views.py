from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import CommentForm, EditCommentForm
from .models import Comment
from consultations.ratelimit import rate_limited
from consultations.refusals import Refused
from consultations.speakers import speakers


def _back_to(target, comment=None):
    url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"
    return HttpResponseRedirect(f"{url}#commentaire-{comment.pk}" if comment else f"{url}#commentaires")


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
    return _back_to(target, comment)


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
            return _back_to(comment.target, comment)
    elif not request.user.has_perm("comments.change_comment", comment):
        messages.error(request, _("This comment can no longer be edited."))
        return _back_to(comment.target, comment)
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
    return _back_to(comment.target, comment)


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
    return _back_to(comment.target, comment)
