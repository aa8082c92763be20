from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MappingConfig(AppConfig):
    name = "mapping"
    verbose_name = _("Barrier-free map")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mapping import (
            checks,  # noqa: F401  (registers the system checks)
            photo_storage,  # noqa: F401  (deletes a photo's files with it)
        )
        from mapping.permissions import sync_coordinators_group

        # After every migrate, the coordinators' group holds exactly its list of permissions.
        post_migrate.connect(sync_coordinators_group, sender=self)
