"""Keep only the sources of the chosen language, task and runtime.

The template carries a Kotlin and a Java version of the Android-facing classes side by side
(``*.kt`` / ``*.java`` next to each other in the app package), the classes of both tasks
(classification and detection), and the model helpers of each runtime (``X.kt`` for the LiteRT
interpreter, ``ModelRunner.compiled-model.kt`` for LiteRT's CompiledModel, which shares the
interpreter's helpers, ``X.task-library.kt`` and ``X.mediapipe.kt`` for the task runtimes). The
ml/ core and the tests are Java in both languages; the task runtimes preprocess natively, so they
keep only the ml/ classes the UI uses. Deleting what was not chosen here keeps the template a plain
cookiecutter template.
"""

from pathlib import Path

language = "{{ cookiecutter.language }}"
task = "{{ cookiecutter.task }}"
runtime = "{{ cookiecutter.runtime }}"
RUNTIME_VARIANTS = ("compiled-model", "task-library", "mediapipe")
# The runtimes that run the ml/ core (preprocessing and post-processing in Java).
CORE_RUNTIMES = ("interpreter", "compiled-model")

app_package = Path("app/src/main/java/{{ cookiecutter.package_dir }}")
test_package = Path("app/src/test/java/{{ cookiecutter.package_dir }}")
device_test_package = Path("app/src/androidTest/java/{{ cookiecutter.package_dir }}")

# Files that belong to one task only, by name without extension.
TASK_FILES = {
    "classify": [
        "ImageClassifierHelper",
        "ml/Category",
        "ml/ClassificationPostprocessor",
        "ml/GoldenClassificationTest",
    ],
    "detect": [
        "ObjectDetectorHelper",
        "DetectionOverlayView",
        "ml/Box",
        "ml/Detection",
        "ml/DetectionOptions",
        "ml/DetectionPostprocessor",
        "ml/ImageGeometry",
        "ml/GoldenDetectionTest",
    ],
}

drop_suffix = ".java" if language == "kotlin" else ".kt"
for package in (app_package, device_test_package):
    for source in package.glob(f"*{drop_suffix}"):
        source.unlink()


# The chosen runtime's helpers replace the interpreter's; the other runtimes' go.
for variant in RUNTIME_VARIANTS:
    for source in sorted(app_package.glob(f"*.{variant}.*")):
        if variant == runtime:
            source.replace(source.with_name(source.name.replace(f".{variant}", "")))
        else:
            source.unlink()

# The task runtimes preprocess and post-process natively: the ml/ core's arithmetic, its LiteRT
# glue and the JVM golden tests of that arithmetic are not part of their apps.
CORE_ONLY = [
    "ModelRunner",
    "ml/ImagePreprocessor",
    "ml/RgbaReader",
    "ml/TensorSpec",
    "ml/Labels",
    "ml/ClassificationPostprocessor",
    "ml/DetectionPostprocessor",
    "ml/DetectionOptions",
    "ml/GoldenClassificationTest",
    "ml/GoldenDetectionTest",
    "ml/GoldenPreprocessingTest",
    "ml/GoldenData",
    "ml/ModelAssetsTest",
]
if runtime not in CORE_RUNTIMES:
    for name in CORE_ONLY:
        for root in (app_package, test_package):
            for suffix in (".kt", ".java"):
                path = root / f"{name}{suffix}"
                if path.exists():
                    path.unlink()

# Then the other task's classes (the chosen runtime's helpers now carry the plain names).
for other_task, names in TASK_FILES.items():
    if other_task == task:
        continue
    for name in names:
        for root in (app_package, test_package):
            for suffix in (".kt", ".java"):
                path = root / f"{name}{suffix}"
                if path.exists():
                    path.unlink()
