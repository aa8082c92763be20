"""The private original: the upload's image data, untouched, with only the metadata that matters.

A file can carry megabytes that are not the photo: XMP, IPTC, maker notes, comments, thumbnails,
other APP segments, data after the image's end (a motion photo's video). None of it is kept. What
is kept: the image data byte for byte (re-encoding would lose quality), a new minimal EXIF block
(exif.lean_exif: position, direction, time, orientation, camera), and the ICC colour profile when
it is a real profile of reasonable size: phones shoot in Display P3, whose colours look wrong
without it, and the public copies are made again from this original when a coordinator blurs.

JPEG, PNG and WebP are rewritten container by container (segments, chunks); HEIF is kept as sent
(its metadata items are addressed by offsets into the file, which a rewrite would have to redo).
Only what passed the pipeline comes here, so a structure that does not add up is CorruptPhoto.
"""

from __future__ import annotations

import io
import re
import struct
import zlib

from PIL import ImageCms

from mapping.photos.errors import CorruptPhoto

ICC_MAX_BYTES = 512 * 1024
_EXIF_HEADER = b"Exif\x00\x00"


def lean_original(data: bytes, kind: str, exif: bytes | None) -> bytes:
    """``data`` (a checked upload of format ``kind``) without what is not the photo; ``exif`` is
    the minimal EXIF block ("Exif\\0\\0" + TIFF) to put in its place, if any."""
    try:
        if kind == "jpeg":
            return _lean_jpeg(data, exif)
        if kind == "png":
            return _lean_png(data, exif)
        if kind == "webp":
            return _lean_webp(data, exif)
    except (IndexError, struct.error, ValueError) as exc:
        raise CorruptPhoto() from exc
    return data


def _valid_icc(profile: bytes) -> bool:
    if not profile or len(profile) > ICC_MAX_BYTES:
        return False
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(profile))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return False
    return True


# ---------------------------------------------------------------------------------------------
# JPEG: a sequence of marker segments, then entropy-coded scans, then EOI.

SOI, EOI, SOS = b"\xff\xd8", b"\xff\xd9", 0xDA
APP0, APP1, APP2, APP14, COM = 0xE0, 0xE1, 0xE2, 0xEE, 0xFE
# The end of entropy-coded data: a marker that is not a stuffed 0xFF00, a restart marker RSTn
# (part of the scan) or a fill byte.
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def _lean_jpeg(data: bytes, exif: bytes | None) -> bytes:
    head: list[bytes] = []  # what tells how the image is stored (JFIF, Adobe)
    body: list[bytes] = []  # tables, frame headers and scans, as they came
    icc: dict[int, bytes] = {}
    pos = 2
    while (pos := data.find(b"\xff", pos)) != -1:  # skips stray bytes, as libjpeg does
        while data[pos + 1] == 0xFF:  # fill bytes
            pos += 1
        marker = data[pos + 1]
        if marker == EOI[1]:
            break
        if 0xD0 <= marker <= 0xD8 or marker == 0x01:  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise ValueError("a segment runs past the end of the file")
        payload = data[pos + 4 : end]
        if marker == SOS:
            scan_end = _scan_end(data, end)
            body.append(data[pos:scan_end])
            pos = scan_end
            continue
        _sort_segment(marker, payload, data[pos:end], head, body, icc)
        pos = end
    if not any(part[1] == SOS for part in body):
        raise ValueError("no scan")
    kept = [SOI, *head[:1]]  # JFIF first, when there is one
    if exif:
        kept.append(_segment(APP1, exif))
    kept += _icc_segments(icc)
    kept += [*head[1:], *body, EOI]
    return b"".join(kept)


def _scan_end(data: bytes, start: int) -> int:
    found = _NEXT_MARKER.search(data, start)
    # A scan running to the end of the file (no EOI): Pillow accepted it, so keep it all.
    return found.start() if found else len(data)


def _sort_segment(
    marker: int,
    payload: bytes,
    whole: bytes,
    head: list[bytes],
    body: list[bytes],
    icc: dict[int, bytes],
) -> None:
    """Keep what decoding needs, gather the ICC profile's pieces, drop the rest."""
    if marker == APP0 and payload.startswith(b"JFIF\x00") and len(payload) >= 14 and not head:
        # JFIF says the colours are YCbCr; rebuilt without its thumbnail.
        head.insert(0, _segment(APP0, payload[:12] + b"\x00\x00"))
    elif marker == APP14 and payload.startswith(b"Adobe") and len(payload) >= 12:
        # Adobe's transform flag says how to read CMYK and RGB JPEGs.
        head.append(_segment(APP14, payload[:12]))
    elif marker == APP2 and payload.startswith(b"ICC_PROFILE\x00") and len(payload) > 14:
        icc.setdefault(payload[12], payload[14:])
    elif 0xE0 <= marker <= 0xEF or marker == COM:
        return  # every other APPn (EXIF is rebuilt, XMP, IPTC, MPF, ...) and comments
    else:
        body.append(whole)  # DQT, DHT, SOFn, DRI, DAC, DNL, ...


def _icc_segments(pieces: dict[int, bytes]) -> list[bytes]:
    count = len(pieces)
    if not count or sorted(pieces) != list(range(1, count + 1)) or count > 255:
        return []
    if not _valid_icc(b"".join(pieces[n] for n in range(1, count + 1))):
        return []
    return [
        _segment(APP2, b"ICC_PROFILE\x00" + bytes([n, count]) + pieces[n])
        for n in range(1, count + 1)
    ]


# ---------------------------------------------------------------------------------------------
# PNG: a signature and chunks (length, type, data, CRC) up to IEND.

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Chunks that say how to show the pixels; iCCP is checked, eXIf rebuilt, the rest dropped
# (tEXt, zTXt, iTXt with XMP, time, animation frames, private chunks).
PNG_KEPT = {b"IHDR", b"PLTE", b"IDAT", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"pHYs"}


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload))
    )


def _lean_png(data: bytes, exif: bytes | None) -> bytes:
    kept, pos = [PNG_SIGNATURE], len(PNG_SIGNATURE)
    exif_written = False
    while True:
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, end = data[pos + 4 : pos + 8], pos + 12 + length
        if end > len(data):
            raise ValueError("a chunk runs past the end of the file")
        if kind == b"IDAT" and exif and not exif_written:
            kept.append(_png_chunk(b"eXIf", exif.removeprefix(_EXIF_HEADER)))
            exif_written = True
        if kind in PNG_KEPT or (kind == b"iCCP" and _valid_png_icc(data[pos + 8 : end - 4])):
            kept.append(data[pos:end])
        if kind == b"IEND":
            kept.append(data[pos:end])
            return b"".join(kept)
        pos = end


def _valid_png_icc(payload: bytes) -> bool:
    name_end = payload.find(b"\x00")
    try:
        decompressor = zlib.decompressobj()
        profile = decompressor.decompress(payload[name_end + 2 :], ICC_MAX_BYTES + 1)
    except zlib.error:
        return False
    return name_end > 0 and _valid_icc(profile)


# ---------------------------------------------------------------------------------------------
# WebP: a RIFF container of chunks (FourCC, little-endian size, data, padding to even).

WEBP_KEPT = {b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF"}
VP8X_ICC, VP8X_EXIF, VP8X_XMP = 0x20, 0x08, 0x04


def _riff_chunk(kind: bytes, payload: bytes) -> bytes:
    return kind + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) % 2)


def _lean_webp(data: bytes, exif: bytes | None) -> bytes:
    (riff_size,) = struct.unpack("<I", data[4:8])
    end_of_riff = min(len(data), 8 + riff_size)
    chunks, pos = [], 12
    while pos + 8 <= end_of_riff:
        kind = data[pos : pos + 4]
        (size,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        chunks.append((kind, data[pos + 8 : pos + 8 + size]))
        pos += 8 + size + size % 2
    if not chunks or chunks[0][0] not in (b"VP8 ", b"VP8L", b"VP8X"):
        raise ValueError("not a WebP image")
    # The simple format is one image chunk and no metadata; the extended one starts with VP8X.
    simple = chunks[0][0] != b"VP8X"
    body = _riff_chunk(*chunks[0]) if simple else _lean_extended_webp(chunks, exif)
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def _lean_extended_webp(chunks: list[tuple[bytes, bytes]], exif: bytes | None) -> bytes:
    header = bytearray(chunks[0][1])
    icc = next((payload for kind, payload in chunks if kind == b"ICCP"), None)
    if icc is not None and not _valid_icc(icc):
        icc = None
    header[0] &= ~(VP8X_ICC | VP8X_EXIF | VP8X_XMP) & 0xFF
    header[0] |= (VP8X_ICC if icc is not None else 0) | (VP8X_EXIF if exif else 0)
    parts = [_riff_chunk(b"VP8X", bytes(header))]
    if icc is not None:
        parts.append(_riff_chunk(b"ICCP", icc))
    parts += [_riff_chunk(kind, payload) for kind, payload in chunks if kind in WEBP_KEPT]
    if exif:
        parts.append(_riff_chunk(b"EXIF", exif.removeprefix(_EXIF_HEADER)))
    return b"".join(parts)
