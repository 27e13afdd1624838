from consultations.background import background_task

from .emails import send_reply_message


@background_task
def send_reply_email(comment_id):
    send_reply_message(comment_id)
