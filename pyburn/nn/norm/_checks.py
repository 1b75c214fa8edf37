"""Input checks shared by the normalization layers: the message names the layer, the layout
it expects and the shape it got."""

from __future__ import annotations

from typing import Any

from pyburn.tensor import RankError, ShapeError


def check_channels(layer: str, x: Any, channels: int, min_rank: int = 2) -> list[int]:
    """The dims of a ``[batch, channels, ...]`` input, or a RankError / ShapeError."""
    dims = list(x.dims())
    layout = f"[batch, {channels}" + (", ...]" if min_rank <= 2 else ", length, ...]")
    if len(dims) < min_rank:
        raise RankError(f"{layer}.forward: expected an input of rank >= {min_rank} shaped "
                        f"{layout}, got shape {dims} (rank {len(dims)})")
    if dims[1] != channels:
        raise ShapeError(f"{layer}.forward: expected {channels} channels (dim 1) in an input "
                         f"shaped {layout}, got shape {dims}")
    return dims


def channel_shape(rank: int, channels: int) -> list[int]:
    """``[1, channels, 1, ...]``: a per-channel vector broadcast against ``[batch, channels,
    ...]`` (tensors of equal rank broadcast on every backend)."""
    return [1, channels] + [1] * (rank - 2)


def check_epsilon(op: str, epsilon: float, positive: bool = False) -> None:
    if epsilon < 0 or (positive and epsilon == 0) or epsilon != epsilon:
        want = "> 0" if positive else ">= 0"
        raise ValueError(f"{op}: epsilon must be {want}, got {epsilon}")


def check_positive(op: str, name: str, value: int) -> None:
    if value <= 0:
        raise ValueError(f"{op}: {name} must be positive, got {value}")
