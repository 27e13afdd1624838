"""Background work of the frame, run through Django's tasks framework."""

from .background import background_task

from .emails import send_registration_message
from .follow_emails import send_step_opened, send_synthesis_published


@background_task
def send_registration_email(registration_id, kind):
    send_registration_message(registration_id, kind)


@background_task
def send_step_opened_email(step_id):
    send_step_opened(step_id)


@background_task
def send_synthesis_email(consultation_id):
    send_synthesis_published(consultation_id)
