"""Pages of consultations: the list, a consultation with its timeline, joining and leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.core.paginator import Paginator
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services
from .filters import CONSULTATION_PERIODS, ConsultationFilter
from .http import personal
from .notifications import read_token
from .models import Consultation, ConsultationDocument, Follow, Step
from .registry import registry
from .page_cache import visitor_cached

def consultation_queryset(user):
    return (
        Consultation.objects.visible_to(user)
        .select_related("theme", "territory")
        .prefetch_related(Prefetch("steps", queryset=Step.objects.order_by("position", "starts_at")))
    )


@visitor_cached
def consultation_list(request):
    now = timezone.now()
    consultation_filter = ConsultationFilter(request.GET, queryset=consultation_queryset(request.user))
    period = consultation_filter.period
    order = {"open": "last_end", "upcoming": "first_start", "closed": "-last_end"}[period]
    page = Paginator(consultation_filter.qs.order_by(order, "pk"), 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    page_query = query.urlencode()
    query.pop("period", None)
    return render(
        request,
        "consultations/consultation_list.html",
        {
            "filter": consultation_filter,
            "page": page,
            "items": [
                {"consultation": c, "current": c.current_step(now), "next": c.next_step(now)}
                for c in page
            ],
            "period": period,
            "periods": CONSULTATION_PERIODS,
            "query": query.urlencode(),
            "page_query": page_query,
            "now": now,
        },
    )


def visible_consultation(request, slug):
    """The consultation if the person may see it; a 404 otherwise, so drafts do not leak."""
    consultation = get_object_or_404(consultation_queryset(request.user), slug=slug)
    if not request.user.has_perm("consultations.view_consultation", consultation):
        raise Http404
    return consultation


def timeline(consultation, now):
    """Each step with its state and the enabled tools it opens; a tool about the whole consultation
    (its discussion) under one step only, so the page shows it once."""
    tools = [tool for tool in registry.consultation_tools(consultation) if tool.step_template]
    steps = list(consultation.steps.all())
    homes = {tool.name: tool.home_step(steps, now) for tool in tools if tool.once_per_consultation}

    def shown(tool, step):
        if tool.once_per_consultation:
            return homes[tool.name] == step
        return bool(tool.actions_for(step.kind))

    return [
        {"step": step, "state": step.state(now), "tools": [tool for tool in tools if shown(tool, step)]}
        for step in steps
    ]


@visitor_cached
def consultation_detail(request, slug):
    consultation = visible_consultation(request, slug)
    now = timezone.now()
    following = (
        request.user.is_authenticated
        and Follow.objects.filter(consultation=consultation, user=request.user).exists()
    )
    documents = (
        ConsultationDocument.objects.filter(consultation=consultation)
        if consultation.synthesis_is_published
        else ConsultationDocument.objects.none()
    )
    return render(
        request,
        "consultations/consultation_detail.html",
        {
            "consultation": consultation,
            "timeline": timeline(consultation, now),
            "current_step": consultation.current_step(now),
            "next_step": consultation.next_step(now),
            "following": following,
            "can_follow": request.user.has_perm("consultations.follow_consultation", consultation),
            "documents": documents,
            "login_url": resolve_url(settings.LOGIN_URL),
        },
    )


@login_required
@require_POST
def follow(request, slug):
    consultation = visible_consultation(request, slug)
    try:
        services.follow(consultation, request.user)
    except services.FollowRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("You joined this consultation. We will email you when a step opens.")
        )
    return redirect(consultation)


@login_required
@require_POST
def unfollow(request, slug):
    consultation = visible_consultation(request, slug)
    try:
        services.unfollow(consultation, request.user)
    except services.FollowRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("You left this consultation."))
    if request.POST.get("next") == "my_consultations":
        return redirect("consultations:my_consultations")
    return redirect(consultation)


@login_required
def my_consultations(request):
    follows = (
        Follow.objects.filter(user=request.user)
        .select_related("consultation", "consultation__theme", "consultation__territory")
        .prefetch_related(
            Prefetch("consultation__steps", queryset=Step.objects.order_by("position", "starts_at"))
        )
        .order_by("-created_at", "pk")
    )
    return render(
        request,
        "consultations/my_consultations.html",
        {"follows": follows, "now": timezone.now()},
    )


# The signed token is the secret; mail clients' one-click POST (RFC 8058) carries no CSRF cookie.
@csrf_exempt
@personal
def unsubscribe(request, token):
    """One click from an email, signed in or not: GET shows the button, POST stops the emails.

    A GET never changes anything (mail scanners follow links); RFC 8058 clients POST directly.
    """
    found = read_token(token)
    described = found and found[0].describe(found[1], found[2])
    if not described:
        return render(request, "consultations/unsubscribe.html", {"invalid": True}, status=404)
    topic, user_id, key = found
    what, back_url = described
    done = False
    if request.method == "POST":
        topic.stop(user_id, key)
        done = True
    return render(
        request,
        "consultations/unsubscribe.html",
        {"what": what, "back_url": back_url, "done": done, "token": token},
    )
