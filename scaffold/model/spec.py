"""The model, described once.

Everything later in the pipeline (metadata writer, numpy reference, golden writer, template
context, project manifest) reads a :class:`ModelSpec` instead of re-reading the .tflite. That is
what keeps the generated app, its golden vectors and the embedded metadata consistent: they are
all projections of the same object.

``TensorInfo`` / ``ModelFacts`` are what the .tflite *says* about itself; ``ModelSpec`` is those
facts resolved against the user's options (labels, normalization, softmax ...).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

# Input/output element types the generated ml/ core can feed and read.
SUPPORTED_DTYPES = ("float32", "uint8", "int8")

CHANNEL_ORDERS = ("rgb", "bgr")
# letterbox: scale to fit inside the input, pad the rest (keeps the aspect ratio, loses no pixels).
RESIZE_MODES = ("stretch", "center-crop", "letterbox")
TASKS = ("classify", "detect")


@dataclass(frozen=True)
class TensorInfo:
    """One model tensor as the LiteRT interpreter reports it.

    ``scale == 0`` means the tensor carries no quantization parameters (float tensors, or integer
    tensors the model casts itself).
    """

    name: str
    index: int
    shape: tuple[int, ...]
    dtype: str
    scale: float = 0.0
    zero_point: int = 0
    # The shape as declared, with -1 for dimensions fixed only at run time (batch, or a
    # Keras model built with Input((None, None, 3))).
    shape_signature: tuple[int, ...] = ()

    @property
    def quantized(self) -> bool:
        return self.scale != 0.0

    @property
    def num_elements(self) -> int:
        return math.prod(self.shape)


@dataclass(frozen=True)
class Normalization:
    """``(pixel - mean) / std`` per channel, in the 0..255 pixel domain (what TFLite metadata uses)."""

    mean: tuple[float, ...]
    std: tuple[float, ...]

    def for_channels(self, channels: int) -> Normalization:
        """Broadcast a scalar mean/std to ``channels`` values (metadata allows either)."""
        mean = self.mean * channels if len(self.mean) == 1 else self.mean
        std = self.std * channels if len(self.std) == 1 else self.std
        return Normalization(tuple(mean), tuple(std))

    def describe(self) -> str:
        """"mean [127.5] std [127.5]", for notes and summaries."""
        numbers = lambda values: "[" + ", ".join(f"{v:.6g}" for v in values) + "]"  # noqa: E731
        return f"mean {numbers(self.mean)} std {numbers(self.std)}"

    def matches(self, other: Normalization | None, channels: int) -> bool:
        """Equal as TFLite metadata stores them (float32), broadcast to ``channels``: a mean of
        127.50456484661396 written into metadata reads back as 127.504562."""
        if other is None:
            return False
        a, b = self.for_channels(channels), other.for_channels(channels)
        as_stored = lambda values: tuple(float(np.float32(v)) for v in values)  # noqa: E731
        return (as_stored(a.mean), as_stored(a.std)) == (as_stored(b.mean), as_stored(b.std))


# What an input tensor holds: "normalized" = (pixel - mean) / std, quantized with the tensor's
# scale and zero-point for integer tensors; "raw" = the resized pixels as they are (uint8 only),
# how the TFLite Task Library and MediaPipe feed every uint8 model.
INPUT_VALUES = ("normalized", "raw")


@dataclass(frozen=True)
class Preprocessing:
    """How camera pixels become the input tensor. Mirrored by ``ml/ImagePreprocessor.java``.

    For ``input_values == "raw"`` the normalization is not applied; it records what the raw
    pixels mean to the model (see scaffold.model.pixels)."""

    normalization: Normalization
    channel_order: str = "rgb"
    resize: str = "stretch"
    input_values: str = "normalized"
    # The training normalization when the conversion moved it into the model (--io-type uint8 /
    # int8): the input then takes pixel values, and ``normalization`` is the identity.
    in_model: Normalization | None = None


@dataclass(frozen=True)
class EmbeddedMetadata:
    """The parts of TFLite model metadata we use, read from a model that already has it."""

    name: str | None = None
    description: str | None = None
    version: str | None = None
    normalization: Normalization | None = None
    labels: tuple[str, ...] | None = None
    author: str | None = None
    license: str | None = None
    # Names given to the output tensors in the metadata, in model output order (the object
    # detector writer names them "location", "category", "score", "number of detections").
    output_names: tuple[str | None, ...] = ()
    # Why the embedded labels could not be used (only an error if no --labels replaces them).
    labels_error: str | None = None


@dataclass(frozen=True)
class ModelFacts:
    """What a .tflite file says about itself, before any user option is applied."""

    inputs: tuple[TensorInfo, ...]
    outputs: tuple[TensorInfo, ...]
    # Builtin op names (e.g. "CONV_2D") and custom op codes (e.g. "TFLite_Detection_PostProcess").
    ops: tuple[str, ...]
    # For each output, the op that produced it (looking through QUANTIZE/DEQUANTIZE/RESHAPE)
    # and which of that op's outputs it is: TFLite_Detection_PostProcess always emits boxes,
    # classes, scores, count in that order, whatever order the model lists its outputs in.
    output_producers: tuple[str | None, ...]
    output_slots: tuple[int | None, ...] = ()
    # The TFLite_Detection_PostProcess op's settings, when the model has one.
    postprocess_op: PostprocessOp | None = None
    metadata: EmbeddedMetadata | None = None


@dataclass(frozen=True)
class ImageSize:
    height: int
    width: int
    channels: int


@dataclass(frozen=True)
class ClassifierHead:
    """One output of class scores."""

    output: TensorInfo
    # False when the graph already ends in SOFTMAX (or LOGISTIC); True means the output is
    # logits and the app applies softmax so scores read as probabilities.
    apply_softmax: bool

    task = "classify"


# Non-max suppression for raw-output detectors. "class-agnostic": each box keeps its best class
# and is suppressed by any better kept box, whatever its class (TFLite_Detection_PostProcess's
# default, fast NMS with one class per detection). "per-class": every (box, class) pair at or
# above the threshold, suppressed only by better kept boxes of the same class (in the manner of
# the op's use_regular_nms, whose ties may come out in another order; what YOLO-style exports expect).
NMS_MODES = ("class-agnostic", "per-class")


@dataclass(frozen=True)
class DetectionOptions:
    """What the app keeps of a detector's output. Mirrored by ml/DetectionOptions.java."""

    score_threshold: float = 0.5
    max_results: int = 10
    # Only these labels are reported (empty: all), like the Task Library's label_allowlist.
    # Applied after NMS: a box of another label still suppresses, as with the op.
    label_allowlist: tuple[str, ...] = ()
    # Raw-output detectors only (TFLite_Detection_PostProcess suppresses overlaps itself): a
    # candidate overlapping a kept box by more than this IoU is suppressed, in ``nms`` mode.
    iou_threshold: float = 0.5
    nms: str = "per-class"


@dataclass(frozen=True)
class PostprocessOp:
    """A TFLite_Detection_PostProcess op's settings (its FlexBuffer custom options, with the
    defaults the kernel uses for the ones an export left out)."""

    num_classes: int
    max_detections: int
    max_classes_per_detection: int = 1
    # Candidates scoring below this never reach NMS.
    score_threshold: float = 0.0
    iou_threshold: float = 0.5
    # SSD box coder scales y, x, h, w.
    box_scales: tuple[float, float, float, float] = (10.0, 10.0, 5.0, 5.0)
    # use_regular_nms: per-class NMS, at most detections_per_class per class.
    regular_nms: bool = False
    detections_per_class: int = 100
    # Width of the op's class scores input (read from the model, not the options): num_classes,
    # plus 1 when column 0 is a background the op skips. 0: unknown.
    score_columns: int = 0

    @classmethod
    def from_options(cls, options: dict, score_columns: int = 0) -> PostprocessOp:
        get = lambda key, default: options[key] if options.get(key) is not None else default  # noqa: E731
        return cls(
            score_columns=score_columns,
            num_classes=int(get("num_classes", 0)),
            max_detections=int(get("max_detections", 0)),
            max_classes_per_detection=int(get("max_classes_per_detection", 1)),
            score_threshold=float(get("nms_score_threshold", 0.0)),
            iou_threshold=float(get("nms_iou_threshold", 0.5)),
            box_scales=tuple(float(get(f"{axis}_scale", 1.0)) for axis in "yxhw"),
            regular_nms=bool(get("use_regular_nms", False)),
            detections_per_class=int(get("detections_per_class", 100)),
        )

    @property
    def nms(self) -> str:
        return "per-class" if self.regular_nms else "class-agnostic"

    @property
    def background_column(self) -> bool | None:
        """Whether the op skips a background column 0 (None: its scores' width is unknown)."""
        if not self.score_columns or not self.num_classes:
            return None
        return self.score_columns - self.num_classes == 1


POSTPROCESS_ROLES = ("boxes", "classes", "scores", "count")
BOX_FORMATS = ("yxyx", "xyxy", "cxcywh")
SCORE_ACTIVATIONS = ("none", "sigmoid")


@dataclass(frozen=True)
class DetectorHead:
    """A detector's outputs and how to read them.

    ``kind`` "postprocess": the model ends in TFLite_Detection_PostProcess (decoding and NMS
    happen in the model; roles boxes/classes/scores/count). "raw": boxes [1, N, 4] and class
    scores [1, N, C]; decoding, thresholding and NMS (``options.nms``) happen in the app.
    """

    kind: str
    outputs: tuple[TensorInfo, ...]
    # role → position in ``outputs`` (the model's output order), and how that was established.
    roles: dict[str, int]
    role_evidence: str
    num_classes: int
    options: DetectionOptions
    # Raw detectors only. Boxes are normalized coordinates in ``box_format``, or, with anchors,
    # SSD box-coder encodings (ty, tx, th, tw) decoded with ``box_scales`` (y, x, h, w).
    box_format: str = "yxyx"
    anchors: np.ndarray | None = field(default=None, compare=False, repr=False)
    box_scales: tuple[float, float, float, float] = (10.0, 10.0, 5.0, 5.0)
    score_activation: str = "none"
    # The scores tensor has a background column 0 that is not a label.
    background_column: bool = False
    # "postprocess": the op's settings. "raw": the settings of the op this model was cut from
    # (--strip-postprocess), whose decoding and NMS the app now does.
    postprocess_op: PostprocessOp | None = None
    # Raw detectors cut from the op: NMS stops after this many kept boxes (whatever the allowlist
    # then shows), and keeps at most per_class_limit per class; None: no limit.
    kept_limit: int | None = None
    per_class_limit: int | None = None

    task = "detect"

    def output(self, role: str) -> TensorInfo:
        return self.outputs[self.roles[role]]


@dataclass(frozen=True)
class ModelSpec:
    """A model resolved against the user's options: the single description every later stage reads."""

    model_bytes: bytes = field(repr=False)
    input: TensorInfo
    image: ImageSize
    preprocessing: Preprocessing
    # One label per class index the app reports (background rows already removed).
    labels: tuple[str, ...]
    head: ClassifierHead | DetectorHead
    name: str
    description: str
    version: str
    # Op names in the graph, for reports (e.g. which ops a converted model ended up with).
    ops: tuple[str, ...] = ()

    @property
    def task(self) -> str:
        return self.head.task

    @property
    def num_classes(self) -> int:
        return len(self.labels)
