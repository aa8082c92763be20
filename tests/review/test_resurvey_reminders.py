"""Re-survey reminders: a volunteer whose approved survey is older than SURVEY_MAX_AGE_YEARS
gets one e-mail listing those places (Czech, then English), once; a place surveyed again, a
recent survey, a deactivated account get none."""

from datetime import date, timedelta

from django.utils import timezone

from mapping.models import ResurveyReminder, ReviewStatus
from tests.factories import make_assessment, make_place, make_user
from tests.jobs import queued, work_off_queue

YEARS = 5


def years_ago(years: int, days: int = 0) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


def run_the_daily_job() -> list:
    from mapping.review.tasks import schedule_resurvey_reminders

    schedule_resurvey_reminders.defer(timestamp=0)
    return work_off_queue("schedule_resurvey_reminders")


def test_a_volunteer_is_reminded_once_of_their_outdated_surveys(alice, bob, mailoutbox, settings):
    settings.SURVEY_MAX_AGE_YEARS = YEARS
    old_library = make_assessment(
        make_place("Městská knihovna"), surveyor=alice, survey_date=years_ago(YEARS, days=1)
    )
    make_assessment(make_place("Sokolovna"), surveyor=alice, survey_date=years_ago(YEARS + 2))
    make_assessment(make_place("Radnice"), surveyor=alice, survey_date=years_ago(YEARS - 1))
    superseded = make_place("Muzeum")
    make_assessment(
        superseded, ReviewStatus.SUPERSEDED, surveyor=alice, survey_date=years_ago(YEARS + 1)
    )
    gone = make_user("gone", email="gone@example.org", is_active=False)
    make_assessment(make_place("Kino"), surveyor=gone, survey_date=years_ago(YEARS + 1))

    assert run_the_daily_job() == [1]
    [job] = queued("send_resurvey_reminder")
    assert job.queue_name == "mail"
    work_off_queue("send_resurvey_reminder")

    [mail] = mailoutbox
    assert mail.to == ["alice@example.org"]
    assert mail.subject == "Čas na nové mapování / Time for a new survey"
    assert mail.body.index("Sokolovna") < mail.body.index("Městská knihovna")  # oldest first
    assert "Radnice" not in mail.body and "Muzeum" not in mail.body
    assert "potřebují nové mapování" in mail.body
    assert mail.body.index("potřebují") < mail.body.index("Places you surveyed need a new survey")
    assert "/pruzkum/" in mail.body
    assert ResurveyReminder.objects.filter(volunteer=alice).count() == 2
    assert ResurveyReminder.objects.filter(assessment=old_library).exists()

    # The next day: nothing new to remind anyone of.
    assert run_the_daily_job() == [0]
    assert queued("send_resurvey_reminder") == []
    assert len(mailoutbox) == 1


def test_a_place_surveyed_again_before_the_mail_leaves_is_not_listed(alice, mailoutbox, settings):
    settings.SURVEY_MAX_AGE_YEARS = YEARS
    old = make_assessment(make_place("Knihovna"), surveyor=alice, survey_date=years_ago(YEARS + 1))
    run_the_daily_job()
    old.status = ReviewStatus.SUPERSEDED
    old.save()

    assert work_off_queue("send_resurvey_reminder") == [False]
    assert mailoutbox == []


def test_each_time_a_places_survey_grows_old_its_surveyor_is_reminded_once(
    alice, bob, mailoutbox, settings
):
    settings.SURVEY_MAX_AGE_YEARS = YEARS
    settings.SITE_URL = "https://mapa.mesto.cz"
    library = make_place("Městská knihovna")
    first = make_assessment(library, surveyor=alice, survey_date=years_ago(YEARS * 2 + 1))
    assert run_the_daily_job() == [1]
    work_off_queue("send_resurvey_reminder")
    assert [mail.to for mail in mailoutbox] == [["alice@example.org"]]
    assert "https://mapa.mesto.cz/pruzkum/" in mailoutbox[0].body

    # Bob surveyed it again, and that survey has grown old too: he is told, once; Alice is not
    # told again about her superseded survey.
    first.status = ReviewStatus.SUPERSEDED
    first.save()
    make_assessment(library, surveyor=bob, survey_date=years_ago(YEARS, days=3))
    assert run_the_daily_job() == [1]
    work_off_queue("send_resurvey_reminder")
    assert [mail.to for mail in mailoutbox] == [["alice@example.org"], ["bob@example.org"]]
    assert "Městská knihovna" in mailoutbox[1].body
    assert run_the_daily_job() == [0]
    assert ResurveyReminder.objects.filter(assessment__place=library).count() == 2
