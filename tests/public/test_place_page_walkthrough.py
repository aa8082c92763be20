"""The rough edges of the place page found in the walk-through (issue 16): a rule broken at two
levels is said once; an entrance measured without a position is listed, not "no entrance";
the social services link to the catalogue, their name said once."""

import pytest
from django.urls import reverse

from mapping.categorisation import categorise
from tests.factories import make_assessed_place, make_entrance, make_service

pytestmark = pytest.mark.django_db

# Five steps into a theatre: a reason of the "accessible" level and one of the "partly" level,
# for the same entrance and the same rule.
STEPS = {
    "entrance1Accessibility": "MoreStepsEntranceAccessibility",
    "entrance1Steps1NumberOf": 5,
    "entrance1Door1MainpanelWidth": 120,
    "entrance1Door1StepHeight": 0,
    "objectInteriorAccessibility": "PartObjectInteriorAccessibility",
}


def page_of(client, place, **headers) -> str:
    return client.get(reverse("public:detail", args=[place.pk]), **headers).content.decode()


def test_a_rule_broken_at_both_levels_is_said_once_with_the_requirement_that_decided(client):
    result = categorise(STEPS)
    levels = [r["level"] for r in result.to_dict()["profiles"]["wheelchair"]["reasons"]]
    assert levels.count("partly") == 1 and levels.count("accessible") == 2  # the engine's view
    place = make_assessed_place(
        "Divadlo", wheelchair="inaccessible", answers=STEPS, result=result.to_dict()
    )
    page = page_of(client, place, HTTP_ACCEPT_LANGUAGE="en")
    wheelchair = page[page.index("Wheelchair:") : page.index("Seniors and reduced mobility:")]
    assert wheelchair.count("Way into the building") == 1
    assert "required level or one step or platform lift or ramp" in wheelchair
    assert "required level or ramp." not in wheelchair
    # The rule of the higher level only (the interior) still says why it is not accessible.
    assert "Accessibility of the interior" in wheelchair


def test_an_entrance_measured_without_a_position_is_listed_not_missing(client):
    place = make_assessed_place(
        "Pošta", answers={"entrance1Accessibility": "RampEntranceAccessibility"}
    )
    page = page_of(client, place, HTTP_ACCEPT_LANGUAGE="en")
    start = page.index('id="entrances-title"')
    entrances = page[start : page.index("</section>", start)]
    assert "No entrance has been recorded" not in entrances
    assert "Entrance 1: by a ramp – step-free" in entrances
    assert "Where the entrances are has not been recorded" in entrances


def test_an_entrance_with_a_position_needs_no_such_note(client):
    place = make_assessed_place(
        "Pošta", answers={"entrance1Accessibility": "RampEntranceAccessibility"}
    )
    make_entrance(place, 1, label="Vchod z ulice")
    page = page_of(client, place, HTTP_ACCEPT_LANGUAGE="en")
    assert "Vchod z ulice: by a ramp" in page
    assert "Entrance 1" not in page.split('id="measurements-title"')[0]
    assert "Where the entrances are has not been recorded" not in page


def test_a_place_with_nothing_of_an_entrance_still_says_so(client):
    place = make_assessed_place("Most", answers={})
    assert "No entrance has been recorded" in page_of(client, place, HTTP_ACCEPT_LANGUAGE="en")


def test_services_link_to_the_catalogue_with_their_name_once(client):
    place = make_assessed_place("Dům s pečovatelskou službou")
    care = make_service("Pečovatelská služba", "s40", ["seniors"], place)
    advice = make_service("Poradna Naděje", "s37", ["seniors"], place)
    page = page_of(client, place)
    care_url = reverse("catalogue:service", args=[care.pk])
    assert f'<a href="{care_url}">Pečovatelská služba</a> – Charita Tábor' in page
    assert "Pečovatelská služba (Pečovatelská služba" not in page
    advice_url = reverse("catalogue:service", args=[advice.pk])
    assert f'<a href="{advice_url}">Poradna Naděje</a> (Sociální poradenství (§ 37))' in page
