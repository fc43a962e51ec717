"""Golden cases: source pixels → reference tensor → LiteRT output → reference top-k.

The generated app's JUnit tests replay each case through its Java code. The raw output comes
from running the real model in LiteRT on the reference tensor, so the post-processing test starts
from exactly what the interpreter returns on the phone for that input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scaffold.errors import UnsupportedModel
from scaffold.model.runtime import flex_ops, load_interpreter, run_model
from scaffold.model.spec import ModelSpec
from scaffold.reference.images import MAX_GOLDEN_SIDE, load_image, synthetic_image
from scaffold.reference.postprocess import Category, classify
from scaffold.reference.preprocess import preprocess

# The synthetic test card is replayed at every rotation CameraX can report.
SYNTHETIC_ROTATIONS = (0, 90, 180, 270)


@dataclass(frozen=True)
class GoldenImage:
    """A source image before any model is involved."""

    name: str
    description: str
    argb: np.ndarray
    rotation: int = 0


@dataclass(frozen=True)
class GoldenCase:
    image: GoldenImage
    input_tensor: np.ndarray
    raw_output: np.ndarray
    top_k: list[Category]
    # Who computed raw_output: LiteRT running the .tflite (always, unless the model has Flex ops).
    output_source: str = "litert"

    @property
    def name(self) -> str:
        return self.image.name


def golden_images(user_images: list[Path]) -> list[GoldenImage]:
    """The synthetic card at each rotation plus every ``--golden-image`` (decoded now, so a bad
    path fails before anything is converted or written)."""
    card = synthetic_image()
    images = [
        GoldenImage(f"synthetic-r{degrees}", f"synthetic test card, rotated {degrees} degrees", card, degrees)
        for degrees in SYNTHETIC_ROTATIONS
    ]
    taken = {image.name for image in images}
    for path in user_images:
        name = _unique(_slug(path.stem), taken)
        images.append(GoldenImage(name, path.name, load_image(path, MAX_GOLDEN_SIDE)))
    return images


def compute_cases(spec: ModelSpec, images: list[GoldenImage], top_k: int, tensorflow_model=None) -> list[GoldenCase]:
    """Run every golden image through the reference and the model.

    A model with Flex ops cannot run in Python's LiteRT; its raw outputs then come from the float
    TensorFlow model it was converted from (``tensorflow_model``), which is recorded per case.
    """
    flex = flex_ops(spec.ops)
    if flex and tensorflow_model is None:
        raise UnsupportedModel(
            f"the model uses Flex ops ({', '.join(flex)}) that Python's LiteRT cannot run, so golden outputs cannot be "
            "computed: generate from the Keras / SavedModel source with --select-tf-ops instead."
        )
    run = (lambda tensor: tensorflow_model.predict(tensor)) if flex else _litert_runner(spec.model_bytes)
    cases = []
    for image in images:
        tensor = preprocess(image.argb, image.rotation, spec.image, spec.preprocessing, spec.input)
        raw = np.asarray(run(tensor), dtype=spec.output.dtype).reshape(spec.output.shape)
        top = classify(raw, spec.output, spec.labels, spec.apply_softmax, top_k)
        cases.append(GoldenCase(image, tensor, raw, top, "tensorflow" if flex else "litert"))
    return cases


def _litert_runner(model_bytes: bytes):
    interpreter = load_interpreter(model_bytes)
    return lambda tensor: run_model(interpreter, [tensor])[0]


def _slug(stem: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "image"


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate
