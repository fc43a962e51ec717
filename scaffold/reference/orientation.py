"""Reference orientation: how stored pixels are turned upright before anything else.

Mirrored by ``ml/Orientation.java``. Two sources say how an image must be turned:

* CameraX's ``imageInfo.rotationDegrees``: a clockwise rotation, never a mirror (analysis frames
  of a front camera are not mirrored; only its preview is).
* A photo's EXIF orientation tag (1..8): a rotation *and*, for 2, 4, 5 and 7, a mirror, because
  some cameras store selfies and scans mirrored. Ignoring the mirror hands the model a
  mirror-image scene, which matters for text, asymmetric objects and left/right boxes.

Both are expressed as one ``Orientation``: mirror left-right first (if ``mirrored``), then rotate
clockwise by ``rotation`` degrees. Every EXIF value is such a pair (table below); the golden data
covers all eight, and a test checks the table against Pillow's ``ImageOps.exif_transpose``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# EXIF orientation → (clockwise degrees after the mirror, mirror left-right first). 5 (transpose)
# and 7 (transverse) are the diagonal flips: a mirror followed by a quarter turn.
EXIF_ORIENTATIONS: dict[int, tuple[int, bool]] = {
    1: (0, False),
    2: (0, True),
    3: (180, False),
    4: (180, True),
    5: (270, True),
    6: (90, False),
    7: (90, True),
    8: (270, False),
}


@dataclass(frozen=True)
class Orientation:
    """Mirror left-right first (if ``mirrored``), then rotate clockwise by ``rotation`` degrees."""

    rotation: int = 0
    mirrored: bool = False

    def __post_init__(self) -> None:
        if self.rotation not in (0, 90, 180, 270):
            raise ValueError(f"rotation must be 0, 90, 180 or 270, got {self.rotation}")

    @classmethod
    def from_exif(cls, tag: int | None) -> Orientation:
        """The orientation an EXIF tag asks for; a missing or out-of-range tag means upright, as
        Android's ExifInterface and Pillow both treat it."""
        rotation, mirrored = EXIF_ORIENTATIONS.get(tag or 1, (0, False))
        return cls(rotation, mirrored)

    @property
    def sideways(self) -> bool:
        return self.rotation in (90, 270)

    def upright_size(self, width: int, height: int) -> tuple[int, int]:
        return (height, width) if self.sideways else (width, height)

    def inverse(self) -> Orientation:
        """The orientation that undoes this one (used to *store* an upright test image as a
        camera or EXIF-tagged source would)."""
        if self.mirrored:
            # Undoing "mirror, then turn R" is "turn back, then mirror", and a mirror reverses the
            # sense of a turn, so that equals "mirror, then turn R" again: a reflection undoes itself.
            return self
        return Orientation((360 - self.rotation) % 360, False)


UPRIGHT = Orientation()


def rotate_clockwise(argb: np.ndarray, degrees: int) -> np.ndarray:
    """Rotate an (h, w) pixel grid clockwise by 0/90/180/270 degrees."""
    if degrees % 90 or not 0 <= degrees < 360:
        raise ValueError(f"rotation must be 0, 90, 180 or 270, got {degrees}")
    return np.rot90(argb, k=-(degrees // 90))


def orient(argb: np.ndarray, orientation: Orientation) -> np.ndarray:
    """The upright pixel grid: mirrored left-right if asked, then rotated clockwise."""
    mirrored = argb[:, ::-1] if orientation.mirrored else argb
    return rotate_clockwise(mirrored, orientation.rotation)
