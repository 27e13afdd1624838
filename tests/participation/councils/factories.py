import factory
from django.utils import timezone

from participation.councils.models import Council, CouncilStatus, Membership, MembershipRole, MembershipState
from tests.factories import UserFactory


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    slug = factory.Sequence(lambda n: f"conseil-citoyen-{n}")
    name = factory.Sequence(lambda n: f"Conseil citoyen n°{n}")
    description = "Habitantes et habitants du quartier des Clos."
    status = CouncilStatus.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    council = factory.SubFactory(CouncilFactory)
    user = factory.SubFactory(UserFactory)
    role = MembershipRole.MEMBER
    state = MembershipState.ACCEPTED
    accepted_at = factory.LazyFunction(timezone.now)


def member_of(council, user, role=MembershipRole.MEMBER):
    return MembershipFactory(council=council, user=user, role=role)
