"""Fingerprints of the files a project was generated from.

Recorded in the manifest, they let ``update`` tell "nothing changed" (and write nothing, at once)
from "the model was retrained" (and bump the model version), without converting anything.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def fingerprint(source: str | Path | None) -> str | None:
    """SHA-256 over a file, or over a directory's files (names and contents); for a
    ``file.py:function`` source, over the file. None when there is nothing to read (a
    ``package.module:function`` source, a missing path): such inputs never count as unchanged."""
    if source is None:
        return None
    text = str(source)
    head, sep, function = text.rpartition(":")
    path = Path(head if sep and head.endswith(".py") and function.isidentifier() else text)
    digest = hashlib.sha256()
    if path.is_file():
        digest.update(path.read_bytes())
    elif path.is_dir():
        for item in sorted(p for p in path.rglob("*") if p.is_file()):
            digest.update(item.relative_to(path).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(item.read_bytes()).digest())
    else:
        return None
    return digest.hexdigest()


def input_fingerprints(request) -> dict[str, str | list | None]:
    """Fingerprints of every file a NewProjectRequest reads."""
    inputs = request.inputs
    return {
        "model": fingerprint(inputs.model),
        "labels": fingerprint(inputs.labels_file),
        "anchors": fingerprint(inputs.anchors_file),
        "calibration_images": fingerprint(inputs.calibration_images),
        "eval_images": fingerprint(inputs.eval_images),
        "golden_images": [fingerprint(p) for p in request.golden_images],
    }
