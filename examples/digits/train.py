"""Train the example model: a small CNN that reads handwritten digits, dark ink on light paper.

Data is scikit-learn's bundled 8x8 digits (no download), upsampled to 32x32 with the same
bilinear half-pixel resize the generated app uses, inverted so digits look like ink on paper
(what a phone camera sees), scaled to [0, 1]. The model outputs logits: the app applies softmax.

Writes to --out: digits.keras, labels.txt, and a few held-out digits as PNG files (64x64 RGB,
as a photo would be) for the golden tests.

    python examples/digits/train.py --out build/digits
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

SIZE = 32
SAMPLE_DIGITS = {"three": 3, "seven": 7}


def load_digits_as_ink() -> tuple[np.ndarray, np.ndarray]:
    """(n, 32, 32) uint8 images, dark digit on a light background, and their labels."""
    import tensorflow as tf
    from sklearn.datasets import load_digits

    digits = load_digits()
    ink = 255.0 - digits.images * (255.0 / 16.0)
    resized = tf.image.resize(ink[..., None], (SIZE, SIZE), method="bilinear").numpy()[..., 0]
    return np.clip(np.round(resized), 0, 255).astype(np.uint8), digits.target


def build_model():
    import keras

    return keras.Sequential(
        [
            keras.Input((SIZE, SIZE, 1)),
            keras.layers.Conv2D(16, 3, activation="relu", padding="same"),
            keras.layers.MaxPooling2D(),
            keras.layers.Conv2D(32, 3, activation="relu", padding="same"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dropout(0.2),
            keras.layers.Dense(10),  # logits
        ],
        name="digit_reader",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=12)
    args = parser.parse_args()

    import keras
    from PIL import Image

    keras.utils.set_random_seed(0)
    images, labels = load_digits_as_ink()
    order = np.random.default_rng(0).permutation(len(images))
    test, train = order[:300], order[300:]
    x = images[..., None].astype(np.float32) / 255.0  # --mean 0 --std 255 in the app

    model = build_model()
    model.compile(
        optimizer=keras.optimizers.Adam(2e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    model.fit(x[train], labels[train], epochs=args.epochs, batch_size=64, verbose=0)
    _, accuracy = model.evaluate(x[test], labels[test], verbose=0)
    print(f"held-out accuracy: {accuracy:.3f} on {len(test)} digits")

    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out / "digits.keras")
    (args.out / "labels.txt").write_text("".join(f"{d}\n" for d in range(10)), encoding="utf-8")
    samples = args.out / "samples"
    samples.mkdir(exist_ok=True)
    for name, digit in SAMPLE_DIGITS.items():
        index = next(i for i in test if labels[i] == digit)
        gray = Image.fromarray(images[index]).resize((64, 64), Image.Resampling.BILINEAR)
        gray.convert("RGB").save(samples / f"{name}.png")
    print(f"wrote {args.out}/digits.keras, labels.txt and samples/{{{','.join(SAMPLE_DIGITS)}}}.png")


if __name__ == "__main__":
    main()
