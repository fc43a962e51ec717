"""The generated build is coherent with the recorded dependency facts (templates/android-app/dependencies.toml).

Gradle cannot run here, so the failures of a first build are checked on the rendered build files:
library floors (minCompileSdk / AGP / minSdk from AAR metadata), Gradle vs AGP, JDK, 16 KB
alignment, catalog aliases. Every template variant must pass, and each kind of break must be
caught, starting with the one this check exists for: androidx.core 1.19 on compileSdk 36.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import edited_copy

from scaffold.render.build_facts import load_facts, problems, read_build_files

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "android-app"
FACTS = load_facts(TEMPLATE)

VARIANTS = [
    (language, task, select_tf_ops)
    for language in ("kotlin", "java")
    for task in ("classify", "detect")
    for select_tf_ops in (False, True)
    if not (task == "detect" and select_tf_ops)  # Flex ops are offered for classifiers only
]


def _render(out: Path, *extra: str) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", str(TEMPLATE), "-o", str(out), *extra],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return out / "tflite-classifier"


@pytest.fixture(scope="module")
def kotlin_project(tmp_path_factory) -> Path:
    return _render(tmp_path_factory.mktemp("facts"), "language=kotlin")


@pytest.mark.parametrize(("language", "task", "select_tf_ops"), VARIANTS)
def test_every_variant_builds_within_its_floors(tmp_path, language, task, select_tf_ops):
    project = _render(tmp_path, f"language={language}", f"task={task}", f"select_tf_ops={str(select_tf_ops).lower()}")
    build = read_build_files(project)
    assert problems(build, FACTS) == []
    # The libraries each variant needs are really in it (the check also refuses unused ones).
    modules = {module for module, _ in build.libraries.values()}
    if language == "kotlin":
        assert {"androidx.core:core-ktx", "androidx.lifecycle:lifecycle-runtime-ktx", "org.jetbrains.kotlinx:kotlinx-coroutines-android"} <= modules
    else:
        assert {"androidx.core:core", "androidx.lifecycle:lifecycle-viewmodel", "androidx.lifecycle:lifecycle-livedata"} <= modules
    assert ("org.tensorflow:tensorflow-lite-select-tf-ops" in modules) == select_tf_ops


def _problems_after(project, tmp_path, relative, old, new) -> list[str]:
    return problems(read_build_files(edited_copy(project, tmp_path, relative, old, new)), FACTS)


def test_core_1_19_on_compile_sdk_36_is_caught(kotlin_project, tmp_path):
    found = _problems_after(kotlin_project, tmp_path, "gradle/libs.versions.toml", 'core = "1.18.0"', 'core = "1.19.1"')
    assert "androidx.core:core-ktx:1.19.1 needs compileSdk 37, the project has 36." in found
    assert "androidx.core:core-ktx:1.19.1 needs AGP 9.1.0, the project has 9.0.1." in found


def test_lowering_compile_sdk_is_caught(kotlin_project, tmp_path):
    found = _problems_after(kotlin_project, tmp_path, "app/build.gradle.kts", "compileSdk = 36", "compileSdk = 35")
    assert any(p.startswith("androidx.activity:activity-ktx:1.13.0 needs compileSdk 36") for p in found), found
    assert any("targetSdk 36 is above compileSdk 35" in p for p in found), found


def test_gradle_below_what_agp_needs_is_caught(kotlin_project, tmp_path):
    found = _problems_after(
        kotlin_project, tmp_path, "gradle/wrapper/gradle-wrapper.properties", "gradle-9.1.0-bin.zip", "gradle-9.0.0-bin.zip"
    )
    assert "AGP 9.0.1 needs Gradle 9.1.0 or newer, the wrapper has 9.0.0." in found
    assert "distributionSha256Sum does not match the recorded checksum of Gradle 9.0.0." in found


def test_compile_sdk_above_what_agp_supports_is_caught(kotlin_project, tmp_path):
    found = _problems_after(kotlin_project, tmp_path, "app/build.gradle.kts", "compileSdk = 36", "compileSdk = 37")
    assert "compileSdk 37 is above what AGP 9.0.1 supports (36)." in found


def test_jdk_target_and_unknown_versions_are_caught(kotlin_project, tmp_path):
    found = _problems_after(kotlin_project, tmp_path, "app/build.gradle.kts", "JvmTarget.JVM_17", "JvmTarget.JVM_21")
    assert "the Kotlin JVM target is 21, AGP 9.0.1 runs on JDK 17." in found
    found = _problems_after(kotlin_project, tmp_path / "v", "gradle/libs.versions.toml", 'camerax = "1.6.2"', 'camerax = "1.7.0"')
    assert "androidx.camera:camera-core:1.7.0 has no row in dependencies.toml: look up its AAR-metadata floors first." in found


def test_catalog_and_build_files_must_agree(kotlin_project, tmp_path):
    found = _problems_after(
        kotlin_project, tmp_path, "app/build.gradle.kts", "implementation(libs.androidx.exifinterface)\n", ""
    )
    assert "the catalog declares androidx-exifinterface (androidx.exifinterface:exifinterface), which no build file uses." in found
    found = _problems_after(
        kotlin_project, tmp_path / "typo", "app/build.gradle.kts", "libs.androidx.core)", "libs.androidx.core.ktx)"
    )
    assert "a build file uses libs.androidx.core.ktx, which the catalog does not declare." in found


def test_unaligned_native_libraries_need_a_recorded_reason(kotlin_project):
    build = read_build_files(kotlin_project)
    litert = next(alias for alias, (module, _) in build.libraries.items() if module == "com.google.ai.edge.litert:litert")
    facts = dict(FACTS, library=[dict(row, native={"libtensorflowlite_jni.so": False}) if row["module"].endswith(":litert") else row for row in FACTS["library"]])
    found = problems(build, facts)
    assert f"com.google.ai.edge.litert:litert:{build.libraries[litert][1]} ships libtensorflowlite_jni.so without 16 KB page alignment, which Play refuses for targetSdk 36." in found


def test_every_fact_row_is_complete_and_sourced():
    for row in FACTS["library"]:
        assert re.fullmatch(r"[\w.-]+:[\w.-]+", row["module"]), row
        assert isinstance(row["min_compile_sdk"], int) and isinstance(row["min_sdk"], int), row
        assert re.fullmatch(r"\d+\.\d+\.\d+", row["min_agp"]), row
        assert re.match(r"[srg]: ", row["evidence"]), row
    for version, agp in FACTS["agp"].items():
        assert {"min_gradle", "max_compile_sdk", "jdk", "evidence"} <= set(agp), version


def test_wrapper_files_are_the_recorded_ones(kotlin_project):
    wrapper = FACTS["gradle_wrapper"]
    digest = {relative: hashlib.sha256((kotlin_project / relative).read_bytes()).hexdigest()
              for relative in ("gradlew", "gradlew.bat", "gradle/wrapper/gradle-wrapper.jar")}
    assert digest == {
        "gradlew": wrapper["gradlew_sha256"],
        "gradlew.bat": wrapper["gradlew_bat_sha256"],
        "gradle/wrapper/gradle-wrapper.jar": wrapper["jar_sha256"],
    }
    assert (kotlin_project / "gradlew").stat().st_mode & 0o111, "gradlew must stay executable"
    # The wrapper really is a runnable jar (it reads the properties, then would download Gradle).
    listing = subprocess.run(["jar", "tf", str(kotlin_project / "gradle/wrapper/gradle-wrapper.jar")], capture_output=True, text=True)
    assert "org/gradle/wrapper/GradleWrapperMain.class" in listing.stdout
