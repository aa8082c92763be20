"""On a 360 px phone: a wrong value is told next to its field in words (never the internal key),
tied to it for screen readers, and a missing answer or photo description takes the volunteer
there; an empty survey is not "accessible" but waits for the measurements that decide it; a ramp
at an entrance whose way in is "one step" is flagged while surveying. axe-core on every state."""

import pytest
from playwright.sync_api import expect

from tests.browser.survey_phone import Volunteer, assert_accessible, signed_in_phone
from tests.browser.test_survey_asks_what_applies import start_a_new_building
from tests.factories import make_user
from tests.survey.conftest import GPS_PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOOR = "f-entrance1-entrance1Door1MainpanelWidth"
WAY_IN = "f-entrance1-entrance1Accessibility"


@pytest.fixture
def phone(live_server, browser, browser_settings):
    make_user("alice", is_approved=True)
    context, page = signed_in_phone(browser, live_server, "alice")
    start_a_new_building(page)
    yield page
    assert page.errors == []
    context.close()


def go_to_step(page, step: str) -> None:
    while page.locator(f"#step-{step}").is_hidden():
        page.click("#next-step")


def test_a_wrong_value_is_told_at_its_field_in_words(phone, axe):
    page, you = phone, Volunteer(phone)
    go_to_step(page, "entrance1")
    you.type(DOOR, "4000")

    note = page.locator(f"#{DOOR}-error")
    expect(note).to_have_text("Napište číslo od 30 do 300 cm.")
    door = page.locator(f"#{DOOR}")
    assert door.get_attribute("aria-invalid") == "true"
    assert door.get_attribute("aria-describedby") == f"{DOOR}-error"
    # The engine says the same in the list above the survey, in words only.
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Hlavní vstup: dveře 1 – hlavní křídlo: 4000 cm je mimo")
    assert "entrance1Door1MainpanelWidth" not in page.locator("main").inner_text()
    assert_accessible(axe, page)

    summary.get_by_role("button").first.click()
    expect(door).to_be_focused()
    page.fill(f"#{DOOR}", "90")
    expect(note).to_be_hidden()
    assert door.get_attribute("aria-invalid") is None
    you.wait_for_live_box()
    expect(summary).to_be_hidden()
    assert_accessible(axe, page)


def test_a_missing_answer_and_a_missing_photo_description_take_the_volunteer_there(phone, axe):
    page = phone
    go_to_step(page, "sensory")
    page.click("#next-step")
    page.wait_for_selector("#finish-step:not([hidden])")
    page.set_input_files("#more-photos", str(GPS_PHOTO))
    page.click("#submit-survey")

    # The first missing answer: the way in of the main entrance, focused, marked, explained.
    way_in = page.locator(f"#{WAY_IN}")
    expect(way_in).to_be_focused()
    assert way_in.get_attribute("aria-invalid") == "true"
    expect(page.locator(f"#{WAY_IN}-error")).to_have_text("Tato odpověď je povinná.")
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Překonání výšky: tato odpověď je povinná.")
    expect(summary).to_contain_text("Přístupnost interiéru: tato odpověď je povinná.")
    expect(summary).to_contain_text("Fotografie 1: popište, co ukazuje.")
    assert_accessible(axe, page)

    # From the list, by keyboard, to the photo's description.
    summary.get_by_role("button", name="Fotografie 1: popište, co ukazuje.").focus()
    page.keyboard.press("Enter")
    description = page.locator("#photo-alt-0")
    expect(description).to_be_focused()
    assert description.get_attribute("aria-invalid") == "true"
    assert description.get_attribute("aria-describedby") == "photo-alt-0-error"
    expect(page.locator("#photo-alt-0-error")).to_be_visible()
    assert_accessible(axe, page)
    page.fill("#photo-alt-0", "Vchod do pošty")
    expect(page.locator("#photo-alt-0-error")).to_be_hidden()
    assert description.get_attribute("aria-invalid") is None


def test_an_empty_survey_waits_for_its_measurements_and_a_ramp_at_a_step_is_flagged(phone, axe):
    page, you = phone, Volunteer(phone)
    you.wait_for_live_box()
    for profile in ("wheelchair", "seniors", "pram"):
        category = page.locator(f"#live-category li[data-profile={profile}]")
        expect(category).to_contain_text("zatím málo měření")
        assert category.get_attribute("data-category") == "undecided"
    todo = page.locator("#live-todo")
    expect(todo).to_contain_text("Ještě změřte")
    assert_accessible(axe, page)
    todo.get_by_role("button", name="Hlavní vstup: překonání výšky").click()
    expect(page.locator(f"#{WAY_IN}")).to_be_focused()

    you.choose(WAY_IN, "OneStepEntranceAccessibility")
    go_to_step(page, "rampskids")
    you.add_item("rampskids")
    you.type("f-rampskids-0-rampleg1Inclination", "7")
    you.wait_for_live_box()
    expect(todo).to_contain_text("Odpovědi, které si odporují")
    warning = todo.get_by_role("button", name="jeden schod", exact=False)
    expect(warning).to_contain_text("rampa se tak do kategorie nepočítá")
    expect(page.locator("#live-category")).to_contain_text("Odpovědi, které si odporují: 1")
    assert_accessible(axe, page)

    # The warning takes the volunteer to the way in, where it is told too.
    warning.click()
    expect(page.locator(f"#{WAY_IN}")).to_be_focused()
    at_field = page.locator(f"#{WAY_IN}-error")
    expect(at_field).to_contain_text("jeden schod")
    assert page.locator(f"#{WAY_IN}").get_attribute("aria-invalid") is None  # a warning
    assert_accessible(axe, page)
    you.choose(WAY_IN, "RampEntranceAccessibility")
    you.wait_for_live_box()
    expect(at_field).to_be_hidden()
    expect(todo).not_to_contain_text("Odpovědi, které si odporují")
