"""The cupy module, if it can be imported and a GPU is present, and why not otherwise.

Importing `pyburn_cupy` imports cupy here when it is installed: `pyburn.backend` only imports this
package when ``CuPy`` is first named, so ``import pyburn`` never loads cupy. Without cupy (or
without a GPU) `cupy` is None or unusable and `unavailable_reason()` says why; the backend class
still exists so that type aliases naming it keep working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pyburn._optional_import import optional_import
from pyburn.tensor.device import Device
from pyburn.tensor.errors import BackendError, DeviceError

INSTALL_HINT = "pip install 'pyburn[cupy]' installs cupy-cuda13x, which needs an NVIDIA GPU"

_IMPORT = optional_import("cupy", INSTALL_HINT, "cupy", "cupyx", "cupyx.scipy.special")
if TYPE_CHECKING:
    import cupy
    import cupyx
    import cupyx.scipy.special
else:
    cupy, cupyx, _ = _IMPORT.modules


def import_error() -> str | None:
    """Why cupy cannot be used here, or None."""
    return _IMPORT.error()


def gpu_count() -> int:
    """How many CUDA devices cupy sees (0 without a driver or GPU)."""
    try:
        return int(cupy.cuda.runtime.getDeviceCount())
    except Exception:  # cupy raises CUDARuntimeError when there is no driver or device
        return 0


def unavailable_reason() -> str | None:
    reason = import_error()
    if reason is not None:
        return reason
    if gpu_count() == 0:
        return "no CUDA GPU: cupy sees no CUDA device (the CuPy backend needs an NVIDIA GPU)"
    return None


_VALID: set[Device] = set()


def check_device(device: Device) -> Device:
    """`device` if cupy can place arrays on it; the check runs once per device."""
    if device in _VALID:
        return device
    reason = unavailable_reason()
    if reason is not None:
        raise BackendError(f"CuPy backend: {reason}")
    if device.kind != "cuda":
        raise DeviceError(f"CuPy: unsupported device {str(device)!r}; this backend supports cuda:N")
    count = gpu_count()
    if device.index >= count:
        raise DeviceError(f"CuPy: device {device} is out of range: cupy sees {count} CUDA "
                          f"device(s) (cuda:0 to cuda:{count - 1})")
    _VALID.add(device)
    return device


def on(device: Device) -> Any:
    """A context manager making `device` cupy's current device (kernels and allocations go there)."""
    return cupy.cuda.Device(device.index)
