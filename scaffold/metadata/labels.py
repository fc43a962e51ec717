"""Label files: one label per line, line *i* names output index *i*.

Off-by-one label files are among the quietest ways an on-device model goes wrong, so parsing is
strict: a blank line in the middle of the file is an error (dropping it would shift every later
label), and the count must match the model's output width exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

from scaffold.errors import LabelsError
from scaffold.text import unsafe_character


# The generated app's ml/Labels.java reads the same files: split lines the way BufferedReader does
# (\n, \r or \r\n only) and trim what String.trim() trims (every char <= U+0020), so a label with
# a non-breaking space means the same thing on both sides.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_JAVA_TRIM = "".join(map(chr, range(0x21)))


def parse_labels(text: str, source: str = "labels") -> tuple[str, ...]:
    lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
    if len(lines) > MAX_LABELS + 1:
        raise LabelsError(f"{source} has {len(lines)} lines: at most {MAX_LABELS} labels are read (one per class).")
    while lines and not lines[-1].strip(_JAVA_TRIM):
        lines.pop()
    labels = []
    for number, line in enumerate(lines, start=1):
        label = line.strip(_JAVA_TRIM)
        if not label:
            raise LabelsError(f"{source}: line {number} is empty; every line must name one class (index = line - 1).")
        if len(label) > MAX_LABEL_LENGTH:
            raise LabelsError(f"{source}: line {number} is {len(label)} characters long; a label has at most "
                              f"{MAX_LABEL_LENGTH}.")
        bad = unsafe_character(label)
        if bad:
            raise LabelsError(f"{source}: line {number} contains the control or direction character {bad}; labels are "
                              "printable text (a tab would also break the app's tab-separated golden files).")
        labels.append(label)
    if not labels:
        raise LabelsError(f"{source} contains no labels.")
    return tuple(labels)


# No vision model has more classes; a bigger file is the wrong file (and would be slow to check).
MAX_LABELS = 100_000
# A class name, not a paragraph (and javac's 64 KB limit on a string constant stays far away).
MAX_LABEL_LENGTH = 1000
MAX_LABELS_BYTES = 16 * 1024 * 1024


def read_labels(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        raise LabelsError(f"labels file not found: {path}")
    if path.stat().st_size > MAX_LABELS_BYTES:
        raise LabelsError(f"{path} is {path.stat().st_size // 1024 // 1024} MB: a labels file has one short line per "
                          f"class, and at most {MAX_LABELS} classes are read.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LabelsError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}).") from exc
    return parse_labels(text, str(path))


def duplicate_labels(labels: tuple[str, ...]) -> str | None:
    """The labels that name more than one class (line numbers 1-based), background and
    placeholder rows such as "???" aside (label maps with gaps repeat them), or None."""
    lines: dict[str, list[int]] = {}
    for number, label in enumerate(labels, start=1):
        if not is_background(label) and label.strip().lower() not in PLACEHOLDER_LABELS:
            lines.setdefault(label, []).append(number)
    repeated = [f"'{label}' (lines {', '.join(map(str, numbers))})" for label, numbers in lines.items() if len(numbers) > 1]
    if not repeated:
        return None
    return ", ".join(repeated[:5]) + (f" and {len(repeated) - 5} more" if len(repeated) > 5 else "")


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
# Rows that fill the gaps of a label map (COCO's 91 ids list "n/a" for the unused ones).
PLACEHOLDER_LABELS = {"n/a", "na", "unused", "-"}
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
    than not). One reader for every detector, so a label file means the same classes whether the
    model ends in TFLite_Detection_PostProcess or outputs raw scores.

    ``columns``: score columns, a background column included when there is one. ``background``:
    whether column 0 is a background, when the model says (the op: its scores have one column
    more than its num_classes, or not); None when only the label file can tell (raw scores).

    Accepted: one label per class; a background row (TF's ``???``) first; or ``id label`` pairs.
    Ids are 1-based (the TF Object Detection API's label maps, COCO's 90 ids with gaps: id 1 is the
    first class) unless the file has an id 0 that is not a background name, in which case they
    are 0-based (id 0 is the first class). Gaps read ``???``.
    """
    ids = label_ids(labels)
    if ids is not None:
        return _from_ids(ids, columns, source, background)
    first_is_background = is_background(labels[0])
    if background is None:
        if len(labels) == columns - 1:
            background = True
        elif len(labels) == columns:
            background = first_is_background
        elif len(labels) == columns + 1 and first_is_background:
            background = False  # a background row, but no background column
    with_background_row = background is not None and len(labels) == columns + (0 if background else 1)
    if with_background_row and (first_is_background or background):
        kind = "the background row" if first_is_background else "the background row (it is not named like one: check it)"
        column = "score column 0 is the background" if background else "the model has no background column"
        return labels[1:], bool(background), f"{source}: first row '{labels[0]}' taken as {kind}; class 0 is '{labels[1]}'; {column}"
    if background is not None and len(labels) == columns - (1 if background else 0):
        column = "score column 0 is the background" if background else "no background column"
        return labels, background, f"{source}: one label per class; {column}"
    if background is None:
        wanted = f"{columns} labels (one per score column), or {columns - 1} when column 0 is the background"
    elif background:
        wanted = f"{columns - 1} labels, or {columns} with a background row first"
    else:
        wanted = f"{columns} labels, or {columns + 1} with a background row first"
    raise LabelsError(f"{source} has {len(labels)} labels, but the model scores {columns} columns: give {wanted}.")


def _from_ids(ids: dict[int, str], columns: int, source: str, background: bool | None) -> tuple[tuple[str, ...], bool, str]:
    explicit_background = 0 in ids and is_background(ids[0])
    one_based = 0 not in ids or explicit_background
    by_class = {i - 1: name for i, name in ids.items() if i >= 1} if one_based else dict(ids)
    needed = max(by_class) + 1 if by_class else 0
    if background is None:
        # As many classes as the ids need: the rest is a background column (or, for 1-based
        # files with room to spare, TF's convention that id 0 is the background).
        background = needed == columns - 1 or (needed < columns - 1 and one_based)
    classes = columns - (1 if background else 0)
    if needed > classes:
        raise LabelsError(
            f"{source} has ids up to {max(ids)} ({'1' if one_based else '0'}-based: {needed} classes), but the model scores "
            f"{classes} classes" + (" after its background column." if background else ".")
        )
    names = tuple(by_class.get(c, "???") for c in range(classes))
    gaps = sum(1 for name in names if name == "???")
    how = "1-based ids (id 1 is class 0" + (", id 0 the background)" if explicit_background else ")") if one_based else "0-based ids"
    column = "score column 0 is the background" if background else "no background column"
    return names, background, (
        f"{source} read as 'id label' pairs with {how}; {column}" + (f"; {gaps} unused ids shown as '???'" if gaps else "")
    )
