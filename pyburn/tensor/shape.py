"""`Shape`: the dimensions of a tensor, a tuple with Burn's helpers."""

from __future__ import annotations

import math
import operator
from typing import Any, Iterable

from .errors import ShapeError


class Shape(tuple[int, ...]):
    """Dimensions of a tensor. A tuple, so it compares equal to tuples and lists' tuples."""

    def __new__(cls, *dims: "int | Iterable[int]") -> "Shape":
        # Not trusted to be ints yet: checked below.
        values: tuple[Any, ...] = (tuple(dims[0]) if len(dims) == 1 and not isinstance(dims[0], int)
                                   else dims)
        if all(type(d) is int and d >= 0 for d in values):  # the common case, kept cheap
            return super().__new__(cls, values)
        return super().__new__(cls, dims_arg(values, "Shape"))

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


def dims_arg(dims: Any, op: str, low: int = 0) -> tuple[int, ...]:
    """`dims` as a tuple of ints, each ``>= low`` (``-1`` where an op infers a dim).

    The one gate every shape argument passes (creation ops, reshape, expand, random,
    `TensorData`): a dimension must be an int (or an int-like such as ``np.int64``), never a
    float or a bool, because ``int(2.5)`` would silently build a tensor of another size.
    """
    try:
        values = tuple(dims)
    except TypeError:
        raise ShapeError(f"{op}: shape must be a sequence of ints, got {dims!r}") from None
    if all(type(d) is int and d >= low for d in values):  # the common case, kept cheap
        return values
    out = []
    for i, d in enumerate(values):
        # isinstance(d, SupportsIndex) would be a slow runtime protocol check.
        if isinstance(d, bool) or not hasattr(d, "__index__"):
            raise ShapeError(f"{op}: dimension {i} must be an int, got {d!r} of type "
                             f"{type(d).__name__} in shape {list(values)!r}")
        v = operator.index(d)
        if v < low:
            what = "negative dimension" if low == 0 else "invalid shape"
            raise ShapeError(f"{op}: {what} in shape {list(values)!r} (dimension {i} is {v}, "
                             f"expected >= {low})")
        out.append(v)
    return tuple(out)
