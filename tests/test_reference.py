"""The numpy reference is the single source of truth, so it is checked against independent
implementations: TensorFlow's resize, Pillow's rotation, and the real quantized model."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from scaffold.model.runtime import load_interpreter, run_model
from scaffold.model.spec import ImageSize, Normalization, Preprocessing, TensorInfo
from scaffold.reference.geometry import orient_rect
from scaffold.reference.images import load_photo, pack_argb, synthetic_image
from scaffold.reference.orientation import EXIF_ORIENTATIONS, UPRIGHT, Orientation, orient, rotate_clockwise
from scaffold.reference.postprocess import classify, softmax, top_k
from scaffold.reference.preprocess import (
    preprocess,
    quantize,
    resize_bilinear,
    round_half_away_from_zero,
    source_rect,
    unpack_rgb,
)

FLOAT_INPUT = TensorInfo("in", 0, (1, 8, 8, 3), "float32")
IDENTITY = Preprocessing(Normalization((0.0,), (1.0,)))


@pytest.mark.parametrize(("src", "dst"), [((37, 53), (8, 8)), ((9, 7), (24, 20)), ((64, 96), (24, 20)), ((5, 5), (5, 5))])
def test_resize_matches_tensorflow_half_pixel_bilinear(src, dst):
    """TF2's resize with exact weights; ours rounds each weight to 11 bits (as OpenCV does), which
    moves a value by at most 255 * 2 * 2^-12 < 1/8 of a pixel level."""
    import tensorflow as tf

    rgb = np.random.default_rng(sum(src)).integers(0, 256, (*src, 3))
    ours = resize_bilinear(rgb, (0, 0, src[1], src[0]), dst[1], dst[0])
    theirs = tf.image.resize(rgb[None].astype(np.float32), dst, method="bilinear", antialias=False).numpy()[0]
    np.testing.assert_allclose(ours, theirs, atol=0.125)
    assert np.abs(ours - theirs).mean() < 0.03


@pytest.mark.parametrize(("degrees", "transpose"), [(90, Image.Transpose.ROTATE_270), (180, Image.Transpose.ROTATE_180), (270, Image.Transpose.ROTATE_90)])
def test_clockwise_rotation_matches_pillow(degrees, transpose):
    argb = synthetic_image(30, 20)
    rgb = unpack_rgb(argb).astype(np.uint8)
    expected = np.asarray(Image.fromarray(rgb).transpose(transpose))  # Pillow's ROTATE_n is counter-clockwise
    np.testing.assert_array_equal(unpack_rgb(rotate_clockwise(argb, degrees)).astype(np.uint8), expected)


def test_rotation_rejects_odd_angles():
    with pytest.raises(ValueError):
        rotate_clockwise(synthetic_image(4, 4), 45)


@pytest.mark.parametrize("tag", sorted(EXIF_ORIENTATIONS))
@pytest.mark.parametrize("suffix", [".jpg", ".png"])
def test_exif_orientations_match_pillow(tmp_path, tag, suffix):
    """A file stored with each EXIF orientation: load_photo keeps the stored pixels and the tag,
    and our orientation (mirror first, then clockwise) turns them exactly as Pillow's
    exif_transpose does."""
    from PIL import ImageOps

    stored = np.random.default_rng(tag).integers(0, 256, (6, 10, 3), dtype=np.uint8)
    path = tmp_path / f"photo{suffix}"
    image = Image.fromarray(stored)
    exif = image.getexif()
    exif[0x0112] = tag
    image.save(path, exif=exif.tobytes(), **({"quality": 100, "subsampling": 0} if suffix == ".jpg" else {}))

    photo = load_photo(path)
    assert photo.exif_orientation == tag
    with Image.open(path) as decoded:
        as_stored = np.asarray(decoded.convert("RGB"))
        expected = np.asarray(ImageOps.exif_transpose(decoded).convert("RGB"))
    np.testing.assert_array_equal(unpack_rgb(photo.argb).astype(np.uint8), as_stored)
    np.testing.assert_array_equal(unpack_rgb(photo.upright()).astype(np.uint8), expected)


def test_a_missing_or_invalid_exif_tag_means_upright():
    assert Orientation.from_exif(None) == UPRIGHT
    assert Orientation.from_exif(0) == UPRIGHT
    assert Orientation.from_exif(9) == UPRIGHT


@pytest.mark.parametrize("tag", sorted(EXIF_ORIENTATIONS))
def test_orientation_inverse_restores_the_stored_pixels(tag):
    card = synthetic_image(9, 5)
    orientation = Orientation.from_exif(tag)
    np.testing.assert_array_equal(orient(orient(card, orientation.inverse()), orientation), card)


@pytest.mark.parametrize(("rotation", "mirrored"), [(r, m) for r in (0, 90, 180, 270) for m in (False, True)])
def test_boxes_turn_with_the_pixels(rotation, mirrored):
    """orient_rect moves a box exactly where orient moves the pixels inside it."""
    orientation = Orientation(rotation, mirrored)
    grid = np.zeros((7, 13), dtype=np.uint32)
    box = (3, 2, 9, 5)  # left, top, right, bottom
    grid[box[1] : box[3], box[0] : box[2]] = 1
    ys, xs = np.nonzero(orient(grid, orientation))
    assert orient_rect(box, 13, 7, orientation) == (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)


def test_center_crop_rectangles():
    assert source_rect(200, 100, 50, 50, "center-crop") == (50, 0, 100, 100)
    assert source_rect(100, 300, 40, 20, "center-crop") == (0, 125, 100, 50)
    assert source_rect(200, 100, 50, 50, "stretch") == (0, 0, 200, 100)


def test_rounding_is_half_away_from_zero():
    values = np.array([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999, -0.49999])
    np.testing.assert_array_equal(round_half_away_from_zero(values), [1, 2, 3, -1, -2, -3, 0, -0])


def test_quantize_saturates_and_uses_zero_point():
    uint8 = TensorInfo("in", 0, (4,), "uint8", scale=0.5, zero_point=10)
    np.testing.assert_array_equal(quantize(np.array([-100.0, 0.0, 1.25, 1000.0]), uint8), [0, 10, 13, 255])
    int8 = TensorInfo("in", 0, (3,), "int8", scale=1 / 128, zero_point=0)
    np.testing.assert_array_equal(quantize(np.array([-2.0, 0.0, 2.0]), int8), [-128, 0, 127])


def test_normalization_channel_order_and_luma():
    pixel = pack_argb(np.full((8, 8, 3), [200, 100, 50], dtype=np.uint8))
    norm = Preprocessing(Normalization((10.0, 20.0, 30.0), (2.0, 4.0, 5.0)))
    rgb = preprocess(pixel, UPRIGHT, ImageSize(8, 8, 3), norm, FLOAT_INPUT)[0, 0, 0]
    np.testing.assert_allclose(rgb, [95.0, 20.0, 4.0])
    bgr = preprocess(pixel, UPRIGHT, ImageSize(8, 8, 3), Preprocessing(norm.normalization, "bgr"), FLOAT_INPUT)[0, 0, 0]
    np.testing.assert_allclose(bgr, [20.0, 20.0, 34.0])  # B=50, G=100, R=200 with channel 0, 1, 2 mean/std
    gray = preprocess(pixel, UPRIGHT, ImageSize(8, 8, 1), IDENTITY, TensorInfo("in", 0, (1, 8, 8, 1), "float32"))
    np.testing.assert_allclose(gray[0, 0, 0, 0], 0.299 * 200 + 0.587 * 100 + 0.114 * 50, rtol=1e-6)


def test_softmax_is_stable_and_top_k_breaks_ties_by_index():
    probabilities = softmax(np.array([1000.0, 1000.0, 0.0]))
    np.testing.assert_allclose(probabilities, [0.5, 0.5, 0.0], atol=1e-12)
    ranked = top_k(np.array([0.2, 0.5, 0.2, 0.5]), ("a", "b", "c", "d"), 3)
    assert [(c.index, c.label) for c in ranked] == [(1, "b"), (3, "d"), (0, "a")]


def test_dequantized_uint8_scores():
    output = TensorInfo("out", 0, (1, 3), "uint8", scale=0.25, zero_point=4)
    ranked = classify(np.array([[4, 8, 0]], dtype=np.uint8), output, ("x", "y", "z"), False, 3)
    assert [(c.label, c.score) for c in ranked] == [("y", 1.0), ("x", 0.0), ("z", -1.0)]


def test_quantized_reference_input_drives_the_uint8_model_like_the_float_model(models):
    """The reference's quantization of the input is the one the converter calibrated for: the
    uint8 model fed the reference uint8 tensor agrees with the float model fed the float tensor."""
    float_model = load_interpreter(models.tflite_softmax.read_bytes())
    uint8_model = load_interpreter(models.tflite_uint8.read_bytes())
    input_info = uint8_model.get_input_details()[0]
    shape = tuple(input_info["shape"])
    scale, zero_point = input_info["quantization"]
    uint8_input = TensorInfo("in", 0, shape, "uint8", float(scale), int(zero_point))
    float_input = TensorInfo("in", 0, shape, "float32")
    norm = Preprocessing(Normalization((127.5,), (127.5,)))  # the converter calibrated on [-1, 1]
    size = ImageSize(24, 20, 3)
    out_scale, out_zero = uint8_model.get_output_details()[0]["quantization"]
    rng = np.random.default_rng(5)
    for _ in range(5):
        argb = pack_argb(rng.integers(0, 256, (40, 30, 3)))
        (expected,) = run_model(float_model, [preprocess(argb, UPRIGHT, size, norm, float_input)])
        (quantized,) = run_model(uint8_model, [preprocess(argb, UPRIGHT, size, norm, uint8_input)])
        dequantized = (quantized.astype(np.float64) - out_zero) * out_scale
        np.testing.assert_allclose(dequantized, expected, atol=0.05)
