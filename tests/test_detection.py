"""Object detection: SSD models with TFLite_Detection_PostProcess and raw-output detectors.

Models are built at test time (tests/detectors.py); projects are generated in both languages and
their golden detection tests run with javac + JUnit.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import numpy as np
import pytest

from conftest import LATENCY_TESTS, PREPROCESSING_TESTS, SYNTHETIC_CASES, assert_verify_fails, new_args, run_cli

from scaffold.metadata.reader import read_embedded_metadata
from scaffold.model.spec import DetectionOptions, DetectorHead, TensorInfo
from scaffold.reference.detection import Detection, decode_boxes, detect, iou
from scaffold.reference.geometry import to_image, to_view
from scaffold.reference.preprocess import letterbox_rect

ML = "app/src/main/java/com/example/tfliteclassifier/ml"
GOLDEN = "app/src/test/resources/golden"


def detection_tests(raw: bool) -> int:
    """Preprocessing tests per case + detections and configured-options checks (2 per variant
    and case: configured, filtered, and for raw detectors the other NMS mode) + 4 asset tests
    + OrientationTest + LatencyStatsTest."""
    variants = 3 if raw else 2
    return SYNTHETIC_CASES * PREPROCESSING_TESTS + SYNTHETIC_CASES * variants * 2 + 4 + 1 + LATENCY_TESTS


def assert_verify_passes(project, raw: bool):
    result = run_cli("verify", project)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert f"{detection_tests(raw)} passed, 0 failed" in result.stdout


@pytest.mark.parametrize(
    ("model", "labels", "extra", "language"),
    [
        ("ssd", "labels3_background", (), "kotlin"),
        ("ssd", "labels3", ("--resize", "letterbox"), "java"),
        ("raw_anchors", "labels4", ("--anchors", "ANCHORS"), "java"),
        ("raw_anchors", "labels4", ("--anchors", "ANCHORS", "--resize", "center-crop", "--language", "kotlin"), "kotlin"),
        ("raw_decoded", "labels3", ("--box-format", "cxcywh", "--label-allowlist", "cat", "--label-allowlist", "bird", "--score-threshold", "0.4"), "java"),
    ],
)
def test_detection_projects_verify(detectors, tmp_path, model, labels, extra, language):
    extra = tuple(str(detectors.anchors) if e == "ANCHORS" else e for e in extra)
    out = tmp_path / "app"
    args = new_args(getattr(detectors, model), out, *extra, labels=getattr(detectors, labels))
    if "--language" not in extra:
        args += ["--language", language]
    result = run_cli(*args)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "task: detect" in result.stdout
    ui = out / "app/src/main/java/com/example/tfliteclassifier"
    ext = "kt" if language == "kotlin" else "java"
    assert (ui / f"ObjectDetectorHelper.{ext}").is_file() and (ui / f"DetectionOverlayView.{ext}").is_file()
    assert not (ui / f"ImageClassifierHelper.{ext}").exists() and not (ui / "ml/ClassificationPostprocessor.java").exists()
    assert_verify_passes(out, raw=model != "ssd")


def test_postprocess_roles_come_from_the_op_not_the_output_order(detectors, tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(detectors.ssd, out, labels=detectors.labels3_background))
    assert result.exit_code == 0, result.stderr
    # TF2 exports list the op's outputs scrambled: here classes, count, boxes, scores.
    assert "output roles: boxes=2, classes=0, scores=3, count=1 (read from TFLite_Detection_PostProcess's output slots)" in result.stdout
    config = (out / ML / "ModelConfig.java").read_text()
    for role, index in (("BOXES", 2), ("CLASSES", 0), ("SCORES", 3), ("COUNT", 1)):
        assert f"public static final int {role}_OUTPUT = {index};" in config
    assert "first row '???' taken as the background row; class 0 is 'cat'" in " ".join(result.stdout.split())
    assert (out / "app/src/main/assets/labels.txt").read_text() == "cat\ndog\nbird\n"

    # Object detector metadata names each output for its role, so the Task Library reads it too.
    metadata = read_embedded_metadata((out / "app/src/main/assets/model.tflite").read_bytes())
    names = dict(zip(("classes", "count", "boxes", "scores"), metadata.output_names))
    assert names == {"boxes": "location", "classes": "category", "scores": "score", "count": "number of detections"}
    assert metadata.labels == ("cat", "dog", "bird")


def test_zero_based_ids_on_a_raw_detector_with_a_background_column(detectors):
    """Four 0-based ids for five score columns: the classes after the background, not a shift."""
    from scaffold.model.anchors import read_anchors
    from scaffold.model.resolve import Choices, resolve
    from scaffold.model.spec import Normalization
    from scaffold.model.tflite import inspect_model

    model = detectors.raw_anchors.read_bytes()
    choices = Choices(labels=("0 cat", "1 dog", "2 bird", "3 fish"), normalization=Normalization((127.5,), (127.5,)),
                      anchors=read_anchors(detectors.anchors))
    spec = resolve(inspect_model(model), model, choices, "raw", None).spec
    assert spec.labels == ("cat", "dog", "bird", "fish") and spec.head.background_column


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("cat\ndog\nbird\n", "one label per class; score column 0 is the background"),
        ("1 cat\n2 dog\n3 bird\n", "'id label' pairs with 1-based ids (id 1 is class 0); score column 0 is the background"),
        ("0: cat\n2: bird\n", "'id label' pairs with 0-based ids; score column 0 is the background; 1 unused ids shown as '???'"),
        ("0 ???\n1 cat\n2 dog\n3 bird\n", "1-based ids (id 1 is class 0, id 0 the background)"),
        ("background\ncat\ndog\nbird\n", "first row 'background' taken as the background row"),
    ],
)
def test_label_files_with_and_without_background(detectors, tmp_path, text, note):
    labels = tmp_path / "labels.txt"
    labels.write_text(text)
    out = tmp_path / "app"
    result = run_cli(*new_args(detectors.ssd, out, labels=labels))
    assert result.exit_code == 0, result.stderr
    assert note in " ".join(result.stdout.split())
    shipped = (out / "app/src/main/assets/labels.txt").read_text().splitlines()
    assert len(shipped) == 3 and shipped[0] == "cat"


def test_raw_detector_background_column_and_anchors(detectors, tmp_path):
    out = tmp_path / "app"
    result = run_cli(*new_args(detectors.raw_anchors, out, "--anchors", detectors.anchors, labels=detectors.labels4))
    assert result.exit_code == 0, result.stderr
    assert "one label per class; score column 0 is the background" in result.stdout
    assert "scores passed through a sigmoid in the app (they come from CONV_2D)" in result.stdout
    config = (out / ML / "ModelConfig.java").read_text()
    assert 'ANCHORS_ASSET = "anchors.bin"' in config and "BACKGROUND_COLUMN = true" in config
    anchors = np.frombuffer((out / "app/src/main/assets/anchors.bin").read_bytes(), dtype="<f4").reshape(-1, 4)
    np.testing.assert_array_equal(anchors, np.load(detectors.anchors))
    manifest = json.loads((out / ".tflite-scaffold.json").read_text())
    assert manifest["options"]["task"] == "detect" and manifest["options"]["detector"] == "raw"


def test_errors_for_detectors(detectors, models, tmp_path):
    # Wrong label count for the op's 3 classes.
    labels = tmp_path / "five.txt"
    labels.write_text("a\nb\nc\nd\ne\n")
    result = run_cli(*new_args(detectors.ssd, tmp_path / "a", labels=labels))
    assert result.exit_code == 1 and "has 5 labels, but the model scores 4 columns: give 3 labels, or 4 with a background row first" in result.stderr
    # Anchors that do not match the number of boxes.
    bad_anchors = tmp_path / "anchors.csv"
    bad_anchors.write_text("0.5,0.5,0.1,0.1\n")
    result = run_cli(*new_args(detectors.raw_anchors, tmp_path / "b", "--anchors", bad_anchors, labels=detectors.labels4))
    assert result.exit_code == 1 and "--anchors has shape [1, 4]" in result.stderr
    # Allowlist naming an unknown label.
    result = run_cli(*new_args(detectors.ssd, tmp_path / "c", "--label-allowlist", "cat", "--label-allowlist", "unicorn", labels=detectors.labels3))
    assert result.exit_code == 1 and "unicorn" in result.stderr
    # A classifier forced to be a detector.
    result = run_cli(*new_args(models.tflite, tmp_path / "d", "--task", "detect", labels=models.labels))
    assert result.exit_code == 1 and "not a detector this tool reads" in result.stderr and "[1, 5]" in result.stderr
    # A detector forced to be a classifier.
    result = run_cli(*new_args(detectors.ssd, tmp_path / "e", "--task", "classify", labels=detectors.labels3))
    assert result.exit_code == 1 and "4 outputs" in result.stderr
    for name in "abcde":
        assert not (tmp_path / name).exists()


def test_outputs_that_fit_neither_shape(tmp_path):
    import tensorflow as tf

    @tf.function(input_signature=[tf.TensorSpec([1, 16, 16, 3], tf.float32)])
    def odd(x):
        pooled = tf.reduce_mean(x, axis=[1, 2])  # [1, 3]
        return {"first": tf.tile(pooled, [1, 4]), "second": tf.reduce_max(x, axis=[1, 2, 3])}

    model = tmp_path / "odd.tflite"
    model.write_bytes(tf.lite.TFLiteConverter.from_concrete_functions([odd.get_concrete_function()], odd).convert())
    result = run_cli("new", model, "--out", tmp_path / "app", "--mean", "0", "--std", "1")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert "fit neither a classifier" in line and "found 2 output(s)" in line
    assert "[1, 12]" in line and "[1]" in line
    assert not (tmp_path / "app").exists()


# --- the reference itself ------------------------------------------------------------------


def _raw_head(**overrides) -> DetectorHead:
    boxes = TensorInfo("boxes", 0, (1, 3, 4), "float32")
    scores = TensorInfo("scores", 1, (1, 3, 2), "float32")
    values = dict(kind="raw", outputs=(boxes, scores), roles={"boxes": 0, "scores": 1}, role_evidence="test",
                  num_classes=2, options=DetectionOptions())
    values.update(overrides)
    return DetectorHead(**values)


def test_nms_is_class_aware_and_ordered():
    boxes = np.array([[[0.1, 0.1, 0.5, 0.5], [0.12, 0.12, 0.52, 0.52], [0.6, 0.6, 0.9, 0.9]]], dtype=np.float32)
    # Box 1 overlaps box 0 heavily: suppressed for class 0 (box 0 scores higher) but kept for class 1.
    scores = np.array([[[0.9, 0.1], [0.8, 0.7], [0.6, 0.0]]], dtype=np.float32)
    options = DetectionOptions(score_threshold=0.5, max_results=10, iou_threshold=0.5)
    found = detect([boxes, scores], _raw_head(), ("a", "b"), options)
    assert [(d.index, round(d.score, 2)) for d in found] == [(0, 0.9), (1, 0.7), (0, 0.6)]
    assert iou(found[0].box, tuple(boxes[0, 1].astype(float))) > 0.5


def test_class_agnostic_nms_keeps_one_class_per_box_and_suppresses_across_classes():
    boxes = np.array([[[0.1, 0.1, 0.5, 0.5], [0.12, 0.12, 0.52, 0.52], [0.6, 0.6, 0.9, 0.9]]], dtype=np.float32)
    scores = np.array([[[0.9, 0.1], [0.3, 0.8], [0.6, 0.55]]], dtype=np.float32)
    agnostic = DetectionOptions(score_threshold=0.5, iou_threshold=0.5, nms="class-agnostic")
    # Box 1 is a "b" (its best class) and overlaps the better "a" box 0: suppressed. Box 2 keeps
    # only its best class, "a"; its "b" score (0.55) is not a candidate.
    found = detect([boxes, scores], _raw_head(), ("a", "b"), agnostic)
    assert [(d.index, round(d.score, 2)) for d in found] == [(0, 0.9), (0, 0.6)]
    per_class = detect([boxes, scores], _raw_head(), ("a", "b"), DetectionOptions(score_threshold=0.5, nms="per-class"))
    assert [(d.index, round(d.score, 2)) for d in per_class] == [(0, 0.9), (1, 0.8), (0, 0.6), (1, 0.55)]


def test_the_allowlist_filters_what_nms_kept():
    """As with the op: a kept box of a label not shown still suppresses the boxes it overlaps."""
    boxes = np.array([[[0.1, 0.1, 0.5, 0.5], [0.12, 0.12, 0.52, 0.52]]], dtype=np.float32)
    scores = np.array([[[0.9, 0.1], [0.1, 0.8]]], dtype=np.float32)
    head = _raw_head(outputs=(TensorInfo("boxes", 0, (1, 2, 4), "float32"), TensorInfo("scores", 1, (1, 2, 2), "float32")))
    only_b = DetectionOptions(score_threshold=0.5, label_allowlist=("b",), nms="class-agnostic")
    assert detect([boxes, scores], head, ("a", "b"), only_b) == []
    assert [d.label for d in detect([boxes, scores], head, ("a", "b"), replace(only_b, nms="per-class"))] == ["b"]


def test_thresholds_allowlist_and_limits():
    boxes = np.array([[[0.1, 0.1, 0.2, 0.2], [0.3, 0.3, 0.4, 0.4], [0.6, 0.6, 0.9, 0.9]]], dtype=np.float32)
    scores = np.array([[[0.9, 0.5], [0.49, 0.6], [0.7, 0.8]]], dtype=np.float32)
    head = _raw_head()
    at_threshold = detect([boxes, scores], head, ("a", "b"), DetectionOptions(score_threshold=0.5))
    assert (1, 0.5) in [(d.index, round(d.score, 2)) for d in at_threshold]  # equal to the threshold: kept
    assert all(d.score >= 0.5 for d in at_threshold)
    only_b = detect([boxes, scores], head, ("a", "b"), DetectionOptions(score_threshold=0.5, label_allowlist=("b",)))
    assert {d.label for d in only_b} == {"b"}
    top_two = detect([boxes, scores], head, ("a", "b"), DetectionOptions(score_threshold=0.0, max_results=2))
    assert [round(d.score, 2) for d in top_two] == [0.9, 0.8]


def test_box_decoding_formats_and_anchors():
    values = np.array([[0.2, 0.4, 0.6, 0.8]])
    assert decode_boxes(values, _raw_head(box_format="yxyx")).tolist() == [[0.2, 0.4, 0.6, 0.8]]
    assert decode_boxes(values, _raw_head(box_format="xyxy")).tolist() == [[0.4, 0.2, 0.8, 0.6]]
    np.testing.assert_allclose(decode_boxes(values, _raw_head(box_format="cxcywh")), [[0.4 - 0.4, 0.2 - 0.3, 0.4 + 0.4, 0.2 + 0.3]])
    anchors = np.array([[0.5, 0.5, 0.2, 0.4]], dtype=np.float32)
    zero = decode_boxes(np.zeros((1, 4)), _raw_head(anchors=anchors))
    np.testing.assert_allclose(zero, [[0.4, 0.3, 0.6, 0.7]], atol=1e-7)  # zero encoding = the anchor itself


def test_box_mapping_inverts_each_fitting():
    full = (0.0, 0.0, 1.0, 1.0)
    assert to_image(full, 640, 480, 300, 300, "stretch") == (0.0, 0.0, 640.0, 480.0)
    # Centre crop of a 640x480 image to a square input keeps the middle 480x480.
    assert to_image(full, 640, 480, 300, 300, "center-crop") == (80.0, 0.0, 560.0, 480.0)
    # Letterbox: the image occupies the middle of the input; that area maps back to the whole image.
    x, y, w, h = letterbox_rect(640, 480, 300, 300)
    content = (y / 300, x / 300, (y + h) / 300, (x + w) / 300)
    np.testing.assert_allclose(to_image(content, 640, 480, 300, 300, "letterbox"), (0.0, 0.0, 640.0, 480.0))
    # The padding maps outside the image and is clamped to it.
    assert to_image(full, 640, 480, 300, 300, "letterbox") == (0.0, 0.0, 640.0, 480.0)
    # A 480x640 upright image on a 1080x2160 screen: FILL scales by 3.375, FIT by 2.25.
    assert to_view((0.0, 0.0, 480.0, 640.0), 480, 640, 1080, 2160, fill=True) == (-270.0, 0.0, 1350.0, 2160.0)
    assert to_view((0.0, 0.0, 480.0, 640.0), 480, 640, 1080, 2160, fill=False) == (0.0, 360.0, 1080.0, 1800.0)


def test_postprocess_op_outputs_are_filtered_not_resorted():
    head = DetectorHead(
        kind="postprocess",
        outputs=tuple(TensorInfo(n, i, (), "float32") for i, n in enumerate("abcd")),
        roles={"boxes": 2, "classes": 0, "scores": 3, "count": 1},
        role_evidence="test", num_classes=3, options=DetectionOptions(),
    )
    classes = np.array([[2.0, 0.0, 1.0, 5.0]], dtype=np.float32)  # 5: not a class, dropped
    count = np.array([3.0], dtype=np.float32)  # the 4th row is beyond count anyway
    boxes = np.arange(16, dtype=np.float32).reshape(1, 4, 4) / 16
    scores = np.array([[0.9, 0.4, 0.7, 0.95]], dtype=np.float32)
    found = detect([classes, count, boxes, scores], head, ("cat", "dog", "bird"), DetectionOptions(score_threshold=0.5))
    assert [(d.label, round(d.score, 2)) for d in found] == [("bird", 0.9), ("dog", 0.7)]
    assert found[0] == Detection(2, "bird", found[0].score, tuple(float(v) for v in boxes[0, 0]))


# --- verify catches detection mistakes -------------------------------------------------------


@pytest.fixture(scope="module")
def raw_project(detectors, tmp_path_factory):
    out = tmp_path_factory.mktemp("det-mistakes") / "raw"
    # Many results, so cells where two classes both score high (same box, different classes) are in:
    # the two NMS modes (class-agnostic configured, anchors being SSD-style; per-class golden) differ there.
    result = run_cli(*new_args(detectors.raw_anchors, out, "--anchors", detectors.anchors, "--resize", "letterbox",
                               "--score-threshold", "0.3", "--max-results", "60", labels=detectors.labels4))
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def ssd_project(detectors, tmp_path_factory):
    out = tmp_path_factory.mktemp("det-mistakes") / "ssd"
    assert run_cli(*new_args(detectors.ssd, out, "--score-threshold", "0.3", labels=detectors.labels3)).exit_code == 0
    return out


def test_unmodified_detection_projects_pass(raw_project, ssd_project):
    for project in (raw_project, ssd_project):
        assert run_cli("verify", project).exit_code == 0


def test_nms_that_ignores_its_mode_is_caught(raw_project, edit):
    # Always per class: the class-agnostic variant (configured or the other mode) catches it.
    edit(raw_project / ML / "DetectionPostprocessor.java",
         "if ((agnostic || detection.index() == candidate.index)",
         "if ((detection.index() == candidate.index)")
    assert_verify_fails(raw_project, "detectionsReproduceReference")


def test_tf1_output_order_assumption_is_caught(ssd_project, edit):
    # Hard-coding TF1's order (boxes, classes, scores, count) on this TF2-ordered model.
    config = ssd_project / ML / "ModelConfig.java"
    text = config.read_text()
    for role, index in (("BOXES", 0), ("CLASSES", 1), ("SCORES", 2), ("COUNT", 3)):
        text = re.sub(rf"{role}_OUTPUT = \d+;", f"{role}_OUTPUT = {index};", text)
    edit(config, config.read_text(), text)
    result = run_cli("verify", ssd_project)
    assert result.exit_code == 1


def test_ignoring_letterbox_padding_in_box_mapping_is_caught(raw_project, edit):
    edit(raw_project / ML / "ImageGeometry.java",
         "left = (box.left() * tensorWidth - content[0]) * scaleX;",
         "left = box.left() * tensorWidth * scaleX;")
    assert_verify_fails(raw_project, "detectionsReproduceReference")


def test_fit_instead_of_fill_is_caught(raw_project, edit):
    edit(raw_project / ML / "ImageGeometry.java",
         "double scale = fill ? Math.max(scaleX, scaleY) : Math.min(scaleX, scaleY);",
         "double scale = Math.min(scaleX, scaleY);")
    assert_verify_fails(raw_project, "detectionsReproduceReference")


def test_ignored_allowlist_is_caught(ssd_project, edit):
    edit(ssd_project / ML / "DetectionOptions.java",
         "return labelAllowlist.isEmpty() || labelAllowlist.contains(label);",
         "return true;")
    assert_verify_fails(ssd_project, "detectionsReproduceReference[synthetic-r0 filtered]")


def test_strict_threshold_comparison_is_caught(ssd_project, edit):
    # With scores read straight from the model, the "filtered" variant's threshold is a score that
    # occurs in the data: dropping scores equal to the threshold changes the result.
    edit(ssd_project / ML / "DetectionOptions.java", "return score >= scoreThreshold", "return score > scoreThreshold")
    assert_verify_fails(ssd_project, "filtered]")


def test_drifted_configured_threshold_is_caught(raw_project, edit):
    edit(raw_project / ML / "ModelConfig.java", "SCORE_THRESHOLD = 0.3;", "SCORE_THRESHOLD = 0.35;")
    assert_verify_fails(raw_project, "configuredOptionsMatchReference")
