"""--strip-postprocess: an SSD shipped without its TFLite_Detection_PostProcess op reports what
the op reported, and both forms read label files the same way.

The test-time SSD (tests/detectors.py) feeds the real op; `new` generates one app from it as it
is and one from its raw form (cut before the op, anchors and settings taken from it). Both apps'
golden detections come from the real models run in LiteRT, so comparing them compares the op
with the app's own decoding and class-agnostic NMS.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import flatbuffers
import numpy as np
import pytest
from ai_edge_litert import schema_py_generated as schema

from conftest import run_cli
from test_detection import GOLDEN, assert_verify_passes

from scaffold.convert.strip import strip_postprocess
from scaffold.model.resolve import Choices, DetectionChoices, resolve
from scaffold.model.runtime import load_interpreter, run_model
from scaffold.metadata.reader import read_embedded_metadata
from scaffold.model.spec import DetectorHead, Normalization, TensorInfo
from scaffold.model.tflite import DETECTION_POSTPROCESS_OP, inspect_model
from scaffold.reference.detection import decode_boxes, detect, iou

# Low enough that boxes of different classes overlap past it now and then.
IOU = 0.35
MAX_DETECTIONS = 100
SCORE_THRESHOLD = "0.3"
ASSETS = "app/src/main/assets"


@pytest.fixture(scope="module")
def ssd(tmp_path_factory) -> Path:
    """The test SSD with room for every detection (so the op's cap never decides) and a low IoU."""
    import detectors

    path = tmp_path_factory.mktemp("strip") / "ssd.tflite"
    path.write_bytes(detectors.ssd_postprocess(max_detections=MAX_DETECTIONS, iou_threshold=IOU))
    return path


def _both_forms(model: Path, labels: Path, root: Path, *options: object) -> tuple[Path, Path]:
    """An app from the model as it is and one from its raw form, with the same options."""
    made = []
    for name, extra in (("op", ()), ("raw", ("--strip-postprocess",))):
        out = root / name
        result = run_cli("new", model, "--out", out, "--labels", labels, "--mean", "127.5", "--std", "127.5",
                         "--language", "java", *options, *extra)
        assert result.exit_code == 0, result.stdout + result.stderr
        made.append(out)
    return made[0], made[1]


@pytest.fixture(scope="module")
def apps(ssd, detectors, tmp_path_factory) -> tuple[Path, Path]:
    return _both_forms(ssd, detectors.labels3, tmp_path_factory.mktemp("strip-apps"),
                       "--score-threshold", SCORE_THRESHOLD, "--max-results", MAX_DETECTIONS)


# Other exports and options the raw form must answer the same for: the op's cap reached before an
# allowlist, its regular (per-class) NMS with a per-class cap, scores without a background column
# (EfficientDet-style), and float16 weights (anchors behind a DEQUANTIZE).
VARIANTS = {
    "capped, with an allowlist": ({}, ("--label-allowlist", "bird", "--score-threshold", "0.2")),
    "regular NMS, 3 per class": (dict(regular_nms=True, detections_per_class=3, max_detections=20), ("--score-threshold", "0.2", "--max-results", "20")),
    "no background column": (dict(background=False), ("--score-threshold", "0.3")),
    "float16": (dict(float16=True), ("--score-threshold", "0.3")),
}


@pytest.fixture(scope="module", params=list(VARIANTS))
def variant_apps(request, detectors, tmp_path_factory) -> tuple[Path, Path]:
    import detectors as build

    settings, options = VARIANTS[request.param]
    root = tmp_path_factory.mktemp("strip-variant")
    model = root / "ssd.tflite"
    model.write_bytes(build.ssd_postprocess(**settings))
    return _both_forms(model, detectors.labels3, root, *options)


def _rows(project: Path, case: str, variant: str) -> list[tuple[int, str, float, np.ndarray]]:
    text = (project / GOLDEN / f"{case}.{variant}.detections.tsv").read_text()
    rows = [line.split("\t") for line in text.splitlines()]
    return [(int(r[0]), r[1], float(r[2]), np.array([float(v) for v in r[3:7]])) for r in rows]


def _cases(project: Path) -> list[str]:
    properties = (project / GOLDEN / "golden.properties").read_text()
    return next(line.split("=", 1)[1] for line in properties.splitlines() if line.startswith("cases=")).split(",")


def test_the_shipped_model_has_no_op_and_the_apps_say_so(apps):
    op_app, raw_app = apps
    stripped = inspect_model((raw_app / ASSETS / "model.tflite").read_bytes())
    assert DETECTION_POSTPROCESS_OP not in stripped.ops
    assert [t.shape for t in stripped.outputs] == [(1, 64, 4), (1, 64, 4)]
    assert (raw_app / ASSETS / "anchors.bin").is_file()

    options = json.loads((raw_app / ".tflite-scaffold.json").read_text())["options"]
    assert options["detector"] == "raw" and options["strip_postprocess"] and options["nms"] == "class-agnostic"
    assert options["iou_threshold"] == pytest.approx(IOU) and options["box_scales"] == [10.0, 10.0, 5.0, 5.0]
    assert options["score_activation"] == "none"  # the op used its class predictions as they are
    config = (raw_app / "app/src/main/java/com/example/tfliteclassifier/ml/ModelConfig.java").read_text()
    assert "NMS = DetectionOptions.Nms.CLASS_AGNOSTIC;" in config and "BACKGROUND_COLUMN = true;" in config
    assert "cut before its `TFLite_Detection_PostProcess` op" in (raw_app / "README.md").read_text()
    op_config = (op_app / "app/src/main/java/com/example/tfliteclassifier/ml/ModelConfig.java").read_text()
    assert "IOU_THRESHOLD" not in op_config and "Nms" not in op_config  # no options the op ignores


def test_the_raw_form_reports_what_the_op_reported(apps):
    assert _compare_configured(*apps) >= 50, "too few detections: the comparison says little"


def test_the_raw_form_reports_what_the_op_reported_for_other_exports_and_options(variant_apps, request):
    # The op's regular NMS merges classes with an unstable sort: equal scores may come in any order.
    ties_in_any_order = "regular" in request.node.callspec.id
    assert _compare_configured(*variant_apps, ties_in_any_order) >= 12, "too few detections: the comparison says little"
    # The app's Java (its caps, its float IoU) reproduces the reference for this form too.
    assert_verify_passes(variant_apps[1], raw=True)


def _compare_configured(op_app: Path, raw_app: Path, ties_in_any_order: bool = False) -> int:
    compared = 0
    for case in _cases(op_app):
        theirs, ours = _rows(op_app, case, "configured"), _rows(raw_app, case, "configured")
        if ties_in_any_order:
            theirs, ours = (sorted(rows, key=lambda r: (-r[2], r[0], tuple(r[3]))) for rows in (theirs, ours))
        assert len(ours) == len(theirs), case
        for (index, label, score, box), (our_index, our_label, our_score, our_box) in zip(theirs, ours):
            assert (our_index, our_label) == (index, label), case
            assert our_score == pytest.approx(score, abs=1e-6)
            np.testing.assert_allclose(our_box, box, atol=1e-6, err_msg=case)
            compared += 1
    return compared


def test_per_class_nms_adds_exactly_the_cross_class_survivors(apps):
    """In per-class mode, the extra detections are those that class-agnostic NMS (the op's)
    dropped only because of another class: a second class on a box, or a box whose best class
    was suppressed by a kept box of a different class."""
    _, raw_app = apps
    anchors = np.fromfile(raw_app / ASSETS / "anchors.bin", dtype="<f4").reshape(-1, 4)
    head = DetectorHead("raw", (TensorInfo("b", 0, (1, 64, 4), "float32"),), {"boxes": 0}, "", 3, None, anchors=anchors)
    seen: dict[str, int] = {}
    for case in _cases(raw_app):
        encodings = np.fromfile(raw_app / GOLDEN / f"{case}.output0.bin", dtype="<f4").reshape(-1, 4)
        scores = np.fromfile(raw_app / GOLDEN / f"{case}.output1.bin", dtype="<f4").reshape(-1, 4)[:, 1:]
        boxes = decode_boxes(encodings.astype(np.float64), head)
        agnostic, per_class = _rows(raw_app, case, "configured"), _rows(raw_app, case, "nms-per-class")

        def box_of(row) -> int:
            return int(np.argmin(np.abs(boxes - row[3]).max(axis=1)))

        def key(row):
            return box_of(row), row[0]

        kept = {key(row) for row in agnostic}
        assert kept <= {key(row) for row in per_class}, case
        extras = {key(row) for row in per_class} - kept

        def cross_class(row) -> str | None:
            i, c = key(row)
            if c != int(np.argmax(scores[i])):
                return "second class"  # class-agnostic keeps one class per box
            suppressors = [
                other for other in agnostic if other[0] != c and other[2] > row[2] and iou(tuple(other[3]), tuple(boxes[i])) > IOU
            ]
            return "suppressed by another class" if suppressors else None

        survivors = {key(row): why for row in per_class if (why := cross_class(row))}
        assert extras == set(survivors), case
        for why in survivors.values():
            seen[why] = seen.get(why, 0) + 1
    assert seen.get("second class", 0) >= 5 and seen.get("suppressed by another class", 0) >= 5, seen


def test_both_apps_verify(apps):
    op_app, raw_app = apps
    assert_verify_passes(op_app, raw=False)
    assert_verify_passes(raw_app, raw=True)


LABEL_FILES = {
    "one per class": "cat\ndog\nbird\n",
    "background row": "???\ncat\ndog\nbird\n",
    "1-based ids": "1 cat\n2 dog\n3 bird\n",
    "0-based ids": "0 cat\n1 dog\n2 bird\n",
    "1-based ids with a gap": "1 cat\n3 bird\n",
    "1-based ids after a background id": "0 background\n1 cat\n2 dog\n3 bird\n",
}


@pytest.fixture(scope="module")
def ssd_without_background() -> bytes:
    import detectors

    return detectors.ssd_postprocess(background=False)


@pytest.mark.parametrize("background", [True, False], ids=["background column", "no background column"])
@pytest.mark.parametrize("name", list(LABEL_FILES))
def test_label_files_mean_the_same_on_both_paths(ssd, ssd_without_background, name, background):
    model = ssd.read_bytes() if background else ssd_without_background
    stripped = strip_postprocess(model)
    choices = Choices(labels=tuple(LABEL_FILES[name].splitlines()), labels_source=name, normalization=Normalization((127.5,), (127.5,)))
    found = [
        resolve(facts, data, given, "ssd", None).spec.labels
        for facts, data, given in (
            (inspect_model(model), model, choices),
            (inspect_model(stripped.model_bytes), stripped.model_bytes, replace(choices, anchors=stripped.anchors, stripped_op=stripped.op)),
        )
    ]
    expected = ("cat", "???", "bird") if "gap" in name else ("cat", "dog", "bird")
    assert found == [expected, expected]


def test_embedded_labels_and_normalization_carry_over(apps, tmp_path):
    """The op model `new` shipped carries metadata; stripping it keeps its labels and mean/std
    (the metadata is rewritten for the two new outputs)."""
    op_app, _ = apps
    out = tmp_path / "app"
    result = run_cli("new", op_app / ASSETS / "model.tflite", "--out", out, "--strip-postprocess")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (out / ASSETS / "labels.txt").read_text() == "cat\ndog\nbird\n"
    assert "normalization read from the model's metadata" in result.stdout
    metadata = read_embedded_metadata((out / ASSETS / "model.tflite").read_bytes())
    assert metadata.labels == ("???", "cat", "dog", "bird") and len(metadata.output_names) == 2


def test_quantized_anchors_are_dequantized(ssd):
    """Quantized SSD exports store the anchors as uint8: they come out as the op reads them."""
    model = schema.ModelT.InitFromPackedBuf(bytearray(ssd.read_bytes()), 0)
    graph = model.subgraphs[0]
    op = next(o for o in graph.operators if model.operatorCodes[o.opcodeIndex].customCode == DETECTION_POSTPROCESS_OP.encode())
    tensor = graph.tensors[op.inputs[2]]
    anchors = np.frombuffer(np.asarray(model.buffers[tensor.buffer].data, dtype=np.uint8).tobytes(), dtype="<f4")
    scale, zero_point = 1 / 255, 3
    quantized = np.clip(np.round(anchors / scale) + zero_point, 0, 255).astype(np.uint8)
    model.buffers[tensor.buffer].data = quantized
    tensor.type = schema.TensorType.UINT8
    tensor.quantization = schema.QuantizationParametersT()
    tensor.quantization.scale, tensor.quantization.zeroPoint = [scale], [zero_point]
    builder = flatbuffers.Builder(1024)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")

    stripped = strip_postprocess(bytes(builder.Output()))
    expected = (quantized.astype(np.float32) - np.float32(zero_point)) * np.float32(scale)
    np.testing.assert_array_equal(stripped.anchors.ravel(), expected)


def test_constant_data_stays_16_byte_aligned(ssd):
    stripped = strip_postprocess(ssd.read_bytes()).model_bytes
    model = schema.Model.GetRootAs(stripped, 0)
    checked = 0
    for i in range(model.BuffersLength()):
        buffer = model.Buffers(i)
        if buffer.DataLength():
            start = buffer._tab.Vector(buffer._tab.Offset(4))
            assert start % 16 == 0, f"buffer {i} starts at {start}"
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize(
    ("model", "extra", "phrase"),
    [
        ("raw_decoded", ("--strip-postprocess",), "has no TFLite_Detection_PostProcess op to remove"),
        ("ssd", ("--strip-postprocess", "--anchors", "ANCHORS"), "takes the anchors and box scales from the model's op"),
        ("ssd", ("--nms", "per-class"), "pass --strip-postprocess to do that in the app instead"),
        ("ssd", ("--iou-threshold", "0.4"), "decodes and suppresses itself (class-agnostic NMS, IoU > 0.6"),
        ("ssd", ("--box-scales", "1,1,1,1"), "--box-scales: this model's TFLite_Detection_PostProcess op decodes"),
        ("ssd", ("--score-activation", "sigmoid"), "--score-activation: this model's"),
    ],
)
def test_strip_and_nms_mistakes_fail_cleanly(detectors, tmp_path, model, extra, phrase):
    extra = tuple(str(detectors.anchors) if e == "ANCHORS" else e for e in extra)
    out = tmp_path / "app"
    result = run_cli("new", getattr(detectors, model), "--out", out, "--labels", detectors.labels3,
                     "--mean", "127.5", "--std", "127.5", *extra)
    assert result.exit_code == 1
    assert phrase in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_overlaps_on_the_threshold_are_decided_as_the_op_decides():
    """Pairs of boxes whose IoU is within rounding of the threshold: suppressed or not exactly as
    the real op decides, because decoding and IoU follow its float precision."""
    import detectors

    rng = np.random.default_rng(7)
    pairs, threshold = 40, 0.5
    anchors = []
    for k in range(pairs):  # one pair per row of the image, rows apart, so pairs never interact
        y, height, width = (k + 0.5) / pairs, 0.5 / pairs, rng.uniform(0.1, 0.3)
        shift = width * (1 - threshold) / (1 + threshold)  # IoU of the two = threshold, in exact arithmetic
        x = rng.uniform(0.2, 0.5)
        anchors += [[y, x, height, width], [y, x + shift, height, width]]
    anchors = np.array(anchors, np.float32)
    model, side = detectors.ssd_fed(anchors, num_classes=1, iou_threshold=threshold, max_detections=2 * pairs)
    stripped = strip_postprocess(model)
    scores = np.tile(np.array([[0.0, 0.9], [0.0, 0.8]], np.float32), (pairs, 1))
    image = detectors.fed_input(np.zeros((2 * pairs, 4), np.float32), scores, side)
    choices = Choices(labels=("thing",), normalization=Normalization((0.0,), (1.0,)),
                      detection=DetectionChoices(score_threshold=0.1, max_results=2 * pairs))
    found = []
    for data, given in ((model, choices), (stripped.model_bytes, replace(choices, anchors=stripped.anchors, stripped_op=stripped.op))):
        spec = resolve(inspect_model(data), data, given, "fed", "detect").spec
        outputs = run_model(load_interpreter(data), [image])
        found.append(sorted((round(d.box[1], 6), round(d.score, 6)) for d in detect(outputs, spec.head, spec.labels, spec.head.options)))
    op, ours = found
    assert pairs < len(op) < 2 * pairs, "no pair sits on the threshold: the test says nothing"
    assert ours == op
