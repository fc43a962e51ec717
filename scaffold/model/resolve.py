"""Resolve what the model says against what the user asked for, into one ModelSpec.

Precedence for every setting: command-line flag, then the model's embedded metadata, then a
clear error. Never a silent default for normalization or labels: a wrong guess there still
produces an app that runs, just with quietly worse accuracy, which is the failure this tool
exists to prevent. When a flag overrides metadata we say so (the user may not know the model
carried different values).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from scaffold.errors import InvalidOption, LabelsError, NormalizationError, UnsupportedModel
from scaffold.metadata.labels import check_label_count, duplicate_labels
from scaffold.model.pixels import describe_raw, input_values, raw_pixel_normalization
from scaffold.model.spec import (
    CHANNEL_ORDERS,
    RESIZE_MODES,
    SUPPORTED_DTYPES,
    TASKS,
    ClassifierHead,
    EmbeddedMetadata,
    ImageSize,
    ModelFacts,
    ModelSpec,
    Normalization,
    PostprocessOp,
    Preprocessing,
)

# Ops whose output already is a probability per class (or per class and box).
PROBABILITY_OPS = {"SOFTMAX", "LOGISTIC"}


@dataclass(frozen=True)
class DetectionChoices:
    """Detection options as given; None: not given, decided per model (scaffold.model.detector)."""

    score_threshold: float | None = None
    max_results: int | None = None
    label_allowlist: tuple[str, ...] = ()
    iou_threshold: float | None = None
    nms: str | None = None


@dataclass(frozen=True)
class Choices:
    """The user's options that shape the ModelSpec (None = not given on the command line)."""

    labels: tuple[str, ...] | None = None
    labels_source: str = "--labels"
    normalization: Normalization | None = None
    # --uint8-input (None: raw, see scaffold.model.pixels).
    uint8_input: str | None = None
    # The training normalization, when the conversion moved it into the model (then
    # ``normalization`` is the identity: the input takes pixel values).
    normalization_in_model: Normalization | None = None
    # None: not given on the command line.
    channel_order: str | None = None
    resize: str | None = None
    name: str | None = None
    description: str | None = None
    version: str | None = None
    # Classifiers.
    apply_softmax: bool | None = None
    # Detectors.
    detection: DetectionChoices = DetectionChoices()
    anchors: np.ndarray | None = field(default=None, compare=False, repr=False)
    box_format: str | None = None
    box_scales: tuple[float, float, float, float] | None = None
    score_activation: str | None = None
    # --strip-postprocess: the model was cut before this TFLite_Detection_PostProcess op (its
    # anchors arrive in ``anchors``); its settings become the app's defaults.
    stripped_op: PostprocessOp | None = None


@dataclass(frozen=True)
class Resolution:
    spec: ModelSpec
    # Human-readable notes on decisions made: what was read from metadata, what a flag overrode.
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_floats(text: str, option: str) -> tuple[float, ...]:
    """Comma-separated finite numbers (nan / inf would end up as Java constants that don't compile)."""
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if not values or not all(math.isfinite(v) for v in values):
        raise NormalizationError(f"{option} must be a number or comma-separated finite numbers, got '{text}'.")
    return values


def image_size(facts: ModelFacts) -> ImageSize:
    """The NHWC image input, or a clear error for anything else."""
    if len(facts.inputs) != 1:
        raise UnsupportedModel(f"an image model has one input; this model has {len(facts.inputs)}.")
    tensor = facts.inputs[0]
    if tensor.dtype not in SUPPORTED_DTYPES:
        raise UnsupportedModel(f"input type {tensor.dtype} is not supported (use float32, uint8 or int8).")
    return image_size_of(tensor.shape_signature or tensor.shape)


def image_size_of(shape: tuple[int, ...]) -> ImageSize:
    """Height, width and channels of an NHWC shape (batch 1 or -1); -1 marks a dynamic dimension."""
    if len(shape) != 4 or shape[0] not in (1, -1) or shape[3] not in (1, 3):
        hint = " (it looks channels-first/NCHW; export it channels-last)" if len(shape) == 4 and shape[1] in (1, 3) else ""
        raise UnsupportedModel(
            f"expected an image input of shape [1, height, width, 1 or 3], got {list(shape)}{hint}."
        )
    if any(d < 1 for d in shape[1:3]):
        raise UnsupportedModel(
            f"the input's height and width are not fixed ({list(shape)}); give the model a fixed input size before converting."
        )
    return ImageSize(height=shape[1], width=shape[2], channels=shape[3])


def resolve(facts: ModelFacts, model_bytes: bytes, choices: Choices, default_name: str, task: str | None) -> Resolution:
    """Resolve for ``task``, or for the task the outputs show when it is None (saying why)."""
    from scaffold.model.detector import resolve_detector
    from scaffold.model.task import guess_task

    note = None
    if task is not None and task not in TASKS:
        raise InvalidOption(f"task must be one of {', '.join(TASKS)}, got '{task}'.")
    if task is None:
        task, why = guess_task(facts)
        note = f"task: {task} ({why}); pass --task to choose"
    resolution = (resolve_detector if task == "detect" else resolve_classifier)(facts, model_bytes, choices, default_name)
    if note:
        resolution.notes.insert(0, note)
    return resolution


@dataclass(frozen=True)
class Common:
    """What every task resolves the same way."""

    image: ImageSize
    preprocessing: Preprocessing
    embedded: EmbeddedMetadata | None
    notes: list[str]
    warnings: list[str]

    def labels(self, choices: Choices, same=None) -> tuple[str, ...] | None:
        """``--labels``, else the embedded labels. ``same`` compares the two as the task reads
        them, so an equivalent file (say, with a background row) is not reported as an override."""
        embedded = self.embedded.labels if self.embedded else None
        if choices.labels is None and self.embedded and self.embedded.labels_error:
            raise LabelsError(self.embedded.labels_error)
        labels = _pick("labels", choices.labels, embedded, self.notes, self.warnings, same)
        repeated = duplicate_labels(labels or ())
        if repeated:
            # A warning, not an error: ImageNet's own labels name two classes "crane" and two
            # "maillot", and the stock classifiers ship them that way.
            self.warnings.append(f"labels repeated: {repeated}; the app shows those classes under the same name")
        return labels

    def spec(self, facts, model_bytes, choices, default_name, labels, head, kind: str) -> ModelSpec:
        embedded = self.embedded
        return ModelSpec(
            model_bytes=model_bytes,
            input=facts.inputs[0],
            image=self.image,
            preprocessing=self.preprocessing,
            labels=labels,
            head=head,
            name=choices.name or (embedded.name if embedded and embedded.name else default_name),
            description=choices.description
            or (embedded.description if embedded and embedded.description else f"{kind} ({len(labels)} classes)."),
            version=choices.version or (embedded.version if embedded and embedded.version else "1"),
            ops=facts.ops,
        )


def resolve_common(facts: ModelFacts, choices: Choices) -> Common:
    notes: list[str] = []
    warnings: list[str] = []
    image = image_size(facts)
    embedded = facts.metadata
    tensor = facts.inputs[0]
    values = input_values(tensor, choices.uint8_input)
    in_model = choices.normalization_in_model
    if values == "raw":
        normalization = raw_pixel_normalization(tensor)
        notes.append(describe_raw(tensor, in_model))
        if choices.normalization is not None and in_model is None:
            warnings.append("--mean/--std are not applied to a uint8 input fed raw pixels; pass --uint8-input normalize "
                            "if this model wants them.")
    elif in_model is not None:
        normalization = choices.normalization
        notes.append(
            f"{tensor.dtype} input: pixel values 0..255, quantized with the input's scale and zero-point; the conversion "
            f"moved {in_model.describe()} into the model"
        )
    else:
        normalization = _pick(
            "normalization", choices.normalization, embedded.normalization if embedded else None, notes, warnings,
            same=lambda a, b: a.matches(b, image.channels),
        )
    if normalization is None:
        raise NormalizationError(
            f"the model's {tensor.dtype} input has no normalization metadata: pass --mean and --std as used in training "
            "(e.g. --mean 127.5 --std 127.5 for [-1, 1] inputs, --mean 0 --std 255 for [0, 1], "
            "--mean 0 --std 1 if the model rescales pixels itself)."
        )
    channel_order = choices.channel_order or "rgb"
    resize = choices.resize or "stretch"
    if channel_order not in CHANNEL_ORDERS:
        raise InvalidOption(f"channel order must be one of {', '.join(CHANNEL_ORDERS)}, got '{channel_order}'.")
    if resize not in RESIZE_MODES:
        raise InvalidOption(f"resize mode must be one of {', '.join(RESIZE_MODES)}, got '{resize}'.")
    if values == "normalized" and choices.normalization is None and (choices.channel_order is None or choices.resize is None):
        notes.append(
            f"TFLite metadata records normalization but not channel order or resize mode: using {channel_order} / "
            f"{resize} (the Task Library's convention); pass --channel-order / --resize if the model was trained otherwise"
        )
    preprocessing = Preprocessing(
        check_normalization(normalization, image.channels), channel_order, resize, values,
        in_model.for_channels(image.channels) if in_model else None,
    )
    return Common(image, preprocessing, embedded, notes, warnings)


def resolve_classifier(facts: ModelFacts, model_bytes: bytes, choices: Choices, default_name: str) -> Resolution:
    if len(facts.outputs) != 1:
        from scaffold.model.task import describe_outputs

        raise UnsupportedModel(
            f"an image classifier has one output of class scores; this model has {len(facts.outputs)} outputs "
            f"({describe_outputs(facts)})."
        )
    output = facts.outputs[0]
    if output.dtype not in SUPPORTED_DTYPES:
        raise UnsupportedModel(f"output type {output.dtype} is not supported (use float32, uint8 or int8).")
    if sum(1 for d in output.shape if d > 1) > 1:
        raise UnsupportedModel(f"expected a class-score output like [1, classes], got {list(output.shape)}.")
    common = resolve_common(facts, choices)
    notes, warnings = common.notes, common.warnings

    labels = common.labels(choices)
    if labels is None:
        raise LabelsError(
            f"the model has no embedded labels: pass --labels FILE with {output.num_elements} lines, "
            "one label per output class."
        )
    check_label_count(labels, output.num_elements, choices.labels_source if choices.labels else "the model's embedded labels")

    producer = facts.output_producers[0]
    output_is_probability = producer in PROBABILITY_OPS
    if choices.apply_softmax is None:
        apply_softmax = not output_is_probability
        notes.append(
            f"output comes from {producer or 'an unknown op'}: "
            + ("scores are used as they are" if output_is_probability else "treated as logits, softmax applied in the app")
        )
    else:
        apply_softmax = choices.apply_softmax
        if apply_softmax and output_is_probability:
            warnings.append(f"--softmax given but the model already ends in {producer}; scores will be softmaxed twice.")

    head = ClassifierHead(output, apply_softmax)
    spec = common.spec(facts, model_bytes, choices, default_name, labels, head, "Image classifier")
    return Resolution(spec, notes, warnings)


def _pick(what, flag_value, metadata_value, notes: list[str], warnings: list[str], same=None):
    if flag_value is not None:
        equal = (same or (lambda a, b: a == b))(flag_value, metadata_value) if metadata_value is not None else True
        if not equal:
            warnings.append(f"the command line overrides the model's embedded {what}.")
        return flag_value
    if metadata_value is not None:
        notes.append(f"{what} read from the model's metadata")
    return metadata_value


def check_normalization(norm: Normalization, channels: int) -> Normalization:
    """``norm`` broadcast to ``channels``, or a NormalizationError for a wrong count or a zero std."""
    for name, values in (("--mean", norm.mean), ("--std", norm.std)):
        if len(values) not in (1, channels):
            raise NormalizationError(f"{name} has {len(values)} values; the model has {channels} channel(s): give 1 or {channels}.")
    if any(s == 0 for s in norm.std):
        raise NormalizationError("--std must not contain 0.")
    return norm.for_channels(channels)
