"""Tell a classifier from a detector by its outputs, and say why.

Users often don't know (or misremember) what their exported model's outputs look like, so
``new`` decides from the graph itself when --task is not given, and prints the evidence.
"""

from __future__ import annotations

from scaffold.errors import UnsupportedModel
from scaffold.model.spec import ModelFacts, TensorInfo
from scaffold.model.tflite import DETECTION_POSTPROCESS_OP


def _is_class_scores(tensor: TensorInfo) -> bool:
    return sum(1 for d in tensor.shape if d > 1) <= 1 and tensor.num_elements > 1


def raw_detector_outputs(outputs: tuple[TensorInfo, ...]) -> bool:
    """Two outputs: boxes [1, N, 4] and scores [1, N, C]."""
    if len(outputs) != 2 or any(len(t.shape) != 3 or t.shape[0] != 1 for t in outputs):
        return False
    a, b = outputs
    return a.shape[1] == b.shape[1] and 4 in (a.shape[2], b.shape[2])


# A model with thousands of outputs still gets a one-line message.
_OUTPUTS_SHOWN = 6


def describe_outputs(facts: ModelFacts) -> str:
    shown = ", ".join(f"{t.name or 'output'} {list(t.shape)} {t.dtype}" for t in facts.outputs[:_OUTPUTS_SHOWN])
    more = len(facts.outputs) - _OUTPUTS_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def guess_task(facts: ModelFacts) -> tuple[str, str]:
    """("classify" | "detect", why)."""
    if DETECTION_POSTPROCESS_OP in facts.ops:
        return "detect", f"the graph ends in {DETECTION_POSTPROCESS_OP} with {len(facts.outputs)} outputs"
    if len(facts.outputs) == 1 and _is_class_scores(facts.outputs[0]):
        return "classify", f"one output of class scores {list(facts.outputs[0].shape)}"
    if raw_detector_outputs(facts.outputs):
        return "detect", f"outputs look like boxes and class scores ({describe_outputs(facts)})"
    raise UnsupportedModel(
        f"the model's outputs fit neither a classifier (one [1, classes] output) nor a detector "
        f"({DETECTION_POSTPROCESS_OP}'s boxes/classes/scores/count, or boxes [1, N, 4] + scores [1, N, classes]); "
        f"found {len(facts.outputs)} output(s): {describe_outputs(facts)}."
    )
