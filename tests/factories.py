from datetime import timedelta

import factory
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from consultations.models import (
    Consultation,
    Event,
    EventKind,
    EventResource,
    EventSession,
    EventStatus,
    Partner,
    Step,
    StepKind,
    Territory,
    TerritoryKind,
    Theme,
    Visibility,
)

from .plugin_hosts.identity import UNVERIFIED_GROUP


class UserFactory(factory.django.DjangoModelFactory):
    """The site's User, or Django's own in a plugin host: the display name becomes the first name there."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Personne {n}")
    password = factory.django.Password("mot-de-passe-solide-42")

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        model_fields = {field.name for field in cls._meta.model._meta.get_fields()}
        if "display_name" not in model_fields:
            kwargs["first_name"] = kwargs.pop("display_name")
        if "username" in model_fields and "username" not in kwargs:
            kwargs["username"] = kwargs["email"]
        return kwargs

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if not create:
            return
        if not apps.is_installed("allauth.account"):
            if extracted is False:  # the plugin hosts' own check (tests/plugin_hosts/identity.py)
                user.groups.add(Group.objects.get_or_create(name=UNVERIFIED_GROUP)[0])
            return
        if extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        for name in extracted or []:
            user.groups.add(Group.objects.get_or_create(name=name)[0])


def with_totp(user):
    """Staff set up TOTP before anything else on the site (allauth.mfa); a host without it has no such step."""
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.totp.internal.auth import TOTP

        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    slug = "dynamiques-citoyennes"
    name = "Dynamiques citoyennes"


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    slug = factory.Sequence(lambda n: f"territoire-{n}")
    name = factory.Sequence(lambda n: f"Territoire {n}")
    kind = TerritoryKind.COMMUNE


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partenaire {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"rendez-vous-{n}")
    title = factory.Sequence(lambda n: f"Journée régionale des conseils citoyens n°{n}")
    kind = EventKind.REGIONAL_DAY
    theme = factory.SubFactory(ThemeFactory)
    status = EventStatus.PUBLISHED
    summary = "Échanges entre membres des conseils citoyens de la région."
    description = "Récits d'expériences et **visite du quartier**."

    @factory.post_generation
    def sessions(event, create, extracted, **kwargs):
        """By default one session in ten days in Chartres; pass a list of (start, end, city) to change."""
        if not create:
            return
        if extracted is None:
            start = (timezone.now() + timedelta(days=10)).replace(second=0, microsecond=0)
            extracted = [(start, start + timedelta(hours=7), "Chartres")]
        for start, end, city in extracted:
            EventSession.objects.create(
                event=event,
                starts_at=start,
                ends_at=end,
                is_online=city is None,
                city=city or "",
                online_url="https://visio.example.org/salle" if city is None else "",
            )


class EventResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventResource

    event = factory.SubFactory(EventFactory)
    kind = EventResource.Kind.REPLAY
    title = "Replay du webinaire"
    url = "https://www.youtube.com/watch?v=exemple"


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    slug = factory.Sequence(lambda n: f"consultation-{n}")
    title = factory.Sequence(lambda n: f"Consultation {n}")
    visibility = Visibility.PUBLIC


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    consultation = factory.SubFactory(ConsultationFactory)
    kind = StepKind.PROPOSALS
    title = "Propositions"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
