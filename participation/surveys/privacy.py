"""What the surveys app holds about a person.

Responses stay with their questionnaire when the account is deleted, anonymised with it: the
results count them. Answers are listed one row per answer, or per selected choice, so that the
download stays flat (a spreadsheet reads it) and the readable page shows plain cells.
"""

from django.db.models import Prefetch
from django.utils.translation import pgettext_lazy

from consultations.privacy import iso

from .models import Answer, Response, Selection


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "answers": pgettext_lazy("personal data", "Answers"),
    "choice": pgettext_lazy("personal data", "Choice"),
    "consultation": pgettext_lazy("personal data", "Consultation"),
    "number": pgettext_lazy("personal data", "Number"),
    "question": pgettext_lazy("personal data", "Question"),
    "questionnaire": pgettext_lazy("personal data", "Questionnaire"),
    "questionnaire_url": pgettext_lazy("personal data", "Questionnaire address"),
    "rank": pgettext_lazy("personal data", "Rank"),
    "responses": pgettext_lazy("personal data", "Responses"),
    "submitted_at": pgettext_lazy("personal data", "Submitted on"),
    "text": pgettext_lazy("personal data", "Text"),
    "updated_at": pgettext_lazy("personal data", "Updated on"),
}


def user_data(user):
    responses = (
        Response.objects.filter(user=user)
        .select_related("questionnaire__step__consultation")
        .order_by("submitted_at", "pk")
    )
    selections = Selection.objects.select_related("choice").order_by("rank", "choice__position", "pk")
    answers = (
        Answer.objects.filter(response__user=user)
        .select_related("question", "response__questionnaire")
        .prefetch_related(Prefetch("selections", queryset=selections))
        .order_by("response__submitted_at", "response_id", "question__position", "question_id")
    )
    rows = []
    for answer in answers:
        common = {
            "questionnaire": answer.response.questionnaire.title,
            "question": answer.question.label,
            "text": answer.text or None,
            "number": answer.number,
        }
        selections = list(answer.selections.all())
        if not selections:
            rows.append({**common, "choice": None, "rank": None})
        for selection in selections:
            rows.append({**common, "choice": selection.choice.label, "rank": selection.rank})
    return {
        "responses": [
            {
                "questionnaire": response.questionnaire.title,
                "questionnaire_url": response.questionnaire.get_absolute_url(),
                "consultation": response.questionnaire.step.consultation.title,
                "submitted_at": response.submitted_at.isoformat(),
                "updated_at": iso(response.updated_at),
            }
            for response in responses
        ],
        "answers": rows,
    }
