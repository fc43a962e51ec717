"""The ``tflite-scaffold`` command line: parse options, call the pipeline, print the outcome.

No logic lives here beyond turning strings into typed requests; everything else is importable
from :mod:`scaffold.pipeline` and friends. A :class:`ScaffoldError` becomes one red line on
stderr and exit code 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import enum
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from scaffold import __version__
from scaffold.errors import NormalizationError, ScaffoldError

app = typer.Typer(
    name="tflite-scaffold",
    help="Turn a trained vision model into a ready-to-build Android Studio project with golden JVM tests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# soft_wrap: an error or failure line stays one line, whatever the terminal width.
console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


class Language(str, enum.Enum):
    kotlin = "kotlin"
    java = "java"


class ChannelOrder(str, enum.Enum):
    rgb = "rgb"
    bgr = "bgr"


class Resize(str, enum.Enum):
    stretch = "stretch"
    center_crop = "center-crop"


def _fail(error: ScaffoldError) -> None:
    message = " ".join(str(error).split())  # always exactly one line
    errors.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code=1)


def _version(value: bool) -> None:
    if value:
        console.print(f"tflite-scaffold {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn a trained vision model into a ready-to-build Android Studio project with golden JVM tests."""


@app.command()
def new(
    model: Annotated[Path, typer.Argument(help=".tflite, Keras .keras/.h5 file, or SavedModel directory.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to create the Android project in.")],
    labels: Annotated[
        Optional[Path], typer.Option(help="Label file, one label per line (default: labels embedded in the model).")
    ] = None,
    app_name: Annotated[str, typer.Option(help="App name under the launcher icon.")] = "TFLite Classifier",
    package: Annotated[
        str, typer.Option(help="Java package and applicationId.")
    ] = "com.example.tfliteclassifier",
    language: Annotated[Language, typer.Option(help="Language of the UI layer; the ml/ core is Java.")] = Language.kotlin,
    mean: Annotated[
        Optional[str], typer.Option(help="Normalization mean in 0..255 pixels: one value or one per channel, e.g. 127.5 or 123.7,116.3,103.5. Default: from the model's metadata.")
    ] = None,
    std: Annotated[Optional[str], typer.Option(help="Normalization std, same form as --mean.")] = None,
    channel_order: Annotated[ChannelOrder, typer.Option(help="Channel order of the input tensor.")] = ChannelOrder.rgb,
    resize: Annotated[
        Resize, typer.Option(help="stretch: whole image squashed to the input size; center-crop: centred crop with the input's aspect ratio.")
    ] = Resize.stretch,
    softmax: Annotated[
        Optional[bool], typer.Option("--softmax/--no-softmax", help="Apply softmax to the output (default: only when the model does not end in SOFTMAX).")
    ] = None,
    top_k: Annotated[int, typer.Option(help="Categories shown by the app.")] = 3,
    threads: Annotated[int, typer.Option(help="Interpreter CPU threads in the app.")] = 4,
    golden_image: Annotated[
        Optional[list[Path]], typer.Option(help="Extra image for the golden tests (repeatable).")
    ] = None,
    model_name: Annotated[Optional[str], typer.Option(help="Name written to the model metadata.")] = None,
    model_description: Annotated[Optional[str], typer.Option(help="Description written to the model metadata.")] = None,
    model_version: Annotated[Optional[str], typer.Option(help="Version written to the model metadata.")] = None,
    force: Annotated[bool, typer.Option(help="Write into a non-empty --out, replacing generated files.")] = False,
) -> None:
    """Generate an Android Studio project that classifies camera frames and photos with MODEL."""
    from scaffold.model.resolve import parse_floats
    from scaffold.model.spec import Normalization
    from scaffold.pipeline import NewProjectRequest, new_project
    from scaffold.render.context import AppOptions

    started = time.perf_counter()
    try:
        if (mean is None) != (std is None):
            raise NormalizationError("pass --mean and --std together.")
        request = NewProjectRequest(
            model=model,
            out=out,
            app=AppOptions(app_name, package, language.value, top_k, threads),
            labels_file=labels,
            normalization=Normalization(parse_floats(mean, "--mean"), parse_floats(std, "--std")) if mean else None,
            channel_order=channel_order.value,
            resize=resize.value,
            apply_softmax=softmax,
            golden_images=list(golden_image or []),
            model_name=model_name,
            model_description=model_description,
            model_version=model_version,
            force=force,
        )
        with console.status("Generating project…"):
            result = new_project(request, report=lambda line: console.print(f"  {escape(line)}"))
    except ScaffoldError as error:
        _fail(error)
        return
    _print_new_summary(result, time.perf_counter() - started)


def _print_new_summary(result, seconds: float) -> None:
    from scaffold.render.context import model_summary

    spec = result.spec
    norm = spec.preprocessing.normalization
    for note in result.resolution.notes:
        console.print(f"  [dim]•[/] {escape(note)}")
    for warning in result.resolution.warnings:
        errors.print(f"[yellow]warning:[/] {escape(warning)}")
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_row("model", f"{result.kind.value} → {len(spec.model_bytes) / 1024:.1f} KiB .tflite")
    table.add_row("tensors", escape(model_summary(spec)))
    colour = spec.preprocessing.channel_order if spec.image.channels == 3 else "grayscale"
    table.add_row("preprocessing", escape(f"{spec.preprocessing.resize}, {colour}, mean {list(norm.mean)} std {list(norm.std)}"))
    table.add_row("scores", "softmax in the app" if spec.apply_softmax else "as output by the model")
    table.add_row("metadata", "written (normalization, labels, name)" if result.metadata_written else "kept (already matches)")
    console.print(table)
    cases = Table("golden case", "top-1", "score", box=None, padding=(0, 2))
    for case in result.cases:
        best = case.top_k[0]
        cases.add_row(case.name, escape(best.label), f"{best.score:.3f}")
    console.print(cases)
    render = result.render
    if render.replaced or render.removed:
        console.print(f"  replaced {render.replaced} generated files, removed {render.removed} no longer generated")
    for path in render.overwritten_edits:
        errors.print(f"[yellow]warning:[/] overwrote {escape(path)}, which you had edited since the last generation")
    for path in render.kept_edits:
        errors.print(f"[yellow]warning:[/] kept {escape(path)}: no longer generated, but you had edited it")
    console.print(f"[green]✓[/] Android project in [bold]{escape(str(render.path))}[/] ({len(render.files)} files, {seconds:.1f} s)")
    console.print(f"  next: [bold]tflite-scaffold verify {escape(str(render.path))}[/], then open it in Android Studio")


@app.command()
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
