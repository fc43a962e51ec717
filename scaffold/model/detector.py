"""Resolve an object detector: which output is which, how many classes, which labels.

Two families:

* **postprocess**: the graph ends in TFLite_Detection_PostProcess (OD-API SSD exports). The op
  always emits boxes, classes, scores, count in that order, but TF1 and TF2 exports list the
  model outputs in different orders. Roles are read from the op's own output slots (certain),
  then from metadata tensor names, then from tensor names; never from output position.
* **raw**: boxes [1, N, 4] and class scores [1, N, C]; the app decodes (optionally against
  anchors), thresholds and runs class-aware NMS, mirrored by scaffold.reference.detection.

The role mapping is written into the generated ModelConfig with the evidence, so a reader of
the app sees why output 2 is "boxes".
"""

from __future__ import annotations

from scaffold.errors import InvalidOption, LabelsError, UnsupportedModel
from scaffold.metadata.labels import detection_labels, is_background
from scaffold.model.resolve import PROBABILITY_OPS, Choices, Resolution, resolve_common
from scaffold.model.spec import (
    BOX_FORMATS,
    POSTPROCESS_ROLES,
    SCORE_ACTIVATIONS,
    SUPPORTED_DTYPES,
    DetectionOptions,
    DetectorHead,
    ModelFacts,
    TensorInfo,
)
from scaffold.model.task import describe_outputs, raw_detector_outputs
from scaffold.model.tflite import DETECTION_POSTPROCESS_OP

# Names the object detector metadata writer gives the four outputs.
_METADATA_ROLE_NAMES = {"location": "boxes", "category": "classes", "score": "scores", "number of detections": "count"}
# Fragments of TF1/TF2 export tensor names.
_NAME_HINTS = {"boxes": ("box", "location"), "classes": ("class", "categor"), "scores": ("score",), "count": ("num",)}


def resolve_detector(facts: ModelFacts, model_bytes: bytes, choices: Choices, default_name: str) -> Resolution:
    _check_options(choices.detection)
    if DETECTION_POSTPROCESS_OP in facts.ops:
        roles, evidence = postprocess_roles(facts)
        kind = "postprocess"
    elif raw_detector_outputs(facts.outputs):
        roles, evidence = raw_roles(facts)
        kind = "raw"
    else:
        raise UnsupportedModel(
            f"not a detector this tool reads: expected {DETECTION_POSTPROCESS_OP}'s four outputs, or boxes [1, N, 4] "
            f"+ scores [1, N, classes]; found {describe_outputs(facts)}."
        )
    common = resolve_common(facts, choices)
    notes, warnings = common.notes, common.warnings
    notes.append(f"output roles: {', '.join(f'{r}={i}' for r, i in roles.items())} ({evidence})")

    num_classes = _class_count(facts, roles, kind)
    labels = common.labels(choices, same=lambda a, b: _aligned(a, num_classes) == _aligned(b, num_classes))
    source = choices.labels_source if choices.labels else "the model's embedded labels"
    if labels is None:
        raise LabelsError("the model has no embedded labels: pass --labels FILE, one label per detected class.")

    outputs = facts.outputs
    if kind == "postprocess":
        num_classes = num_classes or len(labels)
        labels, how = detection_labels(labels, num_classes, source)
        notes.append(how)
        head = DetectorHead(kind, outputs, roles, evidence, num_classes, choices.detection)
    else:
        head, labels, how = _raw_head(facts, roles, evidence, labels, source, choices)
        notes.append(how)
        producer = facts.output_producers[roles["scores"]]
        notes.append(
            f"scores come from {producer or 'an unknown op'}: "
            + ("used as they are" if head.score_activation == "none" else "sigmoid applied in the app")
        )

    unknown = [label for label in choices.detection.label_allowlist if label not in labels]
    if unknown:
        raise InvalidOption(f"--label-allowlist names labels the model does not have: {', '.join(unknown)}.")
    spec = common.spec(facts, model_bytes, choices, default_name, labels, head, "Object detector")
    return Resolution(spec, notes, warnings)


def _class_count(facts: ModelFacts, roles: dict[str, int], kind: str) -> int | None:
    """Classes the model reports: the op's num_classes, or the raw score columns."""
    if kind == "postprocess":
        return int((facts.postprocess_options or {}).get("num_classes", 0)) or None
    return facts.outputs[roles["scores"]].shape[2]


def _aligned(labels: tuple[str, ...], num_classes: int | None):
    """Labels as the detector will index them, for comparing two label files; None if unreadable."""
    if num_classes is None:
        return labels
    try:
        return detection_labels(labels, num_classes, "labels")[0]
    except LabelsError:
        return labels if len(labels) != num_classes - 1 else ("???", *labels)


def _check_options(options: DetectionOptions) -> None:
    if not 0.0 <= options.score_threshold <= 1.0:
        raise InvalidOption(f"--score-threshold must be between 0 and 1, got {options.score_threshold}.")
    if not 0.0 < options.iou_threshold <= 1.0:
        raise InvalidOption(f"--iou-threshold must be in (0, 1], got {options.iou_threshold}.")
    if options.max_results < 1:
        raise InvalidOption("--max-results must be at least 1.")


def postprocess_roles(facts: ModelFacts) -> tuple[dict[str, int], str]:
    """Role → output position for a TFLite_Detection_PostProcess model."""
    outputs = facts.outputs
    if len(outputs) != 4:
        raise UnsupportedModel(
            f"{DETECTION_POSTPROCESS_OP} models have 4 outputs (boxes, classes, scores, count); found {describe_outputs(facts)}."
        )
    by_slot = {
        POSTPROCESS_ROLES[slot]: i
        for i, (op, slot) in enumerate(zip(facts.output_producers, facts.output_slots or (None,) * 4))
        if op == DETECTION_POSTPROCESS_OP and slot is not None and slot < 4
    }
    if len(by_slot) == 4:
        roles, evidence = by_slot, f"read from {DETECTION_POSTPROCESS_OP}'s output slots"
    else:
        roles, evidence = _roles_by_names(facts)
    _check_postprocess_shapes(outputs, roles)
    return dict(sorted(roles.items(), key=lambda item: POSTPROCESS_ROLES.index(item[0]))), evidence


def _roles_by_names(facts: ModelFacts) -> tuple[dict[str, int], str]:
    names = facts.metadata.output_names if facts.metadata else ()
    roles = {_METADATA_ROLE_NAMES[n]: i for i, n in enumerate(names) if n in _METADATA_ROLE_NAMES}
    if len(roles) == 4:
        return roles, "read from the metadata's output names"
    roles = {}
    for i, tensor in enumerate(facts.outputs):
        matches = [role for role, hints in _NAME_HINTS.items() if any(h in tensor.name.lower() for h in hints)]
        if len(matches) == 1 and matches[0] not in roles:
            roles[matches[0]] = i
    if len(roles) == 4:
        return roles, "read from the output tensor names"
    raise UnsupportedModel(
        f"cannot tell which of the outputs are boxes, classes, scores and count: {describe_outputs(facts)}; "
        "the op's outputs are reached through other ops and neither metadata nor tensor names say."
    )


def _check_postprocess_shapes(outputs: tuple[TensorInfo, ...], roles: dict[str, int]) -> None:
    boxes, classes, scores, count = (outputs[roles[r]] for r in POSTPROCESS_ROLES)
    n = boxes.shape[1] if len(boxes.shape) == 3 else -1
    if (
        boxes.shape != (1, n, 4)
        or classes.shape != (1, n)
        or scores.shape != (1, n)
        or count.num_elements != 1
        or any(t.dtype != "float32" for t in (boxes, classes, scores, count))
    ):
        raise UnsupportedModel(
            "TFLite_Detection_PostProcess outputs should be float32 boxes [1, N, 4], classes [1, N], scores [1, N], "
            f"count [1]; found boxes {list(boxes.shape)}, classes {list(classes.shape)}, scores {list(scores.shape)}, "
            f"count {list(count.shape)}."
        )


def raw_roles(facts: ModelFacts) -> tuple[dict[str, int], str]:
    a, b = facts.outputs
    if a.shape[2] == 4 and b.shape[2] != 4:
        return {"boxes": 0, "scores": 1}, "the output with 4 values per box holds the boxes"
    if b.shape[2] == 4 and a.shape[2] != 4:
        return {"boxes": 1, "scores": 0}, "the output with 4 values per box holds the boxes"
    for i, tensor in enumerate(facts.outputs):  # both [1, N, 4]: 4 classes
        if any(h in tensor.name.lower() for h in _NAME_HINTS["boxes"]):
            return {"boxes": i, "scores": 1 - i}, "both outputs are [1, N, 4]; the boxes one is named so"
    raise UnsupportedModel(
        f"both outputs are [1, N, 4] and neither is named like boxes: {describe_outputs(facts)}."
    )


def _raw_head(facts, roles, evidence, labels, source, choices: Choices) -> tuple[DetectorHead, tuple[str, ...], str]:
    boxes, scores = facts.outputs[roles["boxes"]], facts.outputs[roles["scores"]]
    for role, tensor in (("boxes", boxes), ("scores", scores)):
        if tensor.dtype not in SUPPORTED_DTYPES:
            raise UnsupportedModel(f"the {role} output is {tensor.dtype}; raw detector outputs must be float32, uint8 or int8.")
    columns = scores.shape[2]
    if len(labels) == columns - 1:
        background, how = True, f"{source}: {len(labels)} labels for {columns} score columns: column 0 taken as the background"
    elif len(labels) == columns and is_background(labels[0]):
        background, how = True, f"{source}: first row '{labels[0]}' is the background: score column 0 is ignored"
        labels = labels[1:]
    elif len(labels) == columns:
        background, how = False, f"{source}: one label per score column, no background column"
    else:
        raise LabelsError(
            f"{source} has {len(labels)} labels, but the scores output has {columns} columns: give {columns} labels "
            f"(or {columns - 1} when column 0 is the background)."
        )
    if choices.box_format not in BOX_FORMATS:
        raise InvalidOption(f"--box-format must be one of {', '.join(BOX_FORMATS)}.")
    anchors = choices.anchors
    if anchors is not None and anchors.shape != (boxes.shape[1], 4):
        raise InvalidOption(
            f"--anchors has shape {list(anchors.shape)}, but the model predicts {boxes.shape[1]} boxes: expected [{boxes.shape[1]}, 4]."
        )
    activation = choices.score_activation
    if activation is None:
        activation = "none" if facts.output_producers[roles["scores"]] in PROBABILITY_OPS else "sigmoid"
    elif activation not in SCORE_ACTIVATIONS:
        raise InvalidOption(f"--score-activation must be one of {', '.join(SCORE_ACTIVATIONS)}.")
    head = DetectorHead(
        "raw", facts.outputs, roles, evidence, len(labels), choices.detection,
        box_format=choices.box_format, anchors=anchors, box_scales=choices.box_scales,
        score_activation=activation, background_column=background,
    )
    return head, labels, how
