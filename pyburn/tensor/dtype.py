"""Element types, independent of any array library.

Backends map a `DType` to their native dtype; records and `TensorData` store it so a value
written by one backend can be read by any other in any precision.
"""

from __future__ import annotations

from enum import Enum

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
