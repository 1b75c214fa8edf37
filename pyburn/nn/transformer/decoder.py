"""`TransformerDecoder` (Burn's ``burn::nn::transformer::TransformerDecoder``): a stack of
self-attention + cross-attention (over the encoder's output, the "memory") + feed-forward
layers, as ``torch.nn.TransformerDecoder`` with ``batch_first=True``.

Each layer, with Burn's field names (the norms' roles are Burn's; with ``norm_first`` they
differ from torch's ``norm1``/``norm2``/``norm3``)::

    post-norm (default):  x = norm_1(x + self_attn(x))
                          x = norm_2(x + cross_attn(x, memory))
                          x = norm_3(x + pwff(x))
    pre-norm:             x = x + self_attn(norm_3(x))
                          x = x + cross_attn(norm_1(x), memory)
                          x = x + pwff(norm_2(x))
"""

from __future__ import annotations

from typing import Any, Generic

from pyburn.module import Module
from pyburn.tensor import Device, ShapeError, Tensor

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

__all__ = ["TransformerDecoderConfig", "TransformerDecoder", "TransformerDecoderLayer",
           "TransformerDecoderInput", "TransformerDecoderAutoregressiveCache",
           "TransformerDecoderLayerAutoregressiveCache"]


class TransformerDecoderConfig(TransformerStackConfig):
    """Burn's ``TransformerDecoderConfig(d_model, d_ff, n_heads, n_layers)`` and its defaults
    (dropout 0.1, post-norm, regular softmax, GELU feed-forward, layer-norm epsilon 1e-5)."""

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "TransformerDecoder":
        """`n_layers` independent layers, each drawn with `initializer` (lazily)."""
        return init_stack("TransformerDecoderConfig.init", self, device, backend,
                          TransformerDecoderLayer.new, TransformerDecoder)


class TransformerDecoderInput(Generic[B]):
    """Burn's ``TransformerDecoderInput``: the target ``[batch, seq_tgt, d_model]``, the
    memory ``[batch, seq_mem, d_model]`` and optional masks (True = masked out): target masks
    ``[batch, seq_tgt]`` / ``[batch, seq_tgt, seq_tgt]`` for the self-attention, memory masks
    ``[batch, seq_mem]`` / ``[batch, seq_tgt, seq_mem]`` for the cross-attention. The builders
    return a new input."""

    def __init__(self, target: "Tensor[B]", memory: "Tensor[B]", target_mask_pad: Any = None,
                 target_mask_attn: Any = None, memory_mask_pad: Any = None,
                 memory_mask_attn: Any = None) -> None:
        self.target = target
        self.memory = memory
        self._masks = {"target_mask_pad": target_mask_pad, "target_mask_attn": target_mask_attn,
                       "memory_mask_pad": memory_mask_pad, "memory_mask_attn": memory_mask_attn}

    @classmethod
    def new(cls, target: "Tensor[B]", memory: "Tensor[B]") -> "TransformerDecoderInput[B]":
        return cls(target, memory)

    def _with(self, name: str, mask: Any) -> "TransformerDecoderInput[B]":
        out = TransformerDecoderInput(self.target, self.memory, **self._masks)
        out._masks[name] = mask
        return out

    def target_mask_pad(self, mask_pad: Any) -> "TransformerDecoderInput[B]":
        """Register the target padding mask ``[batch, seq_tgt]`` (Bool)."""
        return self._with("target_mask_pad", mask_pad)

    def target_mask_attn(self, mask_attn: Any) -> "TransformerDecoderInput[B]":
        """Register the target attention mask ``[batch, seq_tgt, seq_tgt]`` (Bool)."""
        return self._with("target_mask_attn", mask_attn)

    def memory_mask_pad(self, mask_pad: Any) -> "TransformerDecoderInput[B]":
        """Register the memory padding mask ``[batch, seq_mem]`` (Bool)."""
        return self._with("memory_mask_pad", mask_pad)

    def memory_mask_attn(self, mask_attn: Any) -> "TransformerDecoderInput[B]":
        """Register the memory attention mask ``[batch, seq_tgt, seq_mem]`` (Bool)."""
        return self._with("memory_mask_attn", mask_attn)

    def check(self, op: str, d_model: int) -> None:
        batch, seq_tgt = check_sequence(op, "the target", self.target, d_model)
        mem_batch, seq_mem = check_sequence(op, "the memory", self.memory, d_model)
        if mem_batch != batch:
            raise ShapeError(f"{op}: the target {self.target.dims()} and the memory "
                             f"{self.memory.dims()} must have the same batch size")
        m = self._masks
        check_mask(op, "target_mask_pad", m["target_mask_pad"], [batch, seq_tgt])
        check_mask(op, "target_mask_attn", m["target_mask_attn"], [batch, seq_tgt, seq_tgt])
        check_mask(op, "memory_mask_pad", m["memory_mask_pad"], [batch, seq_mem])
        check_mask(op, "memory_mask_attn", m["memory_mask_attn"], [batch, seq_tgt, seq_mem])


class TransformerDecoderLayer(Module):
    """One decoder layer; field names (and so record names) are Burn's."""

    cross_attn: MultiHeadAttention
    self_attn: MultiHeadAttention
    pwff: PositionWiseFeedForward
    norm_1: LayerNorm
    norm_2: LayerNorm
    norm_3: LayerNorm
    dropout: Dropout
    norm_first: bool = False

    @classmethod
    def new(cls, config: TransformerDecoderConfig, device: Device | str | None = None,
            backend: Any = None) -> "TransformerDecoderLayer":
        backend, dev = resolve_device(device, backend, "TransformerDecoderLayer.new")
        return cls(cross_attn=new_mha(config, dev, backend),
                   self_attn=new_mha(config, dev, backend), pwff=new_pwff(config, dev, backend),
                   norm_1=new_norm(config, dev, backend), norm_2=new_norm(config, dev, backend),
                   norm_3=new_norm(config, dev, backend),
                   dropout=DropoutConfig(config.dropout).init(), norm_first=config.norm_first)

    def forward(self, input: TransformerDecoderInput[B]) -> TransformerDecoderInput[B]:
        """The input with its target replaced by this layer's output (Burn's signature, so
        layers chain)."""
        return self._forward(input, None)

    def forward_autoregressive_inference(
            self, input: TransformerDecoderInput[B],
            cache: "TransformerDecoderLayerAutoregressiveCache") -> TransformerDecoderInput[B]:
        return self._forward(input, cache)

    def _forward(self, input: Any,
                 cache: "TransformerDecoderLayerAutoregressiveCache | None") -> Any:
        """One body for both paths (see `TransformerEncoderLayer._forward`)."""
        c, m = cache, input._masks

        def self_attn(t: Any) -> Any:
            attn_input = masked(MhaInput.self_attn(t), m["target_mask_pad"],
                                m["target_mask_attn"])
            return attend(self.self_attn, attn_input, c.self_attn if c else None)

        def cross_attn(t: Any) -> Any:
            attn_input = masked(MhaInput(t, input.memory, input.memory), m["memory_mask_pad"],
                                m["memory_mask_attn"])
            return attend(self.cross_attn, attn_input, c.cross_attn if c else None)

        pwff = cached(self.pwff, c.pwff if c else None)
        norms = [cached(self.norm_1, c.norm_1 if c else None),
                 cached(self.norm_2, c.norm_2 if c else None),
                 cached(self.norm_3, c.norm_3 if c else None)]
        x = residual_chain(input.target, self.norm_first, self.dropout,
                           [self_attn, cross_attn, pwff], norms)
        return TransformerDecoderInput(x, input.memory, **m)

class TransformerDecoderLayerAutoregressiveCache:
    """What one layer keeps between decoding steps (Burn's field names): the memory's keys
    and values are computed once (``MhaCache.autoregressive_cross_attention``)."""

    def __init__(self) -> None:
        self.cross_attn = MhaCache.autoregressive_cross_attention()
        self.self_attn = MhaCache.autoregressive()
        self.pwff = TensorCache.empty()
        self.norm_1 = TensorCache.empty()
        self.norm_2 = TensorCache.empty()
        self.norm_3 = TensorCache.empty()

    @classmethod
    def empty(cls) -> "TransformerDecoderLayerAutoregressiveCache":
        return cls()


class TransformerDecoderAutoregressiveCache(StackCache[TransformerDecoderLayerAutoregressiveCache]):
    """One layer cache per decoder layer; make it with ``decoder.new_autoregressive_cache()``
    and pass the same cache (and the same memory) to every step of one generation."""

    layer_cache = TransformerDecoderLayerAutoregressiveCache


class TransformerDecoder(TransformerStack):
    """The stack of `TransformerDecoderLayer`s; build it with `TransformerDecoderConfig`."""

    layers: list[TransformerDecoderLayer]

    def forward(self, input: TransformerDecoderInput[B]) -> "Tensor[B]":
        """target ``[batch, seq_tgt, d_model]`` (attending to the memory) -> the same shape."""
        input.check("TransformerDecoder.forward", self.d_model)
        for layer in self.layers:
            input = layer.forward(input)
        return input.target

    __call__ = forward

    def forward_autoregressive_inference(
            self, input: TransformerDecoderInput[B],
            cache: TransformerDecoderAutoregressiveCache) -> "Tensor[B]":
        """Feed the whole target prefix at every step, with the same memory; only the last
        position is computed anew. Position ``i - 1`` of the result equals `forward` with a
        causal target mask there."""
        op = "TransformerDecoder.forward_autoregressive_inference"
        input.check(op, self.d_model)
        check_cache(op, "decoder", cache, TransformerDecoderAutoregressiveCache, len(self.layers))
        for layer, layer_cache in zip(self.layers, cache.layers):
            input = layer.forward_autoregressive_inference(input, layer_cache)
        return input.target

    def new_autoregressive_cache(self) -> TransformerDecoderAutoregressiveCache:
        """An empty cache for one autoregressive generation."""
        return TransformerDecoderAutoregressiveCache.empty(len(self.layers))

    def display_fields(self) -> dict[str, Any]:
        return display_fields(self)
