"""Images as the app sees them: a grid of 0xAARRGGBB ints, like Android's ``Bitmap.getPixels``.

The golden tests start from exactly these ints, so Java and the numpy reference see the same
pixels whatever decoder produced them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scaffold.errors import ImageError
from scaffold.reference.orientation import Orientation, orient

# Golden images are stored as raw pixels in the generated project's test resources; a phone photo
# would add ~50 MB. Larger images are reduced first (the reduced pixels become the test input, so
# the comparison stays exact).
MAX_GOLDEN_SIDE = 512


def pack_argb(rgb: np.ndarray, alpha: np.ndarray | int = 255) -> np.ndarray:
    """(h, w, 3) uint8 → (h, w) uint32 ARGB."""
    rgb = rgb.astype(np.uint32)
    a = np.asarray(alpha, dtype=np.uint32)
    return (a << 24) | (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def synthetic_image(width: int = 96, height: int = 64) -> np.ndarray:
    """A deterministic test card: gradients, stripes and a disc, not square so rotation and
    aspect-ratio handling are visible, with enough high-frequency detail that a wrong resize
    kernel or channel order changes the tensor."""
    y, x = np.mgrid[0:height, 0:width]
    r = (x * 255) // max(width - 1, 1)
    g = (y * 255) // max(height - 1, 1)
    b = ((x // 4 + y // 4) % 2) * 200 + 30
    disc = (x - width * 2 // 3) ** 2 + (y - height // 3) ** 2 < (min(width, height) // 4) ** 2
    r = np.where(disc, 250, r)
    g = np.where(disc, 40, g)
    b = np.where(disc, 90, b)
    return pack_argb(np.stack([r, g, b], axis=-1))


@dataclass(frozen=True)
class Photo:
    """An image file's pixels as stored, and the EXIF orientation that turns them upright.

    The pixels are kept as stored (not transposed by the decoder) so the golden tests replay
    exactly what a phone's BitmapFactory decodes, and the app's own EXIF handling is what turns
    them upright, checked against the reference.
    """

    argb: np.ndarray
    exif_orientation: int | None

    @property
    def orientation(self) -> Orientation:
        return Orientation.from_exif(self.exif_orientation)

    def upright(self) -> np.ndarray:
        return orient(self.argb, self.orientation)


# Decoding is refused above this (a 50 MP photo is about 200 MB as RGBA): a huge or forged image
# must not exhaust memory. Pillow's own bomb check stops at 179 MP, after a warning.
MAX_PIXELS = 50_000_000


def load_photo(path: Path, max_side: int | None = None) -> Photo:
    """Decode any Pillow-readable image to ARGB as stored, with its EXIF orientation tag,
    optionally reduced so its longer side is at most ``max_side``."""
    from PIL import ExifTags, Image, UnidentifiedImageError

    if not path.is_file():
        raise ImageError(f"image not found: {path}")
    try:
        with Image.open(path) as img:
            if img.width * img.height > MAX_PIXELS:
                raise ImageError(f"{path} is {img.width}x{img.height} pixels: more than the {MAX_PIXELS // 10**6} MP an "
                                 "image may have here; scale it down first.")
            if max_side and max(img.size) > 2 * max_side:
                img.draft("RGB", (max_side, max_side))  # JPEG: decode at a reduced scale, not the full frame
            tag = img.getexif().get(ExifTags.Base.Orientation)
            stored = img.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ImageError(f"{path} is not a readable image ({exc}).") from exc
    if max_side and max(stored.size) > max_side:
        stored.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    rgba = np.asarray(stored)
    return Photo(pack_argb(rgba[..., :3], rgba[..., 3]), tag if isinstance(tag, int) else None)


def load_image(path: Path, max_side: int | None = None) -> np.ndarray:
    """Decode an image to upright ARGB (EXIF orientation applied, mirror included)."""
    return load_photo(path, max_side).upright()
