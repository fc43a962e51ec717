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


def detection_labels(labels: tuple[str, ...], num_classes: int, source: str) -> tuple[tuple[str, ...], str]:
    """Labels indexed exactly like a detector's class outputs 0..num_classes-1, and the assumption
    that made them so (said out loud: label files are off by one more often than not).

    Accepted: one label per class; one more row whose first row is the background (TF's
    ``???``); or ``id label`` pairs with 0-based ids, or 1-based ids with 0 as the background
    (COCO's 90-id map), gaps filled with ``???``.
    """
    ids = label_ids(labels)
    if ids is not None:
        top = max(ids)
        if min(ids) >= 1 and top == num_classes:
            offset, how = 1, "1-based ids (0 is the background)"
        elif top <= num_classes - 1:
            offset, how = 0, "0-based ids"
        else:
            raise LabelsError(f"{source} has ids up to {top}, but the model detects {num_classes} classes.")
        aligned = tuple(ids.get(i + offset, "???") for i in range(num_classes))
        gaps = sum(1 for i in range(num_classes) if i + offset not in ids)
        return aligned, f"{source} read as 'id label' pairs with {how}" + (f"; {gaps} unused ids shown as '???'" if gaps else "")
    if len(labels) == num_classes:
        return labels, f"{source}: one label per class, no background row"
    if len(labels) == num_classes + 1:
        kind = "the background row" if is_background(labels[0]) else "a background row (it is not named like one: check it)"
        return labels[1:], f"{source}: first row '{labels[0]}' taken as {kind}; class 0 is '{labels[1]}'"
    raise LabelsError(
        f"{source} has {len(labels)} labels, but the model detects {num_classes} classes: give {num_classes} labels, "
        f"or {num_classes + 1} with a background row first."
    )
