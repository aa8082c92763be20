from django import forms
from django.contrib.gis.geos import Point
from django.utils.translation import gettext_lazy as _

from mapping.models import Photo, Place, Report, ReportKind
from mapping.models.reports import PhotoProblem, validity_problem


class DateInput(forms.DateInput):
    """The browser's date picker; its value is always ISO (YYYY-MM-DD) whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class ReportForm(forms.ModelForm):
    """A report from the public. `website` is a honeypot, hidden from people, filled by bots."""

    latitude = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, localize=False
    )
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, localize=False
    )
    photo = forms.FileField(
        label=_("Photo of the barrier (optional)"),
        required=False,
        help_text=_(
            "JPEG, PNG, WebP or HEIC from a phone. Faces and number plates are blurred, and the "
            "position it was taken at is used when you give none."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,.heic"}),
    )
    photo_alt = forms.CharField(
        label=_("What the photo shows (for people who cannot see it)"),
        required=False,
        max_length=500,
    )
    website = forms.CharField(label=_("Leave empty"), required=False)

    field_order = (
        "kind",
        "place",
        "latitude",
        "longitude",
        "text",
        "valid_from",
        "valid_until",
        "photo",
        "photo_alt",
        "contact",
        "website",
    )

    class Meta:
        model = Report
        fields = (
            "kind",
            "place",
            "reported_photo",
            "photo_problem",
            "text",
            "valid_from",
            "valid_until",
            "contact",
        )
        labels = {
            "kind": _("What do you report?"),
            "place": _("Place"),
            "text": _("Describe the barrier or the correction"),
            "contact": _("Your e-mail or phone (optional, only for the coordinator)"),
            "photo_problem": _("What is wrong with the photo?"),
            "valid_from": _("From"),
            "valid_until": _("Until (the last day)"),
        }
        help_texts = {"valid_until": ""}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "reported_photo": forms.HiddenInput,
            "photo_problem": forms.RadioSelect,
            "valid_from": DateInput,
            "valid_until": DateInput,
        }

    def __init__(self, *args, reported_photo: Photo | None = None, **kwargs):
        """With `reported_photo` (a published photo), the form reports a problem with it."""
        super().__init__(*args, **kwargs)
        self.reported = reported_photo
        self.fields["reported_photo"].queryset = Photo.objects.published()
        self.fields["reported_photo"].required = False
        if reported_photo is not None:
            self.fields["kind"].choices = [(ReportKind.PHOTO, ReportKind.PHOTO.label)]
            self.fields["kind"].initial = ReportKind.PHOTO
            self.fields["kind"].widget = forms.HiddenInput()
            self.fields["reported_photo"].initial = reported_photo.pk
            self.fields["photo_problem"].choices = PhotoProblem.choices
            self.fields["photo_problem"].required = True
            self.fields["text"].required = False
            self.fields["text"].label = _("Anything else the coordinator should know (optional)")
            for name in (
                "place",
                "latitude",
                "longitude",
                "photo",
                "photo_alt",
                "valid_from",
                "valid_until",
            ):
                del self.fields[name]
            return
        del self.fields["reported_photo"], self.fields["photo_problem"]
        self.fields["photo"].widget.attrs["aria-describedby"] = "id_photo-help"
        self.fields["kind"].choices = [
            (ReportKind.BARRIER, ReportKind.BARRIER.label),
            # Published with its position, it closes the lift to routes until valid_until.
            (ReportKind.LIFT, ReportKind.LIFT.label),
            (ReportKind.CORRECTION, ReportKind.CORRECTION.label),
        ]
        self.fields["place"].queryset = Place.objects.published().order_by("name")
        self.fields["place"].required = False
        self.fields["place"].empty_label = _("— a place not on the map —")

    def full_clean(self) -> None:
        super().full_clean()
        # Tie each error (and the field's help) to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [f"id_{name}-error"]
                if self.fields[name].help_text:
                    described.append(f"id_{name}-help")
                attrs["aria-describedby"] = " ".join(described)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Leave the last field empty."))
        if self.reported is not None:
            if cleaned.get("reported_photo") != self.reported:
                raise forms.ValidationError(_("This photo is not published."))
            cleaned["text"] = cleaned.get("text") or ""
            return cleaned
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None):
            raise forms.ValidationError(_("Give both the latitude and the longitude, or neither."))
        if cleaned.get("photo") and not (cleaned.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("Describe the photo in a few words."))
        problem = validity_problem(cleaned.get("valid_from"), cleaned.get("valid_until"))
        if problem:
            self.add_error("valid_until", problem)
        if not cleaned.get("place") and latitude is None and not cleaned.get("photo"):
            raise forms.ValidationError(_("Choose a place or give the position of the barrier."))
        return cleaned

    def position_missing(self) -> bool:
        """Only the photo's own position could place this report (checked once it is read)."""
        if self.reported is not None:
            return False
        return not self.cleaned_data.get("place") and self.cleaned_data.get("latitude") is None

    def save(self, commit: bool = True) -> Report:
        report = super().save(commit=False)
        if self.reported is not None:
            report.place = self.reported.assessment.place
        elif self.cleaned_data.get("latitude") is not None:
            report.location = Point(
                self.cleaned_data["longitude"], self.cleaned_data["latitude"], srid=4326
            )
        if commit:
            report.save()
        return report
