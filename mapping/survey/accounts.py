"""Accounts of volunteers: sign in and out, self-registration, invitation by a coordinator.

A self-registered volunteer can save drafts at once but submits only after a coordinator approves
them. An invitation is a signed link (no table): it carries the e-mail address and expires; it is
used once because accepting it creates the account with that address, and a second use finds it.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mapping.access import coordinator_required
from mapping.models import Role, User

INVITATION_SALT = "mapping.survey.invitation"


# One answer for a taken username and a taken e-mail, so that the form tells nobody who has an
# account here (user enumeration).
UNAVAILABLE = gettext_lazy(
    "This username or e-mail cannot be used. If you already have an account, sign in or set a "
    "new password."
)


class RegistrationForm(UserCreationForm):
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=True)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email")

    def clean_username(self) -> str:
        # UserCreationForm's own check would name the username as taken; clean() says it neutrally.
        return self.cleaned_data.get("username")

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict:
        cleaned = super().clean()
        username, email = cleaned.get("username"), cleaned.get("email")
        taken = Q()
        if username:
            taken |= Q(username__iexact=username)
        if email:
            taken |= Q(email__iexact=email)
        if taken and User.objects.filter(taken).exists():
            raise forms.ValidationError(UNAVAILABLE, code="unavailable")
        return cleaned

    def validate_unique(self) -> None:
        """The model's unique username, said as neutrally as clean() says it."""
        try:
            self.instance.validate_unique(exclude=self._get_validation_exclusions())
        except forms.ValidationError:
            if UNAVAILABLE not in self.non_field_errors():
                self.add_error(None, forms.ValidationError(UNAVAILABLE, code="unavailable"))


class InvitationForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Volunteer's e-mail"))

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email


class AcceptInvitationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name")


def register(request: HttpRequest) -> HttpResponse:
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.role = Role.VOLUNTEER
        user.is_approved = False
        user.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.info(
            request,
            _(
                "Welcome! You can start surveying and save drafts now; you can submit them "
                "once a coordinator approves your account."
            ),
        )
        return redirect("survey:app")
    return render(request, "survey/accounts/register.html", {"form": form})


def make_invitation_token(email: str, coordinator: User) -> str:
    return signing.dumps({"email": email, "by": coordinator.pk}, salt=INVITATION_SALT)


def read_invitation_token(token: str) -> str | None:
    """The invited e-mail address, or None for a forged, expired or already used link."""
    try:
        data = signing.loads(
            token, salt=INVITATION_SALT, max_age=settings.INVITATION_MAX_AGE_DAYS * 24 * 3600
        )
    except signing.BadSignature:
        return None
    email = data.get("email") if isinstance(data, dict) else None
    if not email or User.objects.filter(email__iexact=email).exists():
        return None
    return email


@coordinator_required
def invite(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    link = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        token = make_invitation_token(email, request.user)
        link = request.build_absolute_uri(reverse("accounts:accept_invitation", args=[token]))
        send_mail(
            _("Invitation to survey for the barrier-free map"),
            _("You are invited to survey places for the barrier-free map. Create your account:")
            + f"\n{link}\n",
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
        messages.success(request, _("The invitation was sent to %(email)s.") % {"email": email})
    pending = User.objects.filter(role=Role.VOLUNTEER, is_approved=False, is_active=True)
    return render(
        request,
        "survey/accounts/volunteers.html",
        {"form": form, "link": link, "pending": pending.order_by("date_joined")},
    )


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    email = read_invitation_token(token)
    if email is None:
        return render(request, "survey/accounts/invitation_invalid.html", status=400)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save(commit=False)
            user.email = email
            user.role = Role.VOLUNTEER
            user.is_approved = True
            user.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready; you can survey and submit."))
        return redirect("survey:app")
    return render(request, "survey/accounts/accept.html", {"form": form, "email": email})


@require_POST
@coordinator_required
def approve_volunteer(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = get_object_or_404(User, pk=pk, role=Role.VOLUNTEER)
    volunteer.is_approved = True
    volunteer.save(update_fields=["is_approved"])
    messages.success(
        request, _("%(name)s can now submit surveys.") % {"name": volunteer.get_username()}
    )
    return redirect("accounts:volunteers")
