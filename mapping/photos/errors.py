"""Why an upload was refused, in words a volunteer understands, in Czech and in English.

This module is pure (no Django): every error carries its HTTP status and both texts, so a view, the
offline sync endpoint or an import can turn it into a 4xx without knowing the pipeline. The English
templates are marked with ``gettext_noop`` so that ``makemessages`` finds them; their Czech lives
both here (for callers without Django) and in ``locale/parts/photos.cs.po``.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """Marks a string for translation without translating it (Django's makemessages keyword)."""
    return message


class PhotoError(ValueError):
    """A photo that cannot be accepted. Subclasses say why; ``status`` is the HTTP status."""

    status: int = 400
    code: str = "photo_invalid"
    template_en: str = gettext_noop("The photo cannot be accepted.")
    template_cs: str = "Fotografii nelze přijmout."

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(self.message_en)

    @property
    def message_en(self) -> str:
        return self.template_en % self.params if self.params else self.template_en

    @property
    def message_cs(self) -> str:
        if not self.params:
            return self.template_cs
        # Czech writes a decimal comma: 1,5 MB.
        czech = {
            key: value.replace(".", ",") if isinstance(value, str) else value
            for key, value in self.params.items()
        }
        return self.template_cs % czech

    def message_for(self, language: str | None) -> str:
        """The message in ``language`` ("cs", "cs-cz", "en", ...); Czech is the default."""
        if language and language.lower().startswith("en"):
            return self.message_en
        return self.message_cs


class PhotoTooLarge(PhotoError):
    status = 413
    code = "photo_too_large"
    template_en = gettext_noop(
        "The photo is too large (%(size_mb)s MB). The limit is %(limit_mb)s MB; "
        "send a smaller photo or lower the camera resolution."
    )
    template_cs = (
        "Fotografie je příliš velká (%(size_mb)s MB). Limit je %(limit_mb)s MB; "
        "pošlete menší fotografii nebo snižte rozlišení fotoaparátu."
    )


class PhotoTooManyPixels(PhotoError):
    status = 413
    code = "photo_too_many_pixels"
    template_en = gettext_noop(
        "The photo has too many pixels (%(megapixels)s megapixels). "
        "The limit is %(limit_megapixels)s megapixels; "
        "send a smaller photo or lower the camera resolution."
    )
    template_cs = (
        "Fotografie má příliš mnoho pixelů (%(megapixels)s megapixelů). "
        "Limit je %(limit_megapixels)s megapixelů; "
        "pošlete menší fotografii nebo snižte rozlišení fotoaparátu."
    )


class UnsupportedPhotoType(PhotoError):
    status = 415
    code = "photo_unsupported_type"
    template_en = gettext_noop(
        "This file is not a photo we can accept. Send a JPEG, PNG, WebP or HEIC/HEIF image."
    )
    template_cs = (
        "Tento soubor není fotografie, kterou umíme přijmout. "
        "Pošlete obrázek ve formátu JPEG, PNG, WebP nebo HEIC/HEIF."
    )


class CorruptPhoto(PhotoError):
    status = 422
    code = "photo_corrupt"
    template_en = gettext_noop(
        "The photo is damaged or incomplete and cannot be read. Try sending it again."
    )
    template_cs = "Fotografie je poškozená nebo neúplná a nelze ji přečíst. Zkuste ji poslat znovu."


class EmptyPhoto(PhotoError):
    status = 400
    code = "photo_empty"
    template_en = gettext_noop("No photo was sent (the file is empty).")
    template_cs = "Nebyla odeslána žádná fotografie (soubor je prázdný)."


class MissingAltText(PhotoError):
    status = 400
    code = "photo_alt_text_missing"
    template_en = gettext_noop(
        "Describe what the photo shows (text alternative) for people who cannot see it."
    )
    template_cs = (
        "Popište, co fotografie zobrazuje (textová alternativa), pro lidi, kteří ji nevidí."
    )


class AltTextTooLong(PhotoError):
    status = 400
    code = "photo_alt_text_too_long"
    template_en = gettext_noop(
        "The text alternative is too long (%(length)s characters); keep it under %(limit)s."
    )
    template_cs = (
        "Textová alternativa je příliš dlouhá (%(length)s znaků); zkraťte ji pod %(limit)s."
    )


class UnknownPhotoSubject(PhotoError):
    status = 400
    code = "photo_subject_unknown"
    template_en = gettext_noop("Choose what the photo shows from the list.")
    template_cs = "Vyberte ze seznamu, co fotografie zobrazuje."


class InvalidBlurArea(PhotoError):
    status = 400
    code = "photo_blur_area_invalid"
    template_en = gettext_noop("A blurred area must be a rectangle inside the photo.")
    template_cs = "Rozmazaná oblast musí být obdélník uvnitř fotografie."


class MissingOriginal(PhotoError):
    status = 409
    code = "photo_original_missing"
    template_en = gettext_noop(
        "This photo has no original, so its public copies cannot be made again."
    )
    template_cs = "Tato fotografie nemá originál, a tak její veřejné kopie nelze vytvořit znovu."


class PrivacyCheckNotDone(PhotoError):
    status = 409
    code = "photo_privacy_check_not_done"
    template_en = gettext_noop(
        "The privacy check of this photo has not succeeded yet, so it has no public copies to "
        "make again. Wait for it, or run it again."
    )
    template_cs = (
        "Kontrola soukromí této fotografie zatím neproběhla úspěšně, a tak nemá veřejné kopie, "
        "které by šlo vytvořit znovu. Počkejte na ni, nebo ji spusťte znovu."
    )


ALL_ERRORS: tuple[type[PhotoError], ...] = (
    PhotoError,
    PhotoTooLarge,
    PhotoTooManyPixels,
    UnsupportedPhotoType,
    CorruptPhoto,
    EmptyPhoto,
    MissingAltText,
    AltTextTooLong,
    UnknownPhotoSubject,
    InvalidBlurArea,
    MissingOriginal,
    PrivacyCheckNotDone,
)
