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
    def from_dlpack(cls, prim: Any, kind_prefix: str, device: Device) -> Array | None:
        """Import a GPU array of another library (torch) on `device` without a copy; None lets
        `to_backend` fall back to a host copy."""
        check_device(device)
        dtype = (cls.float_elem.numpy() if kind_prefix == "float" else
                 cls.int_elem.numpy() if kind_prefix == "int" else np.dtype(np.bool_))
        if isinstance(prim, cupy.ndarray):  # another CuPy variant
            return cls._place(prim.astype(dtype, copy=False), device)
        probe = getattr(prim, "__dlpack_device__", None)
        if probe is None or not hasattr(prim, "__dlpack__"):
            return None
        try:
            kind, index = probe()
            if (int(kind), int(index)) != (_DL_CUDA, device.index):
                return None
            with on(device):
                out = cupy.from_dlpack(prim)
        except (BufferError, RuntimeError, TypeError, ValueError):
            return None
        return out.astype(dtype, copy=False)

    # --- random: one generator per backend class and GPU -----------------------------------------
    @classmethod
    def _rng(cls) -> Any:
        """The generator of cupy's current device (the random ops below make it the target)."""
        key = (cls.__dict__.get("_dtype_base", cls), cupy.cuda.Device().id)
        gen = _GENERATORS.get(key)
        if gen is None:
            gen = _GENERATORS[key] = cls._new_rng(_SEEDS.get(key[0]))
        return gen

    @classmethod
    def _new_rng(cls, seed: int | None) -> Any:
        return cupy.random.default_rng(seed)

    @classmethod
    def seed(cls, seed: int) -> None:
        base = cls.__dict__.get("_dtype_base", cls)
        _SEEDS[base] = int(seed)
        for key in [k for k in _GENERATORS if k[0] is base]:
            del _GENERATORS[key]

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


_GENERATORS: dict[tuple[type, int], Any] = {}
_SEEDS: dict[type, int] = {}
