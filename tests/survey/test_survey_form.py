"""The phone's form is built from the engine's structure and asks only what applies."""

from mapping.survey.form_structure import survey_form


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
    assert interior["objectSteps1Height"]["shown_if"] == "objectIsSteps"
    assert "shown_if" not in interior["objectIsSteps"]


def test_server_filled_fields_are_never_asked_and_required_ones_are_marked():
    form = survey_form("building")
    names = {f["name"] for s in form["steps"] for f in s["fields"]}
    assert "objectId" not in names and "accessibility" not in names
    entrance = {f["name"]: f for f in step(form, "entrance1")["fields"]}
    assert entrance["entrance1Accessibility"]["required"] is True
