"""Helpers of the backup tests: a deployment's commands run as an operator runs them, and the
demo town with photos saved through the real photo pipeline."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from PIL import Image, ImageDraw

from tests.script_runs import script_environment
from tests.servers import ROOT


def deployment(database_url: str, folder: Path, **more: str) -> dict[str, str]:
    """The environment of a deployment on `database_url` with its media under `folder`."""
    return script_environment(
        SECRET_KEY="tests-only-not-secret",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(folder / "media"),
        PRIVATE_MEDIA_ROOT=str(folder / "private"),
        **more,
    )


def manage(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def street_photo(seed: int) -> bytes:
    """A small JPEG with some structure (no face, no plate), different for every seed."""
    image = Image.new("RGB", (640, 480), (90 + seed * 40, 120, 150))
    draw = ImageDraw.Draw(image)
    for step in range(0, 640, 40):
        draw.rectangle((step, 300, step + 20, 480), fill=(200, (step + seed * 30) % 255, 60))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def demo_town_with_photos(count: int = 2) -> list:
    """`load_demo --commit`, then `count` photos on published places through save_photo and
    their privacy check (the public copies in MEDIA_ROOT, the originals in the private storage)."""
    from mapping.models import Assessment, PhotoSubject, ReviewStatus
    from tests.jobs import checked_photo

    call_command("load_demo", commit=True, stdout=io.StringIO())
    approved = Assessment.objects.filter(status=ReviewStatus.APPROVED).order_by("place_id")
    return [
        checked_photo(
            assessment,
            street_photo(number),
            alt_text=f"Vstup do budovy {assessment.place.name}",
            subject=PhotoSubject.ENTRANCE,
        )
        for number, assessment in enumerate(approved[:count])
    ]
