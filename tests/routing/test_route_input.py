"""Bad route requests get a clear message, never a crash."""

import pytest
from django.utils import translation

from mapping.route_profiles import RouteInputError
from mapping.routing.routes import plan_route

KREMS = (15.595, 48.408)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"profile_name": "rocket"}, "Unknown route profile"),
        ({"overrides": {"max_kerb_cm": "high"}}, "must be a number"),
        ({"overrides": {"max_kerb_cm": 500}}, "must lie between"),
        ({"overrides": {"max_incline_up_pct": "nan"}}, "must lie between"),
        ({"overrides": {"avoid_bad_surfaces": "maybe"}}, "yes or no"),
        ({"overrides": {"fly": 1}}, "Unknown route limit"),
        ({"overrides": {"only_known": "perhaps"}}, "yes or no"),
        ({"overrides": {"max_surface_class": 7}}, "must lie between"),
    ],
)
def test_it_rejects_bad_profiles_and_limits_with_a_message(kwargs, message):
    with translation.override("en"), pytest.raises(RouteInputError, match=message):
        plan_route(KREMS, (15.6, 48.41), **kwargs)


@pytest.mark.django_db
def test_it_rejects_positions_out_of_range_and_routes_too_long():
    with translation.override("en"):
        with pytest.raises(RouteInputError, match="outside the valid range"):
            plan_route((200, 48.4), KREMS)
        with pytest.raises(RouteInputError, match="km apart"):
            plan_route(KREMS, (14.42, 50.08))  # Prague


def test_the_visitors_limits_override_the_profile_defaults(load_town):
    load_town("krems")
    answer = plan_route(KREMS, (15.605, 48.412), "wheelchair", {"max_kerb_cm": "6", "max_steps": 3})
    assert answer["limits"]["max_kerb_cm"] == 6.0
    assert answer["limits"]["max_steps"] == 3
    assert answer["limits"]["max_incline_up_pct"] == 8.33


def test_a_request_cannot_lift_the_barriers_a_profile_cannot_pass(load_town, client):
    """The barrier kinds are the profile's, not a visitor's limit: the API does not read them."""
    from mapping.route_profiles import PROFILES

    load_town("krems")
    response = client.get(
        "/route.json",
        {
            "from": "48.408, 15.595",
            "to": "48.412, 15.605",
            "profile": "wheelchair",
            "impassable_barriers": "",
            "only_known": "no",
        },
    )
    assert response.status_code == 200
    limits = response.json()["limits"]
    assert limits["impassable_barriers"] == sorted(
        PROFILES["wheelchair"].limits.impassable_barriers
    )
    assert "turnstile" in limits["impassable_barriers"]
    assert limits["only_known"] is False
