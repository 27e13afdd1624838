"""What people do with a participatory budget, each action one transaction.

Views and the API call these and show the ``Refused`` they raise (a French message and a code).
"""

import secrets

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext

from consultations.moderation import not_citizen_refusal
from consultations.refusals import Refused

from .formatting import euros
from .models import Ballot, BallotLine, Channel, Feasibility, Project, ProjectFollow, ProjectUpdate, VoteRule, VotingCode
from consultations import page_cache

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed from paper
CODE_LENGTH = 10


# --- projects -------------------------------------------------------------------------------------


def submit_project(envelope, user, *, title, description, cost_cents, proposal_id=None):
    """A resident (or staff, at any time) puts a project forward in an envelope."""
    budget = envelope.budget
    if not user.has_perm("budgets.submit_project", budget) and not user.has_perm("budgets.review_projects", budget):
        from .rules import is_submission_open

        if not user.is_authenticated:
            raise Refused(_("Log in to submit a project."), "not_authenticated", status=401)
        if is_submission_open(user, budget) and user.has_perm("budgets.view_budget", budget):
            message, code = not_citizen_refusal(
                user, _("Please verify your email address before submitting a project."), "submit"
            )
            raise Refused(message, code, status=403)
        raise Refused(_("Projects are not being submitted to this budget now."), "closed", status=403)
    if cost_cents is None or cost_cents <= 0:
        raise Refused(_("Give the project's cost, in euros."), "invalid")
    return Project.objects.create(
        envelope=envelope, author=user, title=title.strip(), description=description.strip(),
        cost_cents=cost_cents, proposal_id=proposal_id,
    )


@transaction.atomic
def review_project(project, reviewer, *, feasible, reason, estimated_cost_cents=None):
    """Mark a project feasible (with its estimated cost) or not, with a reason shown in public."""
    if not reviewer.has_perm("budgets.review_projects", project.envelope.budget):
        raise Refused(_("Only the budget's reviewers and staff review projects."), "forbidden", status=403)
    if not (reason or "").strip():
        raise Refused(_("Give the public reason of your review."), "invalid")
    if feasible and not estimated_cost_cents:
        raise Refused(_("A feasible project needs its estimated cost."), "invalid")
    project = Project.objects.select_for_update().get(pk=project.pk)
    project.feasibility = Feasibility.FEASIBLE if feasible else Feasibility.UNFEASIBLE
    project.feasibility_reason = reason.strip()
    if estimated_cost_cents:
        project.estimated_cost_cents = estimated_cost_cents
    project.reviewed_by = reviewer
    project.reviewed_at = timezone.now()
    project.save()
    return project


# --- ballots --------------------------------------------------------------------------------------


def ballot_projects(envelope):
    """The projects one may vote for: the feasible ones of the envelope."""
    return Project.objects.filter(envelope=envelope, feasibility=Feasibility.FEASIBLE).order_by("title", "pk")


def selection_errors(envelope, projects):
    """What is wrong with a selection under the budget's rule, in French (empty when it is valid)."""
    budget = envelope.budget
    errors = []
    if not projects:
        return [_("Choose at least one project.")]
    total = sum(project.cost for project in projects)
    if budget.rule == VoteRule.KNAPSACK:
        if total > envelope.amount_cents:
            errors.append(
                _("Your choice costs %(total)s, more than the envelope's %(amount)s: remove a project.")
                % {"total": euros(total), "amount": euros(envelope.amount_cents)}
            )
        minimum = envelope.amount_cents * budget.min_share_percent // 100
        if total < minimum:
            errors.append(
                _("Your choice must spend at least %(minimum)s (%(percent)s %% of the envelope); it spends %(total)s.")
                % {"minimum": euros(minimum), "percent": budget.min_share_percent, "total": euros(total)}
            )
    if budget.max_projects:
        if budget.exactly and len(projects) != budget.max_projects:
            errors.append(
                ngettext("Choose exactly %(count)d project.", "Choose exactly %(count)d projects.", budget.max_projects)
                % {"count": budget.max_projects}
            )
        elif len(projects) > budget.max_projects:
            errors.append(
                ngettext("Choose at most %(count)d project.", "Choose at most %(count)d projects.", budget.max_projects)
                % {"count": budget.max_projects}
            )
    return errors


def _chosen(envelope, project_ids):
    ids = {int(pk) for pk in project_ids}
    projects = list(ballot_projects(envelope).filter(pk__in=ids))
    if len(projects) != len(ids):
        raise Refused(_("One of the projects chosen is not on this ballot."), "unknown_project")
    errors = selection_errors(envelope, projects)
    if errors:
        raise Refused(" ".join(errors), "invalid_selection")
    return projects


def vote_refusal(envelope, user):
    """Why the person cannot vote in this envelope now, as a Refused, or None."""
    budget = envelope.budget
    if user.has_perm("budgets.vote_in_envelope", envelope):
        return None
    if not user.is_authenticated:
        return Refused(_("Log in to vote, or vote with the code you were given."), "not_authenticated", status=401)
    if not user.has_perm("budgets.view_budget", budget):
        return Refused(_("This budget is not open to you."), "not_found", status=404)
    from .rules import is_vote_open, lives_in_envelope_territory

    if not is_vote_open(user, envelope):
        return Refused(_("The vote is not open."), "closed", status=403)
    if not lives_in_envelope_territory(user, envelope):
        return Refused(
            _("This envelope is voted by the residents of %(territory)s: check the neighbourhood in your profile.")
            % {"territory": envelope.territory.name},
            "not_resident", status=403,
        )
    message, code = not_citizen_refusal(user, _("Please verify your email address before voting."), "vote")
    return Refused(message, code, status=403)


def _write_lines(ballot, projects):
    ballot.lines.all().delete()
    BallotLine.objects.bulk_create(BallotLine(ballot=ballot, project=project) for project in projects)
    ballot.total_cents = sum(project.cost for project in projects)


@transaction.atomic
def cast_ballot(envelope, user, project_ids, *, confirm=True):
    """Cast or replace the person's ballot in the envelope; only a confirmed ballot is counted.

    The person's row is locked first: concurrent ballots of one person (two tabs, a double click,
    a script) run one after the other, and the last one is the ballot.
    """
    refusal = vote_refusal(envelope, user)
    if refusal:
        raise refusal
    projects = _chosen(envelope, project_ids)
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    ballot = Ballot.objects.filter(envelope=envelope, user=user).first()
    created = ballot is None
    if created:
        try:
            with transaction.atomic():
                ballot = Ballot.objects.create(envelope=envelope, user=user, channel=Channel.ONLINE)
        except IntegrityError:  # SQLite has no row lock: another request created it meanwhile
            ballot, created = Ballot.objects.get(envelope=envelope, user=user), False
    _write_lines(ballot, projects)
    ballot.confirmed_at = timezone.now() if confirm else None
    ballot.save()
    return ballot, created


@transaction.atomic
def confirm_ballot(envelope, user):
    refusal = vote_refusal(envelope, user)
    if refusal:
        raise refusal
    ballot = Ballot.objects.select_for_update().filter(envelope=envelope, user=user).first()
    if ballot is None:
        raise Refused(_("You have no ballot to confirm yet."), "no_ballot", status=404)
    ballot.confirmed_at = timezone.now()
    ballot.save(update_fields=["confirmed_at", "updated_at"])
    return ballot


def my_ballot(envelope, user):
    if not user.is_authenticated:
        return None
    return Ballot.objects.filter(envelope=envelope, user=user).prefetch_related("lines").first()


# --- voting codes and paper ballots ---------------------------------------------------------------


def normalise_code(raw):
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def display_code(code):
    return f"{code[:5]}-{code[5:]}"


@transaction.atomic
def print_codes(envelope, count, *, by):
    """New one-time codes for the envelope; nothing ties them to whoever receives one."""
    if not by.has_perm("budgets.print_codes", envelope.budget):
        raise Refused(_("Only staff and the stand's facilitators print voting codes."), "forbidden", status=403)
    if not 1 <= count <= 2000:
        raise Refused(_("Print between 1 and 2,000 codes at a time."), "invalid")
    made = []
    while len(made) < count:
        batch = {"".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)) for _ in range(count - len(made))}
        taken = set(VotingCode.objects.filter(code__in=batch).values_list("code", flat=True))
        made += VotingCode.objects.bulk_create(VotingCode(envelope=envelope, code=code) for code in batch - taken)
    return made


def _code_is_open(envelope, *, paper):
    """Codes vote while the vote is open; paper ballots may still be typed in until results are out."""
    budget = envelope.budget
    from .rules import is_vote_open

    if is_vote_open(None, budget):
        return True
    return paper and budget.step.state() == "closed" and budget.results_published_at is None


@transaction.atomic
def cast_code_ballot(envelope, raw_code, project_ids, *, recorded_by=None):
    """A ballot with a one-time code: on paper, typed in by a facilitator, or online without an account.

    The code's row is locked and its ballot is unique: a code used online cannot vote on paper,
    nor the reverse.
    """
    paper = recorded_by is not None
    if paper and not recorded_by.has_perm("budgets.record_paper_ballots", envelope.budget):
        raise Refused(_("Only staff and the stand's facilitators record paper ballots."), "forbidden", status=403)
    if not _code_is_open(envelope, paper=paper):
        raise Refused(_("The vote is not open."), "closed", status=403)
    code = VotingCode.objects.select_for_update().filter(code=normalise_code(raw_code)).first()
    if code is None or code.envelope_id != envelope.pk:
        raise Refused(_("This code is not a voting code of this envelope: check it letter by letter."), "unknown_code")
    if Ballot.objects.filter(code=code).exists():
        raise Refused(_("This code has already been used to vote."), "code_used", status=409)
    projects = _chosen(envelope, project_ids)
    ballot = Ballot.objects.create(
        envelope=envelope, code=code, channel=Channel.PAPER if paper else Channel.ONLINE,
        recorded_by=recorded_by, confirmed_at=timezone.now(),
    )
    _write_lines(ballot, projects)
    ballot.save(update_fields=["total_cents"])
    return ballot


# --- follow-up of the winners ---------------------------------------------------------------------


@transaction.atomic
def post_update(project, author, *, date, text, progress, percent_done, photo=None, photo_description=""):
    """A dated step of the project's realisation; its followers hear of it once the transaction commits."""
    if not author.has_perm("budgets.post_update", project.envelope.budget):
        raise Refused(_("Only staff post the follow-up of a project."), "forbidden", status=403)
    update = ProjectUpdate.objects.create(
        project=project, author=author, date=date, text=text, progress=progress, percent_done=percent_done,
        photo=photo or "", photo_description=photo_description,
    )
    Project.objects.filter(pk=project.pk).update(progress=progress, percent_done=percent_done)
    from .tasks import send_update_emails

    transaction.on_commit(lambda: send_update_emails.enqueue(update_id=update.pk))
    return update


def follow_project(project, user, follow=True):
    if follow:
        if not user.has_perm("budgets.follow_project", project):
            raise Refused(_("Log in with a verified address to follow a project."), "forbidden", status=403)
        ProjectFollow.objects.get_or_create(project=project, user=user)
    else:
        ProjectFollow.objects.filter(project=project, user=user).delete()


# --- results (staff) ------------------------------------------------------------------------------


def _staff_only(user, budget):
    if not user.has_perm("budgets.manage_results", budget):
        raise Refused(_("Only staff manage the results."), "forbidden", status=403)


def count(budget, by):
    """Count the votes by both rules, in the background: on 100,000 ballots the Method of Equal Shares
    with its add1 completion takes seconds (``python -m bench budgets``), more than a request should.
    Staff may count during the vote to follow the trend."""
    _staff_only(by, budget)
    from .tasks import count_budget_votes

    count_budget_votes.enqueue(budget_id=budget.pk)
    budget.refresh_from_db()
    return budget


def choose_method(budget, method, by):
    _staff_only(by, budget)
    budget.official_method = method
    budget.save(update_fields=["official_method"])
    return budget


@transaction.atomic
def decide_winner(project, winner, reason, by):
    """Staff overrule the computed result for one project (``winner`` None returns to the rule)."""
    _staff_only(by, project.envelope.budget)
    if winner is not None and not (reason or "").strip():
        raise Refused(_("Say in public why the result is changed."), "invalid")
    project.manual_winner = winner
    project.manual_reason = (reason or "").strip() if winner is not None else ""
    project.save(update_fields=["manual_winner", "manual_reason"])
    return project


def publish_results(budget, by, now=None):
    _staff_only(by, budget)
    if budget.counted_at is None:
        raise Refused(_("Count the votes before publishing the results."), "not_counted", status=409)
    if budget.step.state() != "closed":
        raise Refused(_("The results are published once the vote is over."), "vote_open", status=409)
    budget.results_published_at = now or timezone.now()
    budget.save(update_fields=["results_published_at"])
    page_cache.invalidate()
    return budget


def project_from_proposal(envelope, proposal_id, *, cost_cents, by):
    """Staff turn a proposal into a project of the envelope, keeping the link back to it."""
    from .links import proposals_by_id

    if not by.has_perm("budgets.review_projects", envelope.budget):
        raise Refused(_("Only the budget's reviewers and staff review projects."), "forbidden", status=403)
    proposal = proposals_by_id([proposal_id]).get(proposal_id)
    if proposal is None:
        raise Refused(_("No such proposal."), "unknown_proposal", status=404)
    if cost_cents is None or cost_cents <= 0:
        raise Refused(_("Give the project's cost, in euros."), "invalid")
    return Project.objects.create(
        envelope=envelope, author_id=proposal.author_id, title=proposal.title[:200], description=proposal.body,
        cost_cents=cost_cents, proposal_id=proposal.pk,
    )
