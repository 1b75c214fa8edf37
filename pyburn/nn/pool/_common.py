"""What the pooling layers share: the input check and Burn's padding rule (a symmetric padding
goes to the op; an asymmetric one, e.g. ``Same`` with an even kernel, is applied to the input
first with the pool's neutral value and the op then pools with no padding)."""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.tensor.errors import RankError
from pyburn.tensor.module_ops.pool import _pad

_LAYOUT = {1: "[batch, channels, length]", 2: "[batch, channels, height, width]"}


def check_input(layer: str, x: Any, nd: int) -> list[int]:
    """The dims of a ``[batch, channels, *spatial]`` input, or an error naming `layer`."""
    dims = list(x.dims())
    if len(dims) != nd + 2:
        raise RankError(f"{layer}.forward: expected an input of rank {nd + 2} shaped "
                        f"{_LAYOUT[nd]}, got shape {dims} (rank {len(dims)})")
    return dims


def split_padding(x: Any, pairs: Sequence[tuple[int, int]], fill: float) -> tuple[Any, list[int]]:
    """(input, op padding): symmetric pairs pass through, asymmetric ones pad `x` with `fill`."""
    if all(a == b for a, b in pairs):
        return x, [a for a, _ in pairs]
    return _pad(x, list(pairs), fill), [0] * len(pairs)


def padding_text(padding: Any) -> str:
    """Burn's debug form of a padding config: ``Valid``, ``Explicit(1, 1, 1, 1)``."""
    return repr(padding).split(".", 1)[-1].replace("()", "")
