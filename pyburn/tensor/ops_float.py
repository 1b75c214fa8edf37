"""Float operations (Burn Book "Float Operations"): math, matmul, variance, precision."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Callable, TypeVar, cast

from .dtype import DType
from .kind import Bool, Float, Int
from .errors import RankError, ShapeError
from .ops_base import B, K, TensorOpsBase
from .ops_basic import checked_call, index_bounds
from .ops_numeric import _is_scalar

if TYPE_CHECKING:
    from typing_extensions import Self

    from .tensor import Tensor


_T = TypeVar("_T")


def _unary(name: str, doc: str = "") -> Callable[[_T], _T]:
    """An elementwise Float op as a method; typed so that ``x.tanh()`` keeps ``x``'s type."""
    def op(self: Any) -> Any:
        if self.kind.prefix != "float":
            self._require_kind(name, _float_kind())
        return self._new(getattr(self._ops, name)(self._p))
    op.__name__ = name
    op.__doc__ = doc or f"Elementwise ``{name}`` (Float tensors)."
    return op


def _float_kind() -> Any:
    return Float


class FloatOps(TensorOpsBase[B, K]):
    __slots__ = ()

    exp = _unary("exp")
    log = _unary("log", "Natural logarithm.")
    log1p = _unary("log1p", "``log(1 + x)``, accurate for small x.")
    erf = _unary("erf", "The error function.")
    sqrt = _unary("sqrt")
    recip = _unary("recip", "``1 / x``.")
    reciprocal = recip
    cos = _unary("cos")
    sin = _unary("sin")
    tan = _unary("tan")
    tanh = _unary("tanh")
    floor = _unary("floor")
    sinh = _unary("sinh")
    cosh = _unary("cosh")
    asin = _unary("asin")
    acos = _unary("acos")
    atan = _unary("atan")
    asinh = _unary("asinh")
    acosh = _unary("acosh")
    atanh = _unary("atanh")
    trunc = _unary("trunc", "Round toward zero.")
    ceil = _unary("ceil")
    round = _unary("round", "Round half to even.")
    sigmoid = _unary("sigmoid")
    relu = _unary("relu")

    def is_nan(self) -> "Tensor[B, Bool]":
        self._require_kind("is_nan", _float_kind())
        return self._as(Bool, self._ops.is_nan(self._p))

    def is_inf(self) -> "Tensor[B, Bool]":
        self._require_kind("is_inf", _float_kind())
        return self._as(Bool, self._ops.is_inf(self._p))

    def contains_nan(self) -> bool:
        return bool(self.is_nan().any().into_scalar())

    def powf(self, other: Any) -> "Self":
        """Power with a float exponent, a tensor or a number."""
        self._require_kind("powf", _float_kind())
        if _is_scalar(other):
            return self._new(self._ops.powf_scalar(self._p, float(other)))
        return self._new(checked_call("powf", self, (other,), self._ops.powf, self._p,
                                      self._check_peer("powf", other)))

    powf_scalar = powf

    def square(self) -> "Self":
        return self.mul(self)

    def matmul(self, other: "Self") -> "Self":
        """Matrix product over the last two dims; leading (batch) dims broadcast. Float or Int."""
        self._require_kind("matmul", _float_kind(), Int)
        op = self._check_peer("matmul", other)
        sa, sb = self._ops.shape(self._p), self._ops.shape(op)
        if len(sa) < 2 or len(sb) < 2:
            raise RankError(f"matmul: both tensors need rank >= 2, got shapes {list(sa)} and "
                            f"{list(sb)}")
        if sa[-1] != sb[-2]:
            raise ShapeError(f"matmul: inner dimensions differ: {list(sa)} @ {list(sb)} "
                             f"({sa[-1]} != {sb[-2]})")
        return self._new(checked_call("matmul", self, (other,), self._ops.matmul, self._p, op))

    def var(self, dim: int) -> "Self":
        """Unbiased variance over `dim` (kept with size 1)."""
        return self.var_mean(dim)[0]

    def var_bias(self, dim: int) -> "Self":
        """Biased (population) variance over `dim`."""
        return self.var_mean_bias(dim)[0]

    def var_mean(self, dim: int) -> tuple["Self", "Self"]:
        return self._var_mean(dim, unbiased=True)

    def var_mean_bias(self, dim: int) -> tuple["Self", "Self"]:
        return self._var_mean(dim, unbiased=False)

    def _var_mean(self, dim: int, unbiased: bool) -> tuple["Self", "Self"]:
        self._require_kind("var", _float_kind())
        d = self._dim(dim, "var")
        n = self.shape[d]
        mean = self.mean_dim(d)
        centered = self.sub(mean)
        denom = n - 1 if unbiased else n
        if denom <= 0:
            raise ShapeError(f"var: dim {dim} has {n} element(s); need {2 if unbiased else 1}+")
        return centered.mul(centered).sum_dim(d).div_scalar(denom), mean

    def int(self) -> "Tensor[B, Int]":
        """Convert to an Int tensor (Float: truncation toward zero; Bool: 0/1)."""
        if self.kind.prefix == "int":
            return cast("Tensor[B, Int]", self)
        return self._as(Int, self._ops.into_int(self._p))

    def cast(self, dtype: "DType | str") -> "Self":
        """The same values in another float dtype (gradients flow back through the cast)."""
        self._require_kind("cast", _float_kind())
        target = DType.of(dtype)
        if not target.is_float:
            raise TypeError(f"cast: expected a float dtype, got {target}; use .int()/.bool()")
        return self._new(self._ops.cast(self._p, target))

    def to_full_precision(self) -> "Self":
        return self.cast(DType.F32) if self.dtype in (DType.F16, DType.BF16) else self

    def from_full_precision(self, dtype: "DType | str | None" = None) -> "Self":
        return self.cast(dtype or type(self).backend.float_elem)

    def one_hot(self, num_classes: builtins.int) -> "Self":
        """One-hot encode the values (class indices) along a new last dim, same kind."""
        if num_classes <= 0:
            raise ValueError(f"one_hot: num_classes must be > 0, got {num_classes}")
        idx = self if self.kind.prefix == "int" else self.int()
        bounds = index_bounds(idx)  # checked above the backends, so they all agree
        if bounds is not None and (bounds[0] < 0 or bounds[1] >= num_classes):
            raise IndexError(f"one_hot: class indices must be in [0, {num_classes}), got values "
                             f"in [{bounds[0]}, {bounds[1]}]")
        IntT = type(idx)
        classes = IntT.arange(0, num_classes, device=self.device).reshape(
            [1] * self.rank + [num_classes])
        hot = idx.unsqueeze_dim(-1).equal(classes.expand(list(self.shape) + [num_classes]))
        return cast("Self", hot.float() if self.kind.prefix == "float" else hot.int())

    def all_close(self, other: "Self", rtol: builtins.float | None = None,
                  atol: builtins.float | None = None) -> bool:
        """Whether all values are close (`is_close` everywhere), as ``torch.allclose``; `None`
        takes Burn's defaults (``rtol=1e-5``, ``atol=1e-8``). Int tensors are accepted."""
        this: Any = self   # is_close lives in the ExtraOps mixin of the same Tensor class
        return bool(this.is_close(other, rtol, atol).all().into_scalar())
