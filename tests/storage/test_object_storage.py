"""With MEDIA_STORAGE=s3, on a real S3 server: a visitor's browser loads the public copies from the
bucket without any metadata, nobody reaches an original at an address they could guess, and a
coordinator gets it through the application by a link signed for minutes."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse
from PIL import Image

from mapping.photos import read_metadata
from tests.factories import make_assessment, make_place
from tests.jobs import checked_photo
from tests.personas import client_for
from tests.s3 import http_get, stored_objects, use_object_storage
from tests.survey.conftest import GPS_PHOTO

pytestmark = pytest.mark.django_db


def published_photo():
    """A photo of a published place, sent with its GPS position in the EXIF."""
    assessment = make_assessment(make_place("Radnice"))
    return checked_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vchod s rampou")


def photo_addresses_on_the_place_page(photo) -> tuple[str, str]:
    """(public copy, thumbnail) as the place's page links them for an anonymous visitor."""
    page = Client().get(reverse("public:detail", args=[photo.assessment.place_id]))
    assert page.status_code == 200
    found = re.search(r'<a href="([^"]+)"><img src="([^"]+)" alt="Vchod s rampou"', page.text)
    assert found, "the place's page shows the photo"
    return found.group(1), found.group(2)


def guessable_addresses(media, photo) -> list[str]:
    """Where someone who knows the buckets would look for an original without a signed link."""
    name = photo.original.name
    signed = storages["private"].url(name)
    return [
        f"{media.endpoint_url}/{media.private_bucket}/{name}",
        f"{media.endpoint_url}/{media.public_bucket}/{name}",
        signed.split("?")[0],  # the signed link without its signature
        f"{media.endpoint_url}/{media.private_bucket}/{name}?X-Amz-Expires=300",
    ]


def test_a_visitor_loads_the_public_copies_from_the_bucket_without_metadata(buckets):
    photo = published_photo()
    assert read_metadata(Image.open(GPS_PHOTO)).has_position  # the upload said where it was
    for address in photo_addresses_on_the_place_page(photo):
        assert address.startswith(f"{buckets.endpoint_url}/{buckets.public_bucket}/photos/")
        status, headers, body = http_get(address)  # no credentials: any visitor's browser
        assert status == 200
        assert headers["content-type"] == "image/jpeg"
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        image = Image.open(io.BytesIO(body))
        assert image.format == "JPEG" and len(image.getexif()) == 0
        assert b"Exif" not in body and b"GPS" not in body


def test_the_original_is_not_reachable_at_any_address_one_could_guess(buckets, alice):
    photo = published_photo()
    for address in guessable_addresses(buckets, photo):
        status, _headers, body = http_get(address)
        assert status in (403, 404), address
        assert not body.startswith(b"\xff\xd8")
    # Nor through the application for anyone but a coordinator.
    original = reverse("review:photo_original", args=[photo.pk])
    anonymous = Client().get(original)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert client_for(alice).get(original).status_code == 403


def test_a_coordinator_gets_the_original_by_a_link_signed_for_minutes(buckets, charlie):
    photo = published_photo()
    answer = client_for(charlie).get(reverse("review:photo_original", args=[photo.pk]))
    assert answer.status_code == 302
    assert answer["Cache-Control"] == "private, no-store"
    link = answer["Location"]
    assert link.startswith(f"{buckets.endpoint_url}/{buckets.private_bucket}/photos/original/")
    query = parse_qs(urlsplit(link).query)
    assert query["X-Amz-Expires"] == ["300"] and query["X-Amz-Signature"]
    status, headers, body = http_get(link)
    assert status == 200
    assert headers["cache-control"] == "private, no-store"
    # The lean original: the image with its position, direction and time.
    assert read_metadata(Image.open(io.BytesIO(body))) == read_metadata(Image.open(GPS_PHOTO))


def test_the_signed_links_life_is_s3_private_url_expiry(settings, s3_server, charlie):
    use_object_storage(settings, s3_server.make_buckets(private_url_expiry=60))
    photo = published_photo()
    answer = client_for(charlie).get(reverse("review:photo_original", args=[photo.pk]))
    assert parse_qs(urlsplit(answer["Location"]).query)["X-Amz-Expires"] == ["60"]


def test_an_original_missing_from_its_bucket_is_a_404_not_a_link_to_an_error(
    buckets, charlie, english
):
    photo = published_photo()
    storages["private"].delete(photo.original.name)
    answer = client_for(charlie).get(reverse("review:photo_original", args=[photo.pk]))
    assert answer.status_code == 404
    assert "The original file is missing." in answer.text


@pytest.mark.parametrize(
    ("policy", "acl", "public_status"),
    [
        (True, "", 200),  # the default: the public bucket's policy, no ACL sent
        (False, "public-read", 200),  # S3_PUBLIC_ACL=public-read, for a bucket without a policy
        (False, "", 403),  # neither: the application makes nothing public by itself
    ],
)
def test_public_copies_are_public_by_the_bucket_policy_or_their_acl(
    settings, s3_server, policy, acl, public_status
):
    media = s3_server.make_buckets(policy=policy, public_acl=acl)
    use_object_storage(settings, media)
    photo = published_photo()
    image, thumbnail = photo_addresses_on_the_place_page(photo)
    assert http_get(image)[0] == public_status
    assert http_get(thumbnail)[0] == public_status
    assert http_get(f"{media.endpoint_url}/{media.private_bucket}/{photo.original.name}")[0] == 403


def test_one_bucket_keeps_public_copies_and_originals_apart_by_prefix(settings, s3_server, charlie):
    media = s3_server.make_buckets(
        one_bucket=True, public_prefix="public", private_prefix="private"
    )
    use_object_storage(settings, media)
    photo = published_photo()
    image, _thumbnail = photo_addresses_on_the_place_page(photo)
    assert image.startswith(f"{media.endpoint_url}/{media.public_bucket}/public/photos/display/")
    assert http_get(image)[0] == 200
    guessed = f"{media.endpoint_url}/{media.public_bucket}/private/{photo.original.name}"
    assert http_get(guessed)[0] == 403
    answer = client_for(charlie).get(reverse("review:photo_original", args=[photo.pk]))
    assert http_get(answer["Location"])[0] == 200
    keys = {str(path.relative_to(media.public_bucket)) for path in stored_objects(media)}
    assert keys == {
        f"public/{photo.image.name}",
        f"public/{photo.thumbnail.name}",
        f"private/{photo.original.name}",
    }
