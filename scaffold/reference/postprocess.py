"""Reference classification post-processing: raw output tensor → top-k labelled scores.

Mirrored by ``ml/ClassificationPostprocessor.java``. As in preprocessing, every step is float64
and written in the order Java evaluates it; the softmax sum is sequential (``cumsum``), not numpy's
pairwise ``sum``, because Java adds left to right. Only exp() may differ from Java's Math.exp
by an ulp, far inside the golden tests' 1e-6 tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scaffold.model.spec import TensorInfo


@dataclass(frozen=True)
class Category:
    index: int
    label: str
    score: float


def dequantize(raw: np.ndarray, tensor: TensorInfo) -> np.ndarray:
    """Raw output → float64 scores. uint8/int8 outputs use ``(q - zero_point) * scale``."""
    flat = raw.reshape(-1)
    if tensor.dtype == "float32":
        return flat.astype(np.float64)
    q = flat.astype(np.int64) - tensor.zero_point
    return q.astype(np.float64) * tensor.scale if tensor.quantized else q.astype(np.float64)


def softmax(scores: np.ndarray) -> np.ndarray:
    """Numerically stable softmax (subtract the max), summed left to right like Java."""
    exps = np.exp(scores - scores.max())
    return exps / np.cumsum(exps)[-1]


def top_k(scores: np.ndarray, labels: tuple[str, ...], k: int) -> list[Category]:
    """Highest scores first; equal scores keep the lower class index first (quantized outputs tie
    often; -0.0 equals 0.0); NaN ranks below every number."""
    order = sorted(range(len(scores)), key=lambda i: (bool(np.isnan(scores[i])), 0.0 if np.isnan(scores[i]) else -scores[i], i))
    return [Category(i, labels[i], float(scores[i])) for i in order[:k]]


def classify(raw: np.ndarray, tensor: TensorInfo, labels: tuple[str, ...], apply_softmax: bool, k: int) -> list[Category]:
    scores = dequantize(raw, tensor)
    if apply_softmax:
        scores = softmax(scores)
    return top_k(scores, labels, k)
