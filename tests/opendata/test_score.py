"""The accessibility score of the municipalities, counted in PostGIS (mapping/opendata/score.py):
which places count, which assessment is in effect at the end of each year, districts from RÚIAN,
and the page and files that show it (/data/skore/, skore.csv, skore.json)."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mapping.methodology.score import PROFILES, Counts, Rules, groups_of, score
from mapping.models import AddressPoint, Municipality, Place, ReviewStatus
from mapping.opendata.score import area_scores
from tests.factories import TABOR, make_assessment, make_municipality, make_place

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


def _at(year: int, month: int = 6) -> datetime:
    return datetime(year, month, 1, 12, tzinfo=UTC)


def _place(municipality, kind="building", purposes=("office",), created=2020, **fields) -> Place:
    place = make_place(
        lon=TABOR[0], lat=TABOR[1], kind=kind, purposes=list(purposes), municipality=municipality
    )
    Place.objects.filter(pk=place.pk).update(created_at=_at(created, 1), **fields)
    return place


def _assess(place, year, category, status=ReviewStatus.APPROVED, reviewed=True):
    return make_assessment(
        place,
        status,
        survey_date=date(year, 3, 1),
        reviewed_at=_at(year) if reviewed else None,
        wheelchair=category,
        seniors=category,
        pram=category,
    )


@pytest.fixture
def loose_rules(settings):
    settings.SCORE_MIN_COVERAGE = 0.0
    settings.SCORE_MIN_ASSESSED = 1


def _by_name() -> dict[str, object]:
    return {area.name: area for area in area_scores()}


def test_a_newer_approval_replaces_the_older_from_its_year_on(loose_rules):
    town = make_municipality("Tábor")
    office = _place(town)
    _assess(office, THIS_YEAR - 2, "inaccessible", status=ReviewStatus.SUPERSEDED)
    _assess(office, THIS_YEAR, "accessible")
    years = _by_name()["Tábor"].years
    assert [(y.year, y.score.overall) for y in years] == [
        (THIS_YEAR - 2, 0.0),
        (THIS_YEAR - 1, 0.0),
        (THIS_YEAR, 100.0),
    ]
    assert years[-1].change == 100.0


@pytest.mark.parametrize(
    ("make", "known", "assessed"),
    [
        # A place of no group (culture) does not count at all.
        (lambda town: _assess(_place(town, purposes=["culture"]), THIS_YEAR, "accessible"), 1, 1),
        # A shop without a survey is known but not assessed.
        (lambda town: _place(town, purposes=["shop"]), 2, 1),
        # A survey still waiting for review is not an approved one.
        (
            lambda town: _assess(
                _place(town, purposes=["health"]), THIS_YEAR, "accessible", ReviewStatus.SUBMITTED
            ),
            2,
            1,
        ),
        # A stop counts by its kind.
        (lambda town: _assess(_place(town, "transport_stop", []), THIS_YEAR, "partly"), 2, 2),
        # A place in another municipality is not this one's.
        (lambda town: _place(make_municipality("Sezimovo Ústí"), purposes=["shop"]), 1, 1),
        # A place imported this year with a survey approved years ago counts from then on.
        (
            lambda town: _assess(
                _place(town, purposes=["social"], created=THIS_YEAR), THIS_YEAR - 3, "partly"
            ),
            2,
            2,
        ),
    ],
)
def test_which_places_count(loose_rules, make, known, assessed):
    town = make_municipality("Tábor")
    _assess(_place(town), THIS_YEAR, "accessible")  # the town hall, always there
    make(town)
    current = _by_name()["Tábor"].current
    assert (current.known, current.assessed) == (known, assessed)


def test_a_place_of_a_volunteer_awaiting_approval_does_not_count(loose_rules, dora):
    town = make_municipality("Tábor")
    _assess(_place(town), THIS_YEAR, "accessible")
    _place(town, purposes=["shop"], created_by=dora)
    assert _by_name()["Tábor"].current.known == 1


def test_an_imported_survey_without_review_counts_from_its_survey_date(loose_rules):
    town = make_municipality("Tábor")
    _assess(_place(town), THIS_YEAR - 1, "partly", reviewed=False)
    years = _by_name()["Tábor"].years
    assert [(y.year, y.score.overall) for y in years] == [(THIS_YEAR - 1, 50.0), (THIS_YEAR, 50.0)]


def test_districts_get_their_own_score_from_the_ruian_address_points(loose_rules):
    town = make_municipality("Ostrava")
    for code, district in ((1001, "Ostrava-Jih"), (1002, "Poruba")):
        AddressPoint.objects.create(
            code=code,
            municipality_code=town.code,
            municipality_name="Ostrava",
            district_name=district,
            building_number_type="č.p.",
            house_number=code,
            label=f"{district} {code}",
            geom=Point(*TABOR, srid=4326),
        )
    _assess(_place(town, ruian_address_code=1001), THIS_YEAR, "accessible")
    _assess(_place(town, ruian_address_code=1002), THIS_YEAR, "inaccessible")
    _place(town, ruian_address_code=1002, purposes=["shop"])
    areas = _by_name()
    assert areas["Ostrava"].current.overall == 50.0
    assert areas["Ostrava – Ostrava-Jih"].current.overall == 100.0
    poruba = areas["Ostrava – Poruba"].current
    assert (poruba.overall, poruba.coverage) == (0.0, 0.5)


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--commit")
    return Municipality.objects.get(code="549240")


def _expected_demo_score(settings, municipality) -> object:
    """The same score by another road: the ORM's places and categories, counted in Python."""
    known = assessed = 0
    categories: dict[tuple[str, str], dict[str, int]] = {}
    for place in Place.objects.listed().filter(municipality=municipality):
        groups = groups_of(place.kind, place.purposes)
        if not groups:
            continue
        known += 1
        published = place.assessments.published().first()
        if published is None:
            continue
        assessed += 1
        for group in groups:
            for profile in PROFILES:
                category = getattr(published, profile)
                tally = categories.setdefault((group, profile), {})
                tally[category] = tally.get(category, 0) + 1
    rules = Rules(settings.SCORE_MIN_COVERAGE, settings.SCORE_MIN_ASSESSED)
    return score(Counts(known, assessed, categories), rules)


def test_the_score_page_shows_the_demo_towns_score_and_data_quality(client, demo, settings):
    expected = _expected_demo_score(settings, demo)
    assert expected.shown
    response = client.get(reverse("opendata:score"))
    assert response.status_code == 200
    page = response.content.decode()
    headline = f"{expected.overall:.1f}".replace(".", ",")
    assert f"Skóre {headline} ze 100." in page
    percent = round(expected.coverage * 100)
    assert (
        f"Faktor kvality dat: {percent} % (prozkoumáno {expected.assessed} "
        f"z {expected.known} známých míst)." in page
    )
    # Putim, the second demo municipality, has too few surveyed places: its score is hidden.
    putim = _expected_demo_score(settings, Municipality.objects.get(name="Putim"))
    assert not putim.shown
    assert (
        f"Není zobrazeno: prozkoumáno je příliš málo míst ({putim.assessed}; skóre jich "
        f"potřebuje alespoň {settings.SCORE_MIN_ASSESSED})." in page
    )


def test_the_open_data_page_shows_each_score_and_links_the_page_and_its_files(
    client, demo, settings
):
    expected = _expected_demo_score(settings, demo)
    page = client.get(reverse("opendata:index")).content.decode()
    for name in ("opendata:score", "opendata:score-csv", "opendata:score-json"):
        assert f'href="{reverse(name)}' in page
    score_text = f"{expected.overall:.1f}".replace(".", ",")
    assert f"skóre {score_text} ze 100" in page
    assert f"faktor kvality dat {round(expected.coverage * 100)} %" in page
    assert "skóre není zobrazeno" in page  # Putim


def test_the_score_files_give_each_area_and_year(client, demo, settings):
    expected = _expected_demo_score(settings, demo)
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("opendata:score-csv")).text)))
    pisek = [r for r in rows if r["municipality_code"] == "549240" and not r["district"]]
    assert pisek[-1]["year"] == str(THIS_YEAR)
    assert float(pisek[-1]["score"]) == expected.overall
    assert float(pisek[-1]["data_quality"]) == expected.coverage
    body = client.get(reverse("opendata:score-json")).json()
    last = [r for r in body["rows"] if r["municipality_code"] == "549240"][-1]
    assert (last["score"], last["data_quality"], last["shown"]) == (
        expected.overall,
        expected.coverage,
        True,
    )
    putim = [r for r in body["rows"] if r["municipality"] == "Putim"][-1]
    assert (putim["shown"], putim["score"]) == (False, None)
    assert body["method"]["min_data_quality"] == settings.SCORE_MIN_COVERAGE


def test_the_page_asks_the_database_the_same_few_times_however_many_places(
    client, demo, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as before:
        assert client.get(reverse("opendata:score")).status_code == 200
    for _ in range(10):
        _assess(_place(demo, purposes=["shop"]), THIS_YEAR, "partly")
    with django_assert_num_queries(len(before.captured_queries)):
        assert client.get(reverse("opendata:score")).status_code == 200


def test_areas_are_listed_by_name_as_a_czech_reader_looks(loose_rules):
    for name in ("Putim", "Písek", "Čížová"):
        _assess(_place(make_municipality(name)), THIS_YEAR, "accessible")
    assert [area.name for area in area_scores()] == ["Čížová", "Písek", "Putim"]


def test_in_english_the_page_names_the_groups_and_says_why_a_score_is_hidden(client, english):
    town = make_municipality("Tábor")
    _assess(_place(town), THIS_YEAR, "accessible")
    _place(town, purposes=["health"])
    _place(town, purposes=["shop"])
    page = client.get(reverse("opendata:score"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Accessibility score of the municipalities" in page
    assert "too little of the municipality is surveyed" in page
    assert "Data-quality factor: 33 % (1 of 3 known places surveyed)." in page


@pytest.mark.parametrize("name", ["opendata:score-csv", "opendata:score-json"])
def test_a_repeated_score_download_is_answered_with_304_until_the_data_changes(
    client, loose_rules, name
):
    town = make_municipality("Tábor")
    _assess(_place(town), THIS_YEAR, "accessible")
    first = client.get(reverse(name))
    assert first.status_code == 200
    again = client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    _assess(_place(town, purposes=["shop"]), THIS_YEAR, "partly")
    changed = client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
