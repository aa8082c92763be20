"""The coordinator's legal-compliance view of the demo town: the list and its filters, one
place's items, the barrier-removal plan (PDF and XLSX) in its documented order, and the public
place page's section where the town enables it."""

from io import BytesIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from mapping.compliance import assessment_compliance
from mapping.methodology.compliance import COMPLIANT, NON_COMPLIANT, UNDECIDED
from mapping.methodology.decrees import COST_ORDER
from mapping.models import Assessment, Municipality, Place
from tests.catalogue.test_print import _pdf_text
from tests.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--commit")


@pytest.fixture
def pisek(demo) -> Municipality:
    return Municipality.objects.get(name="Písek")


def _documented_order(municipality: Municipality) -> list[str]:
    """README's ranking rule, applied here from the published data on its own."""
    entries = []
    for assessment in (
        Assessment.objects.published()
        .filter(place__municipality=municipality)
        .exclude(place__kind="parking")
    ):
        result = assessment_compliance(assessment)
        if result.status != NON_COMPLIANT:
            continue
        place = assessment.place
        services = place.services.count()
        opens = (
            services
            + ("office" in place.purposes)
            + ("health" in place.purposes)
            + ("social" in place.purposes and services == 0)
        )
        cost = COST_ORDER.index(result.cost_class)
        entries.append(((-opens, cost, len(result.findings), place.name, place.pk), place.name))
    return [name for _, name in sorted(entries)]


def test_the_list_shows_compliant_non_compliant_and_undecided_demo_places(demo, charlie):
    response = client_for(charlie).get(reverse("review:compliance"))
    assert response.status_code == 200
    statuses = {row.compliance.status for row in response.context["rows"]}
    assert statuses == {COMPLIANT, NON_COMPLIANT, UNDECIDED}
    text = response.content.decode()
    assert "tam, kde se vyžaduje" in text or "is required" in text


def test_the_list_filters_by_kind_purpose_municipality_and_verdict(demo, charlie):
    client = client_for(charlie)
    putim = Municipality.objects.get(name="Putim")
    rows = client.get(reverse("review:compliance"), {"municipality": putim.pk}).context["rows"]
    assert rows and all(r.place.municipality_id == putim.pk for r in rows)
    rows = client.get(reverse("review:compliance"), {"purpose": "health"}).context["rows"]
    assert rows and all("health" in r.place.purposes for r in rows)
    rows = client.get(reverse("review:compliance"), {"kind": "public_space"}).context["rows"]
    assert rows and all(r.place.kind == "public_space" for r in rows)
    rows = client.get(reverse("review:compliance"), {"status": COMPLIANT}).context["rows"]
    assert rows and all(r.compliance.status == COMPLIANT for r in rows)


def test_a_bad_filter_is_a_400_that_names_it(demo, charlie):
    response = client_for(charlie).get(reverse("review:compliance"), {"kind": "castle"})
    assert response.status_code == 400
    assert "Kind" in response.content.decode() or "Druh" in response.content.decode()


def test_only_coordinators_see_the_compliance_view(demo, alice, client):
    assert client_for(alice).get(reverse("review:compliance")).status_code == 403
    assert client.get(reverse("review:compliance")).status_code == 302


def test_a_place_page_lists_items_fixes_and_the_other_decree(demo, charlie):
    place = Place.objects.get(name__startswith="Lékárna")
    client = client_for(charlie)
    response = client.get(reverse("review:compliance_place", args=[place.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    item = response.context["item"]
    assert item.compliance.status == NON_COMPLIANT
    for finding in item.compliance.findings:
        assert finding.text(item and response.context["english"]) in text
    assert "146/2024 Sb." in text
    older = client.get(
        reverse("review:compliance_place", args=[place.pk]), {"decree": "vyhl-398-2009.1"}
    )
    assert older.context["item"].compliance.decree == "398/2009 Sb."
    bad = client.get(reverse("review:compliance_place", args=[place.pk]), {"decree": "x"})
    assert bad.status_code == 400


def test_the_plan_pdf_lists_the_non_compliant_places_in_the_documented_order(
    pisek, charlie, tmp_path
):
    response = client_for(charlie).get(reverse("review:plan_pdf", args=[pisek.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content, tmp_path)
    expected = _documented_order(pisek)
    assert len(expected) >= 3
    positions = [text.find(" ".join(name.split())) for name in expected]
    assert -1 not in positions, list(zip(expected, positions, strict=True))
    assert positions == sorted(positions)
    # Numbered in that order; compliant and undecided places have no heading in the plan.
    for rank, name in enumerate(expected, 1):
        assert f"{rank}. {name}" in text
    for assessment in Assessment.objects.published().filter(place__municipality=pisek):
        if assessment_compliance(assessment).status != NON_COMPLIANT:
            assert f". {assessment.place.name}" not in text


def test_the_plan_xlsx_opens_with_the_same_places_in_the_same_order(pisek, charlie):
    response = client_for(charlie).get(reverse("review:plan_xlsx", args=[pisek.pk]))
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    sheet = book["Plán"]
    names = [row[1] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert names == _documented_order(pisek)
    ranks = [row[0] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert ranks == list(range(1, len(names) + 1))
    assert all(row[11] for row in sheet.iter_rows(min_row=4, values_only=True))


def test_the_public_page_shows_compliance_only_where_the_town_enables_it(demo, client, settings):
    place = Place.objects.get(name__startswith="Lékárna")
    url = reverse("public:detail", args=[place.pk])
    settings.PUBLIC_BUILDING_REGULATIONS = False
    assert "compliance-title" not in client.get(url).content.decode()
    settings.PUBLIC_BUILDING_REGULATIONS = True
    page = client.get(url).content.decode()
    assert "compliance-title" in page
    assert "tam, kde" in page or "where" in page


def test_every_non_compliant_demo_place_has_a_fix_with_its_cost_class(demo):
    seen = set()
    compliant_kinds = set()
    for assessment in Assessment.objects.published().select_related("place"):
        result = assessment_compliance(assessment)
        seen.add(result.status)
        if result.status == COMPLIANT:
            compliant_kinds.add(assessment.place.kind)
        if result.status == NON_COMPLIANT:
            assert result.fixes(), assessment.place.name
            assert result.cost_class in COST_ORDER
            for finding in result.findings:
                assert finding.fix_text() and finding.rule.citation.text()
    assert seen == {COMPLIANT, NON_COMPLIANT, UNDECIDED}
    # A building and a public space that comply, beside those that do not.
    assert {"building", "public_space"} <= compliant_kinds


def test_the_list_reads_the_database_a_fixed_number_of_times(
    demo, charlie, django_assert_max_num_queries
):
    client = client_for(charlie)
    client.get(reverse("review:compliance"))  # sessions and caches warmed
    with django_assert_max_num_queries(12):
        response = client.get(reverse("review:compliance"))
    assert len(response.context["rows"]) > 20


def test_the_admin_place_page_links_to_its_compliance(demo, charlie):
    place = Place.objects.get(name__startswith="Lékárna")
    page = client_for(charlie).get(reverse("admin:mapping_place_change", args=[place.pk]))
    assert page.status_code == 200
    assert reverse("review:compliance_place", args=[place.pk]) in page.content.decode()


def test_bad_plan_and_place_addresses_are_clear_4xx_answers(pisek, charlie):
    client = client_for(charlie)
    bad_decree = client.get(reverse("review:plan_pdf", args=[pisek.pk]), {"decree": "1/2000"})
    assert bad_decree.status_code == 400
    assert client.get(reverse("review:plan_xlsx", args=[999999])).status_code == 404
    parking = Place.objects.filter(kind="parking").first()
    assert parking is not None
    answer = client.get(reverse("review:compliance_place", args=[parking.pk]))
    assert answer.status_code == 404
    bad_town = client.get(reverse("review:compliance"), {"municipality": "abc"})
    assert bad_town.status_code == 400
