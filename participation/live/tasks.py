from consultations.background import background_task

from .emails import send_hidden_message


@background_task
def send_hidden_email(event_id):
    send_hidden_message(event_id)
