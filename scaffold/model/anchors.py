"""Anchor boxes for raw SSD-style detectors, read from the file the user exported them to.

Anchors are (y_center, x_center, height, width), normalized to the input, one row per predicted
box: what TFLite_Detection_PostProcess takes as its third input and what OD-API exports. The app
reads them from ``assets/anchors.bin`` (little-endian float32, N x 4).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from scaffold.errors import InvalidOption

ANCHORS_ASSET = "anchors.bin"


def read_anchors(path: Path) -> np.ndarray:
    """``.npy`` or text (CSV / whitespace) with 4 numbers per row → float32 [N, 4]."""
    if not path.is_file():
        raise InvalidOption(f"--anchors file not found: {path}")
    try:
        if path.suffix == ".npy":
            anchors = np.load(path, allow_pickle=False)
        else:
            anchors = np.loadtxt(path, delimiter="," if path.suffix == ".csv" else None, ndmin=2)
    except (ValueError, OSError) as exc:
        raise InvalidOption(f"--anchors {path} is not a .npy or a text table of numbers ({exc}).") from exc
    anchors = np.asarray(anchors, dtype=np.float32)
    if anchors.ndim != 2 or anchors.shape[1] != 4 or not np.isfinite(anchors).all():
        raise InvalidOption(f"--anchors {path} must hold finite [N, 4] values (y_center, x_center, height, width), got {list(anchors.shape)}.")
    return anchors


def anchors_asset(anchors: np.ndarray) -> bytes:
    return anchors.astype("<f4").tobytes()
