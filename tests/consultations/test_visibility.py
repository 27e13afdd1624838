"""The frame's one visibility rule, and the consultation's own e-mails checked at send time."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail

from consultations import services
from consultations.follow_emails import send_synthesis_published
from consultations.models import Consultation, Follow, Visibility
from consultations.visibility import consultation_is_visible, under_visible_consultation

from ..conftest import ROLES
from ..factories import ConsultationFactory, UserFactory

pytestmark = pytest.mark.django_db

EXPECTED = {  # who sees a consultation of each visibility
    Visibility.PUBLIC: set(ROLES) | {"member"},
    Visibility.PRIVATE: {"staff", "member"},
    Visibility.DRAFT: {"staff"},
}


@pytest.mark.parametrize("visibility", list(EXPECTED))
@pytest.mark.parametrize("role", [*ROLES, "member"])
def test_the_rule_for_one_object_and_for_a_list_agree(role, visibility, user_for_role):
    consultation = ConsultationFactory(visibility=visibility)
    user = UserFactory() if role == "member" else user_for_role(role)
    if role == "member":
        consultation.members.add(user)
    reader = user or AnonymousUser()
    seen = role in EXPECTED[visibility]
    assert consultation_is_visible(user, consultation) is seen
    listed = Consultation.objects.filter(pk=consultation.pk).filter(
        pk__in=Consultation.objects.visible_to(reader).values("pk")
    )
    assert listed.exists() is seen
    # What hangs under it, through its foreign key (here a follow), comes and goes with it.
    Follow.objects.create(consultation=consultation, user=UserFactory())
    assert Follow.objects.filter(under_visible_consultation(user)).exists() is seen


def test_nothing_under_a_consultation_is_not_restricted():
    assert consultation_is_visible(None, None)


@pytest.mark.parametrize("visibility", [Visibility.PRIVATE, Visibility.DRAFT])
def test_followers_who_can_no_longer_see_it_get_no_news(visibility, staff):
    consultation = ConsultationFactory(synthesis="Merci à toutes et tous.")
    outsider, member = UserFactory(), UserFactory()
    for person in (outsider, member, staff):
        services.follow(consultation, person)
    consultation.visibility = visibility
    consultation.save()
    consultation.members.add(member)
    mail.outbox.clear()
    send_synthesis_published(consultation.pk)
    expected = {staff.email} | ({member.email} if visibility == Visibility.PRIVATE else set())
    assert {message.to[0] for message in mail.outbox} == expected
