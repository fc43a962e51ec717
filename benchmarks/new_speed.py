"""How long `tflite-scaffold new` takes from a .tflite, next to what importing TensorFlow costs.

Starting from a .tflite must not import TensorFlow; this prints both numbers from one run so the
difference is visible, and says whether TensorFlow was imported by the `new` run.

    .venv/bin/python benchmarks/new_speed.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scaffold.quiet import native_output_silenced

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

NEW_FROM_TFLITE = """
import sys, time
start = time.perf_counter()
from scaffold.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    print(f"NEW_SECONDS={time.perf_counter() - start:.3f}")
    print("TENSORFLOW_IMPORTED=" + str("tensorflow" in sys.modules))
"""

IMPORT_TF = """
import time
start = time.perf_counter()
import tensorflow
print(f"TF_SECONDS={time.perf_counter() - start:.3f}")
"""


def build_model(workdir: Path) -> tuple[Path, Path]:
    """A MobileNet-sized input (224x224x3, 10 classes) so the numbers mean something."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input((224, 224, 3)),
            keras.layers.Conv2D(16, 3, strides=2, activation="relu"),
            keras.layers.Conv2D(32, 3, strides=2, activation="relu"),
            keras.layers.GlobalAveragePooling2D(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    path = workdir / "model.tflite"
    with native_output_silenced(stdout=True):  # Keras' export summary is not a result
        path.write_bytes(tf.lite.TFLiteConverter.from_keras_model(model).convert())
    labels = workdir / "labels.txt"
    labels.write_text("".join(f"class {i}\n" for i in range(10)))
    return path, labels


def run(code: str, *args: str) -> dict[str, str]:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line and line.split("=")[0].isupper())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        model, labels = build_model(workdir)
        timings = []
        for attempt in range(3):
            out = workdir / f"app{attempt}"
            wall = time.perf_counter()
            new = run(NEW_FROM_TFLITE, "new", str(model), "--out", str(out), "--labels", str(labels), "--mean", "127.5", "--std", "127.5")
            timings.append((time.perf_counter() - wall, float(new["NEW_SECONDS"]), new["TENSORFLOW_IMPORTED"]))
        tf_seconds = min(float(run(IMPORT_TF)["TF_SECONDS"]) for _ in range(3))

    best_wall, best_in_process, imported = min(timings)
    print("tflite-scaffold new from a .tflite (224x224x3, 10 classes), best of 3:")
    print(f"  wall time, process start to exit : {best_wall:6.2f} s")
    print(f"  inside the process (import + new): {best_in_process:6.2f} s")
    print(f"  TensorFlow imported by `new`     : {imported}")
    print(f"import tensorflow alone, best of 3 : {tf_seconds:6.2f} s")


if __name__ == "__main__":
    main()
