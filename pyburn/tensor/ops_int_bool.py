"""Int and Bool operations (Burn Book "Int Operations", "Bool Operations")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .kind import Bool, Float, Int
from .ops_base import TensorOpsBase
from .ops_basic import _resolve_device, checked_call

if TYPE_CHECKING:
    from typing_extensions import Self

    from .device import Device


class IntBoolOps(TensorOpsBase):
    __slots__ = ()

    @classmethod
    def arange(cls, start: int, end: int | None = None, device: "Device | str | None" = None) -> Any:
        """Integers in ``[start, end)`` (``arange(n)`` is ``[0, n)``); an Int tensor."""
        return cls.arange_step(start, end, 1, device)

    @classmethod
    def arange_step(cls, start: int, end: int | None = None, step: int = 1,
                    device: "Device | str | None" = None) -> Any:
        from .tensor import Tensor
        if end is None:
            start, end = 0, start
        if step == 0:
            raise ValueError("arange_step: step must not be 0")
        IntT = Tensor.of(cls.backend, Int)
        return IntT.from_primitive(cls.backend.int_arange(int(start), int(end), int(step),
                                                          _resolve_device(cls.backend, device)))

    def float(self) -> Any:
        """Convert to a Float tensor."""
        if self.kind.prefix == "float":
            return self
        return self._as(Float, self._ops.into_float(self._p))

    def bool(self) -> Any:
        """Non-zero -> true."""
        if self.kind.prefix == "bool":
            return self
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
