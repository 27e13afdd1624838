import pytest

from consultations.models import StepKind

from .factories import ProposalFactory, consultation_with_step


@pytest.fixture
def initiative(db):
    return ProposalFactory(consultation=None, support_threshold=3)


@pytest.fixture
def supports_consultation(db):
    return consultation_with_step(StepKind.SUPPORTS)


@pytest.fixture
def proposals_consultation(db):
    return consultation_with_step(StepKind.PROPOSALS)
