"""Source readers: each turns one file into catalogue Records (mapping.catalogue.records)."""

from pathlib import Path

from django.utils.translation import gettext as _

from mapping.catalogue.records import CatalogueFileError, Record

FORMATS = ("csv", "xlsx", "rpss", "pribor")


SOURCE_NAMES = {"csv": "spreadsheet", "xlsx": "spreadsheet", "rpss": "rpss", "pribor": "pribor"}


def guess_format(filename: str, data: bytes) -> str:
    """csv, xlsx, rpss or pribor from the file's name and, for JSON, its top-level keys."""
    suffix = Path(filename).suffix.lower().lstrip(".")
    if suffix in ("csv", "xlsx"):
        return suffix
    if suffix == "json":
        document = _load_json(data)
        return "rpss" if isinstance(document, dict) and "polozky" in document else "pribor"
    raise CatalogueFileError(
        _("Unknown file type “%(name)s”: use a .csv, .xlsx or .json file.") % {"name": filename}
    )


def read_records(
    data: bytes, fmt: str, codelists: dict[str, dict[str, str]] | None = None
) -> list[Record]:
    """Records of a file's content in format `fmt` (csv, xlsx, rpss or pribor).

    `codelists` (RPSS only): {"DruhSocialniSluzby": {"DruhSocialniSluzby/13": "domovy pro
    seniory"}, ...}, e.g. from `load_codelists`.
    """
    from mapping.catalogue.readers import pribor, rpss, spreadsheet

    if fmt == "csv":
        return spreadsheet.read_csv(data)
    if fmt == "xlsx":
        return spreadsheet.read_xlsx(data)
    if fmt in ("rpss", "pribor"):
        document = _load_json(data)
        return rpss.read(document, codelists) if fmt == "rpss" else pribor.read(document)
    raise CatalogueFileError(
        _("Unknown format “%(format)s”: use one of %(formats)s.")
        % {"format": fmt, "formats": ", ".join(FORMATS)}
    )


def _load_json(data: bytes):
    import json

    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CatalogueFileError(
            _("The file is not valid JSON in UTF-8 (%(detail)s).") % {"detail": error}
        ) from error


def load_codelists(folder: Path) -> dict[str, dict[str, str]]:
    """MPSV code lists saved as JSON files ({"polozky": [{"id", "nazev"}]}) in `folder`.

    Each item's id names its list ("DruhSocialniSluzby/13"), so the file names do not matter.
    """
    names: dict[str, dict[str, str]] = {}
    for path in sorted(Path(folder).glob("*.json")):
        document = _load_json(path.read_bytes())
        items = document.get("polozky", []) if isinstance(document, dict) else []
        for item in items:
            if not isinstance(item, dict) or "/" not in str(item.get("id", "")):
                continue
            name = item.get("nazev", "")
            name = name.get("cs", "") if isinstance(name, dict) else str(name)
            names.setdefault(item["id"].split("/", 1)[0], {})[item["id"]] = name
    return names
