"""Embed TFLite metadata (normalization, labels, name/description/version) with tflite-support.

The app we generate does not need metadata (its constants come from the same ModelSpec), but the
model file should describe itself: the Task Library, Android Studio's ML model binding and every
other tool a user may later point at the .tflite read normalization and labels from it. We use
tflite-support's own writers (image_classifier, object_detector, and the generic one for raw
detectors) so the result is exactly what those tools expect.
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
from scaffold.model.spec import POSTPROCESS_ROLES, ModelSpec

LABELS_FILE_NAME = "labels.txt"
_ZIP_STAMP = (2000, 1, 1, 0, 0, 0)


def write_metadata(spec: ModelSpec) -> tuple[bytes, str | None]:
    """``spec.model_bytes`` with metadata and the labels file packed in, or unchanged with the
    reason when metadata cannot describe it faithfully.

    Any metadata the model already had is replaced, so the file agrees with what the app does.
    """
    support = support_modules()
    model_bytes = bytearray(_strip_packed_files(spec.model_bytes))
    with tempfile.TemporaryDirectory(prefix="tflite-scaffold-labels-") as tmp:
        # The writers pack associated files by path and keep their base name: it must be labels.txt.
        labels_path = Path(tmp) / LABELS_FILE_NAME
        labels_path.write_text(labels_file_text(metadata_labels(spec)), encoding="utf-8")
        if spec.task == "classify":
            writer = _classifier_writer(spec, support, model_bytes, str(labels_path))
        elif spec.head.kind == "postprocess":
            writer = _postprocess_writer(spec, support, model_bytes, str(labels_path))
            if writer is None:
                return spec.model_bytes, (
                    "metadata not written: the postprocess op's output tensors are not numbered in port order, "
                    "which tflite-support's object detector writer assumes"
                )
        else:
            writer = _raw_detector_writer(spec, support, model_bytes, str(labels_path))
        return _with_fixed_zip_times(bytes(writer.populate())), None


def metadata_labels(spec: ModelSpec) -> tuple[str, ...]:
    """The labels as the metadata lists them: a raw detector's score columns include the
    background when there is one, so it is labelled "???" to keep indices aligned."""
    if spec.task == "detect" and spec.head.background_column:
        return ("???", *spec.labels)
    return spec.labels


def _general(spec: ModelSpec, info):
    return info.GeneralMd(name=spec.name, version=spec.version, description=spec.description)


def _image_input(spec: ModelSpec, support):
    norm = spec.preprocessing.normalization
    fb = support.metadata_fb
    return support.metadata_info.InputImageTensorMd(
        name="image",
        description=_input_description(spec),
        norm_mean=list(norm.mean),
        norm_std=list(norm.std),
        color_space_type=fb.ColorSpaceType.GRAYSCALE if spec.image.channels == 1 else fb.ColorSpaceType.RGB,
        tensor_type=_tensor_type(spec.input.dtype),
    )


def _classifier_writer(spec: ModelSpec, support, model_bytes: bytearray, labels_path: str):
    info = support.metadata_info
    return support.image_classifier.MetadataWriter.create_from_metadata_info(
        model_buffer=model_bytes,
        general_md=_general(spec, info),
        input_md=_image_input(spec, support),
        output_md=info.ClassificationTensorMd(
            name="logits" if spec.head.apply_softmax else "probability",
            description="Scores of the labels respectively.",
            label_files=[info.LabelFileMd(file_path=labels_path)],
            tensor_type=_tensor_type(spec.head.output.dtype),
        ),
    )


def _postprocess_writer(spec: ModelSpec, support, model_bytes: bytearray, labels_path: str):
    """tflite-support's object detector writer, which the Task Library's ObjectDetector expects.

    The writer assigns location / category / score / number to the op's outputs by ascending
    tensor index (their port order in every converter we know of); when that does not hold for
    this model, writing would mislabel the outputs, so we don't.
    """
    head = spec.head
    indices = [head.output(role).index for role in POSTPROCESS_ROLES]
    if indices != sorted(indices):
        return None
    info = support.metadata_info
    return support.object_detector.MetadataWriter.create_from_metadata_info(
        model_buffer=model_bytes,
        general_md=_general(spec, info),
        input_md=_image_input(spec, support),
        output_category_md=info.CategoryTensorMd(
            name="category",
            description="The categories of the detected boxes.",
            label_files=[info.LabelFileMd(file_path=labels_path)],
        ),
    )


def _raw_detector_writer(spec: ModelSpec, support, model_bytes: bytearray, labels_path: str):
    """Generic metadata for a raw detector (the Task Library cannot run one, but the model
    still documents its normalization, its outputs and its labels)."""
    head = spec.head
    info = support.metadata_info
    boxes, scores = head.output("boxes"), head.output("scores")
    box_layout = "anchor-relative SSD encodings (ty, tx, th, tw)" if head.anchors is not None else head.box_format
    outputs = {
        boxes.name: info.TensorMd(
            name="boxes", description=f"Boxes, {box_layout}, normalized to the input.", tensor_name=boxes.name
        ),
        scores.name: info.ClassificationTensorMd(
            name="scores",
            description="Class scores per box" + (" (column 0: background)." if head.background_column else "."),
            label_files=[info.LabelFileMd(file_path=labels_path)],
            tensor_type=_tensor_type(scores.dtype),
            tensor_name=scores.name,
        ),
    }
    return support.metadata_writer.MetadataWriter.create_from_metadata_info(
        model_buffer=model_bytes,
        general_md=_general(spec, info),
        input_md=[_image_input(spec, support)],
        output_md=[outputs[t.name] for t in head.outputs],
        associated_files=[labels_path],
    )


def _input_description(spec: ModelSpec) -> str:
    p = spec.preprocessing
    return (
        f"{spec.image.width}x{spec.image.height} {p.channel_order.upper() if spec.image.channels == 3 else 'grayscale'} "
        f"image, bilinear resize ({p.resize}), normalized as (pixel - mean) / std."
    )


def _tensor_type(dtype: str) -> int:
    return {"float32": TensorType.FLOAT32, "uint8": TensorType.UINT8, "int8": TensorType.INT8}[dtype]


def _with_fixed_zip_times(model_bytes: bytes) -> bytes:
    """The populator packs the labels file stamped with the current time; the same entries
    stamped with a fixed time keep the model byte-identical from run to run (so regenerating an
    unchanged project changes nothing). Entries, order and compression are kept."""
    if not zipfile.is_zipfile(io.BytesIO(model_bytes)):
        return model_bytes
    with zipfile.ZipFile(io.BytesIO(model_bytes)) as archive:
        start = min(info.header_offset for info in archive.infolist())
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    buffer = io.BytesIO(model_bytes[:start])
    buffer.seek(0, io.SEEK_END)
    with zipfile.ZipFile(buffer, "a") as archive:
        for info, data in entries:
            stamped = zipfile.ZipInfo(info.filename, date_time=_ZIP_STAMP)
            stamped.compress_type, stamped.external_attr = info.compress_type, info.external_attr
            archive.writestr(stamped, data)
    return buffer.getvalue()


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
