"""Which parts of a model the LiteRT GPU delegate can run, read from its op list alone.

The app decides at run time whether the device's GPU is usable (LiteRT's compatibility list, or
the delegate failing to build); what the *model* allows is known before any device is involved,
so ``new`` can pick a sensible starting backend, print why, and write the same facts into the
generated README and ``ModelConfig`` (and ``inspect`` reports them too).

The op set is the 1.x GPU delegate's op parsers (LiteRT v1.4.1
``tflite/delegates/gpu/common/model_builder.cc``, ``NewOperationParser``; ops that
``gpu_compatibility.cc`` accepts but no parser handles, such as CEIL or ROUND, are not in it),
builtin ops by their schema names plus the four custom ops it knows. An op outside it is left to
the CPU: the interpreter still runs the model, its largest GPU-capable partition delegated and
the rest (which can be more than the unsupported ops) on the CPU; MediaPipe's GPU path needs
the whole model. Per-op constraints
(versions, fused activations, ranks, broadcast shapes) are not modelled here, so "every op is
GPU-capable" is a necessary condition, which the app then confirms on the device. LiteRT's
CompiledModel GPU accelerator covers more ops; the same list is used as the conservative view.
"""

from __future__ import annotations

from dataclasses import dataclass

GPU_BUILTIN_OPS = frozenset(
    """ABS ADD ADD_N AVERAGE_POOL_2D BATCH_MATMUL CAST CONCATENATION CONV_2D COS CUMSUM DENSIFY
    DEPTH_TO_SPACE DEPTHWISE_CONV_2D DEQUANTIZE DIV ELU EQUAL EXP FLOOR FLOOR_DIV FLOOR_MOD
    FULLY_CONNECTED GATHER GELU GREATER GREATER_EQUAL HARD_SWISH LEAKY_RELU LESS LESS_EQUAL LOG
    LOGICAL_AND LOGISTIC LSTM MAX_POOL_2D MAXIMUM MEAN MINIMUM MIRROR_PAD MUL NEG NOT_EQUAL ONE_HOT
    PACK PAD PADV2 POW PRELU QUANTIZE REDUCE_MAX REDUCE_MIN REDUCE_PROD RELU RELU6 RELU_N1_TO_1
    RESHAPE RESIZE_BILINEAR RESIZE_NEAREST_NEIGHBOR RSQRT SELECT SELECT_V2 SIGN SIN SLICE SOFTMAX
    SPACE_TO_DEPTH SPLIT SPLIT_V SQRT SQUARE SQUARED_DIFFERENCE STRIDED_SLICE SUB SUM TANH TILE
    TRANSPOSE TRANSPOSE_CONV UNPACK""".split()
)
GPU_CUSTOM_OPS = frozenset({"Convolution2DTransposeBias", "MaxPoolingWithArgmax2D", "MaxUnpooling2D", "Resampler"})


@dataclass(frozen=True)
class GpuFit:
    """What the GPU delegate would make of a model."""

    # Ops it leaves to the CPU, in graph order (Select TF ops included).
    cpu_ops: tuple[str, ...]
    # Integer-quantized activations (uint8/int8 input, or QUANTIZE ops): the delegate runs them
    # in floating point after dequantizing, while XNNPACK has int8 kernels on the CPU.
    integer: bool

    @property
    def whole(self) -> bool:
        return not self.cpu_ops

    def describe(self) -> str:
        """One line for the CLI, the README and ``inspect``."""
        parts = []
        if self.cpu_ops:
            parts.append(f"the GPU delegate cannot run {', '.join(self.cpu_ops)} (the interpreter gives the GPU the "
                         "largest part of the graph it can run and the CPU the rest)")
        else:
            parts.append("the GPU delegate can run every op")
        if self.integer:
            parts.append("the model is integer-quantized: the GPU computes it in floating point after dequantizing, "
                         "while the CPU (XNNPACK) has int8 kernels")
        return "; ".join(parts)


def gpu_fit(ops: tuple[str, ...], input_dtype: str) -> GpuFit:
    """The GPU delegate's view of a graph with ``ops`` (unique op names, graph order)."""
    cpu_ops = tuple(op for op in ops if op not in GPU_BUILTIN_OPS and op not in GPU_CUSTOM_OPS)
    integer = input_dtype in ("uint8", "int8") or "QUANTIZE" in ops
    return GpuFit(cpu_ops, integer)
