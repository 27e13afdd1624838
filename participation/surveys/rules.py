"""Who may do what with questionnaires: one predicate per question."""

import rules
from consultations.registry import is_action_open
from consultations.rules import is_citizen, is_staff_member, is_visible_consultation


@rules.predicate
def can_see_questionnaire(user, questionnaire):
    return is_visible_consultation(user, questionnaire.step.consultation)


@rules.predicate
def is_questionnaire_open(user, questionnaire):
    """The consultation uses questionnaires and this questionnaire's step is the open one."""
    step = questionnaire.step
    return step.is_open() and is_action_open(step.consultation, "surveys", "answer")


@rules.predicate
def results_are_published(user, questionnaire):
    return questionnaire.results_published_at is not None


rules.add_perm("surveys.view_questionnaire", can_see_questionnaire | is_staff_member)
rules.add_perm(
    "surveys.answer_questionnaire",
    is_citizen & (can_see_questionnaire | is_staff_member) & is_questionnaire_open,
)
rules.add_perm(
    "surveys.view_results",
    (can_see_questionnaire & results_are_published) | is_staff_member,
)
