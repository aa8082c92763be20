"""Assessments: one survey of one place, its computed result, its review status and history."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mapping.models.fields import optional_link
from mapping.models.geo import Place
from mapping.models.published import PUBLISHED_STATUS, published_q


class Category(models.TextChoices):
    ACCESSIBLE = "accessible", _("Accessible")
    PARTLY = "partly", _("Partly accessible")
    INACCESSIBLE = "inaccessible", _("Inaccessible")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = PUBLISHED_STATUS, _("Approved")  # published (mapping.models.published)
    REJECTED = "rejected", _("Rejected")
    SUPERSEDED = "superseded", _("Superseded")


class SurveyKind(models.TextChoices):
    BUILDING = "building", _("Building")
    PUBLIC_SPACE = "public_space", _("Public space")


class AssessmentQuerySet(models.QuerySet):
    def published(self, superseded: bool = False) -> "AssessmentQuerySet":
        """Each place's published assessment; with `superseded`, also those it replaced, which
        stay public as the place's history."""
        condition = published_q()
        if superseded:
            condition |= Q(status=ReviewStatus.SUPERSEDED)
        return self.filter(condition)


class Assessment(models.Model):
    """One survey of one place by one surveyor on one date, following a versioned methodology.

    `answers` holds the survey structure of the assessment engine (mapping.methodology);
    `result` what the engine computed from it (categories per profile and per toilet, reasons,
    missing measurements). The categories are repeated in plain columns for filtering.
    A place shows its one approved assessment; the earlier ones are superseded and stay readable.
    """

    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.CASCADE, related_name="assessments"
    )
    surveyor = optional_link(
        settings.AUTH_USER_MODEL, _("surveyor"), models.SET_NULL, related_name="assessments"
    )
    surveyor_name = models.CharField(
        _("surveyor's name"), max_length=200, blank=True, help_text=_("For imported surveys.")
    )
    survey_date = models.DateField(_("survey date"))
    survey_kind = models.CharField(
        _("survey kind"), max_length=20, choices=SurveyKind.choices, default=SurveyKind.BUILDING
    )
    methodology_version = models.CharField(_("methodology version"), max_length=30)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # A re-survey starts from the published answers: the paths (`wc[0].doorWidth`) it carried
    # over as they were, which the volunteer did not confirm (mapping.survey.resurvey).
    not_remeasured = models.JSONField(
        _("answers carried over, not re-measured"), default=list, blank=True
    )
    result = models.JSONField(_("computed result"), default=dict, blank=True)
    wheelchair = models.CharField(
        _("wheelchair"), max_length=15, choices=Category.choices, blank=True
    )
    seniors = models.CharField(
        _("seniors and reduced mobility"), max_length=15, choices=Category.choices, blank=True
    )
    pram = models.CharField(_("pram"), max_length=15, choices=Category.choices, blank=True)
    has_accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    declared = models.JSONField(
        _("declared categories"),
        default=dict,
        blank=True,
        help_text=_("Categories as the source declared them, for imported certified objects."),
    )
    disagrees_with_declared = models.BooleanField(
        _("disagrees with the declared category"), default=False
    )
    status = models.CharField(
        _("status"), max_length=15, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    idempotency_key = models.UUIDField(_("idempotency key"), null=True, blank=True, unique=True)
    # Counts the saves of the answers: a save names the version it started from and is refused
    # (409) when someone else saved in between (mapping.survey.submission.update_answers).
    version = models.PositiveIntegerField(_("version of the answers"), default=1, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = optional_link(
        settings.AUTH_USER_MODEL,
        _("reviewed by"),
        models.SET_NULL,
        related_name="reviewed_assessments",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)
    source = models.CharField(_("source"), max_length=50, blank=True)
    source_id = models.CharField(_("id in the source"), max_length=100, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-survey_date", "-id"]
        indexes = [
            models.Index(fields=["status", "place"], name="assessment_status_place_idx"),
        ]
        constraints = [
            # The columns the public map layer reads ride along in this index, so that the
            # layer finds a place's categories without visiting the table (an index-only scan).
            models.UniqueConstraint(
                fields=["place"],
                condition=published_q(),
                include=["wheelchair", "seniors", "pram", "has_accessible_toilet"],
                name="assessment_one_approved_per_place",
                violation_error_message=_("A place can have only one approved assessment."),
            ),
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source=""),
                name="assessment_unique_source_id",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place} ({self.survey_date:%Y-%m-%d})"

    @property
    def is_published(self) -> bool:
        """The place's published assessment (mapping.models.published)."""
        return self.status == PUBLISHED_STATUS


class AssessmentEvent(models.Model):
    """The history of an assessment: every change of status, with who, when and why."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = optional_link(settings.AUTH_USER_MODEL, _("who"), models.SET_NULL)
    from_status = models.CharField(
        _("from"), max_length=15, choices=ReviewStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=15, choices=ReviewStatus.choices)
    comment = models.TextField(_("comment"), blank=True)
    answers = models.JSONField(_("answers at that moment"), default=dict, blank=True)

    class Meta:
        verbose_name = _("assessment event")
        verbose_name_plural = _("assessment history")
        ordering = ["assessment", "at", "id"]

    def __str__(self) -> str:
        return f"{self.assessment_id}: {self.from_status or '-'} -> {self.to_status}"
