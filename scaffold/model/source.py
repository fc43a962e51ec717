"""Find out what kind of model the user handed us.

Decided by content, not by file name: users rename files, magic numbers don't lie. A .tflite is
read as-is (no TensorFlow import: that path must stay fast); every other kind goes through
:mod:`scaffold.convert`.
"""

from __future__ import annotations

import enum
import re
import zipfile
from pathlib import Path

from scaffold.errors import ModelNotFound, UnsupportedModel
from scaffold.model.tflite import looks_like_tflite

_HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
# package.module:function or path/to/file.py:function
_PYTHON_SOURCE = re.compile(r"^(?:[\w.]+|.+\.py):[A-Za-z_]\w*$")


class ModelKind(enum.Enum):
    TFLITE = "TFLite flatbuffer"
    KERAS = "Keras v3 (.keras)"
    H5 = "Keras HDF5 (.h5)"
    SAVED_MODEL = "SavedModel directory"
    PYTHON = "Python module:function"

    @property
    def needs_conversion(self) -> bool:
        return self is not ModelKind.TFLITE


def detect_kind(source: str | Path) -> ModelKind:
    path = Path(source)
    if not path.exists() and _PYTHON_SOURCE.match(str(source)):
        return ModelKind.PYTHON
    if not path.exists():
        raise ModelNotFound(f"model not found: {path}")
    if path.is_dir():
        if (path / "saved_model.pb").is_file() or (path / "saved_model.pbtxt").is_file():
            return ModelKind.SAVED_MODEL
        raise UnsupportedModel(f"{path} is a directory without saved_model.pb; expected a SavedModel directory.")
    if not path.is_file():  # a device or a pipe would be read forever
        raise UnsupportedModel(f"{path} is not a regular file; pass the model file itself.")
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
        f"{path} is not a model this tool reads: expected a .tflite flatbuffer, a Keras .keras/.h5 file, "
        "a SavedModel directory or a Python module:function."
    )
