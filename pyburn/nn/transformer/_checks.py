"""Input checks shared by the encoder and the decoder: the error names the module and method,
what was expected and what was given, before any attention matmul fails obscurely."""

from __future__ import annotations

from typing import Any

from pyburn.tensor import Bool, KindError, RankError, ShapeError


def check_sequence(op: str, name: str, x: Any, d_model: int) -> tuple[int, int]:
    """`x` must be ``[batch, seq, d_model]``; returns ``(batch, seq)``."""
    dims = x.dims()
    if len(dims) != 3:
        raise RankError(f"{op}: expected {name} of shape [batch, seq, {d_model}] (rank 3), "
                        f"got shape {dims}")
    if dims[2] != d_model:
        raise ShapeError(f"{op}: expected {name} of shape [batch, seq, {d_model}] (d_model), "
                         f"got {dims}")
    return dims[0], dims[1]


def check_mask(op: str, name: str, mask: Any, expected: list[int]) -> None:
    """A boolean mask (True = masked out, as Burn) of exactly the `expected` shape."""
    if mask is None:
        return
    if getattr(type(mask), "kind", None) is not Bool:
        kind = getattr(getattr(type(mask), "kind", None), "__name__", type(mask).__name__)
        raise KindError(f"{op}: {name} must be a Bool tensor (True = masked out), got a "
                        f"{kind} tensor")
    if mask.dims() != expected:
        raise ShapeError(f"{op}: expected {name} of shape {expected}, got {mask.dims()}")
