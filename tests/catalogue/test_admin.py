"""Coordinators edit the catalogue in the admin, with history (its import: tests/imports/)."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from mapping.models import Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_superuser("charlie", "charlie@example.org", "pw")


def test_the_old_address_of_the_catalogue_import_leads_to_the_imports(client, coordinator):
    client.force_login(coordinator)
    answer = client.get(reverse("admin:catalogue_import"))
    assert answer.status_code == 301
    assert answer.url == reverse("admin:mapping_importrun_new", args=["catalogue"])


def test_a_visitor_cannot_reach_the_import(client, db):
    response = client.get(reverse("admin:catalogue_import"))
    assert response.status_code == 302  # to the admin login


def test_the_service_list_filters_addresses_not_yet_on_the_map(client, coordinator, demo_catalogue):
    client.force_login(coordinator)
    response = client.get(reverse("admin:mapping_service_changelist"), {"on_map": "no"})
    names = {service.name for service in response.context["cl"].result_list}
    assert "Azylový dům pro muže" in names
    assert "Domov pro seniory Na Výsluní" not in names


def test_a_coordinator_edits_a_service_with_history(client, coordinator, demo_catalogue):
    client.force_login(coordinator)
    service = Service.objects.get(name="Raná péče Kompas")
    url = reverse("admin:mapping_service_change", args=[service.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["capacity"] = "70 rodin"
    data["forms"] = ",".join(service.forms)
    data["target_groups"] = ",".join(service.target_groups)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()
    assert service.capacity == "70 rodin"
    entry = LogEntry.objects.get(object_id=str(service.pk), action_flag=CHANGE)
    assert entry.user == coordinator
    message = entry.get_change_message().lower()
    assert "capacity" in message or "kapacita" in message


def test_the_provider_form_opens_with_its_services_inline(client, coordinator, demo_catalogue):
    from mapping.models import Provider

    client.force_login(coordinator)
    provider = Provider.objects.get(name="Charita Lhotka nad Otavou")
    response = client.get(reverse("admin:mapping_provider_change", args=[provider.pk]))
    assert response.status_code == 200
    assert "Šatník Charity" in response.content.decode()
