"""`CrossAttention` (Burn's ``burn::nn::attention::CrossAttention``): queries from one sequence
(e.g. a decoder state, ``[batch, seq_q, d_model]``) attend over another (e.g. encoder output,
``[batch, seq_k, d_context]``), with asymmetric projections:

- ``query``: ``d_model -> n_heads * d_head``; ``key``/``value``: ``d_context -> n_heads_kv *
  d_head``; ``output``: ``n_heads * d_head -> d_model``.
- ``n_heads_kv`` key/value heads serve ``n_heads`` query heads: ``n_heads_kv == n_heads`` is
  multi-head attention, ``1`` is multi-query attention, anything dividing ``n_heads`` is grouped
  query attention (each key/value head is repeated ``n_heads / n_heads_kv`` times).
- ``weights = softmax(q k^T / sqrt(d_head))`` with masked context positions set to `min_float`
  (-1e4 by default, safe in f16), or `quiet_softmax` (an implicit zero logit); dropout acts on the
  weights after the softmax (unlike `MultiHeadAttention`, which drops scores), as in Burn.
- `forward_cache` keeps the projected keys and values of a context that does not change between
  decoding steps in a `CrossAttentionCache`.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, RankError, ShapeError, Tensor
from pyburn.tensor.activation import quiet_softmax, softmax

from ..dropout import Dropout, DropoutConfig
from ..initializer import Initializer, resolve_device
from ..linear import Linear, LinearConfig
from .cache import TensorCache

__all__ = ["CrossAttentionConfig", "CrossAttention", "CrossAttentionCache"]

_NAME = "CrossAttention"


class CrossAttentionConfig(Config):
    """``CrossAttentionConfig(d_model, d_context, n_heads, n_heads_kv, d_head)`` with Burn's
    defaults: dropout 0.1, ``min_float = -1e4``, no quiet softmax. The four projections have
    biases and Kaiming-uniform weights with gain ``1/sqrt(d_head)``."""

    d_model: int
    d_context: int
    n_heads: int
    n_heads_kv: int
    d_head: int
    dropout: float = 0.1
    min_float: float = -1.0e4
    quiet_softmax: bool = False

    def init(self, device: Device | str | None = None, backend: Any = None) -> "CrossAttention":
        """Build the layer on `device` (which names its backend)."""
        sizes = {"d_model": self.d_model, "d_context": self.d_context, "n_heads": self.n_heads,
                 "n_heads_kv": self.n_heads_kv, "d_head": self.d_head}
        bad = {k: v for k, v in sizes.items()
               if isinstance(v, bool) or not isinstance(v, int) or v <= 0}
        if bad:
            raise ValueError(f"CrossAttentionConfig.init: sizes must be positive integers, got "
                             + ", ".join(f"{k}={v!r}" for k, v in bad.items()))
        if self.n_heads % self.n_heads_kv:
            raise ValueError(f"CrossAttentionConfig.init: query heads must be divisible by key/"
                             f"value heads, got n_heads={self.n_heads}, "
                             f"n_heads_kv={self.n_heads_kv}")
        backend, dev = resolve_device(device, backend, "CrossAttentionConfig.init")
        initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(self.d_head),
                                                 fan_out_only=False)

        def linear(d_input: int, d_output: int) -> Linear:
            return LinearConfig(d_input, d_output,
                                initializer=initializer).init(dev, backend)

        d_q, d_kv = self.n_heads * self.d_head, self.n_heads_kv * self.d_head
        return CrossAttention(
            query=linear(self.d_model, d_q), key=linear(self.d_context, d_kv),
            value=linear(self.d_context, d_kv), output=linear(d_q, self.d_model),
            dropout=DropoutConfig(self.dropout).init(),
            n_heads=self.n_heads, n_heads_kv=self.n_heads_kv, d_head=self.d_head,
            scale=1.0 / math.sqrt(self.d_head), min_float=float(self.min_float),
            quiet_softmax=bool(self.quiet_softmax))


class CrossAttentionCache:
    """The projected keys `k` and values `v` (``[batch, n_heads_kv, seq_k, d_head]``) of a
    context, computed on the first `CrossAttention.forward_cache` call and reused after it:
    start a new cache when the context changes."""

    def __init__(self) -> None:
        self.k = TensorCache.empty()
        self.v = TensorCache.empty()

    @classmethod
    def new(cls) -> "CrossAttentionCache":
        return cls()


class CrossAttention(Module):
    """See the module docstring. Fields as Burn's: `query`, `key`, `value`, `output` (`Linear`),
    `dropout`, and the sizes."""

    query: Linear
    key: Linear
    value: Linear
    output: Linear
    dropout: Dropout
    n_heads: int
    n_heads_kv: int
    d_head: int
    scale: float
    min_float: float = -1.0e4
    quiet_softmax: bool = False

    def forward(self, query: "Tensor[Any]", context: "Tensor[Any]",
                mask: "Tensor[Any] | None" = None) -> "Tensor[Any]":
        """`query` ``[batch, seq_q, d_model]`` attends over `context` ``[batch, seq_k,
        d_context]``; `mask` ``[batch, seq_k]`` (Bool, true = ignore that context position) is
        optional. Returns ``[batch, seq_q, d_model]``."""
        batch, _ = self._check_query(query, "forward")
        self._check_context(context, batch, "forward")
        return self._attend(query, self._kv(context, self.key),
                            self._kv(context, self.value), mask, "forward")

    __call__ = forward

    def forward_cache(self, query: "Tensor[Any]", context: "Tensor[Any]",
                      mask: "Tensor[Any] | None", cache: CrossAttentionCache) -> "Tensor[Any]":
        """`forward`, with the keys and values of `context` taken from `cache` when it holds
        them (they are computed and stored on the first call)."""
        if not isinstance(cache, CrossAttentionCache):
            raise TypeError(f"{_NAME}.forward_cache: cache must be a CrossAttentionCache, got "
                            f"{type(cache).__name__}")
        batch, _ = self._check_query(query, "forward_cache")
        self._check_context(context, batch, "forward_cache")
        k = cache.k.forward_full(context, lambda c: self._kv(c, self.key))
        v = cache.v.forward_full(context, lambda c: self._kv(c, self.value))
        if k.dims()[0] != batch:
            raise ShapeError(f"{_NAME}.forward_cache: the cached keys are for batch "
                             f"{k.dims()[0]}, the query has batch {batch} (use a new cache)")
        return self._attend(query, k, v, mask, "forward_cache")

    # --- parts -----------------------------------------------------------------------------------
    def _kv(self, context: "Tensor[Any]", linear: Linear) -> "Tensor[Any]":
        """``[batch, seq_k, d_context]`` -> ``[batch, n_heads_kv, seq_k, d_head]``."""
        batch, seq_k, _ = context.dims()
        return (linear.forward(context).reshape([batch, seq_k, self.n_heads_kv, self.d_head])
                .swap_dims(1, 2))

    def _repeat_kv(self, x: "Tensor[Any]") -> "Tensor[Any]":
        """Each of the ``n_heads_kv`` heads repeated ``n_heads / n_heads_kv`` times in a row."""
        n_rep = self.n_heads // self.n_heads_kv
        if n_rep == 1:
            return x
        b, h, seq, d = x.dims()
        return x.reshape([b, h, 1, seq, d]).expand([b, h, n_rep, seq, d]).reshape(
            [b, h * n_rep, seq, d])

    def _attend(self, query: "Tensor[Any]", k: "Tensor[Any]", v: "Tensor[Any]",
                mask: "Tensor[Any] | None", op: str) -> "Tensor[Any]":
        batch, seq_q, _ = query.dims()
        seq_k = k.dims()[2]
        q = (self.query.forward(query).reshape([batch, seq_q, self.n_heads, self.d_head])
             .swap_dims(1, 2))
        k, v = self._repeat_kv(k), self._repeat_kv(v)
        scores = q.matmul(k.transpose()).mul_scalar(self.scale)
        if mask is not None:
            self._check_mask(mask, [batch, seq_k], op)
            full = mask.reshape([batch, 1, 1, seq_k]).expand(scores.dims())
            scores = scores.mask_fill(full, self.min_float)
        weights = quiet_softmax(scores, 3) if self.quiet_softmax else softmax(scores, 3)
        weights = self.dropout.forward(weights)
        out = weights.matmul(v).swap_dims(1, 2).reshape([batch, seq_q, self.n_heads * self.d_head])
        return self.output.forward(out)

    def _d_model(self) -> int:
        return self.query.d_input

    def _d_context(self) -> int:
        return self.key.d_input

    def _check_query(self, query: Any, op: str) -> tuple[int, int]:
        d_model = self._d_model()
        self._check_float3(query, "query", f"[batch, seq_q, d_model={d_model}]", op)
        dims = list(query.dims())
        if dims[2] != d_model:
            raise ShapeError(f"{_NAME}.{op}: query must be [batch, seq_q, d_model={d_model}], "
                             f"got shape {dims}")
        return dims[0], dims[1]

    def _check_context(self, context: Any, batch: int, op: str) -> None:
        d_context = self._d_context()
        want = f"[batch={batch}, seq_k, d_context={d_context}]"
        self._check_float3(context, "context", want, op)
        dims = list(context.dims())
        if dims[0] != batch or dims[2] != d_context:
            raise ShapeError(f"{_NAME}.{op}: context must be {want}, got shape {dims}")

    @staticmethod
    def _check_float3(x: Any, name: str, want: str, op: str) -> None:
        if not isinstance(x, Tensor) or x.kind.prefix != "float":
            raise TypeError(f"{_NAME}.{op}: {name} must be a Float tensor {want}, got "
                            f"{type(x).__name__}")
        if x.rank != 3:
            raise RankError(f"{_NAME}.{op}: {name} must be {want}, got shape {list(x.dims())}")

    @staticmethod
    def _check_mask(mask: Any, want: list[int], op: str) -> None:
        if not isinstance(mask, Tensor) or mask.kind.prefix != "bool":
            raise TypeError(f"{_NAME}.{op}: mask must be a Bool tensor {want} (true = masked), "
                            f"got {type(mask).__name__}")
        if list(mask.dims()) != want:
            raise ShapeError(f"{_NAME}.{op}: mask must have shape [batch, seq_k] = {want}, got "
                             f"{list(mask.dims())}")

    def display_fields(self) -> dict[str, Any]:
        return {"d_model": self._d_model(), "d_context": self._d_context(),
                "n_heads": self.n_heads, "n_heads_kv": self.n_heads_kv, "d_head": self.d_head,
                "dropout": self.dropout.prob, "min_float": self.min_float,
                "quiet_softmax": self.quiet_softmax}
