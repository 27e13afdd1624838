from django.core.mail import EmailMultiAlternatives

from consultations.background import background_task
from consultations.outbox import send_once


@background_task
def send_account_email(subject, body, from_email, to, html=None):
    """An e-mail of allauth (confirmation, password reset…), rendered in the request, sent here once."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    send_once(message, task="accounts/" + subject[:200])
