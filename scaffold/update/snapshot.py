"""What a project keeps about its last generation, so that ``update`` can merge three ways.

Two files at the project root, both meant to be committed with the project:

* ``.tflite-scaffold.json`` (the manifest): the options ``new`` was given (scaffold.update.options),
  what they resolved to, and the SHA-256 of every generated file. The hashes say which files the
  user changed since; that is all ``update`` needs for binary files and for the files the tool
  owns outright (:func:`tool_owned`).
* ``.tflite-scaffold-base.zip``: the last generated text of every other file, the common
  ancestor a 3-way merge needs. Deterministic (sorted, fixed timestamps), a few tens of KiB, and
  only rewritten when its content changes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from scaffold.model.anchors import ANCHORS_ASSET
from scaffold.render.context import LABELS_ASSET, MODEL_ASSET
from scaffold.render.project import RECORD_NAMES

BASE_NAME = RECORD_NAMES[1]
# The files the tool owns: regenerated for every model and never merged (an edit to them is kept
# aside in tflite-scaffold-kept/). ModelConfig must agree with the golden data; options belong in --set.
_OWNED_PREFIXES = ("app/src/test/resources/golden/",)
_OWNED_FILES = {f"app/src/main/assets/{MODEL_ASSET}", f"app/src/main/assets/{LABELS_ASSET}", f"app/src/main/assets/{ANCHORS_ASSET}"}
_OWNED_SUFFIXES = ("/ml/ModelConfig.java",)
RECORD_FILES = RECORD_NAMES
_STAMP = (1980, 1, 1, 0, 0, 0)


def tool_owned(path: str) -> bool:
    return path in _OWNED_FILES or path.startswith(_OWNED_PREFIXES) or path.endswith(_OWNED_SUFFIXES) or path in RECORD_FILES


def is_text(data: bytes) -> bool:
    if b"\0" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def mergeable(path: str, data: bytes) -> bool:
    """Files merged line by line: text the user may edit."""
    return not tool_owned(path) and is_text(data)


def base_snapshot(files: dict[str, bytes]) -> bytes:
    """The zip of the generated files a later update merges against."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(files):
            if mergeable(path, files[path]):
                info = zipfile.ZipInfo(path, date_time=_STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, files[path])
    return buffer.getvalue()


def read_base(project: Path) -> dict[str, bytes] | None:
    """The base texts, or None when the project has no (readable) snapshot."""
    path = project / BASE_NAME
    if not path.is_file():
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            return {
                info.filename: archive.read(info)
                for info in archive.infolist()
                if not info.is_dir() and ".." not in Path(info.filename).parts and not Path(info.filename).is_absolute()
            }
    except (zipfile.BadZipFile, OSError):
        return None
