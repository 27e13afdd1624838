from consultations.background import background_task

from .emails import send_block_message, send_decision_message


@background_task
def send_decision_email(case_id, action):
    send_decision_message(case_id, action)


@background_task
def send_block_email(block_id):
    send_block_message(block_id)
