from django.tasks import task

from .emails import send_hidden_message


@task
def send_hidden_email(event_id):
    send_hidden_message(event_id)
