"""The conversion report: what quantization cost in size, and what it cost in agreement.

Agreement is measured the way the app will run: each held-out image goes through the reference
preprocessing for *each* model's own input tensor (float for the float model, quantized with its
scale/zero-point for an integer model), both models run in LiteRT, and their dequantized outputs
are compared.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from scaffold.model.spec import TensorInfo


@dataclass(frozen=True)
class OutputComparison:
    images: int
    top1_agreement: float
    mean_abs_diff: float
    max_abs_diff: float


def compare_outputs(float_outputs: list[np.ndarray], converted_outputs: list[np.ndarray]) -> OutputComparison:
    """Top-1 agreement and absolute output differences over paired (already float) outputs."""
    agree = sum(int(np.argmax(f) == np.argmax(c)) for f, c in zip(float_outputs, converted_outputs, strict=True))
    diffs = np.concatenate([np.abs(f - c) for f, c in zip(float_outputs, converted_outputs)])
    return OutputComparison(len(float_outputs), agree / len(float_outputs), float(diffs.mean()), float(diffs.max()))


def _tensor_json(tensor: TensorInfo) -> dict:
    return {"dtype": tensor.dtype, "shape": list(tensor.shape), "scale": tensor.scale, "zero_point": tensor.zero_point}


@dataclass(frozen=True)
class ConversionReport:
    source: str
    variant: str
    quantize: str
    io_type: str
    select_tf_ops: bool
    float_size: int
    converted_size: int
    calibration_images: int
    input: TensorInfo
    output: TensorInfo
    ops: tuple[str, ...]
    comparison: OutputComparison | None = None
    # Why a number is missing, or anything else the user should know about these numbers.
    notes: list[str] = field(default_factory=list)

    @property
    def size_ratio(self) -> float:
        return self.converted_size / self.float_size

    def to_json(self) -> dict:
        comparison = asdict(self.comparison) if self.comparison else {
            "images": 0, "top1_agreement": None, "mean_abs_diff": None, "max_abs_diff": None
        }
        return {
            "source": self.source,
            "variant": self.variant,
            "quantize": self.quantize,
            "io_type": self.io_type,
            "select_tf_ops": self.select_tf_ops,
            "float_size_bytes": self.float_size,
            "converted_size_bytes": self.converted_size,
            "size_ratio": round(self.size_ratio, 4),
            "calibration_images": self.calibration_images,
            "eval_images": comparison.pop("images"),
            **comparison,
            "input": _tensor_json(self.input),
            "output": _tensor_json(self.output),
            "ops": list(self.ops),
            "notes": self.notes,
        }
