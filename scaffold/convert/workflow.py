"""Convert a TensorFlow model for one variant and measure what the variant changed.

Used by both ``convert`` and ``new``. Every check on user input (options, directories, image
files, normalization) happens in :func:`plan_conversion`, before TensorFlow is imported; the
slow part, :func:`run_conversion`, only starts once the inputs are known to be usable.

The float32 conversion is always made too: it is the baseline for size and agreement, and it
tells us the input tensor the calibration images must be preprocessed for.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from scaffold.convert.calibration import check_readable, find_images, input_tensors, iter_input_tensors, split_calibration
from scaffold.convert.options import MIN_CALIBRATION_IMAGES, ConversionOptions
from scaffold.convert.report import ConversionReport, compare_outputs
from scaffold.errors import AgreementTooLow, ImageError, InvalidOption, NormalizationError
from scaffold.model.resolve import check_normalization, image_size, image_size_of
from scaffold.model.runtime import flex_ops, load_interpreter, run_model
from scaffold.model.source import ModelKind
from scaffold.model.spec import Normalization, Preprocessing, TensorInfo
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
    # What the converted model's input takes, when conversion decided it: for uint8 / int8
    # inputs the normalization is inside the graph, so the input takes pixels (see
    # ``pixel_input``); None: the normalization the user gave, as usual.
    input: PixelInput | None = None


# Normalization of a model that takes pixels as they are: (pixel - 0) / 1.
IDENTITY = Normalization((0.0,), (1.0,))


@dataclass(frozen=True)
class PixelInput:
    """The input of a model converted with its normalization in the graph."""

    normalization: Normalization
    # "raw": the uint8 input's scale and zero-point are exactly 1 and 0, so the app feeds raw
    # pixels as the Task Library does; "normalized": they came out otherwise (or the input is
    # int8), so the app quantizes the pixel values with them.
    input_values: str
    note: str


# Enough for a tight agreement estimate; a folder of 100 000 photos must not mean 100 000 runs.
MAX_EVAL_IMAGES = 2000


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
    if len(evaluation) > MAX_EVAL_IMAGES:
        notes.append(f"agreement measured on {MAX_EVAL_IMAGES} of {len(evaluation)} held-out images (a seeded sample "
                     "across the folders), which bounds the run")
        evaluation = sorted(random.Random(0).sample(evaluation, MAX_EVAL_IMAGES))
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
    # Integer inputs take pixels: the normalization moves into the graph, and everything that
    # feeds the converted graph (calibration, the float baseline) feeds it 0..255 pixel values.
    baked = plan.options.io_type != "float32"
    feed = plan.preprocessing
    if baked:
        source = source.with_normalization(plan.preprocessing.normalization.mean, plan.preprocessing.normalization.std)
        feed = replace(plan.preprocessing, normalization=IDENTITY.for_channels(image.channels))

    float_bytes = None
    converted_bytes = None
    calibration = []
    if plan.options.needs_calibration:
        report(f"Preprocessing {len(plan.calibration)} calibration images…")
        calibration = [t for (t,) in input_tensors(plan.calibration, image, (feed, float_input))]
        if baked:
            calibration.append(_full_range(calibration[0]))
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
    pixels = _pixel_input(facts.inputs[0], plan.preprocessing.normalization, image.channels) if baked else None
    if pixels is not None:
        notes.append(pixels.note)
    flex = flex_ops(facts.ops)
    comparison = None
    if plan.evaluation and len(facts.outputs) != 1:
        notes.append("agreement not measured: top-1 agreement is defined for classifiers (one output); this model has "
                     f"{len(facts.outputs)} outputs")
    elif plan.evaluation and flex:
        notes.append(f"agreement not measured: the model uses Flex ops ({', '.join(flex)}) that Python's LiteRT cannot run")
    elif plan.evaluation:
        report(f"Comparing float32 and {plan.options.describe} on {len(plan.evaluation)} held-out images…")
        converted_feed = replace(feed, input_values=pixels.input_values) if pixels else feed
        comparison = _compare(float_bytes, converted_bytes, facts.inputs[0], facts.outputs[0], plan.evaluation, image,
                              feed, converted_feed)
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
            calibration_images=len(plan.calibration) if calibration else 0,
            input=facts.inputs[0],
            output=facts.outputs[0],
            ops=facts.ops,
            comparison=comparison,
            notes=notes,
        ),
        tensorflow_model=source if flex else None,
        input=pixels,
    )


def _full_range(tensor: np.ndarray) -> np.ndarray:
    """One calibration sample with a 0 and a 255 in it (two values of one image): the input's
    range calibrates to exactly 0..255, so a uint8 input gets scale 1 and zero-point 0 and takes
    raw pixels; an int8 input gets scale 1 and zero-point -128. Two values barely move the
    ranges of the layers behind."""
    pinned = tensor.copy()
    flat = pinned.reshape(-1)
    flat[0], flat[1] = 0.0, 255.0
    return pinned


def _pixel_input(tensor: TensorInfo, normalization: Normalization, channels: int) -> PixelInput:
    """What the converted model with normalization inside takes, and the sentence that says so."""
    norm = normalization.for_channels(channels)
    moved = f"normalization (mean {list(norm.mean)}, std {list(norm.std)}) is inside the converted model"
    exact = tensor.scale == 1.0 and tensor.zero_point == (0 if tensor.dtype == "uint8" else -128)
    if tensor.dtype == "uint8" and exact:
        return PixelInput(IDENTITY, "raw", f"{moved}: its uint8 input takes raw pixels 0..255 (scale 1, zero-point 0), "
                                           "as the TFLite Task Library and MediaPipe feed uint8 models")
    if tensor.dtype == "int8" and exact:
        return PixelInput(IDENTITY, "normalized", f"{moved}: its int8 input takes pixel - 128 (scale 1, zero-point -128); "
                                                  "int8 inputs have no ecosystem convention, so the app quantizes with "
                                                  "the tensor's scale and zero-point")
    return PixelInput(IDENTITY, "normalized", f"{moved}, but the {tensor.dtype} input calibrated to scale {tensor.scale:.6g}, "
                                              f"zero-point {tensor.zero_point} instead of 1 and {0 if tensor.dtype == 'uint8' else -128}: "
                                              "the app quantizes pixel values with them (an app that feeds raw pixels would be "
                                              "slightly off)")


def _compare(float_bytes, converted_bytes, converted_input: TensorInfo, converted_output: TensorInfo, images, image,
             float_feed: Preprocessing, converted_feed: Preprocessing):
    """Each model fed its own input for the same pixels: the float model float values, the
    converted one its own type (raw pixels, or values quantized with its scale and zero-point)."""
    float_model = load_interpreter(float_bytes, "the float32 conversion")
    converted_model = load_interpreter(converted_bytes, "the converted model")
    float_input = replace(converted_input, dtype="float32", scale=0.0, zero_point=0)
    float_outputs, converted_outputs = [], []
    for float_tensor, converted_tensor in iter_input_tensors(images, image, (float_feed, float_input), (converted_feed, converted_input)):
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
