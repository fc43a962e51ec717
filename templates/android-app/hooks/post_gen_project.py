"""Keep only the sources of the chosen language and task.

The template carries a Kotlin and a Java version of the Android-facing classes side by side
(``*.kt`` / ``*.java`` next to each other in the app package), and the classes of both tasks
(classification and detection). The ml/ core and the tests are Java in both languages.
Deleting what was not chosen here keeps the template a plain cookiecutter template.
"""

from pathlib import Path

language = "{{ cookiecutter.language }}"
task = "{{ cookiecutter.task }}"

app_package = Path("app/src/main/java/{{ cookiecutter.package_dir }}")
test_package = Path("app/src/test/java/{{ cookiecutter.package_dir }}")

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
for source in app_package.glob(f"*{drop_suffix}"):
    source.unlink()

for other_task, names in TASK_FILES.items():
    if other_task == task:
        continue
    for name in names:
        for root in (app_package, test_package):
            for suffix in (".kt", ".java"):
                path = root / f"{name}{suffix}"
                if path.exists():
                    path.unlink()
