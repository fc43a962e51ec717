"""What the app puts in the input tensor: the pixel convention, decided per input type.

* float32 inputs take ``(pixel - mean) / std``, with mean/std from the flags or the metadata.
* uint8 inputs take the resized pixels as they are, by default. That is how the TFLite Task
  Library fills a uint8 input (``image_preprocessor.cc``: "No normalization required: directly
  populate data"; its normalization options apply to float inputs only) and how MediaPipe Tasks
  do (uint8 → range 0..255), so ready-made quantized models are trained and validated that way:
  their input's scale and zero-point say what a pixel means to the model, and the metadata's
  mean/std, written for float inputs, are not applied. ``--uint8-input normalize`` is for the
  rare model that wants normalize-then-quantize.
* int8 inputs have no ecosystem convention: normalized with mean/std, then quantized with the
  tensor's scale and zero-point (what the quantization parameters literally say).
"""

from __future__ import annotations

import numpy as np

from scaffold.model.spec import Normalization, TensorInfo

# --uint8-input: feed uint8 models raw pixels, or normalize with mean/std then quantize.
UINT8_INPUTS = ("raw", "normalize")


def input_values(tensor: TensorInfo, uint8_input: str | None) -> str:
    """"raw" or "normalized" (see Preprocessing.input_values) for the model's input tensor."""
    if tensor.dtype == "uint8" and (uint8_input or "raw") == "raw":
        return "raw"
    return "normalized"


def raw_pixel_normalization(tensor: TensorInfo) -> Normalization:
    """What raw pixels mean to a uint8 model, as a normalization: ``(pixel - zero_point) * scale``
    is ``(pixel - mean) / std`` with mean = zero_point and std = 1 / scale. Written into the
    metadata, it leads an app that normalizes then quantizes to the same raw pixels the Task
    Library feeds, where the model's original mean/std would squeeze or shift them."""
    if not tensor.quantized:
        return Normalization((0.0,), (1.0,))
    return Normalization((float(tensor.zero_point),), (1.0 / tensor.scale,))


def leads_to_raw_pixels(normalization: Normalization, tensor: TensorInfo) -> bool:
    """Whether an app that normalizes with ``normalization`` and then quantizes with the uint8
    input's scale and zero-point feeds the model its raw pixels, give or take one level.

    Such metadata (say 127.5 / 127.5 on an input with scale 1/128, zero-point 128) is kept as it
    is, with its author and license; metadata that would squeeze or shift the pixels is not.
    """
    pixels = np.arange(256, dtype=np.float64)
    for mean, std in zip(normalization.mean, normalization.std, strict=False):
        values = (pixels - mean) / std
        if tensor.quantized:
            values = np.floor(values / tensor.scale + 0.5) + tensor.zero_point
        if np.abs(np.clip(values, 0, 255) - pixels).max() > 1:
            return False
    return True


def describe_raw(tensor: TensorInfo, in_model: Normalization | None = None) -> str:
    """The note printed for a raw-pixel input. ``in_model``: the training normalization the
    conversion moved into the graph (then --uint8-input normalize would be wrong advice)."""
    head = "uint8 input: raw pixels 0..255, as the TFLite Task Library and MediaPipe feed uint8 models; "
    if in_model is not None:
        return head + f"the conversion moved {in_model.describe()} into the model, whose input takes pixels as they are"
    quantization = (
        f"its scale {tensor.scale:.6g} and zero-point {tensor.zero_point} say what a pixel means to the model"
        if tensor.quantized
        else "it has no quantization parameters"
    )
    return head + quantization + " (pass --uint8-input normalize for a model that wants normalize-then-quantize)"
