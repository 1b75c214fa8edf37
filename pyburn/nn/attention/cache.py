"""`TensorCache` (Burn's ``burn::nn::cache::TensorCache``): what autoregressive inference keeps
between steps, so that step ``t`` computes a layer for the new token only.

At each step the caller passes the whole sequence so far; `forward_autoregressive` runs the
layer on the last position alone and appends the result to what it computed before (valid for
layers where earlier positions do not depend on later ones: projections, and causal attention).
`forward_full` computes once and then returns the same tensor (cross-attention keys and values
over an encoder output that does not change)."""

from __future__ import annotations

from typing import Any, Callable

from pyburn.tensor import RankError

__all__ = ["TensorCache"]


class TensorCache:
    """An empty or filled cache of one tensor."""

    def __init__(self) -> None:
        self.value: Any = None

    @classmethod
    def empty(cls) -> "TensorCache":
        return cls()

    def is_empty(self) -> bool:
        return self.value is None

    def forward_autoregressive(self, tensor: Any, dim_cat: int,
                               func: Callable[[Any], Any]) -> Any:
        """`func` of `tensor` ``[batch, seq, d]``: the cached rows for positions ``< seq - 1``
        and `func` of the last position, joined along `dim_cat` of `func`'s output."""
        dims = tensor.dims()
        if len(dims) != 3:
            raise RankError(f"TensorCache.forward_autoregressive: expected an input "
                            f"[batch, seq, d], got shape {dims}")
        if self.value is None:
            new = func(tensor)
        else:
            last = func(tensor.narrow(1, dims[1] - 1, 1))
            new = type(self.value).cat([self.value, last], dim_cat)
        self.value = new
        return new

    def forward_full(self, tensor: Any, func: Callable[[Any], Any]) -> Any:
        """`func` of `tensor` the first time, the same result on every later call."""
        if self.value is None:
            self.value = func(tensor)
        return self.value
