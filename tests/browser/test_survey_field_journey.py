"""The whole field journey on a phone, in Debian's Chromium: a volunteer creates a place from a
photo with EXIF GPS, answers the survey, loses the network, submits (queued), gets the network
back, and exactly one assessment arrives; a coordinator approves it; it is on the public layer;
once the photo's privacy check has run, its public page shows the photo, and the stored photo
has no EXIF. axe-core checks every page of the flow for WCAG 2.1 A/AA."""

import json
import re

import pytest
from PIL import Image

from mapping.models import Assessment, Photo, ReviewStatus, Role
from tests.browser.conftest import PHONE, assert_accessible, next_step, sign_in
from tests.factories import make_user
from tests.jobs import run_privacy_checks
from tests.survey.conftest import GPS_PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_volunteer_surveys_offline_and_a_coordinator_publishes_it(
    live_server, browser, plain_http_cookies
):
    make_user("alice", email="alice@example.org", is_approved=True)
    make_user("charlie", role=Role.COORDINATOR, email="charlie@example.org", is_approved=True)

    volunteer = browser.new_context(
        viewport=PHONE, base_url=live_server.url, locale="cs-CZ", reduced_motion="reduce"
    )
    page = volunteer.new_page()
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    sign_in(page, "alice", "/pruzkum/")
    page.wait_for_selector("body[data-ready=true]")
    # The service worker takes the app shell for offline use.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    assert_accessible(page)

    # A new place, positioned by the GPS in the photo's EXIF (Tuscany, 43.47 N 11.88 E).
    page.set_input_files("#first-photo", str(GPS_PHOTO))
    page.wait_for_function("() => document.getElementById('place-lat').value !== ''")
    assert float(page.input_value("#place-lat")) == pytest.approx(43.4682, abs=0.001)
    assert float(page.input_value("#place-lon")) == pytest.approx(11.8802, abs=0.001)
    page.fill("#place-name", "Lékárna U Mostu")
    page.select_option("#place-kind", "building")
    page.click("#start-new")

    # The guided survey: the main entrance (step 3), the interior (step 6), then photos.
    page.wait_for_selector("#step-general:not([hidden])")
    assert_accessible(page)
    next_step(page, 2)
    page.select_option("#f-entrance1-entrance1Accessibility", "OneStepEntranceAccessibility")
    page.wait_for_selector("#live-category li[data-profile=wheelchair]")
    next_step(page, 3)
    page.select_option(
        "#f-interior-objectInteriorAccessibility", "EntireObjectInteriorAccessibility"
    )
    next_step(page, 5)
    page.wait_for_selector("#finish-step:not([hidden])")
    page.fill("#photo-alt-0", "Vchod do lékárny s jedním schodem")
    assert_accessible(page)

    # No network: the survey is queued on the phone, with its photo.
    volunteer.set_offline(True)
    page.click("#submit-survey")
    page.wait_for_selector("#queue-list[data-queued='1']")
    assert Assessment.objects.count() == 0
    # The app opens with no network, from the service worker's cache.
    page.reload()
    page.wait_for_selector("#queue-list[data-queued='1']")
    assert page.locator("h1").inner_text()

    # The network returns: the queue is sent, once.
    volunteer.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_selector("#queue-list[data-queued='0']", timeout=30_000)
    assert Assessment.objects.count() == 1
    assessment = Assessment.objects.get()
    assert assessment.status == ReviewStatus.SUBMITTED
    assert assessment.place.name == "Lékárna U Mostu"
    assert assessment.photos.count() == 1
    page.goto("/pruzkum/moje/")
    page.wait_for_selector("tr[data-status=submitted]")
    assert_accessible(page)

    # The coordinator approves it.
    coordinator = browser.new_context(
        viewport=PHONE, base_url=live_server.url, locale="cs-CZ", reduced_motion="reduce"
    )
    review = coordinator.new_page()
    sign_in(review, "charlie", "/kontrola/")
    assert_accessible(review)
    review.click(f"a[href='/kontrola/{assessment.pk}/']")
    review.wait_for_selector("#diff")
    assert_accessible(review)
    review.click(f"button[formaction='/kontrola/{assessment.pk}/schvalit/']")
    review.wait_for_url(re.compile(r"/kontrola/$"))
    assert_accessible(review)
    assessment.refresh_from_db()
    assert assessment.status == ReviewStatus.APPROVED

    # Approved, but the photo's privacy check has not run yet: the place is public, its photo
    # is not.
    visitor = browser.new_context(viewport=PHONE, base_url=live_server.url, locale="cs-CZ")
    place_page = visitor.new_page()
    place_page.goto(f"/misto/{assessment.place_id}/")
    assert place_page.locator("img[alt='Vchod do lékárny s jedním schodem']").count() == 0
    # The worker's job runs (as `manage.py procrastinate worker` runs it).
    assert run_privacy_checks() == ["done"]

    # Published: on the public layer, its page shows the photo (to a visitor without an
    # account); the stored photo carries no EXIF at all.
    layer = coordinator.request.get("/places.geojson?bbox=11.8,43.4,11.95,43.5")
    names = [f["properties"]["name"] for f in json.loads(layer.body())["features"]]
    assert names == ["Lékárna U Mostu"]
    place_page.goto(f"/misto/{assessment.place_id}/")
    shown = place_page.locator("img[alt='Vchod do lékárny s jedním schodem']")
    assert shown.count() == 1
    assert_accessible(place_page)
    visitor.close()
    photo = Photo.objects.get()
    for stored in (photo.image, photo.thumbnail):
        with Image.open(stored.path) as image:
            assert not image.getexif()
            assert "exif" not in image.info
    # The volunteer sees the approval on the phone.
    page.goto("/pruzkum/moje/")
    page.wait_for_selector("tr[data-status=approved]")
    assert script_errors == []
    volunteer.close()
    coordinator.close()
