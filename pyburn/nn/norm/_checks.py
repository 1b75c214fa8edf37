"""Input checks shared by the normalization layers: the message names the layer, the layout
it expects and the shape it got."""

from __future__ import annotations

import math
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


def check_last_dim(layer: str, x: Any, d_model: int) -> list[int]:
    """The dims of a ``[..., d_model]`` input, or a RankError / ShapeError."""
    dims = x.dims()
    if len(dims) < 1:
        raise RankError(f"{layer}.forward: expected an input of rank >= 1, got shape {dims}")
    if dims[-1] != d_model:
        raise ShapeError(f"{layer}.forward: expected an input of shape [..., {d_model}], "
                         f"got {dims}")
    return dims


def last_dim_shape(rank: int, d_model: int) -> list[int]:
    """``[1, ..., 1, d_model]``: a per-feature vector broadcast against ``[..., d_model]``
    (tensors of equal rank broadcast on every backend)."""
    return [1] * (rank - 1) + [d_model]


def channel_shape(rank: int, channels: int) -> list[int]:
    """``[1, channels, 1, ...]``: a per-channel vector broadcast against ``[batch, channels,
    ...]`` (tensors of equal rank broadcast on every backend)."""
    return [1, channels] + [1] * (rank - 2)


def check_epsilon(op: str, epsilon: float, positive: bool = False) -> None:
    if not math.isfinite(epsilon) or epsilon < 0 or (positive and epsilon == 0):
        want = "> 0" if positive else ">= 0"
        raise ValueError(f"{op}: epsilon must be {want} and finite, got {epsilon}")


def check_positive(op: str, name: str, value: int) -> None:
    if value <= 0:
        raise ValueError(f"{op}: {name} must be positive, got {value}")
