"""The backend a generated app starts on, and whether it bundles the GPU at all.

``--accelerator cpu`` ships no GPU library and no backend setting; ``gpu`` starts on the GPU
(the app falls back to the CPU where the device or the model cannot, and says why); ``auto``
starts on the GPU only for a model the delegate can take whole and that is not integer-quantized
(XNNPACK's int8 kernels beat a GPU that dequantizes), else on the CPU with the GPU one tap away.
The decision and its reason are printed by ``new`` and written into ``ModelConfig`` and the
generated README.
"""

from __future__ import annotations

from dataclasses import dataclass

from scaffold.model.gpu import GpuFit, gpu_fit
from scaffold.model.spec import ModelSpec

ACCELERATORS = ("auto", "gpu", "cpu")


@dataclass(frozen=True)
class AccelerationPlan:
    accelerator: str
    # "CPU" or "GPU": the app's initial backend.
    backend: str
    reason: str
    fit: GpuFit

    @property
    def gpu_bundled(self) -> bool:
        return self.accelerator != "cpu"

    @property
    def gpu_limits(self) -> str:
        """What the app says the GPU leaves to the CPU ("" when nothing)."""
        return ", ".join(self.fit.cpu_ops)


def plan_acceleration(spec: ModelSpec, accelerator: str, runtime: str = "interpreter") -> AccelerationPlan:
    fit = gpu_fit(spec.ops, spec.input.dtype)
    if accelerator == "cpu":
        left_out = "the GPU switch is left out" if runtime == "mediapipe" else "no GPU library is bundled"
        return AccelerationPlan(accelerator, "CPU", f"the CPU with XNNPACK, as asked; {left_out}", fit)
    if accelerator == "gpu":
        note = "" if fit.whole and not fit.integer else f" ({fit.describe()})"
        if runtime == "mediapipe" and not fit.whole:
            note += "; MediaPipe runs a model on the GPU only whole, so this one will start on the CPU"
        return AccelerationPlan(accelerator, "GPU", f"the GPU, as asked, falling back to the CPU where it cannot run{note}", fit)
    if fit.whole and not fit.integer:
        return AccelerationPlan(accelerator, "GPU", "the GPU, since its delegate can run every op of this float model", fit)
    return AccelerationPlan(accelerator, "CPU", f"the CPU, since {fit.describe()}; the GPU is a setting away", fit)
