"""The coordinators' admin pages are work pages under Act 99/2019 too: axe-core finds nothing on
every admin page a coordinator uses (tests/review/test_admin_answers.py: the answers form)."""

import pytest
from django.urls import reverse

from mapping.demo.loader import load_demo
from mapping.models import (
    AccessibilityStatement,
    Assessment,
    Municipality,
    Photo,
    Place,
    Provider,
    RepairContact,
    RepairItem,
    Report,
    ResurveyTask,
    Service,
)
from tests.browser.conftest import axe_violations, policy_violations, watch_policies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_to_the_admin(page, server: str, username: str) -> None:
    page.goto(f"{server}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse 42")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def coordinator_pages() -> list[str]:
    load_demo(commit=True)
    place = Place.objects.filter(entrances__isnull=False).first() or Place.objects.first()
    assessment = Assessment.objects.filter(place=place).first()
    pages = ["/admin/", reverse("admin:mapping_accessibilitystatement_add")]
    contact = RepairContact.objects.create(name="Odbor dopravy", email="doprava@mesto.example")
    for model, obj in (
        (RepairContact, contact),
        (RepairItem, None),
        (ResurveyTask, None),
        (AccessibilityStatement, None),
        (Place, place),
        (Assessment, assessment),
        (Photo, Photo.objects.first()),
        (Report, Report.objects.first()),
        (Municipality, Municipality.objects.first()),
        (Provider, Provider.objects.first()),
        (Service, Service.objects.first()),
    ):
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        if obj is not None:
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    return pages


@pytest.fixture
def admin_page(browser, live_server, browser_settings):
    """A page of its own, not the shared `page`: that one fails a test on any policy report at
    its end, and axe-core's own inline style on the admin's forms would be one. The policy is
    checked here on each page, by the page's own listener, before axe-core runs."""
    context = browser.new_context(locale="cs-CZ", viewport={"width": 1280, "height": 900})
    watch_policies(context)
    page = context.new_page()
    page.set_default_timeout(10000)
    yield page
    context.close()


def test_every_admin_page_a_coordinator_uses_is_clean_for_axe_and_the_policy(
    admin_page, axe, charlie, live_server
):
    pages = coordinator_pages()
    sign_in_to_the_admin(admin_page, live_server.url, "charlie")
    found = {}
    for url in pages:
        response = admin_page.goto(live_server.url + url)
        assert response.status == 200, url
        problems = policy_violations(admin_page.context, [])
        problems += axe_violations(axe, admin_page)
        if problems:
            found[url] = problems
    assert found == {}
