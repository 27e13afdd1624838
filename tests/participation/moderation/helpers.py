"""One item of each kind of content, and shortcuts to report it and read the moderation state."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from consultations.moderation import get_kind
from participation.comments import services as comment_services
from participation.moderation import services
from participation.moderation.models import Case
from participation.surveys.models import Answer, Response
from tests.factories import UserFactory
from tests.participation.councils.factories import CouncilFactory
from tests.participation.live.factories import MessageFactory, QuestionFactory
from tests.participation.proposals.factories import ProposalFactory
from tests.participation.surveys.fixtures import make_questionnaire

KINDS = ["proposal", "comment", "council", "answer", "live_message", "live_question"]


def make_item(kind, author=None, **kwargs):
    author = author or UserFactory()
    if kind == "proposal":
        return ProposalFactory(author=author, **kwargs)
    if kind == "comment":
        target = kwargs.pop("target", None) or ProposalFactory()
        return comment_services.add_comment(author, target, kwargs.pop("body", "Un commentaire à vérifier"), **kwargs)
    if kind == "council":
        return CouncilFactory(requested_by=author, **kwargs)
    if kind == "answer":
        questionnaire, q, _choices = make_questionnaire()
        # Free text is read by others, and so reported, once the results are published.
        questionnaire.results_published_at = timezone.now()
        questionnaire.save(update_fields=["results_published_at"])
        response = Response.objects.create(questionnaire=questionnaire, user=author)
        return Answer.objects.create(response=response, question=q["long"], text="Une réponse libre à signaler")
    if kind == "live_message":
        return MessageFactory(author=author, **kwargs)
    if kind == "live_question":
        return QuestionFactory(author=author, **kwargs)
    raise ValueError(kind)


def status_of(obj):
    obj.refresh_from_db()
    return get_kind(kind_key(obj)).status(obj)


def kind_key(obj):
    from consultations.moderation import kind_of

    return kind_of(obj).key


def case_of(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return Case.objects.filter(content_type=content_type, object_id=obj.pk).first()


def report_by_many(obj, count, reason="spam"):
    reporters = [UserFactory() for _ in range(count)]
    for reporter in reporters:
        services.report(reporter, kind_key(obj), obj.pk, reason)
    return reporters


def reported_case(obj, count=1):
    report_by_many(obj, count)
    return case_of(obj)
