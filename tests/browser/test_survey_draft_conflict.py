"""A volunteer corrects a returned survey on the phone while the coordinator saves other answers:
the phone's save is refused, the app says so in its live region and keeps the volunteer's
answers; reopened and sent again on purpose, they replace the coordinator's. In Chromium, with
axe-core on every state."""

import pytest
from playwright.sync_api import expect

from mapping.models import ReviewStatus
from mapping.review import workflow
from tests.browser.conftest import PHONE, assert_accessible, next_step, sign_in
from tests.factories import make_assessment, make_place, make_user
from tests.personas import client_for
from tests.survey.conftest import BUILDING_ANSWERS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHARLIES = {**BUILDING_ANSWERS, "entrance1Door1MainpanelWidth": 80}


@pytest.mark.usefixtures("plain_http_cookies")
def test_a_save_refused_for_a_conflict_keeps_the_volunteers_answers_on_the_phone(
    live_server, playwright_browser
):
    alice = make_user("alice", is_approved=True)
    charlie = make_user("charlie", role="coordinator", is_approved=True)
    survey = make_assessment(
        make_place("Radnice"), ReviewStatus.SUBMITTED, surveyor=alice, answers=BUILDING_ANSWERS
    )
    survey = workflow.return_for_changes(survey, charlie, "Zkontrolujte vchod.")
    started = survey.version

    phone = playwright_browser.new_context(
        viewport=PHONE, base_url=live_server.url, locale="cs-CZ", reduced_motion="reduce"
    )
    page = phone.new_page()
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    sign_in(page, "alice", "/pruzkum/")
    page.goto(f"/pruzkum/?oprava={survey.pk}")
    page.wait_for_selector("#step-general:not([hidden])")
    next_step(page, 2)
    entrance = "#f-entrance1-entrance1Accessibility"
    page.select_option(entrance, "OneStepEntranceAccessibility")

    # Meanwhile the coordinator saves other answers from the same version.
    saved = client_for(charlie).post(
        f"/pruzkum/api/pruzkumy/{survey.pk}/odpovedi/",
        {"answers": CHARLIES, "version": started},
        content_type="application/json",
    )
    assert saved.status_code == 200

    next_step(page, 8)
    page.wait_for_selector("#finish-step:not([hidden])")
    page.click("#submit-survey")
    page.wait_for_selector("#queue-list li[data-status=conflict]")
    status = page.locator("#app-status")
    assert status.get_attribute("role") == "status"  # a live region: read out when it changes
    expect(status).to_contain_text("Někdo jiný mezitím tento průzkum změnil")
    assert_accessible(page)
    survey.refresh_from_db()
    assert (survey.status, survey.answers) == (ReviewStatus.RETURNED, CHARLIES)

    # Reopened, the volunteer's own answer is still there; sent again, it replaces the other.
    page.locator("#queue-list li[data-status=conflict] button.secondary").click()
    page.wait_for_selector("#survey-step:not([hidden])")
    expect(page.locator("#saved")).to_contain_text("vaše odpovědi nahradí")
    assert_accessible(page)
    # It reopens at the step where the volunteer left it, the last one.
    page.wait_for_selector("#step-sensory:not([hidden])")
    page.click("#previous-step")
    assert page.input_value(entrance) == "OneStepEntranceAccessibility"
    next_step(page, 2)
    page.wait_for_selector("#finish-step:not([hidden])")
    page.click("#submit-survey")
    page.wait_for_selector("#queue-list li[data-status=sent]")
    survey.refresh_from_db()
    assert survey.status == ReviewStatus.SUBMITTED
    assert survey.answers["entrance1Accessibility"] == "OneStepEntranceAccessibility"
    assert survey.version == started + 2
    assert script_errors == []
    phone.close()
