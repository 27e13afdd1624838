from django.tasks import task

from .emails import send_answer_messages, send_initiative_messages


@task
def send_answer_emails(proposal_id):
    send_answer_messages(proposal_id)


@task
def send_initiative_emails(proposal_id, news):
    send_initiative_messages(proposal_id, news)
