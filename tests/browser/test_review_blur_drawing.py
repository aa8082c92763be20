"""A coordinator blurs a photo by drawing: the area the privacy check found is drawn from the
start, a new one is drawn with the mouse (at 1280 px) or a finger (on a 360 px phone), another
is added and placed with the keyboard, the preview shows what the public copy will be, and the
saved public copy is blurred exactly there (static/js/review/blur.js, review:photo_preview)."""

import io

import numpy as np
import pytest
from django.core.files.storage import default_storage
from PIL import Image

from mapping.models import Photo, ReviewStatus, Role
from mapping.photo_storage import open_original, reblur_photo
from mapping.photos.pipeline import public_copies
from tests.browser.conftest import PHONE, assert_accessible, sign_in
from tests.factories import make_assessment, make_place, make_user
from tests.jobs import checked_photo
from tests.survey.conftest import GPS_PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOUND = [400, 100, 80, 90]  # a face the privacy check found, in the original's 640 × 480 pixels
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def photo(plain_http_cookies):
    make_user("charlie", role=Role.COORDINATOR, email="charlie@example.org", is_approved=True)
    alice = make_user("alice", email="alice@example.org", is_approved=True)
    submitted = make_assessment(make_place("Radnice"), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(submitted, GPS_PHOTO.read_bytes(), alt_text="Vchod", subject="entrance")
    x, y, width, height = FOUND
    Photo.objects.filter(pk=photo.pk).update(
        privacy_areas=[
            {"x": x, "y": y, "width": width, "height": height, "kind": "face", "score": 0.9}
        ]
    )
    return reblur_photo(Photo.objects.get(pk=photo.pk), [FOUND])


def typed_areas(page) -> list[list[int]]:
    text = page.input_value("#areas")
    return [[int(v) for v in line.split()] for line in text.splitlines() if line.strip()]


def photo_box(page) -> dict:
    page.wait_for_function("() => document.getElementById('blur-base').naturalWidth > 0")
    page.locator("#blur-surface").scroll_into_view_if_needed()
    return page.locator("#blur-surface").bounding_box()


def spoken(page) -> str:
    return page.inner_text("#blur-status")


def close_to(area, expected, tolerance=4) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(area, expected, strict=True))


def assert_blurred_exactly_there(photo: Photo, areas: list[list[int]]) -> None:
    """The stored public copy is the photo with these areas blurred: smooth inside them, the
    same as the unblurred copy well away from them."""
    with default_storage.open(photo.image.name) as stored:
        public = np.asarray(Image.open(stored).convert("L"), dtype=float)
    clean = public_copies(open_original(photo), []).display
    unblurred = np.asarray(Image.open(io.BytesIO(clean)).convert("L"), dtype=float)
    factor = public.shape[1] / photo.width
    outside = np.ones(public.shape, dtype=bool)
    for x, y, width, height in areas:
        left, top = round(x * factor), round(y * factor)
        right, bottom = round((x + width) * factor), round((y + height) * factor)
        inside = (slice(top + 2, bottom - 2), slice(left + 2, right - 2))
        # Blurring removes the detail: neighbouring pixels differ far less than before.
        detail = np.abs(np.diff(public[inside], axis=1)).mean()
        detail_before = np.abs(np.diff(unblurred[inside], axis=1)).mean()
        assert detail < detail_before / 2, (x, y, width, height, detail, detail_before)
        outside[max(0, top - 20) : bottom + 20, max(0, left - 20) : right + 20] = False
    assert np.abs(public - unblurred)[outside].mean() < 2


def test_a_coordinator_draws_with_the_mouse_and_the_keyboard_previews_and_saves(
    new_page, photo, axe
):
    page = new_page(DESKTOP)
    sign_in(page, "charlie", f"/kontrola/fotky/{photo.pk}/")
    assert page.locator("#blur-editor").is_visible()
    # The privacy check's area is drawn, named as such.
    found = page.locator(".blur-area")
    assert found.count() == 1
    assert "nalezená kontrolou soukromí" in found.first.get_attribute("aria-label")
    assert typed_areas(page) == [FOUND]
    assert_accessible(page)

    # The mouse draws a rectangle from 10 %, 50 % to 30 %, 80 % of the photo.
    box = photo_box(page)
    page.mouse.move(box["x"] + 0.1 * box["width"], box["y"] + 0.5 * box["height"])
    page.mouse.down()
    page.mouse.move(box["x"] + 0.2 * box["width"], box["y"] + 0.6 * box["height"], steps=4)
    page.mouse.move(box["x"] + 0.3 * box["width"], box["y"] + 0.8 * box["height"], steps=4)
    page.mouse.up()
    assert page.locator(".blur-area").count() == 2
    drawn = typed_areas(page)[1]
    assert close_to(drawn, [64, 240, 128, 144]), drawn
    assert spoken(page).startswith("Přidáno. Oblast 2: ")
    assert page.evaluate("document.activeElement.classList.contains('blur-area')")

    # The mouse moves it by its middle, then resizes it by its corner.
    middle_x = box["x"] + 0.2 * box["width"]
    middle_y = box["y"] + 0.65 * box["height"]
    page.mouse.move(middle_x, middle_y)
    page.mouse.down()
    page.mouse.move(middle_x + 0.1 * box["width"], middle_y, steps=4)
    page.mouse.up()
    moved = typed_areas(page)[1]
    assert close_to(moved, [128, 240, 128, 144]), moved
    handle = page.locator(".blur-area").nth(1).locator(".blur-handle").bounding_box()
    corner_x, corner_y = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2
    page.mouse.move(corner_x, corner_y)
    page.mouse.down()
    page.mouse.move(corner_x - 0.05 * box["width"], corner_y - 0.1 * box["height"], steps=4)
    page.mouse.up()
    resized = typed_areas(page)[1]
    assert close_to(resized, [128, 240, 96, 96]), resized

    # The keyboard adds one in the middle (a fifth of each side), widens it, moves it left.
    page.click("#blur-add")
    assert page.locator(".blur-area").count() == 3
    assert typed_areas(page)[2] == [256, 192, 128, 96]
    step = 6  # 1 % of the long side (640 px), rounded
    for _ in range(5):
        page.keyboard.press("Shift+ArrowRight")
    for _ in range(10):
        page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowDown")
    assert typed_areas(page)[2] == [256 - 10 * step, 192 + step, 128 + 5 * step, 96]
    page.wait_for_function(
        "() => document.getElementById('blur-status').textContent.startsWith('Oblast 3: x 196')"
    )
    # Delete removes the focused area; the focus stays on the tool.
    page.keyboard.press("Delete")
    assert page.locator(".blur-area").count() == 2
    assert spoken(page).startswith("Oblast odstraněna")
    assert page.evaluate("document.activeElement.classList.contains('blur-area')")
    areas = typed_areas(page)
    assert areas == [FOUND, resized]

    # The preview: the server's copy with these areas blurred, before anything is saved.
    page.click("#blur-preview")
    page.wait_for_selector("#blur-preview-figure:not([hidden])")
    page.wait_for_function("() => document.getElementById('blur-preview-image').naturalWidth > 0")
    assert "2" in spoken(page) and spoken(page).startswith("Náhled")
    photo.refresh_from_db()
    assert photo.blur_areas == [FOUND]
    assert_accessible(page)
    preview_url = page.get_attribute("#blur-preview-image", "src")
    preview = page.request.get(preview_url).body()

    with page.expect_navigation():
        page.click("#blur-form button[type=submit]")
    photo.refresh_from_db()
    assert photo.blur_areas == areas
    # The public copy is what the preview showed, and blurred exactly there.
    with default_storage.open(photo.image.name) as stored:
        assert stored.read() == preview
    assert_blurred_exactly_there(photo, areas)
    # The page comes back with the saved areas drawn.
    assert page.locator(".blur-area").count() == 2
    assert_accessible(page)

    # The photo's own action hides it, and approves it again; each state is accessible.
    with page.expect_navigation():
        page.click("#visibility button[type=submit]")
    assert page.inner_text("#visibility-state").startswith("Skrytá")
    assert_accessible(page)
    photo.refresh_from_db()
    assert photo.is_hidden
    with page.expect_navigation():
        page.click("#visibility button[type=submit]")
    assert page.inner_text("#visibility-state").startswith("Schválená")
    photo.refresh_from_db()
    assert not photo.is_hidden
    assert page.script_errors == []


def touch_drag(page, cdp, points) -> None:
    """A finger on the screen at the first point, moved through the others, then lifted."""
    first, *rest = points
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [first]})
    for point in rest:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_a_coordinator_draws_with_a_finger_on_a_phone(new_page, photo):
    page = new_page(PHONE, has_touch=True, is_mobile=True)
    sign_in(page, "charlie", f"/kontrola/fotky/{photo.pk}/")
    box = photo_box(page)
    assert box["width"] <= PHONE["width"]
    cdp = page.context.new_cdp_session(page)
    scrolled = page.evaluate("window.scrollY")

    def at(fx, fy):
        return {"x": box["x"] + fx * box["width"], "y": box["y"] + fy * box["height"]}

    touch_drag(page, cdp, [at(0.1, 0.1), at(0.2, 0.2), at(0.3, 0.3), at(0.35, 0.4)])
    assert page.locator(".blur-area").count() == 2
    drawn = typed_areas(page)[1]
    assert close_to(drawn, [64, 48, 160, 144], tolerance=6), drawn
    # The finger drew; it did not scroll the page.
    assert page.evaluate("window.scrollY") == scrolled
    # A finger moves the found area by 10 % to the left.
    touch_drag(page, cdp, [at(0.69, 0.3), at(0.65, 0.3), at(0.59, 0.3)])
    assert close_to(typed_areas(page)[0], [336, 100, 80, 90], tolerance=6), typed_areas(page)
    areas = typed_areas(page)
    assert_accessible(page)

    page.click("#blur-preview")
    page.wait_for_selector("#blur-preview-figure:not([hidden])")
    with page.expect_navigation():
        page.click("#blur-form button[type=submit]")
    photo.refresh_from_db()
    assert photo.blur_areas == areas
    assert_blurred_exactly_there(photo, areas)
    assert page.script_errors == []
