"""Small object detectors built at test time, in the shapes real exports have.

* ``ssd_postprocess``: an SSD-style head feeding the real TFLite_Detection_PostProcess custom op,
  made the way the TF Object Detection API's TF2 exporter makes it: a ``tf.function`` annotated
  with ``experimental_implements`` that the converter replaces by the op, converted from a
  SavedModel with ``allow_custom_ops``. Its four outputs come out in TF2's scrambled order.
* ``raw_anchors``: box encodings [1, 64, 4] against an 8x8 anchor grid + class logits
  [1, 64, 5] whose column 0 is the background.
* ``raw_decoded``: decoded cx, cy, w, h boxes [1, 64, 4] + sigmoid scores [1, 64, 3].

Weights are random but seeded; the features depend on the image, so boxes and scores vary
across golden images and rotations.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

GRID = 8
BOXES = GRID * GRID


def anchor_grid() -> np.ndarray:
    """(y_center, x_center, height, width) for an 8x8 grid, normalized."""
    centers = (np.arange(GRID) + 0.5) / GRID
    y, x = np.meshgrid(centers, centers, indexing="ij")
    return np.stack([y.ravel(), x.ravel(), np.full(BOXES, 0.3), np.full(BOXES, 0.3)], axis=1).astype(np.float32)


def _features(tf, x, seed: int, channels: int):
    """[1, 32, 32, 3] → [1, 64, channels] random mixes of an 8x8 average-pooled image."""
    rng = np.random.default_rng(seed)
    weights = rng.normal(size=(3, channels))
    return _mix(tf, x, weights, rng.normal(size=(channels,), scale=0.3))


# Class logits that follow colour, so the golden images give every class somewhere: column 0 is
# a background that wins nowhere, then red → class 0, green → class 1, dark → class 2, blue → 3.
COLOUR_CLASSES = np.array(
    [
        [-2.0, 4.0, -1.0, -2.0, -1.0],  # R
        [-2.0, -1.0, 4.0, -2.0, -1.0],  # G
        [-2.0, -1.0, -1.0, -2.0, 4.0],  # B
    ]
)
COLOUR_BIAS = np.array([-1.0, -1.0, -1.0, 0.5, -2.0])


def colour_logits(tf, x, labels: int, background: bool):
    """[1, 64, labels (+1)] class logits driven by each cell's colour."""
    columns = ([0] if background else []) + list(range(1, labels + 1))
    return _mix(tf, x, COLOUR_CLASSES[:, columns], COLOUR_BIAS[columns])


def _mix(tf, x, weights: np.ndarray, bias: np.ndarray):
    pooled = tf.nn.avg_pool2d(x, ksize=4, strides=4, padding="VALID")  # [1, 8, 8, 3], values in [-1, 1]
    kernel = tf.constant(weights.reshape(1, 1, 3, -1).astype(np.float32))
    mixed = tf.nn.conv2d(pooled, kernel, strides=1, padding="VALID") + tf.constant(bias.astype(np.float32))
    return tf.reshape(mixed, [1, BOXES, weights.shape[1]])


def _convert_saved_model(tf, module, signature, float16: bool = False) -> bytes:
    with tempfile.TemporaryDirectory() as directory:
        tf.saved_model.save(module, directory, signatures=signature)
        converter = tf.lite.TFLiteConverter.from_saved_model(directory)
        converter.allow_custom_ops = True
        if float16:
            converter.optimizations = [tf.lite.Optimize.DEFAULT]
            converter.target_spec.supported_types = [tf.float16]
        return bytes(converter.convert())


def ssd_postprocess(
    num_classes: int = 3, max_detections: int = 10, iou_threshold: float = 0.6, background: bool = True,
    regular_nms: bool = False, detections_per_class: int = 100, float16: bool = False,
) -> bytes:
    """``background``: the class scores have a background column 0 (OD-API SSDs) or not
    (EfficientDet-style). ``float16``: post-training float16 quantization, which puts the anchors
    behind a DEQUANTIZE."""
    import tensorflow as tf

    attributes = {
        "max_detections": f"i: {max_detections}",
        "max_classes_per_detection": "i: 1",
        "use_regular_nms": f"b: {str(regular_nms).lower()}",
        "detections_per_class": f"i: {detections_per_class}",
        "nms_score_threshold": "f: 0.05",
        "nms_iou_threshold": f"f: {iou_threshold}",
        "y_scale": "f: 10.0",
        "x_scale": "f: 10.0",
        "h_scale": "f: 5.0",
        "w_scale": "f: 5.0",
        "num_classes": f"i: {num_classes}",
    }
    signature = " ".join(
        ['name: "TFLite_Detection_PostProcess"']
        + [f'attr {{ key: "{key}" value {{ {value} }} }}' for key, value in attributes.items()]
    )

    @tf.function(experimental_implements=signature)
    def postprocess(box_encodings, class_predictions, anchors):
        # Replaced by the TFLite op at conversion; TensorFlow itself never runs this body.
        zero = tf.constant(0.0, dtype=tf.float32)
        return zero, zero, zero, zero

    anchors = anchor_grid()

    class Detector(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([1, 32, 32, 3], tf.float32)])
        def detect(self, image):
            encodings = _features(tf, image, seed=11, channels=4)
            scores = tf.sigmoid(colour_logits(tf, image, num_classes, background=background))
            return postprocess(encodings, scores, tf.constant(anchors))

    module = Detector()
    return _convert_saved_model(tf, module, module.detect.get_concrete_function(), float16)


def raw_anchors(labels: int = 4) -> bytes:
    import tensorflow as tf

    class Detector(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([1, 32, 32, 3], tf.float32)])
        def detect(self, image):
            boxes = _features(tf, image, seed=21, channels=4)
            logits = colour_logits(tf, image, labels, background=True)
            return {"boxes": boxes, "scores": logits}

    module = Detector()
    return _convert_saved_model(tf, module, module.detect.get_concrete_function())


def raw_decoded(labels: int = 3) -> bytes:
    import tensorflow as tf

    class Detector(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([1, 32, 32, 3], tf.float32)])
        def detect(self, image):
            raw = tf.sigmoid(_features(tf, image, seed=31, channels=4))
            grid = tf.constant(anchor_grid()[:, [1, 0]])  # x, y centres
            centres = grid[None] + (raw[..., :2] - 0.5) * 0.2
            sizes = raw[..., 2:] * 0.4 + 0.05
            boxes = tf.concat([centres, sizes], axis=-1)  # cx, cy, w, h
            scores = tf.sigmoid(colour_logits(tf, image, labels, background=False))
            return {"boxes": boxes, "scores": scores}

    module = Detector()
    return _convert_saved_model(tf, module, module.detect.get_concrete_function())


def write_all(root: Path) -> dict[str, Path]:
    paths = {
        "ssd": root / "ssd_postprocess.tflite",
        "raw_anchors": root / "raw_anchors.tflite",
        "raw_decoded": root / "raw_decoded.tflite",
        "anchors": root / "anchors.npy",
    }
    paths["ssd"].write_bytes(ssd_postprocess())
    paths["raw_anchors"].write_bytes(raw_anchors())
    paths["raw_decoded"].write_bytes(raw_decoded())
    np.save(paths["anchors"], anchor_grid())
    return paths


def ssd_fed(anchors: np.ndarray, num_classes: int, iou_threshold: float, max_detections: int) -> tuple[bytes, int]:
    """An SSD whose TFLite_Detection_PostProcess takes its box encodings and class scores (with a
    background column) straight from the input image's values, so tests can feed the real op
    any numbers. Returns the model and the side of its square input (see ``fed_input``)."""
    import tensorflow as tf

    boxes, columns = anchors.shape[0], num_classes + 1
    side = int(np.ceil(np.sqrt(boxes * (4 + columns) / 3)))
    attributes = {
        "max_detections": f"i: {max_detections}", "max_classes_per_detection": "i: 1", "use_regular_nms": "b: false",
        "nms_score_threshold": "f: 0.05", "nms_iou_threshold": f"f: {iou_threshold}", "y_scale": "f: 10.0",
        "x_scale": "f: 10.0", "h_scale": "f: 5.0", "w_scale": "f: 5.0", "num_classes": f"i: {num_classes}",
    }
    signature = " ".join(['name: "TFLite_Detection_PostProcess"'] + [f'attr {{ key: "{k}" value {{ {v} }} }}' for k, v in attributes.items()])

    @tf.function(experimental_implements=signature)
    def postprocess(box_encodings, class_predictions, anchors):
        zero = tf.constant(0.0, dtype=tf.float32)
        return zero, zero, zero, zero

    constant = anchors.astype(np.float32)

    class Fed(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([1, side, side, 3], tf.float32)])
        def detect(self, image):
            flat = tf.reshape(image, [-1])
            encodings = tf.reshape(flat[: boxes * 4], [1, boxes, 4])
            scores = tf.reshape(flat[boxes * 4 : boxes * (4 + columns)], [1, boxes, columns])
            return postprocess(encodings, scores, tf.constant(constant))

    module = Fed()
    return _convert_saved_model(tf, module, module.detect.get_concrete_function()), side


def fed_input(encodings: np.ndarray, scores: np.ndarray, side: int) -> np.ndarray:
    flat = np.zeros(side * side * 3, np.float32)
    flat[: encodings.size] = encodings.ravel()
    flat[encodings.size : encodings.size + scores.size] = scores.ravel()
    return flat.reshape(1, side, side, 3)
