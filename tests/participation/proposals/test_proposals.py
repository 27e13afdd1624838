import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from consultations.identity import public_name
from consultations.models import StepKind
from consultations.refusals import Refused
from participation.proposals import services
from participation.proposals.models import Proposal, ProposalState
from tests.factories import UserFactory
from tests.images import image_bytes
from tests.participation.councils.factories import CouncilFactory, member_of

from .factories import ProposalFactory, comment_on, consultation_with_step

PNG = image_bytes("plan.png", size=(400, 300))


def test_a_citizen_proposes_in_an_open_proposals_step(citizen, proposals_consultation):
    proposal = services.create_proposal(
        citizen, consultation=proposals_consultation, title="Un jardin partagé", body="Au pied des tours."
    )
    assert proposal.state == ProposalState.PUBLISHED
    assert proposal.support_threshold is None
    assert proposal.follows.filter(user=citizen).exists()


def test_proposing_in_a_closed_step_is_refused_in_french(citizen, supports_consultation):
    with pytest.raises(Refused) as refused:
        services.create_proposal(citizen, consultation=supports_consultation, title="Titre", body="Texte")
    assert refused.value.message == "L’étape des propositions de cette consultation n’est pas ouverte."
    assert refused.value.code == "step_closed"


def test_a_standalone_initiative_collects_supports_toward_the_threshold(citizen, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "INITIATIVE_SUPPORT_THRESHOLD": 2}
    initiative = services.create_proposal(citizen, title="Une maison de quartier", body="Ouverte le soir.")
    assert initiative.support_threshold == 2
    services.cast_support(UserFactory(), initiative)
    initiative.refresh_from_db()
    assert initiative.threshold_reached_at is None
    services.cast_support(UserFactory(), initiative)
    initiative.refresh_from_db()
    assert initiative.threshold_reached_at is not None
    assert Proposal.objects.filter(threshold_reached_at__isnull=False).count() == 1


@pytest.mark.parametrize(
    ("title", "body", "message"),
    [
        ("", "Texte", "Donnez un titre à votre proposition."),
        ("Titre", "   ", "Décrivez votre proposition."),
        ("x" * 161, "Texte", "Le titre est trop long : 160 caractères au maximum."),
    ],
)
def test_bad_text_is_refused_with_a_reason(citizen, title, body, message):
    with pytest.raises(Refused) as refused:
        services.create_proposal(citizen, title=title, body=body)
    assert refused.value.message == message


def test_the_author_edits_until_someone_supports_or_comments(citizen):
    proposal = services.create_proposal(citizen, title="Premier titre", body="Texte")
    services.edit_proposal(citizen, proposal, title="Nouveau titre", body="Texte revu")
    assert Proposal.objects.get(pk=proposal.pk).title == "Nouveau titre"
    comment_on(proposal)
    with pytest.raises(Refused) as refused:
        services.edit_proposal(citizen, proposal, title="Encore", body="Texte")
    assert refused.value.code == "has_reactions"


def test_someone_else_cannot_edit(citizen):
    proposal = ProposalFactory()
    with pytest.raises(Refused) as refused:
        services.edit_proposal(citizen, proposal, title="Pris", body="Texte")
    assert refused.value.status == 403


def test_withdrawing_needs_a_reason_and_shows_it(citizen, client_for):
    proposal = ProposalFactory(author=citizen)
    with pytest.raises(Refused):
        services.withdraw_proposal(citizen, proposal, "  ")
    client = client_for(citizen)
    client.post(reverse("proposals:withdraw", args=[proposal.pk]), {"reason": "Déjà réalisé par la mairie."})
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.WITHDRAWN
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Déjà réalisé par la mairie." in page
    assert "Retirée par son auteur" in page


def test_the_official_answer_is_emailed_to_author_supporters_and_followers(
    staff, citizen, client_for, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(author=citizen, consultation=None)
    supporter, follower = UserFactory(), UserFactory()
    services.cast_support(supporter, proposal)
    services.follow(follower, proposal)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(
            reverse("proposals:answer", args=[proposal.pk]),
            {"state": ProposalState.ACCEPTED, "text": "La mairie installe les bancs au printemps."},
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.ACCEPTED
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([citizen.email, supporter.email, follower.email])
    assert "Réponse officielle" in mail.outbox[0].subject
    assert "La mairie installe les bancs" in client_for(None).get(proposal.get_absolute_url()).content.decode()


def test_only_staff_answers(citizen, client_for):
    proposal = ProposalFactory()
    response = client_for(citizen).post(reverse("proposals:answer", args=[proposal.pk]), {"state": "accepted", "text": "Oui"})
    assert response.status_code == 403


def test_a_council_member_proposes_on_behalf_of_the_council(council_member, client_for):
    council = CouncilFactory(name="Conseil citoyen de Chartres – Les Clos")
    member_of(council, council_member)
    response = client_for(council_member).post(
        reverse("proposals:create"),
        {"title": "Un terrain de foot", "body": "Pour les jeunes du quartier.", "council": council.pk, "publish": "1"},
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert proposal.council == council
    page = client_for(None).get(proposal.get_absolute_url()).content.decode()
    assert "Conseil citoyen de Chartres – Les Clos" in page and public_name(council_member) in page


def test_proposing_for_a_council_one_does_not_belong_to_is_refused(citizen):
    with pytest.raises(Refused) as refused:
        services.create_proposal(citizen, title="Titre", body="Texte", council=CouncilFactory())
    assert refused.value.message == "Vous n’êtes pas membre de ce conseil."


def test_preview_shows_the_rendered_text_and_publishes_nothing(citizen, client_for):
    response = client_for(citizen).post(
        reverse("proposals:create"), {"title": "Des fleurs", "body": "Du **vert** <script>x</script>", "preview": "1"}
    )
    page = response.content.decode()
    assert "<strong>vert</strong>" in page
    assert "<script>x" not in page
    assert not Proposal.objects.exists()


def test_an_image_is_attached_and_a_disguised_file_refused(citizen):
    image = SimpleUploadedFile("plan.png", PNG, content_type="image/png")
    proposal = services.create_proposal(citizen, title="Plan", body="Voir le plan", attachment=image, image_alt="Le plan du square")
    assert proposal.attachment.name.endswith(".png")
    assert (proposal.image_width, proposal.image_height) == (400, 300)
    fake = SimpleUploadedFile("plan.png", b"MZ\x90\x00 not an image", content_type="image/png")
    with pytest.raises(Refused) as refused:
        services.create_proposal(citizen, title="Plan", body="Voir", attachment=fake)
    assert refused.value.code == "file_type"


def test_a_too_big_file_is_refused(citizen, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "PROPOSAL_ATTACHMENT_MAX_BYTES": 10}
    image = SimpleUploadedFile("plan.png", PNG, content_type="image/png")
    with pytest.raises(Refused) as refused:
        services.create_proposal(citizen, title="Plan", body="Voir", attachment=image)
    assert refused.value.code == "file_too_big"
    assert "Le fichier est trop lourd" in refused.value.message


def test_the_consultation_step_lists_its_proposals(db):
    from django.template.loader import render_to_string

    consultation = consultation_with_step(StepKind.PROPOSALS)
    ProposalFactory(consultation=consultation, title="Un composteur collectif", support_threshold=None)
    html = render_to_string(
        "proposals/_step.html", {"consultation": consultation, "step": consultation.steps.get()}
    )
    assert "Un composteur collectif" in html
    assert reverse("proposals:create_in", args=[consultation.slug]) in html
