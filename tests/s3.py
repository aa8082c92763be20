"""A real S3-compatible server for the tests: moto's standalone server in its own process, on a free
port of 127.0.0.1, with buckets made for each test as a deployment would make them.

Each pytest-xdist worker starts its own server (a session fixture, tests/conftest.py), and every
test gets buckets of its own with random names, so that nothing is shared between tests.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import PurePosixPath

from barrierfree.media import S3Media
from tests.servers import ROOT, free_port

POLICY_TEMPLATE = ROOT / "deploy" / "s3" / "public-bucket-policy.json"
REGION = "eu-central-1"
ACCESS_KEY_ID = "tests-only-key"
SECRET_ACCESS_KEY = "tests-only-secret"


# The test's servers are on the loopback: never through a proxy of the environment.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """(status, headers with lower-case names, body) of a plain GET, as a browser without
    credentials sends it."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with DIRECT.open(request, timeout=30) as answer:
            return answer.status, _lower(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, _lower(error.headers), error.read()


def _lower(headers) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


class MotoServer:
    """`python -m moto.server` on 127.0.0.1; stop() ends it."""

    @classmethod
    def start(cls, log_path, attempts: int = 3) -> MotoServer:
        # The free port is free when asked for; another process may take it before moto binds.
        for attempt in range(1, attempts + 1):
            try:
                return cls(log_path)
            except RuntimeError:
                if attempt == attempts:
                    raise
        raise AssertionError("unreachable")

    def __init__(self, log_path) -> None:
        self.log = open(log_path, "ab")  # noqa: SIM115 (closed in stop())
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_it_answers()

    def _wait_until_it_answers(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.close()
                raise RuntimeError(f"moto's server ended with {self.process.returncode}")
            try:
                # moto's own page: not some other server that took the port meanwhile.
                if http_get(f"{self.endpoint}/moto-api/data.json")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"moto's server did not answer on port {self.port}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def make_buckets(
        self, *, policy: bool = True, one_bucket: bool = False, **overrides
    ) -> S3Media:
        """A public and a private bucket, new for the caller, and the settings naming them.

        The public bucket is readable by anyone through its policy (the documented default);
        with ``policy=False`` it has none, and only a public-read ACL makes an object public.
        With ``one_bucket`` both are one bucket, kept apart by S3_PUBLIC_PREFIX and
        S3_PRIVATE_PREFIX (in ``overrides``), the policy opening the public prefix alone.
        """
        stem = uuid.uuid4().hex[:20]
        media = S3Media(
            public_bucket=f"public-{stem}",
            private_bucket=f"public-{stem}" if one_bucket else f"private-{stem}",
            endpoint_url=self.endpoint,
            region=REGION,
            access_key_id=ACCESS_KEY_ID,
            secret_access_key=SECRET_ACCESS_KEY,
            **overrides,
        )
        client = client_for(media)
        for bucket in dict.fromkeys((media.public_bucket, media.private_bucket)):
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
            )
        if policy:
            client.put_bucket_policy(
                Bucket=media.public_bucket,
                Policy=public_read_policy(media.public_bucket, media.public_prefix),
            )
        return media


def public_read_policy(bucket: str, prefix: str = "") -> str:
    """The bucket policy deploy/s3/ gives a town: anyone may read the objects, nothing else."""
    within = f"{bucket}/{prefix.strip('/')}" if prefix.strip("/") else bucket
    return POLICY_TEMPLATE.read_text().replace("YOUR-PUBLIC-BUCKET", within)


def client_for(media: S3Media):
    """A boto3 client with the deployment's own settings (endpoint, region, keys)."""
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=media.endpoint_url,
        region_name=media.region,
        aws_access_key_id=media.access_key_id,
        aws_secret_access_key=media.secret_access_key,
    )


def stored_objects(media: S3Media) -> list[PurePosixPath]:
    """Every object in the deployment's buckets, as bucket/key."""
    client = client_for(media)
    found = []
    for bucket in dict.fromkeys((media.public_bucket, media.private_bucket)):
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            found += [PurePosixPath(bucket, entry["Key"]) for entry in page.get("Contents", ())]
    return found


def use_object_storage(settings, media: S3Media) -> None:
    """Photos of this test in the buckets named by `media`, as MEDIA_STORAGE=s3 with those S3_*
    variables configures the site (barrierfree/settings.py)."""
    settings.MEDIA_STORAGE = "s3"
    settings.S3_MEDIA = media
    settings.STORAGES = {**settings.STORAGES, **media.storages()}
