"""Storing a volunteer's survey: one transaction for the place, the assessment and its photos.

A volunteer who registered themselves and is not approved yet may save drafts (with a new place
and photos) but not submit them. Until a coordinator approves them, what they wrote is visible
to them alone: not to the public (drafts never are, and the places their drafts create stay off
every list, search and link: Place.objects.listed()), not to other volunteers (places near me, a
chosen place's id), not in a coordinator's queue, coverage, admin lists or review pages
(mapping.access). Why: anybody can register, so until a person vouched for the account its
writing is unvetted (spam, abuse, photos of people); yet the surveying done while waiting is
kept, and submits as it is once the account is approved.

Every submission carries a client-generated idempotency key (a UUID made on the phone when the
survey starts). Sending it again — a retry after a lost answer, a double tap, the offline queue
replaying — returns the assessment stored the first time instead of a second one. Either the whole
submission is stored, or nothing is: no row and no file is left behind by a failure.
"""

import json
import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mapping.access import can_submit
from mapping.categorisation import assessment_columns, categorise
from mapping.models import AddressPoint, Assessment, Municipality, Place, PlaceKind
from mapping.models.assessments import SurveyKind
from mapping.photo_storage import delete_files, photo_files, save_photo
from mapping.photos.errors import PhotoError
from mapping.review import workflow
from mapping.survey.form_structure import validate_answers
from mapping.survey.places import BadPosition, parse_position
from mapping.survey.resurvey import base_of, not_remeasured

MAX_PHOTOS = 20
MAX_PAYLOAD_BYTES = 512 * 1024
PUBLIC_SPACE_KINDS = (PlaceKind.PUBLIC_SPACE, PlaceKind.TRANSPORT_STOP)


@dataclass
class SubmissionError(Exception):
    """Why a submission was refused; `status` is the HTTP status of the answer."""

    status: int
    code: str
    message: object
    details: list = field(default_factory=list)


def parse_payload(raw: str | bytes | None) -> dict:
    if not raw:
        raise SubmissionError(400, "payload_missing", _("The survey data are missing."))
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise SubmissionError(413, "payload_too_large", _("The survey data are too large."))
    try:
        payload = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise SubmissionError(
            400, "payload_not_json", _("The survey data are not valid JSON.")
        ) from None
    if not isinstance(payload, dict):
        raise SubmissionError(400, "payload_not_object", _("The survey data must be an object."))
    return payload


def parse_key(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise SubmissionError(
            400,
            "idempotency_key_invalid",
            _("The submission has no valid idempotency key (a UUID made by the app)."),
        ) from None


def existing_for_key(user, key: uuid.UUID) -> Assessment | None:
    """The assessment stored earlier under `key`; 409 if it belongs to somebody else."""
    assessment = Assessment.objects.select_related("place").filter(idempotency_key=key).first()
    if assessment is None:
        return None
    if assessment.surveyor_id != user.pk and not user.is_coordinator:
        raise SubmissionError(
            409, "idempotency_key_taken", _("This key belongs to another submission.")
        )
    return assessment


def _place_from(payload: dict, user) -> Place:
    data = payload.get("place")
    if not isinstance(data, dict):
        raise SubmissionError(400, "place_missing", _("Choose a place or create a new one."))
    if data.get("id") not in (None, ""):
        try:
            return Place.objects.visible_to(user).get(pk=int(data["id"]))
        except (TypeError, ValueError, Place.DoesNotExist):
            raise SubmissionError(
                400, "place_unknown", _("The chosen place does not exist any more.")
            ) from None
    name = " ".join(str(data.get("name") or "").split())
    if not name or len(name) > 300:
        raise SubmissionError(
            400, "place_name", _("Give the new place a name (at most 300 characters).")
        )
    kind = data.get("kind") or PlaceKind.BUILDING
    if kind not in PlaceKind.values:
        raise SubmissionError(400, "place_kind", _("Choose what kind of place it is."))
    try:
        location = parse_position(data.get("lat"), data.get("lon"))
    except BadPosition:
        raise SubmissionError(
            400,
            "place_position",
            _("The new place needs a position: use the GPS, move the pin or add a photo."),
        ) from None
    # Not saved yet: it is created inside the submission's transaction. Its municipality is the
    # one it lies in (the map's and the API's municipality filter go by it).
    return Place(
        name=name,
        kind=kind,
        location=location,
        municipality=Municipality.at(location),
        created_by=user,
        **_address_from(data),
    )


# A new place's postal address (typed, or taken from the RÚIAN suggestion): field, longest length.
ADDRESS_FIELDS = {"street": 200, "house_number": 20, "postcode": 10, "city": 200}


def _address_from(data: dict) -> dict:
    """The optional address of a new place; a wrong one is refused whole, never half stored."""
    address = {}
    for name, longest in ADDRESS_FIELDS.items():
        value = data.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str | int):
            raise SubmissionError(
                400, "place_address", _("The address of the new place must be written as text.")
            )
        value = " ".join(str(value).split())
        if len(value) > longest:
            raise SubmissionError(
                400,
                "place_address",
                _(
                    "The address of the new place is too long: the street and the town take at "
                    "most 200 characters, the house number 20, the postcode 10."
                ),
            )
        address[name] = value
    code = data.get("ruian_address_code")
    if code in (None, ""):
        return address
    try:
        code = int(code)
    except (TypeError, ValueError):
        code = 0
    if isinstance(data.get("ruian_address_code"), bool) or code <= 0:
        raise SubmissionError(
            400, "place_ruian", _("The RÚIAN address point code must be a whole number.")
        )
    if AddressPoint.objects.filter(code=code).exists():
        address["ruian_address_code"] = code
    # else: the point went with a later RÚIAN import while the survey waited in the phone's
    # queue. Refusing would lose the volunteer's work over a code; the address text stays.
    return address


def _survey_date(payload: dict) -> date:
    value = payload.get("survey_date")
    if not value:
        return timezone.localdate()
    try:
        parsed = date.fromisoformat(str(value))
    except ValueError:
        raise SubmissionError(
            400, "survey_date", _("The survey date is not a valid date.")
        ) from None
    if parsed > timezone.localdate():
        raise SubmissionError(400, "survey_date", _("The survey date lies in the future."))
    return parsed


def check_answers(answers, place_kind: str, *, final: bool) -> None:
    """422 with the engine's errors; a draft may still miss required answers."""
    if not isinstance(answers, dict):
        raise SubmissionError(400, "answers_not_object", _("The answers must be an object."))
    errors = validate_answers(answers, place_kind)
    if not final:
        errors = [e for e in errors if e["code"] != "required"]
    if errors:
        raise SubmissionError(
            422, "answers_invalid", _("Some answers need a correction."), details=errors
        )


def _photo_specs(payload: dict, files) -> list[tuple]:
    specs = payload.get("photos") or []
    if not isinstance(specs, list):
        raise SubmissionError(400, "photos_not_list", _("The photos must be a list."))
    if len(specs) > MAX_PHOTOS:
        raise SubmissionError(413, "too_many_photos", _("Send at most 20 photos with one survey."))
    out = []
    for spec in specs:
        if not isinstance(spec, dict) or spec.get("field") not in files:
            raise SubmissionError(
                400, "photo_missing", _("A photo of the survey did not arrive; send it again.")
            )
        out.append((files[spec["field"]], spec.get("alt_text", ""), spec.get("subject", "other")))
    return out


def store_photos(assessment: Assessment, specs: list[tuple], written: list, start: int = 0):
    for position, (upload, alt_text, subject) in enumerate(specs, start=start):
        try:
            photo = save_photo(
                assessment, upload, alt_text=alt_text, subject=subject, position=position
            )
        except PhotoError as error:
            raise SubmissionError(
                error.status,
                error.code,
                {"cs": error.message_cs, "en": error.message_en},
                details=[{"photo": position}],
            ) from error
        written.extend(photo_files(photo))


def create_submission(user, payload: dict, files) -> tuple[Assessment, bool]:
    """Store a survey; (assessment, created). A repeated key returns the first one, unchanged."""
    key = parse_key(payload.get("idempotency_key"))
    existing = existing_for_key(user, key)
    if existing is not None:
        return existing, False
    action = payload.get("action", "submit")
    if action not in ("submit", "draft"):
        raise SubmissionError(400, "action", _("Unknown action: send 'submit' or 'draft'."))
    if action == "submit" and not can_submit(user):
        raise SubmissionError(
            403,
            "volunteer_not_approved",
            _(
                "Your account waits for a coordinator's approval. Your survey stays saved "
                "on this phone; submit it once you are approved."
            ),
        )
    place = _place_from(payload, user)
    answers = payload.get("answers") or {}
    check_answers(answers, place.kind, final=action == "submit")
    survey_date = _survey_date(payload)
    specs = _photo_specs(payload, files)
    columns = assessment_columns(categorise(answers))
    base = base_of(place, payload.get("based_on"))
    carried_over = not_remeasured(base.answers, answers, payload.get("confirmed")) if base else []
    written: list[tuple] = []
    try:
        with transaction.atomic():
            if place.pk is None:
                place.save()
            assessment = Assessment.objects.create(
                place=place,
                surveyor=user,
                survey_date=survey_date,
                survey_kind=(
                    SurveyKind.PUBLIC_SPACE
                    if place.kind in PUBLIC_SPACE_KINDS
                    else SurveyKind.BUILDING
                ),
                answers=answers,
                not_remeasured=carried_over,
                idempotency_key=key,
                **columns,
            )
            store_photos(assessment, specs, written)
            if action == "submit":
                assessment = workflow.submit(assessment, user)
    except IntegrityError:
        delete_files(written)
        # Another request with the same key won the race: answer with what it stored.
        existing = existing_for_key(user, key)
        if existing is None:
            raise
        return existing, False
    except BaseException:
        delete_files(written)
        raise
    return assessment, True


# The largest version a PositiveIntegerField holds.
MAX_VERSION = 2**31 - 1


class VersionConflict(Exception):
    """A save started from a version of the answers that someone else replaced meanwhile (409).
    Nothing is written; `current` is the stored survey, `answers` and `version` what was refused,
    both handed back so that neither text is lost."""

    def __init__(self, current: Assessment, answers: dict, version: int):
        super().__init__(current.pk)
        self.current, self.answers, self.version = current, answers, version


def parse_version(payload: dict) -> int | None:
    """The version of the answers a save started from (as the survey's JSON gave it).

    None from an app older than versions: accepted for one release, such a save still replaces
    whatever is stored; then a save without a version should be refused (400)."""
    value = payload.get("version")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_VERSION:
        raise SubmissionError(
            400,
            "version_invalid",
            _("The version of the survey must be the whole number the app loaded."),
        )
    return value


def update_answers(
    assessment: Assessment, answers, *, version: int | None = None, final: bool = False
) -> Assessment:
    """Save a writable assessment's answers (a returned survey being corrected), unless someone
    else saved other answers since `version` (VersionConflict). Repeating a save that was stored
    (a retry after a lost answer) changes nothing and is no conflict."""
    check_answers(answers, assessment.place.kind, final=final)
    columns = assessment_columns(categorise(answers))
    with transaction.atomic():
        # The check of the version and the write are one step: two saves from the same version
        # at the same moment queue here, and the second one sees the first one's version.
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if version is not None and version != locked.version:
            if locked.answers == answers:
                return locked
            raise VersionConflict(locked, answers, version)
        locked.answers = answers
        for name, value in columns.items():
            setattr(locked, name, value)
        locked.version += 1
        locked.save()
    return locked


def submit_existing(assessment: Assessment, user) -> Assessment:
    if not can_submit(user):
        raise SubmissionError(
            403,
            "volunteer_not_approved",
            _("Your account waits for a coordinator's approval; you cannot submit yet."),
        )
    check_answers(assessment.answers, assessment.place.kind, final=True)
    try:
        return workflow.submit(assessment, user)
    except workflow.TransitionError as error:
        raise SubmissionError(409, "transition", {"cs": str(error), "en": str(error)}) from error
