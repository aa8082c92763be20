from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mapping.models import RepairContact, RepairStatus
from mapping.reports.forms import DateInput


class AssignForm(forms.Form):
    contact = forms.ModelChoiceField(
        label=_("Responsible department or owner"),
        queryset=RepairContact.objects.filter(is_active=True),
        empty_label=None,
    )
    note = forms.CharField(
        label=_("Note for the history (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class StartFromSurveyForm(forms.Form):
    description = forms.CharField(
        label=_("Which barrier of the survey needs repairing"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Why it is closed (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


ANSWER_CHOICES = [
    (RepairStatus.PLANNED.value, _("The repair is planned (give the date)")),
    (RepairStatus.FIXED.value, _("It is fixed")),
    (RepairStatus.NOT_OURS.value, _("It is not our responsibility")),
    (RepairStatus.DECLINED.value, _("We decline to repair it (give the reason)")),
]


class AnswerForm(forms.Form):
    """The assignee's answer, without an account (the link's secret stands for the account)."""

    answer = forms.ChoiceField(
        label=_("Your answer"), choices=ANSWER_CHOICES, widget=forms.RadioSelect
    )
    planned_date = forms.DateField(
        label=_("Planned date of the repair"), required=False, widget=DateInput()
    )
    note = forms.CharField(
        label=_("Reason or note"),
        required=False,
        max_length=2000,
        help_text=_("The reporter sees it on the page of their report."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        answer = data.get("answer")
        if answer == RepairStatus.PLANNED:
            planned = data.get("planned_date")
            if planned is None:
                self.add_error("planned_date", _("Give the date the repair is planned for."))
            elif planned < timezone.localdate():
                self.add_error("planned_date", _("The planned date has already passed."))
        if answer == RepairStatus.DECLINED and not data.get("note", "").strip():
            self.add_error("note", _("Say why you decline to repair it."))
        return data
