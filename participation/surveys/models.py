from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consultations.moderation import Moderated
from consultations.validators import SINGLE_LINE


class Questionnaire(models.Model):
    step = models.OneToOneField(
        "consultations.Step",
        verbose_name=_("step"),
        on_delete=models.CASCADE,
        related_name="questionnaire",
        limit_choices_to={"kind": "questionnaire"},
    )
    title = models.CharField(_("title"), max_length=200, validators=[SINGLE_LINE])
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Markdown, without raw HTML."))
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self):
        return self.title

    @property
    def consultation(self):
        return self.step.consultation

    @property
    def results_are_published(self):
        return self.results_published_at is not None

    def get_absolute_url(self):
        return reverse("surveys:questionnaire", args=[self.pk])

    def get_results_url(self):
        return reverse("surveys:results", args=[self.pk])


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    SCALE = "scale", _("Scale")
    RANKING = "ranking", _("Ranking")


CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING)
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind.choices)
    label = models.CharField(_("question"), max_length=300, validators=[SINGLE_LINE])
    help_text = models.CharField(_("help text"), max_length=400, blank=True, validators=[SINGLE_LINE])
    required = models.BooleanField(_("required"), default=True)
    max_choices = models.PositiveSmallIntegerField(
        _("maximum choices"), null=True, blank=True, help_text=_("Multiple choice only; empty for no limit.")
    )
    scale_min = models.SmallIntegerField(_("scale from"), default=1)
    scale_max = models.SmallIntegerField(_("scale to"), default=5)
    scale_min_label = models.CharField(_("label of the lowest value"), max_length=60, blank=True, validators=[SINGLE_LINE])
    scale_max_label = models.CharField(_("label of the highest value"), max_length=60, blank=True, validators=[SINGLE_LINE])

    class Meta:
        ordering = ["questionnaire", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=F("scale_min")) & Q(scale_max__lte=F("scale_min") + 10),
                name="surveys_scale_has_2_to_11_values",
                violation_error_message=_("A scale goes up from its lowest value, with at most 11 values."),
            ),
            models.CheckConstraint(
                condition=Q(max_choices__isnull=True) | Q(max_choices__gte=1),
                name="surveys_max_choices_positive",
                violation_error_message=_("The maximum number of choices is at least 1."),
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def field_name(self):
        return f"q{self.pk}"

    @property
    def has_choices(self):
        return self.kind in CHOICE_KINDS

    def scale_values(self):
        return list(range(self.scale_min, self.scale_max + 1))


class Choice(models.Model):
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("label"), max_length=200, validators=[SINGLE_LINE])
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.label


class Response(models.Model):
    """One person's answers to a questionnaire: one per person, changed while the step is open."""

    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="responses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="survey_responses"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "user"], name="surveys_one_response_per_person"),
        ]


class Answer(Moderated):
    response = models.ForeignKey(Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("text"), blank=True)
    number = models.SmallIntegerField(_("value"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="surveys_one_answer_per_question"),
        ]


class Selection(models.Model):
    """A choice picked in an answer; ``rank`` is its place in a ranking (1 is first)."""

    answer = models.ForeignKey(Answer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="selections")
    choice = models.ForeignKey(Choice, verbose_name=_("choice"), on_delete=models.CASCADE, related_name="selections")
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)

    class Meta:
        verbose_name = _("selected choice")
        verbose_name_plural = _("selected choices")
        constraints = [
            models.UniqueConstraint(fields=["answer", "choice"], name="surveys_choice_once_per_answer"),
            models.UniqueConstraint(
                fields=["answer", "rank"], condition=Q(rank__isnull=False), name="surveys_rank_once_per_answer"
            ),
        ]
