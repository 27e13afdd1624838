"""Background work: the count (minutes on a city's ballots) and the follow-up e-mails."""

from django.tasks import task


@task
def count_budget_votes(budget_id):
    from .models import Budget
    from .results import count_votes

    count_votes(Budget.objects.get(pk=budget_id))


@task
def send_update_emails(update_id):
    from .emails import send_update_messages

    send_update_messages(update_id)
