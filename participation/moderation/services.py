"""Every moderation action: one function each, in one transaction, logged with its author.

The content's own status changes through its kind's ``apply_status``, so a live room's clients
learn of a decision at once; the case keeps the decision and the log keeps the history.
"""

from datetime import timedelta
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import moderation as contract
from consultations.moderation import ModerationStatus
from consultations.duplicates import earlier_submission
from consultations.params import parse_id, parse_int
from consultations.refusals import Refused

from .conf import get_setting
from .models import NOTE_MAX_LENGTH, Action, ActionKind, Block, Case, CaseStatus, Reason, Report, Source
from .rules import can_moderate
from .tasks import send_block_email, send_decision_email
from consultations import page_cache

REASON_MAX_LENGTH = 1000


def resolve(kind_key, object_id):
    """The reportable item named by its kind and id, or a refusal."""
    kind = contract.get_kind(kind_key)
    if kind is None:
        raise Refused(_("This kind of content cannot be reported."), "unknown_kind", 404)
    pk = parse_id(object_id)
    obj = kind.model_class.objects.filter(pk=pk).first() if pk else None
    if obj is None:
        raise Refused(_("This content does not exist."), "not_found", 404)
    return kind, obj


def _refresh_case(case, kind, obj):
    """Copy what the queue shows from the item: its text as moderators read it, its place."""
    case.excerpt = kind.text(obj)
    case.url = kind.url_of(obj) or ""
    case.author_id = kind.author_id(obj)
    consultation, event = kind.consultation_of(obj), kind.event_of(obj)
    case.consultation_id = consultation.pk if consultation else None
    case.event_id = event.pk if event else None
    case.updated_at = timezone.now()


def _case_for(kind, obj, status=CaseStatus.REPORTED):
    """The item's case, locked, created if need be."""
    content_type = ContentType.objects.get_for_model(obj)
    case = Case.objects.select_for_update().filter(content_type=content_type, object_id=obj.pk).first()
    if case is None:
        case = Case(kind=kind.key, content_type=content_type, object_id=obj.pk, status=status)
        _refresh_case(case, kind, obj)
        try:
            with transaction.atomic():
                case.save()
        except IntegrityError:  # opened at the same moment by someone else
            case = Case.objects.select_for_update().get(content_type=content_type, object_id=obj.pk)
    return case


def _log(actor, action, *, case=None, kind="", object_id=None, user_id=None, reason="", source=Source.QUEUE):
    return Action.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None, action=action, case=case,
        kind=kind, object_id=object_id, target_user_id=user_id, reason=reason, source=source,
    )


def _clean(text, required_message=None, limit=REASON_MAX_LENGTH):
    text = (text or "").strip()
    if required_message and not text:
        raise Refused(required_message, "reason_required")
    if len(text) > limit:
        raise Refused(_("The text is too long: %(limit)s characters at most.") % {"limit": limit}, "too_long")
    return text


def _require_citizen(user):
    if not user.has_perm("moderation.report_content"):
        raise Refused(*contract.not_citizen_refusal(user, _("Please verify your email address first."), "report"), 403)


def _require_moderator(user):
    if not can_moderate(user):
        raise Refused(_("Only moderators can do this."), "forbidden", 403)


def resolve_reportable(user, kind_key, object_id):
    """The item, if this person may read it and report it: only visible content is reported.

    Waiting or hidden content is "not found" for everyone but its author, so that the report page
    never shows a text its reader could not see where it was published.
    """
    kind, obj = resolve(kind_key, object_id)
    is_author = user.is_authenticated and kind.author_id(obj) == user.pk
    if (kind.status(obj) != ModerationStatus.VISIBLE or not kind.readable_by(obj, user)) and not is_author:
        raise Refused(_("This content does not exist."), "not_found", 404)
    return kind, obj


@transaction.atomic
def report(user, kind_key, object_id, reason, note=""):
    """A citizen's report; past the threshold of distinct reports the item is hidden until reviewed."""
    _require_citizen(user)
    kind, obj = resolve_reportable(user, kind_key, object_id)
    if kind.author_id(obj) == user.pk:
        raise Refused(_("You cannot report your own contribution."), "own_content", 409)
    if reason not in Reason.values:
        raise Refused(_("Choose a reason for your report."), "invalid_reason")
    note = _clean(note, limit=NOTE_MAX_LENGTH)
    case = _case_for(kind, obj)
    if earlier_submission(Report.objects.filter(case=case), user, reporter=user, reason=reason, note=note):
        return case
    try:
        with transaction.atomic():
            Report.objects.create(case=case, reporter=user, reason=reason, note=note)
    except IntegrityError:
        raise Refused(_("You have already reported this content."), "already_reported", 409) from None
    # Counted up, not recounted: retention deletes old reports but the case keeps its count. The case
    # row is locked, so the count saved below is exact.
    case.report_count += 1
    if case.status == CaseStatus.KEPT:
        case.status = CaseStatus.REPORTED  # new reports after a decision: a moderator looks again
    _refresh_case(case, kind, obj)
    threshold = get_setting("MODERATION_REPORT_THRESHOLD")
    if (
        case.status == CaseStatus.REPORTED
        and case.decided_at is None
        and case.report_count >= threshold
        and kind.status(obj) == ModerationStatus.VISIBLE
    ):
        kind.apply_status(obj, ModerationStatus.HIDDEN, None, "")
        page_cache.invalidate()
        case.status = CaseStatus.AUTO_HIDDEN
        case.decision_reason = _("Hidden automatically after %(count)s reports, until a moderator reviews it.") % {
            "count": case.report_count
        }
        _log(None, ActionKind.AUTO_HIDE, case=case, kind=kind.key, object_id=obj.pk, user_id=case.author_id,
             reason=case.decision_reason, source=Source.SYSTEM)
        transaction.on_commit(lambda: send_decision_email.enqueue(case_id=case.pk, action=ActionKind.AUTO_HIDE))
    case.save()
    return case


def _content(case):
    """The case's kind and item, or a refusal when it no longer exists (deleted, or replaced by its author)."""
    try:
        return contract.get_kind(case.kind), case.content()
    except ObjectDoesNotExist:
        raise Refused(_("This content does not exist."), "not_found", 404) from None


def _decide(actor, case, kind, obj, content_status, case_status, action, reason, source, notify=True):
    if kind.status(obj) != content_status:
        kind.apply_status(obj, content_status, actor, reason)
        page_cache.invalidate()  # hidden or shown again: visitors see it now, not in a few seconds
    case.status = case_status
    case.decision_reason = reason
    case.decided_by = actor
    case.decided_at = timezone.now()
    _refresh_case(case, kind, obj)
    case.save()
    _log(actor, action, case=case, kind=case.kind, object_id=case.object_id, user_id=case.author_id,
         reason=reason, source=source)
    if notify and action in (ActionKind.HIDE, ActionKind.RESTORE):
        transaction.on_commit(lambda: send_decision_email.enqueue(case_id=case.pk, action=action))
    return case


def _locked(case):
    return Case.objects.select_for_update().get(pk=case.pk)


@transaction.atomic
def hide(actor, case, reason, source=Source.QUEUE):
    _require_moderator(actor)
    reason = _clean(reason, _("Say why: the author receives this reason."))
    case = _locked(case)
    kind, obj = _content(case)
    return _decide(actor, case, kind, obj, ModerationStatus.HIDDEN, CaseStatus.HIDDEN, ActionKind.HIDE, reason, source)


@transaction.atomic
def keep(actor, case, reason="", source=Source.QUEUE):
    """Restore hidden content, approve waiting content, or dismiss the reports on visible content."""
    _require_moderator(actor)
    reason = _clean(reason)
    case = _locked(case)
    kind, obj = _content(case)
    action = {
        ModerationStatus.PENDING: ActionKind.APPROVE,
        ModerationStatus.HIDDEN: ActionKind.RESTORE,
    }.get(kind.status(obj), ActionKind.DISMISS)
    return _decide(actor, case, kind, obj, ModerationStatus.VISIBLE, CaseStatus.KEPT, action, reason, source)


DECISIONS = {"hide": hide, "restore": keep, "dismiss": keep, "approve": keep}


@transaction.atomic
def decide_many(actor, case_ids, decision, reason="", source=Source.QUEUE):
    """One decision on several cases at once, all or nothing."""
    _require_moderator(actor)
    if decision not in DECISIONS:
        raise Refused(_("Unknown decision."), "invalid_decision")
    wanted = set(case_ids)
    if not wanted:
        raise Refused(_("Select at least one item."), "empty_selection")
    cases = list(Case.objects.filter(pk__in=wanted).order_by("pk"))
    if len(cases) != len(wanted):  # all or nothing: an unknown case refuses the whole selection
        raise Refused(_("This content does not exist."), "not_found", 404)
    for case in cases:
        DECISIONS[decision](actor, case, reason, source)
    return len(cases)


@transaction.atomic
def request_review(user, case, note):
    """The author asks, once, that a moderator look again at their hidden content."""
    case = _locked(case)
    if not user.has_perm("moderation.request_review", case):
        raise Refused(_("A review can be asked once, by the author, for hidden content."), "review_refused", 409)
    case.review_note = _clean(note, _("Tell the moderators why the content should be shown."), NOTE_MAX_LENGTH)
    case.review_requested_at = timezone.now()
    case.status = CaseStatus.REVIEW_REQUESTED
    case.updated_at = case.review_requested_at
    case.save()
    _log(user, ActionKind.REVIEW_REQUESTED, case=case, kind=case.kind, object_id=case.object_id, user_id=user.pk,
         reason=case.review_note, source=Source.QUEUE)
    return case


def _hide_everything_of(actor, person, reason, source):
    """Every visible or waiting item of the person, hidden, each with its case and log line."""
    hidden = 0
    for kind in contract.kinds().values():
        model = kind.model_class
        items = model.objects.filter(
            **{f"{kind.author_path}_id": person.pk, f"{kind.status_field}__in": [
                ModerationStatus.VISIBLE, ModerationStatus.PENDING,
            ]}
        )
        for obj in items:
            case = _case_for(kind, obj)
            # The person is told once, by the block's email, not once per item.
            _decide(actor, case, kind, obj, ModerationStatus.HIDDEN, CaseStatus.HIDDEN, ActionKind.HIDE, reason,
                    source, notify=False)
            hidden += 1
    return hidden


@transaction.atomic
def block(actor, person, reason, days=None, source=Source.QUEUE):
    """Block a person for ``days`` (None: for good); their content is hidden; they are told why."""
    if not actor.has_perm("moderation.block_person", person):
        raise Refused(_("You cannot block this person."), "forbidden", 403)
    reason = _clean(reason, _("Say why: the person receives this reason."))
    now = timezone.now()
    until = None
    if days is not None:
        days = parse_int(days, minimum=1, maximum=get_setting("MODERATION_MAX_BLOCK_DAYS"))
        if days is None:
            raise Refused(
                _("Give a duration between 1 and %(max)s days, or block for good.")
                % {"max": get_setting("MODERATION_MAX_BLOCK_DAYS")},
                "invalid_duration",
            )
        until = now + timedelta(days=days)
    Block.objects.select_for_update().filter(user=person, lifted_at__isnull=True).update(
        lifted_at=now, lifted_by=actor
    )
    record = Block.objects.create(user=person, until=until, reason=reason, created_by=actor, created_at=now)
    _log(actor, ActionKind.BLOCK, user_id=person.pk, reason=reason, source=source)
    _hide_everything_of(actor, person, reason, source)
    cache.delete(_block_cache_key(person.pk))
    _forget_block(person)
    transaction.on_commit(lambda: send_block_email.enqueue(block_id=record.pk))
    return record


@transaction.atomic
def lift(actor, record, reason="", source=Source.QUEUE):
    """End a block early; the hidden content stays hidden until a moderator restores it."""
    _require_moderator(actor)
    record = Block.objects.select_for_update().get(pk=record.pk)
    if record.lifted_at is not None:
        raise Refused(_("This block has already been lifted."), "already_lifted", 409)
    record.lifted_at, record.lifted_by = timezone.now(), actor
    record.save(update_fields=["lifted_at", "lifted_by"])
    _log(actor, ActionKind.UNBLOCK, user_id=record.user_id, reason=_clean(reason), source=source)
    _forget_block(record.user)
    return record


BLOCK_CACHE_SECONDS = 60
_NOT_BLOCKED = "-"


def _block_cache_key(user_id):
    return f"moderation:block:{user_id}"


def block_in_force(user):
    """The person's block in force, or None; cached (shared cache) because every write asks it."""
    key = _block_cache_key(user.pk)
    cached = cache.get(key)
    if cached is None:
        record = Block.objects.in_force().filter(user_id=user.pk).only("until", "reason").first()
        cached = (record.until, record.reason) if record else _NOT_BLOCKED
        cache.set(key, cached, BLOCK_CACHE_SECONDS)
    if cached == _NOT_BLOCKED:
        return None
    until, reason = cached
    if until is not None and until <= timezone.now():
        return None
    return SimpleNamespace(until=until, reason=reason)


def _forget_block(person):
    """After the commit, so that no process caches the state the transaction is leaving."""
    contract.forget_block_memo(person)
    transaction.on_commit(lambda: cache.delete(_block_cache_key(person.pk)))


def open_for_approval(sender, obj, **kwargs):
    """A pre-moderated item was saved: it waits in the queue."""
    if sender.status(obj) != ModerationStatus.PENDING:
        return
    case = _case_for(sender, obj, status=CaseStatus.AWAITING_APPROVAL)
    if case.status != CaseStatus.AWAITING_APPROVAL:
        case.status = CaseStatus.AWAITING_APPROVAL
        _refresh_case(case, sender, obj)
        case.save()


def record_plugin_action(sender, actor, action, kind, obj, user, reason, source, **kwargs):
    """A facilitator's action in a live room: in the log, and on the item's case if it has one."""
    case = None
    if obj is not None:
        content_type = ContentType.objects.get_for_model(obj)
        case = Case.objects.filter(content_type=content_type, object_id=obj.pk).first()
        if case is not None and action in (ActionKind.HIDE, ActionKind.APPROVE):
            case.status = CaseStatus.HIDDEN if action == ActionKind.HIDE else CaseStatus.KEPT
            case.decision_reason, case.decided_by, case.decided_at = reason, actor, timezone.now()
            case.updated_at = case.decided_at
            case.save()
    _log(actor, action, case=case, kind=kind.key if kind and obj is not None else "",
         object_id=obj.pk if obj is not None and kind else None, user_id=user.pk if user else None,
         reason=reason or "", source=source)
