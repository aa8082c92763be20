"""The catalogue of social-service providers (katalog poskytovatelů sociálních služeb)."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mapping.models.geo import Municipality, Place
from mapping.models.validators import validate_ico


class ServiceType(models.TextChoices):
    """Social services under Act No. 108/2006 Coll.; the value names the paragraph."""

    SOCIAL_COUNSELLING = "s37", _("Social counselling (§ 37)")
    PERSONAL_ASSISTANCE = "s39", _("Personal assistance (§ 39)")
    HOME_CARE = "s40", _("Home care service (§ 40)")
    EMERGENCY_CALL = "s41", _("Emergency call service (§ 41)")
    GUIDE_AND_READER = "s42", _("Guide and reader services (§ 42)")
    SUPPORTED_LIVING = "s43", _("Support for independent living (§ 43)")
    RESPITE_CARE = "s44", _("Respite care (§ 44)")
    DAY_SERVICE_CENTRE = "s45", _("Day service centre (§ 45)")
    DAY_CARE_CENTRE = "s46", _("Day care centre (§ 46)")
    WEEKLY_CARE_CENTRE = "s47", _("Weekly care centre (§ 47)")
    HOME_FOR_DISABLED = "s48", _("Home for people with disabilities (§ 48)")
    HOME_FOR_SENIORS = "s49", _("Home for seniors (§ 49)")
    SPECIAL_REGIME_HOME = "s50", _("Home with a special regime (§ 50)")
    SHELTERED_HOUSING = "s51", _("Sheltered housing (§ 51)")
    HEALTH_FACILITY_SERVICE = "s52", _("Social services in inpatient health care (§ 52)")
    EARLY_INTERVENTION = "s54", _("Early intervention (§ 54)")
    CRISIS_HELPLINE = "s55", _("Crisis helpline (§ 55)")
    INTERPRETING = "s56", _("Interpreting services (§ 56)")
    SHELTER = "s57", _("Shelter (§ 57)")
    HALFWAY_HOUSE = "s58", _("Halfway house (§ 58)")
    CONTACT_CENTRE = "s59", _("Contact centre (§ 59)")
    CRISIS_HELP = "s60", _("Crisis help (§ 60)")
    INTERVENTION_CENTRE = "s60a", _("Intervention centre (§ 60a)")
    LOW_THRESHOLD_DAY_CENTRE = "s61", _("Low-threshold day centre (§ 61)")
    LOW_THRESHOLD_YOUTH = "s62", _("Low-threshold facility for children and youth (§ 62)")
    NIGHT_SHELTER = "s63", _("Night shelter (§ 63)")
    AFTERCARE = "s64", _("Aftercare services (§ 64)")
    FAMILY_ACTIVATION = "s65", _("Social activation services for families with children (§ 65)")
    SENIOR_ACTIVATION = (
        "s66",
        _("Social activation services for seniors and people with disabilities (§ 66)"),
    )
    THERAPEUTIC_WORKSHOP = "s67", _("Social therapeutic workshops (§ 67)")
    THERAPEUTIC_COMMUNITY = "s68", _("Therapeutic communities (§ 68)")
    OUTREACH = "s69", _("Outreach programmes (§ 69)")
    SOCIAL_REHABILITATION = "s70", _("Social rehabilitation (§ 70)")
    RELATED = "related", _("Related service (not a registered social service)")


class ServiceForm(models.TextChoices):
    AMBULANT = "ambulant", _("Ambulant")
    FIELD = "field", _("Field")
    RESIDENTIAL = "residential", _("Residential")


class TargetGroup(models.TextChoices):
    SENIORS = "seniors", _("Seniors")
    PHYSICAL_DISABILITY = "physical", _("People with a physical disability")
    INTELLECTUAL_DISABILITY = "intellectual", _("People with an intellectual disability")
    VISUAL_IMPAIRMENT = "visual", _("People with a visual impairment")
    HEARING_IMPAIRMENT = "hearing", _("People with a hearing impairment")
    COMBINED_DISABILITY = "combined", _("People with combined disabilities")
    CHRONIC_ILLNESS = "chronic", _("People with a chronic illness")
    MENTAL_ILLNESS = "mental", _("People with a chronic mental illness")
    FAMILIES = "families", _("Families with children")
    CHILDREN_YOUTH = "youth", _("Children and youth at risk")
    HOMELESS = "homeless", _("People without a home")
    ADDICTION = "addiction", _("People at risk of addiction")
    VIOLENCE_VICTIMS = "violence", _("Victims of domestic violence or crime")
    CRISIS = "crisis", _("People in crisis")
    EXCLUDED = "excluded", _("People in socially excluded localities")
    MIGRANTS = "migrants", _("Migrants and ethnic minorities")
    CARERS = "carers", _("Carers")
    OFFENDERS = "offenders", _("Offenders")


class Provider(models.Model):
    name = models.CharField(_("name"), max_length=300)
    ico = models.CharField(
        _("IČO"),
        max_length=8,
        blank=True,
        validators=[validate_ico],
        help_text=_("Identification number, 8 digits."),
    )
    legal_form = models.CharField(_("legal form"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=50, blank=True)
    source_id = models.CharField(_("id in the source"), max_length=100, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ico"], condition=~Q(ico=""), name="provider_unique_ico"
            ),
            models.CheckConstraint(
                condition=Q(ico="") | Q(ico__regex=r"^[0-9]{8}$"),
                name="provider_ico_eight_digits",
                violation_error_message=_("IČO has exactly 8 digits."),
            ),
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source=""),
                name="provider_unique_source_id",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="services"
    )
    registry_id = models.CharField(
        _("registration number"), max_length=20, blank=True, help_text=_("Identifikátor služby.")
    )
    name = models.CharField(_("name"), max_length=300)
    service_type = models.CharField(_("type"), max_length=10, choices=ServiceType.choices)
    forms = ArrayField(
        models.CharField(max_length=15, choices=ServiceForm.choices),
        verbose_name=_("forms"),
        default=list,
        blank=True,
    )
    target_groups = ArrayField(
        models.CharField(max_length=15, choices=TargetGroup.choices),
        verbose_name=_("target groups"),
        default=list,
        blank=True,
    )
    capacity = models.CharField(_("capacity"), max_length=200, blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(
        _("address as given by the source"),
        max_length=300,
        blank=True,
        help_text=_("Kept so that a coordinator can pin an unmatched address on the map."),
    )
    ruian_address_code = models.BigIntegerField(
        _("RÚIAN address point code"), null=True, blank=True
    )
    area_served = models.ManyToManyField(
        Municipality, verbose_name=_("area served"), blank=True, related_name="services"
    )
    places = models.ManyToManyField(
        Place, verbose_name=_("where it is provided"), blank=True, related_name="services"
    )
    source = models.CharField(_("source"), max_length=50, blank=True)
    source_id = models.CharField(_("id in the source"), max_length=100, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["provider", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source=""),
                name="service_unique_source_id",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_registered(self) -> bool:
        """A registered social service, as opposed to a related service (návazná služba)."""
        return self.service_type != ServiceType.RELATED
