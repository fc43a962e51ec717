"""Calibration and evaluation images: found, split, decoded with Pillow, preprocessed by the reference.

The representative dataset must look like what the app will feed the model, so it goes through
exactly the app's preprocessing (scaffold.reference.preprocess): same resize, channel order and
normalization. Calibrating on differently preprocessed images gives activation ranges for a
distribution the phone never produces.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scaffold.errors import ImageError
from scaffold.model.spec import ImageSize, Preprocessing, TensorInfo
from scaffold.reference.images import load_image
from scaffold.reference.orientation import UPRIGHT
from scaffold.reference.preprocess import preprocess

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"}

# Photos are reduced before preprocessing (the app's gallery path also decodes large photos at a
# reduced size): the model sees a few hundred pixels, and full 12 MP frames would dominate
# conversion time.
MAX_SOURCE_SIDE = 1024


def find_images(directory: Path, option: str) -> list[Path]:
    """Image files under ``directory`` (recursively: class sub-folders are common), sorted."""
    if not directory.is_dir():
        raise ImageError(f"{option} {directory} is not a directory.")
    try:
        images = sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
    except RecursionError:
        raise ImageError(f"{option} {directory} nests folders too deeply to walk; point it at the images.") from None
    if not images:
        raise ImageError(f"{option} {directory} contains no images ({', '.join(sorted(IMAGE_SUFFIXES))}).")
    return images


@dataclass(frozen=True)
class ImageSplit:
    calibration: list[Path]
    held_out: list[Path]


def split_calibration(images: list[Path], steps: int) -> ImageSplit:
    """The first ``steps`` images of a seeded shuffle calibrate, the rest are held out.

    The shuffle is fixed (seed 0) so runs are reproducible, and it keeps a folder-per-class
    layout from calibrating on the first classes only.
    """
    shuffled = list(images)
    random.Random(0).shuffle(shuffled)
    return ImageSplit(shuffled[:steps], shuffled[steps:])


def check_readable(paths: list[Path]) -> None:
    """Fail fast (before TensorFlow is imported) on a file that is not an image: Pillow reads
    only the header here; pixels are decoded later, one image at a time."""
    from PIL import Image, UnidentifiedImageError

    for path in paths:
        try:
            with Image.open(path) as img:
                img.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
            raise ImageError(f"{path} is not a readable image ({exc}).") from exc


def input_tensors(paths: list[Path], image: ImageSize, *feeds: tuple[Preprocessing, TensorInfo]) -> list[tuple[np.ndarray, ...]]:
    """For each image (decoded once), its input tensor for each ``(preprocessing, tensor)``: e.g.
    the float model's normalized float32 input and a quantized model's uint8 input."""
    return list(iter_input_tensors(paths, image, *feeds))


def iter_input_tensors(paths: list[Path], image: ImageSize, *feeds: tuple[Preprocessing, TensorInfo]):
    """As :func:`input_tensors`, one image at a time: thousands of evaluation images never sit in
    memory together."""
    for path in paths:
        argb = load_image(path, MAX_SOURCE_SIDE)
        yield tuple(preprocess(argb, UPRIGHT, image, preprocessing, tensor) for preprocessing, tensor in feeds)
