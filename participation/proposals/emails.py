"""E-mails about a proposal: its official answer, an initiative's threshold and the end of its collection.

Each is a notification with a one-click unsubscribe (topic ``proposal``): whoever clicks it gets no
more e-mail about this proposal.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

from consultations.moderation import moderators_q
from consultations.notifications import notification, site_url
from consultations.outbox import send_all_once
from consultations.plugins import optional_reverse
from consultations.visibility import people_who_see

from .models import Follow, Proposal, Unsubscription

INITIATIVE_THRESHOLD_REACHED = "threshold_reached"
INITIATIVE_COLLECTION_ENDED = "collection_ended"


def describe_proposal_emails(user_id, proposal_id):
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        return None
    return _("emails about the proposal “%(title)s”") % {"title": proposal.title}, proposal.get_absolute_url()


def stop_proposal_emails(user_id, proposal_id):
    Unsubscription.objects.get_or_create(proposal_id=proposal_id, user_id=user_id)


def _readers(people, proposal):
    """Those who may read the proposal now, at send time: the moderators alone once it is hidden, its
    author and the moderators while it is pending; under a draft or private consultation, those who
    may see the consultation."""
    if proposal.is_hidden:
        people = people.filter(moderators_q())
    elif proposal.is_pending:
        people = people.filter(Q(pk=proposal.author_id) | moderators_q())
    return people_who_see(proposal.consultation, people)


def _reachable(people, proposal):
    return (
        _readers(people, proposal).filter(is_active=True)
        .exclude(email="")
        .exclude(pk__in=Unsubscription.objects.filter(proposal=proposal).values("user"))
        .distinct()
        .order_by("pk")
    )


def answer_recipients(proposal):
    """The author, the supporters and the followers, once each, among those who may still read it."""
    people = get_user_model().objects.filter(
        Q(pk=proposal.author_id)
        | Q(proposal_supports__proposal=proposal)
        | Q(pk__in=Follow.objects.filter(proposal=proposal).values("user"))
    )
    return _reachable(people, proposal)


def initiative_recipients(proposal):
    """The author and the supporters; staff get their own message."""
    people = get_user_model().objects.filter(Q(pk=proposal.author_id) | Q(proposal_supports__proposal=proposal))
    return _reachable(people, proposal).exclude(is_staff=True)


def staff_recipients(proposal):
    return _reachable(get_user_model().objects.filter(is_staff=True), proposal)


def _send(proposal, people, template, context):
    messages = (
        notification(user=person, topic="proposal", key=proposal.pk, template=template, context=context)
        for person in people.iterator(chunk_size=500)
    )
    send_all_once(messages, task=template)


def send_answer_messages(proposal_id):
    proposal = Proposal.objects.select_related("answered_by", "consultation").get(pk=proposal_id)
    context = {"proposal": proposal, "url": site_url(proposal.get_absolute_url())}
    _send(proposal, answer_recipients(proposal), "proposals/email/answer", context)


def send_initiative_messages(proposal_id, news):
    """The threshold is reached, or the collection period is over: the author, supporters and staff hear it."""
    proposal = Proposal.objects.get(pk=proposal_id)
    context = {
        "proposal": proposal,
        "url": site_url(proposal.get_absolute_url()),
        # Staff answer in the admin, or on the proposal's page in a host without one.
        "admin_url": site_url(
            optional_reverse("admin:proposals_proposal_change", proposal.pk) or proposal.get_absolute_url()
        ),
    }
    template = f"proposals/email/initiative_{news}"
    _send(proposal, initiative_recipients(proposal), template, {**context, "for_staff": False})
    _send(proposal, staff_recipients(proposal), template, {**context, "for_staff": True})
