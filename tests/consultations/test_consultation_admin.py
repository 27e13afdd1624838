import pytest

from consultations.admin import ConsultationAdminForm
from consultations.models import Consultation

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {"slug": "conseils-citoyens", "title": "Conseils citoyens", "visibility": "draft", **extra}


def test_staff_choose_the_tools_among_the_registered_ones():
    form = ConsultationAdminForm(data=form_data(tools=["surveys"]))
    assert ("surveys", "Questionnaire") in [(name, str(label)) for name, label in form.fields["tools"].choices]
    assert form.is_valid(), form.errors
    assert form.save().tools == ["surveys"]


def test_an_unknown_tool_is_refused():
    form = ConsultationAdminForm(data=form_data(tools=["surveys", "sondage-inconnu"]))
    assert not form.is_valid()
    assert "tools" in form.errors
    assert not Consultation.objects.exists()
