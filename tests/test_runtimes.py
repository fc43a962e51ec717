"""--runtime interpreter|compiled-model|task-library|mediapipe and --accelerator auto|gpu|cpu: every
runtime x accelerator x language (each runtime with both tasks) renders a build that passes the
dependency facts (no TensorFlow Lite beside LiteRT, 16 KB facts for every native library, the GPU
artifact exactly when the GPU is offered), compiles (UI and the on-device golden test) against
stubs checked against the libraries' sources, and verifies; a model a runtime cannot serve is
refused with the reason."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from android_compile import compile_project
from conftest import classifier_tests, new_args, run_cli
from test_detection import detection_tests

from scaffold.render.build_facts import BuildFiles, load_facts, problems, read_build_files
from scaffold.render.project import template_root

RUNTIMES = ("interpreter", "compiled-model", "task-library", "mediapipe")
ACCELERATORS = ("auto", "gpu", "cpu")
CORE_RUNTIMES = ("interpreter", "compiled-model")
# The JVM tests of an app without the ml/ core: Orientation's and the latency statistics'.
TASK_RUNTIME_TESTS = 6
UI = "app/src/main/java/com/example/tfliteclassifier"
# What each runtime's catalog must and must not hold.
ARTIFACTS = {
    "interpreter": "com.google.ai.edge.litert:litert",
    "compiled-model": "com.google.ai.edge.litert:litert",
    "task-library": "org.tensorflow:tensorflow-lite-task-vision",
    "mediapipe": "com.google.mediapipe:tasks-vision",
}


# The GPU artifact each runtime adds when the app offers the GPU (MediaPipe's is built in).
GPU_ARTIFACTS = {
    "interpreter": ("com.google.ai.edge.litert:litert-gpu", "1.4.2"),
    "compiled-model": ("com.google.ai.edge.litert:litert-gpu", "2.3.0"),
    "task-library": ("org.tensorflow:tensorflow-lite-gpu-delegate-plugin", "0.4.4"),
}


def _generate(root: Path, task: str, runtime: str, language: str, models, detectors, *extra: str) -> tuple[Path, str]:
    out = root / f"{task}-{runtime}-{language}"
    if task == "classify":
        args = new_args(models.tflite_softmax, out, labels=models.labels)
    else:
        args = new_args(detectors.ssd, out, labels=detectors.labels3)
    result = run_cli(*args, "--runtime", runtime, "--language", language, *extra)
    assert result.exit_code == 0, result.stdout + result.stderr
    return out, result.stdout + result.stderr


@pytest.mark.parametrize("language", ["kotlin", "java"])
@pytest.mark.parametrize("accelerator", ACCELERATORS)
@pytest.mark.parametrize("runtime", RUNTIMES)
def test_every_runtime_and_accelerator_renders_builds_compiles_and_verifies(
    models, detectors, stubs, tmp_path, runtime, accelerator, language
):
    # Each runtime sees both tasks across its six combinations.
    task = "detect" if (ACCELERATORS.index(accelerator) + (language == "java")) % 2 else "classify"
    project, output = _generate(tmp_path, task, runtime, language, models, detectors, "--accelerator", accelerator)
    ext = "kt" if language == "kotlin" else "java"

    # The dependency set: this runtime's artifact, no other runtime's, and the facts all met.
    catalog = tomllib.loads((project / "gradle/libs.versions.toml").read_text())
    modules = {f"{entry['group']}:{entry['name']}" for entry in catalog["libraries"].values()}
    assert ARTIFACTS[runtime] in modules
    assert not modules & ({*ARTIFACTS.values()} - {ARTIFACTS[runtime]})
    if runtime in GPU_ARTIFACTS:
        module, version = GPU_ARTIFACTS[runtime]
        assert (module in modules) == (accelerator != "cpu")
        if accelerator != "cpu":
            assert catalog["versions"][next(e["version.ref"] if "version.ref" in e else e["version"]["ref"]
                                            for e in catalog["libraries"].values()
                                            if f"{e['group']}:{e['name']}" == module)] == version
    assert not (any(m.startswith("org.tensorflow:") for m in modules) and any(m.startswith("com.google.ai.edge.litert") for m in modules))
    assert {"androidx.test.ext:junit", "androidx.test:runner"} <= modules
    assert problems(read_build_files(project), load_facts(template_root())) == []

    # Only the runtime's own classes: the interpreter's arithmetic is not in the task runtimes' apps.
    helper = project / UI / f"{'ObjectDetectorHelper' if task == 'detect' else 'ImageClassifierHelper'}.{ext}"
    code = helper.read_text()
    marker = {"interpreter": "ModelRunner", "compiled-model": "ModelRunner", "task-library": "org.tensorflow.lite.task.vision",
              "mediapipe": "com.google.mediapipe.tasks.vision"}[runtime]
    assert marker in code
    assert (project / UI / "ml/ImagePreprocessor.java").exists() == (runtime in CORE_RUNTIMES)
    runner = project / UI / f"ModelRunner.{ext}"
    assert runner.exists() == (runtime in CORE_RUNTIMES)
    if runtime in CORE_RUNTIMES:
        api = "org.tensorflow.lite.Interpreter" if runtime == "interpreter" else "com.google.ai.edge.litert.CompiledModel"
        assert api in runner.read_text()
    # The GPU code is there exactly when the GPU is offered, and the app starts on the backend asked for.
    sources = "".join(path.read_text() for path in (project / UI).rglob(f"*.{ext}"))
    gpu_code = {"interpreter": "GpuDelegate", "compiled-model": "Accelerator.GPU", "task-library": "useGpu()",
                "mediapipe": "Delegate.GPU"}[runtime]
    assert (gpu_code in sources) == (accelerator != "cpu")
    config = (project / UI / "ml/ModelConfig.java").read_text()
    # auto: the float classifier runs whole on the GPU; the SSD's TFLite_Detection_PostProcess cannot.
    expected_backend = {"gpu": "GPU", "cpu": "CPU", "auto": "GPU" if task == "classify" else "CPU"}[accelerator]
    assert f"Acceleration.Backend.{expected_backend}" in config
    if accelerator == "auto" and task == "detect":
        assert "the GPU delegate cannot run TFLite_Detection_PostProcess" in " ".join(output.split())
    assert ("backend_group" in (project / "app/src/main/res/layout/activity_main.xml").read_text()) == (accelerator != "cpu")
    assert not list((project / UI).glob("*.task-library.*")) and not list((project / UI).glob("*.mediapipe.*"))
    assert (project / f"app/src/androidTest/java/com/example/tfliteclassifier/GoldenOnDeviceTest.{ext}").is_file()

    # The UI and the on-device golden test compile against the stubs.
    compile_project(project, stubs, tmp_path / "build")

    verify = run_cli("verify", project)
    if runtime in CORE_RUNTIMES:
        expected = classifier_tests() if task == "classify" else detection_tests(raw=False)
        expected += runtime == "compiled-model"  # its tensor descriptions are checked against the golden data
    else:
        expected = TASK_RUNTIME_TESTS
    assert verify.exit_code == 0 and f"{expected} passed, 0 failed" in verify.stdout, verify.stdout

    readme = " ".join((project / "README.md").read_text().split())
    if runtime == "task-library":
        assert "not 16 KB page-aligned" in output and "not 16 KB page-aligned" in readme
    if runtime == "mediapipe":
        assert "usage metrics to Google" in output and "Privacy" in readme
    assert json.loads((project / ".tflite-scaffold.json").read_text())["request"]["runtime"] == runtime


@pytest.mark.parametrize(
    ("model", "extra", "phrase"),
    [
        ("raw_decoded", ("--runtime", "mediapipe", "--box-format", "cxcywh"),
         "--runtime mediapipe: MediaPipe Tasks runs detectors that end in TFLite_Detection_PostProcess"),
        ("ssd", ("--runtime", "task-library", "--channel-order", "bgr"), "the TFLite Task Library feeds RGB"),
        ("ssd", ("--runtime", "task-library", "--resize", "letterbox"), "resizes the whole image to the input (stretch)"),
        ("classifier", ("--runtime", "mediapipe", "--mean", "120,125,130", "--std", "60,60,60"), "refuses per-channel normalization"),
        ("uint8", ("--runtime", "task-library", "--uint8-input", "normalize"), "fills a uint8 input with raw pixels"),
        ("int8", ("--runtime", "mediapipe"), "takes uint8 or float32 inputs"),
        ("gray", ("--runtime", "task-library"), "feeds RGB images, and this model takes one channel"),
        ("logits", ("--runtime", "mediapipe"), "applies no softmax, and this model outputs logits"),
    ],
)
def test_a_model_the_runtime_cannot_serve_is_refused(models, detectors, tmp_path, model, extra, phrase):
    out = tmp_path / "app"
    paths = {"raw_decoded": (detectors.raw_decoded, detectors.labels3), "ssd": (detectors.ssd, detectors.labels3),
             "classifier": (models.tflite_softmax, models.labels), "uint8": (models.tflite_uint8, models.labels),
             "int8": (models.tflite_int8, models.labels), "gray": (models.tflite_gray, models.labels),
             "logits": (models.tflite, models.labels)}
    path, labels = paths[model]
    args = [*new_args(path, out, labels=labels, mean=None), *extra]
    if "--mean" not in extra:
        args += ["--mean", "127.5", "--std", "127.5"]
    result = run_cli(*args)
    assert result.exit_code == 1, result.stdout
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and phrase in line and "generate with --runtime interpreter instead" in line
    assert not out.exists()


def test_switching_runtime_with_update_keeps_edits_and_drops_the_interpreter_core(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite_softmax, out, labels=models.labels)).exit_code == 0
    activity = out / UI / "MainActivity.kt"
    activity.write_text(activity.read_text() + "// mine\n")
    result = run_cli("update", out, "--set", "runtime=mediapipe", "--json")
    assert result.exit_code == 0, result.stdout
    actions = {f["path"]: f["action"] for f in json.loads(result.stdout)["files"]}
    assert actions[f"{UI}/ml/ImagePreprocessor.java"] == "removed" and actions[f"{UI}/ModelRunner.kt"] == "removed"
    assert actions[f"{UI}/ImageClassifierHelper.kt"] == "replaced" and f"{UI}/Photo.kt" not in actions
    assert activity.read_text().endswith("// mine\n")
    assert "com.google.mediapipe.tasks.vision" in (out / UI / "ImageClassifierHelper.kt").read_text()
    verify = run_cli("verify", out)
    assert verify.exit_code == 0 and f"{TASK_RUNTIME_TESTS} passed, 0 failed" in verify.stdout


def test_the_build_check_refuses_task_library_beside_litert():
    build = BuildFiles(36, 36, 24, "9.0.1", "9.1.0", None, 17, None,
                       {"task": ("org.tensorflow:tensorflow-lite-task-vision", "0.4.4"),
                        "litert": ("com.google.ai.edge.litert:litert", "1.4.2")}, {"task", "litert"})
    assert any("one app cannot have both" in problem for problem in problems(build, load_facts(template_root())))


def test_the_compiled_model_runtime_refuses_flex_ops(models, tmp_path):
    from scaffold.errors import UnsupportedModel
    from scaffold.render.runtimes import check_runtime

    spec = type("Spec", (), {"ops": ("CONV_2D", "FlexErf")})()
    with pytest.raises(UnsupportedModel, match="CompiledModel cannot run Select TF"):
        check_runtime(spec, "compiled-model")
