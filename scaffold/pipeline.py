"""``tflite-scaffold new`` and ``convert`` as library calls: the whole story, one stage per step.

new: model (convert and quantize if needed, with a report) → inspect → resolve options into a
ModelSpec → metadata → golden vectors from the numpy reference → render the Android project.
convert: the first stage alone, plus metadata, into one .tflite file.

Checks on user input run as early as they can: bad options, an occupied output, missing
normalization for a model that has no metadata, unreadable images and calibration directories
fail before conversion starts; what depends on the model itself (label count, output shapes)
fails right after. Nothing is written until everything succeeded, and then atomically.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from scaffold import __version__

from scaffold.convert.options import ConversionOptions
from scaffold.convert.report import ConversionReport
from scaffold.convert.strip import StrippedModel, strip_postprocess
from scaffold.convert.workflow import PixelInput, check_agreement, plan_conversion, run_conversion, save_report
from scaffold.errors import InvalidOption, NormalizationError, OutputDirError
from scaffold.golden.cases import GoldenCase, compute_cases, golden_images
from scaffold.golden.files import golden_files
from scaffold.metadata.labels import labels_file_text, read_labels
from scaffold.metadata.writer import metadata_labels, write_metadata
from scaffold.model.anchors import ANCHORS_ASSET, anchors_asset, read_anchors
from scaffold.model.detector import METADATA_ROLE_NAMES
from scaffold.model.pixels import leads_to_raw_pixels
from scaffold.model.resolve import Choices, DetectionChoices, Resolution, resolve
from scaffold.model.source import ModelKind, detect_kind
from scaffold.model.spec import ModelFacts, ModelSpec, Normalization, Preprocessing
from scaffold.model.tflite import DETECTION_POSTPROCESS_OP, inspect_model
from scaffold.render.context import LABELS_ASSET, MODEL_ASSET, AppOptions, template_context, validate_app_options
from scaffold.render.runtimes import check_runtime
from scaffold.render.project import (
    MANIFEST_NAME,
    RenderedTree,
    RenderResult,
    check_output_dir,
    manifest_bytes,
    place_project,
    render_tree,
    template_fingerprint,
    write_file_atomically,
)
from scaffold.update.fingerprint import input_fingerprints
from scaffold.update.options import options_from_request
from scaffold.update.snapshot import BASE_NAME, RECORD_FILES, base_snapshot

Report = Callable[[str], None]


@dataclass(frozen=True)
class ModelInputs:
    """What `new` and `convert` share: the model, how to convert it, how its pixels were
    preprocessed in training, its labels and the metadata names."""

    model: str
    conversion: ConversionOptions = ConversionOptions()
    normalization: Normalization | None = None
    # --uint8-input raw|normalize (None: raw, see scaffold.model.pixels).
    uint8_input: str | None = None
    # None: not given (rgb / stretch, said out loud when the rest comes from metadata).
    channel_order: str | None = None
    resize: str | None = None
    calibration_images: Path | None = None
    eval_images: Path | None = None
    min_agreement: float | None = None
    report_path: Path | None = None
    labels_file: Path | None = None
    model_name: str | None = None
    model_description: str | None = None
    model_version: str | None = None
    # None: decided from the model's outputs.
    task: str | None = None
    detection: DetectionChoices = DetectionChoices()
    anchors_file: Path | None = None
    box_format: str | None = None
    # None: the SSD box coder's usual 10, 10, 5, 5 (or the stripped op's).
    box_scales: tuple[float, float, float, float] | None = None
    score_activation: str | None = None
    # Ship an SSD without its TFLite_Detection_PostProcess op (scaffold.convert.strip).
    strip_postprocess: bool = False

    @property
    def preprocessing(self) -> Preprocessing | None:
        if self.normalization is None:
            return None
        return Preprocessing(self.normalization, self.channel_order or "rgb", self.resize or "stretch")

    @property
    def default_name(self) -> str:
        """A model name for metadata: the file stem, or the function of a module:function source."""
        if ":" in self.model and not Path(self.model).exists():
            return self.model.rsplit(":", 1)[1]
        return Path(self.model).stem

    @property
    def renames(self) -> bool:
        return any(v is not None for v in (self.model_name, self.model_description, self.model_version))

    def choices(self, labels: tuple[str, ...] | None, anchors, apply_softmax: bool | None = None,
                pixel_input: PixelInput | None = None, stripped: StrippedModel | None = None) -> Choices:
        """``pixel_input``: the conversion moved the normalization into the model, whose input
        then takes pixels (identity normalization), raw or quantized as the conversion found.
        ``stripped``: the model was cut before its postprocess op, whose anchors and settings
        the app takes over."""
        if pixel_input is not None:
            normalization, in_model = pixel_input.normalization, self.normalization
            uint8_input = "raw" if pixel_input.input_values == "raw" else "normalize"
        else:
            normalization, in_model, uint8_input = self.normalization, None, self.uint8_input
        return Choices(
            labels=labels,
            labels_source=str(self.labels_file),
            normalization=normalization,
            uint8_input=uint8_input,
            normalization_in_model=in_model,
            channel_order=self.channel_order,
            resize=self.resize,
            name=self.model_name,
            description=self.model_description,
            version=self.model_version,
            apply_softmax=apply_softmax,
            detection=self.detection,
            anchors=stripped.anchors if stripped else anchors,
            box_format=self.box_format,
            box_scales=self.box_scales,
            score_activation=self.score_activation,
            stripped_op=stripped.op if stripped else None,
        )


@dataclass(frozen=True)
class _Checked:
    kind: ModelKind
    labels: tuple[str, ...] | None
    anchors: object
    plan: object


@dataclass(frozen=True)
class _Prepared:
    model_bytes: bytes
    conversion: ConversionReport | None
    tensorflow_model: object | None
    pixel_input: PixelInput | None = None


def _checked_inputs(inputs: ModelInputs, needs_normalization: bool) -> _Checked:
    """Everything about the inputs that can be checked without TensorFlow.

    ``needs_normalization``: the output will carry metadata or an app, so a model that has no
    metadata of its own (anything converted here) needs --mean/--std; better to say so before
    a conversion than after it.
    """
    kind = detect_kind(inputs.model)
    if needs_normalization and kind.needs_conversion and inputs.normalization is None:
        raise NormalizationError(
            f"{inputs.model} has no normalization metadata: pass --mean and --std as used in training "
            "(e.g. --mean 127.5 --std 127.5 for [-1, 1] inputs, --mean 0 --std 255 for [0, 1])."
        )
    if inputs.report_path is not None:
        if not kind.needs_conversion:
            raise InvalidOption(f"--report describes a conversion, and {inputs.model} is already a .tflite.")
        if inputs.report_path.is_dir():
            raise InvalidOption(f"--report {inputs.report_path} is a directory; give a file name such as report.json.")
    if inputs.strip_postprocess:
        given = [flag for flag, value in (("--anchors", inputs.anchors_file), ("--box-scales", inputs.box_scales)) if value]
        if given:
            raise InvalidOption(f"--strip-postprocess takes the anchors and box scales from the model's op; drop {' and '.join(given)}.")
        if inputs.task == "classify":
            raise InvalidOption("--strip-postprocess is for detectors ending in TFLite_Detection_PostProcess, not --task classify.")
    labels = read_labels(inputs.labels_file) if inputs.labels_file else None
    anchors = read_anchors(inputs.anchors_file) if inputs.anchors_file else None
    plan = plan_conversion(
        inputs.model, kind, inputs.conversion, inputs.preprocessing,
        inputs.calibration_images, inputs.eval_images, inputs.min_agreement,
    )
    return _Checked(kind, labels, anchors, plan)


def _model_bytes(inputs: ModelInputs, checked: _Checked, report: Report) -> _Prepared:
    """The .tflite to ship: read as-is, or converted (and quantized, measured, checked)."""
    if not checked.kind.needs_conversion:
        return _Prepared(Path(inputs.model).read_bytes(), None, None)
    converted = run_conversion(checked.plan, report)
    if inputs.report_path:
        save_report(converted.report, inputs.report_path)
    check_agreement(converted.report, inputs.min_agreement, inputs.report_path)
    return _Prepared(converted.model_bytes, converted.report, converted.tensorflow_model, converted.input)


def _with_metadata(spec: ModelSpec, resolution: Resolution) -> tuple[ModelSpec, bool]:
    """``spec`` with metadata written into its model, and whether it was (the reason goes to warnings)."""
    model_bytes, skipped = write_metadata(spec)
    if skipped:
        resolution.warnings.append(skipped)
    return replace(spec, model_bytes=model_bytes), skipped is None


# --- new ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewProjectRequest:
    """Everything ``new`` accepts, already parsed from the command line."""

    inputs: ModelInputs
    out: Path
    app: AppOptions
    apply_softmax: bool | None = None
    golden_images: list[Path] = field(default_factory=list)
    force: bool = False


@dataclass(frozen=True)
class GeneratedProject:
    """A whole project in memory, with everything learned on the way to it."""

    spec: ModelSpec
    kind: ModelKind
    resolution: Resolution
    cases: list[GoldenCase]
    metadata_written: bool
    # The rendered project, the manifest and the merge base included.
    tree: RenderedTree
    conversion: ConversionReport | None = None
    # What the manifest records (without the file hashes).
    record: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Regeneration:
    """How ``update`` asks for a generation: the model version to carry on from, and what to
    record when this generation had to substitute an input (see scaffold.update.workflow)."""

    previous_version: str
    model_changed: bool
    # The options to record (None: this generation's own).
    recorded_request: dict | None = None


@dataclass(frozen=True)
class NewProjectResult:
    spec: ModelSpec
    kind: ModelKind
    resolution: Resolution
    cases: list[GoldenCase]
    metadata_written: bool
    render: RenderResult
    conversion: ConversionReport | None = None


def new_project(request: NewProjectRequest, report: Report = lambda _: None) -> NewProjectResult:
    # Cheap checks first: nothing slow happens for a typo or an occupied --out.
    validate_app_options(request.app)
    check_output_dir(request.out, request.force)
    generated = generate_project(request, report)
    rendered = place_project(generated.tree, request.out, request.force)
    return NewProjectResult(
        generated.spec, generated.kind, generated.resolution, generated.cases, generated.metadata_written, rendered,
        generated.conversion,
    )


def generate_project(
    request: NewProjectRequest, report: Report = lambda _: None, regeneration: Regeneration | None = None
) -> GeneratedProject:
    """Everything ``new`` does short of writing: the project for ``request.out``, in memory.
    ``update`` merges the same tree into the user's project instead.

    ``regeneration`` (update): the model version is the project's, unless --model-version says
    otherwise; a changed model takes its own metadata's version if it has a new one, else the
    next one.
    """
    inputs = request.inputs
    # 1. Cheap checks first: nothing slow happens for a typo.
    validate_app_options(request.app)
    checked = _checked_inputs(inputs, needs_normalization=True)
    images = golden_images(request.golden_images)

    # 2. Model → .tflite bytes → facts (cut before its postprocess op, on request).
    prepared = _model_bytes(inputs, checked, report)
    model_bytes = prepared.model_bytes
    facts = inspect_model(model_bytes, inputs.model)
    stripped = None
    if inputs.strip_postprocess:
        stripped, facts = _stripped(model_bytes, facts, inputs.model)
        model_bytes = stripped.model_bytes

    # 3. Facts + options → the one ModelSpec every later stage reads.
    resolution = resolve(
        facts, model_bytes,
        inputs.choices(checked.labels, checked.anchors, request.apply_softmax, prepared.pixel_input, stripped),
        inputs.default_name, inputs.task,
    )
    spec = resolution.spec
    versioned = False
    if regeneration is not None and inputs.model_version is None:
        embedded = facts.metadata.version if facts.metadata else None
        if not regeneration.model_changed:
            version = regeneration.previous_version
        elif embedded and embedded != regeneration.previous_version:
            version = embedded
        else:
            version = next_version(regeneration.previous_version)
        versioned = version != embedded
        spec = replace(spec, version=version)

    # 4. Metadata: written unless the model already describes exactly this spec (a stripped
    # model has none: its old metadata described the op's outputs).
    metadata_written = False
    if inputs.renames or stripped or versioned or _metadata_differs(facts.metadata, spec):
        spec, metadata_written = _with_metadata(spec, resolution)

    # The app's runtime must be able to serve the model as shipped (metadata included).
    notes, warnings = check_runtime(spec, request.app.runtime)
    resolution.notes.extend(notes)
    resolution.warnings.extend(warnings)

    # 5. Golden vectors from the reference, with the model's real outputs.
    golden = compute_cases(spec, images, request.app.top_k, prepared.tensorflow_model)

    # 6. Render, with the record of how (the manifest) and what (the merge base).
    files = {
        f"app/src/main/assets/{MODEL_ASSET}": spec.model_bytes,
        f"app/src/main/assets/{LABELS_ASSET}": labels_file_text(spec.labels).encode("utf-8"),
        **golden_files(spec, golden),
    }
    if spec.task == "detect" and spec.head.anchors is not None:
        files[f"app/src/main/assets/{ANCHORS_ASSET}"] = anchors_asset(spec.head.anchors)
    tree = render_tree(template_context(spec, request.app), files)
    record = {
        "command": "new",
        "generator": f"tflite-scaffold {__version__}",
        "model": {
            "source": inputs.model,
            "kind": checked.kind.name.lower(),
            "sha256": hashlib.sha256(prepared.model_bytes).hexdigest(),
        },
        # Every option as given, to generate the project again (scaffold.update.options).
        "request": regeneration.recorded_request if regeneration and regeneration.recorded_request else
        options_from_request(request, request.out),
        "inputs": _fingerprints(request, files),
        "template": template_fingerprint(),
        # What those options resolved to, for the reader.
        "options": _recorded_options(request, spec),
        "summary": project_summary(spec),
    }
    tree = tree.with_files({BASE_NAME: base_snapshot(tree.files)})
    generated = {path: data for path, data in tree.files.items() if path not in RECORD_FILES}
    tree = tree.with_files({MANIFEST_NAME: manifest_bytes(record, generated)})
    return GeneratedProject(spec, checked.kind, resolution, golden.cases, metadata_written, tree, prepared.conversion, record)


def _fingerprints(request: NewProjectRequest, files: dict[str, bytes]) -> dict:
    """Fingerprints of the input files; an input that is the project's own asset (``update``
    regenerating from the model or labels the app ships) is fingerprinted as written now."""
    fingerprints = input_fingerprints(request)
    for key, given, asset in (
        ("model", request.inputs.model, f"app/src/main/assets/{MODEL_ASSET}"),
        ("labels", request.inputs.labels_file, f"app/src/main/assets/{LABELS_ASSET}"),
    ):
        if given is not None and Path(str(given)).resolve() == (request.out / asset).resolve():
            fingerprints[key] = hashlib.sha256(files[asset]).hexdigest()
    return fingerprints


def next_version(version: str) -> str:
    """"1" → "2", "1.4" → "1.5", "v2-beta" → "v3-beta": the last number goes up; no number: ".1" added."""
    numbers = list(re.finditer(r"\d+", version))
    if not numbers:
        return f"{version}.1"
    last = numbers[-1]
    return f"{version[:last.start()]}{int(last.group()) + 1}{version[last.end():]}"


def project_summary(spec: ModelSpec) -> dict:
    """The facts about the model that an update reports changes of."""
    return {
        "task": spec.task,
        "input": {"shape": list(spec.input.shape), "dtype": spec.input.dtype},
        "labels": len(spec.labels),
        "model_name": spec.name,
        "model_version": spec.version,
    }


def _stripped(model_bytes: bytes, facts: ModelFacts, source: str) -> tuple[StrippedModel, ModelFacts]:
    """The model without its postprocess op, and its facts. Whatever the old metadata said about
    the input and the labels still holds and is carried over; what it said about the outputs
    is not."""
    if DETECTION_POSTPROCESS_OP not in facts.ops:
        raise InvalidOption(f"--strip-postprocess: {source} has no {DETECTION_POSTPROCESS_OP} op to remove.")
    stripped = strip_postprocess(model_bytes)
    cut = inspect_model(stripped.model_bytes, f"{source} without its {DETECTION_POSTPROCESS_OP}")
    metadata = replace(facts.metadata, output_names=()) if facts.metadata else None
    return stripped, replace(cut, metadata=metadata)


def _metadata_differs(embedded, spec: ModelSpec) -> bool:
    """Whether the model's own metadata disagrees with what the app does.

    For a uint8 input fed raw pixels the metadata's mean/std are not used by the app (nor by the
    Task Library), so a ready-made model keeps its metadata, author and license included, as
    long as its labels agree and its mean/std would lead an app that normalizes then quantizes
    to the same raw pixels.
    """
    if embedded is None or embedded.labels != metadata_labels(spec):
        return True
    if spec.task == "detect" and spec.head.kind == "postprocess":
        # Metadata naming other tensors (a third-party export) would send the task runtimes to
        # the wrong outputs: the writer's own names, by role, or it is rewritten.
        names = embedded.output_names
        named = {role: names.index(name) for name, role in METADATA_ROLE_NAMES.items() if name in names}
        if named != dict(spec.head.roles):
            return True
    if spec.preprocessing.input_values == "raw":
        return embedded.normalization is not None and not leads_to_raw_pixels(embedded.normalization, spec.input)
    return not spec.preprocessing.normalization.matches(embedded.normalization, spec.image.channels)


def _recorded_options(request: NewProjectRequest, spec: ModelSpec) -> dict:
    """The resolved options, recorded in the manifest so anyone (or a future update command) can
    see exactly how this project was generated."""
    # The training normalization as given, also when the conversion moved it into the model.
    norm = spec.preprocessing.in_model or spec.preprocessing.normalization
    conversion = request.inputs.conversion
    head = spec.head
    task_options = (
        {"apply_softmax": head.apply_softmax, "top_k": request.app.top_k}
        if spec.task == "classify"
        else {
            "detector": head.kind,
            "output_roles": head.roles,
            "score_threshold": head.options.score_threshold,
            "max_results": head.options.max_results,
            "label_allowlist": list(head.options.label_allowlist),
            "iou_threshold": head.options.iou_threshold,
            "nms": head.options.nms,
            "strip_postprocess": request.inputs.strip_postprocess,
            "box_format": head.box_format,
            "box_scales": list(head.box_scales),
            "score_activation": head.score_activation,
            "anchors": str(request.inputs.anchors_file) if request.inputs.anchors_file else None,
        }
    )
    return {
        "task": spec.task,
        **task_options,
        "runtime": request.app.runtime,
        "accelerator": request.app.accelerator,
        "app_name": request.app.app_name,
        "package": request.app.package_name,
        "language": request.app.language,
        "threads": request.app.num_threads,
        "mean": list(norm.mean),
        "std": list(norm.std),
        "channel_order": spec.preprocessing.channel_order,
        "resize": spec.preprocessing.resize,
        "input_values": spec.preprocessing.input_values,
        "normalization_in_model": spec.preprocessing.in_model is not None,
        "golden_images": [str(p) for p in request.golden_images],
        "quantize": conversion.quantize,
        "io_type": conversion.io_type,
        "select_tf_ops": conversion.select_tf_ops,
        "calibration_steps": conversion.calibration_steps,
    }


# --- convert -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConvertRequest:
    """Everything ``convert`` accepts: a TensorFlow model in, one .tflite file out."""

    inputs: ModelInputs
    out: Path
    force: bool = False


@dataclass(frozen=True)
class ConvertResult:
    report: ConversionReport
    metadata_written: bool
    size: int
    # How labels / normalization were resolved for the metadata (None without --labels).
    resolution: Resolution | None = None


def convert_model_file(request: ConvertRequest, report: Report = lambda _: None) -> ConvertResult:
    """Convert (and quantize) to ``request.out``, with metadata when labels are given.

    The file only appears once conversion, the agreement check and metadata all succeeded.
    """
    inputs = request.inputs
    if request.out.is_dir():
        raise OutputDirError(f"--out {request.out} is a directory; give a file name such as model.tflite.")
    if request.out.exists() and not request.force:
        raise OutputDirError(f"--out {request.out} already exists; pass --force to replace it.")
    checked = _checked_inputs(inputs, needs_normalization=inputs.labels_file is not None)
    if not checked.kind.needs_conversion:
        raise InvalidOption(f"{inputs.model} is already a .tflite; convert takes a Keras, SavedModel or Python source.")

    prepared = _model_bytes(inputs, checked, report)
    model_bytes = prepared.model_bytes
    resolution = None
    metadata_written = False
    if checked.labels is not None:
        facts = inspect_model(model_bytes, "the converted model")
        choices = inputs.choices(checked.labels, checked.anchors, pixel_input=prepared.pixel_input)
        resolution = resolve(facts, model_bytes, choices, inputs.default_name, inputs.task)
        spec, metadata_written = _with_metadata(resolution.spec, resolution)
        model_bytes = spec.model_bytes
    write_file_atomically(request.out, model_bytes)
    return ConvertResult(prepared.conversion, metadata_written, len(model_bytes), resolution)
