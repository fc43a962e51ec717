"""Find out what kind of model the user handed us, and get a .tflite out of it.

A .tflite is read as-is (no TensorFlow import: that path must stay fast). Keras files and
SavedModel directories go through :mod:`scaffold.convert`, which imports TensorFlow.
"""

from __future__ import annotations

import enum
import zipfile
from dataclasses import dataclass
from pathlib import Path

from scaffold.errors import ModelNotFound, UnsupportedModel
from scaffold.model.tflite import looks_like_tflite

_HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


class ModelKind(enum.Enum):
    TFLITE = "TFLite flatbuffer"
    KERAS = "Keras v3 (.keras)"
    H5 = "Keras HDF5 (.h5)"
    SAVED_MODEL = "SavedModel directory"

    @property
    def needs_conversion(self) -> bool:
        return self is not ModelKind.TFLITE


@dataclass(frozen=True)
class LoadedModel:
    kind: ModelKind
    path: Path
    tflite_bytes: bytes


def detect_kind(path: Path) -> ModelKind:
    """Decide by content first, extension second: users rename files, magic numbers don't lie."""
    if not path.exists():
        raise ModelNotFound(f"model not found: {path}")
    if path.is_dir():
        if (path / "saved_model.pb").is_file() or (path / "saved_model.pbtxt").is_file():
            return ModelKind.SAVED_MODEL
        raise UnsupportedModel(f"{path} is a directory without saved_model.pb; expected a SavedModel directory.")
    with path.open("rb") as f:
        head = f.read(8)
    if looks_like_tflite(head):
        return ModelKind.TFLITE
    if head.startswith(_HDF5_SIGNATURE):
        return ModelKind.H5
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            if "config.json" in archive.namelist():
                return ModelKind.KERAS
    raise UnsupportedModel(
        f"{path} is not a model this tool reads: expected a .tflite flatbuffer, a Keras .keras/.h5 file "
        "or a SavedModel directory."
    )


def load_model(path: Path) -> LoadedModel:
    """Read or convert ``path`` to .tflite bytes (float32 conversion for Keras/SavedModel)."""
    kind = detect_kind(path)
    if kind is ModelKind.TFLITE:
        return LoadedModel(kind, path, path.read_bytes())
    from scaffold.convert.converter import convert_to_tflite  # imports TensorFlow: only here

    return LoadedModel(kind, path, convert_to_tflite(path, kind))
