"""Pages of those who run a budget: reviewers, the polling stand's facilitators, staff."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from consultations.notifications import site_url
from consultations.ratelimit import rate_limited
from consultations.refusals import Refused

from . import services
from .forms import CodesForm, DecisionForm, FromProposalForm, MethodForm, ReviewForm, UpdateForm
from .links import proposal_model
from .formatting import euros
from .models import Ballot, Channel, Project
from .pdf import codes_pdf
from .results import envelope_results
from .views import _ballot_page, visible_budget, visible_envelope, visible_project


def _require(request, perm, obj):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def review_list(request, pk):
    """The projects to review; where the proposals app is installed, a form turns a proposal into a project."""
    budget = visible_budget(request, pk)
    _require(request, "budgets.review_projects", budget)
    from_proposal = FromProposalForm(budget, request.POST or None) if proposal_model() else None
    if from_proposal is not None and request.method == "POST" and from_proposal.is_valid():
        data = from_proposal.cleaned_data
        try:
            project = services.project_from_proposal(
                data["envelope"], data["proposal"], cost_cents=data["cost"], by=request.user
            )
        except Refused as refused:
            from_proposal.add_error("proposal", refused.message)
        else:
            messages.success(request, _("The proposal is now a project of the budget, linked to it."))
            return redirect("budgets:review_project", project.pk)
    projects = (
        Project.objects.filter(envelope__budget=budget)
        .select_related("envelope", "reviewed_by")
        .order_by("feasibility", "envelope__position", "title")
    )
    return render(
        request, "budgets/review_list.html", {"budget": budget, "projects": projects, "from_proposal": from_proposal},
        status=400 if from_proposal is not None and from_proposal.errors else 200,
    )


@rate_limited
def review_project(request, pk):
    project = visible_project(request, pk)
    budget = project.envelope.budget
    _require(request, "budgets.review_projects", budget)
    initial = {
        "feasible": {"feasible": "yes", "unfeasible": "no"}.get(project.feasibility),
        "reason": project.feasibility_reason,
        "estimated_cost": euros(project.cost).replace("\u00a0€", "") if project.estimated_cost_cents else "",
    }
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.review_project(
                project, request.user, feasible=data["feasible"], reason=data["reason"],
                estimated_cost_cents=data["estimated_cost"],
            )
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The review is saved and shown on the project's page."))
            return redirect("budgets:review_list", budget.pk)
    return render(
        request, "budgets/review_form.html", {"project": project, "budget": budget, "form": form},
        status=400 if form.errors else 200,
    )


@rate_limited
def paper_stand(request, pk):
    envelope = visible_envelope(request, pk)
    _require(request, "budgets.record_paper_ballots", envelope.budget)
    return _ballot_page(request, envelope, mode="paper")


@rate_limited
def codes(request, pk):
    """GET: the form and the codes' use; POST: print new codes, answered as a PDF."""
    envelope = visible_envelope(request, pk)
    _require(request, "budgets.print_codes", envelope.budget)
    form = CodesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = services.print_codes(envelope, form.cleaned_data["count"], by=request.user)
        vote_url = site_url(reverse("budgets:code_ballot", args=[envelope.pk]))
        response = HttpResponse(codes_pdf(envelope, made, vote_url), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="codes-{envelope.pk}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
    printed = envelope.codes.count()
    used = Ballot.objects.filter(envelope=envelope, code__isnull=False)
    return render(request, "budgets/codes.html", {
        "envelope": envelope, "budget": envelope.budget, "form": form, "printed": printed,
        "used_online": used.filter(channel=Channel.ONLINE).count(),
        "used_paper": used.filter(channel=Channel.PAPER).count(),
    }, status=400 if form.errors else 200)


def manage_results(request, pk):
    budget = visible_budget(request, pk)
    _require(request, "budgets.manage_results", budget)
    method_form = MethodForm(initial={"official_method": budget.official_method})
    decision_errors = {}
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "count":
                services.count(budget, request.user)
                messages.success(request, _("The count by both rules has started; on a large budget it takes a few minutes: reload this page."))
            elif action == "method":
                method_form = MethodForm(request.POST)
                if method_form.is_valid():
                    services.choose_method(budget, method_form.cleaned_data["official_method"], request.user)
                    messages.success(request, _("The official rule is saved."))
            elif action == "decide":
                decision = DecisionForm(request.POST)
                if decision.is_valid():
                    project = Project.objects.get(pk=decision.cleaned_data["project"], envelope__budget=budget)
                    winner = {"winner": True, "not_winner": False}.get(decision.cleaned_data["decision"])
                    services.decide_winner(project, winner, decision.cleaned_data["reason"], request.user)
                    messages.success(request, _("The decision is saved with its public reason."))
                else:
                    decision_errors[str(request.POST.get("project"))] = [
                        message for messages_ in decision.errors.values() for message in messages_
                    ]
            elif action == "publish":
                services.publish_results(budget, request.user)
                messages.success(request, _("The results are published."))
        except (Refused, Project.DoesNotExist) as refused:
            messages.error(request, getattr(refused, "message", _("This project is not in this budget.")))
        if not (method_form.is_bound and method_form.errors) and not decision_errors:
            return redirect("budgets:manage_results", budget.pk)
    envelopes = envelope_results(budget)
    for block in envelopes:
        for project in block["projects"]:
            project.decision_errors = decision_errors.get(str(project.pk), [])
    return render(request, "budgets/manage_results.html", {
        "budget": budget, "envelopes": envelopes, "method_form": method_form,
    }, status=400 if decision_errors else 200)


@rate_limited
def post_update(request, pk):
    project = visible_project(request, pk)
    _require(request, "budgets.post_update", project.envelope.budget)
    form = UpdateForm(request.POST or None, request.FILES or None, initial={
        "progress": project.progress, "percent_done": project.percent_done,
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.post_update(
            project, request.user, date=data["date"], text=data["text"], progress=data["progress"],
            percent_done=data["percent_done"], photo=data["photo"], photo_description=data["photo_description"],
        )
        messages.success(request, _("The follow-up is published; the project's followers get an email."))
        return redirect(project)
    return render(request, "budgets/update_form.html", {"project": project, "form": form},
                  status=400 if form.errors else 200)
