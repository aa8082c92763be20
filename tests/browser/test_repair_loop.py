"""The repair loop as people walk it, on a 360 px phone and a 1280 px desktop: a coordinator
sends a reported barrier to the roads department, the department answers through the link of
its e-mail without an account ("planned", then "fixed"), the reporter sees each answer by the
reference of their report, "fixed" gives volunteers a place to survey again, and the
coordinator reads the whole history. axe-core on every page reached, and on the accessibility
statement and the remedy form linked from the footer."""

import re
from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone
from playwright.sync_api import expect

from mapping.models import (
    RepairContact,
    RepairItem,
    RepairStatus,
    Report,
    ReportKind,
    ReportStatus,
    ResurveyTask,
)
from tests.browser.conftest import axe_violations
from tests.jobs import work_off_queue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(params=list(SCREENS))
def screen(request, page):
    page.set_viewport_size(SCREENS[request.param])
    return request.param


def sign_in(page, base: str, username: str, next_path: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/ucet/prihlaseni/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse 42")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(re.escape(next_path) + "$"))


def test_a_reported_barrier_goes_to_the_department_and_back_to_the_reporter(
    page, live_server, axe, screen, charlie, alice, mailoutbox
):
    base = live_server.url
    RepairContact.objects.create(name="Odbor dopravy", email="doprava@mesto.example")
    report = Report.objects.create(
        kind=ReportKind.BARRIER,
        text="Vysoký obrubník na přechodu u školy",
        location=Point(14.1474, 49.3089, srid=4326),
        status=ReportStatus.PUBLISHED,
    )

    # The coordinator finds the published barrier and sends it for repair.
    sign_in(page, base, "charlie", "/kontrola/opravy/")
    expect(page.locator("h1")).to_have_text("Opravy")
    assert axe_violations(axe, page) == []
    page.get_by_role("button", name=f"Poslat hlášení {report.reference} k opravě").click()
    expect(page.locator("h1")).to_contain_text("Oprava")
    assert axe_violations(axe, page) == []
    page.get_by_label("Odpovědný odbor nebo vlastník").select_option(label="Odbor dopravy")
    page.get_by_label("Poznámka do historie (nepovinné)").fill("Prosíme do zimy")
    page.get_by_role("button", name="Přidělit a poslat e-mail").click()
    expect(page.locator("main")).to_contain_text("e-mail s odkazem pro odpověď je na cestě")
    assert axe_violations(axe, page) == []

    # The worker sends the e-mail; the department opens its link, signed in nowhere.
    assert work_off_queue("send_repair_assignment") == [True]
    link = re.search(r"https?://[^/\s]+(/oprava/\d+/[0-9a-f]+/)", mailoutbox[0].body).group(1)
    page.context.clear_cookies()
    page.goto(base + link)
    expect(page.locator("h1")).to_contain_text("Bariéra k odstranění")
    assert axe_violations(axe, page) == []

    # First "planned" with a date, from the keyboard; a missing date is said in words.
    page.get_by_label("Oprava je naplánována (uveďte datum)").check()
    page.get_by_role("button", name="Odeslat odpověď").click()
    expect(page.locator(".error").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("Uveďte datum, na které je oprava naplánována.")
    assert axe_violations(axe, page) == []
    planned = timezone.localdate() + timedelta(days=14)
    page.get_by_label("Oprava je naplánována (uveďte datum)").check()
    page.get_by_label("Plánované datum opravy").fill(planned.isoformat())
    page.get_by_role("button", name="Odeslat odpověď").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Děkujeme za odpověď")
    assert axe_violations(axe, page) == []

    # The reporter follows it by the reference.
    page.goto(f"{base}/nahlasit/stav/")
    page.fill("#reference", report.reference.lower().replace("-", " "))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/nahlasit/stav/{report.reference}/$"))
    expect(page.locator(".report-repair")).to_contain_text("Odbor dopravy plánuje opravu")
    assert axe_violations(axe, page) == []

    # Then "fixed" through the same link.
    page.goto(base + link)
    page.get_by_label("Je opraveno").check()
    page.get_by_label("Důvod nebo poznámka").fill("Obrubník snížen na 2 cm")
    page.get_by_role("button", name="Odeslat odpověď").click()
    expect(page.locator(".repair-answered")).to_contain_text("Opraveno, čeká na nový průzkum")
    assert axe_violations(axe, page) == []
    item = RepairItem.objects.get(report=report)
    assert item.status == RepairStatus.FIXED
    assert ResurveyTask.objects.filter(repair=item).count() == 1

    page.goto(f"{base}/nahlasit/stav/{report.reference}/")
    expect(page.locator(".report-repair")).to_contain_text("hlásí, že je opraveno")
    expect(page.locator(".report-repair")).to_contain_text("Obrubník snížen na 2 cm")
    assert axe_violations(axe, page) == []

    # The link has done its work: it now says so, in the site's layout.
    page.goto(base + link)
    expect(page.locator("h1")).to_have_text("Tento odkaz už neplatí")
    assert axe_violations(axe, page) == []

    # A volunteer finds the place to survey again.
    sign_in(page, base, "alice", "/pruzkum/ukoly/")
    expect(page.locator(".resurvey-tasks")).to_contain_text("Vysoký obrubník na přechodu")
    assert axe_violations(axe, page) == []

    # The coordinator reads every step.
    sign_in(page, base, "charlie", f"/kontrola/opravy/{item.pk}/")
    history = page.locator(".repair-history tbody tr")
    expect(history).to_have_count(5)
    expect(page.locator(".repair-history")).to_contain_text("Odbor dopravy")
    assert axe_violations(axe, page) == []


def test_the_statement_and_the_remedy_form_are_reached_from_the_footer(
    page, live_server, axe, screen, charlie
):
    page.goto(f"{live_server.url}/seznam/")
    page.locator(".site-footer").get_by_role("link", name="Prohlášení o přístupnosti").click()
    expect(page.locator("h1")).to_have_text("Prohlášení o přístupnosti")
    assert axe_violations(axe, page) == []
    page.get_by_role("link", name="Podnět ke zjednání nápravy (formulář)").click()
    expect(page.locator("h1")).to_have_text("Podnět ke zjednání nápravy")
    assert axe_violations(axe, page) == []
    page.get_by_role("button", name="Odeslat podnět").click()
    expect(page.locator(".error").first).to_be_visible()
    assert axe_violations(axe, page) == []
    page.get_by_label("Co vám na tomto webu není přístupné").fill("Mapa nejde ovládat klávesnicí")
    page.get_by_label("Váš e-mail nebo telefon pro odpověď").fill("petr@example.org")
    page.get_by_role("button", name="Odeslat podnět").click()
    expect(page.locator("h1")).to_have_text("Děkujeme za podnět")
    assert axe_violations(axe, page) == []
    item = RepairItem.objects.get()
    expect(page.locator(".reference-code")).to_have_text(item.reference)

    sign_in(page, live_server.url, "charlie", "/kontrola/opravy/")
    expect(page.locator("main")).to_contain_text(item.reference)
    assert axe_violations(axe, page) == []
