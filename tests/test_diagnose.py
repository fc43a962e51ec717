"""inspect, bench and doctor on models built at test time (float, int8 with uint8 I/O, an SSD with
TFLite_Detection_PostProcess, a raw-output detector): facts checked against independent reads
with ai-edge-litert, percentiles against the recorded samples, JSON against the documented
schemas in docs/schemas, and bench --compare against convert --report on the same images."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from ai_edge_litert.interpreter import Interpreter, OpResolverType

from conftest import LABELS, run_cli, write_images

SCHEMAS = Path(__file__).resolve().parents[1] / "docs" / "schemas"


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text())


def _json(*args) -> dict:
    result = run_cli(*args, "--json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("which", ["float", "uint8", "ssd", "raw"])
def test_inspect_reports_what_litert_reads(models, detectors, which):
    path = {"float": models.tflite_softmax, "uint8": models.tflite_uint8, "ssd": detectors.ssd,
            "raw": detectors.raw_decoded}[which]
    report = _json("inspect", path)
    jsonschema.validate(report, _schema("inspect"))

    # Independent reads: LiteRT's own tensor details and op list.
    # Without XNNPACK, whose DELEGATE node would join the op list.
    interpreter = Interpreter(model_path=str(path),
                              experimental_op_resolver_type=OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES)
    interpreter.allocate_tensors()  # a postprocess op fixes its output shapes here
    for ours, theirs in ((report["inputs"], interpreter.get_input_details()),
                         (report["outputs"], interpreter.get_output_details())):
        assert [t["name"] for t in ours] == [d["name"] for d in theirs]
        assert [t["dtype"] for t in ours] == [d["dtype"].__name__ for d in theirs]
        assert [t["shape_signature"] for t in ours] == [list(d["shape_signature"]) for d in theirs]
        assert [(pytest.approx(t["scale"]), t["zero_point"]) for t in ours] == [d["quantization"] for d in theirs]
    assert {o["name"]: o["count"] for o in report["ops"]} == Counter(op["op_name"] for op in interpreter._get_ops_details())

    warnings = " ".join(report["warnings"])
    if which == "float":
        assert report["task"]["task"] == "classify" and report["pixels"]["convention"] is None
        assert "float input without normalization metadata" in warnings and report["gpu"]["whole_model"]
    if which == "uint8":
        assert report["pixels"]["convention"] == "raw" and report["gpu"]["integer_quantized"]
        assert "integer-quantized" in warnings
    if which == "ssd":
        assert report["task"] == {"task": "detect", "reason": report["task"]["reason"]}
        assert "TFLite_Detection_PostProcess" in report["task"]["reason"]
        assert report["gpu"]["cpu_ops"] == ["TFLite_Detection_PostProcess"] and "GPU: the GPU delegate cannot run" in warnings
    if which == "raw":
        assert report["task"]["task"] == "detect" and "boxes and class scores" in report["task"]["reason"]


def test_inspect_reads_the_metadata_new_wrote(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli("new", models.tflite_softmax, "--out", out, "--labels", models.labels,
                   "--mean", "127.5", "--std", "127.5", "--model-version", "7").exit_code == 0
    report = _json("inspect", out / "app/src/main/assets/model.tflite")
    jsonschema.validate(report, _schema("inspect"))
    meta = report["metadata"]
    assert meta["normalization"] == {"mean": [127.5] * 3, "std": [127.5] * 3} and meta["version"] == "7"
    assert meta["labels_count"] == len(LABELS) and meta["labels_first"] == list(LABELS[:5])
    assert report["pixels"]["convention"] == "normalized" and report["warnings"] == []


def test_inspect_warns_about_a_label_count_mismatch(models, tmp_path):
    """Metadata written by tflite-support itself (as third-party exports are) with two labels too many."""
    from scaffold.metadata._support import support_modules

    labels = tmp_path / "labels.txt"
    labels.write_text("".join(f"{label}\n" for label in [*LABELS, "extra1", "extra2"]))
    writer = support_modules().image_classifier.MetadataWriter.create_for_inference(
        models.tflite_softmax.read_bytes(), [127.5], [127.5], [str(labels)])
    model = tmp_path / "third_party.tflite"
    model.write_bytes(writer.populate())
    report = _json("inspect", model)
    jsonschema.validate(report, _schema("inspect"))
    assert report["metadata"]["labels_count"] == len(LABELS) + 2
    assert f"the metadata has {len(LABELS) + 2} labels for {len(LABELS)} output classes" in report["warnings"]


@pytest.mark.parametrize("which", ["float", "uint8", "ssd", "raw"])
def test_bench_percentiles_are_those_of_the_samples(models, detectors, which):
    path = {"float": models.tflite_softmax, "uint8": models.tflite_uint8, "ssd": detectors.ssd,
            "raw": detectors.raw_decoded}[which]
    norm = () if which == "uint8" else ("--mean", "127.5", "--std", "127.5")
    report = _json("bench", path, *norm, "--threads", "1,2", "--runs", "25", "--warmup", "2")
    jsonschema.validate(report, _schema("bench"))
    assert [row["threads"] for row in report["latency"]] == [1, 2]
    for row in report["latency"]:
        samples = np.array(row["samples_ms"])
        assert len(samples) == row["runs"] == 25 and row["warmup"] == 2
        assert row["mean_ms"] == pytest.approx(samples.mean())
        assert [row["p50_ms"], row["p95_ms"], row["p99_ms"]] == pytest.approx(list(np.percentile(samples, [50, 95, 99])))
        assert row["min_ms"] == pytest.approx(samples.min()) and row["min_ms"] <= row["p50_ms"] <= row["p99_ms"]
    pixels, dtype = ("raw", "uint8") if which == "uint8" else ("normalized", "float32")
    assert report["input"] == {"source": "synthetic test card", "pixels": pixels, "dtype": dtype}
    assert report["compare"] is None


def test_bench_compare_agrees_with_the_conversion_report(weighty_model, calibration_images, models, tmp_path):
    evaluation = write_images(tmp_path / "eval", 16)
    float_model, int8_model, report_path = tmp_path / "float.tflite", tmp_path / "int8.tflite", tmp_path / "report.json"
    common = ["--mean", "127.5", "--std", "127.5", "--labels", models.labels]
    assert run_cli("convert", weighty_model, "--out", float_model, *common).exit_code == 0
    result = run_cli("convert", weighty_model, "--out", int8_model, *common, "--quantize", "int8", "--io-type", "uint8",
                     "--calibration-images", calibration_images, "--eval-images", evaluation, "--report", report_path)
    assert result.exit_code == 0, result.stdout + result.stderr
    converted = json.loads(report_path.read_text())

    bench = _json("bench", float_model, "--compare", int8_model, "--images", evaluation, "--runs", "3", "--threads", "1")
    jsonschema.validate(bench, _schema("bench"))
    compared = bench["compare"]
    assert compared["images"] == converted["eval_images"] == 16
    assert compared["top1_agreement"] == converted["top1_agreement"]
    assert compared["mean_abs_diff"] == pytest.approx(converted["mean_abs_diff"], rel=1e-3, abs=1e-6)
    assert compared["max_abs_diff"] == pytest.approx(converted["max_abs_diff"], rel=1e-3, abs=1e-6)
    assert compared["size_bytes"] == int8_model.stat().st_size


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("--threads", "0"), "--threads takes comma-separated counts"),
        (("--compare", "{other}"), "--compare needs --images DIR"),
        (("--runs", "0"), "--runs must be from 1"),
    ],
)
def test_bench_refuses_bad_options_in_one_line(models, args, phrase):
    args = [a.format(other=models.tflite_uint8) for a in args]
    result = run_cli("bench", models.tflite_uint8, *args)
    assert result.exit_code == 1 and phrase in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_inspect_points_other_sources_to_convert(models):
    result = run_cli("inspect", models.keras)
    assert result.exit_code == 1 and "convert it first" in result.stderr


def test_doctor_checks_and_says_how_to_fix(monkeypatch):
    report = _json("doctor")
    jsonschema.validate(report, _schema("doctor"))
    names = {c["name"]: c for c in report["checks"]}
    assert {"python", "ai-edge-litert", "tensorflow-cpu", "metadata writers", "libusb-1.0", "JDK", "JUnit 4",
            "kotlinc", "Android SDK", "disk space"} == set(names)
    assert report["ok"] and names["JUnit 4"]["status"] == "ok"

    monkeypatch.setenv("JUNIT_CLASSPATH", "/nonexistent/junit4.jar")
    result = run_cli("doctor")
    assert result.exit_code == 1
    assert "✗ JUnit 4" in result.stdout and "fix: apt-get install junit4" in result.stdout
