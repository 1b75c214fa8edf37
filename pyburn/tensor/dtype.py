"""Element types, independent of any array library.

Backends map a `DType` to their native dtype; records and `TensorData` store it so a value
written by one backend can be read by any other in any precision.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import numpy as np


class DType(Enum):
    """An element type. The value is the NumPy name, which is also the serialized name."""

    F64 = "float64"
    F32 = "float32"
    F16 = "float16"
    BF16 = "bfloat16"
    I64 = "int64"
    I32 = "int32"
    I16 = "int16"
    I8 = "int8"
    U8 = "uint8"
    BOOL = "bool"

    @property
    def is_float(self) -> bool:
        return self in _FLOATS

    @property
    def is_int(self) -> bool:
        return self in _INTS

    @property
    def itemsize(self) -> int:
        return 2 if self is DType.BF16 else np.dtype(self.value).itemsize

    def numpy(self) -> np.dtype:
        """The NumPy dtype holding this type (bfloat16 is held as float32: NumPy has none)."""
        return np.dtype(np.float32) if self is DType.BF16 else np.dtype(self.value)

    @staticmethod
    def of(value: object) -> "DType":
        """The DType of a NumPy dtype, a DType, or a name such as ``"float32"``/``"f32"``."""
        if isinstance(value, DType):
            return value
        if isinstance(value, str):
            name = _ALIASES.get(value, value)
            try:
                return DType(name)
            except ValueError:
                raise ValueError(f"unknown dtype {value!r}; expected one of "
                                 f"{[d.value for d in DType]}") from None
        try:
            return DType(np.dtype(value).name)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise ValueError(f"unsupported dtype {value!r}") from None

    def __repr__(self) -> str:
        return f"DType.{self.name}"

    def __str__(self) -> str:
        return self.value


_FLOATS = frozenset({DType.F64, DType.F32, DType.F16, DType.BF16})
_INTS = frozenset({DType.I64, DType.I32, DType.I16, DType.I8, DType.U8})
_ALIASES = {"f64": "float64", "f32": "float32", "f16": "float16", "bf16": "bfloat16",
            "i64": "int64", "i32": "int32", "i16": "int16", "i8": "int8", "u8": "uint8",
            "double": "float64", "float": "float32", "half": "float16", "long": "int64"}


def float_to_int(xp: Any, x: Any, dtype: Any) -> Any:
    """Float array `x` as int `dtype` with Rust's ``as`` semantics, which Burn inherits.

    Truncate toward zero, saturate at the target's range, NaN -> 0. A bare ``astype`` leaves
    NaN, infinities and out-of-range values undefined (x86 gives ``INT64_MIN`` for all of
    them, so ``1e30`` became the most negative int); this is the one policy NumPy and CuPy
    share (`xp` is the array module), and the Torch backend mirrors it op for op.
    """
    dtype = np.dtype(dtype)
    info = np.iinfo(dtype)
    if x.dtype.itemsize < 4:  # float16: the bounds below overflow it
        x = x.astype(np.float32)
    t = xp.trunc(x)
    # Both bounds are 0 or powers of two, exact in float32 and float64; NaN fails both tests.
    high = t >= float(info.max) + 1.0
    low = t < float(info.min)
    bad = high | low | xp.isnan(t)
    out = xp.where(bad, xp.zeros((), dtype=t.dtype), t).astype(dtype)
    out = xp.where(high, xp.asarray(info.max, dtype=dtype), out)
    return xp.where(low, xp.asarray(info.min, dtype=dtype), out)


def host_astype(array: np.ndarray, dtype: Any) -> np.ndarray:
    """`array` as NumPy `dtype` (no copy when it already is); float -> int follows
    `float_to_int`."""
    dtype = np.dtype(dtype)
    if array.dtype.kind == "f" and dtype.kind in "iu":
        return np.asarray(float_to_int(np, array, dtype))
    return array.astype(dtype, copy=False)


def int_fill_value(value: Any, dtype: "DType") -> Any:
    """A fill value for an int tensor of `dtype`: a float is cast as `float_to_int` casts
    arrays (``full([2], nan)`` gave ``INT64_MIN`` on NumPy and raised on Torch)."""
    if isinstance(value, (float, np.floating)):
        return int(float_to_int(np, np.asarray(value, dtype=np.float64), dtype.numpy()))
    return value
