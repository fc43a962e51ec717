"""The options a project was generated with, recorded as ``new`` takes them.

``update`` must be able to generate the project again exactly as ``new`` did, so every option of
``new`` is recorded in the project's manifest (``.tflite-scaffold.json``, key ``"request"``),
flat, under the name of its command-line flag (``--score-threshold`` → ``score_threshold``).
Paths are stored relative to the project directory, so a project and the files it was made from
can move together (or to another machine) and still update. ``update --set NAME=VALUE``
changes one of them, parsed the same way.

Projects generated before this record existed only have the resolved options (key
``"options"``); :func:`options_from_resolved` rebuilds what it can from those.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

from scaffold.errors import InvalidOption

# Kinds: path / paths (relative to the project), str, int, float, bool, floats / strs (lists).
# None means "not given" for every optional option, as on the command line.
FIELDS: dict[str, str] = {
    "model": "path",
    "labels": "path",
    "mean": "floats",
    "std": "floats",
    "channel_order": "str",
    "resize": "str",
    "uint8_input": "str",
    "quantize": "str",
    "io_type": "str",
    "select_tf_ops": "bool",
    "calibration_images": "path",
    "calibration_steps": "int",
    "eval_images": "path",
    "min_agreement": "float",
    "model_name": "str",
    "model_description": "str",
    "model_version": "str",
    "task": "str",
    "score_threshold": "float",
    "max_results": "int",
    "label_allowlist": "strs",
    "iou_threshold": "float",
    "nms": "str",
    "anchors": "path",
    "box_format": "str",
    "box_scales": "floats",
    "score_activation": "str",
    "strip_postprocess": "bool",
    "runtime": "str",
    "accelerator": "str",
    "app_name": "str",
    "package": "str",
    "language": "str",
    "top_k": "int",
    "threads": "int",
    "softmax": "bool",
    "golden_images": "paths",
}


def options_from_request(request, project: Path) -> dict:
    """A NewProjectRequest as the flat record (paths relative to ``project``)."""
    inputs, conversion, app, detection = request.inputs, request.inputs.conversion, request.app, request.inputs.detection
    norm = inputs.normalization
    values = {
        "model": inputs.model,
        "labels": inputs.labels_file,
        "mean": list(norm.mean) if norm else None,
        "std": list(norm.std) if norm else None,
        "channel_order": inputs.channel_order,
        "resize": inputs.resize,
        "uint8_input": inputs.uint8_input,
        "quantize": conversion.quantize,
        "io_type": conversion.io_type,
        "select_tf_ops": conversion.select_tf_ops,
        "calibration_images": inputs.calibration_images,
        "calibration_steps": conversion.calibration_steps,
        "eval_images": inputs.eval_images,
        "min_agreement": inputs.min_agreement,
        "model_name": inputs.model_name,
        "model_description": inputs.model_description,
        "model_version": inputs.model_version,
        "task": inputs.task,
        "score_threshold": detection.score_threshold,
        "max_results": detection.max_results,
        "label_allowlist": list(detection.label_allowlist),
        "iou_threshold": detection.iou_threshold,
        "nms": detection.nms,
        "anchors": inputs.anchors_file,
        "box_format": inputs.box_format,
        "box_scales": list(inputs.box_scales) if inputs.box_scales else None,
        "score_activation": inputs.score_activation,
        "strip_postprocess": inputs.strip_postprocess,
        "runtime": app.runtime,
        "accelerator": app.accelerator,
        "app_name": app.app_name,
        "package": app.package_name,
        "language": app.language,
        "top_k": app.top_k,
        "threads": app.num_threads,
        "softmax": request.apply_softmax,
        "golden_images": list(request.golden_images),
    }
    return {name: _stored(FIELDS[name], value, project) for name, value in values.items()}


def request_from_options(options: dict, project: Path):
    """The NewProjectRequest that regenerates ``project`` (``--force`` semantics are the caller's)."""
    from scaffold.convert.options import ConversionOptions
    from scaffold.model.resolve import DetectionChoices
    from scaffold.model.spec import Normalization
    from scaffold.pipeline import ModelInputs, NewProjectRequest
    from scaffold.render.context import AppOptions

    o = {name: _loaded(kind, options.get(name), project) for name, kind in FIELDS.items()}
    if o["model"] is None:
        raise InvalidOption("the project's record names no model: pass --model.")
    defaults = ConversionOptions()
    given = lambda name, default: default if o[name] is None else o[name]  # noqa: E731  (0 is a value, not "unset")
    inputs = ModelInputs(
        model=str(o["model"]),
        conversion=ConversionOptions(
            given("quantize", defaults.quantize), given("io_type", defaults.io_type), bool(o["select_tf_ops"]),
            given("calibration_steps", defaults.calibration_steps),
        ),
        normalization=Normalization(tuple(o["mean"]), tuple(o["std"])) if o["mean"] and o["std"] else None,
        uint8_input=o["uint8_input"],
        channel_order=o["channel_order"],
        resize=o["resize"],
        calibration_images=o["calibration_images"],
        eval_images=o["eval_images"],
        min_agreement=o["min_agreement"],
        labels_file=o["labels"],
        model_name=o["model_name"],
        model_description=o["model_description"],
        model_version=o["model_version"],
        task=o["task"],
        detection=DetectionChoices(
            o["score_threshold"], o["max_results"], tuple(o["label_allowlist"] or ()), o["iou_threshold"], o["nms"],
        ),
        anchors_file=o["anchors"],
        box_format=o["box_format"],
        box_scales=tuple(o["box_scales"]) if o["box_scales"] else None,
        score_activation=o["score_activation"],
        strip_postprocess=bool(o["strip_postprocess"]),
    )
    app = AppOptions(
        given("app_name", "TFLite Classifier"), given("package", "com.example.tfliteclassifier"), given("language", "kotlin"),
        given("top_k", 3), given("threads", 4), given("runtime", "interpreter"),
        # A project recorded before --accelerator existed had no GPU: it keeps none.
        given("accelerator", "cpu"),
    )
    return NewProjectRequest(inputs, project, app, o["softmax"], list(o["golden_images"] or []), force=True)


def apply_settings(options: dict, settings: list[str], project: Path) -> dict:
    """``options`` with each ``NAME=VALUE`` applied (``--set``). Names as the flags of ``new``
    (dashes or underscores); an empty value (or ``none``) unsets an option; list options take
    commas, ``label_allowlist`` repeats (``--set label_allowlist=cat --set label_allowlist=dog``)."""
    result = dict(options)
    allowlist_set = False
    for setting in settings:
        name, sep, text = setting.partition("=")
        name = name.strip().lstrip("-").replace("-", "_")
        if not sep or name not in FIELDS:
            raise InvalidOption(
                f"--set takes NAME=VALUE with NAME one of {', '.join(sorted(FIELDS))}; got '{setting}'."
            )
        # Paths on the command line are relative to the working directory, in the record to the project.
        value = _stored(FIELDS[name], _parsed(name, FIELDS[name], text.strip()), project)
        if name == "label_allowlist":
            result[name] = (result[name] if allowlist_set else []) + (value or [])
            allowlist_set = True
        else:
            result[name] = value
    return result


def options_from_resolved(manifest: dict, project: Path) -> dict:
    """Best-effort options for a project recorded before ``"request"`` existed: its resolved
    options, the model source, and the labels the project ships. Its paths were recorded as
    typed, relative to wherever ``new`` ran: the working directory, or most often the directory
    the project was created in."""
    resolved = manifest.get("options") or {}
    options = {name: None for name in FIELDS}
    names = ["task", "channel_order", "resize", "quantize", "io_type", "select_tf_ops", "calibration_steps",
             "score_threshold", "max_results", "label_allowlist", "app_name", "package", "language", "top_k", "threads"]
    if resolved.get("detector") == "raw":  # decoding options a model with the op refuses
        names += ["iou_threshold", "box_format", "box_scales", "score_activation"]
    for name in names:
        if name in resolved:
            options[name] = resolved[name]
    if resolved.get("input_values") != "raw" and "mean" in resolved:
        options["mean"], options["std"] = resolved.get("mean"), resolved.get("std")
    options["softmax"] = resolved.get("apply_softmax")
    labels = project / "app" / "src" / "main" / "assets" / "labels.txt"
    options["labels"] = "app/src/main/assets/labels.txt" if labels.is_file() else None
    typed = lambda value: _stored("path", _as_typed(value, project), project) if value else None  # noqa: E731
    options["model"] = typed((manifest.get("model") or {}).get("source"))
    options["anchors"] = typed(resolved.get("anchors"))
    options["golden_images"] = [typed(image) for image in resolved.get("golden_images") or []]
    return options


def _as_typed(value: str, project: Path) -> str:
    """A path typed for an earlier ``new``: as it resolves from here, or from beside the project."""
    path, suffix = _split_source(str(value))
    if path is None or Path(path).is_absolute() or Path(path).exists():
        return str(value)
    beside = project.resolve().parent / path
    return str(beside) + suffix if beside.exists() else str(value)


def _stored(kind: str, value, project: Path):
    if value is None:
        return None
    if kind == "path":
        return _relative(value, project)
    if kind == "paths":
        return [_relative(v, project) for v in value]
    if kind in ("floats", "strs"):
        return list(value)
    return value


def _relative(value, project: Path) -> str:
    path, suffix = _split_source(str(value))
    if path is None:
        return suffix  # package.module:function: not a path
    try:
        return os.path.relpath(Path(path).resolve(), project.resolve()) + suffix
    except ValueError:  # another drive on Windows
        return str(Path(path).resolve()) + suffix


def _loaded(kind: str, value, project: Path):
    if value is None:
        return None
    if kind == "path":
        return Path(_absolute(value, project)) if _split_source(value)[1] == "" else _absolute(value, project)
    if kind == "paths":
        return [Path(_absolute(v, project)) for v in value]
    return value


def _absolute(value: str, project: Path) -> str:
    path, suffix = _split_source(value)
    if path is None:
        return suffix
    return str((project / path).resolve()) + suffix


_MODULE = re.compile(r"[A-Za-z_][\w.]*")


def _split_source(text: str) -> tuple[str | None, str]:
    """A model source or a path, split into (path, ":function" or ""). ``package.module:function``
    has no path: (None, text). A Windows drive letter is not a function separator."""
    head, sep, function = text.rpartition(":")
    if sep and head and function.isidentifier():
        if head.endswith(".py"):
            return head, f":{function}"
        if _MODULE.fullmatch(head):
            return None, text
    return text, ""


def _parsed(name: str, kind: str, text: str):
    if text == "" or text.lower() == "none":
        return [] if kind in ("strs", "paths") else None
    try:
        if kind in ("str",):
            return text
        if kind == "path":
            return text
        if kind == "paths":
            return text.split(",")
        if kind == "int":
            return int(text)
        if kind == "float":
            value = float(text)
            if not math.isfinite(value):
                raise ValueError(text)
            return value
        if kind == "bool":
            if text.lower() in ("true", "yes", "1"):
                return True
            if text.lower() in ("false", "no", "0"):
                return False
            raise ValueError(text)
        if kind == "floats":
            values = [float(t) for t in text.split(",")]
            if not all(math.isfinite(v) for v in values):
                raise ValueError(text)
            return values
        if kind == "strs":
            return [text]
    except ValueError:
        pass
    raise InvalidOption(f"--set {name}: '{text}' is not a valid {kind.rstrip('s') if kind != 'paths' else 'path list'}.")
