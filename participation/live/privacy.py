"""What the live rooms hold about a person.

Messages, questions and votes stay in their room when the account is deleted, anonymised with
it (the replay and the vote counts stay whole); presence in a room is never stored, so nothing
needs forgetting here.
"""

from django.utils.translation import pgettext_lazy

from .models import Message, Question, QuestionVote, Sanction


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "answered": pgettext_lazy("personal data", "Answered"),
    "asked_at": pgettext_lazy("personal data", "Asked on"),
    "body": pgettext_lazy("personal data", "Text"),
    "kind": pgettext_lazy("personal data", "Kind"),
    "messages": pgettext_lazy("personal data", "Messages"),
    "question": pgettext_lazy("personal data", "Question"),
    "question_votes": pgettext_lazy("personal data", "Question votes"),
    "questions": pgettext_lazy("personal data", "Questions"),
    "reason": pgettext_lazy("personal data", "Reason"),
    "room": pgettext_lazy("personal data", "Room"),
    "room_url": pgettext_lazy("personal data", "Room address"),
    "sanctions": pgettext_lazy("personal data", "Sanctions"),
    "sent_at": pgettext_lazy("personal data", "Sent on"),
    "since": pgettext_lazy("personal data", "Since"),
    "status": pgettext_lazy("personal data", "Status"),
    "until": pgettext_lazy("personal data", "Until"),
    "voted_at": pgettext_lazy("personal data", "Voted on"),
    "votes": pgettext_lazy("personal data", "Votes"),
}


def user_data(user):
    messages = Message.objects.filter(author=user).select_related("room__event").order_by("created_at", "pk")
    questions = Question.objects.filter(author=user).select_related("room__event").order_by("created_at", "pk")
    votes = QuestionVote.objects.filter(user=user).select_related("question__room__event").order_by("created_at", "pk")
    sanctions = Sanction.objects.filter(user=user).select_related("room__event").order_by("created_at", "pk")
    return {
        "messages": [
            {
                "room": message.room.event.title,
                "room_url": message.room.get_absolute_url(),
                "body": message.body,
                "status": message.get_status_display(),
                "sent_at": message.created_at.isoformat(),
            }
            for message in messages
        ],
        "questions": [
            {
                "room": question.room.event.title,
                "room_url": question.room.get_absolute_url(),
                "body": question.body,
                "status": question.get_status_display(),
                "answered": question.answered,
                "votes": question.vote_count,
                "asked_at": question.created_at.isoformat(),
            }
            for question in questions
        ],
        "question_votes": [
            {
                "question": vote.question.body,
                "room": vote.question.room.event.title,
                "room_url": vote.question.room.get_absolute_url(),
                "voted_at": vote.created_at.isoformat(),
            }
            for vote in votes
        ],
        "sanctions": [
            {
                "room": sanction.room.event.title,
                "kind": sanction.get_kind_display(),
                "reason": sanction.reason or None,
                "since": sanction.created_at.isoformat(),
                "until": sanction.until.isoformat(),
            }
            for sanction in sanctions
        ],
    }
