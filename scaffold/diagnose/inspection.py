"""``inspect``: everything ``new`` would conclude about a .tflite, without generating anything.

Users arrive with a model someone else exported. The facts here are the ones the pipeline
itself uses (the same flatbuffer reader, metadata reader, task guess, pixel convention and GPU
view), so what ``inspect`` says is what ``new`` will do; problems are listed as warnings rather
than raised, since the point is to see all of them at once. The JSON form is documented in
docs/schemas/inspect.schema.json and kept stable (its ``schema`` field names the version).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from scaffold.errors import ScaffoldError
from scaffold.model.gpu import gpu_fit
from scaffold.model.resolve import Choices, image_size, resolve_common
from scaffold.model.runtime import flex_ops
from scaffold.model.spec import ModelFacts, TensorInfo
from scaffold.model.task import guess_task
from scaffold.model.tflite import DETECTION_POSTPROCESS_OP, inspect_model, is_builtin, op_counts

SCHEMA = "tflite-scaffold/inspect/1"
# Custom ops the generated apps can run: the op the stock TFLite runtimes register.
KNOWN_CUSTOM_OPS = {DETECTION_POSTPROCESS_OP}
LABELS_SHOWN = 5


def tensor_json(tensor: TensorInfo) -> dict:
    return {
        "name": tensor.name,
        "shape": list(tensor.shape),
        # As declared, -1 for dimensions fixed at run time; empty when the model declares none.
        "shape_signature": list(tensor.shape_signature),
        "dtype": tensor.dtype,
        "scale": tensor.scale,
        "zero_point": tensor.zero_point,
    }


def inspect_file(path: Path, model_bytes: bytes) -> dict:
    """The ``inspect`` report for ``model_bytes`` (read from ``path``), as JSON-ready data."""
    facts = inspect_model(model_bytes, str(path))
    counts = op_counts(model_bytes)
    warnings: list[str] = []
    report = {
        "schema": SCHEMA,
        "model": {"path": str(path), "size_bytes": len(model_bytes), "sha256": hashlib.sha256(model_bytes).hexdigest()},
        "inputs": [tensor_json(t) for t in facts.inputs],
        "outputs": [tensor_json(t) for t in facts.outputs],
        "metadata": _metadata(facts),
        "ops": [{"name": name, "count": count} for name, count in counts.items()],
        "task": _task(facts, warnings),
        "pixels": _pixels(facts, warnings),
        "gpu": _gpu(facts),
        "warnings": warnings,
    }
    warnings[:0] = _problems(facts, report["task"]["task"], report["gpu"])
    return report


def _metadata(facts: ModelFacts) -> dict | None:
    embedded = facts.metadata
    if embedded is None:
        return None
    norm = embedded.normalization
    labels = embedded.labels or ()
    return {
        "name": embedded.name,
        "description": embedded.description,
        "version": embedded.version,
        "author": embedded.author,
        "license": embedded.license,
        "normalization": {"mean": list(norm.mean), "std": list(norm.std)} if norm else None,
        "labels_count": len(labels),
        "labels_first": list(labels[:LABELS_SHOWN]),
        "output_names": list(embedded.output_names),
    }


def _task(facts: ModelFacts, warnings: list[str]) -> dict:
    try:
        task, why = guess_task(facts)
    except ScaffoldError as exc:
        warnings.append(str(exc))
        return {"task": None, "reason": "the outputs fit neither a classifier nor a detector"}
    return {"task": task, "reason": why}


def _pixels(facts: ModelFacts, warnings: list[str]) -> dict:
    """The pixel convention ``new`` would use with no --mean/--std/--uint8-input given."""
    try:
        common = resolve_common(facts, Choices())
    except ScaffoldError as exc:  # a float input without normalization: listed once, by _problems
        return {"convention": None, "mean": None, "std": None, "reason": str(exc)}
    p = common.preprocessing
    reason = "; ".join(common.notes) or (
        f"(pixel - mean) / std with the metadata's mean {list(p.normalization.mean)} and std {list(p.normalization.std)}"
        + (", then quantized with the input's scale and zero-point" if facts.inputs[0].dtype != "float32" else "")
    )
    return {
        "convention": p.input_values,
        "mean": list(p.normalization.mean),
        "std": list(p.normalization.std),
        "reason": reason,
    }


def _gpu(facts: ModelFacts) -> dict:
    fit = gpu_fit(facts.ops, facts.inputs[0].dtype if facts.inputs else "float32")
    return {"whole_model": fit.whole, "cpu_ops": list(fit.cpu_ops), "integer_quantized": fit.integer, "summary": fit.describe()}


def _problems(facts: ModelFacts, task: str | None, gpu: dict) -> list[str]:
    """Known problems, most serious first."""
    problems = []
    flex = flex_ops(facts.ops)
    if flex:
        problems.append(f"Select TF ops ({', '.join(flex)}): the app needs the Flex delegate (SELECT_TF_OPS, about 8 MB per "
                        "ABI, not 16 KB aligned) and only --runtime interpreter runs them")
    custom = [op for op in facts.ops if not is_builtin(op) and op not in flex and op not in KNOWN_CUSTOM_OPS]
    if custom:
        problems.append(f"custom ops {', '.join(custom)}: no stock runtime registers them; the app would need their kernels")
    if len(facts.inputs) != 1:
        problems.append(f"{len(facts.inputs)} inputs: the generated apps feed one image input")
    for tensor in facts.inputs:
        signature = tensor.shape_signature or tensor.shape
        if any(d == -1 for d in signature[1:]):
            problems.append(f"input {tensor.name} has dynamic dimensions {list(signature)}: the app fixes them to "
                            f"{list(tensor.shape)}, and the GPU delegate refuses dynamic shapes")
    try:
        image_size(facts)
    except ScaffoldError as exc:
        problems.append(str(exc))
    embedded = facts.metadata
    if facts.inputs and facts.inputs[0].dtype == "float32" and (embedded is None or embedded.normalization is None):
        problems.append("float input without normalization metadata: `new` needs --mean/--std, and the Task Library and "
                        "MediaPipe cannot run it until metadata says how to normalize")
    if embedded and embedded.labels_error:
        problems.append(embedded.labels_error)
    problems += _label_count_problems(facts, task)
    if not gpu["whole_model"]:
        problems.append(f"GPU: {gpu['summary']}")
    elif gpu["integer_quantized"]:
        problems.append("GPU: integer-quantized; the GPU dequantizes it to floats, the CPU's int8 kernels are usually faster")
    return problems


def _label_count_problems(facts: ModelFacts, task: str | None) -> list[str]:
    labels = facts.metadata.labels if facts.metadata else None
    if not labels:
        return []
    if task == "classify":
        classes = facts.outputs[0].shape[-1]
        if len(labels) != classes:
            return [f"the metadata has {len(labels)} labels for {classes} output classes"]
    if task == "detect" and facts.postprocess_op is not None:
        classes = facts.postprocess_op.num_classes
        if len(labels) not in (classes, classes + 1):
            return [f"the metadata has {len(labels)} labels for {classes} detector classes (or {classes + 1} with a "
                    "background row)"]
    return []
