"""`CuPy`: the NumPy backend's implementation run on the GPU through cupy.

Like thinc's ``CupyOps``, it reuses every op of `ArrayBackend` through the array module
(``xp = cupy``) and overrides only what differs from NumPy: where memory lives (devices, host
transfers, DLPack), random generators (one per GPU), and scatter-add and erf (from cupyx). cupy's
sorts are stable, so the shared stable sort holds. Ops run on cupy's current device (cuda:0 unless
the program changes it); tensors on another GPU are reached through peer access.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from pyburn.tensor.device import Device
from pyburn.tensor.distribution import DistributionValue
from pyburn.tensor.dtype import DType
from pyburn_numpy.array_backend import ArrayBackend

from .runtime import check_device, cupy, cupyx, on, unavailable_reason

Array = Any
Shape = tuple[int, ...]

# DLPack device code of CUDA memory (dlpack.h, DLDeviceType)
_DL_CUDA = 2


class CuPy(ArrayBackend):
    """GPU backend on CuPy: devices ``cuda:N`` (default ``cuda:0``); float32 by default, float64
    and float16 through ``CuPy["float64"]``."""

    xp: ClassVar[Any] = cupy

    # --- identity, availability, devices ---------------------------------------------------------
    @classmethod
    def name(cls) -> str:
        return "cupy"

    @classmethod
    def unavailable_reason(cls) -> str | None:
        return unavailable_reason()

    @classmethod
    def cuda_unavailable_reason(cls) -> str | None:
        return unavailable_reason()

    @classmethod
    def device_kinds(cls) -> tuple[str, ...]:
        return ("cuda",)

    @classmethod
    def default_device(cls) -> Device:
        return Device("cuda", 0, cls)

    @classmethod
    def device(cls, spec: "str | Device" = "cuda:0") -> Device:
        """``CuPy.device("cuda:1")``: checks that cupy sees that GPU."""
        return check_device(super().device(spec))

    @classmethod
    def _check_device(cls, device: Device) -> Device:
        return check_device(device)

    @classmethod
    def supported_float_dtypes(cls) -> tuple[DType, ...]:
        return (DType.F32, DType.F64, DType.F16)

    @classmethod
    def sync(cls, device: Device | None = None) -> None:
        if cupy is None or unavailable_reason() is not None:
            return
        if device is None:
            cupy.cuda.Device().synchronize()
        else:
            cupy.cuda.Device(device.index).synchronize()

    # --- memory: host transfers, placement, devices ----------------------------------------------
    @classmethod
    def _to_host(cls, x: Array) -> np.ndarray:
        host: np.ndarray = cupy.asnumpy(x)
        return host

    @classmethod
    def _from_host(cls, array: np.ndarray, device: Device) -> Array:
        with on(device):
            return cupy.asarray(array)

    @classmethod
    def _place(cls, x: Array, device: Device) -> Array:
        if x.device.id == device.index:
            return x
        with on(device):
            return cupy.asarray(x)  # a peer-to-peer copy onto `device`

    @classmethod
    def _device_of(cls, x: Array) -> Device:
        return Device("cuda", x.device.id)

    @classmethod
    def _to_device(cls, x: Array, device: Device) -> Array:
        return cls._place(x, check_device(device))

    @classmethod
    def _dlpack_device(cls, device: Device) -> tuple[int, int]:
        return (_DL_CUDA, device.index)

    @classmethod
    def _import_dlpack(cls, obj: Any, device: Device) -> Array:
        """Import on `device` (the shared `ArrayBackend.from_dlpack` checked the object is
        there)."""
        with on(device):
            return cupy.from_dlpack(obj)

    # --- random: per thread, one generator per backend class and GPU (ArrayBackend's rule) ---------
    @classmethod
    def _rng_device(cls) -> Any:
        """cupy's current device: the random ops below make the target device current."""
        return cupy.cuda.Device().id

    @classmethod
    def _new_rng(cls, seed: int | None) -> Any:
        return cupy.random.default_rng(seed)

    @classmethod
    def float_random(cls, shape: Shape, distribution: DistributionValue, device: Device) -> Array:
        with on(check_device(device)):
            return super().float_random(shape, distribution, device)

    @classmethod
    def int_random(cls, shape: Shape, distribution: DistributionValue, device: Device) -> Array:
        with on(check_device(device)):
            return super().int_random(shape, distribution, device)

    # --- kernels NumPy spells differently ---------------------------------------------------------
    @classmethod
    def _add_at(cls, out: Array, index: Any, values: Array) -> None:
        cupyx.scatter_add(out, index, values)

    @classmethod
    def _erf(cls, x: Array) -> Array:
        return cupyx.scipy.special.erf(x)
