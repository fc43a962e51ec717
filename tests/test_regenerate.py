"""--force regenerates in place: generated files are replaced, the user's own files survive,
files the new generation no longer produces are removed, and edits are never lost silently."""

from __future__ import annotations

from conftest import new_args, run_cli

UI = "app/src/main/java/com/example/tfliteclassifier"


def test_force_switches_language_and_keeps_user_files(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    notes = out / "NOTES.md"
    notes.write_text("my notes")
    assert (out / UI / "MainActivity.kt").is_file()

    result = run_cli(*new_args(models.tflite, out, "--language", "java", "--force", labels=models.labels))
    assert result.exit_code == 0, result.stderr
    assert (out / UI / "MainActivity.java").is_file()
    assert not (out / UI / "MainActivity.kt").exists() and not (out / UI / "ImageClassifierHelper.kt").exists()
    assert notes.read_text() == "my notes"
    # MainActivity, MainViewModel, LiveCamera, Photo, ImageClassifierHelper, LiteRt (.kt)
    assert "removed 6 no longer generated" in result.stdout
    assert run_cli("verify", out).exit_code == 0


def test_force_reports_overwritten_and_kept_edits(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    readme = out / "README.md"
    readme.write_text(readme.read_text() + "\nMy addition.\n")
    helper = out / UI / "ImageClassifierHelper.kt"
    helper.write_text(helper.read_text() + "\n// tuned by me\n")

    result = run_cli(*new_args(models.tflite, out, "--language", "java", "--force", labels=models.labels))
    assert result.exit_code == 0
    assert "overwrote README.md, which you had edited" in result.stderr
    assert f"kept your edits as {UI}/ImageClassifierHelper.kt.orig: that file is no longer generated" in result.stderr
    # Set aside, so Gradle does not see two ImageClassifierHelper classes.
    assert not helper.exists()
    assert helper.with_name("ImageClassifierHelper.kt.orig").read_text().endswith("// tuned by me\n")


def test_force_into_an_empty_directory_needs_no_force(models, tmp_path):
    out = tmp_path / "app"
    out.mkdir()
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    assert (out / "settings.gradle.kts").is_file()
