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
