"""Every page of the site, and how to reach it in the demo data (``manage.py load_demo``).

The overflow test visits each of them for each role. A unit test (tests/lapartcitoyenne/
test_site_pages.py) checks this list against the URL resolver: a new URL name must be added to
``PAGES`` or to ``NOT_PAGES`` with the reason it is not a page, so no page is forgotten.
"""

from django.db.models import Q
from django.urls import reverse

# Outside the site's own templates: Django's admin and the API's JSON (and its browsable views).
NOT_SITE_PREFIXES = ("admin/", "api/")


def _event():
    from consultations.models import Event

    return Event.objects.filter(live_room__state="open").order_by("pk").first()


def _consultation():
    from consultations.models import Consultation

    return Consultation.objects.order_by("pk").first()


def _proposal():
    from participation.proposals.models import Proposal

    return Proposal.objects.order_by("pk").first()


def _council():
    from participation.councils.models import Council

    return Council.objects.order_by("pk").first()


def _questionnaire():
    from participation.surveys.models import Questionnaire

    return Questionnaire.objects.order_by("pk").first()


def _case():
    from participation.moderation.models import Case

    return Case.objects.order_by("pk").first()


def _comment():
    from participation.comments.models import Comment

    return Comment.objects.filter(~Q(body="")).order_by("pk").first()


def _budget():
    from participation.budgets.models import Budget

    return Budget.objects.filter(results_published_at__isnull=False).order_by("pk").first()


def _envelope():
    from participation.budgets.models import Envelope

    return Envelope.objects.filter(budget=_budget()).order_by("position", "pk").first()


def _budget_project():
    from participation.budgets.models import Project

    return Project.objects.filter(envelope__budget=_budget(), updates__isnull=False).order_by("pk").first()


STAFF_EMAIL = "equipe@demo.lapartcitoyenne.fr"


def _export_job():
    """The demo has no export in progress: the staff account starts one (its page is the one seen)."""
    from django.contrib.auth import get_user_model

    from participation.exports.models import ExportJob

    staff = get_user_model().objects.get(email=STAFF_EMAIL)
    job, _ = ExportJob.objects.get_or_create(
        requested_by=staff, defaults={"dataset": "events", "format": "xlsx", "status": "running", "rows_done": 120}
    )
    return job


def _slug(find):
    return lambda: {"slug": find().slug}


def _pk(find):
    return lambda: {"pk": find().pk}


# URL name -> the kwargs to reverse it with (None: no argument).
PAGES = {
    "home": None,
    "privacy": None,
    "accessibility": None,
    "legal": None,
    "contact": None,
    "sitemap": None,
    "consultations:programme": None,
    "consultations:event_detail": _slug(_event),
    "consultations:event_registrations": _slug(_event),
    "consultations:my_registrations": None,
    "consultations:consultation_list": None,
    "consultations:consultation_detail": _slug(_consultation),
    "consultations:my_consultations": None,
    "consultations:unsubscribe": lambda: {"token": "jeton-perime"},
    "account_login": None,
    "account_logout": None,
    "account_inactive": None,
    "account_signup": None,
    "account_reauthenticate": None,
    "account_email": None,
    "account_email_verification_sent": None,
    "account_change_password": None,
    "account_set_password": None,
    "account_reset_password": None,
    "account_reset_password_done": None,
    "account_reset_password_from_key_done": None,
    "account_confirm_email": lambda: {"key": "cle-perimee"},
    "account_reset_password_from_key": lambda: {"uidb36": "0", "key": "cle-perimee"},
    "mfa_index": None,
    "mfa_activate_totp": None,
    "mfa_deactivate_totp": None,
    "mfa_view_recovery_codes": None,
    "mfa_generate_recovery_codes": None,
    "profile": None,
    "my_data": None,
    "delete_account": None,
    "surveys:questionnaire": _pk(_questionnaire),
    "surveys:results": _pk(_questionnaire),
    "live:room": _slug(_event),
    "live:projection": _slug(_event),
    "live:transcript": _slug(_event),
    "exports:export": None,
    "exports:job": _pk(_export_job),
    "exports:open_data": None,
    "exports:open_data_consultation": _slug(_consultation),
    "staff:index": None,
    "staff:statistics": None,
    "staff:tasks": None,
    "proposals:list": None,
    "proposals:create": None,
    "proposals:create_in": lambda: {"consultation": _consultation().slug},
    "proposals:detail": _pk(_proposal),
    "proposals:edit": _pk(_proposal),
    "comments:edit": _pk(_comment),
    "councils:list": None,
    "councils:request": None,
    "councils:detail": _slug(_council),
    "moderation:queue": None,
    "moderation:case": _pk(_case),
    "moderation:blocks": None,
    "moderation:log": None,
    "moderation:block": lambda: {"user_id": _comment().author_id},
    "moderation:report": lambda: {"kind": "comment", "object_id": _comment().pk},
    "moderation:review": _pk(_case),
    "budgets:budget": _pk(_budget),
    "budgets:project_list": _pk(_budget),
    "budgets:submit_project": _pk(_budget),
    "budgets:results": _pk(_budget),
    "budgets:review_list": _pk(_budget),
    "budgets:manage_results": _pk(_budget),
    "budgets:project": _pk(_budget_project),
    "budgets:review_project": _pk(_budget_project),
    "budgets:post_update": _pk(_budget_project),
    "budgets:ballot": _pk(_envelope),
    "budgets:code_ballot": _pk(_envelope),
    "budgets:paper_stand": _pk(_envelope),
    "budgets:codes": _pk(_envelope),
}

# URL name -> why the overflow test does not visit it.
NOT_PAGES = {
    "set_language": "a form's target, answers POST only",
    "media": "uploaded files (served by the site in the embedded mode only)",
    "comments:page": "a fragment: the next comments, appended to a thread's page by htmx",
    "comments:show": "a comment's permanent link: redirects to its thread's page",
    "consultations:programme_ics": "a calendar file",
    "consultations:event_ics": "a calendar file",
    "consultations:follow": "a form's target, answers POST only",
    "consultations:unfollow": "a form's target, answers POST only",
    "live:draft_summary": "a form's target, answers POST only",
    "live:short": "a redirect to the live room",
    "account_request_reauthentication_code": "needs a login by code, which the site does not offer",
    "account_confirm_reauthentication_code": "needs a login by code, which the site does not offer",
    "account_confirm_login_code": "needs a login by code, which the site does not offer",
    "mfa_authenticate": "only in the middle of a login",
    "mfa_reauthenticate": "only in the middle of a sensitive action",
    "mfa_download_recovery_codes": "a text file",
    "regenerate_api_token": "a form's target, answers POST only",
    "exports:download": "a file",
    "exports:open_data_file": "a file",
    "health": "JSON for probes and monitoring",
    "healthz": "JSON for probes and monitoring",
    "staff:statistics_table": "a file",
    "proposals:support": "a form's target, answers POST only",
    "proposals:follow": "a form's target, answers POST only",
    "comments:add": "a form's target, answers POST only",
    "comments:notifications": "a form's target, answers POST only",
    "councils:join": "a form's target, answers POST only",
    "councils:membership": "a form's target, answers POST only",
    "consultations:register": "a form's target, answers POST only",
    "consultations:cancel": "a form's target, answers POST only",
    "proposals:withdraw": "a form's target, answers POST only",
    "proposals:answer": "a form's target, answers POST only",
    "comments:delete": "a form's target, answers POST only",
    "councils:verify": "a form's target, answers POST only",
    "moderation:decide": "a form's target, answers POST only",
    "moderation:bulk": "a form's target, answers POST only",
    "moderation:lift": "a form's target, answers POST only",
    "budgets:follow": "a form's target, answers POST only",
    "budgets:pabulib": "a file",
}


def site_url_names():
    """The names of the site's URLs, from the resolver (admin and API left out)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    names = set()

    def walk(resolver, prefix, namespace):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern).lstrip("^")
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                walk(pattern, route, f"{namespace}:{inner}" if namespace and inner else inner or namespace)
            elif isinstance(pattern, URLPattern) and not route.startswith(NOT_SITE_PREFIXES):
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver(), "", None)
    return names


def page_paths():
    """The path of every page, built from the data in the database."""
    return {name: reverse(name, kwargs=kwargs() if kwargs else None) for name, kwargs in PAGES.items()}
