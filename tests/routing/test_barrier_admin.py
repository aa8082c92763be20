"""A coordinator can list and add surveyed barriers in the admin."""

import pytest
from django.urls import reverse

from mapping.models import Barrier


@pytest.mark.django_db
def test_a_superuser_adds_a_barrier_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:mapping_barrier_changelist")).status_code == 200
    response = admin_client.post(
        reverse("admin:mapping_barrier_add"),
        {
            "kind": "road_works",
            "location": '{"type": "Point", "coordinates": [15.6, 48.41]}',
            "radius_m": "5",
            "blocks": "on",
            "penalty_m": "0",
            "description": "Closed pavement",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    barrier = Barrier.objects.get()
    assert barrier.blocks
    assert barrier.location.coords == (15.6, 48.41)
