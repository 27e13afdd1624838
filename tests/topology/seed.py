"""What the topology test needs in its own database, made in a process of the topology's environment.

Run as ``python -m tests.topology.seed`` with ``DATABASE_URL`` naming that database; prints JSON.
Two citizens' worth of accounts, a staff member with TOTP, two events open for registration (one
with an open live room), and 200,000 supports of proposals: an XLSX export long enough to be
caught running.
"""

import json
import random
from datetime import UTC, datetime

PASSWORD = "Topologie-mot-de-passe-42"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
SUPPORTERS = 2000
PROPOSALS = 100  # × SUPPORTERS supports


def seed():
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction

    from participation.live.models import Room, RoomState
    from participation.proposals.models import Proposal
    from tests.factories import EventFactory, UserFactory

    with transaction.atomic():
        citizen = UserFactory(email="citoyenne@topologie.example", display_name="Awa Topologie", password=PASSWORD)
        neighbour = UserFactory(email="voisin@topologie.example", display_name="Jules Topologie", password=PASSWORD)
        staff = UserFactory(email="equipe@topologie.example", display_name="Équipe", password=PASSWORD, is_staff=True)
        TOTP.activate(staff, TOTP_SECRET)
        live_event = EventFactory(slug="webinaire-topologie", title="Webinaire de la topologie", kind="webinar")
        Room.objects.create(event=live_event, state=RoomState.OPEN)
        later_event = EventFactory(slug="journee-topologie", title="Journée de la topologie")
        User = citizen.__class__
        password = make_password(PASSWORD)
        supporters = User.objects.bulk_create(
            [User(email=f"soutien{n}@topologie.example", display_name=f"Soutien {n}", password=password)
             for n in range(SUPPORTERS)], batch_size=1000,
        )
        rng = random.Random(14)
        proposals = Proposal.objects.bulk_create(
            [Proposal(author=citizen, title=f"Proposition n°{n} pour le quartier", body="Des bancs, des arbres.",
                      support_count=SUPPORTERS, state="published") for n in range(PROPOSALS)]
        )
        now = datetime.now(UTC)
        with connection.cursor() as cursor, cursor.cursor.copy(
            "COPY proposals_support (proposal_id, user_id, created_at) FROM STDIN"
        ) as copy:
            for proposal in proposals:
                for supporter in rng.sample(supporters, len(supporters)):
                    copy.write_row((proposal.pk, supporter.pk, now))
    return {
        "citizen": citizen.email, "neighbour": neighbour.email, "staff": staff.email, "password": PASSWORD,
        "totp_secret": TOTP_SECRET, "live_event": live_event.slug, "live_title": live_event.title,
        "later_event": later_event.slug, "later_title": later_event.title,
        "supports": PROPOSALS * SUPPORTERS,
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(seed()))
