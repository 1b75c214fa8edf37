"""`Embedding` (Burn's ``burn::nn::Embedding``): a learned lookup table from token ids to
vectors, differentiable with respect to the table (rows not looked up get zero gradient)."""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Int, KindError, RankError, Tensor
from pyburn.tensor.errors import IndexRangeError

from ._types import B
from .initializer import Initializer, resolve_device

__all__ = ["EmbeddingConfig", "Embedding"]


class EmbeddingConfig(Config):
    """`n_embedding` vectors of size `d_model`, drawn from ``N(0, 1)`` by default (Burn's and
    PyTorch's default)."""

    n_embedding: int
    d_model: int
    initializer: Initializer = Initializer.Normal(mean=0.0, std=1.0)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Embedding":
        if self.n_embedding < 0 or self.d_model < 0:
            raise ValueError(f"EmbeddingConfig.init: sizes must be >= 0, got n_embedding="
                             f"{self.n_embedding}, d_model={self.d_model}")
        backend, dev = resolve_device(device, backend, "EmbeddingConfig.init")
        weight = self.initializer.init_param([self.n_embedding, self.d_model], dev, backend,
                                             fan_in=self.n_embedding, fan_out=self.d_model)
        return Embedding(weight)


class Embedding(Module):
    """``weight`` is ``[n_embedding, d_model]``; row ``i`` is token ``i``'s vector."""

    weight: Param[Any]

    @property
    def n_embedding(self) -> int:
        return int(self.weight.shape[0])

    @property
    def d_model(self) -> int:
        return int(self.weight.shape[1])

    def forward(self, indices: "Tensor[B, Int]") -> "Tensor[B]":
        """An Int tensor ``[batch, seq]`` (any rank >= 1) -> ``[batch, seq, d_model]``.

        Ids are range-checked first: an out-of-range id is a clear error here rather than a
        device-side assert later."""
        if type(indices).kind is not Int:
            raise KindError(f"Embedding.forward: expected an Int tensor of token ids, got a "
                            f"{type(indices).kind.__name__} tensor")
        dims = indices.dims()
        if len(dims) < 1:
            raise RankError(f"Embedding.forward: expected ids of rank >= 1, got shape {dims}")
        flat = indices.reshape([math.prod(dims)]) if len(dims) != 1 else indices
        try:
            rows = self.weight.val().select(0, flat)  # select checks the ids (one transfer)
        except IndexRangeError as exc:
            raise IndexRangeError(f"Embedding.forward: token id {exc.index} is out of range for "
                                  f"{self.n_embedding} embeddings", exc.index, exc.size) from None
        return rows.reshape([*dims, self.d_model])

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"n_embedding": self.n_embedding, "d_model": self.d_model}
