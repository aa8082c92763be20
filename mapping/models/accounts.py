from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMINISTRATOR = "administrator", _("Administrator")


# A self-registered volunteer whom no coordinator approved yet: what they write (drafts, the
# places their drafts create, photos) is visible to them alone until then.
AWAITING_APPROVAL = Q(role=Role.VOLUNTEER, is_approved=False)


class User(AbstractUser):
    """A volunteer, a coordinator or an administrator. The public needs no account."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VOLUNTEER)
    is_approved = models.BooleanField(
        _("approved"),
        default=False,
        help_text=_(
            "A self-registered volunteer can submit only after a coordinator approves them."
        ),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_awaiting_approval(self) -> bool:
        return self.role == Role.VOLUNTEER and not self.is_approved

    @property
    def is_coordinator(self) -> bool:
        return self.is_active and self.role in (Role.COORDINATOR, Role.ADMINISTRATOR)
