"""Keras / SavedModel → .tflite with TensorFlow's TFLiteConverter.

This is the only module that imports TensorFlow, and only when a conversion is needed.
Conversion is float32 here; quantization options grow in this module.
"""

from __future__ import annotations

import os
from pathlib import Path

from scaffold.errors import ConversionFailed, UnsupportedModel
from scaffold.quiet import native_output_silenced


def _import_tensorflow():
    # TF's C++ INFO/WARNING lines (oneDNN notices, CUDA probing) are noise for our users.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    with native_output_silenced():
        import tensorflow as tf
    return tf


def convert_to_tflite(path: Path, kind) -> bytes:
    from scaffold.model.source import ModelKind

    tf = _import_tensorflow()
    try:
        with native_output_silenced(stdout=True):
            if kind is ModelKind.SAVED_MODEL:
                converter = tf.lite.TFLiteConverter.from_saved_model(str(path))
            else:
                converter = tf.lite.TFLiteConverter.from_keras_model(_load_keras(tf, path))
            return bytes(converter.convert())
    except UnsupportedModel:
        raise
    except Exception as exc:  # the converter raises ConverterError, ValueError, RuntimeError ...
        raise ConversionFailed(f"TFLiteConverter could not convert {path}: {_first_line(exc)}") from exc


def _load_keras(tf, path: Path):
    try:
        return tf.keras.models.load_model(str(path), compile=False)
    except Exception as exc:
        raise UnsupportedModel(f"Keras cannot load {path}: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
