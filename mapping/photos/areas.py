"""Areas of a photo to blur, and the blur itself: pure Pillow, whoever found the areas.

An area's coordinates are pixels of the upright original whenever it is stored or passed between
layers (see pipeline.py); detectors return them in the pixels of the image they were given.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageFilter


@dataclass(frozen=True)
class Area:
    """A rectangle to blur, in pixels of the upright (oriented) image: x, y, width, height."""

    x: int
    y: int
    width: int
    height: int
    kind: str = "manual"  # "face", "plate" (found by a detector) or "manual" (a person's)
    score: float | None = None  # the detector's confidence, 0..1; None for a person's area

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.width, self.height]

    def scaled(self, factor: float) -> Area:
        return Area(
            round(self.x * factor),
            round(self.y * factor),
            max(1, round(self.width * factor)),
            max(1, round(self.height * factor)),
            self.kind,
            self.score,
        )

    def clipped(self, width: int, height: int) -> Area | None:
        """The part inside a ``width`` x ``height`` image; None when nothing is left."""
        left, top = max(0, self.x), max(0, self.y)
        right = min(width, self.x + self.width)
        bottom = min(height, self.y + self.height)
        if right <= left or bottom <= top:
            return None
        return Area(left, top, right - left, bottom - top, self.kind, self.score)

    def overlap(self, other: Area) -> float:
        """Intersection over union, 0..1."""
        left, top = max(self.x, other.x), max(self.y, other.y)
        right = min(self.x + self.width, other.x + other.width)
        bottom = min(self.y + self.height, other.y + other.height)
        inter = max(0, right - left) * max(0, bottom - top)
        union = self.width * self.height + other.width * other.height - inter
        return inter / union if union else 0.0


def blur_areas(image: Image.Image, areas: list[Area]) -> Image.Image:
    """Pixelate then smooth each area (with a margin) in place, beyond recognition."""
    for area in areas:
        # A margin takes in hair, ears and the edge of a plate that a detector's box cuts off.
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
