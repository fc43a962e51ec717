"""Reference image preprocessing: ARGB pixels → the model's input tensor.

This module is the single source of truth that ``ml/ImagePreprocessor.java`` in every generated
app mirrors. The golden tests compare the two, byte-for-byte for integer inputs and within 1e-6
for float inputs, so both sides follow the same arithmetic *in the same order*:

* the resize is integer arithmetic (fixed-point weights), exact on both sides; after it, every
  intermediate is an IEEE double (Java's ``double`` and numpy's float64 are the same arithmetic
  since Java 17 made all floating point strict), rounded to float32 or quantized only at the end;
* rounding to integers is round-half-away-from-zero, written out explicitly on both sides
  (numpy's ``round`` is half-to-even, Java's ``Math.round`` is half-up: neither would agree).

Steps, in order: orient (mirror and rotate upright by the camera rotation or the EXIF
orientation, see scaffold.reference.orientation) → fit the image to the input
(stretch the whole image; a centred crop with the model's aspect ratio; or letterbox: the whole
image scaled to fit, the rest padded with black) → bilinear resize with 11-bit fixed-point weights
→ channel order (or BT.601 luma for one-channel models) → the tensor's values: the pixels as they
are for a "raw" uint8 input (how the TFLite Task Library and MediaPipe feed uint8 models), or
``(value - mean) / std``, quantized with the input tensor's scale and zero-point if it is
uint8/int8.
"""

from __future__ import annotations

import numpy as np

from scaffold.model.spec import ImageSize, Preprocessing, TensorInfo
from scaffold.reference.orientation import Orientation, orient

# BT.601 luma weights, the same ones Pillow's convert("L") and tf.image.rgb_to_grayscale use.
LUMA_WEIGHTS = (0.299, 0.587, 0.114)

_INT_RANGES = {"uint8": (0, 255), "int8": (-128, 127)}


def source_rect(width: int, height: int, out_width: int, out_height: int, resize: str) -> tuple[int, int, int, int]:
    """(x, y, w, h) of the part of the image that is resized into the tensor.

    ``stretch`` uses the whole image (what the Task Library does); ``center-crop`` takes the
    largest centred rectangle with the tensor's aspect ratio, so nothing is squashed. Integer
    arithmetic only, so Java computes the identical rectangle.
    """
    if resize != "center-crop":  # stretch and letterbox use the whole image
        return 0, 0, width, height
    if width * out_height > height * out_width:  # source is wider than the tensor
        crop_w = max(1, height * out_width // out_height)
        return (width - crop_w) // 2, 0, crop_w, height
    crop_h = max(1, width * out_height // out_width)
    return 0, (height - crop_h) // 2, width, crop_h


def letterbox_rect(width: int, height: int, out_width: int, out_height: int) -> tuple[int, int, int, int]:
    """(x, y, w, h) inside the tensor that the whole image is scaled into; the rest is padding.

    Integer arithmetic, shared with Java, and used again to map boxes back to the image.
    """
    if width * out_height > height * out_width:  # wider than the tensor: full width
        content_h = max(1, height * out_width // width)
        return 0, (out_height - content_h) // 2, out_width, content_h
    content_w = max(1, width * out_height // height)
    return (out_width - content_w) // 2, 0, content_w, out_height


# Bits of the fixed-point bilinear weights (OpenCV's INTER_LINEAR uses 11 too): a weight of 1 is
# 2^11, so a bilinear sum is the pixel value times 2^22, an exact integer in numpy and in Java.
WEIGHT_BITS = 11
ONE = 1 << WEIGHT_BITS
SUM_BITS = 2 * WEIGHT_BITS


def _sample_positions(start: int, length: int, out_length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Lower index, upper index and fixed-point weight of the upper neighbour per output position.

    Half-pixel centres: output pixel ``i`` samples source coordinate ``(i + 0.5) * scale - 0.5``,
    clamped to the valid range. That is the convention of TF2's ``tf.image.resize`` (bilinear,
    no antialias), Keras' ``Resizing`` layer and OpenCV's INTER_LINEAR, i.e. what most training
    pipelines used, and it keeps the image centred (the legacy align-corners convention shifts it
    by half a pixel). The weight is rounded to 11 bits, which keeps the result within 1/8 of a
    pixel level of an exact float resize and makes it an exact integer on both sides.
    """
    scale = length / out_length
    pos = (np.arange(out_length) + 0.5) * scale - 0.5
    pos = np.minimum(np.maximum(pos, 0.0), length - 1)
    lower = np.floor(pos).astype(np.int64)
    upper = np.minimum(lower + 1, length - 1)
    weight = np.floor((pos - lower) * ONE + 0.5).astype(np.int64)
    return lower + start, upper + start, weight


def resize_sums(channels: np.ndarray, rect: tuple[int, int, int, int], out_width: int, out_height: int) -> np.ndarray:
    """Bilinear resize of ``channels`` (h, w, c) integer pixel values restricted to ``rect``:
    (out_h, out_w, c) int64 sums of value * 2^22, exact (the Java core computes the same integers)."""
    x, y, w, h = rect
    x0, x1, wx = _sample_positions(x, w, out_width)
    y0, y1, wy = _sample_positions(y, h, out_height)
    wx, gx = wx[None, :, None], (ONE - wx)[None, :, None]
    wy, gy = wy[:, None, None], (ONE - wy)[:, None, None]
    c = channels.astype(np.int64)
    top = c[y0][:, x0] * gx + c[y0][:, x1] * wx
    bottom = c[y1][:, x0] * gx + c[y1][:, x1] * wx
    return top * gy + bottom * wy


def resize_bilinear(channels: np.ndarray, rect: tuple[int, int, int, int], out_width: int, out_height: int) -> np.ndarray:
    """The same resize as pixel values (float64), for comparisons with other resizers."""
    return resize_sums(channels, rect, out_width, out_height) / float(1 << SUM_BITS)


def unpack_rgb(argb: np.ndarray) -> np.ndarray:
    """(h, w) uint32 0xAARRGGBB → (h, w, 3) int64 R, G, B. Alpha is ignored, as on the device."""
    argb = argb.astype(np.uint32)
    return np.stack([(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF], axis=-1).astype(np.int64)


def round_half_away_from_zero(x: np.ndarray) -> np.ndarray:
    return np.where(x >= 0, np.floor(x + 0.5), -np.floor(-x + 0.5))


def quantize(values: np.ndarray, tensor: TensorInfo) -> np.ndarray:
    """Float values → the tensor's integer type with its scale/zero-point (saturating).

    An integer tensor without quantization parameters (scale 0) takes the values as they are,
    rounded: that is a model that casts raw pixels itself.
    """
    low, high = _INT_RANGES[tensor.dtype]
    scaled = values / tensor.scale if tensor.quantized else values
    q = round_half_away_from_zero(scaled) + tensor.zero_point
    return np.clip(q, low, high).astype(tensor.dtype)


def _affine(preprocessing: Preprocessing, channels: int, tensor: TensorInfo) -> tuple[np.ndarray, np.ndarray]:
    """Per tensor channel, ``(scale, offset)`` with value = sum * scale + offset: the pixel
    value for raw inputs, ``(pixel - mean) / std`` otherwise, divided by the tensor's scale for a
    quantized tensor. Written in the Java core's order of operations, so the doubles are equal."""
    if preprocessing.input_values == "raw":
        return np.full(channels, 1.0 / (1 << SUM_BITS)), np.zeros(channels)
    norm = preprocessing.normalization.for_channels(channels)
    tensor_scale = tensor.scale if tensor.quantized else 1.0
    std = np.array(norm.std, dtype=np.float64)
    scale = 1.0 / (float(1 << SUM_BITS) * std) / tensor_scale
    offset = -np.array(norm.mean, dtype=np.float64) / std / tensor_scale
    return scale, offset


def preprocess(
    argb: np.ndarray,
    orientation: Orientation,
    image: ImageSize,
    preprocessing: Preprocessing,
    tensor: TensorInfo,
) -> np.ndarray:
    """The input tensor (shape ``tensor.shape``, dtype ``tensor.dtype``) for one ARGB image
    stored as ``orientation`` says (``Orientation()`` for an upright image)."""
    raw = preprocessing.input_values == "raw"
    if raw and tensor.dtype != "uint8":
        raise ValueError(f"raw pixel values need a uint8 input, the tensor is {tensor.dtype}")
    upright = orient(argb, orientation)
    height, width = upright.shape
    if preprocessing.resize == "letterbox":
        x, y, w, h = letterbox_rect(width, height, image.width, image.height)
        sums = np.zeros((image.height, image.width, 3), dtype=np.int64)  # padding: black
        sums[y : y + h, x : x + w] = resize_sums(unpack_rgb(upright), (0, 0, width, height), w, h)
    else:
        rect = source_rect(width, height, image.width, image.height, preprocessing.resize)
        sums = resize_sums(unpack_rgb(upright), rect, image.width, image.height)
    r, g, b = sums[..., 0], sums[..., 1], sums[..., 2]
    scale, offset = _affine(preprocessing, image.channels, tensor)
    if image.channels == 1:
        wr, wg, wb = LUMA_WEIGHTS
        luma = (wr * r + wg * g + wb * b)[..., None]
        if raw:
            out = np.minimum(255, np.floor(luma / float(1 << SUM_BITS) + 0.5)).astype(np.uint8)
            return out.reshape(tensor.shape)
        values = luma * scale + offset
    else:
        ordered = np.stack([b, g, r] if preprocessing.channel_order == "bgr" else [r, g, b], axis=-1)
        if raw:
            return ((ordered + (1 << (SUM_BITS - 1))) >> SUM_BITS).astype(np.uint8).reshape(tensor.shape)
        values = ordered * scale + offset
    if tensor.dtype == "float32":
        out = values.astype(np.float32)
    else:
        low, high = _INT_RANGES[tensor.dtype]
        out = np.clip(round_half_away_from_zero(values) + tensor.zero_point, low, high).astype(tensor.dtype)
    return out.reshape(tensor.shape)
