"""Characters no generated file can hold faithfully, shared by every check of user text."""

from __future__ import annotations

import unicodedata

# Bidi embedding/override/isolate controls and marks (Trojan Source, CVE-2021-42574), and the
# invisible zero-width space and byte-order mark. The zero-width (non-)joiners stay: emoji need them.
_BIDI_CONTROLS = {*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)), "\u200e", "\u200f", "\u061c",
                  "\u200b", "\ufeff"}


def unsafe_character(text: str) -> str | None:
    """The first control, unassigned, private-use or direction-override character of ``text``,
    as U+XXXX, or None."""
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp", "Co", "Cn") or char in _BIDI_CONTROLS:
            return f"U+{ord(char):04X}"
    return None
