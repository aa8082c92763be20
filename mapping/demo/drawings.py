"""Pictures for the demo town's photos, drawn here with Pillow: an entrance with a ramp, one with
steps, a lift's control panel, a reserved parking space. The project makes them itself, so the
demo needs no photo of anybody's and no licence but the project's own; each is a few kilobytes
of JPEG, drawn when the demo is loaded. They are drawings, and their credit says so."""

import io
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 800, 600
THUMBNAIL_SIDE = 320

SKY = (205, 226, 240)
WALL = (231, 214, 186)
GROUND = (150, 150, 150)
DOOR = (96, 64, 40)
METAL = (60, 60, 60)
BLUE = (0, 114, 178)
WHITE = (255, 255, 255)


def _facade(draw: ImageDraw.ImageDraw, door_bottom: int) -> None:
    """Sky, a wall with two windows, the ground, and a door whose sill is at `door_bottom`."""
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=SKY)
    draw.rectangle((60, 80, 740, 480), fill=WALL, outline=METAL, width=3)
    for left in (110, 560):
        draw.rectangle((left, 140, left + 130, 260), fill=SKY, outline=METAL, width=4)
    draw.rectangle((0, 480, WIDTH, HEIGHT), fill=GROUND)
    draw.rectangle((330, door_bottom - 200, 470, door_bottom), fill=DOOR, outline=METAL, width=4)
    draw.ellipse((445, door_bottom - 110, 457, door_bottom - 98), fill=WHITE)


def ramp(draw: ImageDraw.ImageDraw) -> None:
    """An entrance a little above the street, reached by a ramp with a handrail."""
    _facade(draw, door_bottom=430)
    draw.rectangle((320, 430, 480, 480), fill=GROUND, outline=METAL, width=2)
    draw.polygon([(480, 430), (740, 480), (480, 480)], fill=(175, 175, 175), outline=METAL)
    draw.line([(480, 390), (740, 440)], fill=METAL, width=6)
    for x in (500, 620, 730):
        y = 390 + (x - 480) * 50 // 260
        draw.line([(x, y), (x, y + 45)], fill=METAL, width=5)
    _wheelchair_sign(draw, 520, 300)


def steps(draw: ImageDraw.ImageDraw) -> None:
    """An entrance above five steps, without a ramp."""
    _facade(draw, door_bottom=380)
    for step in range(5):
        top = 380 + step * 20
        draw.rectangle((300 - step * 25, top, 500 + step * 25, top + 20), fill=(190, 190, 190))
        draw.line([(300 - step * 25, top), (500 + step * 25, top)], fill=(250, 200, 0), width=4)


def lift_panel(draw: ImageDraw.ImageDraw) -> None:
    """A lift's control panel: large buttons with raised numbers and Braille dots beside them."""
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=(180, 185, 190))
    draw.rounded_rectangle((250, 40, 550, 560), radius=20, fill=(210, 212, 215), outline=METAL)
    font = ImageFont.load_default(size=44)
    for row in range(4):
        top = 90 + row * 115
        draw.ellipse((300, top, 380, top + 80), fill=WHITE, outline=METAL, width=5)
        draw.text((340, top + 40), str(3 - row), fill=METAL, font=font, anchor="mm")
        for dot in range(3):
            draw.ellipse(
                (420 + dot * 22, top + 30, 432 + dot * 22, top + 42), fill=METAL, outline=METAL
            )


def parking(draw: ImageDraw.ImageDraw) -> None:
    """A reserved parking space seen from above, wider than the others, with its sign."""
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=(110, 110, 110))
    for x in (60, 240, 560, 740):
        draw.line([(x, 80), (x, 560)], fill=WHITE, width=8)
    draw.rectangle((240, 80, 560, 560), fill=BLUE)
    draw.line([(240, 80), (240, 560)], fill=WHITE, width=8)
    draw.line([(560, 80), (560, 560)], fill=WHITE, width=8)
    _wheelchair_sign(draw, 320, 230, size=160, background=None)


def _wheelchair_sign(
    draw: ImageDraw.ImageDraw,
    left: int,
    top: int,
    size: int = 110,
    background: tuple[int, int, int] | None = BLUE,
) -> None:
    """The international symbol of access, simplified: a head, a seat and a wheel."""
    if background is not None:
        draw.rectangle((left, top, left + size, top + size), fill=background)
    unit = size / 10
    draw.ellipse((left + 4 * unit, top + unit, left + 5.6 * unit, top + 2.6 * unit), fill=WHITE)
    draw.line(
        [(left + 4.6 * unit, top + 3 * unit), (left + 4.6 * unit, top + 6 * unit)],
        fill=WHITE,
        width=max(3, int(unit)),
    )
    draw.line(
        [(left + 4.6 * unit, top + 6 * unit), (left + 7.4 * unit, top + 6 * unit)],
        fill=WHITE,
        width=max(3, int(unit)),
    )
    draw.arc(
        (left + 1.6 * unit, top + 4.6 * unit, left + 6.6 * unit, top + 9.6 * unit),
        start=0,
        end=360,
        fill=WHITE,
        width=max(3, int(unit * 0.8)),
    )


DRAWINGS: dict[str, Callable[[ImageDraw.ImageDraw], None]] = {
    "ramp": ramp,
    "steps": steps,
    "lift_panel": lift_panel,
    "parking": parking,
}


def render(name: str) -> tuple[bytes, bytes, tuple[int, int]]:
    """The drawing `name` as a display JPEG and a thumbnail JPEG, and the display's size."""
    picture = Image.new("RGB", (WIDTH, HEIGHT))
    DRAWINGS[name](ImageDraw.Draw(picture))
    thumbnail = picture.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return _jpeg(picture), _jpeg(thumbnail), picture.size


def _jpeg(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=82)
    return out.getvalue()
