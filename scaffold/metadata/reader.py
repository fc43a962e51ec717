"""Read normalization, labels and model info from a .tflite that already carries metadata.

Models from Model Maker, TF Hub or a previous run of this tool describe their own preprocessing.
Reading it (instead of asking the user to retype mean/std) removes the most common source of
silent accuracy loss: a normalization that differs between training and the app.
"""

from __future__ import annotations

import io
import json
import zipfile

from ai_edge_litert import schema_py_generated as schema

from scaffold.errors import LabelsError, UnsupportedModel
from scaffold.metadata._support import support_modules
from scaffold.metadata.labels import MAX_LABELS_BYTES, parse_labels
from scaffold.model.spec import EmbeddedMetadata, Normalization

METADATA_FIELD_NAME = b"TFLITE_METADATA"


def has_metadata(model_bytes: bytes) -> bool:
    """Cheap check straight on the flatbuffer, so models without metadata never load tflite-support."""
    model = schema.Model.GetRootAs(model_bytes, 0)
    return any(model.Metadata(i).Name() == METADATA_FIELD_NAME for i in range(model.MetadataLength()))


def read_embedded_metadata(model_bytes: bytes) -> EmbeddedMetadata | None:
    if not has_metadata(model_bytes):
        return None
    metadata = support_modules().metadata
    try:
        displayer = metadata.MetadataDisplayer.with_model_buffer(bytes(model_bytes))
        info = json.loads(displayer.get_metadata_json())
        packed = set(displayer.get_packed_associated_file_list())
    except (ValueError, RuntimeError) as exc:
        raise UnsupportedModel(f"the model's embedded metadata is unreadable: {exc}") from exc

    graph = (info.get("subgraph_metadata") or [{}])[0]
    inputs = graph.get("input_tensor_metadata") or [{}]
    outputs = graph.get("output_tensor_metadata") or [{}]
    labels, labels_error = None, None
    try:
        labels = next((found for t in outputs if (found := _labels(t, packed, displayer, model_bytes))), None)
    except LabelsError as exc:
        labels_error = str(exc)
    return EmbeddedMetadata(
        name=info.get("name"),
        description=info.get("description"),
        version=info.get("version"),
        author=info.get("author"),
        license=info.get("license"),
        normalization=_normalization(inputs[0]),
        labels=labels,
        output_names=tuple(t.get("name") for t in outputs),
        labels_error=labels_error,
    )


def _normalization(tensor: dict) -> Normalization | None:
    for unit in tensor.get("process_units") or []:
        if unit.get("options_type") == "NormalizationOptions":
            options = unit.get("options") or {}
            mean, std = options.get("mean"), options.get("std")
            if mean and std:
                return Normalization(tuple(float(m) for m in mean), tuple(float(s) for s in std))
    return None


def _packed_size(model_bytes: bytes, name: str) -> int:
    """The uncompressed size of a file packed in the model (a zip appended to the flatbuffer),
    read from the zip's directory, before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(model_bytes)) as archive:
            return archive.getinfo(name).file_size
    except (zipfile.BadZipFile, KeyError):
        return 0


_LABEL_FILE_TYPES = ("TENSOR_AXIS_LABELS", "TENSOR_VALUE_LABELS")  # classifiers / detectors' category tensor


def _labels(tensor: dict, packed: set[str], displayer, model_bytes: bytes) -> tuple[str, ...] | None:
    """The tensor's first label file, if it is actually packed in the model."""
    for file in tensor.get("associated_files") or []:
        if file.get("type") in _LABEL_FILE_TYPES and file.get("name") in packed:
            source = f"labels file '{file['name']}' embedded in the model"
            size = _packed_size(model_bytes, file["name"])
            if size > MAX_LABELS_BYTES:
                raise LabelsError(f"{source} unpacks to {size // 1024 // 1024} MB: more than a labels file can be "
                                  f"({MAX_LABELS_BYTES // 1024 // 1024} MB); pass --labels.")
            try:
                text = displayer.get_associated_file_buffer(file["name"]).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LabelsError(f"{source} is not UTF-8 text ({exc.reason} at byte {exc.start}).") from exc
            return parse_labels(text, source)
    return None
