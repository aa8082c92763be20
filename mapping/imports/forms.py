"""The upload forms of the imports: the file, checked for its size and type before anything is
stored, and each import's options (kept with its run as JSON)."""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from mapping.catalogue.readers import FORMATS as CATALOGUE_FORMATS
from mapping.models import Municipality
from mapping.routing.osm_import import SUPPORTED_SUFFIXES

HEAD_BYTES = 1024 * 1024  # what the quick check of a file reads of it
# The pedestrian network also comes as an OpenSidewalks dataset, zipped as OSW ships it.
OPENSIDEWALKS_SUFFIXES = (".zip",)


class UploadForm(forms.Form):
    """The file; subclasses add the import's options. `suffixes`: the file names accepted."""

    suffixes: tuple[str, ...] = ()
    field_order = ("file", "format", "source", "approve")
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s: split it, or ask the administrator.")
                % {"limit": filesizeformat(settings.IMPORT_MAX_BYTES)}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        if not upload.name.lower().endswith(self.suffixes):
            raise forms.ValidationError(
                _("This import reads files ending in %(suffixes)s, not “%(name)s”.")
                % {"suffixes": ", ".join(self.suffixes), "name": upload.name}
            )
        return upload

    def options(self) -> dict:
        """The options as the run keeps them (everything but the file)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "file"}


SOURCE_NAME = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]*$",
    _("Use small letters without accents, digits, “-” and “_”."),
)


class WithinMunicipalities(forms.Form):
    within_municipalities = forms.BooleanField(
        label=_("Only places inside this map's municipalities"),
        required=False,
        help_text=_("The rest is skipped, each with the reason, in the report."),
    )

    def clean_within_municipalities(self) -> bool:
        wanted = self.cleaned_data["within_municipalities"]
        if wanted and not Municipality.objects.exists():
            raise forms.ValidationError(_("This map has no municipalities yet."))
        return wanted


class MapyBezBarierForm(UploadForm, WithinMunicipalities):
    suffixes = (".json", ".xml")
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Recognise from the file")), ("json", "JSON"), ("xml", "XML")],
    )
    source = forms.CharField(
        label=_("Name of the source"),
        initial="mapybezbarier",
        max_length=50,
        validators=[SOURCE_NAME],
        help_text=_("With each objectId, it finds an object again on the next import."),
    )


class VozejkMapForm(UploadForm, WithinMunicipalities):
    suffixes = (".geojson", ".json")
    approve = forms.BooleanField(
        label=_("Publish the new places at once"),
        required=False,
        help_text=_("Without it, each new assessment waits in the review queue."),
    )


class CatalogueForm(UploadForm):
    suffixes = (".csv", ".xlsx", ".json")
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Recognise from the file"))] + [(f, f.upper()) for f in CATALOGUE_FORMATS],
    )


class NetworkForm(UploadForm):
    suffixes = SUPPORTED_SUFFIXES + OPENSIDEWALKS_SUFFIXES
