"""Every failure a user can cause, as one named exception each.

The CLI prints ``str(error)`` as a single line and exits non-zero, so each message is written
for the person at the terminal: what is wrong, with which file, and what to do about it.
Anything that is *not* a ScaffoldError is a bug in the tool and keeps its traceback.
"""

from __future__ import annotations


class ScaffoldError(Exception):
    """Base class: an input problem the user can fix. The message is shown as-is."""


class ModelNotFound(ScaffoldError):
    """The MODEL path does not exist."""


class UnsupportedModel(ScaffoldError):
    """The file exists but is not a model we can read, or its tensors don't fit the task."""


class ConversionFailed(ScaffoldError):
    """TFLiteConverter refused the model."""


class AgreementTooLow(ScaffoldError):
    """The converted model disagrees with the float model more than --min-agreement allows."""


class LabelsError(ScaffoldError):
    """Labels are missing, unreadable or don't match the model's output width."""


class NormalizationError(ScaffoldError):
    """Mean/std are missing or malformed."""


class InvalidOption(ScaffoldError):
    """A command-line value is malformed (package name, app name, top-k ...)."""


class OutputDirError(ScaffoldError):
    """The output directory exists and is not empty, and --force was not given."""


class ImageError(ScaffoldError):
    """A golden or calibration image is missing or cannot be decoded."""


class ToolMissing(ScaffoldError):
    """An external tool (javac, JUnit 4, tflite-support) is not installed."""


class VerificationFailed(ScaffoldError):
    """The generated project's JVM tests did not all pass."""
