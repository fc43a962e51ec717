"""Ship an SSD model without its TFLite_Detection_PostProcess op (``new --strip-postprocess``).

The op is a custom op: GPU and NNAPI delegates cannot run it, some runtimes do not register it,
and it fixes the NMS mode and the number of detections at export time. Cut just before it, the
model ends in the op's inputs, box encodings [1, N, 4] and class scores [1, N, C], which is a
raw-output detector: the app decodes the boxes against the op's own anchors (its third input, a
constant) and runs NMS itself with the op's settings (scaffold.model.detector), so it reports
what the op would have (scaffold.reference.detection mirrors the op's fast NMS exactly).

The edit goes through the flatbuffer object API of the schema that ships with ai-edge-litert:
the op, its four outputs and the anchor constant are removed, tensors renumbered, the op code
dropped when nothing else uses it, signatures pointed at the new outputs. Metadata describing
the four old outputs is dropped too; the pipeline writes metadata for the new outputs.
"""

from __future__ import annotations

from dataclasses import dataclass

import flatbuffers
import numpy as np
from ai_edge_litert import schema_py_generated as schema
from flatbuffers import flexbuffers

from scaffold.errors import UnsupportedModel
from scaffold.metadata.reader import METADATA_FIELD_NAME
from scaffold.model.spec import PostprocessOp
from scaffold.model.tflite import DETECTION_POSTPROCESS_OP, TFLITE_IDENTIFIER

# Constant data is aligned like the converter aligns it (schema: Buffer.data force_align 16).
_BUFFER_ALIGNMENT = 16
# Names of the two outputs in the model's signature.
_OUTPUT_NAMES = ("box_encodings", "class_predictions")


@dataclass(frozen=True)
class StrippedModel:
    model_bytes: bytes
    # (y_center, x_center, height, width) per box, dequantized: the op's third input.
    anchors: np.ndarray
    op: PostprocessOp


def strip_postprocess(model_bytes: bytes) -> StrippedModel:
    """``model_bytes`` cut before its TFLite_Detection_PostProcess op, with the op's anchors and settings."""
    model = schema.ModelT.InitFromPackedBuf(bytearray(model_bytes), 0)
    if any(buffer.offset > 1 for buffer in model.buffers or []):
        raise UnsupportedModel("--strip-postprocess: this model keeps its weights outside the flatbuffer, which it cannot rewrite.")
    graph = model.subgraphs[0]
    op_index, op = _the_op(model, graph)
    boxes, scores, anchors_tensor = (int(t) for t in op.inputs[:3])
    outputs = [int(t) for t in op.outputs]

    consumers = {int(t) for other in graph.operators if other is not op for t in _ints(other.inputs)}
    if consumers & set(outputs):
        raise UnsupportedModel(
            f"--strip-postprocess: the outputs of {DETECTION_POSTPROCESS_OP} feed other ops, so the model does not simply end in it."
        )
    extra = set(_ints(graph.outputs)) - set(outputs)
    if extra:
        raise UnsupportedModel(f"--strip-postprocess: the model has outputs besides the four of {DETECTION_POSTPROCESS_OP}.")
    # The anchors are a constant, or (float16 exports) a DEQUANTIZE of one.
    dequantize = _producer(graph, anchors_tensor)
    if dequantize is not None and _builtin(model, dequantize) == schema.BuiltinOperator.DEQUANTIZE:
        source = int(dequantize.inputs[0])
        anchors = _constant(model, graph.tensors[source], "anchors")
    else:
        dequantize, source = None, None
        anchors = _constant(model, graph.tensors[anchors_tensor], "anchors")
    n = anchors.shape[0] if anchors.ndim == 2 else -1
    box_shape, score_shape = tuple(_ints(graph.tensors[boxes].shape)), tuple(_ints(graph.tensors[scores].shape))
    if anchors.shape != (n, 4) or box_shape != (1, n, 4) or len(score_shape) != 3 or score_shape[:2] != (1, n):
        raise UnsupportedModel(
            f"--strip-postprocess: expected box encodings [1, N, 4], class scores [1, N, C] and anchors [N, 4]; found "
            f"{list(box_shape)}, {list(score_shape)} and {list(anchors.shape)}."
        )
    options = dict(flexbuffers.Loads(bytes(op.customOptions))) if op.customOptions is not None else {}
    settings = PostprocessOp.from_options(options, score_shape[2])

    removed = set(outputs)
    dropped_ops = [op]
    if anchors_tensor not in consumers:
        removed.add(anchors_tensor)
        if dequantize is not None:
            dropped_ops.append(dequantize)
            if source not in {int(t) for other in graph.operators if other is not dequantize for t in _ints(other.inputs)}:
                removed.add(source)
    graph.operators = [other for other in graph.operators if all(other is not gone for gone in dropped_ops)]
    graph.outputs = [boxes, scores]
    _remove_tensors(model, graph, removed)
    for opcode in sorted({gone.opcodeIndex for gone in dropped_ops}, reverse=True):
        _drop_unused_opcode(model, opcode)
    _drop_metadata(model)
    return StrippedModel(_serialize(model), anchors, settings)


def _ints(values) -> list[int]:
    return [] if values is None else [int(v) for v in values]


def _the_op(model, graph) -> tuple[int, object]:
    found = [
        (i, op) for i, op in enumerate(graph.operators or [])
        if _custom_code(model.operatorCodes[op.opcodeIndex]) == DETECTION_POSTPROCESS_OP
    ]
    if len(found) != 1:
        raise UnsupportedModel(
            f"--strip-postprocess needs a model that ends in one {DETECTION_POSTPROCESS_OP} op; this one has {len(found)}."
        )
    return found[0]


def _producer(graph, tensor: int):
    return next((op for op in graph.operators if tensor in _ints(op.outputs)), None)


def _builtin(model, op) -> int:
    return _builtin_code(model.operatorCodes[op.opcodeIndex])


def _builtin_code(code) -> int:
    # Codes above 127 live in builtinCode; deprecatedBuiltinCode keeps old readers working.
    return max(code.builtinCode, code.deprecatedBuiltinCode)


def _custom_code(code) -> str | None:
    if _builtin_code(code) != schema.BuiltinOperator.CUSTOM or code.customCode is None:
        return None
    return code.customCode.decode() if isinstance(code.customCode, bytes) else str(code.customCode)


def _constant(model, tensor, what: str) -> np.ndarray:
    """A constant tensor's values as float32: float16 widened, uint8/int8 dequantized (quantized
    SSD exports store their anchors that way)."""
    data = model.buffers[tensor.buffer].data if tensor.buffer < len(model.buffers) else None
    if data is None or len(data) == 0:
        raise UnsupportedModel(f"--strip-postprocess: the op's {what} are not a constant in the model.")
    raw = np.asarray(data, dtype=np.uint8).tobytes()
    dtypes = {
        schema.TensorType.FLOAT32: "<f4", schema.TensorType.FLOAT16: "<f2", schema.TensorType.UINT8: "u1",
        schema.TensorType.INT8: "i1",
    }
    if tensor.type not in dtypes:
        raise UnsupportedModel(
            f"--strip-postprocess: the op's {what} have tensor type {tensor.type}, not float32, float16, uint8 or int8."
        )
    values = np.frombuffer(raw, dtype=dtypes[tensor.type]).reshape(_ints(tensor.shape))
    if tensor.type in (schema.TensorType.FLOAT32, schema.TensorType.FLOAT16):
        values = values.astype(np.float32)  # float16 → float32 is exact, as DEQUANTIZE does it
    else:
        quantization = tensor.quantization
        if quantization is None or quantization.scale is None or len(quantization.scale) != 1:
            raise UnsupportedModel(f"--strip-postprocess: the op's integer {what} have no single scale to dequantize them with.")
        zero_point = int(quantization.zeroPoint[0]) if quantization.zeroPoint is not None and len(quantization.zeroPoint) else 0
        # As the op dequantizes them: (q - zero_point) * scale, in float.
        values = (values.astype(np.float32) - np.float32(zero_point)) * np.float32(quantization.scale[0])
    return np.ascontiguousarray(values, dtype=np.float32)


def _remove_tensors(model, graph, removed: set[int]) -> None:
    """Delete tensors and renumber every reference to the others; free their buffers if unshared."""
    kept = [i for i in range(len(graph.tensors)) if i not in removed]
    new_index = {old: new for new, old in enumerate(kept)}
    remap = lambda values: [new_index[v] if v >= 0 else v for v in _ints(values)]  # noqa: E731  (-1: optional input)
    freed = {graph.tensors[i].buffer for i in removed}
    graph.tensors = [graph.tensors[i] for i in kept]
    for op in graph.operators:
        op.inputs, op.outputs = remap(op.inputs), remap(op.outputs)
        if op.intermediates is not None:
            op.intermediates = remap(op.intermediates)
    graph.inputs, graph.outputs = remap(graph.inputs), remap(graph.outputs)
    for signature in model.signatureDefs or []:
        if signature.subgraphIndex != 0:
            continue
        for tensor_map in signature.inputs or []:
            tensor_map.tensorIndex = new_index[tensor_map.tensorIndex]
        signature.outputs = [_tensor_map(name, index) for name, index in zip(_OUTPUT_NAMES, graph.outputs)]
    still_used = {t.buffer for subgraph in model.subgraphs for t in subgraph.tensors}
    for buffer in freed - still_used - {0}:  # buffer 0 is the schema's empty sentinel
        model.buffers[buffer].data = None


def _tensor_map(name: str, index: int):
    tensor_map = schema.TensorMapT()
    tensor_map.name, tensor_map.tensorIndex = name, index
    return tensor_map


def _drop_unused_opcode(model, opcode: int) -> None:
    if any(op.opcodeIndex == opcode for subgraph in model.subgraphs for op in subgraph.operators or []):
        return
    del model.operatorCodes[opcode]
    for subgraph in model.subgraphs:
        for op in subgraph.operators or []:
            if op.opcodeIndex > opcode:
                op.opcodeIndex -= 1


def _drop_metadata(model) -> None:
    """TFLite metadata describes the op's four outputs: stale once they are gone."""
    names = lambda entry: entry.name if isinstance(entry.name, bytes) else (entry.name or "").encode()  # noqa: E731
    stale = [entry for entry in model.metadata or [] if names(entry) == METADATA_FIELD_NAME]
    for entry in stale:
        model.buffers[entry.buffer].data = None
    model.metadata = [entry for entry in model.metadata or [] if entry not in stale] or None


class _AlignedBuffer:
    """Packs a BufferT with its data 16-byte aligned (the generated Pack aligns to 1 byte)."""

    def __init__(self, buffer):
        self.buffer = buffer

    def Pack(self, builder):  # noqa: N802 (the object API's name)
        data = self.buffer.data
        vector = None
        if data is not None:
            payload = np.asarray(data, dtype=np.uint8).tobytes()
            builder.StartVector(1, len(payload), _BUFFER_ALIGNMENT)
            builder.head -= len(payload)
            builder.Bytes[builder.head : builder.head + len(payload)] = payload
            vector = builder.EndVector()
        schema.BufferStart(builder)
        if vector is not None:
            schema.BufferAddData(builder, vector)
        schema.BufferAddOffset(builder, self.buffer.offset)
        schema.BufferAddSize(builder, self.buffer.size)
        return schema.BufferEnd(builder)


def _serialize(model) -> bytes:
    size = sum(len(b.data) for b in model.buffers if b.data is not None)
    builder = flatbuffers.Builder(size + 65536)
    model.buffers = [_AlignedBuffer(buffer) for buffer in model.buffers]
    builder.Finish(model.Pack(builder), file_identifier=TFLITE_IDENTIFIER)
    return bytes(builder.Output())
