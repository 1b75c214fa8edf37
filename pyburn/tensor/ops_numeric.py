"""Numeric operations, for Float and Int tensors (Burn Book "Numeric Operations"), and the
Python operators."""

from __future__ import annotations

from numbers import Number
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from .kind import Bool, Int
from .errors import KindError, ShapeError
from .ops_base import B, K, TensorOpsBase
from .ops_basic import checked_call, explain
from .torch_habits import flat_argextreme, reduce_dims, reject_extreme

if TYPE_CHECKING:
    from typing_extensions import Self

    from .tensor import Tensor

_SCALARS = (int, float, bool, np.number)


def _is_scalar(x: Any) -> bool:
    return isinstance(x, _SCALARS) or (isinstance(x, Number) and not hasattr(x, "_p"))


def _numeric(t: Any, op: str) -> None:
    if t.kind.prefix == "bool":
        raise KindError(f"{op}: expected a Float or Int tensor, got a Bool tensor of shape "
                        f"{list(t.shape)} (convert with .float() or .int())")


def _scalar(t: Any, value: Any, op: str) -> Any:
    """A Python scalar for `t`'s kind: an Int tensor refuses a float (as Burn's ``elem``)."""
    if t.kind.prefix == "int":
        if isinstance(value, (float, np.floating)) and not float(value).is_integer():
            raise KindError(f"{op}: cannot combine an Int tensor with the float {value!r}; "
                            "convert the tensor with .float()")
        return int(value)
    if type(value) is float:
        return value
    if getattr(value, "jit_traced", False):  # a pyburn.jit scalar input: stays an input
        return value
    return float(value)


def _binary(t: Any, other: Any, op: str) -> Any:
    if type(other) is type(t) and t.kind.prefix == "float":  # the common case: two Float peers
        p = t._p
        try:
            return t._new(getattr(t._ops, op)(p, other._p))
        except Exception as exc:
            raise explain(op, t, (other,), exc) from exc
    _numeric(t, op)
    ops = t._ops
    int_division = op in _DIVISIONS and t.kind.prefix == "int"
    if _is_scalar(other):
        value = _scalar(t, other, op)
        if int_division and value == 0:
            raise ZeroDivisionError(f"{op}: integer {_DIVISIONS[op]} by zero (Int tensor of "
                                    f"shape {list(t.shape)} by the scalar 0)")
        return t._new(getattr(ops, f"{op}_scalar")(t._p, value))
    op_p = t._check_peer(op, other)
    if int_division:
        _check_no_zero(t, op, op_p)
    return t._new(checked_call(op, t, (other,), getattr(ops, op), t._p, op_p))


# Integer division and remainder by zero: Rust (so Burn) panics and torch raises, while NumPy
# returned 0 with a warning. One check above the backends makes every backend raise.
_DIVISIONS = {"div": "division", "remainder": "remainder"}


def _check_no_zero(t: Any, op: str, divisor: Any) -> None:
    """Raise if the Int `divisor` primitive holds a 0 (one reduction, one scalar transfer)."""
    backend = type(t).backend
    zero = backend.bool_any(t._ops.equal_elem(divisor, 0))
    if bool(backend.bool_to_data(zero).item()):
        raise ZeroDivisionError(f"{op}: integer {_DIVISIONS[op]} by zero (the Int divisor of "
                                f"shape {list(t._ops.shape(divisor))} holds a 0)")


def _compare(t: Any, other: Any, op: str) -> Any:
    if _is_scalar(other):
        if t.kind.prefix == "bool":
            other = t.full_like(bool(other))
        else:
            return t._as(Bool, getattr(t._ops, f"{op}_elem")(t._p, _scalar(t, other, op)))
    op_p = t._check_peer(op, other)
    return t._as(Bool, checked_call(op, t, (other,), getattr(t._ops, op), t._p, op_p))


class NumericOps(TensorOpsBase[B, K]):
    __slots__ = ()

    # --- arithmetic -------------------------------------------------------------------------
    def add(self, other: Any) -> "Self":
        return _binary(self, other, "add")

    def sub(self, other: Any) -> "Self":
        return _binary(self, other, "sub")

    def mul(self, other: Any) -> "Self":
        return _binary(self, other, "mul")

    def div(self, other: Any) -> "Self":
        return _binary(self, other, "div")

    def remainder(self, other: Any) -> "Self":
        return _binary(self, other, "remainder")

    def add_scalar(self, value: Any) -> "Self":
        return _binary(self, value, "add")

    def sub_scalar(self, value: Any) -> "Self":
        return _binary(self, value, "sub")

    def mul_scalar(self, value: Any) -> "Self":
        return _binary(self, value, "mul")

    def div_scalar(self, value: Any) -> "Self":
        return _binary(self, value, "div")

    def remainder_scalar(self, value: Any) -> "Self":
        return _binary(self, value, "remainder")

    def neg(self) -> "Self":
        _numeric(self, "neg")
        return self._new(self._ops.neg(self._p))

    def abs(self) -> "Self":
        _numeric(self, "abs")
        return self._new(self._ops.abs(self._p))

    def sign(self) -> "Self":
        _numeric(self, "sign")
        return self._new(self._ops.sign(self._p))

    def powi(self, other: Any) -> "Self":
        """Power with an integer exponent (a tensor or a number)."""
        if self.kind.prefix == "float":
            return self.powf(other)
        _numeric(self, "powi")
        if _is_scalar(other):
            return self._new(self._ops.powi_scalar(self._p, _scalar(self, other, "powi")))
        return self._new(checked_call("powi", self, (other,), self._ops.powi, self._p,
                                      self._check_peer("powi", other)))

    powi_scalar = powi

    def max_pair(self, other: "Self") -> "Self":
        _numeric(self, "max_pair")
        return self._new(checked_call("max_pair", self, (other,), self._ops.max_pair, self._p,
                                      self._check_peer("max_pair", other)))

    def min_pair(self, other: "Self") -> "Self":
        _numeric(self, "min_pair")
        return self._new(checked_call("min_pair", self, (other,), self._ops.min_pair, self._p,
                                      self._check_peer("min_pair", other)))

    def clamp(self, min: Any = None, max: Any = None) -> "Self":
        _numeric(self, "clamp")
        if min is not None and max is not None and min > max:
            raise ValueError(f"clamp: min {min} is greater than max {max}")
        lo = None if min is None else _scalar(self, min, "clamp")
        hi = None if max is None else _scalar(self, max, "clamp")
        return self._new(self._ops.clamp(self._p, lo, hi))

    def clamp_min(self, min: Any) -> "Self":
        return self.clamp(min, None)

    def clamp_max(self, max: Any) -> "Self":
        return self.clamp(None, max)

    # --- Python operators -----------------------------------------------------------------------
    def __add__(self, other: Any) -> "Self":
        return _binary(self, other, "add")

    def __radd__(self, other: Any) -> "Self":
        return _binary(self, other, "add")

    def __sub__(self, other: Any) -> "Self":
        return _binary(self, other, "sub")

    def __rsub__(self, other: Any) -> "Self":
        return _binary(self.neg(), other, "add")

    def __mul__(self, other: Any) -> "Self":
        return _binary(self, other, "mul")

    def __rmul__(self, other: Any) -> "Self":
        return _binary(self, other, "mul")

    def __truediv__(self, other: Any) -> "Self":
        """Float division for Float tensors; truncating division for Int tensors (Burn)."""
        return _binary(self, other, "div")

    def __rtruediv__(self, other: Any) -> "Self":
        if not _is_scalar(other):
            if isinstance(other, np.ndarray):
                return _binary(self._operand("div", other), self, "div")
            return NotImplemented
        if self.kind.prefix == "float":
            return self.recip().mul_scalar(other)
        return _binary(self.full_like(other), self, "div")

    def __mod__(self, other: Any) -> "Self":
        return _binary(self, other, "remainder")

    def __rmod__(self, other: Any) -> "Self":
        if not _is_scalar(other):
            if isinstance(other, np.ndarray):
                return _binary(self._operand("remainder", other), self, "remainder")
            return NotImplemented
        return _binary(self.full_like(other), self, "remainder")

    def __pow__(self, other: Any) -> "Self":
        return self.powi(other) if self.kind.prefix == "int" else self.powf(other)

    def __rpow__(self, other: Any) -> "Self":
        if not _is_scalar(other):
            if isinstance(other, np.ndarray):
                return self._operand("pow", other).__pow__(self)
            return NotImplemented
        return self.full_like(other).__pow__(self)

    def __neg__(self) -> "Self":
        return self.neg()

    def __abs__(self) -> "Self":
        return self.abs()

    def __matmul__(self, other: Any) -> "Self":
        return self.matmul(other)

    def __rmatmul__(self, other: Any) -> "Self":
        """``array @ t`` (NumPy routes it here): the array becomes a tensor like this one."""
        return self._operand("matmul", other).matmul(self)

    # Comparisons are elementwise, as in PyTorch; tensors stay hashable by identity.
    def __eq__(self, other: Any) -> "Tensor[B, Bool]":  # type: ignore[override]
        return _compare(self, other, "equal")

    def __ne__(self, other: Any) -> "Tensor[B, Bool]":  # type: ignore[override]
        return _compare(self, other, "not_equal")

    def __lt__(self, other: Any) -> "Tensor[B, Bool]":
        return self.lower(other)

    def __le__(self, other: Any) -> "Tensor[B, Bool]":
        return self.lower_equal(other)

    def __gt__(self, other: Any) -> "Tensor[B, Bool]":
        return self.greater(other)

    def __ge__(self, other: Any) -> "Tensor[B, Bool]":
        return self.greater_equal(other)

    __hash__ = object.__hash__

    def __bool__(self) -> bool:
        n = self.num_elements()
        if n != 1:
            what = "no elements" if n == 0 else "more than one element"
            raise ValueError(f"the truth value of a tensor with {what} is ambiguous; use .any() "
                             "or .all()")
        return bool(self.into_scalar())

    def __float__(self) -> float:
        return float(self.into_scalar())

    def __int__(self) -> int:
        return int(self.into_scalar())

    # --- comparisons -----------------------------------------------------------------------------
    def greater(self, other: Any) -> "Tensor[B, Bool]":
        _numeric(self, "greater")
        return _compare(self, other, "greater")

    def greater_equal(self, other: Any) -> "Tensor[B, Bool]":
        _numeric(self, "greater_equal")
        return _compare(self, other, "greater_equal")

    def lower(self, other: Any) -> "Tensor[B, Bool]":
        _numeric(self, "lower")
        return _compare(self, other, "lower")

    def lower_equal(self, other: Any) -> "Tensor[B, Bool]":
        _numeric(self, "lower_equal")
        return _compare(self, other, "lower_equal")

    def equal_elem(self, value: Any) -> "Tensor[B, Bool]":
        return _compare(self, value, "equal")

    def not_equal_elem(self, value: Any) -> "Tensor[B, Bool]":
        return _compare(self, value, "not_equal")

    def greater_elem(self, value: Any) -> "Tensor[B, Bool]":
        return self.greater(value)

    def greater_equal_elem(self, value: Any) -> "Tensor[B, Bool]":
        return self.greater_equal(value)

    def lower_elem(self, value: Any) -> "Tensor[B, Bool]":
        return self.lower(value)

    def lower_equal_elem(self, value: Any) -> "Tensor[B, Bool]":
        return self.lower_equal(value)

    # --- reductions ------------------------------------------------------------------------------
    def sum(self, dim: int | Sequence[int] | None = None, keepdim: bool | None = None) -> "Self":
        """Sum of all elements, shape ``[1]`` (Burn's semantics). PyTorch's ``sum(dim,
        keepdim=...)`` works when keepdim is given; ``sum(dim)`` alone is refused, as Burn keeps
        the dim (`sum_dim`) where PyTorch drops it."""
        if dim is not None or keepdim is not None:
            return reduce_dims(self, "sum", "sum_dim", dim, keepdim)
        _numeric(self, "sum")
        return self._new(self._ops.sum(self._p))

    def sum_dim(self, dim: int) -> "Self":
        """Sum over `dim`, kept with size 1."""
        _numeric(self, "sum_dim")
        return self._new(self._ops.sum_dim(self._p, self._dim(dim, "sum_dim")))

    def mean(self, dim: int | Sequence[int] | None = None, keepdim: bool | None = None) -> "Self":
        """Mean of all elements, shape ``[1]``; the dim forms as in `sum`."""
        if dim is not None or keepdim is not None:
            return reduce_dims(self, "mean", "mean_dim", dim, keepdim)
        _numeric(self, "mean")
        n = self.num_elements()
        if n == 0:
            raise ShapeError("mean: the tensor is empty")
        return self.sum().div_scalar(n)

    def mean_dim(self, dim: int) -> "Self":
        _numeric(self, "mean_dim")
        d = self._dim(dim, "mean_dim")
        if self.kind.prefix == "int":
            if self.shape[d] == 0:  # Burn's sum / n panics; name the op, not a division
                raise ShapeError(f"mean_dim: dim {dim} of the Int tensor is empty (shape "
                                 f"{list(self.shape)})")
            return self.sum_dim(d).div_scalar(self.shape[d])
        return self._new(self._ops.mean_dim(self._p, d))

    def prod(self, dim: int | Sequence[int] | None = None, keepdim: bool | None = None) -> "Self":
        """Product of all elements, shape ``[1]``; the dim forms as in `sum`."""
        if dim is not None or keepdim is not None:
            return reduce_dims(self, "prod", "prod_dim", dim, keepdim)
        _numeric(self, "prod")
        return self._new(self._ops.prod(self._p))

    def prod_dim(self, dim: int) -> "Self":
        _numeric(self, "prod_dim")
        return self._new(self._ops.prod_dim(self._p, self._dim(dim, "prod_dim")))

    def max(self, dim: Any = None) -> "Self":
        """The largest element, shape ``[1]``. PyTorch's ``max(dim)`` (values and indices, dim
        dropped) and ``max(other)`` are refused, naming ``max_dim``/``max_pair``."""
        if dim is not None:
            raise reject_extreme("max", dim)
        _numeric(self, "max")
        _nonempty(self, "max")
        return self.reshape([-1]).max_dim(0)

    def min(self, dim: Any = None) -> "Self":
        """The smallest element, shape ``[1]`` (see `max` for PyTorch's forms)."""
        if dim is not None:
            raise reject_extreme("min", dim)
        _numeric(self, "min")
        _nonempty(self, "min")
        return self.reshape([-1]).min_dim(0)

    def max_dim(self, dim: int) -> "Self":
        _numeric(self, "max_dim")
        d = self._dim(dim, "max_dim")
        _nonempty(self, "max_dim")
        return self._new(self._ops.max_dim(self._p, d))

    def min_dim(self, dim: int) -> "Self":
        _numeric(self, "min_dim")
        d = self._dim(dim, "min_dim")
        _nonempty(self, "min_dim")
        return self._new(self._ops.min_dim(self._p, d))

    def max_dim_with_indices(self, dim: int) -> tuple["Self", "Tensor[B, Int]"]:
        return self.max_dim(dim), self.argmax(dim)

    def min_dim_with_indices(self, dim: int) -> tuple["Self", "Tensor[B, Int]"]:
        return self.min_dim(dim), self.argmin(dim)

    def argmax(self, dim: int | None = None, keepdim: bool = True) -> "Tensor[B, Int]":
        """Index of the largest value along `dim`, an Int tensor; the dim is kept with size 1
        (Burn) unless ``keepdim=False`` (PyTorch's default)."""
        if dim is None:
            raise flat_argextreme("argmax")
        _numeric(self, "argmax")
        _nonempty(self, "argmax")
        d = self._dim(dim, "argmax")
        out = self._as(Int, self._ops.argmax(self._p, d))
        return out if keepdim else out.squeeze_dim(d)

    def argmin(self, dim: int | None = None, keepdim: bool = True) -> "Tensor[B, Int]":
        """Index of the smallest value along `dim` (see `argmax`)."""
        if dim is None:
            raise flat_argextreme("argmin")
        _numeric(self, "argmin")
        _nonempty(self, "argmin")
        d = self._dim(dim, "argmin")
        out = self._as(Int, self._ops.argmin(self._p, d))
        return out if keepdim else out.squeeze_dim(d)

    def cumsum(self, dim: int) -> "Self":
        _numeric(self, "cumsum")
        return self._new(self._ops.cumsum(self._p, self._dim(dim, "cumsum")))

    def sort(self, dim: int = -1, descending: bool = False) -> "Self":
        """A stable sort along `dim`."""
        _numeric(self, "sort")
        return self._new(self._ops.sort(self._p, self._dim(dim, "sort"), descending))

    def sort_descending(self, dim: int = -1) -> "Self":
        return self.sort(dim, True)

    def argsort(self, dim: int = -1, descending: bool = False) -> "Tensor[B, Int]":
        _numeric(self, "argsort")
        return self._as(Int, self._ops.argsort(self._p, self._dim(dim, "argsort"), descending))

    def sort_with_indices(self, dim: int = -1,
                          descending: bool = False) -> tuple["Self", "Tensor[B, Int]"]:
        indices = self.argsort(dim, descending)
        # argsort's indices are in range by construction: skip gather's index check (a sync).
        d = self._dim(dim, "sort_with_indices")
        return self._new(self._ops.gather(d, self._p, indices._p)), indices

    def topk(self, k: int, dim: int = -1) -> "Self":
        return self.topk_with_indices(k, dim)[0]

    def topk_with_indices(self, k: int, dim: int = -1) -> tuple["Self", "Tensor[B, Int]"]:
        d = self._dim(dim, "topk")
        if not 0 <= k <= self.shape[d]:
            raise ShapeError(f"topk: k={k} out of range for dim {dim} of size {self.shape[d]}")
        values, indices = self.sort_with_indices(d, descending=True)
        return values.narrow(d, 0, k), indices.narrow(d, 0, k)

    # --- triangular masks ------------------------------------------------------------------------
    def triu(self, diagonal: int = 0) -> "Self":
        """Keep the upper triangle of the last two dims (from `diagonal` up)."""
        return self.mask_fill(_tri_mask(self, diagonal, upper=False), 0)

    def tril(self, diagonal: int = 0) -> "Self":
        return self.mask_fill(_tri_mask(self, diagonal, upper=True), 0)


def _nonempty(t: Any, op: str) -> None:
    if t.num_elements() == 0:
        raise ShapeError(f"{op}: the tensor is empty (shape {list(t.shape)})")


def _tri_mask(t: Any, diagonal: int, upper: bool) -> Any:
    """True where an element must be zeroed: above the diagonal for tril, below for triu."""
    if t.rank < 2:
        from .errors import RankError
        raise RankError(f"{'tril' if upper else 'triu'}: expected rank >= 2, got shape {list(t.shape)}")
    rows, cols = t.shape[-2], t.shape[-1]
    IntT = type(t).of(type(t).backend, Int)
    r = IntT.arange(0, rows, device=t.device).reshape([rows, 1])
    c = IntT.arange(0, cols, device=t.device).reshape([1, cols])
    offset = c - r
    mask = offset.greater(diagonal) if upper else offset.lower(diagonal)
    return mask.expand(list(t.shape))
