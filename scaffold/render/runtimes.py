"""The runtimes a generated app can run its model with, and what each needs from the model.

* ``interpreter`` (default): the LiteRT Interpreter, with the app's own pure-Java preprocessing
  and post-processing (the ``ml/`` core the golden JVM tests prove equal to the reference). Serves
  every model ``new`` accepts.
* ``compiled-model``: LiteRT 2.x's CompiledModel API (accelerators chosen by LiteRT, GPU first),
  with the same ``ml/`` core and golden tests.
* ``task-library``: the TFLite Task Library (``ImageClassifier`` / ``ObjectDetector``, 0.4.4, its
  last release). It preprocesses and post-processes natively, from the model's metadata. It is
  deprecated, bundles the old ``org.tensorflow:tensorflow-lite`` (never beside LiteRT), and its
  native library is not 16 KB aligned, so Play rejects it for targetSdk 35+.
* ``mediapipe``: MediaPipe Tasks vision, the Task Library's maintained successor: the same
  metadata, LIVE_STREAM for the camera and IMAGE for photos, 16 KB aligned.

Both task runtimes feed the model their own way: RGB, the whole image resized to the input
(stretch), uint8 inputs filled with raw pixels, float inputs normalized with the metadata's one
mean/std (MediaPipe refuses per-channel values), and detectors only as a 4-output
TFLite_Detection_PostProcess model described by object detector metadata. :func:`check_runtime`
refuses, with the reason, a model or option they cannot serve that way, instead of generating an
app that quietly computes something else than its golden data.
"""

from __future__ import annotations

from scaffold.errors import UnsupportedModel
from scaffold.metadata.reader import read_embedded_metadata
from scaffold.model.runtime import flex_ops
from scaffold.model.spec import ModelSpec

RUNTIMES = ("interpreter", "compiled-model", "task-library", "mediapipe")
# The runtimes that run the app's own ml/ core (and so serve every model ``new`` accepts).
CORE_RUNTIMES = ("interpreter", "compiled-model")
TASK_RUNTIMES = ("task-library", "mediapipe")
RUNTIME_NAMES = {"interpreter": "the LiteRT Interpreter", "compiled-model": "LiteRT's CompiledModel",
                 "task-library": "the TFLite Task Library", "mediapipe": "MediaPipe Tasks"}


def check_runtime(spec: ModelSpec, runtime: str) -> tuple[list[str], list[str]]:
    """(notes, warnings) on what ``runtime`` implies; UnsupportedModel when it cannot serve
    ``spec``. ``spec.model_bytes`` is the model as shipped, metadata included."""
    if runtime == "compiled-model" and flex_ops(spec.ops):
        raise UnsupportedModel(
            "--runtime compiled-model: LiteRT's CompiledModel cannot run Select TF (Flex) ops; generate with --runtime "
            "interpreter instead."
        )
    if runtime not in TASK_RUNTIMES:
        return [], []
    name = RUNTIME_NAMES[runtime]
    problem = _problem(spec, runtime)
    if problem:
        raise UnsupportedModel(f"--runtime {runtime}: {name} {problem}; generate with --runtime interpreter instead.")
    if runtime == "task-library":
        return [], [
            "the TFLite Task Library is deprecated and its native library is not 16 KB page-aligned: Google Play rejects "
            "apps targeting API 35+ that ship it; --runtime mediapipe is its maintained successor."
        ]
    return ["MediaPipe Tasks send usage metrics to Google (its README's privacy notice): tell the app's users"], []


def _problem(spec: ModelSpec, runtime: str) -> str | None:
    p = spec.preprocessing
    if flex_ops(spec.ops):
        return "cannot run Select TF (Flex) ops"
    if spec.image.channels != 3:
        return "feeds RGB images, and this model takes one channel"
    if p.channel_order != "rgb":
        return "feeds RGB, and this model wants BGR (--channel-order bgr)"
    if p.resize != "stretch":
        return f"resizes the whole image to the input (stretch), and this app was asked for --resize {p.resize}"
    if spec.input.dtype not in ("uint8", "float32"):
        return f"takes uint8 or float32 inputs, and this model's input is {spec.input.dtype}"
    if spec.task == "classify" and spec.head.apply_softmax:
        return "applies no softmax, and this model outputs logits (the app would show them as scores)"
    if spec.input.dtype == "uint8" and p.input_values != "raw":
        return "fills a uint8 input with raw pixels, and this app was asked to normalize them (--uint8-input normalize)"
    metadata = read_embedded_metadata(spec.model_bytes)
    if metadata is None:
        return "needs the model's metadata, and none could be written for it"
    if spec.input.dtype == "float32":
        norm = metadata.normalization
        if norm is None:
            return "needs normalization metadata for a float input, and the model has none"
        if runtime == "mediapipe" and (len(set(norm.mean)) > 1 or len(set(norm.std)) > 1):
            return "refuses per-channel normalization (\"Per-channel image normalization is not available\")"
    if not metadata.labels:
        return "reads the labels from the metadata, and the model has none"
    if spec.task == "detect":
        if spec.head.kind != "postprocess":
            return ("runs detectors that end in TFLite_Detection_PostProcess, and this one outputs raw boxes and scores "
                    "(decoded in the app by the interpreter runtime)")
        if len(metadata.output_names) != 4:
            return "needs object detector metadata on the four outputs, and it could not be written for this model"
    return None
