"""`mean_over_dims`: the ``forward_reduce_dims`` of the pointwise losses (Burn's
``loss.mean_dims(dims)``), with errors that name the loss rather than ``mean_dim``."""

from __future__ import annotations

import operator
from typing import Sequence

from pyburn.tensor import RankError, Tensor

from .._types import B


def mean_over_dims(loss: "Tensor[B]", dims: Sequence[int], owner: str) -> "Tensor[B]":
    """`loss` averaged over `dims`, each kept with size 1 (Burn's ``mean_dims``). Dims may be
    negative (counted from the end) and in any order; a repeated dim is averaged once, as in
    Burn, whose ``mean_dim`` of a size-1 dim changes nothing."""
    if isinstance(dims, (int, str)) or not isinstance(dims, Sequence):
        raise TypeError(f"{owner}: dims must be a list of ints, got {dims!r}")
    rank = loss.rank
    kept: list[int] = []
    for dim in dims:
        if isinstance(dim, bool):
            raise TypeError(f"{owner}: dims must be ints, got {dim!r} in {list(dims)}")
        try:
            index = operator.index(dim)
        except TypeError:
            raise TypeError(f"{owner}: dims must be ints, got {dim!r} in {list(dims)}") from None
        if not -rank <= index < rank:
            raise RankError(f"{owner}: dim {index} is out of range for a rank-{rank} loss of "
                            f"shape {list(loss.shape)} (expected -{rank} <= dim < {rank})")
        kept.append(index % rank)
    return loss.mean_dims(sorted(set(kept)))
