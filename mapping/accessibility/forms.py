from django import forms
from django.utils.translation import gettext_lazy as _


class RemedyRequestForm(forms.Form):
    """A request for remedy under §9 of Act 99/2019 Sb.: what on the site is not accessible to
    the sender. `website` is a honeypot, hidden from people, filled by bots."""

    description = forms.CharField(
        label=_("What on this site is not accessible to you"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    page_url = forms.CharField(
        label=_("Which page or document (optional)"), required=False, max_length=500
    )
    contact = forms.CharField(
        label=_("Your e-mail or telephone for the answer"),
        max_length=200,
        help_text=_("Only the coordinators see it; they answer you within 30 days."),
    )
    website = forms.CharField(label=_("Leave empty"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Leave the last field empty."))
        return data
