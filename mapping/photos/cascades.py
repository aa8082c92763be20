"""Faces and licence plates found by the Haar cascades shipped inside opencv-python: the baseline.

The privacy check no longer runs them: CenterFace (faces.py) finds every face they find and
smaller ones, and their plate cascade knows Russian plates only (docs/decisions/0008). They stay
as the measured baseline that bench/bench_photos.py --recall and the tests hold CenterFace to.

Works offline: the cascade files are part of the opencv-python(-headless) 4.x wheel (cv2.data);
the 5.x wheels dropped them, hence the "<5" pin in pyproject.toml. Detection runs on a small
greyscale copy for speed; rectangles are scaled back to the caller's coordinates.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeAlias, TypedDict

import numpy as np
import numpy.typing as npt
from PIL import Image

from mapping.photos.areas import Area

if TYPE_CHECKING:
    import cv2

# A greyscale copy of the image, as OpenCV takes it.
Grey: TypeAlias = "npt.NDArray[np.uint8]"


class Look(TypedDict):
    side: int  # the long side of the greyscale copy, px
    step: float  # the factor between the window sizes tried
    neighbours: int  # overlapping hits that make a detection


# How each cascade looks: the long side of its greyscale copy, the step between the scales it
# tries, and how many overlapping hits make a detection. Measured with
# `python bench/bench_photos.py --recall`: skimage's astronaut (frontal) and cameraman (profile)
# pasted at sizes from 2.4 to 13 % of the long side, at 8 places in four of the test photos;
# "finds" means all 8. This is the privacy/time trade-off; recall is what we keep:
# - Frontal: 640 px, a 1.1 step, one octave of face sizes per copy (_octaves): finds faces from
#   3.0 % of the long side (48 px in the 1600 px public copy; 62 % at 2.8 %, none at 2.6 %).
#   The single pass over all scales with a 1.15 step used before found them only from 4.2 % (and
#   62-88 % at 3.2-4.0 %), and took 10 % more time on the benchmark photo.
# - Profiles (two passes: the cascade knows one direction): 480 px, a 1.2 step, one pass over all
#   scales: finds profiles from 6.5 % (the frontal cascade catches some turned faces too; before:
#   from 7.5 %). Smaller profiles are missed, for a coordinator to blur during review. Measured
#   and refused as too weak: a 440 or 400 px copy or a 1.25 step (misses up to 9.5 % or never
#   finds all), and octaves (this cascade needs the dense look of a single pass).
# - Plates: 640 px, a 1.2 step; the cascade's window is 60 x 20 px, so plates from 9 % of the
#   long side (a car a few metres away). Farther plates are left to the coordinator. The only
#   plate cascade OpenCV ships is trained on Russian plates: a drawn plate of that format is
#   found, one of the Czech format (EU band, seven characters) is not (tests/photos/
#   test_plates.py, a strict xfail), so Czech plates are for the coordinator to blur in review.
# No maxSize: the biggest faces cost almost nothing to look for, and a selfie is a face too.
# Few neighbours for faces (a missed face is worse than a blurred bush), more for plates (signs
# and posters, which a survey photo must keep readable, look like plates).
FACE_LOOK: Look = {"side": 640, "step": 1.1, "neighbours": 3}
PROFILE_LOOK: Look = {"side": 480, "step": 1.2, "neighbours": 3}
PLATE_LOOK: Look = {"side": 640, "step": 1.2, "neighbours": 5}
# Overlap (OpenCV's eps) under which raw hits of the frontal octaves count as one face; the value
# detectMultiScale itself uses.
_GROUP_EPS = 0.2

_CASCADES = {
    "face": "haarcascade_frontalface_alt2.xml",
    "profile": "haarcascade_profileface.xml",
    "plate": "haarcascade_russian_plate_number.xml",
}


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
    if cv2.__file__:
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
    cascades: dict[str, cv2.CascadeClassifier]
    cascades = _per_thread.__dict__.setdefault("cascades", {})
    if name not in cascades:
        classifier = _cv2().CascadeClassifier(str(cascade_dir() / _CASCADES[name]))
        if classifier.empty():
            raise RuntimeError(f"OpenCV could not load the cascade {_CASCADES[name]}.")
        cascades[name] = classifier
    return cascades[name]


@dataclass(frozen=True)
class DetectionPass:
    """One cascade run over one greyscale copy (independent of the others)."""

    label: str  # for the benchmark: what it looks for, where
    cascade: str  # a key of _CASCADES
    grey: Grey
    to_image: float  # grey pixels -> the caller's image pixels
    kind: str  # "face" or "plate"
    look: Look
    max_side: int = 0  # largest window (grey pixels) to try; 0: up to the whole copy
    mirrored: bool = False  # the grey copy is mirrored: map the hits back
    raw: bool = False  # return every hit, for the caller to group (frontal octaves)

    def run(self) -> list[tuple[int, int, int, int]]:
        classifier = _cascade(self.cascade)
        window = classifier.getOriginalWindowSize()
        found = classifier.detectMultiScale(
            self.grey,
            scaleFactor=self.look["step"],
            minNeighbors=0 if self.raw else self.look["neighbours"],
            minSize=window,
            # (0, 0), OpenCV's default, is no limit.
            maxSize=(self.max_side, self.max_side),
        )
        width = self.grey.shape[1]
        boxes = []
        for x, y, w, h in found:
            x = width - x - w if self.mirrored else x
            boxes.append((int(x), int(y), int(w), int(h)))
        # OpenCV's threads add hits in the order they find them: sort, so that the same photo
        # always gives the same list.
        return sorted(boxes)


def detection_passes(image: Image.Image) -> list[DetectionPass]:
    """The cascade runs that ``detect_areas`` makes on ``image``, in the order it combines them."""
    grey, scale = _grey(image, FACE_LOOK["side"])  # the one colour-to-grey conversion
    passes = [
        DetectionPass(
            f"frontal {low}-{high or 'up'} px, {level.shape[1]}x{level.shape[0]}",
            "face",
            level,
            factor / scale,
            "face",
            FACE_LOOK,
            max_side=high // factor if high else 0,
            raw=True,
        )
        for level, factor, low, high in _octaves(grey, 20)
    ]
    profile, profile_scale = _shrink(grey, scale, PROFILE_LOOK["side"])
    mirrored = np.ascontiguousarray(profile[:, ::-1])
    size = f"{profile.shape[1]}x{profile.shape[0]}"
    for label, copy, flipped in (("to the right", profile, False), ("to the left", mirrored, True)):
        passes.append(
            DetectionPass(
                f"profiles {label}, {size}",
                "profile",
                copy,
                1 / profile_scale,
                "face",
                PROFILE_LOOK,
                mirrored=flipped,
            )
        )
    passes.append(
        DetectionPass(
            f"plates, {grey.shape[1]}x{grey.shape[0]}",
            "plate",
            grey,
            1 / scale,
            "plate",
            PLATE_LOOK,
        )
    )
    return passes


def detect_areas(image: Image.Image) -> list[Area]:
    """Faces (frontal and both profiles) and licence plates, in ``image``'s pixels.

    The passes run one after the other: OpenCV already spreads each over the cores (by rows of
    every scale), and running them at the same time on a thread pool measured no faster on two
    cores (bench/bench_photos.py prints each pass). Faces smaller than the looks above find are
    for the coordinator to add during review.
    """
    passes = detection_passes(image)
    results = [pass_.run() for pass_ in passes]
    areas: list[Area] = []
    frontal = [
        [round(value * pass_.to_image / passes[0].to_image) for value in box]
        for pass_, boxes in zip(passes, results, strict=True)
        if pass_.raw
        for box in boxes
    ]
    if frontal:
        # Group the raw hits of all octaves together, as one detectMultiScale call would.
        grouped, _ = _cv2().groupRectangles(frontal, FACE_LOOK["neighbours"], _GROUP_EPS)
        areas += [
            Area(x, y, w, h, "face").scaled(passes[0].to_image)
            for x, y, w, h in sorted(tuple(int(value) for value in box) for box in grouped)
        ]
    for pass_, boxes in zip(passes, results, strict=True):
        if not pass_.raw:
            areas += [Area(*box, pass_.kind).scaled(pass_.to_image) for box in boxes]
    return areas


def _octaves(grey: Grey, window: int) -> list[tuple[Grey, int, int, int]]:
    """The grey copy and its halves, each to be searched for windows of one octave only.

    Returns (copy, factor to the full copy, smallest and largest window in full-copy pixels,
    0 for no limit). OpenCV moves its window by 2 px while the window is less than twice the
    cascade's size, and by 1 px beyond, so one pass looks at big faces 4 times as densely as at
    small ones. Looking for faces of 40-79 px on the half copy costs a quarter of looking for
    them on the full one (measured: 43 against 115 ms on the benchmark photo). That sparser look
    alone misses some faces of 4-6 %; the finer scale step of FACE_LOOK wins them back and more.
    The raw hits of all octaves are grouped together by the caller.
    """
    levels = []
    level, factor = grey, 1
    while min(level.shape) >= 4 * window:
        levels.append((level, factor, window * factor, 2 * window * factor - 1))
        level = _cv2().resize(
            level, (level.shape[1] // 2, level.shape[0] // 2), interpolation=_cv2().INTER_AREA
        )
        factor *= 2
    levels.append((level, factor, window * factor, 0))
    return levels


def _grey(image: Image.Image, side: int) -> tuple[Grey, float]:
    grey = np.asarray(image.convert("L"))
    # No histogram equalisation: measured, it loses more faces than it finds.
    return _shrink(grey, 1.0, side)


def _shrink(grey: Grey, scale: float, side: int) -> tuple[Grey, float]:
    """``grey`` (``scale`` times the image) with its long side at most ``side``, and its scale."""
    factor = min(1.0, side / max(grey.shape))
    if factor >= 1.0:
        return grey, scale
    size = (max(1, round(grey.shape[1] * factor)), max(1, round(grey.shape[0] * factor)))
    # Area averaging: the fair way down, and a fraction of Pillow's bilinear filter's time.
    small = _cv2().resize(grey, size, interpolation=_cv2().INTER_AREA)
    return small, scale * size[0] / grey.shape[1]
