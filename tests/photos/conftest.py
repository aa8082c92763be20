import datetime
import io
from pathlib import Path

import numpy as np
import pytest
from django.contrib.gis.geos import Point
from PIL import Image

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "photos"
LIMITS = {"max_bytes": 10_000_000, "max_pixels": 40_000_000}


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def jpeg_bytes(image: Image.Image, **params) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, **params)
    return out.getvalue()


def astronaut() -> Image.Image:
    from skimage import data

    return Image.fromarray(data.astronaut())


def edge_energy(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """Mean absolute horizontal + vertical gradient of the grey pixels in ``box``."""
    grey = np.asarray(image.convert("L").crop(box), dtype=np.float64)
    return float(np.abs(np.diff(grey, axis=0)).mean() + np.abs(np.diff(grey, axis=1)).mean())


@pytest.fixture
def assessment(db):
    from mapping.models import Assessment, Place

    place = Place.objects.create(name="Radnice", location=Point(14.1475, 49.3088, srid=4326))
    return Assessment.objects.create(
        place=place, survey_date=datetime.date(2026, 11, 1), methodology_version="test"
    )


@pytest.fixture
def report(db):
    from mapping.models import Report

    return Report.objects.create(
        kind="barrier", text="Rozbitá rampa", location=Point(14.1475, 49.3088, srid=4326)
    )


@pytest.fixture(autouse=True)
def _messages_in_english(english):
    """These tests read messages in English, the source language (Czech has its own tests)."""
