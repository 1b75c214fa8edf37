"""Burn's test vocabulary in Python, for the tests scripts/port_burn_tests.py generates.

The generated tests read like Burn's: ``TestTensor.from_([[1.0]])``, ``TensorData(...)``,
``Tolerance.default()``, ranges as ``bslice(a, b, step, inclusive)``. Everything here is test
plumbing that maps a Burn idiom onto pyburn's public API; nothing here implements an op.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
from typing import Any, Iterator

import numpy as np
import pytest

import pyburn
from pyburn import (Bool, Distribution, DType, Int, Shape, Tensor, TensorData, activation,
                    blackman_window, hamming_window, hann_window)
from pyburn import Tolerance as _PyTolerance
from pyburn.tensor.errors import TensorError

__all__ = ["TestTensor", "env", "current_env", "ConvOptions", "ConvTransposeOptions",
           "DeformConvOptions", "InterpolateOptions", "PaddedConvOptions", "Tensor", "TensorData", "Shape", "Distribution", "DType",
           "Tolerance", "activation", "bslice", "lim", "math_const", "assert_eq_", "assert_ne_",
           "assert_", "raises_clear", "Int", "Bool", "Float", "ElementConversion",
           "IndexingUpdateOp", "Transaction", "PadMode", "GridSampleOptions",
           "GridSamplePaddingMode", "InterpolateMode", "nan", "inf", "np", "pyburn", "rmap",
           "omap", "rnth", "rlast", "math", "IndexPos", "meshgrid_stack", "affine_grid_2d", "slow", "FloatDType", "IntDType", "expect_rank", "td_zeros", "td_ones", "rnan", "rinf", "rfinite", "rsignneg", "hann_window", "hamming_window", "blackman_window", "rstep", "linalg", "signal", "module", "loss", "E", "PI", "SQRT_2",
           "FRAC_PI_2", "FRAC_PI_3", "FRAC_PI_4", "FRAC_PI_6", "FRAC_PI_8", "Slice",
           "DEFAULT_RTOL", "DEFAULT_ATOL", "rtry", "rmath", "ris_empty", "rpowf", "rany", "rall",
           "Any"]

nan, inf = math.nan, math.inf
Float = pyburn.Float
TestTensor = None   # bound per test by env(); named here so `from burn_compat import *` lints


slow = pytest.mark.skipif(
    not os.environ.get("PYBURN_SLOW_TESTS"),
    reason="a matrix of hundreds of rows through the composite LU: seconds per row, over the CI "
           "budget; PYBURN_SLOW_TESTS=1 runs it")


def _optional(name: str) -> Any:
    """A pyburn name Burn's tests use that pyburn may not have yet: a missing one raises a
    NameError-like error naming it when the test touches it."""
    for mod in ("pyburn", "pyburn.tensor"):
        value = getattr(__import__(mod, fromlist=["_"]), name, None)
        if value is not None:
            return value

    class _Missing:
        def __getattr__(self, attr: str) -> Any:
            raise NameError(f"name '{name}' is not defined")

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            raise NameError(f"name '{name}' is not defined")
    return _Missing()


IndexingUpdateOp = _optional("IndexingUpdateOp")
Transaction = _optional("Transaction")   # pyburn.tensor.Transaction
PadMode = _optional("PadMode")
GridSampleOptions = _optional("GridSampleOptions")
GridSamplePaddingMode = _optional("GridSamplePaddingMode")
InterpolateMode = _optional("GridSampleMode")
IndexPos = _optional("IndexPos")
meshgrid_stack = _optional("meshgrid_stack")
affine_grid_2d = _optional("affine_grid_2d")   # Burn's op-level enum, by its pyburn name
ElementConversion = None
FloatDType = IntDType = DType       # Burn's kind-specific dtype enums: one DType in pyburn
linalg = _optional("linalg")
signal = _optional("signal")   # burn::tensor::signal (rfft, irfft, stft)
from pyburn.tensor import loss, module  # noqa: E402  (burn::tensor::{loss, module})
from pyburn.tensor.module import (ConvOptions, ConvTransposeOptions,  # noqa: E402
                                  DeformConvOptions, InterpolateOptions, PaddedConvOptions)
E, PI, SQRT_2 = math.e, math.pi, math.sqrt(2)
FRAC_PI_2, FRAC_PI_3, FRAC_PI_4 = math.pi / 2, math.pi / 3, math.pi / 4
FRAC_PI_6, FRAC_PI_8 = math.pi / 6, math.pi / 8


def rnan(x: Any) -> Any:
    """Rust's ``is_nan()``: on a number, or a tensor's ``is_nan``."""
    return x.is_nan() if hasattr(x, "is_nan") else math.isnan(x)


def rinf(x: Any) -> Any:
    return x.is_inf() if hasattr(x, "is_inf") else math.isinf(x)


def rfinite(x: Any) -> Any:
    """Rust's ``is_finite()``: on a number, or a tensor's ``is_finite``."""
    return x.is_finite() if hasattr(x, "is_finite") else math.isfinite(x)


def rsignneg(x: float) -> bool:
    return math.copysign(1.0, x) < 0


def expect_rank(t: Any, rank: int, expr: str = "") -> Any:
    """Burn's ``let x: Tensor<N> = ...``: the output rank is part of the type there, so a call
    whose result has another rank is refused (Rust refuses it when the op checks D2)."""
    if getattr(t, "rank", rank) != rank:
        from pyburn.tensor.errors import RankError
        raise RankError(f"{expr}: expected a result of rank {rank} (the annotated type), got "
                        f"shape {list(t.shape)}")
    return t


def td_zeros(shape: Any) -> TensorData:
    """Burn's ``TensorData::zeros::<f32, _>(shape)``."""
    return TensorData(np.zeros(list(shape), np.float32))


def td_ones(shape: Any) -> TensorData:
    return TensorData(np.ones(list(shape), np.float32))


def _iterable(r: Any) -> Any:
    return range(r.start or 0, r.stop, r.step or 1) if isinstance(r, slice) else r


class _RustIter(list):  # type: ignore[type-arg]
    """A mapped Rust iterator, materialized: ``sum()``/``collect()``/``next()`` as in Rust."""

    def sum(self) -> Any:
        return sum(self)

    def collect(self) -> list[Any]:
        return list(self)

    def next(self) -> Any:
        return self[0] if self else None


def rmap(r: Any, fn: Any) -> Any:
    """Rust's ``iter.map(f)`` (a range iterates its integers)."""
    return _RustIter(map(fn, _iterable(r)))


def omap(x: Any, fn: Any) -> Any:
    """Rust's ``Option::map``: None stays None."""
    return None if x is None else fn(x)


def rnth(r: Any, n: int) -> Any:
    return next(itertools.islice(_iterable(r), n, None), None)


def rlast(r: Any) -> Any:
    items = list(_iterable(r))
    return items[-1] if items else None


def rstep(r: Any, step: int) -> Any:
    return itertools.islice(_iterable(r), 0, None, step)


class Tolerance(_PyTolerance):
    """Burn's ``Tolerance`` constructors and setters (float32 tests: the half/double-precision
    setters leave it unchanged, as Burn's do for an f32 element)."""

    @staticmethod
    def default() -> "Tolerance":
        return Tolerance(0.005, 1e-5)

    @staticmethod
    def balanced() -> "Tolerance":
        return Tolerance(0.005, 1e-5)

    @staticmethod
    def permissive() -> "Tolerance":
        return Tolerance(0.01, 0.01)

    @staticmethod
    def strict() -> "Tolerance":
        return Tolerance(0.0, 64 * float(np.finfo(np.float32).tiny))

    @staticmethod
    def rel_abs(relative: float, absolute: float) -> "Tolerance":
        return Tolerance(float(relative), float(absolute))

    @staticmethod
    def relative(value: float) -> "Tolerance":   # type: ignore[override]
        return Tolerance(float(value), 0.0)

    @staticmethod
    def absolute(value: float) -> "Tolerance":   # type: ignore[override]
        return Tolerance(0.0, float(value))

    def set_relative(self, value: float) -> "Tolerance":
        return Tolerance(float(value), self.absolute)

    def set_absolute(self, value: float) -> "Tolerance":
        return Tolerance(self.relative, float(value))

    def set_single_precision_relative(self, value: float) -> "Tolerance":
        return self.set_relative(value)

    def set_single_precision_absolute(self, value: float) -> "Tolerance":
        return self.set_absolute(value)

    def set_half_precision_relative(self, value: float) -> "Tolerance":
        return self

    def set_half_precision_absolute(self, value: float) -> "Tolerance":
        return self

    def set_double_precision_relative(self, value: float) -> "Tolerance":
        return self

    def set_double_precision_absolute(self, value: float) -> "Tolerance":
        return self


class _Ctor:
    """``TestTensor``/``TestTensorInt``/``TestTensorBool``: the tensor class of this row, with
    Burn's ``from`` (spelt ``from_``), and ranges accepted where Burn takes ``Range``."""

    def __init__(self, cls: Any, device: Any) -> None:
        self._cls = cls
        self._device = device

    def from_(self, values: Any, device: Any = None) -> Any:
        return self._cls.from_data(values, device or self._device)

    def from_data(self, values: Any, device: Any = None) -> Any:
        return self._cls.from_data(values, device or self._device)

    def from_bool(self, values: Any, device: Any = None) -> Any:
        return Tensor[self._cls.backend, Bool].from_data(values, device or self._device)

    def from_ints(self, values: Any, device: Any = None) -> Any:
        return Tensor[self._cls.backend, Int].from_data(values, device or self._device)

    def from_floats(self, values: Any, device: Any = None) -> Any:
        return Tensor[self._cls.backend].from_data(values, device or self._device)

    def arange(self, r: Any, device: Any = None) -> Any:
        return self._cls.arange(r.start, r.stop, device=device or self._device)

    def arange_step(self, r: Any, step: int, device: Any = None) -> Any:
        return self._cls.arange_step(r.start, r.stop, step, device=device or self._device)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cls, name)


_ROW: list[Any] = []     # the running test's backend row, set by its env() call


def env(case: Any) -> tuple[_Ctor, _Ctor, _Ctor, Any]:
    """This row's ``TestTensor``, ``TestTensorInt``, ``TestTensorBool`` and device."""
    _ROW[:] = [case]
    return (_Ctor(Tensor[case.B], case.device), _Ctor(Tensor[case.B, Int], case.device),
            _Ctor(Tensor[case.B, Bool], case.device), case.device)


def current_env() -> tuple[_Ctor, _Ctor, _Ctor, Any]:
    """`env` of the running test's row: for the methods of a Burn test file's own structs
    (``impl Conv2dTestCase { fn assert_grads(self, ..) }``), which live at module level and so
    cannot close over the test's ``TestTensor``/``device``."""
    if not _ROW:
        raise RuntimeError("current_env(): no test has called env() yet")
    return env(_ROW[0])


DEFAULT_RTOL, DEFAULT_ATOL = 1e-5, 1e-8   # Burn's is_close/all_close defaults (float.rs)


class Slice:
    """Burn's ``Slice::new(start, end, step)``: the same range as `bslice`."""

    @staticmethod
    def new(start: Any, end: Any, step: int = 1) -> slice:
        return bslice(start, end, step)

    @staticmethod
    def from_(r: slice) -> slice:
        """``Slice::from(range)``: the range already is a Python slice."""
        return r


def bslice(start: Any, end: Any, step: int = 1, inclusive: bool = False) -> slice:
    """Burn's range ``start..end`` (``..=`` inclusive) with a step, in Python's spelling. Burn
    walks a negative-step range backwards over the same elements (``0..5;-1`` is 4, 3, 2, 1, 0),
    which Python spells ``slice(4, None, -1)``: from the range's last element down past its
    first."""
    if inclusive and end is not None:
        end = None if end == -1 else end + 1
    if step > 0:
        return slice(start, end, None if step == 1 else step)
    if end == 0:
        return slice(0, 0, 1)
    hi = None if end is None else end - 1
    lo = None if start in (None, 0) else start - 1
    return slice(hi, lo, step)


_LIMITS = {"f32": np.float32, "FloatElem": np.float32, "f64": np.float64, "f16": np.float16,
           "i32": np.int32, "IntElem": np.int32, "i64": np.int64, "i8": np.int8,
           "i16": np.int16, "u8": np.uint8, "u32": np.uint32, "u64": np.uint64,
           "usize": np.uint64, "isize": np.int64}


def lim(ty: str, name: str) -> Any:
    """``f32::MAX``, ``i32::MIN``, ``f32::NAN``... as Python numbers."""
    if name == "NAN":
        return math.nan
    if name == "INFINITY":
        return math.inf
    if name == "NEG_INFINITY":
        return -math.inf
    t = _LIMITS[ty]
    info = np.finfo(t) if np.issubdtype(t, np.floating) else np.iinfo(t)
    value = {"MAX": info.max, "MIN": info.min, "EPSILON": getattr(info, "eps", None),
             "MIN_POSITIVE": getattr(info, "tiny", None)}[name]
    return value.item() if hasattr(value, "item") else value


def math_const(name: str) -> float:
    return {"PI": math.pi, "E": math.e, "FRAC_PI_3": math.pi / 3, "FRAC_PI_6": math.pi / 6,
            "FRAC_PI_8": math.pi / 8, "TAU": math.tau, "FRAC_PI_2": math.pi / 2,
            "FRAC_PI_4": math.pi / 4, "SQRT_2": math.sqrt(2), "LN_2": math.log(2),
            "FRAC_1_SQRT_2": 1 / math.sqrt(2)}[name]


def _plain(x: Any) -> Any:
    if isinstance(x, TensorData):
        return x.to_list()
    if isinstance(x, (tuple, list)):
        return [_plain(v) for v in x]
    if isinstance(x, np.generic):
        return x.item()
    return x


def assert_eq_(a: Any, b: Any) -> None:
    """Burn's ``assert_eq!``: TensorData by value and shape, the rest by value."""
    if isinstance(a, TensorData) and isinstance(b, TensorData):
        a.assert_eq(b, False)
        return
    pa, pb = _plain(a), _plain(b)
    if isinstance(pa, float) or isinstance(pb, float):
        assert pa == pb or (pa != pa and pb != pb), f"{pa!r} != {pb!r}"
        return
    assert pa == pb, f"{pa!r} != {pb!r}"


def assert_ne_(a: Any, b: Any) -> None:
    assert _plain(a) != _plain(b), f"{a!r} == {b!r}"


def assert_(cond: Any) -> None:
    assert bool(cond)


@contextlib.contextmanager
def raises_clear(ops: list[str]) -> Iterator[None]:
    """Burn's ``#[should_panic]``: pyburn refuses with one of its errors (TypeError/ValueError/
    IndexError subclasses) whose message names the op that refused, or, where Burn's test
    panics in its own value assertion, that assertion fails here too."""
    with pytest.raises((TensorError, ValueError, TypeError, IndexError, AssertionError)) as info:
        yield
    if isinstance(info.value, AssertionError):
        return      # Burn's test panics in its own assertion (a value check), and so does ours
    message = str(info.value)
    named = message.split(":", 1)[0].strip()    # pyburn's errors start with "op: ..."
    assert ops == [] or any(op in message or (named and named in op) for op in ops), (
        f"the error does not name the op (one of {ops}): {message!r}")


class _ErrMessage(str):
    """An error message compared with Burn's: equal when Burn's text appears in it, ignoring
    case (pyburn's messages name the op first and add the values given)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and other.lower() in self.lower()

    __hash__ = str.__hash__


class _Result:
    """Burn's ``Result`` for a call that pyburn makes raise: ``err()`` is the message or None."""

    def __init__(self, value: Any = None, error: BaseException | None = None) -> None:
        self.value, self.error = value, error

    def err(self) -> _ErrMessage | None:
        return None if self.error is None else _ErrMessage(str(self.error))

    def unwrap_err(self) -> _ErrMessage:
        assert self.error is not None, f"expected an error, got {self.value!r}"
        return _ErrMessage(str(self.error))

    def is_err(self) -> bool:
        return self.error is not None

    def is_ok(self) -> bool:
        return self.error is None

    def ok(self) -> Any:
        return self.value


def rtry(fn: Any) -> _Result:
    """``let result = expr;`` where Burn's test inspects ``result.err()``: pyburn raises one of
    its clear errors instead of returning ``Err``."""
    try:
        return _Result(fn())
    except (TensorError, ValueError, TypeError, IndexError) as e:
        return _Result(error=e)


def rmath(name: str, x: Any) -> Any:
    """Rust's ``x.sqrt()``/``x.ln()``... where `x` may be a float or a tensor."""
    method = {"ln": "log"}.get(name, name)
    if hasattr(x, method) and not isinstance(x, (int, float)):
        return getattr(x, method)()
    return getattr(math, method)(x)


def ris_empty(x: Any) -> bool:
    """Rust's ``is_empty()`` on a collection or a tensor."""
    return bool(x.is_empty()) if hasattr(x, "is_empty") else len(x) == 0


def rpowf(x: Any, exponent: Any) -> Any:
    """Rust's ``x.powf(e)`` where `x` may be a float or a tensor."""
    if hasattr(x, "powf") and not isinstance(x, (int, float)):
        return x.powf(exponent)
    return float(x) ** exponent


def rany(x: Any, fn: Any = None) -> Any:
    """Rust's ``iter.any(|v| ..)`` (or a tensor's ``any()`` without a predicate)."""
    return x.any() if fn is None else any(fn(v) for v in _iterable(x))


def rall(x: Any, fn: Any = None) -> Any:
    """Rust's ``iter.all(|v| ..)`` (or a tensor's ``all()`` without a predicate)."""
    return x.all() if fn is None else all(fn(v) for v in _iterable(x))
