"""Golden cases: source pixels → reference tensor → LiteRT outputs → reference results.

The generated app's JUnit tests replay each case through its Java code. The raw outputs come
from running the real model in LiteRT on the reference tensor, so the post-processing test starts
from exactly what the interpreter returns on the phone for that input.

Results are top-k categories for classifiers. For detectors they are detections for each
*variant* of the options: the app's configured threshold / max results / allowlist, and a
"filtered" variant chosen from the model's outputs so that its allowlist, NMS and threshold
each change the result (see ``filtered_variant``). That exercises those code paths whatever the
user configured, however one-sided a small model's outputs are. Each detection also carries its box mapped to the image
and to a phone-sized view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from scaffold.errors import UnsupportedModel
from scaffold.model.runtime import flex_ops, load_interpreter, run_model
from scaffold.model.spec import NMS_MODES, DetectionOptions, ModelSpec
from scaffold.reference.detection import Detection, detect
from scaffold.reference.geometry import Rect, orient_rect, to_image, to_view
from scaffold.reference.images import MAX_GOLDEN_SIDE, load_photo, synthetic_image
from scaffold.reference.orientation import EXIF_ORIENTATIONS, UPRIGHT, Orientation, orient
from scaffold.reference.postprocess import Category, classify
from scaffold.reference.preprocess import preprocess

# The synthetic test card is replayed at every rotation CameraX can report, and stored as a photo
# with each of the eight EXIF orientations (mirrors included) would store it.
SYNTHETIC_ROTATIONS = (0, 90, 180, 270)


@dataclass(frozen=True)
class GoldenImage:
    """A source image before any model is involved: pixels as stored, and how to turn them
    upright (a camera rotation, or the EXIF tag ``exif`` of a photo)."""

    name: str
    description: str
    argb: np.ndarray
    orientation: Orientation = UPRIGHT
    exif: int | None = None

    def upright_size(self) -> tuple[int, int]:
        height, width = self.argb.shape
        return self.orientation.upright_size(width, height)


# The view the mapping golden data is computed for: a portrait phone screen, in pixels.
VIEW_WIDTH, VIEW_HEIGHT = 1080, 2160
# A front camera's preview shown a quarter turn away from the frames the model saw (the phone
# held sideways under a portrait-locked display): the overlay mirrors the box and turns it back.
FRONT_PREVIEW = Orientation(270, mirrored=True)


@dataclass(frozen=True)
class MappedDetection:
    detection: Detection
    image: Rect  # upright image pixels
    fill_view: Rect  # camera preview (FILL_CENTER)
    fit_view: Rect  # photo (fitCenter)
    front_view: Rect  # camera preview (FILL_CENTER) of FRONT_PREVIEW


@dataclass(frozen=True)
class GoldenCase:
    image: GoldenImage
    input_tensor: np.ndarray
    raw_outputs: list[np.ndarray]
    # Classifiers: the top-k. Detectors: empty (see ``detections``).
    top_k: list[Category]
    # Detectors: variant name → detections.
    detections: dict[str, list[MappedDetection]]
    # Who computed raw_outputs: LiteRT running the .tflite (always, unless the model has Flex ops).
    output_source: str = "litert"

    @property
    def name(self) -> str:
        return self.image.name


def golden_images(user_images: list[Path]) -> list[GoldenImage]:
    """The synthetic card at each camera rotation and under each EXIF orientation, plus every
    ``--golden-image`` as stored with its own EXIF tag (decoded now, so a bad path fails before
    anything is converted or written)."""
    card = synthetic_image()
    images = [
        GoldenImage(f"synthetic-r{degrees}", f"synthetic test card, camera frame rotated {degrees} degrees", card, Orientation(degrees))
        for degrees in SYNTHETIC_ROTATIONS
    ]
    for tag in EXIF_ORIENTATIONS:
        orientation = Orientation.from_exif(tag)
        # Stored the way a camera that writes this tag stores the upright card.
        stored = orient(card, orientation.inverse())
        images.append(GoldenImage(f"synthetic-exif{tag}", f"synthetic test card stored with EXIF orientation {tag}", stored, orientation, tag))
    taken = {image.name for image in images}
    for path in user_images:
        name = _unique(_slug(path.stem), taken)
        photo = load_photo(path, MAX_GOLDEN_SIDE)
        images.append(GoldenImage(name, path.name, photo.argb, photo.orientation, photo.exif_orientation))
    return images


@dataclass(frozen=True)
class GoldenSet:
    cases: list[GoldenCase]
    # Detectors: variant name → options ("configured" first).
    variants: dict[str, DetectionOptions]


def filtered_variant(spec: ModelSpec, raw_outputs: list[list[np.ndarray]], configured_results: list[list[Detection]]) -> DetectionOptions:
    """Options that differ from the configured ones in every respect that changes results here.

    Allowlist: every label but the one detected most often. NMS: tighter. Threshold: near the
    median score of what those settings keep (see ``_threshold_near_median``). Greedy NMS only
    compares a box with better-scoring ones, so raising the threshold never changes which of the
    remaining boxes survive. The limit is the largest count per image.
    """
    configured = spec.head.options
    found = [d for results in configured_results for d in results]
    labels = [d.label for d in found]
    frequent = max(sorted(set(labels)), key=labels.count) if labels else None
    allowed = tuple(label for label in (configured.label_allowlist or spec.labels) if label != frequent) or spec.labels
    looser = replace(configured, max_results=10**6, label_allowlist=allowed, iou_threshold=round(configured.iou_threshold * 0.6, 6))
    kept = [detect(raw, spec.head, spec.labels, looser) for raw in raw_outputs]
    scores = sorted(d.score for results in kept for d in results)
    if not scores:
        return replace(looser, max_results=configured.max_results)
    threshold = _threshold_near_median(scores, exact=spec.head.kind == "postprocess" or spec.head.score_activation == "none")
    most = max(sum(1 for d in results if d.score >= threshold) for results in kept)
    return replace(looser, score_threshold=float(threshold), max_results=max(1, most))


def _threshold_near_median(scores: list[float], exact: bool) -> float:
    """The median score when scores are computed exactly the same in Java (read from the model,
    dequantized), so one detection sits on the threshold and ">=" versus ">" is tested. Scores
    that went through exp() (sigmoid) can differ from Java's by an ulp, so then the threshold is
    placed midway in a clear gap below the median instead, where no score can fall either side."""
    distinct = sorted(set(scores))
    middle = len(distinct) // 2
    if exact:
        return distinct[middle]
    for i in range(middle, 0, -1):
        if distinct[i] - distinct[i - 1] > 1e-9:
            return (distinct[i - 1] + distinct[i]) / 2
    return distinct[0] / 2


def compute_cases(spec: ModelSpec, images: list[GoldenImage], top_k: int, tensorflow_model=None) -> GoldenSet:
    """Run every golden image through the reference and the model.

    A model with Flex ops cannot run in Python's LiteRT; its raw outputs then come from the float
    TensorFlow model it was converted from (``tensorflow_model``), which is recorded per case.
    """
    flex = flex_ops(spec.ops)
    if flex and (tensorflow_model is None or spec.task != "classify"):
        raise UnsupportedModel(
            f"the model uses Flex ops ({', '.join(flex)}) that Python's LiteRT cannot run, so golden outputs cannot be "
            "computed: generate a classifier from its Keras / SavedModel source with --select-tf-ops instead."
        )
    run = (lambda tensor: [tensorflow_model.predict(tensor)]) if flex else _litert_runner(spec.model_bytes)
    source = "tensorflow" if flex else "litert"
    tensors = [preprocess(image.argb, image.orientation, spec.image, spec.preprocessing, spec.input) for image in images]
    if spec.task == "classify":
        head = spec.head
        cases = []
        for image, tensor in zip(images, tensors):
            raw = [np.asarray(run(tensor)[0], dtype=head.output.dtype).reshape(head.output.shape)]
            top = classify(raw[0], head.output, spec.labels, head.apply_softmax, top_k)
            cases.append(GoldenCase(image, tensor, raw, top, {}, source))
        return GoldenSet(cases, {})

    raw_outputs = [run(tensor) for tensor in tensors]
    configured = [detect(raw, spec.head, spec.labels, spec.head.options) for raw in raw_outputs]
    variants = {"configured": spec.head.options, "filtered": filtered_variant(spec, raw_outputs, configured)}
    if spec.head.kind == "raw":
        # The NMS mode not configured, so the Java code for both modes is proven either way.
        other = next(mode for mode in NMS_MODES if mode != spec.head.options.nms)
        variants[f"nms-{other}"] = replace(spec.head.options, nms=other)
    cases = []
    for image, tensor, raw, found in zip(images, tensors, raw_outputs, configured):
        detections = {
            name: [_mapped(d, image, spec) for d in (found if name == "configured" else detect(raw, spec.head, spec.labels, options))]
            for name, options in variants.items()
        }
        cases.append(GoldenCase(image, tensor, raw, [], detections, source))
    return GoldenSet(cases, variants)


def _mapped(detection: Detection, image: GoldenImage, spec: ModelSpec) -> MappedDetection:
    width, height = image.upright_size()
    rect = to_image(detection.box, width, height, spec.image.width, spec.image.height, spec.preprocessing.resize)
    front_width, front_height = FRONT_PREVIEW.upright_size(width, height)
    front = orient_rect(rect, width, height, FRONT_PREVIEW)
    return MappedDetection(
        detection,
        rect,
        to_view(rect, width, height, VIEW_WIDTH, VIEW_HEIGHT, fill=True),
        to_view(rect, width, height, VIEW_WIDTH, VIEW_HEIGHT, fill=False),
        to_view(front, front_width, front_height, VIEW_WIDTH, VIEW_HEIGHT, fill=True),
    )


def _litert_runner(model_bytes: bytes):
    interpreter = load_interpreter(model_bytes)
    return lambda tensor: run_model(interpreter, [tensor])


def _slug(stem: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "image"


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate
