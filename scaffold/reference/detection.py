"""Reference detection post-processing: raw output tensors → labelled boxes.

Mirrored by ``ml/DetectionPostprocessor.java``. Boxes are (top, left, bottom, right) normalized to
the model's input tensor; scaffold.reference.geometry maps them back to the image and the screen.

* postprocess models: the op already decoded and suppressed; we read ``count`` rows, then keep
  ``score >= threshold`` and allow-listed labels, best first, at most ``max_results``.
* raw models: dequantize, drop a background column, optional sigmoid, decode boxes (against
  anchors with SSD's box coder, or from yxyx / xyxy / cxcywh), then greedy NMS in one of two
  modes (``options.nms``). "class-agnostic": each box's best class, if it scores at or above the
  threshold, is a candidate, and a candidate is suppressed when its IoU with any already kept
  box is greater than ``iou_threshold`` (TFLite_Detection_PostProcess's fast NMS: anchors
  decoded and IoU computed in its float precision). "per-class": every (box, class) pair at or
  above the threshold is a candidate, suppressed only by kept boxes of its own class (in the
  manner of the op's use_regular_nms; its ties may come out in another order). The allowlist
  filters what NMS kept; ``max_results`` caps it; a model cut from the op keeps the op's caps.

All arithmetic in float64 in Java's order (exp() may differ from Java's Math.exp by an ulp,
which the golden tests' 1e-6 tolerance absorbs); candidates are ordered by score, then box
index, then class index, so ties resolve identically on both sides (and as the op's stable
sort does).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from scaffold.model.spec import DetectionOptions, DetectorHead
from scaffold.reference.postprocess import dequantize


@dataclass(frozen=True)
class Detection:
    index: int
    label: str
    score: float
    # top, left, bottom, right, normalized to the input tensor (0..1 inside it).
    box: tuple[float, float, float, float]


def detect(outputs: list[np.ndarray], head: DetectorHead, labels: tuple[str, ...], options: DetectionOptions) -> list[Detection]:
    if head.kind == "postprocess":
        return _select(_postprocess_candidates(outputs, head, labels), options)
    return _raw_detections(outputs, head, labels, options)


def _allowed(label: str, options: DetectionOptions) -> bool:
    return not options.label_allowlist or label in options.label_allowlist


def _postprocess_candidates(outputs, head: DetectorHead, labels) -> list[Detection]:
    boxes = outputs[head.roles["boxes"]].reshape(-1, 4).astype(np.float64)
    classes = outputs[head.roles["classes"]].reshape(-1).astype(np.float64)
    scores = outputs[head.roles["scores"]].reshape(-1).astype(np.float64)
    count = min(max(int(outputs[head.roles["count"]].reshape(-1)[0]), 0), len(scores))
    candidates = []
    for i in range(count):
        if not math.isfinite(classes[i]):  # Java skips these too
            continue
        index = int(classes[i])  # the op writes class indices as floats; Java casts the same way
        if 0 <= index < len(labels):
            candidates.append(Detection(index, labels[index], float(scores[i]), tuple(float(v) for v in boxes[i])))
    return candidates


def _select(candidates: list[Detection], options: DetectionOptions) -> list[Detection]:
    kept = [d for d in candidates if d.score >= options.score_threshold and _allowed(d.label, options)]
    order = sorted(range(len(kept)), key=lambda i: (-kept[i].score, i))
    return [kept[i] for i in order[: options.max_results]]


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def decode_boxes(values: np.ndarray, head: DetectorHead) -> np.ndarray:
    """(N, 4) model box values → (N, 4) top, left, bottom, right.

    Against anchors, exactly as TFLite_Detection_PostProcess decodes: centre and half size
    computed in double, each rounded to float, then the corners in float arithmetic."""
    if head.anchors is not None:
        anchors = head.anchors.astype(np.float64)  # ycenter, xcenter, height, width
        y_scale, x_scale, h_scale, w_scale = head.box_scales
        y_center = (values[:, 0] / y_scale * anchors[:, 2] + anchors[:, 0]).astype(np.float32)
        x_center = (values[:, 1] / x_scale * anchors[:, 3] + anchors[:, 1]).astype(np.float32)
        half_h = (0.5 * np.exp(values[:, 2] / h_scale) * anchors[:, 2]).astype(np.float32)
        half_w = (0.5 * np.exp(values[:, 3] / w_scale) * anchors[:, 3]).astype(np.float32)
        corners = np.stack([y_center - half_h, x_center - half_w, y_center + half_h, x_center + half_w], axis=1)
        return corners.astype(np.float64)
    if head.box_format == "xyxy":
        return values[:, [1, 0, 3, 2]]
    if head.box_format == "cxcywh":
        cx, cy, w, h = values[:, 0], values[:, 1], values[:, 2], values[:, 3]
        return np.stack([cy - 0.5 * h, cx - 0.5 * w, cy + 0.5 * h, cx + 0.5 * w], axis=1)
    return values


def iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Intersection over union of two (top, left, bottom, right) boxes, in float arithmetic as
    TFLite_Detection_PostProcess computes it (0 when either box has no area)."""
    return float(iou_with(np.asarray([b], dtype=np.float64), a)[0])


def iou_with(boxes: np.ndarray, box: tuple[float, ...]) -> np.ndarray:
    """IoU of ``box`` with each row of ``boxes`` (K, 4), elementwise float32 (IEEE single, the
    same as Java's float), NaN propagating as in Java's Math.min/max."""
    others = boxes.astype(np.float32)
    one = np.asarray(box, dtype=np.float64).astype(np.float32)
    with np.errstate(all="ignore"):
        area = (one[2] - one[0]) * (one[3] - one[1])
        areas = (others[:, 2] - others[:, 0]) * (others[:, 3] - others[:, 1])
        height = np.maximum(np.minimum(one[2], others[:, 2]) - np.maximum(one[0], others[:, 0]), np.float32(0))
        width = np.maximum(np.minimum(one[3], others[:, 3]) - np.maximum(one[1], others[:, 1]), np.float32(0))
        intersection = height * width
        result = intersection / (area + areas - intersection)
    return np.where((area <= 0) | (areas <= 0), np.float32(0), result)


def _raw_detections(outputs, head: DetectorHead, labels, options: DetectionOptions) -> list[Detection]:
    boxes_tensor, scores_tensor = head.output("boxes"), head.output("scores")
    box_values = dequantize(outputs[head.roles["boxes"]], boxes_tensor).reshape(-1, 4)
    scores = dequantize(outputs[head.roles["scores"]], scores_tensor).reshape(box_values.shape[0], -1)
    if head.background_column:
        scores = scores[:, 1:]
    boxes = decode_boxes(box_values, head)
    activate = sigmoid if head.score_activation == "sigmoid" else (lambda x: x)

    if options.nms == "class-agnostic":
        # One class per box: the first column with the highest raw score (the activation is
        # monotonic, so it is also the most probable class), as the op's ArgMax; NaN never wins.
        best = np.argmax(np.where(np.isnan(scores), -np.inf, scores), axis=1)
        best_scores = activate(scores[np.arange(len(best)), best])
        candidates = [(float(best_scores[i]), i, int(best[i])) for i in range(len(best)) if best_scores[i] >= options.score_threshold]
    else:
        scores = activate(scores)
        candidates = [
            (float(scores[i, c]), i, c)
            for i in range(scores.shape[0])
            for c in range(scores.shape[1])
            if scores[i, c] >= options.score_threshold
        ]
    candidates.sort(key=lambda t: (-t[0], t[1], t[2]))
    return _suppress(candidates, boxes, labels, options, head)


def _suppress(candidates, boxes: np.ndarray, labels, options: DetectionOptions, head: DetectorHead) -> list[Detection]:
    """Greedy NMS over candidates sorted best first: a candidate is dropped when its IoU with an
    already kept box (of the same class, per-class) is greater than the threshold. Every kept
    box suppresses; the allowlist only decides which kept boxes are reported. A model cut from
    the op also stops where the op stopped: ``kept_limit`` kept boxes in all, ``per_class_limit``
    per class."""
    agnostic = options.nms == "class-agnostic"
    kept_limit = head.kept_limit or len(candidates)
    kept_boxes = np.zeros((0, 4))
    kept_classes: list[int] = []
    per_class: dict[int, int] = {}
    found: list[Detection] = []
    for score, i, c in candidates:
        if len(found) == options.max_results or len(kept_classes) == kept_limit:
            break
        if head.per_class_limit is not None and per_class.get(c, 0) == head.per_class_limit:
            continue
        overlaps = iou_with(kept_boxes, boxes[i]) > options.iou_threshold
        if not agnostic:
            overlaps &= np.asarray(kept_classes, dtype=np.int64) == c
        if overlaps.any():
            continue
        kept_boxes = np.vstack([kept_boxes, boxes[i : i + 1]])
        kept_classes.append(c)
        per_class[c] = per_class.get(c, 0) + 1
        if _allowed(labels[c], options):
            found.append(Detection(c, labels[c], score, tuple(float(v) for v in boxes[i])))
    return found
