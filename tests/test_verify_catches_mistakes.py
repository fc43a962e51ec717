"""The golden tests are only worth something if they fail when the app's arithmetic drifts.

Each test generates a project, introduces one of the mistakes that silently break on-device
accuracy, and checks that `verify` fails (non-zero exit) naming the test that caught it.
"""

from __future__ import annotations

import pytest

from conftest import assert_verify_fails, new_args, run_cli

ML = "app/src/main/java/com/example/tfliteclassifier/ml"


@pytest.fixture(scope="module")
def float_project(models, tmp_path_factory):
    out = tmp_path_factory.mktemp("mistakes") / "float"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    return out


@pytest.fixture(scope="module")
def uint8_project(models, tmp_path_factory):
    out = tmp_path_factory.mktemp("mistakes") / "uint8"
    # uint8 input: raw pixels, no --mean/--std needed.
    assert run_cli(*new_args(models.tflite_uint8, out, labels=models.labels, mean=None)).exit_code == 0
    return out


@pytest.fixture(scope="module")
def int8_project(models, tmp_path_factory):
    out = tmp_path_factory.mktemp("mistakes") / "int8"
    assert run_cli(*new_args(models.tflite_int8, out, labels=models.labels)).exit_code == 0
    return out


def test_unmodified_projects_pass(float_project, uint8_project):
    for project in (float_project, uint8_project):
        assert run_cli("verify", project).exit_code == 0


@pytest.mark.parametrize("project_name", ["float_project", "uint8_project"])
def test_swapped_channel_order_is_caught(request, edit, project_name):
    project = request.getfixturevalue(project_name)
    edit(project / ML / "ImagePreprocessor.java",
         "final int high = swap == (channelOrder == ChannelOrder.BGR) ? 0 : 2;",
         "final int high = swap == (channelOrder == ChannelOrder.BGR) ? 2 : 0;")
    assert_verify_fails(project, "preprocessingReproducesReferenceTensor")


def test_wrong_normalization_is_caught(float_project, edit):
    edit(float_project / ML / "ModelConfig.java", "NORM_STD = {127.5, 127.5, 127.5}", "NORM_STD = {128.0, 128.0, 128.0}")
    assert_verify_fails(float_project, "preprocessingReproducesReferenceTensor")


def test_align_corners_resize_is_caught(float_project, edit):
    # The legacy align-corners convention: off by up to half a pixel against TF2's half-pixel centres.
    edit(float_project / ML / "ImagePreprocessor.java",
         "double pos = (i + 0.5) * scale - 0.5;",
         "double pos = outLength > 1 ? i * (double) (length - 1) / (outLength - 1) : 0;")
    assert_verify_fails(float_project, "preprocessingReproducesReferenceTensor")


def test_ignoring_rotation_is_caught(float_project, edit):
    edit(float_project / ML / "ImagePreprocessor.java", "switch (orientation.rotationDegrees()) {", "switch (0) {")
    edit(float_project / ML / "ImagePreprocessor.java",
         "int[] upright = orientation.uprightSize(width, height);", "int[] upright = {width, height};")
    assert_verify_fails(float_project, "preprocessingReproducesReferenceTensor[synthetic-r90]")


def test_ignoring_the_exif_mirror_is_caught(float_project, edit):
    edit(float_project / ML / "ImagePreprocessor.java", "if (orientation.mirrored()) {", "if (false) {")
    assert_verify_fails(float_project, "preprocessingReproducesReferenceTensor[synthetic-exif2]")


def test_exif_transpose_read_as_transverse_is_caught(float_project, edit):
    # The classic mix-up of "mirror, then turn" with "turn, then mirror": EXIF 5 and 7 swap.
    edit(float_project / ML / "Orientation.java",
         "case 5: // transposed (mirrored along the main diagonal)\n                return of(270, true);",
         "case 5: // transposed (mirrored along the main diagonal)\n                return of(90, true);")
    assert_verify_fails(float_project, "orientationMatchesReference[synthetic-exif5]")


def test_truncating_raw_pixels_is_caught(uint8_project, edit):
    # Truncation instead of rounding the resized value to a uint8 pixel.
    edit(uint8_project / ML / "ImagePreprocessor.java",
         "bytes[d + high] = (byte) (((rb >>> 32) + HALF) >>> SUM_BITS);",
         "bytes[d + high] = (byte) ((rb >>> 32) >>> SUM_BITS);")
    assert_verify_fails(uint8_project, "preprocessingReproducesReferenceTensor")


def test_floor_instead_of_rounding_quantized_inputs_is_caught(int8_project, edit):
    edit(int8_project / ML / "ImagePreprocessor.java",
         "double rounded = Math.max(-1024.0, Math.min(1024.0, value + Math.copySign(0.5, value)));",
         "double rounded = Math.max(-1024.0, Math.min(1024.0, Math.floor(value)));")
    assert_verify_fails(int8_project, "preprocessingReproducesReferenceTensor")


def test_missing_softmax_is_caught(float_project, edit):
    edit(float_project / ML / "ModelConfig.java", "APPLY_SOFTMAX = true;", "APPLY_SOFTMAX = false;")
    assert_verify_fails(float_project, "postprocessingReproducesReferenceTopK")


def test_ignoring_output_zero_point_is_caught(int8_project, edit):
    # An int8 softmax output has zero-point -128: ignoring it shifts every score by 128 * scale.
    assert "output.zeroPoint=-128" in (int8_project / "app/src/test/resources/golden/golden.properties").read_text()
    edit(int8_project / ML / "TensorSpec.java", "double centred = q - zeroPoint;", "double centred = q;")
    assert_verify_fails(int8_project, "postprocessingReproducesReferenceTopK")


def test_label_file_off_by_one_is_caught(float_project, edit):
    labels = float_project / "app/src/main/assets/labels.txt"
    edit(labels, "apple\n", "background\napple\n")
    assert_verify_fails(float_project, "labelsMatchTheModelOutput")


def test_java_that_does_not_compile_is_reported(float_project, edit):
    edit(float_project / ML / "TensorSpec.java", "public int numBytes() {", "public int numBytes() { int broken = ;")
    result = run_cli("verify", float_project)
    assert result.exit_code == 1
    assert "do not compile" in result.stderr and "TensorSpec.java" in result.stderr


def test_java_8_api_limit_is_enforced_for_the_ml_core(float_project, edit):
    # String.strip() is Java 11: on Android without desugaring it would crash at run time.
    edit(float_project / ML / "Labels.java", "String label = lines.get(i).trim();", "String label = lines.get(i).strip();")
    result = run_cli("verify", float_project)
    assert result.exit_code == 1
    assert "do not compile" in result.stderr
