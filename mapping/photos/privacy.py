"""Find faces and licence plates with the Haar cascades shipped inside opencv-python, and blur.

Works offline: the cascade files are part of the opencv-python(-headless) 4.x wheel (cv2.data);
the 5.x wheels dropped them, hence the "<5" pin in pyproject.toml. Detection runs on a small
greyscale copy for speed; rectangles are scaled back to the caller's coordinates.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageFilter

if TYPE_CHECKING:
    import cv2

# How each cascade looks: the long side of its greyscale copy, the step between the scales it
# tries, and how many overlapping hits make a detection. Measured on skimage's astronaut pasted
# at several sizes into a street photo: the frontal cascade at 640 px and a 1.15 step finds faces
# down to ~3 % of the photo's long side (50 px in the 1600 px public copy); at 480 px or a 1.2
# step it misses faces twice that size. Profiles (two passes) and plates get a coarser look to
# keep the time down. Few neighbours for faces (a missed face is worse than a blurred bush), more
# for plates (signs and posters, which a survey photo must keep readable, look like plates).
FACE_LOOK = {"side": 640, "step": 1.15, "neighbours": 3}
PROFILE_LOOK = {"side": 480, "step": 1.2, "neighbours": 3}
PLATE_LOOK = {"side": 640, "step": 1.2, "neighbours": 5}

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


def _cv2() -> ModuleType:
    # Imported on first use: OpenCV adds ~40 MB to every process (management commands, the
    # API workers), and only the ones that process photos need it.
    import cv2

    return cv2


def cascade_dir() -> Path:
    """Where the installed OpenCV keeps its Haar cascades."""
    cv2 = _cv2()
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


_per_thread = threading.local()


def _cascade(name: str) -> cv2.CascadeClassifier:
    # One classifier per thread: OpenCV objects must not be shared between threads (a threaded
    # server would corrupt them; see opencv/opencv_contrib#1508), and loading costs ~30 ms once.
    cascades = _per_thread.__dict__.setdefault("cascades", {})
    if name not in cascades:
        classifier = _cv2().CascadeClassifier(str(cascade_dir() / _CASCADES[name]))
        if classifier.empty():
            raise RuntimeError(f"OpenCV could not load the cascade {_CASCADES[name]}.")
        cascades[name] = classifier
    return cascades[name]


def detect_areas(image: Image.Image) -> list[Area]:
    """Faces (frontal and both profiles) and licence plates, in ``image``'s pixels.

    Smaller faces than FACE_LOOK finds (about 20 px on its copy) are for the coordinator to add
    during review.
    """
    greys: dict[int, tuple[np.ndarray, float]] = {}

    def grey(side: int) -> tuple[np.ndarray, float]:
        if side not in greys:
            greys[side] = _grey(image, side)
        return greys[side]

    areas: list[Area] = []
    source, scale = grey(FACE_LOOK["side"])
    for x, y, w, h in _find("face", source, (20, 20), FACE_LOOK):
        areas.append(Area(x, y, w, h, "face").scaled(1 / scale))
    source, scale = grey(PROFILE_LOOK["side"])
    for x, y, w, h in _find("profile", source, (20, 20), PROFILE_LOOK):
        areas.append(Area(x, y, w, h, "face").scaled(1 / scale))
    # The profile cascade only knows faces looking one way: look at the mirror image too.
    width = source.shape[1]
    mirrored = np.ascontiguousarray(source[:, ::-1])
    for x, y, w, h in _find("profile", mirrored, (20, 20), PROFILE_LOOK):
        areas.append(Area(width - x - w, y, w, h, "face").scaled(1 / scale))
    source, scale = grey(PLATE_LOOK["side"])
    for x, y, w, h in _find("plate", source, (45, 15), PLATE_LOOK):
        areas.append(Area(x, y, w, h, "plate").scaled(1 / scale))
    return areas


def _find(
    name: str, grey: np.ndarray, min_size: tuple[int, int], look: dict[str, float]
) -> list[tuple[int, ...]]:
    found = _cascade(name).detectMultiScale(
        grey, scaleFactor=look["step"], minNeighbors=int(look["neighbours"]), minSize=min_size
    )
    return [tuple(int(value) for value in box) for box in found]


def _grey(image: Image.Image, side: int) -> tuple[np.ndarray, float]:
    scale = min(1.0, side / max(image.size))
    small = image.convert("L")
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        small = small.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    # No histogram equalisation: measured, it loses more faces than it finds.
    return np.asarray(small), scale


def blur_areas(image: Image.Image, areas: list[Area]) -> Image.Image:
    """Pixelate then smooth each area (with a margin) in place, beyond recognition."""
    for area in areas:
        # A margin takes in hair, ears and the edge of a plate that the cascade's box cuts off.
        margin_x, margin_y = round(area.width * 0.2), round(area.height * 0.25)
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
