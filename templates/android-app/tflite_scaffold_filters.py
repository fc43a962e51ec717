"""Jinja filters that escape free text (an app name, labels) for each place the template puts it.

A name like ``Tom's "Plant" Doctor & Co. <beta> 100%`` or ``@home`` is valid for Android Studio,
which escapes it; so does this template, destination by destination, instead of restricting what
users may call their app. cookiecutter loads this module through ``_extensions`` in
cookiecutter.json (the template directory is on ``sys.path`` while it renders; a name of its
own, so no other module shadows it).
"""

from __future__ import annotations

import re
import unicodedata

from jinja2.ext import Extension

# CommonMark lets any ASCII punctuation be backslash-escaped.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&\"'])")
_GRADLE_UNSAFE = re.compile(r"[^A-Za-z0-9 ._-]+")


def android_string(text: str) -> str:
    """The content of a ``<string>`` resource that Android reads back as ``text``: XML escapes,
    then aapt2's own (backslash, quotes, a leading @ or ?), and double quotes around the whole
    when spaces would otherwise be collapsed or trimmed."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if escaped[:1] in ("@", "?"):
        escaped = "\\" + escaped
    if text != text.strip() or "  " in text or any(c.isspace() and c != " " for c in text):
        escaped = f'"{escaped}"'
    return escaped


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown inline text (no emphasis, links, HTML or headings)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def gradle_name(text: str) -> str:
    """A Gradle project name derived from ``text``: ASCII letters, digits, spaces and ``. _ -``
    (Gradle forbids ``/ \\ : < > " ? * |``, and a Kotlin string would read ``$`` as a template),
    accents folded to their base letter; "App" when nothing is left."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    name = " ".join(_GRADLE_UNSAFE.sub(" ", folded).split()).strip(" .")
    return name or "App"


def slug(text: str) -> str:
    """A directory name derived from ``text`` (lower-case, dashes)."""
    return gradle_name(text).lower().replace(" ", "-").replace(".", "-")


class TextEscapes(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.filters.update(
            android_string=android_string, markdown_text=markdown_text, gradle_name=gradle_name, slug=slug
        )
