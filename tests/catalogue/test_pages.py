"""The public catalogue pages: filters in the URL, provider and service pages, the map layer."""

import json
import re

import pytest
from django.urls import reverse

from mapping.models import Place, Provider, Service

pytestmark = pytest.mark.django_db


def _names(response) -> set[str]:
    return {service.name for service in response.context["page"].object_list}


def test_the_list_shows_the_services_with_their_type_and_provider(client, demo_catalogue):
    response = client.get(reverse("catalogue:list"), {"page": 1})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == Service.objects.count()
    assert "Charitní pečovatelská služba" in response.content.decode()


def test_it_filters_by_target_group(client, demo_catalogue):
    response = client.get(reverse("catalogue:list"), {"target_group": "hearing"})
    assert _names(response) == {
        "Odborné sociální poradenství CZP",
        "Tlumočnické služby Tichá cesta",
        "Sociální rehabilitace pro neslyšící",
    }


def test_it_filters_by_service_type_and_form(client, demo_catalogue):
    response = client.get(reverse("catalogue:list"), {"service_type": "s44", "form": "field"})
    assert _names(response) == {"Odlehčovací služba v domácnosti"}


def test_it_filters_by_municipality_served_or_where_provided(client, demo_catalogue):
    from mapping.models import Municipality

    village = Municipality.objects.get(name="Horní Ves")
    response = client.get(reverse("catalogue:list"), {"municipality": village.pk})
    assert _names(response) == {
        "Pečovatelská služba města Lhotka",
        "Raná péče Kompas",
        "Tísňová péče Anděl",
        "Osobní asistence Pomocná ruka",
    }


def test_it_keeps_only_services_with_premises_accessible_for_the_profile(client, demo_catalogue):
    response = client.get(
        reverse("catalogue:list"), {"target_group": "hearing", "accessible_for": "wheelchair"}
    )
    # All three are at the Dům služeb Palackého, inaccessible for wheelchair users.
    assert _names(response) == set()
    seniors = client.get(
        reverse("catalogue:list"),
        {"target_group": "hearing", "accessible_for": "seniors", "include_partly": "on"},
    )
    assert len(_names(seniors)) == 3


def test_accessible_for_wheelchair_keeps_services_with_an_accessible_place(client, demo_catalogue):
    response = client.get(
        reverse("catalogue:list"), {"target_group": "seniors", "accessible_for": "wheelchair"}
    )
    names = _names(response)
    assert "Domov pro seniory Na Výsluní" in names
    assert "Charitní pečovatelská služba" not in names  # Charitní dům is only partly accessible


def test_a_bad_filter_value_is_ignored_with_a_message_not_an_error(client, demo_catalogue):
    response = client.get(reverse("catalogue:list"), {"target_group": "martians"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_the_service_page_shows_its_place_with_accessibility_and_a_map_link(
    client, demo_catalogue, demo_town
):
    service = Service.objects.get(name="Domov pro seniory Na Výsluní")
    response = client.get(reverse("catalogue:service", args=[service.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/?place={demo_town["ds"].pk}"' in html
    # The symbol drawn is the map's, and its definition is on the same page (else nothing shows).
    assert '<use href="#sym-accessible">' in html
    assert '<symbol id="sym-accessible"' in html
    assert 'id="catalogue-map-config"' in html
    assert "<script>" not in html  # no inline scripts: values travel in json_script


def test_the_provider_page_lists_its_services_and_places(client, demo_catalogue):
    provider = Provider.objects.get(name="Charita Lhotka nad Otavou")
    response = client.get(reverse("catalogue:provider", args=[provider.pk]))
    html = response.content.decode()
    for service in provider.services.all():
        assert service.name in html
    assert "Charitní dům" in html


def test_every_accessibility_symbol_of_the_catalogue_pages_is_defined_on_the_page(
    client, demo_catalogue
):
    provider = Provider.objects.get(name="Charita Lhotka nad Otavou")
    service = Service.objects.get(name="Domov pro seniory Na Výsluní")
    for url in (
        reverse("catalogue:list"),
        reverse("catalogue:provider", args=[provider.pk]),
        reverse("catalogue:service", args=[service.pk]),
    ):
        html = client.get(url).content.decode()
        used = set(re.findall(r'<use href="#(sym-[a-z]+)">', html))
        defined = set(re.findall(r'<symbol id="(sym-[a-z]+)"', html))
        assert {"sym-accessible", "sym-unknown"} <= used, url  # the legend and the premises
        assert used <= defined, (url, used - defined)


def test_an_unknown_service_is_a_404(client, db):
    assert client.get(reverse("catalogue:service", args=[999999])).status_code == 404


def test_the_layer_lists_places_with_their_services_filtered_by_type(client, demo_catalogue):
    response = client.get(reverse("catalogue:layer"), {"type": "s49"})
    collection = json.loads(response.content)
    assert response["Content-Type"] == "application/geo+json"
    assert len(collection["features"]) == 1
    feature = collection["features"][0]
    assert feature["properties"]["name"] == "Domov pro seniory Na Výsluní"
    assert feature["properties"]["wheelchair"] == "accessible"
    assert [s["name"] for s in feature["properties"]["services"]] == [
        "Domov pro seniory Na Výsluní"
    ]


def test_the_layer_filters_by_target_group(client, demo_catalogue):
    collection = client.get(reverse("catalogue:layer"), {"target_group": "hearing"}).json()
    assert [f["properties"]["name"] for f in collection["features"]] == ["Dům služeb Palackého"]
    unfiltered = client.get(reverse("catalogue:layer")).json()
    assert (
        len(unfiltered["features"])
        == Place.objects.filter(services__isnull=False).distinct().count()
    )


def test_the_layer_refuses_an_unknown_type_with_a_400(client, db):
    response = client.get(reverse("catalogue:layer"), {"type": "s999"})
    assert response.status_code == 400
    assert "error" in response.json()


def test_the_layer_is_one_query_and_then_served_from_the_cache(
    client, demo_catalogue, django_assert_num_queries, settings
):
    # A per-process cache, so that only the layer's own queries are counted.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with django_assert_num_queries(2):  # the catalogue's last change, then the layer
        client.get(reverse("catalogue:layer"))
    with django_assert_num_queries(1):  # the last change only: the layer comes from the cache
        client.get(reverse("catalogue:layer"))


def test_the_list_makes_the_same_few_queries_whatever_the_number_of_services(
    client, demo_catalogue, django_assert_max_num_queries
):
    # Places and their categories are prefetched: no query per service or per place.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("catalogue:list"), {"accessible_for": "seniors"})
    assert len(response.context["page"].object_list) > 10


def _ordered_names(response) -> list[str]:
    return [service.name for service in response.context["page"].object_list]


def test_the_search_ignores_diacritics_and_case(client, demo_catalogue):
    names = _ordered_names(client.get(reverse("catalogue:list"), {"q": "pecovatelska"}))
    assert "Charitní pečovatelská služba" in names
    assert "Pečovatelská služba města Lhotka" in names
    assert "Azylový dům pro muže" not in names


def test_the_search_tolerates_a_typo(client, demo_catalogue):
    names = _ordered_names(client.get(reverse("catalogue:list"), {"q": "krizova pomok"}))
    assert names[0] == "Krizová pomoc Kotva"


def test_the_search_finds_a_service_by_its_provider(client, demo_catalogue):
    names = _ordered_names(client.get(reverse("catalogue:list"), {"q": "diakonie"}))
    assert set(names) == {
        "Denní stacionář Slunce",
        "Osobní asistence Diakonie",
        "Sociálně terapeutická dílna Šikula",
    }


def test_an_exact_name_ranks_first_then_names_that_start_with_the_query(client, demo_catalogue):
    names = _ordered_names(client.get(reverse("catalogue:list"), {"q": "Raná péče Kompas"}))
    assert names[0] == "Raná péče Kompas"
    names = _ordered_names(client.get(reverse("catalogue:list"), {"q": "nizkoprahov"}))
    assert names[:2] == ["Nízkoprahové denní centrum Naděje", "Nízkoprahový klub Garáž"]
