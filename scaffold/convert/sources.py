"""TensorFlow-side model sources: Keras files, SavedModel directories, and Python ``module:function``.

Each source can hand out a fresh TFLiteConverter (one per conversion variant: converters are
stateful) and run the original float model, which is the baseline for models whose .tflite
cannot run in Python (Flex ops). Imports TensorFlow: only the conversion path uses this module.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

import numpy as np

from scaffold.errors import UnsupportedModel
from scaffold.quiet import native_output_silenced


def import_tensorflow():
    import os

    # TF's C++ INFO/WARNING lines (oneDNN notices, CUDA probing) are noise for our users.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    with native_output_silenced():
        import tensorflow as tf
    return tf


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


class TensorFlowSource:
    """A loaded float model that can be converted (repeatedly) and called."""

    def __init__(self, description: str, converter_factory, call, input_shape):
        self.description = description
        self._converter_factory = converter_factory
        self._call = call
        self._input_shape = input_shape

    @property
    def input_shape(self) -> tuple[int, ...]:
        """The first input's shape with the batch fixed to 1 (-1 for other unknown dimensions)."""
        dims = [-1 if d is None else int(d) for d in self._input_shape]
        return tuple([1, *dims[1:]]) if dims else ()

    def new_converter(self):
        with native_output_silenced(stdout=True):  # Keras' export prints its signature summary
            return self._converter_factory()

    def predict(self, batch: np.ndarray) -> np.ndarray:
        """The float model's (first) output for one input batch, as numpy."""
        return np.asarray(_first_output(self._call(batch)))

    def with_normalization(self, mean: tuple[float, ...], std: tuple[float, ...]) -> TensorFlowSource:
        """This model behind ``(pixels - mean) / std``: it takes 0..255 pixel values.

        Quantized with uint8 (or int8) inputs, such a model takes raw pixels, which is how the
        TFLite Task Library, MediaPipe and most apps feed integer-input models, and per-channel
        mean/std cost nothing extra (one scale and zero-point could not express them).
        """
        tf = import_tensorflow()
        shape = self.input_shape
        signature = [None if d < 0 else d for d in shape]
        mean_t = tf.constant(np.asarray(mean, dtype=np.float32))
        std_t = tf.constant(np.asarray(std, dtype=np.float32))
        call = self._call

        @tf.function(input_signature=[tf.TensorSpec(signature, tf.float32, name="pixels")])
        def normalized(pixels):
            # Every output, as the model returns them: a detector has two or four.
            return call((pixels - mean_t) / std_t)

        with native_output_silenced():
            concrete = normalized.get_concrete_function()
        return TensorFlowSource(
            f"{self.description} with its normalization in the graph",
            lambda: tf.lite.TFLiteConverter.from_concrete_functions([concrete], normalized),
            lambda batch: concrete(tf.convert_to_tensor(batch)),
            shape,
        )


def _first_output(result):
    """A model's first output: the only one, the first of a list, or the first key of a dict."""
    if isinstance(result, dict):
        return result[sorted(result)[0]]
    if isinstance(result, (list, tuple)):
        return result[0]
    return result


def load_keras(path: Path) -> TensorFlowSource:
    tf = import_tensorflow()
    try:
        with native_output_silenced():
            model = tf.keras.models.load_model(str(path), compile=False)
    except Exception as exc:
        raise UnsupportedModel(f"Keras cannot load {path}: {_first_line(exc)}") from exc
    return _from_keras_model(model, f"Keras model {path.name}")


def _from_keras_model(model, description: str) -> TensorFlowSource:
    """Keras models are exported to a SavedModel once and every variant converts from it.

    ``TFLiteConverter.from_keras_model`` does the same export internally on *every* convert(),
    which costs seconds per variant for a real model. The export mirrors what TF 2.21's
    from_keras_model writes for Keras 3: an inference-mode (training=False) "serve" endpoint.
    """
    import functools
    import tempfile

    import keras

    tf = import_tensorflow()
    exported: list[tempfile.TemporaryDirectory] = []

    def converter():
        if not exported:
            directory = tempfile.TemporaryDirectory(prefix="tflite-scaffold-savedmodel-")
            archive = keras.export.ExportArchive()
            archive.track(model)
            signature = [tf.TensorSpec(x.shape, dtype=x.dtype, name=x.name) for x in model.inputs]
            archive.add_endpoint("serve", functools.partial(model.__call__, training=False), signature)
            archive.write_out(directory.name, verbose=False)
            exported.append(directory)  # kept alive (and cleaned up) with this source
        return tf.lite.TFLiteConverter.from_saved_model(exported[0].name)

    return TensorFlowSource(description, converter, lambda batch: model(batch, training=False), model.inputs[0].shape)


def load_saved_model(path: Path) -> TensorFlowSource:
    tf = import_tensorflow()
    try:
        with native_output_silenced():
            loaded = tf.saved_model.load(str(path))
        serving = loaded.signatures.get("serving_default") or next(iter(loaded.signatures.values()))
    except Exception as exc:
        raise UnsupportedModel(f"TensorFlow cannot load the SavedModel {path}: {_first_line(exc)}") from exc
    inputs = serving.structured_input_signature[1]
    if not inputs:
        raise UnsupportedModel(f"the SavedModel {path} has a serving signature without named inputs.")
    input_name, input_spec = next(iter(inputs.items()))

    return TensorFlowSource(
        f"SavedModel {path.name}",
        lambda: tf.lite.TFLiteConverter.from_saved_model(str(path)),
        lambda batch: serving(**{input_name: tf.convert_to_tensor(batch)}),
        input_spec.shape,
    )


def load_python_function(spec: str) -> TensorFlowSource:
    """``package.module:function`` or ``path/to/file.py:function``; the function takes no
    arguments and returns a Keras model, a ``tf.function`` with an input signature, or a
    concrete function."""
    module_name, _, function_name = spec.rpartition(":")
    tf = import_tensorflow()
    try:
        if module_name.endswith(".py"):
            file = Path(module_name)
            module_spec = importlib.util.spec_from_file_location(file.stem, file)
            if module_spec is None or not file.is_file():
                raise UnsupportedModel(f"Python file not found: {file}")
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
        else:
            if "" not in sys.path:
                sys.path.insert(0, "")  # the working directory, as `python -m` would
            module = importlib.import_module(module_name)
        factory = getattr(module, function_name)
        with native_output_silenced():
            built = factory()
    except UnsupportedModel:
        raise
    except Exception as exc:
        raise UnsupportedModel(f"cannot build the model from {spec}: {_first_line(exc)}") from exc

    if isinstance(built, tf.keras.Model):
        return _from_keras_model(built, f"Keras model from {spec}")
    if hasattr(built, "get_concrete_function"):  # a tf.function with an input_signature
        try:
            concrete = built.get_concrete_function()
        except Exception as exc:
            raise UnsupportedModel(f"{spec} returned a tf.function without an input_signature: {_first_line(exc)}") from exc
        return TensorFlowSource(
            f"tf.function from {spec}",
            lambda: tf.lite.TFLiteConverter.from_concrete_functions([concrete], built),
            lambda batch: concrete(tf.convert_to_tensor(batch)),
            concrete.inputs[0].shape,
        )
    if isinstance(built, tf.types.experimental.ConcreteFunction):
        return TensorFlowSource(
            f"concrete function from {spec}",
            lambda: tf.lite.TFLiteConverter.from_concrete_functions([built]),
            lambda batch: built(tf.convert_to_tensor(batch)),
            built.inputs[0].shape,
        )
    raise UnsupportedModel(
        f"{spec} returned {type(built).__name__}; expected a Keras model, a tf.function with an input_signature, "
        "or a concrete function."
    )
