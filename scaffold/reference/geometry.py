"""Reference box mapping: model-input coordinates → upright image pixels → a view on screen.

Mirrored by ``ml/ImageGeometry.java``. The detector sees the image after rotation and fitting
(stretch / centre-crop / letterbox, see scaffold.reference.preprocess); a box must go back
through the same fitting to land on the object. The view step covers how Android shows the
image: PreviewView's FILL_CENTER for the camera (scale to cover, crop the overflow) and
ImageView's fitCenter for photos (scale to fit, centre). In between, ``orient_rect`` turns a box
with the image when the screen shows it another way up than the model saw it (the phone held
at another angle than the display's, or a front camera's mirrored preview).
"""

from __future__ import annotations

from scaffold.reference.orientation import Orientation
from scaffold.reference.preprocess import letterbox_rect, source_rect

Rect = tuple[float, float, float, float]  # left, top, right, bottom


def to_image(box: tuple[float, float, float, float], image_width: int, image_height: int,
             tensor_width: int, tensor_height: int, resize: str) -> Rect:
    """A (top, left, bottom, right) box normalized to the tensor → pixels of the upright image,
    clamped to the image."""
    top, left, bottom, right = box
    if resize == "letterbox":
        x, y, w, h = letterbox_rect(image_width, image_height, tensor_width, tensor_height)
        scale_x = image_width / w
        scale_y = image_height / h
        xs = [(v * tensor_width - x) * scale_x for v in (left, right)]
        ys = [(v * tensor_height - y) * scale_y for v in (top, bottom)]
    else:
        x, y, w, h = source_rect(image_width, image_height, tensor_width, tensor_height, resize)
        xs = [x + v * w for v in (left, right)]
        ys = [y + v * h for v in (top, bottom)]
    clamp_x = [min(max(v, 0.0), float(image_width)) for v in xs]
    clamp_y = [min(max(v, 0.0), float(image_height)) for v in ys]
    return clamp_x[0], clamp_y[0], clamp_x[1], clamp_y[1]


def to_view(rect: Rect, image_width: int, image_height: int, view_width: int, view_height: int, fill: bool) -> Rect:
    """Image pixels → view pixels for an image scaled to fill (cover) or fit the view, centred."""
    scale_x = view_width / image_width
    scale_y = view_height / image_height
    scale = max(scale_x, scale_y) if fill else min(scale_x, scale_y)
    dx = (view_width - image_width * scale) / 2.0
    dy = (view_height - image_height * scale) / 2.0
    left, top, right, bottom = rect
    return left * scale + dx, top * scale + dy, right * scale + dx, bottom * scale + dy


def orient_rect(rect: Rect, width: int, height: int, orientation: Orientation) -> Rect:
    """A rect in an image of ``width`` x ``height`` → the same rect after the image is turned by
    ``orientation`` (mirror left-right first, then rotate clockwise), as
    ``scaffold.reference.orientation.orient`` turns the pixels."""
    left, top, right, bottom = rect
    if orientation.mirrored:
        left, right = width - right, width - left
    if orientation.rotation == 90:
        return height - bottom, left, height - top, right
    if orientation.rotation == 180:
        return width - right, height - bottom, width - left, height - top
    if orientation.rotation == 270:
        return top, width - right, bottom, width - left
    return left, top, right, bottom
