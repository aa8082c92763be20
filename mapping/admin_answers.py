"""An assessment's answers edited in the admin as a form, not as a JSON text.

One field per question of the survey (mapping.methodology.structure), typed as the survey types
it (numbers with their range and unit, yes/no/unknown, code lists by their labels), labelled in
the coordinator's language and grouped as the survey groups them, each group folded. The repeated
parts (ramps, platform lifts, lifts, toilets) stay one JSON list each, labelled. Answers the
survey does not know (an imported object's own properties) are kept as they are. Saving checks
the answers as the survey does, names each wrong value at its field, and categorises the
assessment again under the deployment's methodology.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from mapping.categorisation import recategorize
from mapping.language import in_page_language
from mapping.methodology.fields import BOOLEAN, ENUM, INTEGER, NUMBER, Field
from mapping.methodology.structure import (
    GROUPS,
    ITEM_FIELDS,
    PLACE_KINDS,
    TOP_FIELDS,
    UNIT_LABELS,
    validate,
)
from mapping.models import Assessment

PREFIX = "answer__"
# What the admin does not hold a coordinator to: an imported object may lack what the survey
# requires of a new one, and carry properties of the exchange standard the survey does not ask.
TOLERATED = ("required", "unknown")


def _in_language(pair: tuple[str, str]) -> str:
    return in_page_language(*pair)


def _label(field: Field) -> str:
    label = _in_language((field.cs, field.en))
    unit = _in_language(UNIT_LABELS.get(field.unit, ("", "")))
    return f"{label} ({unit})" if unit else label


def form_field(field: Field) -> forms.Field:
    """The admin form field for one question of the survey."""
    label = _label(field)
    bounds = {"min_value": field.minimum, "max_value": field.maximum}
    if field.type == ENUM:
        codes = field.enum or {}
        choices = [("", "—")] + [(code, _in_language(labels)) for code, labels in codes.items()]
        return forms.TypedChoiceField(
            label=label, choices=choices, required=False, empty_value=None
        )
    if field.type == BOOLEAN:
        return forms.NullBooleanField(label=label, required=False)
    if field.type == INTEGER:
        return forms.IntegerField(label=label, required=False, **bounds)
    if field.type == NUMBER:
        return forms.FloatField(label=label, required=False, **bounds)
    return forms.CharField(label=label, required=False, strip=True)


def group_of(field: Field) -> str:
    if field.group == "parking":
        return "entrance2" if field.name.startswith("entrance2") else "entrance1"
    return field.group


def answer_fieldsets() -> list[tuple[str, dict]]:
    """The admin's fieldsets of the answers: one folded group per part of the survey."""
    groups: dict[str, list[str]] = {}
    for field in TOP_FIELDS.values():
        groups.setdefault(group_of(field), []).append(PREFIX + field.name)
    fieldsets = [
        (
            _("Answers: %(group)s") % {"group": _in_language(GROUPS[group]).format(n="").strip()},
            {"fields": names, "classes": ["collapse"]},
        )
        for group, names in groups.items()
    ]
    fieldsets.append(
        (
            _("Answers: repeated parts"),
            {"fields": [PREFIX + name for name in ITEM_FIELDS], "classes": ["collapse"]},
        )
    )
    return fieldsets


class AssessmentAdminForm(forms.ModelForm):
    class Meta:
        model = Assessment
        # The admin names the model's fields it shows (AssessmentAdmin.get_form); the answers
        # are never among them: this form's own fields edit them.
        fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        answers = self.instance.answers or {}
        for name, field in TOP_FIELDS.items():
            self.fields[PREFIX + name] = form_field(field)
            self.initial.setdefault(PREFIX + name, answers.get(name))
        for name in ITEM_FIELDS:
            label = _in_language(GROUPS[name]).format(n="").strip()
            self.fields[PREFIX + name] = forms.JSONField(
                label=_("%(part)s (a list, as in the exchange standard)") % {"part": label},
                required=False,
            )
            self.initial.setdefault(PREFIX + name, answers.get(name))

    def answers(self) -> dict[str, Any]:
        """The answers as the form now has them, with what it does not show kept."""
        known = set(TOP_FIELDS) | set(ITEM_FIELDS)
        answers = {k: v for k, v in (self.instance.answers or {}).items() if k not in known}
        for name in known:
            value = self.cleaned_data.get(PREFIX + name)
            if value not in (None, "", []):
                answers[name] = value
        return answers

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        place = cleaned.get("place") or getattr(self.instance, "place", None)
        kind = place.kind if place is not None and place.kind in PLACE_KINDS else "building"
        for error in validate(self.answers(), kind):
            if error.code in TOLERATED:
                continue
            top = error.field.partition("[")[0]
            target = PREFIX + top if top in TOP_FIELDS or top in ITEM_FIELDS else None
            self.add_error(target, _in_language((error.cs, error.en)))
        return cleaned

    def save(self, commit: bool = True) -> Assessment:
        assessment = super().save(commit=False)
        new_answers = self.answers()
        if new_answers != (assessment.answers or {}) or not assessment.result:
            assessment.answers = new_answers
            recategorize(assessment)
            # A survey form open on these answers since must not overwrite them (a 409 there).
            assessment.version += 1
        if commit:
            assessment.save()
            self.save_m2m()
        return assessment
