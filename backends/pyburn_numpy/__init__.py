"""The NumPy backend (Burn's NdArray): CPU, float32 by default, float64/float16 selectable."""

from __future__ import annotations

from pyburn.tensor.dtype import DType

from .array_backend import ArrayBackend


class NumPy(ArrayBackend):
    """CPU backend on NumPy. ``NumPy["float64"]`` is the float64 variant; device is ``cpu``."""

    @classmethod
    def name(cls) -> str:
        return "numpy"

    @classmethod
    def supported_float_dtypes(cls) -> tuple[DType, ...]:
        return (DType.F32, DType.F64, DType.F16)


__all__ = ["NumPy", "ArrayBackend"]

from . import lstm_kernel as _lstm_kernel  # noqa: E402,F401  (registers the native lstm_sequence)
