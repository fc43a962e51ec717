"""Serialize golden cases into the files the generated JUnit tests read.

Formats are chosen so plain Java reads them with no library: ``java.util.Properties`` for the
index, raw big-endian ints for pixels (``IntBuffer`` order), raw little-endian tensors (what the
phone's native order is), and TSV for expected results. Returned as ``{relative path: bytes}``;
writing them is the render stage's job.
"""

from __future__ import annotations

import numpy as np

from scaffold import __version__
from scaffold.golden.cases import FRONT_PREVIEW, VIEW_HEIGHT, VIEW_WIDTH, GoldenSet
from scaffold.model.spec import ModelSpec, TensorInfo

GOLDEN_DIR = "app/src/test/resources/golden"


def _tensor_properties(prefix: str, tensor: TensorInfo) -> list[str]:
    # repr() of the float32 scale widened to a double: Float.parseFloat gives back the same float.
    return [
        f"{prefix}.shape={','.join(str(d) for d in tensor.shape)}",
        f"{prefix}.type={tensor.dtype.upper()}",  # TensorSpec.DataType names
        f"{prefix}.scale={float(np.float32(tensor.scale))!r}",
        f"{prefix}.zeroPoint={tensor.zero_point}",
    ]


def _little_endian(array: np.ndarray) -> bytes:
    return array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()


def _numbers(values) -> str:
    return "\t".join(repr(float(v)) for v in values)


def golden_files(spec: ModelSpec, golden: GoldenSet) -> dict[str, bytes]:
    cases = golden.cases
    lines = [
        f"# Golden vectors written by tflite-scaffold {__version__} from its numpy reference.",
        "# Regenerate the project instead of editing; GoldenData.java describes the files.",
        f"task={spec.task}",
        *_tensor_properties("input", spec.input),
        f"input.values={spec.preprocessing.input_values.upper()}",  # ImagePreprocessor.InputValues names
        f"cases={','.join(case.name for case in cases)}",
    ]
    files: dict[str, bytes] = {}
    if spec.task == "classify":
        lines += _tensor_properties("output", spec.head.output)
    else:
        lines += _detector_properties(spec, golden, files)

    for case in cases:
        height, width = case.image.argb.shape
        lines += [
            f"case.{case.name}.source={_escape(case.image.description)}",
            f"case.{case.name}.width={width}",
            f"case.{case.name}.height={height}",
            f"case.{case.name}.rotation={case.image.orientation.rotation}",
            f"case.{case.name}.mirrored={str(case.image.orientation.mirrored).lower()}",
            *([f"case.{case.name}.exif={case.image.exif}"] if case.image.exif is not None else []),
            f"case.{case.name}.outputComputedBy={case.output_source}",
        ]
        files[f"{case.name}.argb"] = case.image.argb.astype(">u4").tobytes()
        files[f"{case.name}.input.bin"] = _little_endian(case.input_tensor)
        if spec.task == "classify":
            files[f"{case.name}.output.bin"] = _little_endian(case.raw_outputs[0])
            files[f"{case.name}.topk.tsv"] = "".join(
                f"{c.index}\t{c.label}\t{c.score!r}\n" for c in case.top_k
            ).encode("utf-8")
        else:
            for i, raw in enumerate(case.raw_outputs):
                files[f"{case.name}.output{i}.bin"] = _little_endian(raw)
            for variant, detections in case.detections.items():
                # index, label, score, box (top left bottom right, normalized), then left top right
                # bottom in image pixels, in the FILL_CENTER view, in the fitCenter view and in the
                # FILL_CENTER view of a mirrored, turned front-camera preview.
                files[f"{case.name}.{variant}.detections.tsv"] = "".join(
                    f"{m.detection.index}\t{m.detection.label}\t{m.detection.score!r}\t{_numbers(m.detection.box)}\t"
                    f"{_numbers(m.image)}\t{_numbers(m.fill_view)}\t{_numbers(m.fit_view)}\t{_numbers(m.front_view)}\n"
                    for m in detections
                ).encode("utf-8")
    files["golden.properties"] = ("\n".join(lines) + "\n").encode("utf-8")
    return {f"{GOLDEN_DIR}/{name}": data for name, data in files.items()}


def _detector_properties(spec: ModelSpec, golden: GoldenSet, files: dict[str, bytes]) -> list[str]:
    head = spec.head
    lines = [f"outputs={len(head.outputs)}", f"numClasses={head.num_classes}"]
    for i, tensor in enumerate(head.outputs):
        lines += _tensor_properties(f"output.{i}", tensor)
    variants = golden.variants
    lines += [
        f"variants={','.join(variants)}",
        f"view.width={VIEW_WIDTH}",
        f"view.height={VIEW_HEIGHT}",
        f"view.front.rotation={FRONT_PREVIEW.rotation}",
        f"view.front.mirrored={str(FRONT_PREVIEW.mirrored).lower()}",
    ]
    for name, options in variants.items():
        lines += [
            f"variant.{name}.scoreThreshold={options.score_threshold!r}",
            f"variant.{name}.maxResults={options.max_results}",
        ]
        if head.kind == "raw":  # the op runs its own NMS
            lines += [
                f"variant.{name}.iouThreshold={options.iou_threshold!r}",
                f"variant.{name}.nms={options.nms.upper().replace('-', '_')}",  # DetectionOptions.Nms names
            ]
        # Labels may contain any character: the allowlist is a file, one label per line.
        files[f"{name}.allowlist.txt"] = "".join(f"{label}\n" for label in options.label_allowlist).encode("utf-8")
    return lines


def _escape(value: str) -> str:
    """java.util.Properties escaping for a value (load() reads ISO-8859-1 with \\u escapes)."""
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ord(ch) > 0x7E or ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)
