"""Decide, file by file, what ``update`` does: the three-way rules, as pure functions.

For each path there are three versions: *base* (what the last generation wrote), *ours* (what is
in the project now) and *theirs* (what this generation writes). The rules, from copier's update:

* the user did not touch it (ours = base): replaced by theirs;
* only the user changed it (theirs = base): kept;
* both changed a text file: merged line by line (merge3, the 3-way merge of the breezy
  project); overlapping changes get standard ``<<<<<<< yours`` / ``=======`` /
  ``>>>>>>> tflite-scaffold`` markers and are reported as conflicts;
* both changed a binary file, or a file the tool owns (model, labels, golden data, ModelConfig):
  replaced, with the user's version kept beside it as ``<name>.orig``;
* files the user added are never touched; files the user deleted stay deleted, except those the
  tool owns, which are restored (and said);
* a generated file the new generation no longer writes is removed if untouched, set aside as
  ``<name>.orig`` if edited (a stray MainActivity.kt next to a new MainActivity.java would not
  compile).

A base can be known only by its hash (a project from a tool version that kept no snapshot, for a
file the user changed): then nothing is assumed, and differing files become one conflict to
resolve by hand.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import merge3

from scaffold.update.snapshot import is_text, tool_owned

@dataclass(frozen=True)
class Digest:
    """A base known only by its SHA-256 (binary and tool-owned files, which are never merged)."""

    sha256: str


def _same(data: bytes, base) -> bool:
    if isinstance(base, Digest):
        return hashlib.sha256(data).hexdigest() == base.sha256
    return isinstance(base, bytes) and data == base

YOURS, THEIRS = "yours", "tflite-scaffold"


@dataclass(frozen=True)
class FileChange:
    path: str
    # unchanged | replaced | added | restored | kept | merged | conflict | removed | set-aside |
    # left-deleted | user-file
    action: str
    # What to write at ``path`` (None: write nothing there; see ``delete``).
    content: bytes | None = None
    delete: bool = False
    # The user's version, kept as <path>.orig (set-aside, or a replaced edit).
    aside: bytes | None = None
    # Conflict regions written with markers.
    conflicts: int = 0

    @property
    def writes(self) -> bool:
        return self.content is not None or self.delete or self.aside is not None


def plan_file(path: str, base, ours: bytes | None, theirs: bytes | None) -> FileChange:
    """The change for one path. ``base``: the bytes the last generation wrote, or only their
    Digest (then a text merge has no ancestor), or None when it did not write this path."""
    if theirs is None:
        return _no_longer_generated(path, base, ours)
    if ours is None:
        if base is None:
            return FileChange(path, "added", theirs)
        if tool_owned(path):
            return FileChange(path, "restored", theirs)
        # Deleted by the user: stays deleted; worth saying only if the template changed it.
        return FileChange(path, "unchanged" if _same(theirs, base) else "left-deleted")
    if ours == theirs:
        return FileChange(path, "unchanged")
    if _same(ours, base):
        return FileChange(path, "replaced", theirs)
    if _same(theirs, base):
        return FileChange(path, "kept")
    # Both differ from the base (or the base is unknown, or the user made a file where the
    # template now generates one).
    if tool_owned(path) or not (is_text(ours) and is_text(theirs)):
        return FileChange(path, "replaced", theirs, aside=ours)
    if not isinstance(base, bytes) or not is_text(base):
        return _conflict(path, b"", ours, theirs)
    return _conflict(path, base, ours, theirs)


def _no_longer_generated(path: str, base, ours: bytes | None) -> FileChange:
    if base is None:
        return FileChange(path, "user-file")
    if ours is None:
        return FileChange(path, "unchanged")
    if _same(ours, base):
        return FileChange(path, "removed", delete=True)
    return FileChange(path, "set-aside", delete=True, aside=ours)


def _conflict(path: str, base: bytes, ours: bytes, theirs: bytes) -> FileChange:
    merged, conflicts = merge_text(base, ours, theirs)
    return FileChange(path, "conflict" if conflicts else "merged", merged, conflicts=conflicts)


def merge_text(base: bytes, ours: bytes, theirs: bytes) -> tuple[bytes, int]:
    """3-way merge of UTF-8 texts: (result, number of conflict regions)."""
    lines = [_lines(text) for text in (base, ours, theirs)]
    merger = merge3.Merge3(*lines)
    conflicts = sum(1 for region in merger.merge_regions() if region[0] == "conflict")
    merged = "".join(merger.merge_lines(name_a=YOURS, name_b=THEIRS, reprocess=True))
    if conflicts:  # reprocessing can resolve some regions: count what is left
        conflicts = sum(1 for line in merged.splitlines() if line.startswith("<<<<<<< "))
    return merged.encode("utf-8"), conflicts


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines(keepends=True)
