"""Read what a .tflite file says about itself, without importing TensorFlow.

Tensor shapes, dtypes and quantization come from the LiteRT interpreter (the same runtime the app
uses, so we see what the app will see). The op graph comes from the flatbuffer schema that ships
with ai-edge-litert: we need it to know which op produced each output (a model ending in SOFTMAX
already returns probabilities; one ending in FULLY_CONNECTED returns logits).
"""

from __future__ import annotations

from dataclasses import dataclass

from ai_edge_litert import schema_py_generated as schema
from flatbuffers import flexbuffers

from scaffold.errors import UnsupportedModel
from scaffold.metadata.reader import read_embedded_metadata
from scaffold.model.runtime import allocate_tensors, flex_ops, load_interpreter
from scaffold.model.spec import ModelFacts, PostprocessOp, TensorInfo

# Ops that only move or re-type data: looked through when asking "what produced this output?".
_PASS_THROUGH_OPS = {"QUANTIZE", "DEQUANTIZE", "RESHAPE", "SQUEEZE", "CAST"}

_BUILTIN_NAMES = {
    code: name for name, code in vars(schema.BuiltinOperator).items() if not name.startswith("_")
}
_BUILTIN_NAME_SET = frozenset(_BUILTIN_NAMES.values()) - {"CUSTOM"}

TFLITE_IDENTIFIER = b"TFL3"
DETECTION_POSTPROCESS_OP = "TFLite_Detection_PostProcess"


def looks_like_tflite(data: bytes) -> bool:
    """FlatBuffers put the 4-byte file identifier right after the root offset."""
    return len(data) >= 8 and data[4:8] == TFLITE_IDENTIFIER


def inspect_model(model_bytes: bytes, source: str = "model") -> ModelFacts:
    """Tensors, ops and embedded metadata of a .tflite, as :class:`ModelFacts`."""
    if not looks_like_tflite(model_bytes):
        raise UnsupportedModel(f"{source} is not a TensorFlow Lite flatbuffer (no 'TFL3' identifier).")
    interpreter = load_interpreter(model_bytes, source, allocate=False)  # LiteRT verifies the flatbuffer
    graph = _read_graph(model_bytes)
    # Allocation fixes the shapes that custom ops (TFLite_Detection_PostProcess) only know at
    # Prepare time. A model with Flex ops cannot be allocated here, and one with a dynamic input
    # size cannot be allocated before it is resized; their static shapes are enough to explain
    # what is wrong with them later.
    fixed_inputs = all(d > 0 for detail in interpreter.get_input_details() for d in detail["shape_signature"][1:])
    if fixed_inputs and not flex_ops(graph.ops):
        allocate_tensors(interpreter, source)
    inputs = tuple(_tensor_info(d) for d in interpreter.get_input_details())
    outputs = tuple(_tensor_info(d) for d in interpreter.get_output_details())
    producers = [graph.producer(t.index) for t in outputs]
    return ModelFacts(
        inputs=inputs,
        outputs=outputs,
        ops=graph.ops,
        output_producers=tuple(p[0] if p else None for p in producers),
        output_slots=tuple(p[1] if p else None for p in producers),
        postprocess_op=graph.postprocess_op,
        metadata=read_embedded_metadata(model_bytes),
    )


def _tensor_info(detail: dict) -> TensorInfo:
    scale, zero_point = detail["quantization"]
    return TensorInfo(
        name=detail["name"],
        index=int(detail["index"]),
        shape=tuple(int(d) for d in detail["shape"]),
        dtype=detail["dtype"].__name__,
        scale=float(scale),
        zero_point=int(zero_point),
        shape_signature=tuple(int(d) for d in detail.get("shape_signature", detail["shape"])),
    )


def is_builtin(op: str) -> bool:
    """Whether ``op`` (a name from :func:`op_counts` or ``ModelFacts.ops``) is a builtin op, not
    a custom op code."""
    return op in _BUILTIN_NAME_SET or op.startswith("BUILTIN_")


def op_counts(model_bytes: bytes) -> dict[str, int]:
    """How many times each op appears, over every subgraph, in first-seen order."""
    model = schema.Model.GetRootAs(model_bytes, 0)
    counts: dict[str, int] = {}
    for s in range(model.SubgraphsLength()):
        graph = model.Subgraphs(s)
        for i in range(graph.OperatorsLength()):
            name = _op_name(model, graph.Operators(i).OpcodeIndex())
            counts[name] = counts.get(name, 0) + 1
    return counts


def _op_name(model: schema.Model, opcode_index: int) -> str:
    code = model.OperatorCodes(opcode_index)
    # Since schema v3a, codes above 127 live in BuiltinCode; DeprecatedBuiltinCode keeps the
    # value for old readers. The larger of the two is the real one.
    builtin = max(code.BuiltinCode(), code.DeprecatedBuiltinCode())
    if builtin == schema.BuiltinOperator.CUSTOM:
        return code.CustomCode().decode("utf-8", "replace")
    return _BUILTIN_NAMES.get(builtin, f"BUILTIN_{builtin}")


@dataclass(frozen=True)
class _Graph:
    ops: tuple[str, ...]
    # tensor index → (op name, op inputs, which of the op's outputs this tensor is)
    producer_of: dict[int, tuple[str, list[int], int]]
    postprocess_op: PostprocessOp | None

    def producer(self, tensor: int) -> tuple[str, int] | None:
        """The op that computed ``tensor`` and its output slot, looking through ops that only
        re-type or reshape (a quantized model ends in DEQUANTIZE after its SOFTMAX)."""
        seen = set()
        while tensor in self.producer_of and tensor not in seen:
            seen.add(tensor)
            name, inputs, slot = self.producer_of[tensor]
            if name not in _PASS_THROUGH_OPS or not inputs:
                return name, slot
            tensor = inputs[0]
        return None


def _read_graph(model_bytes: bytes) -> _Graph:
    model = schema.Model.GetRootAs(model_bytes, 0)
    graph = model.Subgraphs(0)
    producer_of: dict[int, tuple[str, list[int], int]] = {}
    ops: list[str] = []
    postprocess_op = None
    for i in range(graph.OperatorsLength()):
        op = graph.Operators(i)
        name = _op_name(model, op.OpcodeIndex())
        ops.append(name)
        inputs = [int(t) for t in op.InputsAsNumpy()] if op.InputsLength() else []
        for slot, out in enumerate(op.OutputsAsNumpy() if op.OutputsLength() else []):
            producer_of[int(out)] = (name, inputs, slot)
        if name == DETECTION_POSTPROCESS_OP and op.CustomOptionsLength():
            # The op's attributes (num_classes, max_detections, thresholds, box scales) are a
            # FlexBuffer map in its custom options; whether its scores have a background column
            # only their width says.
            options = dict(flexbuffers.Loads(bytes(op.CustomOptionsAsNumpy())))
            scores = graph.Tensors(inputs[1]) if len(inputs) > 1 else None
            shape = scores.ShapeAsNumpy() if scores is not None and scores.ShapeLength() else ()
            postprocess_op = PostprocessOp.from_options(options, int(shape[-1]) if len(shape) else 0)
    return _Graph(tuple(dict.fromkeys(ops)), producer_of, postprocess_op)
