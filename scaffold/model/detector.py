"""Resolve an object detector: which output is which, how many classes, which labels.

Two families:

* **postprocess**: the graph ends in TFLite_Detection_PostProcess (OD-API SSD exports). The op
  always emits boxes, classes, scores, count in that order, but TF1 and TF2 exports list the
  model outputs in different orders. Roles are read from the op's own output slots (certain),
  then from metadata tensor names, then from tensor names; never from output position.
* **raw**: boxes [1, N, 4] and class scores [1, N, C]; the app decodes (optionally against
  anchors), thresholds and runs NMS, class-agnostic or per class, mirrored by
  scaffold.reference.detection. A model cut before its op (``--strip-postprocess``, see
  scaffold.convert.strip) is a raw detector whose defaults are the op's own settings, so the
  app reports what the op would have.

One label-file reader serves both (scaffold.metadata.labels.detector_labels): a label file names
the same classes whichever form the model takes.

The role mapping is written into the generated ModelConfig with the evidence, so a reader of
the app sees why output 2 is "boxes".
"""

from __future__ import annotations

from scaffold.errors import InvalidOption, LabelsError, UnsupportedModel
from scaffold.metadata.labels import detector_labels
from scaffold.model.resolve import PROBABILITY_OPS, Choices, DetectionChoices, Resolution, resolve_common
from scaffold.model.spec import (
    BOX_FORMATS,
    NMS_MODES,
    POSTPROCESS_ROLES,
    SCORE_ACTIVATIONS,
    SUPPORTED_DTYPES,
    DetectionOptions,
    DetectorHead,
    ModelFacts,
    PostprocessOp,
    TensorInfo,
)
from scaffold.model.task import describe_outputs, raw_detector_outputs
from scaffold.model.tflite import DETECTION_POSTPROCESS_OP

# Names the object detector metadata writer gives the four outputs (the Task Library and
# MediaPipe find the outputs by them).
METADATA_ROLE_NAMES = {"location": "boxes", "category": "classes", "score": "scores", "number of detections": "count"}
# Fragments of TF1/TF2 export tensor names.
_NAME_HINTS = {"boxes": ("box", "location"), "classes": ("class", "categor"), "scores": ("score",), "count": ("num",)}


DEFAULT_SCORE_THRESHOLD = 0.5
DEFAULT_MAX_RESULTS = 10
DEFAULT_IOU_THRESHOLD = 0.5
DEFAULT_BOX_SCALES = (10.0, 10.0, 5.0, 5.0)


def resolve_detector(facts: ModelFacts, model_bytes: bytes, choices: Choices, default_name: str) -> Resolution:
    _check_choices(choices.detection)
    if DETECTION_POSTPROCESS_OP in facts.ops:
        roles, evidence = postprocess_roles(facts)
        kind = "postprocess"
    elif raw_detector_outputs(facts.outputs):
        if choices.stripped_op is not None:
            roles, evidence = {"boxes": 0, "scores": 1}, f"the inputs of the removed {DETECTION_POSTPROCESS_OP}, in its order"
        else:
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

    op = facts.postprocess_op if kind == "postprocess" else choices.stripped_op
    columns, background = _score_columns(facts, roles, kind, op)
    labels = common.labels(choices, same=lambda a, b: _aligned(a, columns, background) == _aligned(b, columns, background))
    source = choices.labels_source if choices.labels else "the model's embedded labels"
    if labels is None:
        raise LabelsError("the model has no embedded labels: pass --labels FILE, one label per detected class.")

    outputs = facts.outputs
    labels, background, how = detector_labels(labels, columns or len(labels) + 1, source, background)
    notes.append(how)
    if kind == "postprocess":
        options = _postprocess_options(choices, op)
        notes.append(f"decoding and NMS in the model: {describe_op(op)}")
        head = DetectorHead(kind, outputs, roles, evidence, len(labels), options, postprocess_op=op)
    else:
        options = _raw_options(choices, op, notes, warnings)
        head = _raw_head(facts, roles, evidence, labels, background, options, choices)
        producer = facts.output_producers[roles["scores"]]
        if choices.score_activation is not None:
            why = "--score-activation"
            if op is not None and head.score_activation != "none":
                warnings.append(f"{DETECTION_POSTPROCESS_OP} used the scores as they are: with a sigmoid the app no longer "
                                "reports what the op did.")
        elif op is not None:
            why = f"as {DETECTION_POSTPROCESS_OP} did"
        else:
            why = f"they come from {producer or 'an unknown op'}"
        notes.append(f"scores {'used as they are' if head.score_activation == 'none' else 'passed through a sigmoid in the app'} ({why})")

    unknown = [label for label in options.label_allowlist if label not in labels]
    if unknown:
        raise InvalidOption(f"--label-allowlist names labels the model does not have: {', '.join(unknown)}.")
    spec = common.spec(facts, model_bytes, choices, default_name, labels, head, "Object detector")
    return Resolution(spec, notes, warnings)


def describe_op(op: PostprocessOp | None) -> str:
    if op is None:
        return f"{DETECTION_POSTPROCESS_OP} (settings unreadable)"
    nms = f"{op.nms} NMS" + (f" (at most {op.detections_per_class} per class)" if op.regular_nms else "")
    return (f"{nms}, IoU > {op.iou_threshold:g} suppresses, scores >= {op.score_threshold:g}, "
            f"at most {op.max_detections} detections")


def _postprocess_options(choices: Choices, op: PostprocessOp | None) -> DetectionOptions:
    """The op decodes and suppresses itself: options that only the app's decoding and NMS would
    use are refused rather than silently ignored. The op's own IoU and mode are recorded, for
    the reader."""
    given = choices.detection
    raw_only = [
        flag for flag, value in (
            ("--iou-threshold", given.iou_threshold), ("--nms", given.nms), ("--anchors", choices.anchors),
            ("--box-format", choices.box_format), ("--box-scales", choices.box_scales),
            ("--score-activation", choices.score_activation),
        ) if value is not None
    ]
    if raw_only:
        raise InvalidOption(
            f"{', '.join(raw_only)}: this model's {DETECTION_POSTPROCESS_OP} op decodes and suppresses itself "
            f"({describe_op(op)}); pass --strip-postprocess to do that in the app instead."
        )
    return DetectionOptions(
        given.score_threshold if given.score_threshold is not None else DEFAULT_SCORE_THRESHOLD,
        given.max_results or DEFAULT_MAX_RESULTS,
        given.label_allowlist,
        op.iou_threshold if op else DEFAULT_IOU_THRESHOLD,
        op.nms if op else "class-agnostic",
    )


def _raw_options(choices: Choices, op: PostprocessOp | None, notes: list[str], warnings: list[str]) -> DetectionOptions:
    """Options for NMS in the app. Given flags win; otherwise the stripped op's settings, so the
    app reports what the op would have; otherwise defaults by model family."""
    given = choices.detection
    if given.nms is not None:
        nms, why = given.nms, "--nms"
    elif op is not None:
        nms, why = op.nms, f"as the model's {DETECTION_POSTPROCESS_OP} did (use_regular_nms={str(op.regular_nms).lower()})"
    elif choices.anchors is not None:
        nms, why = "class-agnostic", (
            f"SSD-style anchors: one class per box, as {DETECTION_POSTPROCESS_OP} does by default; pass --nms per-class "
            "to keep overlapping boxes of different classes"
        )
    else:
        nms, why = "per-class", "decoded boxes (YOLO-style exports expect per-class NMS); pass --nms class-agnostic for one class per box"
    iou = given.iou_threshold if given.iou_threshold is not None else op.iou_threshold if op else DEFAULT_IOU_THRESHOLD
    if given.max_results is not None:
        max_results = given.max_results
    else:
        max_results = min(DEFAULT_MAX_RESULTS, op.max_detections) if op and op.max_detections > 0 else DEFAULT_MAX_RESULTS
    # The op never reports below its own score threshold.
    score = given.score_threshold
    if score is None:
        score = max(DEFAULT_SCORE_THRESHOLD, op.score_threshold) if op else DEFAULT_SCORE_THRESHOLD
    notes.append(f"NMS in the app: {nms}, IoU > {iou:g} suppresses ({why})")
    if op is not None:
        if score < op.score_threshold:
            warnings.append(
                f"--score-threshold {score:g} is below the {op.score_threshold:g} the op applied: the app shows "
                "low-scoring boxes the op never reported."
            )
        if max_results > op.max_detections > 0:
            notes.append(f"up to {max_results} detections, where the op reported at most {op.max_detections}")
        if op.max_classes_per_detection > 1 and not op.regular_nms:
            warnings.append(
                f"the op reported up to {op.max_classes_per_detection} classes per box (its top scores); the app's NMS "
                f"({nms}) does not do that, so its results differ from the op's."
            )
    return DetectionOptions(score, max_results, given.label_allowlist, iou, nms)


def _score_columns(facts: ModelFacts, roles: dict[str, int], kind: str, op: PostprocessOp | None) -> tuple[int | None, bool | None]:
    """Score columns the classes come from, and whether column 0 is known to be the background.

    The op scores its num_classes, after a background column when its scores have one more
    column (the same for the model cut before it). Raw scores say only their width.
    """
    if kind == "postprocess":
        if op is not None and op.background_column is not None:
            return op.score_columns, op.background_column
        return (op.num_classes + 1 if op and op.num_classes else None), True
    columns = facts.outputs[roles["scores"]].shape[2]
    if op is None:
        return columns, None
    offset = columns - op.num_classes
    if offset not in (0, 1):
        raise UnsupportedModel(
            f"the op scored {op.num_classes} classes from {columns} columns; only a background column (or none) "
            "can precede the classes."
        )
    return columns, offset == 1


def _aligned(labels: tuple[str, ...], columns: int | None, background: bool | None):
    """Labels as the detector will index them, for comparing two label files."""
    if columns is None:
        return labels
    try:
        return detector_labels(labels, columns, "labels", background)[:2]
    except LabelsError:
        return labels


def _check_choices(options: DetectionChoices) -> None:
    if options.score_threshold is not None and not 0.0 <= options.score_threshold <= 1.0:
        raise InvalidOption(f"--score-threshold must be between 0 and 1, got {options.score_threshold}.")
    if options.iou_threshold is not None and not 0.0 < options.iou_threshold <= 1.0:
        raise InvalidOption(f"--iou-threshold must be in (0, 1], got {options.iou_threshold}.")
    if options.max_results is not None and options.max_results < 1:
        raise InvalidOption("--max-results must be at least 1.")
    if options.nms is not None and options.nms not in NMS_MODES:
        raise InvalidOption(f"--nms must be one of {', '.join(NMS_MODES)}, got '{options.nms}'.")


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
    roles = {METADATA_ROLE_NAMES[n]: i for i, n in enumerate(names) if n in METADATA_ROLE_NAMES}
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


def _raw_head(facts, roles, evidence, labels, background: bool, options: DetectionOptions, choices: Choices) -> DetectorHead:
    boxes, scores = facts.outputs[roles["boxes"]], facts.outputs[roles["scores"]]
    for role, tensor in (("boxes", boxes), ("scores", scores)):
        if tensor.dtype not in SUPPORTED_DTYPES:
            raise UnsupportedModel(f"the {role} output is {tensor.dtype}; raw detector outputs must be float32, uint8 or int8.")
    box_format = choices.box_format or "yxyx"
    if box_format not in BOX_FORMATS:
        raise InvalidOption(f"--box-format must be one of {', '.join(BOX_FORMATS)}.")
    anchors = choices.anchors
    if anchors is not None and anchors.shape != (boxes.shape[1], 4):
        raise InvalidOption(
            f"--anchors has shape {list(anchors.shape)}, but the model predicts {boxes.shape[1]} boxes: expected [{boxes.shape[1]}, 4]."
        )
    op = choices.stripped_op
    activation = choices.score_activation
    if activation is None:
        # The op uses its class predictions as they are: they already are probabilities.
        probabilities = op is not None or facts.output_producers[roles["scores"]] in PROBABILITY_OPS
        activation = "none" if probabilities else "sigmoid"
    elif activation not in SCORE_ACTIVATIONS:
        raise InvalidOption(f"--score-activation must be one of {', '.join(SCORE_ACTIVATIONS)}.")
    box_scales = choices.box_scales or (op.box_scales if op else DEFAULT_BOX_SCALES)
    # The stripped op's caps on what NMS keeps (whatever the allowlist then shows): all classes
    # together, and in its regular mode per class. Raised when --max-results asks for more.
    kept_limit = max(op.max_detections, options.max_results) if op and op.max_detections > 0 else None
    per_class_limit = op.detections_per_class if op and op.regular_nms and options.nms == "per-class" else None
    return DetectorHead(
        "raw", facts.outputs, roles, evidence, len(labels), options,
        box_format=box_format, anchors=anchors, box_scales=box_scales,
        score_activation=activation, background_column=background, postprocess_op=op,
        kept_limit=kept_limit, per_class_limit=per_class_limit,
    )
