"""Debian's nginx with the project's own site (deploy/nginx/) in front of gunicorn, as a town's
server runs them: pages and static files, public thumbnails, private originals only through the
application (X-Accel-Redirect, after the role is checked), a refused private path, an oversized
upload refused by nginx, and the TLS headers reaching the application."""

import re
import shutil
import socket
import ssl
import subprocess
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.contrib.sessions.backends.db import SessionStore

from mapping.models import Photo, ReviewStatus, Role
from tests.factories import make_assessment, make_place, make_user
from tests.servers import ROOT, AppServer, free_port

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("nginx"), reason="Debian's nginx is not installed"),
]
LOCATIONS = ROOT / "deploy" / "nginx" / "bezbarierova-mapa-locations.conf"
SITE_ROOT = "/srv/bezbarierova-mapa"
ORIGINAL = b"\xff\xd8original with its metadata\xff\xd9"
THUMBNAIL = b"\xff\xd8public thumbnail\xff\xd9"


def nginx_conf(folder: Path, port: int, upstream: int, root: Path) -> str:
    """The deployment's locations unchanged but for the folder, in a server block on a free
    port with a throw-away certificate; nginx's own files stay in the test's folder."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", folder / "key.pem", "-out", folder / "cert.pem"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    (folder / "locations.conf").write_text(LOCATIONS.read_text().replace(SITE_ROOT, str(root)))
    return f"""
user root;
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream bezbarierova_mapa {{ server 127.0.0.1:{upstream}; keepalive 4; }}
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {folder}/cert.pem;
        ssl_certificate_key {folder}/key.pem;
        include {folder}/locations.conf;
    }}
}}
"""


@pytest.fixture
def site_root(tmp_path, production_static) -> Path:
    root = tmp_path / "srv"
    (root / "media" / "photos" / "thumb").mkdir(parents=True)
    (root / "media-private" / "photos" / "original").mkdir(parents=True)
    (root / "staticfiles").symlink_to(production_static)
    (root / "media" / "photos" / "thumb" / "t.jpg").write_bytes(THUMBNAIL)
    (root / "media-private" / "photos" / "original" / "o.jpg").write_bytes(ORIGINAL)
    return root


@pytest.fixture
def application(tmp_path, site_root, production_environment):
    env = {
        **production_environment,
        "STATIC_ROOT": str(site_root / "staticfiles"),
        "MEDIA_ROOT": str(site_root / "media"),
        "PRIVATE_MEDIA_ROOT": str(site_root / "media-private"),
        "SERVE_MEDIA": "false",
        "PRIVATE_MEDIA_ACCEL_REDIRECT": "/_private/",
        "BEHIND_TLS_PROXY": "true",
        "TRUSTED_PROXY_COUNT": "1",
        "SECURE_SSL_REDIRECT": "true",
    }
    server = AppServer(tmp_path, env)
    yield server
    server.stop()


@pytest.fixture
def nginx(tmp_path, site_root, application):
    folder = tmp_path / "nginx"
    folder.mkdir()
    port = free_port()
    (folder / "nginx.conf").write_text(nginx_conf(folder, port, application.port, site_root))
    process = subprocess.Popen(
        ["nginx", "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    base = f"https://127.0.0.1:{port}"
    try:
        wait_for(port, process, folder)
        application.wait_until_serving(path="/healthz")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)


def wait_for(port: int, process: subprocess.Popen, folder: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            pytest.fail(f"nginx exited:\n{(folder / 'error.log').read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            subprocess.run(["sleep", "0.1"], check=True)
    pytest.fail("nginx did not listen")


UNVERIFIED = ssl._create_unverified_context()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(urllib.request.HTTPSHandler(context=UNVERIFIED), NoRedirects())


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One request through nginx; redirects are answers, not followed."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def coordinator_cookie() -> str:
    coordinator = make_user("koordinatorka", role=Role.COORDINATOR, is_staff=True)
    session = SessionStore()
    session["_auth_user_id"] = str(coordinator.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = coordinator.get_session_auth_hash()
    session.create()
    cookie = SimpleCookie()
    cookie["sessionid"] = session.session_key
    return cookie.output(header="", attrs=[]).strip()


def test_nginx_serves_pages_static_and_thumbnails_and_passes_the_tls_headers(nginx):
    status, headers, body = fetch(f"{nginx}/")
    page = body.decode()
    # https seen by the application through X-Forwarded-Proto: no redirect, secure cookies.
    assert status == 200 and 'id="map"' in page
    stylesheet = page.split('href="/static/css/site.')[1].split('"')[0]
    status, headers, _body = fetch(f"{nginx}/static/css/site.{stylesheet}")
    assert status == 200 and "immutable" in headers["Cache-Control"]
    status, _headers, body = fetch(f"{nginx}/media/photos/thumb/t.jpg")
    assert (status, body) == (200, THUMBNAIL)


def test_the_application_alone_redirects_plain_http_so_the_header_came_from_nginx(
    nginx, application
):
    response = application.get("/")
    assert response.status == 301
    assert response.headers["Location"].startswith("https://")


def test_private_originals_leave_only_through_the_application_for_a_coordinator(nginx):
    place = make_place("Radnice")
    photo = Photo.objects.create(
        assessment=make_assessment(place, status=ReviewStatus.SUBMITTED),
        original="photos/original/o.jpg",
        image="photos/thumb/t.jpg",
        thumbnail="photos/thumb/t.jpg",
        width=10,
        height=10,
        alt_text="Vchod do radnice",
        privacy_status="done",
    )
    for path in ("/media-private/photos/original/o.jpg", "/_private/photos/original/o.jpg"):
        status, _headers, body = fetch(nginx + path)
        assert status == 404 and ORIGINAL not in body
    url = f"{nginx}/kontrola/fotky/{photo.pk}/original/"
    status, headers, body = fetch(url)
    assert status == 302 and "/ucet/" in headers["Location"] and ORIGINAL not in body
    status, headers, body = fetch(url, Cookie=coordinator_cookie())
    assert (status, body) == (200, ORIGINAL)
    assert headers["Content-Type"] == "image/jpeg"
    assert "no-store" in headers["Cache-Control"]


def test_an_oversized_upload_is_refused_by_nginx_before_the_application_reads_it(nginx):
    port = int(nginx.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        tls = UNVERIFIED.wrap_socket(raw, server_hostname="127.0.0.1")
        tls.sendall(
            b"POST /nahlasit/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            b"Content-Length: 70000000\r\nConnection: close\r\n\r\n"
        )
        answer = tls.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413")


def test_nginx_gives_each_request_its_own_id_which_the_application_answers_with(nginx):
    status, headers, _body = fetch(f"{nginx}/healthz", **{"X-Request-ID": "forged-by-a-client"})
    assert status == 200 and re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])
    _status, again, _body = fetch(f"{nginx}/healthz")
    assert again["X-Request-ID"] != headers["X-Request-ID"]
