"""Run a .tflite in Python with ai-edge-litert, the maintained LiteRT interpreter.

The golden vectors' "raw output" column comes from here: the exact bytes the model returns for
the exact input tensor the reference preprocessing built. ``tf.lite.Interpreter`` is deprecated
and would drag TensorFlow into paths that start from a .tflite, so we never use it.
"""

from __future__ import annotations

import numpy as np
from ai_edge_litert.interpreter import Interpreter

from scaffold.errors import UnsupportedModel
from scaffold.quiet import native_output_silenced


def load_interpreter(model_bytes: bytes, source: str = "model", allocate: bool = True, threads: int = 1) -> Interpreter:
    """A single-threaded interpreter by default (deterministic results for golden data).

    ``allocate=False`` is enough to read tensor details, and works for models whose ops this
    runtime cannot execute (Flex ops), which fail only at allocation.
    """
    try:
        with native_output_silenced():  # "INFO: Created TensorFlow Lite XNNPACK delegate"
            interpreter = Interpreter(model_content=bytes(model_bytes), num_threads=threads)
    except (ValueError, RuntimeError) as exc:
        raise _unloadable(exc, source) from exc
    if allocate:
        allocate_tensors(interpreter, source)
    return interpreter


def allocate_tensors(interpreter: Interpreter, source: str = "model") -> None:
    try:
        with native_output_silenced():
            interpreter.allocate_tensors()
    except (ValueError, RuntimeError) as exc:
        raise _unloadable(exc, source) from exc


def _unloadable(exc: Exception, source: str) -> UnsupportedModel:
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return UnsupportedModel(f"LiteRT cannot load {source}: {first_line}")


def flex_ops(ops: tuple[str, ...]) -> list[str]:
    """Select TF ops in a graph. Python's LiteRT (and TF 2.21's tf.lite) cannot run them."""
    return [op for op in ops if op.startswith("Flex")]


def run_model(interpreter: Interpreter, inputs: list[np.ndarray]) -> list[np.ndarray]:
    """Invoke once; returns copies of every output tensor in the model's output order."""
    for detail, value in zip(interpreter.get_input_details(), inputs, strict=True):
        interpreter.set_tensor(detail["index"], value.reshape(detail["shape"]).astype(detail["dtype"], copy=False))
    interpreter.invoke()
    return [interpreter.get_tensor(d["index"]).copy() for d in interpreter.get_output_details()]
