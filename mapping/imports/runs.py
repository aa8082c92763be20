"""Starting imports from the admin: a dry run of an uploaded file, then its commit.

A run and its job are created in one transaction, so a job exists exactly when its run does;
the file is stored first and deleted again if that transaction fails. The commit of a dry run
takes the dry run's file over (a coordinator writes exactly what they read the report of) and
runs one at a time per kind (procrastinate's lock), so two commits never interleave.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from mapping.imports import files
from mapping.imports.forms import UploadForm
from mapping.imports.kinds import Kind
from mapping.imports.tasks import run_import
from mapping.models import ImportRun, ImportStatus, User


class NotCommittable(ValueError):
    """The run cannot be committed; the message says why."""


def start(kind: Kind, form: UploadForm, user: User, language: str) -> ImportRun:
    """A dry run of the form's file, queued."""
    upload = form.cleaned_data["file"]
    upload.seek(0)
    name = files.save(upload, files.suffix_of(upload.name, kind.form.suffixes))
    try:
        with transaction.atomic():
            run = ImportRun.objects.create(
                kind=kind.key,
                options=form.options(),
                file=name,
                file_name=upload.name[:255],
                file_size=upload.size,
                language=language,
                created_by=user,
            )
            _queue(run)
    except BaseException:
        files.delete(name)
        raise
    return run


def start_commit(dry_run_id: int, user: User, language: str) -> ImportRun:
    """The commit of a finished dry run, queued; the commit already made, if there is one."""
    with transaction.atomic():
        dry_run = ImportRun.objects.select_for_update().get(pk=dry_run_id)
        existing = ImportRun.objects.filter(dry_run=dry_run).first()
        if existing is not None:
            return existing
        if dry_run.commit or dry_run.status != ImportStatus.DONE:
            raise NotCommittable(_("Only a finished dry run can be written."))
        if not dry_run.file:
            raise NotCommittable(_("The file of this dry run is no longer kept: upload it again."))
        run = ImportRun.objects.create(
            kind=dry_run.kind,
            commit=True,
            dry_run=dry_run,
            options=dry_run.options,
            file=dry_run.file,
            file_name=dry_run.file_name,
            file_size=dry_run.file_size,
            language=language,
            created_by=user,
        )
        dry_run.file = ""
        dry_run.save(update_fields=["file"])
        _queue(run)
    return run


def _queue(run: ImportRun) -> None:
    deferrer = run_import.configure(lock=f"import-{run.kind}" if run.commit else None)
    run.job_id = deferrer.defer(run_id=run.pk)
    run.save(update_fields=["job_id"])
