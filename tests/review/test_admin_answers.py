"""A coordinator edits an assessment's answers in the admin as a form (mapping/admin_answers.py):
typed fields with labels and units, errors at the field, the categories computed again."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from mapping.admin_answers import PREFIX, AssessmentAdminForm
from mapping.categorisation import assessment_columns, categorise
from tests.factories import make_assessment, make_place

pytestmark = pytest.mark.django_db

ANSWERS = {
    "entrance1Accessibility": "NoelevationEntranceAccessibility",
    "entrance1Door1MainpanelWidth": 90,
    "objectInteriorAccessibility": "EntireObjectInteriorAccessibility",
    "externalData": "kept as it came",
}


@pytest.fixture
def assessment():
    # Stored with categories the engine would not give these answers: a save must correct them.
    return make_assessment(
        make_place("Knihovna"),
        answers=dict(ANSWERS),
        wheelchair="partly",
        seniors="partly",
        pram="partly",
        result={"stale": True},
    )


def as_posted(value) -> str:
    """An initial value as a browser would post it back."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value)
    return str(value)


def bound_form(assessment, **changes):
    """The admin's form as posted back with the initial values and `changes` to the answers."""
    form = AssessmentAdminForm(instance=assessment)
    data = {name: as_posted(form.initial.get(name)) for name in form.fields}
    data["place"] = assessment.place_id
    data.update({PREFIX + name: value for name, value in changes.items()})
    return AssessmentAdminForm(data, instance=assessment)


def test_the_change_page_shows_labelled_typed_fields_in_the_coordinators_language(
    client, charlie, assessment
):
    client.force_login(charlie)
    page = client.get(
        reverse("admin:mapping_assessment_change", args=[assessment.pk]),
        HTTP_ACCEPT_LANGUAGE="cs",
    ).content.decode()
    assert 'name="answers"' not in page  # no JSON text area of the whole answers
    assert f'<label for="id_{PREFIX}entrance1Door1MainpanelWidth">' in page
    assert "dveře 1 – hlavní křídlo (cm)" in page
    assert f'type="number" name="{PREFIX}entrance1Door1MainpanelWidth" value="90"' in page


def test_a_changed_answer_is_saved_and_the_categories_are_computed_again(assessment):
    before = assessment.version
    form = bound_form(assessment, entrance1Door1MainpanelWidth="60")
    assert form.is_valid(), form.errors
    saved = form.save()
    saved.refresh_from_db()
    assert saved.answers["entrance1Door1MainpanelWidth"] == 60
    assert saved.answers["externalData"] == "kept as it came"  # not a survey question: kept
    expected = assessment_columns(categorise(saved.answers))
    assert {name: getattr(saved, name) for name in expected} == expected
    assert saved.version == before + 1


def test_a_wrong_value_is_named_at_its_field_and_nothing_is_saved(assessment):
    with translation.override("en"):
        form = bound_form(assessment, entrance1Door1MainpanelWidth="9999")
        assert not form.is_valid()
        assert PREFIX + "entrance1Door1MainpanelWidth" in form.errors
    assessment.refresh_from_db()
    assert assessment.answers["entrance1Door1MainpanelWidth"] == 90


def test_an_emptied_answer_is_removed_from_the_answers(assessment):
    form = bound_form(assessment, entrance1Door1MainpanelWidth="")
    assert form.is_valid(), form.errors
    assert "entrance1Door1MainpanelWidth" not in form.save().answers
