"""Shared fixtures: small real models built at test time, and helpers to run the CLI.

Models are built once per session (Keras + TFLiteConverter take a few seconds) into a temporary
directory, in every format ``new`` accepts.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from scaffold.cli import app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NUM_CLASSES = 5
LABELS = ("apple", "banana", "cherry", "date", "elderberry")

# The golden cases every project gets: the test card as a camera frame at 0/90/180/270 degrees,
# and stored under each of the eight EXIF orientations.
SYNTHETIC_CASES = 12


# Per golden case: the tensor, the camera (RGBA) path, what the input takes, the orientation.
PREPROCESSING_TESTS = 4


# LatencyStatsTest: the rolling latency statistics every app ships.
LATENCY_TESTS = 5


def classifier_tests(golden_images: int = 0) -> int:
    """JUnit tests a generated classifier runs: the preprocessing tests and the post-processing
    test per golden case, plus the three ModelAssetsTest checks, OrientationTest and the five
    LatencyStatsTest checks."""
    return (SYNTHETIC_CASES + golden_images) * (PREPROCESSING_TESTS + 1) + 3 + 1 + LATENCY_TESTS


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: object) -> CliResult:
    """Run ``tflite-scaffold`` in-process (TensorFlow is imported once for the whole session)."""
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return CliResult(result.exit_code, result.stdout, result.stderr)


def _representative(shape: tuple[int, ...]):
    rng = np.random.default_rng(0)

    def dataset():
        for _ in range(16):
            yield [rng.uniform(-1, 1, size=(1, *shape)).astype(np.float32)]

    return dataset


def build_classifier(input_shape=(24, 20, 3), softmax=False, seed=0):
    """A tiny CNN with random weights: deterministic and enough to exercise every tensor path."""
    import keras

    keras.utils.set_random_seed(seed)
    layers = [
        keras.Input(input_shape),
        keras.layers.Conv2D(6, 3, activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(8, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(NUM_CLASSES),
    ]
    if softmax:
        layers.append(keras.layers.Softmax())
    return keras.Sequential(layers)


def to_tflite(model, io_type: str | None = None) -> bytes:
    """Plain TFLiteConverter; with ``io_type`` a full-integer model with uint8/int8 input and output."""
    import tensorflow as tf

    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if io_type:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.representative_dataset = _representative(tuple(model.inputs[0].shape[1:]))
        converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        converter.inference_input_type = getattr(tf, io_type)
        converter.inference_output_type = getattr(tf, io_type)
    return bytes(converter.convert())


@dataclass(frozen=True)
class Models:
    root: Path
    labels: Path
    keras: Path  # logits output, RGB 24x20 input
    h5: Path
    saved_model: Path
    tflite: Path  # float32, no metadata
    tflite_softmax: Path
    tflite_uint8: Path  # full-integer, uint8 input/output, no metadata
    tflite_int8: Path
    tflite_gray: Path  # one-channel input


@pytest.fixture(scope="session")
def models(tmp_path_factory) -> Models:
    root = tmp_path_factory.mktemp("models")
    labels = root / "labels.txt"
    labels.write_text("\n".join(LABELS) + "\n", encoding="utf-8")

    logits = build_classifier()
    logits.save(root / "classifier.keras")
    logits.save(root / "classifier.h5")
    logits.export(root / "saved_model", verbose=False)
    softmax = build_classifier(softmax=True, seed=1)
    gray = build_classifier(input_shape=(16, 16, 1), softmax=True, seed=2)

    paths = {
        "tflite": to_tflite(logits),
        "tflite_softmax": to_tflite(softmax),
        "tflite_uint8": to_tflite(softmax, "uint8"),
        "tflite_int8": to_tflite(softmax, "int8"),
        "tflite_gray": to_tflite(gray),
    }
    for name, data in paths.items():
        (root / f"{name}.tflite").write_bytes(data)
    return Models(
        root=root,
        labels=labels,
        keras=root / "classifier.keras",
        h5=root / "classifier.h5",
        saved_model=root / "saved_model",
        **{name: root / f"{name}.tflite" for name in paths},
    )


@pytest.fixture
def edit():
    """Replace text in a generated file for one test, restoring it afterwards."""
    restores = []

    def apply(path, old, new):
        text = path.read_text()
        assert old in text, f"{old!r} not found in {path.name}"
        restores.append((path, text))
        path.write_text(text.replace(old, new, 1))

    yield apply
    for path, text in reversed(restores):
        path.write_text(text)


def edited_copy(project: Path, tmp_path: Path, relative: str, old: str, new: str) -> Path:
    """A copy of ``project`` (under ``tmp_path``) with ``old`` replaced by ``new`` in one file;
    the original stays as generated for the other tests of a module-scoped fixture."""
    import shutil

    copy = tmp_path / "edited"
    shutil.copytree(project, copy)
    path = copy / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} no longer contains {old!r}: update the test"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def assert_verify_fails(project, failing_test):
    """`verify` exits 1, reports failures, and names ``failing_test`` among them."""
    result = run_cli("verify", project)
    assert result.exit_code == 1, result.stdout
    assert re.search(r"\d+ passed, [1-9]\d* failed", result.stdout), result.stdout
    assert failing_test in result.stderr, result.stderr


def new_args(model: Path, out: Path, *extra: object, labels: Path | None = None, mean="127.5", std="127.5") -> list[object]:
    args: list[object] = ["new", model, "--out", out]
    if labels:
        args += ["--labels", labels]
    if mean is not None:
        args += ["--mean", mean, "--std", std]
    return [*args, *extra]


def write_images(directory: Path, count: int, size=(48, 64), brightness=(0, 256), seed=0) -> Path:
    """Smooth random colour fields with some texture: cheap stand-ins for photos."""
    from PIL import Image

    directory.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    low, high = brightness
    for i in range(count):
        base = rng.integers(low, high, (1, 1, 3))
        noise = rng.normal(0, 30, (*size, 3))
        Image.fromarray(np.clip(base + noise, 0, 255).astype(np.uint8)).save(directory / f"img{i:03d}.png")
    return directory


@pytest.fixture(scope="session")
def calibration_images(tmp_path_factory) -> Path:
    """24 images: with --calibration-steps 12, 12 calibrate and 12 are held out."""
    return write_images(tmp_path_factory.mktemp("calibration") / "images", 24)


@pytest.fixture(scope="session")
def weighty_model(tmp_path_factory) -> Path:
    """A classifier whose size is dominated by weights (a 2048x128 dense layer, ~1 MB float)."""
    import keras

    keras.utils.set_random_seed(3)
    model = keras.Sequential(
        [
            keras.Input((16, 16, 3)),
            keras.layers.Conv2D(8, 3, padding="same", activation="relu"),
            keras.layers.Flatten(),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(NUM_CLASSES),
        ]
    )
    path = tmp_path_factory.mktemp("weighty") / "weighty.keras"
    model.save(path)
    return path


@dataclass(frozen=True)
class Detectors:
    ssd: Path  # TFLite_Detection_PostProcess, 3 classes, TF2 output order
    raw_anchors: Path  # boxes encoded against anchors + logits with a background column, 4 labels
    raw_decoded: Path  # cx, cy, w, h boxes + sigmoid scores, 3 labels
    anchors: Path
    labels3: Path  # cat, dog, bird
    labels3_background: Path  # ???, cat, dog, bird
    labels4: Path  # cat, dog, bird, fish


@pytest.fixture(scope="session")
def detectors(tmp_path_factory) -> Detectors:
    import detectors as build

    root = tmp_path_factory.mktemp("detectors")
    paths = build.write_all(root)
    labels = {
        "labels3": "cat\ndog\nbird\n",
        "labels3_background": "???\ncat\ndog\nbird\n",
        "labels4": "cat\ndog\nbird\nfish\n",
    }
    for name, text in labels.items():
        (root / f"{name}.txt").write_text(text)
    return Detectors(
        ssd=paths["ssd"], raw_anchors=paths["raw_anchors"], raw_decoded=paths["raw_decoded"], anchors=paths["anchors"],
        **{name: root / f"{name}.txt" for name in labels},
    )


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    """A classifier trained at test time (see trained.py), with held-out images."""
    import trained as training

    return training.train(tmp_path_factory.mktemp("trained"))


@pytest.fixture(scope="session")
def stubs(tmp_path_factory):
    """The Android API stubs (tests/android_stubs), compiled once: kotlinc is slow."""
    from android_compile import compile_stubs

    return compile_stubs(tmp_path_factory.mktemp("android-stubs"))
