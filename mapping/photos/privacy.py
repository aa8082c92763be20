"""Find faces and licence plates with the Haar cascades shipped inside opencv-python, and blur.

Works offline: the cascade files are part of the opencv-python(-headless) 4.x wheel (cv2.data);
the 5.x wheels dropped them, hence the "<5" pin in pyproject.toml. Detection runs on a small
greyscale copy for speed; rectangles are scaled back to the caller's coordinates.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageFilter

# Long side of the greyscale copies the cascades look at, and the step between the scales they
# try. These trade recall for time: see bench/bench_photos.py and the module docstring.
FACE_SIDE = 480
PLATE_SIDE = 640
SCALE_STEP = 1.25

_CASCADES = {
    "face": "haarcascade_frontalface_alt2.xml",
    "profile": "haarcascade_profileface.xml",
    "plate": "haarcascade_russian_plate_number.xml",
}


@dataclass(frozen=True)
class Area:
    """A rectangle to blur, in pixels of the upright (oriented) image: x, y, width, height."""

    x: int
    y: int
    width: int
    height: int
    kind: str = "manual"  # "face", "plate" (detected) or "manual" (given by a coordinator)

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.width, self.height]

    def scaled(self, factor: float) -> Area:
        return Area(
            round(self.x * factor),
            round(self.y * factor),
            max(1, round(self.width * factor)),
            max(1, round(self.height * factor)),
            self.kind,
        )

    def overlap(self, other: Area) -> float:
        """Intersection over union, 0..1."""
        left, top = max(self.x, other.x), max(self.y, other.y)
        right = min(self.x + self.width, other.x + other.width)
        bottom = min(self.y + self.height, other.y + other.height)
        inter = max(0, right - left) * max(0, bottom - top)
        union = self.width * self.height + other.width * other.height - inter
        return inter / union if union else 0.0


def cascade_dir() -> Path:
    """Where the installed OpenCV keeps its Haar cascades."""
    data = getattr(cv2, "data", None)
    candidates = [Path(getattr(data, "haarcascades", "") or "/nonexistent")]
    candidates.append(Path(cv2.__file__).parent / "data")
    for candidate in candidates:
        if (candidate / _CASCADES["face"]).is_file():
            return candidate
    raise RuntimeError(
        "OpenCV's Haar cascades are missing: install opencv-python-headless<5 (the 5.x wheels "
        "no longer ship cv2/data/haarcascade_*.xml)."
    )


@functools.cache
def _cascade(name: str) -> cv2.CascadeClassifier:
    classifier = cv2.CascadeClassifier(str(cascade_dir() / _CASCADES[name]))
    if classifier.empty():
        raise RuntimeError(f"OpenCV could not load the cascade {_CASCADES[name]}.")
    return classifier


def detect_areas(
    image: Image.Image, *, face_side: int = FACE_SIDE, plate_side: int = PLATE_SIDE
) -> list[Area]:
    """Faces (frontal and both profiles) and licence plates, in ``image``'s pixels.

    The smallest face found is 24 px on a ``face_side`` copy: with the default 480, a face 5 % of
    the photo's long side (a person about two metres from a phone's wide lens). Smaller ones are
    for the coordinator to add during review.
    """
    grey, scale = _grey(image, face_side)
    plates, plate_scale = (grey, scale) if plate_side == face_side else _grey(image, plate_side)
    width = grey.shape[1]
    areas: list[Area] = []
    for x, y, w, h in _find("face", grey, (24, 24)):
        areas.append(Area(x, y, w, h, "face").scaled(1 / scale))
    for x, y, w, h in _find("profile", grey, (24, 24)):
        areas.append(Area(x, y, w, h, "face").scaled(1 / scale))
    # The profile cascade only knows faces looking one way: look at the mirror image too.
    for x, y, w, h in _find("profile", np.ascontiguousarray(grey[:, ::-1]), (24, 24)):
        areas.append(Area(width - x - w, y, w, h, "face").scaled(1 / scale))
    for x, y, w, h in _find("plate", plates, (45, 15)):
        areas.append(Area(x, y, w, h, "plate").scaled(1 / plate_scale))
    return areas


def _find(name: str, grey: np.ndarray, min_size: tuple[int, int]) -> list[tuple[int, ...]]:
    found = _cascade(name).detectMultiScale(
        grey, scaleFactor=SCALE_STEP, minNeighbors=5, minSize=min_size
    )
    return [tuple(int(value) for value in box) for box in found]


def _grey(image: Image.Image, side: int) -> tuple[np.ndarray, float]:
    scale = min(1.0, side / max(image.size))
    small = image.convert("L")
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        small = small.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    return cv2.equalizeHist(np.asarray(small)), scale


def blur_areas(image: Image.Image, areas: list[Area]) -> Image.Image:
    """Pixelate then smooth each area (with a margin) in place, beyond recognition."""
    for area in areas:
        margin_x, margin_y = round(area.width * 0.15), round(area.height * 0.15)
        box = (
            max(0, area.x - margin_x),
            max(0, area.y - margin_y),
            min(image.width, area.x + area.width + margin_x),
            min(image.height, area.y + area.height + margin_y),
        )
        if box[2] - box[0] < 2 or box[3] - box[1] < 2:
            continue
        region = image.crop(box)
        # About eight blocks across the area: no features survive, whatever the size.
        block = max(2, max(region.size) // 8)
        tiny = region.resize(
            (max(1, region.width // block), max(1, region.height // block)),
            Image.Resampling.BOX,
        )
        region = tiny.resize(region.size, Image.Resampling.BILINEAR)
        region = region.filter(ImageFilter.GaussianBlur(radius=max(1, block // 2)))
        image.paste(region, box[:2])
    return image
