"""Bad input: exactly one clear error line on stderr, exit code 1, and nothing written."""

from __future__ import annotations

import zipfile

import pytest

from conftest import new_args, run_cli, write_images


def assert_clean_failure(result, tmp_path, *phrases, out=None):
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for phrase in phrases:
        assert phrase in lines[0], lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    if out is not None:
        assert not out.exists(), "nothing may be written"
    # No staging directory left behind next to --out either.
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tflite-scaffold-")]


def test_missing_model(tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(tmp_path / "nope.tflite", out))
    assert_clean_failure(result, tmp_path, "model not found", "nope.tflite", out=out)


def test_file_that_is_not_a_model(tmp_path):
    model = tmp_path / "notes.tflite"
    model.write_text("these are not weights\n")
    out = tmp_path / "app"
    result = run_cli(*new_args(model, out))
    assert_clean_failure(result, tmp_path, "not a model", out=out)


def test_corrupt_tflite(models, tmp_path):
    model = tmp_path / "truncated.tflite"
    model.write_bytes(models.tflite.read_bytes()[:200])
    out = tmp_path / "app"
    result = run_cli(*new_args(model, out, labels=models.labels))
    assert_clean_failure(result, tmp_path, "LiteRT cannot load", out=out)


def test_directory_that_is_not_a_saved_model(tmp_path):
    (tmp_path / "model_dir").mkdir()
    out = tmp_path / "app"
    result = run_cli(*new_args(tmp_path / "model_dir", out))
    assert_clean_failure(result, tmp_path, "saved_model.pb", out=out)


def test_label_count_mismatch(models, tmp_path):
    labels = tmp_path / "labels.txt"
    labels.write_text("cat\ndog\n")
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, labels=labels))
    assert_clean_failure(result, tmp_path, "2 labels", "5 classes", out=out)


def test_label_file_with_a_hole(models, tmp_path):
    labels = tmp_path / "labels.txt"
    labels.write_text("a\nb\n\nd\ne\nf\n")
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, labels=labels))
    assert_clean_failure(result, tmp_path, "line 3 is empty", out=out)


def test_missing_labels(models, tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out))
    assert_clean_failure(result, tmp_path, "--labels", "5 lines", out=out)


def test_missing_normalization(models, tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, labels=models.labels, mean=None))
    assert_clean_failure(result, tmp_path, "--mean and --std", out=out)


@pytest.mark.parametrize(
    ("mean", "std", "phrase"),
    [("1,2", "1", "--mean has 2 values"), ("abc", "1", "must be a number"), ("0", "0", "must not contain 0")],
)
def test_malformed_normalization(models, tmp_path, mean, std, phrase):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, labels=models.labels, mean=mean, std=std))
    assert_clean_failure(result, tmp_path, phrase, out=out)


@pytest.mark.parametrize("package", ["example", "com.Example.app", "com.example.class", "com..app", "1com.example"])
def test_invalid_package_name(models, tmp_path, package):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, "--package", package, labels=models.labels))
    assert_clean_failure(result, tmp_path, "invalid --package", out=out)


@pytest.mark.parametrize(("name", "phrase"), [("", "--app-name is empty"), ("   ", "--app-name is empty"),
                                              ("Bob\tApp", "U+0009"), ("Evil\u202eppa", "U+202E"), ("x" * 101, "at most 100")])
def test_invalid_app_name(models, tmp_path, name, phrase):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, "--app-name", name, labels=models.labels))
    assert_clean_failure(result, tmp_path, phrase, out=out)


def test_non_empty_output_dir_without_force(models, tmp_path):
    out = tmp_path / "app"
    out.mkdir()
    precious = out / "notes.md"
    precious.write_text("mine")
    result = run_cli(*new_args(models.tflite, out, labels=models.labels))
    assert_clean_failure(result, tmp_path, "not empty", "--force")
    assert [p.name for p in out.iterdir()] == ["notes.md"] and precious.read_text() == "mine"


def test_missing_golden_image(models, tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, "--golden-image", tmp_path / "cat.jpg", labels=models.labels))
    assert_clean_failure(result, tmp_path, "image not found", out=out)


def test_golden_image_that_is_not_an_image(models, tmp_path):
    fake = tmp_path / "cat.jpg"
    fake.write_bytes(b"\x00\x01 not a jpeg")
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, "--golden-image", fake, labels=models.labels))
    assert_clean_failure(result, tmp_path, "not a readable image", out=out)


def test_model_that_is_not_a_classifier(tmp_path):
    import tensorflow as tf

    # Two outputs: neither a classifier nor anything else this command builds.
    @tf.function(input_signature=[tf.TensorSpec([1, 8, 8, 3], tf.float32)])
    def two_heads(x):
        return {"a": tf.reduce_mean(x, axis=[1, 2]), "b": tf.reduce_max(x, axis=[1, 2])}

    model = tmp_path / "two_heads.tflite"
    model.write_bytes(tf.lite.TFLiteConverter.from_concrete_functions([two_heads.get_concrete_function()], two_heads).convert())
    out = tmp_path / "app"
    result = run_cli(*new_args(model, out))
    assert_clean_failure(result, tmp_path, "fit neither a classifier", "found 2 output(s)", out=out)


def test_verify_on_a_directory_that_is_not_a_project(tmp_path):
    result = run_cli("verify", tmp_path)
    assert_clean_failure(result, tmp_path, "does not look like a generated project")


# --- conversion inputs -------------------------------------------------------------------


def convert_failure(tmp_path, model, *extra):
    out = tmp_path / "model.tflite"
    result = run_cli("convert", model, "--out", out, "--mean", "127.5", "--std", "127.5", *extra)
    assert_clean_failure(result, tmp_path, out=out)
    return result.stderr


def test_int8_without_calibration_images(models, tmp_path):
    assert "needs --calibration-images" in convert_failure(tmp_path, models.keras, "--quantize", "int8")


def test_missing_calibration_directory(models, tmp_path):
    stderr = convert_failure(tmp_path, models.keras, "--quantize", "int8", "--calibration-images", tmp_path / "nope")
    assert "is not a directory" in stderr


def test_empty_calibration_directory(models, tmp_path):
    (tmp_path / "empty").mkdir()
    stderr = convert_failure(tmp_path, models.keras, "--quantize", "int8", "--calibration-images", tmp_path / "empty")
    assert "contains no images" in stderr


def test_calibration_directory_without_images(models, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(12):
        (notes / f"note{i}.txt").write_text("not an image")
    stderr = convert_failure(tmp_path, models.keras, "--quantize", "int8", "--calibration-images", notes)
    assert "contains no images" in stderr


def test_too_few_calibration_images(models, tmp_path):
    few = write_images(tmp_path / "few", 5)
    stderr = convert_failure(tmp_path, models.keras, "--quantize", "int8", "--calibration-images", few)
    assert "has 5 images" in stderr and "at least 10" in stderr


def test_calibration_file_that_is_not_an_image(models, tmp_path):
    images = write_images(tmp_path / "imgs", 12)
    (images / "broken.png").write_bytes(b"PNG? no")
    stderr = convert_failure(tmp_path, models.keras, "--quantize", "int8", "--calibration-images", images)
    assert "broken.png is not a readable image" in stderr


def test_unreadable_keras_model(tmp_path):
    model = tmp_path / "broken.keras"
    with zipfile.ZipFile(model, "w") as archive:
        archive.writestr("config.json", "{not json")
    assert "Keras cannot load" in convert_failure(tmp_path, model)


def test_io_type_without_int8(models, tmp_path):
    assert "needs --quantize int8" in convert_failure(tmp_path, models.keras, "--io-type", "uint8")


def test_quantizing_a_tflite(models, tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, "--quantize", "dynamic", labels=models.labels))
    assert_clean_failure(result, tmp_path, "already a .tflite", out=out)


def test_min_agreement_without_held_out_images(models, tmp_path):
    assert "needs held-out images" in convert_failure(tmp_path, models.keras, "--quantize", "float16", "--min-agreement", "0.9")


def test_min_agreement_out_of_range(models, tmp_path):
    assert "between 0 and 1" in convert_failure(tmp_path, models.keras, "--min-agreement", "99")


def test_convert_refuses_to_overwrite(models, tmp_path):
    out = tmp_path / "model.tflite"
    out.write_bytes(b"keep me")
    result = run_cli("convert", models.keras, "--out", out)
    assert_clean_failure(result, tmp_path, "already exists", "--force")
    assert out.read_bytes() == b"keep me"


# --- found in review: values that used to crash or produce uncompilable code ----------------


@pytest.mark.parametrize("value", ["nan", "inf", "1,nan,1"])
def test_non_finite_normalization(models, tmp_path, value):
    out = tmp_path / "app"
    result = run_cli(*new_args(models.tflite, out, labels=models.labels, mean=value, std="1"))
    assert_clean_failure(result, tmp_path, "finite numbers", out=out)


def test_missing_normalization_fails_before_conversion(models, tmp_path, monkeypatch):
    import scaffold.convert.workflow as workflow

    monkeypatch.setattr(workflow, "run_conversion", lambda *a, **k: pytest.fail("converted before checking"))
    out = tmp_path / "app"
    result = run_cli(*new_args(models.keras, out, labels=models.labels, mean=None))
    assert_clean_failure(result, tmp_path, "classifier.keras has no normalization metadata", out=out)


def test_output_below_a_file(models, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    result = run_cli(*new_args(models.tflite, blocker / "app", labels=models.labels))
    assert_clean_failure(result, tmp_path, "is a file")


def test_report_path_problems(models, tmp_path):
    (tmp_path / "reports").mkdir()
    result = run_cli("convert", models.keras, "--out", tmp_path / "m.tflite", "--report", tmp_path / "reports")
    assert_clean_failure(result, tmp_path, "is a directory", out=tmp_path / "m.tflite")
    result = run_cli(*new_args(models.tflite, tmp_path / "app", "--report", tmp_path / "r.json", labels=models.labels))
    assert_clean_failure(result, tmp_path, "already a .tflite", out=tmp_path / "app")


def test_dynamic_input_size_is_explained(tmp_path):
    import tensorflow as tf

    @tf.function(input_signature=[tf.TensorSpec([1, None, None, 3], tf.float32)])
    def any_size(x):
        return tf.nn.softmax(tf.reduce_mean(x, axis=[1, 2]))

    model = tmp_path / "any_size.tflite"
    model.write_bytes(tf.lite.TFLiteConverter.from_concrete_functions([any_size.get_concrete_function()], any_size).convert())
    labels = tmp_path / "labels.txt"
    labels.write_text("a\nb\nc\n")
    result = run_cli(*new_args(model, tmp_path / "app", labels=labels))
    assert_clean_failure(result, tmp_path, "height and width are not fixed", out=tmp_path / "app")


def test_a_folder_of_100000_calibration_images_is_a_bounded_run(models, tmp_path):
    """100 000 real images (hard links to four small photos): the run calibrates on its steps and
    measures agreement on a seeded sample of 2000, and says so."""
    import json
    import os

    folder = tmp_path / "calibration"
    sources = sorted(write_images(tmp_path / "few", 4, size=(8, 8)).iterdir())  # ext4 allows 65 000 links a file
    folder.mkdir()
    for i in range(100_000):
        os.link(sources[i % 4], folder / f"{i:06d}.png")
    out, report = tmp_path / "model.tflite", tmp_path / "report.json"
    result = run_cli("convert", models.keras, "--out", out, "--mean", "127.5", "--std", "127.5", "--quantize", "int8",
                     "--calibration-images", folder, "--calibration-steps", "10", "--report", report)
    assert result.exit_code == 0, result.stdout + result.stderr
    saved = json.loads(report.read_text())
    assert saved["calibration_images"] == 10 and saved["eval_images"] == 2000
    assert any("2000 of 99990 held-out images" in note for note in saved["notes"])
