"""Import tflite-support's metadata modules without TensorFlow.

``tensorflow_lite_support.metadata.python.metadata`` does ``import tensorflow`` at import time
when it can (only to use ``tf.io.gfile`` for file access). That costs about two seconds and
would make every path that starts from a .tflite pay for TensorFlow. Marking ``tensorflow`` as
unimportable for the duration of the import makes the module fall back to plain ``open``, which is
all we need: we only hand it in-memory buffers and local files.

We import ``tensorflow_lite_support.metadata...`` directly, never the top-level ``tflite_support``
package: its Task Library pybind module clashes with TensorFlow's when both are loaded.
"""

from __future__ import annotations

import functools
import sys
from types import ModuleType
from typing import NamedTuple

from scaffold.errors import ToolMissing

_INSTALL_HINT = "install it with: pip install --no-deps tflite-support==0.4.4 (scripts/bootstrap.sh does this)"


class SupportModules(NamedTuple):
    metadata: ModuleType
    metadata_fb: ModuleType
    metadata_info: ModuleType
    image_classifier: ModuleType
    object_detector: ModuleType
    metadata_writer: ModuleType


@functools.cache
def support_modules() -> SupportModules:
    blocked = "tensorflow" not in sys.modules
    if blocked:
        sys.modules["tensorflow"] = None  # type: ignore[assignment]  # makes `import tensorflow` raise ImportError
    try:
        from tensorflow_lite_support.metadata import metadata_schema_py_generated as metadata_fb
        from tensorflow_lite_support.metadata.python import metadata
        from tensorflow_lite_support.metadata.python.metadata_writers import (
            image_classifier,
            metadata_info,
            metadata_writer,
            object_detector,
        )
    except ImportError as exc:
        if "libusb" in str(exc):
            raise ToolMissing(
                "tflite-support needs the system library libusb-1.0 (Debian: apt-get install libusb-1.0-0)."
            ) from exc
        raise ToolMissing(f"tflite-support's metadata tools are not importable ({exc}); {_INSTALL_HINT}") from exc
    finally:
        if blocked:
            del sys.modules["tensorflow"]
    return SupportModules(metadata, metadata_fb, metadata_info, image_classifier, object_detector, metadata_writer)
