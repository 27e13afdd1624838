from django.tasks import task

from .emails import send_answer_messages


@task
def send_answer_emails(proposal_id):
    send_answer_messages(proposal_id)
