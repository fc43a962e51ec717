"""templates/android-app stays a plain cookiecutter template, usable without tflite-scaffold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "android-app"


def cookiecutter(tmp_path, *extra):
    return subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", str(TEMPLATE), "-o", str(tmp_path), *extra],
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("language", ["kotlin", "java"])
def test_standalone_render(tmp_path, language):
    result = cookiecutter(tmp_path, f"language={language}", "package_name=org.acme.seeing")
    assert result.returncode == 0, result.stderr
    project = tmp_path / "tflite-classifier"
    ui = project / "app/src/main/java/org/acme/seeing"
    ext, other = (".kt", ".java") if language == "kotlin" else (".java", ".kt")
    assert (ui / f"MainActivity{ext}").is_file() and not list(ui.glob(f"*{other}"))
    catalog = (project / "gradle/libs.versions.toml").read_text()
    assert ("core-ktx" in catalog) == (language == "kotlin")
    build = (project / "app/build.gradle.kts").read_text()
    assert ("JvmTarget" in build) == (language == "kotlin")
    assert 'noCompress += "tflite"' in build and "compileSdk = 36" in build and "minSdk = 24" in build
    assert "package org.acme.seeing.ml;" in (ui / "ml/ModelConfig.java").read_text()
    # No Jinja left unrendered anywhere (the wrapper jar is the one binary file).
    for path in project.rglob("*"):
        if path.is_file() and path.suffix != ".jar":
            text = path.read_text()
            assert "{{" not in text and "{%" not in text, path


def test_standalone_render_rejects_a_bad_package(tmp_path):
    result = cookiecutter(tmp_path, "package_name=com.example.new")
    assert result.returncode != 0
    assert "Java keyword 'new'" in result.stderr
    assert not (tmp_path / "tflite-classifier").exists()


def test_generated_config_compiles_for_every_option_combination(tmp_path):
    """Each choice the template offers yields valid Java (javac on the ml/ core)."""
    combos = [
        ("channel_order=bgr", "resize_mode=center-crop", "apply_softmax=true", "norm_mean=123.675, 116.28, 103.53", "norm_std=58.395,57.12,57.375"),
        ("channel_order=rgb", "resize_mode=stretch", "apply_softmax=false", "norm_mean=0", "norm_std=255"),
        ("task=detect", "detector=postprocess", "resize_mode=letterbox", '_label_allowlist=person\ncat "tabby"\nback\\slash'),
        ("task=detect", "detector=raw", "anchors_file=anchors.bin", "box_format=cxcywh", "score_activation=sigmoid", "background_column=true"),
        ("task=detect", "detector=raw", "box_format=xyxy"),
    ]
    for i, combo in enumerate(combos):
        out = tmp_path / str(i)
        result = cookiecutter(out, *combo)
        assert result.returncode == 0, result.stderr
        sources = sorted((out / "tflite-classifier/app/src/main/java").rglob("ml/*.java"))
        assert sources
        compiled = subprocess.run(["javac", "--release", "8", "-d", str(out / "classes"), *map(str, sources)], capture_output=True, text=True)
        assert compiled.returncode == 0, compiled.stderr
