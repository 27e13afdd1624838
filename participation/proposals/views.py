import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations.display import address_of, shown_dates, shown_name
from consultations.models import Consultation, Territory, Theme
from consultations.pagination import BoundedPaginator
from consultations.params import parse_id
from consultations.moderation import can_moderate, not_citizen_refusal, visible_to
from consultations.rules import is_citizen
from consultations.text import render_markdown
from participation.councils.models import Council
from consultations.ratelimit import rate_limited
from consultations.refusals import Refused
from participation.councils.rules import councils_acting_for

from . import keyset, pending, services
from .conf import get_setting
from .filters import RANDOM_PRIME, ProposalFilter
from .forms import AnswerForm, ProposalForm, WithdrawForm
from .models import Follow, Proposal, Support
from .rules import supporting_is_open
from consultations.page_cache import visitor_cached

SEED_KEY = "proposals_seed"


def visitor_seed(request):
    """A random order that stays the same for one visitor from page to page."""
    seed = request.session.get(SEED_KEY)
    if not isinstance(seed, int) or not 1 < seed < RANDOM_PRIME:
        seed = secrets.randbelow(RANDOM_PRIME - 2) + 2
        request.session[SEED_KEY] = seed
    return seed


def list_queryset(user):
    return Proposal.objects.visible_to(user).select_related("author", "council", "theme", "territory", "consultation")


def detail_queryset():
    """Every proposal (the moderation decides who reads it), with what its page shows."""
    return Proposal.objects.select_related("author", "council", "theme", "territory", "consultation", "answered_by")


@visitor_cached
def proposal_list(request):
    seed = visitor_seed(request) if request.GET.get("order") == "random" else 1
    proposal_filter = ProposalFilter(request.GET or None, queryset=list_queryset(request.user), seed=seed, request=request)
    page, next_cursor = list_page(request, proposal_filter)
    for_cards(page.object_list)
    supported = set()
    if request.user.is_authenticated:
        supported = set(
            Support.objects.filter(user=request.user, council__isnull=True, proposal__in=[p.pk for p in page])
            .values_list("proposal_id", flat=True)
        )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop(keyset.PARAM, None)
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "filter": proposal_filter,
            "page": page,
            "next_cursor": next_cursor,
            "supported": supported,
            "query": query.urlencode(),
            "can_propose": request.user.has_perm("proposals.add_proposal", None),
            "choices": filter_choices(request.GET, request.user),
        },
    )


def list_page(request, proposal_filter):
    """The page asked for, and the keyset cursor of the next one when it lies past the window.

    Numbered pages cover a bounded window (BoundedPaginator: no exact count over the whole list);
    past its last page, and from there on, the list goes on by keyset (``?apres=``) in the orders
    that have one.
    """
    order = proposal_filter.form.cleaned_data.get("order") if proposal_filter.is_bound and proposal_filter.form.is_valid() else None
    order = order or "newest"
    size = get_setting("PROPOSALS_PAGE_SIZE")
    queryset = proposal_filter.qs
    cursor = request.GET.get(keyset.PARAM)
    if cursor and order in keyset.KEYS:
        rest = keyset.after(queryset, order, cursor)
        if rest is None:
            raise Http404
        rows = list(rest[: size + 1])
        page = KeysetPage(rows[:size])
        return page, keyset.cursor_after(order, rows[size - 1]) if len(rows) > size else None
    paginator = BoundedPaginator(queryset, size, pages=get_setting("PROPOSALS_PAGE_WINDOW"))
    page = paginator.get_page(request.GET.get("page"))
    if paginator.capped and not page.has_next() and order in keyset.KEYS and page.object_list:
        return page, keyset.cursor_after(order, page.object_list[len(page.object_list) - 1])
    return page, None


class KeysetPage(list):
    """A page reached by keyset: its rows, and no number (it lies past the counted window)."""

    number = None
    object_list = property(lambda self: self)


def filter_choices(params, user):
    """The select boxes of the filter form: (name, label, all-label, the options' HTML)."""
    consultations = Consultation.objects.visible_to(user).only("slug", "title")
    # Rows as (slug, name) tuples: a hundred options a page need no model instances.
    boxes = [
        ("consultation", _("Consultation"), _("All consultations"), consultations.values_list("slug", "title")),
        ("theme", _("Theme"), _("All themes"), Theme.objects.values_list("slug", "name")),
        ("territory", _("Territory"), _("All territories"), Territory.objects.values_list("slug", "name")),
        ("council", _("Council"), _("All councils"), Council.objects.listed().values_list("slug", "name")),
    ]
    return [(name, label, everything, options_html(rows, params.get(name))) for name, label, everything, rows in boxes]


def options_html(rows, chosen):
    """The ``<option>`` tags of a box, as the template's loop wrote them: about 120 options a page
    were 500 template nodes, a tenth of the list's rendering."""
    return mark_safe("".join(
        f'<option value="{escape(slug)}"{" selected" if slug == chosen else ""}>{escape(title)}</option>'
        for slug, title in rows
    ))


def for_cards(proposals):
    """What each card shows, once a card: its address, author's name and date (see consultations.display)."""
    former_member, former_account = _("former member"), _("Former account")
    address = address_of("proposals:detail")
    for proposal in proposals:
        proposal.shown_url = address(proposal.pk)
        proposal.shown_iso, proposal.shown_date = shown_dates(proposal.created_at, "DATE_FORMAT")
        proposal.shown_author = shown_name(proposal.author, former_member if proposal.council_id else former_account)
    return proposals


def support_context(request, proposal):
    user = request.user
    own = set()
    councils = []
    if user.is_authenticated:
        own = {
            council_id
            for council_id in Support.objects.filter(proposal=proposal)
            .filter(user=user)
            .values_list("council_id", flat=True)
        }
        councils = list(councils_acting_for(user))
        council_supports = set(
            Support.objects.filter(proposal=proposal, council__in=councils).values_list("council_id", flat=True)
        )
        councils = [(council, council.pk in council_supports) for council in councils]
    return {
        "proposal": proposal,
        "supports_open": supporting_is_open(user, proposal),
        "can_support": user.has_perm("proposals.support_proposal", proposal),
        "supports_it": None in own,
        "council_choices": councils,
    }


@visitor_cached
def proposal_detail(request, pk):
    proposal = get_object_or_404(detail_queryset(), pk=pk)
    user = request.user
    if not visible_to(proposal, user):
        raise Http404
    context = support_context(request, proposal)
    context.update(
        {
            "supporting_councils": Council.objects.filter(supports__proposal=proposal).order_by("name"),
            "can_edit": user.has_perm("proposals.change_proposal", proposal),
            "can_withdraw": user.has_perm("proposals.withdraw_proposal", proposal),
            "can_answer": user.has_perm("proposals.answer_proposal", proposal),
            "moderates": can_moderate(user),
            "follows": user.is_authenticated and Follow.objects.filter(proposal=proposal, user=user).exists(),
            "withdraw_form": WithdrawForm(),
            "answer_form": AnswerForm(initial={"state": proposal.state, "text": proposal.answer}),
        }
    )
    return render(request, "proposals/proposal_detail.html", context)


@login_required
@rate_limited
def proposal_create(request, consultation=None):
    consultation = get_object_or_404(Consultation.objects.public(), slug=consultation) if consultation else None
    if not is_citizen(request.user):
        raise PermissionDenied(not_citizen_refusal(request.user, _("Please verify your email address first."))[0])
    # A citizen may always start an initiative; in a consultation, only while its proposals step is open.
    if consultation is not None and not request.user.has_perm("proposals.add_proposal", consultation):
        messages.error(request, _("The proposals step of this consultation is not open."))
        return redirect(consultation)
    councils = councils_acting_for(request.user)
    kept = pending.from_post(request) if request.method == "POST" else None
    form = ProposalForm(request.POST or None, request.FILES or None, councils=councils, kept=kept)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            preview = _preview(data)
        else:
            try:
                proposal = _publish(kept, data, lambda data: services.create_proposal(request.user, consultation=consultation, **data))
            except Refused as refusal:
                form.add_error("attachment" if refusal.code in FILE_REFUSALS else None, refusal.message)
            else:
                if proposal.is_pending:
                    messages.success(request, _("Your proposal is saved: it will be published once a moderator approves it."))
                else:
                    messages.success(request, _("Your proposal is published."))
                return redirect(proposal)
    kept = pending.carry(request, form, kept)
    return render(
        request, "proposals/proposal_form.html",
        {"form": form, "consultation": consultation, "preview": preview, "kept": kept},
    )


# Refusals about the file, shown next to the file field.
FILE_REFUSALS = {"file_too_big", "file_type"}


def _preview(data):
    return {
        "title": data["title"], "body": render_markdown(data["body"]), "council": data.get("council"),
        "image_alt": data.get("image_alt", ""),
    }


def _publish(kept, data, save):
    """Save with the new upload, else with the file kept from the preview (then no longer kept)."""
    if data.get("attachment") or not kept:
        return save(data)
    with pending.open_kept(kept) as kept_file:
        result = save({**data, "attachment": kept_file})
    pending.discard(kept)
    return result


@login_required
@rate_limited
def proposal_edit(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk)
    if not request.user.has_perm("proposals.change_proposal", proposal):
        messages.error(request, _("This proposal can no longer be edited: it has been supported or commented on, or it is not yours."))
        return redirect(proposal)
    initial = {
        "title": proposal.title, "body": proposal.body, "theme": proposal.theme, "territory": proposal.territory,
        "image_alt": proposal.image_alt,
    }
    kept = pending.from_post(request) if request.method == "POST" else None
    form = ProposalForm(
        request.POST or None, request.FILES or None, initial=initial, editing=True, kept=kept,
        current_image=proposal.is_image,
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            preview = _preview(data)
        else:
            try:
                _publish(kept, data, lambda data: services.edit_proposal(request.user, proposal, **data))
            except Refused as refusal:
                form.add_error("attachment" if refusal.code in FILE_REFUSALS else None, refusal.message)
            else:
                messages.success(request, _("Your proposal has been updated."))
                return redirect(proposal)
    kept = pending.carry(request, form, kept)
    return render(
        request, "proposals/proposal_form.html", {"form": form, "proposal": proposal, "preview": preview, "kept": kept}
    )


@login_required
@rate_limited
@require_POST
def proposal_withdraw(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk)
    form = WithdrawForm(request.POST)
    try:
        if not form.is_valid():
            raise Refused(_("Say why you withdraw the proposal."), "empty")
        services.withdraw_proposal(request.user, proposal, form.cleaned_data["reason"])
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your proposal has been withdrawn."))
    return redirect(proposal)


@login_required
@rate_limited
@require_POST
def proposal_answer(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk)
    if not request.user.has_perm("proposals.answer_proposal", proposal):
        raise PermissionDenied
    try:
        # The service says what is wrong (the state, or the text), as it does to the API.
        services.answer_proposal(
            request.user, proposal, state=request.POST.get("state", ""), text=request.POST.get("text", "")
        )
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The answer is published; the author, the supporters and the followers are told by email."))
    return redirect(proposal)


def _council_from(request):
    council_id = request.POST.get("council")
    if not council_id:
        return None
    council_id = parse_id(council_id)
    council = Council.objects.filter(pk=council_id).first() if council_id else None
    if council is None:
        raise Refused(_("You are not a member of this council."), "not_member", 403)
    return council


@login_required
@rate_limited
@require_POST
def support(request, pk):
    """Add or remove a support: a plain form post, or an htmx request that swaps the button."""
    proposal = get_object_or_404(Proposal.objects.select_related("consultation"), pk=pk)
    error = None
    try:
        council = _council_from(request)
        if request.POST.get("action") == "remove":
            services.withdraw_support(request.user, proposal, council)
            done = _("Your support has been withdrawn.")
        else:
            services.cast_support(request.user, proposal, council)
            done = _("Thank you for your support.")
    except Refused as refusal:
        if refusal.status == 404:
            raise Http404 from None
        error = refusal.message
    if request.htmx:
        proposal.refresh_from_db(fields=["support_count", "threshold_reached_at"])
        context = support_context(request, proposal)
        context.update({"error": error, "done": None if error else done})
        return render(request, "proposals/_support.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(proposal)


@login_required
@rate_limited
@require_POST
def follow(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk)
    on = request.POST.get("action") != "unfollow"
    try:
        services.follow(request.user, proposal, on)
    except Refused as refusal:
        if refusal.status == 404:
            raise Http404 from None
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("You will be emailed about the official answer.") if on else _("You no longer follow this proposal."))
    return redirect(proposal)
