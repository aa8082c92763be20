"""Where photos are kept, for settings: the file system (MEDIA_ROOT and PRIVATE_MEDIA_ROOT) or, with
MEDIA_STORAGE=s3, S3-compatible object storage (a town's provider, MinIO, AWS).

Public copies and private originals live in two buckets, or in one bucket under two prefixes that
do not contain each other. Public objects are readable by anyone through the public bucket's
policy (the default: no ACL is sent, as many providers do not support ACLs) or through a
public-read ACL (S3_PUBLIC_ACL=public-read); private objects never carry an ACL and are reached
only through a link the application signs after checking the role (mapping/review/photo_views.py).

Backends are named by their dotted path: nothing here imports boto3, which loads with the storages
(the models make the private one at start) only with MEDIA_STORAGE=s3.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

S3_BACKEND = "storages.backends.s3.S3Storage"
MEDIA_STORAGES = ("filesystem", "s3")
PUBLIC_ACLS = ("", "public-read")
ADDRESSING_STYLES = ("path", "virtual")
# SigV4 signs links for at most a week.
MAX_URL_EXPIRY_SECONDS = 7 * 24 * 3600
# Public copies get a new random name whenever they change (mapping/photo_storage.py): a copy
# never changes under its name, so browsers and a CDN may keep it for a year.
PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable"
PRIVATE_CACHE_CONTROL = "private, no-store"


@dataclass(frozen=True)
class S3Media:
    """The S3 settings of a deployment (README, Configuration), read by barrierfree/settings.py."""

    public_bucket: str = ""
    private_bucket: str = ""
    public_prefix: str = ""
    private_prefix: str = ""
    endpoint_url: str = ""
    region: str = ""
    access_key_id: str = ""
    secret_access_key: str = ""
    public_url: str = ""
    public_acl: str = ""
    addressing_style: str = ""
    private_url_expiry: int = 300

    @property
    def style(self) -> str:
        """Path-style addresses with an endpoint of one's own (what MinIO and most providers
        answer without further set-up); virtual-hosted ones on AWS."""
        return self.addressing_style or ("path" if self.endpoint_url else "virtual")

    def storages(self) -> dict:
        """STORAGES["default"] (public copies) and STORAGES["private"] (originals)."""
        common = {
            "endpoint_url": self.endpoint_url or None,
            "region_name": self.region or None,
            # Empty: boto3's own chain (AWS_* variables, ~/.aws, an instance role).
            "access_key": self.access_key_id or None,
            "secret_key": self.secret_access_key or None,
            "addressing_style": self.style,
            "signature_version": "s3v4",
            # Names are random; never replace an object that happens to exist.
            "file_overwrite": False,
        }
        public = {
            **common,
            "bucket_name": self.public_bucket or None,
            "location": _prefix(self.public_prefix),
            "default_acl": self.public_acl or None,
            "querystring_auth": False,
            "object_parameters": {"CacheControl": PUBLIC_CACHE_CONTROL},
        }
        if self.public_url:
            parts = urlsplit(self.public_url)
            public["url_protocol"] = f"{parts.scheme}:"
            public["custom_domain"] = (parts.netloc + parts.path).rstrip("/")
        private = {
            **common,
            "bucket_name": self.private_bucket or None,
            "location": _prefix(self.private_prefix),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": self.private_url_expiry,
            "object_parameters": {"CacheControl": PRIVATE_CACHE_CONTROL},
        }
        return {
            "default": {"BACKEND": S3_BACKEND, "OPTIONS": public},
            "private": {"BACKEND": S3_BACKEND, "OPTIONS": private},
        }

    def public_origin(self) -> str:
        """The scheme, host and port of the public copies' addresses, for the
        Content-Security-Policy's img-src."""
        if self.public_url:
            return _origin(self.public_url)
        if self.endpoint_url:
            parts = urlsplit(self.endpoint_url)
            if self.style == "virtual":
                return f"{parts.scheme}://{self.public_bucket}.{parts.netloc}"
            return f"{parts.scheme}://{parts.netloc}"
        if self.region in ("", "us-east-1"):
            return f"https://{self.public_bucket}.s3.amazonaws.com"
        return f"https://{self.public_bucket}.s3.{self.region}.amazonaws.com"

    def missing(self) -> list[str]:
        """The variables MEDIA_STORAGE=s3 cannot work without."""
        needed = [
            ("S3_PUBLIC_BUCKET", self.public_bucket),
            ("S3_PRIVATE_BUCKET", self.private_bucket),
        ]
        if not self.endpoint_url:
            needed.append(("S3_REGION", self.region))  # AWS: the bucket's region
        if bool(self.access_key_id) != bool(self.secret_access_key):
            # One without the other signs nothing: name the one missing.
            needed += [
                ("S3_ACCESS_KEY_ID", self.access_key_id),
                ("S3_SECRET_ACCESS_KEY", self.secret_access_key),
            ]
        return [name for name, value in needed if not value]

    def invalid(self) -> list[tuple[str, str]]:
        """(variable, what to set instead) for every value that cannot work."""
        problems = []
        for name, url in (
            ("S3_ENDPOINT_URL", self.endpoint_url),
            ("S3_PUBLIC_URL", self.public_url),
        ):
            if url and not _is_web_address(url):
                problems.append((name, "an address starting with https:// (or http://)"))
        if self.public_acl not in PUBLIC_ACLS:
            problems.append(
                ("S3_PUBLIC_ACL", "public-read, or nothing to rely on the bucket policy")
            )
        if self.addressing_style not in ("", *ADDRESSING_STYLES):
            problems.append(("S3_ADDRESSING_STYLE", "path or virtual"))
        if not 1 <= self.private_url_expiry <= MAX_URL_EXPIRY_SECONDS:
            problems.append(
                ("S3_PRIVATE_URL_EXPIRY", f"a number of seconds from 1 to {MAX_URL_EXPIRY_SECONDS}")
            )
        return problems

    def private_within_public(self) -> bool:
        """One bucket for both whose prefixes overlap: the public bucket's policy or a listing
        would reach the originals."""
        if not self.public_bucket or self.public_bucket != self.private_bucket:
            return False
        public, private = _prefix(self.public_prefix), _prefix(self.private_prefix)
        return not public or not private or _contains(public, private) or _contains(private, public)


def _prefix(value: str) -> str:
    return value.strip().strip("/")


def _contains(outer: str, inner: str) -> bool:
    return inner == outer or inner.startswith(outer + "/")


def _is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
