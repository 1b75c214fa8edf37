"""`TransformerEncoder` (Burn's ``burn::nn::transformer::TransformerEncoder``): a stack of
self-attention + feed-forward layers ("Attention Is All You Need"), ``[batch, seq, d_model]``
in and out, as ``torch.nn.TransformerEncoder`` with ``batch_first=True``.

Each layer, with Burn's field names (note the norms' roles, which are Burn's and differ from
torch's ``norm1``/``norm2`` when ``norm_first``)::

    post-norm (default):  x = norm_1(x + mha(x));        x = norm_2(x + pwff(x))
    pre-norm:             x = x + mha(norm_2(x));        x = x + pwff(norm_1(x))

Dropout is applied to each sub-layer's output before the residual sum, inside the attention
(on the scores) and inside the feed-forward, all with the config's `dropout`.

`forward_autoregressive_inference` computes only the newest position of a growing sequence,
reusing what the cache holds for the earlier ones; it equals `forward` with a causal mask.
"""

from __future__ import annotations

from typing import Any, Generic

from pyburn.module import Module
from pyburn.tensor import Device, Tensor

from .._types import B
from ..attention import MhaCache, MhaInput, MultiHeadAttention, TensorCache
from ..dropout import Dropout, DropoutConfig
from ..initializer import resolve_device
from ..norm import LayerNorm
from ._checks import check_mask, check_sequence
from ._common import (StackCache, TransformerStack, TransformerStackConfig, attend, cached,
                      check_cache, display_fields, init_stack, masked, new_mha, new_norm, new_pwff,
                      residual_chain)
from .pwff import PositionWiseFeedForward

__all__ = ["TransformerEncoderConfig", "TransformerEncoder", "TransformerEncoderLayer",
           "TransformerEncoderInput", "TransformerEncoderAutoregressiveCache",
           "TransformerEncoderLayerAutoregressiveCache"]


class TransformerEncoderConfig(TransformerStackConfig):
    """Burn's ``TransformerEncoderConfig(d_model, d_ff, n_heads, n_layers)`` and its defaults
    (dropout 0.1, post-norm, regular softmax, GELU feed-forward, layer-norm epsilon 1e-5)."""

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "TransformerEncoder":
        """`n_layers` independent layers, each drawn with `initializer` (lazily)."""
        return init_stack("TransformerEncoderConfig.init", self, device, backend,
                          TransformerEncoderLayer.new, TransformerEncoder)


class TransformerEncoderInput(Generic[B]):
    """Burn's ``TransformerEncoderInput``: the sequence ``[batch, seq, d_model]`` and optional
    masks (True = masked out): ``mask_pad`` ``[batch, seq]`` hides padding keys, ``mask_attn``
    ``[batch, seq, seq]`` hides key ``j`` from query ``i`` (a causal mask:
    `generate_autoregressive_mask`). The builders return a new input."""

    def __init__(self, tensor: "Tensor[B]", mask_pad: Any = None, mask_attn: Any = None) -> None:
        self.tensor = tensor
        self._mask_pad = mask_pad
        self._mask_attn = mask_attn

    @classmethod
    def new(cls, tensor: "Tensor[B]") -> "TransformerEncoderInput[B]":
        return cls(tensor)

    def mask_pad(self, mask_pad: Any) -> "TransformerEncoderInput[B]":
        """Register the padding mask ``[batch, seq]`` (Bool)."""
        return TransformerEncoderInput(self.tensor, mask_pad, self._mask_attn)

    def mask_attn(self, mask_attn: Any) -> "TransformerEncoderInput[B]":
        """Register the attention mask ``[batch, seq, seq]`` (Bool)."""
        return TransformerEncoderInput(self.tensor, self._mask_pad, mask_attn)

    def check(self, op: str, d_model: int) -> None:
        batch, seq = check_sequence(op, "the input tensor", self.tensor, d_model)
        check_mask(op, "mask_pad", self._mask_pad, [batch, seq])
        check_mask(op, "mask_attn", self._mask_attn, [batch, seq, seq])


class TransformerEncoderLayer(Module):
    """One encoder layer; field names (and so record names) are Burn's."""

    mha: MultiHeadAttention
    pwff: PositionWiseFeedForward
    norm_1: LayerNorm
    norm_2: LayerNorm
    dropout: Dropout
    norm_first: bool = False

    @classmethod
    def new(cls, config: TransformerEncoderConfig, device: Device | str | None = None,
            backend: Any = None) -> "TransformerEncoderLayer":
        backend, dev = resolve_device(device, backend, "TransformerEncoderLayer.new")
        return cls(mha=new_mha(config, dev, backend), pwff=new_pwff(config, dev, backend),
                   norm_1=new_norm(config, dev, backend), norm_2=new_norm(config, dev, backend),
                   dropout=DropoutConfig(config.dropout).init(), norm_first=config.norm_first)

    def forward(self, x: "Tensor[B]", mask_pad: Any = None, mask_attn: Any = None) -> "Tensor[B]":
        return self._forward(x, mask_pad, mask_attn, None)

    def forward_autoregressive_inference(
            self, x: "Tensor[B]", mask_pad: Any, mask_attn: Any,
            cache: "TransformerEncoderLayerAutoregressiveCache") -> "Tensor[B]":
        return self._forward(x, mask_pad, mask_attn, cache)

    def _forward(self, x: Any, mask_pad: Any, mask_attn: Any,
                 cache: "TransformerEncoderLayerAutoregressiveCache | None") -> Any:
        """One body for both paths: with a cache, the position-wise sub-layers go through
        their `TensorCache` and the attention through its `MhaCache`."""
        c = cache

        def attn(t: Any) -> Any:
            return attend(self.mha, masked(MhaInput.self_attn(t), mask_pad, mask_attn),
                          c.mha if c else None)

        pwff = cached(self.pwff, c.pwff if c else None)
        norms = [cached(self.norm_1, c.norm_1 if c else None),
                 cached(self.norm_2, c.norm_2 if c else None)]
        return residual_chain(x, self.norm_first, self.dropout, [attn, pwff], norms)

class TransformerEncoderLayerAutoregressiveCache:
    """What one layer keeps between decoding steps (Burn's field names)."""

    def __init__(self) -> None:
        self.mha = MhaCache.autoregressive()
        self.pwff = TensorCache.empty()
        self.norm_1 = TensorCache.empty()
        self.norm_2 = TensorCache.empty()

    @classmethod
    def empty(cls) -> "TransformerEncoderLayerAutoregressiveCache":
        return cls()


class TransformerEncoderAutoregressiveCache(StackCache[TransformerEncoderLayerAutoregressiveCache]):
    """One layer cache per encoder layer; make it with ``encoder.new_autoregressive_cache()``
    and pass the same cache to every step of one generation."""

    layer_cache = TransformerEncoderLayerAutoregressiveCache


class TransformerEncoder(TransformerStack):
    """The stack of `TransformerEncoderLayer`s; build it with `TransformerEncoderConfig`."""

    layers: list[TransformerEncoderLayer]

    def forward(self, input: TransformerEncoderInput[B]) -> "Tensor[B]":
        """``[batch, seq, d_model]`` -> ``[batch, seq, d_model]``."""
        input.check("TransformerEncoder.forward", self.d_model)
        x = input.tensor
        for layer in self.layers:
            x = layer.forward(x, input._mask_pad, input._mask_attn)
        return x

    __call__ = forward

    def forward_autoregressive_inference(
            self, input: TransformerEncoderInput[B],
            cache: TransformerEncoderAutoregressiveCache) -> "Tensor[B]":
        """Feed the whole prefix at every step (``[batch, i, d_model]`` at step ``i``); only
        its last position is computed anew, the earlier ones come from `cache`. Position
        ``i - 1`` of the result is what `forward` with a causal mask gives there."""
        op = "TransformerEncoder.forward_autoregressive_inference"
        input.check(op, self.d_model)
        check_cache(op, "encoder", cache, TransformerEncoderAutoregressiveCache, len(self.layers))
        x = input.tensor
        for layer, layer_cache in zip(self.layers, cache.layers):
            x = layer.forward_autoregressive_inference(x, input._mask_pad, input._mask_attn,
                                                       layer_cache)
        return x

    def new_autoregressive_cache(self) -> TransformerEncoderAutoregressiveCache:
        """An empty cache for one autoregressive generation."""
        return TransformerEncoderAutoregressiveCache.empty(len(self.layers))

    def display_fields(self) -> dict[str, Any]:
        return display_fields(self)

