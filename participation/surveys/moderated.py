"""Free-text answers, shown in published results, as content the moderation can act on."""

from django.utils.translation import gettext_lazy as _

from consultations.moderation import ContentKind

KINDS = [
    ContentKind(
        key="answer",
        label=_("Questionnaire answer"),
        model="surveys.Answer",
        text=lambda answer: answer.text,
        author_path="response__user",
        consultation_of=lambda answer: answer.question.questionnaire.step.consultation,
        url_of=lambda answer: answer.question.questionnaire.get_results_url(),
        readable_by=lambda answer, user: user.has_perm("surveys.view_results", answer.question.questionnaire),
    ),
]
