"""Reading the PDFs the site prints, with poppler's tools (pdftotext, pdfinfo) and, for the text
alternatives of figures that no poppler tool prints, the /Alt entries of the structure tree."""

import re
import subprocess
import zlib
from pathlib import Path


def pdf_text(content: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    """The PDF's text as pdftotext reads it, whitespace folded (kept with `layout`)."""
    path = tmp_path / "text.pdf"
    path.write_bytes(content)
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    text = subprocess.run(args, capture_output=True, check=True).stdout.decode()
    return text if layout else " ".join(text.split())


def pdf_info(content: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(content)
    lines = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, check=True, text=True
    ).stdout.splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def pdf_page_sizes(content: bytes, tmp_path: Path) -> list[str]:
    """Each page's size as pdfinfo names it, e.g. "595.276 x 841.89 pts (A4)"."""
    path = tmp_path / "pages.pdf"
    path.write_bytes(content)
    lines = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(path)], capture_output=True, check=True, text=True
    ).stdout.splitlines()
    return [line.split(":", 1)[1].strip() for line in lines if re.match(r"Page\s+\d+ size:", line)]


ALT = re.compile(rb"/Alt\s*(<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\))")


def _decode(token: bytes) -> str:
    if token.startswith(b"<"):
        raw = bytes.fromhex(token[1:-1].decode().replace(" ", ""))
    else:
        raw = re.sub(rb"\\(.)", rb"\1", token[1:-1])
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be")
    return raw.decode("latin-1")


def figure_alternatives(content: bytes) -> list[str]:
    """The text alternatives (/Alt) of the tagged PDF's figures, in the order they are written:
    WeasyPrint writes the structure tree in reading order, mostly inside compressed object
    streams."""
    chunks = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # not a Flate stream (fonts, images)
    return [_decode(token) for chunk in chunks for token in ALT.findall(chunk)]
