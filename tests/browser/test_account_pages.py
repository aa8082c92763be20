"""axe-core (WCAG 2.1 A/AA) and the keyboard on the pages of a forgotten password and of a locked
login, in Czech, each in the state it shows in real use (an error, the e-mailed link)."""

import re

import pytest

from tests.browser.conftest import PHONE, assert_accessible
from tests.factories import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("plain_http_cookies"),
]

NEW_PASSWORD = "a brand new field password 8"


@pytest.fixture
def page(playwright_browser, live_server, settings):
    settings.LOGIN_FAILURE_LIMIT = settings.AXES_FAILURE_LIMIT = 5
    context = playwright_browser.new_context(
        viewport=PHONE, base_url=live_server.url, locale="cs-CZ"
    )
    yield context.new_page()
    context.close()


def test_a_volunteer_sets_a_new_password_by_keyboard_on_accessible_pages(page, mailoutbox):
    make_user("alice", email="alice@example.org", is_approved=True)
    page.goto("/ucet/prihlaseni/")
    page.get_by_role("link", name="Zapomněli jste heslo?").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/zapomenute-heslo/")
    assert page.locator("html").get_attribute("lang") == "cs"
    page.get_by_role("button", name="Poslat odkaz").click()  # empty: an error first
    assert_accessible(page)
    page.get_by_label("E-mail").fill("alice@example.org")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zapomenute-heslo/odeslano/")
    assert page.get_by_role("heading", level=1).inner_text() == "Podívejte se do e-mailu"
    assert_accessible(page)
    link = re.search(r"https?://\S+/ucet/nove-heslo/\S+", mailoutbox[0].body).group(0)
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Nastavte si nové heslo", (
        link,
        page.url,
        page.content()[-1500:],
    )
    page.get_by_label("Nové heslo").fill(NEW_PASSWORD)
    page.get_by_label("Potvrzení nového hesla").fill("something else 9")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page)  # the form with its error
    page.get_by_label("Nové heslo").fill(NEW_PASSWORD)
    page.get_by_label("Potvrzení nového hesla").fill(NEW_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/nove-heslo/hotovo/")
    assert_accessible(page)


def test_the_lockout_page_is_accessible(page):
    make_user("alice", email="alice@example.org", is_approved=True)
    for _n in range(5):
        page.goto("/ucet/prihlaseni/")
        page.get_by_label("Uživatelské jméno").fill("alice")
        page.get_by_label("Heslo").fill("wrong")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Přihlašování pozastaveno"
    assert_accessible(page)
