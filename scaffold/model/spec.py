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

# Input/output element types the generated ml/ core can feed and read.
SUPPORTED_DTYPES = ("float32", "uint8", "int8")

CHANNEL_ORDERS = ("rgb", "bgr")
RESIZE_MODES = ("stretch", "center-crop")


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


@dataclass(frozen=True)
class Preprocessing:
    """How camera pixels become the input tensor. Mirrored by ``ml/ImagePreprocessor.java``."""

    normalization: Normalization
    channel_order: str = "rgb"
    resize: str = "stretch"


@dataclass(frozen=True)
class EmbeddedMetadata:
    """The parts of TFLite model metadata we use, read from a model that already has it."""

    name: str | None = None
    description: str | None = None
    version: str | None = None
    normalization: Normalization | None = None
    labels: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ModelFacts:
    """What a .tflite file says about itself, before any user option is applied."""

    inputs: tuple[TensorInfo, ...]
    outputs: tuple[TensorInfo, ...]
    # Builtin op names (e.g. "CONV_2D") and custom op codes (e.g. "TFLite_Detection_PostProcess").
    ops: tuple[str, ...]
    # For each output, the op that produced it, looking through QUANTIZE/DEQUANTIZE/RESHAPE.
    output_producers: tuple[str | None, ...]
    metadata: EmbeddedMetadata | None = None


@dataclass(frozen=True)
class ImageSize:
    height: int
    width: int
    channels: int


@dataclass(frozen=True)
class ModelSpec:
    """A classification model resolved against the user's options: the single description every
    later stage reads."""

    model_bytes: bytes = field(repr=False)
    input: TensorInfo
    output: TensorInfo
    image: ImageSize
    preprocessing: Preprocessing
    labels: tuple[str, ...]
    # True when the graph already ends in SOFTMAX; False means the output is logits and the app
    # applies softmax so scores read as probabilities.
    apply_softmax: bool
    name: str
    description: str
    version: str
    # Op names in the graph, for reports (e.g. which ops a converted model ended up with).
    ops: tuple[str, ...] = ()

    @property
    def num_classes(self) -> int:
        return self.output.num_elements
