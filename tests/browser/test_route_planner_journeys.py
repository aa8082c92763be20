"""The route planner as a newcomer walks it in the demo town, in Czech, on a phone (360 px) and a
desktop (1280 px): from a place's page to a route there, a position pasted latitude first, the
profiles' routes differing at the steps, a missing route explained (never given as directions),
an entrance of unknown access named, the browser's location and its refusal, a deployment with
no street network, and the planner's profile on the map. axe-core on every state reached."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from mapping.models import Place
from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [360, 1280]
# The middle of the Kamenný most as Google Maps copies it: latitude first.
BRIDGE = "49.30825, 14.14465"


@pytest.fixture
def demo(db):
    call_command("load_demo", "--commit", verbosity=0)
    return {place.source_id: place.pk for place in Place.objects.all()}


def tab_to(page, test: str, limit: int = 60) -> None:
    """Tab until the focused element passes `test` (a JavaScript function of the element)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(({test}))(document.activeElement)"):
            return
    raise AssertionError(f"nothing that passes {test} can be reached with the Tab key")


def tab_to_id(page, element_id: str) -> None:
    tab_to(page, f"e => e && e.id === {element_id!r}")


def reveal(page, element, summary: str) -> None:
    """Open the disclosure that folds `element` away (on a phone), once the page's scripts have
    folded it or not."""
    page.wait_for_load_state("load")
    if not element.is_visible():
        page.locator(summary).click()
    expect(element).to_be_visible()


def steps_of(page) -> list[str]:
    return page.locator("#route-instructions li").all_text_contents()


@pytest.mark.parametrize("width", WIDTHS)
def test_from_a_place_page_a_pasted_position_gives_routes_that_differ_at_the_steps(
    page, live_server, axe, demo, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/misto/{demo['radnice']}/")
    tab_to(page, "e => e && e.textContent === 'Naplánovat trasu sem'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/trasa/?to_place=*")
    expect(page.locator("#to")).to_have_value("Městský úřad Písek – radnice")
    expect(page.locator("#to_place")).to_have_value(str(demo["radnice"]))
    assert axe_violations(axe, page) == []

    # A position pasted latitude first; Enter in the field plans (manual wheelchair is first).
    tab_to_id(page, "from")
    page.keyboard.insert_text(BRIDGE)
    expect(page.locator("#from-options")).to_be_hidden()  # a position is not searched for
    page.keyboard.press("Enter")
    expect(page.locator("#map")).to_have_attribute("data-route", "found")
    ends = page.locator("#route-ends")
    expect(ends).to_contain_text("Start: 49.308250° N, 14.144650° E")
    expect(ends).to_contain_text("(čteno jako zeměpisná šířka, délka)")
    expect(ends).to_contain_text("vchodem Hlavní vstup z náměstí")
    expect(page.locator("#route-none")).to_be_hidden()
    rolling = steps_of(page)
    assert rolling[0].startswith("Začátek: Karlova")
    assert not any("schod" in step for step in rolling)
    expect(page.locator("#route-warnings")).to_contain_text("Prudké stoupání: 7,0 %")
    assert axe_violations(axe, page) == []

    # The same ends on foot: up the 54 steps from the bridge, by the keyboard. The profiles are
    # a radio group: from the first, the up arrow goes round to the last (pedestrian).
    page.focus("input[name=profile][value=wheelchair]")
    page.keyboard.press("ArrowUp")
    expect(page.locator("input[name=profile][value=pedestrian]")).to_be_checked()
    tab_to(page, "e => e && e.type === 'submit'")
    page.keyboard.press("Enter")
    expect(page.locator("#route-instructions")).to_contain_text("(počet schodů: 54)")
    walking = steps_of(page)
    assert walking[0].startswith("Začátek: schody")
    assert walking != rolling
    assert "profile=pedestrian" in page.url
    assert axe_violations(axe, page) == []

    # A start that is no position is refused with a message, and the old route goes away.
    page.locator("#from").fill("1,2,3")
    page.locator("#from").press("Enter")
    expect(page.locator("#route-status")).to_contain_text(
        "musí být poloha: zeměpisná šířka a délka (např. 49.3088, 14.1475)"
    )
    expect(page.locator("#route-directions")).to_be_hidden()
    expect(page.locator("#map .leaflet-overlay-pane path")).to_have_count(0)
    assert axe_violations(axe, page) == []
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_no_route_within_the_limits_is_an_explanation_not_directions(
    page, live_server, axe, demo, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(
        f"{live_server.url}/trasa/?from={BRIDGE}&to_place={demo['radnice']}&to=Radnice"
        "&profile=wheelchair&max_incline_up_pct=1"
    )
    expect(page.locator("#map")).to_have_attribute("data-route", "none")
    expect(page.locator("#route-status")).to_have_text("V rámci vašich limitů žádná trasa nevede.")
    # Nothing is listed under "Pokyny": the directions are hidden and empty.
    expect(page.locator("#route-directions")).to_be_hidden()
    expect(page.locator("#route-instructions li")).to_have_count(0)
    expect(page.locator("#route-reason")).to_have_text("Hned na začátku cestu blokují schody (54).")
    expect(page.locator("#relaxed-summary")).to_contain_text(
        "Kdybyste připustili schody (54), vedla by trasa dlouhá"
    )
    # The route beyond the limits is dashed on the map, the first barrier circled; no solid line.
    expect(page.locator("path.leaflet-interactive")).to_have_count(0)
    expect(page.locator("#map path[stroke-dasharray]")).to_have_count(1)
    expect(page.locator("#map path[stroke='#b3261e']")).to_have_count(1)
    details = page.locator("#relaxed-details")
    expect(details).not_to_have_attribute("open", "")
    expect(page.locator("#relaxed-instructions")).to_be_hidden()
    assert axe_violations(axe, page) == []

    # Its directions unfold with the keyboard, under their own heading.
    tab_to(page, "e => e && e.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    expect(page.locator("#relaxed-instructions")).to_contain_text("(počet schodů: 54)")
    assert axe_violations(axe, page) == []
    assert page.errors == []


def test_an_entrance_of_unknown_access_is_named(page, live_server, axe, demo):
    page.goto(
        f"{live_server.url}/trasa/?from={BRIDGE}&to_place={demo['divadlo']}&to=Divadlo"
        "&profile=wheelchair"
    )
    expect(page.locator("#map")).to_have_attribute("data-route", "found")
    expect(page.locator("#route-entrance")).to_have_text(
        "Není známo, zda můžete použít vstup Boční vstup se zdviží: průzkum neuvádí, "
        "jak se jím vchází."
    )
    assert axe_violations(axe, page) == []
    # On foot the main entrance is known to be fine: nothing to warn about.
    page.goto(page.url.replace("profile=wheelchair", "profile=pedestrian"))
    expect(page.locator("#route-ends")).to_contain_text("vchodem Hlavní vstup")
    expect(page.locator("#route-entrance")).to_be_hidden()
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_my_location_fills_the_start_and_its_refusal_is_said_in_czech(
    page, live_server, axe, demo, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/trasa/")
    tab_to_id(page, "my-location")
    page.keyboard.press("Enter")
    expect(page.locator("#route-status")).to_have_text(
        "Tento web nesmí použít vaši polohu: povolte ji v nastavení prohlížeče. "
        "Start můžete také napsat."
    )
    expect(page.locator("#from")).to_have_value("")
    assert axe_violations(axe, page) == []

    page.context.grant_permissions(["geolocation"], origin=live_server.url)
    page.context.set_geolocation({"latitude": 49.30825, "longitude": 14.14465})
    page.keyboard.press("Enter")
    expect(page.locator("#from")).to_have_value("49.308250, 14.144650")
    expect(page.locator("#route-status")).to_have_text("Start je nastaven na vaši polohu.")
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_without_a_street_network_the_planner_says_so_instead_of_finding_no_way(
    page, live_server, axe, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/trasa/")
    notice = page.locator("#no-network")
    expect(notice).to_contain_text("Není nahraná žádná síť ulic")
    expect(notice).to_contain_text("python manage.py import_osm_network")
    assert axe_violations(axe, page) == []
    tab_to_id(page, "from")
    page.keyboard.insert_text(BRIDGE)
    tab_to_id(page, "to")
    page.keyboard.insert_text("49.3089, 14.1474")
    page.keyboard.press("Enter")
    expect(page.locator("#map")).to_have_attribute("data-route", "none")
    expect(page.locator("#route-reason")).to_contain_text("Není nahraná žádná síť ulic")
    expect(page.locator("#route-relaxed")).to_be_hidden()
    expect(page.locator("#route-directions")).to_be_hidden()
    assert axe_violations(axe, page) == []
    assert page.errors == []


def test_the_planners_profile_selects_the_same_profile_on_the_map(page, live_server, axe, demo):
    page.goto(f"{live_server.url}/trasa/")
    link = page.locator("#profile-map-link")
    expect(link).to_have_attribute("href", "/?profile=wheelchair")
    # A walker: two steps down the radio group (electric wheelchair, then walker or senior).
    page.focus("input[name=profile][value=wheelchair]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("input[name=profile][value=walker]")).to_be_checked()
    expect(link).to_have_attribute("href", "/?profile=seniors")
    assert axe_violations(axe, page) == []

    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/?profile=seniors")
    expect(page.locator("input[name=profile][value=seniors]")).to_be_checked()
    # The map opened afresh, without a profile in its address, takes the planner's too.
    page.goto(f"{live_server.url}/")
    expect(page.locator("input[name=profile][value=seniors]")).to_be_checked()
    assert axe_violations(axe, page) == []
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_and_the_list_say_a_refused_location_in_czech(page, live_server, axe, demo, width):
    """Not the browser's English "User denied Geolocation"."""
    refused = "Tento web nesmí použít vaši polohu: povolte ji v nastavení prohlížeče."
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/")
    button = page.locator("#locate")
    reveal(page, button, "#map-options > summary")  # on a phone it sits in the folded options
    # The places in view are counted first (the same status line says both).
    expect(page.locator("#places-status")).to_contain_text("míst")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#places-status")).to_have_text(refused)
    assert axe_violations(axe, page) == []

    page.goto(f"{live_server.url}/seznam/")
    button = page.locator("#use-my-position")
    reveal(page, button, "details:has(#use-my-position) > summary")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#position-status")).to_have_text(refused)
    assert axe_violations(axe, page) == []
    assert page.errors == []


def test_in_english_the_explanation_and_the_position_read_in_english(page, live_server, axe, demo):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(
        f"{live_server.url}/trasa/?from={BRIDGE}&to_place={demo['radnice']}&to=Town+hall"
        "&profile=wheelchair&max_incline_up_pct=1"
    )
    expect(page.locator("#map")).to_have_attribute("data-route", "none")
    expect(page.locator("#route-ends")).to_contain_text("(read as latitude, longitude)")
    expect(page.locator("#route-reason")).to_have_text(
        "Right at the start the way is blocked by steps (54)."
    )
    expect(page.locator("#relaxed-summary")).to_contain_text(
        "If you allowed steps (54), there would be a route of"
    )
    assert axe_violations(axe, page) == []
    # A found route's measurements take the decimal point in English.
    page.goto(page.url.replace("&max_incline_up_pct=1", ""))
    expect(page.locator("#route-warnings")).to_contain_text("Steep uphill section: 7.0 %")
    assert axe_violations(axe, page) == []
    assert page.errors == []
