from types import SimpleNamespace

import factory
from django.db.models import F

from consultations.discussions import comment_added
from consultations.models import StepKind
from participation.proposals.models import Proposal, ProposalSettings, Support
from tests.factories import ConsultationFactory, StepFactory, UserFactory


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Des bancs sur la place du marché n°{n}")
    body = "Installer des **bancs** à l'ombre pour les personnes âgées."
    support_threshold = 300


def consultation_with_step(kind=StepKind.PROPOSALS, support_limit=None, **step_kwargs):
    consultation = ConsultationFactory(tools=["proposals"])
    StepFactory(consultation=consultation, kind=kind, **step_kwargs)
    if support_limit is not None:
        ProposalSettings.objects.create(consultation=consultation, support_limit=support_limit)
    return consultation


def support(proposal, user, council=None):
    """A support row with its counter, without going through the step checks."""
    Support.objects.create(proposal=proposal, user=user, council=council)
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)


def comment_on(proposal):
    """What a discussion app does when someone comments: the frame's signal, so the proposals' tests
    need no comments app (tests/participation/proposals/test_discussion.py uses the real one)."""
    comment_added.send(sender=Proposal, comment=SimpleNamespace(object_id=proposal.pk))
