from consultations.background import background_task

from .emails import send_answer_messages, send_initiative_messages


@background_task
def send_answer_emails(proposal_id):
    send_answer_messages(proposal_id)


@background_task
def send_initiative_emails(proposal_id, news):
    send_initiative_messages(proposal_id, news)
