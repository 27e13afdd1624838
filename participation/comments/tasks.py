from django.tasks import task

from .emails import send_reply_message


@task
def send_reply_email(comment_id):
    send_reply_message(comment_id)
