"""The torch module, if it can be imported, and the maps between pyburn's values and torch's.

Importing `pyburn_torch` imports torch once, here, when it is installed: `pyburn.backend` only
imports this package when ``Torch`` is first named, so ``import pyburn`` never loads torch. When
torch is missing (or broken) `torch` is None and `import_error()` says why; the backend class still
exists so that type aliases naming it keep working.

Devices and dtypes are converted through caching dicts: a hot op pays one dict lookup, and the
validation (is this CUDA index in range?) runs only the first time a device is seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pyburn._optional_import import optional_import
from pyburn.tensor.device import Device
from pyburn.tensor.dtype import DType
from pyburn.tensor.errors import BackendError, DeviceError

INSTALL_HINT = "pip install 'pyburn[torch]'"

_IMPORT = optional_import("torch", INSTALL_HINT, "torch")
if TYPE_CHECKING:
    import torch
else:
    (torch,) = _IMPORT.modules


def import_error() -> str | None:
    """Why torch cannot be used here, or None."""
    return _IMPORT.error()


def require_torch() -> Any:
    """The torch module, or a BackendError naming why it cannot be used."""
    if torch is None:
        raise BackendError(f"Torch backend: {import_error()}")
    return torch


# What each device kind needs besides torch itself (cpu needs nothing); error messages and
# docs/getting-started.md say the same.
NEEDS = {
    "cuda": "cuda needs a CUDA build of torch and an NVIDIA GPU",
    "mps": "mps needs Apple silicon and a macOS build of torch",
}


def cuda_unavailable_reason() -> str | None:
    """Why ``cuda`` devices cannot be used, or None when torch sees at least one GPU."""
    reason = import_error()
    if reason is not None:
        return reason
    if torch.version.cuda is None and getattr(torch.version, "hip", None) is None:
        return (f"no CUDA GPU: this torch {torch.__version__} build has no CUDA support "
                f"({NEEDS['cuda']})")
    if not torch.cuda.is_available():
        return f"no CUDA GPU: torch.cuda.is_available() is False ({NEEDS['cuda']})"
    return None


def mps_unavailable_reason() -> str | None:
    """Why the ``mps`` device cannot be used, or None on Apple silicon with an MPS torch build."""
    reason = import_error()
    if reason is not None:
        return reason
    mps = getattr(torch.backends, "mps", None)
    if mps is None or not mps.is_built():
        return (f"no MPS device: this torch {torch.__version__} build has no MPS support "
                f"({NEEDS['mps']})")
    if not mps.is_available():
        return f"no MPS device: torch.backends.mps.is_available() is False ({NEEDS['mps']})"
    return None


# --- dtypes --------------------------------------------------------------------------------------
if torch is not None:
    TORCH_DTYPES: dict[DType, Any] = {
        DType.F64: torch.float64, DType.F32: torch.float32, DType.F16: torch.float16,
        DType.BF16: torch.bfloat16, DType.I64: torch.int64, DType.I32: torch.int32,
        DType.I16: torch.int16, DType.I8: torch.int8, DType.U8: torch.uint8,
        DType.BOOL: torch.bool,
    }
else:
    TORCH_DTYPES = {}
DTYPES: dict[Any, DType] = {v: k for k, v in TORCH_DTYPES.items()}


# --- devices -------------------------------------------------------------------------------------
_HAS_MPS = torch is not None and getattr(torch.backends, "mps", None) is not None \
    and torch.backends.mps.is_built()
DEVICE_KINDS: tuple[str, ...] = ("cpu", "cuda", "mps") if _HAS_MPS else ("cpu", "cuda")

class _TorchDevices(dict[Device, Any]):
    """``TORCH_DEVICES[Device("cuda", 1)]`` -> ``torch.device("cuda:1")``, validated once."""

    def __missing__(self, device: Device) -> Any:
        require_torch()
        if device.kind == "cpu":
            out = torch.device("cpu")
        elif device.kind == "cuda":
            reason = cuda_unavailable_reason()
            if reason is not None:
                raise DeviceError(f"Torch: cannot use device {device}: {reason}")
            count = torch.cuda.device_count()
            if device.index >= count:
                raise DeviceError(f"Torch: device {device} is out of range: torch sees {count} "
                                  f"CUDA device(s) (cuda:0 to cuda:{count - 1})")
            out = torch.device("cuda", device.index)
        elif device.kind == "mps":
            reason = mps_unavailable_reason()
            if reason is not None:
                raise DeviceError(f"Torch: cannot use device {device}: {reason}")
            out = torch.device("mps")
        else:
            raise DeviceError(f"Torch: unsupported device {str(device)!r}; this backend supports "
                              "cpu, cuda:N and mps")
        self[device] = out
        return out


class _PyburnDevices(dict[Any, Device]):
    """``PYBURN_DEVICES[tensor.device]`` -> the pyburn `Device` (``cpu`` has index 0)."""

    def __missing__(self, device: Any) -> Device:
        out = Device(device.type, device.index or 0)
        self[device] = out
        return out


TORCH_DEVICES = _TorchDevices()
PYBURN_DEVICES = _PyburnDevices()
