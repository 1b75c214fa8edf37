"""`TracedScalar`: a Python number that is an *input* of a plan, not a constant baked into it.

While a step is traced, every int/float it receives (its arguments, and the scalar fields of
optimizer states such as Adam's step count) is replaced by a `TracedScalar`. Arithmetic on it
builds an expression (Python source over the plan's scalar inputs ``s[i]``) next to the value,
so a learning rate or a bias correction ``1 - beta ** t`` is recomputed from the new inputs on
every replay, with the same float operations as eager (so the same bits).

Where Python needs a concrete value — a comparison, ``if lr > 0``, ``float(x)``, ``int(x)``,
``math.sqrt(x)``, ``range(n)`` — the tracer records a *guard* (the outcome, or the value itself)
that every replay checks before running: a different outcome is a guard miss (a retrace), never
a silently frozen number. It is deliberately not a ``float`` subclass: C code reads a float
subclass's value directly (``math.sqrt``), which would freeze it without asking.
"""

from __future__ import annotations

import math
import numbers
import operator
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from .recording import Recorder

_NUMBER = (int, float)


class TracedScalar:
    """A number known by value (for the trace) and by expression (for the replays)."""

    __slots__ = ("value", "code", "_rec")
    __array_ufunc__ = None      # NumPy refuses it loudly instead of building an object array
    jit_traced = True           # the marker lower layers check (pyburn.tensor's scalar ops)

    def __init__(self, value: int | float, code: str, rec: "Recorder") -> None:
        self.value = value
        self.code = code
        self._rec = rec

    # --- building expressions -------------------------------------------------------------------
    def _operand(self, other: Any) -> tuple[Any, str] | None:
        if type(other) is TracedScalar:
            return other.value, other.code
        if isinstance(other, _NUMBER) or isinstance(other, numbers.Real) and not hasattr(other, "_p"):
            value = other if type(other) in (int, float, bool) else float(other)
            return value, self._rec.constant_code(value)
        return None

    def _binary(self, other: Any, fn: Callable[[Any, Any], Any], symbol: str,
                reflected: bool = False) -> Any:
        got = self._operand(other)
        if got is None:
            return NotImplemented
        value, code = got
        if reflected:
            return TracedScalar(fn(value, self.value), f"({code} {symbol} {self.code})", self._rec)
        return TracedScalar(fn(self.value, value), f"({self.code} {symbol} {code})", self._rec)

    def __add__(self, o: Any) -> Any: return self._binary(o, operator.add, "+")
    def __radd__(self, o: Any) -> Any: return self._binary(o, operator.add, "+", True)
    def __sub__(self, o: Any) -> Any: return self._binary(o, operator.sub, "-")
    def __rsub__(self, o: Any) -> Any: return self._binary(o, operator.sub, "-", True)
    def __mul__(self, o: Any) -> Any: return self._binary(o, operator.mul, "*")
    def __rmul__(self, o: Any) -> Any: return self._binary(o, operator.mul, "*", True)
    def __truediv__(self, o: Any) -> Any: return self._binary(o, operator.truediv, "/")
    def __rtruediv__(self, o: Any) -> Any: return self._binary(o, operator.truediv, "/", True)
    def __floordiv__(self, o: Any) -> Any: return self._binary(o, operator.floordiv, "//")
    def __rfloordiv__(self, o: Any) -> Any: return self._binary(o, operator.floordiv, "//", True)
    def __mod__(self, o: Any) -> Any: return self._binary(o, operator.mod, "%")
    def __rmod__(self, o: Any) -> Any: return self._binary(o, operator.mod, "%", True)
    def __pow__(self, o: Any) -> Any: return self._binary(o, operator.pow, "**")
    def __rpow__(self, o: Any) -> Any: return self._binary(o, operator.pow, "**", True)

    def __neg__(self) -> "TracedScalar":
        return TracedScalar(-self.value, f"(-{self.code})", self._rec)

    def __pos__(self) -> "TracedScalar":
        return self

    def __abs__(self) -> "TracedScalar":
        return TracedScalar(abs(self.value), f"abs({self.code})", self._rec)

    def sqrt(self) -> "TracedScalar":
        """``math.sqrt`` kept symbolic (``math.sqrt(x)`` itself would guard on the value)."""
        return TracedScalar(math.sqrt(self.value), f"_sqrt({self.code})", self._rec)

    # --- where Python needs a value: a guard ------------------------------------------------------
    def _compare(self, other: Any, fn: Callable[[Any, Any], bool], symbol: str) -> Any:
        got = self._operand(other)
        if got is None:
            return NotImplemented
        value, code = got
        outcome = bool(fn(self.value, value))
        self._rec.guard(f"({self.code} {symbol} {code})", outcome, f"a comparison ({symbol})")
        return outcome

    def __lt__(self, o: Any) -> Any: return self._compare(o, operator.lt, "<")
    def __le__(self, o: Any) -> Any: return self._compare(o, operator.le, "<=")
    def __gt__(self, o: Any) -> Any: return self._compare(o, operator.gt, ">")
    def __ge__(self, o: Any) -> Any: return self._compare(o, operator.ge, ">=")
    def __eq__(self, o: Any) -> Any: return self._compare(o, operator.eq, "==")
    def __ne__(self, o: Any) -> Any: return self._compare(o, operator.ne, "!=")

    def concrete(self, why: str) -> int | float:
        """The value, guarded: replays with another value miss (and retrace)."""
        self._rec.guard(self.code, self.value, why)
        return self.value

    def __bool__(self) -> bool:
        return bool(self.concrete("bool()"))

    def __float__(self) -> float:
        return float(self.concrete("float() (math.* functions call it)"))

    def __int__(self) -> int:
        return int(self.concrete("int()"))

    def __index__(self) -> int:
        value = self.concrete("use as an index or size")
        if isinstance(value, int):
            return value
        raise TypeError(f"a float ({value!r}) cannot be used as an index or size")

    def __round__(self, ndigits: int | None = None) -> Any:
        return round(self.concrete("round()"), ndigits)

    def __trunc__(self) -> int:
        return math.trunc(self.concrete("math.trunc()"))

    def __floor__(self) -> int:
        return math.floor(self.concrete("math.floor()"))

    def __ceil__(self) -> int:
        return math.ceil(self.concrete("math.ceil()"))

    def __hash__(self) -> int:
        return hash(self.concrete("hash() (a dict key or set member)"))

    def __repr__(self) -> str:
        return f"TracedScalar({self.value!r}, {self.code})"

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


numbers.Real.register(TracedScalar)
