"""The user's story: a model in, `new`, `verify`, all golden tests pass.

Every source format `new` accepts, both UI languages, float and quantized inputs, RGB and
grayscale, with and without metadata. Each generated project's Java is compiled with javac and
its JUnit tests run for real.
"""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pytest
from ai_edge_litert.interpreter import Interpreter
from PIL import Image

from conftest import LABELS, classifier_tests, new_args, run_cli

from scaffold.metadata.reader import read_embedded_metadata


def assert_verify_passes(project, golden_images: int = 0) -> None:
    result = run_cli("verify", project)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert f"{classifier_tests(golden_images)} passed, 0 failed" in result.stdout


def package_dir(project, package="com.example.tfliteclassifier"):
    return project / "app/src/main/java" / package.replace(".", "/")


@pytest.mark.parametrize(
    ("source", "language"),
    [
        ("keras", "kotlin"),
        ("h5", "java"),
        ("saved_model", "kotlin"),
        ("tflite", "java"),
    ],
)
def test_every_source_format_generates_a_verified_project(models, tmp_path, source, language):
    out = tmp_path / "app"
    result = run_cli(*new_args(getattr(models, source), out, "--language", language, labels=models.labels))
    assert result.exit_code == 0, result.stdout + result.stderr

    ui = package_dir(out)
    suffix, other = (".kt", ".java") if language == "kotlin" else (".java", ".kt")
    assert (ui / f"MainActivity{suffix}").is_file() and not (ui / f"MainActivity{other}").exists()
    assert (ui / f"ImageClassifierHelper{suffix}").is_file()
    assert sorted(p.name for p in (ui / "ml").iterdir()) == [
        "Acceleration.java",
        "Category.java",
        "ClassificationPostprocessor.java",
        "ImagePreprocessor.java",
        "Labels.java",
        "LatencyMonitor.java",
        "LatencyStats.java",
        "ModelConfig.java",
        "Orientation.java",
        "RgbaReader.java",
        "TensorSpec.java",
        "Timing.java",
    ]
    # The ml/ core is pure Java: nothing from Android.
    for source_file in (ui / "ml").iterdir():
        assert "import android" not in source_file.read_text()
    assert (out / "app/src/main/assets/labels.txt").read_text() == "".join(f"{label}\n" for label in LABELS)
    assert_verify_passes(out)


def test_generated_model_carries_metadata_and_gives_the_same_outputs(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    shipped = (out / "app/src/main/assets/model.tflite").read_bytes()
    metadata = read_embedded_metadata(shipped)
    assert metadata.labels == LABELS
    assert metadata.normalization.mean == (127.5, 127.5, 127.5)
    assert metadata.name == "tflite"

    # Metadata must not change what the model computes.
    x = np.random.default_rng(3).uniform(-1, 1, (1, 24, 20, 3)).astype(np.float32)
    outputs = []
    for data in (models.tflite.read_bytes(), shipped):
        interpreter = Interpreter(model_content=data)
        interpreter.allocate_tensors()
        interpreter.set_tensor(interpreter.get_input_details()[0]["index"], x)
        interpreter.invoke()
        outputs.append(interpreter.get_tensor(interpreter.get_output_details()[0]["index"]))
    np.testing.assert_array_equal(outputs[0], outputs[1])


def test_logits_get_softmax_and_softmax_models_do_not(models, tmp_path):
    logits, probabilities = tmp_path / "logits", tmp_path / "probabilities"
    assert run_cli(*new_args(models.tflite, logits, labels=models.labels)).exit_code == 0
    assert run_cli(*new_args(models.tflite_softmax, probabilities, labels=models.labels)).exit_code == 0
    config = "app/src/main/java/com/example/tfliteclassifier/ml/ModelConfig.java"
    assert "APPLY_SOFTMAX = true;" in (logits / config).read_text()
    assert "APPLY_SOFTMAX = false;" in (probabilities / config).read_text()
    for project in (logits, probabilities):
        scores = [float(line.split("\t")[2]) for line in (project / "app/src/test/resources/golden/synthetic-r0.topk.tsv").read_text().splitlines()]
        assert all(0.0 <= s <= 1.0 for s in scores) and scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(("model", "dtype"), [("tflite_uint8", "UINT8"), ("tflite_int8", "INT8")])
def test_quantized_io_models_verify_byte_for_byte(models, tmp_path, model, dtype):
    out = tmp_path / "app"
    result = run_cli(*new_args(getattr(models, model), out, "--language", "java", labels=models.labels))
    assert result.exit_code == 0, result.stderr
    properties = (out / "app/src/test/resources/golden/golden.properties").read_text()
    assert f"input.type={dtype}" in properties and f"output.type={dtype}" in properties
    scale = float(re.search(r"^input.scale=(.+)$", properties, re.MULTILINE).group(1))
    assert scale > 0
    # One byte per element: the golden tensor is exactly the quantized input.
    assert (out / "app/src/test/resources/golden/synthetic-r0.input.bin").stat().st_size == 24 * 20 * 3
    assert_verify_passes(out)


def test_grayscale_model_with_golden_images_and_center_crop(models, tmp_path):
    photo = tmp_path / "photo.jpg"  # stored sideways, as phones store portrait shots: EXIF 6
    rng = np.random.default_rng(7)
    stored = Image.fromarray(rng.integers(0, 256, (300, 480, 3), dtype=np.uint8))
    exif = stored.getexif()
    exif[0x0112] = 6
    stored.save(photo, exif=exif.tobytes())
    big = tmp_path / "big.png"  # larger than the golden size cap: reduced before it is recorded
    Image.fromarray(rng.integers(0, 256, (900, 1200, 3), dtype=np.uint8)).save(big)
    out = tmp_path / "app"
    result = run_cli(
        *new_args(models.tflite_gray, out, "--resize", "center-crop", "--golden-image", photo, "--golden-image", big,
                  labels=models.labels, mean="0", std="255")
    )
    assert result.exit_code == 0, result.stderr
    golden = out / "app/src/test/resources/golden"
    properties = (golden / "golden.properties").read_text()
    # The photo is replayed as stored, with its EXIF tag: the app's own EXIF handling is tested.
    assert "case.photo.width=480" in properties and "case.photo.exif=6" in properties
    assert "case.photo.rotation=90" in properties and "case.photo.mirrored=false" in properties
    assert "case.big.width=512" in properties and "case.big.height=384" in properties
    # The card stored under each EXIF orientation becomes the upright card again, mirrors included.
    upright = (golden / "synthetic-r0.input.bin").read_bytes()
    for tag in range(1, 9):
        assert f"case.synthetic-exif{tag}.exif={tag}" in properties
        assert (golden / f"synthetic-exif{tag}.input.bin").read_bytes() == upright, tag
    assert (golden / "synthetic-exif5.argb").read_bytes() != (golden / "synthetic-r0.argb").read_bytes()
    assert "RESIZE_MODE = ImagePreprocessor.ResizeMode.CENTER_CROP" in (package_dir(out) / "ml/ModelConfig.java").read_text()
    assert_verify_passes(out, golden_images=2)


def test_model_with_metadata_needs_no_labels_or_normalization(models, tmp_path):
    first = tmp_path / "first"
    assert run_cli(*new_args(models.tflite, first, labels=models.labels, mean="0,0,0", std="255,255,255")).exit_code == 0
    with_metadata = tmp_path / "with_metadata.tflite"
    with_metadata.write_bytes((first / "app/src/main/assets/model.tflite").read_bytes())

    second = tmp_path / "second"
    result = run_cli("new", with_metadata, "--out", second, "--language", "java")
    assert result.exit_code == 0, result.stderr
    assert "read from the model's metadata" in result.stdout
    assert "kept (already matches)" in result.stdout
    assert (second / "app/src/main/assets/model.tflite").read_bytes() == with_metadata.read_bytes()
    config = (package_dir(second) / "ml/ModelConfig.java").read_text()
    assert "NORM_STD = {255.0, 255.0, 255.0}" in config
    assert_verify_passes(second)

    # A flag that disagrees with the metadata wins, with a warning, and the metadata is rewritten.
    third = tmp_path / "third"
    result = run_cli("new", with_metadata, "--out", third, "--mean", "127.5", "--std", "127.5")
    assert result.exit_code == 0
    assert "overrides the model's embedded normalization" in result.stderr
    rewritten = read_embedded_metadata((third / "app/src/main/assets/model.tflite").read_bytes())
    assert rewritten.normalization.std == (127.5, 127.5, 127.5)
    assert rewritten.labels == LABELS
    assert_verify_passes(third)


def test_manifest_records_the_generation(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.keras, out, "--top-k", "2", labels=models.labels)).exit_code == 0
    manifest = json.loads((out / ".tflite-scaffold.json").read_text())
    assert manifest["model"]["kind"] == "keras"
    assert manifest["options"]["top_k"] == 2
    assert manifest["options"]["apply_softmax"] is True
    assert "app/src/main/assets/model.tflite" in manifest["files"]
    assert len((out / "app/src/test/resources/golden/synthetic-r0.topk.tsv").read_text().splitlines()) == 2


def test_free_text_reaches_the_project_verbatim_and_compiles(models, tmp_path):
    """Model names are user text: not Jinja to cookiecutter, not comment syntax or unicode escapes to javac."""
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, "--model-name", "x{{ 7*7 }} */ \\u00zz", "--model-version", "{% x",
                               labels=models.labels))
    assert result.exit_code == 0, result.stderr
    config = (package_dir(out) / "ml/ModelConfig.java").read_text()
    assert "x{{ 7*7 }} * / \\\\u00zz" in config
    assert read_embedded_metadata((out / "app/src/main/assets/model.tflite").read_bytes()).name == "x{{ 7*7 }} */ \\u00zz"
    assert_verify_passes(out)


def test_metadata_driven_generation_says_what_metadata_cannot_carry(models, tmp_path):
    first = tmp_path / "first"
    assert run_cli(*new_args(models.tflite, first, labels=models.labels)).exit_code == 0
    model = tmp_path / "with_metadata.tflite"
    model.write_bytes((first / "app/src/main/assets/model.tflite").read_bytes())
    result = run_cli("new", model, "--out", tmp_path / "second", "--mean", "127.5", "--std", "127.5")
    assert result.exit_code == 0, result.stderr
    # The same normalization, written as one value: not an override.
    assert "overrides" not in result.stderr
    # Normalization from metadata, channel order and resize mode defaulted: said out loud.
    from_metadata = run_cli("new", model, "--out", tmp_path / "third")
    assert "records normalization but not channel order or resize mode: using rgb / stretch" in from_metadata.stdout
    explicit = run_cli("new", model, "--out", tmp_path / "fourth", "--channel-order", "rgb", "--resize", "stretch")
    assert "records normalization but not" not in explicit.stdout


def test_broken_embedded_labels_can_be_replaced(models, tmp_path):
    from scaffold.metadata import writer
    from scaffold.model.resolve import Choices, resolve
    from scaffold.model.spec import Normalization
    from scaffold.model.tflite import inspect_model

    data = models.tflite.read_bytes()
    spec = resolve(inspect_model(data), data, Choices(labels=tuple("abcde"), normalization=Normalization((0.0,), (1.0,))),
                   "m", "classify").spec
    # Metadata whose packed labels file has a hole in line 2.
    broken, _ = writer.write_metadata(dataclasses.replace(spec, labels=("a", "", "c", "d", "e")))
    model = tmp_path / "broken_labels.tflite"
    model.write_bytes(broken)
    refused = run_cli("new", model, "--out", tmp_path / "refused")
    assert refused.exit_code == 1 and "line 2 is empty" in refused.stderr
    fixed = run_cli("new", model, "--out", tmp_path / "fixed", "--labels", models.labels)
    assert fixed.exit_code == 0, fixed.stderr
