"""What the moderation app holds about a person, and how long it keeps it (see the privacy page).

Nothing goes when an account is deleted: reports stay so that counts and thresholds stay exact,
cases and the log stay for accountability, all pointing at the anonymised account. Retention
then deletes reports a year after the decision on their case (the case keeps its
``report_count``), log lines after three years, and blocks three years after they ended.

The download names no other person: neither who reported the person's content nor which
moderator decided.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import pgettext_lazy

from consultations.privacy import delete_counted, iso

from .models import DECIDED_STATUSES, Action, Block, Case, Report

REPORT_RETENTION = timedelta(days=365)
LOG_RETENTION = timedelta(days=3 * 365)
ENDED_BLOCK_RETENTION = LOG_RETENTION


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "blocked_at": pgettext_lazy("personal data", "Blocked on"),
    "blocks": pgettext_lazy("personal data", "Blocks"),
    "decided_at": pgettext_lazy("personal data", "Decided on"),
    "decision_reason": pgettext_lazy("personal data", "Reason for the decision"),
    "kind": pgettext_lazy("personal data", "Kind"),
    "lifted_at": pgettext_lazy("personal data", "Lifted on"),
    "moderation_of_my_content": pgettext_lazy("personal data", "Moderation of my contributions"),
    "note": pgettext_lazy("personal data", "Note"),
    "reason": pgettext_lazy("personal data", "Reason"),
    "reported_at": pgettext_lazy("personal data", "Reported on"),
    "reports": pgettext_lazy("personal data", "Reports"),
    "reports_made": pgettext_lazy("personal data", "Reports made"),
    "review_request": pgettext_lazy("personal data", "Review request"),
    "review_requested_at": pgettext_lazy("personal data", "Review requested on"),
    "status": pgettext_lazy("personal data", "Status"),
    "text": pgettext_lazy("personal data", "Text"),
    "until": pgettext_lazy("personal data", "Until"),
    "url": pgettext_lazy("personal data", "Address"),
}


def user_data(user):
    reports = Report.objects.filter(reporter=user).select_related("case").order_by("created_at", "pk")
    blocks = Block.objects.filter(user=user).order_by("created_at", "pk")
    cases = Case.objects.filter(author=user).order_by("created_at", "pk")
    return {
        "reports_made": [
            {
                "kind": report.case.get_kind_display(),
                "url": report.case.url or None,
                "reason": report.get_reason_display(),
                "note": report.note or None,
                "reported_at": report.created_at.isoformat(),
            }
            for report in reports
        ],
        "blocks": [
            {
                "reason": block.reason,
                "blocked_at": block.created_at.isoformat(),
                "until": iso(block.until),
                "lifted_at": iso(block.lifted_at),
            }
            for block in blocks
        ],
        "moderation_of_my_content": [
            {
                "kind": case.get_kind_display(),
                "text": case.excerpt,
                "url": case.url or None,
                "status": case.get_status_display(),
                "reports": case.report_count,
                "decision_reason": case.decision_reason or None,
                "decided_at": iso(case.decided_at),
                "review_requested_at": iso(case.review_requested_at),
                "review_request": case.review_note or None,
            }
            for case in cases
        ],
    }


def apply_retention(now):
    report_cutoff = now - REPORT_RETENTION
    # A report made after the decision (on content a moderator then left hidden) is kept a year too.
    reports = delete_counted(Report.objects.filter(
        case__status__in=DECIDED_STATUSES, case__decided_at__lt=report_cutoff, created_at__lt=report_cutoff
    ))
    actions = delete_counted(Action.objects.filter(created_at__lt=now - LOG_RETENTION))
    # A block ended when it was lifted or when it expired, whichever came first.
    block_cutoff = now - ENDED_BLOCK_RETENTION
    blocks = delete_counted(Block.objects.filter(Q(lifted_at__lt=block_cutoff) | Q(until__lt=block_cutoff)))
    return {
        "moderation reports deleted": reports,
        "moderation log lines deleted": actions,
        "ended blocks deleted": blocks,
    }
