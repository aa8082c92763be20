"""A coordinator opens the building-regulations list of the demo town on a desktop and on a
phone, filters it by keyboard, opens a place's items and fixes, and finds the plan's links;
axe-core on every state reached."""

import pytest
from django.core.management import call_command

from mapping.models import Role
from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    policy_violations,
    sign_in,
    watch_policies,
)
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIST = "/kontrola/soulad/"


@pytest.fixture
def coordinator_and_demo():
    call_command("load_demo", "--commit")
    return make_user("charlie", role=Role.COORDINATOR, email="c@example.org", is_approved=True)


@pytest.fixture
def site_page(browser, live_server, browser_settings):
    """A Czech page on the live server (and nothing else), failing on a blocked policy or a
    script error."""
    context = browser.new_context(base_url=live_server.url, locale="cs-CZ")
    reported = watch_policies(context)
    page = context.new_page()
    errors: list[str] = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    blocked = policy_violations(context, reported)
    context.close()
    assert blocked == []
    assert errors == []


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE])
def test_a_coordinator_filters_the_list_and_opens_a_place(
    site_page, coordinator_and_demo, viewport
):
    page = site_page
    page.set_viewport_size(viewport)
    sign_in(page, "charlie", LIST)
    table = page.locator("#compliance-table")
    all_rows = table.locator("tbody tr").count()
    assert all_rows > 3
    assert table.locator("tr[data-status=non_compliant]").count() > 0
    assert table.locator("tr[data-status=compliant]").count() > 0
    assert page.locator("#plans a").count() >= 2
    assert _no_horizontal_scroll(page)
    assert_accessible(page)

    # By keyboard: the purpose filter, then the submit button.
    page.focus("#id_purpose")
    page.select_option("#id_purpose", "health")
    for _ in ("municipality", "verdict", "decree", "the button"):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "purpose=health" in url)
    health_rows = table.locator("tbody tr")
    assert 0 < health_rows.count() < all_rows
    assert _no_horizontal_scroll(page)
    assert_accessible(page)

    # A non-compliant place: its items with the gap, the provision and the fix.
    page.locator("tr[data-status=non_compliant] a").first.click()
    page.wait_for_selector(".compliance-findings")
    first = page.locator(".compliance-findings tbody tr").first
    assert "tam, kde" in first.inner_text() or "where" in first.inner_text()
    assert "146/2024 Sb." in first.inner_text()
    assert _no_horizontal_scroll(page)
    assert_accessible(page)

    # The other decree, then back to the list.
    page.click(".decree-switch a")
    page.wait_for_url(lambda url: "decree=" in url)
    assert "398/2009 Sb." in page.locator(".compliance-verdict").inner_text()
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE])
def test_the_public_place_page_shows_compliance_where_the_town_enables_it(
    site_page, coordinator_and_demo, viewport, settings
):
    from mapping.models import Place

    settings.PUBLIC_BUILDING_REGULATIONS = True
    place = Place.objects.get(name__startswith="Lékárna")
    page = site_page
    page.set_viewport_size(viewport)
    page.goto(f"/misto/{place.pk}/")
    section = page.locator("section[aria-labelledby=compliance-title]")
    assert section.locator(".compliance-verdict[data-status=non_compliant]").count() == 1
    assert section.locator(".compliance-findings tbody tr").count() > 0
    assert _no_horizontal_scroll(page)
    assert_accessible(page)
