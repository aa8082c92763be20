"""The visitor's own limits (highest step or kerb, narrowest door) on the map layer and the list,
computed in SQL from the measured entrances of the approved assessment."""

import json

import pytest
from django.urls import reverse

from mapping.public.limits import planner_defaults
from mapping.route_profiles import PROFILES
from tests.factories import TABOR, make_assessed_place

pytestmark = pytest.mark.django_db

BBOX = "14.60,49.38,14.72,49.45"

STEP_5_CM = {
    "entrance1Accessibility": "OneStepEntranceAccessibility",
    "entrance1Door1StepHeight": 5,
}


def features(client, **params) -> dict[str, dict]:
    params.setdefault("bbox", BBOX)
    response = client.get(reverse("public:places_layer"), params)
    assert response.status_code == 200, response.content
    return {
        f["properties"]["name"]: f["properties"] for f in json.loads(response.content)["features"]
    }


def test_an_entrance_with_a_5_cm_step_is_a_barrier_for_a_3_cm_limit_but_not_for_6(client):
    make_assessed_place("Kavárna", answers=STEP_5_CM)
    strict = features(client, max_kerb_cm="3")["Kavárna"]
    assert strict["barrier"] is True
    assert strict["step_cm"] == 5
    assert strict["door_cm"] is None
    assert features(client, max_kerb_cm="6")["Kavárna"]["barrier"] is False


def test_without_limits_the_layer_stays_lean(client):
    make_assessed_place("Kavárna", answers=STEP_5_CM)
    assert "barrier" not in features(client)["Kavárna"]


def test_the_steps_of_an_entrance_count_unless_the_way_in_avoids_them(client):
    steps = {"entrance1Steps1NumberOf": 3, "entrance1Steps1Height": 16}
    make_assessed_place(
        "Schody", answers={"entrance1Accessibility": "MoreStepsEntranceAccessibility", **steps}
    )
    make_assessed_place(
        "Rampa", answers={"entrance1Accessibility": "RampEntranceAccessibility", **steps}
    )
    make_assessed_place("Nezaznamenáno", answers=steps)
    make_assessed_place(
        "Žádný schod",
        answers={"entrance1Steps1NumberOf": 0, "entrance1Steps1Height": 16},
    )
    layer = features(client, max_kerb_cm="3")
    assert layer["Schody"]["barrier"] is True and layer["Schody"]["step_cm"] == 16
    assert layer["Rampa"]["barrier"] is False and layer["Rampa"]["step_cm"] == 0
    assert layer["Nezaznamenáno"]["barrier"] is True
    assert layer["Žádný schod"]["barrier"] is False and layer["Žádný schod"]["step_cm"] is None


def test_a_door_threshold_counts_even_at_a_ramp(client):
    make_assessed_place(
        "Práh",
        answers={
            "entrance1Accessibility": "RampEntranceAccessibility",
            "entrance1Door2StepHeight": 4,
        },
    )
    assert features(client, max_kerb_cm="3")["Práh"]["barrier"] is True


def test_a_narrow_door_is_a_barrier_for_a_wider_wheelchair(client):
    make_assessed_place(
        "Úzké dveře",
        answers={"entrance1Door1MainpanelWidth": 80, "entrance1Door2MainpanelWidth": 70},
    )
    door = features(client, min_width_cm="90")["Úzké dveře"]
    assert door["barrier"] is True
    assert door["door_cm"] == 70  # the narrowest door on the way in through that entrance
    assert features(client, min_width_cm="70")["Úzké dveře"]["barrier"] is False


def test_a_second_entrance_within_the_limits_makes_the_place_passable(client):
    make_assessed_place(
        "Dva vstupy",
        answers={
            **STEP_5_CM,
            "entrance2Accessibility": "NoelevationEntranceAccessibility",
            "entrance2Door1MainpanelWidth": 100,
        },
    )
    layer = features(client, max_kerb_cm="3", min_width_cm="90")
    assert layer["Dva vstupy"]["barrier"] is False
    assert layer["Dva vstupy"]["step_cm"] == 0


def test_an_entrance_measured_only_in_part_cannot_vouch_for_the_place(client):
    # Entrance 2's door is wide enough, but nobody measured how one gets to it.
    make_assessed_place("Půl změřeno", answers={**STEP_5_CM, "entrance2Door1MainpanelWidth": 100})
    assert features(client, max_kerb_cm="3", min_width_cm="90")["Půl změřeno"]["barrier"] is True
    # For a door limit alone, that door is all that counts.
    assert features(client, min_width_cm="90")["Půl změřeno"]["barrier"] is False


def test_what_was_not_measured_is_never_a_barrier(client):
    make_assessed_place("Neznámé")
    make_assessed_place("Text místo čísla", answers={"entrance1Door1StepHeight": "vysoký"})
    layer = features(client, max_kerb_cm="0", min_width_cm="500")
    assert layer["Neznámé"]["barrier"] is False
    assert layer["Text místo čísla"]["barrier"] is False


def test_the_visitor_may_hide_the_places_that_are_barriers_for_them(client):
    make_assessed_place("Kavárna", answers=STEP_5_CM)
    make_assessed_place("Knihovna", lon=TABOR[0] + 0.001)
    assert set(features(client, max_kerb_cm="3", hide_barriers="on")) == {"Knihovna"}
    # Without a limit there is nothing to hide.
    assert set(features(client, hide_barriers="on")) == {"Kavárna", "Knihovna"}


@pytest.mark.parametrize(
    ("params", "czech"),
    [
        ({"max_kerb_cm": "vysoko"}, "číslo"),
        ({"max_kerb_cm": "80"}, "mezi"),
        ({"min_width_cm": "-5"}, "mezi"),
    ],
)
def test_a_bad_limit_is_a_400_that_says_why_in_czech_and_english(client, params, czech):
    url = reverse("public:places_layer")
    english = client.get(url, {"bbox": BBOX, **params}, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 400
    assert "must" in english.json()["error"]
    in_czech = client.get(url, {"bbox": BBOX, **params}, HTTP_ACCEPT_LANGUAGE="cs")
    assert in_czech.status_code == 400
    assert czech in in_czech.json()["error"]


def test_the_map_and_the_planner_accept_a_decimal_comma(client):
    make_assessed_place("Kavárna", answers=STEP_5_CM)
    assert features(client, max_kerb_cm="4,5")["Kavárna"]["barrier"] is True


def test_limits_change_the_etag_and_cost_no_extra_query(
    client, django_assert_num_queries, cache_in_memory
):
    make_assessed_place("Kavárna", answers=STEP_5_CM)
    url = reverse("public:places_layer")
    plain = client.get(url, {"bbox": BBOX})["ETag"]
    with django_assert_num_queries(2):
        limited = client.get(url, {"bbox": BBOX, "max_kerb_cm": "3"})["ETag"]
    other = client.get(url, {"bbox": BBOX, "max_kerb_cm": "4"})["ETag"]
    assert len({plain, limited, other}) == 3


def test_the_list_shows_a_barrier_with_its_measurement_and_can_hide_it(client):
    make_assessed_place("Kavárna", answers=STEP_5_CM)
    make_assessed_place("Knihovna", lon=TABOR[0] + 0.001)
    response = client.get(reverse("public:list"), {"max_kerb_cm": "3"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    rows = {row[0].name: row[0] for row in response.context["rows"]}
    assert rows["Kavárna"].barrier is True and rows["Knihovna"].barrier is False
    assert "A barrier for your limits. Lowest entrance step: 5 cm." in html
    assert 'href="#sym-barrier"' in html
    hidden = client.get(reverse("public:list"), {"max_kerb_cm": "3", "hide_barriers": "on"})
    assert [row[0].name for row in hidden.context["rows"]] == ["Knihovna"]
    assert hidden.context["page"].paginator.count == 1


def test_the_map_page_knows_the_planner_profiles_limits(client):
    response = client.get(reverse("public:map"))
    html = response.content.decode()
    assert 'name="max_kerb_cm"' in html and 'name="min_width_cm"' in html
    wheelchair = planner_defaults()["wheelchair"]
    assert wheelchair == {
        "max_kerb_cm": PROFILES["wheelchair"].limits.max_kerb_cm,
        "min_width_cm": PROFILES["wheelchair"].limits.min_width_cm,
    }
    assert '"planner_limits"' in html
