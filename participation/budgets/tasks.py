"""Background work: the count (minutes on a city's ballots) and the follow-up e-mails."""

from consultations.background import background_task


@background_task
def count_budget_votes(budget_id):
    from .models import Budget
    from .results import count_votes

    count_votes(Budget.objects.get(pk=budget_id))


@background_task
def send_update_emails(update_id):
    from .emails import send_update_messages

    send_update_messages(update_id)
