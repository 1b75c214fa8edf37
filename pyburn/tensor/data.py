"""`TensorData`: a tensor's values, shape and dtype, independent of any backend.

It is the currency between backends (``to_data``/``from_data``), records and tests. Values live
in a host NumPy array; a backend converts on the way in and out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from .dtype import DType, host_astype
from .shape import Shape, dims_arg


@dataclass(frozen=True)
class Tolerance:
    """How close two floats must be: ``|a - b| <= max(absolute, relative * max(|a|, |b|))``.

    The defaults follow Burn's ``Tolerance``: ``default()`` is rel 0.005 / abs 1e-5,
    ``permissive()`` is 0.01 / 0.01.
    """

    relative: float = 0.005
    absolute: float = 1e-5

    @staticmethod
    def default() -> "Tolerance":
        return Tolerance(0.005, 1e-5)

    @staticmethod
    def permissive() -> "Tolerance":
        return Tolerance(0.01, 0.01)

    @staticmethod
    def strict() -> "Tolerance":
        return Tolerance(0.0, 0.0)

    @staticmethod
    def rel_abs(relative: float, absolute: float) -> "Tolerance":
        return Tolerance(relative, absolute)

    @staticmethod
    def absolute_only(absolute: float) -> "Tolerance":
        return Tolerance(0.0, absolute)

    @staticmethod
    def relative_only(relative: float) -> "Tolerance":
        return Tolerance(relative, 0.0)


class TensorData:
    """Values + shape + dtype. Build it from nested lists, scalars, NumPy arrays or another
    TensorData; ``dtype`` converts. Immutable by convention (the array is read-only)."""

    __slots__ = ("_array", "_dtype")
    _array: np.ndarray
    _dtype: DType

    def __init__(self, values: Any, shape: Sequence[int] | None = None,
                 dtype: DType | str | None = None) -> None:
        target = None if dtype is None else DType.of(dtype)
        if isinstance(values, TensorData):
            array, source = values._array, values._dtype
        else:
            try:
                array = np.asarray(values)
            except ValueError:  # NumPy >= 1.24 refuses ragged nested lists itself
                array = np.asarray(values, dtype=object)
            if array.dtype == object:
                raise ValueError("TensorData: values must be numbers (nested lists must be "
                                 f"rectangular), got an object array of shape {array.shape}")
            if array.dtype.kind in "US":
                raise ValueError(f"TensorData: values must be numbers, got {array.dtype}")
            source = _infer_dtype(array)
        if shape is not None:
            shape = dims_arg(shape, "TensorData")
            if int(np.prod(shape)) != array.size:
                raise ValueError(f"TensorData: {array.size} values do not fit shape {list(shape)}")
            array = array.reshape(shape)
        self._dtype = target or source
        # Copy so that later writes to the caller's array cannot change this value.
        array = np.array(host_astype(array, self._dtype.numpy()), order="C", copy=True)
        array.flags.writeable = False
        self._array = array

    @classmethod
    def from_numpy(cls, array: np.ndarray, dtype: DType | None = None) -> "TensorData":
        """Wrap an array without a copy when it is already contiguous (used by backends)."""
        out = cls.__new__(cls)
        out._dtype = dtype or _infer_dtype(array)
        # Not ascontiguousarray: it turns a 0-d array into shape (1,).
        array = np.asarray(array, dtype=out._dtype.numpy(), order="C")
        if array.flags.writeable:
            array = array.view()
            array.flags.writeable = False
        out._array = array
        return out

    @property
    def shape(self) -> Shape:
        return Shape(self._array.shape)

    @property
    def dtype(self) -> DType:
        return self._dtype

    @property
    def rank(self) -> int:
        return self._array.ndim

    def num_elements(self) -> int:
        return int(self._array.size)

    def to_numpy(self) -> np.ndarray:
        """A writable copy of the values as a NumPy array."""
        return np.array(self._array)

    def as_numpy(self) -> np.ndarray:
        """The read-only NumPy view of the values (no copy)."""
        return self._array

    def to_list(self) -> Any:
        return self._array.tolist()

    def to_vec(self) -> list[Any]:
        """The values flattened, as Burn's ``to_vec``."""
        return self._array.reshape(-1).tolist()

    def convert(self, dtype: DType | str) -> "TensorData":
        return TensorData(self, dtype=dtype)

    def item(self) -> Any:
        if self._array.size != 1:
            raise ValueError(f"TensorData.item: expected one element, got shape {list(self.shape)}")
        return self._array.reshape(-1)[0].item()

    # Comparisons used by tests, with Burn's semantics.

    def assert_eq(self, other: "TensorData | Any", strict: bool = True) -> None:
        """Exact equality of values and shape; with ``strict`` the dtypes must match too."""
        other = other if isinstance(other, TensorData) else TensorData(other)
        self._check_shape(other, "assert_eq")
        if strict and self.dtype != other.dtype:
            raise AssertionError(f"assert_eq: dtypes differ: {self.dtype} vs {other.dtype}")
        a, b = self._array, other._array
        if not strict and b.dtype != a.dtype:
            # As Burn: the values compare as this data's element type (1.1 written as a float64
            # literal equals the float32 value 1.1 read from a tensor).
            with np.errstate(invalid="ignore", over="ignore"):
                b = b.astype(a.dtype)
        equal = (a == b) | (_isnan(a) & _isnan(b))
        if not bool(np.all(equal)):
            raise AssertionError(_mismatch("assert_eq", a, b, ~equal))

    def assert_approx_eq(self, other: "TensorData | Any",
                         tolerance: Tolerance | float | None = None) -> None:
        """Values equal within `tolerance` (NaN equals NaN, infinities must match exactly).

        A float `tolerance` is an absolute tolerance, as in older Burn versions."""
        other = other if isinstance(other, TensorData) else TensorData(other)
        tol = _tolerance(tolerance)
        self._check_shape(other, "assert_approx_eq")
        a = self._array.astype(np.float64)
        b = other._array.astype(np.float64)
        with np.errstate(invalid="ignore"):
            diff = np.abs(a - b)
            bound = np.maximum(tol.absolute, tol.relative * np.maximum(np.abs(a), np.abs(b)))
            close = (diff <= bound) | (a == b) | (np.isnan(a) & np.isnan(b))
            # An infinite bound would accept any finite value next to an infinity.
            close &= (a == b) | ~(np.isinf(a) | np.isinf(b))
        if not bool(np.all(close)):
            raise AssertionError(_mismatch("assert_approx_eq", a, b, ~close, tol))

    def assert_within_range(self, low: float | slice, high: float | None = None) -> None:
        """Every value lies in the half-open range ``[low, high)`` (Burn's
        ``assert_within_range(low..high)``, also given as ``slice(low, high)``); a NaN is never
        within range."""
        self._assert_range("assert_within_range", *_bounds(low, high), inclusive=False)

    def assert_within_range_inclusive(self, low: float | slice,
                                      high: float | None = None) -> None:
        """Every value lies in the closed range ``[low, high]``."""
        self._assert_range("assert_within_range_inclusive", *_bounds(low, high), inclusive=True)

    def _assert_range(self, op: str, low: float, high: float, inclusive: bool) -> None:
        if not low <= high:
            raise ValueError(f"{op}: empty range, low={low!r} > high={high!r}")
        a = self._array
        with np.errstate(invalid="ignore"):
            inside = (a >= low) & ((a <= high) if inclusive else (a < high))
        if not bool(np.all(inside)):
            where = np.argwhere(~inside)
            bracket = "]" if inclusive else ")"
            lines = [f"{op}: {len(where)} of {a.size} values outside [{low!r}, {high!r}{bracket}"]
            for idx in where[:5]:
                i = tuple(int(v) for v in idx)
                lines.append(f"  at {list(i)}: {a[i].item()!r}")
            raise AssertionError("\n".join(lines))

    def _check_shape(self, other: "TensorData", op: str) -> None:
        if self._array.shape != other._array.shape:
            raise AssertionError(f"{op}: shapes differ: {list(self.shape)} vs {list(other.shape)}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TensorData):
            return NotImplemented
        return (self.dtype == other.dtype and self._array.shape == other._array.shape
                and bool(np.array_equal(self._array, other._array, equal_nan=self.dtype.is_float)))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        body = np.array2string(self._array, separator=", ", threshold=64, precision=6)
        return f"TensorData({body}, shape={list(self.shape)}, dtype={self.dtype})"


def _bounds(low: float | slice, high: float | None) -> tuple[float, float]:
    """``(low, high)`` from two numbers or one ``slice(low, high)``."""
    if isinstance(low, slice):
        if high is not None or low.start is None or low.stop is None:
            raise TypeError("assert_within_range: give low and high, or one slice(low, high)")
        return low.start, low.stop
    if high is None:
        raise TypeError("assert_within_range: missing high (give low and high, or one "
                        "slice(low, high))")
    return low, high


def _infer_dtype(array: np.ndarray) -> DType:
    # Cached per NumPy dtype: every backend's `to_data` asks, and `dtype.name` is slow.
    dtype = _INFERRED.get(array.dtype)
    if dtype is None:
        dtype = _INFERRED[array.dtype] = _infer_uncached(array.dtype)
    return dtype


def _infer_uncached(np_dtype: np.dtype) -> DType:
    if np_dtype == np.bool_:
        return DType.BOOL
    try:
        return DType(np_dtype.name)
    except ValueError:
        if np_dtype.kind == "f":
            return DType.F64
        if np_dtype.kind in "iu":
            return DType.I64
        raise ValueError(f"TensorData: unsupported element type {np_dtype}") from None


_INFERRED: dict[np.dtype, DType] = {}


def _isnan(a: np.ndarray) -> np.ndarray:
    return np.isnan(a) if a.dtype.kind == "f" else np.zeros(a.shape, dtype=bool)


def _tolerance(tolerance: Tolerance | float | None) -> Tolerance:
    if tolerance is None:
        return Tolerance.default()
    if isinstance(tolerance, Tolerance):
        return tolerance
    return Tolerance(0.0, float(tolerance))


def _mismatch(op: str, a: np.ndarray, b: np.ndarray, bad: np.ndarray,
              tol: Tolerance | None = None) -> str:
    where = np.argwhere(bad)
    lines = [f"{op}: {len(where)} of {a.size} values differ"
             + (f" (tolerance rel={tol.relative}, abs={tol.absolute})" if tol else "")]
    for idx in where[:5]:
        i = tuple(int(v) for v in idx)
        lines.append(f"  at {list(i)}: {a[i].item()!r} != {b[i].item()!r}")
    return "\n".join(lines)
