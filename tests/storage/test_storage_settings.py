"""MEDIA_STORAGE=s3 from the environment: refused with the name of each missing or wrong variable,
clean under check --deploy when complete, boto3 loaded only when photos are in object storage,
and the public copies' address allowed by the Content-Security-Policy."""

import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from barrierfree.media import S3Media
from tests.test_settings import PRODUCTION_ENV, ROOT, manage

S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "S3_PUBLIC_BUCKET": "mapa-foto",
    "S3_PRIVATE_BUCKET": "mapa-originaly",
    "S3_ENDPOINT_URL": "https://s3.provider.example.cz",
    "S3_ACCESS_KEY_ID": "access-key-of-the-town",
}


def check(*args: str, **env: str) -> subprocess.CompletedProcess:
    return manage("check", *args, **PRODUCTION_ENV, **env)


def test_s3_without_its_buckets_is_refused_naming_each_missing_variable():
    result = check(MEDIA_STORAGE="s3")
    assert result.returncode != 0
    for name in ("S3_PUBLIC_BUCKET", "S3_PRIVATE_BUCKET", "S3_REGION"):
        assert f"(mapping.storage.E002) MEDIA_STORAGE=s3 needs {name}, which is not set." in (
            result.stderr
        )


def test_only_what_is_missing_is_named():
    env = {**S3_ENV}
    del env["S3_PRIVATE_BUCKET"]
    result = check(**env)
    assert result.returncode != 0
    assert "needs S3_PRIVATE_BUCKET" in result.stderr
    # A key without its secret signs nothing.
    assert "needs S3_SECRET_ACCESS_KEY" in result.stderr
    assert "S3_PUBLIC_BUCKET" not in result.stderr
    assert "S3_REGION" not in result.stderr  # an endpoint of one's own needs no AWS region


def test_an_unknown_place_for_photos_is_refused():
    result = check(MEDIA_STORAGE="nfs")
    assert result.returncode != 0
    assert "mapping.storage.E001" in result.stderr and "filesystem (the default) or s3" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("public_prefix", "private_prefix"), [("", ""), ("", "private"), ("media", "media/private/")]
)
def test_one_bucket_for_both_needs_two_prefixes_apart(public_prefix, private_prefix):
    media = S3Media(
        public_bucket="mapa",
        private_bucket="mapa",
        public_prefix=public_prefix,
        private_prefix=private_prefix,
    )
    assert media.private_within_public()


@pytest.mark.parametrize(
    "media",
    [
        S3Media(public_bucket="mapa", private_bucket="originaly"),
        S3Media(public_bucket="m", private_bucket="m", public_prefix="media/", private_prefix="p"),
        S3Media(
            public_bucket="m", private_bucket="m", public_prefix="media", private_prefix="media-p"
        ),
    ],
)
def test_two_buckets_or_two_prefixes_apart_are_accepted(media):
    assert not media.private_within_public()


def test_one_bucket_without_prefixes_and_wrong_values_are_refused_by_name():
    result = check(
        **{
            **S3_ENV,
            "S3_PRIVATE_BUCKET": "mapa-foto",
            "S3_SECRET_ACCESS_KEY": "secret",
            "S3_PUBLIC_ACL": "private",
            "S3_PRIVATE_URL_EXPIRY": "0",
        }
    )
    assert result.returncode != 0
    assert "mapping.storage.E004" in result.stderr
    assert "Set S3_PUBLIC_ACL to public-read, or nothing" in result.stderr
    assert "Set S3_PRIVATE_URL_EXPIRY to a number of seconds from 1 to 604800" in result.stderr


def test_check_deploy_is_clean_with_complete_s3_settings_and_the_secret_in_a_file(tmp_path):
    secret = tmp_path / "s3-secret"
    secret.write_text("secret-of-the-town\n")
    result = check(
        "--deploy", "--fail-level", "WARNING", S3_SECRET_ACCESS_KEY_FILE=str(secret), **S3_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_of_public_photos_over_plain_http():
    env = {**S3_ENV, "S3_ENDPOINT_URL": "http://10.0.0.5:9000", "S3_SECRET_ACCESS_KEY": "s"}
    result = check("--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "mapping.storage.W001" in result.stderr and "http://10.0.0.5:9000" in result.stderr


BOTO3_PROBE = """
import sys
import django
django.setup()
from django.core.management import call_command
import barrierfree.urls, mapping.photo_storage, mapping.review.photo_views
call_command("check")
print("loaded at start:", "boto3" in sys.modules)
from django.core.files.storage import default_storage
default_storage.url("photos/thumb/x.jpg")
print("loaded once used:", "boto3" in sys.modules)
"""


def probe_boto3(**env: str) -> str:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("S3_", "MEDIA_STORAGE"))
    }
    environment.update(DJANGO_SETTINGS_MODULE="barrierfree.settings", **env)
    result = subprocess.run(
        [sys.executable, "-c", BOTO3_PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_boto3_is_imported_only_when_photos_are_in_object_storage():
    files = probe_boto3()
    assert "loaded at start: False" in files and "loaded once used: False" in files
    # With s3 the models' private storage loads it (and the probe sees that it would work).
    assert "loaded once used: True" in probe_boto3(**S3_ENV, S3_SECRET_ACCESS_KEY="s")


def img_sources(**env: str) -> list[str]:
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("S3_")}
    environment.update(DJANGO_SETTINGS_MODULE="barrierfree.settings", **env)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_policy_allows_images_from_the_public_bucket_or_its_cdn():
    assert not any("provider" in source or "cdn" in source for source in img_sources())
    assert "https://s3.provider.example.cz" in img_sources(**S3_ENV)
    cdn = img_sources(**S3_ENV, S3_PUBLIC_URL="https://cdn.mesto.example.cz/mapa/")
    assert "https://cdn.mesto.example.cz" in cdn and "https://s3.provider.example.cz" not in cdn


@pytest.mark.parametrize(
    "media",
    [
        S3Media(public_bucket="mapa-foto", region="eu-central-1"),
        S3Media(public_bucket="mapa-foto", region="us-east-1"),
        S3Media(public_bucket="mapa-foto", endpoint_url="https://s3.provider.example.cz"),
        S3Media(
            public_bucket="mapa-foto",
            endpoint_url="https://s3.provider.example.cz:9000",
            addressing_style="virtual",
        ),
        S3Media(public_bucket="mapa-foto", endpoint_url="http://127.0.0.1:9000", public_prefix="f"),
        S3Media(
            public_bucket="mapa-foto",
            endpoint_url="https://s3.provider.example.cz",
            public_url="https://cdn.mesto.example.cz/mapa/",
        ),
    ],
    ids=["aws", "aws-us-east-1", "endpoint", "endpoint-virtual", "minio-prefix", "cdn"],
)
def test_the_origin_in_the_policy_is_where_the_public_copies_are(media):
    """The origin settings put in img-src is the one boto3 writes into the copies' addresses."""
    from storages.backends.s3 import S3Storage

    options = media.storages()["default"]["OPTIONS"]
    address = S3Storage(**{**options, "access_key": "k", "secret_key": "s"}).url("photos/a.jpg")
    parts = urlsplit(address)
    assert f"{parts.scheme}://{parts.netloc}" == media.public_origin()
    assert parts.path.endswith("/photos/a.jpg") and not parts.query
