"""Settings come from the environment, with safe production defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF",
    "ALLOWED_HOSTS": "mapa.example.cz",
    "SITE_URL": "https://mapa.example.cz",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set in this process while the browser tests' Playwright
        # runs; a deployment never has it, and check --deploy rightly refuses it.
        if k not in {"DEBUG", "SECRET_KEY", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="mapa.example.cz")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_secret_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret"
    key_file.write_text(PRODUCTION_ENV["SECRET_KEY"] + "\n")
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY_FILE=str(key_file),
        ALLOWED_HOSTS="mapa.example.cz",
        SITE_URL="https://mapa.example.cz",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_map_centre_off_the_earth_is_reported_with_what_to_fix():
    result = manage("check", MAP_CENTER_LAT="149.3", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "mapping.E001" in result.stderr
    assert "MAP_CENTER_LAT" in result.stderr


def test_a_malformed_boolean_is_refused_loudly():
    result = manage("check", DEBUG="perhaps", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "DEBUG='perhaps' is not a boolean" in result.stderr


def test_an_unknown_methodology_version_is_reported_with_the_known_ones():
    result = manage("check", METHODOLOGY_VERSION="mkpo-1999", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "mapping.E004" in result.stderr
    assert "mkpo-12m-2026.1" in result.stderr


def test_the_old_api_report_rate_is_refused_with_the_setting_that_replaced_it():
    result = manage("check", REPORTS_RATE="100/hour", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "set REPORTS_PER_HOUR" in result.stderr


def test_a_towns_tile_server_and_its_credit_reach_the_map_and_the_content_policy():
    shown = (
        "from django.conf import settings; tiles = settings.LEAFLET_CONFIG['TILES'][0]; "
        "print(tiles[1]); print(tiles[2]['attribution']); "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    result = manage(
        "shell",
        "-c",
        shown,
        MAP_TILES_URL="https://mapy.pisek.example/{z}/{x}/{y}.png",
        MAP_TILES_ATTRIBUTION="© Město Písek",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    *_before, url, credit, images = result.stdout.splitlines()
    assert url == "https://mapy.pisek.example/{z}/{x}/{y}.png"
    assert credit == "© Město Písek"
    assert "https://mapy.pisek.example" in images
