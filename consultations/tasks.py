"""Background work of the frame, run through Django's tasks framework."""

from django.tasks import task

from .emails import send_registration_message


@task
def send_registration_email(registration_id, kind):
    send_registration_message(registration_id, kind)
