"""Demo proposals, citizen initiatives and supports, in French. Safe to run again.

Loads the demo councils first. Proposals attach to a public consultation that uses the
"proposals" tool when one exists; otherwise every demo proposal is a standalone initiative. The
discussion under the first one is the comments' demo (participation/comments/demo.py).
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from consultations.demo import demo_resident
from consultations.models import Consultation, Territory, Theme
from participation.councils.demo import load_demo as load_councils

from .models import Proposal, ProposalState, Support
from .services import initiative_deadline

# (title, body, theme slug, territory slug, author, council slug or None, in consultation?, supports)
PROPOSALS = [
    ("Un jardin partagé au pied des tours des Clos",
     "Transformer la pelouse entre les bâtiments B et C en **jardin partagé** : des bacs surélevés, un "
     "récupérateur d’eau et un cabanon à outils.\n\n- ateliers avec l’école\n- parcelles pour les familles",
     "transitions", "chartres-les-clos", "conseil", "chartres-les-clos", True, 14),
    ("Des bancs et de l’ombre sur la place du marché",
     "Les personnes âgées n’ont nulle part où s’asseoir le samedi. Nous proposons six bancs et trois arbres.",
     "questions-urbaines", "orleans-la-source", "michel.source", None, True, 9),
    ("Éclairer le chemin entre la gare et le quartier",
     "Le soir, le chemin piéton est plongé dans le noir. Un éclairage à détection rendrait le trajet plus sûr.",
     "questions-urbaines", "tours-sanitas", "yasmina.sanitas", "tours-sanitas", True, 11),
    ("Une permanence d’accès aux droits dans la maison de quartier",
     "Une demi-journée par semaine pour être aidé·e dans les démarches en ligne (CAF, impôts, santé).",
     "cohesion-sociale", "dreux-les-chamards", "theo.chamards", None, True, 7),
    ("Un city-stade ouvert aux filles",
     "Des créneaux réservés et des animatrices pour que les filles aussi jouent au foot et au basket.",
     "cohesion-sociale", "dreux-les-chamards", "theo.chamards", "dreux-les-chamards", False, 6),
    ("Des composteurs collectifs dans chaque résidence",
     "Réduire les déchets et produire du compost pour les jardins du quartier, avec un référent par immeuble.",
     "transitions", "orleans-la-source", "fatou.clos", None, False, 4),
    ("Un marché de producteurs le mercredi soir",
     "Des produits locaux à prix accessibles, et un moment convivial en semaine.",
     "cohesion-sociale", "tours-sanitas", "yasmina.sanitas", None, False, 5),
    ("Traduire les courriers du bailleur",
     "Beaucoup de familles ne comprennent pas les avis de travaux. Des versions simples et traduites aideraient.",
     "dynamiques-citoyennes", "chartres-les-clos", "fatou.clos", "chartres-les-clos", False, 3),
    ("Une fresque sur le mur de l’école avec les enfants",
     "Un projet artistique avec un graffeur de la région et les élèves de CM2.",
     "dynamiques-citoyennes", "orleans-la-source", "michel.source", None, False, 8),
    ("Des pistes cyclables sécurisées vers le lycée",
     "Relier le quartier au lycée par une piste séparée de la route, pour que les jeunes viennent à vélo.",
     "transitions", "tours-sanitas", "yasmina.sanitas", None, False, 10),
    ("Un local pour les associations de jeunes",
     "Les associations de jeunes n’ont pas de lieu pour se réunir. Un local partagé, géré avec le centre social.",
     "cohesion-sociale", "chartres-les-clos", "conseil", None, False, 2),
    ("Des toilettes publiques près de l’arrêt de tram",
     "Indispensables pour les personnes âgées et les familles avec enfants.",
     "questions-urbaines", "orleans-la-source", "michel.source", None, False, 1),
]
def _support_directly(proposal, user):
    """Demo supports inside a consultation ignore step dates, but keep the counter exact."""
    with transaction.atomic():
        _, created = Support.objects.get_or_create(proposal=proposal, user=user, council=None)
        if created:
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)


def load_demo(now=None):
    now = now or timezone.now()
    councils = load_councils(now)
    themes = {t.slug: t for t in Theme.objects.all()}
    territories = {t.slug: t for t in Territory.objects.all()}
    consultation = next((c for c in Consultation.objects.public() if "proposals" in (c.tools or [])), None)
    supporters = [demo_resident(f"habitant{n}", f"Habitant·e {n}") for n in range(1, 16)]
    for title, body, theme, territory, author, council, in_consultation, supports in PROPOSALS:
        attach = consultation if in_consultation else None
        proposal, created = Proposal.objects.get_or_create(
            title=title,
            defaults={
                "body": body, "theme": themes.get(theme), "territory": territories.get(territory),
                "author": demo_resident(author), "council": councils.get(council) if council else None,
                "consultation": attach, "support_threshold": None if attach else 10,
                "collection_ends_at": None if attach else initiative_deadline(now),
            },
        )
        if not created:
            continue
        for user in supporters[:supports]:
            _support_directly(proposal, user)
        Proposal.objects.filter(
            pk=proposal.pk, support_threshold__isnull=False, support_count__gte=F("support_threshold")
        ).update(threshold_reached_at=now)
    _answer()
    return Proposal.objects.count()


def _answer():
    benches = Proposal.objects.get(title=PROPOSALS[1][0])
    if not benches.answered_at:
        benches.state = ProposalState.ACCEPTED
        benches.answer = (
            "La ville installera six bancs et plantera trois tilleuls avant l’été. Merci aux habitant·es "
            "de La Source pour cette proposition."
        )
        benches.answered_at = timezone.now()
        benches.save(update_fields=["state", "answer", "answered_at"])
    toilets = Proposal.objects.get(title=PROPOSALS[-1][0])
    if toilets.state == ProposalState.PUBLISHED and not toilets.withdrawal_reason:
        toilets.state = ProposalState.WITHDRAWN
        toilets.withdrawal_reason = "La métropole a annoncé des toilettes dans le projet du nouveau pôle d’échanges."
        toilets.save(update_fields=["state", "withdrawal_reason"])
