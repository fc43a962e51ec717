"""One TFLiteConverter run for one variant: float32, dynamic range, float16 or full int8.

Settings follow TensorFlow's post-training quantization guide; what we add is error messages a
user can act on (which op is missing, which flag helps) instead of an MLIR dump.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from scaffold.convert.options import ConversionOptions
from scaffold.convert.sources import TensorFlowSource, import_tensorflow
from scaffold.errors import ConversionFailed
from scaffold.quiet import native_output_silenced

# "'tf.Cumprod' op is neither a custom op nor a flex op" / "Custom ops: Erfinv" / "Flex ops: FlexErf"
_UNSUPPORTED_OP = re.compile(r"'tf\.(\w+)' op is neither a custom op nor a flex op")
_CUSTOM_OPS = re.compile(r"Custom ops: ([\w, ]+)")


@dataclass(frozen=True)
class Converted:
    model: bytes
    # For full-integer conversions: the float32 model the converter calibrated and quantized
    # (None when it could not be captured; the caller then converts a float32 model itself).
    float_model: bytes | None = None


def convert(source: TensorFlowSource, options: ConversionOptions, calibration: list[np.ndarray] | None = None) -> Converted:
    """Convert ``source`` with ``options``; ``calibration`` are float32 input tensors (int8 only)."""
    tf = import_tensorflow()
    converter = source.new_converter()
    builtins = tf.lite.OpsSet.TFLITE_BUILTINS
    captured: list[bytes] = []
    if options.quantize != "none":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    if options.quantize == "float16":
        converter.target_spec.supported_types = [tf.float16]
    if options.quantize == "int8":
        if not calibration:
            raise ConversionFailed("int8 quantization needs calibration images (--calibration-images DIR).")
        converter.representative_dataset = lambda: ([tensor] for tensor in calibration)
        builtins = tf.lite.OpsSet.TFLITE_BUILTINS_INT8
        converter.inference_input_type = getattr(tf, options.io_type)
        converter.inference_output_type = getattr(tf, options.io_type)
        _capture_float_model(converter, captured)
    converter.target_spec.supported_ops = [builtins, tf.lite.OpsSet.SELECT_TF_OPS] if options.select_tf_ops else [builtins]
    try:
        with native_output_silenced(stdout=True):
            model = bytes(converter.convert())
    except Exception as exc:  # ConverterError, ValueError, RuntimeError ...
        raise _explain(exc, options, source) from exc
    return Converted(model, captured[0] if captured else None)


def _capture_float_model(converter, captured: list[bytes]) -> None:
    """Keep the float32 flatbuffer that TFLiteConverter hands to its calibrator.

    The report needs a float32 baseline. Converting the model a second time costs as much as the
    conversion itself (seconds for a real network); the converter already builds exactly that
    model on its way to full-integer quantization, in ``_quantize(result, ...)``. This wraps that
    private method *on this converter instance only*; if a TensorFlow release renames it, nothing
    is captured and the caller falls back to a separate float32 conversion.
    """
    quantize = getattr(converter, "_quantize", None)
    if quantize is None:
        return

    def capturing(result, *args, **kwargs):
        captured.append(bytes(result))
        return quantize(result, *args, **kwargs)

    converter._quantize = capturing


def _explain(exc: Exception, options: ConversionOptions, source: TensorFlowSource) -> ConversionFailed:
    message = str(exc)
    ops = sorted(set(_UNSUPPORTED_OP.findall(message)))
    for group in _CUSTOM_OPS.findall(message):
        ops += [op.strip() for op in group.split(",") if op.strip() and op.strip() not in ops]
    if ops and not options.select_tf_ops:
        return ConversionFailed(
            f"{source.description} uses TensorFlow op(s) with no TFLite builtin kernel: {', '.join(ops)}. "
            "Pass --select-tf-ops to run them with TensorFlow's kernels (the app then bundles the Flex runtime, "
            "several MB per ABI), or replace them in the model."
        )
    if ops:
        return ConversionFailed(
            f"{source.description} uses op(s) that neither TFLite builtins nor Select TF ops support: {', '.join(ops)}."
        )
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return ConversionFailed(f"TFLiteConverter could not convert {source.description}: {lines[0] if lines else type(exc).__name__}")
