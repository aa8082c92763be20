"""The face harness: real faces pasted at a chosen size, several to a photo, into real photos
without people. Shared by the tests (tests/photos/test_faces.py, tests/worker/) and the recall
benchmark (bench/bench_photos.py --recall), so that both measure the same thing.

Faces: scikit-image's astronaut (frontal; NASA, public domain) and cameraman (in profile; its
licence: scikit-image's data/README), both 512 x 512, each with the box around its eyes, nose
and mouth. A face's size is the width of that box in per mille of the photo's long side.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from PIL import Image

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "photos"
FRONTAL = "frontal"
PROFILE = "profile"
# (scikit-image sample, box around eyes, nose and mouth in its 512 x 512 pixels) per kind.
SOURCES = {FRONTAL: ("astronaut", (180, 70, 270, 160)), PROFILE: ("camera", (185, 95, 275, 195))}
# Real photos without people that the faces are pasted into (the repository's fixtures).
BACKGROUNDS = ("DSCN0010.jpg", "landscape_1.jpg", "landscape_6.jpg", "45-gps_ifd.jpg")
LONG_SIDE = 1600  # the display copy's long side, on which the privacy check looks

Box = tuple[float, float, float, float]  # left, top, right, bottom


@cache
def face_source(kind: str) -> Image.Image:
    from skimage import data

    return Image.fromarray(getattr(data, SOURCES[kind][0])()).convert("RGB")


@cache
def background(name: str) -> Image.Image:
    with Image.open(FIXTURES / name) as image:
        image = image.convert("RGB")
    factor = LONG_SIDE / max(image.size)
    size = (round(image.width * factor), round(image.height * factor))
    return image.resize(size, Image.Resampling.BICUBIC)


def street_with_faces(
    per_mille: int,
    count: int = 1,
    kind: str = FRONTAL,
    backdrop: str = BACKGROUNDS[0],
    variant: int = 0,
    mirrored: bool = False,
) -> tuple[Image.Image, list[Box]]:
    """``backdrop`` at 1600 px with up to ``count`` faces of ``per_mille`` of the long side, one
    to a cell of a grid, placed by ``variant`` (each variant moves them over the photo and over
    a detector's sampling grid). Returns the photo and the box of each face pasted; fewer faces
    than asked when big ones do not fit, none when even one does not."""
    photo = background(backdrop).copy()
    _name, box = SOURCES[kind]
    side = round(per_mille / 1000 * LONG_SIDE * 512 / (box[2] - box[0]))
    face = face_source(kind).resize((side, side), Image.Resampling.BICUBIC)
    if mirrored:
        face = face.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    left, right = (512 - box[2], 512 - box[0]) if mirrored else (box[0], box[2])
    scale = side / 512
    faces: list[Box] = []
    for cell_x, cell_y, cell_w, cell_h in _cells(photo.size, side, count):
        number = len(faces)
        x = cell_x + (137 * variant + 61 * mirrored + 7 * per_mille + 53 * number) % (cell_w - side)
        y = cell_y + (91 * variant + 37 + 5 * per_mille + 29 * number) % (cell_h - side)
        photo.paste(face, (x, y))
        faces.append((x + left * scale, y + box[1] * scale, x + right * scale, y + box[3] * scale))
    return photo, faces


def _cells(size: tuple[int, int], side: int, count: int) -> list[tuple[int, int, int, int]]:
    """Up to ``count`` cells of a grid over ``size`` that a face of ``side`` fits into."""
    for wanted in range(count, 0, -1):
        columns = math.ceil(math.sqrt(wanted * size[0] / size[1]))
        rows = math.ceil(wanted / columns)
        width, height = size[0] // columns, size[1] // rows
        if side < min(width, height):
            cells = [
                (c * width, r * height, width, height) for r in range(rows) for c in range(columns)
            ]
            return cells[:wanted]
    return []


def covers(areas: Iterable, face: Box | tuple[float, float]) -> bool:
    """Some area (with x, y, width, height) holds the face's centre (or the point given)."""
    if len(face) == 4:
        centre_x, centre_y = (face[0] + face[2]) / 2, (face[1] + face[3]) / 2
    else:
        centre_x, centre_y = face
    return any(
        area.x <= centre_x <= area.x + area.width and area.y <= centre_y <= area.y + area.height
        for area in areas
    )
