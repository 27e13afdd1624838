"""Pages of a participatory budget for residents: the budget, its projects, the ballot, the results."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations.ratelimit import rate_limited
from consultations.refusals import Refused

from . import services
from .forms import BallotForm, ProjectForm
from .links import proposal_of
from .opendata import pabulib_text
from .models import Budget, Envelope, Feasibility, Project
from .results import envelope_results


def visible_budget(request, pk):
    budget = get_object_or_404(Budget.objects.select_related("step__consultation"), pk=pk)
    if not request.user.has_perm("budgets.view_budget", budget):
        raise Http404
    return budget


def visible_envelope(request, pk):
    envelope = get_object_or_404(
        Envelope.objects.select_related("budget__step__consultation", "territory"), pk=pk
    )
    if not request.user.has_perm("budgets.view_budget", envelope.budget):
        raise Http404
    return envelope


def visible_project(request, pk):
    project = get_object_or_404(
        Project.objects.select_related("envelope__budget__step__consultation", "author"), pk=pk
    )
    if not request.user.has_perm("budgets.view_budget", project.envelope.budget):
        raise Http404
    return project


def budget(request, pk):
    budget = visible_budget(request, pk)
    envelopes = list(budget.envelopes.select_related("territory"))
    user = request.user
    return render(request, "budgets/budget.html", {
        "budget": budget,
        "consultation": budget.step.consultation,
        "envelopes": [
            {"envelope": envelope, "can_vote": user.has_perm("budgets.vote_in_envelope", envelope)}
            for envelope in envelopes
        ],
        "can_submit": user.has_perm("budgets.submit_project", budget),
        "can_review": user.has_perm("budgets.review_projects", budget),
        "can_record": user.has_perm("budgets.record_paper_ballots", budget),
        "can_manage": user.has_perm("budgets.manage_results", budget),
        "can_see_results": user.has_perm("budgets.view_results", budget),
    })


def project_list(request, pk):
    budget = visible_budget(request, pk)
    projects = Project.objects.filter(envelope__budget=budget).select_related("envelope").order_by(
        "envelope__position", "title", "pk"
    )
    envelope = request.GET.get("enveloppe")
    if envelope and envelope.isdigit():
        projects = projects.filter(envelope_id=int(envelope))
    state = request.GET.get("etat")
    if state in Feasibility.values:
        projects = projects.filter(feasibility=state)
    return render(request, "budgets/project_list.html", {
        "budget": budget, "projects": projects, "envelopes": budget.envelopes.all(),
        "feasibilities": Feasibility.choices, "chosen_envelope": envelope, "chosen_state": state,
    })


def project_detail(request, pk):
    project = visible_project(request, pk)
    budget = project.envelope.budget
    following = request.user.is_authenticated and project.follows.filter(user=request.user).exists()
    return render(request, "budgets/project_detail.html", {
        "project": project,
        "budget": budget,
        "proposal": proposal_of(project) if project.proposal_id else None,
        "updates": project.updates.all(),
        "following": following,
        "can_follow": request.user.has_perm("budgets.follow_project", project),
        "can_review": request.user.has_perm("budgets.review_projects", budget),
        "can_update": request.user.has_perm("budgets.post_update", budget),
        "results_published": budget.results_are_published,
    })


@rate_limited
def submit_project(request, pk):
    budget = visible_budget(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    form = ProjectForm(budget, request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                project = services.submit_project(
                    data["envelope"], request.user, title=data["title"], description=data["description"],
                    cost_cents=data["cost"],
                )
            except Refused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(request, _("Thank you, your project is submitted: the reviewers will study it."))
                return redirect(project)
        status = 400
    return render(request, "budgets/project_form.html", {"budget": budget, "form": form}, status=status)


def _ballot_context(envelope, form, projects, **extra):
    chosen = set(form.chosen_ids())
    total = sum(project.cost for project in projects if str(project.pk) in chosen)
    return {
        "envelope": envelope, "budget": envelope.budget, "form": form, "projects": projects, "chosen": chosen,
        "total": total, "remaining": envelope.amount_cents - total,
        "over": max(0, total - envelope.amount_cents), **extra,
    }


def _ballot_page(request, envelope, *, mode):
    """The one ballot page, for a person (``mine``), a code at home (``code``) or the stand (``paper``)."""
    projects = list(services.ballot_projects(envelope))
    with_code = mode != "mine"
    mine = services.my_ballot(envelope, request.user) if mode == "mine" else None
    initial = {"projects": [line.project_id for line in mine.lines.all()]} if mine else {}
    form = BallotForm(envelope, projects, request.POST or None, initial=initial, with_code=with_code)
    refusal = services.vote_refusal(envelope, request.user) if mode == "mine" else None
    status = 200
    if request.method == "POST" and "recalculate" not in request.POST:
        if form.is_valid():
            ids = [project.pk for project in form.cleaned_data["projects"]]
            try:
                if mode == "mine":
                    services.cast_ballot(envelope, request.user, ids)
                else:
                    services.cast_code_ballot(
                        envelope, form.cleaned_data["code"], ids,
                        recorded_by=request.user if mode == "paper" else None,
                    )
            except Refused as refused:
                form.add_error("code" if refused.code in ("code_used", "unknown_code") else None, refused.message)
            else:
                if mode == "paper":
                    messages.success(request, _("The paper ballot is recorded. Next voter!"))
                    return redirect("budgets:paper_stand", envelope.pk)
                if mode == "code":
                    messages.success(request, _("Your vote is recorded. Thank you!"))
                    return redirect(envelope.budget)
                messages.success(request, _("Your vote is recorded. You can change it until the vote closes."))
                return redirect("budgets:ballot", envelope.pk)
        status = 400
    return render(
        request, "budgets/ballot.html",
        _ballot_context(envelope, form, projects, mode=mode, mine=mine, refusal=refusal),
        status=status,
    )


@rate_limited
def ballot(request, pk):
    envelope = visible_envelope(request, pk)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    return _ballot_page(request, envelope, mode="mine")


@rate_limited
def code_ballot(request, pk):
    envelope = visible_envelope(request, pk)
    return _ballot_page(request, envelope, mode="code")


def results(request, pk):
    budget = visible_budget(request, pk)
    if not request.user.has_perm("budgets.view_results", budget):
        raise Http404
    return render(request, "budgets/results.html", {
        "budget": budget, "envelopes": envelope_results(budget), "consultation": budget.step.consultation,
    })


@require_POST
def follow(request, pk):
    project = visible_project(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(project.get_absolute_url(), settings.LOGIN_URL)
    try:
        services.follow_project(project, request.user, follow=request.POST.get("follow") == "1")
    except Refused as refused:
        messages.error(request, refused.message)
    return redirect(project)


def pabulib_file(request, pk):
    """An envelope's vote as a pabulib file, once the results are published (open data, Etalab 2.0)."""
    envelope = visible_envelope(request, pk)
    if not envelope.budget.results_are_published or not request.user.has_perm("budgets.view_results", envelope.budget):
        raise Http404
    response = HttpResponse(pabulib_text(envelope), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{envelope.budget.step.consultation.slug}-{envelope.pk}.pb"'
    return response
