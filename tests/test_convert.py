"""`convert` and the quantization options of `new`: real conversions, checked with ai-edge-litert."""

from __future__ import annotations

import json

import numpy as np
import pytest
from ai_edge_litert.interpreter import Interpreter

from conftest import LABELS, classifier_tests, run_cli, write_images

from scaffold.metadata._support import support_modules

VARIANTS = [
    ("none", "float32"),
    ("dynamic", "float32"),
    ("float16", "float32"),
    ("int8", "float32"),
    ("int8", "uint8"),
    ("int8", "int8"),
]


def convert_args(model, out, *extra, calibration=None):
    args = ["convert", model, "--out", out, "--mean", "127.5", "--std", "127.5"]
    if calibration is not None:
        args += ["--calibration-images", calibration, "--calibration-steps", "12"]
    return [*args, *extra]


def tensor_dtypes(path) -> set[str]:
    interpreter = Interpreter(model_path=str(path))
    return {d["dtype"].__name__ for d in interpreter.get_tensor_details()}


@pytest.fixture(scope="module")
def converted(weighty_model, calibration_images, models, tmp_path_factory):
    """Every variant converted once, with its JSON report and metadata."""
    root = tmp_path_factory.mktemp("variants")
    results = {}
    for quantize, io_type in VARIANTS:
        out = root / f"{quantize}-{io_type}.tflite"
        report = root / f"{quantize}-{io_type}.json"
        result = run_cli(*convert_args(
            weighty_model, out, "--quantize", quantize, "--io-type", io_type, "--report", report,
            "--labels", models.labels, calibration=calibration_images,
        ))
        assert result.exit_code == 0, result.stdout + result.stderr
        results[(quantize, io_type)] = (out, json.loads(report.read_text()), result.stdout)
    return results


@pytest.mark.parametrize(("quantize", "io_type"), VARIANTS)
def test_variant_has_the_requested_types(converted, quantize, io_type):
    path, report, _ = converted[(quantize, io_type)]
    interpreter = Interpreter(model_path=str(path))
    (inp,), (out,) = interpreter.get_input_details(), interpreter.get_output_details()
    assert inp["dtype"].__name__ == io_type and out["dtype"].__name__ == io_type
    scale, zero_point = inp["quantization"]
    if io_type == "float32":
        assert scale == 0.0
    else:
        # The normalization is inside the graph and the input calibrated to exactly 0..255:
        # uint8 inputs take raw pixels, int8 inputs pixel - 128.
        assert out["quantization"][0] > 0
        assert (scale, zero_point) == ((1.0, -128) if io_type == "int8" else (1.0, 0))
        assert "normalization (mean [127.5, 127.5, 127.5], std [127.5, 127.5, 127.5]) is inside the converted model" in report["notes"][0]
    assert report["input"] == {"dtype": io_type, "shape": [1, 16, 16, 3], "scale": scale, "zero_point": zero_point}
    dtypes = tensor_dtypes(path)
    if quantize == "float16":
        assert "float16" in dtypes  # weights stored as float16, dequantized at load
    if quantize in ("dynamic", "int8"):
        assert "int8" in dtypes
    if quantize == "none":
        assert dtypes <= {"float32", "int32"}


def test_report_numbers(converted):
    none = converted[("none", "float32")][1]
    assert none["top1_agreement"] == 1.0 and none["mean_abs_diff"] == 0.0 and none["max_abs_diff"] == 0.0
    assert none["size_ratio"] == 1.0
    for (quantize, io_type), (path, report, _) in converted.items():
        assert report["quantize"] == quantize and report["io_type"] == io_type
        # Without int8 nothing is calibrated, so all 24 images are held out.
        assert report["eval_images"] == (12 if quantize == "int8" else 24)
        assert 0.0 <= report["top1_agreement"] <= 1.0
        assert 0.0 <= report["mean_abs_diff"] <= report["max_abs_diff"]
        # int8 reports measure the float model the quantizer started from (same graph, a few
        # bytes of flatbuffer bookkeeping apart from a separate float32 conversion).
        assert report["float_size_bytes"] == pytest.approx(none["float_size_bytes"], rel=0.01)
        assert "FULLY_CONNECTED" in report["ops"]
    assert converted[("int8", "uint8")][1]["calibration_images"] == 12
    assert converted[("int8", "float32")][1]["size_ratio"] <= 0.35
    assert converted[("dynamic", "float32")][1]["size_ratio"] <= 0.35
    assert 0.4 <= converted[("float16", "float32")][1]["size_ratio"] <= 0.6
    # Quantizing weights does not change what this model predicts much.
    assert converted[("float16", "float32")][1]["max_abs_diff"] < 0.01


def test_report_is_printed(converted):
    stdout = converted[("int8", "uint8")][2]
    assert "Conversion report: full int8, uint8 I/O" in stdout
    assert "top-1 agreement" in stdout and "on 12 held-out images" in stdout
    assert "calibration        12 images" in stdout


@pytest.mark.parametrize(("quantize", "io_type"), VARIANTS)
def test_metadata_describes_each_variant(converted, quantize, io_type):
    path, _, _ = converted[(quantize, io_type)]
    displayer = support_modules().metadata.MetadataDisplayer.with_model_file(str(path))
    metadata = json.loads(displayer.get_metadata_json())
    tensor = metadata["subgraph_metadata"][0]["input_tensor_metadata"][0]
    if io_type == "float32":
        assert tensor["process_units"][0]["options"] == {"mean": [127.5] * 3, "std": [127.5] * 3}
    else:
        # Integer inputs take pixels: the normalization is inside the graph, so the metadata
        # says pixels go in as they are (what the Task Library does with a uint8 input anyway).
        assert tensor["process_units"][0]["options"] == {"mean": [0.0] * 3, "std": [1.0] * 3}
    stats = tensor.get("stats", {})
    if io_type == "uint8":
        assert stats == {"max": [255.0], "min": [0.0]}
    elif io_type == "float32":
        assert stats["min"] == [-1.0] * 3 and stats["max"] == [1.0] * 3
    else:  # int8: the metadata schema has no int8 pixel range; no stats rather than wrong ones
        assert stats == {}
    labels = displayer.get_associated_file_buffer("labels.txt").decode()
    assert labels.splitlines() == list(LABELS)


@pytest.mark.parametrize("io_type", ["uint8", "int8"])
def test_new_int8_project_verifies(weighty_model, calibration_images, models, tmp_path, io_type):
    out = tmp_path / "app"
    result = run_cli(
        "new", weighty_model, "--out", out, "--labels", models.labels, "--mean", "127.5", "--std", "127.5",
        "--quantize", "int8", "--io-type", io_type, "--calibration-images", calibration_images, "--calibration-steps", "12",
        "--language", "java" if io_type == "int8" else "kotlin",
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Conversion report" in result.stdout
    properties = (out / "app/src/test/resources/golden/golden.properties").read_text()
    assert f"input.type={io_type.upper()}" in properties and f"output.type={io_type.upper()}" in properties
    manifest = json.loads((out / ".tflite-scaffold.json").read_text())
    assert manifest["options"]["quantize"] == "int8" and manifest["options"]["io_type"] == io_type
    verify = run_cli("verify", out)
    assert verify.exit_code == 0 and f"{classifier_tests()} passed, 0 failed" in verify.stdout


def test_min_agreement_failure_writes_no_project(weighty_model, tmp_path):
    # Calibrate on dark images only, evaluate on bright ones: activation ranges clip, predictions drift.
    dark = write_images(tmp_path / "dark", 12, brightness=(0, 30), seed=1)
    bright = write_images(tmp_path / "bright", 12, brightness=(200, 256), seed=2)
    labels = tmp_path / "labels.txt"
    labels.write_text("\n".join(LABELS))
    out, report = tmp_path / "app", tmp_path / "report.json"
    result = run_cli(
        "new", weighty_model, "--out", out, "--labels", labels, "--mean", "127.5", "--std", "127.5",
        "--quantize", "int8", "--calibration-images", dark, "--calibration-steps", "12", "--eval-images", bright,
        "--min-agreement", "0.99", "--report", report,
    )
    saved = json.loads(report.read_text())
    assert saved["top1_agreement"] < 0.99
    assert result.exit_code == 1
    assert "below --min-agreement 0.99; nothing written" in result.stderr
    assert not out.exists()


def test_min_agreement_met_converts(weighty_model, calibration_images, tmp_path):
    out = tmp_path / "model.tflite"
    result = run_cli(*convert_args(weighty_model, out, "--quantize", "float16", "--eval-images", calibration_images,
                                   "--min-agreement", "0.9"))
    assert result.exit_code == 0, result.stderr
    assert "on 24 held-out images" in result.stdout and out.is_file()
    assert "without metadata" in result.stdout


def test_default_eval_set_is_what_calibration_did_not_use(weighty_model, calibration_images, tmp_path):
    report = tmp_path / "r.json"
    args = convert_args(weighty_model, tmp_path / "m.tflite", "--quantize", "int8", "--report", report)
    args += ["--calibration-images", calibration_images, "--calibration-steps", "20"]
    assert run_cli(*args).exit_code == 0
    saved = json.loads(report.read_text())
    assert saved["calibration_images"] == 20 and saved["eval_images"] == 4


def test_python_function_sources(tmp_path, monkeypatch):
    module = tmp_path / "my_models.py"
    module.write_text(
        "import keras\n"
        "import tensorflow as tf\n"
        "def keras_model():\n"
        "    keras.utils.set_random_seed(0)\n"
        "    return keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Flatten(), keras.layers.Dense(5)])\n"
        "def traced():\n"
        "    w = tf.Variable(tf.ones([3, 5]))\n"
        "    @tf.function(input_signature=[tf.TensorSpec([1, 8, 8, 3], tf.float32)])\n"
        "    def f(x):\n"
        "        return tf.matmul(tf.reduce_mean(x, axis=[1, 2]), w)\n"
        "    return f\n"
        "def not_a_model():\n"
        "    return 42\n"
    )
    monkeypatch.chdir(tmp_path)
    for spec in ("my_models:keras_model", f"{module}:traced"):
        out = tmp_path / f"{spec.rsplit(':', 1)[1]}.tflite"
        result = run_cli("convert", spec, "--out", out)
        assert result.exit_code == 0, result.stderr
        details = Interpreter(model_path=str(out)).get_input_details()[0]
        assert list(details["shape"]) == [1, 8, 8, 3]
    result = run_cli("convert", "my_models:not_a_model", "--out", tmp_path / "x.tflite")
    assert result.exit_code == 1 and "returned int" in result.stderr


def test_select_tf_ops(tmp_path, models):
    module = tmp_path / "flexnet.py"
    module.write_text(
        "import numpy as np\n"
        "import tensorflow as tf\n"
        "def build():\n"
        "    w = tf.Variable(np.random.default_rng(0).normal(size=(3, 5)).astype(np.float32))\n"
        "    @tf.function(input_signature=[tf.TensorSpec([1, 16, 16, 3], tf.float32)])\n"
        "    def classify(x):\n"
        "        return tf.matmul(tf.reduce_mean(tf.math.cumprod(tf.sigmoid(x), axis=1), axis=[1, 2]), w)\n"
        "    return classify\n"
    )
    spec = f"{module}:build"
    refused = run_cli("new", spec, "--out", tmp_path / "refused", "--labels", models.labels, "--mean", "0", "--std", "255")
    assert refused.exit_code == 1
    assert "Cumprod" in refused.stderr and "--select-tf-ops" in refused.stderr
    assert not (tmp_path / "refused").exists()

    out = tmp_path / "app"
    result = run_cli("new", spec, "--select-tf-ops", "--out", out, "--labels", models.labels, "--mean", "0", "--std", "255")
    assert result.exit_code == 0, result.stderr
    assert "FlexCumprod" in result.stdout and "not 16 KB page aligned" in result.stderr
    build = (out / "app/build.gradle.kts").read_text()
    assert "implementation(libs.tensorflow.lite.select.tf.ops)" in build and 'abiFilters += listOf("arm64-v8a"' in build
    assert 'name = "tensorflow-lite-select-tf-ops"' in (out / "gradle/libs.versions.toml").read_text()
    assert "-keep class org.tensorflow.lite.flex" in (out / "app/proguard-rules.pro").read_text()
    assert "Why this APK is large" in (out / "README.md").read_text()
    assert "outputComputedBy=tensorflow" in (out / "app/src/test/resources/golden/golden.properties").read_text()
    assert run_cli("verify", out).exit_code == 0

    # A .tflite with Flex ops and no TensorFlow source: golden outputs cannot be computed.
    flex_tflite = tmp_path / "flex.tflite"
    flex_tflite.write_bytes((out / "app/src/main/assets/model.tflite").read_bytes())
    direct = run_cli("new", flex_tflite, "--out", tmp_path / "direct")
    assert direct.exit_code == 1 and "Flex ops (FlexCumprod)" in direct.stderr


def test_projects_without_flex_ops_have_no_select_tf_ops_dependency(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli("new", models.tflite, "--out", out, "--labels", models.labels, "--mean", "0", "--std", "1").exit_code == 0
    assert "select" not in (out / "app/build.gradle.kts").read_text().lower()
    assert "select" not in (out / "gradle/libs.versions.toml").read_text().lower()


def test_captured_float_baseline_computes_what_a_float_conversion_computes(weighty_model, calibration_images):
    from scaffold.convert.calibration import find_images, input_tensors
    from scaffold.convert.converter import convert
    from scaffold.convert.options import ConversionOptions
    from scaffold.convert.sources import load_keras
    from scaffold.model.runtime import load_interpreter, run_model
    from scaffold.model.spec import ImageSize, Normalization, Preprocessing, TensorInfo

    source = load_keras(weighty_model)
    float_input = TensorInfo("input", 0, (1, 16, 16, 3), "float32")
    preprocessing = Preprocessing(Normalization((127.5,) * 3, (127.5,) * 3))
    tensors = [t for (t,) in input_tensors(find_images(calibration_images, "dir"), ImageSize(16, 16, 3), (preprocessing, float_input))]
    int8 = convert(source, ConversionOptions("int8", "uint8", calibration_steps=12), tensors[:12])
    assert int8.float_model is not None, "TFLiteConverter._quantize was not found: the baseline now costs a second conversion"
    separate = convert(source, ConversionOptions()).model
    captured_model, separate_model = load_interpreter(int8.float_model), load_interpreter(separate)
    for tensor in tensors[12:]:
        np.testing.assert_allclose(run_model(captured_model, [tensor])[0], run_model(separate_model, [tensor])[0], atol=1e-5)
