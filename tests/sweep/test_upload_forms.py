"""Each upload form, filled in correctly but for its file: refused, and nothing stays (no row,
no file, no queued import)."""

from __future__ import annotations

from mapping.models import (
    Assessment,
    ImportRun,
    Photo,
    Place,
    Provider,
    Report,
    Service,
)
from tests.media import stored_media_files
from tests.sweep.inputs import bad_files
from tests.sweep.runner import clients


def bad_upload_cases(world: dict) -> list[tuple[str, str, str, dict, str]]:
    """(what, persona, url, the form's other fields, the file field) per upload form."""
    return [
        (
            "a report with a photo",
            "anonymous",
            "/nahlasit/",
            {"kind": "barrier", "place": world["place"].pk, "text": "Rozbitá rampa"},
            "photo",
        ),
        (
            "a photo added to a draft",
            "volunteer",
            f"/pruzkum/api/pruzkumy/{world['draft'].pk}/fotky/",
            {"alt_text": "Vstup", "subject": "entrance"},
            "photo",
        ),
        *(
            (f"the {kind} import", "admin", f"/admin/mapping/importrun/new/{kind}/", fields, "file")
            for kind, fields in (
                ("catalogue", {"format": ""}),
                ("mapybezbarier", {"format": "", "source": "mapybezbarier"}),
                ("vozejkmap", {}),
                ("network", {}),
            )
        ),
    ]


def stored(settings) -> set[str]:
    return {str(path) for path in stored_media_files(settings)}


def test_a_bad_file_in_an_otherwise_valid_upload_is_refused_leaving_nothing(world, settings):
    """Each upload form, filled in correctly but for its file: refused with a message (a 4xx;
    the admin's import shows a form error, as the admin does), and no row and no file stays."""
    counted = (Photo, Report, Provider, Service, Assessment, Place, ImportRun)
    by_persona = clients(world, ["anonymous", "volunteer", "admin"])
    failures = []
    for what, persona, url, fields, file_field in bad_upload_cases(world):
        for kind, upload in bad_files():
            before = ({m.__name__: m.objects.count() for m in counted}, stored(settings))
            response = by_persona[persona].post(url, {**fields, file_field: upload})
            after = ({m.__name__: m.objects.count() for m in counted}, stored(settings))
            refused = (
                400 <= response.status_code < 500
                if persona != "admin"
                else response.status_code == 200 and b"errorlist" in response.content
            )
            if not refused or after != before:
                failures.append(f"{what}, {kind}: {response.status_code}, {before} -> {after}")
    assert failures == []
