"""The filters shared by the map page, its layer, the list and the REST API: one GET form, so a
view is a URL.

The same cleaned filters feed the SQL of the layer, the list and the API (mapping.public.queries),
so they always show the same places; the bbox is read here for all of them too.
"""

from dataclasses import dataclass

from django import forms
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from mapping.json_errors import Message, json_error, lazy_message, messages_by_name
from mapping.models import (
    Category,
    Municipality,
    PlaceKind,
    Purpose,
    ServiceType,
    TargetGroup,
)
from mapping.public.limits import clean_limit

BBox = tuple[float, float, float, float]

MOBILITY_PROFILES = ("wheelchair", "seniors", "pram")
SENSORY_PROFILES = ("blind", "deaf")
DEFAULT_PROFILE = "wheelchair"

PROFILE_CHOICES = [
    ("wheelchair", _("Wheelchair")),
    ("seniors", _("Seniors and reduced mobility")),
    ("pram", _("Pram")),
    ("blind", _("Blind and low vision")),
    ("deaf", _("Deaf and hard of hearing")),
]


class FilterError(ValueError):
    """A filter or bbox the visitor sent that cannot be honoured (HTTP 400). `message` says why:
    a lazy translation, or a function that renders it in the active language, so that the error
    answer can give it in Czech and in English (mapping.json_errors). `parameters` holds the
    messages by parameter name, when known."""

    def __init__(self, message: Message, parameters: dict[str, list] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.parameters = parameters or {}

    def __str__(self) -> str:
        return str(self.message()) if callable(self.message) else str(self.message)


def filter_error(form: forms.Form, names: dict[str, str] | None = None) -> FilterError:
    """The errors of an invalid filter form; `names` renames the form's fields to the names of
    the query's parameters."""
    names = names or {}
    return FilterError(
        lambda: form_errors_text(form),
        {names.get(name, name): list(errors) for name, errors in form.errors.items()},
    )


def _bbox_error(message: Message) -> FilterError:
    return FilterError(message, {"bbox": [message]})


def parse_bbox(raw: str | None, max_degrees: float) -> BBox:
    """A bbox "west,south,east,north" in WGS 84, at most `max_degrees` on each side."""
    example = "14.10,49.29,14.19,49.33"
    if not raw:
        raise _bbox_error(
            lazy_message(
                _("The bbox parameter is missing: give west,south,east,north (e.g. %(example)s)."),
                example=example,
            )
        )
    try:
        west, south, east, north = (float(part) for part in raw.split(","))
    except ValueError:
        raise _bbox_error(
            lazy_message(
                _("bbox must be four numbers: west,south,east,north (e.g. %(example)s)."),
                example=example,
            )
        ) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise _bbox_error(
            _(
                "bbox is outside the valid range, or west is not less than east, "
                "or south is not less than north."
            )
        )
    if east - west > max_degrees or north - south > max_degrees:
        raise _bbox_error(
            lazy_message(
                _("bbox is too large: at most %(limit)s degrees on each side. Zoom in."),
                limit=max_degrees,
            )
        )
    return (west, south, east, north)


class FlagInput(forms.CheckboxInput):
    """A checkbox that also reads the API's spellings: 1, true, yes and on set it; anything else
    (0, false, no, nothing) leaves it unset."""

    def value_from_datadict(self, data, files, name) -> bool:
        return str(data.get(name) or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class PlaceFilters:
    """Cleaned filter values; empty tuples and None mean "no filter"."""

    profile: str = DEFAULT_PROFILE
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    municipality: int | None = None
    municipality_code: str = ""
    toilet: bool = False
    parking: bool = False
    service_type: str = ""
    target_group: str = ""
    query: str = ""
    # The visitor's own limits (mapping.public.limits); None: no limit.
    max_kerb_cm: float | None = None
    min_width_cm: float | None = None
    hide_barriers: bool = False

    @property
    def is_mobility(self) -> bool:
        return self.profile in MOBILITY_PROFILES

    @property
    def has_limits(self) -> bool:
        return self.max_kerb_cm is not None or self.min_width_cm is not None

    def cache_key(self) -> str:
        """A stable text of the values that change the layer (not the search text)."""
        return "|".join(
            [
                self.profile,
                ",".join(sorted(self.categories)),
                ",".join(sorted(self.kinds)),
                ",".join(sorted(self.purposes)),
                str(self.municipality or ""),
                self.municipality_code,
                "t" if self.toilet else "",
                "p" if self.parking else "",
                self.service_type,
                self.target_group,
                repr(self.max_kerb_cm),
                repr(self.min_width_cm),
                "h" if self.hide_barriers and self.has_limits else "",
            ]
        )


class PlaceFilterForm(forms.Form):
    """The filter form. Municipality choices are filled by the pages that show the form, so the
    layer endpoint validates it without a database query."""

    q = forms.CharField(label=_("Name or address"), required=False, max_length=200, strip=True)
    profile = forms.ChoiceField(
        label=_("Profile"),
        choices=PROFILE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        initial=DEFAULT_PROFILE,
    )
    category = forms.MultipleChoiceField(
        label=_("Category"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For the wheelchair, seniors and pram profiles."),
    )
    kind = forms.MultipleChoiceField(
        label=_("Kind of place"),
        choices=PlaceKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    purpose = forms.MultipleChoiceField(
        label=_("Purpose"),
        choices=Purpose.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = forms.IntegerField(
        label=_("Municipality"), required=False, min_value=1, widget=forms.Select
    )
    # The REST API names a municipality by its RÚIAN code (mapping.api.published).
    municipality_code = forms.RegexField(
        label=_("Municipality (RÚIAN code)"),
        regex=r"^[0-9]{1,12}$",
        required=False,
        error_messages={
            "invalid": _("municipality must be the municipality's RÚIAN code (digits).")
        },
    )
    toilet = forms.BooleanField(
        label=_("Has an accessible toilet"), required=False, widget=FlagInput
    )
    parking = forms.BooleanField(label=_("Has reserved parking"), required=False, widget=FlagInput)
    service_type = forms.ChoiceField(
        label=_("Social service provided here"),
        choices=[("", _("Any or none")), *ServiceType.choices],
        required=False,
    )
    target_group = forms.ChoiceField(
        label=_("Social service for"),
        choices=[("", _("Anyone or no service")), *TargetGroup.choices],
        required=False,
    )

    max_kerb_cm = forms.CharField(
        label=_("Highest step or kerb I can manage (cm)"),
        required=False,
        max_length=10,
        widget=forms.NumberInput(attrs={"min": 0, "max": 50, "step": 0.5}),
    )
    min_width_cm = forms.CharField(
        label=_("Narrowest door I can pass (cm)"),
        required=False,
        max_length=10,
        widget=forms.NumberInput(attrs={"min": 0, "max": 500, "step": 1}),
    )
    hide_barriers = forms.BooleanField(
        label=_("Hide the places that are a barrier for me"), required=False, widget=FlagInput
    )

    def __init__(self, *args, municipalities: list[tuple[int, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Without choices (the layer) any positive id validates; an unknown one matches nothing.
        self.fields["municipality"].widget.choices = [
            ("", _("All municipalities")),
            *(municipalities or []),
        ]

    def clean_max_kerb_cm(self) -> float | None:
        return clean_limit("max_kerb_cm", self.cleaned_data.get("max_kerb_cm"))

    def clean_min_width_cm(self) -> float | None:
        return clean_limit("min_width_cm", self.cleaned_data.get("min_width_cm"))

    def filters(self) -> PlaceFilters:
        data = self.cleaned_data
        return PlaceFilters(
            profile=data.get("profile") or DEFAULT_PROFILE,
            categories=tuple(data.get("category") or ()),
            kinds=tuple(data.get("kind") or ()),
            purposes=tuple(data.get("purpose") or ()),
            municipality=data.get("municipality"),
            municipality_code=data.get("municipality_code") or "",
            toilet=bool(data.get("toilet")),
            parking=bool(data.get("parking")),
            service_type=data.get("service_type") or "",
            target_group=data.get("target_group") or "",
            query=data.get("q") or "",
            max_kerb_cm=data.get("max_kerb_cm"),
            min_width_cm=data.get("min_width_cm"),
            hide_barriers=bool(data.get("hide_barriers")),
        )


def municipality_choices() -> list[tuple[int, str]]:
    return list(Municipality.objects.order_by("name").values_list("id", "name"))


def form_errors_text(form: forms.Form) -> str:
    """All errors of a bound form as one sentence a volunteer can read."""
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts.append(f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return " ".join(parts)


def invalid_query(error: FilterError) -> JsonResponse:
    """The one 400 answer for a filter or bbox that cannot be honoured (mapping.json_errors)."""
    return json_error(400, "invalid", error.message, parameters=messages_by_name(error.parameters))
