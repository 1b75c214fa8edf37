"""Errors raised by tensor operations.

Each names the operation, what it expected and what it was given, so a mistake deep in a model
points at its cause. They subclass the built-in errors users already catch.
"""

from __future__ import annotations


class TensorError(Exception):
    """Base of pyburn's tensor errors."""


class ShapeError(TensorError, ValueError):
    """Incompatible shapes or an out-of-range dimension."""


class RankError(ShapeError):
    """A tensor with the wrong number of dimensions."""


class KindError(TensorError, TypeError):
    """A Float/Int/Bool tensor where another kind is needed."""


class DeviceError(TensorError, ValueError):
    """Tensors on different devices mixed in one op, or an unknown device."""


class BackendError(TensorError, TypeError):
    """Tensors of different backends mixed in one op, or a backend that cannot run here."""


class GradientError(TensorError, RuntimeError):
    """Misuse of autodiff: backward on an untracked root, a consumed graph."""


class IndexRangeError(TensorError, IndexError):
    """An index outside ``[0, size)`` of the dim it indexes; `index` is the offending value, so
    a layer (Embedding) can name it in its own terms without checking the indices again."""

    def __init__(self, message: str, index: int, size: int) -> None:
        super().__init__(message)
        self.index = index
        self.size = size


def a_or_an(word: str) -> str:
    """``word`` with its indefinite article, for messages: "an Int", "a Float"."""
    return f"an {word}" if word[:1] in "AEIOUaeiou" else f"a {word}"
