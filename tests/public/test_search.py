"""Search by name and address, blind to Czech diacritics and case, ranked by similarity and then
by distance from the map centre."""

import pytest
from django.db import connection
from django.urls import reverse

from mapping.models import ReviewStatus
from mapping.public.search import SEARCH_DOCUMENT_SQL, search_places
from tests.factories import TABOR, make_assessed_place

CENTRE = (TABOR[1], TABOR[0])  # lat, lon


def found(query: str, centre=CENTRE) -> list[str]:
    return [row.name for row in search_places(query, centre)]


@pytest.mark.django_db
def test_it_finds_a_name_with_diacritics_from_a_query_without_them():
    make_assessed_place("Kavárna na náměstí")
    make_assessed_place("Knihovna")
    assert found("namesti") == ["Kavárna na náměstí"]
    assert found("NÁMĚSTÍ") == ["Kavárna na náměstí"]
    assert found("kavarna") == ["Kavárna na náměstí"]


@pytest.mark.django_db
def test_it_finds_a_place_by_its_street_and_town():
    make_assessed_place("Městský úřad", street="Žižkovo náměstí", house_number="1", city="Tábor")
    make_assessed_place("Knihovna", street="Jiráskova", city="Tábor")
    assert found("zizkovo namesti 1") == ["Městský úřad"]
    assert sorted(found("tabor")) == ["Knihovna", "Městský úřad"]


@pytest.mark.django_db
def test_it_tolerates_a_typo():
    make_assessed_place("Poliklinika Tábor")
    assert found("poliklnika") == ["Poliklinika Tábor"]


@pytest.mark.django_db
def test_it_ranks_better_matches_first_and_then_the_nearest():
    make_assessed_place("Lékárna U Nádraží", lon=TABOR[0] + 0.02)
    make_assessed_place("Lékárna", lon=TABOR[0] + 0.01)
    make_assessed_place("Lékárna", lon=TABOR[0] + 0.03, street="Far away")
    make_assessed_place("Lékárenská služba", lon=TABOR[0])
    names = found("lekarna")
    # The exact name first, the nearest of them first; then the names that start with it.
    assert names[:3] == ["Lékárna", "Lékárna", "Lékárna U Nádraží"]
    rows = search_places("lekarna", CENTRE)
    assert rows[0].distance_m < rows[1].distance_m


@pytest.mark.django_db
def test_an_exact_name_ranks_before_a_place_whose_address_matches_as_well():
    make_assessed_place("Městský úřad", street="Velké náměstí", house_number="114", lon=TABOR[0])
    make_assessed_place("Velké náměstí", lon=TABOR[0] + 0.01)
    assert found("Velke namesti") == ["Velké náměstí", "Městský úřad"]


@pytest.mark.django_db
def test_it_tolerates_a_typo_in_a_short_name():
    make_assessed_place("Radnice")
    make_assessed_place("Knihovna")
    assert found("radnyce") == ["Radnice"]


@pytest.mark.django_db
def test_it_does_not_show_unpublished_places():
    make_assessed_place("Náměstí draft", status=ReviewStatus.DRAFT)
    assert found("namesti") == []


@pytest.mark.django_db
def test_it_ignores_a_query_of_one_letter():
    make_assessed_place("A")
    assert found("a") == []


@pytest.mark.django_db
def test_the_search_endpoint_answers_json_with_links_to_the_details(client):
    place = make_assessed_place("Kavárna na náměstí", street="Žižkovo náměstí", city="Tábor")
    response = client.get(reverse("public:search"), {"q": "namesti", "lat": "49.4", "lon": "14.6"})
    assert response.status_code == 200
    (result,) = response.json()["results"]
    assert result["name"] == "Kavárna na náměstí"
    assert result["address"] == "Žižkovo náměstí, Tábor"
    assert result["url"] == reverse("public:detail", args=[place.id])


@pytest.mark.django_db
def test_the_search_uses_the_trigram_index():
    make_assessed_place("Kavárna na náměstí")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT p.id FROM mapping_place p "
            f"WHERE bf_unaccent(lower(%s)) <%% {SEARCH_DOCUMENT_SQL}",
            ["namesti"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "place_search_trgm" in plan


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, places, summary",
    [
        ("en", 1, "1 place matches."),
        ("cs", 1, "Hledanému výrazu odpovídá 1 místo."),
        ("cs", 3, "Hledanému výrazu odpovídají 3 místa."),
        ("cs", 7, "Hledanému výrazu odpovídá 7 míst."),
    ],
)
def test_the_search_says_how_many_places_match_in_the_visitors_language(
    client, language, places, summary
):
    for number in range(places):
        make_assessed_place(f"Lékárna {number}", lon=TABOR[0] + number * 0.001)
    body = client.get(
        reverse("public:search"), {"q": "lekarna"}, HTTP_ACCEPT_LANGUAGE=language
    ).json()
    assert body["total"] == places
    assert body["summary"] == summary
    assert body["list_text"] == ""


@pytest.mark.django_db
def test_the_search_offers_all_matches_in_the_list_when_it_stops_at_ten(client):
    for number in range(14):
        make_assessed_place(f"Lékárna {number}", lon=TABOR[0] + number * 0.001)
    body = client.get(
        reverse("public:search"),
        {"q": "lekarna", "lat": TABOR[1], "lon": TABOR[0]},
        HTTP_ACCEPT_LANGUAGE="cs",
    ).json()
    assert len(body["results"]) == 10
    assert body["total"] == 14
    assert body["summary"] == "Zobrazeno 10 nejlepších, nalezeno celkem 14 míst."
    assert body["list_text"] == "Zobrazit všech 14 v seznamu"
    listed = client.get(body["list_url"])
    assert listed.status_code == 200
    assert listed.context["page"].paginator.count == 14
