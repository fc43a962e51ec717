"""`update` regenerates a project for a new model or new options and keeps every user edit:
untouched files are replaced, edited ones kept or merged three ways, overlapping edits marked
as conflicts; nothing is written when nothing changed, or with --dry-run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_classifier, classifier_tests, new_args, run_cli, write_images

from scaffold.update.merge import Digest, merge_text, plan_file

UI = "app/src/main/java/com/example/tfliteclassifier"
STRINGS = "app/src/main/res/values/strings.xml"
BUILD = "app/build.gradle.kts"
CONFIG = f"{UI}/ml/ModelConfig.java"
GOLDEN = "app/src/test/resources/golden/golden.properties"
RECORD = (".tflite-scaffold.json", ".tflite-scaffold-base.zip")


@pytest.fixture(scope="module")
def retrained(tmp_path_factory) -> Path:
    """The test classifier "retrained" at another input size (32x32 instead of 24x20)."""
    path = tmp_path_factory.mktemp("retrained") / "classifier-v2.keras"
    build_classifier(input_shape=(32, 32, 3), seed=7).save(path)
    return path


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("language", ["kotlin", "java"])
def test_update_to_a_retrained_model_keeps_every_edit(models, retrained, tmp_path, language):
    model = tmp_path / "classifier.keras"
    shutil.copy(models.keras, model)
    out = tmp_path / "app"
    assert run_cli(*new_args(model, out, "--language", language, labels=models.labels)).exit_code == 0

    # The user's edits: UI code (a line inside, a line at the end), a string, the build file, a
    # file of their own, and a generated file they do not want.
    ext = "kt" if language == "kotlin" else "java"
    activity = out / UI / f"MainActivity.{ext}"
    _replace(activity, "        keepPanelsClearOfSystemBars()", "        // my setup\n        keepPanelsClearOfSystemBars()")
    activity.write_text(activity.read_text() + "// my footer\n")
    _replace(out / STRINGS, "Live camera</string>", "Camera</string>")
    text = (out / BUILD).read_text()
    minimum = next(line for line in text.splitlines() if "minSdk = " in line)
    (out / BUILD).write_text(text.replace(minimum, "        minSdk = 29"))
    (out / UI / f"MyFeature.{ext}").write_text("// mine\n")
    (out / "README.md").unlink()

    result = run_cli("update", out, "--model", retrained)
    assert result.exit_code == 0, result.stdout + result.stderr
    lines = " ".join(result.stdout.split())
    assert "input: 24x20x3 float32 → 32x32x3 float32" in lines and "model version: 1 → 2" in lines

    # Every edit kept...
    assert "// my setup\n" in activity.read_text() and activity.read_text().endswith("// my footer\n")
    assert "Camera</string>" in (out / STRINGS).read_text()
    assert "minSdk = 29" in (out / BUILD).read_text()
    assert (out / UI / f"MyFeature.{ext}").read_text() == "// mine\n"
    assert not (out / "README.md").exists() and "left deleted" in lines
    # ...and what belongs to the model replaced.
    assert "input.shape=1,32,32,3" in (out / GOLDEN).read_text()
    assert 'MODEL_VERSION = "2";' in (out / CONFIG).read_text()
    verify = run_cli("verify", out)
    assert verify.exit_code == 0 and f"{classifier_tests()} passed, 0 failed" in verify.stdout


def test_overlapping_edits_are_conflicts_with_markers_and_a_non_zero_exit(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    _replace(out / STRINGS, ">TFLite Classifier</string>", ">My Classifier</string>")

    result = run_cli("update", out, "--set", "app_name=Fruit Finder", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["conflicts"] == [STRINGS]
    text = (out / STRINGS).read_text()
    assert "<<<<<<< yours\n" in text and "My Classifier" in text and "Fruit Finder" in text and ">>>>>>> tflite-scaffold\n" in text
    # The rest of the update happened: the project name follows the new option.
    assert "Fruit Finder" in (out / "settings.gradle.kts").read_text()


def test_dry_run_changes_nothing(models, retrained, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.keras, out, labels=models.labels)).exit_code == 0
    _replace(out / STRINGS, "Live camera</string>", "Camera</string>")
    before = _tree(out)
    result = run_cli("update", out, "--model", retrained, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "nothing written" in result.stdout and "ModelConfig.java" in result.stdout
    assert _tree(out) == before


def test_nothing_changed_writes_nothing(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    _replace(out / STRINGS, "Live camera</string>", "Camera</string>")  # an edit is not a change to update
    before = _tree(out)
    result = run_cli("update", out)
    assert result.exit_code == 0 and "up to date" in result.stdout
    assert _tree(out) == before


def test_an_unchanged_project_regenerated_in_full_writes_nothing(models, tmp_path):
    """Not the quick path (an option set to the value it has): the whole project is generated
    again, and every file comes out byte-identical, so none is rewritten."""
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, "--top-k", "3", labels=models.labels)).exit_code == 0
    manifest = json.loads((out / RECORD[0]).read_text())
    manifest["generator"] = "tflite-scaffold 0.0.1"  # as if made by another version
    (out / RECORD[0]).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    before = {path: data for path, data in _tree(out).items() if path != RECORD[0]}
    result = run_cli("update", out, "--json")
    assert result.exit_code == 0, result.stdout
    after = {path: data for path, data in _tree(out).items() if path != RECORD[0]}
    assert after == before
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [RECORD[0]]


def test_a_project_from_an_older_version_still_updates(models, retrained, tmp_path):
    """No recorded options, no merge base: they are rebuilt from what the old manifest has."""
    model = tmp_path / "classifier.keras"
    shutil.copy(models.keras, model)
    image = write_images(tmp_path / "images", 1) / "img000.png"
    out = tmp_path / "app"
    # Projects from before --accelerator had no GPU code: as --accelerator cpu generates them now.
    assert run_cli(*new_args(model, out, "--golden-image", image, "--accelerator", "cpu", labels=models.labels)).exit_code == 0
    manifest = json.loads((out / RECORD[0]).read_text())
    del manifest["options"]["accelerator"]
    for key in ("request", "inputs", "summary"):
        del manifest[key]
    # Paths as the old tool recorded them: as typed, from the directory the project was made in.
    manifest["model"]["source"] = "classifier.keras"
    manifest["options"]["golden_images"] = ["images/img000.png"]
    (out / RECORD[0]).write_text(json.dumps(manifest))
    (out / RECORD[1]).unlink()
    activity = out / UI / "MainActivity.kt"
    activity.write_text(activity.read_text() + "// mine\n")

    result = run_cli("update", out, "--model", retrained)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "rebuilt them from the resolved ones" in " ".join(result.stdout.split())
    assert "gone" not in result.stdout + result.stderr and "model version: 1 → 2" in " ".join(result.stdout.split())
    assert (out / "app/src/test/resources/golden/img000.argb").is_file()
    assert activity.read_text().endswith("// mine\n")
    assert "input.shape=1,32,32,3" in (out / GOLDEN).read_text()
    assert (out / RECORD[1]).is_file() and "request" in json.loads((out / RECORD[0]).read_text())


def test_a_task_change_is_refused_unless_asked_for(models, detectors, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    before = _tree(out)
    result = run_cli("update", out, "--model", detectors.ssd, "--labels", detectors.labels3)
    assert result.exit_code == 1 and "pass --set task=detect" in result.stderr
    assert _tree(out) == before

    result = run_cli("update", out, "--model", detectors.ssd, "--labels", detectors.labels3, "--set", "task=detect")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (out / UI / "ObjectDetectorHelper.kt").is_file() and not (out / UI / "ImageClassifierHelper.kt").exists()


def test_gone_inputs_fall_back_to_what_the_project_ships(models, tmp_path):
    model, labels = tmp_path / "model.tflite", tmp_path / "labels.txt"
    shutil.copy(models.tflite, model)
    shutil.copy(models.labels, labels)
    out = tmp_path / "app"
    assert run_cli(*new_args(model, out, labels=labels)).exit_code == 0
    model.unlink()
    labels.unlink()
    result = run_cli("update", out, "--set", "top_k=4")
    assert result.exit_code == 0, result.stdout + result.stderr
    lines = " ".join(result.stdout.split())
    assert "regenerating from the model the app ships" in lines and "using the labels the app ships" in lines
    assert "MAX_RESULTS = 4;" in (out / CONFIG).read_text()


def test_bad_settings_fail_cleanly(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    before = _tree(out)
    for setting, phrase in (("colour=red", "NAME one of"), ("top_k=many", "not a valid int"), ("package=Bad Name", "invalid --package"),
                            ("top_k=0", "--top-k must be at least 1"), ("golden_images=nothere.png", "does not exist")):
        result = run_cli("update", out, "--set", setting)
        assert result.exit_code == 1 and phrase in result.stderr, (setting, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
    assert _tree(out) == before
    result = run_cli("update", tmp_path)
    assert result.exit_code == 1 and "not a project generated by tflite-scaffold" in result.stderr


# --- the three-way rules, one file at a time ------------------------------------------------


BASE = b"a\nb\nc\nd\ne\n"


@pytest.mark.parametrize(
    ("base", "ours", "theirs", "action"),
    [
        (BASE, BASE, b"a\nB\nc\nd\ne\n", "replaced"),  # untouched by the user
        (BASE, b"a\nb\nc\nd\nE\n", BASE, "kept"),  # changed by the user only
        (BASE, b"A\nb\nc\nd\ne\n", b"a\nb\nc\nd\nE\n", "merged"),  # both, apart
        (BASE, b"a\nX\nc\nd\ne\n", b"a\nY\nc\nd\ne\n", "conflict"),  # both, the same line
        (BASE, None, b"a\nB\nc\nd\ne\n", "left-deleted"),  # deleted by the user, changed by the template
        (BASE, None, BASE, "unchanged"),  # deleted by the user, template unchanged
        (None, None, BASE, "added"),
        (BASE, BASE, None, "removed"),
        (BASE, b"mine\n", None, "set-aside"),
        (None, b"mine\n", None, "user-file"),
        (Digest("0" * 64), b"a\n", b"b\n", "conflict"),  # base unknown: nothing assumed
    ],
)
def test_three_way_rules(base, ours, theirs, action):
    assert plan_file("README.md", base, ours, theirs).action == action


def test_owned_and_binary_files_are_replaced_with_the_edit_kept_aside():
    change = plan_file(CONFIG, b"v1\n", b"v1 edited\n", b"v2\n")
    assert (change.action, change.content, change.aside) == ("replaced", b"v2\n", b"v1 edited\n")
    change = plan_file("app/src/main/res/drawable/icon.png", b"\x89PNG\0a", b"\x89PNG\0b", b"\x89PNG\0c")
    assert (change.action, change.aside) == ("replaced", b"\x89PNG\0b")
    assert plan_file("app/src/main/assets/model.tflite", b"m1", None, b"m2").action == "restored"


lines = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "x = 1", "}"]), max_size=8)


@settings(max_examples=300, deadline=None)
@given(base=lines, user=st.lists(st.tuples(st.integers(0, 8), st.integers(0, 10**6)), max_size=4), template=lines)
def test_merging_never_drops_a_user_line(base, user, template):
    """Whatever the template did, every line the user added is in the merged file (inside a
    conflict block if need be)."""
    ours = list(base)
    added = []
    for position, tag in user:
        line = f"user line {tag}"
        ours.insert(min(position, len(ours)), line)
        added.append(line)
    as_bytes = lambda items: "".join(f"{item}\n" for item in items).encode()  # noqa: E731
    merged, _ = merge_text(as_bytes(base), as_bytes(ours), as_bytes(template))
    merged_lines = merged.decode().splitlines()
    for line in added:
        assert line in merged_lines


# --- random edit / update sequences on real projects ------------------------------------------


EDITABLE = [STRINGS, BUILD, "app/src/main/res/layout/activity_main.xml", "settings.gradle.kts", "README.md"]
edits = st.lists(st.tuples(st.sampled_from(EDITABLE), st.integers(0, 200), st.booleans()), min_size=1, max_size=4)
updates = st.fixed_dictionaries({"app_name": st.sampled_from(["TFLite Classifier", "Fruit Finder", "Orchard"]),
                                 "top_k": st.sampled_from(["3", "4"]), "threads": st.sampled_from(["2", "4"])})


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(edits, updates), min_size=1, max_size=2))
def test_random_edits_and_updates_lose_no_line_and_leave_untouched_files_fresh(models, tmp_path_factory, steps):
    root = tmp_path_factory.mktemp("random")
    out = root / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    touched: set[str] = set()
    markers: list[str] = []
    for step, (file_edits, options) in enumerate(steps):
        for n, (relative, position, replace_line) in enumerate(file_edits):
            path = out / relative
            if not path.exists():
                continue
            text = path.read_text().splitlines(keepends=True)
            marker = f"USER EDIT {step}.{n}\n"
            at = position % (len(text) + 1)
            if replace_line and at < len(text):
                if text[at].strip() in markers:  # the user overwrote their own line
                    markers.remove(text[at].strip())
                text[at] = marker
            else:
                text.insert(at, marker)
            path.write_text("".join(text))
            touched.add(relative)
            markers.append(marker.strip())
        result = run_cli("update", out, *[f"--set={name}={value}" for name, value in options.items()], "--json")
        assert result.exit_code in (0, 1), result.stdout + result.stderr
        # The user resolves each conflict by keeping both sides (the next update waits for that).
        for relative in json.loads(result.stdout)["conflicts"]:
            text = (out / relative).read_text().splitlines(keepends=True)
            (out / relative).write_text("".join(line for line in text if not line.startswith(("<<<<<<< ", "=======", ">>>>>>> "))))
        # No line the user wrote is lost (a marker the user overwrote themselves excepted).
        everything = "\n".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file() and p.suffix != ".zip")
        for marker in markers:
            assert marker in everything, marker

    # Files the user never touched are exactly what `new` makes with the final options.
    fresh = root / "fresh"
    final = steps[-1][1]
    args = new_args(models.tflite, fresh, "--app-name", final["app_name"], "--top-k", final["top_k"],
                    "--threads", final["threads"], labels=models.labels)
    assert run_cli(*args).exit_code == 0
    for path in fresh.rglob("*"):
        relative = path.relative_to(fresh).as_posix()
        if path.is_file() and relative not in touched and relative not in RECORD:
            assert (out / relative).read_bytes() == path.read_bytes(), relative


def test_a_project_regenerated_from_its_own_model_settles_and_keeps_its_record(tmp_path, models):
    """With the source model gone, updates regenerate from the shipped model, without bumping its
    version or writing anything, and the record keeps the original model and its conversion."""
    model = tmp_path / "model.keras"
    shutil.copy(models.keras, model)
    out = tmp_path / "app"
    assert run_cli(*new_args(model, out, "--quantize", "dynamic", labels=models.labels)).exit_code == 0
    recorded = json.loads((out / RECORD[0]).read_text())["request"]
    model.unlink()
    for _ in range(2):
        result = run_cli("update", out, "--json")
        assert result.exit_code == 0, result.stdout
        assert json.loads(result.stdout)["files"] == []
    assert 'MODEL_VERSION = "1";' in (out / CONFIG).read_text()
    assert json.loads((out / RECORD[0]).read_text())["request"] == recorded

    # A mistyped path given now is an error, not a fallback.
    result = run_cli("update", out, "--set", f"model={tmp_path / 'modl.keras'}")
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_model_versions_only_go_up(models, retrained, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, "--model-version", "1.0", labels=models.labels)).exit_code == 0
    versions = []
    for model in (retrained, models.keras, retrained):
        assert run_cli("update", out, "--model", model).exit_code == 0
        versions.append(json.loads((out / RECORD[0]).read_text())["summary"]["model_version"])
    assert run_cli("update", out, "--set", "top_k=4").exit_code == 0  # same model: same version
    versions.append(json.loads((out / RECORD[0]).read_text())["summary"]["model_version"])
    assert versions == ["1.1", "1.2", "1.3", "1.3"]
    assert 'MODEL_VERSION = "1.3";' in (out / CONFIG).read_text()


def test_an_unresolved_conflict_stops_the_next_update(models, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.tflite, out, labels=models.labels)).exit_code == 0
    _replace(out / STRINGS, ">TFLite Classifier</string>", ">My Classifier</string>")
    assert run_cli("update", out, "--set", "app_name=Fruit Finder").exit_code == 1
    again = run_cli("update", out, "--set", "top_k=4")
    assert again.exit_code == 1 and f"resolve the conflicts of the last update first (the <<<<<<< markers in {STRINGS})" in again.stderr
    text = (out / STRINGS).read_text()
    (out / STRINGS).write_text("".join(line for line in text.splitlines(keepends=True)
                                       if not line.startswith(("<<<<<<<", "=======", ">>>>>>>", "    <string name=\"app_name\">Fruit"))))
    assert run_cli("update", out, "--set", "top_k=4").exit_code == 0


def test_a_directory_in_the_way_fails_cleanly_and_changes_nothing(models, retrained, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.keras, out, labels=models.labels)).exit_code == 0
    (out / CONFIG).unlink()
    (out / CONFIG).mkdir()
    before = _tree(out)
    result = run_cli("update", out, "--model", retrained)
    assert result.exit_code == 1 and "is a directory where the project has a generated file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and _tree(out) == before


def test_windows_line_endings_are_not_edits(models, retrained, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.keras, out, labels=models.labels)).exit_code == 0
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".kt", ".java", ".xml", ".md", ".kts", ".properties", ".tsv", ".txt"):
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert "up to date" in run_cli("update", out).stdout
    result = run_cli("update", out, "--model", retrained, "--json")
    assert result.exit_code == 0, result.stdout
    files = json.loads(result.stdout)["files"]
    assert not [f for f in files if f["action"] in ("conflict", "kept") or "kept_as" in f], files
    assert (out / "README.md").read_bytes().count(b"\r\n") > 10  # written back in the user's style


def test_edits_to_files_the_model_owns_are_kept_out_of_the_build(models, retrained, tmp_path):
    out = tmp_path / "app"
    assert run_cli(*new_args(models.keras, out, labels=models.labels)).exit_code == 0
    (out / "app/src/main/assets/labels.txt").write_text("mine\n" * 5)
    result = run_cli("update", out, "--model", retrained, "--labels", models.labels, "--json")
    assert result.exit_code == 0, result.stdout
    kept = {f["path"]: f.get("kept_as") for f in json.loads(result.stdout)["files"]}
    assert kept["app/src/main/assets/labels.txt"] == "tflite-scaffold-kept/app/src/main/assets/labels.txt"
    assert (out / "tflite-scaffold-kept/app/src/main/assets/labels.txt").read_text() == "mine\n" * 5
    assert not list((out / "app/src/main/assets").glob("*.orig*"))


def test_markers_stand_on_their_own_lines_without_a_final_newline():
    merged, conflicts = merge_text(b"a\nb", b"a\nB", b"a\nT")
    assert conflicts == 1
    assert merged.decode().splitlines() == ["a", "<<<<<<< yours", "B", "=======", "T", ">>>>>>> tflite-scaffold"]
