"""What a conversion should produce, validated before TensorFlow is even imported."""

from __future__ import annotations

from dataclasses import dataclass

from scaffold.errors import InvalidOption

QUANTIZE_MODES = ("none", "dynamic", "float16", "int8")
IO_TYPES = ("float32", "uint8", "int8")

# Fewer calibration samples than this give unreliable activation ranges, and the converter
# happily produces a model that is quietly wrong on real images.
MIN_CALIBRATION_IMAGES = 10


@dataclass(frozen=True)
class ConversionOptions:
    """``quantize``: none (float32), dynamic (int8 weights, float activations), float16 (float16
    weights), int8 (full integer, calibrated). ``io_type``: the model's input/output tensor type;
    uint8/int8 only exist for full-integer models."""

    quantize: str = "none"
    io_type: str = "float32"
    select_tf_ops: bool = False
    calibration_steps: int = 100

    def validate(self) -> None:
        if self.quantize not in QUANTIZE_MODES:
            raise InvalidOption(f"--quantize must be one of {', '.join(QUANTIZE_MODES)}, got '{self.quantize}'.")
        if self.io_type not in IO_TYPES:
            raise InvalidOption(f"--io-type must be one of {', '.join(IO_TYPES)}, got '{self.io_type}'.")
        if self.io_type != "float32" and self.quantize != "int8":
            raise InvalidOption(
                f"--io-type {self.io_type} needs --quantize int8: only a fully integer model has {self.io_type} inputs and outputs."
            )
        if self.select_tf_ops and self.io_type != "float32":
            raise InvalidOption(
                "--select-tf-ops works with --io-type float32: Python's LiteRT cannot run Flex ops, so golden outputs "
                "come from the float TensorFlow model, which has float inputs and outputs."
            )
        if self.calibration_steps < MIN_CALIBRATION_IMAGES:
            raise InvalidOption(f"--calibration-steps must be at least {MIN_CALIBRATION_IMAGES}.")

    @property
    def needs_calibration(self) -> bool:
        return self.quantize == "int8"

    @property
    def describe(self) -> str:
        if self.quantize == "none":
            return "float32"
        io = "" if self.io_type == "float32" else f", {self.io_type} I/O"
        return {"dynamic": "dynamic-range int8 weights", "float16": "float16 weights", "int8": "full int8"}[self.quantize] + io
