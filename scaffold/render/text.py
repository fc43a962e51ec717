"""Free text from the user (the app name, labels, model names) on its way into generated files.

Any printable name is accepted, in any script, with quotes, ``&``, ``<``, ``%``, a leading ``@``
or emoji: the template escapes it for each destination (``tflite_scaffold_filters.py`` in the template:
strings.xml, Markdown, a Gradle project name). What is refused is what no destination can hold
faithfully or what only deceives: control characters (a tab or newline would also break the
line- and tab-separated files the app reads), and bidirectional overrides, which make text read
differently from what it is.
"""

from __future__ import annotations

from scaffold.errors import InvalidOption
from scaffold.text import unsafe_character

MAX_APP_NAME = 100


def check_app_name(name: str) -> str:
    """The launcher name, trimmed; InvalidOption for one Android cannot show as given."""
    trimmed = name.strip()
    if not trimmed:
        raise InvalidOption("--app-name is empty: give the name shown under the launcher icon.")
    if len(trimmed) > MAX_APP_NAME:
        raise InvalidOption(f"--app-name is {len(trimmed)} characters long: use at most {MAX_APP_NAME}.")
    bad = unsafe_character(trimmed)
    if bad:
        raise InvalidOption(f"--app-name contains the control or direction character {bad}: use printable text.")
    return trimmed


def jinja_literal(text: str) -> str:
    """``text`` as a cookiecutter variable that renders to itself: cookiecutter renders every
    public variable as a Jinja template, so each ``{`` becomes an expression that outputs one (no
    ``{{``, ``{%`` or ``{#`` of the user's can then start a tag)."""
    return text.replace("{", '{{ "{" }}')
