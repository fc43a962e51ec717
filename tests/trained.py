"""A classifier trained at test time, confident enough that agreement numbers mean something.

scikit-learn's bundled 8x8 digits (no download), upsampled to 32x32, drawn in a random ink colour
on a random paper colour per image, so the model needs all three channels. Trained on pixels
normalized with mean 127.5 / std 127.5. Held-out digits are written as 48x48 RGB PNG files, the
way photos reach the tool. Takes a few seconds on two cores.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

SIZE = 32
MEAN = STD = 127.5


@dataclass(frozen=True)
class TrainedClassifier:
    keras: Path
    labels: Path
    calibration: Path  # held-out PNGs, some for calibration, the rest for evaluation
    evaluation: Path  # held-out PNGs never used for calibration
    accuracy: float  # float model, held-out


def _coloured_digits(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(n, 32, 32, 3) uint8 digits in random ink on random paper, and their labels."""
    import tensorflow as tf
    from sklearn.datasets import load_digits

    digits = load_digits()
    ink = digits.images / 16.0  # 0 paper .. 1 ink
    amount = tf.image.resize(ink[..., None], (SIZE, SIZE), method="bilinear").numpy()
    rng = np.random.default_rng(seed)
    paper = rng.uniform(140, 255, (len(ink), 1, 1, 3))
    pen = rng.uniform(0, 110, (len(ink), 1, 1, 3))
    rgb = paper + (pen - paper) * np.clip(amount, 0, 1)
    return np.clip(np.round(rgb), 0, 255).astype(np.uint8), digits.target


def train(root: Path, epochs: int = 10) -> TrainedClassifier:
    import keras
    from PIL import Image

    keras.utils.set_random_seed(0)
    images, labels = _coloured_digits(seed=1)
    order = np.random.default_rng(0).permutation(len(images))
    held_out, train_set = order[:160], order[160:]
    x = (images.astype(np.float32) - MEAN) / STD
    model = keras.Sequential(
        [
            keras.Input((SIZE, SIZE, 3)),
            keras.layers.Conv2D(16, 3, activation="relu", padding="same"),
            keras.layers.MaxPooling2D(),
            keras.layers.Conv2D(32, 3, activation="relu", padding="same"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dense(10),
            keras.layers.Softmax(),
        ],
        name="coloured_digits",
    )
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x[train_set], labels[train_set], epochs=epochs, batch_size=64, verbose=0)
    _, accuracy = model.evaluate(x[held_out], labels[held_out], verbose=0)

    root.mkdir(parents=True, exist_ok=True)
    model.save(root / "digits.keras")
    (root / "labels.txt").write_text("".join(f"digit {d}\n" for d in range(10)), encoding="utf-8")
    calibration, evaluation = root / "calibration", root / "evaluation"
    for directory, indices in ((calibration, held_out[:60]), (evaluation, held_out[60:])):
        directory.mkdir(exist_ok=True)
        for i in indices:
            Image.fromarray(images[i]).resize((48, 48), Image.Resampling.BILINEAR).save(directory / f"digit{i:04d}.png")
    return TrainedClassifier(root / "digits.keras", root / "labels.txt", calibration, evaluation, float(accuracy))
