"""The phone (static/js/survey/rules.js, run here in node) and the server
(mapping/methodology/applicability.py) agree on which fields apply, for the same answers."""

import random

from mapping.methodology import applicability
from mapping.survey.form_structure import survey_form
from tests.survey.node import run_survey_script

# The fields that apply to each record, as the phone shows them.
SHOWN = """
return input.map(({ fields, sections, record }) => {
  const scope = new window.SurveyRules.Scope(fields, sections, record);
  const shown = scope.update();
  return fields.filter((f) => shown[f.name]).map((f) => f.name);
});
"""
NUMBERS = (0, 1, 2, 60, 70, 90, 140, 150, 200)


def _value(field: dict, pick: random.Random):
    if field["type"] == "boolean":
        return pick.choice((True, False))
    if field["type"] == "enum":
        return pick.choice(field["enum"])["value"]
    if field["type"] in ("integer", "number"):
        return pick.choice(NUMBERS)
    return "text"


def _cases(pick: random.Random):
    for step in survey_form("building")["steps"]:
        rules = applicability.ITEMS[step["id"]] if step["type"] == "items" else applicability.TOP
        for _ in range(250):
            chosen = pick.sample(step["fields"], k=min(len(step["fields"]), pick.randint(1, 12)))
            record = {f["name"]: _value(f, pick) for f in chosen}
            expected = [f["name"] for f in step["fields"] if rules.applies(f["name"], record)]
            case = {"fields": step["fields"], "sections": step["sections"], "record": record}
            yield case, expected


def test_the_phone_and_the_server_show_the_same_fields_for_the_same_answers():
    cases = list(_cases(random.Random(17)))
    shown_by_phone = run_survey_script("rules.js", SHOWN, [case for case, _ in cases])
    for (case, expected), shown in zip(cases, shown_by_phone, strict=True):
        assert shown == expected, case["record"]
