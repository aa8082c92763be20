"""A volunteer on a 360 px phone re-surveys a place: the survey starts from its published answers,
each marked as carried over until confirmed (by keyboard) or changed; the draft, reopened,
resumes at the step where the volunteer left; the coordinator's diff shows "not re-measured" for
what was not measured again, not a removal. axe-core on every state."""

import pytest
from playwright.sync_api import expect

from mapping.models import Assessment, ReviewStatus
from tests.browser.survey_phone import Volunteer, assert_accessible, signed_in_phone
from tests.factories import make_assessment, make_place, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLISHED = {
    "entrance1Accessibility": "NoelevationEntranceAccessibility",
    "entrance1Door1MainpanelWidth": 90,
    "entrance1Door1StepHeight": 0,
    "objectInteriorAccessibility": "EntireObjectInteriorAccessibility",
}
DOOR = "f-entrance1-entrance1Door1MainpanelWidth"
STEP = "f-entrance1-entrance1Door1StepHeight"


def test_a_re_survey_starts_from_the_published_answers(live_server, browser, browser_settings, axe):
    make_user("alice", is_approved=True)
    make_user("charlie", role="coordinator", is_approved=True)
    place = make_place("Radnice", lon=14.1475, lat=49.3088)
    make_assessment(place, answers=PUBLISHED)
    context, page = signed_in_phone(browser, live_server, "alice")
    page.goto("/pruzkum/")
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#place-lat", "49.3088")
    page.fill("#place-lon", "14.1476")
    page.locator("#place-lon").dispatch_event("change")
    page.locator("#near-list button.place-choice", has_text="Radnice").click()
    page.wait_for_selector("#step-general:not([hidden])")
    expect(page.locator("#saved")).to_contain_text("začíná odpověďmi zveřejněného průzkumu")

    you = Volunteer(page)
    you.next_step("parking")
    you.next_step("entrance1")
    assert page.input_value(f"#{DOOR}") == "90"
    door_mark = page.locator(f"#{DOOR}-field .known-mark")
    expect(door_mark).to_have_text("Z průzkumu z 1. 5. 2026, zatím nepřeměřeno.")
    assert_accessible(axe, page)
    # Measured again by the volunteer: the same width (confirmed from the keyboard), a higher step.
    confirm = page.get_by_role("button", name="Změřeno znovu, beze změny: Dveře 1 – hlavní křídlo")
    confirm.focus()
    page.keyboard.press("Space")
    expect(door_mark).to_have_text("Potvrzeno: změřeno znovu, beze změny.")
    assert confirm.get_attribute("aria-pressed") == "true"
    you.type(STEP, "1")
    expect(page.locator(f"#{STEP}-field .known-mark")).to_have_text("Změněno (dříve: 0 cm).")
    assert_accessible(axe, page)

    # The battery dies: the draft reopens at the main entrance, with what was confirmed.
    you.wait_for_live_box()  # evaluated 500 ms after the last answer: saved (300 ms) by then
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    page.locator("#queue-list li[data-status=draft] button.secondary").click()
    page.wait_for_selector("#step-entrance1:not([hidden])")
    expect(door_mark).to_have_text("Potvrzeno: změřeno znovu, beze změny.")
    assert_accessible(axe, page)

    while page.locator("#finish-step").is_hidden():
        page.click("#next-step")
    page.click("#submit-survey")
    page.wait_for_selector("#queue-list li[data-status=sent]")
    stored = Assessment.objects.get(status=ReviewStatus.SUBMITTED)
    assert stored.not_remeasured == ["entrance1Accessibility", "objectInteriorAccessibility"]
    assert page.errors == []
    context.close()

    coordinator, review = signed_in_phone(browser, live_server, "charlie")
    review.goto(f"/kontrola/{stored.pk}/")
    carried = review.locator("tr[data-path=objectInteriorAccessibility]")
    expect(carried).to_contain_text("nepřeměřeno")
    expect(review.locator("tr[data-path=entrance1Door1StepHeight]")).to_contain_text("změněno")
    expect(review.locator("tr[data-path=entrance1Door1MainpanelWidth] td").last).to_have_text("")
    assert_accessible(axe, review)
    coordinator.close()
