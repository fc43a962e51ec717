"""The CLI's int8 conversion next to a plain TFLiteConverter script doing the same job.

Both start a fresh Python process, load the same Keras model (a MobileNetV2 0.35 at 96x96 with
random weights: no download), calibrate on the same images and write a full-integer .tflite.
The CLI additionally makes the float32 baseline, evaluates held-out images and prints its report;
the goal is that all of that costs at most 15% over the plain script.

    .venv/bin/python benchmarks/convert_overhead.py [--images 120] [--steps 100] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

PLAIN_SCRIPT = """
import sys
from pathlib import Path
import numpy as np
import tensorflow as tf
from PIL import Image

model_path, image_dir, steps, out = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
model = tf.keras.models.load_model(model_path, compile=False)
height, width = model.inputs[0].shape[1:3]
paths = sorted(image_dir.glob("*.jpg"))[:steps]

def representative_dataset():
    for path in paths:
        image = Image.open(path).convert("RGB").resize((width, height), Image.Resampling.BILINEAR)
        x = (np.asarray(image, dtype=np.float32) - 127.5) / 127.5
        yield [x[None]]

converter = tf.lite.TFLiteConverter.from_keras_model(model)
converter.optimizations = [tf.lite.Optimize.DEFAULT]
converter.representative_dataset = representative_dataset
converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
converter.inference_input_type = tf.uint8
converter.inference_output_type = tf.uint8
Path(out).write_bytes(converter.convert())
"""


def build_inputs(workdir: Path, count: int) -> tuple[Path, Path]:
    import numpy as np
    from PIL import Image

    from scaffold.quiet import native_output_silenced

    with native_output_silenced():  # TensorFlow's start-up notices
        import keras

    keras.utils.set_random_seed(0)
    model = keras.applications.MobileNetV2(input_shape=(96, 96, 3), alpha=0.35, weights=None, classes=10)
    model_path = workdir / "mobilenet.keras"
    model.save(model_path)
    images = workdir / "images"
    images.mkdir()
    rng = np.random.default_rng(0)
    for i in range(count):
        base = rng.integers(0, 256, (1, 1, 3))
        pixels = np.clip(base + rng.normal(0, 35, (240, 320, 3)), 0, 255).astype(np.uint8)
        Image.fromarray(pixels).save(images / f"{i:04d}.jpg", quality=90)
    return model_path, images


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=120)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        model, images = build_inputs(workdir, args.images)
        cli = [
            sys.executable, "-m", "scaffold", "convert", str(model), "--out", str(workdir / "cli.tflite"), "--force",
            "--quantize", "int8", "--io-type", "uint8", "--calibration-images", str(images),
            "--calibration-steps", str(args.steps), "--mean", "127.5", "--std", "127.5",
        ]
        plain = [sys.executable, "-c", PLAIN_SCRIPT, str(model), str(images), str(args.steps), str(workdir / "plain.tflite")]
        cli_times, plain_times = [], []
        for _ in range(args.repeats):  # interleaved, so drift in machine load hits both alike
            plain_times.append(timed(plain))
            cli_times.append(timed(cli))
        sizes = ((workdir / "plain.tflite").stat().st_size, (workdir / "cli.tflite").stat().st_size)

    best_plain, best_cli = min(plain_times), min(cli_times)
    print(f"int8 conversion, MobileNetV2-0.35 96x96, {args.steps} calibration images "
          f"({args.images - args.steps} held out for the CLI's report), best of {args.repeats}:")
    print(f"  plain TFLiteConverter script : {best_plain:6.2f} s   ({sizes[0] / 1024:.0f} KiB)")
    print(f"  tflite-scaffold convert      : {best_cli:6.2f} s   ({sizes[1] / 1024:.0f} KiB, with float baseline + report)")
    print(f"  ratio                        : {best_cli / best_plain:6.2f}x   (goal <= 1.15x)")


if __name__ == "__main__":
    main()
