"""``tflite-scaffold new`` as a library call: the whole story, one stage per step.

model (convert and quantize if needed, with a report) → inspect → resolve options into a
ModelSpec → metadata → golden vectors from the numpy reference → render the Android project.

Every check that can fail on user input runs before anything is written: bad options, an
occupied output directory and unreadable images fail before conversion even starts, and the
project only appears on disk (atomically) once everything else succeeded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from scaffold.convert.options import ConversionOptions
from scaffold.convert.report import ConversionReport
from scaffold.convert.workflow import check_agreement, plan_conversion, run_conversion, save_report
from scaffold.golden.cases import GoldenCase, compute_cases, golden_images
from scaffold.golden.files import golden_files
from scaffold.metadata.labels import labels_file_text, read_labels
from scaffold.metadata.writer import write_classifier_metadata
from scaffold.model.resolve import ClassifierChoices, Resolution, resolve_classifier
from scaffold.model.source import ModelKind, detect_kind
from scaffold.model.spec import ModelSpec, Normalization, Preprocessing
from scaffold.model.tflite import inspect_model
from scaffold.render.context import LABELS_ASSET, MODEL_ASSET, AppOptions, template_context, validate_app_options
from scaffold.errors import InvalidOption, OutputDirError
from scaffold.render.project import RenderResult, check_output_dir, render_project, write_file_atomically

Report = Callable[[str], None]


@dataclass(frozen=True)
class NewProjectRequest:
    """Everything ``new`` accepts, already parsed from the command line."""

    model: str
    out: Path
    app: AppOptions
    conversion: ConversionOptions = ConversionOptions()
    calibration_images: Path | None = None
    eval_images: Path | None = None
    min_agreement: float | None = None
    report_path: Path | None = None
    labels_file: Path | None = None
    normalization: Normalization | None = None
    channel_order: str = "rgb"
    resize: str = "stretch"
    apply_softmax: bool | None = None
    golden_images: list[Path] = field(default_factory=list)
    model_name: str | None = None
    model_description: str | None = None
    model_version: str | None = None
    force: bool = False


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
    # 1. Cheap checks first: nothing slow happens for a typo.
    validate_app_options(request.app)
    check_output_dir(request.out, request.force)
    kind = detect_kind(request.model)
    labels = read_labels(request.labels_file) if request.labels_file else None
    images = golden_images(request.golden_images)
    preprocessing = (
        Preprocessing(request.normalization, request.channel_order, request.resize) if request.normalization else None
    )
    plan = plan_conversion(
        request.model, kind, request.conversion, preprocessing,
        request.calibration_images, request.eval_images, request.min_agreement,
    )

    # 2. Model → .tflite bytes (converted, quantized and measured if it is not one yet) → facts.
    conversion = None
    tensorflow_model = None
    if kind.needs_conversion:
        converted = run_conversion(plan, report)
        conversion, tensorflow_model = converted.report, converted.tensorflow_model
        if request.report_path:
            save_report(conversion, request.report_path)
        check_agreement(conversion, request.min_agreement, request.report_path)
        model_bytes = converted.model_bytes
    else:
        model_bytes = Path(request.model).read_bytes()
    facts = inspect_model(model_bytes, str(request.model))

    # 3. Facts + options → the one ModelSpec every later stage reads.
    choices = ClassifierChoices(
        labels=labels,
        labels_source=str(request.labels_file),
        normalization=request.normalization,
        channel_order=request.channel_order,
        resize=request.resize,
        apply_softmax=request.apply_softmax,
        name=request.model_name,
        description=request.model_description,
        version=request.model_version,
    )
    resolution = resolve_classifier(facts, model_bytes, choices, default_name=_default_name(request.model))
    spec = resolution.spec

    # 4. Metadata: written unless the model already describes exactly this spec.
    metadata_written = _metadata_differs(facts.metadata, spec, request)
    if metadata_written:
        spec = replace(spec, model_bytes=write_classifier_metadata(spec))

    # 5. Golden vectors from the reference, with the model's real outputs from LiteRT.
    cases = compute_cases(spec, images, request.app.top_k, tensorflow_model)

    # 6. Render and move into place.
    files = {
        f"app/src/main/assets/{MODEL_ASSET}": spec.model_bytes,
        f"app/src/main/assets/{LABELS_ASSET}": labels_file_text(spec.labels).encode("utf-8"),
        **golden_files(spec, cases),
    }
    record = {
        "command": "new",
        "model": {
            "source": str(request.model),
            "kind": kind.name.lower(),
            "sha256": hashlib.sha256(model_bytes).hexdigest(),
        },
        "options": _recorded_options(request, spec),
    }
    rendered = render_project(template_context(spec, request.app), files, record, request.out, request.force)
    return NewProjectResult(spec, kind, resolution, cases, metadata_written, rendered, conversion)


def _default_name(model: str) -> str:
    """A model name for metadata: the file stem, or the function of a module:function source."""
    return Path(model).stem if ":" not in model or Path(model).exists() else model.rsplit(":", 1)[1]


def _metadata_differs(embedded, spec: ModelSpec, request: NewProjectRequest) -> bool:
    if embedded is None:
        return True
    wanted = (spec.labels, spec.preprocessing.normalization)
    have = (embedded.labels, embedded.normalization.for_channels(spec.image.channels) if embedded.normalization else None)
    renamed = any(v is not None for v in (request.model_name, request.model_description, request.model_version))
    return wanted != have or renamed


def _recorded_options(request: NewProjectRequest, spec: ModelSpec) -> dict:
    """The resolved options, so a later regeneration can reproduce this project."""
    norm = spec.preprocessing.normalization
    return {
        "app_name": request.app.app_name,
        "package": request.app.package_name,
        "language": request.app.language,
        "top_k": request.app.top_k,
        "threads": request.app.num_threads,
        "mean": list(norm.mean),
        "std": list(norm.std),
        "channel_order": spec.preprocessing.channel_order,
        "resize": spec.preprocessing.resize,
        "apply_softmax": spec.apply_softmax,
        "golden_images": [str(p) for p in request.golden_images],
        "quantize": request.conversion.quantize,
        "io_type": request.conversion.io_type,
        "select_tf_ops": request.conversion.select_tf_ops,
        "calibration_steps": request.conversion.calibration_steps,
    }


@dataclass(frozen=True)
class ConvertRequest:
    """Everything ``convert`` accepts: a TensorFlow model in, one .tflite file out."""

    model: str
    out: Path
    conversion: ConversionOptions = ConversionOptions()
    normalization: Normalization | None = None
    channel_order: str = "rgb"
    resize: str = "stretch"
    calibration_images: Path | None = None
    eval_images: Path | None = None
    min_agreement: float | None = None
    report_path: Path | None = None
    labels_file: Path | None = None
    model_name: str | None = None
    model_description: str | None = None
    model_version: str | None = None
    force: bool = False


@dataclass(frozen=True)
class ConvertResult:
    report: ConversionReport
    metadata_written: bool
    size: int


def convert_model_file(request: ConvertRequest, report: Report = lambda _: None) -> ConvertResult:
    """Convert (and quantize) to ``request.out``, with metadata when labels are given.

    The file only appears once conversion, the agreement check and metadata all succeeded.
    """
    if request.out.exists() and not request.force:
        raise OutputDirError(f"--out {request.out} already exists; pass --force to replace it.")
    if request.out.is_dir():
        raise OutputDirError(f"--out {request.out} is a directory; give a file name such as model.tflite.")
    kind = detect_kind(request.model)
    if not kind.needs_conversion:
        raise InvalidOption(f"{request.model} is already a .tflite; convert takes a Keras, SavedModel or Python source.")
    labels = read_labels(request.labels_file) if request.labels_file else None
    preprocessing = (
        Preprocessing(request.normalization, request.channel_order, request.resize) if request.normalization else None
    )
    plan = plan_conversion(
        request.model, kind, request.conversion, preprocessing,
        request.calibration_images, request.eval_images, request.min_agreement,
    )
    converted = run_conversion(plan, report)
    if request.report_path:
        save_report(converted.report, request.report_path)
    check_agreement(converted.report, request.min_agreement, request.report_path)

    model_bytes = converted.model_bytes
    if labels is not None:
        choices = ClassifierChoices(
            labels=labels,
            labels_source=str(request.labels_file),
            normalization=request.normalization,
            channel_order=request.channel_order,
            resize=request.resize,
            name=request.model_name,
            description=request.model_description,
            version=request.model_version,
        )
        facts = inspect_model(model_bytes, "the converted model")
        spec = resolve_classifier(facts, model_bytes, choices, default_name=_default_name(request.model)).spec
        model_bytes = write_classifier_metadata(spec)
    write_file_atomically(request.out, model_bytes)
    return ConvertResult(converted.report, labels is not None, len(model_bytes))
