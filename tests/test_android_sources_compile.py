"""The generated Android UI compiles, in Kotlin and in Java, for classification and detection.

Classification apps: MainActivity + ImageClassifierHelper. Detection apps: MainActivity +
ObjectDetectorHelper + ModelRunner + DetectionOverlayView, a custom view used by tag in the layout and
typed as such in the view binding, with a <plurals> resource.

No Android SDK here: the sources are compiled against the hand-written API stubs in
tests/android_stubs, with an R class and the view-binding class generated from the project's
res/ (see android_compile.py). kotlinc is slow (~5 s a run), so the stubs are compiled once per
session and each project is generated once per module; the breakage tests copy a generated project.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from android_compile import (
    AndroidCompileError,
    binding_class_name,
    binding_field_name,
    compile_project,
    generate_r_java,
    generate_view_bindings,
)
from conftest import edited_copy, new_args, run_cli

KOTLIN_PACKAGE = "com.example.tfliteclassifier"
JAVA_PACKAGE = "org.acme.seeing"
DETECT_JAVA_PACKAGE = "org.acme.spotter"


def _sources(project: Path, package: str) -> Path:
    return project / "app/src/main/java" / package.replace(".", "/")


def _generate(models, out: Path, *extra: object) -> Path:
    result = run_cli(*new_args(models.tflite, out, *extra, labels=models.labels))
    assert result.exit_code == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def kotlin_project(models, tmp_path_factory) -> Path:
    return _generate(models, tmp_path_factory.mktemp("ui") / "kotlin-app", "--language", "kotlin")


@pytest.fixture(scope="module")
def java_project(models, tmp_path_factory) -> Path:
    # A non-default package: R, the binding and the imports must all follow the namespace.
    return _generate(models, tmp_path_factory.mktemp("ui") / "java-app", "--language", "java", "--package", JAVA_PACKAGE)


@pytest.fixture(scope="module")
def kotlin_detect_project(detectors, tmp_path_factory) -> Path:
    """SSD with TFLite_Detection_PostProcess (labels with a '???' background row)."""
    out = tmp_path_factory.mktemp("ui") / "kotlin-detect"
    result = run_cli(*new_args(detectors.ssd, out, "--language", "kotlin", labels=detectors.labels3_background))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "task: detect" in result.stdout
    return out


@pytest.fixture(scope="module")
def java_detect_project(detectors, tmp_path_factory) -> Path:
    """Raw boxes + scores decoded against anchors in the app; a non-default package."""
    out = tmp_path_factory.mktemp("ui") / "java-detect"
    args = new_args(
        detectors.raw_anchors, out, "--anchors", detectors.anchors, "--language", "java", "--package", DETECT_JAVA_PACKAGE,
        labels=detectors.labels4,
    )
    result = run_cli(*args)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "task: detect" in result.stdout
    return out


def _compile_error(project: Path, stubs, work: Path) -> str:
    with pytest.raises(AndroidCompileError) as failure:
        compile_project(project, stubs, work)
    return failure.value.output


def test_kotlin_ui_compiles(kotlin_project, stubs, tmp_path):
    ui = _sources(kotlin_project, KOTLIN_PACKAGE)
    assert (ui / "MainActivity.kt").is_file() and (ui / "ImageClassifierHelper.kt").is_file()

    result = compile_project(kotlin_project, stubs, tmp_path)

    kotlin_classes = result.classes[0] / KOTLIN_PACKAGE.replace(".", "/")
    for name in ("MainActivity", "MainViewModel", "MainViewModel$UiState", "LiveCamera", "Photo",
                 "ImageClassifierHelper", "ImageClassifierHelper$Result"):
        assert (kotlin_classes / f"{name}.class").is_file(), result.warnings


def test_java_ui_compiles(java_project, stubs, tmp_path):
    ui = _sources(java_project, JAVA_PACKAGE)
    assert (ui / "MainActivity.java").is_file() and not list(ui.glob("*.kt"))

    result = compile_project(java_project, stubs, tmp_path)

    java_classes = result.classes[-1] / JAVA_PACKAGE.replace(".", "/")
    for name in ("MainActivity", "MainViewModel", "MainViewModel$UiState", "LiveCamera", "Photo",
                 "ImageClassifierHelper", "R$string", "R$xml", "databinding/ActivityMainBinding"):
        assert (java_classes / f"{name}.class").is_file(), result.warnings


def test_kotlin_detection_ui_compiles(kotlin_detect_project, stubs, tmp_path):
    ui = _sources(kotlin_detect_project, KOTLIN_PACKAGE)
    for name in ("MainActivity", "MainViewModel", "LiveCamera", "Photo", "ObjectDetectorHelper", "DetectionOverlayView", "ModelRunner"):
        assert (ui / f"{name}.kt").is_file(), name
    assert not (ui / "ImageClassifierHelper.kt").exists()

    result = compile_project(kotlin_detect_project, stubs, tmp_path)

    kotlin_classes = result.classes[0] / KOTLIN_PACKAGE.replace(".", "/")
    for name in ("MainActivity", "ObjectDetectorHelper", "ObjectDetectorHelper$Result", "DetectionOverlayView", "ModelRunner"):
        assert (kotlin_classes / f"{name}.class").is_file(), result.warnings
    java_classes = result.classes[-1] / KOTLIN_PACKAGE.replace(".", "/")
    assert (java_classes / "R$plurals.class").is_file()
    assert (java_classes / "databinding/ActivityMainBinding.class").is_file()


def test_java_detection_ui_compiles(java_detect_project, stubs, tmp_path):
    ui = _sources(java_detect_project, DETECT_JAVA_PACKAGE)
    for name in ("MainActivity", "MainViewModel", "LiveCamera", "Photo", "ObjectDetectorHelper", "DetectionOverlayView", "ModelRunner"):
        assert (ui / f"{name}.java").is_file(), name
    assert not list(ui.glob("*.kt"))

    result = compile_project(java_detect_project, stubs, tmp_path)

    java_classes = result.classes[-1] / DETECT_JAVA_PACKAGE.replace(".", "/")
    for name in ("MainActivity", "ObjectDetectorHelper", "ObjectDetectorHelper$Result", "DetectionOverlayView", "R$plurals"):
        assert (java_classes / f"{name}.class").is_file(), result.warnings


def test_detection_binding_types_the_overlay_with_the_custom_view(java_detect_project, tmp_path):
    layout = (java_detect_project / "app/src/main/res/layout/activity_main.xml").read_text(encoding="utf-8")
    assert f"<{DETECT_JAVA_PACKAGE}.DetectionOverlayView" in layout

    [binding] = generate_view_bindings(java_detect_project, tmp_path)
    text = binding.read_text(encoding="utf-8")
    assert f"import {DETECT_JAVA_PACKAGE}.DetectionOverlayView;" in text
    assert "public final DetectionOverlayView overlay;" in text

    r_java = generate_r_java(java_detect_project, tmp_path).read_text(encoding="utf-8")
    # AGP 8+: non-final ids; the plurals type gets its own nested class.
    assert re.search(r"public static final class plurals \{\s*private plurals\(\) \{\s*\}(\s*public static int \w+ = 0x[0-9a-f]+;)*"
                     r"\s*public static int objects_found = 0x", r_java)


def test_kotlin_nullable_on_draw_override_does_not_compile(kotlin_detect_project, stubs, tmp_path):
    # View.onDraw(@NonNull Canvas) since Android 14's SDK: `Canvas?` no longer overrides it.
    relative = f"app/src/main/java/{KOTLIN_PACKAGE.replace('.', '/')}/DetectionOverlayView.kt"
    broken = edited_copy(kotlin_detect_project, tmp_path, relative, "override fun onDraw(canvas: Canvas)", "override fun onDraw(canvas: Canvas?)")

    output = _compile_error(broken, stubs, tmp_path / "work")

    assert "DetectionOverlayView.kt" in output and "overrides nothing" in output


def test_kotlin_unchecked_nullable_view_port_does_not_compile(kotlin_project, stubs, tmp_path):
    # PreviewView.getViewPort() is null until the view is attached: the stubs keep that visible.
    relative = f"app/src/main/java/{KOTLIN_PACKAGE.replace('.', '/')}/LiveCamera.kt"
    broken = edited_copy(kotlin_project, tmp_path, relative, "previewView.viewPort?.let(group::setViewPort)", "group.setViewPort(previewView.viewPort)")

    output = _compile_error(broken, stubs, tmp_path / "work")

    assert "LiveCamera.kt" in output and "ViewPort?" in output


def test_java_unhandled_camera_info_exception_does_not_compile(java_project, stubs, tmp_path):
    # ProcessCameraProvider.hasCamera is @Throws(CameraInfoUnavailableException): checked in Java.
    relative = f"app/src/main/java/{JAVA_PACKAGE.replace('.', '/')}/LiveCamera.java"
    broken = edited_copy(java_project, tmp_path, relative, "catch (CameraInfoUnavailableException e)", "catch (IllegalStateException e)")

    output = _compile_error(broken, stubs, tmp_path / "work")

    assert "unreported exception" in output and "CameraInfoUnavailableException" in output


def test_java_wrong_paint_api_does_not_compile(java_detect_project, stubs, tmp_path):
    relative = f"app/src/main/java/{DETECT_JAVA_PACKAGE.replace('.', '/')}/DetectionOverlayView.java"
    broken = edited_copy(java_detect_project, tmp_path, relative, "boxPaint.setStrokeWidth(", "boxPaint.setStrokeSize(")

    output = _compile_error(broken, stubs, tmp_path / "work")

    assert "setStrokeSize" in output and "DetectionOverlayView.java" in output


@pytest.mark.parametrize("language", ["kotlin", "java"])
def test_misspelled_view_binding_field_does_not_compile(language, kotlin_project, java_project, stubs, tmp_path):
    project, package, ext = (kotlin_project, KOTLIN_PACKAGE, "kt") if language == "kotlin" else (java_project, JAVA_PACKAGE, "java")
    relative = f"app/src/main/java/{package.replace('.', '/')}/MainActivity.{ext}"
    broken = edited_copy(project, tmp_path, relative, "binding.pickPhotoButton", "binding.pickPhotoButon")

    output = _compile_error(broken, stubs, tmp_path / "work")

    assert "pickPhotoButon" in output
    assert f"MainActivity.{ext}" in output


def test_string_resource_missing_from_values_does_not_compile(java_project, stubs, tmp_path):
    strings = "app/src/main/res/values/strings.xml"
    text = (java_project / strings).read_text(encoding="utf-8")
    line = re.search(r'\s*<string name="photo_unreadable">.*</string>', text).group(0)
    broken = edited_copy(java_project, tmp_path, strings, line, "")

    output = _compile_error(broken, stubs, tmp_path / "work")

    assert "photo_unreadable" in output and "cannot find symbol" in output


def test_layout_reference_to_missing_string_is_reported(java_project, stubs, tmp_path):
    broken = edited_copy(java_project, tmp_path, "app/src/main/res/layout/activity_main.xml", "@string/picked_photo", "@string/picked_fotos")

    output = _compile_error(broken, stubs, tmp_path / "work")

    assert "activity_main.xml: @string/picked_fotos is not defined" in output


def test_view_binding_naming_follows_agp():
    assert binding_class_name("activity_main") == "ActivityMainBinding"
    assert binding_class_name("item_photo_row") == "ItemPhotoRowBinding"
    assert binding_field_name("@+id/pick_photo_button") == "pickPhotoButton"
    assert binding_field_name("@id/preview") == "preview"
    assert binding_field_name("@+id/button1") == "button1"
    assert binding_field_name("@+id/alreadyCamel") == "alreadyCamel"
    assert binding_field_name("@+id/Title_text") == "TitleText"  # first part kept as written
    assert binding_field_name("@+id/my.dotted_id") == "myDottedId"


def test_view_binding_has_a_typed_field_per_id(java_project, tmp_path):
    [binding] = generate_view_bindings(java_project, tmp_path)
    text = binding.read_text(encoding="utf-8")
    layout = (java_project / "app/src/main/res/layout/activity_main.xml").read_text(encoding="utf-8")

    ids = re.findall(r'android:id="@\+id/(\w+)"', layout)
    # 12 views, and the settings row: backend (CPU / GPU) and threads (1, 2, 4) toggle groups.
    assert len(ids) == 21
    fields = re.findall(r"public final (\w+) (\w+);", text)
    assert [name for _, name in fields] == sorted(binding_field_name("@id/" + i) for i in ids)
    types = dict((name, kind) for kind, name in fields)
    assert types["pickPhotoButton"] == "MaterialButton" and types["preview"] == "PreviewView"
    assert types["pickedImage"] == "ImageView" and types["errorPanel"] == "LinearLayout"
    assert "import com.google.android.material.button.MaterialButton;" in text
    assert "public ConstraintLayout getRoot()" in text
    assert f"package {JAVA_PACKAGE}.databinding;" in text
