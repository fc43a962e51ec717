"""The cookiecutter context for templates/android-app, computed from a ModelSpec.

Only what the template needs, as the strings cookiecutter.json declares. Numbers that feed the
Java arithmetic (mean/std) are written with ``repr``: Python's shortest round-trip repr parses
to the identical double in Java, so ModelConfig.java holds bit-for-bit the values the numpy
reference used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from scaffold import __version__
from scaffold.errors import InvalidOption
from scaffold.model.anchors import ANCHORS_ASSET
from scaffold.model.detector import describe_op
from scaffold.model.runtime import flex_ops
from scaffold.model.spec import POSTPROCESS_ROLES, ModelSpec, TensorInfo
from scaffold.render.acceleration import ACCELERATORS, plan_acceleration
from scaffold.render.runtimes import RUNTIMES
from scaffold.render.text import check_app_name, jinja_literal
from scaffold.text import unsafe_character

MODEL_ASSET = "model.tflite"
LABELS_ASSET = "labels.txt"

JAVA_KEYWORDS = frozenset(
    """abstract assert boolean break byte case catch char class const continue default do double else
    enum extends final finally float for goto if implements import instanceof int interface long native
    new package private protected public return short static strictfp super switch synchronized this
    throw throws transient try void volatile while true false null var record yield""".split()
)
_PACKAGE_PART = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class AppOptions:
    app_name: str
    package_name: str
    language: str = "kotlin"
    top_k: int = 3
    num_threads: int = 4
    # What runs the model in the app (scaffold.render.runtimes).
    runtime: str = "interpreter"
    # The app's initial backend, and whether the GPU is bundled (scaffold.render.acceleration).
    accelerator: str = "auto"


def validate_app_options(options: AppOptions) -> None:
    """Raise InvalidOption for values Gradle or aapt would reject later, far from the cause."""
    parts = options.package_name.split(".")
    if len(parts) < 2 or not all(_PACKAGE_PART.fullmatch(p) for p in parts):
        raise InvalidOption(
            f"invalid --package '{options.package_name}': use two or more dot-separated lowercase identifiers, "
            "e.g. com.example.classifier."
        )
    keyword = next((p for p in parts if p in JAVA_KEYWORDS), None)
    if keyword:
        raise InvalidOption(f"invalid --package '{options.package_name}': '{keyword}' is a Java keyword.")
    check_app_name(options.app_name)
    if options.language not in ("kotlin", "java"):
        raise InvalidOption(f"invalid --language '{options.language}': use kotlin or java.")
    if options.top_k < 1:
        raise InvalidOption("--top-k must be at least 1.")
    if options.num_threads < 1:
        raise InvalidOption("--threads must be at least 1.")
    if options.runtime not in RUNTIMES:
        raise InvalidOption(f"invalid --runtime '{options.runtime}': use {', '.join(RUNTIMES)}.")
    if options.accelerator not in ACCELERATORS:
        raise InvalidOption(f"invalid --accelerator '{options.accelerator}': use {', '.join(ACCELERATORS)}.")


def _describe_tensor(tensor: TensorInfo) -> str:
    quant = f", scale {tensor.scale:.6g}, zero-point {tensor.zero_point}" if tensor.quantized else ""
    return f"{tensor.dtype} {list(tensor.shape)}{quant}"


def model_summary(spec: ModelSpec) -> str:
    head = spec.head
    if spec.task == "classify":
        outputs = f"output {_describe_tensor(head.output)} over {spec.num_classes} labels"
    else:
        kind = "TFLite_Detection_PostProcess" if head.kind == "postprocess" else "raw boxes and scores"
        outputs = f"{len(head.outputs)} outputs ({kind}), {spec.num_classes} labels"
    return f"Model: {spec.name} (version {spec.version}). Input {_describe_tensor(spec.input)}; {outputs}."


def _comment_safe(text: str) -> str:
    """Text that can sit in a Java comment: no comment terminator, no backslash that javac would
    read as a unicode escape (it does so even inside comments), and no control or direction
    character from third-party metadata (a bidi override makes code read otherwise than it runs)."""
    visible = "".join("\ufffd" if unsafe_character(c) else c for c in text)
    return visible.replace("\\", "\\\\").replace("*/", "* /")


def template_context(spec: ModelSpec, options: AppOptions) -> dict[str, object]:
    norm = spec.preprocessing.normalization
    acceleration = plan_acceleration(spec, options.accelerator, options.runtime)
    context: dict[str, object] = {
        # Escaped for each destination by the template's filters (tflite_scaffold_filters.py).
        "app_name": jinja_literal(check_app_name(options.app_name)),
        "project_slug": "project",
        "package_name": options.package_name,
        "language": options.language,
        "runtime": options.runtime,
        "task": spec.task,
        "model_file": MODEL_ASSET,
        "labels_file": LABELS_ASSET,
        "norm_mean": ", ".join(repr(float(m)) for m in norm.mean),
        "norm_std": ", ".join(repr(float(s)) for s in norm.std),
        "channel_order": spec.preprocessing.channel_order,
        "resize_mode": spec.preprocessing.resize,
        "input_values": spec.preprocessing.input_values,
        "top_k": str(options.top_k),
        "num_threads": str(options.num_threads),
        "accelerator": options.accelerator,
        "_default_backend": acceleration.backend,
        "_accelerator_reason": _comment_safe(acceleration.reason),
        "_gpu_limits": acceleration.gpu_limits,
        # Java constructor arguments of TensorSpec, for runtimes that do not report quantization.
        "_input_spec": _java_tensor_spec(spec.input),
        "_output_specs": "\n".join(_java_tensor_spec(t) for t in _outputs(spec)),
        "select_tf_ops": bool(flex_ops(spec.ops)),
        # Free text (model names, labels) goes in private "_" variables, which cookiecutter passes
        # through as they are instead of rendering them as Jinja.
        "_model_summary": _comment_safe(model_summary(spec)),
        "_model_name": spec.name,
        "_model_version": spec.version,
        # The training mean/std the conversion moved into the model ("" when it did not).
        "_normalization_in_model": spec.preprocessing.in_model.describe() if spec.preprocessing.in_model else "",
        "generator": f"tflite-scaffold {__version__}",
    }
    if spec.task == "classify":
        context["apply_softmax"] = spec.head.apply_softmax
    else:
        context.update(_detector_context(spec))
    return context


def _outputs(spec: ModelSpec) -> tuple[TensorInfo, ...]:
    return (spec.head.output,) if spec.task == "classify" else tuple(spec.head.outputs)


def _java_tensor_spec(tensor: TensorInfo) -> str:
    """``new TensorSpec(...)`` arguments: the float32 scale as javac reads it back exactly."""
    scale = float(np.float32(tensor.scale))
    return (f"new int[] {{{', '.join(str(d) for d in tensor.shape)}}}, TensorSpec.DataType.{tensor.dtype.upper()}, "
            f"{scale!r}f, {tensor.zero_point}")


def _detector_context(spec: ModelSpec) -> dict[str, object]:
    head = spec.head
    options = head.options
    return {
        "detector": head.kind,
        "score_threshold": repr(float(options.score_threshold)),
        "max_results": str(options.max_results),
        "iou_threshold": repr(float(options.iou_threshold)),
        "nms": options.nms,
        # One label per line; the template writes each as a Java string literal.
        "_label_allowlist": "\n".join(options.label_allowlist),
        # Which model output holds what (-1: the detector has no such output).
        **{f"role_{role}": str(head.roles.get(role, -1)) for role in POSTPROCESS_ROLES},
        "_role_evidence": _comment_safe(head.role_evidence),
        # The op's settings: in the model ("postprocess"), or taken over by the app (stripped).
        "_postprocess_op": _comment_safe(describe_op(head.postprocess_op)) if head.postprocess_op else "",
        "box_format": head.box_format,
        "box_scales": ", ".join(repr(float(v)) for v in head.box_scales),
        "score_activation": head.score_activation,
        "background_column": head.background_column,
        "anchors_file": ANCHORS_ASSET if head.anchors is not None else "",
        "kept_limit": str(head.kept_limit) if head.kept_limit else "",
        "per_class_limit": str(head.per_class_limit) if head.per_class_limit else "",
    }
