from consultations.background import background_task

from .emails import send_answer_messages, send_initiative_messages


@background_task
def send_answer_emails(proposal_id):
    send_answer_messages(proposal_id)


@background_task
def send_initiative_emails(proposal_id, news):
    send_initiative_messages(proposal_id, news)


@background_task
def resize_proposal_image(proposal_id):
    """The smaller copies of a new image, off the request in production (a worker's job)."""
    from consultations.images import save_renditions

    from .models import Proposal

    proposal = Proposal.objects.filter(pk=proposal_id).only("attachment", "image_width").first()
    if proposal is not None and proposal.is_image and proposal.image_width:
        save_renditions(proposal.attachment, proposal.image_width)
