"""Participatory budgets: a budget is voted in one step of a consultation, over one or more envelopes.

Amounts are whole euro cents (integers), so totals are exact. A ballot belongs either to a person
(online, one per person per envelope) or to a one-time voting code (on paper at a stand, or online
without an account); a code is never linked to a person, and its one ballot makes a second use
impossible whatever the channel.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from consultations.validators import NOT_BLANK, SINGLE_LINE


class VoteRule(models.TextChoices):
    KNAPSACK = "knapsack", _("Knapsack: projects within the envelope")
    APPROVAL = "approval", _("Approval: a number of projects")


class Eligibility(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    RESIDENTS = "residents", _("Residents of the envelope's territory")


class ResultMethod(models.TextChoices):
    GREEDY = "greedy", _("Most votes first")
    EQUAL_SHARES = "equal_shares", _("Method of Equal Shares")


class Budget(models.Model):
    step = models.OneToOneField(
        "consultations.Step",
        verbose_name=_("vote step"),
        on_delete=models.CASCADE,
        related_name="budget",
        limit_choices_to={"kind": "supports"},
        help_text=_("The step during which residents vote; projects are submitted in a proposals step before it."),
    )
    title = models.CharField(_("title"), max_length=200, validators=[SINGLE_LINE])
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Markdown, without raw HTML."))
    rule = models.CharField(_("vote rule"), max_length=10, choices=VoteRule.choices, default=VoteRule.KNAPSACK)
    min_share_percent = models.PositiveSmallIntegerField(
        _("minimum share of the envelope (%)"), default=0,
        help_text=_("Knapsack: a ballot must spend at least this share of the envelope."),
    )
    max_projects = models.PositiveSmallIntegerField(
        _("maximum number of projects"), null=True, blank=True, help_text=_("Approval: at most this many projects.")
    )
    exactly = models.BooleanField(_("exactly that number"), default=False)
    eligibility = models.CharField(
        _("who may vote"), max_length=10, choices=Eligibility.choices, default=Eligibility.EVERYONE
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("feasibility reviewers"), blank=True, related_name="reviewed_budgets"
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("polling stand facilitators"), blank=True,
        related_name="facilitated_budgets",
    )
    official_method = models.CharField(
        _("official rule"), max_length=12, choices=ResultMethod.choices, default=ResultMethod.EQUAL_SHARES
    )
    counted_at = models.DateTimeField(_("votes counted"), null=True, blank=True)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)

    class Meta:
        verbose_name = _("participatory budget")
        verbose_name_plural = _("participatory budgets")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_share_percent__lte=100), name="budgets_min_share_is_a_percentage",
                violation_error_message=_("The minimum share is a percentage, from 0 to 100."),
            ),
            models.CheckConstraint(
                condition=~Q(rule="approval") | Q(max_projects__gte=1), name="budgets_approval_has_a_maximum",
                violation_error_message=_("An approval vote needs a maximum number of projects."),
            ),
            models.CheckConstraint(
                condition=Q(exactly=False) | Q(max_projects__gte=1), name="budgets_exactly_needs_a_number",
                violation_error_message=_("“Exactly” needs a number of projects."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def consultation(self):
        return self.step.consultation

    @property
    def results_are_published(self):
        return self.results_published_at is not None

    def get_absolute_url(self):
        return reverse("budgets:budget", args=[self.pk])


class Envelope(models.Model):
    budget = models.ForeignKey(Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="envelopes")
    name = models.CharField(_("name"), max_length=150, validators=[SINGLE_LINE])
    amount_cents = models.PositiveBigIntegerField(_("amount (cents)"))
    territory = models.ForeignKey(
        "consultations.Territory", verbose_name=_("territory"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["budget", "position", "pk"]
        verbose_name = _("envelope")
        verbose_name_plural = _("envelopes")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_cents__gt=0), name="budgets_envelope_amount_positive",
                violation_error_message=_("An envelope holds a positive amount."),
            ),
            models.UniqueConstraint(fields=["budget", "name"], name="budgets_envelope_name_once_per_budget"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("budgets:ballot", args=[self.pk])


class Feasibility(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting review")
    FEASIBLE = "feasible", _("Feasible")
    UNFEASIBLE = "unfeasible", _("Not feasible")


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", pgettext_lazy("project progress", "Done")
    ABANDONED = "abandoned", _("Abandoned")


class Project(models.Model):
    envelope = models.ForeignKey(Envelope, verbose_name=_("envelope"), on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("title"), max_length=200, validators=[SINGLE_LINE, NOT_BLANK])
    description = models.TextField(_("description"), help_text=_("Markdown, without raw HTML."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="budget_projects",
    )
    # The proposal it came from, when the proposals app is installed: an id, not a foreign key,
    # so the budgets app installs without it (links.py reads it).
    proposal_id = models.PositiveBigIntegerField(_("proposal"), null=True, blank=True)
    cost_cents = models.PositiveBigIntegerField(_("requested cost (cents)"))
    estimated_cost_cents = models.PositiveBigIntegerField(_("estimated cost (cents)"), null=True, blank=True)
    feasibility = models.CharField(
        _("feasibility"), max_length=10, choices=Feasibility.choices, default=Feasibility.SUBMITTED
    )
    feasibility_reason = models.TextField(_("public reason"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    # Written by the count (results.count_votes), so result pages read them instead of recounting.
    votes_online = models.PositiveIntegerField(_("votes online"), default=0)
    votes_paper = models.PositiveIntegerField(_("votes in person"), default=0)
    greedy_winner = models.BooleanField(_("winner by most votes"), default=False)
    equal_shares_winner = models.BooleanField(_("winner by equal shares"), default=False)
    # Staff may overrule the computed result, saying why in public.
    manual_winner = models.BooleanField(_("winner by decision"), null=True, blank=True)
    manual_reason = models.TextField(_("reason of the decision"), blank=True)
    progress = models.CharField(_("progress"), max_length=12, choices=Progress.choices, default=Progress.NOT_STARTED)
    percent_done = models.PositiveSmallIntegerField(_("percentage done"), default=0)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["envelope", "title", "pk"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_cents__gt=0) & (Q(estimated_cost_cents__isnull=True) | Q(estimated_cost_cents__gt=0)),
                name="budgets_project_costs_positive",
                violation_error_message=_("A cost is a positive amount."),
            ),
            models.CheckConstraint(
                condition=Q(feasibility="submitted") | ~Q(feasibility_reason=""),
                name="budgets_review_has_a_reason",
                violation_error_message=_("A review gives its public reason."),
            ),
            models.CheckConstraint(
                condition=~Q(feasibility="feasible") | Q(estimated_cost_cents__isnull=False),
                name="budgets_feasible_has_an_estimate",
                violation_error_message=_("A feasible project has an estimated cost."),
            ),
            models.CheckConstraint(
                condition=Q(manual_winner__isnull=True) | ~Q(manual_reason=""),
                name="budgets_decision_has_a_reason",
                violation_error_message=_("A decision on the result gives its public reason."),
            ),
            models.CheckConstraint(
                condition=Q(percent_done__lte=100), name="budgets_percent_done_at_most_100",
                violation_error_message=_("A percentage goes from 0 to 100."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("budgets:project", args=[self.pk])

    @property
    def votes(self):
        return self.votes_online + self.votes_paper

    def is_winner(self, method=None):
        """Won under the budget's official rule, unless staff decided otherwise."""
        if self.manual_winner is not None:
            return self.manual_winner
        method = method or self.envelope.budget.official_method
        return self.greedy_winner if method == ResultMethod.GREEDY else self.equal_shares_winner

    @property
    def cost(self):
        """What the project costs on the ballot: the reviewers' estimate once there is one."""
        return self.estimated_cost_cents or self.cost_cents


class VotingCode(models.Model):
    """A one-time code printed for a paper or in-person vote: never linked to a person."""

    envelope = models.ForeignKey(Envelope, verbose_name=_("envelope"), on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(_("code"), max_length=16, unique=True)
    created_at = models.DateTimeField(_("printed"), auto_now_add=True)

    class Meta:
        ordering = ["envelope", "pk"]
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")

    def __str__(self):
        return self.code


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("In person")


class Ballot(models.Model):
    envelope = models.ForeignKey(Envelope, verbose_name=_("envelope"), on_delete=models.CASCADE, related_name="ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="budget_ballots",
    )
    code = models.OneToOneField(
        VotingCode, verbose_name=_("voting code"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="ballot",
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices, default=Channel.ONLINE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    total_cents = models.PositiveBigIntegerField(_("total (cents)"), default=0)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("cast"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    projects = models.ManyToManyField(Project, verbose_name=_("projects"), through="BallotLine", related_name="ballots")

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["envelope", "user"], condition=Q(user__isnull=False), name="budgets_one_ballot_per_person"
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=True, code__isnull=False) | Q(user__isnull=False, code__isnull=True),
                name="budgets_ballot_of_a_person_or_a_code",
            ),
            models.CheckConstraint(
                condition=~Q(channel="paper") | Q(code__isnull=False), name="budgets_paper_ballot_has_a_code"
            ),
        ]


class BallotLine(models.Model):
    ballot = models.ForeignKey(Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="lines")
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="lines")

    class Meta:
        verbose_name = _("ballot line")
        verbose_name_plural = _("ballot lines")
        constraints = [models.UniqueConstraint(fields=["ballot", "project"], name="budgets_project_once_per_ballot")]


def update_photo_path(update, filename):
    return f"budgets/updates/{update.project_id}/{filename}"


class ProjectUpdate(models.Model):
    """A dated step of a winning project's realisation, shown on its page and e-mailed to followers."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("text"), validators=[NOT_BLANK], help_text=_("Markdown, without raw HTML."))
    photo = models.ImageField(_("photo"), upload_to=update_photo_path, blank=True)
    photo_description = models.CharField(_("photo description"), max_length=200, blank=True, validators=[SINGLE_LINE])
    progress = models.CharField(_("progress"), max_length=12, choices=Progress.choices)
    percent_done = models.PositiveSmallIntegerField(_("percentage done"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        ordering = ["project", "-date", "-pk"]
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")
        constraints = [
            models.CheckConstraint(condition=Q(percent_done__lte=100), name="budgets_update_percent_at_most_100"),
            models.CheckConstraint(
                condition=Q(photo="") | ~Q(photo_description=""), name="budgets_photo_is_described",
                violation_error_message=_("Describe the photo for those who cannot see it."),
            ),
        ]


class ProjectFollow(models.Model):
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="budget_follows"
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed project")
        verbose_name_plural = _("followed projects")
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="budgets_follow_once")]

