"""The imports a coordinator runs from the admin, each a thin layer over the core that the
management command also calls (mapping/exchange/, mapping/catalogue/, mapping/routing/).

Each kind says who may run it (a permission of ImportRun's), which files it takes and its
options (forms.py), what the file must contain (docs.py), how an upload is checked at once
(`check`: the document as a whole, in the request, so that a wrong file is refused before it is
stored), and how it runs in the background job (`run`: the core, dry or committed, with its
progress, returning the report of reports.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.utils.translation import gettext as _

from mapping.catalogue.importer import CREATED, UPDATED, import_records
from mapping.catalogue.readers import SOURCE_NAMES, guess_format, read_records
from mapping.catalogue.records import CatalogueFileError
from mapping.exchange import mbb_format, vozejkmap
from mapping.exchange.importer import import_objects, municipalities_area
from mapping.exchange.mbb_format import DocumentError
from mapping.imports import docs, files, forms, reports
from mapping.imports.docs import FileDocs
from mapping.models import ImportKind, ImportRun, ReviewStatus, Service
from mapping.progress import Progress
from mapping.routing import opensidewalks, osm_import


class BadFile(ValueError):
    """The file cannot be imported; the message says why, to the coordinator who chose it."""


@dataclass(frozen=True)
class Kind:
    key: str
    permission: str
    form: type[forms.UploadForm]
    docs: Callable[[], FileDocs]
    check: Callable[[bytes, str, dict[str, Any]], None]
    run: Callable[[ImportRun, Progress], dict[str, Any]]

    @property
    def title(self) -> str:
        return str(ImportKind(self.key).label)


def _extent(options: dict[str, Any]):
    return municipalities_area() if options.get("within_municipalities") else None


# Mapy bez bariér


def _mbb_format(file_name: str, data: bytes, options: dict[str, Any]) -> str:
    return options.get("format") or mbb_format.guess_format(file_name, data)


def _check_mbb(data: bytes, file_name: str, options: dict[str, Any]) -> None:
    try:
        mbb_format.check_document(data, _mbb_format(file_name, data, options))
    except DocumentError as error:
        raise BadFile(str(error)) from error


def _run_mbb(run: ImportRun, progress: Progress) -> dict[str, Any]:
    data = files.read(run.file)
    try:
        objects = mbb_format.read(data, _mbb_format(run.file_name, data, run.options), progress)
    except DocumentError as error:
        raise BadFile(str(error)) from error
    report = import_objects(
        objects,
        source=run.options.get("source") or "mapybezbarier",
        commit=run.commit,
        extent=_extent(run.options),
        progress=progress,
    )
    return reports.exchange(report)


# VozejkMap


def _check_vozejkmap(data: bytes, file_name: str, options: dict[str, Any]) -> None:
    try:
        vozejkmap.load_features(data)
    except DocumentError as error:
        raise BadFile(str(error)) from error


def _run_vozejkmap(run: ImportRun, progress: Progress) -> dict[str, Any]:
    try:
        objects = vozejkmap.read_geojson(files.read(run.file), progress=progress)
    except DocumentError as error:
        raise BadFile(str(error)) from error
    report = import_objects(
        objects,
        source="vozejkmap",
        commit=run.commit,
        extent=_extent(run.options),
        progress=progress,
        status=ReviewStatus.APPROVED if run.options.get("approve") else ReviewStatus.SUBMITTED,
        declares_categories=False,
    )
    return reports.exchange(report)


# The catalogue of social services


def _catalogue_records(data: bytes, file_name: str, options: dict[str, Any]):
    try:
        fmt = options.get("format") or guess_format(file_name, data)
        return fmt, read_records(data, fmt)
    except CatalogueFileError as error:
        raise BadFile(str(error)) from error


def _check_catalogue(data: bytes, file_name: str, options: dict[str, Any]) -> None:
    _fmt, records = _catalogue_records(data, file_name, options)
    if not records:
        raise BadFile(_("The file holds no services."))


def _run_catalogue(run: ImportRun, progress: Progress) -> dict[str, Any]:
    fmt, records = _catalogue_records(files.read(run.file), run.file_name, run.options)
    report = import_records(records, source=SOURCE_NAMES[fmt], commit=run.commit, progress=progress)
    if report.committed and run.created_by_id:
        _log_catalogue_changes(run, report)
    return reports.catalogue(report)


def _log_catalogue_changes(run: ImportRun, report) -> None:
    """One entry of the admin's history per service created or updated, as for an edit."""
    for status, flag in ((CREATED, ADDITION), (UPDATED, CHANGE)):
        ids = [row.service_id for row in report.rows if row.status == status and row.service_id]
        if ids:
            LogEntry.objects.log_actions(
                user_id=run.created_by_id,
                queryset=Service.objects.filter(pk__in=ids),
                action_flag=flag,
                change_message=str(_("Imported from %(file)s") % {"file": run.file_name}),
            )


# The pedestrian network


def _is_opensidewalks(file_name: str) -> bool:
    """An OpenSidewalks dataset comes zipped (forms.OPENSIDEWALKS_SUFFIXES); OSM never does."""
    return file_name.lower().endswith(forms.OPENSIDEWALKS_SUFFIXES)


def _check_network(data: bytes, file_name: str, options: dict[str, Any]) -> None:
    try:
        if _is_opensidewalks(file_name):
            opensidewalks.check_zip(file_name, data)
        else:
            osm_import.check_content(file_name, data[: forms.HEAD_BYTES])
    except osm_import.ImportFileError as error:
        raise BadFile(str(error)) from error


def _run_network(run: ImportRun, progress: Progress) -> dict[str, Any]:
    with files.local_path(run.file) as path:
        try:
            if _is_opensidewalks(run.file_name):
                result = opensidewalks.import_opensidewalks(
                    [path], commit=run.commit, progress=progress
                )
            else:
                result = osm_import.import_network(path, commit=run.commit, progress=progress)
        except osm_import.ImportFileError as error:
            # The core names the stored file; the coordinator knows the one they uploaded.
            raise BadFile(str(error).replace(path.name, run.file_name)) from error
    return reports.network(result)


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind(
            ImportKind.MAPYBEZBARIER,
            "mapping.import_places",
            forms.MapyBezBarierForm,
            docs.mapybezbarier,
            _check_mbb,
            _run_mbb,
        ),
        Kind(
            ImportKind.VOZEJKMAP,
            "mapping.import_places",
            forms.VozejkMapForm,
            docs.vozejkmap,
            _check_vozejkmap,
            _run_vozejkmap,
        ),
        Kind(
            ImportKind.CATALOGUE,
            "mapping.import_catalogue",
            forms.CatalogueForm,
            docs.catalogue,
            _check_catalogue,
            _run_catalogue,
        ),
        Kind(
            ImportKind.NETWORK,
            "mapping.import_network",
            forms.NetworkForm,
            docs.network,
            _check_network,
            _run_network,
        ),
    )
}


def kinds_for(user) -> list[Kind]:
    """The imports `user` may run, in the admin's order."""
    return [kind for kind in KINDS.values() if user.has_perm(kind.permission)]
