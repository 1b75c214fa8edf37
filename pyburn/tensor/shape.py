"""`Shape`: the dimensions of a tensor, a tuple with Burn's helpers."""

from __future__ import annotations

import math
import operator
from typing import Any, Iterable


class Shape(tuple[int, ...]):
    """Dimensions of a tensor. A tuple, so it compares equal to tuples and lists' tuples."""

    def __new__(cls, *dims: "int | Iterable[int]") -> "Shape":
        # Not trusted to be ints yet: checked below.
        values: tuple[Any, ...] = (tuple(dims[0]) if len(dims) == 1 and not isinstance(dims[0], int)
                                   else dims)
        if all(type(d) is int and d >= 0 for d in values):  # the common case, kept cheap
            return super().__new__(cls, values)
        out = []
        for d in values:
            # isinstance(d, SupportsIndex) would be a slow runtime protocol check.
            if isinstance(d, bool) or not hasattr(d, "__index__") or operator.index(d) < 0:
                raise ValueError(f"Shape: dimensions must be non-negative ints, got {values!r}")
            out.append(operator.index(d))
        return super().__new__(cls, out)

    @property
    def dims(self) -> list[int]:
        return list(self)

    @property
    def rank(self) -> int:
        return len(self)

    def num_elements(self) -> int:
        return math.prod(self)

    def __call__(self) -> "Shape":
        """``tensor.shape()`` works as in Burn, ``tensor.shape`` as in PyTorch."""
        return self

    def __repr__(self) -> str:
        return f"Shape({list(self)})"
