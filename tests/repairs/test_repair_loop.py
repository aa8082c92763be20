"""The repair loop through HTTP: a coordinator sends a published barrier to the department
responsible, the department answers through its link without an account, the reporter follows
it by the reference, "fixed" opens a re-survey task for volunteers, overdue items are listed,
and every step is in the history."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mapping.models import (
    RepairItem,
    RepairStatus,
    ReportStatus,
    ResurveyTask,
    ResurveyTaskStatus,
)
from mapping.repairs import service
from tests.jobs import queued, work_off_queue
from tests.personas import client_for

pytestmark = pytest.mark.django_db

LIST = "/kontrola/opravy/"


def start_and_assign(coordinator, report, contact, note: str = "") -> RepairItem:
    client = client_for(coordinator)
    response = client.post(reverse("repairs:start_from_report", args=[report.pk]))
    item = RepairItem.objects.get(report=report)
    assert response["Location"] == reverse("repairs:detail", args=[item.pk])
    response = client.post(
        reverse("repairs:assign", args=[item.pk]), {"contact": contact.pk, "note": note}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    return item


def answer_link_from(mailoutbox) -> str:
    (message,) = mailoutbox
    match = re.search(r"https?://[^/\s]+(/oprava/\d+/[0-9a-f]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_only_coordinators_open_the_repair_pages(client, alice, charlie, published_barrier):
    assert client.get(LIST)["Location"].startswith(reverse("accounts:login"))
    assert client_for(alice).get(LIST).status_code == 403
    page = client_for(charlie).get(LIST, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Zveřejněné bariéry dosud neposlané k opravě" in page
    assert published_barrier.reference in page
    item_page = reverse("repairs:start_from_report", args=[published_barrier.pk])
    assert client_for(alice).post(item_page).status_code == 403
    assert not RepairItem.objects.exists()


def test_the_assignment_mails_the_department_a_link_that_opens_without_an_account(
    client, charlie, roads, published_barrier, mailoutbox
):
    item = start_and_assign(charlie, published_barrier, roads, note="Prosíme do zimy")
    assert item.status == RepairStatus.ASSIGNED and item.assignee == roads
    # The e-mail is a job of the worker, queued with the assignment.
    assert mailoutbox == [] and len(queued("send_repair_assignment")) == 1
    assert work_off_queue("send_repair_assignment") == [True]
    (message,) = mailoutbox
    assert message.to == ["doprava@mesto.example"]
    assert item.reference in message.subject
    assert "Vysoký obrubník" in message.body
    link = answer_link_from(mailoutbox)
    assert link == reverse("repairs:answer", args=[item.pk, item.answer_token()])
    page = client.get(link, HTTP_ACCEPT_LANGUAGE="cs")
    assert page.status_code == 200
    assert "Odbor dopravy" in page.content.decode()
    # The link's secret is nowhere in the database: it is an HMAC of the item's nonce.
    assert item.answer_token() not in str(RepairItem.objects.filter(pk=item.pk).values().get())


def test_fixed_opens_a_re_survey_task_and_the_reporter_sees_each_step(
    client, charlie, alice, roads, published_barrier
):
    status_page = reverse("reports:status", args=[published_barrier.reference])
    item = start_and_assign(charlie, published_barrier, roads)
    page = client.get(status_page, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Předáno: Odbor dopravy" in page

    link = reverse("repairs:answer", args=[item.pk, item.answer_token()])
    planned = timezone.localdate() + timedelta(days=20)
    response = client.post(link, {"answer": "planned", "planned_date": planned.isoformat()})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == RepairStatus.PLANNED and item.planned_date == planned
    page = client.get(status_page, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Odbor dopravy plánuje opravu" in page

    # Planned, then fixed through the same link.
    response = client.post(link, {"answer": "fixed", "note": "Obrubník snížen"})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == RepairStatus.FIXED
    (task,) = ResurveyTask.objects.all()
    assert task.status == ResurveyTaskStatus.OPEN and task.repair == item
    assert task.location.equals(published_barrier.location)
    page = client.get(status_page, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "hlásí, že je opraveno" in page and "Obrubník snížen" in page

    # Volunteers see the task; the public does not.
    tasks = client_for(alice).get(reverse("repairs:tasks"), HTTP_ACCEPT_LANGUAGE="cs")
    assert "Vysoký obrubník" in tasks.content.decode()
    assert client.get(reverse("repairs:tasks")).status_code == 302

    # The coordinator sees every step, then closes it: the barrier leaves the map.
    detail = client_for(charlie).get(reverse("repairs:detail", args=[item.pk]))
    statuses = [e.status for e in item.events.all()]
    assert statuses == ["open", "assigned", "planned", "fixed", "fixed"]
    assert "Obrubník snížen" in detail.content.decode()
    client_for(charlie).post(reverse("repairs:close", args=[item.pk]), {"note": "Ověřeno"})
    published_barrier.refresh_from_db()
    task.refresh_from_db()
    assert published_barrier.status == ReportStatus.RESOLVED
    assert task.status == ResurveyTaskStatus.DONE
    # A closed repair's link takes no more answers.
    closed = client.get(link, HTTP_ACCEPT_LANGUAGE="cs")
    assert closed.status_code == 410
    assert "byla zodpovězena nebo uzavřena" in closed.content.decode()


def test_declined_needs_a_reason_and_planned_a_future_date(
    client, charlie, roads, published_barrier
):
    item = start_and_assign(charlie, published_barrier, roads)
    link = reverse("repairs:answer", args=[item.pk, item.answer_token()])
    response = client.post(link, {"answer": "declined", "note": " "}, HTTP_ACCEPT_LANGUAGE="cs")
    assert response.status_code == 400
    assert "Uveďte, proč opravu odmítáte." in response.content.decode()
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(link, {"answer": "planned", "planned_date": yesterday.isoformat()})
    assert response.status_code == 400
    response = client.post(link, {"answer": "hacked"})
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == RepairStatus.ASSIGNED
    response = client.post(link, {"answer": "declined", "note": "Chodník patří kraji"})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == RepairStatus.DECLINED and item.answer_note == "Chodník patří kraji"
    # Answered: the link now says so with a 410, not a second answer.
    again = client.post(link, {"answer": "fixed"}, HTTP_ACCEPT_LANGUAGE="cs")
    assert again.status_code == 410
    assert "už přes tento odkaz odpovědi nepřijímá" in again.content.decode()


def test_not_ours_lets_the_coordinator_assign_again_and_the_old_link_stops(
    client, charlie, roads, published_barrier
):
    from mapping.models import RepairContact

    item = start_and_assign(charlie, published_barrier, roads)
    old_link = reverse("repairs:answer", args=[item.pk, item.answer_token()])
    client.post(old_link, {"answer": "not_ours"})
    item.refresh_from_db()
    assert item.status == RepairStatus.NOT_OURS
    region = RepairContact.objects.create(name="Správa silnic kraje", email="ssk@kraj.example")
    item = start_and_assign(charlie, published_barrier, region)
    assert item.assignee == region and item.status == RepairStatus.ASSIGNED
    assert client.get(old_link).status_code == 404
    new_link = reverse("repairs:answer", args=[item.pk, item.answer_token()])
    assert client.get(new_link).status_code == 200


def test_a_wrong_or_expired_link_is_a_clear_404_or_410(client, charlie, roads, published_barrier):
    item = start_and_assign(charlie, published_barrier, roads)
    wrong = client.get(
        reverse("repairs:answer", args=[item.pk, "0" * 64]), HTTP_ACCEPT_LANGUAGE="cs"
    )
    assert wrong.status_code == 404
    assert "Tento odkaz pro odpověď neexistuje" in wrong.content.decode()
    assert client.get(reverse("repairs:answer", args=[item.pk + 99, "x"])).status_code == 404
    # A control character never reaches the view: the site refuses it as bad input.
    assert client.get(f"/oprava/{item.pk}/%00%ff/").status_code == 400
    RepairItem.objects.filter(pk=item.pk).update(token_expires_at=timezone.now())
    link = reverse("repairs:answer", args=[item.pk, item.answer_token()])
    for response in (client.get(link), client.post(link, {"answer": "fixed"})):
        assert response.status_code == 410
    assert "vypršela" in client.get(link, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    item.refresh_from_db()
    assert item.status == RepairStatus.ASSIGNED


def test_the_answer_form_is_rate_limited(client, settings, charlie, roads, published_barrier):
    settings.REPAIR_ANSWERS_PER_HOUR = 2
    item = start_and_assign(charlie, published_barrier, roads)
    link = reverse("repairs:answer", args=[item.pk, item.answer_token()])
    assert client.post(link, {"answer": "planned"}).status_code == 400
    assert client.post(link, {"answer": "planned"}).status_code == 400
    limited = client.post(link, {"answer": "fixed"}, HTTP_ACCEPT_LANGUAGE="cs")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert "příliš mnoho odpovědí" in limited.content.decode()
    item.refresh_from_db()
    assert item.status == RepairStatus.ASSIGNED


def test_overdue_repairs_are_listed_for_the_coordinators(
    client, charlie, roads, published_barrier, settings
):
    settings.REPAIR_ANSWER_DAYS = 10
    item = start_and_assign(charlie, published_barrier, roads)
    assert not RepairItem.objects.overdue().exists()
    RepairItem.objects.filter(pk=item.pk).update(assigned_at=timezone.now() - timedelta(days=11))
    assert list(RepairItem.objects.overdue()) == [item]
    page = client_for(charlie).get(LIST, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    overdue = page.split('id="overdue"')[1].split('id="in-progress"')[0]
    assert item.reference in overdue
    # Planned with a date that has passed is overdue too; a future date is not.
    yesterday = timezone.localdate() - timedelta(days=1)
    RepairItem.objects.filter(pk=item.pk).update(
        status=RepairStatus.PLANNED, planned_date=yesterday
    )
    assert list(RepairItem.objects.overdue()) == [item]
    RepairItem.objects.filter(pk=item.pk).update(planned_date=yesterday + timedelta(days=5))
    assert not RepairItem.objects.overdue().exists()


def test_a_barrier_of_an_approved_survey_can_be_sent_for_repair(charlie, alice, roads):
    from mapping.models import ReviewStatus
    from tests.factories import make_assessed_place

    place = make_assessed_place("Radnice")
    assessment = place.assessments.get()
    url = reverse("repairs:start_from_survey", args=[assessment.pk])
    assert client_for(alice).post(url, {"description": "Schod u vchodu"}).status_code == 403
    response = client_for(charlie).post(url, {"description": "Schod u vchodu 12 cm"})
    item = RepairItem.objects.get()
    assert response["Location"] == reverse("repairs:detail", args=[item.pk])
    assert item.place == place and item.assessment == assessment
    review_page = client_for(charlie).get(reverse("review:detail", args=[assessment.pk]))
    assert url in review_page.content.decode()
    assessment.status = ReviewStatus.SUPERSEDED
    assessment.save()
    with pytest.raises(service.RepairStepRefused):
        service.start_from_assessment(assessment, "x", charlie)


def test_an_unpublished_report_cannot_enter_the_loop(charlie, published_barrier):
    published_barrier.status = ReportStatus.NEW
    published_barrier.save()
    response = client_for(charlie).post(
        reverse("repairs:start_from_report", args=[published_barrier.pk])
    )
    assert response.status_code == 302 and not RepairItem.objects.exists()


def test_the_coordinator_keeps_the_contact_list_in_the_admin(charlie, alice):
    from mapping.models import RepairContact
    from tests.factories import make_municipality

    town = make_municipality("Písek")
    response = client_for(charlie).post(
        "/admin/mapping/repaircontact/add/",
        {
            "name": "Technické služby",
            "email": "ts@mesto.example",
            "municipality": town.pk,
            "note": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    contact = RepairContact.objects.get()
    assert (contact.name, contact.email, contact.municipality) == (
        "Technické služby",
        "ts@mesto.example",
        town,
    )
    assert client_for(alice).get("/admin/mapping/repaircontact/").status_code == 302


def test_the_department_sees_the_barrier_but_never_the_reporters_contact(
    client, charlie, roads, published_barrier, english
):
    item = start_and_assign(charlie, published_barrier, roads)
    page = client.get(reverse("repairs:answer", args=[item.pk, item.answer_token()]))
    text = page.content.decode()
    assert "A barrier to repair" in text and "Vysoký obrubník" in text
    assert "jana@example.org" not in text
