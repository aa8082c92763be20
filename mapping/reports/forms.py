from django import forms
from django.contrib.gis.geos import Point
from django.utils.translation import gettext_lazy as _

from mapping.models import Place, Report, ReportKind, ReviewStatus


class ReportForm(forms.ModelForm):
    """A report from the public. `website` is a honeypot, hidden from people, filled by bots."""

    latitude = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, localize=False
    )
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, localize=False
    )
    website = forms.CharField(label=_("Leave empty"), required=False)

    class Meta:
        model = Report
        fields = ("kind", "place", "text", "contact")
        labels = {
            "kind": _("What do you report?"),
            "place": _("Place"),
            "text": _("Describe the barrier or the correction"),
            "contact": _("Your e-mail or phone (optional, only for the coordinator)"),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (ReportKind.BARRIER, ReportKind.BARRIER.label),
            (ReportKind.CORRECTION, ReportKind.CORRECTION.label),
        ]
        self.fields["place"].queryset = Place.objects.filter(
            assessments__status=ReviewStatus.APPROVED
        ).order_by("name")
        self.fields["place"].required = False
        self.fields["place"].empty_label = _("— a place not on the map —")

    def full_clean(self) -> None:
        super().full_clean()
        # Tie each error to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"id_{name}-error"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Leave the last field empty."))
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None):
            raise forms.ValidationError(_("Give both the latitude and the longitude, or neither."))
        if not cleaned.get("place") and latitude is None:
            raise forms.ValidationError(_("Choose a place or give the position of the barrier."))
        return cleaned

    def save(self, commit: bool = True) -> Report:
        report = super().save(commit=False)
        if self.cleaned_data.get("latitude") is not None:
            report.location = Point(
                self.cleaned_data["longitude"], self.cleaned_data["latitude"], srid=4326
            )
        if commit:
            report.save()
        return report
