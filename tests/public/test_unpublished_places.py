"""A place that is not published leaks nowhere: every public address that takes a place's number
answers for it exactly as for a number no place has (no name, no position, not even whether it
exists), while a published place is shown.

Place numbers are sequential, so the attack is to try them one after another: `/?place=<id>`
used to put the name and position of any place into the map page, a volunteer's unapproved
draft included, and the catalogue's printable sheet of a place printed any place.
"""

import json
import re

import pytest
from django.db import connection
from django.db.models import Max
from django.test import Client
from django.urls import reverse

from mapping.models import Assessment, Place, ReviewStatus
from tests.factories import TABOR, make_assessed_place, make_service, make_user
from tests.personas import client_for
from tests.survey.conftest import submission

pytestmark = pytest.mark.django_db

# Each unpublished place has a name and a position found nowhere else in the pages.
SECRET_LON, SECRET_LAT = 14.661234, 49.417654


def secret_place(label: str, status: str | None, offset: int) -> Place:
    name = f"Tajné místo {label}"
    lon, lat = SECRET_LON + offset / 1e5, SECRET_LAT + offset / 1e5
    if status is None:
        return Place.objects.create(name=name, location=f"SRID=4326;POINT({lon} {lat})")
    return make_assessed_place(name, lon, lat, status=status)


@pytest.fixture
def places():
    """A published place, and unpublished ones: an unapproved volunteer's draft sent through
    the survey app, a submitted, a returned, a rejected one and a place without any survey."""
    with connection.cursor() as cursor:
        # Numbers of six digits, so that taking them out of a page takes nothing else.
        cursor.execute("SELECT setval(pg_get_serial_sequence('mapping_place', 'id'), 700000)")
    dora = make_user("dora", is_approved=False)
    draft = client_for(dora).post(
        reverse("survey:submit"),
        submission(
            action="draft",
            answers={},
            place={"name": "Tajné místo konceptu", "lat": 49.4171, "lon": 14.6611},
        ),
    )
    assert draft.status_code == 201
    unpublished = {
        "draft": Assessment.objects.get(pk=draft.json()["assessment"]["id"]).place,
        "submitted": secret_place("odeslané", ReviewStatus.SUBMITTED, 1),
        "returned": secret_place("vrácené", ReviewStatus.RETURNED, 2),
        "rejected": secret_place("zamítnuté", ReviewStatus.REJECTED, 3),
        "no survey": secret_place("bez průzkumu", None, 4),
    }
    published = make_assessed_place("Veřejná knihovna", TABOR[0] + 0.002, TABOR[1])
    unknown = (Place.objects.aggregate(last=Max("pk"))["last"] or 0) + 1000
    return {"published": published, "unpublished": unpublished, "unknown": unknown}


def secrets(place: Place) -> list[str]:
    """What must not appear: the name, and the coordinates as the pages would write them."""
    lon, lat = place.location.x, place.location.y
    return [place.name, f"{lat:.4f}", f"{lon:.4f}", f"{lat:.4f}".replace(".", ",")]


CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def relevant(response, place_id) -> tuple[int, str, bytes]:
    """Status, type and body, without the number itself (which the visitor typed) and the form
    tokens (new for every answer)."""
    body = re.sub(rf"(?<![0-9]){place_id}(?![0-9])".encode(), b"<id>", response.content)
    body = CSRF_TOKEN.sub(b'name="csrfmiddlewaretoken" value=""', body)
    return response.status_code, response.get("Content-Type", ""), body


# Every public address that takes a place's number, with the number in it.
ENTRY_POINTS = {
    "map": lambda pk: (reverse("public:map"), {"place": pk}),
    "embedded map": lambda pk: (reverse("public:map"), {"place": pk, "embed": "1", "lang": "cs"}),
    "detail": lambda pk: (reverse("public:detail", args=[pk]), {}),
    "api place": lambda pk: (reverse("api:place-detail", args=[pk]), {}),
    "api assessments": lambda pk: (reverse("api:assessment-list"), {"place": pk}),
    "planner": lambda pk: (reverse("routing:planner"), {"from_place": pk, "to_place": pk}),
    "route from": lambda pk: (reverse("routing:route"), {"from_place": pk, "to": "14.6,49.4"}),
    "route to": lambda pk: (reverse("routing:route"), {"from": "14.6,49.4", "to_place": pk}),
    "route place": lambda pk: (reverse("routing:route"), {"from": "14.6,49.4", "place": pk}),
    "report form": lambda pk: (reverse("reports:new"), {"place": pk}),
    "catalogue sheet": lambda pk: (reverse("catalogue:place_sheet", args=[pk]), {}),
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_an_unpublished_place_is_answered_exactly_like_a_place_that_does_not_exist(places, entry):
    visitor = Client()
    url, params = ENTRY_POINTS[entry](places["unknown"])
    unknown = relevant(visitor.get(url, params), places["unknown"])
    assert unknown[0] < 500
    for state, place in places["unpublished"].items():
        url, params = ENTRY_POINTS[entry](place.pk)
        response = visitor.get(url, params)
        text = response.content.decode(errors="replace")
        for secret in secrets(place):
            assert secret not in text, (state, secret)
        assert relevant(response, place.pk) == unknown, state


def map_focus(response) -> dict | None:
    html = response.content.decode()
    start = html.index('<script id="map-config" type="application/json">')
    return json.loads(html[start:].split(">", 1)[1].split("</script>", 1)[0])["focus"]


def test_a_published_place_is_opened_on_the_map_and_printed(places):
    published = places["published"]
    visitor = Client()
    focus = map_focus(visitor.get(reverse("public:map"), {"place": published.pk}))
    assert focus["name"] == "Veřejná knihovna"
    assert (focus["lat"], focus["lon"]) == (published.location.y, published.location.x)
    sheet = visitor.get(reverse("catalogue:place_sheet", args=[published.pk]))
    assert sheet.status_code == 200
    assert sheet["Content-Type"] == "application/pdf"


def test_a_place_of_the_catalogue_not_assessed_yet_stays_public_as_the_catalogue_shows_it(
    places,
):
    """The catalogue's pages and its map layer show where each service is delivered, assessed
    or not: that place's name and position are public, so a link from the catalogue opens it."""
    club = places["unpublished"]["no survey"]
    make_service("Nízkoprahový klub", "s62", ["youth"], club)
    visitor = Client()
    focus = map_focus(visitor.get(reverse("public:map"), {"place": club.pk}))
    assert (focus["name"], focus["published"]) == (club.name, False)
    assert visitor.get(reverse("catalogue:place_sheet", args=[club.pk])).status_code == 200


def test_the_searches_find_no_unpublished_place(places):
    visitor = Client()
    for url in (reverse("public:search"), reverse("routing:search")):
        answer = visitor.get(url, {"q": "Tajné místo"})
        assert answer.status_code == 200
        for place in places["unpublished"].values():
            assert place.name not in answer.content.decode()
