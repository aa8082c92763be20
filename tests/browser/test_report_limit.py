"""A visitor over the report limit is told so in the page, by keyboard, with nothing lost."""

import pytest
from playwright.sync_api import expect

from mapping.models import Report
from tests.browser.conftest import axe_violations
from tests.factories import make_assessed_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _report_by_keyboard(page, url: str, text: str) -> None:
    page.goto(url)
    page.locator("#id_text").focus()
    page.keyboard.type(text)
    page.locator(".report-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def test_a_report_over_the_limit_says_when_to_try_again_and_keeps_the_text(
    page, live_server, axe, browser_settings
):
    browser_settings.REPORTS_PER_HOUR = 1
    form = f"{live_server.url}/nahlasit/?place={make_assessed_place('Radnice').pk}"
    _report_by_keyboard(page, form, "Schod u pošty")
    expect(page.locator("h1")).to_have_text("Děkujeme za hlášení")

    _report_by_keyboard(page, form, "Vysoký obrubník u přechodu")
    alert = page.locator("p.error[role=alert]")
    expect(alert).to_contain_text("Z této adresy přišlo příliš mnoho hlášení (nejvýše 1 za hodinu)")
    expect(alert).to_contain_text("Další můžete poslat za 60 min.")
    expect(page.locator("#id_text")).to_have_value("Vysoký obrubník u přechodu")
    assert axe_violations(axe, page) == []
    assert list(Report.objects.values_list("text", flat=True)) == ["Schod u pošty"]
