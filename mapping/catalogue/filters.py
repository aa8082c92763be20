"""The catalogue's filters: a GET form whose values live in the URL, and the query they make."""

from django import forms
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat, Lower
from django.utils.translation import gettext_lazy as _

from mapping.addresses import fold
from mapping.models import (
    Assessment,
    Municipality,
    Place,
    Service,
    ServiceForm,
    ServiceType,
    TargetGroup,
)

PROFILES = (
    ("wheelchair", _("Wheelchair users")),
    ("seniors", _("Seniors and people with reduced mobility")),
    ("pram", _("Parents with a pram")),
)


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    service_type = forms.ChoiceField(
        label=_("Type of service"),
        required=False,
        choices=[("", _("All types"))] + list(ServiceType.choices),
    )
    target_group = forms.MultipleChoiceField(
        label=_("For whom"),
        required=False,
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    form = forms.MultipleChoiceField(
        label=_("Form of the service"),
        required=False,
        choices=ServiceForm.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        required=False,
        queryset=Municipality.objects.none(),
        empty_label=_("All municipalities"),
    )
    accessible_for = forms.ChoiceField(
        label=_("Premises accessible for"),
        required=False,
        choices=[("", _("Any premises"))] + list(PROFILES),
        widget=forms.RadioSelect,
    )
    include_partly = forms.BooleanField(
        label=_("Count partly accessible premises too"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            Q(services__isnull=False) | Q(places__services__isnull=False)
        ).distinct()


def _approved(profile: str):
    return Subquery(Assessment.objects.published().filter(place=OuterRef("pk")).values(profile)[:1])


def places_with_accessibility() -> QuerySet[Place]:
    """Places annotated with the categories of their approved assessment (blank if none)."""
    return Place.objects.annotate(
        wheelchair_category=_approved("wheelchair"),
        seniors_category=_approved("seniors"),
        pram_category=_approved("pram"),
    ).order_by("name")


def public_places_with_accessibility() -> QuerySet[Place]:
    """The places the catalogue may show on their own: where a service is delivered (its pages
    and its map layer show them, assessed or not) or published on the map. Not a volunteer's
    draft nor a survey waiting for review: those are answered as if there were no such place."""
    served = Service.places.through.objects.filter(place_id=OuterRef("pk"))
    published = Assessment.objects.published().filter(place=OuterRef("pk"))
    return places_with_accessibility().filter(Exists(served) | Exists(published))


def catalogue_services(data: dict | None = None) -> QuerySet[Service]:
    """The services with their provider and places, narrowed by cleaned filter data."""
    services = Service.objects.select_related("provider").prefetch_related(
        Prefetch("places", queryset=places_with_accessibility())
    )
    data = data or {}
    ordering = ["name", "id"]
    if data.get("q"):
        services = _matching(services, data["q"])
        ordering = ["-name_rank", "-similarity", *ordering]
    if data.get("service_type"):
        services = services.filter(service_type=data["service_type"])
    if data.get("target_group"):
        services = services.filter(target_groups__overlap=data["target_group"])
    if data.get("form"):
        services = services.filter(forms__overlap=data["form"])
    if data.get("municipality"):
        municipality = data["municipality"]
        services = services.filter(
            Q(area_served=municipality) | Q(places__municipality=municipality)
        ).distinct()
    if data.get("accessible_for") in dict(PROFILES):
        categories = ["accessible", "partly"] if data.get("include_partly") else ["accessible"]
        assessments = Assessment.objects.published().filter(
            place__services=OuterRef("pk"), **{f"{data['accessible_for']}__in": categories}
        )
        services = services.filter(Exists(assessments))
    return services.order_by(*ordering)


def _folded(expression) -> Func:
    return Func(Lower(expression), function="bf_unaccent", output_field=TextField())


def _matching(services: QuerySet[Service], query: str) -> QuerySet[Service]:
    """The services whose name or provider's name matches `query`, blind to case and Czech
    diacritics ("pecovatelska" finds "Pečovatelská služba") and tolerant of a typo ("radnyce"),
    as the map's search is (mapping/public/search.py); annotated with `name_rank` (2 for the
    exact name, 1 for a name that starts with the query) and `similarity` for the ordering."""
    folded = fold(query)
    document = _folded(Concat("name", Value(" "), "provider__name"))
    name = _folded(F("name"))
    return services.annotate(
        search_document=document,
        folded_name=name,
        similarity=TrigramWordSimilarity(Value(folded), document),
        name_rank=Case(
            When(folded_name=folded, then=Value(2)),
            When(folded_name__startswith=folded, then=Value(1)),
            default=Value(0),
        ),
    ).filter(Q(search_document__contains=folded) | Q(search_document__trigram_word_similar=folded))
