from django.tasks import task

from .emails import send_block_message, send_decision_message


@task
def send_decision_email(case_id, action):
    send_decision_message(case_id, action)


@task
def send_block_email(block_id):
    send_block_message(block_id)
