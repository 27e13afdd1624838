"""Who may do what in the moderation: one predicate per question."""

import rules

from consultations.rules import is_citizen, is_moderator, is_staff_member


@rules.predicate
def is_case_author(user, case):
    return case is not None and user.is_authenticated and case.author_id == user.pk


@rules.predicate
def may_still_ask_review(user, case):
    from .models import CaseStatus

    return (
        case is not None
        and case.status in (CaseStatus.HIDDEN, CaseStatus.AUTO_HIDDEN)
        and not case.review_was_requested
    )


@rules.predicate
def is_protected_person(user, person):
    """Staff and moderators are not blocked through the moderation: their roles are managed by staff."""
    return person is not None and (person.is_staff or is_moderator(person))


@rules.predicate
def is_someone_else(user, person):
    return person is not None and person.pk != user.pk


can_moderate = is_staff_member | is_moderator

rules.add_perm("moderation.report_content", is_citizen)
rules.add_perm("moderation.moderate", can_moderate)
rules.add_perm("moderation.block_person", can_moderate & is_someone_else & ~is_protected_person)
rules.add_perm("moderation.read_log", is_staff_member)
rules.add_perm("moderation.request_review", is_case_author & may_still_ask_review)
