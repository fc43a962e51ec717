"""Embed TFLite metadata (normalization, labels, name/description/version) with tflite-support.

The app we generate does not need metadata (its constants come from the same ModelSpec), but the
model file should describe itself: the Task Library, Android Studio's ML model binding and every
other tool a user may later point at the .tflite read normalization and labels from it. We use
tflite-support's own image_classifier writer so the result is exactly what those tools expect.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from ai_edge_litert.schema_py_generated import TensorType

from scaffold.metadata._support import support_modules
from scaffold.metadata.labels import labels_file_text
from scaffold.metadata.reader import has_metadata
from scaffold.model.spec import ModelSpec

LABELS_FILE_NAME = "labels.txt"


def write_classifier_metadata(spec: ModelSpec) -> bytes:
    """Return ``spec.model_bytes`` with image-classifier metadata and the labels file packed in.

    Any metadata the model already had is replaced, so the file agrees with what the app does.
    """
    support = support_modules()
    info = support.metadata_info
    fb = support.metadata_fb
    model_bytes = _strip_packed_files(spec.model_bytes)
    with tempfile.TemporaryDirectory(prefix="tflite-scaffold-labels-") as tmp:
        # The writer packs associated files by path and keeps their base name: it must be labels.txt.
        labels_path = Path(tmp) / LABELS_FILE_NAME
        labels_path.write_text(labels_file_text(spec.labels), encoding="utf-8")
        norm = spec.preprocessing.normalization
        writer = support.image_classifier.MetadataWriter.create_from_metadata_info(
            model_buffer=bytearray(model_bytes),
            general_md=info.GeneralMd(name=spec.name, version=spec.version, description=spec.description),
            input_md=info.InputImageTensorMd(
                name="image",
                description=_input_description(spec),
                norm_mean=list(norm.mean),
                norm_std=list(norm.std),
                color_space_type=fb.ColorSpaceType.GRAYSCALE if spec.image.channels == 1 else fb.ColorSpaceType.RGB,
                tensor_type=_tensor_type(spec.input.dtype),
            ),
            output_md=info.ClassificationTensorMd(
                name="probability" if not spec.apply_softmax else "logits",
                description="Scores of the labels respectively.",
                label_files=[info.LabelFileMd(file_path=str(labels_path))],
                tensor_type=_tensor_type(spec.output.dtype),
            ),
        )
        return bytes(writer.populate())


def _input_description(spec: ModelSpec) -> str:
    p = spec.preprocessing
    return (
        f"{spec.image.width}x{spec.image.height} {p.channel_order.upper() if spec.image.channels == 3 else 'grayscale'} "
        f"image, bilinear resize ({p.resize}), normalized as (pixel - mean) / std."
    )


def _tensor_type(dtype: str) -> int:
    return {"float32": TensorType.FLOAT32, "uint8": TensorType.UINT8, "int8": TensorType.INT8}[dtype]


def _strip_packed_files(model_bytes: bytes) -> bytes:
    """The flatbuffer without the zip of associated files that metadata tools append after it.

    MetadataPopulator replaces the metadata buffer but refuses to pack a labels.txt that is
    already packed, and would keep stale files. Only models that declare metadata are trimmed, so
    a stray byte pattern inside the weights can never truncate a plain model.
    """
    if not has_metadata(model_bytes) or not zipfile.is_zipfile(io.BytesIO(model_bytes)):
        return model_bytes
    with zipfile.ZipFile(io.BytesIO(model_bytes)) as archive:
        # zipfile reports header offsets from the start of the file, prepended flatbuffer included.
        start_of_archive = min(info.header_offset for info in archive.infolist())
    return model_bytes[:start_of_archive]
