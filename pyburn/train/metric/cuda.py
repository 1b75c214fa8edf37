"""GPU memory and utilisation (Burn's ``metric/cuda.rs``), read through torch.cuda when torch is
installed and sees a GPU; ``N/A`` otherwise. Like Burn's, it is a text metric (several GPUs,
several numbers), not a numeric one."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import MetricEntry, MetricMetadata
from .state import NOT_AVAILABLE

__all__ = ["CudaMetric"]


def _torch_cuda() -> Any:
    """torch.cuda when a GPU is visible to torch, else None. Imported here, never at import
    time: ``import pyburn`` must not need torch."""
    try:
        import torch
    except ImportError:
        return None
    try:
        return torch.cuda if torch.cuda.is_available() else None
    except RuntimeError:  # a broken driver
        return None


def _device_line(cuda: Any, index: int) -> tuple[str, str]:
    """The device's line for people and its ``used/total`` Gb for the log."""
    free, total = cuda.mem_get_info(index)   # the whole device, as NVML reports it
    used_gb, total_gb = (total - free) * 1e-9, total * 1e-9
    line = f" GPU #{index} - Memory {used_gb:.2f}/{total_gb:.2f} Gb"
    try:
        line += f" - Usage {int(cuda.utilization(index))}%"
    except (ImportError, ModuleNotFoundError, RuntimeError, AttributeError):
        pass  # utilisation needs NVML (pynvml); memory does not
    try:
        line += f" - Power {cuda.power_draw(index) / 1000.0:.1f} W"
    except (ImportError, ModuleNotFoundError, RuntimeError, AttributeError):
        pass
    return line, f"{used_gb!r}/{total_gb!r}"


class CudaMetric:
    """One line for every GPU: ``GPU #0 - Memory 1.23/80.00 Gb - Usage 42%``."""

    input_type: ClassVar[type | None] = None

    def name(self) -> str:
        return "Cuda"

    def update(self, item: Any, metadata: MetricMetadata) -> MetricEntry:
        cuda = _torch_cuda()
        if cuda is None:
            return MetricEntry(self.name(), NOT_AVAILABLE, NOT_AVAILABLE)
        try:
            lines = [_device_line(cuda, index) for index in range(cuda.device_count())]
        except RuntimeError:
            return MetricEntry(self.name(), NOT_AVAILABLE, NOT_AVAILABLE)
        if not lines:
            return MetricEntry(self.name(), NOT_AVAILABLE, NOT_AVAILABLE)
        return MetricEntry(self.name(), "".join(line for line, _ in lines).strip(),
                           " ".join(raw for _, raw in lines))

    def clear(self) -> None:
        """Nothing to reset: GPU readings are not epoch aggregates."""
