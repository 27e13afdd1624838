from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from consultations.params import parse_id
from consultations.refusals import Refused

from . import services
from .conf import get_setting
from .filters import ActionFilter, CaseFilter
from .forms import BlockForm, DecisionForm, ReportForm, ReviewForm
from .models import Action, Block, Case


def _require(request, permission, obj=None):
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _page(request, queryset, size_setting):
    return Paginator(queryset, get_setting(size_setting)).get_page(request.GET.get("page"))


def _query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _form_errors(form):
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@login_required
def queue(request):
    _require(request, "moderation.moderate")
    cases = Case.objects.select_related("author", "consultation", "event")
    case_filter = CaseFilter(request.GET, queryset=cases)
    page = _page(request, case_filter.qs, "MODERATION_PAGE_SIZE")
    return render(request, "moderation/queue.html", {
        "filter": case_filter, "page": page, "query": _query_without_page(request),
        "return_to": request.get_full_path(),
    })


@login_required
def case_detail(request, pk):
    _require(request, "moderation.moderate")
    case = get_object_or_404(Case.objects.select_related("author", "decided_by", "consultation", "event"), pk=pk)
    return render(request, "moderation/case.html", {
        "case": case,
        "reports": case.reports.select_related("reporter"),
        "history": case.actions.select_related("actor"),
        "can_block_author": case.author is not None and request.user.has_perm("moderation.block_person", case.author),
        # Not "block": inside {% block %} Django's template engine binds that name to the block node.
        "author_block": Block.objects.in_force().filter(user_id=case.author_id).first() if case.author_id else None,
    })


def _safe_return(request, fallback):
    target = request.POST.get("next", "")
    on_this_site = url_has_allowed_host_and_scheme(target, allowed_hosts=None, require_https=request.is_secure())
    return target if on_this_site else fallback


@login_required
@require_POST
def decide(request, pk):
    _require(request, "moderation.moderate")
    case = get_object_or_404(Case, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(case)
    try:
        services.DECISIONS[form.cleaned_data["decision"]](request.user, case, form.cleaned_data["reason"])
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect(_safe_return(request, case.get_absolute_url()))


@login_required
@require_POST
def bulk(request):
    _require(request, "moderation.moderate")
    form = DecisionForm(request.POST)
    back = _safe_return(request, reverse("moderation:queue"))
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(back)
    data = form.cleaned_data
    try:
        # The service refuses an empty selection or an unknown case with its own message.
        count = services.decide_many(request.user, _ids(request), data["decision"], data["reason"])
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            ngettext("Decision recorded for %(count)s item.", "Decision recorded for %(count)s items.", count)
            % {"count": count},
        )
    return redirect(back)


def _ids(request):
    return [pk for pk in map(parse_id, request.POST.getlist("cases")) if pk]


@login_required
def block_person(request, user_id):
    person = get_object_or_404(get_user_model(), pk=user_id)
    _require(request, "moderation.block_person", person)
    form = BlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.block(request.user, person, form.cleaned_data["reason"], days=form.cleaned_data["duration"])
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("%(name)s is blocked and their content hidden.") % {"name": person})
            return redirect("moderation:blocks")
    return render(request, "moderation/block.html", {"person": person, "form": form})


@login_required
def blocks(request):
    _require(request, "moderation.moderate")
    records = Block.objects.select_related("user", "created_by")
    page = _page(request, records, "MODERATION_PAGE_SIZE")
    return render(request, "moderation/blocks.html", {"page": page, "query": ""})


@login_required
@require_POST
def lift_block(request, pk):
    _require(request, "moderation.moderate")
    record = get_object_or_404(Block, pk=pk)
    try:
        services.lift(request.user, record, request.POST.get("reason", ""))
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The block is lifted."))
    return redirect("moderation:blocks")


@login_required
def log(request):
    _require(request, "moderation.read_log")
    actions = Action.objects.select_related("actor", "target_user")
    action_filter = ActionFilter(request.GET or None, queryset=actions)
    page = _page(request, action_filter.qs, "MODERATION_LOG_PAGE_SIZE")
    return render(request, "moderation/log.html", {
        "filter": action_filter, "page": page, "query": _query_without_page(request),
    })


@login_required
def report(request, kind, object_id):
    try:
        content_kind, obj = services.resolve_reportable(request.user, kind, object_id)
    except Refused:
        raise Http404 from None
    back = content_kind.url_of(obj) or "/"
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report(request.user, kind, object_id, form.cleaned_data["reason"], form.cleaned_data["note"])
        except Refused as refusal:
            if refusal.status == 404:
                raise Http404 from None
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Thank you: the moderators will look at your report."))
            return redirect(back)
    return render(request, "moderation/report.html", {
        "form": form, "kind": content_kind, "text": content_kind.text(obj), "back": back,
    })


@login_required
def review(request, pk):
    case = get_object_or_404(Case, pk=pk, author=request.user)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_review(request.user, case, form.cleaned_data["note"])
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Your request is sent: a moderator will look at your contribution again."))
            return redirect("moderation:review", pk=case.pk)
    return render(request, "moderation/review.html", {
        "case": case, "form": form, "can_ask": request.user.has_perm("moderation.request_review", case),
    })
