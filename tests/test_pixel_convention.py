"""Integer-input models are fed the way the LiteRT ecosystem feeds them.

uint8 inputs take raw pixels (the TFLite Task Library's and MediaPipe's convention), whatever the
metadata's mean/std say; models that `convert` quantizes with uint8 inputs take raw pixels too,
because the normalization moves into the graph; and the Task Library itself, run in a
virtualenv of its own, agrees with the reference on the models `new` ships.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from ai_edge_litert.interpreter import Interpreter

from conftest import ROOT, classifier_tests, new_args, run_cli

from scaffold.metadata.reader import read_embedded_metadata
from scaffold.model.spec import ImageSize, Normalization, Preprocessing, TensorInfo
from scaffold.reference.images import load_image
from scaffold.reference.orientation import UPRIGHT
from scaffold.reference.postprocess import classify
from scaffold.reference.preprocess import preprocess, resize_bilinear, source_rect, unpack_rgb

TASK_PYTHON = ROOT / ".venv-task" / "bin" / "python"
ORACLE = Path(__file__).resolve().parent / "task_library" / "oracle.py"
GOLDEN = "app/src/test/resources/golden"
CONFIG = "app/src/main/java/com/example/tfliteclassifier/ml/ModelConfig.java"


def _input_tensor(model: Path) -> TensorInfo:
    interpreter = Interpreter(model_path=str(model))
    detail = interpreter.get_input_details()[0]
    scale, zero_point = detail["quantization"]
    return TensorInfo("input", 0, tuple(int(d) for d in detail["shape"]), detail["dtype"].__name__, float(scale), int(zero_point))


@pytest.fixture(scope="module")
def disagreeing_uint8_model(models, tmp_path_factory) -> Path:
    """The uint8 test model (scale ~1/127.5, zero-point 128) with metadata whose mean/std
    (127 / 205) disagree with its input quantization: normalized then quantized, pixels would be
    squeezed by ~38 %, as with some widely used ready-made quantized classifiers."""
    out = tmp_path_factory.mktemp("disagreeing") / "app"
    result = run_cli(*new_args(models.tflite_uint8, out, "--uint8-input", "normalize", labels=models.labels, mean="127", std="205"))
    assert result.exit_code == 0, result.stderr
    model = out.parent / "disagreeing.tflite"
    model.write_bytes((out / "app/src/main/assets/model.tflite").read_bytes())
    assert read_embedded_metadata(model.read_bytes()).normalization.std == (205.0, 205.0, 205.0)
    return model


def test_uint8_input_takes_raw_pixels_whatever_the_metadata_says(disagreeing_uint8_model, tmp_path):
    out = tmp_path / "app"
    result = run_cli("new", disagreeing_uint8_model, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert "uint8 input: raw pixels 0..255, as the TFLite Task Library and MediaPipe feed uint8 models" in result.stdout
    assert "ImagePreprocessor.raw(input, CHANNEL_ORDER, RESIZE_MODE)" in (out / CONFIG).read_text()
    assert "NORM_MEAN" not in (out / CONFIG).read_text()
    assert "the pixels\nas they are, 0..255, into the uint8 input" in (out / "README.md").read_text()

    # The golden input is the resized pixels themselves, not normalized and re-quantized ones.
    properties = (out / GOLDEN / "golden.properties").read_text()
    assert "input.values=RAW" in properties
    card = np.frombuffer((out / GOLDEN / "synthetic-r0.argb").read_bytes(), dtype=">u4").reshape(64, 96)
    shipped = (out / GOLDEN / "synthetic-r0.input.bin").read_bytes()
    tensor = _input_tensor(disagreeing_uint8_model)
    height, width = tensor.shape[1:3]
    resized = resize_bilinear(unpack_rgb(card), source_rect(96, 64, width, height, "stretch"), width, height)
    assert shipped == np.floor(resized + 0.5).astype(np.uint8).tobytes()
    normalized = preprocess(card, UPRIGHT, ImageSize(height, width, 3), Preprocessing(Normalization((127.0,), (205.0,))), tensor)
    assert shipped != normalized.tobytes()

    # The misleading metadata is replaced by what raw pixels mean to the model, so an app that
    # normalizes then quantizes with it also ends up feeding raw pixels.
    assert "written (normalization, labels, name)" in result.stdout
    written = read_embedded_metadata((out / "app/src/main/assets/model.tflite").read_bytes()).normalization
    assert written.mean[0] == float(tensor.zero_point)
    assert written.std[0] == pytest.approx(1 / tensor.scale, rel=1e-6)
    assert run_cli("verify", out).exit_code == 0


def test_uint8_model_without_metadata_needs_no_mean_or_std(models, tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite_uint8, out, labels=models.labels, mean=None))
    assert result.exit_code == 0, result.stderr
    verify = run_cli("verify", out)
    assert verify.exit_code == 0 and f"{classifier_tests()} passed, 0 failed" in verify.stdout


def test_normalize_then_quantize_on_request(models, tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite_uint8, out, "--uint8-input", "normalize", labels=models.labels))
    assert result.exit_code == 0, result.stderr
    config = (out / CONFIG).read_text()
    assert "ImagePreprocessor.normalized(input, NORM_MEAN, NORM_STD" in config
    assert "input.values=NORMALIZED" in (out / GOLDEN / "golden.properties").read_text()
    assert run_cli("verify", out).exit_code == 0


def test_mean_and_std_are_not_applied_to_a_raw_uint8_input(models, tmp_path):
    result = run_cli(*new_args(models.tflite_uint8, tmp_path / "app", labels=models.labels))
    assert result.exit_code == 0
    assert "--mean/--std are not applied to a uint8 input fed raw pixels" in result.stderr


@pytest.fixture(scope="module")
def quantized(trained, tmp_path_factory) -> tuple[Path, dict]:
    """The trained classifier converted to full int8 with uint8 inputs, and its report."""
    root = tmp_path_factory.mktemp("quantized")
    model, report = root / "digits_uint8.tflite", root / "report.json"
    result = run_cli(
        "convert", trained.keras, "--out", model, "--quantize", "int8", "--io-type", "uint8",
        "--calibration-images", trained.calibration, "--calibration-steps", "40", "--eval-images", trained.evaluation,
        "--mean", "127.5", "--std", "127.5", "--labels", trained.labels, "--report", report,
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    return model, json.loads(report.read_text())


def test_converted_uint8_model_fed_raw_pixels_agrees_with_the_float_model(trained, quantized):
    import keras

    model, report = quantized
    assert trained.accuracy >= 0.95, "the test model did not train well enough for agreement to mean anything"
    assert report["input"]["scale"] == 1.0 and report["input"]["zero_point"] == 0
    assert report["top1_agreement"] >= 0.99, report

    # Independently of the report: LiteRT on raw pixels vs Keras on normalized floats.
    float_model = keras.models.load_model(trained.keras)
    interpreter = Interpreter(model_path=str(model))
    interpreter.allocate_tensors()
    tensor = _input_tensor(model)
    output = interpreter.get_output_details()[0]
    out_scale, out_zero = output["quantization"]
    size = ImageSize(32, 32, 3)
    raw = Preprocessing(Normalization((0.0,), (1.0,)), input_values="raw")
    normalized = Preprocessing(Normalization((127.5,), (127.5,)))
    agree = total = 0
    for path in sorted(trained.evaluation.iterdir()):
        argb = load_image(path)
        interpreter.set_tensor(interpreter.get_input_details()[0]["index"], preprocess(argb, UPRIGHT, size, raw, tensor))
        interpreter.invoke()
        quantized_scores = (interpreter.get_tensor(output["index"]).astype(np.float64) - out_zero) * out_scale
        float_scores = float_model(preprocess(argb, UPRIGHT, size, normalized, TensorInfo("x", 0, tensor.shape, "float32")))
        agree += int(np.argmax(quantized_scores) == np.argmax(np.asarray(float_scores)))
        total += 1
    assert agree / total >= 0.99, f"{agree}/{total}"


def _task_library(model: Path, images: list[Path], work: Path, k: int) -> list[list[tuple[int, float]]]:
    """The Task Library's ImageClassifier, run in .venv-task on each image (decoded upright)."""
    arrays = []
    for i, path in enumerate(images):
        argb = load_image(path)
        rgb = unpack_rgb(argb).astype(np.uint8)
        array = work / f"image{i}.npy"
        np.save(array, rgb)
        arrays.append(str(array))
    request = {"model": str(model), "images": arrays, "max_results": k}
    done = subprocess.run([str(TASK_PYTHON), str(ORACLE)], input=json.dumps(request), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return [[(int(i), float(s)) for i, s in categories] for categories in json.loads(done.stdout)]


@pytest.mark.parametrize("variant", ["float32", "uint8"])
def test_task_library_agrees_with_the_reference(trained, quantized, variant, tmp_path):
    """The shipped model, run by the real Task Library, ranks like the reference (and so like the
    app). The two resize differently (the Task Library's bilinear is libyuv's, ours TF2's
    half-pixel one), so scores differ a little; where the reference is not a near-tie, the top-1
    must be the same, and on average scores agree to a few hundredths."""
    out = tmp_path / "app"
    model = trained.keras if variant == "float32" else quantized[0]
    args = ["new", model, "--out", out, "--labels", trained.labels]
    if variant == "float32":
        args += ["--mean", "127.5", "--std", "127.5"]
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    shipped = out / "app/src/main/assets/model.tflite"
    tensor = _input_tensor(shipped)
    output_detail = Interpreter(model_path=str(shipped)).get_output_details()[0]
    scale, zero_point = output_detail["quantization"]
    output = TensorInfo("out", 0, (1, 10), output_detail["dtype"].__name__, float(scale), int(zero_point))
    preprocessing = Preprocessing(
        Normalization((127.5,), (127.5,)) if variant == "float32" else Normalization((0.0,), (1.0,)),
        input_values="normalized" if variant == "float32" else "raw",
    )
    interpreter = Interpreter(model_path=str(shipped))
    interpreter.allocate_tensors()
    index = interpreter.get_input_details()[0]["index"]
    labels = tuple(trained.labels.read_text().splitlines())

    images = sorted(trained.evaluation.iterdir())[:40]
    oracle = _task_library(shipped, images, tmp_path, k=3)
    compared = differences = 0
    score_gaps = []
    for path, theirs in zip(images, oracle, strict=True):
        interpreter.set_tensor(index, preprocess(load_image(path), UPRIGHT, ImageSize(32, 32, 3), preprocessing, tensor))
        interpreter.invoke()
        ours = classify(interpreter.get_tensor(output_detail["index"]), output, labels, False, 3)
        score_gaps.append(abs(ours[0].score - dict(theirs).get(ours[0].index, 0.0)))
        if ours[0].score - ours[1].score > 0.1:  # not a near-tie
            compared += 1
            differences += int(theirs[0][0] != ours[0].index)
    assert compared >= 30, "too many near-ties for the comparison to mean anything"
    assert differences == 0, f"top-1 differs from the Task Library on {differences} of {compared} images"
    assert np.mean(score_gaps) < 0.03, np.mean(score_gaps)


def test_new_with_uint8_io_keeps_the_training_normalization_in_the_model(trained, tmp_path):
    """`new --io-type uint8` moves mean/std into the model: no warning that they were ignored,
    the project records them as given, and the shipped model's own metadata is kept when the
    project is generated again from it."""
    out = tmp_path / "app"
    result = run_cli(
        "new", trained.keras, "--out", out, "--labels", trained.labels, "--mean", "127.5", "--std", "127.5",
        "--quantize", "int8", "--io-type", "uint8", "--calibration-images", trained.calibration, "--calibration-steps", "20",
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "not applied" not in result.stderr
    assert "the conversion moved mean [127.5] std [127.5] into the model" in " ".join(result.stdout.split())
    options = json.loads((out / ".tflite-scaffold.json").read_text())["options"]
    assert options["mean"] == [127.5] * 3 and options["std"] == [127.5] * 3 and options["normalization_in_model"]
    readme = " ".join((out / "README.md").read_text().split())
    assert "The training normalization (mean [127.5, 127.5, 127.5] std [127.5, 127.5, 127.5]) is inside the model" in readme
    assert "--uint8-input normalize" not in readme

    again = run_cli("new", out / "app/src/main/assets/model.tflite", "--out", tmp_path / "again")
    assert again.exit_code == 0, again.stderr
    assert "kept (already matches)" in again.stdout


def test_uint8_conversion_keeps_every_output(calibration_images, tmp_path):
    """The normalization wrapper returns the model's whole output: a detector keeps boxes and scores."""
    import keras

    keras.utils.set_random_seed(5)
    image = keras.Input((16, 16, 3))
    features = keras.layers.Flatten()(keras.layers.Conv2D(4, 3, strides=4, padding="same", activation="relu")(image))
    boxes = keras.layers.Reshape((16, 4), name="boxes")(keras.layers.Dense(64)(features))
    scores = keras.layers.Reshape((16, 3), name="scores")(keras.layers.Dense(48, activation="sigmoid")(features))
    path = tmp_path / "detector.keras"
    keras.Model(image, [boxes, scores]).save(path)

    model = tmp_path / "detector.tflite"
    result = run_cli(
        "convert", path, "--out", model, "--quantize", "int8", "--io-type", "uint8", "--mean", "127.5", "--std", "127.5",
        "--calibration-images", calibration_images, "--calibration-steps", "12",
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    outputs = Interpreter(model_path=str(model)).get_output_details()
    assert sorted(tuple(o["shape"]) for o in outputs) == [(1, 16, 3), (1, 16, 4)]
    assert {o["dtype"].__name__ for o in outputs} == {"uint8"}
