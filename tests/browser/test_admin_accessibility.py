"""The coordinators' admin pages are work pages under Act 99/2019 too: axe-core finds nothing on
every admin page a coordinator uses (tests/review/test_admin_answers.py: the answers form)."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from mapping.demo.loader import load_demo
from mapping.imports.kinds import KINDS
from mapping.models import Assessment, FailedJob, Place, RepairContact
from tests.browser.conftest import axe_violations, policy_violations, watch_policies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_to_the_admin(page, server: str, username: str) -> None:
    page.goto(f"{server}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse 42")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def coordinator_pages(coordinator) -> list[str]:
    """Every admin page the coordinator may open, with the demo town's data in it: the index,
    each list she may see, its first object's page and its empty "add" form where she may add,
    and the pages of the imports and of the failed background jobs (one is made here)."""
    load_demo(commit=True)
    place = Place.objects.filter(entrances__isnull=False).first() or Place.objects.first()
    examples = {
        Place: place,
        Assessment: Assessment.objects.filter(place=place).first(),
        FailedJob: failed_job(),
        RepairContact: RepairContact.objects.create(
            name="Odbor dopravy", email="doprava@mesto.example"
        ),
    }
    request = RequestFactory().get("/admin/")
    request.user = coordinator
    pages = ["/admin/", reverse("admin:catalogue_import")]
    pages += [reverse("admin:mapping_importrun_new", args=[kind]) for kind in KINDS]
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(request):
            continue
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        obj = examples.get(model) or model_admin.get_queryset(request).first()
        if obj is not None:
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    return pages


def failed_job() -> FailedJob:
    """A job that failed for good, with an attempt's error, as the dead-letter list shows it."""
    from mapping.review.tasks import send_resurvey_reminder
    from tests.jobs import queued

    send_resurvey_reminder.defer(volunteer_id=0, assessment_ids=[])
    [job] = queued("send_resurvey_reminder")
    with connection.cursor() as cursor:
        cursor.execute("SELECT procrastinate_finish_job_v1(%s, 'failed', false)", [job.id])
    return FailedJob.objects.get(pk=job.id)


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
    pages = coordinator_pages(charlie)
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
