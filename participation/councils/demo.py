"""Demo citizen councils of Centre-Val de Loire, from the centre's documents. Safe to run again."""

from django.contrib.auth.models import Group
from django.utils import timezone

from consultations.demo import demo_resident
from consultations.models import Territory

from .conf import get_setting
from .models import Council, CouncilStatus, Membership, MembershipRole, MembershipState

# (slug, name, commune slug, QPV slug, description)
COUNCILS = [
    ("chartres-les-clos", "Conseil citoyen de Chartres – Les Clos", "chartres", "chartres-les-clos",
     "Habitantes et habitants des Clos, associations et commerçants du quartier. Nous portons la parole "
     "du quartier auprès de Chartres Métropole et des partenaires du contrat de ville."),
    ("orleans-la-source", "Conseil citoyen d’Orléans – La Source", "orleans", "orleans-la-source",
     "Un collectif d’habitant·es qui se retrouve chaque mois à la maison de quartier."),
    ("tours-sanitas", "Conseil citoyen de Tours – Le Sanitas", "tours", "tours-sanitas",
     "Nous suivons le renouvellement urbain du Sanitas et organisons des balades urbaines."),
    ("dreux-les-chamards", "Conseil citoyen de Dreux – Les Chamards", "dreux", "dreux-les-chamards",
     "Jeunes et moins jeunes des Chamards, engagés pour la tranquillité et le cadre de vie."),
]
# (email local part, display name, council slug, role)
RESIDENTS = [
    ("conseil", None, "chartres-les-clos", MembershipRole.MANAGER),
    ("fatou.clos", "Fatou, habitante des Clos", "chartres-les-clos", MembershipRole.MEMBER),
    ("michel.source", "Michel, La Source", "orleans-la-source", MembershipRole.MANAGER),
    ("yasmina.sanitas", "Yasmina, Le Sanitas", "tours-sanitas", MembershipRole.MANAGER),
    ("theo.chamards", "Théo, Les Chamards", "dreux-les-chamards", MembershipRole.MANAGER),
]


def load_demo(now=None):
    now = now or timezone.now()
    territories = {t.slug: t for t in Territory.objects.all()}
    councils = {}
    for slug, name, commune, qpv, description in COUNCILS:
        councils[slug], _ = Council.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name, "description": description, "commune": territories.get(commune),
                "neighbourhood": territories.get(qpv), "status": CouncilStatus.VERIFIED, "verified_at": now,
            },
        )
    group, _ = Group.objects.get_or_create(name=get_setting("COUNCIL_MEMBER_GROUP"))
    for local_part, display_name, council_slug, role in RESIDENTS:
        user = demo_resident(local_part, display_name)
        Membership.objects.get_or_create(
            council=councils[council_slug], user=user,
            defaults={"role": role, "state": MembershipState.ACCEPTED, "accepted_at": now},
        )
        user.groups.add(group)
    pending = demo_resident("nadia.clos", "Nadia, nouvelle aux Clos")
    Membership.objects.get_or_create(council=councils["chartres-les-clos"], user=pending)
    return councils
