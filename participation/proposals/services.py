"""Actions on proposals and supports; each touches its rows and counters in one transaction."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.rules import is_citizen, is_staff_member
from consultations.duplicates import earlier_submission
from consultations.images import inspect_image, is_image_name
from consultations.moderation import initial_status, not_citizen_refusal, submit
from participation.councils.models import Council
from consultations.refusals import Refused
from participation.councils.rules import is_council_member

from .attachments import check_attachment
from .conf import get_setting
from .models import ANSWER_STATES, SUPPORTABLE_STATES, Follow, Proposal, ProposalSettings, ProposalState, Support, Unsubscription
from .rules import is_proposal_author, is_readable, proposing_is_open, support_period_is_open, supporting_is_open
from .emails import INITIATIVE_COLLECTION_ENDED, INITIATIVE_THRESHOLD_REACHED
from .tasks import resize_proposal_image, send_answer_emails, send_initiative_emails
from consultations import page_cache


def _require_citizen(user, action="post"):
    if not is_citizen(user):
        raise Refused(*not_citizen_refusal(user, _("Please verify your email address first."), action), 403)


def _require_readable(user, proposal):
    """What a person may not read does not exist for them: the same 404 as an unknown id."""
    if not is_readable(user, proposal):
        raise Refused(_("This proposal does not exist."), "not_found", 404)


def _require_member(user, council):
    if council is not None and not is_council_member(user, council):
        raise Refused(_("You are not a member of this council."), "not_member", 403)


def _clean_text(title, body):
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        raise Refused(_("Give your proposal a title."), "empty")
    if not body:
        raise Refused(_("Describe your proposal."), "empty")
    title_max, body_max = get_setting("PROPOSAL_TITLE_MAX_LENGTH"), get_setting("PROPOSAL_BODY_MAX_LENGTH")
    if len(title) > title_max:
        raise Refused(_("The title is too long: %(limit)s characters at most.") % {"limit": title_max}, "too_long")
    if len(body) > body_max:
        raise Refused(_("The proposal is too long: %(limit)s characters at most.") % {"limit": body_max}, "too_long")
    return title, body


def _checked_attachment(attachment, image_alt):
    """(width, height) of an image attachment, (None, None) for a document; refuses a bad file, a bare image."""
    check_attachment(attachment)
    if not is_image_name(attachment.name):
        return None, None
    try:
        size = inspect_image(attachment)
    except ValidationError as error:
        raise Refused(error.messages[0], "file_type", 415) from None
    if not (image_alt or "").strip():
        raise Refused(_("Describe the image in a few words for people who cannot see it."), "image_alt_missing")
    return size


def _store_renditions(proposal):
    if proposal.is_image and proposal.image_width:
        # After the commit: a rolled-back proposal leaves no copies, and the row's file is final.
        transaction.on_commit(lambda: resize_proposal_image.enqueue(proposal_id=proposal.pk))


@transaction.atomic
def create_proposal(
    user, *, title, body, consultation=None, council=None, theme=None, territory=None, attachment=None, image_alt="",
):
    _require_citizen(user)
    if not proposing_is_open(user, consultation):
        raise Refused(_("The proposals step of this consultation is not open."), "step_closed", 409)
    _require_member(user, council)
    title, body = _clean_text(title, body)
    width = height = None
    if attachment:
        width, height = _checked_attachment(attachment, image_alt)
    image_alt = (image_alt or "").strip() if width else ""
    # With a file, a second post may carry another one: only a text-only proposal is a double submit.
    earlier = None if attachment else earlier_submission(
        Proposal.objects.filter(attachment=""), user, author=user, consultation=consultation, council=council,
        title=title, body=body,
    )
    if earlier is not None:
        return earlier
    proposal = Proposal.objects.create(
        consultation=consultation,
        author=user,
        council=council,
        title=title,
        body=body,
        theme=theme or (consultation.theme if consultation else None),
        territory=territory or (consultation.territory if consultation else None),
        attachment=attachment or "",
        image_alt=image_alt,
        image_width=width,
        image_height=height,
        support_threshold=get_setting("INITIATIVE_SUPPORT_THRESHOLD") if consultation is None else None,
        collection_ends_at=initiative_deadline(timezone.now()) if consultation is None else None,
        moderation_status=initial_status(consultation),
    )
    Follow.objects.create(proposal=proposal, user=user)
    submit(proposal)
    _store_renditions(proposal)
    return proposal


@transaction.atomic
def edit_proposal(user, proposal, *, title, body, theme=None, territory=None, attachment=None, image_alt=None):
    """Change the text, the labels, the file; ``image_alt=None`` keeps the image's description."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not is_proposal_author(user, proposal):
        raise Refused(_("You can only edit your own proposals."), "not_author", 403)
    if proposal.state != ProposalState.PUBLISHED:
        raise Refused(_("This proposal can no longer be edited."), "not_editable", 409)
    if proposal.is_hidden:
        # A restore must publish the text the moderators read, not one written since.
        raise Refused(_("This proposal has been hidden by the moderation."), "hidden", 409)
    if proposal.support_count or proposal.comment_count:
        raise Refused(
            _("This proposal has already been supported or commented on: it can no longer be edited."),
            "has_reactions",
            409,
        )
    proposal.title, proposal.body = _clean_text(title, body)
    proposal.theme, proposal.territory = theme, territory
    if image_alt is not None:
        proposal.image_alt = image_alt.strip()
    if attachment:
        alt = proposal.image_alt
        proposal.image_width, proposal.image_height = _checked_attachment(attachment, alt)
        proposal.attachment = attachment
    if not proposal.is_image:
        proposal.image_alt = ""
    elif not proposal.image_alt:
        raise Refused(_("Describe the image in a few words for people who cannot see it."), "image_alt_missing")
    proposal.save()
    if attachment:
        _store_renditions(proposal)
    return proposal


@transaction.atomic
def withdraw_proposal(user, proposal, reason):
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not is_proposal_author(user, proposal):
        raise Refused(_("You can only withdraw your own proposals."), "not_author", 403)
    if proposal.state not in (ProposalState.PUBLISHED, ProposalState.UNDER_REVIEW):
        raise Refused(_("This proposal can no longer be withdrawn."), "not_withdrawable", 409)
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Say why you withdraw the proposal."), "empty")
    if len(reason) > 2000:
        raise Refused(_("The reason is too long: %(limit)s characters at most.") % {"limit": 2000}, "too_long")
    proposal.state = ProposalState.WITHDRAWN
    proposal.withdrawal_reason = reason
    proposal.save(update_fields=["state", "withdrawal_reason", "updated_at"])
    page_cache.invalidate()
    return proposal


@transaction.atomic
def answer_proposal(staff_user, proposal, *, state, text):
    if not is_staff_member(staff_user):
        raise Refused(_("Only staff can give an official answer."), "forbidden", 403)
    if state not in ANSWER_STATES:
        raise Refused(_("Choose the state that goes with the answer."), "invalid_state")
    text = (text or "").strip()
    if not text:
        raise Refused(_("The official answer is empty."), "empty")
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.is_withdrawn:
        raise Refused(_("This proposal has been withdrawn by its author."), "withdrawn", 409)
    proposal.state = state
    proposal.answer = text
    proposal.answered_at = timezone.now()
    proposal.answered_by = staff_user
    proposal.save(update_fields=["state", "answer", "answered_at", "answered_by", "updated_at"])
    page_cache.invalidate()
    transaction.on_commit(lambda: send_answer_emails.enqueue(proposal_id=proposal.pk))
    return proposal


def initiative_deadline(start):
    return start + timedelta(days=get_setting("INITIATIVE_COLLECTION_DAYS"))


def close_due_initiatives(now=None):
    """Close every initiative whose collection period is over; the people concerned hear it once.

    The conditional update is the "once": of two runs at the same time, one closes each initiative.
    """
    now = now or timezone.now()
    due = Proposal.objects.initiatives().filter(collection_ends_at__lte=now, collection_closed_at__isnull=True)
    closed = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            if not Proposal.objects.filter(pk=pk, collection_closed_at__isnull=True).update(collection_closed_at=now):
                continue
            closed += 1
            # A withdrawn, answered or hidden initiative was told already, or has nothing to tell.
            if Proposal.objects.taking_supports().filter(pk=pk).exists():
                transaction.on_commit(
                    lambda pk=pk: send_initiative_emails.enqueue(proposal_id=pk, news=INITIATIVE_COLLECTION_ENDED)
                )
    return closed


def support_limit(consultation):
    if consultation is None:
        return None
    return ProposalSettings.objects.filter(consultation=consultation).values_list("support_limit", flat=True).first()


def _lock_supporter(user, council):
    """Serialise one supporter's supports, so that the per-consultation limit holds under concurrency."""
    if council is not None:
        Council.objects.select_for_update().filter(pk=council.pk).first()
    else:
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _closed_to_supports(proposal):
    """(message, code) saying why this proposal takes no support and lets none be withdrawn, or None."""
    if proposal.is_withdrawn:
        return _("This proposal has been withdrawn."), "withdrawn"
    if proposal.state not in SUPPORTABLE_STATES:
        return _("This proposal has received its official answer: supports are closed."), "answered"
    if not proposal.takes_supports:
        return _("This proposal is held by the moderation: supports are closed."), "hidden"
    if proposal.is_initiative and not proposal.collection_is_open:
        return _("The collection of supports for this initiative is over."), "collection_closed"
    return None


def _supports_of(user, council):
    supports = Support.objects.all()
    return supports.filter(council=council) if council else supports.filter(user=user, council__isnull=True)


def counted_supports(user, consultation, council=None):
    """The supports that count toward the consultation's limit: those on proposals that still take supports.

    A support on a proposal since withdrawn, answered or hidden stays as it was given (it cannot be
    withdrawn), so it must not hold a place in the limit either.
    """
    return _supports_of(user, council).filter(
        proposal__consultation_id=consultation.pk, proposal__in=Proposal.objects.taking_supports()
    )


@transaction.atomic
def cast_support(user, proposal, council=None):
    """Add one support: checks the step, the limit and uniqueness, and moves the counter, atomically."""
    _require_citizen(user, "support")
    _require_readable(user, proposal)
    _require_member(user, council)
    if not supporting_is_open(user, proposal):
        closed = _closed_to_supports(proposal)
        if closed:
            raise Refused(*closed, 409)
        raise Refused(_("Supports are not open for this proposal."), "step_closed", 409)
    _lock_supporter(user, council)
    if _supports_of(user, council).filter(proposal=proposal).exists():
        raise Refused(_("You already support this proposal."), "duplicate", 409)
    limit = support_limit(proposal.consultation)
    # Every counted support is on a proposal of this consultation that takes supports while its
    # supports step is open (checked above): each of them can be withdrawn, as the message says.
    if limit is not None and counted_supports(user, proposal.consultation, council).count() >= limit:
        raise Refused(
            _("You have reached the limit of %(limit)s supports in this consultation: withdraw one to support this proposal.")
            % {"limit": limit},
            "limit_reached",
            409,
        )
    try:
        with transaction.atomic():
            support = Support.objects.create(proposal=proposal, user=user, council=council)
    except IntegrityError:
        raise Refused(_("You already support this proposal."), "duplicate", 409) from None
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    # The flag is set once, by the support that crosses the threshold: that one tells the news.
    crossed = Proposal.objects.filter(
        pk=proposal.pk, support_threshold__isnull=False, threshold_reached_at__isnull=True,
        support_count__gte=F("support_threshold"),
    ).update(threshold_reached_at=timezone.now())
    if crossed:
        transaction.on_commit(
            lambda: send_initiative_emails.enqueue(proposal_id=proposal.pk, news=INITIATIVE_THRESHOLD_REACHED)
        )
    return support


@transaction.atomic
def withdraw_support(user, proposal, council=None):
    _require_citizen(user, "support")
    _require_member(user, council)
    if not support_period_is_open(user, proposal):
        raise Refused(_("Supports are closed: yours can no longer be withdrawn."), "step_closed", 409)
    closed = _closed_to_supports(proposal)
    if closed:
        message, code = closed
        if support_limit(proposal.consultation) is not None:
            message += " " + _("Your support stays as it was given, and no longer counts toward your limit of supports.")
        else:
            message += " " + _("Your support stays as it was given.")
        raise Refused(message, code, 409)
    _lock_supporter(user, council)
    deleted, _detail = _supports_of(user, council).filter(proposal=proposal).delete()
    if not deleted:
        raise Refused(_("You do not support this proposal."), "not_supported", 409)
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)


@transaction.atomic
def follow(user, proposal, on=True):
    """Following requires reading the proposal; leaving is always possible."""
    _require_citizen(user, "follow")
    if on:
        _require_readable(user, proposal)
        Follow.objects.get_or_create(proposal=proposal, user=user)
        Unsubscription.objects.filter(proposal=proposal, user=user).delete()  # asking again undoes a stop
    else:
        Follow.objects.filter(proposal=proposal, user=user).delete()


def adjust_comment_count(proposal_id, delta):
    Proposal.objects.filter(pk=proposal_id).update(comment_count=F("comment_count") + delta)
