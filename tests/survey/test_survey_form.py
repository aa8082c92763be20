"""The phone's form is built from the engine's structure and asks only what applies."""

import pytest

from mapping.methodology import applicability
from mapping.survey.form_structure import STEPS_BY_KIND, survey_form, validate_answers


def step(form, name):
    return next(s for s in form["steps"] if s["id"] == name)


def test_a_building_survey_walks_from_the_parking_to_the_toilets():
    ids = [s["id"] for s in survey_form("building")["steps"]]
    assert ids.index("parking") < ids.index("entrance1") < ids.index("interior") < ids.index("wc")


def test_a_public_space_survey_asks_about_the_surface_not_the_doors():
    ids = [s["id"] for s in survey_form("public_space")["steps"]]
    assert "public_space" in ids and "entrance1" not in ids


def test_follow_up_questions_hang_on_their_yes_no_question():
    interior = {f["name"]: f for f in step(survey_form("building"), "interior")["fields"]}
    assert interior["objectSteps1Height"]["shown_if"] == {"field": "objectIsSteps", "is": True}
    assert "shown_if" not in interior["objectIsSteps"]


@pytest.mark.parametrize("kind", list(STEPS_BY_KIND))
def test_no_step_asks_more_than_twelve_questions_before_its_first_answer(kind):
    for s in survey_form(kind)["steps"]:
        rules = applicability.ITEMS[s["id"]] if s["type"] == "items" else applicability.TOP
        asked = [f["name"] for f in s["fields"] if rules.applies(f["name"], {})]
        assert len(asked) <= 12, (s["id"], asked)


def test_the_side_entrance_once_added_asks_no_more_than_twelve_questions():
    side = step(survey_form("building"), "entrance2")
    opened = frozenset({"entrance2"})

    asked = [f["name"] for f in side["fields"] if applicability.TOP.applies(f["name"], {}, opened)]

    assert asked and len(asked) <= 12, asked


def test_the_way_in_comes_first_and_the_second_door_is_a_section_to_add():
    entrance = step(survey_form("building"), "entrance1")
    assert entrance["fields"][0]["name"] == "entrance1Accessibility"
    door2 = next(s for s in entrance["sections"] if s["name"] == "entrance1Door2")
    assert door2["add"] == {"cs": "Přidat druhé dveře", "en": "Add a second door"}
    fields = {f["name"]: f for f in entrance["fields"]}
    assert fields["entrance1Door2MainpanelWidth"]["section"] == "entrance1Door2"


def test_the_skids_button_stands_at_the_top_of_a_ramp():
    names = [f["name"] for f in step(survey_form("building"), "rampskids")["fields"]]
    assert names.index("skidsLength") < names.index("rampLocalization")


def test_a_toilets_door_comes_before_its_cabin_and_the_details_come_last():
    toilet = step(survey_form("building"), "wc")
    names = [f["name"] for f in toilet["fields"]]
    assert names.index("doorWidth") < names.index("wcCabinWidth")
    details = {s["name"] for s in toilet["sections"] if s["details"]}
    in_details = [f.get("section") in details for f in toilet["fields"]]
    first = in_details.index(True)
    assert all(in_details[first:]) and not any(in_details[:first])


def test_the_side_entrances_parking_is_asked_with_the_side_entrance():
    form = survey_form("building")
    assert "entrance2IsReservedParking" not in {f["name"] for f in step(form, "parking")["fields"]}
    assert "entrance2IsReservedParking" in {f["name"] for f in step(form, "entrance2")["fields"]}


def test_errors_for_the_phone_are_in_words_without_the_internal_key():
    errors = validate_answers({"entrance1Door1MainpanelWidth": 4000}, "building")

    wide = next(e for e in errors if e["field"] == "entrance1Door1MainpanelWidth")
    assert "entrance1Door1MainpanelWidth" not in wide["cs"] + wide["en"]
    assert wide["cs"].startswith("Hlavní vstup: dveře 1 – hlavní křídlo: 4000 cm je mimo")
    assert wide["problem"]["en"] == "4000 cm is outside the allowed range 30–300 cm."


def test_server_filled_fields_are_never_asked_and_required_ones_are_marked():
    form = survey_form("building")
    names = {f["name"] for s in form["steps"] for f in s["fields"]}
    assert "objectId" not in names and "accessibility" not in names
    entrance = {f["name"]: f for f in step(form, "entrance1")["fields"]}
    assert entrance["entrance1Accessibility"]["required"] is True
