"""Convert a TensorFlow model for one variant and measure what the variant changed.

Used by both ``convert`` and ``new``. Every check on user input (options, directories, image
files, normalization) happens in :func:`plan_conversion`, before TensorFlow is imported; the
slow part, :func:`run_conversion`, only starts once the inputs are known to be usable.

The float32 conversion is always made too: it is the baseline for size and agreement, and it
tells us the input tensor the calibration images must be preprocessed for.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from scaffold.convert.calibration import check_readable, find_images, input_tensors, split_calibration
from scaffold.convert.options import MIN_CALIBRATION_IMAGES, ConversionOptions
from scaffold.convert.report import ConversionReport, compare_outputs
from scaffold.errors import AgreementTooLow, ImageError, InvalidOption, NormalizationError
from scaffold.model.resolve import check_normalization, image_size, image_size_of
from scaffold.model.runtime import flex_ops, load_interpreter, run_model
from scaffold.model.source import ModelKind
from scaffold.model.spec import Preprocessing, TensorInfo
from scaffold.model.tflite import inspect_model
from scaffold.reference.postprocess import dequantize

Report = Callable[[str], None]


@dataclass(frozen=True)
class ConversionPlan:
    source: str
    kind: ModelKind
    options: ConversionOptions
    preprocessing: Preprocessing | None
    calibration: list[Path]
    evaluation: list[Path]
    notes: list[str]


@dataclass(frozen=True)
class ConversionResult:
    model_bytes: bytes
    report: ConversionReport
    # Set when the converted model has Flex ops: Python cannot run it, so golden outputs come
    # from this float TensorFlow model instead (see golden.cases).
    tensorflow_model: object | None = None


def plan_conversion(
    source: str,
    kind: ModelKind,
    options: ConversionOptions,
    preprocessing: Preprocessing | None,
    calibration_dir: Path | None,
    eval_dir: Path | None,
    min_agreement: float | None = None,
) -> ConversionPlan:
    options.validate()
    if min_agreement is not None and not 0.0 <= min_agreement <= 1.0:
        raise InvalidOption(f"--min-agreement is a fraction between 0 and 1, got {min_agreement}.")
    notes: list[str] = []
    if not kind.needs_conversion:
        if options != ConversionOptions() or calibration_dir or eval_dir or min_agreement is not None:
            raise InvalidOption(
                f"{source} is already a .tflite: --quantize, --io-type, --select-tf-ops and the calibration/evaluation "
                "options apply when converting a Keras, SavedModel or Python source."
            )
        return ConversionPlan(source, kind, options, preprocessing, [], [], notes)
    if (calibration_dir or eval_dir) and preprocessing is None:
        raise NormalizationError(
            "calibration and evaluation images are preprocessed exactly like the app does: pass --mean and --std."
        )
    calibration: list[Path] = []
    held_out: list[Path] = []
    if options.needs_calibration:
        if calibration_dir is None:
            raise InvalidOption("--quantize int8 needs --calibration-images DIR (representative images from your data).")
        images = find_images(calibration_dir, "--calibration-images")
        if len(images) < MIN_CALIBRATION_IMAGES:
            raise ImageError(
                f"--calibration-images {calibration_dir} has {len(images)} images; int8 calibration needs at least "
                f"{MIN_CALIBRATION_IMAGES} representative images."
            )
        split = split_calibration(images, options.calibration_steps)
        calibration, held_out = split.calibration, split.held_out
        if len(calibration) < options.calibration_steps:
            notes.append(f"calibrated on all {len(calibration)} images (fewer than --calibration-steps {options.calibration_steps})")
    elif calibration_dir is not None:
        # Nothing is calibrated without int8, so every image is "not used for calibration".
        held_out = find_images(calibration_dir, "--calibration-images")
    evaluation = find_images(eval_dir, "--eval-images") if eval_dir else held_out
    if min_agreement is not None and not evaluation:
        raise ImageError(
            "--min-agreement needs held-out images: pass --eval-images DIR, or give --calibration-images more images "
            "than --calibration-steps."
        )
    check_readable(calibration + evaluation)
    return ConversionPlan(source, kind, options, preprocessing, calibration, evaluation, notes)


def _open_source(plan: ConversionPlan):
    from scaffold.convert import sources

    if plan.kind is ModelKind.SAVED_MODEL:
        return sources.load_saved_model(Path(plan.source))
    if plan.kind is ModelKind.PYTHON:
        return sources.load_python_function(plan.source)
    return sources.load_keras(Path(plan.source))


def run_conversion(plan: ConversionPlan, report: Report = lambda _: None) -> ConversionResult:
    from scaffold.convert.converter import convert

    source = _open_source(plan)
    image = image_size_of(source.input_shape)
    float_input = TensorInfo("input", 0, source.input_shape, "float32")
    if plan.preprocessing is not None:
        normalization = check_normalization(plan.preprocessing.normalization, image.channels)
        plan = replace(plan, preprocessing=replace(plan.preprocessing, normalization=normalization))

    float_bytes = None
    converted_bytes = None
    calibration = []
    if plan.options.needs_calibration:
        report(f"Preprocessing {len(plan.calibration)} calibration images…")
        calibration = [t for (t,) in input_tensors(plan.calibration, image, plan.preprocessing, float_input)]
    if plan.options.quantize != "none":
        report(f"Converting {source.description} to {plan.options.describe}…")
        converted = convert(source, plan.options, calibration)
        converted_bytes, float_bytes = converted.model, converted.float_model
    if float_bytes is None:
        report(f"Converting {source.description} to float32{' (the baseline)' if converted_bytes else ''}…")
        float_bytes = convert(source, ConversionOptions(select_tf_ops=plan.options.select_tf_ops)).model
    converted_bytes = converted_bytes or float_bytes

    facts = inspect_model(converted_bytes, "the converted model")
    image_size(facts)  # the converted model must still be an NHWC image model
    notes = list(plan.notes)
    flex = flex_ops(facts.ops)
    comparison = None
    if plan.evaluation and len(facts.outputs) != 1:
        notes.append("agreement not measured: top-1 agreement is defined for classifiers (one output); this model has "
                     f"{len(facts.outputs)} outputs")
    elif plan.evaluation and flex:
        notes.append(f"agreement not measured: the model uses Flex ops ({', '.join(flex)}) that Python's LiteRT cannot run")
    elif plan.evaluation:
        report(f"Comparing float32 and {plan.options.describe} on {len(plan.evaluation)} held-out images…")
        comparison = _compare(float_bytes, converted_bytes, facts.inputs[0], facts.outputs[0], plan, image)
    else:
        notes.append("agreement not measured: no held-out images (--eval-images DIR)")

    return ConversionResult(
        converted_bytes,
        ConversionReport(
            source=plan.source,
            variant=plan.options.describe,
            quantize=plan.options.quantize,
            io_type=plan.options.io_type,
            select_tf_ops=plan.options.select_tf_ops,
            float_size=len(float_bytes),
            converted_size=len(converted_bytes),
            calibration_images=len(calibration),
            input=facts.inputs[0],
            output=facts.outputs[0],
            ops=facts.ops,
            comparison=comparison,
            notes=notes,
        ),
        tensorflow_model=source if flex else None,
    )


def _compare(float_bytes, converted_bytes, converted_input: TensorInfo, converted_output: TensorInfo, plan, image):
    float_model = load_interpreter(float_bytes, "the float32 conversion")
    converted_model = load_interpreter(converted_bytes, "the converted model")
    float_input = replace(converted_input, dtype="float32", scale=0.0, zero_point=0)
    float_outputs, converted_outputs = [], []
    for float_tensor, converted_tensor in input_tensors(plan.evaluation, image, plan.preprocessing, float_input, converted_input):
        (expected,) = run_model(float_model, [float_tensor])
        (actual,) = run_model(converted_model, [converted_tensor])
        float_outputs.append(expected.astype(np.float64).reshape(-1))
        converted_outputs.append(dequantize(actual, converted_output))
    return compare_outputs(float_outputs, converted_outputs)


def check_agreement(report: ConversionReport, min_agreement: float | None, report_path: Path | None) -> None:
    """Raise AgreementTooLow when the converted model disagrees with the float model too often."""
    if min_agreement is None:
        return
    comparison = report.comparison
    saved = f" (details in {report_path})" if report_path else ""
    if comparison is None:
        raise AgreementTooLow(f"--min-agreement {min_agreement} cannot be checked: {'; '.join(report.notes)}{saved}.")
    if comparison.top1_agreement < min_agreement:
        raise AgreementTooLow(
            f"{report.variant}: top-1 agreement with float32 is {comparison.top1_agreement:.3f} on "
            f"{comparison.images} held-out images, below --min-agreement {min_agreement}; nothing written{saved}."
        )


def save_report(report: ConversionReport, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8")
