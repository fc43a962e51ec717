"""Decide, file by file, what ``update`` does: the three-way rules, as pure functions.

For each path there are three versions: *base* (what the last generation wrote), *ours* (what is
in the project now) and *theirs* (what this generation writes). The rules, from copier's update:

* the user did not touch it (ours = base): replaced by theirs;
* only the user changed it (theirs = base): kept;
* both changed a text file: merged line by line (merge3, the 3-way merge of the breezy
  project); overlapping changes get standard ``<<<<<<< yours`` / ``=======`` /
  ``>>>>>>> tflite-scaffold`` markers and are reported as conflicts;
* a file the tool owns (model, labels, anchors, golden data, ModelConfig) is always what this
  generation says; a user's edit to it, or to a binary file both changed, is kept out of the
  build in ``tflite-scaffold-kept/<path>``;
* files the user added are never touched; files the user deleted stay deleted, except those the
  tool owns, which are restored (and said);
* a generated file the new generation no longer writes is removed if untouched, moved to
  ``tflite-scaffold-kept/<path>`` if edited (a stray MainActivity.kt next to a new
  MainActivity.java would not compile).

A base can be known only by its hash (a project from a tool version that kept no snapshot, for a
file the user changed): then nothing is assumed, and differing files become one conflict to
resolve by hand.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import merge3

from scaffold.update.snapshot import is_text, tool_owned

YOURS, THEIRS = "yours", "tflite-scaffold"


@dataclass(frozen=True)
class Digest:
    """A base known only by its SHA-256 (binary and tool-owned files, which are never merged)."""

    sha256: str


def normalized(data: bytes) -> bytes:
    """Text with LF line endings (a Windows checkout has CRLF: not an edit); binary unchanged."""
    return data.replace(b"\r\n", b"\n") if is_text(data) else data


def content_hash(data: bytes) -> str:
    """The SHA-256 update compares with the manifest's: of the LF form for text files."""
    return hashlib.sha256(normalized(data)).hexdigest()


def _same(data: bytes, base) -> bool:
    if isinstance(base, Digest):
        return content_hash(data) == base.sha256
    return isinstance(base, bytes) and normalized(data) == normalized(base)


@dataclass(frozen=True)
class FileChange:
    path: str
    # unchanged | replaced | added | restored | kept | merged | conflict | removed | set-aside |
    # left-deleted | user-file
    action: str
    # What to write at ``path`` (None: write nothing there; see ``delete``).
    content: bytes | None = None
    delete: bool = False
    # The user's version, kept out of the build (set-aside, or a replaced edit); ``kept_as`` is
    # where, once the run has placed it.
    aside: bytes | None = None
    kept_as: str | None = None
    # Conflict regions written with markers.
    conflicts: int = 0

    @property
    def writes(self) -> bool:
        return self.content is not None or self.delete or self.aside is not None


def plan_file(path: str, base, ours: bytes | None, theirs: bytes | None) -> FileChange:
    """The change for one path. ``base``: the bytes the last generation wrote, or only their
    Digest (then a text merge has no ancestor), or None when it did not write this path.
    Line endings are not edits: a CRLF copy of a file equals its LF original, and text written
    into a CRLF file keeps CRLF."""
    if theirs is None:
        return _no_longer_generated(path, base, ours)
    if ours is None:
        if base is None:
            return FileChange(path, "added", theirs)
        if tool_owned(path):
            return FileChange(path, "restored", theirs)
        # Deleted by the user: stays deleted; worth saying only if the template changed it.
        return FileChange(path, "unchanged" if _same(theirs, base) else "left-deleted")
    if normalized(ours) == normalized(theirs):
        return FileChange(path, "unchanged")
    if tool_owned(path):  # always what this generation says; an edit is kept aside
        return FileChange(path, "replaced", theirs, aside=None if _same(ours, base) else ours)
    if _same(ours, base):
        return FileChange(path, "replaced", _in_style_of(ours, theirs))
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
    """3-way merge of UTF-8 texts: (result, number of conflict regions), in the line endings of
    ``ours``. Every side ends with a newline while merging, so a marker never lands at the end
    of a line (``X=======`` would not be recognised as a conflict by any tool)."""
    texts = [normalized(text).decode("utf-8") for text in (base, ours, theirs)]
    user_ends_bare = bool(texts[1]) and not texts[1].endswith("\n")
    lines = [(text if not text or text.endswith("\n") else text + "\n").splitlines(keepends=True) for text in texts]
    merger = merge3.Merge3(*lines)
    merged = "".join(merger.merge_lines(name_a=YOURS, name_b=THEIRS, reprocess=True))
    conflicts = sum(1 for line in merged.splitlines() if line == f"<<<<<<< {YOURS}")
    if user_ends_bare and not conflicts and merged.endswith("\n"):
        merged = merged[:-1]
    return _in_style_of(ours, merged.encode("utf-8")), conflicts


def _in_style_of(ours: bytes, text: bytes) -> bytes:
    """``text`` with CRLF line endings when the user's file has them."""
    if b"\r\n" in ours and is_text(text):
        return text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return text
