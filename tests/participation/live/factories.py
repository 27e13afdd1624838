import factory
from django.utils import timezone

from participation.live.models import Message, Question, Room, RoomState
from tests.factories import EventFactory, UserFactory


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    event = factory.SubFactory(EventFactory)
    state = RoomState.OPEN


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    room = factory.SubFactory(RoomFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Bonjour, message n°{n} depuis le quartier.")
    created_at = factory.LazyFunction(timezone.now)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    room = factory.SubFactory(RoomFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment associer les habitant·es au contrat de ville n°{n} ?")
