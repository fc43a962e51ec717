"""Label files: one label per line, line *i* names output index *i*.

Off-by-one label files are among the quietest ways an on-device model goes wrong, so parsing is
strict: a blank line in the middle of the file is an error (dropping it would shift every later
label), and the count must match the model's output width exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

from scaffold.errors import LabelsError


# The generated app's ml/Labels.java reads the same files: split lines the way BufferedReader does
# (\n, \r or \r\n only) and trim what String.trim() trims (every char <= U+0020), so a label with
# a non-breaking space means the same thing on both sides.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_JAVA_TRIM = "".join(map(chr, range(0x21)))


def parse_labels(text: str, source: str = "labels") -> tuple[str, ...]:
    lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
    while lines and not lines[-1].strip(_JAVA_TRIM):
        lines.pop()
    labels = []
    for number, line in enumerate(lines, start=1):
        label = line.strip(_JAVA_TRIM)
        if not label:
            raise LabelsError(f"{source}: line {number} is empty; every line must name one class (index = line - 1).")
        labels.append(label)
    if not labels:
        raise LabelsError(f"{source} contains no labels.")
    return tuple(labels)


def read_labels(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        raise LabelsError(f"labels file not found: {path}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LabelsError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}).") from exc
    return parse_labels(text, str(path))


def check_label_count(labels: tuple[str, ...], num_classes: int, source: str) -> None:
    if len(labels) != num_classes:
        raise LabelsError(
            f"{source} has {len(labels)} labels but the model's output has {num_classes} classes; "
            "they must match one-to-one."
        )


def labels_file_text(labels: tuple[str, ...]) -> str:
    return "".join(f"{label}\n" for label in labels)


# First rows that mean "no object" in detection label maps (TF's examples use "???").
BACKGROUND_LABELS = {"???", "background", "__background__", "bg"}
_ID_PAIR = re.compile(r"^(\d+)(?:\s*[:,]\s*|\s+)(\S.*)$")


def is_background(label: str) -> bool:
    return label.strip().lower() in BACKGROUND_LABELS


def label_ids(labels: tuple[str, ...]) -> dict[int, str] | None:
    """``{id: label}`` when every line is an ``id label`` pair (COCO-style label maps with gaps),
    else None."""
    pairs = [_ID_PAIR.match(label) for label in labels]
    if not all(pairs):
        return None
    ids = {int(m.group(1)): m.group(2).strip() for m in pairs}
    return ids if len(ids) == len(labels) else None


def detector_labels(
    labels: tuple[str, ...], columns: int, source: str, background: bool | None
) -> tuple[tuple[str, ...], bool, str]:
    """Labels indexed exactly like a detector's classes, whether score column 0 is a background,
    and the assumption that made them so (said out loud: label files are off by one more often
    than not). One reader for both kinds of detector, so a label file means the same classes
    whether the model ends in TFLite_Detection_PostProcess or outputs raw scores.

    ``columns``: score columns, a background column included when there is one (for the op:
    its ``num_classes`` + 1). ``background``: True when column 0 is known to be the background
    (the op always has one), None when only the label file can tell (raw scores).

    Accepted: one label per class; a background row (TF's ``???``) first; or ``id label`` pairs,
    1-based with 0 as the background (COCO's 90-id map, gaps and all) or 0-based, gaps shown as
    ``???``.
    """
    classes = columns - 1
    ids = label_ids(labels)
    if ids is not None:
        low, top = min(ids), max(ids)
        if top > columns - 1 or (background and low == 0 and top > classes - 1):
            raise LabelsError(f"{source} has ids up to {top}, but the model scores {columns} columns"
                              + (" (column 0 the background)" if background else "") + ".")
        if low >= 1 and background is not False:
            names, has_background, how = [ids.get(c, "???") for c in range(1, columns)], True, \
                "1-based ids (0 is the background)"
        elif background or (background is None and is_background(ids.get(0, ""))):
            # 0-based ids number the classes after the background column.
            if background:
                names = [ids.get(c, "???") for c in range(classes)]
            else:
                names = [ids.get(c, "???") for c in range(1, columns)]
            has_background, how = True, "0-based ids" if background else "0-based ids, id 0 the background"
        else:
            names, has_background, how = [ids.get(c, "???") for c in range(columns)], False, "0-based ids, no background"
        gaps = sum(1 for name in names if name == "???")
        return tuple(names), has_background, f"{source} read as 'id label' pairs with {how}" + (
            f"; {gaps} unused ids shown as '???'" if gaps else "")
    if len(labels) == classes and background is not False:
        return labels, True, f"{source}: one label per class; score column 0 is the background"
    if len(labels) == columns and background and not is_background(labels[0]):
        return labels[1:], True, (f"{source}: first row '{labels[0]}' taken as the background row (it is not named like "
                                  f"one: check it); class 0 is '{labels[1]}'")
    if len(labels) == columns and is_background(labels[0]) and background is not False:
        return labels[1:], True, f"{source}: first row '{labels[0]}' is the background; class 0 is '{labels[1]}'"
    if len(labels) == columns and not background:
        return labels, False, f"{source}: one label per score column, no background"
    wanted = f"{classes} labels, or {columns} with a background row first" if background is not False else f"{columns} labels"
    if background is None:
        wanted = f"{columns} labels (one per score column), or {classes} when column 0 is the background"
    raise LabelsError(f"{source} has {len(labels)} labels, but the model scores {columns} columns: give {wanted}.")
