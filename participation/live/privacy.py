"""What the live rooms hold about a person.

Messages, questions and votes stay in their room when the account is deleted, anonymised with
it (the replay and the vote counts stay whole); presence in a room is never stored, so nothing
needs forgetting here.
"""

from .models import Message, Question, QuestionVote, Sanction


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
