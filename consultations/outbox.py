"""Send an e-mail at most once per job, however many times its task runs.

A task that fails after sending some of its e-mails is retried (consultations.background); the retry
must not send them again. Before sending, ``send_once`` claims the message in ``OutboxEmail``, in its
own committed transaction, under a key made of the job, the recipients and the subject; a claim that
already exists means an earlier attempt sent it (or was killed while sending it: it may have left, so it
is not sent again either). When the mail server refuses the message, the claim is withdrawn, and the
next attempt sends it. Outside a task (a shell, a management command run inline) it simply sends.
"""

import hashlib

from django.core.mail import mailers
from django.db import IntegrityError, transaction
from django.utils import timezone

from .background import current_job
from .models import OutboxEmail


def message_key(job, message):
    recipients = ",".join(sorted(str(address).lower() for address in message.recipients()))
    return hashlib.sha256(f"{job}\n{recipients}\n{message.subject}".encode()).hexdigest()


def send_once(message, connection=None, task=""):
    """Send the message unless this job already did; returns whether it was sent now."""
    connection = connection or mailers.default
    job = current_job()
    if job is None:
        return connection.send_messages([message]) > 0
    key = message_key(job, message)
    try:
        with transaction.atomic():
            claim = OutboxEmail.objects.create(key=key, task=task[:255])
    except IntegrityError:
        return False
    try:
        connection.send_messages([message])
    except Exception:
        # Refused by the mail server: nothing left, the next attempt may send it. (A worker stopped in
        # the middle keeps its claim: the message may have left.)
        claim.delete()
        raise
    OutboxEmail.objects.filter(pk=claim.pk).update(sent_at=timezone.now())
    return True


def send_all_once(messages, task=""):
    """Several messages over one connection to the mail server; returns how many were sent now."""
    connection = mailers.default
    sent = 0
    connection.open()
    try:
        for message in messages:
            sent += send_once(message, connection, task=task)
    finally:
        connection.close()
    return sent
