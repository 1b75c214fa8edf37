"""Zero-copy import of other libraries' arrays (NumPy, CuPy, ...) through DLPack.

`to_backend` asks the target backend first; when the source array lives on the target device the
torch tensor shares its memory (pyburn never writes into a primitive, so sharing is safe). When
it cannot (another device, an unsupported layout or dtype, no ``__dlpack__``) this returns None and
the caller copies through host memory instead, which is always correct.
"""

from __future__ import annotations

from typing import Any

from .runtime import torch

# DLPack device codes (dlpack.h, DLDeviceType)
_DL_CPU, _DL_CUDA, _DL_ROCM = 1, 2, 10


def _dlpack_device(device: Any) -> tuple[int, int] | None:
    """The DLPack ``(device_type, index)`` of a torch device (None: DLPack cannot reach it)."""
    if device.type == "cpu":
        return (_DL_CPU, 0)
    if device.type == "cuda":
        return (_DL_ROCM if getattr(torch.version, "hip", None) else _DL_CUDA, device.index or 0)
    return None


def import_dlpack(array: Any, dtype: Any, device: Any) -> Any:
    """`array` as a torch tensor of `dtype` on `device` without a host round trip, or None."""
    if isinstance(array, torch.Tensor):  # another Torch variant: convert in place on the device
        return array.detach().to(device=device, dtype=dtype)
    probe = getattr(array, "__dlpack_device__", None)
    if probe is None or not hasattr(array, "__dlpack__"):
        return None
    try:
        kind, index = probe()
        if (int(kind), int(index)) != _dlpack_device(device):
            return None
        out = torch.from_dlpack(array)
    except (BufferError, RuntimeError, TypeError, ValueError):
        return None  # e.g. negative strides or a dtype torch lacks: copy through the host
    return out if out.dtype is dtype else out.to(dtype)
