"""A gunicorn process with DEBUG off whose photos are in S3-compatible object storage, configured by
the environment alone (MEDIA_STORAGE=s3 and the S3_* variables, the secret from a file), against
moto's S3 server: a visitor's report stores its photo in the buckets, the place's page links the
public copies there and its policy lets the browser load them, and a coordinator's original leaves
by a signed link."""

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from PIL import Image

from mapping.models import Photo, Report
from tests.factories import make_assessment, make_place
from tests.jobs import checked_photo, run_privacy_checks
from tests.production.test_nginx import coordinator_cookie
from tests.s3 import http_get, stored_objects, use_object_storage
from tests.servers import AppServer, request

pytestmark = pytest.mark.django_db(transaction=True)

GPS_PHOTO = Path(__file__).resolve().parents[1] / "fixtures" / "photos" / "DSCN0010.jpg"


def s3_environment(media, folder) -> dict[str, str]:
    """The variables a town sets (README, Configuration); the secret comes from a file."""
    secret = folder / "s3-secret"
    secret.write_text(media.secret_access_key + "\n")
    return {
        "MEDIA_STORAGE": "s3",
        "S3_PUBLIC_BUCKET": media.public_bucket,
        "S3_PRIVATE_BUCKET": media.private_bucket,
        "S3_ENDPOINT_URL": media.endpoint_url,
        "S3_REGION": media.region,
        "S3_ACCESS_KEY_ID": media.access_key_id,
        "S3_SECRET_ACCESS_KEY_FILE": str(secret),
    }


@pytest.fixture
def site(tmp_path, settings, s3_server, production_environment):
    """The server, and this test process writing to the same buckets."""
    media = s3_server.make_buckets()
    use_object_storage(settings, media)
    server = AppServer(tmp_path, {**production_environment, **s3_environment(media, tmp_path)})
    try:
        server.wait_until_serving(path="/healthz")
        yield server, media
    finally:
        server.stop()


def report_with_photo(server: AppServer) -> int:
    """A visitor sends the report form with a photo that knows where it was taken."""
    form = server.get("/nahlasit/")
    assert form.status == 200
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body).group(1)
    cookie = re.search(r"csrftoken=([^;]+)", form.getheader("Set-Cookie")).group(1)
    photo = io.BytesIO(GPS_PHOTO.read_bytes())
    photo.name = "vchod.jpg"
    body = encode_multipart(
        BOUNDARY,
        {
            "csrfmiddlewaretoken": token.decode(),
            "kind": "barrier",
            "text": "Schod u vchodu",
            "photo": photo,
            "photo_alt": "Schod u vchodu",
        },
    )
    answer = request(
        server.base,
        "POST",
        "/nahlasit/",
        body,
        {"Content-Type": MULTIPART_CONTENT, "Cookie": f"csrftoken={cookie}"},
    )
    return answer.status


def test_a_report_from_the_public_stores_its_photo_in_the_buckets(site):
    server, media = site
    assert report_with_photo(server) == 302
    # Private until its privacy check (the worker's job, run here) has made the public copies.
    photo = Report.objects.get().photos.get()
    assert {str(path) for path in stored_objects(media)} == {
        f"{media.private_bucket}/{name}"
        for name in (photo.original.name, photo.pending_image.name, photo.pending_thumbnail.name)
    }
    assert run_privacy_checks() == ["done"]
    photo.refresh_from_db()
    stored = {str(path) for path in stored_objects(media)}
    assert stored == {
        f"{media.public_bucket}/{photo.image.name}",
        f"{media.public_bucket}/{photo.thumbnail.name}",
        f"{media.private_bucket}/{photo.original.name}",
    }
    status, _headers, body = http_get(default_storage.url(photo.image.name))
    assert status == 200 and len(Image.open(io.BytesIO(body)).getexif()) == 0
    # Nothing of the photos on the server's disk, and /media/ is not served any more.
    assert not (server.log.parent / "media").exists()
    assert server.get(f"/media/{photo.thumbnail.name}").status == 404


def test_the_place_page_links_the_bucket_and_its_policy_lets_the_images_load(site):
    server, media = site
    assessment = make_assessment(make_place("Radnice"))
    photo = checked_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vchod s rampou")
    page = server.get(f"/misto/{assessment.place_id}/")
    assert page.status == 200
    thumbnail = re.search(rb'<img src="([^"]+)" alt="Vchod s rampou"', page.body).group(1).decode()
    assert thumbnail == default_storage.url(photo.thumbnail.name)
    parts = urlsplit(thumbnail)
    policy = page.getheader("Content-Security-Policy")
    img_src = next(d for d in policy.split(";") if d.strip().startswith("img-src")).split()
    assert f"{parts.scheme}://{parts.netloc}" in img_src
    assert http_get(thumbnail)[0] == 200


def test_a_coordinator_gets_the_original_from_the_server_by_a_signed_link(site):
    server, media = site
    photo = checked_photo(
        make_assessment(make_place("Radnice")), GPS_PHOTO.read_bytes(), alt_text="Vchod"
    )
    path = f"/kontrola/fotky/{photo.pk}/original/"
    assert server.get(path).status == 302  # to the login page, for an anonymous visitor
    answer = server.get(path, Cookie=coordinator_cookie())
    assert answer.status == 302
    link = answer.getheader("Location")
    assert link.startswith(f"{media.endpoint_url}/{media.private_bucket}/photos/original/")
    assert "X-Amz-Expires=300" in link
    status, _headers, body = http_get(link)
    assert status == 200
    with photo.original.open("rb") as stored:
        assert body == stored.read()
    assert Photo.objects.count() == 1
