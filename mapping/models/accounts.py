from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMINISTRATOR = "administrator", _("Administrator")


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
    def is_coordinator(self) -> bool:
        return self.is_active and self.role in (Role.COORDINATOR, Role.ADMINISTRATOR)
