"""A volunteer on a 360 px phone surveys a typical building (one entrance with a step overcome by
a ramp, one door, one toilet): no step shows more than 12 fields before its first answer, a
field appears only when the answers make it apply (the steps after "one step", door 2 when added,
leg 2 for a second leg, the bowl once the cabin is wide enough), and 35 answers settle every
category. Counted as visible inputs in Chromium; axe-core on every state."""

import pytest
from playwright.sync_api import expect

from mapping.models import Assessment
from tests.browser.survey_phone import Volunteer, assert_accessible, signed_in_phone
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIELD_BUDGET_PER_STEP = 12
ANSWER_BUDGET = 35
STEPS = ("general", "parking", "entrance1", "rampskids", "platform", "interior", "elevator",
         "wc", "entrance2", "sensory")  # fmt: skip


def start_a_new_building(page) -> None:
    page.goto("/pruzkum/")
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#place-name", "Pošta Na Rynku")
    page.select_option("#place-kind", "building")
    page.fill("#place-lat", "49.3100")
    page.fill("#place-lon", "14.1500")
    page.fill("#place-street", "Na Rynku")
    page.fill("#place-house-number", "114/3")
    page.fill("#place-city", "Tábor")
    page.click("#start-new")
    page.wait_for_selector("#step-general:not([hidden])")


def test_a_typical_building_is_surveyed_within_the_field_budget(
    live_server, browser, browser_settings, axe
):
    make_user("alice", is_approved=True)
    context, page = signed_in_phone(browser, live_server, "alice")
    start_a_new_building(page)
    you = Volunteer(page)
    shown_first = {}

    def arrive(step: str) -> None:
        if step != "general":
            you.next_step(step)
        shown_first[step] = len(you.visible_fields())
        assert_accessible(axe, page)

    arrive("general")
    # The address typed for the new place is already there.
    assert page.input_value("#f-general-street") == "Na Rynku"
    assert page.input_value("#f-general-streetDescNo") == "114"
    assert page.input_value("#f-general-streetOrientNo") == "3"
    arrive("parking")
    you.yes_no("f-parking-entrance1IsReservedParking", False)

    arrive("entrance1")
    assert "f-entrance1-entrance1Steps1Height" not in you.visible_fields()
    you.choose("f-entrance1-entrance1Accessibility", "OneStepEntranceAccessibility")
    assert "f-entrance1-entrance1Steps1Height" in you.visible_fields()
    assert "f-entrance1-entrance1Steps1NumberOf" not in you.visible_fields()
    you.type("f-entrance1-entrance1Steps1Height", "15")
    # The step is overcome by a ramp after all: the steps' questions go again.
    you.choose("f-entrance1-entrance1Accessibility", "RampEntranceAccessibility")
    assert "f-entrance1-entrance1Steps1Height" not in you.visible_fields()
    expect(page.locator("button[data-section=entrance1Steps2]")).to_be_hidden()
    you.type("f-entrance1-entrance1Door1MainpanelWidth", "90")
    you.choose("f-entrance1-entrance1Door1Type", "SinglepanelledDoorType")
    you.type("f-entrance1-entrance1Door1StepHeight", "1")
    # One door: the second one is a button away, opened and closed from the keyboard.
    assert "f-entrance1-entrance1Door2MainpanelWidth" not in you.visible_fields()
    add_door = page.locator("button[data-section=entrance1Door2]")
    add_door.focus()
    page.keyboard.press("Enter")
    assert "f-entrance1-entrance1Door2MainpanelWidth" in you.visible_fields()
    assert add_door.get_attribute("aria-expanded") == "true"
    assert_accessible(axe, page)
    page.get_by_role("button", name="Odebrat: dveře 2").click()
    assert "f-entrance1-entrance1Door2MainpanelWidth" not in you.visible_fields()
    expect(add_door).to_be_focused()

    arrive("rampskids")
    assert shown_first["rampskids"] == 0  # a button to add a ramp, no question yet
    you.add_item("rampskids")
    assert len(you.visible_fields()) <= FIELD_BUDGET_PER_STEP
    assert "f-rampskids-0-skidsLength" not in you.visible_fields()
    assert "f-rampskids-0-rampleg2Length" not in you.visible_fields()
    assert_accessible(axe, page)
    you.choose("f-rampskids-0-rampRelation", "mainEntrance")
    you.type("f-rampskids-0-rampleg1Width", "130")
    you.type("f-rampskids-0-rampleg1Length", "240")
    you.type("f-rampskids-0-rampleg1Inclination", "6")
    you.yes_no("f-rampskids-0-rampIsHandle", True)
    page.fill("#f-rampskids-0-rampNumberOfLegs", "2")  # a look at the second leg, then not
    assert "f-rampskids-0-rampleg2Length" in you.visible_fields()
    page.fill("#f-rampskids-0-rampNumberOfLegs", "")
    assert "f-rampskids-0-rampleg2Length" not in you.visible_fields()

    arrive("platform")
    arrive("interior")
    you.choose("f-interior-objectInteriorAccessibility", "EntireObjectInteriorAccessibility")
    you.yes_no("f-interior-objectIsNarrowedPassage", False)
    you.yes_no("f-interior-objectIsStairs", False)

    arrive("elevator")
    arrive("wc")
    you.add_item("wc")
    assert len(you.visible_fields()) <= FIELD_BUDGET_PER_STEP
    assert_accessible(axe, page)
    you.choose("f-wc-0-wcCabinLocalization", "SelfcontainedWCCabinLocalization")
    you.type("f-wc-0-doorWidth", "90")
    you.choose("f-wc-0-doorOpeningDirection", "OutwardsDoorOpeningDirection")
    you.type("f-wc-0-wcCabinWidth", "170")
    assert "f-wc-0-wcBasinLeftDistance" not in you.visible_fields()
    you.type("f-wc-0-wcCabinDepth", "180")
    assert "f-wc-0-wcBasinLeftDistance" in you.visible_fields()  # a wheelchair fits in
    you.type("f-wc-0-wcBasinLeftDistance", "40")
    you.type("f-wc-0-wcBasinRightDistance", "90")
    you.choose("f-wc-0-wcBasinSpace", "FreeWCBasinSpace")
    you.yes_no("f-wc-0-wcBasinIsPaperReach", True)
    you.choose("f-wc-0-handle1Type", "FoldingHandleType")
    you.choose("f-wc-0-handle2Type", "FixedHandleType")
    you.type("f-wc-0-wcBasinSeatHeight", "46")
    you.choose("f-wc-0-washbasinUnderpass", "SufficientWashbasinUnderpass")
    you.yes_no("f-wc-0-wcIsAlarmbutton", True)
    you.yes_no("f-wc-0-wcIsChangingdesk", True)
    assert_accessible(axe, page)

    arrive("entrance2")
    arrive("sensory")

    assert set(shown_first) == set(STEPS)
    assert max(shown_first.values()) <= FIELD_BUDGET_PER_STEP, shown_first
    assert len(you.answered) <= ANSWER_BUDGET, you.answered
    # Every category is settled: nothing left to measure.
    you.wait_for_live_box()
    for profile in ("wheelchair", "seniors", "pram"):
        category = page.locator(f"#live-category li[data-profile={profile}]")
        assert category.get_attribute("data-category") == "accessible", profile
    assert page.locator("#live-todo").is_hidden()
    assert_accessible(axe, page)

    page.click("#next-step")
    page.wait_for_selector("#finish-step:not([hidden])")
    page.click("#submit-survey")
    page.wait_for_selector("#queue-list li[data-status=sent]")
    stored = Assessment.objects.get()
    assert stored.wheelchair == "accessible"
    # What was set aside (the steps of "one step", the second leg) was not sent.
    assert "entrance1Steps1Height" not in stored.answers
    assert "rampNumberOfLegs" not in stored.answers["rampskids"][0]
    assert page.errors == []
    context.close()
