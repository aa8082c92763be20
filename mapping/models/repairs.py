"""The repair loop: a published barrier (a public report, a barrier of an approved survey) or a
request for remedy under Act 99/2019 Sb. (§9) goes to whoever is responsible for it, that
department or owner answers through a link without an account, and "fixed" asks volunteers to
survey the place again. Every step is a RepairEvent, the history the coordinators read.

The answer link carries no stored secret: its token is an HMAC of the item and a random nonce
(`answer_token`), so neither the database nor the queued e-mail job holds a usable link; a new
assignment draws a new nonce and the old link stops working.
"""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from mapping.models.assessments import Assessment
from mapping.models.fields import optional_link
from mapping.models.geo import Municipality, Place
from mapping.models.reports import Report, new_reference

TOKEN_SALT = "mapping.repairs.answer"


class RepairContact(models.Model):
    """A department of the town or an owner who can remove barriers: the coordinators' list."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    municipality = optional_link(Municipality, _("municipality"), models.SET_NULL)
    note = models.TextField(_("note"), blank=True, help_text=_("For the coordinators only."))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("responsible contact")
        verbose_name_plural = _("responsible contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RepairSource(models.TextChoices):
    REPORT = "report", _("Public report")
    SURVEY = "survey", _("Approved survey")
    REMEDY = "remedy", _("Request for remedy (Act 99/2019 Sb.)")


class RepairStatus(models.TextChoices):
    OPEN = "open", _("Waiting for assignment")
    ASSIGNED = "assigned", _("Assigned, waiting for an answer")
    PLANNED = "planned", _("Repair planned")
    FIXED = "fixed", _("Fixed, waiting for a new survey")
    NOT_OURS = "not_ours", _("Not the assignee's responsibility")
    DECLINED = "declined", _("Declined")
    CLOSED = "closed", _("Closed")


# What the assignee may answer through the link.
ANSWERS = (RepairStatus.PLANNED, RepairStatus.FIXED, RepairStatus.NOT_OURS, RepairStatus.DECLINED)
# While an item is in one of these, its assignee's link takes answers.
ANSWERABLE = (RepairStatus.ASSIGNED, RepairStatus.PLANNED)


class RepairItemQuerySet(models.QuerySet):
    def overdue(self, today: date | None = None) -> "RepairItemQuerySet":
        """Planned with a date that has passed; assigned and unanswered for more than
        settings.REPAIR_ANSWER_DAYS days; or left unassigned that long (a request for remedy
        must be answered within 30 days, §9 of Act 99/2019 Sb.)."""
        today = today or timezone.localdate()
        unanswered_since = timezone.now() - timedelta(days=settings.REPAIR_ANSWER_DAYS)
        return self.filter(
            Q(status=RepairStatus.PLANNED, planned_date__lt=today)
            | Q(status=RepairStatus.ASSIGNED, assigned_at__lt=unanswered_since)
            | Q(status=RepairStatus.OPEN, created_at__lt=unanswered_since)
        )


class RepairItem(models.Model):
    reference = models.CharField(
        _("reference"), max_length=9, unique=True, editable=False, default=new_reference
    )
    source = models.CharField(_("source"), max_length=10, choices=RepairSource.choices)
    report = models.OneToOneField(
        Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="repair",
    )
    assessment = optional_link(
        Assessment, _("assessment"), models.CASCADE, related_name="repair_items"
    )
    place = optional_link(Place, _("place"), models.SET_NULL, related_name="repair_items")
    description = models.TextField(_("what needs repairing"))
    # A request for remedy: who asked, how to answer them, which page or document.
    requester_contact = models.CharField(_("requester's contact"), max_length=200, blank=True)
    page_url = models.CharField(_("page or document"), max_length=500, blank=True)
    assignee = optional_link(
        RepairContact, _("assigned to"), models.PROTECT, related_name="repair_items"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RepairStatus.choices, default=RepairStatus.OPEN
    )
    planned_date = models.DateField(_("planned date"), null=True, blank=True)
    answer_note = models.TextField(_("assignee's note"), blank=True)
    token_nonce = models.CharField(max_length=32, blank=True, editable=False)
    token_expires_at = models.DateTimeField(_("answer link valid until"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RepairItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("repair")
        verbose_name_plural = _("repairs")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(source=RepairSource.REPORT, report__isnull=False)
                    | Q(source=RepairSource.SURVEY, assessment__isnull=False)
                    | Q(source=RepairSource.REMEDY)
                ),
                name="repair_item_has_its_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.description[:60]}"

    def answer_token(self) -> str:
        """The secret of the current assignee's link; "" when nobody is assigned."""
        if not self.token_nonce:
            return ""
        return salted_hmac(
            TOKEN_SALT, f"{self.pk}:{self.token_nonce}", algorithm="sha256"
        ).hexdigest()

    def token_matches(self, token: str) -> bool:
        expected = self.answer_token()
        return bool(expected) and constant_time_compare(expected, token)

    def link_expired(self, now=None) -> bool:
        now = now or timezone.now()
        return self.token_expires_at is None or self.token_expires_at <= now

    @staticmethod
    def new_nonce() -> str:
        return secrets.token_hex(16)


class RepairEvent(models.Model):
    """One step of a repair: created, assigned, answered, re-survey asked, closed."""

    item = models.ForeignKey(
        RepairItem, verbose_name=_("repair"), on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = optional_link(settings.AUTH_USER_MODEL, _("who"), models.SET_NULL)
    # Who acted when it was no account: the assignee through their link, the public.
    actor_name = models.CharField(_("who (without an account)"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RepairStatus.choices)
    planned_date = models.DateField(_("planned date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("repair event")
        verbose_name_plural = _("repair history")
        ordering = ["item", "at", "id"]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.status}"

    @property
    def who(self) -> str:
        if self.actor is not None:
            return self.actor.get_username()
        return self.actor_name


class ResurveyTaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class ResurveyTask(models.Model):
    """A place (or a spot) volunteers are asked to survey again: opened when the responsible
    department says a barrier is fixed, closed by a coordinator once the survey confirms it."""

    place = optional_link(Place, _("place"), models.CASCADE, related_name="resurvey_tasks")
    location = models.PointField(_("location"), srid=settings.SRID, null=True, blank=True)
    repair = optional_link(RepairItem, _("repair"), models.CASCADE, related_name="resurvey_tasks")
    description = models.TextField(_("what to check"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ResurveyTaskStatus.choices,
        default=ResurveyTaskStatus.OPEN,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("re-survey task")
        verbose_name_plural = _("re-survey tasks")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.description[:60]


class Compliance(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatement(models.Model):
    """The site's accessibility statement under §8 of Act 99/2019 Sb., one row, filled in by a
    coordinator in the admin; the public page shows it (mapping/accessibility/)."""

    SINGLETON_ID = 1

    # One row: its key is always 1, so that a second can never be added.
    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_ID, editable=False)
    compliance = models.CharField(
        _("compliance"), max_length=10, choices=Compliance.choices, default=Compliance.PARTIAL
    )
    non_accessible_content = models.TextField(
        _("content that is not accessible"),
        blank=True,
        help_text=_("What is not accessible, why, and what alternative there is."),
    )
    statement_date = models.DateField(_("date of the statement"), default=date.today)
    last_review_date = models.DateField(_("last reviewed"), null=True, blank=True)
    prepared_by = models.TextField(
        _("how the statement was prepared"),
        blank=True,
        help_text=_("e.g. a self-assessment by the town, an assessment by a third party"),
    )
    contact_name = models.CharField(_("contact person or office"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=50, blank=True)
    remedy_url = models.URLField(
        _("link to the remedy form"),
        blank=True,
        help_text=_("Leave empty to use the site's own form."),
    )
    automated_check_date = models.DateField(_("date of the automated check"), null=True, blank=True)
    automated_check_result = models.TextField(
        _("result of the automated check"),
        blank=True,
        help_text=_("e.g. axe-core on every page of the product's browser tests: no violations"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statement")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="accessibility_statement_singleton"),
        ]

    def __str__(self) -> str:
        return str(_("Accessibility statement"))

    @classmethod
    def current(cls) -> "AccessibilityStatement | None":
        return cls.objects.filter(pk=cls.SINGLETON_ID).first()
