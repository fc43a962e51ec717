"""The ``tflite-scaffold`` command line: parse options, call the pipeline, print the outcome.

No logic lives here beyond turning strings into typed requests; everything else is importable
from :mod:`scaffold.pipeline` and friends. A :class:`ScaffoldError` becomes one red line on
stderr and exit code 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import enum
import functools
import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from scaffold import __version__
from scaffold.convert.options import IO_TYPES, QUANTIZE_MODES
from scaffold.errors import NormalizationError, ScaffoldError
from scaffold.model.pixels import UINT8_INPUTS
from scaffold.model.spec import BOX_FORMATS, CHANNEL_ORDERS, NMS_MODES, RESIZE_MODES, SCORE_ACTIVATIONS, TASKS
from scaffold.render.acceleration import ACCELERATORS
from scaffold.render.runtimes import RUNTIMES

class _OneLineUsageErrors(TyperGroup):
    """Usage errors (a mistyped option, a value outside a choice) as one ``error:`` line with
    click's exit code 2, like every other failure, instead of a usage banner and a box."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False, **extra)
        except typer.TyperException as error:  # click's exceptions, as typer vendors them
            ctx = getattr(error, "ctx", None)
            if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
                console.print(ctx.get_help())  # no arguments at all: the help, as before
            else:
                where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
                errors.print(f"[bold red]error:[/] {escape(' '.join(error.format_message().split()))}{escape(where)}")
            code = error.exit_code
        except typer.Abort:
            errors.print("[bold red]error:[/] aborted.")
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_OneLineUsageErrors,
    name="tflite-scaffold",
    help="Turn a trained vision model into a ready-to-build Android Studio project with golden JVM tests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# soft_wrap: an error or failure line stays one line, whatever the terminal width.
console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


def _choices(name: str, values: tuple[str, ...]) -> type[enum.Enum]:
    """A typer choice type for the values the library accepts (one list, defined there)."""
    return enum.Enum(name, {value.replace("-", "_"): value for value in values}, type=str)


Language = _choices("Language", ("kotlin", "java"))
ChannelOrder = _choices("ChannelOrder", CHANNEL_ORDERS)
Resize = _choices("Resize", RESIZE_MODES)
Task = _choices("Task", TASKS)
BoxFormat = _choices("BoxFormat", BOX_FORMATS)
ScoreActivation = _choices("ScoreActivation", SCORE_ACTIVATIONS)
Nms = _choices("Nms", NMS_MODES)
Runtime = _choices("Runtime", RUNTIMES)
Accelerator = _choices("Accelerator", ACCELERATORS)
Quantize = _choices("Quantize", QUANTIZE_MODES)
IoType = _choices("IoType", IO_TYPES)
Uint8Input = _choices("Uint8Input", UINT8_INPUTS)


def _fail(error: ScaffoldError) -> None:
    message = " ".join(str(error).split())  # always exactly one line
    errors.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code=1)


def _version(value: bool) -> None:
    if value:
        console.print(f"tflite-scaffold {__version__}")
        raise typer.Exit()


# --debug: unexpected errors show their traceback instead of one line.
_debug = False


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")] = False,
) -> None:
    """Turn a trained vision model into a ready-to-build Android Studio project with golden JVM tests."""
    global _debug
    _debug = debug


def _guarded(command):
    """Every command ends in one line and a non-zero exit, whatever fails: expected problems are
    ScaffoldErrors (handled in the command); a file the system refuses (permissions, a full disk)
    is said as such; anything else is reported as a defect, with its traceback under --debug."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            errors.print("[bold red]error:[/] interrupted; nothing was placed (generation writes its output last).")
            raise typer.Exit(code=130) from None
        except ScaffoldError as error:
            _fail(error)
        except OSError as error:
            if _debug:
                raise
            where = f"{error.filename}: " if error.filename else ""
            _fail(ScaffoldError(f"{where}{error.strerror or error}."))
        except Exception as error:  # noqa: BLE001  (the one place that turns any defect into one line)
            if _debug:
                raise
            _fail(ScaffoldError(f"unexpected {type(error).__name__}: {error} (a tflite-scaffold defect; rerun with --debug "
                                "for the traceback and report it)"))

    return run


# Options shared by `new` and `convert`, declared once.
ModelArg = Annotated[
    str,
    typer.Argument(
        metavar="MODEL",
        help=".tflite, Keras .keras/.h5 file, SavedModel directory, or a Python module:function returning a Keras "
        "model / tf.function / concrete function.",
    ),
]
MeanOpt = Annotated[
    Optional[str],
    typer.Option(help="Normalization mean in 0..255 pixels: one value or one per channel, e.g. 127.5 or "
                 "123.7,116.3,103.5. Default: from the model's metadata."),
]
StdOpt = Annotated[Optional[str], typer.Option(help="Normalization std, same form as --mean.")]
ChannelOrderOpt = Annotated[Optional[ChannelOrder], typer.Option(help="Channel order of the input tensor [default: rgb].")]
ResizeOpt = Annotated[
    Optional[Resize],
    typer.Option(help="stretch: whole image squashed to the input size; center-crop: centred crop with the input's "
                 "aspect ratio; letterbox: whole image scaled to fit, padded with black [default: stretch]."),
]
QuantizeOpt = Annotated[
    Quantize,
    typer.Option(help="none: float32; dynamic: int8 weights; float16: float16 weights; int8: full integer, calibrated."),
]
IoTypeOpt = Annotated[IoType, typer.Option(help="Input/output tensor type; uint8/int8 need --quantize int8.")]
CalibrationImagesOpt = Annotated[
    Optional[Path], typer.Option(help="Representative images for int8 calibration (searched recursively).")
]
CalibrationStepsOpt = Annotated[int, typer.Option(help="Images used for calibration; the rest are held out for the report.")]
EvalImagesOpt = Annotated[
    Optional[Path], typer.Option(help="Held-out images for the report (default: calibration images not used for calibration).")
]
ReportOpt = Annotated[Optional[Path], typer.Option(help="Also write the conversion report as JSON.")]
MinAgreementOpt = Annotated[
    Optional[float], typer.Option(help="Fail (and write nothing) if top-1 agreement with float32 is below this, e.g. 0.99.")
]
SelectTfOpsOpt = Annotated[
    bool, typer.Option(help="Allow TensorFlow ops without a TFLite kernel (Flex); the app bundles the Flex runtime.")
]
LabelsOpt = Annotated[Optional[Path], typer.Option(help="Label file, one label per line (default: labels embedded in the model).")]
ModelNameOpt = Annotated[Optional[str], typer.Option(help="Name written to the model metadata.")]
ModelDescriptionOpt = Annotated[Optional[str], typer.Option(help="Description written to the model metadata.")]
ModelVersionOpt = Annotated[Optional[str], typer.Option(help="Version written to the model metadata.")]


def _model_inputs(
    model, mean, std, channel_order, resize, quantize, io_type, select_tf_ops, calibration_images,
    calibration_steps, eval_images, report, min_agreement, labels, model_name, model_description, model_version,
):
    """The options `new` and `convert` share, as one ModelInputs."""
    from scaffold.convert.options import ConversionOptions
    from scaffold.model.resolve import parse_floats
    from scaffold.model.spec import Normalization
    from scaffold.pipeline import ModelInputs

    if (mean is None) != (std is None):
        raise NormalizationError("pass --mean and --std together.")
    from scaffold.errors import InvalidOption
    from scaffold.text import unsafe_character

    for value, option in ((model_name, "--model-name"), (model_description, "--model-description"),
                          (model_version, "--model-version")):
        if value and unsafe_character(value):
            raise InvalidOption(f"{option} contains the control or direction character {unsafe_character(value)}: "
                                "use printable text.")
    return ModelInputs(
        model=model,
        conversion=ConversionOptions(quantize.value, io_type.value, select_tf_ops, calibration_steps),
        normalization=Normalization(parse_floats(mean, "--mean"), parse_floats(std, "--std")) if mean else None,
        channel_order=channel_order.value if channel_order else None,
        resize=resize.value if resize else None,
        calibration_images=calibration_images,
        eval_images=eval_images,
        min_agreement=min_agreement,
        report_path=report,
        labels_file=labels,
        model_name=model_name,
        model_description=model_description,
        model_version=model_version,
    )


@app.command()
@_guarded
def new(
    model: ModelArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to create the Android project in.")],
    labels: LabelsOpt = None,
    app_name: Annotated[str, typer.Option(help="App name under the launcher icon.")] = "TFLite Classifier",
    package: Annotated[str, typer.Option(help="Java package and applicationId.")] = "com.example.tfliteclassifier",
    language: Annotated[Language, typer.Option(help="Language of the UI layer; the ml/ core is Java.")] = Language.kotlin,
    runtime: Annotated[
        Runtime,
        typer.Option(help="What runs the model: the LiteRT interpreter or LiteRT's compiled-model API, both with the app's "
                     "own (golden-tested) pre/post-processing, the TFLite task-library (deprecated, not 16 KB aligned) "
                     "or mediapipe Tasks."),
    ] = Runtime.interpreter,
    mean: MeanOpt = None,
    std: StdOpt = None,
    channel_order: ChannelOrderOpt = None,
    resize: ResizeOpt = None,
    uint8_input: Annotated[
        Uint8Input,
        typer.Option(help="uint8 inputs: raw pixels 0..255, as the TFLite Task Library and MediaPipe feed them; "
                     "normalize: (pixel - mean) / std quantized with the input's scale and zero-point, for the rare "
                     "model trained that way."),
    ] = Uint8Input.raw,
    softmax: Annotated[
        Optional[bool], typer.Option("--softmax/--no-softmax", help="Apply softmax to the output (default: only when the model does not end in SOFTMAX).")
    ] = None,
    top_k: Annotated[int, typer.Option(help="Categories shown by the app.")] = 3,
    threads: Annotated[int, typer.Option(help="CPU threads the app starts with (a setting in the app).")] = 4,
    accelerator: Annotated[
        Accelerator,
        typer.Option(help="The backend the app starts with: cpu (no GPU library bundled), gpu (falls back to the CPU "
                     "where the device or model cannot), or auto (gpu for models the GPU delegate takes whole, else cpu)."),
    ] = Accelerator.auto,
    golden_image: Annotated[
        Optional[list[Path]], typer.Option(help="Extra image for the golden tests (repeatable).")
    ] = None,
    task: Annotated[
        Optional[Task], typer.Option(help="classify or detect (default: decided from the model's outputs).")
    ] = None,
    score_threshold: Annotated[
        Optional[float], typer.Option(help="Detection: minimum score shown (default: 0.5, or a stripped op's if higher).")
    ] = None,
    max_results: Annotated[
        Optional[int], typer.Option(help="Detection: at most this many boxes (default: 10, or fewer if a stripped op kept fewer).")
    ] = None,
    label_allowlist: Annotated[
        Optional[list[str]], typer.Option(help="Detection: show only this label (repeatable; default: all labels).")
    ] = None,
    iou_threshold: Annotated[
        Optional[float], typer.Option(help="Raw-output detectors: NMS overlap (IoU) above which a box is suppressed (default: 0.5, or the stripped op's).")
    ] = None,
    nms: Annotated[
        Optional[Nms],
        typer.Option(help="Raw-output detectors: class-agnostic (one class per box, as TFLite_Detection_PostProcess) or "
                     "per-class NMS (default: the stripped op's mode; class-agnostic with anchors; per-class otherwise)."),
    ] = None,
    strip_postprocess: Annotated[
        bool,
        typer.Option(help="SSD models: ship the model without its TFLite_Detection_PostProcess op (for delegates and runtimes "
                     "that cannot run it); the app decodes with the op's anchors and runs its NMS."),
    ] = False,
    anchors: Annotated[
        Optional[Path], typer.Option(help="Raw-output detectors: anchors (.npy or CSV, N x 4: y, x, h, w) the box outputs are encoded against.")
    ] = None,
    box_format: Annotated[
        Optional[BoxFormat], typer.Option(help="Raw-output detectors without anchors: layout of the decoded boxes (default: yxyx).")
    ] = None,
    box_scales: Annotated[
        Optional[str], typer.Option(help="Raw-output detectors with anchors: SSD box-coder scales y,x,h,w (default: 10,10,5,5).")
    ] = None,
    score_activation: Annotated[
        Optional[ScoreActivation], typer.Option(help="Raw-output detectors: sigmoid for logits (default: sigmoid unless the scores come from LOGISTIC/SOFTMAX).")
    ] = None,
    quantize: QuantizeOpt = Quantize.none,
    io_type: IoTypeOpt = IoType.float32,
    calibration_images: CalibrationImagesOpt = None,
    calibration_steps: CalibrationStepsOpt = 100,
    eval_images: EvalImagesOpt = None,
    report: ReportOpt = None,
    min_agreement: MinAgreementOpt = None,
    select_tf_ops: SelectTfOpsOpt = False,
    model_name: ModelNameOpt = None,
    model_description: ModelDescriptionOpt = None,
    model_version: ModelVersionOpt = None,
    force: Annotated[bool, typer.Option(help="Write into a non-empty --out, replacing generated files.")] = False,
) -> None:
    """Generate an Android Studio project that classifies camera frames and photos with MODEL."""
    from dataclasses import replace

    from scaffold.model.resolve import DetectionChoices
    from scaffold.pipeline import NewProjectRequest, new_project
    from scaffold.render.context import AppOptions

    started = time.perf_counter()
    try:
        inputs = replace(
            _model_inputs(
                model, mean, std, channel_order, resize, quantize, io_type, select_tf_ops, calibration_images,
                calibration_steps, eval_images, report, min_agreement, labels, model_name, model_description, model_version,
            ),
            task=task.value if task else None,
            uint8_input=uint8_input.value,
            detection=DetectionChoices(
                score_threshold, max_results, tuple(label_allowlist or ()), iou_threshold, nms.value if nms else None
            ),
            anchors_file=anchors,
            box_format=box_format.value if box_format else None,
            box_scales=_box_scales(box_scales) if box_scales is not None else None,
            score_activation=score_activation.value if score_activation else None,
            strip_postprocess=strip_postprocess,
        )
        request = NewProjectRequest(
            inputs=inputs,
            out=out,
            app=AppOptions(app_name, package, language.value, top_k, threads, runtime.value, accelerator.value),
            apply_softmax=softmax,
            golden_images=list(golden_image or []),
            force=force,
        )
        with console.status("Generating project…"):
            result = new_project(request, report=_progress)
    except ScaffoldError as error:
        _fail(error)
        return
    if result.conversion:
        _print_conversion_report(result.conversion)
    _print_new_summary(result, time.perf_counter() - started, runtime.value, accelerator.value)


@app.command()
@_guarded
def convert(
    model: ModelArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="The .tflite file to write.")],
    quantize: QuantizeOpt = Quantize.none,
    io_type: IoTypeOpt = IoType.float32,
    calibration_images: CalibrationImagesOpt = None,
    calibration_steps: CalibrationStepsOpt = 100,
    eval_images: EvalImagesOpt = None,
    report: ReportOpt = None,
    min_agreement: MinAgreementOpt = None,
    select_tf_ops: SelectTfOpsOpt = False,
    mean: MeanOpt = None,
    std: StdOpt = None,
    channel_order: ChannelOrderOpt = None,
    resize: ResizeOpt = None,
    labels: Annotated[
        Optional[Path], typer.Option(help="Label file: with it (and --mean/--std) the .tflite gets classifier metadata.")
    ] = None,
    model_name: ModelNameOpt = None,
    model_description: ModelDescriptionOpt = None,
    model_version: ModelVersionOpt = None,
    force: Annotated[bool, typer.Option(help="Replace --out if it exists.")] = False,
) -> None:
    """Convert a Keras / SavedModel / Python model to .tflite, optionally quantized, with a report."""
    from scaffold.pipeline import ConvertRequest, convert_model_file

    try:
        request = ConvertRequest(
            inputs=_model_inputs(
                model, mean, std, channel_order, resize, quantize, io_type, select_tf_ops, calibration_images,
                calibration_steps, eval_images, report, min_agreement, labels, model_name, model_description, model_version,
            ),
            out=out,
            force=force,
        )
        with console.status("Converting…"):
            result = convert_model_file(request, report=_progress)
    except ScaffoldError as error:
        _fail(error)
        return
    _print_conversion_report(result.report)
    if result.resolution:
        _print_resolution(result.resolution)
    if result.metadata_written:
        metadata = "with metadata and labels"
    else:
        metadata = "without metadata" + ("" if result.resolution else " (pass --labels to add it)")
    console.print(f"[green]✓[/] {escape(str(out))} ({result.size / 1024:.1f} KiB, {metadata})")


def _box_scales(text: str) -> tuple[float, float, float, float]:
    from scaffold.errors import InvalidOption
    from scaffold.model.resolve import parse_floats

    values = parse_floats(text, "--box-scales")
    if len(values) != 4 or any(v <= 0 for v in values):
        raise InvalidOption(f"--box-scales takes four positive numbers y,x,h,w, got '{text}'.")
    return values


def _progress(line: str) -> None:
    console.print(f"  {escape(line)}")


def _print_conversion_report(report) -> None:
    table = Table(title=f"Conversion report: {escape(report.variant)}", title_justify="left", show_header=False, box=None, padding=(0, 2))
    table.add_row("float32 size", f"{report.float_size / 1024:.1f} KiB")
    table.add_row("converted size", f"{report.converted_size / 1024:.1f} KiB ({report.size_ratio:.2f}x)")
    table.add_row("input / output", escape(f"{_tensor(report.input)} / {_tensor(report.output)}"))
    if report.calibration_images:
        table.add_row("calibration", f"{report.calibration_images} images")
    comparison = report.comparison
    if comparison:
        table.add_row("top-1 agreement", f"{comparison.top1_agreement:.3f} on {comparison.images} held-out images")
        table.add_row("output |diff|", f"mean {comparison.mean_abs_diff:.4g}, max {comparison.max_abs_diff:.4g}")
    table.add_row("ops", escape(", ".join(report.ops)))
    console.print(table)
    for note in report.notes:
        console.print(f"  [dim]•[/] {escape(note)}")


def _tensor(tensor) -> str:
    quant = f" (scale {tensor.scale:.4g}, zero-point {tensor.zero_point})" if tensor.quantized else ""
    return f"{tensor.dtype}{quant}"


def _print_resolution(resolution) -> None:
    for note in resolution.notes:
        console.print(f"  [dim]•[/] {escape(note)}")
    for warning in resolution.warnings:
        errors.print(f"[yellow]warning:[/] {escape(warning)}")


def _describe_detector(head) -> str:
    options = head.options
    allow = f", only {', '.join(options.label_allowlist)}" if options.label_allowlist else ""
    if head.kind == "postprocess":
        how = "TFLite_Detection_PostProcess in the model"
    else:
        boxes = "anchors (SSD box coder)" if head.anchors is not None else f"{head.box_format} boxes"
        cut = ", cut before its TFLite_Detection_PostProcess" if head.postprocess_op else ""
        how = f"raw outputs{cut}: {boxes}, {head.score_activation} scores, {options.nms} NMS IoU {options.iou_threshold:g} in the app"
    return f"{how}; score >= {options.score_threshold}, at most {options.max_results}{allow}"


def _golden_table(cases, task: str) -> Table:
    if task == "classify":
        table = Table("golden case", "top-1", "score", box=None, padding=(0, 2))
        for case in cases:
            best = case.top_k[0]
            table.add_row(case.name, escape(best.label), f"{best.score:.3f}")
        return table
    table = Table("golden case", "detections (configured / filtered)", "best", box=None, padding=(0, 2))
    for case in cases:
        configured, filtered = case.detections["configured"], case.detections["filtered"]
        best = f"{escape(configured[0].detection.label)} {configured[0].detection.score:.3f}" if configured else "-"
        table.add_row(case.name, f"{len(configured)} / {len(filtered)}", best)
    return table


_RUNTIME_SUMMARY = {
    "interpreter": "LiteRT Interpreter; preprocessing and post-processing in the app's ml/ core (golden JVM tests)",
    "compiled-model": "LiteRT CompiledModel (GPU first, then CPU); preprocessing and post-processing in the ml/ core",
    "task-library": "TFLite Task Library 0.4.4 (deprecated, not 16 KB aligned); it preprocesses from the metadata",
    "mediapipe": "MediaPipe Tasks vision 1.0.0 (live stream for the camera, image mode for photos)",
}


def _print_new_summary(result, seconds: float, runtime: str, accelerator: str) -> None:
    from scaffold.model.runtime import flex_ops
    from scaffold.render.acceleration import plan_acceleration
    from scaffold.render.context import model_summary

    spec = result.spec
    norm = spec.preprocessing.normalization
    _print_resolution(result.resolution)
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_row("model", f"{result.kind.value} → {len(spec.model_bytes) / 1024:.1f} KiB .tflite")
    table.add_row("tensors", escape(model_summary(spec)))
    colour = spec.preprocessing.channel_order if spec.image.channels == 3 else "grayscale"
    in_model = spec.preprocessing.in_model
    if spec.preprocessing.input_values == "raw":
        values = "raw pixels 0..255 into the uint8 input (the Task Library's convention)"
    elif in_model is None:
        values = f"(pixel - mean) / std, {norm.describe()}"
    else:
        values = f"pixel values 0..255, quantized into the {spec.input.dtype} input"
    if in_model is not None:
        values += f"; {in_model.describe()} inside the model"
    table.add_row("preprocessing", escape(f"{spec.preprocessing.resize}, {colour}, {values}"))
    if spec.task == "classify":
        table.add_row("scores", "softmax in the app" if spec.head.apply_softmax else "as output by the model")
    else:
        head = spec.head
        table.add_row("detector", escape(_describe_detector(head)))
    table.add_row("metadata", "written (normalization, labels, name)" if result.metadata_written else "kept (already matches)")
    table.add_row("runtime", _RUNTIME_SUMMARY[runtime])
    table.add_row("backend", f"starts on {plan_acceleration(spec, accelerator, runtime).reason}")
    build = result.render.build
    if build is not None:
        table.add_row("build", f"AGP {build.agp}, Gradle {build.gradle}, compileSdk {build.compile_sdk}, minSdk {build.min_sdk}; "
                               f"{len(build.libraries)} libraries within their recorded floors")
    console.print(table)
    console.print(_golden_table(result.cases, spec.task))
    render = result.render
    if render.replaced or render.removed:
        console.print(f"  replaced {render.replaced} generated files, removed {render.removed} no longer generated")
    for path in render.restored:
        console.print(f"  restored {escape(path)}, which had been deleted")
    if flex_ops(spec.ops):
        errors.print(
            "[yellow]warning:[/] the app bundles the Flex runtime (org.tensorflow:tensorflow-lite-select-tf-ops 2.16.1): "
            "about 8 MB per ABI, and not 16 KB page aligned, so Google Play rejects it for targetSdk 35+; see the project README."
        )
    console.print(f"[green]✓[/] Android project in [bold]{escape(str(render.path))}[/] ({len(render.files)} files, {seconds:.1f} s)")
    console.print(f"  next: [bold]tflite-scaffold verify {escape(str(render.path))}[/], then open it in Android Studio")


@app.command()
@_guarded
def update(
    project: Annotated[Path, typer.Argument(help="A project generated by `tflite-scaffold new`.")],
    model: Annotated[Optional[Path], typer.Option(help="The new model (default: the one the project was made from).")] = None,
    labels: Annotated[Optional[Path], typer.Option(help="A new label file.")] = None,
    set_: Annotated[
        Optional[list[str]],
        typer.Option("--set", help="Change a recorded option of `new`, e.g. --set score_threshold=0.4 (repeatable; NAME=VALUE, "
                     "an empty VALUE unsets)."),
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="Say what would change; write nothing.")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the outcome as JSON.")] = False,
) -> None:
    """Regenerate PROJECT for a new model or new options, merging your edits (3-way, like copier)."""
    from scaffold.update.workflow import UpdateRequest, update_project

    started = time.perf_counter()
    request = UpdateRequest(project, model, labels, tuple(set_ or ()), dry_run)
    try:
        if json_output:
            result = update_project(request)
        else:
            with console.status("Updating project…"):
                result = update_project(request, report=_progress)
    except ScaffoldError as error:
        if json_output:
            print(json.dumps({"error": " ".join(str(error).split())}))
            raise typer.Exit(code=1) from None
        _fail(error)
        return
    if json_output:
        print(json.dumps(_update_json(result), indent=2))
    else:
        _print_update(result, time.perf_counter() - started)
    if result.conflicts:
        raise typer.Exit(code=1)


# Actions worth a line, in the order they are listed.
_UPDATE_ACTIONS = {
    "conflict": "conflict (resolve the <<<<<<< markers)",
    "merged": "merged your edits with the new version",
    "replaced": "replaced",
    "added": "added",
    "restored": "restored (the tool needs it)",
    "removed": "removed (no longer generated)",
    "set-aside": "no longer generated; your edited copy kept aside",
    "left-deleted": "left deleted, as you had it (the new version differs)",
    "kept": "kept as you edited it",
}


def _print_update(result, seconds: float) -> None:
    for note in result.notes:
        console.print(f"  [dim]•[/] {escape(note)}")
    for warning in result.warnings:
        errors.print(f"[yellow]warning:[/] {escape(warning)}")
    if result.up_to_date:
        console.print(f"[green]✓[/] {escape(str(result.project))} is up to date; nothing written ({seconds:.1f} s)")
        return
    if result.generated is not None:
        _print_resolution(result.generated.resolution)
    # One line per file, never wrapped, so paths stay whole (and greppable).
    for action, description in _UPDATE_ACTIONS.items():
        for change in result.changes:
            if change.action == action and change.path not in (".tflite-scaffold.json", ".tflite-scaffold-base.zip"):
                aside = f" (your version kept as {change.kept_as or 'a copy'})" if change.aside is not None else ""
                console.print(f"  {escape(change.path)}: {escape(description + aside)}", soft_wrap=True)
    verb = "would write" if result.dry_run else "wrote"
    summary = f"{verb} {len(result.written)} files" + (" (dry run: nothing written)" if result.dry_run else "")
    if result.conflicts:
        errors.print(f"[red]✗[/] {len(result.conflicts)} conflicts: resolve the markers in "
                     f"{escape(', '.join(c.path for c in result.conflicts))}, then run verify")
        console.print(f"  {summary} ({seconds:.1f} s)")
        return
    console.print(f"[green]✓[/] {escape(str(result.project))} updated: {summary} ({seconds:.1f} s)")
    if not result.dry_run:
        console.print(f"  next: [bold]tflite-scaffold verify {escape(str(result.project))}[/]")


def _update_json(result) -> dict:
    resolution = result.generated.resolution if result.generated else None
    return {
        "project": str(result.project),
        "up_to_date": result.up_to_date,
        "dry_run": result.dry_run,
        "notes": result.notes + (resolution.notes if resolution else []),
        "warnings": result.warnings + (resolution.warnings if resolution else []),
        "conflicts": [c.path for c in result.conflicts],
        "files": [
            {"path": c.path, "action": c.action, **({"kept_as": c.kept_as} if c.aside is not None else {}),
             **({"conflicts": c.conflicts} if c.conflicts else {})}
            for c in result.changes if c.action != "unchanged"
        ],
    }


@app.command()
@_guarded
def verify(
    project: Annotated[Path, typer.Argument(help="A project generated by `tflite-scaffold new`.")],
) -> None:
    """Compile the project's ml/ core and JVM tests with javac and run them with JUnit 4."""
    from scaffold.verify.junit import failure_summaries, run_jvm_tests

    try:
        with console.status("Compiling and running the golden tests…"):
            result = run_jvm_tests(project)
    except ScaffoldError as error:
        _fail(error)
        return
    for line in failure_summaries(result.output):
        errors.print(f"[red]✗[/] {escape(line)}")
    colour = "green" if result.ok else "red"
    console.print(f"[{colour}]{result.passed} passed, {result.failed} failed[/]")
    if not result.ok:
        raise typer.Exit(code=1)


def _read_tflite(model: str, command: str) -> tuple[Path, bytes]:
    """A .tflite file's path and bytes; other sources are pointed to `convert`."""
    from scaffold.errors import UnsupportedModel
    from scaffold.model.source import ModelKind, detect_kind

    kind = detect_kind(model)
    if kind is not ModelKind.TFLITE:
        raise UnsupportedModel(f"{command} reads .tflite files and {model} is a {kind.value}: convert it first "
                               f"(tflite-scaffold convert {model} --out model.tflite).")
    path = Path(model)
    return path, path.read_bytes()


def _print_json(data: dict) -> None:
    # Plain print: rich would wrap long lines and break the JSON.
    print(json.dumps(data, indent=2))


@app.command()
@_guarded
def inspect(
    model: Annotated[str, typer.Argument(metavar="MODEL", help="A .tflite file.")],
    json_: Annotated[bool, typer.Option("--json", help="Print the report as JSON (docs/schemas/inspect.schema.json).")] = False,
) -> None:
    """What a .tflite takes and gives, what `new` would make of it, and known problems."""
    from scaffold.diagnose.inspection import inspect_file

    try:
        path, model_bytes = _read_tflite(model, "inspect")
        result = inspect_file(path, model_bytes)
    except ScaffoldError as error:
        _fail(error)
        return
    if json_:
        _print_json(result)
    else:
        _print_inspection(result)


def _print_inspection(r: dict) -> None:
    def tensor(t: dict) -> str:
        quant = f", scale {t['scale']:.6g}, zero-point {t['zero_point']}" if t["scale"] else ""
        declared = t["shape_signature"]
        dynamic = f" (declared {declared})" if declared and declared != t["shape"] else ""
        return f"{escape(t['name'])}: {t['dtype']} {t['shape']}{dynamic}{quant}"

    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_row("model", f"{escape(r['model']['path'])}, {r['model']['size_bytes'] / 1024:.1f} KiB")
    for t in r["inputs"]:
        table.add_row("input", tensor(t))
    for t in r["outputs"]:
        table.add_row("output", tensor(t))
    meta = r["metadata"]
    if meta is None:
        table.add_row("metadata", "none")
    else:
        norm = meta["normalization"]
        table.add_row("metadata", escape(", ".join(f"{k} {meta[k]}" for k in ("name", "version", "author", "license") if meta[k])
                                         or "present"))
        table.add_row("normalization", f"mean {norm['mean']}, std {norm['std']}" if norm else "none")
        first = ", ".join(meta["labels_first"]) + (", …" if meta["labels_count"] > len(meta["labels_first"]) else "")
        table.add_row("labels", escape(f"{meta['labels_count']}: {first}") if meta["labels_count"] else "none")
    table.add_row("ops", escape(", ".join(f"{o['name']} ×{o['count']}" for o in r["ops"])))
    task = r["task"]
    table.add_row("task", escape(f"{task['task'] or 'none'} ({task['reason']})"))
    pixels = r["pixels"]
    table.add_row("pixels", escape(f"{pixels['convention'] or 'unknown'}: {pixels['reason']}"))
    table.add_row("gpu", escape(r["gpu"]["summary"]))
    console.print(table)
    for warning in r["warnings"]:
        errors.print(f"[yellow]warning:[/] {escape(warning)}")


@app.command()
@_guarded
def bench(
    model: Annotated[str, typer.Argument(metavar="MODEL", help="A .tflite file.")],
    images: Annotated[Optional[Path], typer.Option(help="Images to feed (the first times latency; all of them --compare). "
                                                 "Default: the synthetic test card.")] = None,
    threads: Annotated[str, typer.Option(help="CPU thread counts to time, comma-separated.")] = "1,2,4",
    runs: Annotated[int, typer.Option(help="Timed runs per thread count.")] = 50,
    warmup: Annotated[int, typer.Option(help="Untimed runs first (XNNPACK packs weights, caches warm).")] = 5,
    compare: Annotated[Optional[str], typer.Option(help="Another .tflite of the same model (e.g. a quantized "
                                                   "conversion): top-1 agreement and output differences on --images.")] = None,
    mean: MeanOpt = None,
    std: StdOpt = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the results as JSON (docs/schemas/bench.schema.json).")] = False,
) -> None:
    """Latency (mean, P50, P95, P99, min) per thread count with LiteRT on the CPU, and agreement with another model."""
    from rich.progress import Progress

    from scaffold.convert.calibration import check_readable, find_images
    from scaffold.diagnose.bench import bench as run_bench
    from scaffold.diagnose.bench import open_model, parse_threads
    from scaffold.model.resolve import parse_floats
    from scaffold.model.spec import Normalization

    try:
        if (mean is None) != (std is None):
            raise NormalizationError("pass --mean and --std together.")
        normalization = Normalization(parse_floats(mean, "--mean"), parse_floats(std, "--std")) if mean else None
        counts = parse_threads(threads)
        paths = find_images(images, "--images") if images is not None else []
        reference = open_model(*_read_tflite(model, "bench"), normalization)
        other = open_model(*_read_tflite(compare, "bench --compare"), normalization, fallback=True) if compare else None
        with Progress(console=errors, transient=True, disable=json_ or runs * len(counts) < 100) as progress:
            task = progress.add_task("Timing…", total=runs * len(counts))
            result = run_bench(reference, paths, counts, runs, warmup, other,
                               lambda done, total: progress.update(task, completed=done))
    except ScaffoldError as error:
        _fail(error)
        return
    if json_:
        _print_json(result)
        return
    table = Table("threads", "mean ms", "P50", "P95", "P99", "min", box=None, padding=(0, 2))
    for row in result["latency"]:
        table.add_row(str(row["threads"]), *(f"{row[k]:.3f}" for k in ("mean_ms", "p50_ms", "p95_ms", "p99_ms", "min_ms")))
    console.print(f"{escape(result['model']['path'])}: {result['model']['size_bytes'] / 1024:.1f} KiB, "
                  f"{runs} runs after {warmup} warm-up, input {escape(result['input']['source'])} "
                  f"({result['input']['pixels']} {result['input']['dtype']})")
    console.print(table)
    other_result = result["compare"]
    if other_result:
        console.print(f"against {escape(other_result['model'])} ({other_result['size_bytes'] / 1024:.1f} KiB) on "
                      f"{other_result['images']} images: top-1 agreement {other_result['top1_agreement']:.1%}, output "
                      f"difference mean {other_result['mean_abs_diff']:.5f}, max {other_result['max_abs_diff']:.5f}")


@app.command()
@_guarded
def doctor(
    json_: Annotated[bool, typer.Option("--json", help="Print the checks as JSON (docs/schemas/doctor.schema.json).")] = False,
) -> None:
    """Check what tflite-scaffold and `verify` need on this machine, and say how to fix what is missing."""
    from scaffold.diagnose.doctor import report, run_checks

    result = report(run_checks(Path.cwd()))
    if json_:
        _print_json(result)
    else:
        marks = {"ok": "[green]✓[/]", "missing": "[red]✗[/]", "optional": "[yellow]–[/]"}
        for check in result["checks"]:
            line = f"{marks[check['status']]} {escape(check['name'])}: {escape(check['detail'])}"
            if check["fix"] and check["status"] != "ok":
                line += f"\n    fix: {escape(check['fix'])}"
            console.print(line)
    if not result["ok"]:
        raise typer.Exit(code=1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
