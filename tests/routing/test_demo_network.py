"""Routing works for a newcomer: after `load_demo` the planner's API finds routes between the demo
places, and the demo network's steps, steep lane, cobbles and high kerb make the profiles differ
where they are."""

import pytest
from django.core.management import call_command

from mapping.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", "--commit", verbosity=0)
    return {place.source_id: place.pk for place in Place.objects.all()}


def route(client, demo: dict, start: str, end: str, profile: str) -> dict:
    answer = client.get(
        "/route.json",
        {"from_place": demo[start], "to_place": demo[end], "profile": profile, "lang": "en"},
    )
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["found"], body.get("reason")
    return body


def ways(body: dict) -> set[int]:
    return {edge["osm_way_id"] for edge in body["edges"]}


def test_a_wheelchair_and_a_pedestrian_route_differ_where_the_demo_has_steps(client, demo):
    walking = route(client, demo, "most", "radnice", "pedestrian")
    rolling = route(client, demo, "most", "radnice", "wheelchair")
    steps = {edge["osm_way_id"] for edge in walking["edges"] if edge["steps"]}
    assert steps, "the pedestrian climbs the steps from the bridge to the castle"
    assert not steps & ways(rolling)
    assert not any(edge["steps"] for edge in rolling["edges"])
    assert rolling["length_m"] > walking["length_m"]
    assert any("steps: 54" in step["text"] for step in walking["instructions"])
    # Both end at the town hall's entrance that the profile can use.
    assert walking["destination"]["entrance_label"] == rolling["destination"]["entrance_label"]


def test_the_steep_lane_turns_back_the_manual_wheelchair_but_not_the_electric_one(client, demo):
    manual = route(client, demo, "most", "radnice", "wheelchair")
    electric = route(client, demo, "most", "radnice", "electric_wheelchair")
    steepest = max(abs(edge["incline_pct"] or 0) for edge in electric["edges"])
    assert steepest == 10
    assert all(abs(edge["incline_pct"] or 0) <= 8.33 for edge in manual["edges"])
    assert "Bakaláře" in {edge["name"] for edge in electric["edges"]}
    assert "Karlova" in {edge["name"] for edge in manual["edges"]}


def test_the_cobbled_middle_of_the_square_is_crossed_on_foot_and_skirted_in_a_wheelchair(
    client, demo
):
    walking = route(client, demo, "sladovna", "knihovna", "pedestrian")
    rolling = route(client, demo, "sladovna", "knihovna", "wheelchair")
    assert "sett" in {edge["surface"] for edge in walking["edges"]}
    assert "sett" not in {edge["surface"] for edge in rolling["edges"]}
    assert any(w["kind"] == "cobbles" for w in walking["warnings"])


def test_the_high_kerb_sends_the_wheelchair_to_the_lowered_crossing(client, demo):
    walking = route(client, demo, "poradna", "wc-palackeho", "pedestrian")
    rolling = route(client, demo, "poradna", "wc-palackeho", "wheelchair")
    assert max(edge["kerb_height_cm"] or 0 for edge in walking["edges"]) == 12
    assert max(edge["kerb_height_cm"] or 0 for edge in rolling["edges"]) <= 3
    assert rolling["length_m"] > walking["length_m"]


def test_a_wheelchair_user_who_allows_no_slope_is_told_of_the_steps(client, demo):
    """With the demo network the explanation names a real barrier, not a missing map: every way
    up from the bridge climbs, and the path with the fewest barriers takes the steps."""
    answer = client.get(
        "/route.json",
        {
            "from_place": demo["most"],
            "to_place": demo["radnice"],
            "profile": "wheelchair",
            "max_incline_up_pct": "1",
            "lang": "en",
        },
    ).json()
    assert answer["found"] is False
    assert answer["reason"]["limit"] == "max_steps"
    assert "steps (54)" in answer["reason"]["message"]
    assert answer["reason"]["relaxed"]["length_m"] > 0
