"""--accelerator: which backend the app starts on and why, from the GPU delegate's view of the
model (read from the real converted test models), and switching it with update."""

from __future__ import annotations

import json

from conftest import new_args, run_cli

from scaffold.model.gpu import gpu_fit
from scaffold.model.tflite import inspect_model

UI = "app/src/main/java/com/example/tfliteclassifier"


def _facts(path):
    return inspect_model(path.read_bytes())


def test_the_gpu_view_of_real_models(models, detectors):
    float_model = _facts(models.tflite_softmax)
    fit = gpu_fit(float_model.ops, float_model.inputs[0].dtype)
    assert fit.whole and not fit.integer

    ssd = _facts(detectors.ssd)
    fit = gpu_fit(ssd.ops, ssd.inputs[0].dtype)
    assert fit.cpu_ops == ("TFLite_Detection_PostProcess",) and not fit.integer
    assert "cannot run TFLite_Detection_PostProcess" in fit.describe()

    for quantized in (models.tflite_uint8, models.tflite_int8):
        facts = _facts(quantized)
        assert gpu_fit(facts.ops, facts.inputs[0].dtype).integer


def test_auto_starts_on_the_gpu_only_for_float_models_it_takes_whole(models, tmp_path):
    seen = {}
    for name, path in (("float", models.tflite_softmax), ("uint8", models.tflite_uint8)):
        out = tmp_path / name
        result = run_cli(*new_args(path, out, labels=models.labels), "--accelerator", "auto")
        assert result.exit_code == 0, result.stderr
        seen[name] = (out / UI / "ml/ModelConfig.java").read_text(), " ".join(result.stdout.split())
    config, output = seen["float"]
    assert "Acceleration.Backend.GPU" in config and "starts on the GPU, since its delegate can run every op" in output
    config, output = seen["uint8"]
    assert "Acceleration.Backend.CPU" in config and "integer-quantized" in output
    assert "GPU_LIMITS" in config  # the GPU is still offered


def test_update_set_accelerator_cpu_drops_the_gpu_and_keeps_edits(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite_softmax, out, labels=models.labels)).exit_code == 0
    catalog = out / "gradle/libs.versions.toml"
    assert "litert-gpu" in catalog.read_text()
    activity = out / UI / "MainActivity.kt"
    activity.write_text(activity.read_text() + "// mine\n")

    result = run_cli("update", out, "--set", "accelerator=cpu", "--json")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert json.loads((out / ".tflite-scaffold.json").read_text())["request"]["accelerator"] == "cpu"
    assert "litert-gpu" not in catalog.read_text()
    assert "GpuDelegate" not in (out / UI / "ModelRunner.kt").read_text()
    assert "backend_group" not in (out / "app/src/main/res/layout/activity_main.xml").read_text()
    assert activity.read_text().endswith("// mine\n") and "backendGroup" not in activity.read_text()
