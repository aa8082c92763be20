"""A photo's own page in the review hides the photo from the public or approves it again,
whatever is decided about its survey; only coordinators may do either."""

import pytest
from django.urls import reverse

from mapping.models import Photo, ReviewStatus
from tests.factories import make_assessment, make_place
from tests.jobs import checked_photo
from tests.personas import client_for
from tests.survey.conftest import GPS_PHOTO

pytestmark = pytest.mark.usefixtures("media_storage")


@pytest.fixture
def published_photo(alice):
    assessment = make_assessment(make_place("Radnice"), ReviewStatus.APPROVED, surveyor=alice)
    return checked_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")


def test_a_coordinator_hides_a_photo_from_its_page_and_approves_it_again(published_photo, charlie):
    client = client_for(charlie)
    place_page = reverse("public:detail", args=[published_photo.assessment.place_id])
    assert published_photo.image.url in client_for(None).get(place_page).content.decode()
    page = client.get(reverse("review:photo", args=[published_photo.pk])).content.decode()
    assert reverse("review:photo_hide", args=[published_photo.pk]) in page

    answer = client.post(reverse("review:photo_hide", args=[published_photo.pk]), follow=True)

    assert answer.status_code == 200
    assert "nevidí ji nikdo kromě koordinátorů" in answer.content.decode()
    # The page now offers the opposite action.
    assert reverse("review:photo_approve", args=[published_photo.pk]) in answer.content.decode()
    published_photo.refresh_from_db()
    assert published_photo.is_hidden
    assert not Photo.objects.published().filter(pk=published_photo.pk).exists()
    assert published_photo.image.url not in client_for(None).get(place_page).content.decode()
    # The survey's review page tells the hidden photo apart.
    review = reverse("review:detail", args=[published_photo.assessment_id])
    assert "Skrytá koordinátorem" in client.get(review).content.decode()

    client.post(reverse("review:photo_approve", args=[published_photo.pk]))

    published_photo.refresh_from_db()
    assert not published_photo.is_hidden
    assert published_photo.image.url in client_for(None).get(place_page).content.decode()
    assert "Skrytá koordinátorem" not in client.get(review).content.decode()


def test_only_a_coordinator_may_hide_or_approve_a_photo(published_photo, alice):
    for name in ("review:photo_hide", "review:photo_approve"):
        url = reverse(name, args=[published_photo.pk])
        assert client_for(alice).post(url).status_code == 403
        # Anonymous visitors are sent to sign in.
        assert client_for(None).post(url).status_code == 302
    published_photo.refresh_from_db()
    assert not published_photo.is_hidden


def test_hiding_is_a_post_only(published_photo, charlie):
    answer = client_for(charlie).get(reverse("review:photo_hide", args=[published_photo.pk]))
    assert answer.status_code == 405
    published_photo.refresh_from_db()
    assert not published_photo.is_hidden


def test_the_admin_hides_and_approves_the_selected_photos(published_photo, charlie):
    client = client_for(charlie)
    changelist = reverse("admin:mapping_photo_changelist")
    for action, hidden in (("hide", True), ("approve", False)):
        answer = client.post(
            changelist, {"action": action, "_selected_action": [published_photo.pk]}
        )
        assert answer.status_code == 302
        published_photo.refresh_from_db()
        assert published_photo.is_hidden is hidden
