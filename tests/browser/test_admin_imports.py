"""A coordinator runs each import from the admin in a browser, by keyboard, at 1280 px: from the
admin's index to the upload page, the dry run's page following its background job (a real
worker) to the report, then the commit and its report; axe-core finds nothing on any state."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.imports.conftest import CATALOGUE_CSV, MBB_XML, OSM_KREMS, VOZEJKMAP
from tests.personas import PASSWORD
from tests.worker.conftest import queue, workers  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (the link on the admin's index, the file)
IMPORTS = [
    ("Mapy bez bariér (JSON nebo XML)", MBB_XML),
    ("VozejkMap.cz (GeoJSON)", VOZEJKMAP),
    ("Katalog sociálních služeb", CATALOGUE_CSV),
    ("Pěší síť (OpenStreetMap)", OSM_KREMS),
]


def sign_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/admin/")


def press_until_focused(page, selector: str, most: int = 80) -> None:
    """Tab through the page until `selector` has the focus: it is reachable by keyboard."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"{selector} is not reached with Tab")


def report_shown(page, axe, heading: str) -> None:
    """Wait for the page to reload itself with the report, then check it."""
    expect(page.locator("h2", has_text=heading)).to_be_visible(timeout=120_000)
    assert axe_violations(axe, page) == []


def test_a_coordinator_runs_each_import_with_its_report(
    page,
    live_server,
    axe,
    charlie,
    queue,  # noqa: F811
    workers,  # noqa: F811
):
    sign_in(page, live_server, charlie)
    worker = None
    for link_text, path in IMPORTS:
        page.goto(f"{live_server.url}/admin/")
        assert axe_violations(axe, page) == []
        link = page.locator("#imports-module a", has_text=link_text)
        link.focus()
        page.keyboard.press("Enter")
        expect(page.locator("h2#file-contents")).to_be_visible()
        assert axe_violations(axe, page) == []

        page.set_input_files("#id_file", str(path))
        press_until_focused(page, "input[type=submit]")
        page.keyboard.press("Enter")
        if worker is None:
            # The page of a run waiting for its job, checked before any worker takes it (the
            # page reloads itself once the job is done).
            expect(page.locator("#import-progress")).to_be_visible()
            expect(page.locator("#import-status-text")).to_have_attribute("aria-live", "polite")
            assert axe_violations(axe, page) == []
            worker = workers()
        report_shown(page, axe, "Přehled zkušebního běhu")
        assert page.locator(".import-counts, .import-rows").count() >= 1

        press_until_focused(page, "input[value='Zapsat import']")
        page.keyboard.press("Enter")
        report_shown(page, axe, "Přehled: zapsáno")
    page.goto(f"{live_server.url}/admin/mapping/importrun/")  # the past runs
    expect(page.locator("#result_list tbody tr")).to_have_count(2 * len(IMPORTS))
    assert axe_violations(axe, page) == []
    assert page.errors == [] and page.dialogs == []


def test_a_refused_file_is_named_at_the_field(page, live_server, axe, charlie, tmp_path):
    sign_in(page, live_server, charlie)
    page.goto(f"{live_server.url}/admin/mapping/importrun/new/vozejkmap/")
    broken = tmp_path / "points.geojson"
    broken.write_text('{"type": "Feature"')
    page.set_input_files("#id_file", str(broken))
    press_until_focused(page, "input[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".errorlist")).to_contain_text("není platný JSON")
    expect(page.locator("#id_file")).to_have_attribute("aria-invalid", "true")
    assert axe_violations(axe, page) == []
