"""``bench``: latency per thread count with LiteRT's CPU (XNNPACK) path, and what a second model
(a quantized conversion, say) changes in the outputs.

Both measurements feed each model what the generated app would: its own input tensor, built by
the reference preprocessing with the pixel convention ``new`` resolves for it (metadata
normalization, raw pixels for uint8, ``--mean/--std`` where the model has none). The comparison
is the conversion report's own (``scaffold.convert.report.compare_outputs`` on dequantized
outputs), so ``bench --compare`` and ``convert --report`` agree on the same images. The JSON form
is documented in docs/schemas/bench.schema.json; latencies come with their samples so anyone
can recompute the percentiles.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from scaffold.convert.calibration import iter_input_tensors
from scaffold.convert.report import compare_outputs
from scaffold.convert.workflow import MAX_EVAL_IMAGES
from scaffold.errors import InvalidOption, UnsupportedModel
from scaffold.model.resolve import Choices, image_size, resolve_common
from scaffold.model.runtime import flex_ops, load_interpreter, run_model
from scaffold.model.spec import ModelFacts, Normalization, Preprocessing
from scaffold.model.tflite import inspect_model
from scaffold.reference.images import synthetic_image
from scaffold.reference.orientation import UPRIGHT
from scaffold.reference.postprocess import dequantize
from scaffold.reference.preprocess import preprocess

SCHEMA = "tflite-scaffold/bench/1"
# As many as convert's report measures agreement on.
MAX_COMPARE_IMAGES = MAX_EVAL_IMAGES
MAX_THREADS = 64
MAX_RUNS = 100_000

# Called with (done, total) as timed runs complete.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BenchModel:
    """One model ready to run: its bytes, facts and the preprocessing the app would use."""

    path: Path
    model_bytes: bytes
    facts: ModelFacts
    preprocessing: Preprocessing

    def input_for(self, argb: np.ndarray) -> np.ndarray:
        return preprocess(argb, UPRIGHT, image_size(self.facts), self.preprocessing, self.facts.inputs[0])


def open_model(path: Path, model_bytes: bytes, normalization: Normalization | None, fallback: bool = False) -> BenchModel:
    """``normalization`` (--mean/--std) applies to the model; with ``fallback`` only where the
    model's own metadata has none (the --compare model keeps what it says about itself)."""
    facts = inspect_model(model_bytes, str(path))
    if fallback and facts.metadata is not None and facts.metadata.normalization is not None:
        normalization = None
    if len(facts.inputs) != 1:
        raise UnsupportedModel(f"{path} has {len(facts.inputs)} inputs; bench feeds one image input.")
    flex = flex_ops(facts.ops)
    if flex:
        raise UnsupportedModel(f"{path} uses Select TF ops ({', '.join(flex)}), which Python's LiteRT cannot run.")
    common = resolve_common(facts, Choices(normalization=normalization))
    return BenchModel(path, model_bytes, facts, common.preprocessing)


def parse_threads(text: str) -> list[int]:
    try:
        threads = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        threads = []
    if not threads or any(not 1 <= t <= MAX_THREADS for t in threads):
        raise InvalidOption(f"--threads takes comma-separated counts from 1 to {MAX_THREADS}, e.g. 1,2,4; got '{text}'.")
    return list(dict.fromkeys(threads))


def latency_stats(samples_ms: list[float]) -> dict:
    """Mean, P50, P95, P99 (numpy's linear interpolation) and min of the samples, in ms."""
    values = np.asarray(samples_ms, dtype=np.float64)
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return {"mean_ms": float(values.mean()), "p50_ms": float(p50), "p95_ms": float(p95), "p99_ms": float(p99),
            "min_ms": float(values.min())}


def measure(model: BenchModel, tensor: np.ndarray, threads: int, runs: int, warmup: int, progress: Progress,
            done: int, total: int) -> dict:
    """``runs`` timed invocations after ``warmup`` untimed ones, on ``threads`` CPU threads."""
    interpreter = load_interpreter(model.model_bytes, str(model.path), threads=threads)
    detail = interpreter.get_input_details()[0]
    interpreter.set_tensor(detail["index"], tensor.reshape(detail["shape"]))
    for _ in range(warmup):
        interpreter.invoke()
    samples = []
    for i in range(runs):
        start = time.perf_counter_ns()
        interpreter.invoke()
        samples.append((time.perf_counter_ns() - start) / 1e6)
        progress(done + i + 1, total)
    return {"threads": threads, "runs": runs, "warmup": warmup, **latency_stats(samples), "samples_ms": samples}


def compare(reference: BenchModel, other: BenchModel, images: list[Path]) -> dict:
    """Top-1 agreement and output differences of ``other`` against ``reference`` on ``images``,
    each model fed its own input tensor."""
    if len(reference.facts.outputs) != 1 or len(other.facts.outputs) != 1:
        raise UnsupportedModel("--compare measures classifiers (one output): top-1 agreement is not defined for "
                               f"{max(len(reference.facts.outputs), len(other.facts.outputs))} outputs.")
    if reference.facts.outputs[0].shape != other.facts.outputs[0].shape:
        raise UnsupportedModel(f"the models' outputs differ in shape ({list(reference.facts.outputs[0].shape)} vs "
                               f"{list(other.facts.outputs[0].shape)}): not two versions of one model.")
    first = load_interpreter(reference.model_bytes, str(reference.path))
    second = load_interpreter(other.model_bytes, str(other.path))
    feeds = ((reference.preprocessing, reference.facts.inputs[0]), (other.preprocessing, other.facts.inputs[0]))
    a_outputs, b_outputs = [], []
    for a_input, b_input in _per_model_inputs(images, reference, other, feeds):
        (a,) = run_model(first, [a_input])
        (b,) = run_model(second, [b_input])
        a_outputs.append(dequantize(a, reference.facts.outputs[0]).reshape(-1))
        b_outputs.append(dequantize(b, other.facts.outputs[0]).reshape(-1))
    result = compare_outputs(a_outputs, b_outputs)
    return {"model": str(other.path), "size_bytes": len(other.model_bytes), "images": result.images,
            "top1_agreement": result.top1_agreement, "mean_abs_diff": result.mean_abs_diff,
            "max_abs_diff": result.max_abs_diff}


def _per_model_inputs(images, reference: BenchModel, other: BenchModel, feeds):
    """Both models' inputs for each image, one image at a time."""
    if image_size(reference.facts) == image_size(other.facts):
        return iter_input_tensors(images, image_size(reference.facts), *feeds)
    # Different input sizes: each model resizes the same photo its own way.
    return ((a, b) for (a,), (b,) in zip(iter_input_tensors(images, image_size(reference.facts), feeds[0]),
                                          iter_input_tensors(images, image_size(other.facts), feeds[1])))


def bench(model: BenchModel, images: list[Path], threads: list[int], runs: int, warmup: int,
          other: BenchModel | None, progress: Progress = lambda done, total: None) -> dict:
    if not 1 <= runs <= MAX_RUNS:
        raise InvalidOption(f"--runs must be from 1 to {MAX_RUNS}.")
    if not 0 <= warmup <= MAX_RUNS:
        raise InvalidOption(f"--warmup must be from 0 to {MAX_RUNS}.")
    if other is not None and not images:
        raise InvalidOption("--compare needs --images DIR: agreement is measured on real images.")
    if len(images) > MAX_COMPARE_IMAGES:  # bounded like convert's held-out set, and the same sample
        images = sorted(random.Random(0).sample(images, MAX_COMPARE_IMAGES))
    argb = _first_image(images)
    tensor = model.input_for(argb)
    total = runs * len(threads)
    latencies = [measure(model, tensor, t, runs, warmup, progress, i * runs, total) for i, t in enumerate(threads)]
    return {
        "schema": SCHEMA,
        "model": {"path": str(model.path), "size_bytes": len(model.model_bytes)},
        "input": {"source": str(images[0]) if images else "synthetic test card", "pixels": model.preprocessing.input_values,
                  "dtype": model.facts.inputs[0].dtype},
        "latency": latencies,
        "compare": compare(model, other, images) if other is not None else None,
    }


def _first_image(images: list[Path]) -> np.ndarray:
    if not images:
        return synthetic_image()
    from scaffold.convert.calibration import MAX_SOURCE_SIDE
    from scaffold.reference.images import load_image

    return load_image(images[0], MAX_SOURCE_SIDE)
