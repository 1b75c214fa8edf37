"""Shape checks shared by the recurrent layers, so every layer words its errors alike: the
module and argument, the expected shape (with the layout it implies) and the actual one."""

from __future__ import annotations

from typing import Any

from pyburn.tensor import RankError, ShapeError, Tensor


def layout(batch_first: bool) -> str:
    return "[batch_size, seq_length, d_input]" if batch_first else \
        "[seq_length, batch_size, d_input]"


def check_input(op: str, x: Any, d_input: int, batch_first: bool) -> tuple[int, int]:
    """`x` is a rank-3 tensor whose last dim is `d_input`; returns ``(batch, seq)``."""
    if not isinstance(x, Tensor):
        raise TypeError(f"{op}: expected a tensor {layout(batch_first)}, got {type(x).__name__}")
    dims = x.dims()
    if len(dims) != 3:
        raise RankError(f"{op}: expected a rank-3 input {layout(batch_first)} "
                        f"(batch_first={batch_first}), got shape {dims}")
    if dims[2] != d_input:
        raise ShapeError(f"{op}: expected an input of shape [_, _, {d_input}] "
                         f"{layout(batch_first)}, got {dims}")
    return (dims[0], dims[1]) if batch_first else (dims[1], dims[0])


def check_state(op: str, name: str, value: Any, expected: list[int]) -> None:
    """An initial state tensor of exactly `expected` shape."""
    if not isinstance(value, Tensor):
        raise TypeError(f"{op}: {name} must be a tensor of shape {expected}, got "
                        f"{type(value).__name__}")
    dims = value.dims()
    if dims != expected:
        error = RankError if len(dims) != len(expected) else ShapeError
        raise error(f"{op}: expected {name} of shape {expected}, got {dims}")


def check_sizes(op: str, d_input: int, d_hidden: int) -> None:
    if d_input <= 0 or d_hidden <= 0:
        raise ValueError(f"{op}: sizes must be positive, got d_input={d_input}, "
                         f"d_hidden={d_hidden}")


def check_clip(op: str, clip: float | None) -> None:
    if clip is not None and not clip >= 0:
        raise ValueError(f"{op}: clip must be >= 0 (cell values are clamped to [-clip, clip]), "
                         f"got {clip}")
