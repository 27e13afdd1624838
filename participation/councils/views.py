from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations.moderation import can_moderate

from . import services
from .conf import get_setting
from .forms import CouncilRequestForm, JoinForm
from .models import Council, Membership
from consultations.ratelimit import rate_limited
from consultations.refusals import Refused


def council_list(request):
    councils = Council.objects.listed().select_related("neighbourhood", "commune")
    page = Paginator(councils, get_setting("COUNCILS_PAGE_SIZE")).get_page(request.GET.get("page"))
    return render(request, "councils/council_list.html", {"page": page})


def _visible_council(request, slug):
    council = get_object_or_404(Council.objects.select_related("neighbourhood", "commune"), slug=slug)
    if not request.user.has_perm("councils.view_council", council):
        raise Http404
    return council


def council_detail(request, slug):
    council = _visible_council(request, slug)
    can_manage = request.user.has_perm("councils.manage_members", council)
    memberships = council.memberships.select_related("user").order_by("-role", "created_at")
    members = [m for m in memberships if m.is_accepted and (m.show_on_page or can_manage)]
    pending = [m for m in memberships if not m.is_accepted] if can_manage else []
    own = next((m for m in memberships if m.user_id == request.user.pk), None)
    from django.apps import apps

    proposals = []
    if apps.is_installed("participation.proposals"):
        Proposal = apps.get_model("proposals", "Proposal")
        proposals = Proposal.objects.visible_to(request.user).filter(council=council).order_by("-created_at")[:50]
    return render(
        request,
        "councils/council_detail.html",
        {
            "council": council,
            "members": members,
            "pending": pending,
            "own": own,
            "can_manage": can_manage,
            "can_join": request.user.has_perm("councils.join_council", council),
            "can_verify": request.user.has_perm("councils.verify_council", council) and not council.is_verified,
            "join_form": JoinForm(),
            "proposals": proposals,
            "moderates": can_moderate(request.user),
        },
    )


@login_required
@rate_limited
def council_request(request):
    if not request.user.has_perm("councils.request_council"):
        raise PermissionDenied
    form = CouncilRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            council = services.request_council(request.user, **form.cleaned_data)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Your request has been sent: the team will verify the council."))
            return redirect(council)
    return render(request, "councils/council_request.html", {"form": form})


@login_required
@rate_limited
@require_POST
def join(request, slug):
    council = _visible_council(request, slug)
    form = JoinForm(request.POST)
    form.is_valid()
    try:
        services.request_membership(request.user, council, form.cleaned_data.get("show_on_page", False))
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your request has been sent to the council's managers."))
    return redirect(council)


@login_required
@rate_limited
@require_POST
def membership_action(request, slug, pk, action):
    council = _visible_council(request, slug)
    if action not in ("accept", "remove"):
        raise Http404
    membership = get_object_or_404(Membership.objects.select_related("user", "council"), pk=pk, council=council)
    try:
        if action == "accept":
            services.accept_member(request.user, membership)
            messages.success(request, _("%(name)s is now a member.") % {"name": membership.user})
        else:
            services.remove_member(request.user, membership)
            messages.success(request, _("The membership has been removed."))
    except Refused as refusal:
        messages.error(request, refusal.message)
    return redirect(council)


@login_required
@rate_limited
@require_POST
def verify(request, slug):
    council = get_object_or_404(Council, slug=slug)
    try:
        services.verify_council(request.user, council, approve=request.POST.get("decision") != "reject")
    except Refused as refusal:
        raise PermissionDenied(refusal.message) from None
    messages.success(request, _("The council's status has been updated."))
    return redirect(council)



