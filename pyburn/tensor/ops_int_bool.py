"""Int and Bool operations (Burn Book "Int Operations", "Bool Operations")."""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, cast

from .kind import Bool, Float, Int
from .ops_base import B, K, TensorOpsBase
from .ops_basic import _resolve_device, checked_call

if TYPE_CHECKING:
    from typing_extensions import Self

    from .device import Device
    from .tensor import Tensor


class IntBoolOps(TensorOpsBase[B, K]):
    __slots__ = ()

    @classmethod
    def arange(cls, start: int, end: int | None = None,
               device: "Device | str | None" = None) -> "Tensor[B, Int]":
        """Integers in ``[start, end)`` (``arange(n)`` is ``[0, n)``); an Int tensor."""
        return cls.arange_step(start, end, 1, device)

    @classmethod
    def arange_step(cls, start: int, end: int | None = None, step: int = 1,
                    device: "Device | str | None" = None) -> "Tensor[B, Int]":
        from .tensor import Tensor
        if end is None:
            start, end = 0, start
        # Bounds are ints, as Burn's `Range<i64>`: int(2.5) would silently drop a value.
        start, end, step = (_int_arg(v, name, "arange_step")
                            for v, name in ((start, "start"), (end, "end"), (step, "step")))
        if step == 0:
            raise ValueError("arange_step: step must not be 0")
        IntT = Tensor.of(cls.backend, Int)
        return IntT.from_primitive(cls.backend.int_arange(start, end, step,
                                                          _resolve_device(cls.backend, device)))

    def float(self) -> "Tensor[B, Float]":
        """Convert to a Float tensor."""
        if self.kind.prefix == "float":
            return cast("Tensor[B, Float]", self)
        return self._as(Float, self._ops.into_float(self._p))

    def bool(self) -> "Tensor[B, Bool]":
        """Non-zero -> true."""
        if self.kind.prefix == "bool":
            return cast("Tensor[B, Bool]", self)
        return self._as(Bool, self._ops.not_equal_elem(self._p, 0))

    def bool_not(self) -> "Self":
        self._require_kind("bool_not", _bool())
        return self._new(type(self).backend.bool_not(self._p))

    logical_not = bool_not

    def __invert__(self) -> "Self":
        return self.bool_not()

    def _logic(self, other: Any, op: str) -> "Self":
        self._require_kind(op, _bool())
        op_p = self._check_peer(op, other)
        return self._new(checked_call(op, self, (other,), getattr(type(self).backend, f"bool_{op}"),
                                      self._p, op_p))

    def bool_and(self, other: "Self") -> "Self":
        return self._logic(other, "and")

    def bool_or(self, other: "Self") -> "Self":
        return self._logic(other, "or")

    def bool_xor(self, other: "Self") -> "Self":
        return self._logic(other, "xor")

    logical_and = bool_and
    logical_or = bool_or
    logical_xor = bool_xor

    def __and__(self, other: "Self") -> "Self":
        return self.bool_and(other)

    def __or__(self, other: "Self") -> "Self":
        return self.bool_or(other)

    def __xor__(self, other: "Self") -> "Self":
        return self.bool_xor(other)


def _bool() -> Any:
    return Bool


def _int_arg(value: Any, name: str, op: str) -> int:
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"{op}: {name} must be an int, got {value!r} of type "
                        f"{type(value).__name__}")
    return operator.index(value)
