"""Reading ČÚZK's CSV of address points ("Data RÚIAN o adresách ... ve formátu CSV").

One CSV per municipality, or the monthly ZIP of all of them (~6,250 files, ~3 million rows):
windows-1250, ';'-separated, the header below. Coordinates are S-JTSK as positive numbers
(Y, X); EPSG:5514 is (x, y) = (-Y, -X). Everything is streamed: a file is read row by row, a ZIP
member by member, and nothing is kept but the row at hand. A file that is not such a CSV (another
format, another header, another encoding, a damaged row) raises RuianFileError naming the file and
the line, before the import writes anything.
"""

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

from mapping.ruian.formatting import DESCRIPTIVE, REGISTRATION, AddressParts

ENCODING = "cp1250"
HEADER = (
    "Kód ADM",
    "Kód obce",
    "Název obce",
    "Kód MOMC",
    "Název MOMC",
    "Kód obvodu Prahy",
    "Název obvodu Prahy",
    "Kód části obce",
    "Název části obce",
    "Kód ulice",
    "Název ulice",
    "Typ SO",
    "Číslo domovní",
    "Číslo orientační",
    "Znak čísla orientačního",
    "PSČ",
    "Souřadnice Y",
    "Souřadnice X",
    "Platí Od",
)
ZIP_MAGIC = b"PK\x03\x04"
# S-JTSK (positive Y, X) of the Czech Republic with a margin: swapped or foreign numbers stop
# the import rather than put an address in the wrong country.
Y_RANGE = (400_000.0, 950_000.0)
X_RANGE = (900_000.0, 1_250_000.0)
DATE_FORMATS = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%d.%m.%Y", "%d.%m.%Y %H:%M:%S")
POSTCODE = re.compile(r"\d{5}")


class RuianFileError(ValueError):
    """A file the import cannot read; the message names the file and says what is wrong."""


@dataclass(frozen=True)
class AddressRow:
    code: int
    municipality_code: str
    municipality_name: str
    district_name: str
    part_name: str
    street: str
    building_number_type: str
    house_number: int
    orientation_number: int | None
    orientation_letter: str
    postcode: str
    # EPSG:5514 (negative numbers); None when the address point has no position in RÚIAN.
    x: float | None
    y: float | None
    valid_from: datetime.date | None
    label: str


def open_sources(path: Path) -> Iterator[tuple[str, BinaryIO]]:
    """(name, binary stream) of a CSV file, or of every CSV inside a ZIP of them."""
    with path.open("rb") as handle:
        magic = handle.read(4)
        handle.seek(0)
        if magic != ZIP_MAGIC:
            yield path.name, handle
            return
        try:
            archive = zipfile.ZipFile(handle)
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir() and info.filename.lower().endswith(".csv")
            ]
        except zipfile.BadZipFile as error:
            raise RuianFileError(
                _("%(name)s is a damaged ZIP file.") % {"name": path.name}
            ) from error
        if not members:
            raise RuianFileError(
                _("The ZIP file %(name)s contains no CSV files.") % {"name": path.name}
            )
        for info in members:
            name = f"{path.name}/{info.filename}"
            try:
                with archive.open(info) as member:
                    yield name, member
            except (zipfile.BadZipFile, EOFError, OSError) as error:
                raise RuianFileError(
                    _("%(name)s is a damaged ZIP file.") % {"name": name}
                ) from error


def _check_header(name: str, raw: bytes) -> None:
    line = raw.rstrip(b"\r\n")
    try:
        text = line.decode(ENCODING)
    except UnicodeDecodeError:
        text = ""
    if tuple(text.split(";")) == HEADER:
        return
    try:
        utf8 = line.decode("utf-8-sig")
    except UnicodeDecodeError:
        utf8 = ""
    if tuple(utf8.split(";")) == HEADER:
        raise RuianFileError(
            _(
                "%(name)s is encoded in UTF-8; RÚIAN's CSV files are in windows-1250. Use the "
                "file as ČÚZK publishes it."
            )
            % {"name": name}
        )
    raise RuianFileError(
        _(
            "%(name)s is not a CSV of RÚIAN address points: its first line must be the header "
            "“%(header)s”."
        )
        % {"name": name, "header": ";".join(HEADER[:3]) + ";…"}
    )


def read_rows(name: str, stream: BinaryIO) -> Iterator[AddressRow]:
    """The rows of one CSV, checked; raises RuianFileError at the first thing that is wrong."""
    _check_header(name, stream.readline(4096))
    text = io.TextIOWrapper(stream, encoding=ENCODING, newline="")
    reader = csv.reader(text, delimiter=";")
    line = 1
    try:
        for line, row in enumerate(reader, start=2):
            if not row:
                continue
            try:
                yield _parse(row)
            except (ValueError, IndexError) as error:
                raise RuianFileError(
                    _("%(name)s, line %(line)s: %(reason)s")
                    % {"name": name, "line": line, "reason": error}
                ) from error
    except UnicodeDecodeError as error:
        raise RuianFileError(
            _("%(name)s, near line %(line)s: the text is not windows-1250 as RÚIAN's files are.")
            % {"name": name, "line": line + 1}
        ) from error
    except csv.Error as error:
        raise RuianFileError(
            _("%(name)s, line %(line)s: this is not CSV text.") % {"name": name, "line": line + 1}
        ) from error
    finally:
        text.detach()


def _int(value: str, column: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ValueError(
            _("“%(value)s” in the column “%(column)s” is not a whole number.")
            % {"value": value, "column": column}
        ) from None
    if number < 0:
        raise ValueError(
            _("“%(value)s” in the column “%(column)s” is negative.")
            % {"value": value, "column": column}
        )
    return number


def _coordinate(value: str, column: str, bounds: tuple[float, float]) -> float:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise ValueError(
            _("“%(value)s” in the column “%(column)s” is not a number.")
            % {"value": value, "column": column}
        ) from None
    if not bounds[0] <= number <= bounds[1]:
        raise ValueError(
            _("the coordinate %(column)s = %(value)s lies outside the Czech Republic.")
            % {"value": value, "column": column}
        )
    return number


def _date(value: str) -> datetime.date | None:
    if not value:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” in the column “Platí Od” is not a date.") % {"value": value})


def _parse(row: list[str]) -> AddressRow:
    if len(row) != len(HEADER):
        raise ValueError(
            _("the row has %(count)s columns instead of %(expected)s.")
            % {"count": len(row), "expected": len(HEADER)}
        )
    values = dict(zip(HEADER, (value.strip() for value in row), strict=True))
    building_type = values["Typ SO"]
    if building_type not in (DESCRIPTIVE, REGISTRATION):
        raise ValueError(
            _("the column “Typ SO” must be “č.p.” or “č.ev.”, not “%(value)s”.")
            % {"value": building_type}
        )
    municipality_code = values["Kód obce"]
    if not municipality_code.isdigit() or len(municipality_code) != 6:
        raise ValueError(
            _("“%(value)s” in the column “Kód obce” is not a six-digit code.")
            % {"value": municipality_code}
        )
    postcode = values["PSČ"].replace(" ", "")
    if postcode and not POSTCODE.fullmatch(postcode):
        raise ValueError(_("“%(value)s” is not a postcode.") % {"value": postcode})
    letter = values["Znak čísla orientačního"]
    if len(letter) > 1:
        raise ValueError(
            _("“%(value)s” in the column “Znak čísla orientačního” is not one letter.")
            % {"value": letter}
        )
    orientation = values["Číslo orientační"]
    x = y = None
    if values["Souřadnice Y"] or values["Souřadnice X"]:
        # EPSG:5514 is the negated pair: x = -Y, y = -X.
        x = -_coordinate(values["Souřadnice Y"], "Souřadnice Y", Y_RANGE)
        y = -_coordinate(values["Souřadnice X"], "Souřadnice X", X_RANGE)
    parts = {
        "municipality_name": values["Název obce"],
        "district_name": values["Název MOMC"],
        "part_name": values["Název části obce"],
        "street": values["Název ulice"],
        "building_number_type": building_type,
        "house_number": _int(values["Číslo domovní"], "Číslo domovní"),
        "orientation_number": _int(orientation, "Číslo orientační") if orientation else None,
        "orientation_letter": letter,
    }
    if not parts["municipality_name"]:
        raise ValueError(_("the column “Název obce” is empty."))
    label = AddressParts(**parts).label()
    return AddressRow(
        code=_int(values["Kód ADM"], "Kód ADM"),
        municipality_code=municipality_code,
        postcode=postcode,
        x=x,
        y=y,
        valid_from=_date(values["Platí Od"]),
        label=label,
        **parts,
    )
