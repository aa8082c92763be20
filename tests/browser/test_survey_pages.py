"""axe-core (WCAG 2.1 A/AA) on the pages of the survey and review flow that the field journey
(test_survey_field_journey) does not pass through: registration and invitations, a volunteer's
returned survey and its correction on the phone, the volunteers page, coverage, the photo blur
page, a review with photos beside the approved survey, and the "already decided" page. Each page
is filled with what it shows in real use (errors, lists, photos), so axe checks that too."""

import re
from datetime import date

import pytest

from mapping.models import Photo, ReviewStatus, Role
from mapping.photo_storage import save_photo
from mapping.review import workflow
from mapping.survey.accounts import make_invitation_token
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import make_assessment, make_place, make_user
from tests.jobs import checked_photo
from tests.survey.conftest import BUILDING_ANSWERS, GPS_PHOTO, small_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def town():
    alice = make_user("alice", email="alice@example.org", is_approved=True)
    charlie = make_user(
        "charlie", role=Role.COORDINATOR, email="charlie@example.org", is_approved=True
    )
    make_user("dora", email="dora@example.org", is_approved=False)  # waits for approval
    library = make_place("Městská knihovna")
    make_assessment(library, ReviewStatus.APPROVED, answers=BUILDING_ANSWERS)
    changed = {**BUILDING_ANSWERS, "entrance1Accessibility": "OneStepEntranceAccessibility"}
    submitted = make_assessment(library, ReviewStatus.SUBMITTED, surveyor=alice, answers=changed)
    photo = checked_photo(submitted, GPS_PHOTO.read_bytes(), alt_text="Vchod", subject="entrance")
    # Two more whose privacy check has not run yet, and has failed.
    pending = save_photo(submitted, small_jpeg(), alt_text="Dveře", subject="door", position=1)
    failed = save_photo(submitted, small_jpeg("red"), alt_text="Rampa", subject="ramp", position=2)
    Photo.objects.filter(pk=failed.pk).update(
        privacy_status="failed", privacy_error="FaceModelMissing: the model is missing"
    )
    returned = make_assessment(
        make_place("Pošta"), ReviewStatus.SUBMITTED, surveyor=alice, answers=BUILDING_ANSWERS
    )
    workflow.return_for_changes(returned, charlie, "Chybí šířka dveří u vchodu.")
    make_place("Nádraží")  # never surveyed
    make_assessment(make_place("Sokolovna"), ReviewStatus.APPROVED, survey_date=date(2012, 6, 1))
    return {
        "charlie": charlie,
        "submitted": submitted,
        "photo": photo,
        "pending": pending,
        "failed": failed,
        "returned": returned,
    }


def test_the_pages_for_visitors_and_invited_volunteers_are_accessible(
    new_page,
    town,
    plain_http_cookies,
):
    page = new_page()
    page.goto("/ucet/registrace/")
    assert_accessible(page)
    page.click("main button[type=submit]")  # empty: the errors are shown, and checked too
    page.wait_for_selector(".errorlist, [aria-invalid=true]")
    assert_accessible(page)
    token = make_invitation_token("eva@example.org", town["charlie"])
    page.goto(f"/ucet/pozvanka/{token}/")
    assert "eva@example.org" in page.content()
    assert_accessible(page)
    page.goto("/ucet/pozvanka/forged-token/")
    assert_accessible(page)
    assert page.script_errors == []


def test_a_volunteers_returned_survey_and_its_correction_are_accessible(
    new_page,
    town,
    plain_http_cookies,
):
    page = new_page()
    returned = town["returned"]
    sign_in(page, "alice", "/pruzkum/moje/")
    page.wait_for_selector("tr[data-status=returned]")
    assert_accessible(page)
    page.goto(f"/pruzkum/moje/{returned.pk}/")
    assert "Chybí šířka dveří u vchodu." in page.inner_text("main")
    assert_accessible(page)
    page.goto(f"/pruzkum/?oprava={returned.pk}")
    page.wait_for_selector("#survey-step:not([hidden])")
    assert "Pošta" in page.inner_text("#survey-title")
    assert_accessible(page)
    assert page.script_errors == []


def test_the_coordinators_pages_are_accessible(
    new_page,
    town,
    plain_http_cookies,
):
    page = new_page(viewport={"width": 1280, "height": 900})
    submitted, photo = town["submitted"], town["photo"]
    sign_in(page, "charlie", "/ucet/dobrovolnici/")
    assert "dora" in page.inner_text("main")
    assert_accessible(page)
    page.goto("/kontrola/pokryti/")
    assert "Nádraží" in page.inner_text("main") and "Sokolovna" in page.inner_text("main")
    assert_accessible(page)
    page.goto(f"/kontrola/{submitted.pk}/")
    page.wait_for_selector("#diff")
    assert page.locator("main img").count() >= 1  # the photo, beside the differences
    assert_accessible(page)
    page.goto(f"/kontrola/fotky/{photo.pk}/")
    assert page.locator("#privacy [data-privacy=done]").count() == 1
    assert_accessible(page)
    for state in ("pending", "failed"):
        page.goto(f"/kontrola/fotky/{town[state].pk}/")
        assert page.locator(f"#privacy [data-privacy={state}]").count() == 1
        assert page.evaluate("document.querySelector('main figure img').naturalWidth") > 0
        assert_accessible(page)
    # Another coordinator decided meanwhile: deciding again explains it (409), accessibly.
    page.goto(f"/kontrola/{submitted.pk}/")
    workflow.approve(submitted, town["charlie"])
    with page.expect_navigation():
        page.click(f"button[formaction='/kontrola/{submitted.pk}/schvalit/']")
    assert re.search(r"/kontrola/\d+/schvalit/$", page.url)
    assert_accessible(page)
    assert page.script_errors == []
