"""A generated suite of hostile and broken input: every case must end in exit code 1 (2 for a
usage error, as click has it), exactly one line on stderr starting with "error:", no traceback,
and nothing written (no --out, no staging
directory, an existing --out unchanged).

The cases are generated, not listed one by one: truncations, bit flips and random bytes of real
models for every command that reads a model, flatbuffers of the wrong schema, structurally wrong
models (no input, two inputs, a vector input, dynamic sizes, hundreds of outputs), label files,
calibration folders, --out targets, names, numbers and the other commands' targets. A bit flip
can leave a model that still loads and converts; for those the run must succeed completely (a
whole project) or fail cleanly, never anything in between.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import flatbuffers
import pytest

from conftest import LABELS, new_args, run_cli, write_images

# A builder gets (tmp_path, models, structural) and returns the CLI arguments, and optionally the
# --out path that must not appear.
Builder = Callable[[Path, object, dict], tuple[list[object], Path | None]]


@dataclass(frozen=True)
class Case:
    name: str
    build: Builder
    # A phrase the error line must contain ("" for any); None: success is acceptable too.
    phrase: str | None = ""


def _model_bytes(models) -> bytes:
    return models.tflite_softmax.read_bytes()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _for_commands(name: str, data: Callable[[bytes], bytes], phrase: str | None, commands=("new", "inspect", "bench")):
    """One case per command that reads a model, fed ``data(model_bytes)``."""
    cases = []
    for command in commands:
        def build(tmp_path, models, structural, data=data, command=command):
            model = _write(tmp_path, "model.tflite", data(_model_bytes(models)))
            out = tmp_path / "app"
            if command == "new":
                return new_args(model, out, labels=models.labels), out
            return [command, model], None
        cases.append(Case(f"{command}-{name}", build, phrase))
    return cases


def _truncated(fraction: float):
    return lambda data: data[: max(1, int(len(data) * fraction))]


def _bit_flip(seed: int):
    def flip(data: bytes) -> bytes:
        rng = random.Random(seed)
        position = rng.randrange(8, max(9, len(data) // 4))  # the tables and vtables, past the identifier
        flipped = bytearray(data)
        flipped[position] ^= 1 << rng.randrange(8)
        return bytes(flipped)
    return flip


def _random_bytes(seed: int, size: int, identifier: bool):
    def make(_data: bytes) -> bytes:
        rng = random.Random(seed)
        body = bytes(rng.randrange(256) for _ in range(size))
        return body[:4] + b"TFL3" + body[8:] if identifier else body
    return make


def _wrong_schema(identifier: bytes):
    """A well-formed flatbuffer, just not a TFLite model: one table with a string and a vector."""
    def make(_data: bytes) -> bytes:
        builder = flatbuffers.Builder(64)
        text = builder.CreateString("not a model")
        builder.StartVector(4, 3, 4)
        for value in (3, 2, 1):
            builder.PrependInt32(value)
        vector = builder.EndVector()
        builder.StartObject(3)
        builder.PrependUOffsetTRelativeSlot(0, text, 0)
        builder.PrependUOffsetTRelativeSlot(1, vector, 0)
        builder.PrependInt32Slot(2, 7, 0)
        builder.Finish(builder.EndObject(), file_identifier=identifier)
        return bytes(builder.Output())
    return make


def _model_cases() -> list[Case]:
    cases = []
    for fraction in (0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97, 0.995):
        cases += _for_commands(f"truncated-{fraction}", _truncated(fraction), "")
    for seed in range(8):
        cases += _for_commands(f"random-{seed}", _random_bytes(seed, 64 * (seed + 1), identifier=seed % 2 == 0), "")
    for identifier in (b"TFL3", b"ABCD"):
        cases += _for_commands(f"wrong-schema-{identifier.decode()}", _wrong_schema(identifier), "")
    cases += _for_commands("empty-file", lambda data: b"", "")
    for command in ("new", "inspect", "bench", "convert"):
        def device(tmp_path, models, structural, command=command):
            out = tmp_path / ("app" if command == "new" else "out.tflite")
            if command == "new":
                return new_args(Path("/dev/zero"), out, labels=models.labels), out
            if command == "convert":
                return ["convert", "/dev/zero", "--out", out], out
            return [command, "/dev/zero"], None
        cases.append(Case(f"{command}-device-as-model", device, "not a regular file"))
    for seed in range(30):
        cases += _for_commands(f"bit-flip-{seed}", _bit_flip(seed), None, commands=("new", "inspect"))
    return cases


def _structural_cases() -> list[Case]:
    phrases = {"no-input": "has 0", "two-inputs": "has 2", "vector-input": "expected an image input",
               "dynamic-size": "not fixed", "many-outputs": "and 294 more"}
    cases = []
    for kind, phrase in phrases.items():
        def new(tmp_path, models, structural, kind=kind):
            out = tmp_path / "app"
            return new_args(structural[kind], out, labels=models.labels), out

        def bench(tmp_path, models, structural, kind=kind):
            return ["bench", structural[kind], "--mean", "127.5", "--std", "127.5"], None

        # bench times any single-input image model, however many outputs it has.
        cases += [Case(f"new-{kind}", new, phrase), Case(f"bench-{kind}", bench, None if kind == "many-outputs" else "")]
    return cases


def _labels_case(name: str, content: Callable[[Path], Path], phrase: str) -> Case:
    def build(tmp_path, models, structural):
        out = tmp_path / "app"
        return new_args(models.tflite_softmax, out, labels=content(tmp_path)), out
    return Case(f"labels-{name}", build, phrase)


def _text(text: str, encoding="utf-8"):
    return lambda tmp_path: _write(tmp_path, "labels.txt", text.encode(encoding, "surrogateescape"))


def _label_cases() -> list[Case]:
    lines = lambda labels: "".join(f"{label}\n" for label in labels)  # noqa: E731
    return [
        _labels_case("one-too-few", _text(lines(LABELS[:-1])), "4 labels"),
        _labels_case("one-too-many", _text(lines([*LABELS, "extra"])), "6 labels"),
        _labels_case("double", _text(lines([*LABELS, *LABELS])), "10 labels"),
        _labels_case("empty-file", _text(""), "no labels"),
        _labels_case("only-blank-lines", _text("\n \n\t\n"), "no labels"),
        _labels_case("hole", _text("a\nb\n\nc\nd\ne\n"), "line 3 is empty"),
        _labels_case("tab-inside", _text(lines(["a\tb", *LABELS[1:]])), "U+0009"),
        _labels_case("control-char", _text(lines(["a\x07b", *LABELS[1:]])), "U+0007"),
        _labels_case("bidi-override", _text(lines(["a\u202eb", *LABELS[1:]])), "U+202E"),
        _labels_case("not-utf8", lambda tmp_path: _write(tmp_path, "labels.txt", b"\xff\xfe\xfa\n" * 5), "not UTF-8"),
        _labels_case("directory", lambda tmp_path: (tmp_path / "labels_dir").mkdir() or tmp_path / "labels_dir", "not found"),
        _labels_case("device", lambda tmp_path: Path("/dev/zero"), "not found"),
        _labels_case("missing", lambda tmp_path: tmp_path / "nope.txt", "not found"),
        _labels_case("million-lines", _text("x\n" * 1_000_000), "at most 100000 labels"),
        _labels_case("huge-line", _text(lines(["x" * 100_000, *LABELS[1:]])), "at most 1000"),
        _labels_case("zero-width-space", _text(lines(["a\u200bb", *LABELS[1:]])), "U+200B"),
    ]


def _calibration_dir(kind: str):
    def make(tmp_path: Path) -> Path:
        folder = tmp_path / "calibration"
        if kind == "missing":
            return folder
        if kind == "file":
            return _write(tmp_path, "calibration", b"not a folder")
        folder.mkdir()
        if kind == "text-as-png":
            write_images(folder, 12)
            (folder / "img005.png").write_text("this is text")
        if kind == "truncated-png":
            write_images(folder, 12)
            data = (folder / "img003.png").read_bytes()
            (folder / "img003.png").write_bytes(data[: len(data) // 3])
        if kind == "too-few":
            write_images(folder, 3)
        if kind == "no-images":
            (folder / "readme.txt").write_text("nothing here")
        return folder
    return make


def _calibration_cases() -> list[Case]:
    phrases = {"missing": "not a directory", "file": "not a directory", "empty": "contains no images",
               "no-images": "contains no images", "text-as-png": "not a readable image",
               "truncated-png": "not a readable image", "too-few": "at least"}
    cases = []
    for kind, phrase in phrases.items():
        def convert(tmp_path, models, structural, kind=kind):
            out = tmp_path / "model.tflite"
            return ["convert", models.keras, "--out", out, "--mean", "127.5", "--std", "127.5", "--quantize", "int8",
                    "--calibration-images", _calibration_dir(kind)(tmp_path)], out

        def new(tmp_path, models, structural, kind=kind):
            out = tmp_path / "app"
            return [*new_args(models.keras, out, labels=models.labels), "--quantize", "int8",
                    "--calibration-images", _calibration_dir(kind)(tmp_path)], out

        cases += [Case(f"convert-calibration-{kind}", convert, phrase), Case(f"new-calibration-{kind}", new, phrase)]
    return cases


def _out_cases() -> list[Case]:
    def target(kind: str):
        def build(tmp_path, models, structural):
            out = tmp_path / "app"
            if kind == "file":
                out.write_text("mine")
            elif kind == "link-to-file":
                _write(tmp_path, "mine.txt", b"mine")
                out.symlink_to(tmp_path / "mine.txt")
            elif kind == "dangling-link":
                out.symlink_to(tmp_path / "gone")
            elif kind == "below-a-file":
                _write(tmp_path, "a_file", b"x")
                out = tmp_path / "a_file" / "app"
            elif kind in ("not-empty", "not-a-project-forced"):
                out.mkdir()
                (out / "mine.txt").write_text("mine")
            extra = ["--force"] if kind == "not-a-project-forced" else []
            return [*new_args(models.tflite_softmax, out, labels=models.labels), *extra], None
        return build

    phrases = {"file": "is a file", "link-to-file": "is a file", "dangling-link": "does not exist",
               "below-a-file": "is a file", "not-empty": "not empty", "not-a-project-forced": "not a project"}
    return [Case(f"out-{kind}", target(kind), phrase) for kind, phrase in phrases.items()]


def _option_cases() -> list[Case]:
    def new_with(*extra):
        def build(tmp_path, models, structural):
            out = tmp_path / "app"
            return [*new_args(models.tflite_softmax, out, labels=models.labels, mean=None), *extra], out
        return build

    norm = ("--mean", "127.5", "--std", "127.5")
    options = {
        "app-name-empty": ((*norm, "--app-name", ""), "empty"),
        "app-name-newline": ((*norm, "--app-name", "a\nb"), "U+000A"),
        "app-name-escape": ((*norm, "--app-name", "a\x1bb"), "U+001B"),
        "app-name-bidi": ((*norm, "--app-name", "\u2066abc"), "U+2066"),
        "app-name-private-use": ((*norm, "--app-name", "a\ue000"), "U+E000"),
        "app-name-too-long": ((*norm, "--app-name", "n" * 300), "at most 100"),
        "top-k-zero": ((*norm, "--top-k", "0"), "--top-k"),
        "top-k-negative": ((*norm, "--top-k", "-3"), "--top-k"),
        "threads-zero": ((*norm, "--threads", "0"), "--threads"),
        "mean-letters": (("--mean", "a,b,c", "--std", "1"), "--mean"),
        "mean-two-values": (("--mean", "1,2", "--std", "1"), ""),
        "mean-nan": (("--mean", "nan", "--std", "1"), ""),
        "std-zero": (("--mean", "0", "--std", "0"), ""),
        "std-inf": (("--mean", "0", "--std", "inf"), ""),
        "mean-without-std": (("--mean", "1",), "together"),
        "runtime-cannot-serve": ((*norm, "--runtime", "task-library", "--channel-order", "bgr"), "--runtime task-library"),
        "runtime-unknown": ((*norm, "--runtime", "tensorflow"), ""),
    }
    for package in ("", "app", "Com.example.app", "com.example.", ".com.example", "com.example.int", "com.1example.app",
                    "com.example.app!", "com.exa mple.app", "com.example.ąpp"):
        options[f"package-{package or 'empty'}"] = ((*norm, "--package", package), "--package")
    return [Case(f"option-{name}", new_with(*extra), phrase) for name, (extra, phrase) in options.items()]


def _command_cases() -> list[Case]:
    def verify(kind):
        def build(tmp_path, models, structural):
            target = tmp_path / "project"
            if kind == "file":
                target.write_text("x")
            elif kind == "empty":
                target.mkdir()
            elif kind == "half-project":
                (target / "app/src/test/resources/golden").mkdir(parents=True)
            return ["verify", target], None
        return build

    def update(kind):
        def build(tmp_path, models, structural):
            target = tmp_path / "project"
            if kind == "empty":
                target.mkdir()
            elif kind == "not-a-project":
                target.mkdir()
                (target / "README.md").write_text("mine")
            elif kind == "corrupt-record":
                target.mkdir()
                (target / ".tflite-scaffold.json").write_text("{not json")
            return ["update", target], None
        return build

    def convert(kind):
        def build(tmp_path, models, structural):
            source = {"keras-zip-without-config": lambda: _zip(tmp_path / "m.keras"),
                      "h5-garbage": lambda: _write(tmp_path, "m.h5", b"\x89HDF\r\n\x1a\n" + b"\0" * 64),
                      "saved-model-empty": lambda: _saved_model_dir(tmp_path)}[kind]()
            out = tmp_path / "out.tflite"
            return ["convert", source, "--out", out], out
        return build

    def huge_image(tmp_path, models, structural):
        from PIL import Image

        Image.new("RGB", (10_000, 6_000)).save(tmp_path / "huge.png")
        out = tmp_path / "app"
        return [*new_args(models.tflite_softmax, out, labels=models.labels), "--golden-image", tmp_path / "huge.png"], out

    cases = [Case(f"verify-{k}", verify(k), "") for k in ("missing", "file", "empty", "half-project")]
    cases += [Case(f"update-{k}", update(k), "") for k in ("missing", "empty", "not-a-project", "corrupt-record")]
    cases += [Case(f"convert-{k}", convert(k), "") for k in ("keras-zip-without-config", "h5-garbage", "saved-model-empty")]
    cases.append(Case("new-huge-golden-image", huge_image, "MP"))
    return cases


def _zip(path: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("metadata.json", "{}")
    return path


def _saved_model_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "saved_model.pb").write_bytes(b"garbage")
    return folder


CASES = [*_model_cases(), *_structural_cases(), *_label_cases(), *_calibration_cases(), *_out_cases(),
         *_option_cases(), *_command_cases()]


def test_the_suite_is_large():
    assert len(CASES) >= 200, len(CASES)
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.fixture(scope="session")
def structural(tmp_path_factory) -> dict[str, Path]:
    """Models that are well-formed but not image models this tool can serve."""
    import keras
    import tensorflow as tf

    root = tmp_path_factory.mktemp("structural")

    def save(name, model_or_converter):
        converter = (model_or_converter if isinstance(model_or_converter, tf.lite.TFLiteConverter)
                     else tf.lite.TFLiteConverter.from_keras_model(model_or_converter))
        path = root / f"{name}.tflite"
        path.write_bytes(converter.convert())
        return path

    keras.utils.set_random_seed(0)
    dynamic_in = keras.Input((None, None, 3))
    dynamic = keras.Model(dynamic_in, keras.layers.Dense(5)(keras.layers.GlobalAveragePooling2D()(dynamic_in)))
    a, b = keras.Input((16, 16, 3)), keras.Input((16, 16, 3))
    two = keras.Model([a, b], keras.layers.Dense(5)(keras.layers.GlobalAveragePooling2D()(keras.layers.Concatenate()([a, b]))))
    vector_in = keras.Input((10,))
    vector = keras.Model(vector_in, keras.layers.Dense(5)(vector_in))
    image_in = keras.Input((8, 8, 3))
    pooled = keras.layers.Flatten()(image_in)
    many = keras.Model(image_in, [keras.layers.Dense(2)(pooled) for _ in range(300)])

    class NoInput(tf.Module):
        @tf.function(input_signature=[])
        def scores(self):
            return tf.constant([[0.1, 0.2, 0.3, 0.2, 0.2]])

    module = NoInput()
    no_input = tf.lite.TFLiteConverter.from_concrete_functions([module.scores.get_concrete_function()], module)
    return {"dynamic-size": save("dynamic", dynamic), "two-inputs": save("two", two), "vector-input": save("vector", vector),
            "many-outputs": save("many", many), "no-input": save("none", no_input)}


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_fails_cleanly(case, models, structural, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    args, out = case.build(work, models, structural)
    before = _snapshot(work)
    result = run_cli(*args)
    combined = result.stdout + result.stderr
    assert "Traceback" not in combined, combined
    if case.phrase is None and result.exit_code == 0:
        # A bit flip that left a working model: the output must then be whole.
        if args[0] == "new":
            assert (out / ".tflite-scaffold.json").is_file() and (out / "app/src/main/assets/model.tflite").is_file()
        return
    assert result.exit_code == (2 if case.name.startswith("option-runtime-unknown") else 1), combined
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert (case.phrase or "") in lines[0], lines[0]
    if out is not None:
        assert not out.exists(), "nothing may be written"
    after = _snapshot(work)
    assert {k: v for k, v in after.items() if k in before} == before, "an existing file was changed"
    assert set(after) == set(before), f"files appeared: {sorted(set(after) - set(before))}"
    assert not [p for p in work.rglob(".tflite-scaffold-*")], "a staging directory was left behind"
